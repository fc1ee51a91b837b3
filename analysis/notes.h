/* notes.h: what a report says of the processes beside its tables. */
#ifndef CPROF_NOTES_H
#define CPROF_NOTES_H

#include <stdio.h>

#include "profile.h"
#include "rawfile.h"

/* "Process 123 (parent 1) on host: argv [how it ended]", and a blank line. */
void notes_heading(FILE *out, const struct raw_process *p);

/* The lines above the table t of the processes: which figures are
 * estimates, from how many samples, on which clock; what --count counted. */
void notes_preamble(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t);

/* On stderr, as prog: the calls the runtime had to drop, if any. */
void notes_lost(const char *prog, struct raw_process *const *procs, size_t n);

/* On stderr, as prog: why the table is empty, and what to do. */
void notes_empty(const char *prog, struct raw_process *const *procs, size_t n);

#endif
