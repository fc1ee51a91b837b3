/* Unit tests of report.c: pstats' sort keys and print_stats() text, against
 * what CPython's pstats prints for the same table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "tap.h"

static struct strtab *strings;

static void setup(void)
{
	strings = strtab_new();
}

static void teardown(void)
{
	strtab_free(strings);
}

static const char *described(const char *spec)
{
	static struct sort_spec s;
	char err[512];

	if (sort_parse(spec, &s, err, sizeof err) < 0)
		return NULL;
	return s.description;
}

START_TEST(test_sort_keys)
{
	ck_assert_str_eq(described("calls"), "call count");
	ck_assert_str_eq(described("ncalls"), "call count");
	ck_assert_str_eq(described("cumtime"), "cumulative time");
	ck_assert_str_eq(described("cumulative"), "cumulative time");
	ck_assert_str_eq(described("filename"), "file name");
	ck_assert_str_eq(described("module"), "file name");
	ck_assert_str_eq(described("line"), "line number");
	ck_assert_str_eq(described("name"), "function name");
	ck_assert_str_eq(described("nfl"), "name/file/line");
	ck_assert_str_eq(described("pcalls"), "primitive call count");
	ck_assert_str_eq(described("stdname"), "standard name");
	ck_assert_str_eq(described("time"), "internal time");
	ck_assert_str_eq(described("tottime"), "internal time");
	ck_assert_str_eq(described("time,name"), "internal time, function name");
}
END_TEST

/* abbreviations as pstats' get_sort_arg_defs() makes them */
START_TEST(test_sort_abbreviations)
{
	ck_assert_str_eq(described("cu"), "cumulative time");
	ck_assert_str_eq(described("cumu"), "cumulative time");
	ck_assert_str_eq(described("na"), "function name");
	ck_assert_str_eq(described("nf"), "name/file/line");
	ck_assert_str_eq(described("ti"), "internal time");
	ck_assert_str_eq(described("to"), "internal time");
	ck_assert_str_eq(described("st"), "standard name");
	ck_assert_str_eq(described("f"), "file name");
	ck_assert_str_eq(described("p"), "primitive call count");
	ck_assert_str_eq(described("ca"), "call count");
	ck_assert_ptr_null(described("c"));
	ck_assert_ptr_null(described("cum"));
	ck_assert_ptr_null(described("n"));
	ck_assert_ptr_null(described("t"));
	ck_assert_str_eq(described("file"), "file name"); /* a prefix of filename */
	ck_assert_ptr_null(described(""));
	ck_assert_ptr_null(described("calls,bogus"));
	ck_assert_ptr_null(described("time,")); /* pstats: KeyError */
	ck_assert_ptr_null(described(",time"));
}
END_TEST

START_TEST(test_sort_error_names_key)
{
	struct sort_spec s;
	char err[512];

	ck_assert_int_eq(sort_parse("cumulative,bogus", &s, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "'bogus'"));
	ck_assert_ptr_nonnull(strstr(err, "tottime"));
}
END_TEST

START_TEST(test_std_name)
{
	static const struct {
		const char *file;
		unsigned line;
		const char *name, *std;
	} cases[] = {
		{"~", 0, "<built-in method time.sleep>", "{built-in method time.sleep}"},
		{"~", 0, "len", "len"},
		{"~", 0, "<", "<"},
		{"~", 0, "<>", "{}"},
		{"/a/b.c", 12, "f", "/a/b.c:12(f)"},
	};
	struct stats *st = stats_new(strings);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *std = report_std_name(st, (struct func_name){strtab_intern(strings, cases[i].file), cases[i].line,
								   strtab_intern(strings, cases[i].name)});
		ck_assert_str_eq(std, cases[i].std);
		free(std);
	}
	/* no limit on the length */
	char *name = malloc(9001), *std;
	memset(name, 'x', 9000);
	name[9000] = '\0';
	std = report_std_name(st, (struct func_name){strtab_intern(strings, "f.c"), 1, strtab_intern(strings, name)});
	ck_assert_uint_eq(strlen(std), 9000 + strlen("f.c:1()"));
	free(std);
	free(name);
	stats_free(st);
}
END_TEST

/* A table whose printed forms below are what CPython's pstats printed for
 * it: marshal.dump of the same dict, then
 * Stats(f).strip_dirs().sort_stats(key).print_stats(). */
static struct stats *golden_stats(void)
{
	static const struct {
		const char *file;
		unsigned line;
		const char *name;
		uint64_t cc, nc;
		double tt, ct;
	} rows[] = {
		{"/src/a.c", 10, "main", 1, 1, 0.0005, 1.2345678},
		{"/src/a.c", 20, "rec", 2, 7, 0.0015, 0.5},
		{"/lib/libc.so.6", 0, "memcpy", 0, 0, 2.675, 2.675},
		{"/src/b.c", 5, "big", 12345678901ull, 12345678901ull, 0.0, 0.0},
		{"~", 0, "<built-in method time.sleep>", 3, 3, 1.0, 1.0},
		{"/other/a.c", 10, "main", 1, 1, 0.25, 0.25},
		{"/src/b.c", 6, "tie", 3, 3, 1.0, 1.0},
	};
	struct stats *st = stats_new(strings);

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		uint32_t e = stats_entry(st, (struct func_name){strtab_intern(strings, rows[i].file), rows[i].line,
							       strtab_intern(strings, rows[i].name)});
		st->entries[e].cc = rows[i].cc;
		st->entries[e].nc = rows[i].nc;
		st->entries[e].tt = rows[i].tt;
		st->entries[e].ct = rows[i].ct;
	}
	return st;
}

static char *table(const struct stats *st, const char *sort, long top)
{
	struct sort_spec s;
	char err[256], *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_int_eq(sort_parse(sort, &s, err, sizeof err), 0);
	report_table(f, st, &s, top);
	fclose(f);
	return text;
}

START_TEST(test_table_cumulative)
{
	struct stats *st = golden_stats();
	char *t = table(st, "cumulative", -1);

	ck_assert_str_eq(t, "         12345678916 function calls (12345678911 primitive calls) in 4.927 seconds\n\n"
			    "   Ordered by: cumulative time\n\n"
			    "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n"
			    "        0    2.675             2.675          libc.so.6:0(memcpy)\n"
			    "        2    0.251    0.125    1.485    0.742 a.c:10(main)\n"
			    "        3    1.000    0.333    1.000    0.333 {built-in method time.sleep}\n"
			    "        3    1.000    0.333    1.000    0.333 b.c:6(tie)\n"
			    "      7/2    0.002    0.000    0.500    0.250 a.c:20(rec)\n"
			    "12345678901    0.000    0.000    0.000    0.000 b.c:5(big)\n\n\n");
	free(t);
	stats_free(st);
}
END_TEST

START_TEST(test_table_calls)
{
	struct stats *st = golden_stats();
	char *t = table(st, "calls", -1);

	ck_assert_str_eq(t, "         12345678916 function calls (12345678911 primitive calls) in 4.927 seconds\n\n"
			    "   Ordered by: call count\n\n"
			    "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n"
			    "12345678901    0.000    0.000    0.000    0.000 b.c:5(big)\n"
			    "      7/2    0.002    0.000    0.500    0.250 a.c:20(rec)\n"
			    "        3    1.000    0.333    1.000    0.333 {built-in method time.sleep}\n"
			    "        3    1.000    0.333    1.000    0.333 b.c:6(tie)\n"
			    "        2    0.251    0.125    1.485    0.742 a.c:10(main)\n"
			    "        0    2.675             2.675          libc.so.6:0(memcpy)\n\n\n");
	free(t);
	stats_free(st);
}
END_TEST

START_TEST(test_table_restricted)
{
	struct stats *st = golden_stats();
	char *t = table(st, "name", 3);

	ck_assert_str_eq(t, "         12345678916 function calls (12345678911 primitive calls) in 4.927 seconds\n\n"
			    "   Ordered by: function name\n"
			    "   List reduced from 6 to 3 due to restriction <3>\n\n"
			    "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n"
			    "        3    1.000    0.333    1.000    0.333 {built-in method time.sleep}\n"
			    "12345678901    0.000    0.000    0.000    0.000 b.c:5(big)\n"
			    "        2    0.251    0.125    1.485    0.742 a.c:10(main)\n\n\n");
	free(t);
	stats_free(st);
}
END_TEST

START_TEST(test_table_empty)
{
	struct stats *st = stats_new(strings);
	char *t = table(st, "cumulative", -1);

	ck_assert_str_eq(t, "         0 function calls in 0.000 seconds\n\n");
	free(t);
	stats_free(st);
}
END_TEST

/* Names are printed escaped (text.h), but sorted as they are, as pstats
 * sorts them: "\001z" before "\\a", though "\\x01z" is after. */
START_TEST(test_table_escapes_names)
{
	static const char *names[] = {"\\a", "b\n   9    0.000    0.000    0.000    0.000 forged.c:1(f)", "\001z",
				      "\033]0;title\007"};
	struct stats *st = stats_new(strings);
	char *t;

	for (unsigned i = 0; i < 4; i++) {
		uint32_t e = stats_entry(st, (struct func_name){strtab_intern(strings, "/src/a.c"), i + 1,
							       strtab_intern(strings, names[i])});
		st->entries[e].cc = st->entries[e].nc = 1;
	}
	t = table(st, "name", -1);
	ck_assert_str_eq(t, "         4 function calls in 0.000 seconds\n\n"
			    "   Ordered by: function name\n\n"
			    "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n"
			    "        1    0.000    0.000    0.000    0.000 a.c:3(\\x01z)\n"
			    "        1    0.000    0.000    0.000    0.000 a.c:4(\\x1b]0;title\\x07)\n"
			    "        1    0.000    0.000    0.000    0.000 a.c:1(\\a)\n"
			    "        1    0.000    0.000    0.000    0.000 "
			    "a.c:2(b\\n   9    0.000    0.000    0.000    0.000 forged.c:1(f))\n\n\n");
	free(t);
	stats_free(st);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sort_keys);
	tcase_add_test(tc, test_sort_abbreviations);
	tcase_add_test(tc, test_sort_error_names_key);
	tcase_add_test(tc, test_std_name);
	tcase_add_test(tc, test_table_cumulative);
	tcase_add_test(tc, test_table_calls);
	tcase_add_test(tc, test_table_restricted);
	tcase_add_test(tc, test_table_empty);
	tcase_add_test(tc, test_table_escapes_names);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
