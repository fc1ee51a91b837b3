/* dumpee: a program that cprof-dump stops again and again, and that checks
 * it goes on as before.  It reads commands on its standard input, one a
 * line, and answers each on standard output:
 *   s  sleeps 200 ms in nanosleep, and fails if it is cut short
 *   c  prints how many SIGUSR1 it has had
 *   d  recurses 2000 calls deep (deep), says "bottom", sleeps 1 s there
 * A read or a sleep that fails with EINTR ends it with status 1: nothing
 * that only stops it (as ptrace does) may cause one.  SIGUSR1's handler is
 * SA_RESTART: the signal interrupts no read. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t usr1;

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void nap(long ms)
{
	struct timespec req = { ms / 1000, ms % 1000 * 1000000 }, rem;
	double t0 = now();

	if (nanosleep(&req, &rem) < 0) {
		printf("nanosleep: %s\n", strerror(errno));
		exit(1);
	}
	if (now() - t0 < (double)ms / 1e3 - 0.001) {
		printf("nanosleep: slept %.3f s of %.3f\n", now() - t0, (double)ms / 1e3);
		exit(1);
	}
}

__attribute__((noinline)) static int deep(int n)
{
	volatile int here = n; /* read after the call: no loop made of it */

	if (n == 0) {
		puts("bottom");
		nap(1000);
		return 0;
	}
	return deep(n - 1) + here;
}

int main(void)
{
	struct sigaction sa;
	char c;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	puts("ready");
	for (;;) {
		ssize_t r = read(0, &c, 1);
		if (r < 0) {
			printf("read: %s\n", strerror(errno));
			return 1;
		}
		if (r == 0)
			return 0;
		if (c == 's')
			nap(200);
		else if (c == 'd')
			deep(2000);
		else if (c == 'c')
			printf("%d\n", (int)usr1);
		else
			continue;
		printf("done %c\n", c);
	}
}
