/* Unit tests of profile.c: one process's table, from what it traced and
 * what it sampled. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "profile.h"
#include "rawbuild.h"
#include "rawfile.h"
#include "lookup.h"
#include "tap.h"

static struct strtab *strings;
static struct symbolizer *sym;
static struct raw_process *proc;
static struct tables tables;
static struct stats *funcs;
static struct call_tree tree;

static void setup(void)
{
	strings = strtab_new();
	sym = symbolizer_new(strings);
}

static void teardown(void)
{
	tree_free(&tree);
	stats_free(funcs);
	tables_free(&tables);
	rawfile_free(proc);
	symbolizer_free(sym);
	strtab_free(strings);
}

/* The table of the profile b. */
static const struct stats *table_of(struct buf b)
{
	char err[256];

	proc = rawfile_parse("joined.cprof", b.p, b.len, err, sizeof err);
	free(b.p);
	ck_assert_msg(proc != NULL, "%s", err);
	funcs = stats_new(strings);
	profile_process(strings, sym, proc, &tables, funcs, &tree);
	return tables.table;
}

/* The node at path ("0x1010/g/h") of the thread's named tree. */
static const struct tree_node *node(const char *path)
{
	uint32_t v = 0;
	char *copy = strdup(path), *save = NULL;

	for (char *name = strtok_r(copy, "/", &save); name; name = strtok_r(NULL, "/", &save)) {
		uint32_t c = tree.nodes[v].first;
		while (c != TREE_NONE && strcmp(strtab_str(strings, funcs->entries[tree.nodes[c].func].key.name), name))
			c = tree.nodes[c].next;
		ck_assert_msg(c != TREE_NONE, "no node %s in %s", name, path);
		v = c;
	}
	free(copy);
	return &tree.nodes[v];
}

#define ck_node(path, kind_, calls_, total_, self_)                        \
	do {                                                               \
		const struct tree_node *n_ = node(path);                   \
		ck_assert_int_eq(n_->kind, kind_);                         \
		ck_assert_uint_eq(n_->calls, calls_);                      \
		ck_assert_double_eq_tol(n_->total * 1e3, total_, 1e-6);    \
		ck_assert_double_eq_tol(n_->self * 1e3, self_, 1e-6);      \
	} while (0)

/* times in ms */
#define ck_entry(st, name, nc_, tt_, ct_)                         \
	do {                                                      \
		const struct stat_entry *e_ = entry(st, name);    \
		ck_assert_uint_eq(e_->nc, nc_);                   \
		ck_assert_double_eq_tol(e_->tt * 1e3, tt_, 1e-6); \
		ck_assert_double_eq_tol(e_->ct * 1e3, ct_, 1e-6); \
	} while (0)

#define ck_edge(st, callee, from, nc_, tt_, ct_)                          \
	do {                                                              \
		const struct stat_edge *d_ = caller(st, callee, from);    \
		ck_assert_uint_eq(d_->nc, nc_);                           \
		ck_assert_uint_eq(d_->cc, nc_);                           \
		ck_assert_double_eq_tol(d_->tt * 1e3, tt_, 1e-6);         \
		ck_assert_double_eq_tol(d_->ct * 1e3, ct_, 1e-6);         \
	} while (0)

/* g, called at the root of the traced tree, has the sampled frame above
 * it as its caller, with its calls and its traced time (its tottime less
 * its untraced callee's, as its own); the caller's cumtime holds g's
 * traced 1 ms in place of the 0.8 ms sampled through it */
START_TEST(test_root_call_joins_its_sampled_caller)
{
	const struct stats *st = table_of(rawbuild_joined(0));

	ck_entry(st, "g", 5, 0.3, 1.0);
	ck_edge(st, "g", "0x1010", 5, 0.3, 1.0);
	ck_entry(st, "0x1010", 0, 0.1, 1.1);
	ck_entry(st, "h", 5, 0.5, 0.5);
	ck_edge(st, "h", "g", 5, 0.5, 0.5);
	ck_edge(st, "0x3010", "g", 0, 0.2, 0.2);
}
END_TEST

/* The thread's named tree: the traced calls, exact, under the sampled
 * frame that made them; the untraced callee sampled under g; the frame
 * above counts g's traced time, once */
START_TEST(test_named_tree_joins)
{
	table_of(rawbuild_joined(0));

	ck_node("0x1010", NODE_SAMPLED, 0, 1.1, 0.1);
	ck_node("0x1010/g", NODE_TRACED, 5, 1.0, 0.3);
	ck_node("0x1010/g/h", NODE_TRACED, 5, 0.5, 0.5);
	ck_node("0x1010/g/0x3010", NODE_SAMPLED, 0, 0.2, 0.2);
	ck_assert_double_eq_tol(tree.nodes[0].total * 1e3, 1.1, 1e-6);
}
END_TEST

/* Called from two sampled frames, g cannot be put under either: it is at
 * the root, and the frames above keep their own samples only */
START_TEST(test_named_tree_two_callers)
{
	table_of(rawbuild_joined(1));

	ck_node("g", NODE_TRACED, 5, 1.0, 0.3);
	ck_node("g/h", NODE_TRACED, 5, 0.5, 0.5);
	ck_node("0x1010", NODE_SAMPLED, 0, 0.1, 0.1);
	ck_assert_double_eq_tol(tree.nodes[0].total * 1e3, 1.1, 1e-6);
}
END_TEST

/* Called from two sampled frames, g's time is shared between them by
 * their samples' weight (0.8 and 0.4 ms), and which made how many calls
 * is not known */
START_TEST(test_root_call_of_two_callers)
{
	const struct stats *st = table_of(rawbuild_joined(1));

	ck_entry(st, "g", 5, 0.3, 1.0);
	ck_edge(st, "g", "0x1010", 0, 0.5 * 2 / 3 - 0.2, 1.0 * 2 / 3);
	ck_edge(st, "g", "0x1020", 0, 0.5 / 3, 1.0 / 3);
	ck_entry(st, "0x1010", 0, 0.1, 0.1 + 1.0 * 2 / 3);
	ck_entry(st, "0x1020", 0, 0, 1.0 / 3);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("profile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_root_call_joins_its_sampled_caller);
	tcase_add_test(tc, test_root_call_of_two_callers);
	tcase_add_test(tc, test_named_tree_joins);
	tcase_add_test(tc, test_named_tree_two_callers);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
