/* frame.h: tracing's shadow stack, a frame per call still open
 * (trace.c), and what the calls open add to a tree as it is written
 * (cct_write's adjust). */
#ifndef CPROF_FRAME_H
#define CPROF_FRAME_H

#include <stdint.h>

#include "cct.h"
#include "cprof-format.h"

/* An open call on a thread's shadow stack.  The low bit of node marks a call
 * that was already open when the process forked: the child adds its time but
 * does not count it again.  csp is the machine stack pointer in the enter
 * hook and site its call site (the return address of the function entered):
 * see frame_left(). */
struct frame {
	uintptr_t node;
	uint64_t t0;
	uintptr_t csp;
	uintptr_t site;
};

/* Whether a call entered at (csp, site) shows that the frame f was left by
 * a longjmp: the call is made from higher on the machine stack than f's
 * function was, or from as high but from another call site.  (A callee
 * inlined with its hooks, as clang does, enters at its caller's depth and
 * with its caller's site, and leaves the caller's frame alone.) */
static inline int frame_left(const struct frame *f, uintptr_t csp, uintptr_t site)
{
	return f->csp < csp || (f->csp == csp && f->site != site);
}
#define FRAME_INHERITED 1u

static inline struct tnode *frame_node(const struct frame *f)
{
	return (struct tnode *)(f->node & ~(uintptr_t)FRAME_INHERITED);
}

/* The calls open on [at, end), a path from the root, counted as completed
 * at now: each node on it gets one call more (not a call open since before
 * the fork) and its time so far.  cct_write's adjust, with such a struct
 * as its ctx. */
struct open_calls {
	const struct frame *at, *end;
	uint64_t now;
};

static inline void frames_add_open(void *ctx, uint32_t id, struct cprof_node *out)
{
	struct open_calls *o = ctx;

	/* open frames have ascending ids: a path from the root */
	while (o->at < o->end && (!frame_node(o->at) || frame_node(o->at)->id == CCT_NO_ID || frame_node(o->at)->id < id))
		o->at++;
	if (o->at < o->end && frame_node(o->at)->id == id) {
		out->calls += !(o->at->node & FRAME_INHERITED);
		/* (a call opened after now, by a thread not frozen) */
		out->ticks += o->now > o->at->t0 ? o->now - o->at->t0 : 0;
	}
}

#endif
