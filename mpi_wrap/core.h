/* core.h: what the generated wrappers (gen.py) call in core.c, and what
 * core.c asks of its ABI's file (abi-<abi>.c). */
#ifndef CPROF_MPI_CORE_H
#define CPROF_MPI_CORE_H

#include <mpi.h>
#include <stdint.h>

#include "cprof-api.h"
#include "cprof-format.h"

/* The wrappers and their table are the library's only exported symbols
 * (the analysis names its frames by them). */
#define MPI_EXPORT __attribute__((visibility("default")))
/* What the wrappers see of core.c, bound within the library (no GOT). */
#define MPI_HIDDEN __attribute__((visibility("hidden")))

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

/* What the wrappers' inline begin and end use of core.c: the runtime's
 * cprof_enter_from, NULL where there is no runtime (nothing is recorded),
 * and cprof_exit; each function's id in the call trees, 0 until its first
 * call, which asks the runtime (mpi_func_named); the table's counts. */
extern cprof_enter_fn *mpi_enter MPI_HIDDEN;
extern cprof_exit_fn *mpi_exit MPI_HIDDEN;
extern uint64_t mpi_ids[] MPI_HIDDEN;
uint64_t mpi_func_named(int func) MPI_HIDDEN;
/* Call c took dt ticks and moved these bytes: into the table of (MPI
 * function, call site). */
void mpi_count(const struct mpi_call *c, uint64_t dt, uint64_t sent, uint64_t received) MPI_HIDDEN;

/* Whether the wrappers time their calls: cprof's runtime is there. */
static inline int mpi_timing(void)
{
	return mpi_enter != NULL;
}

/* Call c of function func, from ret (its return address), begins: timed
 * and opened in the thread's call tree.  Only where mpi_timing(); a call
 * begun ends with mpi_end.  Inline: each wrapper opens its call with one
 * call, the runtime's. */
static inline __attribute__((always_inline)) void mpi_begin(struct mpi_call *c, int func, void *ret)
{
	uint64_t id = __atomic_load_n(&mpi_ids[func], __ATOMIC_RELAXED);

	if (__builtin_expect(id == 0, 0))
		id = mpi_func_named(func);
	c->id = id;
	c->func = func;
	c->site = CPROF_SITE_PC | (uintptr_t)ret; /* unless the runtime knows a caller */
	c->t0 = mpi_enter(id, &c->site);
}

/* Call c, begun, ends, having moved these bytes: closed in the call tree
 * and counted. */
static inline __attribute__((always_inline)) void mpi_end(const struct mpi_call *c, uint64_t sent,
							      uint64_t received)
{
	mpi_count(c, mpi_exit(c->id) - c->t0, sent, received);
}

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
