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

	while (*s) {
		size_t len = strcspn(s, ",");
		const char *colon = memchr(s, ':', len);
		struct countspec *p = &out[n];

		if (len && n < max) {
			const char *glob = colon ? colon + 1 : s;
			copy_span(p->lib, sizeof p->lib, s, colon ? (size_t)(colon - s) : 0);
			copy_span(p->glob, sizeof p->glob, glob, len - (size_t)(glob - s));
			if (p->glob[0])
				n++;
		}
		s += len;
		if (*s == ',')
			s++;
	}
	return n;
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
