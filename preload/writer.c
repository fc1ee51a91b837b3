/* writer.c: writes the process's raw profile (docs/FORMAT.md).
 *
 * It runs at exit, before exec, and in signal handlers of dying processes,
 * possibly while other threads trace on: only system calls and memory
 * owned here, no malloc, no stdio, no locks.  One writer at a time; the file
 * is written under a .partial name and renamed when complete (publish.c
 * names it; modules.c writes the MODULE records).
 *
 * With --snapshot, the runtime's thread (service.c) writes the profile so
 * far every few seconds, under the name the final one will have: each
 * write after the first goes to a .next file, renamed over the last, so a
 * reader finds one whole file per process image, the last snapshot or the
 * final profile, and never the half of one.
 */
#include "config.h"

#include <stddef.h> /* offsetof */
#include <stdio.h> /* renameat */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "clock.h"
#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "proc.h"
#include "publish.h"
#include "rawbuf.h"
#include "runtime-int.h"
#include "thread.h"


/* Static so the signal path needs no allocation; one writer at a time. */
static char buf_space[1 << 16];

static int writer_tid;  /* tid of the thread writing, 0 if none */
static int snapshot_failed; /* a snapshot could not be written: said once */
static int retiring;    /* threads handing over their trees (trace.c) */
static __thread int retiring_here __attribute__((tls_model("initial-exec")));
static int written;     /* this image's profile is on disk */
static char final_name[PATH_MAX]; /* chosen by this image's first write */

static void write_process(struct rawbuf *b, int reason, int value, uint64_t lost)
{
	struct cprof_rec_process p = {0};
	static char cmdline[8192];
	static char exe[PATH_MAX];
	int cmdlen = (int)proc_read("/proc/self/cmdline", cmdline, sizeof cmdline - 1);
	ssize_t exelen = readlink("/proc/self/exe", exe, sizeof exe - 1);
	uint32_t size;

	if (cmdlen < 0)
		cmdlen = 0;
	if (cmdlen > 0 && cmdline[cmdlen - 1] != '\0')
		cmdline[cmdlen++] = '\0'; /* cut at the buffer's end */
	if (exelen < 0)
		exelen = 0;
	exe[exelen] = '\0';
	for (int i = 0; i < cmdlen; i++)
		p.argc += cmdline[i] == '\0';

	p.pid = rt.pid;
	p.ppid = rt.ppid;
	p.rank = rt.rank;
	p.size = rt.size;
	p.end_reason = (uint32_t)reason;
	p.end_value = value;
	p.clock = clock_tsc ? CPROF_CLOCK_TSC : CPROF_CLOCK_MONOTONIC;
	p.start_ns = rt.start_ns;
	p.end_ns = clock_ns(CLOCK_REALTIME);
	p.ticks0 = rt.ticks0;
	p.mono_ns0 = rt.mono_ns0;
	p.ticks1 = clock_ticks();
	p.mono_ns1 = clock_ns(CLOCK_MONOTONIC);
	p.events_lost = lost;

	size = (uint32_t)(sizeof p + strlen(rt.host) + 1 + strlen(rt.jobid) + 1 + (size_t)exelen + 1 + (size_t)cmdlen);
	rawbuf_begin(b, CPROF_REC_PROCESS, size);
	rawbuf_put(b, &p, sizeof p);
	rawbuf_put(b, rt.host, (uint32_t)strlen(rt.host) + 1);
	rawbuf_put(b, rt.jobid, (uint32_t)strlen(rt.jobid) + 1);
	rawbuf_put(b, exe, (uint32_t)exelen + 1);
	rawbuf_put(b, cmdline, (uint32_t)cmdlen);
	rawbuf_end(b, size);
}

/* The records, from the header to END, into b; b->error says how it went.
 * The threads' records are put_threads' if not NULL (a dump's), else their
 * trees. */
static void write_records(struct rawbuf *b, int reason, int value, void (*put_threads)(struct rawbuf *b))
{
	struct cprof_file_header h = {.version = CPROF_FORMAT_VERSION, .byte_order = CPROF_BYTE_ORDER_MARK};
	uint64_t now = clock_ticks(), lost = 0;

	memcpy(h.magic, CPROF_MAGIC, sizeof h.magic);
	rawbuf_put(b, &h, sizeof h);
	write_process(b, reason, value, 0);
	modules_write(b);
	components_call(write, b);
	if (put_threads)
		put_threads(b);
	else
		thread_write_all(b, now, &lost);
	struct cprof_rec_end end = {.records = b->records};
	rawbuf_begin(b, CPROF_REC_END, sizeof end);
	rawbuf_put(b, &end, sizeof end);
	rawbuf_end(b, sizeof end);
	rawbuf_flush(b);
	if (!b->error && lost) {
		/* patch events_lost in place: it is known only now */
		off_t at = (off_t)(sizeof h + sizeof(struct cprof_record) + offsetof(struct cprof_rec_process, events_lost));
		if (pwrite(b->fd, &lost, sizeof lost, at) != sizeof lost)
			b->error = errno ? errno : EIO;
	}
}

/* Says that the profile could not be written: a snapshot's failure once
 * (the next may do better, and the final write says its own). */
static int say_failure(int reason)
{
	return reason != CPROF_END_SNAPSHOT || !__atomic_exchange_n(&snapshot_failed, 1, __ATOMIC_RELAXED);
}

/* One write: the profile's end reason and value, and where it goes. */
struct job {
	int reason, value;
	int fd;          /* into this file of the caller's (write_into), or -1 */
	const char *sub; /* a dump: into this directory of the run's (write_dump) */
	void (*put_threads)(struct rawbuf *b); /* a dump's threads */
};

/* Writes the profile into the run's directory, opened for this write
 * without following a link put in its place. */
static int write_file(const struct job *j)
{
	static char base[PATH_MAX], tmp[PATH_MAX]; /* in the directory */
	struct rawbuf b = {.buf = buf_space, .cap = sizeof buf_space, .fd = -1};
	int reason = j->reason, ret, dirfd, say = say_failure(reason);

	publish_base(base, sizeof base);
	dirfd = open(rt.dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dirfd < 0) {
		ret = -errno;
		if (say)
			log_warn("cannot write the profile into %s: %s", rt.dir, strerrordesc_np(-ret));
		goto out;
	}
	b.fd = publish_open_partial(dirfd, base, final_name[0] ? CPROF_NEXT_SUFFIX : CPROF_PARTIAL_SUFFIX, tmp,
				   sizeof tmp);
	if (b.fd < 0) {
		ret = b.fd;
		if (say)
			log_warn("cannot write the profile %s/%s: %s", rt.dir, tmp, strerrordesc_np(-ret));
		goto out;
	}
	write_records(&b, reason, j->value, NULL);
	if (close(b.fd) < 0 && !b.error)
		b.error = errno;
	if (b.error) {
		ret = -b.error;
		if (say)
			log_warn("cannot write the profile %s/%s: %s", rt.dir, tmp, strerrordesc_np(b.error));
		/* nothing in it worth reading; or a .next, never read */
		if (!b.written || final_name[0])
			unlinkat(dirfd, tmp, 0);
		goto out;
	}
	ret = publish_name(dirfd, tmp, base, CPROF_SUFFIX, final_name, sizeof final_name);
	if (ret < 0 && reason == CPROF_END_SNAPSHOT)
		unlinkat(dirfd, tmp, 0); /* (a whole .partial would be read as the process's) */
	if (ret < 0 && say)
		log_warn("cannot rename the profile %s/%s: %s", rt.dir, tmp, strerrordesc_np(-ret));
	else if (ret == 0 && reason == CPROF_END_SNAPSHOT)
		log_debug("snapshot written to %s/%s", rt.dir, final_name);
	else if (ret == 0)
		log_info("profile written to %s/%s", rt.dir, final_name);
out:
	/* (a snapshot's failure is no word on the profile: the final write's is) */
	if (ret < 0 && reason != CPROF_END_SNAPSHOT)
		publish_failure(dirfd, base, -ret);
	if (dirfd >= 0)
		close(dirfd);
	return ret;
}

/* Writes a dump into the directory j->sub of the run's, made by
 * cprof-dump (-ENOENT if it is gone: a request of long ago), under the
 * name the profile has. */
static int write_dump(const struct job *j)
{
	static char base[PATH_MAX], tmp[PATH_MAX], name[PATH_MAX];
	struct rawbuf b = {.buf = buf_space, .cap = sizeof buf_space, .fd = -1};
	int ret, dirfd, subfd;

	publish_base(base, sizeof base);
	if ((dirfd = open(rt.dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return -errno;
	subfd = openat(dirfd, j->sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	ret = subfd < 0 ? -errno : 0;
	close(dirfd);
	if (ret < 0)
		return ret;
	if ((b.fd = publish_open_partial(subfd, base, CPROF_PARTIAL_SUFFIX, tmp, sizeof tmp)) < 0) {
		close(subfd);
		return b.fd;
	}
	write_records(&b, CPROF_END_DUMP, j->value, j->put_threads);
	if (close(b.fd) < 0 && !b.error)
		b.error = errno;
	name[0] = '\0';
	ret = b.error ? -b.error : publish_name(subfd, tmp, base, CPROF_SUFFIX, name, sizeof name);
	if (ret < 0)
		unlinkat(subfd, tmp, 0);
	close(subfd);
	return ret;
}

/* The profile into fd, a file of the caller's (MPI_Finalize's, for a node
 * file); 0 or -errno. */
static int write_into(const struct job *j)
{
	struct rawbuf b = {.buf = buf_space, .cap = sizeof buf_space, .fd = j->fd};

	write_records(&b, j->reason, j->value, NULL);
	return -b.error;
}

/* Runs the job (write_file, write_into or write_dump) with SIGPIPE,
 * SIGXFSZ and the sampler's signals blocked, and takes back the first two
 * when its own writes raise them (a log line to a closed pipe, a file over
 * RLIMIT_FSIZE): they are not the program's to die of.  Those that were
 * pending before stay pending. */
static int write_file_quietly(const struct job *j)
{
	sigset_t block, old, before, after;
	struct timespec zero = {0, 0};
	struct rlimit nofile;
	int ret, roomy;

	sigemptyset(&block);
	sigaddset(&block, SIGPIPE);
	sigaddset(&block, SIGXFSZ);
	components_call(signals, &block); /* no samples of the writer */
	sigmask_own(SIG_BLOCK, &block, &old);
	sigpending(&before);
	/* (not for a snapshot or a dump: the program runs on, under its own limit) */
	roomy = j->reason != CPROF_END_SNAPSHOT && j->reason != CPROF_END_DUMP && fds_room_begin(&nofile);
	ret = j->sub ? write_dump(j) : j->fd >= 0 ? write_into(j) : write_file(j);
	if (roomy)
		fds_room_end(&nofile);
	sigpending(&after);
	for (int sig = SIGPIPE; sig; sig = sig == SIGPIPE ? SIGXFSZ : 0)
		if (sigismember(&after, sig) && !sigismember(&before, sig)) {
			sigset_t one;
			sigemptyset(&one);
			sigaddset(&one, sig);
			syscall(SYS_rt_sigtimedwait, &one, NULL, &zero, _NSIG / 8);
		}
	sigmask_own(SIG_SETMASK, &old, NULL);
	return ret;
}

/* Makes this thread the one writer.  A second caller waits for a writer in
 * another thread (a signal must not kill the process half-way through an
 * exit's write), and gives up (-EBUSY) at once if it interrupted its own
 * thread's write; a snapshot does not wait. */
static int writer_lock(int reason)
{
	int self = (int)syscall(SYS_gettid), expected = 0;

	while (!__atomic_compare_exchange_n(&writer_tid, &expected, self, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
		if (expected == self || reason == CPROF_END_SNAPSHOT || reason == CPROF_END_DUMP)
			return -EBUSY;
		for (int i = 0; i < 5000 && __atomic_load_n(&writer_tid, __ATOMIC_ACQUIRE); i++)
			clock_sleep(1000000);
		if (__atomic_load_n(&writer_tid, __ATOMIC_ACQUIRE))
			return -EBUSY;
		expected = 0;
	}
	/* let exiting threads finish handing over their trees (bounded: a
	 * thread stopped in the middle of it must not stop the write) */
	for (int i = 0; i < 2000 && __atomic_load_n(&retiring, __ATOMIC_SEQ_CST) > retiring_here; i++)
		clock_sleep(1000000);
	return 0;
}

/* Writes the profile (into the run's directory, or into fd if fd >= 0),
 * with every signal that would end the process held back meanwhile: a
 * pool's SIGTERM to a worker already exiting would find the write busy
 * and kill it half done. */
static int write_blocked(const struct job *j)
{
	sigset_t all, old;
	int ret;

	sigmask_fill_but_faults(&all);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &all, &old, _NSIG / 8);
	ret = write_file_quietly(j);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, _NSIG / 8);
	return ret;
}

/* Writes the profile once per process image, and before that, as often as
 * asked, its snapshots (reason CPROF_END_SNAPSHOT), which the final write
 * replaces; a snapshot is not written after the final profile. */
int writer_write_profile(int reason, int value)
{
	const struct job j = {.reason = reason, .value = value, .fd = -1};
	int ret = writer_lock(reason);

	if (ret < 0)
		return ret;
	if (written) {
		ret = 0;
	} else if (reason == CPROF_END_SNAPSHOT) {
		ret = write_file_quietly(&j);
	} else {
		ret = write_blocked(&j);
		written = ret == 0;
	}
	__atomic_store_n(&writer_tid, 0, __ATOMIC_RELEASE);
	return ret;
}

int writer_write_dump(const char *sub, int value, void (*put_threads)(struct rawbuf *b))
{
	const struct job j = {.reason = CPROF_END_DUMP, .value = value, .fd = -1, .sub = sub, .put_threads = put_threads};
	int ret = writer_lock(CPROF_END_DUMP);

	if (ret < 0)
		return ret;
	ret = written ? -EALREADY : write_file_quietly(&j);
	__atomic_store_n(&writer_tid, 0, __ATOMIC_RELEASE);
	return ret;
}

int writer_write_into(int fd)
{
	const struct job j = {.reason = CPROF_END_FINALIZE, .fd = fd};
	int ret = writer_lock(CPROF_END_FINALIZE);

	if (ret < 0)
		return ret;
	ret = written ? -EALREADY : write_blocked(&j);
	__atomic_store_n(&writer_tid, 0, __ATOMIC_RELEASE);
	return ret;
}

/* The profile is in a node file: no snapshot or profile of this image
 * follows, and its last snapshot, which the node file's profile is newer
 * than, goes (the analysis would read it in its place). */
void writer_taken(void)
{
	written = 1;
	if (final_name[0]) {
		int dirfd = open(rt.dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (dirfd >= 0) {
			unlinkat(dirfd, final_name, 0);
			close(dirfd);
		}
	}
}

/* An exiting thread hands its tree to the exited threads' tree between
 * these two calls, which keep it from happening during a write: the writer
 * would see the thread twice (live, then merged) or not at all. */
void writer_retire_begin(void)
{
	for (;;) {
		__atomic_add_fetch(&retiring, 1, __ATOMIC_SEQ_CST);
		if (!__atomic_load_n(&writer_tid, __ATOMIC_SEQ_CST))
			break;
		__atomic_sub_fetch(&retiring, 1, __ATOMIC_SEQ_CST);
		while (__atomic_load_n(&writer_tid, __ATOMIC_ACQUIRE))
			clock_sleep(1000000);
	}
	retiring_here = 1;
}

void writer_retire_end(void)
{
	retiring_here = 0;
	__atomic_sub_fetch(&retiring, 1, __ATOMIC_SEQ_CST);
}

/* After an exec that failed: the next exit writes again, under the same name. */
static void writer_allow_rewrite(void)
{
	written = 0;
}

/* In a child after fork: a new process, with a name of its own to find. */
static void writer_forget_name(void)
{
	final_name[0] = '\0';
	written = 0;
	snapshot_failed = 0;
	writer_tid = 0;
	retiring = 0;
}

const struct component writer_component = {
	.fork_child = writer_forget_name,
	.exec_failed = writer_allow_rewrite,
};
