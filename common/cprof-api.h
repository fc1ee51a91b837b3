/* cprof-api.h: the functions libcprof.so, the runtime, offers the
 * libraries loaded with it (the MPI wrappers, libcprof-mpi-<abi>.so, which
 * the preloaded libcprof-mpi.so loads: mpi_wrap/).  They look them up with
 * dlsym(RTLD_DEFAULT, ...): without the runtime they find none and record
 * nothing.  Ticks are the runtime's clock, which the profile's PROCESS
 * record converts to seconds. */
#ifndef CPROF_API_H
#define CPROF_API_H

#include <stdint.h>

/* An id for the C function `name` (shown as {name} in the table, as a
 * built-in), for the call trees.  Async-signal-safe. */
uint64_t cprof_named_c(const char *name);
typedef uint64_t cprof_named_c_fn(const char *name);

/* A call of function `id` begins, or ends, in this thread: it goes into the
 * thread's call tree (when tracing is on).  Return the ticks at that moment. */
uint64_t cprof_enter(uint64_t id);
uint64_t cprof_exit(uint64_t id);
typedef uint64_t cprof_call_fn(uint64_t id);

/* The ticks of now. */
uint64_t cprof_ticks(void);
typedef uint64_t cprof_ticks_fn(void);

/* Who is calling: the innermost traced call of this thread that is not a
 * C function (a Python function under mpi4py, a traced native function),
 * 0 if there is none. */
uint64_t cprof_caller(void);
typedef uint64_t cprof_caller_fn(void);

/* A function the writer calls with an opaque writer, to add records with
 * cprof_put_record.  It may run in a signal handler: no malloc, no locks. */
typedef void cprof_writer_fn(void *writer);
int cprof_add_writer(cprof_writer_fn *fn);
typedef int cprof_add_writer_fn(cprof_writer_fn *fn);
void cprof_put_record(void *writer, uint32_t type, const void *fixed, uint32_t fixed_size, const void *rest,
		      uint32_t rest_size);
typedef void cprof_put_record_fn(void *writer, uint32_t type, const void *fixed, uint32_t fixed_size,
				 const void *rest, uint32_t rest_size);

/* Writes the process's profile now, as it ends for `reason`
 * (enum cprof_end_reason): MPI_Abort is about to kill it. */
void cprof_write_now(int reason, int value);
typedef void cprof_write_now_fn(int reason, int value);

#endif
