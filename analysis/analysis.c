/* analysis.c: from raw profiles on disk to the report. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analysis.h"
#include "pstats.h"
#include "rawfile.h"
#include "stats.h"
#include "symbols.h"

struct loaded {
	struct raw_process **procs;
	size_t n, cap;
};

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_file(const struct analysis_options *opt, struct loaded *l, const char *path)
{
	char err[1024];
	struct raw_process *p = rawfile_read(path, err, sizeof err);

	if (err[0])
		fprintf(stderr, "%s: %s%s\n", opt->prog, p ? "warning: " : "", err);
	if (!p)
		return;
	GROW(l->procs, l->cap, l->n + 1);
	l->procs[l->n++] = p;
}

static void load_dir(const struct analysis_options *opt, struct loaded *l, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d) {
		fprintf(stderr, "%s: %s: %s\n", opt->prog, dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)))
		if (has_suffix(de->d_name, CPROF_SUFFIX) || has_suffix(de->d_name, CPROF_PARTIAL_SUFFIX)) {
			GROW(names, cap, n + 1);
			names[n] = xmalloc(strlen(dir) + strlen(de->d_name) + 2);
			sprintf(names[n++], "%s/%s", dir, de->d_name);
		}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0; i < n; i++) {
		load_file(opt, l, names[i]);
		free(names[i]);
	}
	free(names);
}

static int cmp_process(const void *a, const void *b)
{
	const struct raw_process *x = *(struct raw_process *const *)a, *y = *(struct raw_process *const *)b;

	if (x->info.start_ns != y->info.start_ns)
		return x->info.start_ns < y->info.start_ns ? -1 : 1;
	return x->info.pid < y->info.pid ? -1 : x->info.pid > y->info.pid;
}

/* The cProfile table of one process: its threads' trees added in order. */
static struct stats *process_stats(struct strtab *strings, struct symbolizer *sym, const struct raw_process *p)
{
	struct stats *st = stats_new(strings);

	for (size_t i = 0; i < p->nthreads; i++) {
		const struct raw_thread *t = &p->threads[i];
		uint32_t *entry_of = xmalloc((t->nnodes + 1) * sizeof *entry_of);
		/* entries in node order: the order functions were first called */
		for (uint64_t k = 1; k < t->nnodes; k++)
			entry_of[k] = stats_entry(st, symbolize(sym, p, t->nodes[k].func));
		entry_of[0] = STATS_NONE;
		stats_add_tree(st, t, entry_of, p->sec_per_tick);
		free(entry_of);
	}
	return st;
}

static void print_heading(FILE *out, const struct raw_process *p)
{
	fprintf(out, "Process %d (parent %d) on %s:", p->info.pid, p->info.ppid, p->host);
	for (uint32_t i = 0; i < p->info.argc; i++)
		fprintf(out, " %s", p->argv[i]);
	if (p->info.end_reason == CPROF_END_SIGNAL)
		fprintf(out, " [killed by signal %d: %s]", p->info.end_value, strsignal(p->info.end_value));
	else if (p->info.end_reason == CPROF_END_EXEC)
		fputs(" [replaced by exec]", out);
	if (p->truncated)
		fputs(" [profile truncated]", out);
	fputs("\n\n", out);
}

/* Calls the runtime had to drop (see docs/FORMAT.md) make counts low. */
static void warn_lost(const struct analysis_options *opt, const struct loaded *l)
{
	uint64_t lost = 0;

	for (size_t i = 0; i < l->n; i++)
		lost += l->procs[i]->info.events_lost;
	if (lost)
		fprintf(stderr,
			"%s: warning: %" PRIu64 " calls could not be recorded (recursion over a million deep, "
			"out of memory, or a signal handler during bookkeeping): the counts above are short by that many\n",
			opt->prog, lost);
}

static int emit(const struct analysis_options *opt, struct loaded *l, struct stats **per, struct stats *merged,
		FILE *out)
{
	int ret;

	if (opt->pstats_out) {
		ret = pstats_write(merged, opt->pstats_out);
		if (ret < 0) {
			fprintf(stderr, "%s: cannot write %s: %s\n", opt->prog, opt->pstats_out, strerror(-ret));
			return ANALYSIS_FAILED;
		}
		return ANALYSIS_OK;
	}
	if (!opt->per_process) {
		report_table(out, merged, &opt->sort, opt->top);
		return ANALYSIS_OK;
	}
	for (size_t i = 0; i < l->n; i++) {
		print_heading(out, l->procs[i]);
		report_table(out, per[i], &opt->sort, opt->top);
	}
	return ANALYSIS_OK;
}

int analysis_report(const struct analysis_options *opt, char *const paths[], int npaths, FILE *out)
{
	struct loaded l = {0};
	struct strtab *strings;
	struct symbolizer *sym;
	struct stats **per, *merged;
	int ret;

	for (int i = 0; i < npaths; i++) {
		struct stat sb;
		if (stat(paths[i], &sb) < 0)
			fprintf(stderr, "%s: %s: %s\n", opt->prog, paths[i], strerror(errno));
		else if (S_ISDIR(sb.st_mode))
			load_dir(opt, &l, paths[i]);
		else
			load_file(opt, &l, paths[i]);
	}
	if (!l.n) {
		free(l.procs);
		return ANALYSIS_EMPTY;
	}
	qsort(l.procs, l.n, sizeof *l.procs, cmp_process);

	strings = strtab_new();
	sym = symbolizer_new(strings);
	per = xcalloc(l.n, sizeof *per);
	merged = stats_new(strings);
	for (size_t i = 0; i < l.n; i++) {
		per[i] = process_stats(strings, sym, l.procs[i]);
		stats_add(merged, per[i]);
	}
	ret = emit(opt, &l, per, merged, out);
	warn_lost(opt, &l);
	if (ret == ANALYSIS_OK && merged->n == 0)
		fprintf(stderr,
			"%s: no calls were traced: build the program with -finstrument-functions "
			"(gcc or clang) to have its functions counted\n",
			opt->prog);

	for (size_t i = 0; i < l.n; i++) {
		stats_free(per[i]);
		rawfile_free(l.procs[i]);
	}
	free(per);
	free(l.procs);
	stats_free(merged);
	symbolizer_free(sym);
	strtab_free(strings);
	return ret;
}
