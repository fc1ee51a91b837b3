/* Unit tests of symindex.c: the index names what dwfl_module_addrinfo
 * names, at addresses all over the code of real objects (the C library,
 * the dynamic loader, cc1 and its 29,000 exported symbols, the test
 * itself, with its full symbol table), and at the edges of their symbols;
 * and it answers nine in ten of them itself. */
#include "config.h"

#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "symindex.h"
#include "tap.h"

static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

struct tally {
	long asked, answered, differ;
	char first[256];
};

static void compare(Dwfl_Module *mod, const struct symindex *x, uint64_t addr, struct tally *t)
{
	GElf_Off off;
	GElf_Sym sym;
	const char *want = dwfl_module_addrinfo(mod, addr, &off, &sym, NULL, NULL, NULL);
	int decided;
	const char *got = symindex_find(x, addr, &decided);

	t->asked++;
	if (!decided)
		return;
	t->answered++;
	if ((!want != !got || (want && strcmp(want, got) != 0)) && !t->differ++)
		snprintf(t->first, sizeof t->first, "%#llx: elfutils %s, the index %s", (unsigned long long)addr,
			 want ? want : "(none)", got ? got : "(none)");
}

/* About `lookups` addresses spread over the file's code, and the edges of
 * every `every`th symbol; a file the machine lacks is passed over. */
static void check_file(const char *path, long lookups, int every)
{
	Dwfl *dwfl;
	Dwfl_Module *mod;
	struct symindex *x;
	struct tally t = {0};
	GElf_Addr bias, lo = UINT64_MAX, hi = 0;
	Elf *elf;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	dwfl = dwfl_begin(&callbacks);
	dwfl_report_begin(dwfl);
	mod = dwfl_report_elf(dwfl, path, path, fd, 0, true);
	dwfl_report_end(dwfl, NULL, NULL);
	ck_assert_msg(mod != NULL, "%s: not read", path);
	x = symindex_new(mod);
	ck_assert_msg(x != NULL, "%s: no index", path);
	elf = dwfl_module_getelf(mod, &bias);
	for (Elf_Scn *scn = NULL; elf && (scn = elf_nextscn(elf, scn));) {
		GElf_Shdr sh;
		if (gelf_getshdr(scn, &sh) && (sh.sh_flags & SHF_EXECINSTR)) {
			lo = sh.sh_addr < lo ? sh.sh_addr : lo;
			hi = sh.sh_addr + sh.sh_size > hi ? sh.sh_addr + sh.sh_size : hi;
		}
	}
	for (uint64_t a = lo, step = hi > lo ? (hi - lo) / (uint64_t)lookups + 1 : 1; a < hi; a += step)
		compare(mod, x, a, &t);
	for (int i = 1, n = dwfl_module_getsymtab(mod); i < n; i += every) {
		GElf_Sym sym;
		GElf_Addr value;
		if (!dwfl_module_getsym_info(mod, i, &sym, &value, NULL, NULL, NULL))
			continue;
		compare(mod, x, value, &t);
		if (sym.st_size) {
			compare(mod, x, value + sym.st_size - 1, &t);
			compare(mod, x, value + sym.st_size, &t);
		}
	}
	ck_assert_msg(t.differ == 0, "%s: %ld of %ld names differ; the first at %s", path, t.differ, t.answered,
		      t.first);
	/* (the rest lie where assembly labels may name them: elfutils'
	 * rules) */
	ck_assert_msg(t.answered * 10 >= t.asked * 9, "%s: the index answered %ld of %ld", path, t.answered, t.asked);
	symindex_free(x);
	dwfl_end(dwfl);
}

START_TEST(test_libc)
{
	check_file("/lib/x86_64-linux-gnu/libc.so.6", 5000, 3);
	check_file("/lib64/ld-linux-x86-64.so.2", 2000, 1);
}
END_TEST

START_TEST(test_cc1)
{
	check_file("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", 1500, 97);
}
END_TEST

/* this test's own file: a full symbol table, locals and all */
START_TEST(test_self)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	ck_assert_int_gt(n, 0);
	self[n] = '\0';
	check_file(self, 5000, 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("symindex");
	TCase *tc = tcase_create("symindex");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_libc);
	tcase_add_test(tc, test_cc1);
	tcase_add_test(tc, test_self);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
