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

/* A thread's paths as samples: the stack of each node with time of its
 * own, root first. */
static void write_profile(FILE *out, const struct model *m, const struct view *v)
{
	const struct call_tree *t = &v->tree;
	uint32_t *order = tree_preorder(t), *path = xmalloc(t->n * sizeof *path), *depth = xcalloc(t->n, sizeof *depth);
	char *label = view_label(v);
	int first = 1;

	fputs("{\"type\":\"sampled\",\"name\":", out);
	json_string(out, label);
	fputs(",\"unit\":\"seconds\",\"startValue\":0,\"endValue\":", out);
	json_number(out, t->nodes[0].total);
	fputs(",\"samples\":[", out);
	for (size_t i = 1; i < t->n; i++) {
		uint32_t v0 = order[i];
		depth[v0] = depth[t->nodes[v0].parent] + 1;
		path[depth[v0] - 1] = v0;
		if (t->nodes[v0].self <= 0)
			continue;
		fputs(first ? "[" : ",[", out);
		for (uint32_t d = 0; d < depth[v0]; d++)
			fprintf(out, d ? ",%u" : "%u", t->nodes[path[d]].func);
		fputc(']', out);
		first = 0;
	}
	fputs("],\"weights\":[", out);
	first = 1;
	for (size_t i = 1; i < t->n; i++) {
		if (t->nodes[order[i]].self <= 0)
			continue;
		if (!first)
			fputc(',', out);
		json_number(out, t->nodes[order[i]].self);
		first = 0;
	}
	fputs("]}", out);
	free(label);
	free(order);
	free(path);
	free(depth);
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
			write_profile(out, m, &m->views[i]);
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
