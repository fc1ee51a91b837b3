/* abi.h: what libcprof-mpi.so (front.c) and the wrappers for one MPI ABI,
 * libcprof-mpi-<abi>.so (core.c and the generated wrappers.c), share: the
 * one symbol such a library exports for the front, a table of its
 * wrappers.  docs/MPI.md says how the front chooses one. */
#ifndef CPROF_MPI_ABI_H
#define CPROF_MPI_ABI_H

#include <stdint.h>

/* Made anew when the table changes, or the spec's functions do. */
#define MPI_WRAPPERS_VERSION 1

typedef void mpi_fn(void); /* any function, as C can hold one */

struct mpi_wrappers {
	uint32_t version; /* MPI_WRAPPERS_VERSION */
	uint32_t nfuncs;  /* the spec's functions, in its order */
	const char *const *names;   /* "MPI_Send" */
	mpi_fn *const *c;           /* each one's C wrapper */
	mpi_fn *const *fortran;     /* its Fortran wrapper, or NULL if it has none */
};

/* The table, as the library exports it (dlsym's name below). */
extern const struct mpi_wrappers cprof_mpi_wrappers;
#define MPI_WRAPPERS_SYMBOL "cprof_mpi_wrappers"

/* What a call returns that the front cannot pass on (no MPI library has the
 * function): an error in every ABI, which number errors differently:
 * MPI_ERR_INTERN in MPICH's, MPI_ERR_OTHER in OpenMPI's (abi-<abi>.c
 * check). */
#define MPI_WRAPPERS_ERR 16

#endif
