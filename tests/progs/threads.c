/* threads: N threads (default 4) each call work() ITERS times (default
 * 1000), in a function of their own; main calls work() once. */
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

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 4;
	pthread_t t[256];

	if (argc > 2)
		iters = atol(argv[2]);
	if (n < 0 || n > 256)
		return 2;
	work(0);
	for (int i = 0; i < n; i++)
		pthread_create(&t[i], NULL, thread_main, NULL);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	printf("%ld\n", sink);
	return 0;
}
