/* ranks.c: a set of MPI ranks, as --rank takes them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ranks.h"
#include "util.h"

struct ranks {
	size_t n;
	struct {
		int lo, hi;
	} span[];
};

struct ranks *ranks_parse(const char *spec, char *err, size_t errsize)
{
	size_t n = 1;
	struct ranks *r;
	const char *s = spec;

	for (const char *c = spec; *c; c++)
		n += *c == ',';
	r = xmalloc(sizeof *r + n * sizeof r->span[0]);
	r->n = 0;
	while (*s) {
		char *end;
		long lo = strtol(s, &end, 10), hi = lo;
		if (end == s || lo < 0 || lo > INT32_MAX)
			goto bad;
		if (*end == '-') {
			s = end + 1;
			hi = strtol(s, &end, 10);
			if (end == s || hi < lo || hi > INT32_MAX)
				goto bad;
		}
		r->span[r->n].lo = (int)lo;
		r->span[r->n++].hi = (int)hi;
		if (*end == ',' && end[1])
			end++;
		else if (*end)
			goto bad;
		s = end;
	}
	if (r->n)
		return r;
bad:
	snprintf(err, errsize, "--rank takes ranks and ranges of ranks separated by commas (0,2,5-7), not '%s'", spec);
	free(r);
	return NULL;
}

int ranks_has(const struct ranks *r, int rank)
{
	for (size_t i = 0; i < r->n; i++)
		if (rank >= r->span[i].lo && rank <= r->span[i].hi)
			return 1;
	return 0;
}

void ranks_free(struct ranks *r)
{
	free(r);
}
