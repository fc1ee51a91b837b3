/* shares: CPU work in known shares.  In each of 50 rounds, work_a, work_b
 * and work_c call spin() for 5, 3 and 2 units of the same loop: half, three
 * tenths and a fifth of the time.  The rounds interleave them, so that a
 * machine whose speed drifts (a busy host, a changing clock) slows all
 * three alike.  For comparing sampled figures with exact ones.
 *
 *   shares [SECONDS]   (default 2: about how much CPU time it takes, so
 *                       that the number of samples does not depend on how
 *                       busy the machine is) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>


static volatile double sink;

static void __attribute__((noinline)) spin(long n)
{
	double x = 1.0;

	for (long i = 0; i < n; i++)
		x = x * 1.0000001 + 1e-9;
	sink = x;
}

static void __attribute__((noinline)) work_a(long unit)
{
	spin(5 * unit);
	sink += 1; /* not a tail call: work_a keeps its frame */
}

static void __attribute__((noinline)) work_b(long unit)
{
	spin(3 * unit);
	sink += 1; /* not a tail call: work_b keeps its frame */
}

static void __attribute__((noinline)) work_c(long unit)
{
	spin(2 * unit);
	sink += 1; /* not a tail call: work_c keeps its frame */
}

#define ROUNDS 50

static double cpu_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* how many iterations of spin take a tenth of a round of `seconds` */
static long calibrate(double seconds)
{
	long n = 1000000;
	double t0, t;

	for (;;) {
		t0 = cpu_time();
		spin(n);
		t = cpu_time() - t0;
		if (t > 0.05)
			return (long)((double)n * seconds / ROUNDS / 10 / t);
		n *= 2;
	}
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 2.0;
	long unit;

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
	printf("%ld iterations per unit\n", unit);
	return 0;
}
