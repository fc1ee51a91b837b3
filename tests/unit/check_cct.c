/* Unit tests of preload/cct.c: the runtime's calling-context trees. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cct.h"
#include "cprof-format.h"
#include "frame.h"
#include "rawbuf.h"
#include "tap.h"

/* A new tree holds its root only: id 0, no function, no parent. */
START_TEST(test_new)
{
	struct cct *c = cct_new();

	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->nnodes, 1);
	ck_assert_uint_eq(cct_root(c)->id, 0);
	ck_assert_uint_eq(cct_root(c)->fn, 0);
	ck_assert_ptr_null(cct_root(c)->parent);
	ck_assert_uint_eq(c->table_mask, 1023);
	ck_assert_uint_eq(c->table_used, 0);
	cct_free(c);
}
END_TEST

/* A child is made once per (parent, function), with the next id, and
 * found after; the same function under another parent is another node. */
START_TEST(test_child_find)
{
	struct cct *c = cct_new();
	struct tnode *root = cct_root(c), *a, *b, *ab, *ba;

	ck_assert_ptr_null(cct_find(c, root, 0x1000));
	a = cct_child(c, root, 0x1000);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->id, 1);
	ck_assert_uint_eq(a->fn, 0x1000);
	ck_assert_ptr_eq(a->parent, root);
	ck_assert_uint_eq(a->calls, 0);
	ck_assert_uint_eq(a->ticks, 0);
	ck_assert_ptr_eq(cct_child(c, root, 0x1000), a);
	ck_assert_ptr_eq(cct_find(c, root, 0x1000), a);
	ck_assert_uint_eq(c->nnodes, 2);

	b = cct_child(c, root, 0x2000);
	ab = cct_child(c, a, 0x2000);
	ba = cct_child(c, b, 0x1000);
	ck_assert_uint_eq(b->id, 2);
	ck_assert_uint_eq(ab->id, 3);
	ck_assert_uint_eq(ba->id, 4);
	ck_assert_ptr_ne(ab, b);
	ck_assert_ptr_eq(ab->parent, a);
	ck_assert_ptr_eq(cct_find(c, a, 0x2000), ab);
	ck_assert_ptr_eq(cct_find(c, b, 0x1000), ba);
	ck_assert_ptr_null(cct_find(c, a, 0x1000));
	ck_assert_ptr_eq(cct_node(c, 3), ab);
	ck_assert_uint_eq(c->nnodes, 5);
	ck_assert_uint_eq(c->table_used, 4);
	cct_free(c);
}
END_TEST

/* The guesses: the child entered last, then the one entered after it last
 * time; a loop calling f then g finds each where the other left it. */
START_TEST(test_sibling_cache)
{
	struct cct *c = cct_new();
	struct tnode *root = cct_root(c), *f, *g, *h;

	f = cct_child(c, root, 0xf);
	g = cct_child(c, root, 0x9);
	h = cct_child(c, root, 0x7);
	ck_assert_ptr_null(cct_guess(c, root, 0xf)); /* nothing entered yet */

	cct_entered(root, f);
	ck_assert_ptr_eq(root->cache, f);
	ck_assert_ptr_eq(cct_guess(c, root, 0xf), f);
	ck_assert_ptr_null(cct_guess(c, root, 0x9));

	cct_entered(root, g);
	ck_assert_uint_eq(f->next, g->id);
	ck_assert_ptr_eq(root->cache, g);
	cct_entered(root, f);
	ck_assert_uint_eq(g->next, f->id);
	/* the loop's next turn: g found from f, and the cache moves to it */
	ck_assert_ptr_eq(cct_guess(c, root, 0x9), g);
	ck_assert_ptr_eq(root->cache, g);
	ck_assert_ptr_eq(cct_guess(c, root, 0xf), f);
	ck_assert_ptr_eq(root->cache, f);
	/* a miss leaves the cache alone */
	ck_assert_ptr_null(cct_guess(c, root, 0x7));
	ck_assert_ptr_eq(root->cache, f);
	/* entering the cached child again links nothing */
	cct_entered(root, f);
	ck_assert_uint_eq(f->next, g->id);
	cct_entered(root, h);
	ck_assert_uint_eq(f->next, h->id);
	ck_assert_uint_eq(h->next, 0);
	cct_free(c);
}
END_TEST

/* A guess through next is taken only for a sibling: an id left in next
 * from before a reset may name a node of another parent now. */
START_TEST(test_guess_checks_parent)
{
	struct cct *c = cct_new();
	struct tnode *root = cct_root(c), *a, *b, *x;

	a = cct_child(c, root, 0xa);
	b = cct_child(c, a, 0xb); /* a child of a, not of root */
	x = cct_child(c, root, 0xc);
	root->cache = x;
	x->next = b->id;
	ck_assert_ptr_null(cct_guess(c, root, 0xb));
	ck_assert_ptr_eq(root->cache, x);
	cct_free(c);
}
END_TEST

/* Past half full the table doubles, and past a chunk the nodes go on in
 * the next: every node still found, ids in order of creation. */
START_TEST(test_growth)
{
	enum { N = 10000 };
	struct cct *c = cct_new();
	struct tnode *root = cct_root(c), *deep = root;
	struct tnode *first = NULL;

	for (uint32_t i = 0; i < N; i++) {
		struct tnode *n = cct_child(c, root, 0x400000 + 16 * (uintptr_t)i);
		ck_assert_ptr_nonnull(n);
		ck_assert_uint_eq(n->id, i + 1);
		if (!first)
			first = n;
	}
	ck_assert_uint_eq(c->nnodes, N + 1);
	ck_assert_uint_eq(c->table_used, N);
	ck_assert_uint_eq(c->table_mask, 32767); /* 10000 needs 20000 slots */
	ck_assert_ptr_nonnull(c->chunks[2]);     /* ids 8192 .. 12287 */
	ck_assert_ptr_null(c->chunks[3]);
	for (uint32_t i = 0; i < N; i++) {
		struct tnode *n = cct_find(c, root, 0x400000 + 16 * (uintptr_t)i);
		ck_assert_ptr_nonnull(n);
		ck_assert_uint_eq(n->id, i + 1);
		ck_assert_ptr_eq(cct_node(c, i + 1), n);
	}
	ck_assert_ptr_eq(cct_node(c, 1), first); /* nodes never move */
	ck_assert_ptr_eq(cct_node(c, CCT_CHUNK_NODES), &c->chunks[1][0]);

	/* a path 200 deep: each node its parent's only child */
	for (int d = 0; d < 200; d++)
		deep = cct_child(c, deep, 0x300000);
	ck_assert_uint_eq(deep->id, N + 200);
	for (int d = 0; d < 200; d++)
		deep = deep->parent;
	ck_assert_ptr_eq(deep, root);
	cct_free(c);
}
END_TEST

/* A reset tree holds its root only, and reuses its chunks. */
START_TEST(test_reset)
{
	struct cct *c = cct_new();
	struct tnode *chunk0, *n;

	for (uintptr_t fn = 1; fn <= 600; fn++)
		cct_child(c, cct_root(c), fn);
	chunk0 = c->chunks[0];
	ck_assert_uint_eq(c->table_mask, 2047);
	ck_assert_int_eq(cct_reset(c), 0);
	ck_assert_uint_eq(c->nnodes, 1);
	ck_assert_uint_eq(c->table_used, 0);
	ck_assert_uint_eq(c->table_mask, 1023);
	ck_assert_ptr_eq(c->chunks[0], chunk0);
	ck_assert_ptr_null(cct_find(c, cct_root(c), 5));
	ck_assert_ptr_null(cct_root(c)->cache);
	n = cct_child(c, cct_root(c), 5);
	ck_assert_uint_eq(n->id, 1);
	ck_assert_uint_eq(n->calls, 0);
	ck_assert_uint_eq(n->next, 0);
	cct_free(c);
}
END_TEST

/* Merging adds src's calls and ticks path by path, making the paths dst
 * lacks. */
START_TEST(test_merge)
{
	struct cct *dst = cct_new(), *src = cct_new();
	struct tnode *a, *ab, *sa, *sab, *sac;

	a = cct_child(dst, cct_root(dst), 0xa);
	ab = cct_child(dst, a, 0xb);
	a->calls = 1;
	a->ticks = 100;
	ab->calls = 2;
	ab->ticks = 30;
	sa = cct_child(src, cct_root(src), 0xa);
	sac = cct_child(src, sa, 0xc);
	sab = cct_child(src, sa, 0xb);
	sa->calls = 4;
	sa->ticks = 400;
	sab->calls = 5;
	sab->ticks = 50;
	sac->calls = 6;
	sac->ticks = 60;
	ck_assert_int_eq(cct_merge(dst, src), 0);
	ck_assert_uint_eq(dst->nnodes, 4);
	ck_assert_uint_eq(a->calls, 5);
	ck_assert_uint_eq(a->ticks, 500);
	ck_assert_uint_eq(ab->calls, 7);
	ck_assert_uint_eq(ab->ticks, 80);
	ck_assert_ptr_eq(cct_find(dst, a, 0xc), cct_node(dst, 3));
	ck_assert_uint_eq(cct_node(dst, 3)->calls, 6);
	ck_assert_uint_eq(cct_node(dst, 3)->ticks, 60);
	ck_assert_uint_eq(src->nnodes, 4); /* src as it was */
	ck_assert_uint_eq(sa->calls, 4);
	/* an empty tree adds nothing */
	ck_assert_int_eq(cct_reset(src), 0);
	ck_assert_int_eq(cct_merge(dst, src), 0);
	ck_assert_uint_eq(dst->nnodes, 4);
	cct_free(dst);
	cct_free(src);
}
END_TEST

/* The bytes written into a temporary file, read back. */
static char *written(struct rawbuf *b, size_t *len)
{
	char *data;
	long size;

	rawbuf_flush(b);
	ck_assert_int_eq(b->error, 0);
	size = lseek(b->fd, 0, SEEK_END);
	ck_assert_int_ge(size, 0);
	data = malloc((size_t)size + 1);
	ck_assert_int_eq(pread(b->fd, data, (size_t)size, 0), size);
	*len = (size_t)size;
	return data;
}

/* Written as NODES records, each node with its parent's id; the open
 * frames count as calls ending now: a call that was open at a fork adds
 * its time, not a call; one opened after now adds neither time nor a
 * negative. */
START_TEST(test_write)
{
	struct cct *c = cct_new();
	struct tnode *a = cct_child(c, cct_root(c), 0xa), *b = cct_child(c, a, 0xb), *x = cct_child(c, a, 0xc);
	char space[64];
	FILE *f = tmpfile();
	struct rawbuf rb = {.fd = fileno(f), .buf = space, .cap = sizeof space};
	struct frame frames[] = {
		{.node = (uintptr_t)a, .t0 = 10},
		{.node = (uintptr_t)b | FRAME_INHERITED, .t0 = 50},
	};
	struct cprof_record r;
	struct cprof_rec_nodes h;
	struct cprof_node n[4];
	size_t len;
	char *data;

	a->calls = 3;
	a->ticks = 1000;
	x->calls = 1;
	x->ticks = 7;
	cct_write(&rb, CPROF_REC_NODES, c, 9, frames_add_open, &(struct open_calls){frames, frames + 2, 100});
	data = written(&rb, &len);
	ck_assert_uint_eq(rb.records, 1);
	ck_assert_uint_eq(len, sizeof r + sizeof h + sizeof n);
	memcpy(&r, data, sizeof r);
	memcpy(&h, data + sizeof r, sizeof h);
	memcpy(n, data + sizeof r + sizeof h, sizeof n);
	ck_assert_uint_eq(r.type, CPROF_REC_NODES);
	ck_assert_uint_eq(r.size, sizeof h + sizeof n);
	ck_assert_uint_eq(h.thread, 9);
	ck_assert_uint_eq(h.first, 0);
	ck_assert_uint_eq(h.count, 4);
	ck_assert_uint_eq(n[0].func, 0);
	ck_assert_uint_eq(n[1].func, 0xa);
	ck_assert_uint_eq(n[1].parent, 0);
	ck_assert_uint_eq(n[1].calls, 4);      /* 3, and the open one */
	ck_assert_uint_eq(n[1].ticks, 1090);   /* 1000, and 100 - 10 */
	ck_assert_uint_eq(n[2].func, 0xb);
	ck_assert_uint_eq(n[2].parent, 1);
	ck_assert_uint_eq(n[2].calls, 0);      /* open since before the fork */
	ck_assert_uint_eq(n[2].ticks, 50);
	ck_assert_uint_eq(n[3].parent, 1);
	ck_assert_uint_eq(n[3].calls, 1);
	ck_assert_uint_eq(n[3].ticks, 7);
	ck_assert_uint_eq(a->calls, 3); /* the tree as it was */
	free(data);

	/* a call opened after now */
	frames[0].t0 = 200;
	ck_assert_int_eq(ftruncate(rb.fd, 0), 0);
	lseek(rb.fd, 0, SEEK_SET);
	cct_write(&rb, CPROF_REC_STACKS, c, 0, frames_add_open, &(struct open_calls){frames, frames + 1, 100});
	data = written(&rb, &len);
	memcpy(&r, data, sizeof r);
	memcpy(n, data + sizeof r + sizeof h, sizeof n);
	ck_assert_uint_eq(r.type, CPROF_REC_STACKS);
	ck_assert_uint_eq(n[1].calls, 4);
	ck_assert_uint_eq(n[1].ticks, 1000);
	free(data);
	fclose(f);
	cct_free(c);
}
END_TEST

/* A tree of more than 4096 nodes goes in runs of 4096. */
START_TEST(test_write_runs)
{
	struct cct *c = cct_new();
	char space[4096];
	FILE *f = tmpfile();
	struct rawbuf rb = {.fd = fileno(f), .buf = space, .cap = sizeof space};
	struct cprof_record r;
	struct cprof_rec_nodes h;
	struct cprof_node last;
	size_t len, second;
	char *data;

	for (uintptr_t fn = 1; fn < 5000; fn++)
		cct_child(c, cct_root(c), fn);
	cct_write(&rb, CPROF_REC_NODES, c, 1, NULL, NULL);
	data = written(&rb, &len);
	ck_assert_uint_eq(rb.records, 2);
	second = sizeof r + sizeof h + 4096 * sizeof(struct cprof_node);
	ck_assert_uint_eq(len, second + sizeof r + sizeof h + 904 * sizeof(struct cprof_node));
	memcpy(&h, data + sizeof r, sizeof h);
	ck_assert_uint_eq(h.first, 0);
	ck_assert_uint_eq(h.count, 4096);
	memcpy(&r, data + second, sizeof r);
	memcpy(&h, data + second + sizeof r, sizeof h);
	ck_assert_uint_eq(r.size, sizeof h + 904 * sizeof(struct cprof_node));
	ck_assert_uint_eq(h.first, 4096);
	ck_assert_uint_eq(h.count, 904);
	memcpy(&last, data + len - sizeof last, sizeof last);
	ck_assert_uint_eq(last.func, 4999);
	ck_assert_uint_eq(last.parent, 0);
	free(data);
	fclose(f);
	cct_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cct");
	TCase *tc = tcase_create("cct");

	tcase_add_test(tc, test_new);
	tcase_add_test(tc, test_child_find);
	tcase_add_test(tc, test_sibling_cache);
	tcase_add_test(tc, test_guess_checks_parent);
	tcase_add_test(tc, test_growth);
	tcase_add_test(tc, test_reset);
	tcase_add_test(tc, test_merge);
	tcase_add_test(tc, test_write);
	tcase_add_test(tc, test_write_runs);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
