/* sample.c: statistical profiling of every thread, without changing the
 * program (docs/SAMPLING.md).
 *
 * Each thread has a POSIX timer on its own CPU clock that signals it, and
 * only it, every `period` of CPU time it uses: a thread that does not run is
 * never interrupted.  The handler unwinds the thread's stack with libunwind
 * and adds the path to the thread's tree of sampled stacks (cct.h, with
 * program counters for functions).
 *
 * On the wall clock, the time a thread spends off the CPU (blocked, or
 * waiting for one) must be charged too.  A second timer, on CLOCK_MONOTONIC,
 * signals one thread every TICK_NS; its handler reads every thread's CPU
 * clock and charges the wall time that did not go to CPU to the stack the
 * thread was last seen in.  When a thread starts to block, it is sent one
 * signal to capture the stack it blocks in, but only where that cannot make
 * a system call fail with EINTR: inside the wrappers of block.c, which retry
 * such calls, or in a call the kernel restarts (SA_RESTART).
 *
 * No thread of the runtime's own: CPython warns about fork() in a process
 * with more than one thread.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#define UNW_LOCAL_ONLY /* the fast, in-process unwinder */
#include <libunwind.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cct.h"
#include "clock.h"
#include "cprof-format.h"
#include "fmt.h"
#include "runtime-int.h"
#include "thread.h"

#define MAX_FRAMES 128
#define TICK_NS 10000000ull /* off-CPU accounting every 10 ms */

struct sampling {
	int on;
	int clock; /* enum cprof_sample_clock */
	int signo;
	uint32_t hz;
	uint64_t period_ns;
	uint64_t samples, dropped, offcpu, unattributed;
	timer_t ticker;
	int ticker_tid; /* the thread the ticker signals, 0 if none */
	char event[32];
	char note[160];
};

static struct sampling smp;
static struct cct *retired;

/* The addresses tell our signals apart from the program's. */
static const char sample_tag, ticker_tag, capture_tag;

static __thread int in_unwind __attribute__((tls_model("initial-exec")));

static const char *env_or(const char *name, const char *dflt)
{
	const char *v = getenv(name);

	return v && *v ? v : dflt;
}

void sample_init(void)
{
	const char *hz = env_or("CPROF_HZ", "1000");
	const char *clock = env_or("CPROF_CLOCK", "wall");
	const char *mode = env_or("CPROF_MODE", "auto");

	smp.hz = (uint32_t)atoi(hz);
	smp.signo = atoi(env_or("CPROF_SIGNAL", "0"));
	if (smp.signo <= 0 || smp.signo >= NSIG)
		smp.signo = SIGPROF;
	if (strcmp(mode, "trace") == 0 || smp.hz == 0)
		return;
	if (smp.hz > 100000)
		smp.hz = 100000;
	smp.period_ns = 1000000000ull / smp.hz;
	smp.clock = strcmp(clock, "cpu") == 0 ? CPROF_SAMPLE_CPU : CPROF_SAMPLE_WALL;
	fmt_format(smp.event, sizeof smp.event, "%s", smp.clock == CPROF_SAMPLE_CPU ? "cpu-time" : "wall-time");
	unw_set_caching_policy(unw_local_addr_space, UNW_CACHE_PER_THREAD);
	retired = cct_new();
	signals_sample_with(smp.signo);
	smp.on = 1;
}

int sample_signo(void)
{
	return smp.on ? smp.signo : 0;
}

int sample_is_ours(const siginfo_t *si)
{
	const void *tag = si->si_value.sival_ptr;

	return (si->si_code == SI_TIMER || si->si_code == SI_QUEUE) &&
	       (tag == &sample_tag || tag == &ticker_tag || tag == &capture_tag);
}

static int arm(clockid_t clock, int tid, const void *tag, uint64_t period, timer_t *timer)
{
	struct sigevent sev;
	struct itimerspec its = {
		.it_interval = {(time_t)(period / 1000000000u), (long)(period % 1000000000u)},
	};

	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = smp.signo;
	sev.sigev_value.sival_ptr = (void *)tag;
	sev._sigev_un._tid = tid;
	its.it_value = its.it_interval;
	if (timer_create(clock, &sev, timer) < 0)
		return -errno;
	if (timer_settime(*timer, 0, &its, NULL) < 0) {
		int e = errno;
		timer_delete(*timer);
		return -e;
	}
	return 0;
}

static void ticker_start(int tid)
{
	if (smp.clock != CPROF_SAMPLE_WALL)
		return;
	if (arm(CLOCK_MONOTONIC, tid, &ticker_tag, TICK_NS, &smp.ticker) == 0)
		smp.ticker_tid = tid;
	else
		log_warn("cannot start the wall-clock timer: off-CPU time is not counted");
}

int sample_thread_start(struct thread *t)
{
	struct sample_thread *s = &t->sm;
	int ret;

	if (!smp.on)
		return 0;
	if (!s->tree)
		s->tree = cct_new();
	else
		cct_reset(s->tree);
	if (!s->tree)
		return -ENOMEM;
	s->last = NULL;
	s->dropped = 0;
	s->blocking = 0;
	s->was_blocked = 0;
	if (pthread_getcpuclockid(pthread_self(), &s->cpuclock) != 0)
		return -EINVAL;
	s->cpu_seen = clock_ns(s->cpuclock);
	s->wall_seen = clock_ns(CLOCK_MONOTONIC);
	ret = arm(s->cpuclock, t->tid, &sample_tag, smp.period_ns, &s->timer);
	s->has_timer = ret == 0;
	if (ret < 0) {
		log_warn("cannot start the sampling timer of thread %d: %s", t->tid, strerrordesc_np(-ret));
		return ret;
	}
	if (!__atomic_load_n(&smp.ticker_tid, __ATOMIC_ACQUIRE))
		ticker_start(t->tid);
	return 0;
}

/* The thread is exiting: its timers stop; the ticker, if it was the one
 * signalled, moves to another live thread. */
void sample_thread_stop(struct thread *t)
{
	if (!smp.on || !t->sm.has_timer)
		return;
	timer_delete(t->sm.timer);
	t->sm.has_timer = 0;
	if (smp.ticker_tid == t->tid) {
		timer_delete(smp.ticker);
		smp.ticker_tid = 0;
		for (struct thread *o = thread_list(); o; o = o->next)
			if (o != t && o->state == THREAD_LIVE && o->sm.has_timer) {
				ticker_start(o->tid);
				break;
			}
	}
}

/* Under thread.c's lock. */
void sample_thread_retire(struct thread *t)
{
	if (!smp.on || !t->sm.tree)
		return;
	__atomic_store_n(&t->sm.last, NULL, __ATOMIC_RELEASE);
	if (retired && cct_merge(retired, t->sm.tree) < 0)
		log_warn("out of memory: an exited thread's samples are lost");
	smp.dropped += t->sm.dropped;
}

void sample_reset_retired(void)
{
	if (retired)
		cct_reset(retired);
	smp.samples = smp.dropped = smp.offcpu = smp.unattributed = 0;
}

/* In the child after fork: no timer survives fork, and the samples so far
 * are the parent's. */
void sample_thread_fork_child(struct thread *t)
{
	if (!smp.on)
		return;
	smp.ticker_tid = 0;
	t->sm.has_timer = 0;
	sample_thread_start(t);
}

/* The sampling signal stays blocked in the thread that forks: a signal
 * arriving at every millisecond can keep fork() restarting forever. */
void sample_fork_prepare(void)
{
	sigset_t set;

	if (!smp.on)
		return;
	sigemptyset(&set);
	sigaddset(&set, smp.signo);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
}

void sample_fork_done(void)
{
	sigset_t set;

	if (!smp.on)
		return;
	sigemptyset(&set);
	sigaddset(&set, smp.signo);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/* Adds the interrupted stack to the thread's tree, weighing `weight` ns and
 * `count` samples, and makes its last frame where off-CPU time goes.  Runs
 * in a signal handler. */
static void take(ucontext_t *uc, uint64_t weight, int count)
{
	struct thread *t = cur_thread;
	uintptr_t pcs[MAX_FRAMES];
	unw_cursor_t c;
	struct tnode *node;
	int n = 0;

	/* libunwind wants a few KiB of stack: a program's small alternate
	 * stack may not have them */
	if (!t || !t->sm.tree || in_unwind || !signals_stack_room(8192)) {
		__atomic_add_fetch(&smp.dropped, (uint64_t)count, __ATOMIC_RELAXED);
		return;
	}
	in_unwind = 1;
	if (unw_init_local2(&c, (unw_context_t *)uc, UNW_INIT_SIGNAL_FRAME) == 0) {
		do {
			unw_word_t ip;
			if (unw_get_reg(&c, UNW_REG_IP, &ip) < 0 || !ip)
				break;
			/* a return address stands for the call just before it */
			pcs[n] = n ? (uintptr_t)ip - 1 : (uintptr_t)ip;
			n++;
		} while (n < MAX_FRAMES && unw_step(&c) > 0);
	}
	node = n ? cct_root(t->sm.tree) : NULL;
	for (int i = n - 1; i >= 0 && node; i--)
		node = cct_child(t->sm.tree, node, pcs[i]);
	if (!node) {
		t->sm.dropped += (uint64_t)count;
		__atomic_add_fetch(&smp.dropped, (uint64_t)count, __ATOMIC_RELAXED);
	} else {
		node->calls += (uint64_t)count;
		__atomic_add_fetch(&node->ticks, weight, __ATOMIC_RELAXED);
		__atomic_store_n(&t->sm.last, node, __ATOMIC_RELEASE);
		__atomic_add_fetch(&smp.samples, (uint64_t)count, __ATOMIC_RELAXED);
	}
	in_unwind = 0;
}

/* Whether a signal can reach this blocked thread without making its system
 * call fail: it is in one of block.c's wrappers, or in a call the kernel
 * restarts after a handler installed with SA_RESTART. */
static int safe_to_signal(const struct thread *t)
{
	static const long restarted[] = {
		SYS_futex, SYS_read, SYS_write, SYS_readv, SYS_writev, SYS_wait4, SYS_waitid, SYS_accept,
		SYS_accept4, SYS_recvfrom, SYS_recvmsg, SYS_sendto, SYS_sendmsg, SYS_flock, SYS_fcntl,
		SYS_openat, SYS_ioctl, SYS_pread64, SYS_pwrite64,
	};
	char path[64], buf[32];
	ssize_t n = -1;
	long nr;
	int fd;

	if (__atomic_load_n(&t->sm.blocking, __ATOMIC_ACQUIRE))
		return 1;
	fmt_format(path, sizeof path, "/proc/self/task/%d/syscall", t->tid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		n = read(fd, buf, sizeof buf - 1);
		close(fd);
	}
	if (n <= 0 || buf[0] < '0' || buf[0] > '9')
		return 0; /* "running", or unknown */
	buf[n] = '\0';
	nr = atol(buf);
	for (size_t i = 0; i < sizeof restarted / sizeof restarted[0]; i++)
		if (nr == restarted[i])
			return 1;
	return 0;
}

static void capture(const struct thread *t)
{
	siginfo_t si;

	memset(&si, 0, sizeof si);
	si.si_signo = smp.signo;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_ptr = (void *)&capture_tag;
	syscall(SYS_rt_tgsigqueueinfo, getpid(), t->tid, smp.signo, &si);
}

/* Every TICK_NS of wall time: charge what each thread did not spend on a
 * CPU to the stack it was last seen in.  Runs in a signal handler. */
static void offcpu_tick(void)
{
	uint64_t wall = clock_ns(CLOCK_MONOTONIC);

	for (struct thread *t = thread_list(); t; t = t->next) {
		struct sample_thread *s = &t->sm;
		struct timespec ts;
		uint64_t cpu, dw, dc;
		struct tnode *last;

		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) != THREAD_LIVE || !s->has_timer ||
		    clock_gettime(s->cpuclock, &ts) < 0)
			continue;
		cpu = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
		dw = wall - s->wall_seen;
		dc = cpu - s->cpu_seen;
		s->wall_seen = wall;
		s->cpu_seen = cpu;
		if (dw <= dc)
			goto blocked;
		last = __atomic_load_n(&s->last, __ATOMIC_ACQUIRE);
		if (last) {
			__atomic_add_fetch(&last->ticks, dw - dc, __ATOMIC_RELAXED);
			__atomic_add_fetch(&smp.offcpu, dw - dc, __ATOMIC_RELAXED);
		} else {
			__atomic_add_fetch(&smp.unattributed, dw - dc, __ATOMIC_RELAXED);
		}
	blocked:
		/* a thread that starts blocking: where is it? */
		if (dc < dw / 10) {
			if (!s->was_blocked && safe_to_signal(t))
				capture(t);
			s->was_blocked = 1;
		} else {
			s->was_blocked = 0;
		}
	}
}

/* The handler of the sampling signal, for the signals sample_is_ours()
 * recognises.  Runs in a signal handler, with the signal blocked. */
void sample_signal(siginfo_t *si, void *uc)
{
	const void *tag = si->si_value.sival_ptr;
	int saved = errno;

	if (tag == &sample_tag)
		take(uc, smp.period_ns * (1 + (uint64_t)(si->si_overrun > 0 ? si->si_overrun : 0)), 1);
	else if (tag == &ticker_tag)
		offcpu_tick();
	else if (tag == &capture_tag)
		take(uc, 0, 0);
	errno = saved;
}

void sample_write_info(struct rawbuf *b)
{
	struct cprof_rec_sampling rec = {
		.clock = (uint32_t)smp.clock,
		.hz = smp.hz,
		.period = smp.period_ns,
		.samples = __atomic_load_n(&smp.samples, __ATOMIC_RELAXED),
		.dropped = __atomic_load_n(&smp.dropped, __ATOMIC_RELAXED),
		.offcpu_ns = __atomic_load_n(&smp.offcpu, __ATOMIC_RELAXED),
	};

	if (!smp.on)
		return;
	memcpy(rec.event, smp.event, sizeof rec.event);
	memcpy(rec.note, smp.note, sizeof rec.note);
	rawbuf_begin(b, CPROF_REC_SAMPLING, sizeof rec);
	rawbuf_put(b, &rec, sizeof rec);
	rawbuf_end(b, sizeof rec);
}

uint32_t sample_thread_nodes(const struct thread *t)
{
	return t->sm.tree ? __atomic_load_n(&t->sm.tree->nnodes, __ATOMIC_ACQUIRE) : 0;
}

uint32_t sample_retired_nodes(void)
{
	return retired ? __atomic_load_n(&retired->nnodes, __ATOMIC_ACQUIRE) : 0;
}

/* May run in a signal handler. */
void sample_write_thread(struct rawbuf *b, struct thread *t)
{
	if (sample_thread_nodes(t) > 1)
		cct_write(b, CPROF_REC_STACKS, t->sm.tree, t->index, NULL, 0, 0);
}

void sample_write_retired(struct rawbuf *b)
{
	if (sample_retired_nodes() > 1)
		cct_write(b, CPROF_REC_STACKS, retired, THREAD_RETIRED_INDEX, NULL, 0, 0);
}
