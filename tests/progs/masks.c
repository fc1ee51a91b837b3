/* masks: a worker started the way liblzma starts its own, with every
 * signal blocked (the starting thread blocks them all, starts it, and
 * restores its mask), spins SECONDS (default 0.3) of its CPU time in
 * worker_spin while the main thread waits; then, still with every signal
 * blocked, it reads its mask back, raises SIGPROF (which it does not
 * handle: its default action would end the process), finds it pending, and
 * takes it with sigwait.  Prints "view V pending P waited W", each 1 if it
 * went as the program asked for.
 *
 *   masks [SECONDS] */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds = 0.3;
static int view, pending, waited;

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void __attribute__((noinline)) worker_spin(void)
{
	volatile double x = 0;
	double end = cpu_now() + seconds;

	while (cpu_now() < end)
		for (int i = 0; i < 10000; i++)
			x += i;
}

static void *worker(void *arg)
{
	sigset_t mask, one;
	int sig = 0;

	(void)arg;
	worker_spin();
	pthread_sigmask(SIG_BLOCK, NULL, &mask);
	view = sigismember(&mask, SIGPROF) == 1 && sigismember(&mask, SIGTRAP) == 1 && sigismember(&mask, SIGUSR1) == 1;
	raise(SIGPROF);
	sigpending(&mask);
	pending = sigismember(&mask, SIGPROF) == 1;
	sigemptyset(&one);
	sigaddset(&one, SIGPROF);
	waited = sigwait(&one, &sig) == 0 && sig == SIGPROF;
	return NULL;
}

int main(int argc, char **argv)
{
	sigset_t all, old;
	pthread_t t;

	if (argc > 1)
		seconds = atof(argv[1]);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&t, NULL, worker, NULL) != 0)
		return 1;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_join(t, NULL);
	printf("view %d pending %d waited %d\n", view, pending, waited);
	return 0;
}
