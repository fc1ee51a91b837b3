/* Unit tests of pstats.c: the marshal bytes, read back by a small decoder of
 * the types the writer uses.  (tests/pstats.sh loads real files in every
 * CPython on the machine.) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "pstats.h"
#include "tap.h"

struct mval {
	char type; /* 'i' int, 'g' float, 'u' string, '(' tuple, '{' dict */
	long long i;
	double d;
	char *s;
	struct mval *items; /* tuple: n items; dict: n keys then values interleaved */
	size_t n;
};

static const unsigned char *at, *end;

static uint32_t u32(void)
{
	ck_assert(end - at >= 4);
	uint32_t v = (uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16 | (uint32_t)at[3] << 24;
	at += 4;
	return v;
}

static void decode(struct mval *v)
{
	ck_assert(at < end);
	memset(v, 0, sizeof *v);
	v->type = (char)*at++;
	switch (v->type) {
	case 'i':
		v->i = (int32_t)u32();
		break;
	case 'l': {
		uint32_t n = u32();
		for (uint32_t k = 0; k < n; k++, at += 2)
			v->i |= (long long)(at[0] | at[1] << 8) << (15 * k);
		v->type = 'i';
		break;
	}
	case 'g': {
		uint64_t bits = 0;
		for (int k = 0; k < 8; k++)
			bits |= (uint64_t)at[k] << (8 * k);
		at += 8;
		memcpy(&v->d, &bits, 8);
		break;
	}
	case 'u': {
		uint32_t n = u32();
		v->s = strndup((const char *)at, n);
		at += n;
		break;
	}
	case '(':
		v->n = u32();
		v->items = calloc(v->n + 1, sizeof *v->items);
		for (size_t k = 0; k < v->n; k++)
			decode(&v->items[k]);
		break;
	case '{':
		while (*at != '0') {
			v->items = realloc(v->items, (v->n + 1) * 2 * sizeof *v->items);
			decode(&v->items[2 * v->n]);
			decode(&v->items[2 * v->n + 1]);
			v->n++;
		}
		at++;
		break;
	default:
		ck_abort_msg("unexpected marshal type %c", v->type);
	}
}

static void mval_free(struct mval *v)
{
	size_t n = v->type == '{' ? 2 * v->n : v->type == '(' ? v->n : 0;

	for (size_t k = 0; k < n; k++)
		mval_free(&v->items[k]);
	free(v->items);
	free(v->s);
}

static struct strtab *strings;

static struct mval written(struct stats *st)
{
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	struct mval v;

	ck_assert_int_eq(pstats_write_stream(st, f), 0);
	fclose(f);
	at = (const unsigned char *)text;
	end = at + len;
	decode(&v);
	ck_assert_msg(at == end, "%td bytes after the dict", end - at);
	free(text);
	return v;
}

static uint32_t add(struct stats *st, const char *file, unsigned line, const char *name)
{
	return stats_entry(st, (struct func_name){strtab_intern(strings, file), line, strtab_intern(strings, name)});
}

START_TEST(test_layout)
{
	struct stats *st;
	struct mval d;

	strings = strtab_new();
	st = stats_new(strings);
	uint32_t m = add(st, "/src/m.c", 3, "main"), f = add(st, "/src/f.c", 7, "f");
	st->entries[m] = (struct stat_entry){st->entries[m].key, 1, 1, 0.5, 2.5, STATS_NONE, STATS_NONE, 0};
	st->entries[f].cc = 3;
	st->entries[f].nc = 1ll << 40;
	st->entries[f].tt = 1.25;
	st->entries[f].ct = 2.0;
	uint32_t k = stats_edge(st, f, m);
	st->edges[k].nc = 5;
	st->edges[k].cc = 4;
	st->edges[k].tt = 0.5;
	st->edges[k].ct = 0.25;

	d = written(st);
	ck_assert_int_eq(d.type, '{');
	ck_assert_uint_eq(d.n, 2);
	/* keys in entry order: (file, line, name) */
	struct mval *key = &d.items[0], *val = &d.items[1];
	ck_assert_int_eq(key->type, '(');
	ck_assert_uint_eq(key->n, 3);
	ck_assert_str_eq(key->items[0].s, "/src/m.c");
	ck_assert_int_eq(key->items[1].i, 3);
	ck_assert_str_eq(key->items[2].s, "main");
	/* (cc, nc, tt, ct, callers) */
	ck_assert_uint_eq(val->n, 5);
	ck_assert_int_eq(val->items[0].i, 1);
	ck_assert_double_eq(val->items[3].d, 2.5);
	ck_assert_uint_eq(val->items[4].n, 0);
	key = &d.items[2];
	val = &d.items[3];
	ck_assert_str_eq(key->items[2].s, "f");
	ck_assert_int_eq(val->items[0].i, 3);
	ck_assert_int_eq(val->items[1].i, 1ll << 40);
	ck_assert_double_eq(val->items[2].d, 1.25);
	/* callers: {caller key: (nc, cc, tt, ct)} */
	struct mval *callers = &val->items[4];
	ck_assert_uint_eq(callers->n, 1);
	ck_assert_str_eq(callers->items[0].items[2].s, "main");
	ck_assert_int_eq(callers->items[1].items[0].i, 5);
	ck_assert_int_eq(callers->items[1].items[1].i, 4);
	ck_assert_double_eq(callers->items[1].items[2].d, 0.5);
	ck_assert_double_eq(callers->items[1].items[3].d, 0.25);
	mval_free(&d);
	stats_free(st);
	strtab_free(strings);
}
END_TEST

/* Python refuses invalid UTF-8 in 'u' strings, and some valid-looking
 * sequences too: the analysis makes every name valid at intern time */
START_TEST(test_utf8)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"/src/caf\xc3\xa9.c", "/src/caf\xc3\xa9.c"},
		{"emoji \xf0\x9f\x98\x80", "emoji \xf0\x9f\x98\x80"},
		{"bad\xff\xfename", "bad\xef\xbf\xbd\xef\xbf\xbdname"},
		{"overlong\xe0\x80\x80", "overlong\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
		{"overlong\xf0\x80\x80\x80", "overlong\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
		{"surrogate\xed\xa0\x80", "surrogate\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
		{"big\xf4\x90\x80\x80", "big\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
		{"cut\xc3", "cut\xef\xbf\xbd"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *v = utf8_valid(cases[i].in);
		ck_assert_str_eq(v, cases[i].out);
		free(v);
	}
}
END_TEST

/* A report's file is written by output.c, whatever its format. */
static int write_nothing(FILE *out, const struct model *m, const struct output_args *a)
{
	(void)out, (void)m, (void)a;
	return 0;
}

static const struct output nothing = {.name = "nothing", .write = write_nothing};

START_TEST(test_write_error_leaves_nothing)
{
	ck_assert_int_lt(output_write_file(&nothing, NULL, NULL, "/nonexistent-dir/x.pstats"), 0);
}
END_TEST

/* A FIFO would block the write, forever with no reader: refused, and left. */
START_TEST(test_write_refuses_fifo)
{
	char dir[] = "/tmp/check_pstats.XXXXXX", fifo[64];
	struct stat sb;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(output_check(fifo), -OUTPUT_NOT_REGULAR);
	ck_assert_int_eq(output_write_file(&nothing, NULL, NULL, fifo), -OUTPUT_NOT_REGULAR);
	ck_assert(stat(fifo, &sb) == 0 && S_ISFIFO(sb.st_mode));
	unlink(fifo);
	rmdir(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pstats");
	TCase *tc = tcase_create("pstats");

	tcase_add_test(tc, test_layout);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_write_error_leaves_nothing);
	tcase_add_test(tc, test_write_refuses_fifo);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
