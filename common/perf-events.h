/* perf-events.h: the events samples can come from, by the names -e takes:
 * the runtime opens them (preload/sample.c), the launcher checks -e
 * against them and lists them in its help (src/cprof.c).  A new event is
 * one row. */
#ifndef CPROF_PERF_EVENTS_H
#define CPROF_PERF_EVENTS_H

#include <linux/perf_event.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Not a perf event: a POSIX timer on each thread's CPU clock. */
#define CPROF_EVENT_TIMER "cpu-timer"

struct cprof_event {
	const char *name;
	uint32_t type;
	uint64_t config;
	int time; /* counts nanoseconds of CPU time */
};

/* The events, the default first; NULL-named after the last. */
static inline const struct cprof_event *cprof_events(void)
{
	static const struct cprof_event rows[] = {
		{"task-clock", PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK, 1},
		{"cpu-clock", PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK, 1},
		{"page-faults", PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS, 0},
		{"context-switches", PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CONTEXT_SWITCHES, 0},
		{"cycles", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CPU_CYCLES, 0},
		{"instructions", PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS, 0},
		{"cache-misses", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_MISSES, 0},
		{"cache-references", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_REFERENCES, 0},
		{"branches", PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_INSTRUCTIONS, 0},
		{"branch-misses", PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_MISSES, 0},
		{NULL, 0, 0, 0},
	};
	return rows;
}

/* The event called name, or NULL. */
static inline const struct cprof_event *cprof_event_named(const char *name)
{
	for (const struct cprof_event *e = cprof_events(); e->name; e++)
		if (strcmp(e->name, name) == 0)
			return e;
	return NULL;
}

#endif
