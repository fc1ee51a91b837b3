/* tree.c: named call trees. */
#include "config.h"

#include <stdlib.h>

#include "tree.h"

void tree_init(struct call_tree *t)
{
	*t = (struct call_tree){0};
	u64map_init(&t->child);
	GROW(t->nodes, t->cap, 1);
	t->nodes[0] = (struct tree_node){
		.func = TREE_NONE, .parent = TREE_NONE, .first = TREE_NONE, .last = TREE_NONE, .next = TREE_NONE};
	t->n = 1;
}

void tree_free(struct call_tree *t)
{
	free(t->nodes);
	u64map_free(&t->child);
	*t = (struct call_tree){0};
}

void tree_seal(struct call_tree *t)
{
	u64map_free(&t->child);
	u64map_init(&t->child);
}

/* The child of parent named func among its first TREE_SCAN, or TREE_NONE;
 * *indexed says whether the others, and a new child, are in the index
 * (parent has TREE_SCAN children). */
static uint32_t walk_children(const struct call_tree *t, uint32_t parent, uint32_t func, int *indexed)
{
	uint32_t c = t->nodes[parent].first;
	int k;

	/* most nodes have a few children: the first TREE_SCAN are walked,
	 * and only the others are in the index */
	for (k = 0; k < TREE_SCAN && c != TREE_NONE; k++, c = t->nodes[c].next)
		if (t->nodes[c].func == func)
			return c;
	*indexed = k == TREE_SCAN;
	return TREE_NONE;
}

uint32_t tree_find(const struct call_tree *t, uint32_t parent, uint32_t func)
{
	int indexed;
	uint32_t c = walk_children(t, parent, func, &indexed);
	const uint64_t *slot;

	if (c != TREE_NONE || !indexed)
		return c;
	slot = u64map_find(&t->child, (uint64_t)parent << 32 | func);
	return slot ? (uint32_t)*slot : TREE_NONE;
}

uint32_t tree_child(struct call_tree *t, uint32_t parent, uint32_t func, enum node_kind kind)
{
	int indexed;
	uint32_t i = walk_children(t, parent, func, &indexed);
	uint64_t *slot = NULL;
	struct tree_node *p;

	if (i != TREE_NONE)
		return i;
	if (indexed) {
		slot = u64map_get(&t->child, (uint64_t)parent << 32 | func, TREE_NONE);
		if (*slot != TREE_NONE)
			return (uint32_t)*slot;
	}
	GROW(t->nodes, t->cap, t->n + 1);
	i = (uint32_t)t->n++;
	t->nodes[i] = (struct tree_node){
		.func = func, .parent = parent, .first = TREE_NONE, .last = TREE_NONE, .next = TREE_NONE, .kind = kind};
	p = &t->nodes[parent];
	if (p->last == TREE_NONE)
		p->first = i;
	else
		t->nodes[p->last].next = i;
	p->last = i;
	if (slot)
		*slot = i;
	return i;
}

/* Scales the times of node v's subtree by f. */
static void scale(struct call_tree *t, uint32_t v, double f)
{
	uint32_t *stack = xmalloc((t->n + 1) * sizeof *stack);
	size_t depth = 0;

	stack[depth++] = v;
	while (depth) {
		struct tree_node *n = &t->nodes[stack[--depth]];
		n->total *= f;
		n->self *= f;
		for (uint32_t c = n->first; c != TREE_NONE; c = t->nodes[c].next)
			stack[depth++] = c;
	}
	free(stack);
}

/* Traced node k's sampled children, scaled to fit in what its traced
 * children leave of its exact total: samples are estimates, and the few
 * that fell in a short call can say more time than the call took. */
static void fit(struct call_tree *t, uint32_t k, double *below, double sampled)
{
	double traced = below[k] - sampled, room = t->nodes[k].total > traced ? t->nodes[k].total - traced : 0;

	for (uint32_t c = t->nodes[k].first; c != TREE_NONE; c = t->nodes[c].next)
		if (t->nodes[c].kind != NODE_TRACED)
			scale(t, c, room / sampled);
	below[k] = traced + room;
}

void tree_finish(struct call_tree *t)
{
	double *below = xcalloc(t->n, sizeof *below), *sampled = xcalloc(t->n, sizeof *sampled);

	/* a child comes after its parent: from the last node up, every
	 * child is done before its parent */
	for (size_t k = t->n; k-- > 1;) {
		struct tree_node *n = &t->nodes[k];
		if (n->kind == NODE_TRACED) {
			if (below[k] > n->total && sampled[k] > 0)
				fit(t, (uint32_t)k, below, sampled[k]);
			n->self = n->total > below[k] ? n->total - below[k] : 0;
		} else {
			n->total = n->self + below[k];
			sampled[n->parent] += n->total;
		}
		below[n->parent] += n->total;
	}
	t->nodes[0].total = below[0];
	t->nodes[0].self = 0;
	free(below);
	free(sampled);
}

void tree_reserve(struct call_tree *t, size_t n)
{
	GROW(t->nodes, t->cap, n);
}

void tree_merge(struct call_tree *dst, const struct call_tree *src)
{
	uint32_t *to = xmalloc(src->n * sizeof *to);

	if (dst->n < src->n)
		tree_reserve(dst, src->n);
	to[0] = 0;
	dst->nodes[0].total += src->nodes[0].total;
	for (size_t k = 1; k < src->n; k++) {
		const struct tree_node *s = &src->nodes[k];
		uint32_t i = tree_child(dst, to[s->parent], s->func, s->kind);
		struct tree_node *d = &dst->nodes[i];
		if (d->kind != s->kind)
			d->kind = NODE_SAMPLED;
		d->calls += s->calls;
		d->total += s->total;
		d->self += s->self;
		to[k] = i;
	}
	free(to);
}

uint32_t *tree_preorder(const struct call_tree *t)
{
	uint32_t *order = xmalloc((t->n + 1) * sizeof *order), *stack = xmalloc((t->n + 1) * sizeof *stack);
	size_t n = 0, depth = 0;

	/* each node is pushed once: its next sibling waits under its first
	 * child */
	stack[depth++] = 0;
	while (depth) {
		uint32_t v = stack[--depth];
		order[n++] = v;
		if (v && t->nodes[v].next != TREE_NONE)
			stack[depth++] = t->nodes[v].next;
		if (t->nodes[v].first != TREE_NONE)
			stack[depth++] = t->nodes[v].first;
	}
	free(stack);
	return order;
}

void tree_walk(const struct call_tree *t, tree_visit *visit, void *ctx)
{
	uint32_t *order = tree_preorder(t), *path = xmalloc((t->n + 1) * sizeof *path);
	uint32_t *depth = xcalloc(t->n + 1, sizeof *depth);

	for (size_t i = 1; i < t->n; i++) {
		uint32_t v = order[i];
		depth[v] = depth[t->nodes[v].parent] + 1;
		path[depth[v] - 1] = v;
		visit(ctx, t, path, depth[v]);
	}
	free(order);
	free(path);
	free(depth);
}
