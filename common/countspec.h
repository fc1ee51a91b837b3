/* countspec.h: the grammar of --count's patterns, the one the launcher
 * checks them with and the runtime reads them from CPROF_COUNT with:
 * [LIB:]GLOB, separated by commas, LIB and GLOB not empty and without a
 * colon.  No LIB: the main executable.
 *
 * Async-signal-safe: no malloc, no stdio. */
#ifndef CPROF_COUNTSPEC_H
#define CPROF_COUNTSPEC_H

#define COUNTSPEC_MAX 64 /* patterns the runtime takes */

struct countspec {
	char lib[128]; /* empty: the main executable */
	char glob[256];
};

/* Reads the patterns of spec into out[0..max) (out NULL: only checks and
 * counts them), cutting a LIB or GLOB too long for its field; returns how
 * many spec holds (those past max are not read), or -1 if one of them is
 * not [LIB:]GLOB: empty, an empty LIB or GLOB, two colons. */
int countspec_parse(const char *spec, struct countspec *out, int max);

/* Does p's LIB name the object at path (is_main: the main executable)?  A
 * file name names it exactly (/usr/lib/x86_64-linux-gnu/libm.so.6), a bare
 * name by its start up to a dot (libm names libm.so.6, libc names libc.so.6
 * but not libcrypt.so). */
int countspec_lib_matches(const struct countspec *p, const char *path, int is_main);

#endif
