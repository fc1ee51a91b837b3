/* Unit tests of stats.c: cProfile's numbers from calling-context trees. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "lookup.h"
#include "tap.h"

/* A thread's tree built by hand: node 0 is the root. */
struct tree {
	struct raw_thread t;
	struct func_name fn[64];
};

static struct strtab *strings;

static void setup(void)
{
	strings = strtab_new();
}

static void teardown(void)
{
	strtab_free(strings);
}

static struct func_name fname(const char *file, unsigned line, const char *name)
{
	return (struct func_name){strtab_intern(strings, file), line, strtab_intern(strings, name)};
}

static void tree_init(struct tree *tr)
{
	memset(tr, 0, sizeof *tr);
	tr->t.nodes = calloc(64, sizeof *tr->t.nodes);
	tr->t.nnodes = 1;
}

/* Adds a node under parent for the function name (file "t.c", line = first
 * letter) and returns its id. */
static uint32_t node(struct tree *tr, uint32_t parent, const char *name, uint64_t calls, uint64_t ticks)
{
	uint32_t id = (uint32_t)tr->t.nnodes++;

	tr->t.nodes[id] = (struct raw_node){.func = id, .parent = parent, .calls = calls, .ticks = ticks};
	tr->fn[id] = fname("/src/t.c", (unsigned)name[0], name);
	return id;
}

/* The tree's stats, one tick = one second. */
static struct stats *stats_of(struct tree *tr)
{
	struct stats *st = stats_new(strings);
	uint32_t entry_of[64];

	entry_of[0] = STATS_NONE;
	for (uint32_t i = 1; i < tr->t.nnodes; i++)
		entry_of[i] = stats_entry(st, tr->fn[i]);
	stats_add_tree(st, &tr->t, entry_of, 1.0);
	free(tr->t.nodes);
	return st;
}

#define ck_entry(st, name, cc_, nc_, tt_, ct_)                    \
	do {                                                          \
		const struct stat_entry *e_ = entry(st, name);            \
		ck_assert_uint_eq(e_->cc, cc_);                           \
		ck_assert_uint_eq(e_->nc, nc_);                           \
		ck_assert_double_eq_tol(e_->tt, tt_, 1e-9);               \
		ck_assert_double_eq_tol(e_->ct, ct_, 1e-9);               \
	} while (0)

#define ck_edge(st, callee, from, nc_, cc_, tt_, ct_)             \
	do {                                                          \
		const struct stat_edge *d_ = caller(st, callee, from);    \
		ck_assert_uint_eq(d_->nc, nc_);                           \
		ck_assert_uint_eq(d_->cc, cc_);                           \
		ck_assert_double_eq_tol(d_->tt, tt_, 1e-9);               \
		ck_assert_double_eq_tol(d_->ct, ct_, 1e-9);               \
	} while (0)

START_TEST(test_plain_calls)
{
	struct tree tr;
	tree_init(&tr);
	uint32_t m = node(&tr, 0, "main", 1, 100);
	uint32_t a = node(&tr, m, "a", 2, 30);
	node(&tr, a, "b", 1, 10);
	node(&tr, m, "b", 3, 20);
	struct stats *st = stats_of(&tr);

	ck_assert_uint_eq(st->n, 3);
	ck_entry(st, "main", 1, 1, 50, 100);
	ck_entry(st, "a", 2, 2, 20, 30);
	ck_entry(st, "b", 4, 4, 30, 30);
	ck_edge(st, "b", "a", 1, 1, 10, 10);
	ck_edge(st, "b", "main", 3, 3, 20, 20);
	ck_assert_uint_eq(entry(st, "main")->first_edge, STATS_NONE);
	stats_free(st);
}
END_TEST

/* main -> f -> f -> f: one primitive call; the f<-f pair nests once */
START_TEST(test_direct_recursion)
{
	struct tree tr;
	tree_init(&tr);
	uint32_t m = node(&tr, 0, "main", 1, 110);
	uint32_t f1 = node(&tr, m, "f", 1, 100);
	uint32_t f2 = node(&tr, f1, "f", 1, 60);
	node(&tr, f2, "f", 1, 20);
	struct stats *st = stats_of(&tr);

	ck_entry(st, "f", 1, 3, 100, 100);
	ck_edge(st, "f", "main", 1, 1, 40, 100);
	ck_edge(st, "f", "f", 2, 1, 60, 60);
	struct stats_totals t = stats_totals(st);
	ck_assert_uint_eq(t.calls, 4);
	ck_assert_uint_eq(t.prim_calls, 2);
	ck_assert_double_eq_tol(t.tt, 110, 1e-9);
	stats_free(st);
}
END_TEST

/* f calls f twice in sequence: each f<-f call is primitive for the pair */
START_TEST(test_sequential_recursion)
{
	struct tree tr;
	tree_init(&tr);
	uint32_t m = node(&tr, 0, "main", 1, 100);
	uint32_t f = node(&tr, m, "f", 1, 90);
	node(&tr, f, "f", 2, 40);
	struct stats *st = stats_of(&tr);

	ck_entry(st, "f", 1, 3, 90, 90);
	ck_edge(st, "f", "f", 2, 2, 40, 40);
	stats_free(st);
}
END_TEST

/* main -> a -> b -> a -> b */
START_TEST(test_mutual_recursion)
{
	struct tree tr;
	tree_init(&tr);
	uint32_t m = node(&tr, 0, "main", 1, 100);
	uint32_t a1 = node(&tr, m, "a", 1, 80);
	uint32_t b1 = node(&tr, a1, "b", 1, 60);
	uint32_t a2 = node(&tr, b1, "a", 1, 40);
	node(&tr, a2, "b", 1, 10);
	struct stats *st = stats_of(&tr);

	ck_entry(st, "a", 1, 2, 50, 80);
	ck_entry(st, "b", 1, 2, 30, 60);
	ck_edge(st, "a", "main", 1, 1, 20, 80);
	ck_edge(st, "a", "b", 1, 1, 30, 40);
	ck_edge(st, "b", "a", 2, 1, 30, 60);
	stats_free(st);
}
END_TEST

/* a call open across fork: the child adds its time, not a call */
START_TEST(test_inherited_call)
{
	struct tree tr;
	tree_init(&tr);
	uint32_t m = node(&tr, 0, "main", 0, 50);
	node(&tr, m, "work", 2, 30);
	struct stats *st = stats_of(&tr);

	ck_entry(st, "main", 0, 0, 20, 50);
	ck_entry(st, "work", 2, 2, 30, 30);
	stats_free(st);
}
END_TEST

/* clock noise can make children look longer than their parent */
START_TEST(test_self_time_not_negative)
{
	struct tree tr;
	tree_init(&tr);
	uint32_t m = node(&tr, 0, "main", 1, 10);
	node(&tr, m, "a", 1, 11);
	struct stats *st = stats_of(&tr);

	ck_entry(st, "main", 1, 1, 0, 10);
	stats_free(st);
}
END_TEST

START_TEST(test_add_keeps_order_and_sums)
{
	struct stats *a = stats_new(strings), *b = stats_new(strings);
	uint32_t am = stats_entry(a, fname("/x.c", 1, "main"));
	uint32_t af = stats_entry(a, fname("/x.c", 2, "f"));
	a->entries[am].nc = a->entries[am].cc = 1;
	a->entries[af].nc = 2;
	uint32_t k = stats_edge(a, af, am);
	a->edges[k].nc = 2;
	uint32_t bg = stats_entry(b, fname("/x.c", 3, "g"));
	uint32_t bf = stats_entry(b, fname("/x.c", 2, "f"));
	b->entries[bf].nc = 5;
	b->entries[bg].ct = 1.5;
	k = stats_edge(b, bf, bg);
	b->edges[k].nc = 5;

	stats_add(a, b);
	ck_assert_uint_eq(a->n, 3);
	ck_assert_str_eq(strtab_str(strings, a->entries[2].key.name), "g");
	ck_entry(a, "f", 0, 7, 0, 0);
	ck_entry(a, "g", 0, 0, 0, 1.5);
	ck_edge(a, "f", "main", 2, 0, 0, 0);
	ck_edge(a, "f", "g", 5, 0, 0, 0);
	stats_free(a);
	stats_free(b);
}
END_TEST

START_TEST(test_strip_dirs_merges)
{
	struct stats *st = stats_new(strings), *s2;
	uint32_t m1 = stats_entry(st, fname("/a/x.c", 1, "main"));
	uint32_t f = stats_entry(st, fname("/a/y.c", 5, "f"));
	uint32_t m2 = stats_entry(st, fname("/b/x.c", 1, "main"));
	st->entries[m1].nc = 1;
	st->entries[m1].tt = 0.5;
	st->entries[m2].nc = 2;
	st->entries[m2].tt = 0.25;
	uint32_t k1 = stats_edge(st, f, m1);
	st->edges[k1].nc = 3;
	uint32_t k2 = stats_edge(st, f, m2);
	st->edges[k2].nc = 4;

	s2 = stats_strip_dirs(st);
	ck_assert_uint_eq(s2->n, 2);
	ck_assert_str_eq(strtab_str(strings, s2->entries[0].key.file), "x.c");
	ck_assert_str_eq(strtab_str(strings, s2->entries[1].key.file), "y.c");
	ck_entry(s2, "main", 0, 3, 0.75, 0);
	ck_edge(s2, "f", "main", 7, 0, 0, 0);
	stats_free(s2);
	stats_free(st);
}
END_TEST

/* A function of many callers: the first STATS_SCAN found by walking its
 * list, the others through the index; each found again, none made twice. */
START_TEST(test_many_callers)
{
	struct stats *st = stats_new(strings);
	uint32_t f = stats_entry(st, fname("x.c", 1, "f")), callers[3 * STATS_SCAN], k[3 * STATS_SCAN];
	char name[16];

	for (int i = 0; i < 3 * STATS_SCAN; i++) {
		snprintf(name, sizeof name, "c%d", i);
		callers[i] = stats_entry(st, fname("x.c", 2, name));
		ck_assert_uint_eq(stats_find_edge(st, f, callers[i]), STATS_NONE);
		k[i] = stats_edge(st, f, callers[i]);
	}
	ck_assert_uint_eq(st->nedges, 3 * STATS_SCAN);
	for (int i = 0; i < 3 * STATS_SCAN; i++) {
		ck_assert_uint_eq(stats_edge(st, f, callers[i]), k[i]);
		ck_assert_uint_eq(stats_find_edge(st, f, callers[i]), k[i]);
		ck_assert_uint_eq(stats_find_edge(st, callers[i], f), STATS_NONE);
	}
	ck_assert_uint_eq(st->nedges, 3 * STATS_SCAN);
	stats_free(st);
}
END_TEST

/* u64map: every key, 0 (U64MAP_FREE, kept aside) and UINT64_MAX included, found
 * after the map grew, and each given once by u64map_next. */
START_TEST(test_u64map)
{
	struct u64map m;
	uint64_t key, val, sum = 0;
	size_t n = 0;

	u64map_init(&m);
	ck_assert_ptr_null(u64map_find(&m, 0));
	for (uint64_t i = 0; i < 1000; i++)
		*u64map_get(&m, i * 7, 0) += i + 1;
	*u64map_get(&m, UINT64_MAX, 5) += 1;
	for (uint64_t i = 0; i < 1000; i++)
		ck_assert_uint_eq(*u64map_find(&m, i * 7), i + 1);
	ck_assert_uint_eq(*u64map_find(&m, UINT64_MAX), 6);
	ck_assert_ptr_null(u64map_find(&m, 1));
	for (size_t at = 0; u64map_next(&m, &at, &key, &val); n++)
		sum += key == 0 ? 1000000 * val : val;
	ck_assert_uint_eq(n, 1001);
	ck_assert_uint_eq(sum, 1000000 + (1000 * 1001 / 2 - 1) + 6);
	u64map_free(&m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("stats");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_plain_calls);
	tcase_add_test(tc, test_direct_recursion);
	tcase_add_test(tc, test_sequential_recursion);
	tcase_add_test(tc, test_mutual_recursion);
	tcase_add_test(tc, test_inherited_call);
	tcase_add_test(tc, test_self_time_not_negative);
	tcase_add_test(tc, test_add_keeps_order_and_sums);
	tcase_add_test(tc, test_strip_dirs_merges);
	tcase_add_test(tc, test_many_callers);
	tcase_add_test(tc, test_u64map);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
