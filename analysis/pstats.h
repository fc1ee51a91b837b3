/* pstats.h: write a table as a pstats file (what cProfile -o writes): the
 * marshal of {(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct)})}. */
#ifndef CPROF_PSTATS_H
#define CPROF_PSTATS_H

#include <errno.h>
#include <stdio.h>

#include "stats.h"

/* Writes st onto f: 0, or -errno. */
int pstats_write_stream(const struct stats *st, FILE *f);

#endif
