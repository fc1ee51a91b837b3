/* analysis.h: what the commands (cprof, cprof-report) ask of the analysis:
 * read a set of raw profiles, merge them, and print or write the report. */
#ifndef CPROF_ANALYSIS_H
#define CPROF_ANALYSIS_H

#include <stdio.h>

#include "compare.h"
#include "diff.h"
#include "ranks.h"
#include "report.h"

struct analysis_options {
	const char *prog;        /* names the command in messages */
	struct sort_spec sort;
	int sort_chosen;         /* sort was asked for; else it is cProfile's default
				  * for the Python of the profiles, or cumulative */
	const char *output;      /* write the report into this file (-o) */
	const char *format;      /* in this format (output.h); NULL: from
				  * output's name, or the text printed */
	int per_process;         /* a table per process instead of the merged one */
	int per_rank;            /* a table per MPI rank instead of the merged one */
	const struct ranks *ranks; /* only these MPI ranks' processes, or all */
	long top;                /* print only the first rows; -1 for all */
};

enum {
	ANALYSIS_OK = 0,
	ANALYSIS_EMPTY = 1,  /* no readable profile among the paths */
	ANALYSIS_FAILED = 2, /* the output could not be written, or it would
			      * replace one of the raw profiles read, or
			      * there is no such format */
	ANALYSIS_UNWRITTEN = 3, /* none: the processes could not write theirs,
				 * and said so (said on stderr, with why) */
	ANALYSIS_GREW = 4,   /* --diff --fail-above: the new run grew past it */
};

/* Whether a report (-o) can be written at path, before the work that
 * makes it: -1, said on stderr, if not (it must be a regular file or a new
 * one). */
int analysis_check_output(const char *prog, const char *path);

/* The format asked for (--format), or the one path's name picks (-o), or
 * the text printed; NULL, said on stderr, if there is no such format. */
struct output;
const struct output *analysis_format(const char *prog, const char *format, const char *path);

/* Reads every raw profile named by paths (files, or directories holding
 * *.cprof and *.partial files), each file once however often it is named,
 * warning on stderr about each one that is missing, truncated or corrupt,
 * or named twice, and reports on the rest to out. */
int analysis_report(const struct analysis_options *opt, char *const paths[], int npaths, FILE *out);

/* cprof-report --diff BASE NEW: each a run's raw profiles (a directory or
 * files) or a pstats file; printed, or written as HTML (-o FILE.html). */
struct diff_request {
	const char *base, *new_run;
	struct diff_options options; /* sort, threshold, top */
	double fail_above;           /* ANALYSIS_GREW past this percent; < 0: never */
};
int analysis_diff(const struct analysis_options *opt, const struct diff_request *r, FILE *out);

/* cprof-report --compare RUN...: a column per run. */
int analysis_compare(const struct analysis_options *opt, char *const runs[], int nruns,
		     const struct compare_options *c, FILE *out);

#endif
