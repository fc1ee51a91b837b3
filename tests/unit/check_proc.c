/* Unit tests of preload/proc.c: reading the small files of /proc. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc.h"
#include "tap.h"

/* Up to size bytes or the file's end, unterminated. */
START_TEST(test_read)
{
	char path[] = "/tmp/check_proc.XXXXXX", buf[32];
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "0123456789", 10), 10);
	close(fd);
	memset(buf, 'X', sizeof buf);
	ck_assert_int_eq(proc_read(path, buf, 4), 4);
	ck_assert_int_eq(memcmp(buf, "0123X", 5), 0);
	ck_assert_int_eq(proc_read(path, buf, sizeof buf), 10);
	ck_assert_int_eq(memcmp(buf, "0123456789X", 11), 0);
	ck_assert_int_eq(proc_read(path, buf, 0), 0);
	unlink(path);
	ck_assert_int_eq(proc_read(path, buf, sizeof buf), -ENOENT);
}
END_TEST

/* A file of /proc: the thread's name, as the kernel gives it. */
START_TEST(test_proc)
{
	char buf[32];
	ssize_t n = proc_read("/proc/self/comm", buf, sizeof buf);

	ck_assert_int_eq(n, (ssize_t)strlen("check_proc\n"));
	ck_assert_int_eq(memcmp(buf, "check_proc\n", (size_t)n), 0);
	/* /proc/self/cmdline: argv[0], then its NUL */
	n = proc_read("/proc/self/cmdline", buf, sizeof buf);
	ck_assert_int_gt(n, 0);
	ck_assert_ptr_nonnull(memchr(buf, '\0', (size_t)n));
	ck_assert_ptr_nonnull(strstr(buf, "check_proc"));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("proc");
	TCase *tc = tcase_create("proc");

	tcase_add_test(tc, test_read);
	tcase_add_test(tc, test_proc);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
