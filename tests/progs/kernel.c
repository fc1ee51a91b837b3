/* kernel: spends SECONDS (default 0.3) of the wall clock reading /dev/zero
 * in 1 MiB blocks, in the kernel, then sleeps as long, off the CPU; prints
 * the system time it measured of itself (getrusage), in seconds.
 *
 *   kernel [SECONDS] */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void __attribute__((noinline)) read_zeros(int fd, double seconds)
{
	static char block[1 << 20];
	double end = now() + seconds;

	while (now() < end)
		if (read(fd, block, sizeof block) < 0)
			exit(1);
}

static void __attribute__((noinline)) nap(double seconds)
{
	struct timespec ts = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};

	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 0.3;
	int fd = open("/dev/zero", O_RDONLY);
	struct rusage ru;

	if (fd < 0)
		return 1;
	read_zeros(fd, seconds);
	nap(seconds);
	close(fd);
	getrusage(RUSAGE_SELF, &ru);
	printf("stime %.6f\n", (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6);
	return 0;
}
