/* cprof-api.h: the functions libcprof.so, the runtime, offers the
 * libraries loaded with it (the MPI wrappers, libcprof-mpi-<abi>.so, which
 * the preloaded libcprof-mpi.so loads: mpi_wrap/).  They look them up with
 * dlsym(RTLD_DEFAULT, ...): without the runtime they find none and record
 * nothing.  Ticks are the runtime's clock, which the profile's PROCESS
 * record converts to seconds. */
#ifndef CPROF_API_H
#define CPROF_API_H

#include <stddef.h>
#include <stdint.h>

/* An id for the C function `name` (shown as {name} in the table, as a
 * built-in), for the call trees.  Async-signal-safe. */
uint64_t cprof_named_c(const char *name);
typedef uint64_t cprof_named_c_fn(const char *name);

/* A call of function `id` begins, or ends, in this thread: it goes into the
 * thread's call tree (when tracing is on).  Return the ticks at that moment.
 * A call begins from *caller, which cprof_enter_from sets to the innermost
 * traced call of this thread that is not a C function (a Python function
 * under mpi4py, a traced native function), and leaves as it is if there is
 * none.  Both are on the MPI wrappers' hot path, each a fast path of its
 * own in the runtime (docs/PERFORMANCE.md). */
uint64_t cprof_enter_from(uint64_t id, uint64_t *caller);
typedef uint64_t cprof_enter_fn(uint64_t id, uint64_t *caller);
uint64_t cprof_exit(uint64_t id);
typedef uint64_t cprof_exit_fn(uint64_t id);

/* The ticks of now. */
uint64_t cprof_ticks(void);
typedef uint64_t cprof_ticks_fn(void);

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

/* For a node's ranks gathering their profiles at MPI_Finalize into a node
 * file (docs/MPI.md); not for signal handlers.  Each returns 0 or -errno.
 *
 * The process's profile so far into fd, a file of the caller's; and word
 * that it is in a node file now, so that the process writes none at exit
 * (a child it forks later still writes its own). */
int cprof_profile_into(int fd);
typedef int cprof_profile_into_fn(int fd);
void cprof_profile_gathered(void);
typedef void cprof_profile_gathered_fn(void);

/* A node file in the run's directory: opened under a .partial name, a
 * rank's profile (the bytes cprof_profile_into wrote) added at a time,
 * then closed: published under a free name (into name, of size bytes) if
 * keep, else removed.  One at a time. */
int cprof_set_open(void);
typedef int cprof_set_open_fn(void);
int cprof_set_add(int rank, int pid, const void *data, uint64_t size);
typedef int cprof_set_add_fn(int rank, int pid, const void *data, uint64_t size);
int cprof_set_close(int keep, char *name, size_t size);
typedef int cprof_set_close_fn(int keep, char *name, size_t size);

/* A mark `name` holding `text` in the run's directory, replacing one
 * there: written whole under a name of its own, then renamed. */
int cprof_put_mark(const char *name, const char *text);
typedef int cprof_put_mark_fn(const char *name, const char *text);

#endif
