/* libreload: work(seconds) runs for that much of the process's CPU time in
 * a frame of FRAME bytes.  Built twice (tests/local.mk) with two frame
 * sizes: the same loop at the same addresses, its CFA at another offset
 * from rsp. */
#include <time.h>

void work(double seconds);
volatile unsigned long reload_sink;

static double cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void work(double seconds)
{
	volatile char frame[FRAME];
	double end;

	frame[0] = 1;
	end = cpu_seconds() + seconds;
	while (cpu_seconds() < end)
		for (unsigned long k = 0; k < 100000; k++)
			reload_sink += k;
}
