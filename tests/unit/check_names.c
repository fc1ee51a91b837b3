/* Unit tests of demangle.c and ehframe.c: C++ names as people read them,
 * and functions found by their call-frame information. */
#include "config.h"

#include <elfutils/libdwfl.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "demangle.h"
#include "ehframe.h"
#include "tap.h"

static void expect_demangled(const char *symbol, const char *want)
{
	char *got = demangle_cxx(symbol);

	if (!want)
		ck_assert_msg(!got, "'%s' demangled as '%s', want it left as it is", symbol, got);
	else
		ck_assert_msg(got && strcmp(got, want) == 0, "'%s' demangled as '%s', want '%s'", symbol,
			      got ? got : "(nothing)", want);
	free(got);
}

START_TEST(test_cxx_names)
{
#ifndef HAVE_CXA_DEMANGLE
	return; /* configured with --disable-demangle */
#endif
	expect_demangled("_ZN6shapes4Grid5relaxEl", "shapes::Grid::relax(long)");
	expect_demangled("_ZN6shapes4Grid5relaxEd", "shapes::Grid::relax(double)");
	expect_demangled("_ZN6shapes4GridC1El", "shapes::Grid::Grid(long)");
	expect_demangled("_ZNK6shapes4Grid4areaEv", "shapes::Grid::area() const");
	expect_demangled("_ZN12_GLOBAL__N_14stepEi", "(anonymous namespace)::step(int)");
	/* gcc's clones keep the name of what they were cloned from */
	expect_demangled("_ZN6shapes4Grid5relaxEl.constprop.0", "shapes::Grid::relax(long) [clone .constprop.0]");
}
END_TEST

/* C's and Fortran's names, and what is not a name, stay as they are */
START_TEST(test_other_names)
{
	expect_demangled("main", NULL);
	expect_demangled("i", NULL); /* a type, "int", to the demangler */
	expect_demangled("__solver_MOD_step", NULL);
	expect_demangled("_start", NULL);
	expect_demangled("_Z", NULL);
	expect_demangled("_ZN6shapes", NULL);
	expect_demangled("", NULL);
}
END_TEST

/* This process, as libdwfl sees it: its addresses are the run's. */
static Dwfl *self(void)
{
	static char *debuginfo_path;
	static const Dwfl_Callbacks callbacks = {
		.find_elf = dwfl_linux_proc_find_elf,
		.find_debuginfo = dwfl_standard_find_debuginfo,
		.debuginfo_path = &debuginfo_path,
	};
	Dwfl *dwfl = dwfl_begin(&callbacks);

	ck_assert_ptr_nonnull(dwfl);
	ck_assert_int_eq(dwfl_linux_proc_report(dwfl, getpid()), 0);
	ck_assert_int_eq(dwfl_report_end(dwfl, NULL, NULL), 0);
	return dwfl;
}

/* calls in a loop: registers saved on entry and restored on the way out,
 * so that its CFI has rows of its own inside the FDE */
static __attribute__((noinline)) long probed(long n)
{
	long sum = 0;

	for (long i = 0; i < n; i++)
		sum += random() % (i + 1);
	return sum;
}

static const char not_code[64] = "read-only data: no FDE covers it";

/* every address inside a function gives the function's start */
START_TEST(test_function_start)
{
	Dwfl *dwfl = self();
	uint64_t fn = (uint64_t)(uintptr_t)&probed, start = 0;
	Dwfl_Module *mod = dwfl_addrmodule(dwfl, fn);
	GElf_Off off;
	GElf_Sym sym;

	ck_assert_ptr_nonnull(mod);
	ck_assert_ptr_nonnull(dwfl_module_addrinfo(mod, fn, &off, &sym, NULL, NULL, NULL));
	ck_assert_uint_gt(sym.st_size, 8);
	for (uint64_t at = fn; at < fn + sym.st_size; at++) {
		ck_assert_int_eq(ehframe_func_start(mod, at, &start), 0);
		ck_assert_msg(start == fn, "start of %#lx: %#lx, want %#lx", (unsigned long)at, (unsigned long)start,
			      (unsigned long)fn);
	}
	ck_assert_int_eq(ehframe_func_start(mod, (uint64_t)(uintptr_t)not_code, &start), -ENOENT);
	ck_assert_int_ge(probed(3), 0);
	dwfl_end(dwfl);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("names");

	tcase_add_test(tc, test_cxx_names);
	tcase_add_test(tc, test_other_names);
	tcase_add_test(tc, test_function_start);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
