/* trace.c: exact tracing of code built with -finstrument-functions.
 *
 * Each thread has a calling-context tree (cct.h) and a shadow stack of open
 * calls, each pointing at its node.  An enter looks up the child of the
 * current node (a one-entry cache in the node, then the tree's hash table)
 * and pushes a frame; an exit adds the call to the node on top.
 *
 * The hooks may interrupt themselves (a signal handler built with
 * -finstrument-functions): pushes and pops stay consistent because each
 * fills its frame before moving the stack pointer past it; only node creation
 * is guarded, and a call that arrives while a node is being created is
 * dropped and counted.
 *
 * A thread that exits hands its tree to the process's tree of exited threads
 * (merging path by path loses nothing cProfile shows) and leaves its
 * structure to the next thread that starts, so a program that keeps starting
 * threads keeps a bounded number of them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cct.h"
#include "clock.h"
#include "cprof-format.h"
#include "fmt.h"
#include "runtime-int.h"

#define STACK_FRAMES (1u << 20)     /* 24 MiB reserved, touched as used ... */
#define STACK_FRAMES_STRICT (1u << 16) /* ... unless overcommit is strict */
#define RETIRED_INDEX UINT32_MAX /* the THREAD index of exited threads' tree */

enum { THREAD_FREE, THREAD_LIVE };

struct thread {
	/* used by every hook */
	struct frame *sp; /* next free frame */
	struct frame *limit;
	struct tnode *cur; /* node of the top frame */
	uint64_t overflow; /* frames open beyond the stack, not recorded */

	struct cct *tree;
	struct frame *stack; /* stack[0] is a sentinel for the root */
	uint32_t busy;       /* creating a node */
	int state;
	uint64_t lost;       /* calls dropped */
	struct tnode lost_node; /* stands for a call that could not be recorded */
	int tid;
	uint32_t index;
	char name[16];
	struct thread *next;
};

static __thread struct thread *cur_thread __attribute__((tls_model("initial-exec")));
static __thread int thread_starting __attribute__((tls_model("initial-exec")));
static struct thread *threads; /* every thread structure, newest first */
static uint32_t thread_count;
static int trace_on;
static pthread_key_t thread_key;
static uint32_t stack_frames = STACK_FRAMES;

static struct cct *retired; /* the trees of threads that exited */
static uint64_t retired_lost;
static pthread_mutex_t retire_lock = PTHREAD_MUTEX_INITIALIZER;

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

/* Points the thread's stack at its tree's root. */
static void stack_reset(struct thread *t)
{
	t->cur = cct_root(t->tree);
	t->stack[0].node = (uintptr_t)t->cur;
	t->stack[0].csp = UINTPTR_MAX;
	t->stack[0].site = 0;
	t->sp = t->stack + 1;
	t->overflow = 0;
	t->lost = 0;
	t->lost_node = (struct tnode){.id = CCT_NO_ID};
}

/* A structure for a new thread: one left by a thread that exited, or a new
 * one.  Returns it live, with an empty tree. */
static struct thread *thread_claim(void)
{
	struct thread *t;

	for (t = __atomic_load_n(&threads, __ATOMIC_ACQUIRE); t; t = t->next) {
		int expected = THREAD_FREE;
		if (__atomic_load_n(&t->state, __ATOMIC_RELAXED) == THREAD_FREE &&
		    __atomic_compare_exchange_n(&t->state, &expected, THREAD_LIVE, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return cct_reset(t->tree) < 0 ? NULL : t;
	}
	t = map_zero(sizeof *t);
	if (!t)
		return NULL;
	t->stack = map_zero(stack_frames * sizeof *t->stack);
	t->tree = cct_new();
	if (!t->stack || !t->tree)
		return NULL; /* rare enough to leak */
	t->limit = t->stack + stack_frames;
	t->state = THREAD_LIVE;
	t->next = __atomic_load_n(&threads, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&threads, &t->next, t, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		;
	return t;
}

static struct thread *__attribute__((noinline)) thread_start(void)
{
	struct thread *t;

	if (!__atomic_load_n(&trace_on, __ATOMIC_ACQUIRE) || thread_starting)
		return NULL;
	thread_starting = 1;
	t = thread_claim();
	if (!t) {
		log_warn("out of memory for a thread's profile: its calls are not recorded");
		thread_starting = 0;
		return NULL;
	}
	stack_reset(t);
	t->tid = (int)syscall(SYS_gettid);
	memset(t->name, 0, sizeof t->name);
	prctl(PR_GET_NAME, t->name);
	t->index = __atomic_fetch_add(&thread_count, 1, __ATOMIC_RELAXED);
	pthread_setspecific(thread_key, t);
	cur_thread = t;
	thread_starting = 0;
	return t;
}

/* Pushes a frame.  The slot is claimed before it is filled, so that a
 * signal handler's calls made meanwhile go above it. */
static void frame_push(struct thread *t, struct tnode *n, uintptr_t csp, uintptr_t site)
{
	struct frame *f = t->sp;

	t->sp = f + 1;
	f->node = (uintptr_t)n;
	f->csp = csp;
	f->site = site;
	if (n != &t->lost_node)
		t->cur = n;
	f->t0 = clock_ticks();
}

static void frame_pop(struct thread *t, uint64_t now);

/* Closes the frames a longjmp left (see frame_left).  A signal handler on
 * an alternate stack is no sign of one. */
static void frames_left(struct thread *t, uintptr_t csp, uintptr_t site)
{
	stack_t ss;
	uint64_t now;

	if (sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_ONSTACK))
		return;
	now = clock_ticks();
	while (frame_left(t->sp - 1, csp, site))
		frame_pop(t, now);
}

static void __attribute__((noinline)) enter_slow(struct thread *t, uintptr_t fn, uintptr_t csp, uintptr_t site)
{
	struct tnode *p, *n = NULL;

	if (frame_left(t->sp - 1, csp, site))
		frames_left(t, csp, site);
	p = t->cur;
	if (t->sp == t->limit) {
		t->overflow++;
		return;
	}
	if (!t->busy) {
		t->busy = 1;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		n = cct_child(t->tree, p, fn);
		if (n)
			p->cache = n;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		t->busy = 0;
	}
	if (!n) {
		t->lost++;
		n = &t->lost_node;
	}
	frame_push(t, n, csp, site);
}

/* Closes the top frame at `now`. */
static void frame_pop(struct thread *t, uint64_t now)
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

static void __attribute__((noinline)) exit_slow(struct thread *t, uintptr_t fn, uint64_t now)
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

/* The hooks' fast paths read the TSC inline; without a usable TSC every
 * call takes the slow paths, which read the clock out of line. */
static void __attribute__((noinline)) enter_first(uintptr_t fn, uintptr_t csp, uintptr_t site)
{
	struct thread *t = thread_start();

	if (t)
		enter_slow(t, fn, csp, site);
}

CPROF_EXPORT void __cyg_profile_func_enter(void *fn, void *site)
{
	struct thread *t = cur_thread;
	uintptr_t csp = stack_pointer();
	struct tnode *n;

	if (unlikely(!t)) {
		enter_first((uintptr_t)fn, csp, (uintptr_t)site);
		return;
	}
	struct frame *f = t->sp;
	n = t->cur->cache;
	if (unlikely(!n || n->fn != (uintptr_t)fn || f == t->limit || frame_left(f - 1, csp, (uintptr_t)site) ||
		     !clock_tsc)) {
		enter_slow(t, (uintptr_t)fn, csp, (uintptr_t)site);
		return;
	}
	t->sp = f + 1;
	f->node = (uintptr_t)n;
	f->csp = csp;
	f->site = (uintptr_t)site;
	t->cur = n;
	f->t0 = clock_tsc_read();
}

static inline void exit_at(uintptr_t fn, uint64_t now)
{
	struct thread *t = cur_thread;

	if (unlikely(!t))
		return;
	struct frame *f = t->sp - 1;
	struct tnode *n = frame_node(f);
	if (unlikely(n->fn != fn || t->overflow)) {
		exit_slow(t, fn, now);
		return;
	}
	n->ticks += now - f->t0;
	n->calls += !(f->node & FRAME_INHERITED);
	t->sp = f;
	t->cur = n->parent;
}

static void __attribute__((noinline)) exit_untimed(uintptr_t fn)
{
	exit_at(fn, clock_ticks());
}

CPROF_EXPORT void __cyg_profile_func_exit(void *fn, void *site)
{
	if (unlikely(!clock_tsc)) {
		exit_untimed((uintptr_t)fn);
		return;
	}
	exit_at((uintptr_t)fn, clock_tsc_read());
}

/* The thread is exiting (pthread's key destructor): calls still open end
 * now, as cProfile ends them; the tree joins the exited threads' tree and
 * the structure is free for the next thread. */
static void thread_retire(void *arg)
{
	struct thread *t = arg;
	uint64_t now = clock_ticks();

	cur_thread = NULL;
	while (t->sp > t->stack + 1)
		frame_pop(t, now);
	writer_retire_begin();
	pthread_mutex_lock(&retire_lock);
	if (retired && cct_merge(retired, t->tree) < 0)
		log_warn("out of memory: an exited thread's calls are lost");
	retired_lost += t->lost + t->overflow;
	__atomic_store_n(&t->state, THREAD_FREE, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&retire_lock);
	writer_retire_end();
}

/* Under strict overcommit (vm.overcommit_memory=2) MAP_NORESERVE is
 * ignored and every shadow stack counts in full against the commit limit. */
static int overcommit_strict(void)
{
	char c = 0;
	int fd = open("/proc/sys/vm/overcommit_memory", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		if (read(fd, &c, 1) != 1)
			c = 0;
		close(fd);
	}
	return c == '2';
}

void trace_enable(void)
{
	if (overcommit_strict())
		stack_frames = STACK_FRAMES_STRICT;
	retired = cct_new();
	if (pthread_key_create(&thread_key, thread_retire) != 0)
		log_warn("cannot watch threads exit: their structures are not reused");
	__atomic_store_n(&trace_on, 1, __ATOMIC_RELEASE);
}

/* In the child after fork: the other threads are gone, and what this thread
 * and the exited ones did before the fork is the parent's to report.  This
 * thread gets a new tree holding only the calls still open, marked as
 * inherited; the other structures are free. */
void trace_fork_child(uint64_t now)
{
	struct thread *self = cur_thread, *t;
	struct cct *old, *fresh;

	pthread_mutex_init(&retire_lock, NULL);
	retired_lost = 0;
	if (retired)
		cct_reset(retired);
	thread_count = self ? 1 : 0;
	for (t = threads; t; t = t->next)
		if (t != self)
			t->state = THREAD_FREE;
	if (!self)
		return;
	self->index = 0;
	self->tid = (int)syscall(SYS_gettid);
	self->lost = 0;

	if (!(fresh = cct_new())) {
		log_warn("out of memory after fork: the child's profile repeats its parent's");
		return;
	}
	old = self->tree;
	self->cur = cct_root(fresh);
	self->stack[0].node = (uintptr_t)self->cur;
	for (struct frame *f = self->stack + 1; f < self->sp; f++) {
		struct tnode *n = frame_node(f);
		if (n != &self->lost_node && (n = cct_child(fresh, self->cur, n->fn)))
			self->cur = n;
		else
			n = &self->lost_node;
		f->node = (uintptr_t)n | (n != &self->lost_node ? FRAME_INHERITED : 0);
		f->t0 = now;
	}
	self->tree = fresh;
	cct_free(old);
}

static void thread_name(const struct thread *t, char name[16])
{
	char path[64];
	int fd;
	ssize_t n = -1;

	memcpy(name, t->name, 16);
	fmt_format(path, sizeof path, "/proc/self/task/%d/comm", t->tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, path, 15);
		close(fd);
	}
	if (n > 0) {
		if (path[n - 1] == '\n')
			n--;
		memset(name, 0, 16);
		memcpy(name, path, (size_t)n);
	}
}

/* Writes every live thread's tree, oldest first, then the exited threads'.
 * May run in a signal handler, while other threads go on tracing. */
int trace_write_threads(struct rawbuf *b, uint64_t now, uint64_t *lost)
{
	struct thread *list = __atomic_load_n(&threads, __ATOMIC_ACQUIRE), *t;
	static const char exited[16] = "(exited)";
	uint32_t n = 0;

	*lost = 0;
	for (t = list; t; t = t->next)
		n++;
	for (uint32_t i = n; i > 0; i--) {
		char name[16];
		uint32_t k = 1;
		for (t = list; k < i; t = t->next)
			k++;
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) != THREAD_LIVE)
			continue;
		thread_name(t, name);
		cct_write(b, t->tree, t->index, t->tid, name, t->lost, t->stack + 1, (uint32_t)(t->sp - t->stack - 1),
			  now);
		*lost += t->lost + t->overflow;
	}
	if (retired && __atomic_load_n(&retired->nnodes, __ATOMIC_ACQUIRE) > 1) {
		cct_write(b, retired, RETIRED_INDEX, 0, exited, retired_lost, NULL, 0, now);
		*lost += retired_lost;
	}
	return b->error ? -b->error : 0;
}
