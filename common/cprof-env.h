/* cprof-env.h: the CPROF_* variables, the one protocol from the launcher to
 * the runtime and the MPI wrappers, in one direction (docs/FORMAT.md says
 * what each means).  Each is one row of CPROF_ENV: its name, and what an
 * unset or empty variable stands for.  The launcher sets them (src/cprof.c,
 * pass_env); the runtime reads them once, as it starts (preload/settings.c);
 * the MPI wrappers read theirs (mpi_wrap/gather.c).  A new variable is a
 * row here and a row of FORMAT.md's table, which tests/launcher.sh holds
 * to this one. */
#ifndef CPROF_ENV_H
#define CPROF_ENV_H

#include <stdlib.h>

#define CPROF_ENV(X)                                                          \
	X(DIR, "")         /* where raw profiles go; none: the runtime idles */ \
	X(JOBID, "")       /* the job's id */                                   \
	X(DEBUG, "0")      /* the runtime's log level, 0 to 3 */                \
	X(TSC, "")         /* 0: ticks are clock_gettime's, not the TSC's */    \
	X(MODE, "auto")    /* auto, trace or sample */                          \
	X(HZ, "1000")      /* samples per second of CPU time; 0: none */        \
	X(CLOCK, "wall")   /* wall or cpu */                                    \
	X(EVENT, "")       /* what samples count; none: task-clock */           \
	X(NATIVE, "1")     /* 0: Python's native code not sampled */            \
	X(COUNT, "")       /* functions whose calls uprobes count */            \
	X(SIGNAL, "")      /* the samples' signal; none: SIGPROF */             \
	X(SNAPSHOT, "")    /* seconds between snapshots; none: no snapshots */  \
	X(DUMP_POLL, "0")  /* ms between looks for a dump request; 0: none */   \
	X(RANK, "-1")      /* the MPI rank */                                   \
	X(SIZE, "-1")      /* the job's number of ranks */                      \
	X(GATHER, "")      /* node: gather at MPI_Finalize into node files */   \
	X(WAIT, "60")      /* seconds a rank waits for the others to gather */

/* The signals the launcher passes on to the program when they are sent to
 * cprof (src/cprof.c).  One sent to cprof's process group, which the
 * program is in too (kill %1, timeout, kill(0, sig)), reaches the program
 * by itself as well: the launcher sends it with sigqueue's value
 * CPROF_FORWARD_TAG << 32 | the sender's pid, and the runtime
 * (preload/signals.c) lets the program have one of the two that come from
 * the same sender within CPROF_FORWARD_MS, whichever comes first. */
#define CPROF_FORWARDED_SIGNALS SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2
#define CPROF_FORWARD_TAG 0x63707266u /* "cprf" */
#define CPROF_FORWARD_MS 500u
/* The launcher passes on once the same signal from the same sender that
 * comes again within this (sent to cprof and to its group at once). */
#define CPROF_FORWARD_AGAIN_MS 50u

enum cprof_env {
#define CPROF_ENV_ID(name, dflt) CPROF_ENV_##name,
	CPROF_ENV(CPROF_ENV_ID)
#undef CPROF_ENV_ID
	CPROF_ENV_N
};

struct cprof_env_row {
	const char *name;  /* "CPROF_HZ" */
	const char *dflt;  /* what an unset or empty variable stands for */
};

static inline const struct cprof_env_row *cprof_env_row(enum cprof_env v)
{
	static const struct cprof_env_row rows[] = {
#define CPROF_ENV_ROW(name, dflt) {"CPROF_" #name, dflt},
		CPROF_ENV(CPROF_ENV_ROW)
#undef CPROF_ENV_ROW
	};
	return &rows[v];
}

/* Variable v's value in the environment, or its default. */
static inline const char *cprof_env_get(enum cprof_env v)
{
	const char *s = getenv(cprof_env_row(v)->name);

	return s && *s ? s : cprof_env_row(v)->dflt;
}

#endif
