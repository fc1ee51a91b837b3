/* front.h: what gen.py writes for libcprof-mpi.so (slots.c, from the spec)
 * and front.c share. */
#ifndef CPROF_MPI_FRONT_H
#define CPROF_MPI_FRONT_H

/* An exported function of libcprof-mpi.so: a trampoline (trampoline.h). */
struct mpi_slot {
	const char *symbol; /* "MPI_Send", "mpi_send_" */
	unsigned func;      /* the spec's function, as the wrappers number them */
	int fortran;        /* one of its Fortran names */
};

extern const struct mpi_slot mpi_slot_defs[];
extern const unsigned mpi_nslots;
extern const unsigned mpi_front_nfuncs;       /* the spec's functions */
extern void *mpi_slots[];                     /* where each one jumps */
extern char mpi_lazy[];                       /* until the slots are set */
void *mpi_front_resolve(unsigned slot);       /* called by mpi_lazy */

#endif
