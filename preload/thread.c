/* thread.c: the runtime's record of each thread (thread.h): made as the
 * thread starts (thread-life.c) or at its first traced call (thread_self),
 * listed for the writers, and held still while another thread reads it
 * (thread_freeze); and the THREAD records of the profile.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "clock.h"
#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "proc.h"
#include "rawbuf.h"
#include "runtime-int.h"
#include "thread.h"

__thread struct thread *cur_thread __attribute__((tls_model("initial-exec")));
static __thread int thread_starting __attribute__((tls_model("initial-exec")));
static struct thread *threads; /* every record, newest first */
static uint32_t thread_count;
static int enabled;
static pthread_key_t thread_key;

/* Each component's data in a new or reused record made empty; -1 if one's
 * could not be (the thread goes unprofiled, its record left for another). */
static int thread_prepare(struct thread *t)
{
	for (const struct component *const *c = components; *c; c++)
		if ((*c)->thread && (*c)->thread->prepare && (*c)->thread->prepare(t) < 0)
			return -1;
	return 0;
}

/* A record for a new thread: one left by a thread that exited, or a new one.
 * Returns it starting: writers pass it over until it is live. */
static struct thread *thread_claim(void)
{
	struct thread *t;
	void *p;

	for (t = __atomic_load_n(&threads, __ATOMIC_ACQUIRE); t; t = t->next) {
		int expected = THREAD_FREE;
		if (__atomic_load_n(&t->state, __ATOMIC_RELAXED) == THREAD_FREE &&
		    __atomic_compare_exchange_n(&t->state, &expected, THREAD_STARTING, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return t;
	}
	p = mmap(NULL, sizeof *t, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	t = p;
	t->state = THREAD_STARTING;
	t->next = __atomic_load_n(&threads, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&threads, &t->next, t, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		;
	return t;
}

struct thread *__attribute__((noinline)) thread_self(void)
{
	struct thread *t = cur_thread;

	if (t)
		return t;
	if (!__atomic_load_n(&enabled, __ATOMIC_ACQUIRE) || thread_starting)
		return NULL;
	thread_starting = 1;
	t = thread_claim();
	if (!t || thread_prepare(t) < 0) {
		log_warn("out of memory for a thread's profile: it is not profiled");
		if (t)
			__atomic_store_n(&t->state, THREAD_FREE, __ATOMIC_RELEASE);
		thread_starting = 0;
		return NULL;
	}
	t->tid = (int)syscall(SYS_gettid);
	memset(t->name, 0, sizeof t->name);
	prctl(PR_GET_NAME, t->name);
	t->index = __atomic_fetch_add(&thread_count, 1, __ATOMIC_RELAXED);
	pthread_setspecific(thread_key, t);
	cur_thread = t;
	components_call_thread(start, t);
	__atomic_store_n(&t->state, THREAD_LIVE, __ATOMIC_RELEASE);
	thread_starting = 0;
	return t;
}

/* A thread of the runtime's own (service.c): it never gets a record, so
 * never shows in a profile, and no hook of its own can wait on a reader. */
void thread_exclude_self(void)
{
	thread_starting = 1;
}

/* How the reader makes its request seen: MEMBARRIER_CMD_PRIVATE_EXPEDITED,
 * or the slower MEMBARRIER_CMD_GLOBAL; 0: it cannot (thread_freeze fails). */
static int barrier_cmd;

static void barrier(void)
{
	if (syscall(SYS_membarrier, barrier_cmd, 0, 0) < 0)
		log_warn("membarrier failed: %s", strerrordesc_np(errno));
}

int thread_freeze_enable(void)
{
	long cmds = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);

	barrier_cmd = 0;
	if (cmds < 0)
		return -errno;
	if ((cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED) &&
	    syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0)
		barrier_cmd = MEMBARRIER_CMD_PRIVATE_EXPEDITED;
	else if (cmds & MEMBARRIER_CMD_GLOBAL)
		barrier_cmd = MEMBARRIER_CMD_GLOBAL;
	return barrier_cmd ? 0 : -ENOSYS;
}

static long futex(uint32_t *word, int op, uint32_t val, const struct timespec *timeout)
{
	return syscall(SYS_futex, word, op, val, timeout, NULL, 0);
}

/* The thread starts an edit while a reader holds it: it leaves the edit,
 * waits to be thawed, and starts again.  An edit nested in one this
 * interrupted (a signal handler's) goes on: the reader waits for the outer
 * one to end.  Runs in the program's code, its signal handlers included:
 * errno is kept, and the wait is the runtime's own futex, which the
 * program's signals may interrupt (it waits again). */
void __attribute__((noinline)) thread_edit_wait(struct thread *th, uint32_t was)
{
	struct trace_thread *t = &th->tr;
	const struct timespec tick = {0, 10000000};
	int saved = errno;

	if (was)
		return;
	while (__atomic_load_n(&t->hold, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(&t->edit, 0, __ATOMIC_RELEASE);
		futex(&t->hold, FUTEX_WAIT_PRIVATE, 1, &tick);
		t->edit = 1;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
	}
	errno = saved;
}

/* Waits at most this long for a thread to end its edit: one stopped in it
 * (SIGSTOP to the thread, a debugger) is read as it stands. */
#define FREEZE_WAIT_NS 100000000ull

/* When the thread held now was frozen, and the longest hold since
 * thread_held_longest() was last asked (one reader at a time: the writer's). */
static uint64_t frozen_at, held_longest;

uint64_t thread_held_longest(void)
{
	uint64_t ns = held_longest;

	held_longest = 0;
	return ns;
}

int thread_freeze(struct thread *t)
{
	const long pause_ns = 20000;
	uint64_t waited = 0;

	if (!barrier_cmd || t == cur_thread)
		return 0;
	__atomic_store_n(&t->tr.hold, 1, __ATOMIC_SEQ_CST);
	/* every thread's store of its edit flag and load of hold are now
	 * ordered with the store above: an edit opened after this sees hold */
	barrier();
	while (__atomic_load_n(&t->tr.edit, __ATOMIC_ACQUIRE)) {
		if (waited >= FREEZE_WAIT_NS) {
			thread_thaw(t);
			return 0;
		}
		clock_sleep(pause_ns); /* (the runtime's own: not the program's wrapper) */
		waited += (uint64_t)pause_ns;
	}
	frozen_at = clock_ns(CLOCK_MONOTONIC);
	return 1;
}

void thread_thaw(struct thread *t)
{
	uint64_t held = clock_ns(CLOCK_MONOTONIC) - frozen_at;

	if (frozen_at && held > held_longest)
		held_longest = held;
	frozen_at = 0;
	__atomic_store_n(&t->tr.hold, 0, __ATOMIC_RELEASE);
	futex(&t->tr.hold, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

struct thread *thread_list(void)
{
	return __atomic_load_n(&threads, __ATOMIC_ACQUIRE);
}

void thread_enable(void (*on_exit)(void *))
{
	if (pthread_key_create(&thread_key, on_exit) != 0)
		log_warn("cannot watch threads exit: their records are not reused");
	__atomic_store_n(&enabled, 1, __ATOMIC_RELEASE);
}

int thread_enabled(void)
{
	return __atomic_load_n(&enabled, __ATOMIC_ACQUIRE);
}

void thread_fork_reset(struct thread *self)
{
	thread_count = self ? 1 : 0;
	for (struct thread *t = threads; t; t = t->next)
		if (t != self)
			t->state = THREAD_FREE;
	if (!self)
		return;
	self->index = 0;
	self->tid = (int)syscall(SYS_gettid);
	self->tr.hold = 0; /* (a reader of the parent's may have held it) */
}

/* The thread's name now (it may have changed since it started), or the one
 * it had at its start if it is gone. */
static void thread_name(const struct thread *t, char name[16])
{
	char path[64];
	ssize_t n;

	memcpy(name, t->name, 16);
	fmt_format(path, sizeof path, "/proc/self/task/%d/comm", t->tid);
	n = proc_read(path, path, 15);
	if (n > 0) {
		if (path[n - 1] == '\n')
			n--;
		memset(name, 0, 16);
		memcpy(name, path, (size_t)n);
	}
}

static void put_thread_record(struct rawbuf *b, const struct cprof_rec_thread *rec)
{
	rawbuf_begin(b, CPROF_REC_THREAD, sizeof *rec);
	rawbuf_put(b, rec, sizeof *rec);
	rawbuf_end(b, sizeof *rec);
}

void thread_write_record(struct rawbuf *b, struct thread *t, uint32_t nodes)
{
	struct cprof_rec_thread rec = {.index = t->index, .tid = t->tid, .nodes = nodes};

	thread_name(t, rec.name);
	put_thread_record(b, &rec);
}

/* A live thread's THREAD record, its figures the components' (the
 * tracer's nodes and events lost, the sampler's masked time), then their
 * records of it (the tracer's NODES, the sampler's STACKS); returns its
 * events lost.  It is frozen meanwhile, where it can be (thread_freeze),
 * its open calls then counted up to that moment. */
static uint64_t write_live(struct rawbuf *b, struct thread *t, uint64_t now)
{
	struct cprof_rec_thread rec = {.index = t->index, .tid = t->tid};
	int frozen;

	thread_name(t, rec.name);
	frozen = thread_freeze(t);
	components_call_thread(record, t, &rec);
	put_thread_record(b, &rec);
	if (frozen)
		now = clock_ticks();
	components_call_thread(write, b, t, now);
	if (frozen)
		thread_thaw(t);
	return rec.events_lost;
}

/* The exited threads' record and data, if a component has any; returns
 * their events lost. */
static uint64_t write_retired(struct rawbuf *b)
{
	struct cprof_rec_thread rec = {.index = THREAD_RETIRED_INDEX, .name = "(exited)"};
	int any = 0;

	for (const struct component *const *c = components; *c; c++)
		if ((*c)->thread && (*c)->thread->retired_record)
			any |= (*c)->thread->retired_record(&rec);
	if (!any)
		return 0;
	put_thread_record(b, &rec);
	components_call_thread(write_retired, b);
	return rec.events_lost;
}

/* Writes every live thread, oldest first, then the exited threads'.  May
 * run in a signal handler, while other threads go on. */
int thread_write_all(struct rawbuf *b, uint64_t now, uint64_t *lost)
{
	struct thread *list = thread_list(), *t;
	uint32_t n = 0;

	*lost = 0;
	for (t = list; t; t = t->next)
		n++;
	for (uint32_t i = n; i > 0; i--) {
		uint32_t k = 1;
		for (t = list; k < i; t = t->next)
			k++;
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == THREAD_LIVE)
			*lost += write_live(b, t, now);
	}
	*lost += write_retired(b);
	return b->error ? -b->error : 0;
}
