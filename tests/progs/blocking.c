/* blocking: times its own blocking calls, each asked to wait WAIT ms, ROUNDS
 * times, while burning CPU between them (so that a sampler has every chance
 * to interrupt them) and while another thread burns CPU too.  Prints one line
 * per call: "ok NAME min-ms" when every round waited at least as asked and
 * none failed, "FAIL NAME ..." otherwise.  Exit status: the failures.
 *
 *   blocking [ROUNDS [WAIT]]   (default 5 rounds of 30 ms) */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long wait_ms = 30;
static int fds[2];
static volatile int stop;
static volatile double sink;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void burn(double ms)
{
	double end = now_ms() + ms;
	double x = 1;

	while (now_ms() < end)
		for (int i = 0; i < 1000; i++)
			x = x * 1.000001 + 1e-9;
	sink = x;
}

static void *burner(void *arg)
{
	while (!stop)
		burn(5);
	return arg;
}

static struct timespec rel(void)
{
	return (struct timespec){wait_ms / 1000, (wait_ms % 1000) * 1000000};
}

static struct timespec abs_in(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	ts.tv_nsec += (wait_ms % 1000) * 1000000;
	ts.tv_sec += wait_ms / 1000 + ts.tv_nsec / 1000000000;
	ts.tv_nsec %= 1000000000;
	return ts;
}

/* Each returns 0 when the call ended as it should after its wait. */
static int t_usleep(void) { return usleep((useconds_t)wait_ms * 1000); }
static int t_nanosleep(void) { struct timespec ts = rel(); return nanosleep(&ts, NULL); }
static int t_clock_nanosleep(void) { struct timespec ts = rel(); return clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL); }
static int t_clock_nanosleep_abs(void)
{
	struct timespec ts = abs_in(CLOCK_MONOTONIC);
	return clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
}
static int t_poll(void) { struct pollfd p = {fds[0], POLLIN, 0}; return poll(&p, 1, (int)wait_ms); }
static int t_ppoll(void) { struct pollfd p = {fds[0], POLLIN, 0}; struct timespec ts = rel(); return ppoll(&p, 1, &ts, NULL); }
static int t_select(void)
{
	fd_set r;
	struct timeval tv = {wait_ms / 1000, (wait_ms % 1000) * 1000};
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	return select(fds[0] + 1, &r, NULL, NULL, &tv);
}
static int t_pselect(void)
{
	fd_set r;
	struct timespec ts = rel();
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	return pselect(fds[0] + 1, &r, NULL, NULL, &ts, NULL);
}
static int t_epoll_wait(void)
{
	int ep = epoll_create1(0), r;
	struct epoll_event ev = {.events = EPOLLIN}, out;
	epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
	r = epoll_wait(ep, &out, 1, (int)wait_ms);
	close(ep);
	return r;
}
static int t_sem_timedwait(void)
{
	sem_t s;
	struct timespec ts = abs_in(CLOCK_REALTIME);
	sem_init(&s, 0, 0);
	return sem_timedwait(&s, &ts) < 0 && errno == ETIMEDOUT ? 0 : -1;
}
static int t_sigtimedwait(void)
{
	sigset_t set;
	struct timespec ts = rel();
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2); /* blocked in main, never sent */
	return sigtimedwait(&set, NULL, &ts) < 0 && errno == EAGAIN ? 0 : -1;
}
static int t_cond_timedwait(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct timespec ts = abs_in(CLOCK_REALTIME);
	int r;
	pthread_mutex_lock(&m);
	r = pthread_cond_timedwait(&c, &m, &ts);
	pthread_mutex_unlock(&m);
	return r == ETIMEDOUT ? 0 : -1;
}
static void *late_writer(void *arg)
{
	usleep((useconds_t)wait_ms * 1000);
	if (write(fds[1], "x", 1) != 1)
		abort();
	return arg;
}
static int t_read_pipe(void)
{
	pthread_t w;
	char c;
	ssize_t n;
	pthread_create(&w, NULL, late_writer, NULL);
	n = read(fds[0], &c, 1);
	pthread_join(w, NULL);
	return n == 1 ? 0 : -1;
}

static const struct {
	const char *name;
	int (*fn)(void);
} calls[] = {
	{"usleep", t_usleep}, {"nanosleep", t_nanosleep}, {"clock_nanosleep", t_clock_nanosleep},
	{"clock_nanosleep-abs", t_clock_nanosleep_abs}, {"poll", t_poll}, {"ppoll", t_ppoll},
	{"select", t_select}, {"pselect", t_pselect}, {"epoll_wait", t_epoll_wait},
	{"sem_timedwait", t_sem_timedwait}, {"sigtimedwait", t_sigtimedwait},
	{"pthread_cond_timedwait", t_cond_timedwait}, {"read-pipe", t_read_pipe},
};

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 5, failures = 0;
	pthread_t b;
	sigset_t set;

	if (argc > 2)
		wait_ms = atol(argv[2]);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (pipe(fds) < 0)
		return 100;
	pthread_create(&b, NULL, burner, NULL);
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		double least = 1e9;
		int bad = 0, err = 0;
		for (int r = 0; r < rounds; r++) {
			burn(3);
			double t0 = now_ms();
			errno = 0;
			int ret = calls[i].fn();
			double dt = now_ms() - t0;
			if (ret < 0 || errno == EINTR) {
				bad++;
				err = errno;
			}
			if (dt < least)
				least = dt;
		}
		if (bad || least < (double)wait_ms - 0.5) {
			printf("FAIL %s: %d of %d rounds failed (%s), shortest %.1f ms of %ld\n", calls[i].name, bad,
			       rounds, strerror(err), least, wait_ms);
			failures++;
		} else {
			printf("ok %s %.1f\n", calls[i].name, least);
		}
	}
	stop = 1;
	pthread_join(b, NULL);
	return failures;
}
