/* rawout.h: a raw profile written from outside the process it is of
 * (cprof -p), in the format the runtime writes (docs/FORMAT.md): the same
 * records, named and published the same way, for the analysis to read as
 * any other. */
#ifndef CPROF_DUMP_RAWOUT_H
#define CPROF_DUMP_RAWOUT_H

#include <stddef.h>
#include <stdio.h>

#include "cprof-format.h"

struct rawout;

/* Creates <host>-<pid>.<x>.partial in dir: NULL with why in err. */
struct rawout *rawout_open(const char *dir, const char *host, int pid, char *err, size_t errsize);

/* One record: its type, its fixed part, then `extra` bytes more (strings,
 * nodes), padded. */
void rawout_record(struct rawout *w, uint32_t type, const void *fixed, size_t size, const void *extra,
		   size_t extra_size);

/* Writes END and names the file <host>-<pid>.cprof (or .1.cprof, ...,
 * never replacing one): 0, or -1 with why in err (the partial file is then
 * removed). */
int rawout_close(struct rawout *w, char *err, size_t errsize);

#endif
