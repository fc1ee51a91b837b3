/* outdir.h: the directory a run's raw profiles go into (cprof -d, a
 * temporary one, cprof-mpi's job directory), made or taken so that no one
 * else can steer what cprof and the runtime write there. */
#ifndef CPROF_OUTDIR_H
#define CPROF_OUTDIR_H

#include <stddef.h>

/* Makes path (and its parents) if missing and opens it (O_DIRECTORY,
 * O_NOFOLLOW, O_CLOEXEC): returns the descriptor, and puts its absolute
 * path, without links, in real.  Refuses a path whose last component is a
 * symbolic link, a directory another user owns, and one every user may
 * write into that has no sticky bit.  -errno, said on stderr with what to
 * do, when it is refused or cannot be used. */
int outdir_open(const char *path, char *real, size_t size);

/* Whether the directory holds raw profiles whose names start with prefix,
 * or node files (of MPI ranks: docs/MPI.md). */
int outdir_has_profiles(int dirfd, const char *prefix);

#endif
