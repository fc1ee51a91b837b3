/* freeze.c: holding a process still to copy its threads' stacks (freeze.h).
 *
 * PTRACE_SEIZE then PTRACE_INTERRUPT stops a thread in a ptrace stop of its
 * own: no SIGSTOP is sent, so neither the program nor its parent's waitpid
 * sees one, and a system call the thread was blocked in is restarted when
 * it goes on (the kernel's rule for any stop; the few calls it never
 * restarts, epoll_wait and semop among them, return EINTR after any stop,
 * a debugger's too: docs/DUMP.md).  A signal that arrives while the thread
 * is being stopped is reported to us instead of delivered; it is handed back
 * at PTRACE_DETACH, so none is lost.  Threads started while the others were
 * being stopped are found by reading the task list again until it holds no
 * new one. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <elf.h>

#include "freeze.h"
#include "proc.h"

#define STOP_WAIT_MS 1000 /* a thread that has not stopped by then is left out */

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int tried_before(const pid_t *tried, size_t n, pid_t tid)
{
	for (size_t i = 0; i < n; i++)
		if (tried[i] == tid)
			return 1;
	return 0;
}

void freeze_explain(pid_t pid, char *err, size_t errsize)
{
	long tracer = proc_status(pid, "TracerPid:"), uid = proc_status(pid, "Uid:"), scope = -1;
	FILE *fp = fopen("/proc/sys/kernel/yama/ptrace_scope", "r");

	if (fp) {
		if (fscanf(fp, "%ld", &scope) != 1)
			scope = -1;
		fclose(fp);
	}
	if (tracer > 0)
		snprintf(err, errsize, "process %d is being traced by process %ld (a debugger?): detach it first", (int)pid,
			 tracer);
	else if (uid >= 0 && (uid_t)uid != geteuid() && geteuid() != 0)
		snprintf(err, errsize, "process %d belongs to user %ld, and you are user %ld: run this as that user, or "
			 "as root", (int)pid, uid, (long)geteuid());
	else if (scope == 3)
		snprintf(err, errsize, "this kernel forbids ptrace until the next boot "
			 "(/proc/sys/kernel/yama/ptrace_scope is 3)");
	else if (scope == 2 || (scope == 1 && geteuid() != 0))
		snprintf(err, errsize, "Yama's ptrace_scope is %ld: %s may attach to process %d; as root: "
			 "sysctl kernel.yama.ptrace_scope=0, or run this as root", scope,
			 scope == 1 ? "only its parent or a process with CAP_SYS_PTRACE" : "only a process with CAP_SYS_PTRACE",
			 (int)pid);
	else
		snprintf(err, errsize, "not permitted to attach to process %d (set-user-ID, or no CAP_SYS_PTRACE in this "
			 "container): run this as root on the host", (int)pid);
}

static void on_alarm(int sig)
{
	(void)sig; /* only to interrupt a waitpid */
}

/* Waits for tid's stop after PTRACE_INTERRUPT, at most STOP_WAIT_MS: 0
 * stopped, -1 gone or not stopping (a thread in an uninterruptible sleep). */
static int wait_stop(struct frozen_thread *t)
{
	struct sigaction sa, old;
	struct itimerval limit = {.it_value = {STOP_WAIT_MS / 1000, STOP_WAIT_MS % 1000 * 1000}}, none = {0};
	pid_t r;
	int st;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm; /* no SA_RESTART: the alarm ends the wait */
	sigaction(SIGALRM, &sa, &old);
	setitimer(ITIMER_REAL, &limit, NULL);
	r = waitpid(t->tid, &st, __WALL);
	setitimer(ITIMER_REAL, &none, NULL);
	sigaction(SIGALRM, &old, NULL);
	if (r != t->tid || !WIFSTOPPED(st))
		return -1; /* it ended, or did not stop in time */
	/* an interrupt stop, or a stop in the group's stop: no signal of the
	 * program's; else the signal that came */
	if ((st >> 16) != PTRACE_EVENT_STOP)
		t->signal = WSTOPSIG(st);
	return 0;
}

uint64_t regs_sp(const struct user_regs_struct *r)
{
#if defined(__x86_64__)
	return r->rsp;
#elif defined(__aarch64__)
	return r->sp;
#else
#error "cprof-dump knows the registers of x86-64 and AArch64"
#endif
}

static void copy_stack(pid_t pid, struct frozen_thread *t)
{
	uint64_t sp = regs_sp(&t->regs), lo = sp > 128 ? sp - 128 : 0, hi = proc_mapping_end(pid, sp);
	struct iovec local, remote;
	ssize_t got;

	if (!hi)
		return;
	if (hi - lo > FREEZE_STACK_BYTES)
		hi = lo + FREEZE_STACK_BYTES;
	t->stack = malloc(hi - lo);
	if (!t->stack)
		return;
	local.iov_base = t->stack;
	local.iov_len = hi - lo;
	remote.iov_base = (void *)(uintptr_t)lo;
	remote.iov_len = hi - lo;
	got = process_vm_readv(pid, &local, 1, &remote, 1, 0);
	t->stack_at = lo;
	t->stack_len = got > 0 ? (size_t)got : 0;
}

/* Seizes and stops tid, then copies its registers and stack: 0, or -1 with
 * errno from the seize. */
static int stop_thread(struct frozen *f, pid_t tid)
{
	struct frozen_thread *t, *grown;
	struct iovec regs;

	if (ptrace(PTRACE_SEIZE, tid, NULL, NULL) < 0)
		return errno == ESRCH ? 0 : -1; /* ESRCH: it has just ended */
	if (!f->stop_ns)
		f->stop_ns = now_ns();
	grown = realloc(f->thread, (f->nthread + 1) * sizeof *f->thread);
	if (!grown) {
		ptrace(PTRACE_DETACH, tid, NULL, NULL);
		errno = ENOMEM;
		return -1;
	}
	f->thread = grown;
	t = &f->thread[f->nthread];
	memset(t, 0, sizeof *t);
	t->tid = tid;
	if (ptrace(PTRACE_INTERRUPT, tid, NULL, NULL) < 0 || wait_stop(t) < 0) {
		ptrace(PTRACE_DETACH, tid, NULL, (void *)(uintptr_t)t->signal);
		return 0; /* gone, or will not stop: left out */
	}
	regs.iov_base = &t->regs;
	regs.iov_len = sizeof t->regs;
	if (ptrace(PTRACE_GETREGSET, tid, (void *)(uintptr_t)NT_PRSTATUS, &regs) < 0) {
		ptrace(PTRACE_DETACH, tid, NULL, (void *)(uintptr_t)t->signal);
		return 0;
	}
	proc_thread_name(f->pid, tid, t->comm, sizeof t->comm);
	f->nthread++;
	copy_stack(f->pid, t);
	return 0;
}

int freeze(pid_t pid, struct frozen *f, char *err, size_t errsize)
{
	char path[64];
	pid_t *tried = NULL; /* every thread met, stopped or not */
	size_t ntried = 0;
	int found;

	memset(f, 0, sizeof *f);
	f->pid = pid;
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	do {
		DIR *d = opendir(path);
		struct dirent *e;
		found = 0;
		if (!d) {
			snprintf(err, errsize, "no process %d", (int)pid);
			free(tried);
			thaw(f);
			return -1;
		}
		while ((e = readdir(d))) {
			pid_t tid = (pid_t)atoi(e->d_name), *grown;
			if (tid <= 0 || tried_before(tried, ntried, tid))
				continue;
			if ((grown = realloc(tried, (ntried + 1) * sizeof *tried)))
				(tried = grown)[ntried++] = tid;
			if (!grown || stop_thread(f, tid) < 0) {
				int e2 = grown ? errno : ENOMEM;
				closedir(d);
				if (e2 == EPERM)
					freeze_explain(pid, err, errsize);
				else
					snprintf(err, errsize, "cannot attach to process %d: %s", (int)pid, strerror(e2));
				free(tried);
				thaw(f);
				return -1;
			}
			found = 1;
		}
		closedir(d);
	} while (found);
	free(tried);
	if (!f->nthread) {
		snprintf(err, errsize, "process %d has no thread that could be stopped", (int)pid);
		return -1;
	}
	return 0;
}

int frozen_read(const struct frozen *f, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len }, remote = { (void *)(uintptr_t)addr, len };

	return process_vm_readv(f->pid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}

void thaw(struct frozen *f)
{
	for (size_t i = 0; i < f->nthread; i++)
		ptrace(PTRACE_DETACH, f->thread[i].tid, NULL, (void *)(uintptr_t)f->thread[i].signal);
	if (f->stop_ns)
		f->paused_ns = now_ns() - f->stop_ns;
}

void frozen_free(struct frozen *f)
{
	for (size_t i = 0; i < f->nthread; i++)
		free(f->thread[i].stack);
	free(f->thread);
	f->thread = NULL;
	f->nthread = 0;
}
