/* compare.c: several runs side by side. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "report.h"
#include "text.h"

#define COLUMN 12

struct cell {
	int present;
	uint64_t nc, cc;
	double tt, ct;
};

struct grid {
	struct stats *keys; /* a row per function, in the order first met */
	struct cell *cells; /* row * nruns + run */
	size_t cap, nruns;
};

static void fill(struct grid *g, const struct stats *run, size_t r)
{
	struct stats *st = stats_strip_dirs(run);

	for (uint32_t i = 0; i < st->n; i++) {
		const struct stat_entry *e = &st->entries[i];
		size_t had = g->keys->n, row = stats_entry(g->keys, e->key);
		if (g->keys->n > had) {
			GROW(g->cells, g->cap, g->keys->n * g->nruns);
			memset(g->cells + had * g->nruns, 0, (g->keys->n - had) * g->nruns * sizeof *g->cells);
		}
		g->cells[row * g->nruns + r] = (struct cell){1, e->nc, e->cc, e->tt, e->ct};
	}
	stats_free(st);
}

static double value(const struct cell *c, enum diff_metric m)
{
	return m == DIFF_TOTTIME ? c->tt : m == DIFF_CUMTIME ? c->ct : (double)c->nc;
}

struct order {
	double largest;
	size_t row;
};

static int cmp_order(const void *pa, const void *pb)
{
	const struct order *a = pa, *b = pb;

	if (a->largest != b->largest)
		return a->largest > b->largest ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

static void print_cell(FILE *out, const struct cell *c, enum diff_metric m)
{
	char buf[48];

	if (!c->present)
		snprintf(buf, sizeof buf, "-");
	else if (m != DIFF_CALLS)
		snprintf(buf, sizeof buf, "%.3f", value(c, m));
	else if (c->nc != c->cc)
		snprintf(buf, sizeof buf, "%" PRIu64 "/%" PRIu64, c->nc, c->cc);
	else
		snprintf(buf, sizeof buf, "%" PRIu64, c->nc);
	fprintf(out, "%*s", COLUMN, buf);
}

static void print_runs(FILE *out, size_t nruns)
{
	char label[32];

	for (size_t r = 0; r < nruns; r++) {
		snprintf(label, sizeof label, "[%zu]", r + 1);
		fprintf(out, "%*s", COLUMN, label);
	}
}

static void print_totals(FILE *out, const struct stats *const runs[], const char *const labels[], size_t nruns,
			 const double *elapsed)
{
	char buf[48];

	for (size_t r = 0; r < nruns; r++) {
		fprintf(out, "   [%zu] ", r + 1);
		text_print(out, labels[r], 0);
		fputc('\n', out);
	}
	fputc('\n', out);
	print_runs(out, nruns);
	fputc('\n', out);
	for (size_t r = 0; r < nruns; r++)
		fprintf(out, "%*.3f", COLUMN, stats_totals(runs[r]).tt);
	fputs("  total time (seconds): the processes' added up\n", out);
	for (size_t r = 0; r < nruns; r++) {
		if (elapsed && elapsed[r] > 0)
			snprintf(buf, sizeof buf, "%.3f", elapsed[r]);
		else
			snprintf(buf, sizeof buf, "-");
		fprintf(out, "%*s", COLUMN, buf);
	}
	fputs("  elapsed (seconds): the first start to the last end\n", out);
	for (size_t r = 0; r < nruns; r++) {
		if (elapsed && elapsed[0] > 0 && elapsed[r] > 0)
			snprintf(buf, sizeof buf, "%.2fx", elapsed[0] / elapsed[r]);
		else
			snprintf(buf, sizeof buf, "-");
		fprintf(out, "%*s", COLUMN, buf);
	}
	fputs("  speedup: [1]'s elapsed time / the run's\n\n", out);
}

void compare_print(FILE *out, const struct stats *const runs[], const char *const labels[], size_t nruns,
		   const struct compare_options *opt)
{
	struct grid g = {.nruns = nruns};
	struct order *order;
	size_t count;

	if (nruns == 0)
		return;
	g.keys = stats_new(runs[0]->strings);
	for (size_t r = 0; r < nruns; r++)
		fill(&g, runs[r], r);
	order = xmalloc((g.keys->n + 1) * sizeof *order);
	for (size_t row = 0; row < g.keys->n; row++) {
		double largest = -INFINITY;
		for (size_t r = 0; r < nruns; r++)
			if (g.cells[row * nruns + r].present && value(&g.cells[row * nruns + r], opt->metric) > largest)
				largest = value(&g.cells[row * nruns + r], opt->metric);
		order[row] = (struct order){largest, row};
	}
	qsort(order, g.keys->n, sizeof *order, cmp_order);
	count = opt->top >= 0 && (size_t)opt->top < g.keys->n ? (size_t)opt->top : g.keys->n;

	print_totals(out, runs, labels, nruns, opt->elapsed);
	fprintf(out, "   Ordered by: %s, the largest in any run\n", diff_metric_description(opt->metric));
	if (count < g.keys->n)
		fprintf(out, "   List reduced from %zu to %zu due to restriction <%ld>\n", g.keys->n, count, opt->top);
	if (count) {
		fputc('\n', out);
		print_runs(out, nruns);
		fputs("  filename:lineno(function)\n", out);
	}
	for (size_t i = 0; i < count; i++) {
		size_t row = order[i].row;
		char *name = report_std_name(g.keys, g.keys->entries[row].key);
		for (size_t r = 0; r < nruns; r++)
			print_cell(out, &g.cells[row * nruns + r], opt->metric);
		fputs("  ", out);
		text_print(out, name, 0);
		fputc('\n', out);
		free(name);
	}
	fputc('\n', out);
	free(order);
	free(g.cells);
	stats_free(g.keys);
}
