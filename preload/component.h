/* component.h: the runtime's components, and the hooks through which
 * runtime.c, writer.c, thread.c and thread-life.c reach them.
 *
 * Each module of the runtime that takes part in the process's life defines
 * its row, `const struct component foo_component`, in its own file, with
 * the hooks it needs (the others NULL); components.c lists the rows once,
 * in the order every hook is called in: the order of startup, and the order
 * of the records in the profile (docs/FORMAT.md).  A new module is one row
 * and one line of that list.
 *
 * Hooks that may run in a signal handler (fork_child, exec_prepare,
 * exec_failed, finish, write, and the threads' retire, fork and write
 * hooks) call only async-signal-safe functions: no malloc, no stdio, no
 * locks.  The list is constant: iterating it is safe anywhere. */
#ifndef CPROF_COMPONENT_H
#define CPROF_COMPONENT_H

#include <stddef.h>
#include <stdint.h>

#include <signal.h>

struct rawbuf;
struct thread;
struct cprof_rec_thread;

/* A component's part in each thread's life (thread-life.c, thread.c), for those that keep
 * data of their own in struct thread (thread.h). */
struct component_thread {
	/* A new or reused record, before it is the thread's: its data made
	 * empty.  < 0: the thread goes unprofiled. */
	int (*prepare)(struct thread *t);
	/* The record is the thread's (cur_thread), about to go live. */
	int (*start)(struct thread *t);
	/* The thread is exiting, before it hands its data over. */
	void (*stop)(struct thread *t);
	/* Its data joins the exited threads' (thread-life.c's lock held). */
	void (*retire)(struct thread *t, uint64_t now);
	/* In the child after fork: the exited threads' data is the parent's ... */
	void (*fork_reset)(void);
	/* ... and so is the data of the thread that goes on, t, up to now. */
	void (*fork_child)(struct thread *t, uint64_t now);
	/* Its figures in t's THREAD record ... */
	void (*record)(const struct thread *t, struct cprof_rec_thread *rec);
	/* ... and its records of t, which stands still or not (thread_freeze),
	 * its open calls counted up to now. */
	void (*write)(struct rawbuf *b, struct thread *t, uint64_t now);
	/* The same for the exited threads: record returns nonzero if it has
	 * anything of theirs to write. */
	int (*retired_record)(struct cprof_rec_thread *rec);
	void (*write_retired)(struct rawbuf *b);
};

struct component {
	/* First of all, CPROF_* read, whether the process is profiled or not:
	 * what the component's wrappers of libc need even when idle. */
	void (*setup)(void);
	/* At startup, the identity taken, before any thread has its record
	 * (profiled processes only, as every hook below). */
	void (*init)(void);
	/* Once the main thread has its record: what runs on its own starts. */
	void (*start)(void);
	/* In the child after fork, its identity taken anew. */
	void (*fork_child)(void);
	/* The image's profile is written, and it execs ... */
	void (*exec_prepare)(void);
	/* ... but the exec failed: it goes on as before. */
	void (*exec_failed)(void);
	/* The profile is written and the process ends, otherwise than by exec. */
	void (*finish)(void);
	/* Its records in the profile, after the writer's own (PROCESS,
	 * MODULE) and before the threads'. */
	void (*write)(struct rawbuf *b);
	/* Adds to set the signals its work comes with, held while the
	 * profile is written (no samples of the writer). */
	void (*signals)(sigset_t *set);
	const struct component_thread *thread;
};

/* components.c: every row, in order, NULL-terminated. */
extern const struct component *const components[];

extern const struct component exec_component, fds_component, writer_component, signals_component,
	trace_component, thread_component, python_component, sample_component, count_component, named_component,
	api_component, service_component;

/* Calls hook(...) of every component that has one, in order. */
#define components_call(hook, ...)                                       \
	do {                                                             \
		for (const struct component *const *c_ = components; *c_; c_++) \
			if ((*c_)->hook)                                 \
				(*c_)->hook(__VA_ARGS__);                \
	} while (0)

/* The same for a hook of the threads' part (struct component_thread). */
#define components_call_thread(hook, ...)                                \
	do {                                                             \
		for (const struct component *const *c_ = components; *c_; c_++) \
			if ((*c_)->thread && (*c_)->thread->hook)        \
				(*c_)->thread->hook(__VA_ARGS__);        \
	} while (0)

#endif
