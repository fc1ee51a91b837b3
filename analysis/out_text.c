/* out_text.c: the report printed: the cProfile table (print_stats(), to
 * the character) under the lines that say which figures are estimates,
 * merged or per process or per rank, then the MPI figures. */
#include "config.h"

#include <stdlib.h>

#include "mpi.h"
#include "notes.h"
#include "output.h"
#include "text.h"

static int cmp_rank_view(const void *a, const void *b)
{
	const struct view *x = *(const struct view *const *)a, *y = *(const struct view *const *)b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

/* A table per rank, in rank order. */
static void print_per_rank(FILE *out, const struct model *m, const struct output_args *a)
{
	const struct view **ranks = xmalloc(m->nviews * sizeof *ranks);
	size_t n = 0;

	for (size_t i = 0; i < m->nviews; i++)
		if (m->views[i].kind == VIEW_RANK)
			ranks[n++] = &m->views[i];
	if (n)
		qsort(ranks, n, sizeof *ranks, cmp_rank_view);
	for (size_t i = 0; i < n; i++) {
		const struct view *v = ranks[i];
		fprintf(out, "Rank %d on ", v->rank);
		text_print(out, v->procs[0]->host, 0);
		fprintf(out, ": %zu process%s\n\n", v->nprocs, v->nprocs == 1 ? "" : "es");
		notes_preamble(out, v->procs, v->nprocs, &v->t);
		report_table(out, v->t.table, &a->sort, a->top);
	}
	free(ranks);
}

static int write_text(FILE *out, const struct model *m, const struct output_args *a)
{
	if (a->diff) {
		diff_print(out, a->diff, a->diff_options);
		return 0;
	}
	if (a->per_rank) {
		print_per_rank(out, m, a);
	} else if (a->per_process) {
		for (size_t i = 0; i < m->nviews; i++) {
			const struct view *v = &m->views[i];
			if (v->kind != VIEW_PROCESS)
				continue;
			notes_heading(out, v->procs[0]);
			notes_preamble(out, v->procs, 1, &v->t);
			report_table(out, v->t.table, &a->sort, a->top);
		}
	} else {
		notes_preamble(out, m->procs, m->n, &m->views[0].t);
		report_table(out, m->views[0].t.table, &a->sort, a->top);
	}
	mpi_print(out, m->mpi, m->procs, m->n, a->top >= 0 ? a->top : 20);
	return 0;
}

const struct output output_text_format = {
	.name = "text",
	.what = "the report as printed: cProfile's table, and the MPI figures",
	.diff = 1,
	.write = write_text,
};
