/* cprof-report: merge raw profiles (a run's processes, a job's ranks,
 * several jobs) and print or write the report, after the fact. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

enum { OPT_PER_PROCESS = 256, OPT_PER_RANK, OPT_RANK, OPT_TOP, OPT_VERSION, OPT_FORMAT, OPT_DIFF, OPT_COMPARE,
       OPT_THRESHOLD, OPT_FAIL_ABOVE };

/* cprof-report's exit status when --fail-above is passed */
#define EXIT_GREW 3

static const struct option options[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"sort", required_argument, NULL, 's'},
	{"per-process", no_argument, NULL, OPT_PER_PROCESS},
	{"per-rank", no_argument, NULL, OPT_PER_RANK},
	{"rank", required_argument, NULL, OPT_RANK},
	{"top", required_argument, NULL, OPT_TOP},
	{"diff", no_argument, NULL, OPT_DIFF},
	{"compare", no_argument, NULL, OPT_COMPARE},
	{"threshold", required_argument, NULL, OPT_THRESHOLD},
	{"fail-above", required_argument, NULL, OPT_FAIL_ABOVE},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

static void usage(FILE *f)
{
	fputs("usage: cprof-report [options] DIR|FILE...\n"
	      "       cprof-report --diff [options] BASE NEW\n"
	      "       cprof-report --compare [options] RUN RUN...\n"
	      "Merge cprof raw profiles (directories of them, or files) into one report;\n"
	      "or compare runs, each a directory of raw profiles, a raw profile or a\n"
	      "pstats file (cprof's -o, or Python's cProfile -o).\n"
	      "\n"
	      "  -o, --output FILE   write the report into FILE instead of printing it, in the\n"
	      "                      format FILE's name says: .html a web page, .folded\n"
	      "                      collapsed stacks, .speedscope.json speedscope's;\n"
	      "                      else a pstats file of the merged table (cProfile -o)\n"
	      "      --format=NAME   text, pstats, html, speedscope or folded, whatever\n"
	      "                      FILE's name (without -o: printed)\n"
	      "  -s, --sort KEY      sort by KEY (pstats' keys); default cumulative (standard\n"
	      "                      name for Python before 3.11, as cProfile)\n"
	      "      --per-process   print one table per process instead of the merged one\n"
	      "      --per-rank      print one table per MPI rank instead of the merged one\n"
	      "      --rank LIST     only these MPI ranks: 0,2,5-7\n"
	      "      --top N         print only the first N rows of each table (and N MPI\n"
	      "                      call sites; 20 by default)\n"
	      "      --diff          BASE and NEW function by function: the change in time\n"
	      "                      and calls, new and gone functions, the largest change\n"
	      "                      first (-s tottime, cumtime or calls); -o FILE.html\n"
	      "                      colours NEW's flame graph by the change\n"
	      "      --threshold T   --diff: hide changes below T seconds, or T% of BASE's\n"
	      "                      total (5%)\n"
	      "      --fail-above P  --diff: exit with status 3 if the total or a function\n"
	      "                      shown grew by more than P percent (for CI); a new\n"
	      "                      function counts as grown: --threshold hides the small\n"
	      "                      changes that would count\n"
	      "      --compare       the runs side by side, a column each, with each run's\n"
	      "                      elapsed time and its speedup over the first (-s\n"
	      "                      tottime, cumtime or calls)\n"
	      "  -h, --help          show this help\n"
	      "      --version       show the version\n",
	      f);
}

/* The options of --diff and --compare, and the run. */
static int versus(struct analysis_options *opt, int diff, const char *sort, const char *threshold,
		  double fail_above, char *const runs[], int nruns)
{
	struct diff_request r = {.options = DIFF_OPTIONS_DEFAULT, .fail_above = fail_above};
	struct compare_options c = COMPARE_OPTIONS_DEFAULT;
	char err[512];
	int ret;

	if (diff ? nruns != 2 : nruns < 2) {
		fprintf(stderr, diff ? "cprof-report: --diff compares two runs, BASE and NEW, not %d\n"
				     : "cprof-report: --compare takes two runs or more, not %d\n",
			nruns);
		return 2;
	}
	if ((sort && diff_metric_parse(sort, &r.options.metric, err, sizeof err) < 0) ||
	    (threshold && diff_threshold_parse(threshold, &r.options, err, sizeof err) < 0)) {
		fprintf(stderr, "cprof-report: %s\n", err);
		return 2;
	}
	r.options.top = c.top = opt->top;
	c.metric = r.options.metric;
	r.base = runs[0];
	r.new_run = runs[1];
	ret = diff ? analysis_diff(opt, &r, stdout) : analysis_compare(opt, runs, nruns, &c, stdout);
	return ret == ANALYSIS_GREW ? EXIT_GREW : ret;
}

int main(int argc, char **argv)
{
	struct analysis_options opt = {.prog = "cprof-report", .top = -1};
	const char *sort = NULL, *threshold = NULL;
	double fail_above = -1;
	struct ranks *ranks = NULL;
	char err[512], *end;
	int c, ret, diff = 0, compare = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:s:h", options, NULL)) != -1) {
		switch (c) {
		case 'o': opt.output = optarg; break;
		case OPT_FORMAT: opt.format = optarg; break;
		case 's': sort = optarg; break;
		case OPT_PER_PROCESS: opt.per_process = 1; break;
		case OPT_PER_RANK: opt.per_rank = 1; break;
		case OPT_DIFF: diff = 1; break;
		case OPT_COMPARE: compare = 1; break;
		case OPT_THRESHOLD: threshold = optarg; break;
		case OPT_FAIL_ABOVE:
			fail_above = strtod(optarg, &end);
			if (end == optarg || (*end && strcmp(end, "%") != 0) || !(fail_above >= 0)) {
				fprintf(stderr, "cprof-report: --fail-above takes a percentage (10, or 10%%), not '%s'\n",
					optarg);
				return 2;
			}
			break;
		case OPT_RANK:
			ranks_free(ranks);
			if (!(ranks = ranks_parse(optarg, err, sizeof err))) {
				fprintf(stderr, "cprof-report: %s\n", err);
				return 2;
			}
			opt.ranks = ranks;
			break;
		case OPT_TOP:
			opt.top = strtol(optarg, &end, 10);
			if (*end || opt.top < 0) {
				fprintf(stderr, "cprof-report: --top takes a number of rows, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'h': usage(stdout); return 0;
		case OPT_VERSION: printf("cprof-report %s\n", PACKAGE_VERSION); return 0;
		case ':':
			fprintf(stderr, "cprof-report: option '%s' needs an argument\n", argv[optind - 1]);
			usage(stderr);
			return 2;
		default:
			fprintf(stderr, "cprof-report: unknown option '%s'\n", argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	if (optind == argc) {
		fputs("cprof-report: no profiles given\n", stderr);
		usage(stderr);
		return 2;
	}
	if (diff + compare > 1 || ((threshold || fail_above >= 0) && !diff)) {
		fputs(diff + compare > 1 ? "cprof-report: --diff or --compare, not both\n"
					 : "cprof-report: --threshold and --fail-above are --diff's options\n",
		      stderr);
		return 2;
	}
	if (!analysis_format("cprof-report", opt.format, opt.output))
		return 2;
	if (opt.output && analysis_check_output("cprof-report", opt.output) < 0)
		return 2;
	if (diff || compare) {
		ret = versus(&opt, diff, sort, threshold, fail_above, argv + optind, argc - optind);
		ranks_free(ranks);
		return ret;
	}
	opt.sort_chosen = sort != NULL;
	if (sort && sort_parse(sort, &opt.sort, err, sizeof err) < 0) {
		fprintf(stderr, "cprof-report: %s\n", err);
		return 2;
	}
	ret = analysis_report(&opt, argv + optind, argc - optind, stdout);
	if (ret == ANALYSIS_EMPTY)
		fputs(ranks ? "cprof-report: no readable raw profile of the ranks asked for among the files given\n"
			    : "cprof-report: no readable raw profile among the files given\n",
		      stderr);
	ranks_free(ranks);
	return ret == ANALYSIS_UNWRITTEN ? ANALYSIS_EMPTY : ret;
}
