/* profile.h: the cProfile table of one process, from what it traced and
 * what it sampled. */
#ifndef CPROF_PROFILE_H
#define CPROF_PROFILE_H

#include "rawfile.h"
#include "stats.h"
#include "symbols.h"

struct tables {
	struct stats *table;  /* what the report shows */
	struct stats *traced; /* the functions traced: exact */
	struct stats *counted; /* untraced functions whose calls uprobes counted */
};

/* The table of process p: a traced function has its exact figures, save
 * that its tottime leaves out the time of its callees seen only by sampling,
 * which have rows of their own, as cProfile's builtins do; a function seen
 * only by sampling has its sampled tottime and cumtime, and no calls but
 * the ones uprobes counted (cprof --count). */
void profile_process(struct strtab *strings, struct symbolizer *sym, const struct raw_process *p, struct tables *out);
void tables_free(struct tables *t);

#endif
