/* out_html.c: the HTML report: one self-contained file, the viewer
 * (analysis/viewer/viewer.html, built in) and the profile as JSON in it
 * (its format: docs/OUTPUTS.md).  Nothing is fetched when it is opened. */
#define _GNU_SOURCE /* open_memstream */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "mpi.h"
#include "notes.h"
#include "output.h"

static const char viewer[] = {
#include "viewer.inc"
	0};

#define DATA_MARK "<!--CPROF-DATA-->"

/* The functions the JSON names, by id: the model's, then those only in
 * tables (called, counted, never on a tree's path); two runs compared
 * name them with their directories stripped, as their rows are matched. */
struct ids {
	struct stats *st;
	struct strtab *strings;
	int strip;
};

static uint32_t func_id(struct ids *ids, struct func_name key)
{
	return stats_entry(ids->st, ids->strip ? stats_strip_key(ids->strings, key) : key);
}

static struct ids *collect_ids(const struct model *m, int strip)
{
	struct ids *ids = xcalloc(1, sizeof *ids);

	*ids = (struct ids){stats_new(m->strings), m->strings, strip};
	for (size_t f = 0; f < m->funcs->n; f++)
		func_id(ids, m->funcs->entries[f].key);
	for (size_t i = 0; i < m->nviews; i++)
		for (size_t e = 0; m->views[i].kept && e < m->views[i].t.table->n; e++)
			func_id(ids, m->views[i].t.table->entries[e].key);
	for (size_t f = 0; f < m->spread.funcs->n; f++)
		func_id(ids, m->spread.funcs->entries[f].key);
	return ids;
}

static void write_funcs(FILE *out, const struct model *m, const struct ids *ids)
{
	fputs("\"funcs\":[", out);
	for (size_t f = 0; f < ids->st->n; f++) {
		struct func_name k = ids->st->entries[f].key;
		fputs(f ? ",{\"file\":" : "{\"file\":", out);
		json_string(out, strtab_str(m->strings, k.file));
		fprintf(out, ",\"line\":%u,\"name\":", k.line);
		json_string(out, strtab_str(m->strings, k.name));
		fputc('}', out);
	}
	fputs("]", out);
}

/* A tree's paths under this share of its time are left out of the file:
 * less than a pixel even zoomed a hundred times (a thousand in the merged
 * view), they would make a long job's report tens of MB.  The table keeps
 * every function. */
#define MERGED_MIN_SHARE 1e-6
#define PART_MIN_SHARE 1e-4

/* An array of one field of the nodes kept, in preorder. */
#define NODE_ARRAY(out, key, t, order, nkept, fmt_expr)                   \
	do {                                                              \
		fputs(",\"" key "\":[", out);                             \
		for (size_t i_ = 0; i_ < (nkept); i_++) {                 \
			const struct tree_node *n = &(t)->nodes[order[i_]]; \
			if (i_)                                           \
				fputc(',', out);                          \
			fmt_expr;                                         \
		}                                                         \
		fputc(']', out);                                          \
	} while (0)

/* A function as two runs' trees are matched: its row of the diff (by
 * file, directories stripped, line and name; a function that moved lines
 * by file and name), or TREE_NONE. */
static uint32_t row_of(const struct diff *d, const struct model *m, uint32_t func, int in_base)
{
	const struct diff_row *r = diff_find(d, m->funcs->entries[func].key, in_base);

	return r ? (uint32_t)(r - d->rows) : TREE_NONE;
}

/* Each of the kept nodes' total in the base run (the base's merged tree):
 * the node reached from its root by the same functions, paths of two
 * functions that are one row (two addresses of one name) added up; or 0. */
static void write_base_totals(FILE *out, const struct model *m, const struct call_tree *t, const uint32_t *order,
			      const uint32_t *pos, size_t kept, const struct output_args *a)
{
	const struct call_tree *b = &a->base->views[0].tree;
	uint32_t *to = xmalloc((b->n + 1) * sizeof *to), *at = xmalloc((kept + 1) * sizeof *at);
	struct call_tree rows; /* the base's tree, its nodes named by row */

	tree_init(&rows);
	to[0] = 0;
	for (size_t k = 1; k < b->n; k++) {
		uint32_t row = row_of(a->diff, a->base, b->nodes[k].func, 1);
		to[k] = row == TREE_NONE || to[b->nodes[k].parent] == TREE_NONE
				? TREE_NONE
				: tree_child(&rows, to[b->nodes[k].parent], row, NODE_SAMPLED);
		if (to[k] != TREE_NONE)
			rows.nodes[to[k]].total += b->nodes[k].total;
	}
	fputs(",\"bt\":[", out);
	json_short(out, b->nodes[0].total);
	at[0] = 0;
	for (size_t i = 1; i < kept; i++) {
		const struct tree_node *n = &t->nodes[order[i]];
		uint32_t up = at[pos[n->parent]], row = row_of(a->diff, m, n->func, 0);
		at[i] = up == TREE_NONE || row == TREE_NONE ? TREE_NONE : tree_find(&rows, up, row);
		fputc(',', out);
		json_short(out, at[i] != TREE_NONE ? rows.nodes[at[i]].total : 0);
	}
	fputc(']', out);
	tree_free(&rows);
	free(to);
	free(at);
}

static void write_tree(FILE *out, const struct model *m, const struct call_tree *t, struct ids *ids,
		       const struct output_args *diff, double min_share)
{
	uint32_t *order = tree_preorder(t), *pos = xmalloc((t->n + 1) * sizeof *pos);
	double least = t->nodes[0].total * min_share;
	size_t kept = 0;

	/* preorder: a parent is decided before its children */
	for (size_t i = 0; i < t->n; i++) {
		const struct tree_node *n = &t->nodes[order[i]];
		pos[order[i]] = UINT32_MAX;
		if (i == 0 || (pos[n->parent] != UINT32_MAX && n->total >= least)) {
			pos[order[i]] = (uint32_t)kept;
			order[kept++] = order[i];
		}
	}
	fputs(",\"tree\":{\"f\":[-1", out);
	for (size_t i = 1; i < kept; i++)
		fprintf(out, ",%u", func_id(ids, m->funcs->entries[t->nodes[order[i]].func].key));
	fputc(']', out);
	NODE_ARRAY(out, "p", t, order, kept, fprintf(out, "%ld", n->parent == TREE_NONE ? -1L : (long)pos[n->parent]));
	NODE_ARRAY(out, "c", t, order, kept, fprintf(out, "%llu", (unsigned long long)n->calls));
	NODE_ARRAY(out, "t", t, order, kept, json_short(out, n->total));
	NODE_ARRAY(out, "s", t, order, kept, json_short(out, n->self));
	NODE_ARRAY(out, "k", t, order, kept, fprintf(out, "%d", n->kind));
	if (diff)
		write_base_totals(out, m, t, order, pos, kept, diff);
	fputc('}', out);
	free(order);
	free(pos);
}

static int row_kind(const struct tables *t, struct func_name key)
{
	if (stats_find(t->traced, key) != STATS_NONE)
		return NODE_TRACED;
	return stats_find(t->counted, key) != STATS_NONE ? NODE_COUNTED : NODE_SAMPLED;
}

/* ,"totals":{...} of a table: what its header line says. */
static void write_totals(FILE *out, const struct stats *table)
{
	struct stats_totals tot = stats_totals(table);

	fputs(",\"totals\":{\"calls\":", out);
	json_number(out, (double)tot.calls);
	json_member(out, "prim", (double)tot.prim_calls);
	json_member(out, "tt", tot.tt);
	fputc('}', out);
}

/* "cc,nc,tt,ct": a row's figures. */
static void write_figures(FILE *out, uint64_t cc, uint64_t nc, double tt, double ct)
{
	fprintf(out, "%llu,%llu,", (unsigned long long)cc, (unsigned long long)nc);
	json_number(out, tt);
	fputc(',', out);
	json_number(out, ct);
}

static void write_rows(FILE *out, const struct tables *t, struct ids *ids)
{
	fputs(",\"rows\":[", out);
	for (size_t e = 0; e < t->table->n; e++) {
		const struct stat_entry *en = &t->table->entries[e];
		fprintf(out, "%s[%u,", e ? "," : "", func_id(ids, en->key));
		write_figures(out, en->cc, en->nc, en->tt, en->ct);
		fprintf(out, ",%d]", row_kind(t, en->key));
	}
	fputc(']', out);
	write_totals(out, t->table);
}

/* The lines the text report prints above the view's table. */
static void write_note(FILE *out, const struct model *m, const struct view *v)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f) {
		fputs(",\"note\":\"\"", out);
		return;
	}
	if (v->kind == VIEW_PROCESS)
		notes_heading(f, v->procs[0]);
	if (v->kind == VIEW_MERGED)
		notes_preamble(f, m->procs, m->n, &v->t);
	else if (v->kind != VIEW_THREAD)
		notes_preamble(f, v->procs, v->nprocs, &v->t);
	fclose(f);
	fputs(",\"note\":", out);
	json_string(out, text ? text : "");
	free(text);
}

/* The view that view i says no more than, or -1: the merged one, for a
 * rank or process that is every process read; a rank's one process; a
 * process's one thread. */
static long same_as(const struct model *m, size_t i, const size_t *threads)
{
	const struct view *v = &m->views[i];

	if ((v->kind == VIEW_RANK || v->kind == VIEW_PROCESS) && v->nprocs == m->n)
		return 0;
	if (v->of < 0 || !m->views[v->of].kept)
		return -1;
	if (v->kind == VIEW_PROCESS && m->views[v->of].kind == VIEW_RANK && m->views[v->of].nprocs == 1)
		return v->of;
	return v->kind == VIEW_THREAD && threads[v->of] == 1 ? v->of : -1;
}

static void write_views(FILE *out, const struct model *m, struct ids *ids)
{
	long *at = xmalloc((m->nviews + 1) * sizeof *at), n = 0;
	size_t *threads = xcalloc(m->nviews + 1, sizeof *threads);
	static const char *const kinds[] = {"merged", "rank", "process", "thread"};

	for (size_t i = 0; i < m->nviews; i++)
		if (m->views[i].kind == VIEW_THREAD && m->views[i].of >= 0)
			threads[m->views[i].of]++;
	fputs(",\"views\":[", out);
	for (size_t i = 0; i < m->nviews; i++) {
		const struct view *v = &m->views[i];
		char *label;
		at[i] = -1;
		if (!v->kept)
			continue;
		if (i && same_as(m, i, threads) >= 0) {
			at[i] = at[same_as(m, i, threads)];
			continue;
		}
		at[i] = n++;
		label = view_label(v);
		fputs(i ? ",{\"label\":" : "{\"label\":", out);
		json_string(out, label);
		free(label);
		fprintf(out, ",\"kind\":\"%s\",\"of\":%ld", kinds[v->kind], v->of >= 0 ? at[v->of] : -1L);
		write_note(out, m, v);
		if (v->tree.n > 1)
			write_tree(out, m, &v->tree, ids, NULL, i ? PART_MIN_SHARE : MERGED_MIN_SHARE);
		else
			fputs(",\"tree\":null", out);
		write_rows(out, &v->t, ids);
		fputc('}', out);
	}
	fputc(']', out);
	free(at);
	free(threads);
}

/* Each function's tottime and cumtime across the ranks: min, mean, max and
 * the rank at max, of the functions that took time somewhere. */
static void write_spread(FILE *out, const struct spread *s, struct ids *ids)
{
	int first = 1;

	fputs(",\"spread\":[", out);
	for (size_t f = 0; f < s->nfuncs; f++) {
		const double *v[2] = {s->tt[f], s->ct[f]};
		if (!s->nslots)
			break;
		fprintf(out, "%s[%u", first ? "" : ",", func_id(ids, s->funcs->entries[f].key));
		for (int w = 0; w < 2; w++) {
			double lo = v[w][0], hi = v[w][0], sum = 0;
			int rank = s->rank[0];
			for (size_t k = 0; k < s->nslots; k++) {
				sum += v[w][k];
				lo = v[w][k] < lo ? v[w][k] : lo;
				if (v[w][k] > hi) {
					hi = v[w][k];
					rank = s->rank[k];
				}
			}
			fputc(',', out);
			json_number(out, lo);
			fputc(',', out);
			json_number(out, sum / (double)s->nslots);
			fputc(',', out);
			json_number(out, hi);
			fprintf(out, ",%d", rank);
		}
		fputc(']', out);
		first = 0;
	}
	fputc(']', out);
}

static void write_mpi(FILE *out, const struct model *m, struct ids *ids)
{
	struct mpi_summary s;

	fputs(",\"mpi\":", out);
	if (!mpi_summarize(m->mpi, m->procs, m->n, &s)) {
		fputs("null", out);
		return;
	}
	fprintf(out, "{\"size\":%d,\"ranks\":[", s.size);
	for (size_t i = 0; i < s.nranks; i++) {
		const struct mpi_rank_row *r = &s.ranks[i];
		fprintf(out, "%s{\"rank\":%d,\"host\":", i ? "," : "", r->rank);
		json_string(out, r->main->host);
		fprintf(out, ",\"pid\":%d", r->main->info.pid);
		json_member(out, "wall", r->wall);
		json_member(out, "mpi", r->mpi);
		fputs(",\"ending\":", out);
		json_string(out, r->ending);
		fputc('}', out);
	}
	fputs("],\"calls\":[", out);
	for (size_t i = 0; i < s.nfuncs; i++) {
		const struct mpi_func_row *f = &s.funcs[i];
		fputs(i ? ",{\"name\":" : "{\"name\":", out);
		json_string(out, f->name);
		fprintf(out, ",\"calls\":%llu", (unsigned long long)f->calls);
		json_member(out, "time", f->time);
		json_member(out, "min", f->min);
		json_member(out, "mean", f->mean);
		json_member(out, "max", f->max);
		fprintf(out, ",\"rank\":%d}", f->at);
	}
	fputc(']', out);
	write_spread(out, &m->spread, ids);
	fputc('}', out);
	mpi_summary_free(&s);
}

/* Two runs compared: the new run's merged view, its rows with the base's
 * figures beside, its flame graph with the base's totals. */
static void write_diff_view(FILE *out, const struct model *m, const struct output_args *a, struct ids *ids)
{
	const struct view *v = &m->views[0];
	struct stats *traced = stats_strip_dirs(v->t.traced);
	static const int status[] = {[DIFF_SAME] = 0, [DIFF_MOVED] = 0, [DIFF_NEW] = 1, [DIFF_GONE] = 2};

	fputs(",\"views\":[{\"label\":", out);
	json_string(out, a->new_label);
	fputs(",\"kind\":\"merged\",\"of\":-1,\"note\":\"\"", out);
	if (v->tree.n > 1)
		write_tree(out, m, &v->tree, ids, a, MERGED_MIN_SHARE);
	else
		fputs(",\"tree\":null", out);
	fputs(",\"rows\":[", out);
	for (size_t i = 0; i < a->diff->n; i++) {
		const struct diff_row *r = &a->diff->rows[i];
		fprintf(out, "%s[%u,", i ? "," : "", func_id(ids, r->key));
		write_figures(out, r->new_cc, r->new_nc, r->new_tt, r->new_ct);
		fprintf(out, ",%d,", stats_find(traced, r->key) != STATS_NONE ? NODE_TRACED : NODE_SAMPLED);
		write_figures(out, r->base_cc, r->base_nc, r->base_tt, r->base_ct);
		fprintf(out, ",%d]", status[r->status]);
	}
	fputc(']', out);
	write_totals(out, v->t.table);
	fputs("}]", out);
	stats_free(traced);
}

int html_page(FILE *out, void (*data)(FILE *out, const void *arg), const void *arg)
{
	const char *mark = strstr(viewer, DATA_MARK);

	if (!mark)
		return -EINVAL;
	fwrite(viewer, 1, (size_t)(mark - viewer), out);
	fputs("<script id=\"cprof-data\" type=\"application/json\">", out);
	fputs("{\"format\":1,\"generator\":\"cprof " PACKAGE_VERSION "\",", out);
	data(out, arg);
	fputs("}</script>", out);
	fputs(mark + strlen(DATA_MARK), out);
	return 0;
}

struct html_args {
	const struct model *m;
	const struct output_args *a;
};

static void write_data(FILE *out, const void *arg)
{
	const struct model *m = ((const struct html_args *)arg)->m;
	const struct output_args *a = ((const struct html_args *)arg)->a;
	struct ids *ids;

	ids = collect_ids(m, a->diff != NULL);
	for (size_t i = 0; a->diff && i < a->diff->n; i++)
		func_id(ids, a->diff->rows[i].key);
	fputs("\"diff\":", out);
	if (a->diff) {
		fputs("{\"base\":", out);
		json_string(out, a->base_label);
		fputs(",\"new\":", out);
		json_string(out, a->new_label);
		fputc('}', out);
	} else {
		fputs("null", out);
	}
	fputs(",\"title\":", out);
	json_string(out, m->title);
	fputc(',', out);
	write_funcs(out, m, ids);
	if (a->diff) {
		write_diff_view(out, m, a, ids);
		fputs(",\"mpi\":null", out);
	} else {
		write_views(out, m, ids);
		write_mpi(out, m, ids);
	}
	fputs(",\"omitted\":", out);
	if (m->omitted) {
		char text[160];
		snprintf(text, sizeof text,
			 "%zu views (ranks, processes or threads) are left out to keep the file small: "
			 "cprof-report --per-process or --rank shows them",
			 m->omitted);
		json_string(out, text);
	} else {
		fputs("\"\"", out);
	}
	stats_free(ids->st);
	free(ids);
}

static int write_html(FILE *out, const struct model *m, const struct output_args *a)
{
	struct html_args args = {m, a};

	return html_page(out, write_data, &args);
}

const struct output output_html = {
	.name = "html",
	.suffix = ".html",
	.what = "a web page (one file, works offline): flame graph, table, ranks",
	.keep = MODEL_TREES | MODEL_RANKS | MODEL_PROCESSES | MODEL_THREADS | MODEL_SPREAD,
	.budget = 400000,
	.diff = 1,
	.write = write_html,
};
