/* Unit tests of tree.c: named call trees. */
#include "config.h"

#include <stdlib.h>

#include "tap.h"
#include "tree.h"

/* A traced node keeps its total, and its self time is what its children
 * leave; a sampled node's total is its own time and its children's. */
START_TEST(test_finish)
{
	struct call_tree t;
	uint32_t a, b, c, d;

	tree_init(&t);
	a = tree_child(&t, 0, 1, NODE_TRACED);
	b = tree_child(&t, a, 2, NODE_SAMPLED);
	c = tree_child(&t, b, 3, NODE_TRACED);
	d = tree_child(&t, a, 4, NODE_TRACED);
	t.nodes[a].total = 10;
	t.nodes[b].self = 2;
	t.nodes[c].total = 3;
	t.nodes[d].total = 7;
	tree_finish(&t);
	ck_assert_double_eq(t.nodes[d].self, 7);
	ck_assert_double_eq_tol(t.nodes[b].total, 3, 1e-12); /* 2 + 3 scaled to the 10 - 7 left */
	ck_assert_double_eq(t.nodes[a].self, 0);
	ck_assert_double_eq(t.nodes[0].total, 10);
	ck_assert_uint_eq(tree_child(&t, a, 2, NODE_TRACED), b); /* found, not added */
	ck_assert_uint_eq(t.n, 5);
	tree_free(&t);
}
END_TEST

/* Samples are estimates: a traced call's sampled callees that say more
 * time than the call took are scaled down to what its traced callees
 * leave, their subtrees with them, and never drawn wider than it. */
START_TEST(test_finish_fits_samples)
{
	struct call_tree t;
	uint32_t a, s, s2, c;

	tree_init(&t);
	a = tree_child(&t, 0, 1, NODE_TRACED);
	s = tree_child(&t, a, 2, NODE_SAMPLED);
	s2 = tree_child(&t, s, 3, NODE_SAMPLED);
	c = tree_child(&t, a, 4, NODE_TRACED);
	t.nodes[a].total = 1.0;
	t.nodes[s].self = 1.0;
	t.nodes[s2].self = 2.0;
	t.nodes[c].total = 0.5;
	tree_finish(&t);
	ck_assert_double_eq_tol(t.nodes[s].total, 0.5, 1e-12);
	ck_assert_double_eq_tol(t.nodes[s2].total, 1.0 / 3, 1e-12);
	ck_assert_double_eq_tol(t.nodes[s].self, 0.5 / 3, 1e-12);
	ck_assert_double_eq(t.nodes[a].total, 1.0);
	ck_assert_double_eq(t.nodes[a].self, 0);
	ck_assert_double_eq(t.nodes[0].total, 1.0);
	tree_free(&t);
}
END_TEST

/* Merged path by path: figures add, and a path traced in one tree and
 * sampled in the other is an estimate. */
START_TEST(test_merge)
{
	struct call_tree x, y, z;
	uint32_t a, b;

	tree_init(&x);
	tree_init(&y);
	tree_init(&z);
	a = tree_child(&x, 0, 1, NODE_TRACED);
	x.nodes[a].calls = 2;
	x.nodes[a].total = 4;
	b = tree_child(&y, 0, 1, NODE_SAMPLED);
	y.nodes[b].self = 1;
	tree_child(&y, b, 5, NODE_SAMPLED);
	tree_finish(&x);
	tree_finish(&y);
	tree_merge(&z, &x);
	tree_merge(&z, &y);
	ck_assert_uint_eq(z.n, 3);
	ck_assert_int_eq(z.nodes[1].kind, NODE_SAMPLED);
	ck_assert_uint_eq(z.nodes[1].calls, 2);
	ck_assert_double_eq(z.nodes[1].total, 5);
	ck_assert_double_eq(z.nodes[0].total, 5);
	ck_assert_uint_eq(z.nodes[2].parent, 1);
	tree_free(&x);
	tree_free(&y);
	tree_free(&z);
}
END_TEST

/* Preorder: a node's subtree follows it, children in the order first
 * seen, however the nodes were added. */
START_TEST(test_preorder)
{
	struct call_tree t;
	uint32_t a, b, *order;
	static const uint32_t want[] = {0, 1, 3, 5, 2, 4};

	tree_init(&t);
	a = tree_child(&t, 0, 10, NODE_SAMPLED); /* 1 */
	b = tree_child(&t, 0, 11, NODE_SAMPLED); /* 2 */
	tree_child(&t, a, 12, NODE_SAMPLED);     /* 3 */
	tree_child(&t, b, 13, NODE_SAMPLED);     /* 4 */
	tree_child(&t, 3, 14, NODE_SAMPLED);     /* 5 */
	order = tree_preorder(&t);
	for (size_t i = 0; i < t.n; i++)
		ck_assert_uint_eq(order[i], want[i]);
	free(order);
	tree_free(&t);
}
END_TEST

/* A node of many children: each found again (tree_child, tree_find),
 * whichever way (walked or indexed), the one past the first TREE_SCAN
 * included; none added twice. */
START_TEST(test_many_children)
{
	struct call_tree t;
	uint32_t kid[3 * TREE_SCAN];

	tree_init(&t);
	for (uint32_t f = 0; f < 3 * TREE_SCAN; f++) {
		kid[f] = tree_child(&t, 0, f, NODE_TRACED);
		ck_assert_uint_eq(t.n, f + 2);
		for (uint32_t g = 0; g <= f; g++) {
			ck_assert_uint_eq(tree_child(&t, 0, g, NODE_SAMPLED), kid[g]);
			ck_assert_uint_eq(tree_find(&t, 0, g), kid[g]);
		}
		ck_assert_uint_eq(tree_find(&t, 0, 1000), TREE_NONE);
	}
	ck_assert_uint_eq(t.n, 3 * TREE_SCAN + 1);
	ck_assert_uint_eq(tree_child(&t, kid[0], 0, NODE_TRACED), 3 * TREE_SCAN + 1); /* another parent's */
	tree_free(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tree");
	TCase *tc = tcase_create("tree");

	tcase_add_test(tc, test_finish);
	tcase_add_test(tc, test_finish_fits_samples);
	tcase_add_test(tc, test_merge);
	tcase_add_test(tc, test_preorder);
	tcase_add_test(tc, test_many_children);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
