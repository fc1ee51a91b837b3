/* askrun.h: every thread's stack of the processes of a run under cprof or
 * cprof-mpi, asked of the runtime inside each through the run's directory
 * (docs/DUMP.md, common/cprof-format.h's CPROF_DUMP_REQUEST): no ptrace,
 * and the ranks on other nodes that share the directory answer too. */
#ifndef CPROF_DUMP_ASKRUN_H
#define CPROF_DUMP_ASKRUN_H

#include <stddef.h>

#include "stacks.h"

struct askrun {
	char answers[4096]; /* the directory of the answers */
	int answered;       /* processes */
	int by_rank;        /* the members are MPI ranks (else pids) */
	int size;           /* the job's ranks, -1 if not known */
	char missing[512];  /* the ranks that did not answer, "3,5-7" */
	long waited_ms;
};

/* What to ask. */
struct askrun_ask {
	const char *dir;   /* the run's directory */
	long timeout_ms;
	const int *only;   /* the pids whose answers are wanted, nonly of them; NULL: all */
	size_t nonly;
	int members;       /* 1: by rank, 0: by pid, -1: by rank if every answer has its own */
};

/* Asks the processes of the run in a->dir for their stacks, waits for
 * their answers (until every rank of an MPI job, or every pid wanted,
 * answered, or each process has had time to, or the timeout), and adds
 * each thread's stack to `all`: 0, or -1 with why and what to do in
 * err. */
int askrun(const struct askrun_ask *a, struct stacks *all, struct askrun *out, char *err, size_t errsize);

#endif
