/* trace.c: exact tracing of code built with -finstrument-functions.
 *
 * Each thread keeps a calling-context tree: one node per distinct call path,
 * holding the calls that completed on that path and their inclusive ticks.
 * The analysis derives everything cProfile shows from it (recursion, callers,
 * cumtime counted once).  A shadow stack of open frames, each pointing at its
 * node, makes the hooks cheap: an enter looks up the child of the current
 * node (a one-entry cache, then a per-thread hash table), an exit adds to the
 * node on top of the stack.
 *
 * The hooks may interrupt themselves (a signal handler built with
 * -finstrument-functions): pushes and pops stay consistent because each
 * writes its frame before publishing it; only node creation is guarded, and a
 * call that arrives while a node is being created is dropped and counted.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "clock.h"
#include "cprof-format.h"
#include "fmt.h"
#include "runtime-int.h"

#define CHUNK_SHIFT 12
#define CHUNK_NODES (1u << CHUNK_SHIFT)
#define MAX_CHUNKS 4096 /* 16M nodes per thread */
#define STACK_FRAMES (1u << 20)
#define TABLE_INITIAL 1024

struct tnode {
	uintptr_t fn;
	struct tnode *parent;
	struct tnode *cache; /* the child entered last from here */
	uint64_t calls;
	uint64_t ticks;
	uint32_t id;
};

/* An open call.  The low bit of node marks a call that was already open when
 * the process forked: the child adds its time but does not count it again. */
struct frame {
	uintptr_t node;
	uint64_t t0;
};
#define FRAME_INHERITED 1u

struct slot {
	struct tnode *parent;
	uintptr_t fn;
	struct tnode *node;
};

struct thread {
	/* used by every hook */
	struct frame *sp; /* next free frame */
	struct frame *limit;
	struct tnode *cur; /* node of the top frame */
	uint64_t overflow; /* frames open beyond the stack, not recorded */

	struct frame *stack; /* stack[0] is a sentinel for the root */
	uint32_t nnodes;     /* nodes created; read by writers with acquire */
	uint32_t busy;       /* creating a node */
	struct slot *table;
	uint32_t table_mask;
	uint32_t table_used;
	uint64_t lost;         /* calls dropped */
	struct tnode lost_node; /* stands for a call that could not be recorded */
	int tid;
	uint32_t index;
	char name[16];
	struct thread *next;
	struct tnode *chunks[MAX_CHUNKS];
};

static __thread struct thread *cur_thread __attribute__((tls_model("initial-exec")));
static __thread int thread_starting __attribute__((tls_model("initial-exec")));
static struct thread *threads;     /* every thread seen, newest first */
static uint32_t thread_count;
static int trace_on;

static void *map_zero(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static inline struct tnode *frame_node(const struct frame *f)
{
	return (struct tnode *)(f->node & ~(uintptr_t)FRAME_INHERITED);
}

static inline uint32_t slot_hash(const struct tnode *parent, uintptr_t fn)
{
	uint64_t h = ((uintptr_t)parent >> 4) * 0x9e3779b97f4a7c15ull ^ fn * 0xc2b2ae3d27d4eb4full;

	return (uint32_t)(h >> 29);
}

static struct slot *table_find(struct slot *table, uint32_t mask, const struct tnode *parent, uintptr_t fn)
{
	uint32_t i = slot_hash(parent, fn) & mask;

	while (table[i].node && (table[i].parent != parent || table[i].fn != fn))
		i = (i + 1) & mask;
	return &table[i];
}

static int table_grow(struct thread *t)
{
	uint32_t size = (t->table_mask + 1) * 2;
	struct slot *table = map_zero(size * sizeof *table);

	if (!table)
		return -ENOMEM;
	for (uint32_t i = 0; i <= t->table_mask; i++) {
		struct slot *s = &t->table[i];
		if (s->node)
			*table_find(table, size - 1, s->parent, s->fn) = *s;
	}
	munmap(t->table, (t->table_mask + 1) * sizeof *t->table);
	t->table = table;
	t->table_mask = size - 1;
	return 0;
}

/* Creates node id t->nnodes; NULL when out of memory or ids. */
static struct tnode *node_new(struct thread *t, struct tnode *parent, uintptr_t fn)
{
	uint32_t id = t->nnodes;
	uint32_t chunk = id >> CHUNK_SHIFT;
	struct tnode *n;

	if (chunk >= MAX_CHUNKS)
		return NULL;
	if (!t->chunks[chunk] && !(t->chunks[chunk] = map_zero(CHUNK_NODES * sizeof *n)))
		return NULL;
	n = &t->chunks[chunk][id & (CHUNK_NODES - 1)];
	n->fn = fn;
	n->parent = parent;
	n->id = id;
	__atomic_store_n(&t->nnodes, id + 1, __ATOMIC_RELEASE);
	return n;
}

static struct tnode *node_child(struct thread *t, struct tnode *parent, uintptr_t fn)
{
	struct slot *s = table_find(t->table, t->table_mask, parent, fn);
	struct tnode *n;

	if (s->node)
		return s->node;
	if ((t->table_used + 1) * 2 > t->table_mask + 1) {
		if (table_grow(t) < 0)
			return NULL;
		s = table_find(t->table, t->table_mask, parent, fn);
	}
	if (!(n = node_new(t, parent, fn)))
		return NULL;
	s->parent = parent;
	s->fn = fn;
	s->node = n;
	t->table_used++;
	return n;
}

/* Sets up the tree of a thread: root node, empty stack. */
static int tree_init(struct thread *t)
{
	t->table = map_zero(TABLE_INITIAL * sizeof *t->table);
	if (!t->table)
		return -ENOMEM;
	t->table_mask = TABLE_INITIAL - 1;
	t->table_used = 0;
	t->nnodes = 0;
	memset(t->chunks, 0, sizeof t->chunks);
	t->cur = node_new(t, NULL, 0);
	if (!t->cur)
		return -ENOMEM;
	t->stack[0].node = (uintptr_t)t->cur;
	t->sp = t->stack + 1;
	return 0;
}

static void tree_free(struct thread *t, struct slot *table, uint32_t mask, struct tnode **chunks)
{
	munmap(table, (mask + 1) * sizeof *table);
	for (int i = 0; i < MAX_CHUNKS && chunks[i]; i++)
		munmap(chunks[i], CHUNK_NODES * sizeof(struct tnode));
}

static struct thread *thread_start(void)
{
	struct thread *t;

	if (!__atomic_load_n(&trace_on, __ATOMIC_ACQUIRE) || thread_starting)
		return NULL;
	thread_starting = 1;
	t = map_zero(sizeof *t);
	if (!t)
		goto fail;
	t->stack = map_zero(STACK_FRAMES * sizeof *t->stack);
	if (!t->stack || tree_init(t) < 0)
		goto fail;
	t->limit = t->stack + STACK_FRAMES;
	t->tid = (int)syscall(SYS_gettid);
	prctl(PR_GET_NAME, t->name);
	t->index = __atomic_fetch_add(&thread_count, 1, __ATOMIC_RELAXED);
	t->next = __atomic_load_n(&threads, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&threads, &t->next, t, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		;
	cur_thread = t;
	thread_starting = 0;
	return t;
fail:
	log_warn("out of memory for a thread's profile: its calls are not recorded");
	thread_starting = 0;
	return NULL;
}

static void frame_push(struct thread *t, struct tnode *n)
{
	struct frame *f = t->sp;

	f->node = (uintptr_t)n;
	t->sp = f + 1;
	if (n != &t->lost_node)
		t->cur = n;
	f->t0 = clock_ticks();
}

static void __attribute__((noinline)) enter_slow(struct thread *t, uintptr_t fn)
{
	struct tnode *p = t->cur, *n = NULL;

	if (t->sp == t->limit) {
		t->overflow++;
		return;
	}
	if (!t->busy) {
		t->busy = 1;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		n = node_child(t, p, fn);
		if (n)
			p->cache = n;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		t->busy = 0;
	}
	if (!n) {
		t->lost++;
		n = &t->lost_node;
	}
	frame_push(t, n);
}

/* Closes the top frame at `now`. */
static void frame_pop(struct thread *t, uint64_t now)
{
	struct frame *f = t->sp - 1;
	struct tnode *n = frame_node(f);

	t->sp = f;
	if (n == &t->lost_node)
		return;
	n->ticks += now - f->t0;
	n->calls += !(f->node & FRAME_INHERITED);
	t->cur = n->parent;
}

static void __attribute__((noinline)) exit_slow(struct thread *t, uintptr_t fn, uint64_t now)
{
	struct frame *f;

	if (t->overflow) {
		t->overflow--;
		return;
	}
	if (frame_node(t->sp - 1) == &t->lost_node) {
		t->sp--;
		return;
	}
	/* A longjmp (or an exit for a call entered before tracing began):
	 * close the frames above the one that returns, if it is open at all. */
	for (f = t->sp - 1; f > t->stack; f--)
		if (frame_node(f)->fn == fn)
			break;
	if (f == t->stack)
		return;
	while (t->sp > f)
		frame_pop(t, now);
}

CPROF_EXPORT void __cyg_profile_func_enter(void *fn, void *site)
{
	struct thread *t = cur_thread;
	struct tnode *n;

	if (unlikely(!t) && !(t = thread_start()))
		return;
	n = t->cur->cache;
	if (unlikely(!n || n->fn != (uintptr_t)fn || t->sp == t->limit)) {
		enter_slow(t, (uintptr_t)fn);
		return;
	}
	struct frame *f = t->sp;
	f->node = (uintptr_t)n;
	t->sp = f + 1;
	t->cur = n;
	f->t0 = clock_ticks();
}

CPROF_EXPORT void __cyg_profile_func_exit(void *fn, void *site)
{
	uint64_t now = clock_ticks();
	struct thread *t = cur_thread;

	if (unlikely(!t))
		return;
	struct frame *f = t->sp - 1;
	struct tnode *n = frame_node(f);
	if (unlikely(n->fn != (uintptr_t)fn || t->overflow)) {
		exit_slow(t, (uintptr_t)fn, now);
		return;
	}
	n->ticks += now - f->t0;
	n->calls += !(f->node & FRAME_INHERITED);
	t->sp = f;
	t->cur = n->parent;
}

void trace_enable(void)
{
	__atomic_store_n(&trace_on, 1, __ATOMIC_RELEASE);
}

static void thread_free(struct thread *t)
{
	tree_free(t, t->table, t->table_mask, t->chunks);
	munmap(t->stack, STACK_FRAMES * sizeof *t->stack);
	munmap(t, sizeof *t);
}

/* In the child after fork: the other threads are gone, and what this thread
 * did before the fork is the parent's to report.  Start a new tree holding
 * only the calls still open, marked as inherited. */
void trace_fork_child(uint64_t now)
{
	struct thread *self = cur_thread, *t, *next;

	for (t = threads; t; t = next) {
		next = t->next;
		if (t != self)
			thread_free(t);
	}
	threads = self;
	thread_count = self ? 1 : 0;
	if (!self)
		return;
	self->next = NULL;
	self->index = 0;
	self->tid = (int)syscall(SYS_gettid);
	self->lost = 0;

	struct slot *old_table = self->table;
	uint32_t old_mask = self->table_mask;
	struct tnode *old_chunks[MAX_CHUNKS];
	struct frame *top = self->sp;

	memcpy(old_chunks, self->chunks, sizeof old_chunks);
	if (tree_init(self) < 0) {
		/* keep the old tree rather than lose the stack */
		log_warn("out of memory after fork: the child's profile repeats its parent's");
		return;
	}
	for (struct frame *f = self->stack + 1; f < top; f++) {
		struct tnode *n = frame_node(f);
		if (n != &self->lost_node) {
			n = node_child(self, self->cur, n->fn);
			if (!n)
				n = &self->lost_node;
		}
		f->node = (uintptr_t)n | (n != &self->lost_node ? FRAME_INHERITED : 0);
		f->t0 = now;
		if (n != &self->lost_node)
			self->cur = n;
	}
	self->sp = top;
	tree_free(self, old_table, old_mask, old_chunks);
}

static void thread_name(const struct thread *t, char name[16])
{
	char path[64];
	int fd;
	ssize_t n = -1;

	memcpy(name, t->name, 16);
	fmt_format(path, sizeof path, "/proc/self/task/%d/comm", t->tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, path, 15);
		close(fd);
	}
	if (n > 0) {
		if (path[n - 1] == '\n')
			n--;
		memset(name, 0, 16);
		memcpy(name, path, (size_t)n);
	}
}

/* Writes one thread's tree.  Calls still open count as completed at `now`,
 * as cProfile counts them when it is disabled. */
static void thread_write(struct rawbuf *b, struct thread *t, uint64_t now)
{
	struct cprof_rec_thread rec = {0};
	uint32_t nnodes = __atomic_load_n(&t->nnodes, __ATOMIC_ACQUIRE);
	struct frame *open = t->stack + 1, *top = t->sp;
	enum { RUN = 4096 };

	rec.index = t->index;
	rec.tid = t->tid;
	rec.nodes = nnodes;
	rec.events_lost = t->lost;
	thread_name(t, rec.name);
	rawbuf_begin(b, CPROF_REC_THREAD, sizeof rec);
	rawbuf_put(b, &rec, sizeof rec);
	rawbuf_end(b, sizeof rec);

	for (uint32_t first = 0; first < nnodes; first += RUN) {
		uint32_t count = nnodes - first < RUN ? nnodes - first : RUN;
		struct cprof_rec_nodes head = {.thread = t->index, .first = first, .count = count};
		uint32_t size = sizeof head + count * (uint32_t)sizeof(struct cprof_node);

		rawbuf_begin(b, CPROF_REC_NODES, size);
		rawbuf_put(b, &head, sizeof head);
		for (uint32_t id = first; id < first + count; id++) {
			const struct tnode *n = &t->chunks[id >> CHUNK_SHIFT][id & (CHUNK_NODES - 1)];
			struct cprof_node out = {
				.func = n->fn,
				.parent = n->parent ? n->parent->id : 0,
				.calls = n->calls,
				.ticks = n->ticks,
			};
			/* open frames have ascending ids: a path from the root */
			while (open < top && (frame_node(open) == &t->lost_node || frame_node(open)->id < id))
				open++;
			if (open < top && frame_node(open)->id == id) {
				out.calls += !(open->node & FRAME_INHERITED);
				out.ticks += now - open->t0;
			}
			rawbuf_put(b, &out, sizeof out);
		}
		rawbuf_end(b, size);
	}
}

/* May run in a signal handler, while other threads go on tracing. */
int trace_write_threads(struct rawbuf *b, uint64_t now, uint64_t *lost)
{
	struct thread *list = __atomic_load_n(&threads, __ATOMIC_ACQUIRE);
	struct thread *t;
	uint32_t n = 0;

	*lost = 0;
	for (t = list; t; t = t->next)
		n++;
	/* oldest first, so thread indexes ascend; the list is short */
	for (uint32_t i = n; i > 0; i--) {
		uint32_t k = 1;
		for (t = list; k < i; t = t->next)
			k++;
		thread_write(b, t, now);
		*lost += t->lost + t->overflow;
	}
	return b->error ? -b->error : 0;
}
