/* ranks.h: a set of MPI ranks, as --rank takes them: "0,2,5-7". */
#ifndef CPROF_RANKS_H
#define CPROF_RANKS_H

#include <stddef.h>

struct ranks;
/* NULL, and a message in err, if spec is not one. */
struct ranks *ranks_parse(const char *spec, char *err, size_t errsize);
int ranks_has(const struct ranks *r, int rank);
void ranks_free(struct ranks *r);

#endif
