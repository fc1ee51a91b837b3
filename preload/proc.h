/* proc.h: reading the small files of /proc and /proc/sys, the way the
 * runtime may: async-signal-safe, no malloc, no stdio. */
#ifndef CPROF_PROC_H
#define CPROF_PROC_H

#include <stddef.h>
#include <sys/types.h>

/* Reads the file at path into buf, up to size bytes or its end, not
 * terminated; returns the bytes read, or -errno if it cannot be opened. */
ssize_t proc_read(const char *path, char *buf, size_t size);

#endif
