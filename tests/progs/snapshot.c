/* snapshot: programs for tests/snapshot.sh (--snapshot), built with
 * -finstrument-functions.
 *
 *   snapshot loop RATE      calls tick() RATE times a second, for ever,
 *                           and prints "SECONDS CALLS" after each second's
 *   snapshot fork RATE      the same in a child it forks, and waits for
 *   snapshot busy N         two threads, each calling leaf() N times as
 *                           fast as it can, then exits: exact counts
 *   snapshot syscalls SECS  a read() on a pipe its other thread writes to
 *                           after SECS seconds, then a nanosleep() of SECS
 *                           seconds: says how each ended ("read 1 ok",
 *                           "nanosleep ok"), and fails on EINTR or a short sleep
 *   snapshot pexit SECS     main calls pthread_exit; its thread returns after
 *                           SECS seconds: the process must end then
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile unsigned long sink;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void __attribute__((noinline)) tick(void)
{
	sink++;
}

static void __attribute__((noinline)) leaf(void)
{
	sink += 2;
}

static void __attribute__((noreturn)) loop(long rate)
{
	double t0 = now();
	unsigned long calls = 0;

	printf("pid %d\n", (int)getpid());
	fflush(stdout);
	for (long second = 1;; second++) {
		/* a hundredth of the second's calls, then a sleep to its end */
		for (int part = 1; part <= 100; part++) {
			double until = t0 + (double)(second - 1) + part / 100.0, left;
			struct timespec ts;
			for (long i = 0; i < rate / 100; i++)
				tick();
			calls += (unsigned long)(rate / 100);
			left = until - now();
			if (left > 0) {
				ts.tv_sec = (time_t)left;
				ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
				nanosleep(&ts, NULL);
			}
		}
		printf("%.3f %lu\n", now() - t0, calls);
		fflush(stdout);
	}
}

static void *spin(void *arg)
{
	long n = *(long *)arg;

	for (long i = 0; i < n; i++)
		leaf();
	return NULL;
}

static int busy(long n)
{
	pthread_t th;

	pthread_create(&th, NULL, spin, &n);
	spin(&n);
	pthread_join(th, NULL);
	return 0;
}

static int pipe_fds[2];
static long secs;

static void *writer(void *arg)
{
	(void)arg;
	sleep((unsigned)secs);
	if (write(pipe_fds[1], "x", 1) != 1)
		perror("write");
	return NULL;
}

static int syscalls(void)
{
	struct timespec want = {secs, 0}, left = {0, 0};
	pthread_t th;
	char c;
	ssize_t n;
	double t0;
	int bad = 0;

	if (pipe(pipe_fds) < 0)
		return 1;
	pthread_create(&th, NULL, writer, NULL);
	n = read(pipe_fds[0], &c, 1);
	printf("read %zd %s\n", n, n == 1 ? "ok" : strerror(errno));
	bad |= n != 1;
	pthread_join(th, NULL);
	t0 = now();
	if (nanosleep(&want, &left) < 0) {
		printf("nanosleep %s, %ld.%09ld s left\n", strerror(errno), (long)left.tv_sec, left.tv_nsec);
		bad = 1;
	} else if (now() - t0 < (double)secs) {
		printf("nanosleep short: %.3f s\n", now() - t0);
		bad = 1;
	} else {
		printf("nanosleep ok\n");
	}
	return bad;
}

static void *late(void *arg)
{
	(void)arg;
	sleep((unsigned)secs);
	tick();
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	if (strcmp(argv[1], "loop") == 0)
		loop(atol(argv[2]));
	if (strcmp(argv[1], "fork") == 0) {
		pid_t child = fork();
		if (child == 0)
			loop(atol(argv[2]));
		return child < 0 || waitpid(child, NULL, 0) < 0;
	}
	if (strcmp(argv[1], "busy") == 0)
		return busy(atol(argv[2]));
	secs = atol(argv[2]);
	if (strcmp(argv[1], "syscalls") == 0)
		return syscalls();
	if (strcmp(argv[1], "pexit") == 0) {
		pthread_t th;
		pthread_create(&th, NULL, late, NULL);
		pthread_exit(NULL);
	}
	return 2;
}
