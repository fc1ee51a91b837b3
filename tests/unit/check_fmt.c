/* Unit tests of preload/fmt.c: the runtime's printf subset and its logger. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "tap.h"

/* Each of %s %c %d %i %u %x %%, as printf writes them. */
START_TEST(test_conversions)
{
	char buf[128];
	const char *volatile null = NULL; /* (not known null to the compiler) */

	ck_assert_uint_eq(fmt_format(buf, sizeof buf, "a%sb", "xyz"), 5);
	ck_assert_str_eq(buf, "axyzb");
	ck_assert_uint_eq(fmt_format(buf, sizeof buf, "%s", null), 6);
	ck_assert_str_eq(buf, "(null)");
	ck_assert_uint_eq(fmt_format(buf, sizeof buf, "%s|%s", "", "q"), 2);
	ck_assert_str_eq(buf, "|q");
	fmt_format(buf, sizeof buf, "%c%c", 'o', 'k');
	ck_assert_str_eq(buf, "ok");
	fmt_format(buf, sizeof buf, "%d %d %d %i", 0, 42, -42, -7);
	ck_assert_str_eq(buf, "0 42 -42 -7");
	fmt_format(buf, sizeof buf, "%d %d", INT_MAX, INT_MIN);
	ck_assert_str_eq(buf, "2147483647 -2147483648");
	fmt_format(buf, sizeof buf, "%u %u", 0u, UINT_MAX);
	ck_assert_str_eq(buf, "0 4294967295");
	fmt_format(buf, sizeof buf, "%x %x %x", 0u, 255u, 0xdeadbeefu);
	ck_assert_str_eq(buf, "0 ff deadbeef");
	ck_assert_uint_eq(fmt_format(buf, sizeof buf, "100%%"), 4);
	ck_assert_str_eq(buf, "100%");
	ck_assert_uint_eq(fmt_format(buf, sizeof buf, "%s", ""), 0);
	ck_assert_str_eq(buf, "");
}
END_TEST

/* l, ll and z read arguments of their width: the values that do not fit
 * an int come out whole. */
START_TEST(test_lengths)
{
	char buf[128];

	fmt_format(buf, sizeof buf, "%ld %ld", LONG_MAX, LONG_MIN);
	ck_assert_str_eq(buf, "9223372036854775807 -9223372036854775808");
	fmt_format(buf, sizeof buf, "%lld %llu", LLONG_MIN, ULLONG_MAX);
	ck_assert_str_eq(buf, "-9223372036854775808 18446744073709551615");
	fmt_format(buf, sizeof buf, "%lx %llx", 0x123456789abcdefUL, 0xfedcba9876543210ULL);
	ck_assert_str_eq(buf, "123456789abcdef fedcba9876543210");
	fmt_format(buf, sizeof buf, "%zu %zx", (size_t)SIZE_MAX, (size_t)4096);
	ck_assert_str_eq(buf, "18446744073709551615 1000");
	fmt_format(buf, sizeof buf, "%lu", 4294967296UL);
	ck_assert_str_eq(buf, "4294967296");
	/* an int after a long: each read at its own width */
	fmt_format(buf, sizeof buf, "%ld %d %lld %u", -1L, 3, 5LL, 6u);
	ck_assert_str_eq(buf, "-1 3 5 6");
}
END_TEST

/* A conversion it does not know ends the output there: the arguments
 * after it would be misread. */
START_TEST(test_unknown_stops)
{
	char buf[64];

	ck_assert_uint_eq(fmt_format(buf, sizeof buf, "a%dz%fb%d", 1, 2.5, 3), 3);
	ck_assert_str_eq(buf, "a1z");
	ck_assert_uint_eq(fmt_format(buf, sizeof buf, "%5d", 7), 0);
	ck_assert_str_eq(buf, "");
}
END_TEST

/* Cut to the buffer, always terminated, never a byte beyond it; the length
 * returned is the whole output's, as snprintf's. */
START_TEST(test_truncation)
{
	char buf[16];

	memset(buf, 'X', sizeof buf);
	ck_assert_uint_eq(fmt_format(buf, 4, "hello"), 5);
	ck_assert_str_eq(buf, "hel");
	ck_assert_int_eq(buf[4], 'X');

	memset(buf, 'X', sizeof buf);
	ck_assert_uint_eq(fmt_format(buf, 3, "%d", 12345), 5);
	ck_assert_str_eq(buf, "12");
	ck_assert_int_eq(buf[3], 'X');

	memset(buf, 'X', sizeof buf);
	ck_assert_uint_eq(fmt_format(buf, 2, "%d", -5), 2);
	ck_assert_str_eq(buf, "-");

	memset(buf, 'X', sizeof buf);
	ck_assert_uint_eq(fmt_format(buf, 5, "%s%c%x%%", "ab", 'c', 0xffu), 6);
	ck_assert_str_eq(buf, "abcf");
	ck_assert_int_eq(buf[5], 'X');

	memset(buf, 'X', sizeof buf);
	ck_assert_uint_eq(fmt_format(buf, 1, "abc"), 3);
	ck_assert_int_eq(buf[0], '\0');
	ck_assert_int_eq(buf[1], 'X');

	/* size 0: nothing written, not even the terminator */
	memset(buf, 'X', sizeof buf);
	ck_assert_uint_eq(fmt_format(buf, 0, "abc%d", 10), 5);
	ck_assert_int_eq(buf[0], 'X');

	/* exactly full */
	memset(buf, 'X', sizeof buf);
	ck_assert_uint_eq(fmt_format(buf, 6, "%s", "12345"), 5);
	ck_assert_str_eq(buf, "12345");
	ck_assert_int_eq(buf[6], 'X');
}
END_TEST

/* What log_msg writes to standard error, at log level `shown`, into out
 * (terminated); its byte count.  (log_init is told of the pipe standard
 * error then is: it writes only where standard error was then.) */
static size_t capture_log(int shown, int level, const char *msg, char *out, size_t size)
{
	int fds[2], saved = dup(STDERR_FILENO);
	ssize_t n;

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_ge(dup2(fds[1], STDERR_FILENO), 0);
	close(fds[1]);
	log_init(shown);
	log_msg(level, "%s", msg);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = read(fds[0], out, size - 1);
	close(fds[0]);
	out[n > 0 ? n : 0] = '\0';
	return n > 0 ? (size_t)n : 0;
}

/* CPROF_DEBUG=N shows levels up to N; each message one line with the pid;
 * errno as it was. */
START_TEST(test_log_levels)
{
	char out[1024], want[64];

	fmt_format(want, sizeof want, "cprof[%d]: shown\n", (int)getpid());
	errno = ERANGE;
	ck_assert_uint_eq(capture_log(1, LOG_INFO, "shown", out, sizeof out), strlen(want));
	ck_assert_str_eq(out, want);
	ck_assert_int_eq(errno, ERANGE);
	ck_assert_uint_eq(capture_log(1, LOG_DEBUG, "hidden", out, sizeof out), 0);
	ck_assert_int_eq(errno, ERANGE);

	ck_assert_uint_eq(capture_log(0, LOG_INFO, "hidden", out, sizeof out), 0);
	fmt_format(want, sizeof want, "cprof[%d]: warned\n", (int)getpid());
	ck_assert_uint_eq(capture_log(0, LOG_WARN, "warned", out, sizeof out), strlen(want));
	ck_assert_str_eq(out, want);
}
END_TEST

/* A message longer than the line is cut, and still ends its line. */
START_TEST(test_log_long)
{
	char msg[1000], out[1024], prefix[32];
	size_t n, p;

	memset(msg, 'm', sizeof msg - 1);
	msg[sizeof msg - 1] = '\0';
	p = fmt_format(prefix, sizeof prefix, "cprof[%d]: ", (int)getpid());
	n = capture_log(0, LOG_WARN, msg, out, sizeof out);
	ck_assert_uint_eq(n, 511);
	ck_assert_int_eq(memcmp(out, prefix, p), 0);
	ck_assert_uint_eq(strspn(out + p, "m"), 510 - p);
	ck_assert_int_eq(out[510], '\n');
}
END_TEST

/* A program that starts with standard error closed and opens a file,
 * which gets descriptor 2: the file is its data, and no warning goes in
 * it; nor in another file the program puts on 2 later. */
START_TEST(test_log_not_into_program_files)
{
	int fds[2], other[2], saved = dup(STDERR_FILENO);
	char out[64];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(pipe(other), 0);
	close(STDERR_FILENO);
	log_init(0); /* standard error closed as the runtime starts */
	ck_assert_int_ge(dup2(fds[1], STDERR_FILENO), 0);
	log_warn("into the program's file");
	log_init(0); /* open, and then another file put on 2 */
	ck_assert_int_ge(dup2(other[1], STDERR_FILENO), 0);
	log_warn("into the program's other file");
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(fds[1]);
	close(other[1]);
	ck_assert_int_eq(read(fds[0], out, sizeof out), 0);
	ck_assert_int_eq(read(other[0], out, sizeof out), 0);
	close(fds[0]);
	close(other[0]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc = tcase_create("fmt");

	tcase_add_test(tc, test_conversions);
	tcase_add_test(tc, test_lengths);
	tcase_add_test(tc, test_unknown_stops);
	tcase_add_test(tc, test_truncation);
	tcase_add_test(tc, test_log_not_into_program_files);
	tcase_add_test(tc, test_log_levels);
	tcase_add_test(tc, test_log_long);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
