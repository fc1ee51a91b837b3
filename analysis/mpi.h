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

#endif
