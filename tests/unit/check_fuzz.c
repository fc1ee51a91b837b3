/* A deterministic mutation fuzzer of the raw-profile reader and of the
 * reports made from what it reads.  The seeds: the profiles rawbuild.c
 * builds, one with a record of every type, or the raw profiles named on the
 * command line (tests/bad-input.sh gives it two the runtime wrote).  Each
 * seed is cut at every length and mutated thousands of ways; a variant is
 * read, or refused with a message that names the file, and what is read
 * goes through the analysis: the table, the MPI report, merging, and every
 * WHOLE_EVERY variants all of analysis_report (headings, notes, ranks,
 * pstats).  Node files too: a node file of two built profiles, whose index
 * is cut and mutated as well.  No crash, no hang; with --enable-sanitizers, no memory error
 * or undefined behaviour either. */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "mpi.h"
#include "nodefile.h"
#include "profile.h"
#include "rawbuild.h"
#include "rawfile.h"
#include "tap.h"

/* mutated variants of each seed: fewer of the runtime's, whose modules
 * are files libdw reads again for each analysis_report */
#define ROUNDS_BUILT 10000
#define ROUNDS_FILES 2000
#define WHOLE_EVERY 50 /* variants read between two runs of analysis_report */

static char **seed_files; /* from the command line */
static int nseed_files;

/* The sanitizers' runtime, when the test is built with it. */
extern void __sanitizer_set_report_fd(void *fd) __attribute__((weak));

struct fuzz {
	uint64_t rng;
	struct strtab *strings;
	struct symbolizer *sym;
	struct stats *merged;
	struct stats *funcs; /* of the named trees */
	struct sort_spec sort;
	FILE *sink; /* /dev/null, for the reports */
	char dir[64];
	unsigned long read;
};

/* The analysis says what it cannot read on stderr, for each variant: to
 * /dev/null with it, but what the sanitizers find goes where stderr went. */
static void quiet_stderr(void)
{
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(null, 0);
	if (__sanitizer_set_report_fd)
		__sanitizer_set_report_fd((void *)(intptr_t)saved);
	dup2(null, STDERR_FILENO);
	close(null);
}

static void fuzz_init(struct fuzz *f)
{
	char err[256];

	memset(f, 0, sizeof *f);
	f->rng = 88172645463325252ull;
	f->strings = strtab_new();
	f->sym = symbolizer_new(f->strings);
	f->merged = stats_new(f->strings);
	f->funcs = stats_new(f->strings);
	ck_assert_int_eq(sort_parse("cumulative", &f->sort, err, sizeof err), 0);
	f->sink = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(f->sink);
	snprintf(f->dir, sizeof f->dir, "%s/cprof-fuzz.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(f->dir));
	quiet_stderr();
}

static void fuzz_free(struct fuzz *f)
{
	char path[128];

	report_table(f->sink, f->merged, &f->sort, -1);
	stats_free(f->merged);
	stats_free(f->funcs);
	symbolizer_free(f->sym);
	strtab_free(f->strings);
	fclose(f->sink);
	snprintf(path, sizeof path, "%s/v.cprof", f->dir);
	unlink(path);
	for (const char *const *out = (const char *const[]){"v.pstats", "v.html", "v.speedscope.json", NULL}; *out;
	     out++) {
		snprintf(path, sizeof path, "%s/%s", f->dir, *out);
		unlink(path);
	}
	ck_assert_int_eq(rmdir(f->dir), 0);
}

static uint64_t next(struct fuzz *f)
{
	f->rng ^= f->rng << 13;
	f->rng ^= f->rng >> 7;
	f->rng ^= f->rng << 17;
	return f->rng;
}

/* Changes d in place, one of five ways: a few bytes set at random; a
 * 32-bit or a 64-bit field (fields are aligned) set to an edge of a range
 * or one less; a run of bytes copied over another (a record's header over
 * a payload...); or the end cut off.  Returns the length left. */
static size_t mutate(struct fuzz *f, unsigned char *d, size_t len)
{
	static const uint64_t edges[] = {
		0, 1, 2, 7, 8, 15, 16, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
		0x100000000ull, INT64_MAX, CPROF_NAMED_BIT, CPROF_NAMED_BIT | CPROF_NAMED_C, CPROF_SITE_PC, UINT64_MAX,
	};
	uint64_t r = next(f), edge = edges[(r >> 8) % (sizeof edges / sizeof edges[0])];
	size_t at = (size_t)(next(f) % len);

	switch (r % 5) {
	case 0:
		for (int k = 0; k < 1 + (int)((r >> 16) % 4); k++)
			d[next(f) % len] = (unsigned char)(next(f) >> 40);
		break;
	case 1:
		at &= ~(size_t)3;
		if (at + 4 <= len)
			memcpy(d + at, &(uint32_t){(uint32_t)edge - (uint32_t)((r >> 20) & 1)}, 4);
		break;
	case 2:
		at &= ~(size_t)7;
		if (at + 8 <= len)
			memcpy(d + at, &(uint64_t){edge - ((r >> 20) & 1)}, 8);
		break;
	case 3: {
		size_t from = (size_t)(next(f) % len), n = 1 + (size_t)(r >> 24) % 64;
		if (from + n <= len && at + n <= len)
			memmove(d + at, d + from, n);
		break;
	}
	default:
		return at;
	}
	return len;
}

/* All of the analysis, from a file, in one of its ways of reporting. */
static void whole_analysis(struct fuzz *f, const unsigned char *d, size_t len)
{
	static unsigned long runs;
	char file[128], pstats[128], html[128], speedscope[160], err[128];
	struct analysis_options opt = {.prog = "fuzz", .top = -1};
	struct ranks *ranks = ranks_parse("0-1", err, sizeof err);
	char *paths[] = {file};
	int fd, ret;

	snprintf(file, sizeof file, "%s/v.cprof", f->dir);
	snprintf(pstats, sizeof pstats, "%s/v.pstats", f->dir);
	snprintf(html, sizeof html, "%s/v.html", f->dir);
	snprintf(speedscope, sizeof speedscope, "%s/v.speedscope.json", f->dir);
	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, d, len), (ssize_t)len);
	close(fd);
	switch (runs++ % 8) {
	case 0: opt.per_process = 1; break;
	case 1: opt.per_rank = 1; break;
	case 2: opt.output = pstats; break;
	case 3: opt.ranks = ranks; break;
	case 4: opt.output = html; break;
	case 5: opt.output = speedscope; break;
	case 6: opt.format = "folded"; break;
	default: opt.top = 3; break;
	}
	ret = analysis_report(&opt, paths, 1, f->sink);
	ck_assert_msg(ret == ANALYSIS_OK || (opt.ranks && ret == ANALYSIS_EMPTY), "analysis_report returned %d", ret);
	ranks_free(ranks);
}

/* A variant: read or refused with a message naming the file; if read,
 * reported. */
static void check_one(struct fuzz *f, const unsigned char *d, size_t len)
{
	char err[1024];
	struct raw_process *p = rawfile_parse("fuzz.cprof", d, len, err, sizeof err);
	struct tables t;
	struct call_tree *trees;

	if (!p) {
		ck_assert_msg(strncmp(err, "fuzz.cprof: ", 12) == 0 && err[12], "refused without saying why: '%s'", err);
		return;
	}
	ck_assert_msg(p->truncated ? strstr(err, ": truncated at offset ") != NULL : !err[0], "read, saying '%s'", err);
	struct mpi_totals *mpi = mpi_new();

	trees = calloc(p->nthreads + 1, sizeof *trees);
	profile_process(f->strings, f->sym, p, &t, f->funcs, trees);
	for (size_t i = 0; i < p->nthreads; i++)
		tree_free(&trees[i]);
	free(trees);
	report_table(f->sink, t.table, &f->sort, -1);
	mpi_add(mpi, f->strings, f->sym, p);
	rawfile_lighten(p); /* as a merged report keeps it */
	mpi_print(f->sink, mpi, &p, 1, 20);
	mpi_free(mpi);
	stats_add(f->merged, t.table);
	tables_free(&t);
	rawfile_free(p);
	if (++f->read % WHOLE_EVERY == 0)
		whole_analysis(f, d, len);
}

/* Every prefix of the seed (at most 4096 of them, evenly spaced), then
 * `rounds` variants of one to three mutations. */
static void fuzz_seed(struct fuzz *f, const char *name, const unsigned char *seed, size_t len, int rounds)
{
	char err[1024];
	struct raw_process *p = rawfile_parse(name, seed, len, err, sizeof err);
	unsigned char *d = malloc(len);
	size_t step = len / 4096 + 1;

	ck_assert_msg(p && !p->truncated, "the seed %s does not read whole: %s", name, err);
	rawfile_free(p);
	for (size_t n = 0; n < len; n += step)
		check_one(f, seed, n);
	for (int round = 0; round < rounds; round++) {
		size_t n = len;
		memcpy(d, seed, len);
		for (int k = 0; k < 1 + round % 3 && n > 8; k++)
			n = mutate(f, d, n);
		check_one(f, d, n);
	}
	free(d);
}

START_TEST(test_fuzz_built)
{
	struct fuzz f;
	struct buf full = rawbuild_full(), small = rawbuild_profile(NULL);

	fuzz_init(&f);
	fuzz_seed(&f, "rawbuild_full", full.p, full.len, ROUNDS_BUILT);
	fuzz_seed(&f, "rawbuild_profile", small.p, small.len, ROUNDS_BUILT);
	ck_assert_uint_gt(f.read, ROUNDS_BUILT / 10); /* not only errors */
	fuzz_free(&f);
	free(full.p);
	free(small.p);
}
END_TEST

/* A node file of two profiles, as gather.c has the runtime write one. */
static unsigned char *node_file(const struct buf *a, const struct buf *b, size_t *len)
{
	struct cprof_set_header h = {.version = CPROF_SET_VERSION, .byte_order = CPROF_BYTE_ORDER_MARK, .count = 2};
	struct cprof_set_entry e[2] = {{.rank = 0, .pid = 10, .offset = sizeof h, .size = a->len},
				       {.rank = 1, .pid = 11, .offset = sizeof h + CPROF_ALIGN(a->len), .size = b->len}};
	unsigned char *d;

	h.index_offset = e[1].offset + CPROF_ALIGN(b->len);
	*len = h.index_offset + sizeof e;
	d = calloc(1, *len);
	memcpy(h.magic, CPROF_SET_MAGIC, sizeof h.magic);
	memcpy(d, &h, sizeof h);
	memcpy(d + e[0].offset, a->p, a->len);
	memcpy(d + e[1].offset, b->p, b->len);
	memcpy(d + h.index_offset, e, sizeof e);
	return d;
}

/* Node files: the seed's index read whole; every prefix and mutated
 * variant read, each entry inside the file and apart from the others, or
 * refused with a message naming the file; what is read, read as profiles. */
START_TEST(test_fuzz_node_file)
{
	struct fuzz f;
	struct buf a = rawbuild_full(), b = rawbuild_profile(NULL);
	size_t len, accepted = 0;
	unsigned char *seed = node_file(&a, &b, &len), *d = malloc(len);
	char err[1024];
	uint32_t count;
	struct cprof_set_entry *v = nodefile_parse("fuzz.cprofs", seed, len, &count, err, sizeof err);

	ck_assert_msg(v && count == 2, "the seed does not read: %s", err);
	free(v);
	fuzz_init(&f);
	for (int round = 0; round < ROUNDS_BUILT / 4 + (int)len; round++) {
		size_t n = round < (int)len ? (size_t)round : len;
		memcpy(d, seed, len);
		for (int k = 0; round >= (int)len && k < 1 + round % 3 && n > 8; k++)
			n = mutate(&f, d, n);
		if (!(v = nodefile_parse("fuzz.cprofs", d, n, &count, err, sizeof err))) {
			ck_assert_msg(strncmp(err, "fuzz.cprofs: ", 13) == 0 && err[13], "refused without saying why: '%s'",
				      err);
			continue;
		}
		for (uint32_t i = 0; i < count; i++) {
			ck_assert(v[i].offset >= sizeof(struct cprof_set_header) && v[i].size && v[i].offset <= n &&
				  v[i].size <= n - v[i].offset);
			ck_assert(i == 0 || v[i].offset >= v[i - 1].offset + v[i - 1].size);
			check_one(&f, d + v[i].offset, (size_t)v[i].size);
		}
		accepted++;
		free(v);
	}
	ck_assert_uint_gt(accepted, ROUNDS_BUILT / 40); /* not only errors */
	fuzz_free(&f);
	free(d);
	free(seed);
	free(a.p);
	free(b.p);
}
END_TEST

START_TEST(test_fuzz_files)
{
	struct fuzz f;

	fuzz_init(&f);
	for (int i = 0; i < nseed_files; i++) {
		size_t len;
		unsigned char *d;
		char err[256];
		ck_assert_msg(read_file(seed_files[i], &d, &len, err, sizeof err) == 0, "%s", err);
		fuzz_seed(&f, seed_files[i], d, len, ROUNDS_FILES);
		free(d);
	}
	ck_assert_uint_gt(f.read, ROUNDS_FILES / 10); /* not only errors */
	fuzz_free(&f);
}
END_TEST

int main(int argc, char **argv)
{
	Suite *s = suite_create("fuzz");
	TCase *tc = tcase_create("fuzz");

	seed_files = argv + 1;
	nseed_files = argc - 1;
	tcase_set_timeout(tc, 60); /* a few seconds; under the sanitizers, three times that */
	/* given files, the seeds built are left to make check's own run */
	if (nseed_files)
		tcase_add_test(tc, test_fuzz_files);
	else {
		tcase_add_test(tc, test_fuzz_built);
		tcase_add_test(tc, test_fuzz_node_file);
	}
	suite_add_tcase(s, tc);
	return tap_run(s);
}
