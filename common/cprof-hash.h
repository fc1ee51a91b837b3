/* cprof-hash.h: the multipliers of the hash tables every component keeps
 * (the runtime's call trees and code caches, the MPI wrappers' call
 * sites, the analysis's maps).  A key times an odd constant spreads its
 * bits upwards: the high bits of the product index the table best. */
#ifndef CPROF_HASH_H
#define CPROF_HASH_H

/* 2^64 divided by the golden ratio, made odd (Knuth's multiplicative
 * hashing) */
#define CPROF_HASH_GOLDEN 0x9e3779b97f4a7c15ull
/* another, for the second half of a pair (xxHash's PRIME64_2) */
#define CPROF_HASH_PAIR 0xc2b2ae3d27d4eb4full

#endif
