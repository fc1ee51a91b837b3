/* diff.h: two runs compared function by function: what got slower, what
 * faster, what is new and what is gone.  The rows are kept as data for the
 * reports that colour by them (the HTML flame graph); diff_print prints
 * them as text, and diff_grew answers for a CI job's exit status. */
#ifndef CPROF_DIFF_H
#define CPROF_DIFF_H

#include <stdint.h>
#include <stdio.h>

#include "stats.h"

/* What runs are compared by (a diff's and compare.h's sort key). */
enum diff_metric {
	DIFF_TOTTIME, /* tottime, the default */
	DIFF_CUMTIME,
	DIFF_CALLS,   /* ncalls */
};
#define DIFF_METRIC_NAMES "tottime, cumtime, calls"

/* "tottime" (or "time"), "cumtime" (or "cumulative"), "calls" (or
 * "ncalls"): 0, or -1 with a message in err. */
int diff_metric_parse(const char *s, enum diff_metric *out, char *err, size_t errsize);
/* "internal time", "cumulative time", "call count": as pstats says. */
const char *diff_metric_description(enum diff_metric m);

enum diff_status {
	DIFF_SAME,  /* in both runs under the same key */
	DIFF_MOVED, /* in both, at another line: matched by file and name */
	DIFF_NEW,   /* only in the new run */
	DIFF_GONE,  /* only in the base */
};

struct diff_row {
	struct func_name key; /* directories stripped: the new run's key, the base's if gone */
	uint32_t base_line;   /* the line in the base (a moved function's differs) */
	enum diff_status status;
	uint64_t base_nc, base_cc, new_nc, new_cc; /* 0 on the side where it is absent */
	double base_tt, base_ct, new_tt, new_ct;
};

struct diff {
	struct strtab *strings;
	struct diff_row *rows; /* those of the base, in its order, then the new ones */
	size_t n;
	struct stats_totals base_total, new_total;
	struct diff_index *index; /* diff_find's */
};

/* Matches the functions of two tables (both on the same strings): by key
 * once directories are stripped (runs made in different directories
 * match), then those left by (file, name) where that pair is unique
 * among those left on each side (a function that moved lines is the same
 * function). */
struct diff *diff_new(const struct stats *base, const struct stats *new_run);
void diff_free(struct diff *d);

/* The row of the function with key in the base (in_base) or the new run,
 * its directories stripped or not, or NULL. */
const struct diff_row *diff_find(const struct diff *d, struct func_name key, int in_base);

struct diff_options {
	enum diff_metric metric; /* rows are sorted by the size of its change */
	double threshold;        /* rows whose change is smaller are hidden: seconds (calls for DIFF_CALLS) */
	int threshold_percent;   /* threshold is a percent of the base's total (time, or calls) */
	long top;                /* print only the first rows; -1 for all */
	const char *base_label, *new_label; /* the runs' names in the header, or NULL */
};
#define DIFF_OPTIONS_DEFAULT {.metric = DIFF_TOTTIME, .top = -1}

/* A threshold as given: "0.01" (seconds, or calls) or "5%" (of the
 * base's total): 0, or -1 with a message in err. */
int diff_threshold_parse(const char *s, struct diff_options *opt, char *err, size_t errsize);

/* The row's value of m in the base or the new run, and its change. */
double diff_value(const struct diff_row *row, enum diff_metric m, int in_base);
double diff_change(const struct diff_row *row, enum diff_metric m);
/* Whether the row's change is not below the threshold. */
int diff_shown(const struct diff *d, const struct diff_row *row, const struct diff_options *opt);

/* The header (each run's total, the change of the total), then the rows
 * shown, the largest change first: base, new, change and change in percent
 * of the metric, and the calls (or, for DIFF_CALLS, the tottime) of each
 * run. */
void diff_print(FILE *out, const struct diff *d, const struct diff_options *opt);

/* Whether the total time (the total calls for DIFF_CALLS), or the metric
 * of a row shown (top is not looked at), grew by more than percent; from
 * nothing, as a new function does, is more than any. */
int diff_grew(const struct diff *d, const struct diff_options *opt, double percent);

#endif
