/* threads: WAVES waves (default 1) of N threads (default 4), each thread
 * calling work() ITERS times (default 1000) in a function of its own; main
 * calls work() once.  Prints the sum, then the number of memory mappings
 * the process ended with.
 *
 *   threads [N [ITERS [WAVES]]] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static volatile long sink;
static long iters = 1000;

static void __attribute__((noinline)) work(long i)
{
	__atomic_add_fetch(&sink, i, __ATOMIC_RELAXED);
}

static void *thread_main(void *arg)
{
	for (long i = 0; i < iters; i++)
		work(i);
	return arg;
}

static int mappings(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	int c, n = 0;

	if (!f)
		return -1;
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 4;
	long waves = argc > 3 ? atol(argv[3]) : 1;
	pthread_t t[256];

	if (argc > 2)
		iters = atol(argv[2]);
	if (n < 0 || n > 256)
		return 2;
	work(0);
	for (long w = 0; w < waves; w++) {
		for (int i = 0; i < n; i++)
			pthread_create(&t[i], NULL, thread_main, NULL);
		for (int i = 0; i < n; i++)
			pthread_join(t[i], NULL);
	}
	printf("%ld\n%d\n", sink, mappings());
	return 0;
}
