/* stacks.h: the stacks of many processes at one moment, merged into one
 * tree whose every frame carries the set of processes (MPI ranks, or pids)
 * that have a thread in it, as LLNL's STAT shows a hung job: the ranks that
 * wait elsewhere than the others stand out.  Members whose threads' stacks
 * are the same, all of them, form a class.  cprof-dump builds it
 * (docs/DUMP.md). */
#ifndef CPROF_STACKS_H
#define CPROF_STACKS_H

#include <stdio.h>

struct stacks;

struct stacks *stacks_new(void);
void stacks_free(struct stacks *s);

/* One thread's stack, its outermost frame first, of the member numbered
 * `member` (0 or more). */
void stacks_add(struct stacks *s, long member, const char *const *frames, int n);

/* The tree as text: a line a frame, indented under its caller, with its
 * members as "[0,2-3]" and the number of threads in it; then the classes.
 * `kind` names the members ("rank", "pid"). */
void stacks_print(const struct stacks *s, FILE *out, const char *kind);

/* The tree as a web page: the HTML report's viewer, a frame's width its
 * threads, its label led by its members; the classes above it.  0, or a
 * negative errno. */
int stacks_html(const struct stacks *s, FILE *out, const char *kind);

/* "0,2-3" for the sorted members m[0..n), into buf. */
void stacks_format_set(const long *m, size_t n, char *buf, size_t size);

#endif
