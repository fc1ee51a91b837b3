/* out_folded.c: collapsed stacks, as flamegraph.pl, inferno and speedscope
 * read them: a line per call path with time of its own, "a;b;c N", N its
 * time in nanoseconds (an integer, as every reader takes; in microseconds,
 * the calls shorter than half of one would be lost).  ';' and white space in names become '_', so that
 * a name cannot split a frame or end the stack; the calls counted do not
 * fit the format (the pstats and HTML outputs keep them). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "report.h"
#include "text.h"

/* One frame, made safe. */
static char *frame_name(const struct model *m, uint32_t func)
{
	char *name = report_name(m->strings, m->funcs->entries[func].key, 1), *e = text_escape(name);

	free(name);
	for (char *c = e; *c; c++)
		if (*c == ';' || *c == ' ')
			*c = '_';
	return e;
}

/* The paths of tree, each behind prefix (a frame naming the view, or ""). */
static void write_tree(FILE *out, const struct model *m, const struct call_tree *tree, const char *prefix)
{
	uint32_t *order = tree_preorder(tree);
	char **names = xcalloc(tree->n, sizeof *names);
	uint32_t *path = xmalloc(tree->n * sizeof *path);
	uint32_t *depth = xcalloc(tree->n, sizeof *depth);

	for (size_t i = 1; i < tree->n; i++) {
		uint32_t v = order[i];
		const struct tree_node *n = &tree->nodes[v];
		double ns = n->self * 1e9 + 0.5;
		depth[v] = depth[n->parent] + 1;
		path[depth[v] - 1] = v;
		if (!names[v])
			names[v] = frame_name(m, n->func);
		if (!(ns >= 1 && ns < 9e18)) /* (none, or what an integer cannot hold) */
			continue;
		fputs(prefix, out);
		for (uint32_t d = 0; d < depth[v]; d++) {
			fputs(d || prefix[0] ? ";" : "", out);
			fputs(names[path[d]], out);
		}
		fprintf(out, " %lld\n", (long long)ns);
	}
	for (size_t i = 0; i < tree->n; i++)
		free(names[i]);
	free(names);
	free(path);
	free(depth);
	free(order);
}

static int write_folded(FILE *out, const struct model *m, const struct output_args *a)
{
	enum view_kind kind = a->per_rank ? VIEW_RANK : a->per_process ? VIEW_PROCESS : VIEW_MERGED;

	for (size_t i = 0; i < m->nviews; i++) {
		const struct view *v = &m->views[i];
		char *label, *safe;
		if (v->kind != kind)
			continue;
		if (kind == VIEW_MERGED) {
			write_tree(out, m, &v->tree, "");
			continue;
		}
		label = view_label(v);
		safe = text_escape(label);
		for (char *c = safe; *c; c++)
			if (*c == ';' || *c == ' ')
				*c = '_';
		write_tree(out, m, &v->tree, safe);
		free(label);
		free(safe);
	}
	return 0;
}

const struct output output_folded = {
	.name = "folded",
	.suffix = ".folded",
	.what = "collapsed stacks (flamegraph.pl, inferno): a line per call path, its own time in ns",
	.keep = MODEL_TREES,
	.write = write_folded,
};
