/* model.c: from raw profiles on disk to the profile model. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"
#include "model.h"
#include "mpi.h"
#include "pstats.h"
#include "ranks.h"
#include "text.h"

/* A new view of kind, part of view of. */
static struct view *view_new(struct model *m, enum view_kind kind, long of, int rank)
{
	struct view *v;

	GROW(m->views, m->vcap, m->nviews + 1);
	v = &m->views[m->nviews++];
	*v = (struct view){.kind = kind, .of = of, .rank = rank, .kept = 1};
	v->t = (struct tables){stats_new(m->strings), stats_new(m->strings), stats_new(m->strings)};
	tree_init(&v->tree);
	return v;
}

static void view_drop(struct view *v)
{
	tables_free(&v->t);
	v->t = (struct tables){0};
	tree_free(&v->tree);
	v->kept = 0;
}

static void view_add_proc(struct view *v, struct raw_process *p)
{
	GROW(v->procs, v->pcap, v->nprocs + 1);
	v->procs[v->nprocs++] = p;
}

/* dst += src: the table; of the traced and counted functions, which
 * they are (all the outputs ask of them). */
static void tables_add(struct tables *dst, const struct tables *src)
{
	stats_add(dst->table, src->table);
	stats_add_keys(dst->traced, src->traced);
	stats_add_keys(dst->counted, src->counted);
}

/* Whether the views may hold size more nodes and rows; if so, they do. */
static int within_budget(size_t *used, size_t budget, size_t size)
{
	if (*used + size > budget)
		return 0;
	*used += size;
	return 1;
}

/* A thread's table, from its named tree: what the HTML report lists
 * beside the thread's flame graph.  Its traced and counted functions are
 * those of its nodes that say so. */
static void thread_tables(struct model *m, struct view *v)
{
	const struct call_tree *tree = &v->tree;
	struct raw_thread t = {.nnodes = tree->n, .nodes = xcalloc(tree->n + 1, sizeof *t.nodes)};
	uint32_t *entry_of = xmalloc((tree->n + 1) * sizeof *entry_of);

	entry_of[0] = STATS_NONE;
	for (size_t k = 1; k < tree->n; k++) {
		const struct tree_node *n = &tree->nodes[k];
		struct func_name key = m->funcs->entries[n->func].key;
		double ns = n->total * 1e9;
		t.nodes[k] = (struct raw_node){
			.parent = n->parent, .calls = n->calls, .ticks = ns > 0 ? (uint64_t)(ns + 0.5) : 0};
		entry_of[k] = stats_entry(v->t.table, key);
		if (n->kind == NODE_TRACED)
			stats_entry(v->t.traced, key);
		else if (n->kind == NODE_COUNTED)
			stats_entry(v->t.counted, key);
	}
	stats_add_tree(v->t.table, &t, entry_of, 1e-9);
	free(entry_of);
	free(t.nodes);
}

/* Each function's tottime and cumtime in rank's slot. */
static void spread_add(struct spread *s, int rank, const struct stats *table)
{
	uint64_t *slot = u64map_get(&s->slot, (uint64_t)rank + 1, 0);

	if (!*slot) {
		if (s->nslots == s->cap) {
			size_t cap = s->cap ? 2 * s->cap : 16;
			for (size_t f = 0; f < s->nfuncs; f++) {
				s->tt[f] = xrealloc(s->tt[f], cap * sizeof **s->tt);
				s->ct[f] = xrealloc(s->ct[f], cap * sizeof **s->ct);
				memset(s->tt[f] + s->cap, 0, (cap - s->cap) * sizeof **s->tt);
				memset(s->ct[f] + s->cap, 0, (cap - s->cap) * sizeof **s->ct);
			}
			s->rank = xrealloc(s->rank, cap * sizeof *s->rank);
			s->cap = cap;
		}
		s->rank[s->nslots] = rank;
		*slot = ++s->nslots;
	}
	for (size_t i = 0; i < table->n; i++) {
		const struct stat_entry *e = &table->entries[i];
		uint32_t f = stats_entry(s->funcs, e->key);
		if (f >= s->nfuncs) {
			GROW(s->tt, s->fcap, f + 1);
			s->ct = xrealloc(s->ct, s->fcap * sizeof *s->ct);
			s->tt[f] = xcalloc(s->cap + 1, sizeof **s->tt);
			s->ct[f] = xcalloc(s->cap + 1, sizeof **s->ct);
			s->nfuncs = f + 1;
		}
		s->tt[f][*slot - 1] += e->tt;
		s->ct[f][*slot - 1] += e->ct;
	}
}

static void spread_free(struct spread *s)
{
	for (size_t f = 0; f < s->nfuncs; f++) {
		free(s->tt[f]);
		free(s->ct[f]);
	}
	free(s->tt);
	free(s->ct);
	free(s->rank);
	stats_free(s->funcs);
	u64map_free(&s->slot);
}

#define OPEN_NODE_FILES 16 /* node files kept open while their profiles are read */

struct loading {
	struct open_node {
		dev_t dev;
		ino_t ino;
		int fd; /* -1: none */
	} open[OPEN_NODE_FILES];
	size_t next_open; /* the next to be replaced */
	struct model *m;
	const struct model_options *opt;
	struct symbolizer *sym;
	struct u64map rank_view; /* rank + 1 -> view + 1 */
	size_t used;             /* of the budget */
};

/* The view of p's rank, made if need be; -1 if it has none or is left out. */
static long rank_view(struct loading *l, struct raw_process *p, size_t size)
{
	struct model *m = l->m;
	uint64_t *at;

	if (!(l->opt->keep & MODEL_RANKS) || raw_rank(p) < 0)
		return -1;
	at = u64map_get(&l->rank_view, (uint64_t)raw_rank(p) + 1, 0);
	if (!*at) {
		view_new(m, VIEW_RANK, -1, raw_rank(p));
		*at = m->nviews;
	}
	view_add_proc(&m->views[*at - 1], p);
	if (m->views[*at - 1].kept && !within_budget(&l->used, l->opt->budget, size)) {
		view_drop(&m->views[*at - 1]);
		m->omitted++;
	}
	return (long)*at - 1;
}

/* p's threads' views, their trees taken from trees[]. */
static void thread_views(struct loading *l, struct raw_process *p, long of, struct call_tree *trees)
{
	for (size_t i = 0; i < p->nthreads; i++) {
		struct view *v;
		if (trees[i].n < 2)
			continue;
		v = view_new(l->m, VIEW_THREAD, of, raw_rank(p));
		view_add_proc(v, p);
		v->thread = &p->threads[i];
		if (!within_budget(&l->used, l->opt->budget, 2 * trees[i].n)) {
			view_drop(v);
			l->m->omitted++;
			continue;
		}
		tree_free(&v->tree);
		v->tree = trees[i];
		trees[i] = (struct call_tree){0};
		thread_tables(l->m, v);
	}
}

/* A process's tree: its threads' merged; the one thread's itself where
 * only one has a tree (a copy, its threads' views may take theirs). */
static void process_tree(struct call_tree *merged, const struct call_tree *trees, size_t n)
{
	size_t with = 0, last = 0;

	tree_init(merged);
	for (size_t i = 0; i < n; i++)
		if (trees[i].n > 1) {
			with++;
			last = i;
		}
	if (with == 1) {
		tree_reserve(merged, trees[last].n);
		memcpy(merged->nodes, trees[last].nodes, trees[last].n * sizeof *merged->nodes);
		merged->n = trees[last].n;
		return;
	}
	for (size_t i = 0; i < n; i++)
		tree_merge(merged, &trees[i]);
}

/* The figures of process p, into the views. */
static void take_figures(struct loading *l, struct raw_process *p)
{
	struct model *m = l->m;
	unsigned keep = l->opt->keep;
	struct call_tree *trees = keep & MODEL_TREES ? xcalloc(p->nthreads + 1, sizeof *trees) : NULL;
	struct call_tree merged;
	struct tables t;
	size_t size;
	long of;

	profile_process(m->strings, l->sym, p, &t, m->funcs, trees);
	process_tree(&merged, trees, trees ? p->nthreads : 0);
	size = t.table->n + merged.n;
	tables_add(&m->views[0].t, &t);
	tree_merge(&m->views[0].tree, &merged);
	mpi_add(m->mpi, m->strings, l->sym, p);
	if (keep & MODEL_SPREAD && raw_rank(p) >= 0)
		spread_add(&m->spread, raw_rank(p), t.table);
	of = rank_view(l, p, size);
	if (of >= 0 && m->views[of].kept) {
		tables_add(&m->views[of].t, &t);
		tree_merge(&m->views[of].tree, &merged);
	}
	if (keep & MODEL_PROCESSES) {
		struct view *v = view_new(m, VIEW_PROCESS, of, raw_rank(p));
		view_add_proc(v, p);
		if (within_budget(&l->used, l->opt->budget, size)) {
			tables_free(&v->t);
			tree_free(&v->tree);
			v->t = t;
			v->tree = merged;
			t = (struct tables){0};
			merged = (struct call_tree){0};
		} else {
			view_drop(v);
			m->omitted++;
		}
		of = (long)m->nviews - 1;
	}
	if (keep & MODEL_THREADS && trees)
		thread_views(l, p, of, trees);
	for (size_t i = 0; trees && i < p->nthreads; i++)
		tree_free(&trees[i]);
	free(trees);
	tree_free(&merged);
	if (t.table)
		tables_free(&t);
}

/* The descriptor of node file f, open: opened once, not once per profile
 * in it (a job's report reads thousands from a few files); -1 if it cannot
 * be (rawfile_read_at will say why). */
static int node_file_fd(struct loading *l, const struct input *f)
{
	struct open_node *o = &l->open[l->next_open];
	struct stat sb;

	for (size_t i = 0; i < OPEN_NODE_FILES; i++)
		if (l->open[i].fd >= 0 && l->open[i].dev == f->dev && l->open[i].ino == f->ino)
			return l->open[i].fd;
	l->next_open = (l->next_open + 1) % OPEN_NODE_FILES;
	if (o->fd >= 0)
		close(o->fd);
	o->fd = open(f->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (o->fd >= 0 && (fstat(o->fd, &sb) < 0 || sb.st_dev != f->dev || sb.st_ino != f->ino)) {
		close(o->fd); /* (replaced since it was found) */
		o->fd = -1;
	}
	o->dev = f->dev;
	o->ino = f->ino;
	return o->fd;
}

static void load_file(struct loading *l, const struct input *f)
{
	char err[1024];
	struct raw_process *p = f->size ? rawfile_read_at(node_file_fd(l, f), f->name, f->offset, f->size, err,
							  sizeof err)
					: rawfile_read(f->path, err, sizeof err);
	struct model *m = l->m;

	if (err[0])
		text_say(l->opt->prog, p ? "warning: " : "", err, NULL);
	if (!p)
		return;
	/* --rank: only the processes of the ranks asked for */
	if (l->opt->ranks && !(raw_rank(p) >= 0 && ranks_has(l->opt->ranks, raw_rank(p)))) {
		rawfile_free(p);
		m->filtered++;
		return;
	}
	/* the files' call trees are freed as soon as they are taken: a big
	 * job's memory is its merged profile's, not the sum of its files' */
	take_figures(l, p);
	rawfile_lighten(p);
	GROW(m->procs, m->cap, m->n + 1);
	m->procs[m->n++] = p;
}

/* Processes in the order they started (pid for a tie). */
static int cmp_info(const struct cprof_rec_process *x, const struct cprof_rec_process *y)
{
	if (x->start_ns != y->start_ns)
		return x->start_ns < y->start_ns ? -1 : 1;
	return x->pid < y->pid ? -1 : x->pid > y->pid;
}

static int cmp_process(const void *a, const void *b)
{
	return cmp_info(&(*(struct raw_process *const *)a)->info, &(*(struct raw_process *const *)b)->info);
}

/* An input, with its PROCESS record if it could be read alone. */
struct peeked {
	size_t i;
	int ok;
	struct cprof_rec_process info;
};

static int cmp_peeked(const void *a, const void *b)
{
	const struct peeked *x = a, *y = b;

	if (x->ok != y->ok) /* (those that cannot be read, last, as named) */
		return x->ok ? -1 : 1;
	if (x->ok && cmp_info(&x->info, &y->info))
		return cmp_info(&x->info, &y->info);
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Whether order[i] is a process read from another input too: a rank's
 * profile in a node file, and in a file of its own, which it wrote after
 * (the gathering at MPI_Finalize did not end well for it: docs/MPI.md), is
 * read from its own; twice in node files, from the first. */
static int read_elsewhere(const struct inputs *in, const struct peeked *order, size_t n, size_t i)
{
	const struct peeked *x = &order[i];

	if (!x->ok || !in->files[x->i].size)
		return 0;
	for (size_t j = i; j-- > 0 && order[j].ok && !cmp_info(&order[j].info, &x->info);)
		if (order[j].info.rank == x->info.rank)
			return 1;
	for (size_t j = i + 1; j < n && order[j].ok && !cmp_info(&order[j].info, &x->info); j++)
		if (order[j].info.rank == x->info.rank && !in->files[order[j].i].size)
			return 1;
	return 0;
}

/* Every input; a big job's files take a while: say how far, on a terminal. */
static void load_all(struct loading *l, const struct inputs *in)
{
	int progress = in->n >= 100 && isatty(STDERR_FILENO);
	struct peeked *order = xcalloc(in->n + 1, sizeof *order);

	/* the figures add up in the order the processes started, whatever
	 * the files' names: the same processes give the same report, to the
	 * order of equal rows and the last bits of the sums */
	for (size_t i = 0; i < in->n; i++) {
		const struct input *f = &in->files[i];
		order[i].i = i;
		if (f->size) { /* a node file's: its index says */
			order[i].ok = 1;
			order[i].info.rank = f->rank;
			order[i].info.pid = f->pid;
			order[i].info.start_ns = f->start_ns;
		} else {
			order[i].ok = rawfile_peek(f->path, &order[i].info) == 0;
		}
	}
	if (in->n)
		qsort(order, in->n, sizeof *order, cmp_peeked);
	for (size_t i = 0; i < in->n; i++) {
		if (progress && i % 50 == 0)
			fprintf(stderr, "\r%s: reading %zu of %zu raw profiles", l->opt->prog, i, in->n);
		if (!read_elsewhere(in, order, in->n, i))
			load_file(l, &in->files[order[i].i]);
	}
	free(order);
	if (progress)
		fprintf(stderr, "\r%s: read %zu raw profiles%20s\n", l->opt->prog, in->n, "");
}

/* An empty model: its merged view alone. */
static struct model *model_new(struct strtab *strings)
{
	struct model *m = xcalloc(1, sizeof *m);

	m->own_strings = !strings;
	m->strings = strings ? strings : strtab_new();
	m->funcs = stats_new(m->strings);
	m->spread.funcs = stats_new(m->strings);
	u64map_init(&m->spread.slot);
	m->mpi = mpi_new();
	view_new(m, VIEW_MERGED, -1, -1);
	return m;
}

struct model *model_from_pstats(struct strtab *strings, const char *path, char *err, size_t errsize)
{
	struct stats *table = pstats_read(strings, path, err, errsize);
	struct model *m;

	if (!table)
		return NULL;
	m = model_new(strings);
	stats_add(m->views[0].t.table, table);
	stats_add_keys(m->views[0].t.traced, table); /* cProfile's figures are exact */
	stats_free(table);
	m->title = xstrdup(path);
	return m;
}

/* p's arguments, separated by spaces (its executable if it has none). */
static char *command_line(const struct raw_process *p)
{
	size_t len = 1;
	char *s;

	if (!p->info.argc)
		return xstrdup(p->exe ? p->exe : "");
	for (uint32_t i = 0; i < p->info.argc; i++)
		len += strlen(p->argv[i]) + 1;
	s = xcalloc(1, len);
	for (uint32_t i = 0; i < p->info.argc; i++) {
		strcat(s, i ? " " : "");
		strcat(s, p->argv[i]);
	}
	return s;
}

struct model *model_load(const struct model_options *opt, const struct inputs *in)
{
	struct model *m = model_new(opt->strings);
	struct loading l = {.m = m, .opt = opt};
	int old = 0, recent = 0;


	m->nfailed = in->nfailed;
	for (size_t i = 0; i < OPEN_NODE_FILES; i++)
		l.open[i].fd = -1;
	l.sym = symbolizer_new(m->strings);
	u64map_init(&l.rank_view);
	load_all(&l, in);
	for (size_t i = 0; i < OPEN_NODE_FILES; i++)
		if (l.open[i].fd >= 0)
			close(l.open[i].fd);
	u64map_free(&l.rank_view);
	symbolizer_free(l.sym);
	if (m->n)
		qsort(m->procs, m->n, sizeof *m->procs, cmp_process);
	for (size_t i = 0; i < m->nviews; i++)
		tree_seal(&m->views[i].tree);
	for (size_t i = 0; i < m->n; i++) {
		old += m->procs[i]->pyversion && m->procs[i]->pyversion < 0x030b;
		recent += m->procs[i]->pyversion >= 0x030b;
	}
	m->old_python = old && !recent;
	m->title = m->n ? command_line(m->procs[0]) : xstrdup("");
	return m;
}

void model_free(struct model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nviews; i++) {
		if (m->views[i].t.table)
			tables_free(&m->views[i].t);
		tree_free(&m->views[i].tree);
		free(m->views[i].procs);
	}
	free(m->views);
	for (size_t i = 0; i < m->n; i++)
		rawfile_free(m->procs[i]);
	free(m->procs);
	mpi_free(m->mpi);
	spread_free(&m->spread);
	stats_free(m->funcs);
	if (m->own_strings)
		strtab_free(m->strings);
	free(m->title);
	free(m);
}

double model_elapsed(const struct model *m)
{
	uint64_t first = UINT64_MAX, last = 0;

	for (size_t i = 0; i < m->n; i++) {
		if (m->procs[i]->info.start_ns < first)
			first = m->procs[i]->info.start_ns;
		if (m->procs[i]->info.end_ns > last)
			last = m->procs[i]->info.end_ns;
	}
	return m->n && last > first ? (double)(last - first) * 1e-9 : 0;
}

const struct view *model_rank_view(const struct model *m, int rank)
{
	for (size_t i = 1; i < m->nviews; i++)
		if (m->views[i].kind == VIEW_RANK && m->views[i].rank == rank)
			return &m->views[i];
	return NULL;
}

char *view_label(const struct view *v)
{
	const struct raw_process *p = v->nprocs ? v->procs[0] : NULL;
	char buf[256];

	switch (v->kind) {
	case VIEW_MERGED: snprintf(buf, sizeof buf, "all processes"); break;
	case VIEW_RANK: snprintf(buf, sizeof buf, "rank %d", v->rank); break;
	case VIEW_PROCESS:
		snprintf(buf, sizeof buf, "pid %d (%s)", p->info.pid, p->info.argc ? p->argv[0] : p->exe);
		break;
	case VIEW_THREAD:
		if (v->thread->tid)
			snprintf(buf, sizeof buf, "thread %d (%s) of pid %d", v->thread->tid, v->thread->name, p->info.pid);
		else
			snprintf(buf, sizeof buf, "threads that ended, of pid %d", p->info.pid);
		break;
	}
	return xstrdup(buf);
}
