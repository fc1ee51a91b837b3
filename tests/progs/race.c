/* race: N threads (default 32) each call f() 1000 times, meet the main
 * thread at a barrier, and return while the main thread calls exit(): the
 * profile is written while threads exit, and must count each call once. */
#include <pthread.h>
#include <stdlib.h>

static pthread_barrier_t barrier;
static volatile int sink;

static void __attribute__((noinline)) f(int i)
{
	sink += i;
}

static void *run(void *arg)
{
	for (int i = 0; i < 1000; i++)
		f(i);
	pthread_barrier_wait(&barrier);
	return arg;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 32;
	pthread_t t;

	pthread_barrier_init(&barrier, NULL, (unsigned)n + 1);
	for (int i = 0; i < n; i++)
		pthread_create(&t, NULL, run, NULL);
	pthread_barrier_wait(&barrier);
	exit(0);
}
