/* service.c: the runtime's own thread, for the work done while the program
 * runs rather than at its end: the snapshots (CPROF_SNAPSHOT=SECS), the
 * profile so far written every SECS seconds in place of the last one
 * (writer.c), so that a process killed with SIGKILL leaves its last; and
 * the dumps (CPROF_DUMP_POLL=MS): every MS milliseconds it looks for
 * cprof-dump's request in the run's directory (dump.c).
 *
 * The thread exists only when there is work for it.  It blocks every
 * signal: the program's land on its own threads, and the thread signals
 * none but a dump's, to a thread whose call that does not cut short
 * (dump.c), so none of the program's system calls is interrupted.  It gets
 * no record in thread.c, so it is in no profile, and it is named "cprof"
 * in the process's thread list.  It reads the other threads' trees by
 * freezing each in turn (thread_freeze), between two of its edits.
 *
 * It sleeps on a futex word of requests until the next snapshot is due or
 * a request comes (service_request): a request is a bit of that word,
 * handled by its row of `requests` below, so that other work asked of a
 * running process from outside is one bit, one function and one row.
 *
 * Its life follows the process's: exit and exec end it; fork does not copy
 * it, and service_fork_child starts the child's own.  It must not keep a
 * process alive: glibc ends the process when its last thread exits, but
 * counts this one as a thread too, so when the program's threads are gone
 * (a main that called pthread_exit, then its workers ended) it calls
 * exit(0) itself, as glibc would have.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "proc.h"
#include "runtime-int.h"
#include "thread.h"

#define STACK_SIZE (256 * 1024)
#define WATCH_NS 2000000000ull /* after a thread exits, look this long ... */
#define WATCH_EVERY_NS 10000000ull /* ... this often, whether the program is gone */

static struct {
	int on;              /* the thread runs (or was started in the parent) */
	uint64_t period_ns;  /* between snapshots; 0: none */
	uint64_t poll_ns;    /* between looks for a dump's request; 0: none */
	uint32_t requests;   /* SERVICE_* bits asked, the futex word */
} svc;

/* Whether a thread other than the caller is alive (not a zombie: a main
 * thread that called pthread_exit stays one until the process ends). */
static int others_alive(void)
{
	static char dents[4096];
	char path[64], stat[512];
	int self = (int)syscall(SYS_gettid), alive = 0, dir = open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	long n;

	if (dir < 0)
		return 1;
	while (!alive && (n = syscall(SYS_getdents64, dir, dents, sizeof dents)) > 0)
		for (long at = 0; at < n && !alive;) {
			struct dirent64 *d = (struct dirent64 *)(dents + at);
			int tid = atoi(d->d_name);
			ssize_t len;
			char *state;
			at += d->d_reclen;
			if (tid <= 0 || tid == self)
				continue;
			fmt_format(path, sizeof path, "/proc/self/task/%d/stat", tid);
			if ((len = proc_read(path, stat, sizeof stat - 1)) < 0) {
				alive = len != -ENOENT; /* (gone since it was listed) */
				continue;
			}
			stat[len] = '\0';
			state = strrchr(stat, ')'); /* the name may hold anything */
			alive = !state || state[1] != ' ' || (state[2] != 'Z' && state[2] != 'X');
		}
	close(dir);
	return alive;
}

static void snapshot(void)
{
	uint64_t t0 = clock_ns(CLOCK_MONOTONIC);

	thread_held_longest();
	if (writer_write_profile(CPROF_END_SNAPSHOT, (int)(svc.period_ns / 1000000000u)) == 0)
		log_debug("snapshot taken in %llu us, a thread held %llu us at most",
			  (unsigned long long)((clock_ns(CLOCK_MONOTONIC) - t0) / 1000),
			  (unsigned long long)(thread_held_longest() / 1000));
}

/* What each request does.  SERVICE_THREAD_EXITED is handled by the loop. */
static const struct {
	uint32_t bit;
	void (*run)(void);
} requests[] = {
	{SERVICE_SNAPSHOT, snapshot},
};

/* Sleeps until `until` (CLOCK_MONOTONIC ns) or a request; returns the
 * requests. */
static uint32_t wait_requests(uint64_t until)
{
	struct timespec at = {(time_t)(until / 1000000000u), (long)(until % 1000000000u)};

	if (!__atomic_load_n(&svc.requests, __ATOMIC_ACQUIRE))
		syscall(SYS_futex, &svc.requests, FUTEX_WAIT_BITSET_PRIVATE, 0, &at, NULL, FUTEX_BITSET_MATCH_ANY);
	return __atomic_exchange_n(&svc.requests, 0, __ATOMIC_ACQ_REL);
}

static void *service_main(void *arg)
{
	uint64_t now = clock_ns(CLOCK_MONOTONIC), next = now + svc.period_ns, poll = now + svc.poll_ns, watch = 0;

	(void)arg;
	thread_exclude_self();
	prctl(PR_SET_NAME, "cprof");
	for (;;) {
		uint64_t until = svc.period_ns ? next : UINT64_MAX;
		uint32_t asked;
		if (svc.poll_ns && poll < until)
			until = poll;
		if (watch && now + WATCH_EVERY_NS < until)
			until = now + WATCH_EVERY_NS;
		asked = wait_requests(until);
		now = clock_ns(CLOCK_MONOTONIC);
		if (asked & SERVICE_THREAD_EXITED)
			watch = now + WATCH_NS;
		if (watch && !others_alive()) {
			log_debug("the program's threads are gone: ending the process, as its last thread would");
			exit(0);
		}
		if (watch && now >= watch)
			watch = 0;
		if (svc.period_ns && now >= next) {
			asked |= SERVICE_SNAPSHOT;
			next += svc.period_ns;
			if (next <= now) /* (the process was stopped: no catching up) */
				next = now + svc.period_ns;
		}
		for (size_t i = 0; i < sizeof requests / sizeof *requests; i++)
			if (asked & requests[i].bit)
				requests[i].run();
		if (svc.poll_ns && now >= poll) {
			dump_poll();
			poll = clock_ns(CLOCK_MONOTONIC) + svc.poll_ns;
		}
	}
	return NULL;
}

typedef int pthread_create_fn(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
static pthread_create_fn *real_pthread_create;

/* Starts the thread (libc's pthread_create: not the program's thread, not
 * given a record), every signal blocked. */
static int start_thread(void)
{
	pthread_attr_t attr;
	pthread_t th;
	sigset_t all;
	int ret;

	LIBC_NEXT(real_pthread_create, "pthread_create");
	sigfillset(&all);
	if ((ret = pthread_attr_init(&attr)) != 0)
		return -ret;
	if ((ret = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED)) == 0 &&
	    (ret = pthread_attr_setstacksize(&attr, STACK_SIZE)) == 0 && (ret = pthread_attr_setsigmask_np(&attr, &all)) == 0)
		ret = real_pthread_create(&th, &attr, service_main, NULL);
	pthread_attr_destroy(&attr);
	return -ret;
}

/* From the runtime's startup, the CPROF_* settings read: starts the thread
 * if there is work for it. */
static void service_init(void)
{
	const char *v = setting(CPROF_ENV_SNAPSHOT);
	int secs = 0, ret;

	if (*v && (secs = cprof_snapshot_parse(v)) < 0) {
		log_warn("CPROF_SNAPSHOT takes %s, not '%s': no snapshots", CPROF_SNAPSHOT_GRAMMAR, v);
		secs = 0;
	}
	svc.period_ns = (uint64_t)secs * 1000000000u;
	svc.poll_ns = (uint64_t)dump_init() * 1000000u;
	if (!svc.period_ns && !svc.poll_ns)
		return;
	if ((ret = thread_freeze_enable()) < 0)
		log_warn("cannot freeze threads (membarrier: %s): a snapshot or dump may catch a call half recorded",
			 strerrordesc_np(-ret));
	if ((ret = start_thread()) < 0) {
		log_warn("cannot start the runtime's thread: %s: no snapshots, no dumps", strerrordesc_np(-ret));
		return;
	}
	svc.on = 1;
	if (secs)
		log_info("a snapshot every %d s", secs);
	if (svc.poll_ns)
		log_info("looking for cprof-dump's requests every %llu ms", (unsigned long long)(svc.poll_ns / 1000000u));
}

/* In the child after fork, which has only the forking thread: its own. */
static void service_fork_child(void)
{
	int ret;

	svc.requests = 0;
	dump_fork_child();
	if (!svc.on)
		return;
	thread_freeze_enable(); /* (a new address space: registered anew) */
	if ((ret = start_thread()) < 0) {
		svc.on = 0;
		log_warn("cannot start the runtime's thread after fork: %s: no snapshots, no dumps", strerrordesc_np(-ret));
	}
}

/* Asks the thread for the work of the SERVICE_* bits.  Async-signal-safe. */
void service_request(uint32_t bits)
{
	if (!__atomic_load_n(&svc.on, __ATOMIC_ACQUIRE))
		return;
	__atomic_or_fetch(&svc.requests, bits, __ATOMIC_RELEASE);
	syscall(SYS_futex, &svc.requests, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

const struct component service_component = {
	.start = service_init,
	.fork_child = service_fork_child,
};
