/* Unit tests of rawfile.c: the raw-profile reader, on good, truncated and
 * corrupt input (check_fuzz mutates it at random). */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "rawbuild.h"
#include "rawfile.h"
#include "tap.h"

static size_t nodes_offset; /* of the NODES record in profile() */

static struct buf profile(void)
{
	return rawbuild_profile(&nodes_offset);
}

static struct raw_process *parse(const struct buf *b, char *err)
{
	return rawfile_parse("t.cprof", b->p, b->len, err, 512);
}

START_TEST(test_round_trip)
{
	struct buf b = profile();
	char err[512];
	struct raw_process *p = parse(&b, err);

	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(p->truncated, 0);
	ck_assert_int_eq(p->info.pid, 42);
	ck_assert_int_eq(p->info.ppid, 41);
	ck_assert_str_eq(p->host, "host");
	ck_assert_str_eq(p->jobid, "job");
	ck_assert_str_eq(p->exe, "/bin/prog");
	ck_assert_uint_eq(p->info.argc, 2);
	ck_assert_str_eq(p->argv[0], "prog");
	ck_assert_str_eq(p->argv[1], "arg");
	ck_assert_double_eq_tol(p->sec_per_tick, 1e-3 / 3e6, 1e-18);
	ck_assert_uint_eq(p->nmodules, 2);
	ck_assert_str_eq(p->modules[1].path, "/lib/libx.so");
	ck_assert_uint_eq(p->modules[0].build_id_len, 4);
	ck_assert_uint_eq(p->nthreads, 1);
	ck_assert_str_eq(p->threads[0].name, "main");
	ck_assert_uint_eq(p->threads[0].nnodes, 3);
	ck_assert_uint_eq(p->threads[0].nodes[2].func, 0x402000);
	ck_assert_uint_eq(p->threads[0].nodes[2].parent, 1);
	ck_assert_uint_eq(p->threads[0].nodes[2].calls, 2);
	ck_assert_uint_eq(p->threads[0].nodes[2].ticks, 150);
	rawfile_free(p);
	free(b.p);
}
END_TEST

START_TEST(test_module_of)
{
	struct buf b = profile();
	char err[512];
	struct raw_process *p = parse(&b, err);

	ck_assert_ptr_null(raw_module_of(p, 0x3fffff));
	ck_assert_str_eq(raw_module_of(p, 0x400000)->path, "/bin/prog");
	ck_assert_str_eq(raw_module_of(p, 0x4fffff)->path, "/bin/prog");
	ck_assert_ptr_null(raw_module_of(p, 0x500000));
	ck_assert_str_eq(raw_module_of(p, 0x7f0fff)->path, "/lib/libx.so");
	ck_assert_ptr_null(raw_module_of(p, 0x7f1000));
	rawfile_free(p);
	free(b.p);
}
END_TEST

/* every prefix is an error or a truncated profile, never a crash */
START_TEST(test_every_prefix)
{
	struct buf b = profile();
	char err[512];

	for (size_t n = 0; n <= b.len; n++) {
		struct raw_process *p = rawfile_parse("t.cprof", b.p, n, err, sizeof err);
		if (n == b.len) {
			ck_assert_ptr_nonnull(p);
			ck_assert_int_eq(p->truncated, 0);
		} else if (p) {
			ck_assert_msg(p->truncated, "prefix of %zu bytes read as complete", n);
			ck_assert_ptr_nonnull(strstr(err, "truncated at offset"));
		} else {
			ck_assert_msg(strncmp(err, "t.cprof: ", 9) == 0, "prefix %zu: error without the file: %s", n, err);
		}
		rawfile_free(p);
	}
	free(b.p);
}
END_TEST

/* a truncated profile keeps the nodes before the cut */
START_TEST(test_truncated_keeps_nodes)
{
	struct buf b = profile();
	char err[512];
	size_t end_record = b.len - 16;
	struct raw_process *p = rawfile_parse("t.cprof", b.p, end_record, err, sizeof err);

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->truncated, 1);
	ck_assert_uint_eq(p->threads[0].nnodes, 3);
	rawfile_free(p);
	free(b.p);
}
END_TEST

static void patch(struct buf *b, size_t off, const void *bytes, size_t n)
{
	memcpy(b->p + off, bytes, n);
}

static void expect_error(struct buf *b, const char *what)
{
	char err[512];
	struct raw_process *p = parse(b, err);

	ck_assert_msg(!p, "read despite: %s", what);
	ck_assert_msg(strstr(err, what) != NULL, "error '%s' does not say '%s'", err, what);
	ck_assert_msg(strncmp(err, "t.cprof: ", 9) == 0, "error does not name the file: %s", err);
	free(b->p);
}

START_TEST(test_bad_header)
{
	struct buf b = profile();
	uint32_t v = 99, order = 0x04030201;

	patch(&b, 0, "XPROFRAW", 8);
	expect_error(&b, "not a cprof raw profile");
	b = profile();
	patch(&b, 8, &v, 4);
	expect_error(&b, "raw format version 99; this cprof reads version 1");
	b = profile();
	patch(&b, 12, &order, 4);
	expect_error(&b, "other byte order");
}
END_TEST

START_TEST(test_bad_records)
{
	struct buf b;
	uint32_t u;
	uint64_t q;
	size_t proc = sizeof(struct cprof_file_header) + sizeof(struct cprof_record), node1;

	b = profile(); /* sets nodes_offset */
	node1 = nodes_offset + sizeof(struct cprof_record) + sizeof(struct cprof_rec_nodes) + sizeof(struct cprof_node);
	u = 0xffffffff; /* argc */
	patch(&b, proc + offsetof(struct cprof_rec_process, argc), &u, 4);
	expect_error(&b, "claims 4294967295 arguments");

	b = profile();
	u = 7; /* argc beyond the strings present */
	patch(&b, proc + offsetof(struct cprof_rec_process, argc), &u, 4);
	expect_error(&b, "a string runs past the record's end");

	b = profile();
	u = 9; /* clock */
	patch(&b, proc + offsetof(struct cprof_rec_process, clock), &u, 4);
	expect_error(&b, "unknown clock 9");

	b = profile();
	q = 0; /* ticks1 < ticks0 */
	patch(&b, proc + offsetof(struct cprof_rec_process, ticks1), &q, 8);
	expect_error(&b, "calibration is not increasing");

	b = profile();
	u = CPROF_REC_MODULE; /* a MODULE record first */
	patch(&b, sizeof(struct cprof_file_header), &u, 4);
	expect_error(&b, "before the PROCESS record");

	b = profile();
	u = 5; /* node 1's parent is itself and beyond */
	patch(&b, node1 + offsetof(struct cprof_node, parent), &u, 4);
	expect_error(&b, "node 1 has a bad parent");

	b = profile();
	q = 77; /* the root must have func 0 */
	patch(&b, node1 - sizeof(struct cprof_node), &q, 8);
	expect_error(&b, "node 0 has a bad parent (0) or root");

	b = profile();
	u = 4; /* count 4 in a record holding 3 */
	patch(&b, nodes_offset + 8 + offsetof(struct cprof_rec_nodes, count), &u, 4);
	expect_error(&b, "cannot hold 4 nodes");

	b = profile();
	u = 3; /* nodes of a thread with no THREAD record */
	patch(&b, nodes_offset + 8 + offsetof(struct cprof_rec_nodes, thread), &u, 4);
	expect_error(&b, "thread 3, which has no THREAD record");

	b = profile();
	u = 1; /* a gap in the node ids */
	patch(&b, nodes_offset + 8 + offsetof(struct cprof_rec_nodes, first), &u, 4);
	expect_error(&b, "starts at node 1, expected 0");
}
END_TEST

START_TEST(test_unknown_record_skipped)
{
	/* a record of a later version, between the header part and END */
	struct buf c = rawbuild_with_record(99, "later", 5, "", 0);
	char err[512];
	struct raw_process *p = rawfile_parse("t.cprof", c.p, c.len, err, sizeof err);

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->truncated, 0);
	ck_assert_uint_eq(p->threads[0].nnodes, 3);
	rawfile_free(p);
	free(c.p);
}
END_TEST

/* The profile with a COUNTS record before its END: n counts, then the
 * unmatched patterns `tail` of tail_len bytes. */
static struct buf with_counts(uint32_t n, const char *tail, uint32_t tail_len)
{
	struct cprof_rec_counts head = {.n = n, .note = "a note"};
	struct cprof_count counts[2] = {{0x401000, 1110}, {0x7f0800, 7}};
	unsigned char extra[512];

	memcpy(extra, counts, sizeof counts);
	memcpy(extra + sizeof counts, tail, tail_len);
	return rawbuild_with_record(CPROF_REC_COUNTS, &head, sizeof head, extra, (uint32_t)sizeof counts + tail_len);
}

START_TEST(test_counts)
{
	struct buf b = with_counts(2, "nosuch\0libm:x*\0", 16);
	char err[512];
	struct raw_process *p = parse(&b, err);

	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(p->counted, 1);
	ck_assert_uint_eq(p->ncounts, 2);
	ck_assert_uint_eq(p->counts[0].func, 0x401000);
	ck_assert_uint_eq(p->counts[0].calls, 1110);
	ck_assert_uint_eq(p->counts[1].calls, 7);
	ck_assert_str_eq(p->count_note, "a note");
	ck_assert_str_eq(p->count_unmatched, "nosuch");
	ck_assert_str_eq(p->count_unmatched + 7, "libm:x*");
	ck_assert_str_eq(p->count_unmatched + 15, "");
	rawfile_free(p);
	free(b.p);

	b = with_counts(3, "\0", 1); /* more counts than the record holds */
	expect_error(&b, "cannot hold its 3 counts");
	b = with_counts(2, "", 0); /* no list of patterns */
	expect_error(&b, "without its list of unmatched patterns");
	b = with_counts(2, "abc\0", 4); /* a list not ended by an empty string */
	expect_error(&b, "without its list of unmatched patterns");
}
END_TEST

/* The profile with an MPI record of n sites before its END, declaring
 * `declared` of them. */
static struct buf with_mpi(uint32_t declared, uint32_t n)
{
	struct cprof_rec_mpi head = {.rank = 3, .size = 4, .nsites = declared, .thread_level = 0, .init_ticks = 7};
	struct cprof_mpi_site sites[2] = {{.func = 0x8000000000000001ull, .site = 0x401000, .calls = 20, .ticks = 500,
					   .min_ticks = 10, .max_ticks = 90, .bytes_sent = 80}};

	return rawbuild_with_record(CPROF_REC_MPI, &head, sizeof head, sites, n * (uint32_t)sizeof sites[0]);
}

START_TEST(test_mpi)
{
	struct buf b = with_mpi(1, 1);
	char err[512];
	struct raw_process *p = parse(&b, err);

	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(p->mpi, 1);
	ck_assert_int_eq(p->mpi_info.rank, 3);
	ck_assert_int_eq(p->mpi_info.size, 4);
	ck_assert_uint_eq(p->mpi_info.nsites, 1);
	ck_assert_uint_eq(p->mpi_sites[0].calls, 20);
	ck_assert_uint_eq(p->mpi_sites[0].max_ticks, 90);
	ck_assert_uint_eq(p->mpi_sites[0].bytes_sent, 80);
	rawfile_free(p);
	free(b.p);

	b = with_mpi(2, 1); /* more sites than the record holds */
	expect_error(&b, "cannot hold its 2 call sites");
}
END_TEST

/* A SAMPLING record tells the kernel's time from the time off the CPU; one
 * of cprof 0.1.0, which ends before them, is read all the same, as one
 * that does not */
START_TEST(test_sampling_split)
{
	struct cprof_rec_sampling s = {.clock = CPROF_SAMPLE_WALL, .hz = 1000, .samples = 9, .unsampled_ns = 500,
				       .kernel_ns = 300, .offcpu_ns = 200};
	struct buf b = rawbuild_with_record(CPROF_REC_SAMPLING, &s, sizeof s, "", 0);
	char err[512];
	struct raw_process *p = parse(&b, err);

	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(p->sampling_split, 1);
	ck_assert_uint_eq(p->sampling.kernel_ns, 300);
	ck_assert_uint_eq(p->sampling.offcpu_ns, 200);
	rawfile_free(p);
	free(b.p);

	b = rawbuild_with_record(CPROF_REC_SAMPLING, &s, offsetof(struct cprof_rec_sampling, kernel_ns), "", 0);
	p = parse(&b, err);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(p->sampling_split, 0);
	ck_assert_uint_eq(p->sampling.samples, 9);
	ck_assert_uint_eq(p->sampling.unsampled_ns, 500);
	ck_assert_uint_eq(p->sampling.kernel_ns, 0);
	rawfile_free(p);
	free(b.p);

	b = rawbuild_with_record(CPROF_REC_SAMPLING, &s, offsetof(struct cprof_rec_sampling, cpu_ns), "", 0);
	expect_error(&b, "SAMPLING record of");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rawfile");
	TCase *tc = tcase_create("rawfile");

	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_module_of);
	tcase_add_test(tc, test_every_prefix);
	tcase_add_test(tc, test_truncated_keeps_nodes);
	tcase_add_test(tc, test_bad_header);
	tcase_add_test(tc, test_bad_records);
	tcase_add_test(tc, test_unknown_record_skipped);
	tcase_add_test(tc, test_counts);
	tcase_add_test(tc, test_mpi);
	tcase_add_test(tc, test_sampling_split);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
