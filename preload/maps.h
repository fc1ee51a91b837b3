/* maps.h: the files mapped into a process, from its /proc/PID/maps.
 *
 * Async-signal-safe (the writer reads them at exit and in signal handlers
 * of dying processes): no malloc, no stdio; the caller gives the storage. */
#ifndef CPROF_MAPS_H
#define CPROF_MAPS_H

#include <stddef.h>
#include <stdint.h>

/* One file, over all of its mappings. */
struct maps_module {
	const char *path;
	uint64_t start, end; /* all mappings of the file */
	uint64_t base;       /* mapping of file offset 0 ... */
	uint64_t base_end;   /* ... and its end */
	int base_readable;
	int exec;            /* some mapping is executable */
};

/* Modules in the caller's arrays: n of max used, their paths in pool. */
struct maps {
	struct maps_module *modules;
	int n, max;
	char *pool;
	size_t used, pool_size;
};

/* Adds one line of a maps file, "start-end perms offset dev inode path", to
 * the module of its path (new, or found from the last backwards); lines
 * that name no file (/...), or that do not parse, are left out, and so are
 * new files when m is full. */
void maps_add_line(struct maps *m, const char *line);

/* Adds every line read from fd, to its end, reading through buf and
 * gathering each line in line (cut at linesize - 1).  Returns m->n. */
int maps_read(struct maps *m, int fd, char *buf, size_t bufsize, char *line, size_t linesize);

#endif
