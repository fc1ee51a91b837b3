/* nodefile.h: the index of a node file, the raw profiles of several MPI
 * ranks that gathered them at MPI_Finalize (docs/FORMAT.md).  Untrusted as
 * every input: a bad header or index gives an error naming the file and the
 * offset, never a crash. */
#ifndef CPROF_NODEFILE_H
#define CPROF_NODEFILE_H

#include <stddef.h>
#include <stdint.h>

#include "cprof-format.h"

/* The entries of the node file at path, each inside the file and apart
 * from the others: a new array of *count (none: NULL), or NULL with a
 * message in err. */
struct cprof_set_entry *nodefile_index(const char *path, uint32_t *count, char *err, size_t errsize);

/* The same, of the node file's size bytes in data (the fuzzer's entry). */
struct cprof_set_entry *nodefile_parse(const char *name, const unsigned char *data, size_t size, uint32_t *count,
				       char *err, size_t errsize);

#endif
