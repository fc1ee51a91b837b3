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
#include "model.h"
#include "notes.h"
#include "output.h"
#include "pstats.h"
#include "text.h"

/* -o must not replace a profile it is made of. */
static int check_output_not_input(const struct analysis_options *opt, const struct inputs *in)
{
	const struct input *same = opt->output ? inputs_find(in, opt->output) : NULL;

	if (!same)
		return 0;
	if (strcmp(same->path, opt->output) == 0)
		fprintf(stderr, "%s: cannot write %s: it is one of the raw profiles read, which it would replace "
				"(choose another -o)\n",
			opt->prog, opt->output);
	else
		fprintf(stderr, "%s: cannot write %s: it is %s, one of the raw profiles read, which it would replace "
				"(choose another -o)\n",
			opt->prog, opt->output, same->path);
	return -1;
}

const struct output *analysis_format(const char *prog, const char *format, const char *path)
{
	const struct output *o = format ? output_named(format) : path ? output_for_path(path) : output_text();

	if (!o)
		fprintf(stderr, "%s: unknown format '%s' (use one of: %s)\n", prog, format, output_names());
	return o;
}

int analysis_check_output(const char *prog, const char *path)
{
	int ret = output_check(path);

	if (ret < 0)
		fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, output_strerror(-ret));
	return ret < 0 ? -1 : 0;
}

/* m, as o, into -o's file or onto out. */
static int write_report(const struct analysis_options *opt, const struct output *o, const struct model *m,
			const struct output_args *a, FILE *out)
{
	int ret;

	if (opt->output) {
		ret = output_write_file(o, m, a, opt->output);
		if (ret < 0) {
			text_say(opt->prog, "cannot write ", opt->output, output_strerror(-ret));
			return ANALYSIS_FAILED;
		}
		return ANALYSIS_OK;
	}
	if (o->binary && isatty(fileno(out))) {
		fprintf(stderr, "%s: a %s report is not for a terminal: write it to a file (-o FILE)\n", opt->prog,
			o->name);
		return ANALYSIS_FAILED;
	}
	return o->write(out, m, a) < 0 ? ANALYSIS_FAILED : ANALYSIS_OK;
}

static int emit(const struct analysis_options *opt, const struct output *o, const struct model *m, FILE *out)
{
	struct output_args a = {
		.prog = opt->prog,
		.sort = opt->sort,
		.top = opt->top,
		.per_process = opt->per_process,
		.per_rank = opt->per_rank,
	};
	char err[256];

	if (!opt->sort_chosen) /* as python -m cProfile sorts: by standard name
				* before 3.11, by cumulative time since (and for
				* native programs) */
		sort_parse(m->old_python ? "stdname" : "cumulative", &a.sort, err, sizeof err);
	return write_report(opt, o, m, &a, out);
}

int analysis_report(const struct analysis_options *opt, char *const paths[], int npaths, FILE *out)
{
	const struct output *o = analysis_format(opt->prog, opt->format, opt->output);
	struct model_options mo = {.prog = opt->prog, .ranks = opt->ranks, .budget = SIZE_MAX};
	struct inputs in = {0};
	struct model *m;
	int ret;

	if (!o)
		return ANALYSIS_FAILED;
	inputs_gather(&in, opt->prog, paths, npaths);
	if (check_output_not_input(opt, &in) < 0) {
		inputs_free(&in);
		return ANALYSIS_FAILED;
	}
	mo.keep = o->keep | (opt->per_rank ? MODEL_RANKS : 0) | (opt->per_process ? MODEL_PROCESSES : 0);
	if (o->budget)
		mo.budget = o->budget;
	m = model_load(&mo, &in);
	inputs_free(&in);
	if (!m->n) {
		ret = m->nfailed && !m->filtered ? ANALYSIS_UNWRITTEN : ANALYSIS_EMPTY;
		model_free(m);
		return ret;
	}
	ret = emit(opt, o, m, out);
	notes_lost(opt->prog, m->procs, m->n);
	if (ret == ANALYSIS_OK && m->views[0].t.table->n == 0)
		notes_empty(opt->prog, m->procs, m->n);
	model_free(m);
	return ret;
}

/* One side of a comparison: a pstats file, or a run's raw profiles (a
 * directory, or a file); NULL, said on stderr, if it has none. */
static struct model *load_run(const struct analysis_options *opt, struct strtab *strings, const char *path,
			      unsigned keep)
{
	struct model_options mo = {.prog = opt->prog, .ranks = opt->ranks, .keep = keep, .budget = SIZE_MAX,
				   .strings = strings};
	char *paths[] = {(char *)path};
	struct inputs in = {0};
	struct model *m;
	char err[1024];

	if (pstats_sniff(path) == 1) {
		if (!(m = model_from_pstats(strings, path, err, sizeof err)))
			text_say(opt->prog, "", err, NULL);
		return m;
	}
	inputs_gather(&in, opt->prog, paths, 1);
	m = model_load(&mo, &in);
	inputs_free(&in);
	if (!m->n) {
		text_say(opt->prog,
			 m->filtered ? "no readable raw profile of the ranks asked for in "
				     : "no readable raw profile or pstats file in ",
			 path, NULL);
		model_free(m);
		return NULL;
	}
	return m;
}

int analysis_diff(const struct analysis_options *opt, const struct diff_request *r, FILE *out)
{
	const struct output *o = analysis_format(opt->prog, opt->format, opt->output);
	struct strtab *strings = strtab_new();
	struct model *base = NULL, *new_run = NULL;
	struct diff_options dop = r->options;
	struct output_args a = {.prog = opt->prog, .top = opt->top, .diff_options = &dop,
				.base_label = r->base, .new_label = r->new_run};
	int ret = ANALYSIS_FAILED;

	if (o && !o->diff)
		fprintf(stderr, "%s: --diff prints its table, or writes a web page (-o FILE.html): not %s\n", opt->prog,
			o->name);
	else if (opt->per_process || opt->per_rank)
		fprintf(stderr, "%s: --diff compares the merged tables of two runs: drop %s\n", opt->prog,
			opt->per_process ? "--per-process" : "--per-rank");
	if (!o || !o->diff || opt->per_process || opt->per_rank)
		goto out;
	if (!(base = load_run(opt, strings, r->base, o->keep & MODEL_TREES)) ||
	    !(new_run = load_run(opt, strings, r->new_run, o->keep & MODEL_TREES))) {
		ret = ANALYSIS_EMPTY;
		goto out;
	}
	dop.base_label = r->base;
	dop.new_label = r->new_run;
	a.base = base;
	a.diff = diff_new(base->views[0].t.table, new_run->views[0].t.table);
	ret = write_report(opt, o, new_run, &a, out);
	if (ret == ANALYSIS_OK && r->fail_above >= 0 && diff_grew(a.diff, &r->options, r->fail_above))
		ret = ANALYSIS_GREW;
	diff_free((struct diff *)a.diff);
out:
	model_free(base);
	model_free(new_run);
	strtab_free(strings);
	return ret;
}

int analysis_compare(const struct analysis_options *opt, char *const runs[], int nruns,
		     const struct compare_options *c, FILE *out)
{
	struct strtab *strings = strtab_new();
	struct model **m = xcalloc((size_t)nruns + 1, sizeof *m);
	const struct stats **tables = xcalloc((size_t)nruns + 1, sizeof *tables);
	double *elapsed = xcalloc((size_t)nruns + 1, sizeof *elapsed);
	struct compare_options cop = *c;
	int ret = ANALYSIS_OK;

	if (opt->output || opt->format || opt->per_process || opt->per_rank) {
		fprintf(stderr, "%s: --compare prints the merged table of each run: drop %s\n", opt->prog,
			opt->output ? "-o" : opt->format ? "--format" : opt->per_process ? "--per-process" : "--per-rank");
		ret = ANALYSIS_FAILED;
	}
	for (int i = 0; ret == ANALYSIS_OK && i < nruns; i++) {
		if (!(m[i] = load_run(opt, strings, runs[i], 0))) {
			ret = ANALYSIS_EMPTY;
			continue;
		}
		tables[i] = m[i]->views[0].t.table;
		elapsed[i] = model_elapsed(m[i]);
	}
	cop.elapsed = elapsed;
	if (ret == ANALYSIS_OK)
		compare_print(out, tables, (const char *const *)runs, (size_t)nruns, &cop);
	for (int i = 0; i < nruns; i++)
		model_free(m[i]);
	free(m);
	free(tables);
	free(elapsed);
	strtab_free(strings);
	return ret;
}
