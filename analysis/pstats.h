/* pstats.h: write a table as a pstats file (what cProfile -o writes): the
 * marshal of {(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct)})}. */
#ifndef CPROF_PSTATS_H
#define CPROF_PSTATS_H

#include <stdio.h>

#include "stats.h"

/* Returns 0, or -errno, leaving what was at path as it was. */
int pstats_write(const struct stats *st, const char *path);
/* The same onto an open stream (tests). */
int pstats_write_stream(const struct stats *st, FILE *f);

#endif
