/* rawbuild.c: raw profiles built in memory, for the tests. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cprof-format.h"
#include "rawbuild.h"

void buf_put(struct buf *b, const void *d, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		b->p = realloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, d, n);
	b->len += n;
}

void buf_record(struct buf *b, uint32_t type, const void *payload, uint32_t size)
{
	struct cprof_record r = {type, size};
	static const char zeros[8];

	buf_put(b, &r, sizeof r);
	buf_put(b, payload, size);
	buf_put(b, zeros, CPROF_ALIGN(size) - size);
}

void buf_record2(struct buf *b, uint32_t type, const void *fixed, uint32_t fsize, const void *extra, uint32_t esize)
{
	unsigned char tmp[1024];

	memcpy(tmp, fixed, fsize);
	memcpy(tmp + fsize, extra, esize);
	buf_record(b, type, tmp, fsize + esize);
}

static void put_header(struct buf *b)
{
	struct cprof_file_header h = {.version = CPROF_FORMAT_VERSION, .byte_order = CPROF_BYTE_ORDER_MARK};

	memcpy(h.magic, CPROF_MAGIC, 8);
	buf_put(b, &h, sizeof h);
}

static void put_process(struct buf *b, int32_t rank, int32_t size)
{
	struct cprof_rec_process p = {
		.pid = 42, .ppid = 41, .rank = rank, .size = size, .end_reason = CPROF_END_EXIT,
		.clock = CPROF_CLOCK_TSC, .argc = 2, .start_ns = 5, .end_ns = 9,
		.ticks0 = 1000, .mono_ns0 = 0, .ticks1 = 3001000, .mono_ns1 = 1000000,
	};
	static const char strings[] = "host\0job\0/bin/prog\0prog\0arg";

	buf_record2(b, CPROF_REC_PROCESS, &p, sizeof p, strings, sizeof strings);
}

static void put_end(struct buf *b)
{
	struct cprof_rec_end end = {.records = 5};

	buf_record(b, CPROF_REC_END, &end, sizeof end);
}

/* A NODES or STACKS record: thread's count nodes from node 0. */
static void put_nodes(struct buf *b, uint32_t type, uint32_t thread, const struct cprof_node *nodes, uint32_t count)
{
	struct cprof_rec_nodes head = {.thread = thread, .first = 0, .count = count};

	buf_record2(b, type, &head, sizeof head, nodes, count * (uint32_t)sizeof *nodes);
}

struct buf rawbuild_profile(size_t *nodes_offset)
{
	struct buf b = {0};
	struct cprof_rec_module m1 = {.start = 0x400000, .end = 0x500000, .bias = 0, .build_id_len = 4,
				      .build_id = {1, 2, 3, 4}};
	struct cprof_rec_module m2 = {.start = 0x7f0000, .end = 0x7f1000, .bias = 0x7f0000};
	struct cprof_rec_thread t = {.index = 0, .tid = 42, .nodes = 3, .name = "main"};
	static const struct cprof_node nodes[3] = {{0, 0, 0, 0, 0}, {0x401000, 0, 0, 1, 300}, {0x402000, 1, 0, 2, 150}};

	put_header(&b);
	put_process(&b, -1, -1);
	buf_record2(&b, CPROF_REC_MODULE, &m1, sizeof m1, "/bin/prog", 10);
	buf_record2(&b, CPROF_REC_MODULE, &m2, sizeof m2, "/lib/libx.so", 13);
	buf_record(&b, CPROF_REC_THREAD, &t, sizeof t);
	if (nodes_offset)
		*nodes_offset = b.len;
	put_nodes(&b, CPROF_REC_NODES, 0, nodes, 3);
	put_end(&b);
	return b;
}

struct buf rawbuild_with_record(uint32_t type, const void *fixed, uint32_t fsize, const void *extra, uint32_t esize)
{
	struct buf b = rawbuild_profile(NULL), c = {0};

	buf_put(&c, b.p, b.len - 16);
	buf_record2(&c, type, fixed, fsize, extra, esize);
	buf_put(&c, b.p + b.len - 16, 16);
	free(b.p);
	return c;
}

#define NAMED(i) (CPROF_NAMED_BIT | (i))

/* The program, the runtime and the MPI wrappers: paths of no file, so that
 * functions are named by address. */
static void put_modules(struct buf *b)
{
	struct cprof_rec_module prog = {.start = 0x400000, .end = 0x500000, .build_id_len = 4, .build_id = {1, 2, 3, 4}};
	struct cprof_rec_module rt = {.start = 0x7f0000, .end = 0x7f1000, .bias = 0x7f0000,
				      .flags = CPROF_MODULE_RUNTIME};
	struct cprof_rec_module mpi = {.start = 0x7f2000, .end = 0x7f3000, .bias = 0x7f2000,
				       .flags = CPROF_MODULE_RUNTIME | CPROF_MODULE_MPI};

	buf_record2(b, CPROF_REC_MODULE, &prog, sizeof prog, "/p", 3);
	buf_record2(b, CPROF_REC_MODULE, &rt, sizeof rt, "/r", 3);
	buf_record2(b, CPROF_REC_MODULE, &mpi, sizeof mpi, "/m", 3);
}

/* Thread 0: main calls a Python function, which calls MPI_Send, and a
 * native function that recursed; thread 1 runs one function. */
static void put_threads(struct buf *b)
{
	struct cprof_rec_thread t0 = {.index = 0, .tid = 42, .nodes = 5, .name = "main"};
	struct cprof_rec_thread t1 = {.index = 1, .tid = 43, .nodes = 2, .name = "worker", .events_lost = 1};
	static const struct cprof_node n0[5] = {
		{0, 0, 0, 0, 0},
		{0x401000, 0, 0, 1, 3000},
		{NAMED(0), 1, 0, 2, 1500},
		{NAMED(CPROF_NAMED_C | 2), 2, 0, 4, 900},
		{0x402000, 1, 0, 3, 500},
	};
	static const struct cprof_node n1[2] = {{0, 0, 0, 0, 0}, {0x402000, 0, 0, 7, 700}};

	buf_record(b, CPROF_REC_THREAD, &t0, sizeof t0);
	buf_record(b, CPROF_REC_THREAD, &t1, sizeof t1);
	put_nodes(b, CPROF_REC_NODES, 0, n0, 5);
	put_nodes(b, CPROF_REC_NODES, 1, n1, 2);
}

/* Thread 0's samples: in main, in a libc call the runtime wraps, in the
 * MPI wrappers, and in a Python function. */
static void put_samples(struct buf *b)
{
	struct cprof_rec_sampling s = {.clock = CPROF_SAMPLE_WALL, .hz = 1000, .period = 1000000, .samples = 4,
				       .unsampled_ns = 2000000, .event = "cpu-clock", .note = "a note"};
	static const struct cprof_node st[6] = {
		{0, 0, 0, 0, 0},
		{0x401010, 0, 0, 1, 1000000},
		{0x7f0010, 1, 0, 1, 2000000},
		{0x7f0020, 2, 0, 1, 1000000},
		{0x7f2010, 1, 0, 1, 1000000},
		{NAMED(1), 1, 0, 1, 1000000},
	};

	buf_record(b, CPROF_REC_SAMPLING, &s, sizeof s);
	put_nodes(b, CPROF_REC_STACKS, 0, st, 6);
}

static void put_counts(struct buf *b)
{
	struct cprof_rec_counts head = {.n = 2, .note = "some not counted"};
	struct cprof_count counts[2] = {{0x403000, 1110}, {0x402000, 7}};
	static const char unmatched[] = "nosuch\0libm:x*\0";
	unsigned char extra[sizeof counts + sizeof unmatched];

	memcpy(extra, counts, sizeof counts);
	memcpy(extra + sizeof counts, unmatched, sizeof unmatched);
	buf_record2(b, CPROF_REC_COUNTS, &head, sizeof head, extra, sizeof extra);
}

static void put_named(struct buf *b)
{
	struct cprof_rec_named head = {.count = 3, .version = 0x030b};
	static const char entries[] = "\x0c\0\0\0/s/x.py\0f\0"
				      "\0\0\0\0~\0<built-in method time.sleep>\0"
				      "\0\0\0\0~\0<MPI_Send>";

	buf_record2(b, CPROF_REC_NAMED, &head, sizeof head, entries, sizeof entries);
}

static void put_mpi(struct buf *b)
{
	struct cprof_rec_mpi head = {.rank = 0, .size = 2, .nsites = 2, .init_ticks = 7, .finalize_ticks = 9000};
	struct cprof_mpi_site sites[2] = {
		{.func = NAMED(CPROF_NAMED_C | 2), .site = NAMED(0), .calls = 4, .ticks = 900, .min_ticks = 100,
		 .max_ticks = 400, .bytes_sent = 80},
		{.func = NAMED(CPROF_NAMED_C | 2), .site = CPROF_SITE_PC | 0x401020, .calls = 1, .ticks = 50,
		 .min_ticks = 50, .max_ticks = 50, .bytes_received = 8},
	};

	buf_record2(b, CPROF_REC_MPI, &head, sizeof head, sites, sizeof sites);
}

struct buf rawbuild_full(void)
{
	struct buf b = {0};

	put_header(&b);
	put_process(&b, 0, 2);
	put_modules(&b);
	put_threads(&b);
	put_samples(&b);
	put_counts(&b);
	put_named(&b);
	put_mpi(&b);
	put_end(&b);
	return b;
}

struct buf rawbuild_joined(int two_callers)
{
	struct buf b = {0};
	struct cprof_rec_sampling s = {.clock = CPROF_SAMPLE_WALL, .hz = 1000, .period = 1000000, .samples = 5,
				       .event = "task-clock"};
	struct cprof_rec_named named = {.count = 2};
	static const char names[] = "\x01\0\0\0/s/g.c\0g\0\x02\0\0\0/s/g.c\0h";
	struct cprof_rec_thread t = {.index = 0, .tid = 42, .nodes = 3, .name = "main"};
	static const struct cprof_node nodes[3] = {
		{0, 0, 0, 0, 0},
		{NAMED(0), 0, 0, 5, 3000000},
		{NAMED(1), 1, 0, 5, 1500000},
	};
	static const struct cprof_node stacks[7] = {
		{0, 0, 0, 0, 0},
		{0x1010, 0, 0, 1, 100000},
		{NAMED(0), 1, 0, 1, 300000},
		{NAMED(1), 2, 0, 1, 300000},
		{0x3010, 2, 0, 1, 200000},
		{0x1020, 0, 0, 0, 0},
		{NAMED(0), 5, 0, 1, 400000},
	};

	put_header(&b);
	put_process(&b, -1, -1);
	buf_record(&b, CPROF_REC_SAMPLING, &s, sizeof s);
	buf_record2(&b, CPROF_REC_NAMED, &named, sizeof named, names, sizeof names);
	buf_record(&b, CPROF_REC_THREAD, &t, sizeof t);
	put_nodes(&b, CPROF_REC_NODES, 0, nodes, 3);
	put_nodes(&b, CPROF_REC_STACKS, 0, stacks, two_callers ? 7 : 5);
	put_end(&b);
	return b;
}
