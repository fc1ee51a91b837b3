/* fmt.c: a printf subset and a logger for code that may run in a signal
 * handler or in a constructor: no malloc, no stdio, no locale. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"

static int log_level;
/* the file standard error was when the runtime started: a program that
 * starts with it closed (2>&-) and then opens a file of its own gets
 * descriptor 2, which is its data, not a place for cprof's messages */
static int log_stderr_open;
static dev_t log_stderr_dev;
static ino_t log_stderr_ino;

static size_t put_uint(char *buf, size_t size, size_t pos, unsigned long long v, unsigned base)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n > 0) {
		if (pos + 1 < size)
			buf[pos] = digits[n - 1];
		pos++;
		n--;
	}
	return pos;
}

size_t fmt_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	size_t pos = 0;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			if (pos + 1 < size)
				buf[pos] = *fmt;
			pos++;
			continue;
		}
		int lng = 0;
		fmt++;
		while (*fmt == 'l' || *fmt == 'z') {
			lng = *fmt == 'z' ? 2 : lng + 1;
			fmt++;
		}
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			for (; *s; s++, pos++)
				if (pos + 1 < size)
					buf[pos] = *s;
			break;
		}
		case 'c':
			if (pos + 1 < size)
				buf[pos] = (char)va_arg(ap, int);
			pos++;
			break;
		case 'd':
		case 'i': {
			long long v = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
			unsigned long long u = (unsigned long long)v;
			if (v < 0) {
				if (pos + 1 < size)
					buf[pos] = '-';
				pos++;
				u = -u;
			}
			pos = put_uint(buf, size, pos, u, 10);
			break;
		}
		case 'u':
		case 'x': {
			unsigned long long u = lng >= 2 ? va_arg(ap, unsigned long long)
				: lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			pos = put_uint(buf, size, pos, u, *fmt == 'x' ? 16 : 10);
			break;
		}
		case '%':
			if (pos + 1 < size)
				buf[pos] = '%';
			pos++;
			break;
		default: /* not ours: stop rather than misread the arguments */
			goto out;
		}
	}
out:
	if (size)
		buf[pos < size ? pos : size - 1] = '\0';
	return pos;
}

size_t fmt_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = fmt_vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void log_init(int level)
{
	struct stat st;

	log_level = level;
	log_stderr_open = fstat(STDERR_FILENO, &st) == 0;
	if (log_stderr_open) {
		log_stderr_dev = st.st_dev;
		log_stderr_ino = st.st_ino;
	}
}

/* Whether descriptor 2 is still the standard error log_init saw. */
static int log_stderr_same(void)
{
	struct stat st;

	return log_stderr_open && fstat(STDERR_FILENO, &st) == 0 && st.st_dev == log_stderr_dev &&
	       st.st_ino == log_stderr_ino;
}

void log_msg(int level, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	size_t n;
	int saved = errno;

	if (level > log_level || !log_stderr_same())
		goto out;
	n = fmt_format(line, sizeof line, "cprof[%d]: ", (int)getpid());
	va_start(ap, fmt);
	n += fmt_vformat(line + n, sizeof line - n, fmt, ap);
	va_end(ap);
	if (n > sizeof line - 2)
		n = sizeof line - 2;
	line[n++] = '\n';
	while (write(STDERR_FILENO, line, n) < 0 && errno == EINTR)
		;
out:
	errno = saved;
}
