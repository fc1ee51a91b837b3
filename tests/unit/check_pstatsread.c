/* Unit tests of pstatsread.c: what the writer writes reads back equal;
 * files that every CPython on the machine writes (cProfile, pstats'
 * dump_stats, the profile module) read as Python's pstats sees them; marshal
 * built by hand reads as Python reads it, or is refused with a message that
 * names the file and the offset; and cut or mutated files never crash the
 * reader (under --enable-sanitizers, no memory error either). */
#include "config.h"

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pstats.h"
#include "report.h"
#include "tap.h"

static struct strtab *strings;
static char err[512];

/* ck_assert costs a write to Check's pipe: the loops over thousands of
 * variants assert so only what fails. */
#define CHECK(cond, ...)                          \
	do {                                      \
		if (!(cond))                      \
			ck_abort_msg(__VA_ARGS__); \
	} while (0)

/* Marshal written by hand. */
struct buf {
	unsigned char *p;
	size_t n, cap;
};
static struct buf b;

static void put(int c)
{
	GROW(b.p, b.cap, b.n + 1);
	b.p[b.n++] = (unsigned char)c;
}

static void put_u32(uint32_t v)
{
	for (int i = 0; i < 4; i++)
		put((int)(v >> (8 * i) & 0xff));
}

static void put_bytes(const void *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(((const unsigned char *)s)[i]);
}

/* type: 'u' 't' 'a' 'A' (32-bit length) or 'z' 'Z' (8-bit), FLAG_REF or'ed in or not */
static void put_str(int type, const char *s, size_t n)
{
	put(type);
	if ((type & 0x7f) == 'z' || (type & 0x7f) == 'Z')
		put((int)n);
	else
		put_u32((uint32_t)n);
	put_bytes(s, n);
}

static void put_int(int32_t v)
{
	put('i');
	put_u32((uint32_t)v);
}

static void put_float(double d)
{
	uint64_t bits;

	memcpy(&bits, &d, sizeof bits);
	put('g');
	put_u32((uint32_t)bits);
	put_u32((uint32_t)(bits >> 32));
}

static void put_key(const char *file, int32_t line, const char *name)
{
	put(')');
	put(3);
	put_str('z', file, strlen(file));
	put_int(line);
	put_str('z', name, strlen(name));
}

/* (cc, nc, tt, ct, then the callers dict: left open) */
static void put_numbers(int32_t cc, int32_t nc, double tt, double ct)
{
	put(')');
	put(5);
	put_int(cc);
	put_int(nc);
	put_float(tt);
	put_float(ct);
}

static void start(void)
{
	b.n = 0;
}

static struct stats *parse(void)
{
	err[0] = '\0';
	return pstats_parse(strings, "t.pstats", b.p, b.n, err, sizeof err);
}

/* Parses what fails, and checks the message says where. */
static void refused(const char *part)
{
	struct stats *st = parse();

	ck_assert_msg(!st, "read, but should not be: %s", part);
	ck_assert_msg(strncmp(err, "t.pstats: offset ", 17) == 0, "message %s", err);
	ck_assert_msg(strstr(err, part), "message '%s' does not say '%s'", err, part);
}

static const struct stat_entry *entry(const struct stats *st, const char *file, unsigned line, const char *name)
{
	struct func_name k = {strtab_intern(strings, file), line, strtab_intern(strings, name)};
	uint32_t e = stats_find(st, k);

	ck_assert_msg(e != STATS_NONE, "no entry %s:%u(%s)", file, line, name);
	return &st->entries[e];
}

static int same_double(double x, double y)
{
	return memcmp(&x, &y, sizeof x) == 0;
}

/* Equal tables on the same strings: keys, numbers to the bit, callers in
 * the same order. */
static void assert_equal(const struct stats *x, const struct stats *y)
{
	CHECK(x->n == y->n, "%zu entries, then %zu", x->n, y->n);
	for (size_t i = 0; i < x->n; i++) {
		const struct stat_entry *a = &x->entries[i], *c = &y->entries[i];
		CHECK(memcmp(&a->key, &c->key, sizeof a->key) == 0, "entry %zu: another key", i);
		CHECK(a->cc == c->cc && a->nc == c->nc, "entry %zu: other counts", i);
		CHECK(same_double(a->tt, c->tt) && same_double(a->ct, c->ct), "entry %zu: other times", i);
		uint32_t k = a->first_edge, l = c->first_edge;
		for (; k != STATS_NONE && l != STATS_NONE; k = x->edges[k].next, l = y->edges[l].next) {
			const struct stat_edge *p = &x->edges[k], *q = &y->edges[l];
			CHECK(p->caller == q->caller, "entry %zu: another caller", i);
			CHECK(p->nc == q->nc && p->cc == q->cc, "entry %zu: a caller's counts differ", i);
			CHECK(same_double(p->tt, q->tt) && same_double(p->ct, q->ct), "entry %zu: a caller's times differ", i);
		}
		CHECK(k == STATS_NONE && l == STATS_NONE, "entry %zu: another number of callers", i);
	}
}

static unsigned char *written(const struct stats *st, size_t *len)
{
	char *text;
	FILE *f = open_memstream(&text, len);

	CHECK(pstats_write_stream(st, f) == 0, "not written");
	fclose(f);
	return (unsigned char *)text;
}

/* What any read gives: callers within the table, names valid UTF-8; and
 * written again, it reads back the same. */
static void assert_sound(const struct stats *st)
{
	size_t len, edges = 0;
	unsigned char *data;
	struct stats *again;

	for (size_t i = 0; i < st->n; i++) {
		const struct stat_entry *e = &st->entries[i];
		for (uint32_t k = e->first_edge; k != STATS_NONE; k = st->edges[k].next, edges++) {
			CHECK(k < st->nedges, "edge %u of %zu", k, st->nedges);
			CHECK(st->edges[k].caller < st->n, "a caller past the entries");
			CHECK(edges <= st->nedges, "callers in a loop");
		}
		const char *names[2] = {strtab_str(strings, e->key.file), strtab_str(strings, e->key.name)};
		for (int j = 0; j < 2; j++)
			for (const unsigned char *s = (const unsigned char *)names[j]; *s; s += utf8_len(s))
				CHECK(utf8_len(s) > 0, "invalid UTF-8 in a name");
	}
	data = written(st, &len);
	again = pstats_parse(strings, "again", data, len, err, sizeof err);
	CHECK(again, "what was read does not read back: %s", err);
	assert_equal(st, again);
	stats_free(again);
	free(data);
}

static uint32_t add(struct stats *st, const char *file, unsigned line, const char *name)
{
	return stats_entry(st, (struct func_name){strtab_intern(strings, file), line, strtab_intern(strings, name)});
}

/* A table with what the writer has to write in each way: counts past 31
 * and 64 bits' halves, times of every kind, UTF-8 names, callers. */
static struct stats *sample_table(void)
{
	struct stats *st = stats_new(strings);
	uint32_t m = add(st, "/src/m\xc3\xa9.c", 3, "main"), f = add(st, "/src/f.c", 70000, "f \xf0\x9f\x98\x80");
	uint32_t s = add(st, "~", 0, "<built-in method time.sleep>"), k;

	st->entries[m].cc = st->entries[m].nc = 1;
	st->entries[m].tt = 0.1;
	st->entries[m].ct = 2.5e-300;
	st->entries[f].cc = 3;
	st->entries[f].nc = UINT64_MAX;
	st->entries[f].tt = -0.0;
	st->entries[f].ct = 1e300;
	st->entries[s].cc = st->entries[s].nc = (uint64_t)INT32_MAX + 1;
	st->entries[s].tt = st->entries[s].ct = 1.0 / 3;
	k = stats_edge(st, f, m);
	st->edges[k] = (struct stat_edge){m, STATS_NONE, 5, 4, 0.5, 0.25};
	k = stats_edge(st, f, f);
	st->edges[k].nc = 1ull << 40;
	st->edges[k].cc = 7;
	k = stats_edge(st, s, f);
	st->edges[k].nc = st->edges[k].cc = 2;
	st->edges[k].tt = st->edges[k].ct = 4.75;
	return st;
}

START_TEST(test_round_trip)
{
	struct stats *st, *back;
	unsigned char *data;
	size_t len;

	strings = strtab_new();
	st = sample_table();
	data = written(st, &len);
	back = pstats_parse(strings, "mem", data, len, err, sizeof err);
	ck_assert_msg(back, "%s", err);
	assert_equal(st, back);
	ck_assert_uint_eq(entry(back, "/src/f.c", 70000, "f \xf0\x9f\x98\x80")->nc, UINT64_MAX);
	stats_free(back);
	/* an empty table too */
	stats_free(st);
	st = stats_new(strings);
	free(data);
	data = written(st, &len);
	ck_assert_uint_eq(len, 2);
	back = pstats_parse(strings, "mem", data, len, err, sizeof err);
	ck_assert_ptr_nonnull(back);
	ck_assert_uint_eq(back->n, 0);
	stats_free(back);
	stats_free(st);
	free(data);
	strtab_free(strings);
}
END_TEST

/* Every cut of data fails with a message naming the file and the offset;
 * variants with a few bytes changed fail so, or read as sound tables. */
static void fuzz(const unsigned char *data, size_t len, uint64_t seed, int rounds)
{
	unsigned char *copy = xmalloc(len + 1);
	struct stats *st;
	int nread = 0;

	for (size_t cut = 0; cut < len; cut++) {
		st = pstats_parse(strings, "cut.pstats", data, cut, err, sizeof err);
		CHECK(!st, "%zu bytes of %zu read as a table", cut, len);
		CHECK(strncmp(err, "cut.pstats: offset ", 19) == 0, "message %s", err);
	}
	for (int round = 0; round < rounds; round++) {
		memcpy(copy, data, len);
		for (int flips = 1 + round % 4; flips > 0; flips--) {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			copy[(seed >> 8) % len] = (unsigned char)(round % 3 ? seed : copy[(seed >> 8) % len] ^ 0x80);
		}
		err[0] = '\0';
		st = pstats_parse(strings, "flip.pstats", copy, len, err, sizeof err);
		if (st) {
			assert_sound(st);
			nread++;
		} else {
			CHECK(strncmp(err, "flip.pstats: offset ", 20) == 0, "message %s", err);
		}
		stats_free(st);
	}
	/* (a flip in a number reads: what is checked is that it is sound) */
	ck_assert_int_gt(nread, 0);
	free(copy);
}

START_TEST(test_cut_and_flipped)
{
	struct stats *st;
	unsigned char *data;
	size_t len;

	strings = strtab_new();
	st = sample_table();
	data = written(st, &len);
	fuzz(data, len, 88172645463325252ull, 20000);
	free(data);
	stats_free(st);
	strtab_free(strings);
}
END_TEST

/* FLAG_REF names a container before its items, as Python numbers them:
 * here the dict is reference 0 and the key tuple 1, its strings 2 and 3;
 * a caller's key written as 'r' 1 is the function itself. */
START_TEST(test_references)
{
	struct stats *st;
	const struct stat_entry *e;

	strings = strtab_new();
	start();
	put('{' | 0x80);
	put(')' | 0x80);
	put(3);
	put_str('z' | 0x80, "a.py", 4);
	put_int(7);
	put_str('z' | 0x80, "f", 1);
	put_numbers(2, 5, 0.5, 1.5);
	put('{');
	put('r');
	put_u32(1); /* the key above */
	put(')');
	put(4);
	put_int(3);
	put_int(1);
	put_float(0.25);
	put_float(0.75);
	put('0');
	/* a second function in the same file: its file name by reference 2 */
	put(')');
	put(3);
	put('r');
	put_u32(2);
	put_int(9);
	put_str('z', "g", 1);
	put_numbers(1, 1, 0.125, 0.125);
	put('{');
	put('0');
	put('0');
	st = parse();
	ck_assert_msg(st, "%s", err);
	ck_assert_uint_eq(st->n, 2);
	e = entry(st, "a.py", 7, "f");
	ck_assert(e->cc == 2 && e->nc == 5 && e->tt == 0.5 && e->ct == 1.5);
	ck_assert_uint_ne(e->first_edge, STATS_NONE);
	ck_assert_uint_eq(st->edges[e->first_edge].caller, 0);
	ck_assert(st->edges[e->first_edge].nc == 3 && st->edges[e->first_edge].cc == 1);
	ck_assert(st->edges[e->first_edge].tt == 0.25 && st->edges[e->first_edge].ct == 0.75);
	ck_assert(entry(st, "a.py", 9, "g")->tt == 0.125);
	stats_free(st);

	/* a reference to what is not there yet, and to nothing */
	start();
	put('{');
	put('r');
	put_u32(0);
	refused("a reference to value 0 of 0");
	start();
	put('{' | 0x80);
	put('r');
	put_u32(0xffffffff);
	refused("a reference to value 4294967295 of 1");
	/* N, T and F take no reference, even flagged: 'r' 1 is past the end */
	start();
	put('{' | 0x80);
	put('N' | 0x80);
	put('r');
	put_u32(1);
	refused("a reference to value 1 of 1");
	strtab_free(strings);
}
END_TEST

/* Entries whose numbers are shared by reference are read once each; a
 * callers dict named by many entries costs each its size, and no more in
 * all than the file's bytes. */
START_TEST(test_shared)
{
	struct stats *st;
	char name[32];

	strings = strtab_new();
	start();
	put('{');
	put_key("a.py", 1, "f");
	put_numbers(1, 1, 1.0, 1.0);
	put('{' | 0x80); /* reference 0: f's callers, g's too */
	put_key("a.py", 2, "g");
	put(')' | 0x80); /* reference 1 */
	put(4);
	put_int(1);
	put_int(1);
	put_float(0.5);
	put_float(0.5);
	put('0');
	put_key("a.py", 2, "g");
	put(')');
	put(5);
	put_int(2);
	put_int(2);
	put_float(3.0);
	put_float(3.0);
	put('r');
	put_u32(0);
	put('0');
	st = parse();
	ck_assert_msg(st, "%s", err);
	ck_assert_uint_eq(st->nedges, 2);
	ck_assert_uint_eq(st->edges[entry(st, "a.py", 2, "g")->first_edge].caller, 1);
	ck_assert(st->edges[entry(st, "a.py", 2, "g")->first_edge].tt == 0.5);
	stats_free(st);

	/* 600 callers, and 600 functions each naming them: 360000 callers
	 * from some 50 kB */
	start();
	put('{');
	put_key("a.py", 1, "f");
	put_numbers(1, 1, 1.0, 1.0);
	put('{' | 0x80);
	for (int i = 0; i < 600; i++) {
		snprintf(name, sizeof name, "c%d", i);
		put_key("a.py", 10, name);
		put_int(1);
	}
	put('0');
	for (int i = 0; i < 600; i++) {
		snprintf(name, sizeof name, "f%d", i);
		put_key("a.py", 20, name);
		put_numbers(1, 1, 1.0, 1.0);
		put('r');
		put_u32(0);
	}
	put('0');
	refused("callers named again and again");
	strtab_free(strings);
}
END_TEST

/* Python's dict: a key written twice holds its last value, where it was
 * first; callers without entries of their own get zero ones, after the
 * others; the profile module's callers are counts. */
START_TEST(test_dict_semantics)
{
	struct stats *st;
	const struct stat_entry *e;

	strings = strtab_new();
	start();
	put('{');
	put_key("a.py", 1, "f");
	put_numbers(1, 1, 1.0, 1.0);
	put('{');
	put_key("a.py", 5, "nobody");
	put_int(4); /* a count alone */
	put('0');
	put_key("a.py", 2, "g");
	put_numbers(1, 1, 2.0, 2.0);
	put('{');
	put('0');
	put_key("a.py", 1, "f");
	put_numbers(3, 3, 9.0, 9.0);
	put('{');
	put_key("a.py", 2, "g");
	put_int(1);
	put_key("a.py", 2, "g");
	put_int(6);
	put('0');
	put('0');
	st = parse();
	ck_assert_msg(st, "%s", err);
	ck_assert_uint_eq(st->n, 2);
	e = &st->entries[0];
	ck_assert_str_eq(strtab_str(strings, e->key.name), "f");
	ck_assert(e->cc == 3 && e->tt == 9.0);
	/* the first f's callers are gone with it; g's count is the last */
	ck_assert_uint_eq(st->nedges, 1);
	ck_assert_uint_eq(st->edges[e->first_edge].caller, 1);
	ck_assert(st->edges[e->first_edge].nc == 6 && st->edges[e->first_edge].cc == 6);
	ck_assert(st->edges[e->first_edge].tt == 0 && st->edges[e->first_edge].ct == 0);
	ck_assert_str_eq(strtab_str(strings, st->entries[1].key.name), "g");
	stats_free(st);

	/* a caller that is no entry */
	start();
	put('{');
	put_key("a.py", 1, "f");
	put_numbers(1, 1, 1.0, 1.0);
	put('{');
	put_key("b.py", 5, "outside");
	put(')');
	put(4);
	put_int(2);
	put_int(1);
	put_float(0.5);
	put_float(0.75);
	put('0');
	put('0');
	put_bytes("trailing bytes are left, as marshal.load leaves them", 20);
	st = parse();
	ck_assert_msg(st, "%s", err);
	ck_assert_uint_eq(st->n, 2);
	e = entry(st, "b.py", 5, "outside");
	ck_assert(e == &st->entries[1] && e->nc == 0 && e->cc == 0 && e->tt == 0 && e->ct == 0);
	ck_assert_uint_eq(e->first_edge, STATS_NONE);
	e = entry(st, "a.py", 1, "f");
	ck_assert(st->edges[e->first_edge].nc == 2 && st->edges[e->first_edge].cc == 1);
	stats_free(st);
	strtab_free(strings);
}
END_TEST

/* Every type Python writes or reads, as Python reads it. */
START_TEST(test_types)
{
	static const unsigned char big_nc[] = {'l', 5, 0, 0, 0, 0xff, 0x7f, 0xff, 0x7f, 0xff, 0x7f, 0xff, 0x7f, 0x0f, 0};
	static const unsigned char neg_ct[] = {'l', 0xfe, 0xff, 0xff, 0xff, 0x01, 0x00, 0x01, 0x00}; /* -(1 + 2^15) */
	struct stats *st;
	const struct stat_entry *e;

	strings = strtab_new();
	start();
	put('{');
	put(')');
	put(3);
	put_str('a', "caf\xe9", 4); /* one byte a character: Latin-1 */
	put('I');
	put_u32(70000);
	put_u32(0);
	put_str('u', "bad\xff\x00x", 6); /* invalid UTF-8, and a NUL */
	put('(');
	put_u32(5);
	put('T'); /* cc: True is 1 */
	put_bytes(big_nc, sizeof big_nc);
	put('f');
	put(4);
	put_bytes("1.25", 4);
	put_bytes(neg_ct, sizeof neg_ct); /* an int time: a timer of ints */
	put('{');
	put('0');
	put(')');
	put(3);
	put_str('t', "t.py", 4);
	put_int(2);
	put_str('A', "n", 1);
	put(')');
	put(5);
	put('F');
	put_int(0);
	put('f');
	put(5);
	put_bytes("1e300", 5);
	put('f');
	put(6);
	put_bytes("-1e-05", 6);
	put('{');
	put('0');
	put('0');
	st = parse();
	ck_assert_msg(st, "%s", err);
	e = entry(st, "caf\xc3\xa9", 70000, "bad\xef\xbf\xbd\xef\xbf\xbdx");
	ck_assert_uint_eq(e->cc, 1);
	ck_assert_uint_eq(e->nc, (1ull << 60) - 1 + (15ull << 60));
	ck_assert(e->tt == 1.25 && e->ct == -32769.0);
	e = entry(st, "t.py", 2, "n");
	ck_assert(e->cc == 0 && e->tt == 1e300 && e->ct == -1e-05);
	stats_free(st);
	strtab_free(strings);
}
END_TEST

/* What is not a pstats file, or not one Python would read, is refused
 * with what is wrong and where. */
START_TEST(test_refused)
{
	strings = strtab_new();
	start();
	refused("empty");
	put('N');
	refused("not a pstats file: it holds None, not a dict");
	start();
	put('0');
	refused("a NULL");
	start();
	put_bytes("CPROFRAW", 8);
	refused("marshal type 'C'");
	start();
	put('{');
	put('c' | 0x80);
	refused("offset 1: marshal type 'c' (0xe3): a code object");
	start();
	put('{');
	put('(');
	put_u32(0x7fffffff);
	refused("offset 2: a tuple of 2147483647 items, and 0 bytes are left");
	start();
	put('{');
	put('u');
	put_u32(0x80000000);
	refused("a string of -2147483648 bytes");
	start();
	put('{');
	put('l');
	put_u32(0x80000000); /* INT32_MIN digits */
	refused("a long of 2147483648 digits");
	start();
	put('{');
	put('l');
	put_u32(1);
	put(0);
	put(0x80);
	refused("a long's digit is out of range");
	start();
	put('{');
	put('l');
	put_u32(2);
	put_bytes("\x01\x00\x00\x00", 4);
	refused("a long's top digit is 0");
	start();
	put('{');
	put('f');
	put(5);
	put_bytes("0x1p3", 5);
	refused("a float that is not a number");
	start();
	for (int i = 0; i < 1000; i++) {
		put(')');
		put(1);
	}
	refused("offset 32: containers nested deeper than 16");
	/* pstats' shape */
	start();
	put('{');
	put_int(1);
	put_int(1);
	put('0');
	refused("offset 1: a function's key is an int, not a (file, line, name) tuple");
	start();
	put('{');
	put(')');
	put(3);
	put_str('z', "a", 1);
	put_str('z', "1", 1);
	put_str('z', "f", 1);
	put_int(1);
	put('0');
	refused("offset 1: a function's key is not a (str, int, str) tuple");
	start();
	put('{');
	put_key("a.py", -1, "f");
	put_int(1);
	put('0');
	refused("line number is out of range");
	start();
	put('{');
	put_key("a.py", 1, "f");
	put_numbers(-1, 1, 1.0, 1.0);
	put('{');
	put('0');
	put('0');
	refused("a function's cc is negative, not a count");
	start();
	put('{');
	put_key("a.py", 1, "f");
	put(')');
	put(4);
	refused("the file ends inside a value");
	start();
	put('{');
	put_key("a.py", 1, "f");
	put(')');
	put(5);
	put_int(1);
	put_int(1);
	put('N');
	put_float(1.0);
	put('{');
	put('0');
	put('0');
	refused("offset 17: a function's tt is None, not a time");
	start();
	put('{');
	put_key("a.py", 1, "f");
	put(')');
	put(4);
	put_int(1);
	put_int(1);
	put_float(1.0);
	put_float(1.0);
	put('0');
	refused("a function's numbers are a tuple of another size, not (cc, nc, tt, ct, callers)");
	start();
	put('{');
	put_key("a.py", 1, "f");
	put_numbers(1, 1, 1.0, 1.0);
	put('N');
	put('0');
	refused("a function's callers are None, not a dict");
	start();
	put('{');
	put_key("a.py", 1, "f");
	put_numbers(1, 1, 1.0, 1.0);
	put('{');
	put_key("a.py", 1, "f");
	put_float(2.0);
	put('0');
	put('0');
	refused("a caller's numbers are a float, not (nc, cc, tt, ct)");
	/* the callers dict that holds the table: its values are no callers */
	start();
	put('{' | 0x80);
	put_key("a.py", 1, "f");
	put_numbers(1, 1, 1.0, 1.0);
	put('r');
	put_u32(0);
	put('0');
	refused("a caller's numbers are a tuple, not (nc, cc, tt, ct)");
	start();
	put('{');
	put_key("a.py", 1, "f");
	put('0');
	refused("a dict's key has no value");
	strtab_free(strings);
}
END_TEST

START_TEST(test_sniff)
{
	char dir[] = "/tmp/check_pstatsread.XXXXXX", path[64];
	static const struct {
		const char *name, *bytes;
		size_t len;
		int want;
	} files[] = {
		{"ours", "{0", 2, 1},
		{"python", "\xfb\xe9", 2, 1},
		{"raw", "CPROFRAW", 8, 0},
		{"empty", "", 0, 0},
	};

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
		FILE *f = fopen(path, "wb");
		ck_assert_ptr_nonnull(f);
		fwrite(files[i].bytes, 1, files[i].len, f);
		fclose(f);
		ck_assert_int_eq(pstats_sniff(path), files[i].want);
		unlink(path);
	}
	ck_assert_int_eq(pstats_sniff(dir), 0);
	snprintf(path, sizeof path, "%s/missing", dir);
	ck_assert_int_eq(pstats_sniff(path), -1);
	strings = strtab_new();
	ck_assert_ptr_null(pstats_read(strings, path, err, sizeof err));
	ck_assert_msg(strstr(err, path) && strstr(err, "No such file"), "%s", err);
	ck_assert_ptr_null(pstats_read(strings, dir, err, sizeof err));
	ck_assert_msg(strstr(err, "not a regular file"), "%s", err);
	strtab_free(strings);
	rmdir(dir);
}
END_TEST

/* The script each CPython runs: it profiles the same work with cProfile
 * and with the profile module, writes the files, and one more through
 * pstats (two loads added, directories stripped, dump_stats), then prints
 * what pstats sees in each: the entries in order, numbers as repr. */
static const char script[] =
	"import cProfile, os, profile, pstats, sys\n"
	"if not (3, 8) <= sys.version_info[:2] <= (3, 13):\n"
	"    print('V skip'); sys.exit(0)\n"
	"sys.stdout.reconfigure(encoding='utf-8')\n"
	"print('V %d.%d' % sys.version_info[:2])\n"
	"d = sys.argv[1]\n"
	"def fib(n):\n"
	"    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
	"def caf\xc3\xa9(k):\n"
	"    return sorted(range(k), key=lambda x: -x)\n"
	"def work():\n"
	"    for i in range(5):\n"
	"        caf\xc3\xa9(50)\n"
	"    return fib(12)\n"
	"p = cProfile.Profile()\n"
	"p.runcall(work)\n"
	"p.dump_stats(os.path.join(d, 'c.pstats'))\n"
	"s = pstats.Stats(os.path.join(d, 'c.pstats'))\n"
	"s.add(os.path.join(d, 'c.pstats'))\n"
	"s.strip_dirs().dump_stats(os.path.join(d, 's.pstats'))\n"
	"q = profile.Profile()\n"
	"q.runcall(work)\n"
	"q.dump_stats(os.path.join(d, 'p.pstats'))\n"
	"for name in ('c.pstats', 's.pstats', 'p.pstats'):\n"
	"    print('F', name, sep='\\t')\n"
	"    for (f, l, n), (cc, nc, tt, ct, callers) in pstats.Stats(os.path.join(d, name)).stats.items():\n"
	"        print('E', f, l, n, cc, nc, repr(tt), repr(ct), sep='\\t')\n"
	"        for (f, l, n), v in callers.items():\n"
	"            if isinstance(v, tuple):\n"
	"                print('C', f, l, n, v[0], v[1], repr(v[2]), repr(v[3]), sep='\\t')\n"
	"            else:\n"
	"                print('I', f, l, n, v, sep='\\t')\n";

/* The fields of a line Python printed, split at tabs. */
static int fields(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\n")] = '\0';
	for (char *s = line; s && n < max;)
		f[n++] = strsep(&s, "\t"); /* names may be empty: ('', 0, 'sum') */
	return n;
}

static void assert_key(struct func_name k, char **f)
{
	ck_assert_str_eq(strtab_str(strings, k.file), f[1]);
	ck_assert_uint_eq(k.line, strtoul(f[2], NULL, 10));
	ck_assert_str_eq(strtab_str(strings, k.name), f[3]);
}

static void assert_time(double got, const char *repr)
{
	/* repr round-trips: the double it names is the one Python holds */
	ck_assert_msg(got == strtod(repr, NULL), "%.17g, Python says %s", got, repr);
}

/* Reads a file python wrote and checks it against what python printed
 * until the next "F" line (left in line). */
static void check_file(const char *dir, const char *name, FILE *py, char *line, size_t size, const char *version)
{
	char path[256], *f[8];
	struct stats *st;
	size_t e = 0;
	uint32_t edge = STATS_NONE;
	unsigned char *data;
	size_t len;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	st = pstats_read(strings, path, err, sizeof err);
	ck_assert_msg(st, "CPython %s's %s: %s", version, name, err);
	while (fgets(line, (int)size, py) && line[0] != 'F') {
		int n = fields(line, f, 8);
		if (f[0][0] == 'E') {
			ck_assert_int_eq(n, 8);
			ck_assert_msg(edge == STATS_NONE, "CPython %s's %s: callers missing", version, name);
			ck_assert_uint_lt(e, st->n);
			const struct stat_entry *x = &st->entries[e++];
			assert_key(x->key, f);
			ck_assert(x->cc == strtoull(f[4], NULL, 10) && x->nc == strtoull(f[5], NULL, 10));
			assert_time(x->tt, f[6]);
			assert_time(x->ct, f[7]);
			edge = x->first_edge;
		} else {
			ck_assert_int_eq(n, f[0][0] == 'C' ? 8 : 5);
			ck_assert_msg(edge != STATS_NONE, "CPython %s's %s: a caller too many", version, name);
			const struct stat_edge *c = &st->edges[edge];
			assert_key(st->entries[c->caller].key, f);
			ck_assert(c->nc == strtoull(f[4], NULL, 10));
			if (f[0][0] == 'C') {
				ck_assert(c->cc == strtoull(f[5], NULL, 10));
				assert_time(c->tt, f[6]);
				assert_time(c->ct, f[7]);
			} else {
				ck_assert(c->cc == c->nc && c->tt == 0 && c->ct == 0);
			}
			edge = c->next;
		}
	}
	ck_assert_msg(edge == STATS_NONE, "CPython %s's %s: callers missing", version, name);
	ck_assert_msg(e == st->n, "CPython %s's %s: %zu entries, pstats sees %zu", version, name, st->n, e);
	ck_assert_int_gt(e, 5);
	stats_free(st);

	/* Python's own marshal, with its references, cut and mutated */
	FILE *in = fopen(path, "rb");
	ck_assert_ptr_nonnull(in);
	data = xmalloc(1 << 20);
	len = fread(data, 1, 1 << 20, in);
	fclose(in);
	ck_assert_msg(data[0] == ('{' | 0x80), "CPython %s wrote no reference to its dict", version);
	fuzz(data, len, 0x9e3779b97f4a7c15ull ^ len, 1500);
	free(data);
}

static int run_python(const char *py, const char *dir, int *tested)
{
	char cmd[1024], line[4096], version[16] = "";
	FILE *out;

	snprintf(cmd, sizeof cmd, "'%s' -I '%s/script.py' '%s'", py, dir, dir);
	out = popen(cmd, "r");
	ck_assert_ptr_nonnull(out);
	if (fgets(line, sizeof line, out) && strncmp(line, "V ", 2) == 0 && strcmp(line, "V skip\n") != 0) {
		snprintf(version, sizeof version, "%.*s", (int)strcspn(line + 2, "\n"), line + 2);
		ck_assert_ptr_nonnull(fgets(line, sizeof line, out));
		for (int files = 0; files < 3; files++) {
			char *f[3];
			ck_assert_int_eq(fields(line, f, 3), 2);
			ck_assert_str_eq(f[0], "F");
			check_file(dir, f[1], out, line, sizeof line, version);
		}
		fprintf(stderr, "# CPython %s (%s): read as pstats sees it\n", version, py);
		(*tested)++;
	}
	ck_assert_msg(pclose(out) == 0, "%s failed", py);
	return 0;
}

/* Each CPython 3.8-3.13 found where tests/tap.sh looks. */
START_TEST(test_cpython)
{
	char dir[] = "/tmp/check_pstatsread.XXXXXX", path[256], pattern[256];
	const char *home = getenv("HOME");
	glob_t g;
	int tested = 0;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/script.py", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(script, f);
	fclose(f);
	glob("/usr/bin/python3", 0, NULL, &g);
	glob("/root/.pyenv/versions/3.*/bin/python3", GLOB_APPEND, NULL, &g);
	snprintf(pattern, sizeof pattern, "%s/.pyenv/versions/3.*/bin/python3", home ? home : "/root");
	glob(pattern, GLOB_APPEND, NULL, &g);
	strings = strtab_new();
	for (size_t i = 0; i < g.gl_pathc; i++) {
		int seen = 0;
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(g.gl_pathv[i], g.gl_pathv[j]) == 0;
		if (!seen && access(g.gl_pathv[i], X_OK) == 0)
			run_python(g.gl_pathv[i], dir, &tested);
	}
	if (!tested)
		fprintf(stderr, "# no CPython 3.8-3.13 found: no file of theirs read\n");
	globfree(&g);
	strtab_free(strings);
	for (const char *const *n = (const char *const[]){"script.py", "c.pstats", "s.pstats", "p.pstats", NULL}; *n; n++) {
		snprintf(path, sizeof path, "%s/%s", dir, *n);
		unlink(path);
	}
	rmdir(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pstatsread");
	TCase *tc = tcase_create("pstatsread");

	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_cut_and_flipped);
	tcase_add_test(tc, test_references);
	tcase_add_test(tc, test_shared);
	tcase_add_test(tc, test_dict_semantics);
	tcase_add_test(tc, test_types);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_sniff);
	tcase_add_test(tc, test_cpython);
	tcase_set_timeout(tc, 120); /* the CPythons, under the sanitizers */
	suite_add_tcase(s, tc);
	return tap_run(s);
}
