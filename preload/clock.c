/* clock.c: choose the tracing clock once per process image. */
#include "config.h"

#include <sys/syscall.h>
#include <unistd.h>

#include "clock.h"

int clock_tsc;

/* The TSC is usable when it is invariant (CPUID 0x80000007, EDX bit 8):
 * constant rate, not stopped in deep C-states.  Without tsc_allowed
 * (CPROF_TSC=0), ticks are clock_gettime's. */
void clock_init(int tsc_allowed)
{
	clock_tsc = 0;
	if (!tsc_allowed)
		return;
#if defined(__x86_64__)
	unsigned a, b, c, d;

	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x80000000u), "c"(0));
	if (a < 0x80000007u)
		return;
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x80000007u), "c"(0));
	clock_tsc = (d >> 8) & 1;
#endif
}

__attribute__((noinline)) uint64_t clock_monotonic(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

void clock_sleep(long ns)
{
	struct timespec ts = {ns / 1000000000, ns % 1000000000};

	syscall(SYS_nanosleep, &ts, NULL);
}
