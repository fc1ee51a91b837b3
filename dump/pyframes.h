/* pyframes.h: the Python calls of a stopped CPython's threads, read from
 * its memory where pylayout.h says each version keeps them. */
#ifndef CPROF_DUMP_PYFRAMES_H
#define CPROF_DUMP_PYFRAMES_H

#include <stdint.h>

#include "freeze.h"
#include "native.h"

#define PY_MAX_CALLS 1024 /* read of a thread, innermost first */

struct pycall {
	char *file, *name;    /* the code's co_filename and co_name */
	uint32_t line;        /* its co_firstlineno */
};

struct pythread {
	int64_t native_id;    /* the kernel's thread id, or -1 (before 3.11) */
	uint64_t pthread_id;  /* pthread_self() of the thread */
	struct pycall *call;  /* innermost first */
	int ncall;
	int truncated;        /* deeper than PY_MAX_CALLS */
};

struct pyprocess {
	pid_t pid;
	int version;          /* 0x030b for 3.11; 0: not a CPython, or unknown */
	struct pythread *thread;
	int nthread;
};

/* The version of the CPython in process f->pid (0x030b for 3.11), or 0:
 * from Py_Version (3.11+), else from the name of the file _PyRuntime is
 * in. */
int pyframes_version(struct native *n, const struct frozen *f);

/* Reads the calls of every thread of a CPython, given where its
 * _PyRuntime and PyCode_Type are: 0 (p->version 0 for a version cprof does
 * not know), or -1 with the cause in err.  Of a frozen process, they are
 * what its threads were running; of a running one (cprof -p), what they
 * were running at about that time. */
int pyframes_read(const struct frozen *f, int version, uint64_t runtime, uint64_t code_type, struct pyprocess *p,
		  char *err, size_t errsize);

/* The Python thread of a native thread, or NULL (before 3.11, without the
 * thread's registers, only the main thread is found: tid == pid). */
const struct pythread *pyframes_thread(const struct pyprocess *p, const struct frozen_thread *t);

/* Where a thread's Python calls go in its native stack pcs (innermost
 * first): in place of the interpreter's frames from the innermost that runs
 * Python code outwards.  Returns the number of native frames to keep inside
 * the calls (those the innermost call is in: a built-in, an extension, a
 * wait), or -1 if no frame runs Python code. */
int pyframes_split(struct native *n, const uint64_t *pcs, int npc);

void pyframes_free(struct pyprocess *p);

#endif
