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

/* One thread, traced and sampled, at a third of a nanosecond per tick: g
 * (NAMED 0), called 5 times at the root of the traced tree, 1 ms, calls h
 * (NAMED 1), 0.5 ms.  Its samples: 0x1010 (0.1 ms of its own) calls g
 * (0.3 ms), which calls h (0.3 ms) and 0x3010 (0.2 ms); with two_callers,
 * 0x1020 calls g (0.4 ms) too. */
struct buf rawbuild_joined(int two_callers);

#endif
