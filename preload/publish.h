/* publish.h: naming the files a process leaves in the run's directory
 * (publish.c). */
#ifndef CPROF_PUBLISH_H
#define CPROF_PUBLISH_H

#include <stddef.h>

/* "[rank<R>-]<host>-<pid>": the start of this process's files' names. */
void publish_base(char *base, size_t size);

/* A new file <base>.<x><suffix> in dirfd to write (a .partial, or a .next
 * that will replace a file this image published): its descriptor, its name
 * in tmp; or -errno. */
int publish_open_partial(int dirfd, const char *base, const char *suffix, char *tmp, size_t size);

/* Gives the file tmp its final name, <base>[.<n>]<suffix>, or the one in
 * name if set: 0, or -errno; the name in name. */
int publish_name(int dirfd, const char *tmp, const char *base, const char *suffix, char *name, size_t size);

/* <base>.failed in dirfd (or the run's directory by path, dirfd < 0): a
 * link whose target is the errno err. */
void publish_failure(int dirfd, const char *base, int err);

#endif
