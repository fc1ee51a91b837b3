/* report.h: print a table as pstats' print_stats() prints it, to the
 * character, and parse pstats' sort keys. */
#ifndef CPROF_REPORT_H
#define CPROF_REPORT_H

#include <stdio.h>

#include "stats.h"

#define SORT_MAX_FIELDS 64

/* A comparison of the rows of a table being sorted (report.c's keys). */
struct sort_row;
struct sort_field {
	int (*cmp)(const struct sort_row *a, const struct sort_row *b);
	int dir; /* 1 ascending, -1 descending */
};

struct sort_spec {
	int nfields;
	struct sort_field fields[SORT_MAX_FIELDS];
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
/* The same of a name in strings, its file's directories stripped if strip
 * (as the table shows it). */
char *report_name(const struct strtab *strings, struct func_name k, int strip);

/* v in decimal, as Python prints its unbounded ints: a pointer into buf
 * (40 bytes hold any v). */
const char *report_decimal(unsigned __int128 v, char *buf, size_t size);

#endif
