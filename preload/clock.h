/* clock.h: the tracing clock.  On x86-64 with an invariant TSC, rdtsc costs
 * a third of clock_gettime(CLOCK_MONOTONIC) through the vDSO; the raw file
 * carries two (ticks, monotonic) readings so the analysis converts ticks to
 * seconds.  Elsewhere ticks are monotonic nanoseconds. */
#ifndef CPROF_CLOCK_H
#define CPROF_CLOCK_H

#include <stdint.h>
#include <time.h>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

/* set once by clock_init; hidden: the hooks read it with one instruction */
extern int clock_tsc __attribute__((visibility("hidden")));

void clock_init(int tsc_allowed);
/* Sleeps ns nanoseconds, past the wrappers of block.c: for the runtime's
 * own waits.  May run in a signal handler. */
void clock_sleep(long ns);

/* clock_ns(CLOCK_MONOTONIC), out of line: keeps the hooks' fast path free of
 * a stack frame. */
uint64_t clock_monotonic(void);

static inline uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The TSC, for the hooks' fast paths; valid only when clock_tsc is set. */
static inline uint64_t clock_tsc_read(void)
{
#if defined(__x86_64__)
	return __rdtsc();
#else
	return 0;
#endif
}

/* May run in a signal handler. */
static inline uint64_t clock_ticks(void)
{
#if defined(__x86_64__)
	if (__builtin_expect(clock_tsc, 1))
		return __rdtsc();
#endif
	return clock_monotonic();
}

#endif
