/* pstats.h: write a table as a pstats file (what cProfile -o writes): the
 * marshal of {(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct)})}. */
#ifndef CPROF_PSTATS_H
#define CPROF_PSTATS_H

#include <errno.h>
#include <stdio.h>

#include "stats.h"

/* Whether a pstats file can be written at path: it must be a regular file
 * that can be written, or not exist yet, in a directory that takes a new
 * file (a FIFO would block the writer, forever if nothing reads it; a
 * device is no file to replace).  0, or -errno: -PSTATS_NOT_REGULAR for
 * anything but a regular file. */
int pstats_check(const char *path);
#define PSTATS_NOT_REGULAR EINVAL
/* What pstats_check's and pstats_write's errors mean. */
const char *pstats_strerror(int err);

/* Returns 0, or -errno, leaving what was at path as it was. */
int pstats_write(const struct stats *st, const char *path);
/* The same onto an open stream (tests). */
int pstats_write_stream(const struct stats *st, FILE *f);

#endif
