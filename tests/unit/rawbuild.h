/* rawbuild.h: raw profiles (docs/FORMAT.md) built in memory, for the tests
 * of the reader and for the fuzzer's seeds. */
#ifndef CPROF_TEST_RAWBUILD_H
#define CPROF_TEST_RAWBUILD_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	unsigned char *p;
	size_t len, cap;
};

void buf_put(struct buf *b, const void *d, size_t n);
/* A record: its header, the payload, the padding. */
void buf_record(struct buf *b, uint32_t type, const void *payload, uint32_t size);
/* A record of a fixed struct followed by extra bytes (1024 in all at most). */
void buf_record2(struct buf *b, uint32_t type, const void *fixed, uint32_t fsize, const void *extra,
		 uint32_t esize);

/* A process of one thread, traced: PROCESS (pid 42, "prog arg"), MODULEs
 * /bin/prog and /lib/libx.so, THREAD 0 and its three NODES (the record at
 * *nodes_offset), END. */
struct buf rawbuild_profile(size_t *nodes_offset);

/* That profile with one more record, of a fixed part and extra bytes,
 * before its END. */
struct buf rawbuild_with_record(uint32_t type, const void *fixed, uint32_t fsize, const void *extra,
				uint32_t esize);

/* Rank 0 of 2, with a record of every type: two threads traced, one
 * sampled through the runtime's and the MPI wrappers' modules, Python's
 * functions and an MPI function NAMED, the MPI calls, counts, sampling. */
struct buf rawbuild_full(void);

#endif
