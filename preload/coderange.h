/* coderange.h: where code lies, to tell apart the objects a program
 * counter is in (the runtime's, the interpreter's, the C library's). */
#ifndef CPROF_CODERANGE_H
#define CPROF_CODERANGE_H

#include <stdint.h>

/* The code of one loaded object, lo to hi. */
struct code_range {
	uintptr_t lo, hi;
};
/* The object that holds the code at addr; {0, 0} if none.  Not in a
 * signal handler (dl_iterate_phdr). */
struct code_range code_range_of(const void *addr);
/* The runtime's own code; found once, at its first call (not in a signal
 * handler). */
struct code_range code_range_runtime(void);
static inline int code_range_has(struct code_range r, uintptr_t pc)
{
	return pc >= r.lo && pc < r.hi;
}

#endif
