/* native.h: a process's native stacks, unwound with elfutils' libdwfl from
 * the copies freeze.h took, after the process has gone on; its symbols. */
#ifndef CPROF_DUMP_NATIVE_H
#define CPROF_DUMP_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#include "freeze.h"

#define NATIVE_MAX_FRAMES 512

struct native;

/* The objects mapped in pid, from /proc/PID/maps: NULL, with why in err. */
struct native *native_open(pid_t pid, char *err, size_t errsize);
void native_close(struct native *n);

/* The address of a symbol defined in any of the objects, or 0. */
uint64_t native_symbol(struct native *n, const char *name);

/* The name of the object file a symbol is defined in, or NULL. */
const char *native_symbol_file(struct native *n, const char *name);

/* Unwinds each thread of f: call once, after thaw. */
void native_unwind(struct native *n, const struct frozen *f);

/* Thread i's frames, innermost first, as addresses within the call (the
 * return address less one, but for the innermost): their number. */
int native_frames(const struct native *n, size_t i, const uint64_t **pcs);

/* The function at pc ("main", "shapes::Grid::relax(long)"), or where it is
 * if it has no symbol ("libfoo.so+0x1f30"), into buf. */
const char *native_name(struct native *n, uint64_t pc, char *buf, size_t size);

#endif
