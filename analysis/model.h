/* model.h: the profile between the raw files and the outputs: the
 * processes read, the merged cProfile table, the views (per rank, per
 * process, per thread) each with its table and named call tree, and the
 * MPI figures.  Every output (output.h) is written from it. */
#ifndef CPROF_MODEL_H
#define CPROF_MODEL_H

#include <stddef.h>

#include "profile.h"
#include "rawfile.h"
#include "stats.h"
#include "tree.h"
#include "util.h"

/* What the outputs need beside the merged table (struct output's keep). */
enum {
	MODEL_TREES = 1,     /* named call trees: the merged one, and each view's */
	MODEL_RANKS = 2,     /* a view per MPI rank */
	MODEL_PROCESSES = 4, /* a view per process */
	MODEL_THREADS = 8,   /* a view per thread (trees only) */
	MODEL_SPREAD = 16,   /* each function's figures per rank */
};

enum view_kind { VIEW_MERGED, VIEW_RANK, VIEW_PROCESS, VIEW_THREAD };

struct view {
	enum view_kind kind;
	long of;                    /* the view it is part of (a thread's
				     * process, a process's rank), or -1 */
	int rank;                   /* its MPI rank, or -1 */
	struct raw_process **procs; /* its processes (lightened), in start order */
	size_t nprocs, pcap;
	const struct raw_thread *thread; /* VIEW_THREAD: which (of procs[0]) */
	int kept;                   /* 0: left out, past the budget */
	struct tables t;            /* its table (VIEW_THREAD: table alone) */
	struct call_tree tree;      /* with MODEL_TREES */
};

/* Each function's tottime and cumtime per rank (MODEL_SPREAD). */
struct spread {
	struct stats *funcs; /* the functions, by id (keys only) */
	int *rank;           /* of each slot, in the order first seen */
	size_t nslots, cap;
	struct u64map slot;  /* rank + 1 -> slot + 1 */
	double **tt, **ct;   /* [func][slot] */
	size_t nfuncs, fcap;
};

struct model {
	struct strtab *strings;
	struct stats *funcs;         /* the trees' functions: an id is an entry */
	struct raw_process **procs;  /* those read, in the order they started */
	size_t n, cap;
	size_t filtered;             /* processes of ranks not asked for */
	size_t nfailed;              /* processes that said they could not write */
	struct view *views;          /* views[0]: every process, merged */
	size_t nviews, vcap;
	size_t omitted;              /* views left out, past the budget */
	struct mpi_totals *mpi;
	struct spread spread;
	int old_python;              /* every Python among them is before 3.11 */
	char *title;                 /* what was profiled: the first process's
				      * command line */
	int own_strings;
};

struct model_options {
	const char *prog;          /* names the command in messages */
	const struct ranks *ranks; /* only these MPI ranks' processes, or all */
	unsigned keep;             /* MODEL_* */
	size_t budget;             /* nodes and rows the views beside the
				    * merged one may hold in all */
	struct strtab *strings;    /* the names go here (two runs compared
				    * share them), or NULL: the model's own */
};

/* Reads the raw profiles of in (inputs.h), warning on stderr about each
 * one that is truncated or corrupt, and takes their figures, in the order
 * the processes started. */
struct inputs;
struct model *model_load(const struct model_options *opt, const struct inputs *in);
/* A pstats file (what cProfile -o writes) as a model: its table, merged,
 * every function traced; no processes, no trees.  NULL, and a message in
 * err, if it is not one. */
struct model *model_from_pstats(struct strtab *strings, const char *path, char *err, size_t errsize);
void model_free(struct model *m);

/* Seconds from the first process's start to the last one's end; 0 if
 * not known (a pstats file). */
double model_elapsed(const struct model *m);

/* The view of rank r, or NULL. */
const struct view *model_rank_view(const struct model *m, int rank);

/* "pid 123 (./faster)", "rank 2", "thread 124 (worker) of pid 123": a
 * view's label, new. */
char *view_label(const struct view *v);

#endif
