/* launcher.h: what the launcher's files share (cprof.c, mpijob.c). */
#ifndef CPROF_LAUNCHER_H
#define CPROF_LAUNCHER_H

/* "cprof" or "cprof-mpi": the start of every message. */
extern const char *const prog;

/* mkdir -p; -1 with errno set. */
int make_dirs(const char *path);
/* Whether dir holds raw profiles whose names start with prefix. */
int dir_has_profiles(const char *dir, const char *prefix);

#endif
