/* notes.h: what a report says of the processes beside its tables. */
#ifndef CPROF_NOTES_H
#define CPROF_NOTES_H

#include <stdio.h>

#include "profile.h"
#include "rawfile.h"

/* "Process 123 (parent 1) on host: argv [how it ended]", and a blank line. */
void notes_heading(FILE *out, const struct raw_process *p);

/* "snapshot at 2026-11-30 14:02:03, 12.0 s after its start; still
 * running": what a snapshot (--snapshot) says of its process, into buf
 * (and returned); "" for a profile that is not one. */
const char *notes_snapshot(const struct raw_process *p, char *buf, size_t size);

/* The lines above the table t of the processes: which are snapshots, which
 * figures are estimates, from how many samples, on which clock; what
 * --count counted. */
void notes_preamble(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t);

/* On stderr, as prog: the calls the runtime had to drop, if any. */
void notes_lost(const char *prog, struct raw_process *const *procs, size_t n);

/* On stderr, as prog: why the table is empty, and what to do. */
void notes_empty(const char *prog, struct raw_process *const *procs, size_t n);

#endif
