/* cct.h: calling-context trees, the runtime's record of calls.
 *
 * One node per distinct call path (root to function), holding the calls that
 * completed on that path and their inclusive ticks.  Nodes live in chunks
 * that never move, so a writer in another thread (or a signal handler) can
 * read a tree while it grows: a node is published by the release store of
 * nnodes after it is filled in.
 */
#ifndef CPROF_CCT_H
#define CPROF_CCT_H

#include <stdint.h>

#include "cprof-hash.h"

#define CCT_CHUNK_SHIFT 12
#define CCT_CHUNK_NODES (1u << CCT_CHUNK_SHIFT)
#define CCT_MAX_CHUNKS 4096 /* 16M nodes per tree */

/* The id of a node outside every tree (a thread's stand-in for calls it
 * could not record). */
#define CCT_NO_ID UINT32_MAX

struct tnode {
	uintptr_t fn;
	struct tnode *parent;
	struct tnode *cache; /* the child entered last from here */
	uint64_t calls;
	uint64_t ticks;
	uint32_t id;
	uint32_t next; /* the sibling entered after this one, last time; 0: none */
};

struct slot {
	struct tnode *parent;
	uintptr_t fn;
	struct tnode *node;
};

struct cct {
	uint32_t nnodes; /* nodes published; node 0 is the root */
	struct slot *table; /* (parent, fn) -> child */
	uint32_t table_mask;
	uint32_t table_used;
	struct tnode *chunks[CCT_MAX_CHUNKS];
};

static inline struct tnode *cct_node(const struct cct *c, uint32_t id)
{
	return &c->chunks[id >> CCT_CHUNK_SHIFT][id & (CCT_CHUNK_NODES - 1)];
}

static inline struct tnode *cct_root(const struct cct *c)
{
	return cct_node(c, 0);
}

static inline uint32_t cct_hash(const struct tnode *parent, uintptr_t fn)
{
	uint64_t h = ((uintptr_t)parent >> 4) * CPROF_HASH_GOLDEN ^ fn * CPROF_HASH_PAIR;

	return (uint32_t)(h >> 29);
}

/* The child of parent for fn, NULL if it has none yet (cct_child makes
 * it).  Not reentrant, as cct_child. */
static inline struct tnode *cct_find(const struct cct *c, const struct tnode *parent, uintptr_t fn)
{
	uint32_t i = cct_hash(parent, fn) & c->table_mask;

	while (c->table[i].node && (c->table[i].parent != parent || c->table[i].fn != fn))
		i = (i + 1) & c->table_mask;
	return c->table[i].node;
}

/* The child of parent entered last, and the one entered after it last
 * time: the guesses for the next child entered (a loop calling f then g
 * finds each where the other left it).  NULL if neither is fn's. */
static inline struct tnode *cct_guess(const struct cct *c, struct tnode *parent, uintptr_t fn)
{
	struct tnode *n = parent->cache, *m;

	if (__builtin_expect(n && n->fn == fn, 1))
		return n;
	if (n && n->next && (m = cct_node(c, n->next))->fn == fn && m->parent == parent) {
		parent->cache = m;
		return m;
	}
	return NULL;
}

/* parent's child n was entered: the guesses learn it. */
static inline void cct_entered(struct tnode *parent, struct tnode *n)
{
	if (parent->cache && parent->cache != n)
		parent->cache->next = n->id;
	parent->cache = n;
}

/* A new tree holding only its root; NULL when out of memory. */
struct cct *cct_new(void);
/* Empties c for reuse, keeping its chunks; returns 0 or -ENOMEM.  Only when
 * no writer can be reading c's nodes beyond the root. */
int cct_reset(struct cct *c);
void cct_free(struct cct *c);
/* The child of parent for fn, created if missing; NULL when out of memory.
 * Not reentrant: the caller guards against signal handlers. */
struct tnode *cct_child(struct cct *c, struct tnode *parent, uintptr_t fn);
/* Adds every node of src into dst, path by path; returns 0 or -ENOMEM. */
int cct_merge(struct cct *dst, const struct cct *src);

/* Adds to node id's figures, as written in out, what the tree does not
 * hold yet (tracing's calls still open: frame.h); called in order of id. */
struct cprof_node;
typedef void cct_adjust_fn(void *ctx, uint32_t id, struct cprof_node *out);

/* Writes the tree as records of type `type` (NODES or STACKS) of thread
 * `index`, each node as adjust (if not NULL) makes it.  May run in a signal
 * handler. */
struct rawbuf;
void cct_write(struct rawbuf *b, uint32_t type, const struct cct *c, uint32_t index, cct_adjust_fn *adjust,
	       void *ctx);

#endif
