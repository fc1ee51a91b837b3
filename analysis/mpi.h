/* mpi.h: the MPI part of a report: ranks, MPI functions, call sites. */
#ifndef CPROF_ANALYSIS_MPI_H
#define CPROF_ANALYSIS_MPI_H

#include <stdio.h>

#include "rawfile.h"
#include "symbols.h"
#include "util.h"

/* Prints it, if any of the processes is an MPI rank or made MPI calls;
 * top < 0 prints every call site. */
void mpi_report(FILE *out, struct strtab *strings, struct symbolizer *sym, struct raw_process *const *procs, size_t n,
		long top);

#endif
