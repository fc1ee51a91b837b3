/* Unit tests of preload/maps.c: the files mapped into a process, from the
 * lines of /proc/PID/maps. */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "maps.h"
#include "tap.h"

#define MAX 8

static struct maps_module modules[MAX];
static char pool[4096];

static struct maps table(int max, size_t pool_size)
{
	return (struct maps){.modules = modules, .max = max, .pool = pool, .pool_size = pool_size};
}

/* A program's three mappings make one module: its whole span, its base
 * (the mapping of offset 0) and, from the text, exec; anonymous memory
 * and [stack] are no file. */
START_TEST(test_one_file)
{
	struct maps m = table(MAX, sizeof pool);

	maps_add_line(&m, "55d0c0a00000-55d0c0a02000 r--p 00000000 08:01 1234                       /usr/bin/prog");
	maps_add_line(&m, "55d0c0a02000-55d0c0a05000 r-xp 00002000 08:01 1234                       /usr/bin/prog");
	maps_add_line(&m, "55d0c0a05000-55d0c0a06000 rw-p 00005000 08:01 1234                       /usr/bin/prog");
	maps_add_line(&m, "7f0000000000-7f0000001000 rw-p 00000000 00:00 0 ");
	maps_add_line(&m, "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]");
	ck_assert_int_eq(m.n, 1);
	ck_assert_str_eq(modules[0].path, "/usr/bin/prog");
	ck_assert_uint_eq(modules[0].start, 0x55d0c0a00000);
	ck_assert_uint_eq(modules[0].end, 0x55d0c0a06000);
	ck_assert_uint_eq(modules[0].base, 0x55d0c0a00000);
	ck_assert_uint_eq(modules[0].base_end, 0x55d0c0a02000);
	ck_assert_int_eq(modules[0].base_readable, 1);
	ck_assert_int_eq(modules[0].exec, 1);
	ck_assert_uint_eq(m.used, sizeof "/usr/bin/prog");
}
END_TEST

/* Files keep apart, in the order first seen; a file never executable says
 * so; the span grows down as well as up; the first mapping of offset 0 is
 * the base, and an unreadable one is said to be. */
START_TEST(test_files)
{
	struct maps m = table(MAX, sizeof pool);

	maps_add_line(&m, "7f1000002000-7f1000003000 r-xp 00001000 08:01 7 /lib/liba.so");
	maps_add_line(&m, "7f2000000000-7f2000001000 r--p 00000000 08:01 8 /usr/share/locale/x.mo");
	maps_add_line(&m, "7f1000000000-7f1000001000 ---p 00000000 08:01 7 /lib/liba.so");
	maps_add_line(&m, "7f1000005000-7f1000006000 r--p 00000000 08:01 7 /lib/liba.so");
	ck_assert_int_eq(m.n, 2);
	ck_assert_str_eq(modules[0].path, "/lib/liba.so");
	ck_assert_uint_eq(modules[0].start, 0x7f1000000000);
	ck_assert_uint_eq(modules[0].end, 0x7f1000006000);
	ck_assert_uint_eq(modules[0].base, 0x7f1000000000);
	ck_assert_uint_eq(modules[0].base_end, 0x7f1000001000);
	ck_assert_int_eq(modules[0].base_readable, 0);
	ck_assert_int_eq(modules[0].exec, 1);
	ck_assert_str_eq(modules[1].path, "/usr/share/locale/x.mo");
	ck_assert_int_eq(modules[1].exec, 0);
	ck_assert_int_eq(modules[1].base_readable, 1);
}
END_TEST

/* The path is the rest of the line from its first '/': spaces and a
 * " (deleted)" stay in it. */
START_TEST(test_paths)
{
	struct maps m = table(MAX, sizeof pool);

	maps_add_line(&m, "1000-2000 r-xp 00000000 08:01 9 /tmp/a b/lib.so");
	maps_add_line(&m, "3000-4000 r-xp 00000000 08:01 9 /tmp/gone.so (deleted)");
	ck_assert_int_eq(m.n, 2);
	ck_assert_str_eq(modules[0].path, "/tmp/a b/lib.so");
	ck_assert_str_eq(modules[1].path, "/tmp/gone.so (deleted)");
	ck_assert_uint_eq(modules[0].start, 0x1000);
	ck_assert_uint_eq(modules[1].end, 0x4000);
}
END_TEST

/* Lines that do not parse add nothing. */
START_TEST(test_bad_lines)
{
	struct maps m = table(MAX, sizeof pool);
	char line[25];

	maps_add_line(&m, "");
	maps_add_line(&m, "/usr/bin/prog");
	maps_add_line(&m, "1000 2000 r-xp 00000000 08:01 9 /lib/x.so");
	maps_add_line(&m, "1000-2000-r-xp 00000000 08:01 9 /lib/x.so");
	maps_add_line(&m, "1000-2000 r-xp 00000000 00:00 0 [vdso]");
	/* cut short: nothing read past the end (a path left in the buffer
	 * from a longer line before would be found there) */
	memcpy(line, "1000-2000 r-xp\0/lib/x.so", 25);
	maps_add_line(&m, line);
	memcpy(line, "1000-2000 r\0\0\0\0/lib/x.so", 25);
	maps_add_line(&m, line);
	ck_assert_int_eq(m.n, 0);
	ck_assert_uint_eq(m.used, 0);
}
END_TEST

/* A full table takes no new file, and still widens those it has; so does
 * a full pool of paths. */
START_TEST(test_full)
{
	struct maps m = table(1, sizeof pool);

	maps_add_line(&m, "1000-2000 r-xp 00000000 08:01 9 /lib/a.so");
	maps_add_line(&m, "3000-4000 r-xp 00000000 08:01 9 /lib/b.so");
	maps_add_line(&m, "4000-5000 r--p 00003000 08:01 9 /lib/a.so");
	ck_assert_int_eq(m.n, 1);
	ck_assert_str_eq(modules[0].path, "/lib/a.so");
	ck_assert_uint_eq(modules[0].end, 0x5000);

	m = table(MAX, sizeof "/lib/a.so" + 3);
	maps_add_line(&m, "1000-2000 r-xp 00000000 08:01 9 /lib/a.so");
	maps_add_line(&m, "3000-4000 r-xp 00000000 08:01 9 /lib/b.so");
	ck_assert_int_eq(m.n, 1);
	ck_assert_uint_eq(m.used, sizeof "/lib/a.so");
}
END_TEST

/* Lines gathered across reads of any size; a line too long for the line
 * buffer is cut, its path with it. */
START_TEST(test_read)
{
	static const char text[] = "1000-2000 r--p 00000000 08:01 9 /lib/a.so\n"
				   "2000-3000 r-xp 00001000 08:01 9 /lib/a.so\n"
				   "3000-4000 rw-p 00000000 00:00 0\n"
				   "5000-6000 r-xp 00000000 08:01 9 /usr/lib/x86_64-linux-gnu/libverylongname.so\n";
	char buf[7], line[64];
	int fds[2];
	struct maps m = table(MAX, sizeof pool);

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fds[1]);
	ck_assert_int_eq(maps_read(&m, fds[0], buf, sizeof buf, line, sizeof line), 2);
	close(fds[0]);
	ck_assert_str_eq(modules[0].path, "/lib/a.so");
	ck_assert_uint_eq(modules[0].start, 0x1000);
	ck_assert_uint_eq(modules[0].end, 0x3000);
	ck_assert_int_eq(modules[0].exec, 1);
	/* 63 characters of the line kept: the path's first 31 */
	ck_assert_str_eq(modules[1].path, "/usr/lib/x86_64-linux-gnu/libve");
	ck_assert_uint_eq(modules[1].start, 0x5000);
}
END_TEST

static int here(void)
{
	return 1;
}

/* This process's own maps: its executable is there, executable, and
 * spans this code. */
START_TEST(test_self)
{
	static struct maps_module many[512];
	static char names[1 << 16];
	struct maps m = {.modules = many, .max = 512, .pool = names, .pool_size = sizeof names};
	char buf[4096], line[PATH_MAX + 256], exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC), found = 0;

	ck_assert_int_gt(len, 0);
	exe[len] = '\0';
	ck_assert_int_ge(fd, 0);
	ck_assert_int_gt(maps_read(&m, fd, buf, sizeof buf, line, sizeof line), 1);
	close(fd);
	for (int i = 0; i < m.n; i++) {
		if (strcmp(many[i].path, exe) != 0)
			continue;
		found++;
		ck_assert_int_eq(many[i].exec, 1);
		ck_assert_int_eq(many[i].base_readable, 1);
		ck_assert_uint_le(many[i].start, (uintptr_t)here);
		ck_assert_uint_gt(many[i].end, (uintptr_t)here);
		ck_assert_uint_le(many[i].base, (uintptr_t)here);
	}
	ck_assert_int_eq(found, 1);
	ck_assert_int_eq(here(), 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("maps");
	TCase *tc = tcase_create("maps");

	tcase_add_test(tc, test_one_file);
	tcase_add_test(tc, test_files);
	tcase_add_test(tc, test_paths);
	tcase_add_test(tc, test_bad_lines);
	tcase_add_test(tc, test_full);
	tcase_add_test(tc, test_read);
	tcase_add_test(tc, test_self);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
