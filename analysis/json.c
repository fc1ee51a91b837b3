/* json.c: JSON text. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "json.h"
#include "util.h"

void json_string(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	fputc('"', out);
	while (*s) {
		int n = utf8_len(s);
		if (n == 0) {
			fputs("\\ufffd", out);
			s++;
		} else if (n == 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9)) {
			fputs(s[2] == 0xa8 ? "\\u2028" : "\\u2029", out);
			s += 3;
		} else if (n > 1) {
			fwrite(s, 1, (size_t)n, out);
			s += n;
		} else if (*s == '"' || *s == '\\') {
			fputc('\\', out);
			fputc(*s++, out);
		} else if (*s < 0x20 || *s == 0x7f || *s == '<' || *s == '>' || *s == '&') {
			fprintf(out, "\\u%04x", *s++);
		} else {
			fputc(*s++, out);
		}
	}
	fputc('"', out);
}

void json_number(FILE *out, double x)
{
	if (!isfinite(x))
		x = 0;
	if (fabs(x) < 1e15 && x == (double)(long long)x) /* (the cast only where it holds) */
		fprintf(out, "%lld", (long long)x);
	else
		fprintf(out, "%.9g", x);
}

void json_short(FILE *out, double x)
{
	if (!isfinite(x))
		x = 0;
	fprintf(out, "%.5g", x);
}

void json_member(FILE *out, const char *name, double x)
{
	fprintf(out, ",\"%s\":", name);
	json_number(out, x);
}
