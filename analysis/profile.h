/* profile.h: the cProfile table of one process, from what it traced and
 * what it sampled. */
#ifndef CPROF_PROFILE_H
#define CPROF_PROFILE_H

#include "rawfile.h"
#include "stats.h"
#include "symbols.h"
#include "tree.h"

struct tables {
	struct stats *table;  /* what the report shows */
	struct stats *traced; /* the functions traced, exactly: which they are */
	struct stats *counted; /* untraced functions whose calls uprobes counted */
};

/* The table of process p: a traced function has its exact figures, save
 * that its tottime leaves out the time of its callees seen only by sampling,
 * which have rows of their own, as cProfile's builtins do; a function seen
 * only by sampling has its sampled tottime and cumtime, and no calls but
 * the ones uprobes counted (cprof --count).  If trees is not NULL, also
 * the named call tree of each of p's threads (trees[i] of p->threads[i]),
 * as the table counts them, its functions' ids in funcs. */
void profile_process(struct strtab *strings, struct symbolizer *sym, const struct raw_process *p, struct tables *out,
		     struct stats *funcs, struct call_tree *trees);
void tables_free(struct tables *t);

#endif
