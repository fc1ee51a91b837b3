/* kernel: spends SECONDS (default 0.3) of the wall clock in each of four
 * phases: reading /dev/zero in 1 MiB blocks (system calls, in the
 * kernel), touching fresh pages (page faults, in the kernel too),
 * computing (in user mode), and sleeping (off the CPU).  Prints what it
 * measured of itself: a line "measured FUNCTION WALL CPU" (seconds; CPU
 * of the thread, user and system) for each phase's function and for main,
 * as tests/share.py reads them, and "stime S", its system time
 * (getrusage).
 *
 *   kernel [SECONDS] */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double clock_s(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

static void __attribute__((noinline)) read_zeros(int fd, double seconds)
{
	static char block[1 << 20];
	double end = now() + seconds;

	while (now() < end)
		if (read(fd, block, sizeof block) < 0)
			exit(1);
}

/* 16 MiB at a time, each page written once: the kernel's page faults */
static void __attribute__((noinline)) touch_pages(double seconds)
{
	size_t size = 16u << 20, page = (size_t)sysconf(_SC_PAGESIZE);
	double end = now() + seconds;

	while (now() < end) {
		char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			exit(1);
		for (size_t i = 0; i < size; i += page)
			p[i] = 1;
		munmap(p, size);
	}
}

static volatile double sink;

static void __attribute__((noinline)) compute(double seconds)
{
	double end = now() + seconds, x = 0;

	while (now() < end)
		for (int i = 0; i < 100000; i++)
			x += i * 0.5;
	sink = x;
}

static void __attribute__((noinline)) nap(double seconds)
{
	struct timespec ts = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};

	nanosleep(&ts, NULL);
}

static double wall0, cpu0;

static void measured(const char *name)
{
	printf("measured %s %.6f %.6f\n", name, now() - wall0, clock_s(CLOCK_THREAD_CPUTIME_ID) - cpu0);
	wall0 = now();
	cpu0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 0.3, wall, cpu;
	int fd = open("/dev/zero", O_RDONLY);
	struct rusage ru;

	if (fd < 0)
		return 1;
	wall = wall0 = now();
	cpu = cpu0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
	read_zeros(fd, seconds);
	measured("read_zeros");
	touch_pages(seconds);
	measured("touch_pages");
	compute(seconds);
	measured("compute");
	nap(seconds);
	measured("nap");
	wall0 = wall;
	cpu0 = cpu;
	measured("main");
	close(fd);
	getrusage(RUSAGE_SELF, &ru);
	printf("stime %.6f\n", (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6);
	return 0;
}
