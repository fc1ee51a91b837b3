/* abi-mpich.c: what the wrappers for MPICH's ABI (MPICH, Intel MPI,
 * MVAPICH, Cray MPICH) need (core.h): its handles are integers, and its
 * mpi.h names them by constants. */
#include "config.h"

#include <mpi.h>

#include "abi.h"
#include "core.h"

#ifndef MPICH
#error "abi-mpich.c is compiled against MPICH's mpi.h"
#endif
_Static_assert(MPI_ERR_INTERN == MPI_WRAPPERS_ERR, "abi.h's MPI_WRAPPERS_ERR is not MPICH's MPI_ERR_INTERN");

int mpi_comm_world(MPI_Comm *world)
{
	*world = MPI_COMM_WORLD;
	return 0;
}

/* MPI_Type_f2c is a macro: a handle is the same integer in C and Fortran */
int mpi_type_f2c(MPI_Fint type, MPI_Datatype *out)
{
	*out = MPI_Type_f2c(type);
	return 0;
}

int mpi_handles(struct mpi_handles *h)
{
	h->byte = MPI_BYTE;
	h->band = MPI_BAND;
	h->info_null = MPI_INFO_NULL;
	h->errors_return = MPI_ERRORS_RETURN;
	return 0;
}
