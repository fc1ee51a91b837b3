/* mpi.h: the MPI part of a report: ranks, MPI functions, call sites. */
#ifndef CPROF_ANALYSIS_MPI_H
#define CPROF_ANALYSIS_MPI_H

#include <stdio.h>

#include "rawfile.h"
#include "symbols.h"
#include "util.h"

/* The MPI figures of the processes, added up one at a time. */
struct mpi_totals;
struct mpi_totals *mpi_new(void);
void mpi_add(struct mpi_totals *t, struct strtab *strings, struct symbolizer *sym, const struct raw_process *p);
/* Prints them, if any of the processes (those added, sorted, which need no
 * longer hold their call sites) is an MPI rank or made MPI calls; top < 0
 * prints every call site. */
void mpi_print(FILE *out, struct mpi_totals *t, struct raw_process *const *procs, size_t n, long top);
void mpi_free(struct mpi_totals *t);

/* What mpi_print prints, for the other outputs. */
struct mpi_rank_row {
	int rank;
	const struct raw_process *main; /* the one that ran MPI, else the first */
	double wall, mpi;               /* seconds */
	char ending[128];               /* how it ended, if not well; else "" */
};
struct mpi_func_row {
	const char *name; /* the MPI function */
	uint64_t calls, sent, received;
	double time, min, mean, max; /* seconds: in all, and across the ranks */
	int at;                      /* the rank at max */
};
struct mpi_summary {
	int size;                 /* the job's ranks (0: not known) */
	struct mpi_rank_row *ranks; /* in rank order */
	size_t nranks;
	struct mpi_func_row *funcs; /* by time */
	size_t nfuncs;
	double app, in_mpi;       /* the ranks' wall time, and its part in MPI */
};
/* 1 and the summary (mpi_summary_free), or 0 if no process is a rank or
 * made MPI calls.  The names are t's. */
int mpi_summarize(struct mpi_totals *t, struct raw_process *const *procs, size_t n, struct mpi_summary *s);
void mpi_summary_free(struct mpi_summary *s);

#endif
