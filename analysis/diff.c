/* diff.c: two runs compared function by function. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "report.h"
#include "text.h"

struct diff_index {
	struct u64map by_name; /* file << 32 | name -> first row + 1, chained by next */
	uint32_t *next;
};

static const struct {
	const char *word;
	enum diff_metric metric;
} metric_words[] = {
	{"tottime", DIFF_TOTTIME}, {"time", DIFF_TOTTIME},  {"cumtime", DIFF_CUMTIME},
	{"cumulative", DIFF_CUMTIME}, {"calls", DIFF_CALLS}, {"ncalls", DIFF_CALLS},
};

int diff_metric_parse(const char *s, enum diff_metric *out, char *err, size_t errsize)
{
	for (size_t i = 0; i < sizeof metric_words / sizeof metric_words[0]; i++) {
		if (strcmp(s, metric_words[i].word) == 0) {
			*out = metric_words[i].metric;
			return 0;
		}
	}
	snprintf(err, errsize, "runs are not compared by '%s' (use one of: %s)", s, DIFF_METRIC_NAMES);
	return -1;
}

const char *diff_metric_description(enum diff_metric m)
{
	return m == DIFF_TOTTIME ? "internal time" : m == DIFF_CUMTIME ? "cumulative time" : "call count";
}

int diff_threshold_parse(const char *s, struct diff_options *opt, char *err, size_t errsize)
{
	char *end;
	double t = strtod(s, &end);
	int percent = end != s && end[0] == '%' && end[1] == '\0';

	if (end == s || (*end && !percent) || !isfinite(t) || t < 0) {
		snprintf(err, errsize, "a threshold is a number of seconds (or calls) or a percent, 0 or more: "
				       "0.01 or 5%%, not '%s'", s);
		return -1;
	}
	opt->threshold = t;
	opt->threshold_percent = percent;
	return 0;
}

static uint64_t name_key(struct func_name k)
{
	return (uint64_t)k.file << 32 | k.name;
}

/* The entries of st that match leaves unmatched, by (file, name): their
 * count in the high half of each value, the last one's index in the low. */
static void count_names(struct u64map *m, const struct stats *st, const uint32_t *match)
{
	u64map_init(m);
	for (uint32_t i = 0; i < st->n; i++) {
		if (match[i] != STATS_NONE)
			continue;
		uint64_t *slot = u64map_get(m, name_key(st->entries[i].key), 0);
		*slot = ((*slot >> 32) + 1) << 32 | i;
	}
}

/* Functions left on both sides that have a (file, name) unique on each. */
static void match_moved(const struct stats *b, const struct stats *n, uint32_t *b_match, uint32_t *n_match)
{
	struct u64map bn, nn;

	count_names(&bn, b, b_match);
	count_names(&nn, n, n_match);
	for (uint32_t i = 0; i < b->n; i++) {
		if (b_match[i] != STATS_NONE)
			continue;
		uint64_t key = name_key(b->entries[i].key);
		uint64_t *in_b = u64map_find(&bn, key), *in_n = u64map_find(&nn, key);
		if (*in_b >> 32 == 1 && in_n && *in_n >> 32 == 1) {
			b_match[i] = (uint32_t)*in_n;
			n_match[(uint32_t)*in_n] = i;
		}
	}
	u64map_free(&bn);
	u64map_free(&nn);
}

static void add_row(struct diff *d, size_t *cap, const struct stat_entry *b, const struct stat_entry *n)
{
	struct diff_row *row;

	GROW(d->rows, *cap, d->n + 1);
	row = &d->rows[d->n++];
	*row = (struct diff_row){.key = n ? n->key : b->key, .base_line = b ? b->key.line : n->key.line};
	row->status = !b ? DIFF_NEW : !n ? DIFF_GONE : b->key.line != n->key.line ? DIFF_MOVED : DIFF_SAME;
	if (b) {
		row->base_nc = b->nc;
		row->base_cc = b->cc;
		row->base_tt = b->tt;
		row->base_ct = b->ct;
	}
	if (n) {
		row->new_nc = n->nc;
		row->new_cc = n->cc;
		row->new_tt = n->tt;
		row->new_ct = n->ct;
	}
}

static struct diff_index *index_rows(const struct diff *d)
{
	struct diff_index *x = xcalloc(1, sizeof *x);

	x->next = xmalloc((d->n + 1) * sizeof *x->next);
	for (size_t i = d->n; i-- > 0;) {
		uint64_t *head = u64map_get(&x->by_name, name_key(d->rows[i].key), 0);
		x->next[i] = (uint32_t)*head;
		*head = i + 1;
	}
	return x;
}

struct diff *diff_new(const struct stats *base, const struct stats *new_run)
{
	struct diff *d = xcalloc(1, sizeof *d);
	struct stats *b = stats_strip_dirs(base), *n = stats_strip_dirs(new_run);
	uint32_t *b_match = xmalloc((b->n + 1) * sizeof *b_match), *n_match = xmalloc((n->n + 1) * sizeof *n_match);
	size_t cap = 0;

	d->strings = base->strings;
	d->base_total = stats_totals(base);
	d->new_total = stats_totals(new_run);
	for (uint32_t j = 0; j < n->n; j++)
		n_match[j] = STATS_NONE;
	for (uint32_t i = 0; i < b->n; i++) {
		b_match[i] = stats_find(n, b->entries[i].key);
		if (b_match[i] != STATS_NONE)
			n_match[b_match[i]] = i;
	}
	match_moved(b, n, b_match, n_match);
	for (uint32_t i = 0; i < b->n; i++)
		add_row(d, &cap, &b->entries[i], b_match[i] == STATS_NONE ? NULL : &n->entries[b_match[i]]);
	for (uint32_t j = 0; j < n->n; j++)
		if (n_match[j] == STATS_NONE)
			add_row(d, &cap, NULL, &n->entries[j]);
	d->index = index_rows(d);
	free(b_match);
	free(n_match);
	stats_free(b);
	stats_free(n);
	return d;
}

void diff_free(struct diff *d)
{
	if (!d)
		return;
	free(d->rows);
	free(d->index->next);
	u64map_free(&d->index->by_name);
	free(d->index);
	free(d);
}

const struct diff_row *diff_find(const struct diff *d, struct func_name key, int in_base)
{
	const char *file = strtab_str(d->strings, key.file), *slash = strrchr(file, '/');
	uint64_t *head;

	if (slash)
		key.file = strtab_intern(d->strings, slash + 1);
	head = u64map_find(&d->index->by_name, name_key(key));
	for (uint32_t i = head ? (uint32_t)*head : 0; i; i = d->index->next[i - 1]) {
		const struct diff_row *row = &d->rows[i - 1];
		if (in_base ? row->status != DIFF_NEW && row->base_line == key.line
			    : row->status != DIFF_GONE && row->key.line == key.line)
			return row;
	}
	return NULL;
}

double diff_value(const struct diff_row *row, enum diff_metric m, int in_base)
{
	switch (m) {
	case DIFF_TOTTIME: return in_base ? row->base_tt : row->new_tt;
	case DIFF_CUMTIME: return in_base ? row->base_ct : row->new_ct;
	default: return (double)(in_base ? row->base_nc : row->new_nc);
	}
}

double diff_change(const struct diff_row *row, enum diff_metric m)
{
	return diff_value(row, m, 0) - diff_value(row, m, 1);
}

/* The total the metric's percents are of: time (the sum of tottime, as
 * pstats' total_tt) or calls. */
static double total(const struct stats_totals *t, enum diff_metric m)
{
	return m == DIFF_CALLS ? (double)t->calls : t->tt;
}

/* The smallest change shown. */
static double limit(const struct diff *d, const struct diff_options *opt)
{
	return opt->threshold_percent ? opt->threshold / 100.0 * total(&d->base_total, opt->metric) : opt->threshold;
}

int diff_shown(const struct diff *d, const struct diff_row *row, const struct diff_options *opt)
{
	return fabs(diff_change(row, opt->metric)) >= limit(d, opt);
}

static int grew(double base, double now, double percent)
{
	if (base <= 0)
		return now > base;
	return (now - base) / base * 100.0 > percent;
}

int diff_grew(const struct diff *d, const struct diff_options *opt, double percent)
{
	if (grew(total(&d->base_total, opt->metric), total(&d->new_total, opt->metric), percent))
		return 1;
	for (size_t i = 0; i < d->n; i++)
		if (diff_shown(d, &d->rows[i], opt) &&
		    grew(diff_value(&d->rows[i], opt->metric, 1), diff_value(&d->rows[i], opt->metric, 0), percent))
			return 1;
	return 0;
}

/* The change from base in percent: "+100.0%", "-64.7%"; from 0, "+inf%". */
static const char *percent(char *buf, size_t size, double base, double change)
{
	if (change == 0)
		return "0.0%";
	if (base == 0)
		return change > 0 ? "+inf%" : "-inf%";
	snprintf(buf, size, "%+.1f%%", change / base * 100.0);
	return buf;
}

/* A signed difference of counts, exactly. */
static const char *count_change(uint64_t base, uint64_t now, char *buf, size_t size)
{
	char digits[48];
	unsigned __int128 mag = now >= base ? now - base : base - now;

	snprintf(buf, size, "%c%s", now >= base ? '+' : '-', report_decimal(mag, digits, sizeof digits));
	return mag ? buf : "0";
}

/* ncalls as pstats prints them: "nc/cc" when they differ. */
static const char *calls(uint64_t nc, uint64_t cc, char *buf, size_t size)
{
	if (nc != cc)
		snprintf(buf, size, "%" PRIu64 "/%" PRIu64, nc, cc);
	else
		snprintf(buf, size, "%" PRIu64, nc);
	return buf;
}

static void print_header(FILE *out, const struct diff *d, const struct diff_options *opt)
{
	char num[48], pct[32], cc[48];
	const char *labels[2] = {opt->base_label, opt->new_label};
	const struct stats_totals *t[2] = {&d->base_total, &d->new_total};
	double change = d->new_total.tt - d->base_total.tt;

	for (int side = 0; side < 2; side++) {
		fprintf(out, "%-8s%.3f seconds, %s function calls", side ? "new:" : "base:", t[side]->tt,
			report_decimal(t[side]->calls, num, sizeof num));
		if (labels[side]) {
			fputs(": ", out);
			text_print(out, labels[side], 0);
		}
		fputc('\n', out);
	}
	fprintf(out, "change: %+.3f seconds (%s), ", change, percent(pct, sizeof pct, d->base_total.tt, change));
	if (d->new_total.calls >= d->base_total.calls)
		fprintf(out, "+%s", report_decimal(d->new_total.calls - d->base_total.calls, num, sizeof num));
	else
		fprintf(out, "-%s", report_decimal(d->base_total.calls - d->new_total.calls, num, sizeof num));
	fprintf(out, " function calls (%s)\n\n", percent(cc, sizeof cc, (double)d->base_total.calls,
							   (double)d->new_total.calls - (double)d->base_total.calls));
}

static void print_row(FILE *out, const struct diff *d, const struct diff_row *row, enum diff_metric m)
{
	char a[48], b[48], c[48], p[32];
	struct stats names = {.strings = d->strings};
	char *name = report_std_name(&names, row->key);
	int in_base = row->status != DIFF_NEW, in_new = row->status != DIFF_GONE;

	if (m == DIFF_CALLS) {
		fprintf(out, "%13s%13s%12s", in_base ? calls(row->base_nc, row->base_cc, a, sizeof a) : "-",
			in_new ? calls(row->new_nc, row->new_cc, b, sizeof b) : "-",
			count_change(row->base_nc, row->new_nc, c, sizeof c));
	} else {
		snprintf(a, sizeof a, "%.3f", diff_value(row, m, 1));
		snprintf(b, sizeof b, "%.3f", diff_value(row, m, 0));
		fprintf(out, "%13s%13s%+12.3f", in_base ? a : "-", in_new ? b : "-", diff_change(row, m));
	}
	fprintf(out, "%10s", row->status == DIFF_NEW    ? "new"
			    : row->status == DIFF_GONE ? "gone"
						       : percent(p, sizeof p, diff_value(row, m, 1), diff_change(row, m)));
	if (m == DIFF_CALLS) {
		snprintf(a, sizeof a, "%.3f", row->base_tt);
		snprintf(b, sizeof b, "%.3f", row->new_tt);
	} else {
		calls(row->base_nc, row->base_cc, a, sizeof a);
		calls(row->new_nc, row->new_cc, b, sizeof b);
	}
	fprintf(out, "%13s%12s  ", in_base ? a : "-", in_new ? b : "-");
	text_print(out, name, 0);
	if (row->status == DIFF_MOVED)
		fprintf(out, " (line %" PRIu32 " in the base)", row->base_line);
	fputc('\n', out);
	free(name);
}

struct order {
	double size; /* |change| */
	size_t row;
};

/* The largest change first; of equal ones, the first row first. */
static int cmp_order(const void *pa, const void *pb)
{
	const struct order *a = pa, *b = pb;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

static void print_hidden(FILE *out, const struct diff *d, const struct diff_options *opt, size_t hidden)
{
	const char *unit = opt->metric == DIFF_CALLS ? "calls" : "seconds";

	fprintf(out, "   %zu function%s hidden: change below ", hidden, hidden == 1 ? "" : "s");
	if (opt->threshold_percent)
		fprintf(out, "%g%% of the base's total (%g %s)\n", opt->threshold, limit(d, opt), unit);
	else
		fprintf(out, "%g %s\n", limit(d, opt), unit);
}

void diff_print(FILE *out, const struct diff *d, const struct diff_options *opt)
{
	static const char *const names[] = {"tottime", "cumtime", "ncalls"};
	struct order *order = xmalloc((d->n + 1) * sizeof *order);
	size_t shown = 0, count;
	enum diff_metric m = opt->metric;
	char base[32], now[32];

	print_header(out, d, opt);
	for (size_t i = 0; i < d->n; i++)
		if (diff_shown(d, &d->rows[i], opt))
			order[shown++] = (struct order){fabs(diff_change(&d->rows[i], m)), i};
	qsort(order, shown, sizeof *order, cmp_order);
	count = opt->top >= 0 && (size_t)opt->top < shown ? (size_t)opt->top : shown;
	fprintf(out, "   Ordered by: change in %s\n", diff_metric_description(m));
	if (shown < d->n)
		print_hidden(out, d, opt, d->n - shown);
	if (count < shown)
		fprintf(out, "   List reduced from %zu to %zu due to restriction <%ld>\n", shown, count, opt->top);
	if (count) {
		snprintf(base, sizeof base, "base %s", names[m]);
		snprintf(now, sizeof now, "new %s", names[m]);
		fprintf(out, "\n%13s%13s%12s%10s%13s%12s  filename:lineno(function)\n", base, now, "change", "change%",
			m == DIFF_CALLS ? "base tottime" : "base ncalls", m == DIFF_CALLS ? "new tottime" : "new ncalls");
		for (size_t i = 0; i < count; i++)
			print_row(out, d, &d->rows[order[i].row], m);
	}
	fputc('\n', out);
	free(order);
}
