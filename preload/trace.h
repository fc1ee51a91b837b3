/* trace.h: the tracer's fast paths for calls of named functions (named.c),
 * inlined into the hooks that report them: Python's profile function and
 * sys.monitoring callbacks (pytrace.c).  Their slow paths are trace.c's.
 *
 * A named call nests by the interpreter's stack, not the machine's: its
 * frame takes no part in telling a longjmp (csp UINTPTR_MAX is never
 * "left"), and its site holds a tag of the caller's choosing (0: none),
 * which the return finds again on top: pytrace.c's is the code object, or
 * the built-in's PyMethodDef.  As in trace.c, a push claims its frame
 * before filling it, for the sampler's signal handler.  The clock is read
 * by the caller, first thing in its hook: the TSC's latency (tens of
 * cycles) then overlaps the hook's own work. */
#ifndef CPROF_TRACE_H
#define CPROF_TRACE_H

#include "cct.h"
#include "clock.h"
#include "cprof-format.h"
#include "runtime-int.h"
#include "thread.h"

void trace_named_push_slow(struct thread *th, uint64_t fn, uintptr_t tag);

/* The child of the current node for fn, if there is one: as guessed
 * (cct_guess), or as the tree's table has it; else NULL. */
static inline __attribute__((always_inline)) struct tnode *trace_child_at_hand(struct trace_thread *t, uint64_t fn)
{
	struct tnode *p = t->cur, *n = cct_guess(t->tree, p, fn);

	if (likely(n))
		return n;
	if (t->busy) /* a node being made, by the code a signal interrupted */
		return NULL;
	t->busy = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	n = cct_find(t->tree, p, fn);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	t->busy = 0;
	if (n)
		cct_entered(p, n);
	return n;
}

/* Opens a call of node n, tagged tag, at now: its frame f, the top of t,
 * claimed before it is filled. */
static inline __attribute__((always_inline)) void trace_named_frame_push(struct trace_thread *t, struct frame *f,
									   struct tnode *n, uintptr_t tag, uint64_t now)
{
	t->sp = f + 1;
	f->node = (uintptr_t)n;
	f->csp = UINTPTR_MAX;
	f->site = tag;
	t->cur = n;
	f->t0 = now;
}

/* Opens a call of fn, tagged tag, in th at now (the TSC), if that is
 * quick (a node at hand, room on the stack, the TSC the clock, no reader
 * holding th: thread.h): returns 0,
 * having done nothing, if not.  (The hooks then take their slow paths, in
 * tail calls, so that their fast paths save few registers.) */
static inline __attribute__((always_inline)) int trace_named_try_push_at(struct thread *th, uint64_t fn, uintptr_t tag, uint64_t now)
{
	struct trace_thread *t = &th->tr;
	struct frame *f;
	struct tnode *n;
	uint32_t was;

	was = thread_edit_open(th);
	f = t->sp;
	if (unlikely(thread_edit_held(th) || f == t->limit || !(n = trace_child_at_hand(t, fn)) || !clock_tsc)) {
		thread_edit_end(th, was);
		return 0;
	}
	trace_named_frame_push(t, f, n, tag, now);
	thread_edit_end(th, was);
	return 1;
}

static inline int trace_named_try_push(struct thread *th, uint64_t fn, uintptr_t tag)
{
	return trace_named_try_push_at(th, fn, tag, clock_tsc_read());
}

/* Opens a call of fn, tagged tag, in th. */
static inline void trace_named_push(struct thread *th, uint64_t fn, uintptr_t tag)
{
	if (!trace_named_try_push(th, fn, tag))
		trace_named_push_slow(th, fn, tag);
}

/* Closes the call on top of th at now (the TSC) if it was opened with
 * this tag and recorded (a call that could not be has no tag), no deeper
 * call overflowed the stack, and the clock is the TSC.  Returns 0, and
 * closes nothing, if not (trace_named_exit then closes it). */
static inline __attribute__((always_inline)) int trace_named_try_pop_at(struct thread *th, uintptr_t tag, uint64_t now)
{
	struct trace_thread *t = &th->tr;
	struct frame *f;
	struct tnode *n;
	uint32_t was;

	was = thread_edit_open(th);
	f = t->sp - 1;
	if (unlikely(thread_edit_held(th) || f->site != tag || t->overflow || !clock_tsc)) {
		thread_edit_end(th, was);
		return 0;
	}
	n = frame_node(f);
	n->ticks += now - f->t0;
	n->calls += !(f->node & FRAME_INHERITED);
	t->sp = f;
	t->cur = n->parent;
	thread_edit_end(th, was);
	return 1;
}

static inline int trace_named_try_pop(struct thread *th, uintptr_t tag)
{
	return trace_named_try_pop_at(th, tag, clock_tsc_read());
}

#endif
