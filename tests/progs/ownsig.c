/* ownsig: a program that profiles itself with setitimer(ITIMER_PROF) and
 * SIGPROF, keeps an alarm of its own with SIGALRM, and has a thread that
 * blocks every signal; it prints how many of its own signals it got.
 *
 *   ownsig [SECONDS]   (default 1)
 *   ownsig SECONDS deaf   only computes, with every signal blocked, its
 *                         SIGPROF handler in place (a program that handles
 *                         the sampler's signal may block it) */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t profs, alarms;
static volatile int stop;
static volatile double sink;

static void on_prof(int sig) { profs++; }
static void on_alarm(int sig) { alarms++; }

static void __attribute__((noinline)) spin_for(double seconds)
{
	struct timespec t0, t;
	double x = 1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		for (int i = 0; i < 10000; i++)
			x = x * 1.000001 + 1e-9;
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while ((double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) * 1e-9 < seconds);
	sink = x;
}

static void *deaf(void *arg)
{
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	spin_for(*(double *)arg);
	return arg;
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 1.0;
	struct itimerval prof = {{0, 10000}, {0, 10000}}, alarm = {{0, 100000}, {0, 100000}};
	struct sigaction sa;
	pthread_t t;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_prof;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGPROF, &sa, NULL);
	if (argc > 2) {
		deaf(&seconds);
		return 0;
	}
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_PROF, &prof, NULL);
	setitimer(ITIMER_REAL, &alarm, NULL);
	pthread_create(&t, NULL, deaf, &seconds);
	spin_for(seconds);
	pthread_join(t, NULL);
	memset(&prof, 0, sizeof prof);
	setitimer(ITIMER_PROF, &prof, NULL);
	setitimer(ITIMER_REAL, &prof, NULL);
	printf("%d %d\n", profs > 0, alarms > 0);
	return 0;
}
