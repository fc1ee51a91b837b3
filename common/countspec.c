/* countspec.c: see countspec.h. */
#include "config.h"

#include <string.h>

#include "countspec.h"

static void copy_span(char *dst, size_t size, const char *src, size_t len)
{
	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

int countspec_parse(const char *spec, struct countspec *out, int max)
{
	const char *s = spec;
	int n = 0;

	if (!*s)
		return 0;
	for (;;) {
		size_t len = strcspn(s, ",");
		const char *colon = memchr(s, ':', len), *glob = colon ? colon + 1 : s;

		if (!len || (colon && (colon == s || glob == s + len || memchr(glob, ':', len - (size_t)(glob - s)))))
			return -1;
		if (out && n < max) {
			copy_span(out[n].lib, sizeof out[n].lib, s, colon ? (size_t)(colon - s) : 0);
			copy_span(out[n].glob, sizeof out[n].glob, glob, len - (size_t)(glob - s));
		}
		n++;
		s += len;
		if (!*s++)
			return n;
	}
}

int countspec_lib_matches(const struct countspec *p, const char *path, int is_main)
{
	const char *base = strrchr(path, '/');
	size_t n = strlen(p->lib);

	if (!p->lib[0])
		return is_main;
	if (strchr(p->lib, '/'))
		return strcmp(p->lib, path) == 0;
	base = base ? base + 1 : path;
	return strncmp(base, p->lib, n) == 0 && (base[n] == '\0' || base[n] == '.');
}
