/* clockcost: what one reading of each clock the tracing hooks and MPI
 * wrappers may use costs here, in ns: the TSC (rdtsc) and
 * clock_gettime(CLOCK_MONOTONIC) through the vDSO; the fastest of 5 loops
 * of 10 million readings (bench/mpi.sh prints it beside its figures). */
#include <stdio.h>
#include <time.h>
#if defined(__x86_64__)
#include <x86intrin.h>
#endif

#define READS 10000000

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(void)
{
	double best_tsc = 1e30, best_mono = 1e30;
	volatile unsigned long long sink = 0;

	for (int round = 0; round < 5; round++) {
		double t0 = now(), t1, t2;
#if defined(__x86_64__)
		for (int i = 0; i < READS; i++)
			sink += __rdtsc();
#endif
		t1 = now();
		for (int i = 0; i < READS; i++) {
			struct timespec ts;
			clock_gettime(CLOCK_MONOTONIC, &ts);
			sink += (unsigned long long)ts.tv_nsec;
		}
		t2 = now();
		if ((t1 - t0) / READS < best_tsc)
			best_tsc = (t1 - t0) / READS;
		if ((t2 - t1) / READS < best_mono)
			best_mono = (t2 - t1) / READS;
	}
#if defined(__x86_64__)
	printf("a clock reading: TSC %.1f ns, clock_gettime(CLOCK_MONOTONIC) %.1f ns\n", best_tsc, best_mono);
#else
	printf("a clock reading: clock_gettime(CLOCK_MONOTONIC) %.1f ns\n", best_mono);
#endif
	return (int)(sink & 0);
}
