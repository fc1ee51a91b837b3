/* sample.c: statistical profiling of every thread, without changing the
 * program (docs/SAMPLING.md).
 *
 * Samples: each thread has a perf event counting its CPU time (task-clock),
 * which signals it, and only it, at every period; the handler unwinds the
 * stack with libunwind and adds the path to the thread's tree of sampled
 * stacks (cct.h, with program counters for functions).  Its signal is a
 * SIGTRAP that comes as the thread returns to user mode (Linux 6.11): a
 * period that ended in the kernel is sampled after the system call is
 * done, at the stack that made it (or the instruction that faulted), and
 * no system call is ever interrupted: no EINTR.  On older kernels the
 * event counts in user mode only, and signals with smp.signo; without
 * perf_event, a POSIX timer on the thread's CPU clock does the same, at
 * the kernel's tick rate.  Every sample weighs the CPU time since the
 * thread's last one.
 *
 * The rest of a thread's time, off the CPU, is never sampled: no signal
 * ever reaches a blocked thread.  offcpu.c charges it.
 *
 * No thread of the runtime's own: CPython warns about fork() in a process
 * with more than one thread.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "cct.h"
#include "clock.h"
#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "perf-events.h"
#include "proc.h"
#include "rawbuf.h"
#include "runtime-int.h"
#include "sample-int.h"
#include "thread.h"
#include "unwind.h"

struct sampling {
	int on;
	int clock; /* enum cprof_sample_clock */
	int signo;
	uint32_t hz;
	uint64_t period_ns;
	const struct cprof_event *event; /* perf's, or NULL for the CPU-time timer */
	uint64_t samples, dropped, events;
	int kernel_signo;   /* SIGTRAP: threads sample their time in the kernel too */
	uint64_t kernel_samples;
	uint64_t syscall_id, fault_id; /* the rows kernel samples go under */
	int kernel_refused; /* a thread could not: said in the note */
	uint64_t masked_ns; /* exited threads' CPU time with the signal blocked */
	uint64_t stime0;    /* the process's system time when sampling began
			     * (an exec'd image inherits the old one's) */
	size_t page;        /* the size of a memory page */
	int native;         /* in Python, keep the native frames under its calls */
	char note[160];
};

static struct sampling smp;
static struct cct *retired;

/* The address tells the CPU-time timer's signals, and the kernel samples'
 * SIGTRAPs, apart from the program's. */
static const char sample_tag;

/* The process's system time, all its threads' (ended ones too): the time
 * user-mode samples never see.  May run in a signal handler (the system
 * call itself, not libc's wrapper, to be sure), on a program's small
 * alternate stack: not inlined, its struct takes room only while it runs. */
static __attribute__((noinline)) uint64_t system_time(void)
{
	struct rusage ru;

	if (syscall(SYS_getrusage, RUSAGE_SELF, &ru) < 0)
		return 0;
	return (uint64_t)ru.ru_stime.tv_sec * 1000000000u + (uint64_t)ru.ru_stime.tv_usec * 1000u;
}

/* A perf event's SIGTRAP (si_code TRAP_PERF, 6) says what glibc's
 * siginfo_t does not name, after si_addr: the event's sig_data, its type,
 * and flags (TRAP_PERF_FLAG_ASYNC, 1: sent while the signal was blocked). */
#define TRAP_PERF_ 6
struct perf_trap {
	uint64_t data;
	uint32_t type, flags;
};

static const struct perf_trap *perf_trap(const siginfo_t *si)
{
	return (const struct perf_trap *)((const char *)&si->si_addr + sizeof si->si_addr);
}

/* The thread's event counting its CPU time in user mode (trap 0), whose
 * signal sample.c asks for, or in user mode and the kernel (trap 1),
 * which sends SIGTRAP on its own. */
static int perf_open(const struct cprof_event *k, int trap)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = k->type;
	a.config = k->config;
	if (k->time) {
		a.sample_period = smp.period_ns;
	} else {
		a.freq = 1; /* the kernel adjusts the period to the rate */
		a.sample_freq = smp.hz;
	}
	a.disabled = 1;
	a.exclude_hv = 1;
	a.sample_type = PERF_SAMPLE_READ; /* into the ring: ring_count() */
	if (!trap) {
		a.exclude_kernel = 1; /* its signal would interrupt a system call */
	} else {
		/* its signal is sent as the thread returns to user mode, the
		 * call done (kernel_supported()); not across exec, where the
		 * new program would meet it unhandled */
		a.sigtrap = 1;
		a.remove_on_exec = 1;
		a.sig_data = (uintptr_t)&sample_tag;
	}
	return (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

/* Why perf_event_open(k) failed, for the report. */
static void perf_refused(const struct cprof_event *k, int e, const char *instead)
{
	char paranoid[8] = "?";
	ssize_t n = proc_read("/proc/sys/kernel/perf_event_paranoid", paranoid, sizeof paranoid - 1);

	paranoid[n > 0 ? n : 1] = '\0';
	if (n > 0 && paranoid[n - 1] == '\n')
		paranoid[n - 1] = '\0';
	if (e == EACCES || e == EPERM)
		fmt_format(smp.note, sizeof smp.note, "perf_event_open(%s) not permitted (kernel.perf_event_paranoid=%s); %s",
			   k->name, paranoid, instead);
	else if (e == ENOENT || e == EOPNOTSUPP || e == ENODEV)
		fmt_format(smp.note, sizeof smp.note, "perf_event_open(%s): no such counter here (a virtual machine?); %s",
			   k->name, instead);
	else
		fmt_format(smp.note, sizeof smp.note, "perf_event_open(%s): %s; %s", k->name, strerrordesc_np(e), instead);
}

/* Which source samples come from: the event asked for, else task-clock,
 * else (perf_event refused) a POSIX timer on each thread's CPU clock, which
 * the kernel fires at its tick rate at most. */
static void choose_source(const char *name)
{
	const struct cprof_event *k = name ? cprof_event_named(name) : NULL;
	int fd;

	if (name && strcmp(name, CPROF_EVENT_TIMER) == 0) {
		smp.event = NULL; /* asked for */
		return;
	}
	if (!rt.fd_floor) {
		fmt_format(smp.note, sizeof smp.note,
			   "the descriptor limit (ulimit -n, under %d) leaves no room for perf events; sampling with "
			   "a CPU-time timer, which fires at the kernel's tick rate at most",
			   RUNTIME_FD_MIN);
		smp.event = NULL;
		return;
	}
	if (name && !k)
		fmt_format(smp.note, sizeof smp.note, "unknown event %s; sampling task-clock instead", name);
	if (!k)
		k = cprof_events();
	for (;;) {
		fd = perf_open(k, 0);
		if (fd >= 0) {
			close(fd);
			smp.event = k;
			return;
		}
		if (k == cprof_events())
			break;
		perf_refused(k, errno, "sampling task-clock instead");
		k = cprof_events();
	}
	perf_refused(k, errno, "sampling with a CPU-time timer, which fires at the kernel's tick rate at most");
	smp.event = NULL;
}

/* Whether the kernel sends a perf event's SIGTRAP as the thread returns to
 * user mode, the system call done (a task_work since Linux 6.11); before,
 * it could come in the middle of one, which would then end short or with
 * EINTR, and time in the kernel is not sampled (the event counts in user
 * mode only).  If not, why not, in smp.note. */
static int kernel_supported(void)
{
	struct utsname u;
	int major = 0, minor = 0;

	if (!smp.event || !smp.event->time)
		return 0; /* an event that is not time */
	if (uname(&u) == 0 && sscanf(u.release, "%d.%d", &major, &minor) == 2 &&
	    (major > 6 || (major == 6 && minor >= 11))) {
		int fd = perf_open(smp.event, 1);
		if (fd >= 0) {
			close(fd);
			return 1;
		}
		if (!smp.note[0])
			perf_refused(smp.event, errno, "time in the kernel goes to the code sampled after it");
		return 0;
	}
	if (!smp.note[0])
		fmt_format(smp.note, sizeof smp.note,
			   "Linux %s cannot sample time in the kernel safely (6.11 can): it goes to the code sampled "
			   "after it",
			   u.release);
	return 0;
}

/* The signal thread t's samples come with. */
static int carrier(const struct thread *t)
{
	return t->sm.perf_fd >= 0 && t->sm.trap ? smp.kernel_signo : smp.signo;
}

static void sample_init(void)
{
	const char *clock = setting(CPROF_ENV_CLOCK), *mode = setting(CPROF_ENV_MODE), *event = setting(CPROF_ENV_EVENT);

	smp.hz = (uint32_t)atoi(setting(CPROF_ENV_HZ));
	smp.signo = atoi(setting(CPROF_ENV_SIGNAL));
	/* a perf event's signal carries its descriptor in the siginfo, where
	 * the kernel's own signals of a fault or a child put other things */
	switch (smp.signo) {
	case SIGILL: case SIGTRAP: case SIGFPE: case SIGSEGV: case SIGBUS: case SIGCHLD: case SIGSYS:
	case SIGKILL: case SIGSTOP:
		fmt_format(smp.note, sizeof smp.note, "CPROF_SIGNAL=%d cannot carry samples (the kernel's %s); "
			   "SIGPROF does", smp.signo, smp.signo == SIGKILL || smp.signo == SIGSTOP ? "to keep" :
			   "own signal, whose siginfo says other things");
		smp.signo = SIGPROF;
		break;
	default:
		if (smp.signo <= 0 || smp.signo >= NSIG)
			smp.signo = SIGPROF;
	}
	/* CPROF_NATIVE=0: a Python traced from inside is not sampled for the
	 * native code under it (docs/PYTHON.md) */
	smp.native = strcmp(setting(CPROF_ENV_NATIVE), "0") != 0;
	if (strcmp(mode, "trace") == 0 || smp.hz == 0 || (python_present() && !python_sampling() && !smp.native))
		return;
	if (smp.hz > 100000)
		smp.hz = 100000;
	smp.period_ns = 1000000000ull / smp.hz;
	smp.page = (size_t)sysconf(_SC_PAGESIZE);
	choose_source(*event ? event : NULL);
	if (smp.event && !smp.event->time)
		smp.clock = CPROF_SAMPLE_EVENT;
	else
		smp.clock = strcmp(clock, "cpu") == 0 ? CPROF_SAMPLE_CPU : CPROF_SAMPLE_WALL;
	unwind_init();
	if (kernel_supported()) {
		smp.kernel_signo = SIGTRAP;
		smp.syscall_id = named_add("~", 0, "<system call>", 1);
		smp.fault_id = named_add("~", 0, "<page fault or interrupt>", 1);
		code_range_runtime(); /* (found here, not in the handler) */
	}
	smp.stime0 = system_time();
	retired = cct_new();
	signals_sample_with(smp.signo, smp.kernel_signo);
	offcpu_start(smp.clock);
	dump_sample_with(carrier);
	smp.on = 1;
}

/* Adds the signals samples come with to set. */
static void sample_signals(sigset_t *set)
{
	if (!smp.on)
		return;
	sigaddset(set, smp.signo);
	if (smp.kernel_signo)
		sigaddset(set, smp.kernel_signo);
}

/* A perf event's signal (si_code POLL_*) carries the event's descriptor,
 * the thread's own; a timer's, and a SIGTRAP, the tag. */
/* Whether a perf event's signal is from this thread's event: one closed
 * since (a thread ending) is not. */
static int own_event(const siginfo_t *si)
{
	const struct thread *t = cur_thread;

	if (!t || t->sm.perf_fd < 0)
		return 0;
	return si->si_signo == SIGTRAP ? t->sm.trap : si->si_fd == t->sm.perf_fd;
}

int sample_is_ours(const siginfo_t *si)
{
	if (dump_is_ours(si))
		return 1;
	if (si->si_signo == SIGTRAP && smp.kernel_signo == SIGTRAP)
		return si->si_code == TRAP_PERF_ && perf_trap(si)->data == (uintptr_t)&sample_tag;
	/* this thread's event; or one closed since it signalled (a thread
	 * ending), which only the runtime's parked descriptors can be */
	if (si->si_code >= POLL_IN && si->si_code <= POLL_HUP)
		return own_event(si) || (rt.fd_floor > 0 && si->si_fd >= rt.fd_floor);
	return si->si_code == SI_TIMER && si->si_value.sival_ptr == &sample_tag;
}

static void sample_fd_taken(int fd);

/* A perf event's ring: its page of metadata, then RING_PAGES pages where
 * the kernel writes a record at each overflow, before it sends the signal,
 * with the event's count then (PERF_SAMPLE_READ).  The handler reads the
 * count there, where a read() of the event would cost a system call per
 * sample (2.5 us on this project's virtual machines, as much as the whole
 * unwind).  16 bytes a record: 256 overflows fit, the signal blocked. */
#define RING_PAGES 1
struct ring_record {
	struct perf_event_header h;
	uint64_t count;
};

/* The ring of event fd, or NULL where it cannot be mapped (the locked
 * memory perf allows each user is used up: perf_event_mlock_kb); then
 * the count is read() at each sample. */
static struct perf_event_mmap_page *ring_map(int fd)
{
	void *p = mmap(NULL, (1 + RING_PAGES) * smp.page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void ring_unmap(struct sample_thread *s)
{
	if (s->ring)
		munmap(s->ring, (1 + RING_PAGES) * smp.page);
	s->ring = NULL;
}

/* The event's count at its latest overflow, from the ring, which is left
 * empty, and whether that was in the kernel; 0 when the ring cannot tell
 * (nothing new, or records were lost while the signal was blocked).  Runs
 * in the thread's signal handler. */
static int ring_count(struct perf_event_mmap_page *pg, uint64_t *count, int *kernel)
{
	const unsigned char *data = (const unsigned char *)pg + smp.page;
	uint64_t head = __atomic_load_n(&pg->data_head, __ATOMIC_ACQUIRE), tail = pg->data_tail, size = RING_PAGES * smp.page;
	int found = 0;

	if (head - tail > size)
		return 0;
	while (tail < head) {
		const struct ring_record *r = (const void *)(data + tail % size);
		/* (a record of another kind, PERF_RECORD_LOST or THROTTLE, can
		 * leave the next one across the ring's end) */
		if (tail % size + sizeof *r > size || r->h.type != PERF_RECORD_SAMPLE || r->h.size != sizeof *r)
			found = -1;
		else if (found >= 0) {
			*count = r->count;
			*kernel = (r->h.misc & PERF_RECORD_MISC_CPUMODE_MASK) == PERF_RECORD_MISC_KERNEL;
			found = 1;
		}
		tail += r->h.size ? r->h.size : size;
	}
	__atomic_store_n(&pg->data_tail, head, __ATOMIC_RELEASE);
	return found > 0;
}

/* This thread's perf event, signalling it alone at every overflow: with
 * its own SIGTRAP where the kernel's time is sampled too, else with the
 * sampler's signal (O_ASYNC).  One event for both, not one per mode: each
 * event's timer interrupts the thread at each of its periods, wherever the
 * thread is, and on a virtual machine an interrupt costs more than a
 * sample's handler (PERFORMANCE.md).  Two of the same non-real-time signal
 * pending make one: a sample weighs what the event counted since the last
 * one, so none of its time is lost. */
static int perf_start(struct thread *t)
{
	struct f_owner_ex owner = {F_OWNER_TID, t->tid};
	int fd = smp.kernel_signo ? perf_open(smp.event, 1) : -1, trap = fd >= 0;

	if (smp.kernel_signo && !trap && !__atomic_exchange_n(&smp.kernel_refused, 1, __ATOMIC_RELAXED) &&
	    !smp.note[0])
		fmt_format(smp.note, sizeof smp.note,
			   "thread %d cannot sample its time in the kernel (%s): it goes to the code sampled after it",
			   t->tid, strerrordesc_np(errno));
	if (!trap && (fd = perf_open(smp.event, 0)) < 0)
		return -errno;
	fd = fds_park(fd, sample_fd_taken); /* before O_ASYNC: signals carry this number */
	if (fd < 0)
		return -EMFILE;
	if ((!trap && (fcntl(fd, F_SETFL, O_ASYNC | O_NONBLOCK) < 0 || fcntl(fd, F_SETSIG, smp.signo) < 0 ||
		       fcntl(fd, F_SETOWN_EX, &owner) < 0)) ||
	    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0) {
		int e = errno;
		fds_close(fd);
		return -e;
	}
	t->sm.trap = trap;
	t->sm.count_seen = 0;
	t->sm.ring = ring_map(fd);
	__atomic_store_n(&t->sm.perf_fd, fd, __ATOMIC_RELEASE);
	return 0;
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

static int sample_thread_start(struct thread *t)
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
	s->sampled = s->sampled_seen = s->charged = s->charged_seen = 0;
	if (pthread_getcpuclockid(pthread_self(), &s->cpuclock) != 0)
		return -EINVAL;
	s->cpu_seen = clock_ns(s->cpuclock);
	s->masked_since = s->cpu_seen;
	s->masked_ns = s->masked_skip = 0;
	s->wall_seen = clock_ns(CLOCK_MONOTONIC);
	s->wall_start = s->wall_seen;
	s->cpu_start = s->cpu_seen;
	s->perf_fd = -1;
	s->trap = 0;
	unwind_thread_start();
	ret = smp.event ? perf_start(t) : -ENODEV;
	if (ret < 0) /* no perf event for this one: its CPU clock, then */
		ret = arm(s->cpuclock, t->tid, &sample_tag, smp.period_ns, &s->timer);
	s->has_timer = ret == 0;
	/* liblzma's workers, and other pools, start with every signal blocked */
	sigset_t mask;
	sigmask_own(SIG_BLOCK, NULL, &mask);
	s->masked = sigismember(&mask, carrier(t)) == 1;
	if (ret < 0)
		log_warn("cannot start the sampling timer of thread %d: %s", t->tid, strerrordesc_np(-ret));
	return ret;
}

/* The thread is exiting: its time so far is accounted, its sampling
 * stops. */
static void sample_thread_stop(struct thread *t)
{
	if (!smp.on)
		return;
	ring_unmap(&t->sm); /* (after its event was taken too) */
	if (!t->sm.has_timer)
		return;
	offcpu_thread_stop(t, clock_ns(CLOCK_MONOTONIC));
	if (t->sm.perf_fd >= 0) {
		/* disabled first: a child forked a moment ago may still hold
		 * the descriptor, and the event would go on signalling this
		 * thread, after an exec too, where nothing handles it */
		ioctl(t->sm.perf_fd, PERF_EVENT_IOC_DISABLE, 0);
		fds_close(t->sm.perf_fd);
	} else {
		timer_delete(t->sm.timer);
	}
	t->sm.perf_fd = -1;
	t->sm.has_timer = 0;
}

/* The program took (dup2) the number of a thread's perf event, which is
 * gone with it: the thread is sampled by its CPU-time timer from now on,
 * with no samples in the kernel.  (A late signal of the event is told by
 * its number, as a closed one's, or for a SIGTRAP by the thread's event
 * gone.) */
static void sample_fd_taken(int fd)
{
	for (struct thread *t = thread_list(); smp.on && t; t = t->next) {
		struct sample_thread *s = &t->sm;
		if (s->perf_fd != fd || !s->has_timer)
			continue;
		/* its ring keeps the event alive, signalling the thread: it is
		 * stopped while the number is still its own, and the ring left
		 * for the thread to unmap (its handler may be reading it now) */
		ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
		__atomic_store_n(&s->perf_fd, -1, __ATOMIC_RELEASE);
		s->has_timer = arm(s->cpuclock, t->tid, &sample_tag, smp.period_ns, &s->timer) == 0;
	}
}

/* Before exec: this thread's sampling stops, and a sample signal already
 * sent but pending (the program may block the signal in this thread) is
 * taken back.  Pending signals survive exec: the new program would meet
 * it before it can handle it, and end. */
static void sample_exec_prepare(void)
{
	struct thread *t = cur_thread;
	struct timespec zero = {0, 0};
	sigset_t one, old;
	siginfo_t si;

	if (!smp.on || !t)
		return;
	sigemptyset(&one);
	sample_signals(&one);
	sigmask_own(SIG_BLOCK, &one, &old);
	sample_thread_stop(t);
	for (int sig; (sig = (int)syscall(SYS_rt_sigtimedwait, &one, &si, &zero, _NSIG / 8)) > 0;) {
		if (!sample_is_ours(&si)) { /* the program's own, sent again */
			syscall(SYS_rt_tgsigqueueinfo, getpid(), t->tid, sig, &si);
			sigdelset(&one, sig);
		}
	}
	sigmask_own(SIG_SETMASK, &old, NULL);
}

/* The exec failed: the thread is sampled again. */
static void sample_exec_failed(void)
{
	if (smp.on && cur_thread && !cur_thread->sm.has_timer)
		sample_thread_start(cur_thread);
}

/* The CPU time thread t ran with the program blocking the sampler's
 * signal in it, which no sample saw.  May run in a signal handler. */
static uint64_t sample_thread_masked(const struct thread *t)
{
	const struct sample_thread *s = &t->sm;

	if (!smp.on || !t->sm.tree)
		return 0;
	return s->masked_ns + (s->masked ? clock_ns(s->cpuclock) - s->masked_since : 0);
}

/* The program changes the calling thread's signal mask (signals.c): whether
 * it blocks the signal of the thread's samples now, and since when.  Before
 * the call (old NULL), an unblocking is counted: the sample waiting for it
 * comes as the call returns, and must not weigh the time it was blocked.
 * After it, from the mask the kernel had (old), not the one last seen here:
 * a handler's, restored by sigreturn or siglongjmp, passes no wrapper. */
void sample_masked(int how, const sigset_t *set, const sigset_t *old)
{
	struct thread *t = cur_thread;
	struct sample_thread *s;
	int sig, in, was, masked;

	if (!smp.on || !t || !t->sm.tree)
		return;
	s = &t->sm;
	sig = carrier(t);
	in = sigismember(set, sig) == 1;
	was = old ? sigismember(old, sig) == 1 : s->masked;
	masked = how == SIG_SETMASK ? in : how == SIG_BLOCK ? was || in : was && !in;
	if (masked == s->masked || (!old && masked))
		return;
	uint64_t now = clock_ns(s->cpuclock);
	if (masked) {
		s->masked_since = now;
	} else {
		s->masked_ns += now - s->masked_since;
		__atomic_add_fetch(&s->masked_skip, now - s->masked_since, __ATOMIC_RELAXED);
	}
	s->masked = masked;
}

/* Under thread-life.c's lock. */
static void sample_thread_retire(struct thread *t, uint64_t now)
{
	if (!smp.on || !t->sm.tree)
		return;
	smp.masked_ns += sample_thread_masked(t);
	__atomic_store_n(&t->sm.last, NULL, __ATOMIC_RELEASE);
	if (retired && cct_merge(retired, t->sm.tree) < 0)
		log_warn("out of memory: an exited thread's samples are lost");
	smp.dropped += t->sm.dropped;
}

static void sample_reset_retired(void)
{
	if (retired)
		cct_reset(retired);
	smp.samples = smp.dropped = smp.events = smp.masked_ns = 0;
	smp.kernel_samples = 0;
	smp.stime0 = system_time(); /* (a child's starts at 0) */
	offcpu_reset();
}

/* In the child after fork: no timer survives fork, the perf events
 * inherited are the parent threads', and the samples so far are the
 * parent's. */
static void sample_thread_fork_child(struct thread *t, uint64_t now)
{
	if (!smp.on)
		return;
	unwind_fork_child();
	int masked = t->sm.masked;

	for (struct thread *o = thread_list(); o; o = o->next) {
		if (o->sm.has_timer && o->sm.perf_fd >= 0)
			fds_close(o->sm.perf_fd);
		o->sm.perf_fd = -1;
		o->sm.ring = NULL; /* (perf's rings are not copied by fork) */
		o->sm.has_timer = 0;
	}
	sample_thread_start(t);
	/* the program's mask, not the one the runtime set around fork */
	t->sm.masked = masked;
}

struct tnode *sample_record(struct thread *t, const uintptr_t *pcs, int n, uint64_t weight, int count)
{
	struct tnode *node = n ? cct_root(t->sm.tree) : NULL;
	uint32_t was = thread_edit_begin(t);

	for (int i = n - 1; i >= 0 && node; i--)
		node = cct_child(t->sm.tree, node, pcs[i]);
	if (!node) {
		t->sm.dropped += (uint64_t)count;
		__atomic_add_fetch(&smp.dropped, (uint64_t)count, __ATOMIC_RELAXED);
	} else {
		node->calls += (uint64_t)count;
		__atomic_add_fetch(&node->ticks, weight, __ATOMIC_RELAXED);
		__atomic_store_n(&t->sm.last, node, __ATOMIC_RELEASE);
	}
	thread_edit_end(t, was);
	return node;
}

int sample_program_stack(const struct thread *t, uintptr_t *pcs, int n, uintptr_t *out, const uintptr_t **stack)
{
	*stack = pcs;
	if (!python_present())
		return n;
	*stack = out;
	return python_merge_stack(t, pcs, n, out, smp.native);
}

/* A sample: the interrupted stack, weighing `weight` ns, under the row
 * `leaf` if not 0.  Runs in a signal handler. */
static void take(ucontext_t *uc, uint64_t weight, uint64_t leaf)
{
	struct thread *t = cur_thread;
	uintptr_t pcs[1 + UNWIND_MAX_FRAMES], out[1 + PY_FRAMES]; /* [0]: the leaf */
	const uintptr_t *stack;
	int n;

	/* libunwind wants a few KiB of stack: a program's small alternate
	 * stack may not have them; and it may not be free (unwind_begin) */
	if (!t || !t->sm.tree || !signals_stack_room_uc(uc, 12288) || !unwind_begin()) {
		__atomic_add_fetch(&smp.dropped, 1, __ATOMIC_RELAXED);
		return;
	}
	n = sample_program_stack(t, pcs + 1, unwind_stack(uc, 1, pcs + 1), out + 1, &stack);
	if (n > 0 && leaf) {
		uintptr_t *under = stack == pcs + 1 ? pcs : out;
		under[0] = (uintptr_t)leaf;
		stack = under;
		n++;
	}
	/* n 0: nothing of the program's ran (the interpreter starting or
	 * ending): its time is the interpreter's, shown nowhere, and not to be
	 * charged to where the thread last was either, nor is the time the
	 * thread spends off the CPU from now on (offcpu.c charges it to last) */
	if (n > 0 && __atomic_load_n(&dump_asked, __ATOMIC_ACQUIRE))
		dump_offer(t, stack, n); /* (a dump waits for this thread's stack) */
	if (n < 0)
		__atomic_add_fetch(&smp.dropped, 1, __ATOMIC_RELAXED);
	else if (n == 0) {
		__atomic_add_fetch(&t->sm.sampled, weight, __ATOMIC_RELAXED);
		__atomic_store_n(&t->sm.last, NULL, __ATOMIC_RELEASE);
	}
	else if (sample_record(t, stack, n, weight, 1)) {
		__atomic_add_fetch(&t->sm.sampled, weight, __ATOMIC_RELAXED);
		__atomic_add_fetch(&smp.samples, 1, __ATOMIC_RELAXED);
		if (leaf)
			__atomic_add_fetch(&smp.kernel_samples, 1, __ATOMIC_RELAXED);
	}
	unwind_end();
}

/* A dump's signal (dump.c), sent to a thread blocked in a call that it
 * does not cut short: the thread's stack, for the dump only.  Runs in a
 * signal handler. */
static void dump_sample(ucontext_t *uc)
{
	struct thread *t = cur_thread;
	uintptr_t pcs[UNWIND_MAX_FRAMES], out[PY_FRAMES];
	const uintptr_t *stack;
	int n;

	/* (not answered: the dump reads what it can of the thread itself) */
	if (!t || !signals_stack_room_uc(uc, 12288) || !unwind_begin())
		return;
	n = sample_program_stack(t, pcs, unwind_stack(uc, 1, pcs), out, &stack);
	if (n > 0)
		dump_offer(t, stack, n);
	unwind_end();
}

/* What a sample of thread t weighs, its perf counter at `count`: the
 * thread's CPU time since its last sample, less the time it ran with the
 * sampler's signal blocked (which the report gives apart, unsampled). */
static uint64_t weigh(struct thread *t, uint64_t count)
{
	uint64_t spent = count - t->sm.count_seen, skip = __atomic_exchange_n(&t->sm.masked_skip, 0, __ATOMIC_RELAXED);

	t->sm.count_seen = count;
	return spent > skip ? spent - skip : 0;
}

/* Whether the thread returns from a system call at uc (or is about to make
 * it again, restarted); else a fault or an interrupt took it into the
 * kernel. */
static int in_syscall(const ucontext_t *uc)
{
	uintptr_t ip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	const unsigned char *p = (const unsigned char *)ip;

	/* (`syscall` is 0f 05; the bytes before ip only on its page) */
	return (ip % 4096 >= 2 && p[-2] == 0x0f && p[-1] == 0x05) || (ip % 4096 <= 4094 && p[0] == 0x0f && p[1] == 0x05);
}

/* A perf event overflowed: the sample weighs what it counted since the last
 * one (nanoseconds of CPU for task-clock).  An event that counts the
 * kernel's time too may have ended its period there: its SIGTRAP came as
 * the thread returned to user mode, and the sample is at the stack that
 * entered the kernel, under a row that says why.  (Where the ring cannot
 * tell, a system call's return is taken for the kernel's.) */
static void perf_sample(ucontext_t *uc)
{
	struct thread *t = cur_thread;
	uint64_t count;
	int kernel = 0;

	if (!(t->sm.ring && ring_count(t->sm.ring, &count, &kernel))) {
		if (read(t->sm.perf_fd, &count, sizeof count) != sizeof count)
			count = t->sm.count_seen + smp.period_ns;
		kernel = t->sm.trap && in_syscall(uc);
	}
	/* the overflow's count, from before a read() got a later one (the
	 * ring could not tell then): that sample weighed the time already */
	if (count < t->sm.count_seen)
		count = t->sm.count_seen;
	if (!smp.event->time) {
		take(uc, count - t->sm.count_seen, 0);
		__atomic_add_fetch(&smp.events, count - t->sm.count_seen, __ATOMIC_RELAXED);
		t->sm.count_seen = count;
	} else if (!kernel) {
		take(uc, weigh(t, count), 0);
	} else if (!code_range_has(code_range_runtime(), (uintptr_t)uc->uc_mcontext.gregs[REG_RIP])) {
		/* (the runtime's own code, interrupted: the time is its, and
		 * goes to the next sample, as the time of the sampler's
		 * handlers does) */
		take(uc, weigh(t, count), in_syscall(uc) ? smp.syscall_id : smp.fault_id);
	}
}

/* Set while this thread's handler takes a sample: the other signal's is
 * left for later (it is the same thread's time). */
static __thread int sampling __attribute__((tls_model("initial-exec")));

/* The handler of the sampler's signals, for the signals sample_is_ours()
 * recognises.  Runs in a signal handler, with the signal blocked. */
void sample_signal(siginfo_t *si, void *uc)
{
	int saved = errno;

	/* the other signal, arrived with this one, whose handler is next:
	 * it has not yet run, and its sample will be where the thread was */
	if (sampling || signals_entry(uc))
		return;
	sampling = 1;
	if (dump_is_ours(si)) {
		dump_sample(uc);
	} else if (si->si_signo == smp.kernel_signo && si->si_code == TRAP_PERF_) {
		/* one that waited for the program to unblock SIGTRAP is not
		 * where the period ended: the next sample weighs its time */
		if (!(perf_trap(si)->flags & 1) && own_event(si))
			perf_sample(uc);
	} else if (si->si_code >= POLL_IN && si->si_code <= POLL_HUP) {
		if (own_event(si))
			perf_sample(uc); /* (not a closed event's late signal) */
	} else {
		/* (the timer's overruns while the signal was blocked are not
		 * weighed: that time is said apart) */
		uint64_t w = smp.period_ns * (1 + (uint64_t)(si->si_overrun > 0 ? si->si_overrun : 0));
		uint64_t skip = cur_thread ? __atomic_exchange_n(&cur_thread->sm.masked_skip, 0, __ATOMIC_RELAXED) : 0;
		take(uc, w > skip ? w - skip : 0, 0);
	}
	offcpu_account_all(clock_ns(CLOCK_MONOTONIC), 0);
	sampling = 0;
	errno = saved;
}

static void sample_write_info(struct rawbuf *b)
{
	struct cprof_rec_sampling rec;
	uint64_t now = clock_ns(CLOCK_MONOTONIC), stime;

	if (!smp.on)
		return;
	offcpu_account_all(now, 1); /* up to now */
	rec = (struct cprof_rec_sampling){
		.clock = (uint32_t)smp.clock,
		.hz = smp.hz,
		.period = smp.period_ns,
		.samples = __atomic_load_n(&smp.samples, __ATOMIC_RELAXED),
		.dropped = __atomic_load_n(&smp.dropped, __ATOMIC_RELAXED),
		.unsampled_ns = offcpu_unsampled(),
	};
	fmt_format(rec.event, sizeof rec.event, "%s", smp.event ? smp.event->name : CPROF_EVENT_TIMER);
	memcpy(rec.note, smp.note, sizeof rec.note);
	rec.events = __atomic_load_n(&smp.events, __ATOMIC_RELAXED);
	rec.cpu_ns = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	stime = system_time();
	rec.kernel_ns = stime > smp.stime0 ? stime - smp.stime0 : 0;
	rec.offcpu_ns = offcpu_total(now);
	rec.kernel_samples = __atomic_load_n(&smp.kernel_samples, __ATOMIC_RELAXED);
	rawbuf_begin(b, CPROF_REC_SAMPLING, sizeof rec);
	rawbuf_put(b, &rec, sizeof rec);
	rawbuf_end(b, sizeof rec);
}

static uint32_t sample_retired_nodes(void)
{
	return retired ? __atomic_load_n(&retired->nnodes, __ATOMIC_ACQUIRE) : 0;
}

/* The THREAD record's masked_ns.  May run in a signal handler, as do the
 * three below. */
static void sample_thread_record(const struct thread *t, struct cprof_rec_thread *rec)
{
	rec->masked_ns = sample_thread_masked(t);
}

static int sample_retired_record(struct cprof_rec_thread *rec)
{
	rec->masked_ns = smp.masked_ns;
	return sample_retired_nodes() > 1 || rec->masked_ns;
}

static void sample_write_thread(struct rawbuf *b, struct thread *t, uint64_t now)
{
	if (t->sm.tree && __atomic_load_n(&t->sm.tree->nnodes, __ATOMIC_ACQUIRE) > 1)
		cct_write(b, CPROF_REC_STACKS, t->sm.tree, t->index, NULL, NULL);
}

static void sample_write_retired(struct rawbuf *b)
{
	if (sample_retired_nodes() > 1)
		cct_write(b, CPROF_REC_STACKS, retired, THREAD_RETIRED_INDEX, NULL, NULL);
}

static const struct component_thread sample_thread = {
	.start = sample_thread_start,
	.stop = sample_thread_stop,
	.retire = sample_thread_retire,
	.fork_reset = sample_reset_retired,
	.fork_child = sample_thread_fork_child,
	.record = sample_thread_record,
	.write = sample_write_thread,
	.retired_record = sample_retired_record,
	.write_retired = sample_write_retired,
};

const struct component sample_component = {
	.init = sample_init,
	.exec_prepare = sample_exec_prepare,
	.exec_failed = sample_exec_failed,
	.write = sample_write_info,
	.signals = sample_signals,
	.thread = &sample_thread,
};
