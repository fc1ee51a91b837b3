/* Unit tests of common/countspec.c: the grammar of --count's patterns. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "countspec.h"
#include "tap.h"

/* [LIB:]GLOB, separated by commas; no LIB: the main executable. */
START_TEST(test_parse)
{
	struct countspec p[8];

	ck_assert_int_eq(countspec_parse("work_*", p, 8), 1);
	ck_assert_str_eq(p[0].lib, "");
	ck_assert_str_eq(p[0].glob, "work_*");

	ck_assert_int_eq(countspec_parse("work_*,libm:sin,/usr/lib/libz.so.1:deflate*", p, 8), 3);
	ck_assert_str_eq(p[0].glob, "work_*");
	ck_assert_str_eq(p[1].lib, "libm");
	ck_assert_str_eq(p[1].glob, "sin");
	ck_assert_str_eq(p[2].lib, "/usr/lib/libz.so.1");
	ck_assert_str_eq(p[2].glob, "deflate*");

	/* (out NULL: checked and counted only) */
	ck_assert_int_eq(countspec_parse("f,libm:g,h", NULL, 0), 3);
}
END_TEST

/* An empty pattern, an empty LIB or GLOB, or two colons: not the grammar
 * (the launcher refuses it; the runtime counts nothing); no pattern at all
 * is none. */
START_TEST(test_malformed)
{
	struct countspec p[8];

	ck_assert_int_eq(countspec_parse("", p, 8), 0);
	ck_assert_int_eq(countspec_parse(",", p, 8), -1);
	ck_assert_int_eq(countspec_parse("f,", p, 8), -1);
	ck_assert_int_eq(countspec_parse(",f", p, 8), -1);
	ck_assert_int_eq(countspec_parse("f,,g", p, 8), -1);
	ck_assert_int_eq(countspec_parse("libm:", p, 8), -1);
	ck_assert_int_eq(countspec_parse(":main", p, 8), -1);
	ck_assert_int_eq(countspec_parse("a:b:c", p, 8), -1);
	ck_assert_int_eq(countspec_parse("f,a:b:c", NULL, 0), -1);
}
END_TEST

/* At most max patterns read, and nothing written beyond them; all of them
 * counted. */
START_TEST(test_max)
{
	struct countspec p[3] = {[2] = {.lib = "keep", .glob = "keep"}};
	char spec[COUNTSPEC_MAX * 8 + 64], last[16];
	struct countspec many[COUNTSPEC_MAX];
	size_t n = 0;

	ck_assert_int_eq(countspec_parse("a,b,c,d", p, 2), 4);
	ck_assert_str_eq(p[0].glob, "a");
	ck_assert_str_eq(p[1].glob, "b");
	ck_assert_str_eq(p[2].lib, "keep");
	ck_assert_str_eq(p[2].glob, "keep");

	for (int i = 0; i < COUNTSPEC_MAX + 5; i++)
		n += (size_t)snprintf(spec + n, sizeof spec - n, "%sf%d", i ? "," : "", i);
	ck_assert_int_eq(countspec_parse(spec, many, COUNTSPEC_MAX), COUNTSPEC_MAX + 5);
	snprintf(last, sizeof last, "f%d", COUNTSPEC_MAX - 1);
	ck_assert_str_eq(many[COUNTSPEC_MAX - 1].glob, last);
}
END_TEST

/* A LIB or GLOB too long for its field is cut to it. */
START_TEST(test_long)
{
	struct countspec p[2];
	char spec[1024];

	memset(spec, 'L', 200);
	spec[200] = ':';
	memset(spec + 201, 'G', 300);
	strcpy(spec + 501, ",next");
	ck_assert_int_eq(countspec_parse(spec, p, 2), 2);
	ck_assert_uint_eq(strlen(p[0].lib), sizeof p[0].lib - 1);
	ck_assert_uint_eq(strspn(p[0].lib, "L"), sizeof p[0].lib - 1);
	ck_assert_uint_eq(strlen(p[0].glob), sizeof p[0].glob - 1);
	ck_assert_uint_eq(strspn(p[0].glob, "G"), sizeof p[0].glob - 1);
	ck_assert_str_eq(p[1].glob, "next");
}
END_TEST

static int lib_matches(const char *lib, const char *path, int is_main)
{
	struct countspec p = {.glob = "*"};

	snprintf(p.lib, sizeof p.lib, "%s", lib);
	return countspec_lib_matches(&p, path, is_main);
}

/* No LIB names the main executable only; a path names one file exactly; a
 * bare name names a file whose name starts with it, up to a dot. */
START_TEST(test_lib_matches)
{
	ck_assert_int_eq(lib_matches("", "/usr/bin/prog", 1), 1);
	ck_assert_int_eq(lib_matches("", "/lib/libm.so.6", 0), 0);
	ck_assert_int_eq(lib_matches("libm", "/usr/lib/x86_64-linux-gnu/libm.so.6", 0), 1);
	ck_assert_int_eq(lib_matches("libc", "/lib/x86_64-linux-gnu/libc.so.6", 0), 1);
	ck_assert_int_eq(lib_matches("libc", "/lib/x86_64-linux-gnu/libcrypt.so.1", 0), 0);
	ck_assert_int_eq(lib_matches("libm.so.6", "/lib/libm.so.6", 0), 1);
	ck_assert_int_eq(lib_matches("libm.so", "/lib/libm.so.6", 0), 1);
	ck_assert_int_eq(lib_matches("libm", "libm.so.6", 0), 1);
	ck_assert_int_eq(lib_matches("prog", "/usr/bin/prog", 1), 1);
	ck_assert_int_eq(lib_matches("prog", "/usr/bin/program", 1), 0);
	ck_assert_int_eq(lib_matches("bin", "/usr/bin/prog", 1), 0);
	ck_assert_int_eq(lib_matches("/lib/libm.so.6", "/lib/libm.so.6", 0), 1);
	ck_assert_int_eq(lib_matches("/lib/libm.so.6", "/usr/lib/libm.so.6", 0), 0);
	ck_assert_int_eq(lib_matches("/lib/libm", "/lib/libm.so.6", 0), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("countspec");
	TCase *tc = tcase_create("countspec");

	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_max);
	tcase_add_test(tc, test_long);
	tcase_add_test(tc, test_lib_matches);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
