/* runtime-int.h: what the modules of the runtime (libcprof.so) share.
 * Nothing outside preload/ includes this. */
#ifndef CPROF_RUNTIME_INT_H
#define CPROF_RUNTIME_INT_H

#include <dlfcn.h>
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "cprof-env.h"

/* The only symbols libcprof.so exports: hooks and interposed libc calls. */
#define CPROF_EXPORT __attribute__((visibility("default")))

/* Looks up libc's function behind a wrapper, once. */
#define LIBC_NEXT(var, name)                                            \
	do {                                                            \
		if (!(var))                                             \
			(var) = (__typeof__(var))dlsym(RTLD_NEXT, (name)); \
	} while (0)

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* The process being profiled: settings from the CPROF_* variables and its
 * identity.  Written by runtime_startup and in the child after fork, read
 * everywhere else. */
struct runtime {
	int active;           /* profiling this process image */
	int pid;              /* getpid() when the identity was taken */
	int ppid;
	uint64_t start_ns;    /* CLOCK_REALTIME at start or fork */
	uint64_t ticks0;      /* clock_ticks() at start or fork ... */
	uint64_t mono_ns0;    /* ... and CLOCK_MONOTONIC at the same moment */
	char dir[PATH_MAX];   /* CPROF_DIR: where raw profiles go */
	char jobid[128];      /* CPROF_JOBID */
	char host[256];
	char self_path[PATH_MAX]; /* this library, for LD_PRELOAD in children */
	int fd_floor;         /* where the runtime's descriptors go (fds.c); 0: nowhere */
	int rank, size;       /* CPROF_RANK, CPROF_SIZE: the MPI rank and the job's size, or -1 */
};

/* settings.c: rt, and the CPROF_* variables, read once as the runtime starts */
extern struct runtime rt;
/* Set while this thread is in a library the runtime called (libunwind):
 * the libc calls it makes there (close, sigprocmask) are the runtime's,
 * not the program's, and the wrappers pass them through. */
extern __thread int rt_in_library __attribute__((tls_model("initial-exec")));
void settings_init(void);
const char *setting(enum cprof_env v);

/* runtime.c */
void runtime_startup(void);
void runtime_finish(int reason, int value);
void runtime_exec_failed(void);

/* service.c: the runtime's own thread, and what it can be asked for */
#define SERVICE_SNAPSHOT 1u      /* write a snapshot of the profile */
#define SERVICE_THREAD_EXITED 2u /* a thread of the program exited */
void service_request(uint32_t bits);

/* dump.c: the threads' stacks, on cprof-dump's request */
long dump_init(void);
void dump_poll(void);
void dump_fork_child(void);
extern int dump_asked;
struct thread;
void dump_sample_with(int (*signal_of)(const struct thread *t));
int dump_is_ours(const siginfo_t *si);
void dump_offer(struct thread *t, const uintptr_t *pc, int n);

/* trace.c */
int trace_enabled(void);
uint64_t trace_named_enter(uint64_t fn, uint64_t *caller);
uint64_t trace_named_exit(uint64_t fn);

/* named.c */
int named_init(void);
uint64_t named_add(const char *file, uint32_t line, const char *name, int is_c);
const char *named_file(uint64_t id);
const char *named_name(uint64_t id);
uint32_t named_line(uint64_t id);
void named_set_python(uint32_t version);

/* python.c */
int python_present(void);
void python_thread_creating(void);
int python_in_interpreter(uintptr_t pc);
int python_in_extension(uintptr_t pc);

/* pysample.c */
int python_sampling(void);
int python_sample_stack(uint64_t *out, int max);
void python_probe_fault(void);

/* pystack.c */
#define PY_FRAMES 384 /* a Python thread's calls, and native frames under them */
int python_merge_stack(const struct thread *t, const uintptr_t *pcs, int n, uintptr_t *out, int native_too);

/* sample.c */
int sample_is_ours(const siginfo_t *si);
void sample_signal(siginfo_t *si, void *uc);
void sample_masked(int how, const sigset_t *set, const sigset_t *old);

/* offcpu.c: block.c's wrappers bracket their calls with these */
struct block_mark {
	struct thread *t;
	uint64_t wall, sampled;
};
void offcpu_block_begin(struct block_mark *m);
void offcpu_block_end(struct block_mark *m);

/* modules.c: the MODULE records of the objects mapped, and unloaded */
struct rawbuf;
void modules_write(struct rawbuf *b);

/* writer.c: the raw-profile writer (through rawbuf.h).  Every function
 * here may run in a signal handler: no malloc, no stdio, no locks. */
int writer_write_profile(int reason, int value);
/* A dump (dump.c) into the directory sub of the run's: the process's
 * records, its threads' by put_threads; 0, or -errno. */
int writer_write_dump(const char *sub, int value, void (*put_threads)(struct rawbuf *b));
/* The profile so far into fd, as written in MPI_Finalize; 0 or -errno
 * (-EALREADY: it is written already). */
int writer_write_into(int fd);
/* The profile written into a file is in a node file now: the process
 * writes none of its own, unless it forks or execs, and its last snapshot
 * goes. */
void writer_taken(void);
void writer_retire_begin(void);
void writer_retire_end(void);

/* signals.c */
void signals_sample_with(int signo, int kernel_signo);
unsigned signals_program_handled(void);
int signals_stack_room(size_t need);
int signals_stack_room_uc(const void *uc, size_t need);
int signals_entry(const void *uc);
unsigned signals_held(void);
void signals_thread_begin(unsigned inherited);
void signals_exec_prepare(int failed);

/* sigmask.c: the runtime's own masking */
int sigmask_own(int how, const sigset_t *set, sigset_t *old);
void sigmask_fill_but_faults(sigset_t *set);

/* fds.c: the descriptors the runtime keeps */
#define RUNTIME_FD_MIN 128 /* under a descriptor limit this low it keeps none */
typedef void fds_taken_fn(int fd);
int fds_park(int fd, fds_taken_fn *taken);
int fds_held(int fd);
void fds_close(int fd);
struct rlimit;
int fds_room_begin(struct rlimit *saved);
void fds_room_end(const struct rlimit *saved);

#endif
