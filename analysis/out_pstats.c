/* out_pstats.c: the merged table as a pstats file, what cProfile -o
 * writes: python3 -m pstats FILE reads it. */
#include "config.h"

#include "output.h"
#include "pstats.h"

static int write_pstats(FILE *out, const struct model *m, const struct output_args *a)
{
	(void)a;
	return pstats_write_stream(m->views[0].t.table, out);
}

const struct output output_pstats = {
	.name = "pstats",
	.suffix = NULL,
	.what = "the merged table as a pstats file (cProfile -o; python3 -m pstats FILE)",
	.binary = 1,
	.write = write_pstats,
};
