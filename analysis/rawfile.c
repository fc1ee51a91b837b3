/* rawfile.c: read a raw profile into memory, trusting nothing in it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawfile.h"
#include "util.h"

struct parser {
	const char *name;
	const unsigned char *data;
	size_t size;
	char *err;
	size_t errsize;
	struct raw_process *p;
	size_t threads_cap;
	size_t modules_cap;
	size_t *nodes_cap; /* per thread */
	size_t *stacks_cap; /* per thread */
	struct u64map thread_pos; /* THREAD index -> position in p->threads */
};

static void __attribute__((format(printf, 3, 4))) fail(struct parser *ps, size_t off, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(ps->err, ps->errsize, "%s: offset %zu: ", ps->name, off);

	if (n < 0 || (size_t)n >= ps->errsize)
		return;
	va_start(ap, fmt);
	vsnprintf(ps->err + n, ps->errsize - (size_t)n, fmt, ap);
	va_end(ap);
}

/* Takes the NUL-terminated string at *at, within [*at, end). */
static char *take_string(const unsigned char **at, const unsigned char *end)
{
	const unsigned char *nul = memchr(*at, '\0', (size_t)(end - *at));
	char *s;

	if (!nul)
		return NULL;
	s = xstrdup((const char *)*at);
	*at = nul + 1;
	return s;
}

/* The NUL-terminated string at *at, within [*at, end), in place. */
static char *next_string(char **at, char *end)
{
	char *s = *at, *nul = memchr(s, '\0', (size_t)(end - s));

	if (!nul)
		return NULL;
	*at = nul + 1;
	return s;
}

static int parse_process(struct parser *ps, size_t off, const unsigned char *pl, uint32_t size)
{
	struct raw_process *p = ps->p;
	const unsigned char *at = pl + sizeof p->info, *end = pl + size;

	if (size < sizeof p->info) {
		fail(ps, off, "PROCESS record of %u bytes, shorter than %zu", size, sizeof p->info);
		return -1;
	}
	memcpy(&p->info, pl, sizeof p->info);
	if (p->info.argc > size) {
		fail(ps, off, "PROCESS record claims %u arguments in %u bytes", p->info.argc, size);
		return -1;
	}
	p->argv = xcalloc(p->info.argc + 1, sizeof *p->argv);
	if (!(p->host = take_string(&at, end)) || !(p->jobid = take_string(&at, end)) ||
	    !(p->exe = take_string(&at, end)))
		goto bad;
	for (uint32_t i = 0; i < p->info.argc; i++)
		if (!(p->argv[i] = take_string(&at, end)))
			goto bad;
	if (p->info.clock == CPROF_CLOCK_MONOTONIC) {
		p->sec_per_tick = 1e-9;
	} else if (p->info.clock == CPROF_CLOCK_TSC) {
		if (p->info.ticks1 <= p->info.ticks0 || p->info.mono_ns1 <= p->info.mono_ns0) {
			fail(ps, off, "the clock calibration is not increasing");
			return -1;
		}
		p->sec_per_tick = (double)(p->info.mono_ns1 - p->info.mono_ns0) /
				  (double)(p->info.ticks1 - p->info.ticks0) * 1e-9;
	} else {
		fail(ps, off, "unknown clock %u", p->info.clock);
		return -1;
	}
	return 0;
bad:
	fail(ps, off, "PROCESS record: a string runs past the record's end");
	return -1;
}

static int parse_module(struct parser *ps, size_t off, const unsigned char *pl, uint32_t size)
{
	struct raw_process *p = ps->p;
	struct cprof_rec_module rec;
	const unsigned char *at = pl + sizeof rec;
	struct raw_module *m;

	if (size < sizeof rec) {
		fail(ps, off, "MODULE record of %u bytes, shorter than %zu", size, sizeof rec);
		return -1;
	}
	memcpy(&rec, pl, sizeof rec);
	if (rec.build_id_len > CPROF_BUILD_ID_MAX || rec.end < rec.start) {
		fail(ps, off, "MODULE record with a bad build-id length or address range");
		return -1;
	}
	GROW(p->modules, ps->modules_cap, p->nmodules + 1);
	m = &p->modules[p->nmodules];
	memset(m, 0, sizeof *m);
	if (!(m->path = take_string(&at, pl + size))) {
		fail(ps, off, "MODULE record: its path runs past the record's end");
		return -1;
	}
	m->start = rec.start;
	m->end = rec.end;
	m->bias = rec.bias;
	m->flags = rec.flags;
	m->build_id_len = rec.build_id_len;
	memcpy(m->build_id, rec.build_id, rec.build_id_len);
	p->nmodules++;
	return 0;
}

static int parse_thread(struct parser *ps, size_t off, const unsigned char *pl, uint32_t size)
{
	struct raw_process *p = ps->p;
	struct cprof_rec_thread rec;
	struct raw_thread *t;

	/* (a file of cprof 0.1.0 ends the record before masked_ns) */
	if (size < offsetof(struct cprof_rec_thread, masked_ns)) {
		fail(ps, off, "THREAD record of %u bytes, shorter than %zu", size,
		     offsetof(struct cprof_rec_thread, masked_ns));
		return -1;
	}
	memset(&rec, 0, sizeof rec);
	memcpy(&rec, pl, size < sizeof rec ? size : sizeof rec);
	uint64_t *pos = u64map_get(&ps->thread_pos, rec.index, UINT64_MAX);
	if (*pos != UINT64_MAX) {
		fail(ps, off, "a second THREAD record for thread %u", rec.index);
		return -1;
	}
	*pos = p->nthreads;
	size_t old = ps->threads_cap;
	GROW(p->threads, ps->threads_cap, p->nthreads + 1);
	if (ps->threads_cap != old) {
		ps->nodes_cap = xrealloc(ps->nodes_cap, ps->threads_cap * sizeof *ps->nodes_cap);
		ps->stacks_cap = xrealloc(ps->stacks_cap, ps->threads_cap * sizeof *ps->stacks_cap);
	}
	t = &p->threads[p->nthreads];
	memset(t, 0, sizeof *t);
	/* room for the nodes it declares, as many as the rest of the file
	 * can hold: its NODES records then add without moving them */
	ps->nodes_cap[p->nthreads] = rec.nodes < (ps->size - off) / sizeof(struct cprof_node)
					     ? rec.nodes
					     : (ps->size - off) / sizeof(struct cprof_node);
	t->nodes = xmalloc(ps->nodes_cap[p->nthreads] * sizeof *t->nodes);
	ps->stacks_cap[p->nthreads] = 0;
	t->index = rec.index;
	t->tid = rec.tid;
	t->events_lost = rec.events_lost;
	t->masked_ns = rec.masked_ns;
	t->py_displaced = rec.py_displaced;
	memcpy(t->name, rec.name, sizeof rec.name);
	p->nthreads++;
	return 0;
}

/* NODES or STACKS: a run of one thread's tree, whose ids follow on. */
static int parse_nodes(struct parser *ps, uint32_t type, size_t off, const unsigned char *pl, uint32_t size)
{
	const char *what = type == CPROF_REC_NODES ? "NODES" : "STACKS";
	struct raw_process *p = ps->p;
	struct cprof_rec_nodes head;
	struct raw_thread *t;
	uint64_t *pos, *count;
	struct raw_node **nodes;
	size_t *cap;

	if (size < sizeof head) {
		fail(ps, off, "%s record of %u bytes, shorter than %zu", what, size, sizeof head);
		return -1;
	}
	memcpy(&head, pl, sizeof head);
	if ((uint64_t)head.count * sizeof(struct cprof_node) != size - sizeof head) {
		fail(ps, off, "%s record of %u bytes cannot hold %u nodes", what, size, head.count);
		return -1;
	}
	pos = u64map_find(&ps->thread_pos, head.thread);
	if (!pos) {
		fail(ps, off, "%s record for thread %u, which has no THREAD record", what, head.thread);
		return -1;
	}
	t = &p->threads[*pos];
	count = type == CPROF_REC_NODES ? &t->nnodes : &t->nstacks;
	nodes = type == CPROF_REC_NODES ? &t->nodes : &t->stacks;
	cap = type == CPROF_REC_NODES ? &ps->nodes_cap[*pos] : &ps->stacks_cap[*pos];
	if (head.first != *count) {
		fail(ps, off, "%s record for thread %u starts at node %u, expected %llu", what, head.thread, head.first,
		     (unsigned long long)*count);
		return -1;
	}
	GROW(*nodes, *cap, *count + head.count);
	for (uint32_t i = 0; i < head.count; i++) {
		struct cprof_node n;
		uint64_t id = *count;
		memcpy(&n, pl + sizeof head + i * sizeof n, sizeof n);
		if (id == 0 ? n.func != 0 : n.parent >= id) {
			fail(ps, off, "thread %u: node %llu has a bad parent (%u) or root", head.thread,
			     (unsigned long long)id, n.parent);
			return -1;
		}
		(*nodes)[id] = (struct raw_node){.func = n.func, .parent = n.parent, .calls = n.calls, .ticks = n.ticks};
		(*count)++;
	}
	return 0;
}

/* A record a process has one of at most, whose fixed part takes `fixed`
 * bytes: -1, said, if it is a second one or is shorter. */
static int check_single(struct parser *ps, size_t off, const char *what, int seen, uint32_t size, size_t fixed)
{
	if (seen)
		fail(ps, off, "a second %s record", what);
	else if (size < fixed)
		fail(ps, off, "%s record of %u bytes, too short", what, size);
	return seen || size < fixed ? -1 : 0;
}

/* A copy of the n elements of elem bytes at `at`. */
static void *copy_array(const unsigned char *at, size_t n, size_t elem)
{
	void *a = xmalloc(n ? n * elem : 1);

	memcpy(a, at, n * elem);
	return a;
}

static int parse_sampling(struct parser *ps, size_t off, const unsigned char *pl, uint32_t size)
{
	struct raw_process *p = ps->p;

	/* (a file of cprof 0.1.0 ends the record before kernel_ns) */
	if (check_single(ps, off, "SAMPLING", p->sampled, size, offsetof(struct cprof_rec_sampling, kernel_ns)) < 0)
		return -1;
	memset(&p->sampling, 0, sizeof p->sampling);
	memcpy(&p->sampling, pl, size < sizeof p->sampling ? size : sizeof p->sampling);
	p->sampling_split = size >= offsetof(struct cprof_rec_sampling, offcpu_ns) + sizeof p->sampling.offcpu_ns;
	p->sampling.event[sizeof p->sampling.event - 1] = '\0';
	p->sampling.note[sizeof p->sampling.note - 1] = '\0';
	p->sampled = 1;
	return 0;
}

static int cmp_module(const void *a, const void *b)
{
	const struct raw_module *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_thread(const void *a, const void *b)
{
	const struct raw_thread *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
}

static int parse_counts(struct parser *ps, size_t off, const unsigned char *pl, uint32_t size)
{
	struct raw_process *p = ps->p;
	struct cprof_rec_counts rec;
	size_t rest;

	if (check_single(ps, off, "COUNTS", p->counted, size, sizeof rec) < 0)
		return -1;
	memcpy(&rec, pl, sizeof rec);
	if (rec.n > (size - sizeof rec) / sizeof *p->counts) {
		fail(ps, off, "COUNTS record of %u bytes cannot hold its %u counts", size, rec.n);
		return -1;
	}
	rest = size - sizeof rec - rec.n * sizeof *p->counts;
	/* the patterns: NUL-terminated strings, the last one empty */
	if (!rest || pl[size - 1] != '\0' || (rest > 1 && pl[size - 2] != '\0')) {
		fail(ps, off, "COUNTS record without its list of unmatched patterns");
		return -1;
	}
	p->counts = copy_array(pl + sizeof rec, rec.n, sizeof *p->counts);
	p->ncounts = rec.n;
	p->count_unmatched = copy_array(pl + size - rest, rest, 1);
	memcpy(p->count_note, rec.note, sizeof p->count_note);
	p->count_note[sizeof p->count_note - 1] = '\0';
	p->counted = 1;
	return 0;
}

static int parse_named(struct parser *ps, size_t off, const unsigned char *pl, uint32_t size)
{
	struct raw_process *p = ps->p;
	struct cprof_rec_named rec;
	const unsigned char *at = pl + sizeof rec, *end = pl + size;

	if (check_single(ps, off, "NAMED", p->named != NULL, size, sizeof rec) < 0)
		return -1;
	memcpy(&rec, pl, sizeof rec);
	/* each entry takes 6 bytes at least */
	if (rec.count > (size - sizeof rec) / 6) {
		fail(ps, off, "NAMED record of %u bytes cannot hold its %u functions", size, rec.count);
		return -1;
	}
	p->named = xcalloc(rec.count ? rec.count : 1, sizeof *p->named);
	p->pyversion = rec.version;
	/* one copy of the names, which the functions point into */
	p->named_text = copy_array(at, (size_t)(end - at), 1);
	for (char *t = p->named_text, *tend = t + (end - at); p->nnamed < rec.count; p->nnamed++) {
		struct raw_named *f = &p->named[p->nnamed];
		if (tend - t < 4 || (memcpy(&f->line, t, 4), t += 4, !(f->file = next_string(&t, tend))) ||
		    !(f->name = next_string(&t, tend))) {
			fail(ps, off, "NAMED record ends inside function %zu", p->nnamed);
			return -1;
		}
	}
	return 0;
}

static int parse_mpi(struct parser *ps, size_t off, const unsigned char *pl, uint32_t size)
{
	struct raw_process *p = ps->p;

	if (check_single(ps, off, "MPI", p->mpi, size, sizeof p->mpi_info) < 0)
		return -1;
	memcpy(&p->mpi_info, pl, sizeof p->mpi_info);
	if (p->mpi_info.nsites > (size - sizeof p->mpi_info) / sizeof *p->mpi_sites) {
		fail(ps, off, "MPI record of %u bytes cannot hold its %u call sites", size, p->mpi_info.nsites);
		return -1;
	}
	p->mpi_sites = copy_array(pl + sizeof p->mpi_info, p->mpi_info.nsites, sizeof *p->mpi_sites);
	p->mpi = 1;
	return 0;
}

static int parse_records(struct parser *ps, int *ended, size_t *stop)
{
	size_t off = sizeof(struct cprof_file_header);
	int have_process = 0;

	while (off < ps->size) {
		struct cprof_record r;
		const unsigned char *pl;
		int ret = 0;

		if (ps->size - off < sizeof r || (memcpy(&r, ps->data + off, sizeof r), r.size > ps->size - off - sizeof r))
			break; /* truncated */
		pl = ps->data + off + sizeof r;
		if (!have_process && r.type != CPROF_REC_PROCESS) {
			fail(ps, off, "record of type %u before the PROCESS record", r.type);
			return -1;
		}
		switch (r.type) {
		case CPROF_REC_PROCESS:
			if (have_process) {
				fail(ps, off, "a second PROCESS record");
				return -1;
			}
			ret = parse_process(ps, off, pl, r.size);
			have_process = 1;
			break;
		case CPROF_REC_MODULE:
			ret = parse_module(ps, off, pl, r.size);
			break;
		case CPROF_REC_THREAD:
			ret = parse_thread(ps, off, pl, r.size);
			break;
		case CPROF_REC_NODES:
		case CPROF_REC_STACKS:
			ret = parse_nodes(ps, r.type, off, pl, r.size);
			break;
		case CPROF_REC_SAMPLING:
			ret = parse_sampling(ps, off, pl, r.size);
			break;
		case CPROF_REC_COUNTS:
			ret = parse_counts(ps, off, pl, r.size);
			break;
		case CPROF_REC_MPI:
			ret = parse_mpi(ps, off, pl, r.size);
			break;
		case CPROF_REC_NAMED:
			ret = parse_named(ps, off, pl, r.size);
			break;
		case CPROF_REC_END:
			*ended = 1;
			break;
		default: /* a later version's record: skip it */
			break;
		}
		if (ret < 0)
			return -1;
		off += sizeof r + CPROF_ALIGN(r.size);
		if (*ended)
			break;
	}
	*stop = off < ps->size ? off : ps->size;
	if (!have_process) {
		fail(ps, *stop, "the file ends before its PROCESS record");
		return -1;
	}
	return 0;
}

struct raw_process *rawfile_parse(const char *name, const unsigned char *data, size_t size, char *err, size_t errsize)
{
	struct parser ps = {.name = name, .data = data, .size = size, .err = err, .errsize = errsize};
	struct cprof_file_header h;
	int ended = 0, ret;
	size_t stop = 0;

	err[0] = '\0';
	if (size == 0) {
		snprintf(err, errsize, "%s: empty (its writer stopped before writing anything)", name);
		return NULL;
	}
	if (size < sizeof h || memcmp(data, CPROF_MAGIC, sizeof h.magic) != 0) {
		snprintf(err, errsize, "%s: not a cprof raw profile", name);
		return NULL;
	}
	memcpy(&h, data, sizeof h);
	if (h.byte_order != CPROF_BYTE_ORDER_MARK) {
		snprintf(err, errsize, "%s: written on a machine of the other byte order; read it there", name);
		return NULL;
	}
	if (h.version != CPROF_FORMAT_VERSION) {
		snprintf(err, errsize, "%s: raw format version %u; this cprof reads version %u", name, h.version,
			 CPROF_FORMAT_VERSION);
		return NULL;
	}
	ps.p = xcalloc(1, sizeof *ps.p);
	ps.p->file = xstrdup(name);
	ret = parse_records(&ps, &ended, &stop);
	free(ps.nodes_cap);
	free(ps.stacks_cap);
	u64map_free(&ps.thread_pos);
	if (ret < 0) {
		rawfile_free(ps.p);
		return NULL;
	}
	if (!ended) {
		ps.p->truncated = 1;
		snprintf(err, errsize, "%s: truncated at offset %zu: using the records before it", name, stop);
	}
	if (ps.p->nmodules)
		qsort(ps.p->modules, ps.p->nmodules, sizeof *ps.p->modules, cmp_module);
	if (ps.p->nthreads)
		qsort(ps.p->threads, ps.p->nthreads, sizeof *ps.p->threads, cmp_thread);
	return ps.p;
}

struct raw_process *rawfile_read(const char *path, char *err, size_t errsize)
{
	struct raw_process *p = NULL;
	unsigned char *data;
	size_t len;

	if (read_file(path, &data, &len, err, errsize) == 0)
		p = rawfile_parse(path, data, len, err, errsize);
	free(data);
	return p;
}

int raw_rank(const struct raw_process *p)
{
	if (p->info.rank >= 0)
		return p->info.rank;
	return p->mpi ? p->mpi_info.rank : -1;
}

struct raw_process *rawfile_read_at(int fd, const char *name, uint64_t offset, uint64_t size, char *err,
				    size_t errsize)
{
	struct raw_process *p = NULL;
	unsigned char *data = NULL;
	uint64_t got = 0;

	if (fd < 0 || size > SIZE_MAX - 1) {
		snprintf(err, errsize, "%s: %s", name, fd < 0 ? strerror(errno) : "too big to read");
		goto out;
	}
	data = xmalloc((size_t)size + 1);
	while (got < size) {
		ssize_t n = pread(fd, data + got, (size_t)(size - got), (off_t)(offset + got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (uint64_t)n;
	}
	p = rawfile_parse(name, data, (size_t)got, err, errsize);
out:
	free(data);
	return p;
}

int rawfile_peek(const char *path, struct cprof_rec_process *out)
{
	unsigned char buf[sizeof(struct cprof_file_header) + sizeof(struct cprof_record) + sizeof *out];
	struct cprof_file_header h;
	struct cprof_record r;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK); /* (a FIFO: see rawfile_read) */
	ssize_t n = -1;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		n = pread(fd, buf, sizeof buf, 0);
	close(fd);
	if (n != (ssize_t)sizeof buf)
		return -1;
	memcpy(&h, buf, sizeof h);
	memcpy(&r, buf + sizeof h, sizeof r);
	if (memcmp(h.magic, CPROF_MAGIC, sizeof h.magic) != 0 || h.version != CPROF_FORMAT_VERSION ||
	    h.byte_order != CPROF_BYTE_ORDER_MARK || r.type != CPROF_REC_PROCESS || r.size < sizeof *out)
		return -1;
	memcpy(out, buf + sizeof h + sizeof r, sizeof *out);
	return 0;
}

void rawfile_lighten(struct raw_process *p)
{
	free(p->counts);
	p->counts = NULL;
	p->ncounts = 0;
	free(p->mpi_sites);
	p->mpi_sites = NULL;
	p->mpi_info.nsites = 0;
	free(p->named);
	free(p->named_text);
	p->named = NULL;
	p->named_text = NULL;
	p->nnamed = 0;
	for (size_t i = 0; i < p->nmodules; i++)
		free(p->modules[i].path);
	free(p->modules);
	p->modules = NULL;
	p->nmodules = 0;
	for (size_t i = 0; i < p->nthreads; i++) {
		free(p->threads[i].nodes);
		free(p->threads[i].stacks);
		p->threads[i].nodes = p->threads[i].stacks = NULL;
		p->threads[i].nnodes = p->threads[i].nstacks = 0;
	}
}

void rawfile_free(struct raw_process *p)
{
	if (!p)
		return;
	free(p->counts);
	free(p->count_unmatched);
	free(p->mpi_sites);
	free(p->named);
	free(p->named_text);
	for (size_t i = 0; i < p->nmodules; i++)
		free(p->modules[i].path);
	for (size_t i = 0; i < p->nthreads; i++) {
		free(p->threads[i].nodes);
		free(p->threads[i].stacks);
	}
	if (p->argv)
		for (uint32_t i = 0; i < p->info.argc; i++)
			free(p->argv[i]);
	free(p->argv);
	free(p->modules);
	free(p->threads);
	free(p->host);
	free(p->jobid);
	free(p->exe);
	free(p->file);
	free(p);
}

const struct raw_module *raw_module_of(const struct raw_process *p, uint64_t addr)
{
	size_t lo = 0, hi = p->nmodules;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->modules[mid].start <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || addr >= p->modules[lo - 1].end)
		return NULL;
	return &p->modules[lo - 1];
}
