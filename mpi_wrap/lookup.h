/* lookup.h: finding the program's MPI functions, for libcprof-mpi.so and
 * the wrappers of each ABI. */
#ifndef CPROF_MPI_LOOKUP_H
#define CPROF_MPI_LOOKUP_H

/* The address of symbol `name` in the objects the process has loaded, not
 * counting cprof's MPI libraries: first in the global scope, then in any
 * object (mpi4py's extension module brings libmpi in RTLD_LOCAL).  NULL if
 * none has it. */
void *lookup_symbol(const char *name);

#endif
