/* component.h: the runtime's components, and the hooks through which
 * runtime.c, writer.c and thread.c reach them.
 *
 * Each module of the runtime that takes part in the process's life defines
 * its row, `const struct component foo_component`, in its own file, with
 * the hooks it needs (the others NULL); components.c lists the rows once,
 * in the order every hook is called in: the order of startup, and the order
 * of the records in the profile (docs/FORMAT.md).  A new module is one row
 * and one line of that list.
 *
 * Hooks that may run in a signal handler (fork_child, exec_prepare,
 * exec_failed, finish, write) call only async-signal-safe functions: no
 * malloc, no stdio, no locks.  The list is constant: iterating it is safe anywhere. */
#ifndef CPROF_COMPONENT_H
#define CPROF_COMPONENT_H

#include <stddef.h>
#include <stdint.h>

struct rawbuf;

struct component {
	/* At startup, CPROF_* read and the identity taken, before any thread
	 * has its record. */
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
};

/* components.c: every row, in order, NULL-terminated. */
extern const struct component *const components[];

extern const struct component writer_component, signals_component, trace_component, thread_component,
	python_component, sample_component, count_component, named_component, api_component, service_component;

/* Calls hook(...) of every component that has one, in order. */
#define components_call(hook, ...)                                       \
	do {                                                             \
		for (const struct component *const *c_ = components; *c_; c_++) \
			if ((*c_)->hook)                                 \
				(*c_)->hook(__VA_ARGS__);                \
	} while (0)

#endif
