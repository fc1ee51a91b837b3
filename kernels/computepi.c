/* computepi: Monte Carlo pi, the seed's computepi_pawsey.py (serial) and
 * computepi_multiprocs.py (a pool) in C.  Estimates pi with 10, 100, ...
 * up to MAXTRIALS darts each.
 *
 *   computepi [MAXTRIALS [WORKERS]]   (default 10000000 darts, serial)
 *
 * WORKERS > 0 maps the estimates over a pool of that many forked workers.
 * Each estimate has its own random stream, so the results do not depend on
 * the workers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "support.h"

#define MAX_RUNS 19

static uint64_t rng_state;

/* numpy.random.random(): a double in [0, 1) (xorshift64*) */
static double rng_random(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 0x2545f4914f6cdd1dull) >> 11) * 0x1.0p-53;
}

/* Calculate pi based on points within a box and a circle of radius 1. */
static double pi_run(long num_trials)
{
	long ncirc = 0;

	rng_state = 0x9e3779b97f4a7c15ull ^ (uint64_t)num_trials;
	for (long i = 0; i < num_trials; i++) {
		double x = rng_random();
		double y = rng_random();
		if (x * x + y * y < 1.0)
			ncirc++;
	}
	return 4.0 * ((double)ncirc / (double)num_trials);
}

/* Cycle through trials of increasing magnitude. */
static int cycle_pi(long max_trials, int workers, double *pi)
{
	long trials[MAX_RUNS];
	int n = 0;

	for (long t = 10; t <= max_trials && n < MAX_RUNS; t *= 10)
		trials[n++] = t;
	if (workers > 0)
		return pool_map(workers, pi_run, trials, n, pi) < 0 ? -1 : n;
	for (int i = 0; i < n; i++)
		pi[i] = pi_run(trials[i]);
	return n;
}

int main(int argc, char **argv)
{
	long max_trials = argc > 1 ? atol(argv[1]) : 10000000;
	int workers = argc > 2 ? atoi(argv[2]) : 0;
	double pi[MAX_RUNS], start = wall_time(), duration;
	char num[32];
	int n;

	if (argc > 3 || max_trials < 10 || workers < 0) {
		fprintf(stderr, "usage: computepi [MAXTRIALS (at least 10) [WORKERS]]\n");
		return 2;
	}
	n = cycle_pi(max_trials, workers, pi);
	if (n < 0) {
		perror("computepi: pool");
		return 1;
	}
	duration = wall_time() - start;
	printf("Pi convergence : [");
	for (int i = 0; i < n; i++) {
		py_repr(pi[i], num, sizeof num);
		printf("%s%s", i ? ", " : "", num);
	}
	py_repr(duration, num, sizeof num);
	printf("] calculated in %s seconds\n", num);
	return 0;
}
