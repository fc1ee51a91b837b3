/* attach.h: cprof -p PID: a running process not started under cprof,
 * sampled from outside with perf_event until a time passes, the user stops
 * it or the process ends, and written as the raw profile the runtime would
 * have written of it (docs/DUMP.md), for the analysis to report as any
 * other.  The process is never stopped: each sample carries the thread's
 * user registers and the top of its stack, copied by the kernel, which are
 * unwound here afterwards. */
#ifndef CPROF_DUMP_ATTACH_H
#define CPROF_DUMP_ATTACH_H

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

struct attach_options {
	pid_t pid;
	double seconds;  /* 0: until stopped or the process ends */
	unsigned hz;     /* samples per second of each thread's CPU time */
	const char *dir; /* where the raw profile goes */
};

/* Samples o->pid and writes its raw profile into o->dir: 0, or -1 with the
 * cause and what to do in err.  Stops early when *stop becomes non-zero. */
int attach_profile(const struct attach_options *o, volatile sig_atomic_t *stop, char *err, size_t errsize);

#endif
