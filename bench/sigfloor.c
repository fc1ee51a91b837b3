/* sigfloor: the platform's cost of a sampling signal, for bench/sample.sh.
 * Runs computepi's work loop with no sampling, or with a perf task-clock
 * event (user mode, as cprof uses it) signalling this thread HZ times per
 * second of CPU to an empty handler.  With a third argument "kernel", also
 * the second event cprof opens on each thread where the kernel can sample
 * its time (preload/sample.c's kernel_open): task-clock in the kernel, a
 * little longer period, its SIGTRAP sent as the thread returns to user
 * mode, to another empty handler.  Its timer interrupts the thread at every
 * one of its periods, wherever the thread is.  Prints the signals received
 * (both kinds).
 *
 *   sigfloor HZ ITERATIONS [kernel] */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile long signals;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	signals++;
}

/* A task-clock event of this thread, user mode (kernel 0) or kernel (1),
 * enabled: -1 and a message if it cannot be. */
static int event_open(unsigned period, int kernel)
{
	struct perf_event_attr a;
	struct f_owner_ex owner = {F_OWNER_TID, (int)syscall(SYS_gettid)};
	int fd;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.sample_period = period;
	a.disabled = 1;
	a.exclude_hv = 1;
	if (kernel) {
		a.sample_period += period / 97 + 1;
		a.exclude_user = 1;
		a.sigtrap = 1;
		a.remove_on_exec = 1;
	} else {
		a.exclude_kernel = 1;
	}
	fd = (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	if (fd < 0 || (!kernel && (fcntl(fd, F_SETFL, O_ASYNC | O_NONBLOCK) < 0 || fcntl(fd, F_SETSIG, SIGPROF) < 0 ||
				   fcntl(fd, F_SETOWN_EX, &owner) < 0)) ||
	    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0) {
		perror(kernel ? "sigfloor: perf_event_open (kernel)" : "sigfloor: perf_event_open");
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	int hz = argc > 1 ? atoi(argv[1]) : 0;
	long n = argc > 2 ? atol(argv[2]) : 1000000000;
	int kernel = argc > 3 && strcmp(argv[3], "kernel") == 0;
	volatile double sink;
	double x = 1;

	if (hz > 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_signal;
		sa.sa_flags = SA_SIGINFO | SA_RESTART;
		sigaction(SIGPROF, &sa, NULL);
		sigaction(SIGTRAP, &sa, NULL);
		if (event_open(1000000000u / (unsigned)hz, 0) < 0 || (kernel && event_open(1000000000u / (unsigned)hz, 1) < 0))
			return 1;
	}
	for (long i = 0; i < n; i++)
		x = x * 1.0000001 + 1e-9;
	sink = x;
	printf("%ld\n", signals);
	return 0;
}
