/* lookup.h: a table's entries and caller edges by function name, for the
 * tests; a missing one fails the test. */
#ifndef CPROF_TEST_LOOKUP_H
#define CPROF_TEST_LOOKUP_H

#include <check.h>
#include <string.h>

#include "stats.h"

static inline const struct stat_entry *entry(const struct stats *st, const char *name)
{
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(strtab_str(st->strings, st->entries[i].key.name), name) == 0)
			return &st->entries[i];
	ck_abort_msg("no entry %s", name);
	return NULL;
}

static inline const struct stat_edge *caller(const struct stats *st, const char *callee, const char *name)
{
	const struct stat_entry *e = entry(st, callee);

	for (uint32_t k = e->first_edge; k != STATS_NONE; k = st->edges[k].next)
		if (strcmp(strtab_str(st->strings, st->entries[st->edges[k].caller].key.name), name) == 0)
			return &st->edges[k];
	ck_abort_msg("%s has no caller %s", callee, name);
	return NULL;
}

#endif
