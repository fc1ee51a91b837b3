/* compare.h: several runs side by side, a column per run (a scaling
 * study: the same program on 1, 2, 4 workers). */
#ifndef CPROF_COMPARE_H
#define CPROF_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "diff.h"
#include "stats.h"

struct compare_options {
	enum diff_metric metric; /* the value shown for each run */
	long top;                /* print only the first rows; -1 for all */
	const double *elapsed;   /* each run's elapsed seconds (0: not
				  * known, as of a pstats file), or NULL */
};
#define COMPARE_OPTIONS_DEFAULT {.metric = DIFF_TOTTIME, .top = -1}

/* Prints the runs (tables on the same strings, labels[i] naming runs[i]),
 * a column each: first each run's total time, its elapsed time and its
 * speedup over the first run (the first's elapsed time / its own), then a row per function
 * (matched by key once directories are stripped) with its metric in each
 * run, "-" where it is absent, the rows with the largest value in any run
 * first. */
void compare_print(FILE *out, const struct stats *const runs[], const char *const labels[], size_t nruns,
		   const struct compare_options *opt);

#endif
