/* Unit tests of diff.c and compare.c on tables made by hand: which
 * functions match (across directories, across moved lines, not when
 * ambiguous), the rows' numbers, the text to the character, thresholds,
 * top, sort keys, diff_grew, and names that must not reach a terminal as
 * they are. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "diff.h"
#include "tap.h"

static struct strtab *strings;

static uint32_t add(struct stats *st, const char *file, unsigned line, const char *name, uint64_t nc, uint64_t cc,
		    double tt, double ct)
{
	uint32_t e = stats_entry(st, (struct func_name){strtab_intern(strings, file), line, strtab_intern(strings, name)});

	st->entries[e].nc = nc;
	st->entries[e].cc = cc;
	st->entries[e].tt = tt;
	st->entries[e].ct = ct;
	return e;
}

static struct stats *base, *now;

/* f doubles; g moves from line 10 to 12 and gets faster; h goes; k
 * comes; the two dup of x.py move too, but which went where cannot be
 * told; sleep stays as it was. */
static void make_runs(void)
{
	strings = strtab_new();
	base = stats_new(strings);
	now = stats_new(strings);
	add(base, "/old/x.py", 1, "f", 10, 10, 1.0, 3.0);
	add(base, "/old/x.py", 10, "g", 5, 5, 1.7, 1.7);
	add(base, "/old/y.py", 5, "h", 2, 2, 0.5, 0.5);
	add(base, "/old/x.py", 20, "dup", 1, 1, 0.25, 0.25);
	add(base, "/old/x.py", 30, "dup", 1, 1, 0.25, 0.25);
	add(base, "~", 0, "<built-in method time.sleep>", 3, 3, 2.0, 2.0);
	add(now, "/new/x.py", 1, "f", 20, 10, 2.0, 3.5);
	add(now, "/new/x.py", 12, "g", 5, 5, 0.6, 0.6);
	add(now, "/new/z.py", 3, "k", 1, 1, 0.25, 0.25);
	add(now, "/new/x.py", 21, "dup", 1, 1, 0.25, 0.25);
	add(now, "/new/x.py", 31, "dup", 1, 1, 0.25, 0.25);
	add(now, "~", 0, "<built-in method time.sleep>", 3, 3, 2.0, 2.0);
}

static void free_runs(void)
{
	stats_free(base);
	stats_free(now);
	strtab_free(strings);
}

static char *printed(const struct diff *d, const struct diff_options *opt)
{
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	diff_print(f, d, opt);
	fclose(f);
	return text;
}

static void assert_printed(const struct diff *d, const struct diff_options *opt, const char *want)
{
	char *got = printed(d, opt);

	ck_assert_msg(strcmp(got, want) == 0, "got:\n%s\nwanted:\n%s", got, want);
	free(got);
}

static void assert_row(const struct diff_row *r, const char *file, unsigned line, const char *name,
		       enum diff_status status, unsigned base_line)
{
	ck_assert_str_eq(strtab_str(strings, r->key.file), file);
	ck_assert_uint_eq(r->key.line, line);
	ck_assert_str_eq(strtab_str(strings, r->key.name), name);
	ck_assert_int_eq(r->status, status);
	ck_assert_uint_eq(r->base_line, base_line);
}

START_TEST(test_rows)
{
	struct diff *d;

	make_runs();
	d = diff_new(base, now);
	ck_assert_uint_eq(d->n, 9);
	/* the base's in its order, then the new ones in theirs */
	assert_row(&d->rows[0], "x.py", 1, "f", DIFF_SAME, 1);
	assert_row(&d->rows[1], "x.py", 12, "g", DIFF_MOVED, 10);
	assert_row(&d->rows[2], "y.py", 5, "h", DIFF_GONE, 5);
	assert_row(&d->rows[3], "x.py", 20, "dup", DIFF_GONE, 20);
	assert_row(&d->rows[4], "x.py", 30, "dup", DIFF_GONE, 30);
	assert_row(&d->rows[5], "~", 0, "<built-in method time.sleep>", DIFF_SAME, 0);
	assert_row(&d->rows[6], "z.py", 3, "k", DIFF_NEW, 3);
	assert_row(&d->rows[7], "x.py", 21, "dup", DIFF_NEW, 21);
	assert_row(&d->rows[8], "x.py", 31, "dup", DIFF_NEW, 31);
	ck_assert(d->rows[0].base_nc == 10 && d->rows[0].new_nc == 20 && d->rows[0].new_cc == 10);
	ck_assert(d->rows[0].base_tt == 1.0 && d->rows[0].new_tt == 2.0);
	ck_assert(d->rows[0].base_ct == 3.0 && d->rows[0].new_ct == 3.5);
	ck_assert(d->rows[1].base_tt == 1.7 && d->rows[1].new_tt == 0.6);
	ck_assert(d->rows[2].base_tt == 0.5 && d->rows[2].new_tt == 0 && d->rows[2].new_nc == 0);
	ck_assert(d->rows[6].base_tt == 0 && d->rows[6].new_tt == 0.25 && d->rows[6].base_nc == 0);
	ck_assert(diff_change(&d->rows[0], DIFF_TOTTIME) == 1.0);
	ck_assert(diff_change(&d->rows[0], DIFF_CUMTIME) == 0.5);
	ck_assert(diff_change(&d->rows[0], DIFF_CALLS) == 10);
	ck_assert(diff_value(&d->rows[1], DIFF_TOTTIME, 1) == 1.7);
	ck_assert(d->base_total.calls == 22 && d->new_total.calls == 31);
	diff_free(d);
	free_runs();
}
END_TEST

/* The HTML report finds a function's row by the key of either run. */
START_TEST(test_find)
{
	struct diff *d;
	const struct diff_row *r;
	struct func_name k;

	make_runs();
	d = diff_new(base, now);
	k = (struct func_name){strtab_intern(strings, "/old/x.py"), 10, strtab_intern(strings, "g")};
	r = diff_find(d, k, 1);
	ck_assert_ptr_eq(r, &d->rows[1]);
	ck_assert_ptr_null(diff_find(d, k, 0)); /* no g at line 10 in the new run */
	k.file = strtab_intern(strings, "/elsewhere/x.py");
	k.line = 12;
	ck_assert_ptr_eq(diff_find(d, k, 0), &d->rows[1]);
	k = (struct func_name){strtab_intern(strings, "y.py"), 5, strtab_intern(strings, "h")};
	ck_assert_ptr_eq(diff_find(d, k, 1), &d->rows[2]);
	ck_assert_ptr_null(diff_find(d, k, 0));
	k = (struct func_name){strtab_intern(strings, "/new/x.py"), 31, strtab_intern(strings, "dup")};
	ck_assert_ptr_eq(diff_find(d, k, 0), &d->rows[8]);
	ck_assert_ptr_null(diff_find(d, k, 1));
	k = (struct func_name){strtab_intern(strings, "~"), 0, strtab_intern(strings, "<built-in method time.sleep>")};
	ck_assert_ptr_eq(diff_find(d, k, 0), &d->rows[5]);
	ck_assert_ptr_eq(diff_find(d, k, 1), &d->rows[5]);
	diff_free(d);
	free_runs();
}
END_TEST

START_TEST(test_print)
{
	struct diff *d;
	struct diff_options opt = DIFF_OPTIONS_DEFAULT;

	make_runs();
	d = diff_new(base, now);
	opt.base_label = "old.pstats";
	opt.new_label = "new.pstats";
	assert_printed(d, &opt,
		       "base:   5.700 seconds, 22 function calls: old.pstats\n"
		       "new:    5.350 seconds, 31 function calls: new.pstats\n"
		       "change: -0.350 seconds (-6.1%), +9 function calls (+40.9%)\n"
		       "\n"
		       "   Ordered by: change in internal time\n"
		       "\n"
		       " base tottime  new tottime      change   change%  base ncalls  new ncalls  filename:lineno(function)\n"
		       "        1.700        0.600      -1.100    -64.7%            5           5  x.py:12(g) (line 10 in the base)\n"
		       "        1.000        2.000      +1.000   +100.0%           10       20/10  x.py:1(f)\n"
		       "        0.500            -      -0.500      gone            2           -  y.py:5(h)\n"
		       "        0.250            -      -0.250      gone            1           -  x.py:20(dup)\n"
		       "        0.250            -      -0.250      gone            1           -  x.py:30(dup)\n"
		       "            -        0.250      +0.250       new            -           1  z.py:3(k)\n"
		       "            -        0.250      +0.250       new            -           1  x.py:21(dup)\n"
		       "            -        0.250      +0.250       new            -           1  x.py:31(dup)\n"
		       "        2.000        2.000      +0.000      0.0%            3           3  {built-in method time.sleep}\n"
		       "\n");

	/* a threshold in seconds, and top */
	opt = (struct diff_options)DIFF_OPTIONS_DEFAULT;
	opt.threshold = 0.3;
	opt.top = 2;
	assert_printed(d, &opt,
		       "base:   5.700 seconds, 22 function calls\n"
		       "new:    5.350 seconds, 31 function calls\n"
		       "change: -0.350 seconds (-6.1%), +9 function calls (+40.9%)\n"
		       "\n"
		       "   Ordered by: change in internal time\n"
		       "   6 functions hidden: change below 0.3 seconds\n"
		       "   List reduced from 3 to 2 due to restriction <2>\n"
		       "\n"
		       " base tottime  new tottime      change   change%  base ncalls  new ncalls  filename:lineno(function)\n"
		       "        1.700        0.600      -1.100    -64.7%            5           5  x.py:12(g) (line 10 in the base)\n"
		       "        1.000        2.000      +1.000   +100.0%           10       20/10  x.py:1(f)\n"
		       "\n");
	diff_free(d);
	free_runs();
}
END_TEST

START_TEST(test_print_by)
{
	struct diff *d;
	struct diff_options opt = DIFF_OPTIONS_DEFAULT;

	make_runs();
	d = diff_new(base, now);
	/* 10% of the base's 5.7 seconds: 0.57 */
	opt.metric = DIFF_CUMTIME;
	opt.threshold = 10;
	opt.threshold_percent = 1;
	assert_printed(d, &opt,
		       "base:   5.700 seconds, 22 function calls\n"
		       "new:    5.350 seconds, 31 function calls\n"
		       "change: -0.350 seconds (-6.1%), +9 function calls (+40.9%)\n"
		       "\n"
		       "   Ordered by: change in cumulative time\n"
		       "   8 functions hidden: change below 10% of the base's total (0.57 seconds)\n"
		       "\n"
		       " base cumtime  new cumtime      change   change%  base ncalls  new ncalls  filename:lineno(function)\n"
		       "        1.700        0.600      -1.100    -64.7%            5           5  x.py:12(g) (line 10 in the base)\n"
		       "\n");
	opt = (struct diff_options)DIFF_OPTIONS_DEFAULT;
	opt.metric = DIFF_CALLS;
	opt.threshold = 1;
	assert_printed(d, &opt,
		       "base:   5.700 seconds, 22 function calls\n"
		       "new:    5.350 seconds, 31 function calls\n"
		       "change: -0.350 seconds (-6.1%), +9 function calls (+40.9%)\n"
		       "\n"
		       "   Ordered by: change in call count\n"
		       "   2 functions hidden: change below 1 calls\n"
		       "\n"
		       "  base ncalls   new ncalls      change   change% base tottime new tottime  filename:lineno(function)\n"
		       "           10        20/10         +10   +100.0%        1.000       2.000  x.py:1(f)\n"
		       "            2            -          -2      gone        0.500           -  y.py:5(h)\n"
		       "            1            -          -1      gone        0.250           -  x.py:20(dup)\n"
		       "            1            -          -1      gone        0.250           -  x.py:30(dup)\n"
		       "            -            1          +1       new            -       0.250  z.py:3(k)\n"
		       "            -            1          +1       new            -       0.250  x.py:21(dup)\n"
		       "            -            1          +1       new            -       0.250  x.py:31(dup)\n"
		       "\n");
	/* nothing above the threshold: no table */
	opt.threshold = 1000;
	opt.threshold_percent = 0;
	assert_printed(d, &opt,
		       "base:   5.700 seconds, 22 function calls\n"
		       "new:    5.350 seconds, 31 function calls\n"
		       "change: -0.350 seconds (-6.1%), +9 function calls (+40.9%)\n"
		       "\n"
		       "   Ordered by: change in call count\n"
		       "   9 functions hidden: change below 1000 calls\n"
		       "\n");
	diff_free(d);
	free_runs();
}
END_TEST

/* From zero: "+inf%"; a change of nothing: "0.0%". */
START_TEST(test_percent)
{
	struct diff *d;
	struct diff_options opt = DIFF_OPTIONS_DEFAULT;

	strings = strtab_new();
	base = stats_new(strings);
	now = stats_new(strings);
	add(base, "a.c", 1, "from_zero", 1, 1, 0.0, 0.0);
	add(now, "a.c", 1, "from_zero", 1, 1, 0.5, 0.5);
	add(base, "a.c", 2, "third", 3, 3, 3.0, 3.0);
	add(now, "a.c", 2, "third", 3, 3, 1.0, 1.0);
	d = diff_new(base, now);
	assert_printed(d, &opt,
		       "base:   3.000 seconds, 4 function calls\n"
		       "new:    1.500 seconds, 4 function calls\n"
		       "change: -1.500 seconds (-50.0%), +0 function calls (0.0%)\n"
		       "\n"
		       "   Ordered by: change in internal time\n"
		       "\n"
		       " base tottime  new tottime      change   change%  base ncalls  new ncalls  filename:lineno(function)\n"
		       "        3.000        1.000      -2.000    -66.7%            3           3  a.c:2(third)\n"
		       "        0.000        0.500      +0.500     +inf%            1           1  a.c:1(from_zero)\n"
		       "\n");
	diff_free(d);
	free_runs();
}
END_TEST

START_TEST(test_grew)
{
	struct diff *d;
	struct diff_options opt = DIFF_OPTIONS_DEFAULT;

	make_runs();
	d = diff_new(base, now);
	/* the total shrank; f doubled */
	ck_assert_int_eq(diff_grew(d, &opt, 50), 1);
	ck_assert_int_eq(diff_grew(d, &opt, 99), 1);
	/* k and the dup are new: more than any percent */
	ck_assert_int_eq(diff_grew(d, &opt, 1000), 1);
	/* hidden, they count no more; f's 100% is not more than 100% */
	opt.threshold = 0.3;
	ck_assert_int_eq(diff_grew(d, &opt, 100), 0);
	ck_assert_int_eq(diff_grew(d, &opt, 99.9), 1);
	/* f hidden too: only g, which shrank */
	opt.threshold = 1.05;
	ck_assert_int_eq(diff_grew(d, &opt, 0), 0);
	/* by calls: the total grew 40.9% */
	opt.metric = DIFF_CALLS;
	opt.threshold = 1000;
	ck_assert_int_eq(diff_grew(d, &opt, 40), 1);
	ck_assert_int_eq(diff_grew(d, &opt, 41), 0);
	/* top limits what is printed, not what is looked at */
	opt = (struct diff_options)DIFF_OPTIONS_DEFAULT;
	opt.top = 1;
	ck_assert_int_eq(diff_grew(d, &opt, 150), 1);
	diff_free(d);
	free_runs();

	/* the total alone: 1 s to 1.125 s, one function hidden */
	strings = strtab_new();
	base = stats_new(strings);
	now = stats_new(strings);
	add(base, "a.c", 1, "a", 1, 1, 1.0, 1.0);
	add(now, "a.c", 1, "a", 1, 1, 1.125, 1.125);
	d = diff_new(base, now);
	opt = (struct diff_options)DIFF_OPTIONS_DEFAULT;
	opt.threshold = 0.2;
	ck_assert_int_eq(diff_grew(d, &opt, 12), 1);
	ck_assert_int_eq(diff_grew(d, &opt, 12.5), 0);
	opt.threshold = 5;
	opt.threshold_percent = 1; /* 0.05 s: a shown, and grown as much */
	ck_assert_int_eq(diff_shown(d, &d->rows[0], &opt), 1);
	ck_assert_int_eq(diff_grew(d, &opt, 12.5), 0);
	diff_free(d);
	free_runs();
}
END_TEST

START_TEST(test_parse)
{
	struct diff_options opt = DIFF_OPTIONS_DEFAULT;
	enum diff_metric m = DIFF_CALLS;
	char err[256];

	ck_assert_int_eq(diff_metric_parse("cumulative", &m, err, sizeof err), 0);
	ck_assert_int_eq(m, DIFF_CUMTIME);
	ck_assert_int_eq(diff_metric_parse("time", &m, err, sizeof err), 0);
	ck_assert_int_eq(m, DIFF_TOTTIME);
	ck_assert_int_eq(diff_metric_parse("ncalls", &m, err, sizeof err), 0);
	ck_assert_int_eq(m, DIFF_CALLS);
	ck_assert_int_eq(diff_metric_parse("name", &m, err, sizeof err), -1);
	ck_assert_str_eq(err, "runs are not compared by 'name' (use one of: tottime, cumtime, calls)");
	ck_assert_int_eq(diff_threshold_parse("5%", &opt, err, sizeof err), 0);
	ck_assert(opt.threshold == 5 && opt.threshold_percent == 1);
	ck_assert_int_eq(diff_threshold_parse("0.01", &opt, err, sizeof err), 0);
	ck_assert(opt.threshold == 0.01 && opt.threshold_percent == 0);
	static const char *const bad[] = {"", "-1", "5%%", "%", "x", "1s", "nan", "inf"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(diff_threshold_parse(bad[i], &opt, err, sizeof err) == -1, "'%s' taken", bad[i]);
		ck_assert(strstr(err, "0.01 or 5%"));
	}
	ck_assert(opt.threshold == 0.01 && opt.threshold_percent == 0);
}
END_TEST

static char *compared(const struct stats *const runs[], const char *const labels[], size_t n,
		      const struct compare_options *opt)
{
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	compare_print(f, runs, labels, n, opt);
	fclose(f);
	return text;
}

static void assert_compared(const struct stats *const runs[], const char *const labels[], size_t n,
			    const struct compare_options *opt, const char *want)
{
	char *got = compared(runs, labels, n, opt);

	ck_assert_msg(strcmp(got, want) == 0, "got:\n%s\nwanted:\n%s", got, want);
	free(got);
}

START_TEST(test_compare)
{
	struct stats *runs[3];
	static const char *const labels[] = {"pool1.pstats", "pool2.pstats", "pool4.pstats"};
	struct compare_options opt = COMPARE_OPTIONS_DEFAULT;

	strings = strtab_new();
	for (int i = 0; i < 3; i++)
		runs[i] = stats_new(strings);
	add(runs[0], "/r1/a.py", 1, "f", 1, 1, 4.0, 5.5);
	add(runs[0], "/r1/a.py", 2, "g", 10, 10, 1.0, 1.5);
	add(runs[0], "/r1/b.py", 3, "h", 7, 7, 0.5, 0.5);
	add(runs[1], "/r2/a.py", 1, "f", 1, 1, 2.0, 3.75);
	add(runs[1], "/r2/a.py", 2, "g", 20, 10, 1.5, 1.75);
	add(runs[1], "/r2/c.py", 4, "k", 1, 1, 0.25, 0.25);
	add(runs[2], "a.py", 1, "f", 1, 1, 1.0, 1.75);
	add(runs[2], "a.py", 2, "g", 10, 10, 0.75, 0.75);
	const struct stats *const r[] = {runs[0], runs[1], runs[2]};
	const double elapsed[] = {2.0, 1.25, 0.5};
	opt.elapsed = elapsed;
	assert_compared(r, labels, 3, &opt,
			"   [1] pool1.pstats\n"
			"   [2] pool2.pstats\n"
			"   [3] pool4.pstats\n"
			"\n"
			"         [1]         [2]         [3]\n"
			"       5.500       3.750       1.750  total time (seconds): the processes' added up\n"
			"       2.000       1.250       0.500  elapsed (seconds): the first start to the last end\n"
			"       1.00x       1.60x       4.00x  speedup: [1]'s elapsed time / the run's\n"
			"\n"
			"   Ordered by: internal time, the largest in any run\n"
			"\n"
			"         [1]         [2]         [3]  filename:lineno(function)\n"
			"       4.000       2.000       1.000  a.py:1(f)\n"
			"       1.000       1.500       0.750  a.py:2(g)\n"
			"       0.500           -           -  b.py:3(h)\n"
			"           -       0.250           -  c.py:4(k)\n"
			"\n");
	opt.metric = DIFF_CALLS;
	opt.top = 2;
	assert_compared(r, labels, 2, &opt,
			"   [1] pool1.pstats\n"
			"   [2] pool2.pstats\n"
			"\n"
			"         [1]         [2]\n"
			"       5.500       3.750  total time (seconds): the processes' added up\n"
			"       2.000       1.250  elapsed (seconds): the first start to the last end\n"
			"       1.00x       1.60x  speedup: [1]'s elapsed time / the run's\n"
			"\n"
			"   Ordered by: call count, the largest in any run\n"
			"   List reduced from 4 to 2 due to restriction <2>\n"
			"\n"
			"         [1]         [2]  filename:lineno(function)\n"
			"          10       20/10  a.py:2(g)\n"
			"           7           -  b.py:3(h)\n"
			"\n");
	/* cumtime; runs of no elapsed time known (pstats files) have no speedup */
	stats_free(runs[2]);
	runs[2] = stats_new(strings);
	add(runs[2], "a.py", 1, "f", 1, 1, 0.0, 9.0);
	const struct stats *const z[] = {runs[0], runs[2]};
	opt = (struct compare_options)COMPARE_OPTIONS_DEFAULT;
	opt.metric = DIFF_CUMTIME;
	assert_compared(z, labels, 2, &opt,
			"   [1] pool1.pstats\n"
			"   [2] pool2.pstats\n"
			"\n"
			"         [1]         [2]\n"
			"       5.500       0.000  total time (seconds): the processes' added up\n"
			"           -           -  elapsed (seconds): the first start to the last end\n"
			"           -           -  speedup: [1]'s elapsed time / the run's\n"
			"\n"
			"   Ordered by: cumulative time, the largest in any run\n"
			"\n"
			"         [1]         [2]  filename:lineno(function)\n"
			"       5.500       9.000  a.py:1(f)\n"
			"       1.500           -  a.py:2(g)\n"
			"       0.500           -  b.py:3(h)\n"
			"\n");
	for (int i = 0; i < 3; i++)
		stats_free(runs[i]);
	strtab_free(strings);
}
END_TEST

/* Names and labels come from files anyone may write: what a terminal
 * would act on is printed escaped. */
START_TEST(test_escaped)
{
	struct diff *d;
	struct diff_options opt = DIFF_OPTIONS_DEFAULT;
	struct compare_options copt = COMPARE_OPTIONS_DEFAULT;
	char *text;

	strings = strtab_new();
	base = stats_new(strings);
	now = stats_new(strings);
	add(base, "/x/a\tb.py", 1, "evil\n\x1b]0;owned\x07", 1, 1, 1.0, 1.0);
	add(now, "/y/a\tb.py", 1, "evil\n\x1b]0;owned\x07", 1, 1, 2.0, 2.0);
	d = diff_new(base, now);
	ck_assert_int_eq(d->rows[0].status, DIFF_SAME);
	opt.base_label = "run\x1b[2J";
	text = printed(d, &opt);
	ck_assert_msg(strstr(text, "  a\\tb.py:1(evil\\n\\x1b]0;owned\\x07)\n"), "%s", text);
	ck_assert_msg(strstr(text, ": run\\x1b[2J\n"), "%s", text);
	ck_assert(!strchr(text, '\x1b') && !strchr(text, '\t') && !strchr(text, '\x07'));
	free(text);
	const struct stats *const r[] = {base, now};
	const char *const labels[] = {"one\x9b", "two\r"};
	text = compared(r, labels, 2, &copt);
	ck_assert_msg(strstr(text, "   [1] one\\x9b\n   [2] two\\r\n"), "%s", text);
	ck_assert_msg(strstr(text, "  a\\tb.py:1(evil\\n\\x1b]0;owned\\x07)\n"), "%s", text);
	ck_assert(!strchr(text, '\x1b') && !strchr(text, '\t') && !strchr(text, '\r'));
	free(text);
	diff_free(d);
	free_runs();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");

	tcase_add_test(tc, test_rows);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_print);
	tcase_add_test(tc, test_print_by);
	tcase_add_test(tc, test_percent);
	tcase_add_test(tc, test_grew);
	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_compare);
	tcase_add_test(tc, test_escaped);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
