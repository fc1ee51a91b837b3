/* report.c: pstats' print_stats(), sort_stats() and their formats. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"

/* pstats.Stats.sort_arg_dict_default, in its order: the order decides which
 * abbreviations are ambiguous. */
static const struct {
	const char *word;
	int n;
	int fields[3][2];
	const char *description;
} sort_words[] = {
	{"calls", 1, {{1, -1}}, "call count"},
	{"ncalls", 1, {{1, -1}}, "call count"},
	{"cumtime", 1, {{3, -1}}, "cumulative time"},
	{"cumulative", 1, {{3, -1}}, "cumulative time"},
	{"filename", 1, {{4, 1}}, "file name"},
	{"line", 1, {{5, 1}}, "line number"},
	{"module", 1, {{4, 1}}, "file name"},
	{"name", 1, {{6, 1}}, "function name"},
	{"nfl", 3, {{6, 1}, {4, 1}, {5, 1}}, "name/file/line"},
	{"pcalls", 1, {{0, -1}}, "primitive call count"},
	{"stdname", 1, {{7, 1}}, "standard name"},
	{"time", 1, {{2, -1}}, "internal time"},
	{"tottime", 1, {{2, -1}}, "internal time"},
};
#define NWORDS (int)(sizeof sort_words / sizeof sort_words[0])

const char *sort_key_names(void)
{
	return "calls, cumtime, cumulative, filename, line, module, name, nfl, ncalls, pcalls, stdname, time, "
	       "tottime";
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

	for (int w = 0; w < NWORDS; w++) {
		const char *word = sort_words[w].word;
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
		if (out->nfields + sort_words[w].n > SORT_MAX_FIELDS) {
			snprintf(err, errsize, "too many sort keys");
			return -1;
		}
		for (int i = 0; i < sort_words[w].n; i++) {
			out->fields[out->nfields].index = sort_words[w].fields[i][0];
			out->fields[out->nfields].dir = sort_words[w].fields[i][1];
			out->nfields++;
		}
		if (out->description[0])
			strncat(out->description, ", ", sizeof out->description - strlen(out->description) - 1);
		strncat(out->description, sort_words[w].description,
			sizeof out->description - strlen(out->description) - 1);
		if (!comma)
			return 0;
		key = comma + 1;
	}
}

char *report_std_name(const struct stats *st, struct func_name k)
{
	const char *file = strtab_str(st->strings, k.file);
	const char *name = strtab_str(st->strings, k.name);
	size_t len = strlen(name), size = strlen(file) + len + 16;
	char *buf = xmalloc(size);

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

struct row {
	uint32_t entry;
	uint32_t pos;
	char *stdname;
};

static const struct stats *sort_stats;
static const struct sort_spec *sort_by;

static int cmp_field(const struct row *a, const struct row *b, int index)
{
	const struct stat_entry *x = &sort_stats->entries[a->entry], *y = &sort_stats->entries[b->entry];
	const struct strtab *s = sort_stats->strings;

	switch (index) {
	case 0: return x->cc < y->cc ? -1 : x->cc > y->cc;
	case 1: return x->nc < y->nc ? -1 : x->nc > y->nc;
	case 2: return x->tt < y->tt ? -1 : x->tt > y->tt;
	case 3: return x->ct < y->ct ? -1 : x->ct > y->ct;
	case 4: return strcmp(strtab_str(s, x->key.file), strtab_str(s, y->key.file));
	case 5: return x->key.line < y->key.line ? -1 : x->key.line > y->key.line;
	case 6: return strcmp(strtab_str(s, x->key.name), strtab_str(s, y->key.name));
	default: return strcmp(a->stdname, b->stdname);
	}
}

/* TupleComp, made stable by the original position as Python's sort is. */
static int cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;

	for (int i = 0; i < sort_by->nfields; i++) {
		int c = cmp_field(a, b, sort_by->fields[i].index);
		if (c)
			return c < 0 ? -sort_by->fields[i].dir : sort_by->fields[i].dir;
	}
	return a->pos < b->pos ? -1 : a->pos > b->pos;
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
	struct row *rows = xcalloc(st->n + 1, sizeof *rows);
	size_t count = st->n;
	char num[48];

	fprintf(out, "         %s function calls ", report_decimal(tot.calls, num, sizeof num));
	if (tot.calls != tot.prim_calls)
		fprintf(out, "(%s primitive calls) ", report_decimal(tot.prim_calls, num, sizeof num));
	fprintf(out, "in %.3f seconds\n\n", tot.tt);

	for (uint32_t i = 0; i < st->n; i++)
		rows[i] = (struct row){.entry = i, .pos = i, .stdname = report_std_name(st, st->entries[i].key)};
	sort_stats = st;
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
			print_row(out, &st->entries[rows[i].entry], rows[i].stdname);
		fputs("\n\n", out);
	}
	for (size_t i = 0; i < st->n; i++)
		free(rows[i].stdname);
	free(rows);
	stats_free(st);
}
