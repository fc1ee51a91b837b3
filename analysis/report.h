/* report.h: print a table as pstats' print_stats() prints it, to the
 * character, and parse pstats' sort keys. */
#ifndef CPROF_REPORT_H
#define CPROF_REPORT_H

#include <stdio.h>

#include "stats.h"

#define SORT_MAX_FIELDS 64

struct sort_spec {
	int nfields;
	struct {
		int index; /* in (cc, nc, tt, ct, file, line, name, stdname) */
		int dir;   /* 1 ascending, -1 descending */
	} fields[SORT_MAX_FIELDS];
	char description[1024]; /* "cumulative time", ... */
};

/* Parses "key[,key...]" with pstats' names and unambiguous abbreviations.
 * Returns 0, or -1 naming the bad key in err. */
int sort_parse(const char *spec, struct sort_spec *out, char *err, size_t errsize);

/* The names pstats accepts, for messages: "calls, cumtime, ...". */
const char *sort_key_names(void);

/* print_stats(top) of Stats(full).strip_dirs().sort_stats(sort): totals
 * from the full table, rows from the stripped one.  top < 0 prints all. */
void report_table(FILE *out, const struct stats *full, const struct sort_spec *sort, long top);

/* "file:line(name)", or "{name}" for ('~', 0, '<name>'): func_std_string.
 * Returns a new string. */
char *report_std_name(const struct stats *st, struct func_name k);

/* v in decimal, as Python prints its unbounded ints: a pointer into buf
 * (40 bytes hold any v). */
const char *report_decimal(unsigned __int128 v, char *buf, size_t size);

#endif
