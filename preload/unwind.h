/* unwind.h: the sampler's use of libunwind (unwind.c). */
#ifndef CPROF_UNWIND_H
#define CPROF_UNWIND_H

#include <stdint.h>

#include "coderange.h"

#define UNWIND_MAX_FRAMES 128

/* Starts libunwind and finds the dynamic loader's lock; before any
 * sample. */
void unwind_init(void);
/* Whether this thread may unwind now; if so, unwind_end() must follow.
 * Async-signal-safe, as the two that follow. */
int unwind_begin(void);
int unwind_begin_patient(void); /* not in a signal handler */
void unwind_end(void);
/* In each thread before its first sample. */
void unwind_thread_start(void);
/* Around each dlclose (not in a signal handler). */
void unwind_dlclose_begin(void);
void unwind_dlclose_end(void);
/* In the child after fork. */
void unwind_fork_child(void);
/* In a Python process: stacks end at the first frame in the interpreter's
 * code, whose calls the interpreter tells (before any sample). */
void unwind_stop_at(struct code_range interp);
/* The stack of context uc (a signal's, or the caller's own, from
 * unw_getcontext) as program counters, innermost first, a return address
 * standing for the call just before it; UNWIND_MAX_FRAMES at most.
 * Between unwind_begin and unwind_end. */
int unwind_stack(void *uc, int signal_frame, uintptr_t *pcs);

#endif
