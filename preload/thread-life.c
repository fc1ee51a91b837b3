/* thread-life.c: a thread's life in the runtime, as the program's threads
 * come and go: its start (the pthread_create wrapper), its exit (pthread's
 * key destructor) and fork's child, where one thread goes on.  At each,
 * the components' per-thread hooks run (component.h); the records they
 * run on are thread.c's.
 *
 * A thread gets its record when it starts, before its first instruction,
 * so that sampling sees all of its life (or, for threads born otherwise,
 * at its first traced call: thread_self).  When it exits, tracing and
 * sampling hand its data over to their trees of exited threads, and the
 * record goes to the next thread that starts: a program that keeps
 * starting threads keeps a bounded number of records.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "clock.h"
#include "component.h"
#include "runtime-int.h"
#include "thread.h"

/* Held while an exiting thread hands its data over. */
static pthread_mutex_t retire_lock = PTHREAD_MUTEX_INITIALIZER;

/* pthread's key destructor: the thread is exiting.  Its data is handed over
 * between writes (writer_retire_begin), so that a profile written meanwhile
 * holds the thread once. */
static void thread_retire(void *arg)
{
	struct thread *t = arg;
	uint64_t now = clock_ticks();

	cur_thread = NULL;
	components_call_thread(stop, t);
	writer_retire_begin();
	pthread_mutex_lock(&retire_lock);
	components_call_thread(retire, t, now);
	__atomic_store_n(&t->state, THREAD_FREE, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&retire_lock);
	writer_retire_end();
	service_request(SERVICE_THREAD_EXITED); /* (the last may keep the process alive) */
}

static void thread_life_init(void)
{
	thread_enable(thread_retire);
}

/* In the child after fork: only this thread goes on, and what was done
 * before the fork (up to rt.ticks0, the child's start) is the parent's to
 * report. */
static void thread_fork_child(void)
{
	struct thread *self = cur_thread;

	pthread_mutex_init(&retire_lock, NULL);
	components_call_thread(fork_reset);
	thread_fork_reset(self);
	if (self)
		components_call_thread(fork_child, self, rt.ticks0);
}

struct start {
	void *(*fn)(void *);
	void *arg;
	unsigned held; /* the starter's sampler signals held (signals.c) */
};

static void *thread_trampoline(void *p)
{
	struct start s = *(struct start *)p;

	free(p);
	signals_thread_begin(s.held);
	thread_self();
	return s.fn(s.arg);
}

typedef int pthread_create_fn(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
static pthread_create_fn *real_pthread_create;

CPROF_EXPORT int pthread_create(pthread_t *th, const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
{
	struct start *s;
	int ret;

	LIBC_NEXT(real_pthread_create, "pthread_create");
	if (!thread_enabled() || !(s = malloc(sizeof *s)))
		return real_pthread_create(th, attr, fn, arg);
	s->fn = fn;
	s->arg = arg;
	/* a mask of its own for the thread is all the program knows of it */
	sigset_t own;
	s->held = attr && pthread_attr_getsigmask_np(attr, &own) == 0 ? 0 : signals_held();
	if (python_present())
		python_thread_creating();
	ret = real_pthread_create(th, attr, thread_trampoline, s);
	if (ret)
		free(s);
	return ret;
}

const struct component thread_component = {
	.init = thread_life_init,
	.fork_child = thread_fork_child,
};
