/* stats.h: cProfile's table.  An entry per function (cc, nc, tt, ct) and,
 * per entry, its callers with (nc, cc, tt, ct) for that caller, exactly as
 * pstats holds them.  Entries keep the order in which they were first added,
 * as a pstats dict does, so sorting ties come out as pstats prints them. */
#ifndef CPROF_STATS_H
#define CPROF_STATS_H

#include <stdint.h>

#include "rawfile.h"
#include "symbols.h"
#include "util.h"

#define STATS_NONE UINT32_MAX
/* A function's first callers are found by walking its list of them: most
 * have a few, and a walk is cheaper than hashing; the others are found
 * through edge_index. */
#define STATS_SCAN 4

struct stat_edge {
	uint32_t caller; /* entry index */
	uint32_t next;   /* next caller of the same entry, or STATS_NONE */
	uint64_t nc, cc;
	double tt, ct;
};

struct stat_entry {
	struct func_name key;
	uint64_t cc, nc;
	double tt, ct;
	uint32_t first_edge, last_edge;
	uint32_t ncallers; /* edges from first_edge */
	uint32_t hnext; /* hash chain */
};

struct stats {
	struct strtab *strings;
	struct stat_entry *entries;
	size_t n, cap;
	struct stat_edge *edges;
	size_t nedges, edges_cap;
	struct u64map index;      /* hash of key -> first entry + 1 */
	struct u64map edge_index; /* callee << 32 | caller -> edge, for the
				   * callers past a callee's first STATS_SCAN */
};

struct stats *stats_new(struct strtab *strings);
void stats_free(struct stats *st);

/* The entry for key, added (all zero) if missing. */
uint32_t stats_entry(struct stats *st, struct func_name key);
/* The entry for key, or STATS_NONE. */
uint32_t stats_find(const struct stats *st, struct func_name key);
/* The edge from caller to callee, added (all zero) if missing. */
uint32_t stats_edge(struct stats *st, uint32_t callee, uint32_t caller);
/* The edge from caller to callee, or STATS_NONE. */
uint32_t stats_find_edge(const struct stats *st, uint32_t callee, uint32_t caller);

/* Adds a thread's call tree: entry_of[i] is the entry of node i (the root's
 * is ignored); ticks are converted with sec_per_tick. */
void stats_add_tree(struct stats *st, const struct raw_thread *t, const uint32_t *entry_of, double sec_per_tick);

/* dst += src, as pstats.Stats.add() does. */
void stats_add(struct stats *dst, const struct stats *src);
/* Adds to dst the entries of src that dst does not have, without their
 * figures: a set of functions. */
void stats_add_keys(struct stats *dst, const struct stats *src);
/* Adds to dst the entries of src that dst does not have, with their
 * callers. */
void stats_add_missing(struct stats *dst, const struct stats *src);

/* A copy with directories stripped from file names, entries that become
 * equal merged: pstats' strip_dirs(). */
struct stats *stats_strip_dirs(const struct stats *st);
/* k with its file's directories stripped. */
struct func_name stats_strip_key(struct strtab *strings, struct func_name k);

struct stats_totals {
	unsigned __int128 calls, prim_calls; /* sums of 64-bit counts */
	double tt; /* pstats' total_tt: the sum of tottime, in entry order */
};
struct stats_totals stats_totals(const struct stats *st);

#endif
