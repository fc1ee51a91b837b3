/* tree.h: named call trees: a node per call path, named by function, with
 * the calls made along it and its time, and whether those figures were
 * traced (exact) or sampled (estimates).  What the flame graphs, the
 * collapsed stacks and speedscope's profiles are drawn from. */
#ifndef CPROF_TREE_H
#define CPROF_TREE_H

#include <stdint.h>

#include "util.h"

#define TREE_NONE UINT32_MAX
/* A node's first children are found by walking its list of them: most
 * have a few, and a walk is cheaper than hashing. */
#define TREE_SCAN 4

/* What a node's figures come from (the numbers are the HTML report's). */
enum node_kind {
	NODE_TRACED = 0,  /* calls and times exact */
	NODE_SAMPLED = 1, /* times estimated from samples; no calls */
	NODE_COUNTED = 2, /* sampled times; its function's calls counted by uprobes */
};

struct tree_node {
	uint32_t func;   /* an id of the model's functions (struct model's funcs) */
	uint32_t parent; /* TREE_NONE for the root, node 0 */
	uint32_t first, last, next; /* children, in the order first seen */
	uint8_t kind;
	uint64_t calls;
	double total, self; /* seconds (or, under -e EVENT, the table's unit) */
};

struct call_tree {
	struct tree_node *nodes;
	size_t n, cap;
	struct u64map child; /* parent << 32 | func -> node, for the children
			      * past a node's first TREE_SCAN */
};

/* An empty tree: its root alone. */
void tree_init(struct call_tree *t);
void tree_free(struct call_tree *t);

/* Makes room for n nodes in all. */
void tree_reserve(struct call_tree *t, size_t n);

/* The child of parent named func, added with kind if missing. */
uint32_t tree_child(struct call_tree *t, uint32_t parent, uint32_t func, enum node_kind kind);
/* The child of parent named func, or TREE_NONE (not once sealed). */
uint32_t tree_find(const struct call_tree *t, uint32_t parent, uint32_t func);

/* Sets the figures the building left open: a sampled node's total is its
 * own time and its children's; a traced node's self time, its total less
 * its children's, its sampled children scaled down to fit if they say more
 * time than its exact total leaves them (so a child is never wider than
 * its parent). */
void tree_finish(struct call_tree *t);

/* dst += src, path by path: calls and times add; a path traced in one and
 * sampled in the other is an estimate. */
void tree_merge(struct call_tree *dst, const struct call_tree *src);

/* The nodes in preorder, children in the order first seen: a node's
 * subtree follows it.  Returns a new array of t->n node indexes. */
uint32_t *tree_preorder(const struct call_tree *t);

/* Visits every node but the root, in preorder, with its path: path[0] a
 * child of the root, path[depth - 1] the node. */
typedef void tree_visit(void *ctx, const struct call_tree *t, const uint32_t *path, uint32_t depth);
void tree_walk(const struct call_tree *t, tree_visit *visit, void *ctx);

/* Drops what only building needs (the index of children). */
void tree_seal(struct call_tree *t);

#endif
