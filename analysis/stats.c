/* stats.c: cProfile's numbers from calling-context trees.
 *
 * A node of a thread's tree is one call path; what cProfile decides with its
 * recursion counters at run time follows from the path:
 *   - a call is primitive when its function is not already on the path;
 *   - cumtime counts a node only when its function is not on the path above,
 *     so recursion is counted once;
 *   - for a caller edge (caller -> callee), the same with the pair: the edge's
 *     cc and ct count a node only when the pair does not occur above it.
 * tottime is the node's ticks less its children's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cprof-hash.h"
#include "stats.h"

struct stats *stats_new(struct strtab *strings)
{
	struct stats *st = xcalloc(1, sizeof *st);

	st->strings = strings;
	return st;
}

void stats_free(struct stats *st)
{
	if (!st)
		return;
	free(st->entries);
	free(st->edges);
	u64map_free(&st->index);
	u64map_free(&st->edge_index);
	free(st);
}

static uint64_t key_hash(struct func_name k)
{
	return (uint64_t)k.file * CPROF_HASH_GOLDEN ^ (uint64_t)k.line * CPROF_HASH_PAIR ^
	       (uint64_t)k.name * 0x165667b19e3779f9ull;
}

uint32_t stats_entry(struct stats *st, struct func_name key)
{
	uint64_t *head = u64map_get(&st->index, key_hash(key), 0);
	uint32_t i;

	for (i = (uint32_t)*head; i; i = st->entries[i - 1].hnext) {
		const struct func_name *k = &st->entries[i - 1].key;
		if (k->file == key.file && k->line == key.line && k->name == key.name)
			return i - 1;
	}
	GROW(st->entries, st->cap, st->n + 1);
	i = (uint32_t)st->n++;
	st->entries[i] = (struct stat_entry){
		.key = key,
		.first_edge = STATS_NONE,
		.last_edge = STATS_NONE,
		.hnext = (uint32_t)*head,
	};
	*head = i + 1;
	return i;
}

uint32_t stats_find(const struct stats *st, struct func_name key)
{
	uint64_t *head = u64map_find(&st->index, key_hash(key));

	for (uint32_t i = head ? (uint32_t)*head : 0; i; i = st->entries[i - 1].hnext) {
		const struct func_name *k = &st->entries[i - 1].key;
		if (k->file == key.file && k->line == key.line && k->name == key.name)
			return i - 1;
	}
	return STATS_NONE;
}

uint32_t stats_find_edge(const struct stats *st, uint32_t callee, uint32_t caller)
{
	uint32_t k = st->entries[callee].first_edge;
	const uint64_t *slot;

	for (int i = 0; i < STATS_SCAN && k != STATS_NONE; i++, k = st->edges[k].next)
		if (st->edges[k].caller == caller)
			return k;
	if (k == STATS_NONE)
		return STATS_NONE;
	slot = u64map_find(&st->edge_index, (uint64_t)callee << 32 | caller);
	return slot ? (uint32_t)*slot : STATS_NONE;
}

uint32_t stats_edge(struct stats *st, uint32_t callee, uint32_t caller)
{
	uint32_t i = stats_find_edge(st, callee, caller);
	struct stat_entry *e = &st->entries[callee];

	if (i != STATS_NONE)
		return i;
	GROW(st->edges, st->edges_cap, st->nedges + 1);
	i = (uint32_t)st->nedges++;
	st->edges[i] = (struct stat_edge){.caller = caller, .next = STATS_NONE};
	if (e->last_edge == STATS_NONE)
		e->first_edge = i;
	else
		st->edges[e->last_edge].next = i;
	e->last_edge = i;
	if (e->ncallers++ >= STATS_SCAN)
		*u64map_get(&st->edge_index, (uint64_t)callee << 32 | caller, 0) = i;
	return i;
}

struct walk {
	struct stats *st;
	const struct raw_thread *t;
	const uint32_t *entry_of;
	double spt;
	uint32_t *first, *next; /* children, in id order */
	uint64_t *child_ticks;
	uint32_t *onpath;       /* per entry */
	uint64_t *last_edge;    /* per entry: its caller << 32 | the edge from
				 * it, the last one met (a function is mostly
				 * called from the same one) */
	uint32_t *edge_of;      /* per node: its edge, once accounted */
	uint32_t *edge_onpath;  /* per edge */
	size_t edge_cap;
};

/* Adds node v, entered with its function and caller pair on the path
 * counted in w->onpath and w->edge_onpath. */
static void account(struct walk *w, uint32_t v)
{
	const struct raw_node *n = &w->t->nodes[v];
	uint32_t e = w->entry_of[v];
	uint64_t self = n->ticks > w->child_ticks[v] ? n->ticks - w->child_ticks[v] : 0;
	struct stat_entry *en = &w->st->entries[e];

	en->nc += n->calls;
	en->tt += (double)self * w->spt;
	if (!w->onpath[e]) {
		en->cc += n->calls;
		en->ct += (double)n->ticks * w->spt;
	}
	if (n->parent == 0)
		return;
	uint32_t caller = w->entry_of[n->parent], k;
	if (w->last_edge[e] >> 32 == caller) {
		k = (uint32_t)w->last_edge[e];
	} else {
		k = stats_edge(w->st, e, caller); /* may move edges[] */
		w->last_edge[e] = (uint64_t)caller << 32 | k;
	}
	struct stat_edge *ed = &w->st->edges[k];
	if (k >= w->edge_cap) {
		size_t cap = w->st->edges_cap;
		w->edge_onpath = xrealloc(w->edge_onpath, cap * sizeof *w->edge_onpath);
		memset(w->edge_onpath + w->edge_cap, 0, (cap - w->edge_cap) * sizeof *w->edge_onpath);
		w->edge_cap = cap;
	}
	w->edge_of[v] = k;
	ed->nc += n->calls;
	ed->tt += (double)self * w->spt;
	if (!w->edge_onpath[k]) {
		ed->cc += n->calls;
		ed->ct += (double)n->ticks * w->spt;
	}
}

static inline void mark(struct walk *w, uint32_t v, int delta)
{
	const struct raw_node *n = &w->t->nodes[v];
	uint32_t e = w->entry_of[v];

	w->onpath[e] += (uint32_t)delta;
	if (n->parent)
		w->edge_onpath[w->edge_of[v]] += (uint32_t)delta;
}

void stats_add_tree(struct stats *st, const struct raw_thread *t, const uint32_t *entry_of, double sec_per_tick)
{
	uint32_t n = (uint32_t)t->nnodes;
	struct walk w = {.st = st, .t = t, .entry_of = entry_of, .spt = sec_per_tick};
	uint32_t *stack, *iter, depth = 0;

	if (n < 2)
		return;
	w.first = xmalloc(n * sizeof *w.first);
	w.next = xmalloc(n * sizeof *w.next);
	w.child_ticks = xcalloc(n, sizeof *w.child_ticks);
	w.onpath = xcalloc(st->n, sizeof *w.onpath);
	w.last_edge = xmalloc(st->n * sizeof *w.last_edge);
	memset(w.last_edge, 0xff, st->n * sizeof *w.last_edge); /* caller STATS_NONE: none met */
	w.edge_of = xmalloc(n * sizeof *w.edge_of);
	for (uint32_t i = 0; i < n; i++)
		w.first[i] = STATS_NONE;
	/* each node put before its parent's later children: in id order */
	for (uint32_t i = n - 1; i > 0; i--) {
		uint32_t p = t->nodes[i].parent;
		w.next[i] = w.first[p];
		w.first[p] = i;
		w.child_ticks[p] += t->nodes[i].ticks;
	}

	/* depth-first from the root: stack[] holds the path, iter[] the child
	 * to visit next at each level */
	stack = xmalloc(n * sizeof *stack);
	iter = xmalloc(n * sizeof *iter);
	stack[0] = 0;
	iter[0] = w.first[0];
	depth = 1;
	while (depth) {
		uint32_t c = iter[depth - 1];
		if (c == STATS_NONE) {
			if (--depth)
				mark(&w, stack[depth], -1);
			continue;
		}
		iter[depth - 1] = w.next[c];
		account(&w, c);
		mark(&w, c, +1);
		stack[depth] = c;
		iter[depth] = w.first[c];
		depth++;
	}

	free(stack);
	free(iter);
	free(w.first);
	free(w.next);
	free(w.child_ticks);
	free(w.onpath);
	free(w.last_edge);
	free(w.edge_of);
	free(w.edge_onpath);
}

/* Adds src's entry i (and its callers) into dst, where map[] takes src
 * entries to dst entries. */
static void add_entry(struct stats *dst, const struct stats *src, uint32_t i, const uint32_t *map)
{
	const struct stat_entry *s = &src->entries[i];
	struct stat_entry *d = &dst->entries[map[i]];

	d->cc += s->cc;
	d->nc += s->nc;
	d->tt += s->tt;
	d->ct += s->ct;
	for (uint32_t k = s->first_edge; k != STATS_NONE; k = src->edges[k].next) {
		const struct stat_edge *se = &src->edges[k];
		uint32_t dk = stats_edge(dst, map[i], map[se->caller]); /* may move edges[] */
		struct stat_edge *de = &dst->edges[dk];
		de->nc += se->nc;
		de->cc += se->cc;
		de->tt += se->tt;
		de->ct += se->ct;
	}
}

void stats_add(struct stats *dst, const struct stats *src)
{
	uint32_t *map = xmalloc((src->n + 1) * sizeof *map);

	/* entries first, all in src's order, then the numbers */
	for (uint32_t i = 0; i < src->n; i++)
		map[i] = stats_entry(dst, src->entries[i].key);
	for (uint32_t i = 0; i < src->n; i++)
		add_entry(dst, src, i, map);
	free(map);
}

void stats_add_keys(struct stats *dst, const struct stats *src)
{
	for (uint32_t i = 0; i < src->n; i++)
		stats_entry(dst, src->entries[i].key);
}

void stats_add_missing(struct stats *dst, const struct stats *src)
{
	uint32_t *map = xmalloc((src->n + 1) * sizeof *map);
	uint8_t *missing = xcalloc(src->n + 1, 1);

	for (uint32_t i = 0; i < src->n; i++)
		missing[i] = stats_find(dst, src->entries[i].key) == STATS_NONE;
	for (uint32_t i = 0; i < src->n; i++)
		map[i] = stats_entry(dst, src->entries[i].key);
	for (uint32_t i = 0; i < src->n; i++)
		if (missing[i])
			add_entry(dst, src, i, map);
	free(missing);
	free(map);
}

static uint32_t strip_file(struct strtab *strings, uint32_t file)
{
	const char *path = strtab_str(strings, file);
	const char *slash = strrchr(path, '/');

	return slash ? strtab_intern(strings, slash + 1) : file;
}

struct func_name stats_strip_key(struct strtab *strings, struct func_name k)
{
	k.file = strip_file(strings, k.file);
	return k;
}

struct stats *stats_strip_dirs(const struct stats *st)
{
	struct stats *out = stats_new(st->strings);
	uint32_t *map = xmalloc((st->n + 1) * sizeof *map);

	for (uint32_t i = 0; i < st->n; i++) {
		map[i] = stats_entry(out, stats_strip_key(st->strings, st->entries[i].key));
	}
	for (uint32_t i = 0; i < st->n; i++)
		add_entry(out, st, i, map);
	free(map);
	return out;
}

struct stats_totals stats_totals(const struct stats *st)
{
	struct stats_totals t = {0};

	for (size_t i = 0; i < st->n; i++) {
		t.calls += st->entries[i].nc;
		t.prim_calls += st->entries[i].cc;
		t.tt += st->entries[i].tt;
	}
	return t;
}
