/* cct.c: calling-context trees: nodes in fixed chunks, a hash table from
 * (parent, function) to child, merging, and writing. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "cct.h"
#include "cprof-format.h"
#include "rawbuf.h"

#define TABLE_INITIAL 1024

static void *map_zero(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static struct slot *table_find(struct slot *table, uint32_t mask, const struct tnode *parent, uintptr_t fn)
{
	uint32_t i = cct_hash(parent, fn) & mask;

	while (table[i].node && (table[i].parent != parent || table[i].fn != fn))
		i = (i + 1) & mask;
	return &table[i];
}

static int table_grow(struct cct *c)
{
	uint32_t size = (c->table_mask + 1) * 2;
	struct slot *table = map_zero(size * sizeof *table);

	if (!table)
		return -ENOMEM;
	for (uint32_t i = 0; i <= c->table_mask; i++) {
		struct slot *s = &c->table[i];
		if (s->node)
			*table_find(table, size - 1, s->parent, s->fn) = *s;
	}
	munmap(c->table, (c->table_mask + 1) * sizeof *c->table);
	c->table = table;
	c->table_mask = size - 1;
	return 0;
}

/* Creates node id c->nnodes; NULL when out of memory or ids.  Chunks may
 * hold an earlier tree's nodes: every field is set. */
static struct tnode *node_new(struct cct *c, struct tnode *parent, uintptr_t fn)
{
	uint32_t id = c->nnodes;
	uint32_t chunk = id >> CCT_CHUNK_SHIFT;
	struct tnode *n;

	if (chunk >= CCT_MAX_CHUNKS)
		return NULL;
	if (!c->chunks[chunk] && !(c->chunks[chunk] = map_zero(CCT_CHUNK_NODES * sizeof *n)))
		return NULL;
	n = cct_node(c, id);
	*n = (struct tnode){.fn = fn, .parent = parent, .id = id};
	__atomic_store_n(&c->nnodes, id + 1, __ATOMIC_RELEASE);
	return n;
}

struct tnode *cct_child(struct cct *c, struct tnode *parent, uintptr_t fn)
{
	struct slot *s = table_find(c->table, c->table_mask, parent, fn);
	struct tnode *n;

	if (s->node)
		return s->node;
	if ((c->table_used + 1) * 2 > c->table_mask + 1) {
		if (table_grow(c) < 0)
			return NULL;
		s = table_find(c->table, c->table_mask, parent, fn);
	}
	if (!(n = node_new(c, parent, fn)))
		return NULL;
	*s = (struct slot){parent, fn, n};
	c->table_used++;
	return n;
}

int cct_reset(struct cct *c)
{
	__atomic_store_n(&c->nnodes, 0, __ATOMIC_RELEASE);
	if (c->table)
		munmap(c->table, (c->table_mask + 1) * sizeof *c->table);
	c->table = map_zero(TABLE_INITIAL * sizeof *c->table);
	c->table_mask = TABLE_INITIAL - 1;
	c->table_used = 0;
	if (!c->table || !node_new(c, NULL, 0))
		return -ENOMEM;
	return 0;
}

struct cct *cct_new(void)
{
	struct cct *c = map_zero(sizeof *c);

	if (c && cct_reset(c) < 0) {
		cct_free(c);
		c = NULL;
	}
	return c;
}

void cct_free(struct cct *c)
{
	if (!c)
		return;
	if (c->table)
		munmap(c->table, (c->table_mask + 1) * sizeof *c->table);
	for (int i = 0; i < CCT_MAX_CHUNKS && c->chunks[i]; i++)
		munmap(c->chunks[i], CCT_CHUNK_NODES * sizeof(struct tnode));
	munmap(c, sizeof *c);
}

/* Parents come before their children in id order, so one pass maps every
 * node of src to its counterpart in dst. */
int cct_merge(struct cct *dst, const struct cct *src)
{
	uint32_t n = __atomic_load_n(&src->nnodes, __ATOMIC_ACQUIRE);
	size_t size = (size_t)n * sizeof(struct tnode *);
	struct tnode **map;
	int ret = 0;

	if (n < 2)
		return 0;
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return -ENOMEM;
	map[0] = cct_root(dst);
	for (uint32_t id = 1; id < n; id++) {
		const struct tnode *s = cct_node(src, id);
		struct tnode *d = cct_child(dst, map[s->parent->id], s->fn);
		if (!d) {
			ret = -ENOMEM;
			break;
		}
		d->calls += s->calls;
		d->ticks += s->ticks;
		map[id] = d;
	}
	munmap(map, size);
	return ret;
}

void cct_write(struct rawbuf *b, uint32_t type, const struct cct *c, uint32_t index, cct_adjust_fn *adjust,
	       void *ctx)
{
	uint32_t nnodes = __atomic_load_n(&c->nnodes, __ATOMIC_ACQUIRE);
	enum { RUN = 4096 };

	for (uint32_t first = 0; first < nnodes; first += RUN) {
		uint32_t count = nnodes - first < RUN ? nnodes - first : RUN;
		struct cprof_rec_nodes head = {.thread = index, .first = first, .count = count};
		uint32_t size = sizeof head + count * (uint32_t)sizeof(struct cprof_node);

		rawbuf_begin(b, type, size);
		rawbuf_put(b, &head, sizeof head);
		for (uint32_t id = first; id < first + count; id++) {
			const struct tnode *n = cct_node(c, id);
			struct cprof_node out = {
				.func = n->fn,
				.parent = n->parent ? n->parent->id : 0,
				.calls = n->calls,
				.ticks = n->ticks,
			};
			if (adjust)
				adjust(ctx, id, &out);
			rawbuf_put(b, &out, sizeof out);
		}
		rawbuf_end(b, size);
	}
}
