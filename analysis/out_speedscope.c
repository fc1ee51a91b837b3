/* out_speedscope.c: speedscope's file format
 * (https://www.speedscope.app/file-format-schema.json): a sampled profile
 * per thread, each call path with time of its own a sample weighing that
 * time in seconds.  The calls counted do not fit the format (the pstats
 * and HTML outputs keep them). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "output.h"
#include "report.h"

static void write_frames(FILE *out, const struct model *m)
{
	fputs("{\"frames\":[", out);
	for (size_t f = 0; f < m->funcs->n; f++) {
		struct func_name k = m->funcs->entries[f].key;
		const char *file = strtab_str(m->strings, k.file);
		char *name = report_name(m->strings, k, 1);
		fputs(f ? ",{\"name\":" : "{\"name\":", out);
		json_string(out, name);
		if (strcmp(file, "~") != 0 && file[0]) {
			fputs(",\"file\":", out);
			json_string(out, file);
			if (k.line)
				fprintf(out, ",\"line\":%u", k.line);
		}
		fputc('}', out);
		free(name);
	}
	fputs("]}", out);
}

struct sampling {
	FILE *out;
	int first;
	int weights; /* writing the weights, not the stacks */
};

/* A node with time of its own: its stack, root first, or its weight. */
static void write_sample(void *ctx, const struct call_tree *t, const uint32_t *path, uint32_t depth)
{
	struct sampling *s = ctx;
	const struct tree_node *n = &t->nodes[path[depth - 1]];

	if (n->self <= 0)
		return;
	fputs(s->first ? "" : ",", s->out);
	s->first = 0;
	if (s->weights) {
		json_number(s->out, n->self);
		return;
	}
	fputc('[', s->out);
	for (uint32_t d = 0; d < depth; d++)
		fprintf(s->out, d ? ",%u" : "%u", t->nodes[path[d]].func);
	fputc(']', s->out);
}

/* A thread's paths as samples: each call path with time of its own a
 * sample weighing that time. */
static void write_profile(FILE *out, const struct view *v)
{
	struct sampling s = {out, 1, 0};
	char *label = view_label(v);

	fputs("{\"type\":\"sampled\",\"name\":", out);
	json_string(out, label);
	fputs(",\"unit\":\"seconds\",\"startValue\":0,\"endValue\":", out);
	json_number(out, v->tree.nodes[0].total);
	fputs(",\"samples\":[", out);
	tree_walk(&v->tree, write_sample, &s);
	fputs("],\"weights\":[", out);
	s = (struct sampling){out, 1, 1};
	tree_walk(&v->tree, write_sample, &s);
	fputs("]}", out);
	free(label);
}

static int write_speedscope(FILE *out, const struct model *m, const struct output_args *a)
{
	int first = 1;

	(void)a;
	fputs("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"shared\":", out);
	write_frames(out, m);
	fputs(",\"profiles\":[", out);
	for (size_t i = 0; i < m->nviews; i++)
		if (m->views[i].kind == VIEW_THREAD && m->views[i].kept) {
			fputs(first ? "" : ",", out);
			write_profile(out, &m->views[i]);
			first = 0;
		}
	fputs("],\"name\":", out);
	json_string(out, m->title);
	fputs(",\"activeProfileIndex\":0,\"exporter\":\"cprof " PACKAGE_VERSION "\"}\n", out);
	return 0;
}

const struct output output_speedscope = {
	.name = "speedscope",
	.suffix = ".speedscope.json",
	.what = "speedscope's JSON: a profile per thread, weights in seconds",
	.keep = MODEL_TREES | MODEL_THREADS,
	.write = write_speedscope,
};
