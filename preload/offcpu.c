/* offcpu.c: the time no sample sees (docs/SAMPLING.md).  A signal never
 * reaches a thread that is off the CPU, and a user-mode sample never
 * weighs a period the thread spent in the kernel where no kernel sample
 * came.  That time is charged here, on the sampler's behalf (sample.c):
 *
 *   - by block.c's wrappers, when a call that blocked (sleep, poll,
 *     select, epoll_wait, sem_wait, ...) returns: on the wall clock, to
 *     the stack that made it, unwound from the wrapper itself, exact;
 *   - by the accounting (offcpu_account_all, every ACCOUNT_NS from
 *     whichever thread is sampled, and as the profile is written), to the
 *     stack each thread was last sampled in: the thread's time since it
 *     was last accounted less what its samples and the wrappers weighed.
 *
 * It also keeps each thread's time off the CPU in all (its wall time less
 * its CPU time), which the SAMPLING record gives. */
#include "config.h"

#include <time.h>
#define UNW_LOCAL_ONLY /* unw_getcontext, the same as unwind.c's */
#include <libunwind.h>

#include "cct.h"
#include "clock.h"
#include "cprof-format.h"
#include "runtime-int.h"
#include "sample-int.h"
#include "thread.h"
#include "unwind.h"

#define ACCOUNT_NS 10000000ull /* account unsampled time every 10 ms */
#define BLOCKED_NS 1000000ull  /* a wrapped call shorter than this is not charged */

static struct {
	int clock;          /* the sampler's enum cprof_sample_clock; 0: it is off */
	uint64_t unsampled; /* ns charged here, in all */
	uint64_t offcpu;    /* ended threads' time off the CPU */
	uint64_t accounted; /* CLOCK_MONOTONIC at the last offcpu_account_all() */
	int accounting;     /* an accounting is running */
} oc;

void offcpu_start(int clock)
{
	oc.clock = clock;
}

/* In the child after fork: the time so far was the parent's. */
void offcpu_reset(void)
{
	oc.unsampled = oc.offcpu = 0;
	oc.accounting = 0;
}

uint64_t offcpu_unsampled(void)
{
	return __atomic_load_n(&oc.unsampled, __ATOMIC_RELAXED);
}

/* The CPU time of the thread of clock c into *ns; 0 if it cannot be read
 * (a thread that has just ended).  May run in a signal handler. */
static int cpu_time(clockid_t c, uint64_t *ns)
{
	struct timespec ts;

	if (clock_gettime(c, &ts) < 0)
		return 0;
	*ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	return 1;
}

/* Thread s's time off the CPU (blocked, waiting, preempted) since it was
 * first sampled.  May run in a signal handler. */
static uint64_t thread_off_cpu(const struct sample_thread *s, uint64_t now)
{
	uint64_t cpu, wall = now - s->wall_start;

	if (!cpu_time(s->cpuclock, &cpu))
		return 0;
	cpu -= s->cpu_start;
	return wall > cpu ? wall - cpu : 0;
}

/* One accounting at a time (it updates the threads' last-seen clocks). */
static int account_lock(int wait)
{
	for (int i = 0; __atomic_exchange_n(&oc.accounting, 1, __ATOMIC_ACQUIRE); i++) {
		if (!wait || i == 1000)
			return 0;
		clock_sleep(1000);
	}
	return 1;
}

static void account_unlock(void)
{
	__atomic_store_n(&oc.accounting, 0, __ATOMIC_RELEASE);
}

/* Charges the time thread t was not sampled since it was last accounted to
 * the stack it was last sampled in: on the wall clock, its time off the
 * CPU or in the kernel, less what block.c's wrappers charged; on the CPU
 * clock, its time in the kernel.  A thread inside a wrapped call is left
 * alone: the wrapper will charge it.  Time with no stack to go to (no
 * sample yet) goes nowhere.  Under account_lock. */
static void account(struct thread *t, uint64_t now)
{
	struct sample_thread *s = &t->sm;
	uint64_t sampled = __atomic_load_n(&s->sampled, __ATOMIC_ACQUIRE);
	uint64_t charged = __atomic_load_n(&s->charged, __ATOMIC_ACQUIRE);
	uint64_t spent, got, rest;
	struct tnode *last;

	if (__atomic_load_n(&s->blocking, __ATOMIC_ACQUIRE))
		return;
	if (oc.clock == CPROF_SAMPLE_WALL) {
		spent = now - s->wall_seen;
		s->wall_seen = now;
	} else {
		uint64_t cpu;
		if (!cpu_time(s->cpuclock, &cpu))
			return;
		spent = cpu - s->cpu_seen;
		s->cpu_seen = cpu;
	}
	got = (sampled - s->sampled_seen) + (charged - s->charged_seen);
	s->sampled_seen = sampled;
	s->charged_seen = charged;
	rest = spent > got ? spent - got : 0;
	last = __atomic_load_n(&s->last, __ATOMIC_ACQUIRE);
	if (rest && last) {
		__atomic_add_fetch(&last->ticks, rest, __ATOMIC_RELAXED);
		__atomic_add_fetch(&oc.unsampled, rest, __ATOMIC_RELAXED);
	}
}

/* Every ACCOUNT_NS (or now, if forced), from whichever thread is sampled:
 * a thread that never runs is never signalled.  May run in a signal
 * handler. */
void offcpu_account_all(uint64_t now, int force)
{
	if (oc.clock == CPROF_SAMPLE_EVENT)
		return; /* (an event's samples weigh events, not time) */
	if (!force && now - __atomic_load_n(&oc.accounted, __ATOMIC_RELAXED) < ACCOUNT_NS)
		return;
	if (!account_lock(force))
		return;
	for (struct thread *t = thread_list(); t; t = t->next)
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == THREAD_LIVE && t->sm.tree && t->sm.has_timer)
			account(t, now);
	__atomic_store_n(&oc.accounted, now, __ATOMIC_RELAXED);
	account_unlock();
}

/* Thread t stops being sampled (it exits, or execs): its time so far is
 * accounted, and its time off the CPU kept. */
void offcpu_thread_stop(struct thread *t, uint64_t now)
{
	if (account_lock(1)) {
		account(t, now);
		account_unlock();
	}
	__atomic_add_fetch(&oc.offcpu, thread_off_cpu(&t->sm, now), __ATOMIC_RELAXED);
}

/* The sampled threads' time off the CPU, the live ones' up to now: each
 * one's wall time less its CPU time, which the kernel knows (unlike the
 * samples, which may count the kernel's time too).  May run in a signal
 * handler. */
uint64_t offcpu_total(uint64_t now)
{
	/* the ended threads' first: one ending now is missed, not counted twice */
	uint64_t ns = __atomic_load_n(&oc.offcpu, __ATOMIC_RELAXED);

	for (struct thread *t = thread_list(); t; t = t->next)
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == THREAD_LIVE && t->sm.tree && t->sm.has_timer)
			ns += thread_off_cpu(&t->sm, now);
	return ns;
}

/* block.c's wrappers bracket their calls with these. */
void offcpu_block_begin(struct block_mark *m)
{
	struct thread *t = cur_thread;

	m->t = t;
	if (!t || !oc.clock)
		return;
	m->wall = clock_ns(CLOCK_MONOTONIC);
	m->sampled = __atomic_load_n(&t->sm.sampled, __ATOMIC_RELAXED);
	__atomic_add_fetch(&t->sm.blocking, 1, __ATOMIC_RELEASE);
}

/* On the wall clock, a call that took long enough charges its time off the
 * CPU to the stack that made it, which it can see from here: no signal,
 * and the stack exact. */
void offcpu_block_end(struct block_mark *m)
{
	struct thread *t = m->t;
	uintptr_t pcs[UNWIND_MAX_FRAMES], out[PY_FRAMES];
	const uintptr_t *stack;
	unw_context_t uc;
	uint64_t dw, ds;
	int n;

	if (!t || !oc.clock)
		return;
	dw = clock_ns(CLOCK_MONOTONIC) - m->wall;
	ds = __atomic_load_n(&t->sm.sampled, __ATOMIC_RELAXED) - m->sampled;
	if (oc.clock == CPROF_SAMPLE_WALL && dw >= BLOCKED_NS && dw > ds && t->sm.tree && unwind_begin_patient()) {
		unw_getcontext(&uc);
		n = sample_program_stack(t, pcs, unwind_stack(&uc, 0, pcs), out, &stack);
		if (n > 0 && sample_record(t, stack, n, dw - ds, 0)) {
			__atomic_add_fetch(&t->sm.charged, dw - ds, __ATOMIC_RELEASE);
			__atomic_add_fetch(&oc.unsampled, dw - ds, __ATOMIC_RELAXED);
		}
		unwind_end();
	}
	__atomic_sub_fetch(&t->sm.blocking, 1, __ATOMIC_RELEASE);
}
