/* abi-openmpi.c: what the wrappers for OpenMPI's ABI need (core.h) that
 * its mpi.h names by symbols of libmpi, looked up when needed. */
#include "config.h"

#include <errno.h>
#include <mpi.h>

#include "abi.h"
#include "core.h"
#include "lookup.h"

#ifndef OPEN_MPI
#error "abi-openmpi.c is compiled against OpenMPI's mpi.h"
#endif
_Static_assert(MPI_ERR_OTHER == MPI_WRAPPERS_ERR, "abi.h's MPI_WRAPPERS_ERR is not OpenMPI's MPI_ERR_OTHER");

/* MPI_COMM_WORLD is &ompi_mpi_comm_world */
int mpi_comm_world(MPI_Comm *world)
{
	*world = (MPI_Comm)lookup_symbol("ompi_mpi_comm_world");
	return *world ? 0 : -ENOENT;
}

/* MPI_Type_f2c is a function */
int mpi_type_f2c(MPI_Fint type, MPI_Datatype *out)
{
	static MPI_Datatype (*f2c)(MPI_Fint);

	if (!f2c && !(*(void **)&f2c = lookup_symbol("PMPI_Type_f2c")))
		return -ENOENT;
	*out = f2c(type);
	return 0;
}

/* Predefined handles are the addresses of objects of libmpi */
int mpi_handles(struct mpi_handles *h)
{
	h->byte = (MPI_Datatype)lookup_symbol("ompi_mpi_byte");
	h->band = (MPI_Op)lookup_symbol("ompi_mpi_op_band");
	h->info_null = (MPI_Info)lookup_symbol("ompi_mpi_info_null");
	h->errors_return = (MPI_Errhandler)lookup_symbol("ompi_mpi_errors_return");
	return h->byte && h->band && h->info_null && h->errors_return ? 0 : -ENOENT;
}
