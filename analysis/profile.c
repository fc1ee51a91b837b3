/* profile.c: one process's table, traced and sampled (docs/SAMPLING.md). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "profile.h"

static void add_traced(struct stats *st, struct symbolizer *sym, const struct raw_process *p,
		       const struct raw_thread *t)
{
	uint32_t *entry_of = xmalloc((t->nnodes + 1) * sizeof *entry_of);

	/* entries in node order: the order functions were first called */
	for (uint64_t k = 1; k < t->nnodes; k++)
		entry_of[k] = stats_entry(st, symbolize(sym, p, t->nodes[k].func));
	entry_of[0] = STATS_NONE;
	stats_add_tree(st, t, entry_of, p->sec_per_tick);
	free(entry_of);
}

static int in_runtime(const struct raw_process *p, uint64_t pc)
{
	const struct raw_module *m = raw_module_of(p, pc);

	return m && (m->flags & CPROF_MODULE_RUNTIME);
}

/* A thread's sampled stacks (program counters), without cprof's own frames
 * but the wrappers of libc functions the program called (sleep, poll...),
 * named as those functions: a frame dropped gives its time to the frame
 * kept above it, and its callees hang from that one.  Ticks are each node's
 * own; names[k] is set for the wrappers kept. */
static struct raw_thread sampled_tree(struct symbolizer *sym, const struct raw_process *p, const struct raw_thread *t,
				      struct func_name **names, uint8_t **wrapper)
{
	uint64_t n = t->nstacks, m = 1;
	struct raw_thread tree = {.nodes = xcalloc(n, sizeof *tree.nodes)};
	uint64_t *to = xmalloc(n * sizeof *to);
	uint8_t *rt = xcalloc(n, 1); /* pc node k is the runtime's */

	*names = xcalloc(n, sizeof **names);
	*wrapper = xcalloc(n, 1);
	to[0] = 0;
	for (uint64_t k = 1; k < n; k++) {
		const struct raw_node *s = &t->stacks[k];
		struct func_name libc;
		rt[k] = in_runtime(p, s->func);
		/* the first of a run of the runtime's frames may be a wrapper */
		if (rt[k] && (rt[s->parent] || !symbolize_wrapper(sym, p, s->func, &libc))) {
			to[k] = to[s->parent];
			tree.nodes[to[k]].ticks += s->ticks;
			continue;
		}
		if (rt[k]) {
			(*wrapper)[m] = 1;
			(*names)[m] = libc;
		}
		to[k] = m;
		tree.nodes[m++] = (struct raw_node){.func = s->func, .parent = (uint32_t)to[s->parent], .ticks = s->ticks};
	}
	tree.nnodes = m;
	free(rt);
	free(to);
	return tree;
}

/* A sampled tree as a tree of calls (stats_add_tree): a node per frame,
 * the functions inlined at a program counter included, each node's ticks
 * its whole time, and entry_of[] its function's entry in st. */
static struct raw_thread call_tree(struct stats *st, struct symbolizer *sym, const struct raw_process *p,
				   const struct raw_thread *pcs, const struct func_name *names, const uint8_t *wrapper,
				   uint32_t **entry_of, uint64_t **self)
{
	uint64_t n = pcs->nnodes, m = 1, cap = n + 16;
	struct raw_thread tree = {.nodes = xcalloc(cap, sizeof *tree.nodes)};
	uint64_t *last = xmalloc(n * sizeof *last); /* pc node -> its innermost frame */
	size_t ecap = cap, scap = cap;

	*entry_of = xmalloc(ecap * sizeof **entry_of);
	*self = xcalloc(scap, sizeof **self);
	(*entry_of)[0] = STATS_NONE;
	last[0] = 0;
	for (uint64_t k = 1; k < n; k++) {
		const struct func_name *frames;
		int nf;
		if (wrapper[k]) {
			frames = &names[k];
			nf = 1;
		} else {
			nf = symbolize_frames(sym, p, pcs->nodes[k].func, &frames);
		}
		uint64_t parent = last[pcs->nodes[k].parent];
		GROW(tree.nodes, cap, m + (uint64_t)nf);
		GROW(*entry_of, ecap, m + (uint64_t)nf);
		if (scap < cap) {
			*self = xrealloc(*self, cap * sizeof **self);
			memset(*self + scap, 0, (cap - scap) * sizeof **self);
			scap = cap;
		}
		for (int f = 0; f < nf; f++) {
			tree.nodes[m] = (struct raw_node){.func = pcs->nodes[k].func, .parent = (uint32_t)parent};
			(*entry_of)[m] = stats_entry(st, frames[f]);
			parent = m++;
		}
		last[k] = parent;
		tree.nodes[parent].ticks = pcs->nodes[k].ticks;
		(*self)[parent] = pcs->nodes[k].ticks;
	}
	tree.nnodes = m;
	for (uint64_t k = m - 1; k > 0; k--)
		tree.nodes[tree.nodes[k].parent].ticks += tree.nodes[k].ticks;
	free(last);
	return tree;
}

/* The time of a sample that ends in an untraced function is that
 * function's tottime, not the nearest traced function's above it: *owed
 * collects it per traced entry. */
static void add_sampled(struct stats *st, const struct stats *traced, double *owed, struct symbolizer *sym,
			const struct raw_process *p, const struct raw_thread *t)
{
	struct func_name *names;
	uint8_t *wrapper;
	struct raw_thread pcs = sampled_tree(sym, p, t, &names, &wrapper);
	uint32_t *entry_of;
	uint64_t *self;
	struct raw_thread tree = call_tree(st, sym, p, &pcs, names, wrapper, &entry_of, &self);

	stats_add_tree(st, &tree, entry_of, 1e-9);
	for (uint64_t k = 1; k < tree.nnodes; k++) {
		if (!self[k] || stats_find(traced, st->entries[entry_of[k]].key) != STATS_NONE)
			continue;
		for (uint64_t j = tree.nodes[k].parent; j; j = tree.nodes[j].parent) {
			uint32_t e = stats_find(traced, st->entries[entry_of[j]].key);
			if (e != STATS_NONE) {
				owed[e] += (double)self[k] * 1e-9;
				break;
			}
		}
	}
	free(self);
	free(entry_of);
	free(tree.nodes);
	free(pcs.nodes);
	free(names);
	free(wrapper);
}

/* Calls counted by uprobes, for the functions that were not traced (whose
 * counts are exact already, and per caller). */
static void add_counted(struct stats *table, struct stats *counted, const struct stats *traced,
			struct symbolizer *sym, const struct raw_process *p)
{
	for (size_t i = 0; i < p->ncounts; i++) {
		struct func_name name;
		uint32_t e;
		if (!p->counts[i].calls)
			continue;
		name = symbolize(sym, p, p->counts[i].func);
		if (stats_find(traced, name) != STATS_NONE)
			continue;
		e = stats_entry(table, name);
		table->entries[e].nc = table->entries[e].cc = p->counts[i].calls;
		e = stats_entry(counted, name);
		counted->entries[e].nc = counted->entries[e].cc = p->counts[i].calls;
	}
}

void profile_process(struct strtab *strings, struct symbolizer *sym, const struct raw_process *p, struct tables *out)
{
	struct stats *traced = stats_new(strings), *sampled = stats_new(strings), *table = stats_new(strings);
	double *owed;

	for (size_t i = 0; i < p->nthreads; i++)
		add_traced(traced, sym, p, &p->threads[i]);
	owed = xcalloc(traced->n + 1, sizeof *owed);
	for (size_t i = 0; i < p->nthreads; i++)
		if (p->threads[i].nstacks > 1)
			add_sampled(sampled, traced, owed, sym, p, &p->threads[i]);

	/* the traced functions first, as traced; then the others, as sampled */
	stats_add(table, traced);
	for (uint32_t e = 0; e < table->n; e++) {
		table->entries[e].tt -= owed[e];
		if (table->entries[e].tt < 0)
			table->entries[e].tt = 0;
	}
	stats_add_missing(table, sampled);
	out->counted = stats_new(strings);
	add_counted(table, out->counted, traced, sym, p);
	free(owed);
	stats_free(sampled);
	out->table = table;
	out->traced = traced;
}

void tables_free(struct tables *t)
{
	stats_free(t->table);
	stats_free(t->traced);
	stats_free(t->counted);
}
