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
	int ret;

	if (!opt->sort_chosen) /* as python -m cProfile sorts: by standard name
				* before 3.11, by cumulative time since (and for
				* native programs) */
		sort_parse(m->old_python ? "stdname" : "cumulative", &a.sort, err, sizeof err);
	if (opt->output) {
		ret = output_write_file(o, m, &a, opt->output);
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
	return o->write(out, m, &a) < 0 ? ANALYSIS_FAILED : ANALYSIS_OK;
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
