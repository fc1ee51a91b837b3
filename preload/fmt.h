/* fmt.h: formatting and logging that are safe in signal handlers.
 * fmt_format knows %s %c %d %i %u %x %%, with the l, ll and z length
 * modifiers; nothing else (no widths, no floating point). */
#ifndef CPROF_FMT_H
#define CPROF_FMT_H

#include <stdarg.h>
#include <stddef.h>

size_t fmt_vformat(char *buf, size_t size, const char *fmt, va_list ap);
size_t fmt_format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* log_init(N) shows messages of level N and below (the runtime passes
 * CPROF_DEBUG); warnings (level 0) are always shown, on standard error as
 * log_init found it: none if it was closed then, and none once descriptor
 * 2 is another file (the program's own, opened after it closed 2). */
enum { LOG_WARN = 0, LOG_INFO = 1, LOG_DEBUG = 2, LOG_TRACE = 3 };
void log_init(int level);
void log_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
