/* attach.c: sampling a running process from outside (attach.h).
 *
 * One perf_event a thread (the task-clock, its CPU time, user space only),
 * each sample with the user registers and the top FRAME_COPY bytes of the
 * stack; a thread started later is found by reading the task list again.
 * The ring buffers are drained every few milliseconds; each sample is
 * unwound with libdwfl (native.c: frames beyond the copy are read from the
 * live process, where the outer frames have most likely not moved) and its
 * path added to its thread's tree of sampled stacks, which the raw profile
 * holds as the runtime writes it (docs/FORMAT.md: STACKS). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "attach.h"
#include "cprof-format.h"
#include "cprof-hash.h"
#include "freeze.h"
#include "native.h"
#include "proc.h"
#include "pyframes.h"
#include "rawout.h"
#include "util.h"

#define FRAME_COPY 16384      /* bytes of stack a sample carries */
#define RING_PAGES 256        /* data pages of each thread's ring buffer, at most */
#define RESCAN_NS 100000000LL /* how often the task list is read again */

/* perf's numbering of x86-64's user registers (asm/perf_regs.h) */
enum { R_AX, R_BX, R_CX, R_DX, R_SI, R_DI, R_BP, R_SP, R_IP, R_FLAGS, R_CS, R_SS, R_DS, R_ES, R_FS, R_GS,
       R_8, R_9, R_10, R_11, R_12, R_13, R_14, R_15, R_COUNT };
#define REGS_MASK (((1ull << (R_IP + 1)) - 1) | (((1ull << 8) - 1) << R_8))

struct tree { /* a thread's sampled stacks */
	struct cprof_node *node;
	size_t n, cap;
	uint64_t *slot; /* hash of (parent, pc) -> node id + 1 */
	size_t nslot;
};

struct sampled {
	pid_t tid;
	int fd;
	struct perf_event_mmap_page *meta;
	size_t size; /* of the data pages */
	char comm[16];
	struct tree tree;
};

/* The Python functions met, as NAMED holds them (docs/FORMAT.md). */
struct named {
	unsigned char *entries; /* u32 line, file, name: unaligned */
	size_t len, cap;
	uint32_t count;
	struct {
		uint64_t hash;
		uint32_t index1; /* index + 1; 0: free */
		uint32_t at;     /* where its entry starts */
	} *slot;
	size_t nslot;
};

struct attach {
	const struct attach_options *o;
	struct native *native;
	uint64_t py_runtime, py_code_type; /* a CPython's, or 0 */
	const char *py_object;               /* the object they are in */
	int py_version;
	struct pyprocess py, py_before; /* its threads' calls, read last and the time before */
	struct named named;
	struct sampled *thread;
	size_t nthread;
	uint64_t samples, dropped, unwound_none;
	unsigned char *rec; /* a record that wraps the ring, put together */
	char *err;
	size_t errsize;
};

static int64_t now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static uint64_t hash2(uint64_t a, uint64_t b)
{
	uint64_t h = (a * CPROF_HASH_GOLDEN) ^ (b * CPROF_HASH_PAIR);

	return h ^ (h >> 29);
}

/* The node for pc under parent, made if new: its id, or 0 out of memory. */
static uint32_t tree_child(struct tree *t, uint32_t parent, uint64_t pc)
{
	size_t at;

	if (2 * (t->n + 1) > t->nslot) { /* grow and rehash */
		size_t nslot = t->nslot ? 2 * t->nslot : 1024;
		uint64_t *slot = calloc(nslot, sizeof *slot);
		if (!slot)
			return 0;
		for (size_t i = 0; i < t->nslot; i++) {
			if (!t->slot[i])
				continue;
			const struct cprof_node *nd = &t->node[t->slot[i] - 1];
			for (at = hash2(nd->parent, nd->func) & (nslot - 1); slot[at]; at = (at + 1) & (nslot - 1))
				;
			slot[at] = t->slot[i];
		}
		free(t->slot);
		t->slot = slot;
		t->nslot = nslot;
	}
	for (at = hash2(parent, pc) & (t->nslot - 1); t->slot[at]; at = (at + 1) & (t->nslot - 1)) {
		const struct cprof_node *nd = &t->node[t->slot[at] - 1];
		if (nd->parent == parent && nd->func == pc)
			return (uint32_t)(t->slot[at] - 1);
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 1024;
		struct cprof_node *grown = realloc(t->node, cap * sizeof *grown);
		if (!grown)
			return 0;
		t->node = grown;
		t->cap = cap;
	}
	memset(&t->node[t->n], 0, sizeof t->node[t->n]);
	t->node[t->n].func = pc;
	t->node[t->n].parent = parent;
	t->slot[at] = ++t->n;
	return (uint32_t)(t->n - 1);
}

static int tree_init(struct tree *t)
{
	memset(t, 0, sizeof *t);
	return tree_child(t, 0, 0) == 0 && t->n == 1 ? 0 : -1; /* the root: node 0 */
}

/* Why perf_event_open was refused, and what to do. */
static void explain_perf(const struct attach *a, int e)
{
	long paranoid = -1;
	FILE *fp = fopen("/proc/sys/kernel/perf_event_paranoid", "r");

	if (fp) {
		if (fscanf(fp, "%ld", &paranoid) != 1)
			paranoid = -1;
		fclose(fp);
	}
	if (e == ESRCH)
		snprintf(a->err, a->errsize, "no process %d", (int)a->o->pid);
	else if ((e == EACCES || e == EPERM) && paranoid > 2)
		snprintf(a->err, a->errsize, "perf_event_paranoid is %ld: sampling another process needs 2 or less; as "
			 "root: sysctl kernel.perf_event_paranoid=2, or run cprof -p as root", paranoid);
	else if (e == EACCES || e == EPERM)
		freeze_explain(a->o->pid, a->err, a->errsize);
	else if (e == ENOENT || e == ENOSYS)
		snprintf(a->err, a->errsize, "this kernel has no perf_event task clock (perf_event_open: %s)",
			 strerror(e));
	else
		snprintf(a->err, a->errsize, "cannot sample process %d: perf_event_open: %s", (int)a->o->pid,
			 strerror(e));
}

static int open_thread(struct attach *a, pid_t tid)
{
	struct perf_event_attr attr;
	struct sampled *t, *grown;
	long page = sysconf(_SC_PAGESIZE);
	void *ring = MAP_FAILED;
	size_t pages;
	int fd;

	memset(&attr, 0, sizeof attr);
	attr.size = sizeof attr;
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_TASK_CLOCK;
	attr.sample_period = 1000000000ull / a->o->hz;
	attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;
	attr.sample_regs_user = REGS_MASK;
	attr.sample_stack_user = FRAME_COPY;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	attr.watermark = 1;
	fd = (int)syscall(SYS_perf_event_open, &attr, tid, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd < 0)
		return -1;
	/* as large a ring as the locked-memory limit lets a user have */
	for (pages = RING_PAGES; pages >= 4 && ring == MAP_FAILED; pages /= 2)
		ring = mmap(NULL, (pages + 1) * (size_t)page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (ring == MAP_FAILED) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	pages *= 2; /* the loop halved it once more */
	if (!(grown = realloc(a->thread, (a->nthread + 1) * sizeof *a->thread)) ||
	    tree_init(&grown[a->nthread].tree) < 0) {
		a->thread = grown ? grown : a->thread;
		munmap(ring, (pages + 1) * (size_t)page);
		close(fd);
		errno = ENOMEM;
		return -1;
	}
	a->thread = grown;
	t = &a->thread[a->nthread++];
	t->tid = tid;
	t->fd = fd;
	t->meta = ring;
	t->size = pages * (size_t)page;
	proc_thread_name(a->o->pid, tid, t->comm, sizeof t->comm);
	return 0;
}

/* Opens an event for each thread not yet sampled: 0, or -1 (err set) when
 * the first could not be. */
static int scan_threads(struct attach *a)
{
	char path[64];
	struct dirent *e;
	DIR *d;

	snprintf(path, sizeof path, "/proc/%d/task", (int)a->o->pid);
	if (!(d = opendir(path))) {
		if (!a->nthread)
			snprintf(a->err, a->errsize, "no process %d", (int)a->o->pid);
		return a->nthread ? 0 : -1;
	}
	while ((e = readdir(d))) {
		pid_t tid = (pid_t)atoi(e->d_name);
		int known = 0;
		if (tid <= 0)
			continue;
		for (size_t i = 0; i < a->nthread && !known; i++)
			known = a->thread[i].tid == tid;
		if (known || open_thread(a, tid) == 0 || errno == ESRCH)
			continue;
		if (!a->nthread) {
			explain_perf(a, errno);
			closedir(d);
			return -1;
		}
	}
	closedir(d);
	return 0;
}

static uint64_t hash_call(const struct pycall *c)
{
	return (hash_bytes(c->file, strlen(c->file)) ^ hash_bytes(c->name, strlen(c->name)) * 31 ^ c->line) | 1;
}

static int same_call(const struct named *nm, uint32_t at, const struct pycall *c)
{
	uint32_t line;
	const char *file = (const char *)nm->entries + at + 4;

	memcpy(&line, nm->entries + at, 4);
	return line == c->line && !strcmp(file, c->file) && !strcmp(file + strlen(file) + 1, c->name);
}

/* The id of a Python function in NAMED, added if new; 0 out of memory. */
static uint64_t named_id(struct named *nm, const struct pycall *c)
{
	uint64_t h = hash_call(c);
	size_t at, need = 4 + strlen(c->file) + 1 + strlen(c->name) + 1;

	if (2 * (nm->count + 1) > nm->nslot) {
		size_t nslot = nm->nslot ? 2 * nm->nslot : 256;
		__typeof__(nm->slot) slot = calloc(nslot, sizeof *slot);
		if (!slot)
			return 0;
		for (size_t i = 0; i < nm->nslot; i++) {
			if (!nm->slot[i].index1)
				continue;
			for (at = nm->slot[i].hash & (nslot - 1); slot[at].index1; at = (at + 1) & (nslot - 1))
				;
			slot[at] = nm->slot[i];
		}
		free(nm->slot);
		nm->slot = slot;
		nm->nslot = nslot;
	}
	for (at = h & (nm->nslot - 1); nm->slot[at].index1; at = (at + 1) & (nm->nslot - 1))
		if (nm->slot[at].hash == h && same_call(nm, nm->slot[at].at, c))
			return CPROF_NAMED_BIT | (nm->slot[at].index1 - 1);
	if (nm->len + need > nm->cap) {
		size_t cap = nm->cap ? 2 * nm->cap : 65536;
		unsigned char *grown;
		while (cap < nm->len + need)
			cap *= 2;
		if (!(grown = realloc(nm->entries, cap)))
			return 0;
		nm->entries = grown;
		nm->cap = cap;
	}
	nm->slot[at].hash = h;
	nm->slot[at].at = (uint32_t)nm->len;
	nm->slot[at].index1 = ++nm->count;
	memcpy(nm->entries + nm->len, &c->line, 4);
	strcpy((char *)nm->entries + nm->len + 4, c->file);
	strcpy((char *)nm->entries + nm->len + 4 + strlen(c->file) + 1, c->name);
	nm->len += need;
	return CPROF_NAMED_BIT | (nm->count - 1);
}

/* What the Python threads are running now, read without stopping them:
 * the samples drained next are of about this time. */
static void read_python(struct attach *a)
{
	struct frozen f = {.pid = a->o->pid};
	char err[256];

	if (!a->py_version)
		return;
	pyframes_free(&a->py_before);
	a->py_before = a->py;
	memset(&a->py, 0, sizeof a->py);
	pyframes_read(&f, a->py_version, a->py_runtime, a->py_code_type, &a->py, err, sizeof err);
}

/* Whether the native frames inside a Python call reach code of the
 * program's (a C extension, numpy, libm), beyond the interpreter's and the
 * C library's: the interpreter's own work while it runs a Python function
 * is that function's time, as the runtime's samples count it
 * (docs/PYTHON.md). */
static int reaches_extension(struct attach *a, const uint64_t *pcs, int inner)
{
	static const char *const own[] = { "libc.so", "ld-linux", "libpthread.so", "linux-vdso" };

	for (int i = 0; i < inner; i++) {
		const char *path = native_object(a->native, pcs[i]), *base;
		int theirs = 1;
		if (!path || (a->py_object && !strcmp(path, a->py_object)))
			continue;
		base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		for (size_t k = 0; k < sizeof own / sizeof own[0]; k++)
			theirs &= strncmp(base, own[k], strlen(own[k])) != 0;
		if (theirs)
			return 1;
	}
	return 0;
}

/* Adds one sample: its registers and stack copy, unwound. */
static void add_sample(struct attach *a, struct sampled *t, const uint64_t *regs, const unsigned char *stack,
		       uint64_t stack_len)
{
	struct frozen_thread ft;
	struct frozen f;
	uint64_t pcs[NATIVE_MAX_FRAMES];
	uint32_t at = 0;
	int n;

	memset(&ft, 0, sizeof ft);
	ft.tid = t->tid;
#if defined(__x86_64__)
	ft.regs.rax = regs[R_AX], ft.regs.rbx = regs[R_BX], ft.regs.rcx = regs[R_CX], ft.regs.rdx = regs[R_DX];
	ft.regs.rsi = regs[R_SI], ft.regs.rdi = regs[R_DI], ft.regs.rbp = regs[R_BP], ft.regs.rsp = regs[R_SP];
	ft.regs.rip = regs[R_IP];
	ft.regs.r8 = regs[R_8], ft.regs.r9 = regs[R_9], ft.regs.r10 = regs[R_10], ft.regs.r11 = regs[R_11];
	ft.regs.r12 = regs[R_12], ft.regs.r13 = regs[R_13], ft.regs.r14 = regs[R_14], ft.regs.r15 = regs[R_15];
#endif
	ft.stack_at = regs[R_SP];
	ft.stack = (unsigned char *)stack;
	ft.stack_len = stack_len;
	memset(&f, 0, sizeof f);
	f.pid = a->o->pid;
	f.thread = &ft;
	f.nthread = 1;
	n = native_unwind(a->native, &f, 0, pcs, NATIVE_MAX_FRAMES);
	if (n == 0) {
		pcs[0] = regs[R_IP];
		n = 1;
		a->unwound_none++;
	}
	a->samples++;
	if (a->py.version) { /* the Python calls in place of the interpreter's frames */
		/* a thread caught between two frames reads as none: its calls
		 * of the read before stand in */
		const struct pythread *pt = pyframes_thread(&a->py, &ft);
		if ((!pt || !pt->ncall) && a->py_before.version)
			pt = pyframes_thread(&a->py_before, &ft);
		int inner = pt && pt->ncall ? pyframes_split(a->native, pcs, n) : -1;
		if (inner >= 0) {
			for (int k = pt->ncall - 1; k >= 0; k--) {
				uint64_t id = named_id(&a->named, &pt->call[k]);
				if (!id || !(at = tree_child(&t->tree, at, id))) {
					a->dropped++;
					return;
				}
			}
			n = reaches_extension(a, pcs, inner) ? inner : 0;
		}
	}
	while (n-- > 0)
		if (!(at = tree_child(&t->tree, at, pcs[n]))) {
			a->dropped++;
			return;
		}
	t->tree.node[at].calls++;
	t->tree.node[at].ticks += 1000000000ull / a->o->hz;
}

/* A PERF_RECORD_SAMPLE: ip, pid and tid, the registers, the stack. */
static void parse_sample(struct attach *a, struct sampled *t, const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len;
	uint64_t abi, size, regs[R_COUNT] = { 0 };

	p += 8 + 8; /* ip, pid and tid */
	if (p + 8 > end)
		return;
	memcpy(&abi, p, 8);
	p += 8;
	if (abi == PERF_SAMPLE_REGS_ABI_NONE) /* the sample hit a kernel thread */
		return;
	for (int r = 0; r < R_COUNT; r++) {
		if (!(REGS_MASK & (1ull << r)))
			continue;
		if (p + 8 > end)
			return;
		memcpy(&regs[r], p, 8);
		p += 8;
	}
	if (p + 8 > end)
		return;
	memcpy(&size, p, 8);
	p += 8;
	if (size > (uint64_t)(end - p))
		return;
	{
		const unsigned char *stack = p;
		uint64_t dyn = 0;
		if (size && p + size + 8 <= end)
			memcpy(&dyn, p + size, 8);
		add_sample(a, t, regs, stack, dyn && dyn < size ? dyn : size);
	}
}

/* Reads what thread t's ring holds. */
static void drain(struct attach *a, struct sampled *t)
{
	const unsigned char *data = (const unsigned char *)t->meta + t->meta->data_offset;
	uint64_t head = __atomic_load_n(&t->meta->data_head, __ATOMIC_ACQUIRE), tail = t->meta->data_tail;

	if (!t->meta->data_offset) /* kernels before 4.1 */
		data = (const unsigned char *)t->meta + sysconf(_SC_PAGESIZE);
	while (tail + sizeof(struct perf_event_header) <= head) {
		struct perf_event_header h;
		size_t at = tail % t->size;
		const unsigned char *rec;
		for (size_t k = 0; k < sizeof h; k++)
			((unsigned char *)&h)[k] = data[(at + k) % t->size];
		if (h.size < sizeof h || tail + h.size > head)
			break;
		if (at + h.size <= t->size) {
			rec = data + at;
		} else { /* it wraps: put it together */
			size_t first = t->size - at;
			memcpy(a->rec, data + at, first);
			memcpy(a->rec + first, data, h.size - first);
			rec = a->rec;
		}
		if (h.type == PERF_RECORD_SAMPLE)
			parse_sample(a, t, rec + sizeof h, h.size - sizeof h);
		else if (h.type == PERF_RECORD_LOST)
			a->dropped += ((const uint64_t *)(rec + sizeof h))[1];
		tail += h.size;
	}
	__atomic_store_n(&t->meta->data_tail, tail, __ATOMIC_RELEASE);
}

static void close_threads(struct attach *a)
{
	for (size_t i = 0; i < a->nthread; i++) {
		munmap(a->thread[i].meta, a->thread[i].size + (size_t)sysconf(_SC_PAGESIZE));
		close(a->thread[i].fd);
	}
}

/* What the profile says of the process: PROCESS's fixed part, then its
 * strings (host, job id, executable, arguments) in strs. */
struct process_info {
	struct cprof_rec_process rec;
	char strs[8192];
	size_t len;
};

static int read_process(pid_t pid, struct process_info *p)
{
	char path[64], host[256] = "", exe[4096];
	ssize_t n;
	FILE *fp;
	int fd;

	memset(p, 0, sizeof *p);
	p->rec.pid = pid;
	p->rec.rank = p->rec.size = -1;
	p->rec.clock = CPROF_CLOCK_MONOTONIC;
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if (!(fp = fopen(path, "r")))
		return -1;
	if (fscanf(fp, "%*d (%*[^)]) %*c %d", &p->rec.ppid) != 1)
		p->rec.ppid = 0;
	fclose(fp);
	gethostname(host, sizeof host - 1);
	snprintf(path, sizeof path, "/proc/%d/exe", (int)pid);
	if ((n = readlink(path, exe, sizeof exe - 1)) < 0)
		n = 0;
	exe[n] = 0;
	p->len = (size_t)snprintf(p->strs, sizeof p->strs, "%s%c%c%s%c", host, 0, 0, exe, 0);
	snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		n = read(fd, p->strs + p->len, sizeof p->strs - p->len - 1);
		close(fd);
		for (ssize_t i = 0; i < n; i++)
			p->rec.argc += p->strs[p->len + (size_t)i] == 0;
		if (n > 0 && p->strs[p->len + (size_t)n - 1] != 0) { /* cut short */
			p->strs[p->len + (size_t)n++] = 0;
			p->rec.argc++;
		}
		p->len += n > 0 ? (size_t)n : 0;
	}
	p->rec.start_ns = (uint64_t)now_ns(CLOCK_REALTIME);
	p->rec.ticks0 = p->rec.mono_ns0 = (uint64_t)now_ns(CLOCK_MONOTONIC);
	return 0;
}

static void put_module(const struct cprof_rec_module *m, const char *path, void *arg)
{
	rawout_record(arg, CPROF_REC_MODULE, m, sizeof *m, path, strlen(path) + 1);
}

static int write_profile(struct attach *a, struct process_info *p)
{
	struct cprof_rec_sampling smp;
	struct rawout *w;
	char host[256];

	p->rec.end_reason = CPROF_END_ATTACHED;
	p->rec.end_ns = (uint64_t)now_ns(CLOCK_REALTIME);
	p->rec.ticks1 = p->rec.mono_ns1 = (uint64_t)now_ns(CLOCK_MONOTONIC);
	snprintf(host, sizeof host, "%.*s", (int)sizeof host - 1, p->strs);
	if (!(w = rawout_open(a->o->dir, host, a->o->pid, a->err, a->errsize)))
		return -1;
	rawout_record(w, CPROF_REC_PROCESS, &p->rec, sizeof p->rec, p->strs, p->len);
	native_modules(a->native, put_module, w);
	memset(&smp, 0, sizeof smp);
	smp.clock = CPROF_SAMPLE_CPU;
	smp.hz = a->o->hz;
	smp.period = 1000000000ull / a->o->hz;
	smp.samples = a->samples;
	smp.dropped = a->dropped;
	snprintf(smp.event, sizeof smp.event, "task-clock");
	snprintf(smp.note, sizeof smp.note, "sampled from outside (cprof -p)");
	rawout_record(w, CPROF_REC_SAMPLING, &smp, sizeof smp, NULL, 0);
	if (a->named.count) {
		struct cprof_rec_named named = {.count = a->named.count, .version = (uint32_t)a->py_version};
		rawout_record(w, CPROF_REC_NAMED, &named, sizeof named, a->named.entries, a->named.len);
	}
	for (size_t i = 0; i < a->nthread; i++) {
		const struct sampled *t = &a->thread[i];
		struct cprof_rec_thread th;
		struct cprof_rec_nodes run;
		memset(&th, 0, sizeof th);
		th.index = (uint32_t)i;
		th.tid = t->tid;
		memcpy(th.name, t->comm, sizeof th.name);
		rawout_record(w, CPROF_REC_THREAD, &th, sizeof th, NULL, 0);
		/* in runs that a record's 32-bit size holds */
		for (size_t first = 0; first < t->tree.n; first += 65536) {
			size_t count = t->tree.n - first < 65536 ? t->tree.n - first : 65536;
			memset(&run, 0, sizeof run);
			run.thread = (uint32_t)i;
			run.first = (uint32_t)first;
			run.count = (uint32_t)count;
			rawout_record(w, CPROF_REC_STACKS, &run, sizeof run, t->tree.node + first,
				      count * sizeof *t->tree.node);
		}
	}
	return rawout_close(w, a->err, a->errsize);
}

int attach_profile(const struct attach_options *o, volatile sig_atomic_t *stop, char *err, size_t errsize)
{
	struct attach a = { .o = o, .err = err, .errsize = errsize };
	struct process_info info;
	int64_t start = now_ns(CLOCK_MONOTONIC), last_scan = start, ended = 0;
	int ret = -1;

	if (kill(o->pid, 0) < 0 && errno == ESRCH) {
		snprintf(err, errsize, "no process %d", (int)o->pid);
		return -1;
	}
	if (proc_kernel_thread(o->pid)) {
		snprintf(err, errsize, "process %d is a thread of the kernel's: perf record -a samples the kernel",
			 (int)o->pid);
		return -1;
	}
	/* the events first: their refusal says why best */
	if (!(a.rec = malloc(1 << 16)) || scan_threads(&a) < 0 || read_process(o->pid, &info) < 0 ||
	    !(a.native = native_open(o->pid, err, errsize)))
		goto out;
	a.py_runtime = native_symbol(a.native, "_PyRuntime");
	a.py_code_type = native_symbol(a.native, "PyCode_Type");
	if (a.py_runtime && a.py_code_type) {
		struct frozen f = {.pid = o->pid};
		a.py_object = native_symbol_file(a.native, "_PyRuntime");
		a.py_version = pyframes_version(a.native, &f);
	}
	while (!*stop) {
		struct pollfd *fds = calloc(a.nthread, sizeof *fds);
		int64_t t = now_ns(CLOCK_MONOTONIC);
		if (!fds)
			break;
		for (size_t i = 0; i < a.nthread; i++)
			fds[i].fd = a.thread[i].fd, fds[i].events = POLLIN;
		poll(fds, a.nthread, 10);
		free(fds);
		read_python(&a);
		for (size_t i = 0; i < a.nthread; i++)
			drain(&a, &a.thread[i]);
		if (o->seconds > 0 && (double)(t - start) / 1e9 >= o->seconds)
			break;
		if (t - last_scan >= RESCAN_NS) {
			last_scan = t;
			if (!proc_running(o->pid)) {
				ended = 1;
				break;
			}
			scan_threads(&a);
		}
	}
	for (size_t i = 0; i < a.nthread; i++)
		drain(&a, &a.thread[i]);
	info.rec.end_value = ended || !proc_running(o->pid);
	ret = write_profile(&a, &info);
out:
	close_threads(&a);
	for (size_t i = 0; i < a.nthread; i++) {
		free(a.thread[i].tree.node);
		free(a.thread[i].tree.slot);
	}
	free(a.thread);
	free(a.rec);
	pyframes_free(&a.py);
	pyframes_free(&a.py_before);
	free(a.named.entries);
	free(a.named.slot);
	if (a.native)
		native_close(a.native);
	return ret;
}
