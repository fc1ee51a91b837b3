/* sigfloor.so: the platform's cost of cprof's sampling signals, for
 * bench/sample.sh.  Preloaded into a program, it has the program's thread
 * signalled SIGFLOOR_HZ times per second of its CPU time by a perf
 * task-clock event to an empty handler, the way preload/sample.c sets up
 * its own, so that what the program loses is what the machine charges for
 * the signals alone, whoever takes them: the handler installed with
 * SA_SIGINFO | SA_RESTART, every signal but the faults blocked while it
 * runs, on the thread's stack; the event's ring mapped, where the kernel
 * writes the count at each overflow.  SIGFLOOR_EVENT says which event:
 *
 *   user  (the default) user mode only, its SIGPROF sent at the overflow
 *         (O_ASYNC): cprof's before Linux 6.11;
 *   trap  user mode and the kernel, its own SIGTRAP sent as the thread
 *         returns to user mode: cprof's since;
 *   two   user's, and a second event for the kernel's time, a little
 *         longer period, its SIGTRAP as trap's: cprof's before it had one
 *         event per thread.
 *
 * At exit it prints "sigfloor: N signals" to stderr.
 *
 *   SIGFLOOR_HZ=1000 SIGFLOOR_EVENT=trap LD_PRELOAD=bench/sigfloor.so PROGRAM... */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile long signals;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si, (void)uc;
	signals++;
}

/* A task-clock event of this thread, enabled, its ring mapped: user mode
 * only, signalling with SIGPROF (how 'u'); user mode and the kernel
 * ('t'); the kernel only ('k'), a little longer period.  The last two
 * send SIGTRAP as the thread returns to user mode. */
static int event_open(unsigned period, char how)
{
	struct perf_event_attr a;
	struct f_owner_ex owner = {F_OWNER_TID, (int)syscall(SYS_gettid)};
	int fd;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.sample_period = period + (how == 'k' ? period / 97 + 1 : 0);
	a.sample_type = PERF_SAMPLE_READ;
	a.disabled = 1;
	a.exclude_hv = 1;
	a.exclude_kernel = how == 'u';
	a.exclude_user = how == 'k';
	a.sigtrap = how != 'u';
	a.remove_on_exec = how != 'u';
	fd = (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd < 0 || (how == 'u' && (fcntl(fd, F_SETFL, O_ASYNC | O_NONBLOCK) < 0 || fcntl(fd, F_SETSIG, SIGPROF) < 0 ||
				      fcntl(fd, F_SETOWN_EX, &owner) < 0)) ||
	    mmap(NULL, 2 * (size_t)sysconf(_SC_PAGESIZE), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED ||
	    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0) {
		perror("sigfloor: perf_event_open");
		return -1;
	}
	return fd;
}

__attribute__((constructor)) static void sigfloor_start(void)
{
	const char *hz = getenv("SIGFLOOR_HZ"), *event = getenv("SIGFLOOR_EVENT");
	unsigned period = hz && atoi(hz) > 0 ? 1000000000u / (unsigned)atoi(hz) : 0;
	struct sigaction sa;

	if (!period)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigfillset(&sa.sa_mask);
	sigdelset(&sa.sa_mask, SIGSEGV);
	sigdelset(&sa.sa_mask, SIGBUS);
	sigdelset(&sa.sa_mask, SIGILL);
	sigdelset(&sa.sa_mask, SIGFPE);
	sigdelset(&sa.sa_mask, SIGSYS);
	sigaction(SIGPROF, &sa, NULL);
	sigaction(SIGTRAP, &sa, NULL);
	if (event && strcmp(event, "trap") == 0)
		event_open(period, 't');
	else if (event_open(period, 'u') >= 0 && event && strcmp(event, "two") == 0)
		event_open(period, 'k');
}

__attribute__((destructor)) static void sigfloor_end(void)
{
	fprintf(stderr, "sigfloor: %ld signals\n", signals);
}
