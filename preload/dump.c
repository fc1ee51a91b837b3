/* dump.c: every thread's stack at one moment, written on request for
 * `cprof-dump DIR` (docs/DUMP.md), with no ptrace: what a hung job needs
 * where ptrace is forbidden, and for ranks on other nodes.
 *
 * The runtime's thread (service.c) looks for a request in the run's
 * directory every CPROF_DUMP_POLL milliseconds: a stat of one file.  A new
 * one is answered once, with a raw profile whose every thread holds one
 * path of STACKS, its stack then (CPROF_END_DUMP), named as the process's
 * profile, in the directory the request names.
 *
 * Each thread's stack comes the cheapest way that leaves the program as it
 * was (no EINTR, no signal lost or added):
 * - a thread on the CPU is sampled anyway: its next sample (sample.c)
 *   hands its stack over, native and Python frames merged as a sample's;
 * - a thread blocked in a call that a signal does not cut short (inside
 *   block.c's wrappers, which go on after cprof's signals, or a call the
 *   kernel restarts: read, a futex wait without a timeout; or
 *   sched_yield, which never waits) is sent the sampler's signal, tagged
 *   as the dump's, and unwinds itself; so is a thread on the CPU seen so
 *   while it waits for its sample (a busy loop that yields runs little in
 *   user mode, where samples come);
 * - any other (blocked where a signal would cut the call short, or not
 *   sampled) is read from here, held out of its edits as a snapshot holds
 *   it: its traced calls (Python's, MPI's, instrumented functions), and the
 *   address of the call it is blocked in (/proc/self/task/TID/syscall),
 *   under a frame that says its other frames were not read.
 * A thread that does not answer in DUMP_WAIT_NS is read so too.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "clock.h"
#include "cprof-format.h"
#include "fmt.h"
#include "proc.h"
#include "rawbuf.h"
#include "runtime-int.h"
#include "thread.h"

#define DUMP_FRAMES 512            /* of a thread's stack, innermost first */
#define DUMP_WAIT_NS 300000000ull  /* for the threads' answers */

enum { SLOT_WAITING = 1, SLOT_FILLING, SLOT_DONE, SLOT_CLOSED };

/* One thread's answer. */
struct answer {
	struct thread *t;
	int state;  /* SLOT_*: a handler fills a WAITING slot */
	int n;
	uintptr_t pc[DUMP_FRAMES]; /* innermost first */
};

static struct {
	long poll_ms;       /* 0: no dumps */
	uint64_t unread;    /* the named frame over a thread read from here */
	struct answer *slot;  /* (older arrays are kept: a late handler may hold one) */
	size_t cap, n;
	struct stat seen;   /* the request file as last looked at */
	uint64_t answered;  /* the last request answered */
	/* the signal a thread's samples come with, which asks a blocked
	 * thread to unwind itself; NULL: no sampler */
	int (*signal_of)(const struct thread *t);
} dmp;

/* Threads the current dump waits for; the samplers' handlers look at it. */
int dump_asked;

/* The tag of the dump's signal (its si_value). */
static const char dump_tag;

/* From the sampler's startup: which signal a thread's samples come with;
 * its handler answers a dump's call on it (dump_is_ours). */
void dump_sample_with(int (*signal_of)(const struct thread *t))
{
	dmp.signal_of = signal_of;
}

int dump_is_ours(const siginfo_t *si)
{
	return si->si_code == SI_QUEUE && si->si_value.sival_ptr == &dump_tag && si->si_pid == rt.pid;
}

/* From a sampler's handler of thread t: its stack, innermost first, for
 * the dump waiting for it.  Async-signal-safe. */
void dump_offer(struct thread *t, const uintptr_t *pc, int n)
{
	struct answer *s = __atomic_load_n(&dmp.slot, __ATOMIC_ACQUIRE);
	size_t count = __atomic_load_n(&dmp.n, __ATOMIC_ACQUIRE);
	int waiting = SLOT_WAITING;

	for (size_t i = 0; s && i < count; i++) {
		if (s[i].t != t)
			continue;
		if (!__atomic_compare_exchange_n(&s[i].state, &waiting, SLOT_FILLING, 0, __ATOMIC_ACQUIRE,
						 __ATOMIC_RELAXED))
			return;
		s[i].n = n < DUMP_FRAMES ? n : DUMP_FRAMES;
		memcpy(s[i].pc, pc, (size_t)s[i].n * sizeof *pc);
		__atomic_store_n(&s[i].state, SLOT_DONE, __ATOMIC_RELEASE);
		__atomic_sub_fetch(&dump_asked, 1, __ATOMIC_RELEASE);
		return;
	}
}

/* Where thread tid is: 1 on the CPU; 0 blocked in system call *nr, its
 * arguments in a[6] and its program counter in *pc; -1 not known. */
static int whereabouts(int tid, long *nr, unsigned long a[6], uintptr_t *pc)
{
	char path[64], text[256], *p = text;
	unsigned long sp;
	ssize_t len;

	fmt_format(path, sizeof path, "/proc/self/task/%d/syscall", tid);
	if ((len = proc_read(path, text, sizeof text - 1)) <= 0)
		return -1;
	text[len] = '\0';
	if (strncmp(text, "running", 7) == 0)
		return 1;
	*nr = strtol(p, &p, 10);
	for (int i = 0; i < 6; i++)
		a[i] = strtoul(p, &p, 16);
	sp = strtoul(p, &p, 16);
	*pc = strtoul(p, &p, 16);
	return *nr >= 0 && sp ? 0 : -1;
}

/* Whether descriptor fd is a socket, which may have a timeout. */
static int is_socket(unsigned long fd)
{
	char path[64], target[16];
	ssize_t n;

	fmt_format(path, sizeof path, "/proc/self/fd/%lu", fd);
	n = readlink(path, target, sizeof target);
	return n < 0 || (n >= 7 && memcmp(target, "socket:", 7) == 0);
}

/* Whether a handler's SA_RESTART brings system call nr back as if nothing
 * happened (signal(7)); the calls that fail with EINTR whatever the flags
 * (poll, nanosleep, a futex wait with a timeout, a socket's read with a
 * timeout, ...) are not in it. */
static int restarts(long nr, const unsigned long a[6])
{
	switch (nr) {
	case SYS_read: case SYS_write: case SYS_readv: case SYS_writev:
		return !is_socket(a[0]);
	case SYS_pread64: case SYS_pwrite64: case SYS_wait4: case SYS_waitid: case SYS_flock: case SYS_fcntl:
	case SYS_openat:
		return 1;
	case SYS_futex:
		switch (a[1] & FUTEX_CMD_MASK) {
		case FUTEX_WAIT: case FUTEX_WAIT_BITSET:
			return a[3] == 0; /* no timeout */
		default:
			return 0;
		}
	default:
		return 0;
	}
}

/* Thread t's traced calls, read from here while it is held out of its
 * edits, and pc, the call it is blocked in (if not 0): into s, under the
 * frame that says the rest was not read. */
static void read_from_here(struct answer *s, uintptr_t pc)
{
	struct thread *t = s->t;
	int frozen = thread_freeze(t), n = 0;

	if (pc)
		s->pc[n++] = pc;
	if (frozen) {
		for (const struct frame *f = t->tr.sp - 1; t->tr.stack && f > t->tr.stack && n < DUMP_FRAMES - 1; f--) {
			const struct tnode *node = frame_node(f);
			if (node && node != &t->tr.lost_node)
				s->pc[n++] = node->fn;
		}
		thread_thaw(t);
	}
	s->pc[n++] = (uintptr_t)dmp.unread;
	s->n = n;
}

/* Room for n slots. */
static int slots_reserve(size_t n)
{
	struct answer *s;

	if (n <= dmp.cap)
		return 0;
	s = mmap(NULL, n * sizeof *s, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (s == MAP_FAILED)
		return -errno;
	__atomic_store_n(&dmp.slot, s, __ATOMIC_RELEASE);
	dmp.cap = n;
	return 0;
}

/* Whether thread t may be sent the dump's signal: it is blocked (at 0) in
 * a call that the signal does not cut short: one block.c wraps, which goes
 * on after cprof's signals; one the kernel restarts; or sched_yield, which
 * never waits (a busy MPI progress loop). */
static int may_signal(const struct thread *t, int at, long nr, const unsigned long a[6])
{
	return at == 0 && !t->sm.masked &&
	       (__atomic_load_n(&t->sm.blocking, __ATOMIC_ACQUIRE) || nr == SYS_sched_yield || restarts(nr, a));
}

static void send_signal(const struct thread *t)
{
	int signo = dmp.signal_of(t);
	siginfo_t si = {.si_signo = signo, .si_code = SI_QUEUE};

	si.si_pid = rt.pid;
	si.si_uid = getuid();
	si.si_value.sival_ptr = (void *)&dump_tag;
	syscall(SYS_rt_tgsigqueueinfo, rt.pid, t->tid, signo, &si);
}

/* Every live thread's stack, into the slots: those on the CPU wait for
 * their next sample, looked at again every LOOK_NS, and are signalled
 * once seen blocked where that is safe (a busy loop that yields the CPU
 * may run little in user mode, where samples come). */
#define LOOK_NS 2000000ull
static int take_all(void)
{
	enum { ASK_SAMPLE = 1, ASK_SIGNAL = 2 };
	unsigned char how[4096];
	uintptr_t pcs[4096];
	size_t n = 0;
	int ret, sampled = dmp.signal_of != NULL, answered[3] = {0, 0, 0}, late = 0;
	uint64_t until;

	for (struct thread *t = thread_list(); t; t = t->next)
		n += __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == THREAD_LIVE;
	if (n > sizeof how)
		n = sizeof how;
	if ((ret = slots_reserve(n)) < 0)
		return ret;
	__atomic_store_n(&dmp.n, 0, __ATOMIC_RELEASE);
	n = 0;
	for (struct thread *t = thread_list(); t && n < dmp.cap && n < sizeof how; t = t->next) {
		struct answer *s = &dmp.slot[n];
		unsigned long a[6];
		long nr = -1;
		int at;
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) != THREAD_LIVE)
			continue;
		s->t = t;
		s->n = 0;
		pcs[n] = 0;
		at = whereabouts(t->tid, &nr, a, &pcs[n]);
		how[n] = 0;
		if (sampled && !t->sm.masked && at == 1 && t->sm.has_timer)
			how[n] = ASK_SAMPLE;
		else if (sampled && may_signal(t, at, nr, a))
			how[n] = ASK_SIGNAL;
		s->state = how[n] ? SLOT_WAITING : SLOT_CLOSED;
		__atomic_add_fetch(&dump_asked, how[n] != 0, __ATOMIC_RELEASE);
		n++;
	}
	__atomic_store_n(&dmp.n, n, __ATOMIC_RELEASE);
	for (size_t i = 0; i < n; i++)
		if (how[i] == ASK_SIGNAL)
			send_signal(dmp.slot[i].t);
	until = clock_ns(CLOCK_MONOTONIC) + DUMP_WAIT_NS;
	while (__atomic_load_n(&dump_asked, __ATOMIC_ACQUIRE) > 0 && clock_ns(CLOCK_MONOTONIC) < until) {
		clock_sleep(LOOK_NS);
		for (size_t i = 0; i < n; i++) {
			struct answer *s = &dmp.slot[i];
			unsigned long a[6];
			long nr = -1;
			uintptr_t pc = 0;
			if (how[i] != ASK_SAMPLE || __atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_WAITING ||
			    !may_signal(s->t, whereabouts(s->t->tid, &nr, a, &pc), nr, a))
				continue;
			how[i] = ASK_SIGNAL;
			pcs[i] = pc;
			send_signal(s->t);
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct answer *s = &dmp.slot[i];
		int waiting = SLOT_WAITING;
		/* one being filled now is let finish: a few microseconds */
		while (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) == SLOT_FILLING)
			clock_sleep(10000);
		if (__atomic_compare_exchange_n(&s->state, &waiting, SLOT_CLOSED, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
			__atomic_sub_fetch(&dump_asked, 1, __ATOMIC_RELEASE);
			late++;
		}
		if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) == SLOT_CLOSED)
			read_from_here(s, pcs[i]);
		else
			answered[how[i]]++;
	}
	__atomic_store_n(&dump_asked, 0, __ATOMIC_RELEASE);
	log_debug("dump: %d threads gave a sample's stack, %d unwound on a signal, %zu were read from here (%d of "
		  "them late)", answered[ASK_SAMPLE], answered[ASK_SIGNAL], n - (size_t)answered[ASK_SAMPLE] -
		  (size_t)answered[ASK_SIGNAL], late);
	return 0;
}

/* The dump's threads: a THREAD record each, and its stack as one path of
 * STACKS, outermost first, the last node one sample.  (The writer's: may
 * run in no signal handler but the program's own threads go on.) */
static void write_threads(struct rawbuf *b)
{
	for (size_t i = 0; i < dmp.n; i++) {
		const struct answer *s = &dmp.slot[i];
		struct cprof_rec_nodes run = {.thread = s->t->index, .first = 0, .count = (uint32_t)s->n + 1};
		uint32_t size = (uint32_t)(sizeof run + run.count * sizeof(struct cprof_node));
		struct cprof_node node = {0};
		thread_write_record(b, s->t, 0);
		rawbuf_begin(b, CPROF_REC_STACKS, size);
		rawbuf_put(b, &run, sizeof run);
		rawbuf_put(b, &node, sizeof node); /* the root */
		for (int k = s->n - 1; k >= 0; k--) {
			node.func = s->pc[k];
			node.parent = (uint32_t)(s->n - 1 - k);
			node.calls = node.ticks = k == 0;
			rawbuf_put(b, &node, sizeof node);
		}
		rawbuf_end(b, size);
	}
}

/* The number of the request in the run's directory, if there is a new one
 * made since this process started; else 0. */
static uint64_t new_request(void)
{
	char path[PATH_MAX], text[32];
	struct stat st;
	uint64_t seq = 0;
	ssize_t len;
	int fd;

	fmt_format(path, sizeof path, "%s/%s", rt.dir, CPROF_DUMP_REQUEST);
	if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode))
		return 0;
	if (st.st_ino == dmp.seen.st_ino && st.st_mtim.tv_sec == dmp.seen.st_mtim.tv_sec &&
	    st.st_mtim.tv_nsec == dmp.seen.st_mtim.tv_nsec && st.st_size == dmp.seen.st_size)
		return 0;
	dmp.seen = st;
	/* (a request older than this process is not its to answer) */
	if ((uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec < rt.start_ns)
		return 0;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0)
		return 0;
	len = read(fd, text, sizeof text - 1);
	close(fd);
	for (ssize_t i = 0; i < len && text[i] >= '0' && text[i] <= '9' && seq < UINT64_MAX / 10; i++)
		seq = seq * 10 + (uint64_t)(text[i] - '0');
	return seq != dmp.answered ? seq : 0;
}

void dump_poll(void)
{
	char sub[64];
	uint64_t seq = new_request(), t0 = clock_ns(CLOCK_MONOTONIC);
	int ret;

	if (!seq)
		return;
	dmp.answered = seq;
	fmt_format(sub, sizeof sub, "%s%llu", CPROF_DUMP_PREFIX, (unsigned long long)seq);
	if ((ret = take_all()) < 0) {
		log_warn("cannot take the threads' stacks for cprof-dump: %s", strerrordesc_np(-ret));
		return;
	}
	ret = writer_write_dump(sub, (int)dmp.poll_ms, write_threads);
	if (ret < 0 && ret != -ENOENT)
		log_warn("cannot write the dump into %s/%s: %s", rt.dir, sub, strerrordesc_np(-ret));
	else if (ret == 0)
		log_debug("dump %llu written in %llu us", (unsigned long long)seq,
			  (unsigned long long)((clock_ns(CLOCK_MONOTONIC) - t0) / 1000));
}

/* From the runtime's startup: the poll's period in ms, 0 for no dumps. */
long dump_init(void)
{
	const char *v = setting(CPROF_ENV_DUMP_POLL);
	char *end;
	long ms;

	errno = 0;
	ms = strtol(v, &end, 10);
	if (*end || errno || ms < 0 || ms > CPROF_DUMP_POLL_MAX) {
		log_warn("CPROF_DUMP_POLL takes milliseconds, 0 to %d, not '%s': no dumps", CPROF_DUMP_POLL_MAX, v);
		return 0;
	}
	if (ms == 0)
		return 0;
	dmp.poll_ms = ms;
	dmp.unread = named_add("~", 0, "<not interrupted: its traced calls, and where it waits>", 1);
	new_request(); /* (one made before this process started is not its) */
	return ms;
}

/* In the child after fork: the parent's request was the parent's. */
void dump_fork_child(void)
{
	dmp.n = 0;
	__atomic_store_n(&dump_asked, 0, __ATOMIC_RELAXED);
}
