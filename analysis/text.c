/* text.c: outside strings made safe to print on a terminal. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Writes the escape of byte c at o; returns its length. */
static int escape_byte(char *o, unsigned char c)
{
	switch (c) {
	case '\n': return sprintf(o, "\\n");
	case '\t': return sprintf(o, "\\t");
	case '\r': return sprintf(o, "\\r");
	default: return sprintf(o, "\\x%02x", c);
	}
}

char *text_escape(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	char *out = xmalloc(4 * strlen(str) + 1), *o = out; /* \xHH: 4 per byte at most */

	while (*s) {
		int n = utf8_len(s);
		if (n == 1 && *s >= 0x20 && *s != 0x7f) {
			*o++ = (char)*s++;
		} else if (n == 2 && s[0] == 0xc2 && s[1] < 0xa0) {
			/* U+0080..U+009F: some terminals take these as C1 controls (CSI) */
			o += sprintf(o, "\\u%04x", s[1]);
			s += 2;
		} else if (n > 1) {
			memcpy(o, s, (size_t)n);
			o += n;
			s += n;
		} else {
			o += escape_byte(o, *s++);
		}
	}
	*o = '\0';
	return out;
}

void text_say(const char *prog, const char *what, const char *text, const char *why)
{
	fprintf(stderr, "%s: %s", prog, what);
	text_print(stderr, text, 0);
	if (why)
		fprintf(stderr, ": %s", why);
	fputc('\n', stderr);
}

void text_print(FILE *out, const char *s, int width)
{
	char *e = text_escape(s);
	int columns = 0;

	/* e is valid UTF-8: a character per byte that does not continue one */
	for (const char *c = e; *c; c++)
		columns += ((unsigned char)*c & 0xc0) != 0x80;
	fputs(e, out);
	for (; columns < width; columns++)
		fputc(' ', out);
	free(e);
}
