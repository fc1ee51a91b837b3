/* report.c: pstats' print_stats(), sort_stats() and their formats. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"

/* A row being sorted: its entry, and its standard name. */
struct sort_row {
	const struct stat_entry *e;
	const struct strtab *strings;
	const char *stdname;
	uint32_t pos; /* where it was: Python's sort is stable */
};

#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y))

static int by_pcalls(const struct sort_row *a, const struct sort_row *b)
{
	return CMP(a->e->cc, b->e->cc);
}

static int by_calls(const struct sort_row *a, const struct sort_row *b)
{
	return CMP(a->e->nc, b->e->nc);
}

static int by_tottime(const struct sort_row *a, const struct sort_row *b)
{
	return CMP(a->e->tt, b->e->tt);
}

static int by_cumtime(const struct sort_row *a, const struct sort_row *b)
{
	return CMP(a->e->ct, b->e->ct);
}

static int by_file(const struct sort_row *a, const struct sort_row *b)
{
	return strcmp(strtab_str(a->strings, a->e->key.file), strtab_str(b->strings, b->e->key.file));
}

static int by_line(const struct sort_row *a, const struct sort_row *b)
{
	return CMP(a->e->key.line, b->e->key.line);
}

static int by_name(const struct sort_row *a, const struct sort_row *b)
{
	return strcmp(strtab_str(a->strings, a->e->key.name), strtab_str(b->strings, b->e->key.name));
}

static int by_stdname(const struct sort_row *a, const struct sort_row *b)
{
	return strcmp(a->stdname, b->stdname);
}

/* pstats.Stats.sort_arg_dict_default, in its order (the order decides
 * which abbreviations are ambiguous): each key, what print_stats says it
 * orders by, and its comparisons, each ascending (1) or descending (-1).
 * A new key is a row. */
static const struct sort_key {
	const char *name;
	const char *description;
	struct sort_field fields[3];
} sort_keys[] = {
	{"calls", "call count", {{by_calls, -1}}},
	{"ncalls", "call count", {{by_calls, -1}}},
	{"cumtime", "cumulative time", {{by_cumtime, -1}}},
	{"cumulative", "cumulative time", {{by_cumtime, -1}}},
	{"filename", "file name", {{by_file, 1}}},
	{"line", "line number", {{by_line, 1}}},
	{"module", "file name", {{by_file, 1}}},
	{"name", "function name", {{by_name, 1}}},
	{"nfl", "name/file/line", {{by_name, 1}, {by_file, 1}, {by_line, 1}}},
	{"pcalls", "primitive call count", {{by_pcalls, -1}}},
	{"stdname", "standard name", {{by_stdname, 1}}},
	{"time", "internal time", {{by_tottime, -1}}},
	{"tottime", "internal time", {{by_tottime, -1}}},
};
#define NKEYS (int)(sizeof sort_keys / sizeof sort_keys[0])

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *sort_key_names(void)
{
	static char names[256];
	const char *sorted[NKEYS];

	if (names[0])
		return names;
	for (int k = 0; k < NKEYS; k++)
		sorted[k] = sort_keys[k].name;
	qsort(sorted, NKEYS, sizeof *sorted, cmp_names);
	for (int k = 0; k < NKEYS; k++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", k ? ", " : "", sorted[k]);
	return names;
}

/* pstats' get_sort_arg_defs(): every word and its prefixes, walking the
 * words in order; a prefix already taken is marked ambiguous and ends that
 * word's walk (so shorter prefixes keep their first owner); ambiguous
 * prefixes are then deleted.  Returns the word's index, or -1. */
static int sort_word(const char *key)
{
	struct {
		char s[16];
		int word;
		int bad;
	} frags[128];
	int n = 0;

	for (int w = 0; w < NKEYS; w++) {
		const char *word = sort_keys[w].name;
		for (size_t len = strlen(word); len > 0; len--) {
			int found = -1;
			for (int i = 0; i < n && found < 0; i++)
				if (strlen(frags[i].s) == len && strncmp(frags[i].s, word, len) == 0)
					found = i;
			if (found >= 0) {
				frags[found].bad = 1;
				break;
			}
			memcpy(frags[n].s, word, len);
			frags[n].s[len] = '\0';
			frags[n].word = w;
			frags[n].bad = 0;
			n++;
		}
	}
	for (int i = 0; i < n; i++)
		if (strcmp(frags[i].s, key) == 0)
			return frags[i].bad ? -1 : frags[i].word;
	return -1;
}

int sort_parse(const char *spec, struct sort_spec *out, char *err, size_t errsize)
{
	memset(out, 0, sizeof *out);
	for (const char *key = spec;;) {
		const char *comma = strchr(key, ',');
		size_t len = comma ? (size_t)(comma - key) : strlen(key);
		char word[32];
		int w = -1;

		if (len && len < sizeof word) {
			memcpy(word, key, len);
			word[len] = '\0';
			w = sort_word(word);
		}
		if (w < 0) {
			snprintf(err, errsize, len ? "unknown sort key '%.*s' (use one of: %s)" : "empty sort key%.*s (use one of: %s)",
				 (int)len, key, sort_key_names());
			return -1;
		}
		for (int i = 0; i < 3 && sort_keys[w].fields[i].cmp; i++) {
			if (out->nfields == SORT_MAX_FIELDS) {
				snprintf(err, errsize, "too many sort keys");
				return -1;
			}
			out->fields[out->nfields++] = sort_keys[w].fields[i];
		}
		if (out->description[0])
			strncat(out->description, ", ", sizeof out->description - strlen(out->description) - 1);
		strncat(out->description, sort_keys[w].description,
			sizeof out->description - strlen(out->description) - 1);
		if (!comma)
			return 0;
		key = comma + 1;
	}
}

char *report_name(const struct strtab *strings, struct func_name k, int strip)
{
	const char *file = strtab_str(strings, k.file);
	const char *name = strtab_str(strings, k.name);
	const char *slash = strip ? strrchr(file, '/') : NULL;
	size_t len = strlen(name), size = strlen(file) + len + 16;
	char *buf = xmalloc(size);

	if (slash)
		file = slash + 1;
	if (strcmp(file, "~") == 0 && k.line == 0) {
		if (len >= 2 && name[0] == '<' && name[len - 1] == '>')
			snprintf(buf, size, "{%.*s}", (int)(len - 2), name + 1);
		else
			snprintf(buf, size, "%s", name);
	} else {
		snprintf(buf, size, "%s:%u(%s)", file, k.line, name);
	}
	return buf;
}

char *report_std_name(const struct stats *st, struct func_name k)
{
	return report_name(st->strings, k, 0);
}

static const struct sort_spec *sort_by;

/* TupleComp, made stable by the original position as Python's sort is. */
static int cmp_rows(const void *pa, const void *pb)
{
	const struct sort_row *a = pa, *b = pb;

	for (int i = 0; i < sort_by->nfields; i++) {
		int c = sort_by->fields[i].cmp(a, b);
		if (c)
			return c < 0 ? -sort_by->fields[i].dir : sort_by->fields[i].dir;
	}
	return CMP(a->pos, b->pos);
}

static void print_f8(FILE *out, double x)
{
	fprintf(out, "%8.3f ", x);
}

static void print_row(FILE *out, const struct stat_entry *e, const char *stdname)
{
	char calls[48];

	if (e->nc != e->cc)
		snprintf(calls, sizeof calls, "%" PRIu64 "/%" PRIu64, e->nc, e->cc);
	else
		snprintf(calls, sizeof calls, "%" PRIu64, e->nc);
	fprintf(out, "%9s ", calls);
	print_f8(out, e->tt);
	if (e->nc == 0)
		fputs("         ", out);
	else
		print_f8(out, e->tt / (double)e->nc);
	print_f8(out, e->ct);
	if (e->cc == 0)
		fputs("         ", out);
	else
		print_f8(out, e->ct / (double)e->cc);
	text_print(out, stdname, 0);
	fputc('\n', out);
}

const char *report_decimal(unsigned __int128 v, char *buf, size_t size)
{
	char *p = buf + size - 1;

	*p = '\0';
	do {
		*--p = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v && p > buf);
	return p;
}

void report_table(FILE *out, const struct stats *full, const struct sort_spec *sort, long top)
{
	struct stats_totals tot = stats_totals(full);
	struct stats *st = stats_strip_dirs(full);
	struct sort_row *rows = xcalloc(st->n + 1, sizeof *rows);
	size_t count = st->n;
	char num[48];

	fprintf(out, "         %s function calls ", report_decimal(tot.calls, num, sizeof num));
	if (tot.calls != tot.prim_calls)
		fprintf(out, "(%s primitive calls) ", report_decimal(tot.prim_calls, num, sizeof num));
	fprintf(out, "in %.3f seconds\n\n", tot.tt);

	for (uint32_t i = 0; i < st->n; i++)
		rows[i] = (struct sort_row){
			.e = &st->entries[i], .strings = st->strings, .pos = i, .stdname = report_std_name(st, st->entries[i].key)};
	sort_by = sort;
	qsort(rows, st->n, sizeof *rows, cmp_rows);
	if (top >= 0 && (size_t)top < count)
		count = (size_t)top;
	if (count) {
		fprintf(out, "   Ordered by: %s\n", sort->description);
		if (count != st->n)
			fprintf(out, "   List reduced from %zu to %zu due to restriction <%ld>\n", st->n, count, top);
		fputs("\n   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n", out);
		for (size_t i = 0; i < count; i++)
			print_row(out, rows[i].e, rows[i].stdname);
		fputs("\n\n", out);
	}
	for (size_t i = 0; i < st->n; i++)
		free((char *)rows[i].stdname);
	free(rows);
	stats_free(st);
}
