/* trace.c: exact tracing of code built with -finstrument-functions.
 *
 * Each thread has a calling-context tree (cct.h) and a shadow stack of open
 * calls, each pointing at its node.  An enter looks up the child of the
 * current node (a one-entry cache in the node, then the tree's hash table;
 * named calls also try the sibling that followed it: cct_guess) and pushes
 * a frame; an exit adds the call to the node on top.
 *
 * The hooks may interrupt themselves (a signal handler built with
 * -finstrument-functions): pushes and pops stay consistent because each
 * fills its frame before moving the stack pointer past it; only node creation
 * is guarded, and a call that arrives while a node is being created is
 * dropped and counted.
 *
 * A thread that exits hands its tree to the process's tree of exited threads
 * (merging path by path loses nothing cProfile shows).
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cct.h"
#include "clock.h"
#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "proc.h"
#include "runtime-int.h"
#include "thread.h"
#include "trace.h"

#define STACK_FRAMES CPROF_TRACE_DEPTH /* 32 MiB reserved, touched as used ... */
#define STACK_FRAMES_STRICT (1u << 16) /* ... unless overcommit is strict */

static int trace_on;
static uint32_t stack_frames = STACK_FRAMES;
static struct cct *retired; /* the trees of threads that exited */
static uint64_t retired_lost;

static void *map_zero(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* The machine stack pointer. */
static inline uintptr_t stack_pointer(void)
{
#if defined(__x86_64__)
	uintptr_t sp;
	__asm__("mov %%rsp, %0" : "=r"(sp));
	return sp;
#else
	return (uintptr_t)__builtin_frame_address(0);
#endif
}

/* Gives a new (or reused) thread record an empty tree and stack. */
static int trace_thread_start(struct thread *th)
{
	struct trace_thread *t = &th->tr;

	if (!t->stack)
		t->stack = map_zero(stack_frames * sizeof *t->stack);
	/* with tracing off, a stack with no room sends every call to the slow
	 * path, which records nothing */
	t->limit = t->stack + (__atomic_load_n(&trace_on, __ATOMIC_ACQUIRE) ? stack_frames : 1);
	if (!t->tree)
		t->tree = cct_new();
	else if (cct_reset(t->tree) < 0)
		return -1;
	if (!t->stack || !t->tree)
		return -1;
	t->cur = cct_root(t->tree);
	t->edit = 0;
	t->hold = 0;
	t->stack[0] = (struct frame){.node = (uintptr_t)t->cur, .csp = UINTPTR_MAX};
	t->sp = t->stack + 1;
	t->overflow = 0;
	t->deep = 0;
	t->lost = 0;
	t->lost_node = (struct tnode){.id = CCT_NO_ID};
	return 0;
}

/* Pushes a frame.  The slot is claimed before it is filled, so that a
 * signal handler's calls made meanwhile go above it. */
static void frame_push(struct trace_thread *t, struct tnode *n, uintptr_t csp, uintptr_t site)
{
	struct frame *f = t->sp;

	t->sp = f + 1;
	f->node = (uintptr_t)n;
	f->csp = csp;
	/* a named call that could not be recorded has no tag (trace.h) */
	f->site = n == &t->lost_node && csp == UINTPTR_MAX ? 0 : site;
	if (n != &t->lost_node)
		t->cur = n;
	f->t0 = clock_ticks();
}

/* Closes the top frame at `now`. */
static void frame_pop(struct trace_thread *t, uint64_t now)
{
	struct frame *f = t->sp - 1;
	struct tnode *n = frame_node(f);

	t->sp = f;
	if (n == &t->lost_node)
		return;
	n->ticks += now - f->t0;
	n->calls += !(f->node & FRAME_INHERITED);
	t->cur = n->parent;
}

/* Closes the frames a longjmp left (see frame_left).  A signal handler on
 * an alternate stack is no sign of one. */
static void frames_left(struct trace_thread *t, uintptr_t csp, uintptr_t site)
{
	stack_t ss;
	uint64_t now;

	if (sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_ONSTACK))
		return;
	now = clock_ticks();
	while (frame_left(t->sp - 1, csp, site))
		frame_pop(t, now);
}

/* The node of a call of fn from the current node, made if need be; the
 * lost node when it cannot be (out of memory, or a node being made by the
 * code this interrupted). */
static struct tnode *child_of_current(struct trace_thread *t, uintptr_t fn)
{
	struct tnode *p = t->cur, *n = NULL;

	if (!t->busy) {
		t->busy = 1;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		n = cct_child(t->tree, p, fn);
		if (n)
			cct_entered(p, n);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		t->busy = 0;
	}
	if (!n) {
		t->lost++;
		n = &t->lost_node;
	}
	return n;
}

static void __attribute__((noinline)) enter_slow(struct trace_thread *t, uintptr_t fn, uintptr_t csp, uintptr_t site)
{
	if (!trace_on)
		return;
	if (frame_left(t->sp - 1, csp, site))
		frames_left(t, csp, site);
	if (t->sp == t->limit) {
		t->overflow++;
		t->deep++;
		return;
	}
	frame_push(t, child_of_current(t, fn), csp, site);
}

static void __attribute__((noinline)) exit_slow(struct trace_thread *t, uintptr_t fn, uint64_t now)
{
	struct frame *f;

	if (t->overflow) {
		t->overflow--;
		return;
	}
	if (frame_node(t->sp - 1) == &t->lost_node) {
		t->sp--;
		return;
	}
	/* A longjmp (or an exit for a call entered before tracing began):
	 * close the frames above the one that returns, if it is open at all. */
	for (f = t->sp - 1; f > t->stack; f--)
		if (frame_node(f)->fn == fn)
			break;
	if (f == t->stack)
		return;
	while (t->sp > f)
		frame_pop(t, now);
}

/* The fast path's way out, its edit open: enter_slow, the edit ended. */
static void __attribute__((noinline)) enter_slow_edit(struct thread *th, uint32_t was, uintptr_t fn, uintptr_t csp,
							uintptr_t site)
{
	thread_edit_settle(th, was);
	enter_slow(&th->tr, fn, csp, site);
	thread_edit_end(th, was);
}

static void __attribute__((noinline)) enter_first(uintptr_t fn, uintptr_t csp, uintptr_t site)
{
	struct thread *t;

	if (__atomic_load_n(&trace_on, __ATOMIC_ACQUIRE) && (t = thread_self())) {
		enter_slow_edit(t, thread_edit_open(t), fn, csp, site);
	}
}

/* The hooks' fast paths read the TSC inline; without a usable TSC every
 * call takes the slow paths, which read the clock out of line. */
CPROF_EXPORT void __cyg_profile_func_enter(void *fn, void *site)
{
	struct thread *th = cur_thread;
	uintptr_t csp = stack_pointer();

	if (unlikely(!th)) {
		enter_first((uintptr_t)fn, csp, (uintptr_t)site);
		return;
	}
	struct trace_thread *t = &th->tr;
	uint32_t was = thread_edit_open(th);
	struct frame *f = t->sp;
	struct tnode *n = t->cur->cache;
	if (unlikely(thread_edit_held(th) || !n || n->fn != (uintptr_t)fn || f == t->limit ||
		     frame_left(f - 1, csp, (uintptr_t)site) || !clock_tsc)) {
		enter_slow_edit(th, was, (uintptr_t)fn, csp, (uintptr_t)site);
		return;
	}
	t->sp = f + 1;
	f->node = (uintptr_t)n;
	f->csp = csp;
	f->site = (uintptr_t)site;
	t->cur = n;
	f->t0 = clock_tsc_read();
	thread_edit_end(th, was);
}

/* The fast path's way out, its edit open: exit_slow, the edit ended.
 * Returns now, for trace_named_exit. */
static uint64_t __attribute__((noinline)) exit_slow_edit(struct thread *th, uint32_t was, uintptr_t fn, uint64_t now)
{
	thread_edit_settle(th, was);
	exit_slow(&th->tr, fn, now);
	thread_edit_end(th, was);
	return now;
}

/* Closes the call of fn on top of this thread at now; returns now. */
static inline uint64_t exit_at(uintptr_t fn, uint64_t now)
{
	struct thread *th = cur_thread;

	if (unlikely(!th))
		return now;
	struct trace_thread *t = &th->tr;
	uint32_t was = thread_edit_open(th);
	struct frame *f = t->sp - 1;
	struct tnode *n = frame_node(f);
	if (unlikely(thread_edit_held(th) || n->fn != fn || t->overflow))
		return exit_slow_edit(th, was, fn, now);
	n->ticks += now - f->t0;
	n->calls += !(f->node & FRAME_INHERITED);
	t->sp = f;
	t->cur = n->parent;
	thread_edit_end(th, was);
	return now;
}

static uint64_t __attribute__((noinline)) exit_untimed(uintptr_t fn)
{
	return exit_at(fn, clock_ticks());
}

CPROF_EXPORT void __cyg_profile_func_exit(void *fn, void *site)
{
	if (unlikely(!clock_tsc)) {
		exit_untimed((uintptr_t)fn);
		return;
	}
	exit_at((uintptr_t)fn, clock_tsc_read());
}

/* Calls of named functions (named.c): the ones the interpreter reports
 * (pytrace.c), the MPI calls (api.c).  They nest by the interpreter's own
 * stack, not the machine's (trace.h), whose fast paths these complete.  th
 * NULL: the calling thread's, started if need be. */
void trace_named_push_slow(struct thread *th, uint64_t fn, uintptr_t tag)
{
	struct trace_thread *t;
	struct tnode *n;
	uint32_t was;

	if (!th && !(th = thread_self()))
		return;
	if (!trace_on)
		return;
	t = &th->tr;
	was = thread_edit_begin(th);
	if (t->sp == t->limit) {
		t->overflow++;
	} else {
		n = t->cur->cache;
		if (!n || n->fn != fn)
			n = child_of_current(t, fn);
		frame_push(t, n, UINTPTR_MAX, tag);
	}
	thread_edit_end(th, was);
}

/* The innermost call below frame f of t that is not a C function's: a
 * Python function, a traced native function; 0 if none. */
static inline uint64_t caller_below(const struct trace_thread *t, const struct frame *f)
{
	while (--f > t->stack) {
		const struct tnode *n = frame_node(f);
		if (n && n != &t->lost_node && ~n->fn & (CPROF_NAMED_BIT | CPROF_NAMED_C))
			return n->fn;
	}
	return 0;
}

/* trace_named_enter's way when its fast path cannot be taken: th NULL
 * (the thread not started), no node at hand, no room, the clock not the
 * TSC, a reader holding th, or calls too deep (their caller is not on the
 * stack: none is set). */
static uint64_t __attribute__((noinline)) named_enter_slow(struct thread *th, uint64_t fn, uint64_t *caller)
{
	struct frame *top;
	uint64_t found;

	if (!th && !(th = thread_self()))
		return clock_ticks();
	if (!th->tr.overflow && (found = caller_below(&th->tr, th->tr.sp)))
		*caller = found;
	if (!trace_on)
		return clock_ticks();
	top = th->tr.sp;
	trace_named_push(th, fn, 0); /* the fast path first: a node found in the tree's table */
	return th->tr.sp > top ? top->t0 : clock_ticks();
}

/* A named call with no tag (an MPI call: api.c), made from the innermost
 * call on the stack that is not a C function's, which goes into *caller,
 * left as it is if there is none.  Returns the ticks it starts at.  A fast
 * path of its own, as the hooks have: the node the current one's cache
 * holds, the slow path a tail call (trace_named_try_push's search of the
 * tree, out of line, would cost the fast path three register saves). */
uint64_t trace_named_enter(uint64_t fn, uint64_t *caller)
{
	struct thread *th = cur_thread;
	struct trace_thread *t;
	struct frame *f;
	struct tnode *n;
	uint64_t found, now;
	uint32_t was;

	if (unlikely(!th))
		return named_enter_slow(th, fn, caller);
	t = &th->tr;
	was = thread_edit_open(th);
	f = t->sp;
	n = t->cur->cache;
	if (unlikely(thread_edit_held(th) || !n || n->fn != fn || f == t->limit || t->overflow || !clock_tsc)) {
		thread_edit_end(th, was);
		return named_enter_slow(th, fn, caller);
	}
	now = clock_tsc_read();
	trace_named_frame_push(t, f, n, 0, now);
	thread_edit_end(th, was);
	/* last, the registers free: the frames below f stay as they are */
	if ((found = caller_below(t, f)))
		*caller = found;
	return now;
}

/* Returns the ticks the call ends at. */
uint64_t trace_named_exit(uint64_t fn)
{
	if (unlikely(!clock_tsc))
		return exit_untimed(fn);
	return exit_at(fn, clock_tsc_read());
}

/* The thread is exiting: calls still open end now, as cProfile ends them,
 * and the tree joins the exited threads' tree.  Called under thread-life.c's
 * lock. */
static void trace_thread_retire(struct thread *th, uint64_t now)
{
	struct trace_thread *t = &th->tr;

	while (t->sp > t->stack + 1)
		frame_pop(t, now);
	if (retired && cct_merge(retired, t->tree) < 0)
		log_warn("out of memory: an exited thread's calls are lost");
	retired_lost += t->lost + t->deep;
}

/* Under strict overcommit (vm.overcommit_memory=2) MAP_NORESERVE is
 * ignored and every shadow stack counts in full against the commit limit. */
static int overcommit_strict(void)
{
	char c;

	return proc_read("/proc/sys/vm/overcommit_memory", &c, 1) == 1 && c == '2';
}

/* Tracing is on unless CPROF_MODE=sample; before any thread starts. */
static void trace_init(void)
{
	if (overcommit_strict())
		stack_frames = STACK_FRAMES_STRICT;
	retired = cct_new();
	if (strcmp(setting(CPROF_ENV_MODE), "sample") != 0)
		__atomic_store_n(&trace_on, 1, __ATOMIC_RELEASE);
}

int trace_enabled(void)
{
	return __atomic_load_n(&trace_on, __ATOMIC_ACQUIRE);
}

static void trace_reset_retired(void)
{
	retired_lost = 0;
	if (retired)
		cct_reset(retired);
}

/* In the child after fork: the thread gets a new tree holding only the
 * calls still open, marked as inherited (the parent counts them). */
static void trace_thread_fork_child(struct thread *th, uint64_t now)
{
	struct trace_thread *t = &th->tr;
	struct cct *old = t->tree, *fresh = cct_new();

	t->lost = t->deep = 0; /* the parent counts them */
	if (!fresh) {
		log_warn("out of memory after fork: the child's profile repeats its parent's");
		return;
	}
	t->cur = cct_root(fresh);
	t->stack[0].node = (uintptr_t)t->cur;
	for (struct frame *f = t->stack + 1; f < t->sp; f++) {
		struct tnode *n = frame_node(f);
		if (n != &t->lost_node && (n = cct_child(fresh, t->cur, n->fn)))
			t->cur = n;
		else
			n = &t->lost_node;
		f->node = (uintptr_t)n | (n != &t->lost_node ? FRAME_INHERITED : 0);
		f->t0 = now;
	}
	t->tree = fresh;
	cct_free(old);
}

/* The THREAD record's nodes (its call tree's) and events lost (calls
 * dropped, or too deep).  May run in a signal handler, as do the three
 * below. */
static void trace_thread_record(const struct thread *t, struct cprof_rec_thread *rec)
{
	rec->nodes = __atomic_load_n(&t->tr.tree->nnodes, __ATOMIC_ACQUIRE);
	rec->events_lost = t->tr.lost + t->tr.deep;
}

static int trace_retired_record(struct cprof_rec_thread *rec)
{
	rec->nodes = retired ? __atomic_load_n(&retired->nnodes, __ATOMIC_ACQUIRE) : 0;
	rec->events_lost = retired_lost;
	return rec->nodes > 1;
}

static void trace_write_thread(struct rawbuf *b, struct thread *th, uint64_t now)
{
	struct trace_thread *t = &th->tr;
	struct open_calls open = {t->stack + 1, t->sp, now};

	cct_write(b, CPROF_REC_NODES, t->tree, th->index, frames_add_open, &open);
}

static void trace_write_retired(struct rawbuf *b)
{
	if (retired)
		cct_write(b, CPROF_REC_NODES, retired, THREAD_RETIRED_INDEX, NULL, NULL);
}

static const struct component_thread trace_thread = {
	.prepare = trace_thread_start,
	.retire = trace_thread_retire,
	.fork_reset = trace_reset_retired,
	.fork_child = trace_thread_fork_child,
	.record = trace_thread_record,
	.write = trace_write_thread,
	.retired_record = trace_retired_record,
	.write_retired = trace_write_retired,
};

const struct component trace_component = {
	.init = trace_init,
	.thread = &trace_thread,
};
