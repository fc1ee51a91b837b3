/* pstats.h: write a table as a pstats file (what cProfile -o writes): the
 * marshal of {(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct)})},
 * and read one back (pstatsread.c). */
#ifndef CPROF_PSTATS_H
#define CPROF_PSTATS_H

#include <errno.h>
#include <stdio.h>

#include "stats.h"

/* Writes st onto f: 0, or -errno. */
int pstats_write_stream(const struct stats *st, FILE *f);

/* Reads a pstats file (what cProfile -o, pstats.Stats.dump_stats and cprof
 * -o write) into a new table on strings: NULL and a message in err (naming
 * the file and the byte offset) if it is not one.  What Python's pstats
 * sees, it gets: entries in the file's order, a key written twice holding
 * its last value; a caller that has no entry of its own gets one, all zero,
 * after the others; a caller's count alone (the profile module's callers)
 * is read as (n, n, 0.0, 0.0).  Names are made valid UTF-8, a NUL in one
 * becoming U+FFFD.  The input is untrusted: every length is checked, and
 * no input costs more than linear time and memory. */
struct stats *pstats_read(struct strtab *strings, const char *path, char *err, size_t errsize);
/* The same from memory; name is the file's name, for messages. */
struct stats *pstats_parse(struct strtab *strings, const char *name, const unsigned char *data, size_t size,
			   char *err, size_t errsize);
/* Whether the file at path looks like a pstats file (its first byte is a
 * marshal dict) rather than a cprof raw profile: 1, 0 (also for what is
 * not a regular file, or is empty), or -1 if it cannot be read. */
int pstats_sniff(const char *path);

#endif
