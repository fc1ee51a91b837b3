/* thread.h: the runtime's record of each thread: what tracing (trace.c),
 * sampling (sample.c) and Python's tracing (pytrace.c) keep per thread,
 * and the thread's identity.
 * Structures of exited threads are reused, never freed while the process
 * lives, so a writer in another thread can always read them. */
#ifndef CPROF_THREAD_H
#define CPROF_THREAD_H

#include <stdint.h>
#include <time.h>

#include "cct.h"
#include "frame.h"

/* Tracing's part: every hook reads these, so they come first. */
struct trace_thread {
	struct frame *sp;    /* next free frame */
	struct frame *limit;
	struct tnode *cur;   /* node of the top frame */
	uint64_t overflow;   /* frames open beyond the stack, not recorded */
	struct cct *tree;
	struct frame *stack; /* stack[0] is a sentinel for the root */
	uint32_t busy;       /* creating a node */
	uint32_t edit;       /* editing its trees (thread_edit_open) */
	uint32_t hold;       /* a reader asks it to wait before its next edit */
	uint64_t lost;       /* calls dropped */
	uint64_t deep;       /* calls too deep for the stack, not recorded */
	struct tnode lost_node; /* stands for a call that could not be recorded */
};

/* Sampling's part. */
struct sample_thread {
	struct cct *tree;    /* sampled stacks: fn is a pc; calls, samples; ticks, ns (self) */
	int perf_fd;         /* perf event signalling this thread, or -1 ... */
	timer_t timer;       /* ... else a CPU-time timer */
	int has_timer;       /* either is running */
	int trap;            /* the event counts the kernel's time too, and sends SIGTRAP */
	clockid_t cpuclock;  /* this thread's CPU clock */
	uint64_t dropped;    /* samples that could not be recorded */
	uint64_t count_seen; /* the perf event's count at the last sample */
	struct perf_event_mmap_page *ring; /* the event's ring (sample.c), or NULL */
	struct tnode *last;  /* leaf of the latest sample: where unsampled time goes */
	uint64_t sampled;    /* ns sampled (taken by the thread's handler) */
	uint64_t charged;    /* ns charged by wrappers of blocking calls */
	int blocking;        /* in a wrapped blocking call */
	/* the program blocks the sampler's signal in this thread: since when
	 * (its CPU clock), and the CPU time it ran so before, unsampled */
	int masked;
	uint64_t masked_since, masked_ns;
	uint64_t masked_skip; /* of it, ns the next sample must not weigh */
	/* at the last accounting (offcpu.c's account()) */
	uint64_t wall_seen, cpu_seen, sampled_seen, charged_seen;
	/* when sampling started: its time off the CPU is the wall time since
	 * less the CPU time since */
	uint64_t wall_start, cpu_start;
};

enum { THREAD_FREE, THREAD_LIVE, THREAD_STARTING };

struct thread {
	struct trace_thread tr;
	struct sample_thread sm;
	/* pytrace.c: the call in which the program last set a Python profile
	 * function of its own (NULL: none), and its site: still open, the
	 * program's function took the place of cprof's, which saw no return */
	const struct frame *py_set_at;
	uintptr_t py_set_site;
	int state;
	int tid;
	uint32_t index;
	char name[16];
	struct thread *next;
};

extern __thread struct thread *cur_thread __attribute__((tls_model("initial-exec")));

/* Every change a thread makes to its call tree, its shadow stack and its
 * tree of sampled stacks (in its hooks, its signal handlers, block.c's
 * wrappers) is an edit, between thread_edit_begin and thread_edit_end.  A
 * reader in another thread (the snapshot writer) freezes the thread
 * (thread_freeze): it asks it to hold, and waits until it is in no edit;
 * the thread's next edit then waits until it is thawed.  So each node's
 * figures are read whole, and the calls open on the stack with them, as
 * they stood between two edits.  The fast paths pay a store, a load and a
 * store: the fence they lack is the reader's (membarrier()). */
void thread_edit_wait(struct thread *th, uint32_t was);

/* thread_edit_begin in two halves, for the hooks' fast paths: the edit
 * opened, then, where thread_edit_held says so, a tail call of their slow
 * path, which starts with thread_edit_settle (no call, no register saved,
 * on the fast path).  Opening returns what thread_edit_end must put back:
 * 1 in an edit a signal handler interrupted.  (Stores of constants, not
 * increments: a hook would wait for the last one's store to be read.) */
static inline uint32_t thread_edit_open(struct thread *th)
{
	uint32_t was = th->tr.edit;

	th->tr.edit = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return was;
}

static inline int thread_edit_held(const struct thread *th)
{
	return __atomic_load_n(&th->tr.hold, __ATOMIC_RELAXED) != 0;
}

static inline void thread_edit_settle(struct thread *th, uint32_t was)
{
	if (__builtin_expect(thread_edit_held(th), 0))
		thread_edit_wait(th, was);
}

static inline uint32_t thread_edit_begin(struct thread *th)
{
	uint32_t was = thread_edit_open(th);

	thread_edit_settle(th, was);
	return was;
}

static inline void thread_edit_end(struct thread *th, uint32_t was)
{
	__atomic_thread_fence(__ATOMIC_RELEASE); /* (none on x86: a store is one) */
	th->tr.edit = was;
}

/* Readers' side: thread_freeze returns 1 when t is held out of its edits
 * until thread_thaw, 0 when it could not be (freezing is off: no
 * membarrier(); or t stayed in an edit too long: stopped, or the caller
 * interrupted it).  Only where thread_freeze_enable succeeded. */
int thread_freeze_enable(void);
int thread_freeze(struct thread *t);
void thread_thaw(struct thread *t);
/* The longest a thread was held since this was last asked, in ns. */
uint64_t thread_held_longest(void);

/* This thread's record, started if need be; NULL when the runtime is idle
 * or out of memory.  May run in a signal handler. */
struct thread *thread_self(void);
/* Every thread record, newest first (live and free ones: check state). */
struct thread *thread_list(void);
void thread_exclude_self(void);
/* Threads get records from now on; on_exit runs as each one exits
 * (pthread's key destructor, with its record). */
void thread_enable(void (*on_exit)(void *));
int thread_enabled(void);
/* In the child after fork: the records of the threads that did not come
 * along are free, and self (NULL: none) is the child's first. */
void thread_fork_reset(struct thread *self);
/* t's THREAD record, declaring `nodes` nodes of its call tree. */
struct rawbuf;
void thread_write_record(struct rawbuf *b, struct thread *t, uint32_t nodes);
int thread_write_all(struct rawbuf *b, uint64_t now, uint64_t *lost);

/* The THREAD index of the exited threads' data. */
#define THREAD_RETIRED_INDEX UINT32_MAX

#endif
