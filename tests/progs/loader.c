/* loader SECONDS: threads that hold the dynamic loader's lock often
 * (dl_iterate_phdr with a callback that takes its time, dlopen and dlclose
 * of a library) beside threads that compute, for SECONDS seconds.  Under
 * the sampler, a sample that unwinds while the loader's lock is held can
 * stop the program for good (docs/SAMPLING.md): it must end, and say so. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile int stop;
static volatile unsigned long sink;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int slow_callback(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)info;
	(void)size;
	for (int i = 0; i < 2000; i++)
		sink += (unsigned long)i * (unsigned long)data;
	return 0;
}

static void *iterate(void *arg)
{
	(void)arg;
	while (!stop)
		dl_iterate_phdr(slow_callback, (void *)3);
	return NULL;
}

static void *load(void *arg)
{
	(void)arg;
	while (!stop) {
		void *h = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
		if (h)
			dlclose(h);
	}
	return NULL;
}

/* Many distinct instructions, so that the unwinder's cache keeps missing. */
#define STEP(k) x = x * 6364136223846793005ul + (k) + (x >> 29);
static void *compute(void *arg)
{
	unsigned long x = (unsigned long)arg;

	while (!stop) {
		STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7) STEP(8)
		STEP(9) STEP(10) STEP(11) STEP(12) STEP(13) STEP(14) STEP(15) STEP(16)
	}
	sink += x;
	return NULL;
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 2, start = now();
	void *(*const kinds[])(void *) = {iterate, iterate, load, compute, compute};
	pthread_t t[sizeof kinds / sizeof kinds[0]];

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		pthread_create(&t[i], NULL, kinds[i], (void *)(i + 1));
	while (now() - start < seconds)
		dl_iterate_phdr(slow_callback, (void *)5);
	stop = 1;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		pthread_join(t[i], NULL);
	puts("loader: done");
	return 0;
}
