/* shares: CPU work in known shares.  In each of 10 rounds, work_a, work_b
 * and work_c call spin() for 5, 3 and 2 units of the same loop: half, three
 * tenths and a fifth of the time.  The rounds interleave them, so that a
 * machine whose speed drifts (a busy host, a changing clock) slows all
 * three alike.  For comparing sampled figures with exact ones: the program
 * measures its functions itself, on the wall clock and on its CPU clock,
 * and prints what they took in this run, however busy the machine was:
 *
 *   measured NAME WALL CPU    (seconds, for work_a, work_b, work_c, spin
 *                              and main)
 *
 *   shares [SECONDS]   (default 2: about how much CPU time it takes, so
 *                       that the number of samples does not depend on how
 *                       busy the machine is) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>


static volatile double sink;

/* What the functions took, measured by themselves. */
enum { A, B, C, SPIN, MAIN, FUNCS };
static const char *const names[FUNCS] = {"work_a", "work_b", "work_c", "spin", "main"};
static struct took {
	double wall, cpu;
} took[FUNCS];

static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void start(struct took *t)
{
	t->wall -= now(CLOCK_MONOTONIC);
	t->cpu -= now(CLOCK_THREAD_CPUTIME_ID);
}

static void stop(struct took *t)
{
	t->cpu += now(CLOCK_THREAD_CPUTIME_ID);
	t->wall += now(CLOCK_MONOTONIC);
}

static void __attribute__((noinline)) spin(long n)
{
	double x = 1.0;

	start(&took[SPIN]);
	for (long i = 0; i < n; i++)
		x = x * 1.0000001 + 1e-9;
	sink = x;
	stop(&took[SPIN]);
}

static void __attribute__((noinline)) work_a(long unit)
{
	start(&took[A]);
	spin(5 * unit);
	stop(&took[A]);
}

static void __attribute__((noinline)) work_b(long unit)
{
	start(&took[B]);
	spin(3 * unit);
	stop(&took[B]);
}

static void __attribute__((noinline)) work_c(long unit)
{
	start(&took[C]);
	spin(2 * unit);
	stop(&took[C]);
}

#define ROUNDS 10

/* how many iterations of spin take a tenth of a round of `seconds` */
static long calibrate(double seconds)
{
	long n = 1000000;
	double t0, t;

	for (;;) {
		t0 = now(CLOCK_THREAD_CPUTIME_ID);
		spin(n);
		t = now(CLOCK_THREAD_CPUTIME_ID) - t0;
		if (t > 0.05)
			return (long)((double)n * seconds / ROUNDS / 10 / t);
		n *= 2;
	}
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 2.0;
	long unit;

	start(&took[MAIN]);
	if (argc > 2 || seconds <= 0) {
		fprintf(stderr, "usage: shares [SECONDS]\n");
		return 2;
	}
	unit = calibrate(seconds);
	for (int r = 0; r < ROUNDS; r++) {
		work_a(unit);
		work_b(unit);
		work_c(unit);
	}
	stop(&took[MAIN]);
	printf("%ld iterations per unit\n", unit);
	for (int i = 0; i < FUNCS; i++)
		printf("measured %s %.6f %.6f\n", names[i], took[i].wall, took[i].cpu);
	return 0;
}
