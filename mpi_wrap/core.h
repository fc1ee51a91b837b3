/* core.h: what the generated wrappers (gen.py) call in core.c, and what
 * core.c asks of its ABI's file (abi-<abi>.c). */
#ifndef CPROF_MPI_CORE_H
#define CPROF_MPI_CORE_H

#include <mpi.h>
#include <stdint.h>

/* The wrappers and their table are the library's only exported symbols
 * (the analysis names its frames by them). */
#define MPI_EXPORT __attribute__((visibility("default")))

/* One call being timed. */
struct mpi_call {
	uint64_t id;   /* the function's id in the call trees */
	uint64_t t0;   /* ticks at the start */
	uint64_t site; /* who called */
	int func;      /* index into mpi_names */
};

extern const int mpi_nfuncs;
extern const char *const mpi_names[];

/* The PMPI (or Fortran pmpi_) function behind a wrapper. */
void *mpi_real(const char *name);

/* Whether a Fortran wrapper of this thread is calling (core.c). */
extern __thread int mpi_in_fortran __attribute__((tls_model("initial-exec")));

void mpi_begin(struct mpi_call *c, int func, void *ret);
/* Whether the call is being timed (cprof's runtime is there): the bytes
 * need not be counted otherwise. */
static inline int mpi_recording(const struct mpi_call *c)
{
	return c->t0 != 0;
}
void mpi_end(struct mpi_call *c, uint64_t sent, uint64_t received);

/* Bytes in count elements of type; in what status says was received (at
 * most count), where it is given; from Fortran's arguments. */
uint64_t mpi_bytes(int count, MPI_Datatype type);
uint64_t mpi_bytes_status(int count, MPI_Datatype type, const MPI_Status *status);
uint64_t mpi_bytes_f(const void *count, const void *type);

/* The hooks the spec names. */
void mpi_after_init(int *argc, char ***argv);
void mpi_after_init_thread(int *argc, char ***argv, int required, int *provided);
/* MPI_Finalize's call c has begun, the real one not yet made: the node's
 * ranks gather their profiles (gather.c). */
void mpi_during_finalize(const struct mpi_call *c);
void mpi_before_abort(MPI_Comm comm, int errorcode);
void mpi_before_abort_f(void *comm, void *errorcode, void *ierr);

/* Fortran's MPI_INIT and MPI_INIT_THREAD (the spec's "fortran core"). */
void f_mpi_init(MPI_Fint *ierr);
void f_mpi_init_thread(MPI_Fint *required, MPI_Fint *provided, MPI_Fint *ierr);

/* What the ABI's mpi.h may name by a symbol of libmpi (abi-<abi>.c):
 * MPI_COMM_WORLD, and a Fortran datatype's C handle.  0, or -ENOENT if the
 * program's MPI library has none. */
int mpi_comm_world(MPI_Comm *world);
int mpi_type_f2c(MPI_Fint type, MPI_Datatype *out);

/* The handles gather.c needs. */
struct mpi_handles {
	MPI_Datatype byte;
	MPI_Op band;
	MPI_Info info_null;
	MPI_Errhandler errors_return;
};
int mpi_handles(struct mpi_handles *h);

/* gather.c, if CPROF_GATHER says so: after MPI_Init, cprof's own
 * communicators; in MPI_Finalize, the profiles of the node's ranks into a
 * node file. */
void mpi_gather_prepare(void);
void mpi_gather_profiles(void);

#endif
