/* launcher.h: what the launcher's files share (cprof.c, mpijob.c, outdir.c). */
#ifndef CPROF_LAUNCHER_H
#define CPROF_LAUNCHER_H

/* "cprof" or "cprof-mpi": the start of every message. */
extern const char *const prog;

#endif
