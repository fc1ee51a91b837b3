/* profile.c: one process's table, traced and sampled (docs/SAMPLING.md). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "profile.h"

/* A function called at the root of a thread's traced tree (main; a
 * thread's start routine; a traced library's entry, called from code that
 * is not traced), with its calls there and their time. */
struct root_call {
	uint32_t entry; /* in the traced table */
	uint64_t calls;
	double tt, ct;
};

struct roots {
	struct root_call *at;
	size_t n, cap;
};

/* A caller edge the sampled stacks give a root call: the sampled frame
 * that made it. */
struct stitch {
	struct func_name callee, caller;
	uint64_t calls;
	double tt, ct;
};

struct stitches {
	struct stitch *at;
	size_t n, cap;
};

/* The calls at the root of thread t's traced tree, entry_of[] naming its
 * nodes, into r: what stitch() joins to the sampled frames above them. */
static void root_calls(const struct raw_thread *t, const uint32_t *entry_of, double spt, struct roots *r)
{
	uint64_t *below = xcalloc(t->nnodes + 1, sizeof *below); /* children's ticks */
	struct u64map at;

	u64map_init(&at);
	for (uint64_t k = 1; k < t->nnodes; k++)
		below[t->nodes[k].parent] += t->nodes[k].ticks;
	for (uint64_t k = 1; k < t->nnodes; k++) {
		const struct raw_node *n = &t->nodes[k];
		if (n->parent != 0)
			continue;
		uint64_t *i = u64map_get(&at, entry_of[k], UINT64_MAX); /* two addresses may share a name */
		if (*i == UINT64_MAX) {
			GROW(r->at, r->cap, r->n + 1);
			r->at[r->n] = (struct root_call){.entry = entry_of[k]};
			*i = r->n++;
		}
		r->at[*i].calls += n->calls;
		r->at[*i].ct += (double)n->ticks * spt;
		r->at[*i].tt += (double)(n->ticks > below[k] ? n->ticks - below[k] : 0) * spt;
	}
	u64map_free(&at);
	free(below);
}

/* The functions of a process met so far, each mapped to its entry + 1
 * (0: not met yet): a named one by its index, an address in a map. */
struct memo {
	uint32_t *named; /* p->nnamed of them */
	struct u64map addr;
};

/* The threads' nodes name the same functions over and over: each function
 * of the process (address, or named id) is named, and its entry found,
 * once (memo).  Returns the entry of each node. */
static uint32_t *add_traced(struct stats *st, struct symbolizer *sym, const struct raw_process *p,
			    const struct raw_thread *t, struct roots *roots, struct memo *memo)
{
	uint32_t *entry_of = xmalloc((t->nnodes + 1) * sizeof *entry_of);

	/* entries in node order: the order functions were first called */
	for (uint64_t k = 1; k < t->nnodes; k++) {
		uint64_t func = t->nodes[k].func, i = func & CPROF_NAMED_INDEX;
		if (func & CPROF_NAMED_BIT && i < p->nnamed) {
			if (!memo->named[i])
				memo->named[i] = stats_entry(st, symbolize(sym, p, func)) + 1;
			entry_of[k] = memo->named[i] - 1;
			continue;
		}
		uint64_t *e = u64map_get(&memo->addr, func, 0);
		if (!*e)
			*e = (uint64_t)stats_entry(st, symbolize(sym, p, func)) + 1;
		entry_of[k] = (uint32_t)(*e - 1);
	}
	entry_of[0] = STATS_NONE;
	stats_add_tree(st, t, entry_of, p->sec_per_tick);
	root_calls(t, entry_of, p->sec_per_tick, roots);
	return entry_of;
}

static int in_runtime(const struct raw_process *p, uint64_t pc)
{
	const struct raw_module *m = pc & CPROF_NAMED_BIT ? NULL : raw_module_of(p, pc);

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

/* Seconds as nanoseconds of a sampled tree, held to what its sums can
 * take (a hostile profile's times). */
static uint64_t tree_ns(double s)
{
	return s > 0 ? (s < 1e9 ? (uint64_t)(s * 1e9 + 0.5) : 1000000000000000000ull) : 0;
}

/* Each node's function's entry in traced, or STATS_NONE: looked up once
 * per function of the sampled table, not at every node and every frame
 * above it. */
static uint32_t *traced_entries(const struct stats *st, const struct stats *traced, const struct raw_thread *tree,
				const uint32_t *entry_of)
{
	uint32_t *of = xmalloc((st->n + 1) * sizeof *of), *te = xmalloc((tree->nnodes + 1) * sizeof *te);

	for (size_t e = 0; e < st->n; e++)
		of[e] = traced->n ? stats_find(traced, st->entries[e].key) : STATS_NONE;
	te[0] = STATS_NONE;
	for (uint64_t k = 1; k < tree->nnodes; k++)
		te[k] = of[entry_of[k]];
	free(of);
	return te;
}

/* Where a thread's sampled stacks enter traced code from code that is not:
 * the nodes (node[], root[]: the root call) and, per root call, the weight
 * of the samples through them, how many there are, and their caller's
 * entry in the sampled table (many: they have several). */
struct joins {
	uint64_t *node;
	uint32_t *root;
	size_t n;
	double *weight;
	uint64_t *count;
	uint32_t *caller;
	uint8_t *many;
};

/* The joins of a sampled tree: a traced function outermost on its path,
 * under a frame that is not traced (the root leaves the caller unknown),
 * that is a root call (root_of[] its index in the thread's, by traced
 * entry).  The path's first traced frame is the traced tree's first. */
static void find_joins(const uint32_t *te, const uint32_t *root_of, const struct raw_thread *tree,
		       const uint32_t *entry_of, struct joins *j)
{
	uint8_t *inside = xcalloc(tree->nnodes + 1, 1); /* a traced frame at or above */

	for (uint64_t k = 1; k < tree->nnodes; k++) {
		uint32_t parent = tree->nodes[k].parent, e = te[k], r, c;
		inside[k] = e != STATS_NONE || inside[parent];
		if (e == STATS_NONE || parent == 0 || inside[parent] || root_of[e] == STATS_NONE)
			continue;
		r = root_of[e];
		c = entry_of[parent];
		j->node[j->n] = k;
		j->root[j->n++] = r;
		j->weight[r] += (double)tree->nodes[k].ticks;
		j->count[r]++;
		j->many[r] |= j->caller[r] != STATS_NONE && j->caller[r] != c;
		j->caller[r] = c;
	}
	free(inside);
}

static void add_stitch(struct stitches *out, const struct stats *st, const struct stats *traced,
		       const struct root_call *rc, uint32_t caller, uint64_t calls, double share)
{
	GROW(out->at, out->cap, out->n + 1);
	out->at[out->n++] = (struct stitch){
		.callee = traced->entries[rc->entry].key,
		.caller = st->entries[caller].key,
		.calls = calls,
		.tt = rc->tt * share,
		.ct = rc->ct * share,
	};
}

/* Joins a thread's sampled tree to its traced one (docs/SAMPLING.md).  A
 * root call's sampled subtrees take its traced time in place of theirs,
 * shared by their weight, so that the frames above count it once (not
 * where samples count events, retime 0: no time to replace); each gives a
 * caller edge, into out: with the calls when there is one caller, else
 * with none (which one made how many is not known). */
static void stitch(const struct stats *st, const struct stats *traced, const uint32_t *te, const struct roots *roots,
		   struct raw_thread *tree, const uint32_t *entry_of, int retime, struct stitches *out)
{
	uint32_t *root_of = xmalloc((traced->n + 1) * sizeof *root_of);
	struct joins j = {
		.node = xmalloc(tree->nnodes * sizeof *j.node),
		.root = xmalloc(tree->nnodes * sizeof *j.root),
		.weight = xcalloc(roots->n + 1, sizeof *j.weight),
		.count = xcalloc(roots->n + 1, sizeof *j.count),
		.caller = xmalloc((roots->n + 1) * sizeof *j.caller),
		.many = xcalloc(roots->n + 1, 1),
	};

	for (size_t e = 0; e < traced->n; e++)
		root_of[e] = STATS_NONE;
	for (size_t r = 0; r < roots->n; r++) {
		root_of[roots->at[r].entry] = (uint32_t)r;
		j.caller[r] = STATS_NONE;
	}
	find_joins(te, root_of, tree, entry_of, &j);
	for (size_t b = 0; b < j.n; b++) {
		uint32_t r = j.root[b];
		uint64_t k = j.node[b], old = tree->nodes[k].ticks;
		double share = j.weight[r] > 0 ? (double)old / j.weight[r] : 1.0 / (double)j.count[r];
		uint64_t now = tree_ns(roots->at[r].ct * share);
		for (uint64_t a = k; retime && a; a = tree->nodes[a].parent)
			tree->nodes[a].ticks = tree->nodes[a].ticks - old + now;
		if (j.many[r])
			add_stitch(out, st, traced, &roots->at[r], entry_of[tree->nodes[k].parent], 0, share);
	}
	for (size_t r = 0; r < roots->n; r++)
		if (j.count[r] && !j.many[r])
			add_stitch(out, st, traced, &roots->at[r], j.caller[r], roots->at[r].calls, 1.0);
	free(root_of);
	free(j.node);
	free(j.root);
	free(j.weight);
	free(j.count);
	free(j.caller);
	free(j.many);
}

/* What a process's sampled stacks tell of its traced functions: the time
 * of their untraced callees, which their tottime leaves out (owed, per
 * traced entry; by_edge, per caller edge: sampled callee << 32 | caller,
 * in ns), and the sampled callers of its root calls. */
struct debts {
	double *owed;
	struct u64map by_edge;
	struct stitches stitches;
};

/* The node above k nearest to it whose function is traced (*e its traced
 * entry, te[] each node's), or 0. */
static uint64_t traced_above(const uint32_t *te, const struct raw_thread *tree, uint64_t k, uint32_t *e)
{
	for (uint64_t j = tree->nodes[k].parent; j; j = tree->nodes[j].parent) {
		*e = te[j];
		if (*e != STATS_NONE)
			return j;
	}
	return 0;
}

/* The time of a sample that ends in an untraced function is that
 * function's tottime, not the nearest traced function's above it, nor
 * its caller edge's: the edge from the traced frame above that, or from
 * the sampled frame that made a root call. */
static void owe(struct debts *d, const uint32_t *te, const struct raw_thread *tree, const uint32_t *entry_of,
		const uint64_t *self)
{
	for (uint64_t k = 1; k < tree->nnodes; k++) {
		uint32_t e, up;
		uint64_t j, i;
		if (!self[k] || te[k] != STATS_NONE)
			continue;
		j = traced_above(te, tree, k, &e);
		if (!j)
			continue;
		d->owed[e] += (double)self[k] * 1e-9;
		i = traced_above(te, tree, j, &up);
		if (!i)
			i = tree->nodes[j].parent;
		if (i)
			*u64map_get(&d->by_edge, (uint64_t)entry_of[j] << 32 | entry_of[i], 0) += self[k];
	}
}

/* What a thread's named tree is made from: its traced tree (t, its
 * nodes' entries in traced), and where it goes. */
struct naming {
	struct stats *funcs; /* the ids of the tree's functions */
	const struct stats *traced;
	const struct raw_thread *t;
	const uint32_t *entry_of;
	double spt;
	struct call_tree *out;
};

/* How a sampled frame stands to the traced tree (name_thread). */
enum { ABOVE, JOIN, INSIDE, BELOW };

/* The children of each node of a traced tree, in id order (first, next);
 * as a named tree's (tree_child), the first TREE_SCAN of a node are
 * walked, and the others found by node << 32 | entry in more (the first
 * such child + 1). */
struct children {
	const uint32_t *entry_of;
	uint32_t *first, *next;
	struct u64map more;
};

static void children_index(struct children *c, const struct raw_thread *t, const uint32_t *entry_of)
{
	c->entry_of = entry_of;
	c->first = xmalloc((t->nnodes + 1) * sizeof *c->first);
	c->next = xmalloc((t->nnodes + 1) * sizeof *c->next);
	u64map_init(&c->more);
	for (uint64_t k = 0; k < t->nnodes; k++)
		c->first[k] = TREE_NONE;
	for (uint64_t k = t->nnodes; k-- > 1;) { /* each before its later siblings */
		c->next[k] = c->first[t->nodes[k].parent];
		c->first[t->nodes[k].parent] = (uint32_t)k;
	}
	for (uint64_t v = 0; v < t->nnodes; v++) {
		int i = 0;
		for (uint32_t k = c->first[v]; k != TREE_NONE; k = c->next[k])
			if (i++ >= TREE_SCAN)
				(void)u64map_get(&c->more, v << 32 | entry_of[k], k + 1);
	}
}

static void children_free(struct children *c)
{
	free(c->first);
	free(c->next);
	u64map_free(&c->more);
}

/* The traced tree's first child of node v that runs traced entry e + 1,
 * or 0. */
static uint32_t traced_child(const struct children *c, uint32_t v, uint32_t e)
{
	uint32_t k = c->first[v];
	const uint64_t *more;

	for (int i = 0; i < TREE_SCAN && k != TREE_NONE; i++, k = c->next[k])
		if (c->entry_of[k] == e)
			return k + 1;
	if (k == TREE_NONE)
		return 0;
	more = u64map_find(&c->more, (uint64_t)v << 32 | e);
	return more ? (uint32_t)*more : 0;
}

/* The sampled frames above the traced ones (where no traced call is on
 * the path yet) as sampled nodes; and, per traced entry that is a root
 * call, the named node its joins hang from: the same for all of them,
 * else the root (which frame made which call is not known). */
static void name_above(const struct naming *n, const struct stats *st, const struct raw_thread *s,
		       const uint32_t *entry_of, const uint32_t *te, const uint64_t *self, const struct children *children,
		       uint8_t *how, uint32_t *at, uint32_t *prefix)
{
	struct call_tree *out = n->out;

	for (uint64_t k = 1; k < s->nnodes; k++) {
		uint32_t par = s->nodes[k].parent, e;
		if (how[par] != ABOVE) {
			how[k] = BELOW; /* decided by name_below */
			continue;
		}
		e = te[k];
		if (e != STATS_NONE && traced_child(children, 0, e)) {
			how[k] = JOIN;
			prefix[e] = prefix[e] == TREE_NONE || prefix[e] == at[par] ? at[par] : 0;
			continue;
		}
		how[k] = ABOVE;
		at[k] = tree_child(out, at[par], stats_entry(n->funcs, st->entries[entry_of[k]].key), NODE_SAMPLED);
		out->nodes[at[k]].self += (double)self[k] * 1e-9;
	}
}

/* The traced tree, its root calls under the nodes name_above chose; at[]
 * takes its nodes to named ones. */
static void name_traced(const struct naming *n, const uint32_t *prefix, uint32_t *at)
{
	const struct raw_thread *t = n->t;

	at[0] = 0;
	for (uint64_t k = 1; k < t->nnodes; k++) {
		uint32_t e = n->entry_of[k], par = t->nodes[k].parent;
		uint32_t up = par ? at[par] : prefix[e] == TREE_NONE ? 0 : prefix[e];
		uint32_t i = tree_child(n->out, up, stats_entry(n->funcs, n->traced->entries[e].key), NODE_TRACED);
		n->out->nodes[i].calls += t->nodes[k].calls;
		n->out->nodes[i].total += (double)t->nodes[k].ticks * n->spt;
		at[k] = i;
	}
}

/* The sampled frames at and below the traced ones: a traced frame is its
 * traced node (in[] the traced node each frame is at or under), whose
 * time is exact already; the untraced frames below the last traced one
 * are sampled nodes under it.  An untraced frame between two traced ones
 * (qsort calling a traced comparison) keeps only its own samples. */
static void name_below(const struct naming *n, const struct stats *st, const struct raw_thread *s,
		       const uint32_t *entry_of, const uint32_t *te, const uint64_t *self, const struct children *children,
		       uint8_t *how, uint32_t *at, const uint32_t *traced_at)
{
	uint32_t *in = xcalloc(s->nnodes + 1, sizeof *in);

	for (uint64_t k = 1; k < s->nnodes; k++) {
		uint32_t par = s->nodes[k].parent, e, c;
		if (how[k] == ABOVE)
			continue;
		e = te[k];
		c = e == STATS_NONE ? 0 : traced_child(children, how[k] == JOIN ? 0 : in[par], e);
		if (c) {
			how[k] = INSIDE;
			in[k] = c - 1;
			at[k] = traced_at[c - 1];
			continue;
		}
		how[k] = BELOW;
		in[k] = in[par];
		at[k] = tree_child(n->out, at[par], stats_entry(n->funcs, st->entries[entry_of[k]].key), NODE_SAMPLED);
		n->out->nodes[at[k]].self += (double)self[k] * 1e-9;
	}
	free(in);
}

/* A thread's named tree (n->out), from its traced tree and its sampled
 * one (s, entry_of[] naming its frames in st, self[] each frame's own
 * samples), as the table counts them (docs/SAMPLING.md): traced calls
 * exact, under the sampled frames that made them; sampled frames for
 * what was not traced. */
static void name_thread(const struct naming *n, const struct stats *st, const struct raw_thread *s,
			const uint32_t *entry_of, const uint32_t *te, const uint64_t *self)
{
	const struct raw_thread *t = n->t;
	struct children children;
	uint8_t *how = xcalloc(s->nnodes + 1, 1);
	uint32_t *at = xcalloc(s->nnodes + 1, sizeof *at);
	uint32_t *prefix = xmalloc((n->traced->n + 1) * sizeof *prefix);
	uint32_t *traced_at = xcalloc(t->nnodes + 1, sizeof *traced_at);

	tree_reserve(n->out, t->nnodes + s->nnodes);
	children_index(&children, t, n->entry_of);
	for (size_t e = 0; e < n->traced->n; e++)
		prefix[e] = TREE_NONE;
	how[0] = ABOVE;
	name_above(n, st, s, entry_of, te, self, &children, how, at, prefix);
	name_traced(n, prefix, traced_at);
	name_below(n, st, s, entry_of, te, self, &children, how, at, traced_at);
	children_free(&children);
	free(how);
	free(at);
	free(prefix);
	free(traced_at);
}

/* A thread's sampled stacks, into st (roots: the thread's root calls), and
 * into its named tree if n. */
static void add_sampled(struct debts *d, struct stats *st, const struct stats *traced, struct symbolizer *sym,
			const struct raw_process *p, const struct raw_thread *t, const struct roots *roots,
			const struct naming *n)
{
	struct func_name *names;
	uint8_t *wrapper;
	struct raw_thread pcs = sampled_tree(sym, p, t, &names, &wrapper);
	uint32_t *entry_of;
	uint64_t *self;
	struct raw_thread tree = call_tree(st, sym, p, &pcs, names, wrapper, &entry_of, &self);
	uint32_t *te = traced_entries(st, traced, &tree, entry_of);

	if (n)
		name_thread(n, st, &tree, entry_of, te, self);
	if (roots->n)
		stitch(st, traced, te, roots, &tree, entry_of, p->sampling.clock != CPROF_SAMPLE_EVENT, &d->stitches);
	stats_add_tree(st, &tree, entry_of, 1e-9);
	owe(d, te, &tree, entry_of, self);
	free(te);
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

/* The edges stitch() found: a traced function's sampled caller. */
static void add_stitches(struct stats *table, const struct stitches *s)
{
	for (size_t i = 0; i < s->n; i++) {
		uint32_t callee = stats_find(table, s->at[i].callee);
		uint32_t k = stats_edge(table, callee, stats_entry(table, s->at[i].caller));
		struct stat_edge *e = &table->edges[k];
		e->nc += s->at[i].calls;
		e->cc += s->at[i].calls;
		e->tt += s->at[i].tt;
		e->ct += s->at[i].ct;
	}
}

/* The traced functions' tottime, and their caller edges', less what they
 * owe their untraced callees (owe()).  The table's first entries are the
 * traced ones, in the same order. */
static void pay(struct stats *table, const struct stats *traced, const struct stats *sampled, const struct debts *d)
{
	uint64_t edge, ns;

	for (uint32_t e = 0; e < traced->n; e++)
		table->entries[e].tt = table->entries[e].tt > d->owed[e] ? table->entries[e].tt - d->owed[e] : 0;
	for (size_t at = 0; u64map_next(&d->by_edge, &at, &edge, &ns);) {
		uint32_t callee = stats_find(table, sampled->entries[edge >> 32].key);
		uint32_t caller = stats_find(table, sampled->entries[(uint32_t)edge].key);
		uint32_t k = callee == STATS_NONE || caller == STATS_NONE ? STATS_NONE
									: stats_find_edge(table, callee, caller);
		if (k != STATS_NONE) {
			struct stat_edge *ed = &table->edges[k];
			ed->tt = ed->tt > (double)ns * 1e-9 ? ed->tt - (double)ns * 1e-9 : 0;
		}
	}
}

/* Counted functions' sampled nodes say so. */
static void mark_counted(struct call_tree *tree, const struct stats *funcs, const struct stats *counted)
{
	for (size_t k = 1; counted->n && k < tree->n; k++)
		if (tree->nodes[k].kind == NODE_SAMPLED &&
		    stats_find(counted, funcs->entries[tree->nodes[k].func].key) != STATS_NONE)
			tree->nodes[k].kind = NODE_COUNTED;
}

void profile_process(struct strtab *strings, struct symbolizer *sym, const struct raw_process *p, struct tables *out,
		     struct stats *funcs, struct call_tree *trees)
{
	struct stats *table = stats_new(strings), *sampled = stats_new(strings), *traced = stats_new(strings);
	struct roots *roots = xcalloc(p->nthreads + 1, sizeof *roots);
	uint32_t **entry_of = xcalloc(p->nthreads + 1, sizeof *entry_of);
	struct debts d = {0};
	struct memo memo = {.named = xcalloc(p->nnamed + 1, sizeof *memo.named)};

	symbolizer_begin(sym, p);
	u64map_init(&memo.addr);
	/* the traced functions first, as traced, straight into the table;
	 * traced says which they are */
	for (size_t i = 0; i < p->nthreads; i++)
		entry_of[i] = add_traced(table, sym, p, &p->threads[i], &roots[i], &memo);
	u64map_free(&memo.addr);
	free(memo.named);
	stats_add_keys(traced, table);
	d.owed = xcalloc(traced->n + 1, sizeof *d.owed);
	u64map_init(&d.by_edge);
	for (size_t i = 0; i < p->nthreads; i++) {
		struct naming n = {funcs, traced, &p->threads[i], entry_of[i], p->sec_per_tick, trees ? &trees[i] : NULL};
		static const struct raw_thread none;
		if (trees)
			tree_init(&trees[i]);
		if (p->threads[i].nstacks > 1)
			add_sampled(&d, sampled, traced, sym, p, &p->threads[i], &roots[i], trees ? &n : NULL);
		else if (trees)
			name_thread(&n, sampled, &none, NULL, NULL, NULL);
		free(entry_of[i]);
	}

	/* then the others, as sampled, and the sampled frames that made root
	 * calls */
	stats_add_missing(table, sampled);
	add_stitches(table, &d.stitches);
	pay(table, traced, sampled, &d);
	out->counted = stats_new(strings);
	add_counted(table, out->counted, traced, sym, p);
	for (size_t i = 0; trees && i < p->nthreads; i++) {
		mark_counted(&trees[i], funcs, out->counted);
		tree_finish(&trees[i]);
		tree_seal(&trees[i]);
	}
	for (size_t i = 0; i < p->nthreads; i++)
		free(roots[i].at);
	free(roots);
	free(entry_of);
	free(d.stitches.at);
	free(d.owed);
	u64map_free(&d.by_edge);
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
