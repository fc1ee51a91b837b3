/* pyframes.h: the Python calls of a stopped CPython's threads, read from
 * its memory where pylayout.h says each version keeps them. */
#ifndef CPROF_DUMP_PYFRAMES_H
#define CPROF_DUMP_PYFRAMES_H

#include <stdint.h>

#include "freeze.h"

#define PY_MAX_CALLS 1024 /* read of a thread, innermost first */

struct pythread {
	int64_t native_id;    /* the kernel's thread id, or -1 (before 3.11) */
	uint64_t pthread_id;  /* pthread_self() of the thread */
	char **call;          /* "file:line(function)", innermost first */
	int ncall;
	int truncated;        /* deeper than PY_MAX_CALLS */
};

struct pyprocess {
	int version;          /* 0x030b for 3.11; 0: not a CPython, or unknown */
	struct pythread *thread;
	int nthread;
};

/* Reads the calls of every thread of a frozen CPython, given where its
 * _PyRuntime and PyCode_Type are: 0 (p->version 0 for a version cprof does
 * not know), or -1 with the cause in err. */
int pyframes_read(const struct frozen *f, int version, uint64_t runtime, uint64_t code_type, struct pyprocess *p,
		  char *err, size_t errsize);

/* The Python thread of a native thread, or NULL. */
const struct pythread *pyframes_thread(const struct pyprocess *p, const struct frozen_thread *t);

void pyframes_free(struct pyprocess *p);

#endif
