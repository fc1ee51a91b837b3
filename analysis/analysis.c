/* analysis.c: from raw profiles on disk to the report. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "inputs.h"
#include "mpi.h"
#include "profile.h"
#include "pstats.h"
#include "rawfile.h"
#include "stats.h"
#include "symbols.h"
#include "text.h"

struct loaded {
	struct raw_process **procs;
	size_t n, cap;
	/* where the figures go as each file is read, when they are merged
	 * (not --per-process, --per-rank): the files' call trees are freed
	 * as soon as they are added, and a big job's memory is its merged
	 * profile's, not the sum of its files' */
	int streamed;
	size_t filtered; /* processes of ranks not asked for */
	struct strtab *strings;
	struct symbolizer *sym;
	struct tables merged;
	struct mpi_totals *mpi;
};

/* The figures of process p, in the merged tables and the MPI totals, and
 * in *per if not NULL. */
static void take_figures(struct loaded *l, struct raw_process *p, struct tables *per)
{
	struct tables t;

	profile_process(l->strings, l->sym, p, &t);
	stats_add(l->merged.table, t.table);
	stats_add(l->merged.traced, t.traced);
	stats_add(l->merged.counted, t.counted);
	mpi_add(l->mpi, l->strings, l->sym, p);
	if (per)
		*per = t;
	else
		tables_free(&t);
}

static void load_file(const struct analysis_options *opt, struct loaded *l, const char *path)
{
	char err[1024];
	struct raw_process *p = rawfile_read(path, err, sizeof err);

	if (err[0])
		text_say(opt->prog, p ? "warning: " : "", err, NULL);
	if (!p)
		return;
	/* --rank: only the processes of the ranks asked for */
	if (opt->ranks && !(raw_rank(p) >= 0 && ranks_has(opt->ranks, raw_rank(p)))) {
		rawfile_free(p);
		l->filtered++;
		return;
	}
	if (l->streamed) {
		take_figures(l, p, NULL);
		rawfile_lighten(p);
	}
	GROW(l->procs, l->cap, l->n + 1);
	l->procs[l->n++] = p;
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

/* Every input; a big job's files take a while: say how far, on a terminal. */
static void load_all(const struct analysis_options *opt, struct loaded *l, const struct inputs *in)
{
	int progress = in->n >= 100 && isatty(STDERR_FILENO);
	struct peeked *order = xcalloc(in->n + 1, sizeof *order);

	/* the figures add up in the order the processes started, whatever
	 * the files' names: the same processes give the same report, to the
	 * order of equal rows and the last bits of the sums */
	for (size_t i = 0; i < in->n; i++) {
		order[i].i = i;
		order[i].ok = l->streamed && rawfile_peek(in->files[i].path, &order[i].info) == 0;
	}
	if (l->streamed && in->n)
		qsort(order, in->n, sizeof *order, cmp_peeked);
	for (size_t i = 0; i < in->n; i++) {
		if (progress && i % 50 == 0)
			fprintf(stderr, "\r%s: reading %zu of %zu raw profiles", opt->prog, i, in->n);
		load_file(opt, l, in->files[order[i].i].path);
	}
	free(order);
	if (progress)
		fprintf(stderr, "\r%s: read %zu raw profiles%20s\n", opt->prog, in->n, "");
}

/* -o must not replace a profile it is made of. */
static int check_output_not_input(const struct analysis_options *opt, const struct inputs *in)
{
	const struct input *same = opt->pstats_out ? inputs_find(in, opt->pstats_out) : NULL;

	if (!same)
		return 0;
	if (strcmp(same->path, opt->pstats_out) == 0)
		fprintf(stderr, "%s: cannot write %s: it is one of the raw profiles read, which it would replace "
				"(choose another -o)\n",
			opt->prog, opt->pstats_out);
	else
		fprintf(stderr, "%s: cannot write %s: it is %s, one of the raw profiles read, which it would replace "
				"(choose another -o)\n",
			opt->prog, opt->pstats_out, same->path);
	return -1;
}

static void print_heading(FILE *out, const struct raw_process *p)
{
	fprintf(out, "Process %d (parent %d) on ", p->info.pid, p->info.ppid);
	text_print(out, p->host, 0);
	fputc(':', out);
	for (uint32_t i = 0; i < p->info.argc; i++) {
		fputc(' ', out);
		text_print(out, p->argv[i], 0);
	}
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
			"%s: warning: %" PRIu64 " calls could not be recorded (calls nested deeper than %u, out of "
			"memory, or a signal handler during bookkeeping): the counts above are short by that many\n",
			opt->prog, lost, CPROF_TRACE_DEPTH);
}

/* The CPU time the processes' threads ran with the sampling signal blocked
 * by the program (liblzma's workers; a program blocking every signal),
 * which no sample saw; and how many threads did so for a sample period or
 * more. */
static uint64_t masked_time(struct raw_process *const *procs, size_t n, uint32_t *threads)
{
	uint64_t ns = 0;

	*threads = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; procs[i]->sampled && k < procs[i]->nthreads; k++) {
			const struct raw_thread *t = &procs[i]->threads[k];
			ns += t->masked_ns;
			*threads += t->masked_ns >= procs[i]->sampling.period;
		}
	return ns;
}

/* Why the table is empty, and what to do: the report is all rows. */
static void explain_empty(const struct analysis_options *opt, const struct loaded *l)
{
	const struct cprof_rec_sampling *s = NULL;
	uint64_t cpu = 0, dropped = 0, masked;
	uint32_t threads;
	size_t truncated = 0;

	for (size_t i = 0; i < l->n; i++) {
		truncated += l->procs[i]->truncated;
		if (l->procs[i]->sampled) {
			s = &l->procs[i]->sampling;
			cpu += s->cpu_ns;
			dropped += s->dropped;
		}
	}
	masked = masked_time(l->procs, l->n, &threads);
	if (truncated)
		fprintf(stderr,
			"%s: nothing to report: %zu of the %zu profiles read are truncated, before their calls and "
			"samples (a process killed while it wrote, a disk that filled, a file cut short)\n",
			opt->prog, truncated, l->n);
	else if (!s)
		fprintf(stderr,
			"%s: nothing was traced, and sampling was off (-F 0 or --mode=trace): build the program with "
			"-finstrument-functions (gcc or clang) to have its calls counted, or let cprof sample it\n",
			opt->prog);
	else if (threads)
		fprintf(stderr,
			"%s: nothing was sampled: the program blocked the sampling signal in the threads that ran "
			"(%.3f s of CPU), which keeps samples out: build it with -finstrument-functions (gcc or "
			"clang) to trace its calls instead\n",
			opt->prog, (double)masked * 1e-9);
	else if (dropped)
		fprintf(stderr, "%s: nothing was sampled: the %" PRIu64 " samples taken were all dropped (see "
				"docs/SAMPLING.md)\n", opt->prog, dropped);
	else if (s->clock != CPROF_SAMPLE_EVENT && cpu < 2 * s->period)
		fprintf(stderr,
			"%s: nothing was sampled: the program ran %.3f ms of CPU in all, hardly more than the %.3f ms "
			"between samples: raise -F (up to 100000), or build it with -finstrument-functions (gcc or "
			"clang) to trace every call\n",
			opt->prog, (double)cpu * 1e-6, (double)s->period * 1e-6);
	else
		fprintf(stderr, "%s: nothing was sampled, though the program ran %.3f s of CPU\n", opt->prog,
			(double)cpu * 1e-9);
}

/* "Note: WHAT NOTE": a note the runtime wrote in the raw profile. */
static void print_note(FILE *out, const char *what, const char *note)
{
	fprintf(out, "Note: %s", what);
	text_print(out, note, 0);
	fputc('\n', out);
}

/* Threads the program kept samples out of: how many, and how much of
 * their time is missing. */
#define MASKED_NAMED 4 /* threads named in the note, at most */

static void print_masked(FILE *out, struct raw_process *const *procs, size_t n)
{
	uint32_t threads, named = 0;
	uint64_t ns = masked_time(procs, n, &threads);

	if (!threads)
		return;
	fprintf(out,
		"Note: the program blocked the sampling signal in %u thread%s, which ran %.3f s of CPU so: "
		"no sample saw that time (",
		threads, threads == 1 ? "" : "s", (double)ns * 1e-9);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; procs[i]->sampled && k < procs[i]->nthreads; k++) {
			const struct raw_thread *t = &procs[i]->threads[k];
			if (t->masked_ns < procs[i]->sampling.period || named++ >= MASKED_NAMED)
				continue;
			fputs(named > 1 ? ", " : "", out);
			if (t->tid) {
				fprintf(out, "thread %d (", t->tid);
				text_print(out, t->name, 0);
				fprintf(out, ") of pid %d", procs[i]->info.pid);
			} else {
				fprintf(out, "threads that ended, of pid %d", procs[i]->info.pid);
			}
			fprintf(out, ": %.3f s", (double)t->masked_ns * 1e-9);
		}
	fputs(named > MASKED_NAMED ? ", ...)\n" : ")\n", out);
}

/* What the processes' samples add up to. */
struct sampled_sums {
	uint64_t samples, dropped;
	uint64_t kernel_samples; /* of the samples, those taken in the kernel */
	uint64_t unsampled; /* files of cprof 0.1.0: off the CPU or in the kernel */
	uint64_t kernel, offcpu;
	int split; /* every file told the kernel's time from the time off the CPU */
};

/* The header's first words: the clock, the samples, and where the time
 * they could not see went. */
static void print_sampled_time(FILE *out, const struct cprof_rec_sampling *any, const struct sampled_sums *s)
{
	char in_kernel[48] = "";

	if (s->kernel_samples)
		snprintf(in_kernel, sizeof in_kernel, " (%" PRIu64 " in the kernel)", s->kernel_samples);
	if (any->clock == CPROF_SAMPLE_CPU && s->split)
		fprintf(out, "Sampled CPU time at %u Hz: %" PRIu64 " samples%s, %.3f s in the kernel, %" PRIu64 " dropped. ",
			any->hz, s->samples, in_kernel, (double)s->kernel * 1e-9, s->dropped);
	else if (any->clock == CPROF_SAMPLE_CPU)
		fprintf(out, "Sampled CPU time at %u Hz: %" PRIu64 " samples, %" PRIu64 " dropped. ", any->hz, s->samples,
			s->dropped);
	else if (s->split)
		fprintf(out,
			"Sampled wall time at %u Hz: %" PRIu64 " samples on CPU%s, %.3f s in the kernel, %.3f s off "
			"the CPU, %" PRIu64 " dropped. ",
			any->hz, s->samples, in_kernel, (double)s->kernel * 1e-9, (double)s->offcpu * 1e-9, s->dropped);
	else
		fprintf(out,
			"Sampled wall time at %u Hz: %" PRIu64 " samples on CPU, %.3f s off it or in the kernel, %" PRIu64
			" dropped. ",
			any->hz, s->samples, (double)s->unsampled * 1e-9, s->dropped);
}

/* Says which rows are estimates, and from how many samples: the table
 * itself is pstats' to the character, and cannot. */
static int print_sampling(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t)
{
	struct sampled_sums sums = {.split = 1};
	uint32_t estimated = 0;
	const struct cprof_rec_sampling *any = NULL;

	for (size_t i = 0; i < n; i++)
		if (procs[i]->sampled) {
			any = &procs[i]->sampling;
			sums.samples += any->samples;
			sums.dropped += any->dropped;
			sums.unsampled += any->unsampled_ns;
			sums.kernel += any->kernel_ns;
			sums.offcpu += any->offcpu_ns;
			sums.kernel_samples += any->kernel_samples;
			sums.split &= procs[i]->sampling_split;
		}
	if (!any)
		return 0;
	for (uint32_t e = 0; e < t->table->n; e++)
		estimated += stats_find(t->traced, t->table->entries[e].key) == STATS_NONE;
	print_sampled_time(out, any, &sums);
	if (estimated == t->table->n)
		fprintf(out, "All %u functions are estimates from them", estimated);
	else
		fprintf(out, "%u of %zu functions are estimates from them", estimated, t->table->n);
	if (t->counted->n)
		fprintf(out, " (ncalls 0 but for the %zu whose calls uprobes counted)", t->counted->n);
	else
		fputs(" (ncalls 0)", out);
	fputs(estimated == t->table->n ? ".\n" : "; the others were traced, exactly.\n", out);
	for (size_t i = 0; i < n; i++)
		if (procs[i]->sampled && procs[i]->sampling.note[0]) {
			print_note(out, "", procs[i]->sampling.note);
			break;
		}
	print_masked(out, procs, n);
	return 1;
}

/* A pattern of --count that matched nothing in any of the processes. */
static int unmatched_everywhere(struct raw_process *const *procs, size_t n, const char *pattern)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = procs[i]->count_unmatched;
		if (!procs[i]->counted)
			continue;
		while (*s && strcmp(s, pattern) != 0)
			s += strlen(s) + 1;
		if (!*s)
			return 0;
	}
	return 1;
}

/* What --count could and could not count. */
static int print_counting(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t)
{
	const struct raw_process *first = NULL;
	int sampled = 0;

	for (size_t i = 0; i < n; i++) {
		sampled |= procs[i]->sampled;
		if (procs[i]->counted && !first)
			first = procs[i];
	}
	if (!first)
		return 0;
	if (!sampled)
		fprintf(out, "Counted the calls of %zu functions with uprobes; sampling was off, so their times are 0.\n",
			t->counted->n);
	for (size_t i = 0; i < n; i++)
		if (procs[i]->counted && procs[i]->count_note[0]) {
			print_note(out, "--count: ", procs[i]->count_note);
			break;
		}
	for (const char *s = first->count_unmatched; *s; s += strlen(s) + 1) {
		char *pattern;
		if (!unmatched_everywhere(procs, n, s))
			continue;
		pattern = text_escape(s);
		if (strchr(s, ':'))
			fprintf(out, "Note: --count: no function matched '%s' (only libraries loaded at start are searched)\n",
				pattern);
		else
			fprintf(out, "Note: --count: no function matched '%s' (a library's functions need LIBRARY:%s)\n",
				pattern, pattern);
		free(pattern);
	}
	return 1;
}

/* The lines above the table: which figures are estimates, which counted. */
static void print_preamble(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t)
{
	int any = print_sampling(out, procs, n, t);

	if (print_counting(out, procs, n, t) || any)
		fputc('\n', out);
}

/* A table per rank: the processes of each merged, in rank order. */
static void emit_per_rank(const struct analysis_options *opt, struct loaded *l, struct tables *per, FILE *out)
{
	int next = -1;

	for (;;) {
		int rank = INT32_MAX;
		struct tables t = {stats_new(l->strings), stats_new(l->strings), stats_new(l->strings)};
		struct raw_process **procs = xmalloc(l->n * sizeof *procs);
		size_t n = 0;
		for (size_t i = 0; i < l->n; i++)
			if (raw_rank(l->procs[i]) > next && raw_rank(l->procs[i]) < rank)
				rank = raw_rank(l->procs[i]);
		if (rank == INT32_MAX) {
			tables_free(&t);
			free(procs);
			break;
		}
		for (size_t i = 0; i < l->n; i++)
			if (raw_rank(l->procs[i]) == rank) {
				procs[n++] = l->procs[i];
				stats_add(t.table, per[i].table);
				stats_add(t.traced, per[i].traced);
				stats_add(t.counted, per[i].counted);
			}
		fprintf(out, "Rank %d on ", rank);
		text_print(out, procs[0]->host, 0);
		fprintf(out, ": %zu process%s\n\n", n, n == 1 ? "" : "es");
		print_preamble(out, procs, n, &t);
		report_table(out, t.table, &opt->sort, opt->top);
		tables_free(&t);
		free(procs);
		next = rank;
	}
}

static int emit(const struct analysis_options *opt, struct loaded *l, struct tables *per, FILE *out)
{
	struct tables *merged = &l->merged;

	int ret;

	if (opt->pstats_out) {
		ret = pstats_write(merged->table, opt->pstats_out);
		if (ret < 0) {
			text_say(opt->prog, "cannot write ", opt->pstats_out, pstats_strerror(-ret));
			return ANALYSIS_FAILED;
		}
		return ANALYSIS_OK;
	}
	if (opt->per_rank) {
		emit_per_rank(opt, l, per, out);
	} else if (opt->per_process) {
		for (size_t i = 0; i < l->n; i++) {
			print_heading(out, l->procs[i]);
			print_preamble(out, &l->procs[i], 1, &per[i]);
			report_table(out, per[i].table, &opt->sort, opt->top);
		}
	} else {
		print_preamble(out, l->procs, l->n, merged);
		report_table(out, merged->table, &opt->sort, opt->top);
	}
	mpi_print(out, l->mpi, l->procs, l->n, opt->top >= 0 ? opt->top : 20);
	return ANALYSIS_OK;
}

/* As python -m cProfile sorts: by standard name before 3.11, by
 * cumulative time since (and for native programs). */
static void default_sort(struct analysis_options *opt, const struct loaded *l)
{
	char err[256];
	int old = 0, recent = 0;

	for (size_t i = 0; i < l->n; i++) {
		old += l->procs[i]->pyversion && l->procs[i]->pyversion < 0x030b;
		recent += l->procs[i]->pyversion >= 0x030b;
	}
	sort_parse(old && !recent ? "stdname" : "cumulative", &opt->sort, err, sizeof err);
}

int analysis_check_output(const char *prog, const char *path)
{
	int ret = pstats_check(path);

	if (ret < 0)
		fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, pstats_strerror(-ret));
	return ret < 0 ? -1 : 0;
}

int analysis_report(const struct analysis_options *options, char *const paths[], int npaths, FILE *out)
{
	struct analysis_options local = *options;
	const struct analysis_options *opt = &local;
	struct inputs in = {0};
	struct loaded l = {0};
	struct tables *per = NULL;
	int ret;

	inputs_gather(&in, opt->prog, paths, npaths);
	if (check_output_not_input(opt, &in) < 0) {
		inputs_free(&in);
		return ANALYSIS_FAILED;
	}
	l.strings = strtab_new();
	l.sym = symbolizer_new(l.strings);
	l.merged = (struct tables){stats_new(l.strings), stats_new(l.strings), stats_new(l.strings)};
	l.mpi = mpi_new();
	l.streamed = !opt->per_process && !opt->per_rank;
	load_all(opt, &l, &in);
	inputs_free(&in);
	if (!l.n) {
		ret = in.nfailed && !l.filtered ? ANALYSIS_UNWRITTEN : ANALYSIS_EMPTY;
		goto done;
	}
	qsort(l.procs, l.n, sizeof *l.procs, cmp_process);
	if (!opt->sort_chosen)
		default_sort(&local, &l);
	if (!l.streamed) { /* each process's own figures too, in order */
		per = xcalloc(l.n, sizeof *per);
		for (size_t i = 0; i < l.n; i++)
			take_figures(&l, l.procs[i], &per[i]);
	}
	ret = emit(opt, &l, per, out);
	warn_lost(opt, &l);
	if (ret == ANALYSIS_OK && l.merged.table->n == 0)
		explain_empty(opt, &l);
done:
	for (size_t i = 0; i < l.n; i++) {
		if (per)
			tables_free(&per[i]);
		rawfile_free(l.procs[i]);
	}
	free(per);
	free(l.procs);
	tables_free(&l.merged);
	mpi_free(l.mpi);
	symbolizer_free(l.sym);
	strtab_free(l.strings);
	return ret;
}

struct ranks {
	size_t n;
	struct {
		int lo, hi;
	} span[];
};

struct ranks *ranks_parse(const char *spec, char *err, size_t errsize)
{
	size_t n = 1;
	struct ranks *r;
	const char *s = spec;

	for (const char *c = spec; *c; c++)
		n += *c == ',';
	r = xmalloc(sizeof *r + n * sizeof r->span[0]);
	r->n = 0;
	while (*s) {
		char *end;
		long lo = strtol(s, &end, 10), hi = lo;
		if (end == s || lo < 0 || lo > INT32_MAX)
			goto bad;
		if (*end == '-') {
			s = end + 1;
			hi = strtol(s, &end, 10);
			if (end == s || hi < lo || hi > INT32_MAX)
				goto bad;
		}
		r->span[r->n].lo = (int)lo;
		r->span[r->n++].hi = (int)hi;
		if (*end == ',' && end[1])
			end++;
		else if (*end)
			goto bad;
		s = end;
	}
	if (r->n)
		return r;
bad:
	snprintf(err, errsize, "--rank takes ranks and ranges of ranks separated by commas (0,2,5-7), not '%s'", spec);
	free(r);
	return NULL;
}

int ranks_has(const struct ranks *r, int rank)
{
	for (size_t i = 0; i < r->n; i++)
		if (rank >= r->span[i].lo && rank <= r->span[i].hi)
			return 1;
	return 0;
}

void ranks_free(struct ranks *r)
{
	free(r);
}
