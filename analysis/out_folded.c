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

struct folding {
	FILE *out;
	const struct model *m;
	const char *prefix; /* a frame naming the view, or "" */
	char **names;       /* of each node, made when first met */
};

/* A line per node with time of its own: its path, and that time. */
static void write_path(void *ctx, const struct call_tree *t, const uint32_t *path, uint32_t depth)
{
	struct folding *f = ctx;
	uint32_t v = path[depth - 1];
	double ns = t->nodes[v].self * 1e9 + 0.5;

	f->names[v] = frame_name(f->m, t->nodes[v].func);
	if (!(ns >= 1 && ns < 9e18)) /* (none, or what an integer cannot hold) */
		return;
	fputs(f->prefix, f->out);
	for (uint32_t d = 0; d < depth; d++) {
		fputs(d || f->prefix[0] ? ";" : "", f->out);
		fputs(f->names[path[d]], f->out);
	}
	fprintf(f->out, " %lld\n", (long long)ns);
}

/* The paths of tree, each behind prefix. */
static void write_tree(FILE *out, const struct model *m, const struct call_tree *tree, const char *prefix)
{
	struct folding f = {out, m, prefix, xcalloc(tree->n + 1, sizeof *f.names)};

	tree_walk(tree, write_path, &f);
	for (size_t i = 0; i < tree->n; i++)
		free(f.names[i]);
	free(f.names);
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
