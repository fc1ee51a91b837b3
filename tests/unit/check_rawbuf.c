/* Unit tests of preload/rawbuf.c: the raw-profile writer's buffer. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cprof-format.h"
#include "rawbuf.h"
#include "tap.h"

/* What the pipe holds, up to size bytes. */
static size_t drain(int fd, char *out, size_t size)
{
	size_t len = 0;
	ssize_t n;

	while (len < size && (n = read(fd, out + len, size - len)) > 0)
		len += (size_t)n;
	return len;
}

/* A record: its header, its body, zeros up to 8 bytes; counted. */
START_TEST(test_record)
{
	char space[256], out[256];
	int fds[2];
	struct rawbuf b = {.buf = space, .cap = sizeof space};
	struct cprof_record r;

	ck_assert_int_eq(pipe(fds), 0);
	b.fd = fds[1];
	rawbuf_begin(&b, CPROF_REC_NAMED, 5);
	rawbuf_put(&b, "ab", 2);
	rawbuf_put(&b, "cde", 3);
	rawbuf_end(&b, 5);
	ck_assert_uint_eq(b.len, sizeof r + 8);
	ck_assert_uint_eq(b.records, 1);
	ck_assert_uint_eq(b.written, 0); /* held until the buffer fills */
	rawbuf_begin(&b, CPROF_REC_END, 8);
	rawbuf_put(&b, "12345678", 8);
	rawbuf_end(&b, 8);
	ck_assert_uint_eq(b.records, 2);
	rawbuf_flush(&b);
	close(fds[1]);
	ck_assert_int_eq(b.error, 0);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.written, 2 * sizeof r + 16);
	ck_assert_uint_eq(drain(fds[0], out, sizeof out), 2 * sizeof r + 16);
	close(fds[0]);
	memcpy(&r, out, sizeof r);
	ck_assert_uint_eq(r.type, CPROF_REC_NAMED);
	ck_assert_uint_eq(r.size, 5);
	ck_assert_int_eq(memcmp(out + sizeof r, "abcde\0\0\0", 8), 0);
	memcpy(&r, out + sizeof r + 8, sizeof r);
	ck_assert_uint_eq(r.type, CPROF_REC_END);
	ck_assert_uint_eq(r.size, 8);
	ck_assert_int_eq(memcmp(out + 2 * sizeof r + 8, "12345678", 8), 0);
}
END_TEST

/* Data larger than the buffer goes out each time it fills, whole and in
 * order. */
START_TEST(test_fills)
{
	char space[7], data[100], out[128];
	int fds[2];
	struct rawbuf b = {.buf = space, .cap = sizeof space};

	for (int i = 0; i < (int)sizeof data; i++)
		data[i] = (char)('A' + i % 26);
	ck_assert_int_eq(pipe(fds), 0);
	b.fd = fds[1];
	rawbuf_put(&b, data, 30);
	ck_assert_uint_eq(b.written, 28);
	ck_assert_uint_eq(b.len, 2);
	rawbuf_put(&b, data + 30, 70);
	rawbuf_flush(&b);
	close(fds[1]);
	ck_assert_uint_eq(b.written, 100);
	ck_assert_uint_eq(drain(fds[0], out, sizeof out), 100);
	close(fds[0]);
	ck_assert_int_eq(memcmp(out, data, 100), 0);
}
END_TEST

/* A write that fails is remembered, first errno kept, and nothing more is
 * written. */
START_TEST(test_error)
{
	char space[8];
	int fds[2];
	struct rawbuf b = {.buf = space, .cap = sizeof space, .fd = -1};

	rawbuf_put(&b, "0123456789", 10);
	ck_assert_int_eq(b.error, EBADF);
	ck_assert_uint_eq(b.written, 0);
	ck_assert_uint_eq(b.len, 2);
	/* the error stays, whatever the descriptor is now */
	ck_assert_int_eq(pipe(fds), 0);
	b.fd = fds[1];
	rawbuf_put(&b, "abcdefgh", 8);
	rawbuf_flush(&b);
	ck_assert_int_eq(b.error, EBADF);
	ck_assert_uint_eq(b.written, 0);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rawbuf");
	TCase *tc = tcase_create("rawbuf");

	tcase_add_test(tc, test_record);
	tcase_add_test(tc, test_fills);
	tcase_add_test(tc, test_error);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
