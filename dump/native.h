/* native.h: a process's native stacks, unwound with elfutils' libdwfl from
 * copies of its registers and stacks (freeze.h's, or perf's samples), after
 * the process has gone on; its symbols. */
#ifndef CPROF_DUMP_NATIVE_H
#define CPROF_DUMP_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#include "cprof-format.h"
#include "freeze.h"

#define NATIVE_MAX_FRAMES 512

struct native;

/* The objects mapped in pid, from /proc/PID/maps: NULL, with why in err. */
struct native *native_open(pid_t pid, char *err, size_t errsize);
void native_close(struct native *n);

/* The address of a symbol defined in any of the objects, or 0. */
uint64_t native_symbol(struct native *n, const char *name);

/* The path of the object a symbol is defined in, or NULL. */
const char *native_symbol_file(struct native *n, const char *name);

/* Thread i of f unwound from its copies, its frames innermost first into
 * pcs, as addresses within the call (the return address less one, but for
 * the innermost): their number.  The frozen state f may be a new one at
 * each call, of the same process (cprof -p unwinds each sample so). */
int native_unwind(struct native *n, const struct frozen *f, size_t i, uint64_t *pcs, int max);

/* Whether the function at pc has a name that starts with prefix; the
 * answer remembered by address, for the one prefix a caller asks of (a
 * sampler asks of the same return addresses again and again). */
int native_in(struct native *n, uint64_t pc, const char *prefix);

/* The path of the object pc is in, or NULL. */
const char *native_object(struct native *n, uint64_t pc);

/* Calls fn with each object mapped (its addresses, load bias and
 * build-id in m; not the vDSO), and its path. */
void native_modules(struct native *n, void (*fn)(const struct cprof_rec_module *m, const char *path, void *arg),
		    void *arg);

/* The function at pc ("main", "shapes::Grid::relax(long)"), or where it is
 * if it has no symbol ("libfoo.so+0x1f30"), into buf. */
const char *native_name(struct native *n, uint64_t pc, char *buf, size_t size);

#endif
