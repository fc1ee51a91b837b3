/* launcher.h: what the launcher's files share (cprof.c, mpijob.c, outdir.c). */
#ifndef CPROF_LAUNCHER_H
#define CPROF_LAUNCHER_H

/* 1 in cprof-mpi, the same sources built a second time (src/local.mk). */
#ifndef CPROF_MPI
#define CPROF_MPI 0
#endif

/* launcher.c: "cprof" or "cprof-mpi", the start of every message. */
extern const char *const prog;

#endif
