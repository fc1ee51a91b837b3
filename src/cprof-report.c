/* cprof-report: merge raw profiles (a run's processes, a job's ranks,
 * several jobs) and print or write the report, after the fact. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

enum { OPT_PER_PROCESS = 256, OPT_PER_RANK, OPT_RANK, OPT_TOP, OPT_VERSION, OPT_FORMAT };

static const struct option options[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"sort", required_argument, NULL, 's'},
	{"per-process", no_argument, NULL, OPT_PER_PROCESS},
	{"per-rank", no_argument, NULL, OPT_PER_RANK},
	{"rank", required_argument, NULL, OPT_RANK},
	{"top", required_argument, NULL, OPT_TOP},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

static void usage(FILE *f)
{
	fputs("usage: cprof-report [options] DIR|FILE...\n"
	      "Merge cprof raw profiles (directories of them, or files) into one report.\n"
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
	      "  -h, --help          show this help\n"
	      "      --version       show the version\n",
	      f);
}

int main(int argc, char **argv)
{
	struct analysis_options opt = {.prog = "cprof-report", .top = -1};
	const char *sort = NULL;
	struct ranks *ranks = NULL;
	char err[512], *end;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:s:h", options, NULL)) != -1) {
		switch (c) {
		case 'o': opt.output = optarg; break;
		case OPT_FORMAT: opt.format = optarg; break;
		case 's': sort = optarg; break;
		case OPT_PER_PROCESS: opt.per_process = 1; break;
		case OPT_PER_RANK: opt.per_rank = 1; break;
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
	if (!analysis_format("cprof-report", opt.format, opt.output))
		return 2;
	if (opt.output && analysis_check_output("cprof-report", opt.output) < 0)
		return 2;
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
