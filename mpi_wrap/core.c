/* core.c: the bookkeeping behind the generated wrappers of an MPI ABI,
 * in libcprof-mpi-<abi>.so, which libcprof-mpi.so loads into a process
 * that has loaded an MPI library of that ABI (front.c, docs/MPI.md).
 *
 * Each MPI call goes into the thread's call tree as a function of its own
 * ({MPI_Send}), through the runtime's API (cprof-api.h), and into a table
 * of (MPI function, call site) -> calls, ticks, min, max, bytes sent and
 * received.  The call site is the innermost traced call that is not C's (the
 * Python function under mpi4py, a traced native function), else the return
 * address into the caller.  The runtime's writer asks for the table (the MPI
 * record) whenever it writes the profile: at exit, at a fatal signal, in
 * MPI_Abort before the abort, which may kill every rank, and in
 * MPI_Finalize for the node file (gather.c).
 *
 * Nothing here refers to libmpi's symbols at load time (mpi4py loads
 * libmpi RTLD_LOCAL, where they cannot be bound): the PMPI functions, and
 * what an ABI's mpi.h names by a symbol of libmpi (abi-<abi>.c), are looked
 * up when they are needed.
 *
 * The table is fixed-size and lock-free.  Its counters are plain unless MPI
 * runs with MPI_THREAD_MULTIPLE, when they are atomic: cheaper calls where
 * only one thread calls MPI at a time.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "cprof-api.h"
#include "cprof-format.h"
#include "cprof-hash.h"
#include "lookup.h"

/* What the profile's MPI record takes as the same in every ABI */
_Static_assert(MPI_THREAD_SINGLE == 0 && MPI_THREAD_FUNNELED == 1 && MPI_THREAD_SERIALIZED == 2 &&
		       MPI_THREAD_MULTIPLE == 3,
	       "the thread levels are not cprof-format.h's");

#define SITES CPROF_MPI_SITES

static struct {
	cprof_named_c_fn *named_c;
	cprof_put_record_fn *put_record;
	cprof_write_now_fn *write_now;
	cprof_ticks_fn *ticks;
} api;

struct site {
	struct cprof_mpi_site s;
	uint32_t state; /* 0 free, 1 being claimed, 2 in use */
};

static struct site sites[SITES];
static struct cprof_mpi_site out[SITES]; /* the writer's copy */
uint64_t mpi_ids[256];                   /* each function's id in the call trees */
cprof_exit_fn *mpi_exit;
cprof_enter_fn *mpi_enter;               /* set last: the wrappers time their calls */
static int atomic_counts;                /* MPI_THREAD_MULTIPLE */
static struct cprof_rec_mpi record = {.rank = -1, .size = -1};
static uint64_t lost_sites; /* calls not kept: the table was full */

static int (*type_size)(MPI_Datatype, int *);
static int (*type_get_envelope)(MPI_Datatype, int *, int *, int *, int *);
static int (*get_count)(const MPI_Status *, MPI_Datatype, int *);

/* Each thread's sizes of the datatypes it counted bytes of, by handle
 * (direct-mapped: TYPE_BITS bits of a hash).  Only a predefined type's size
 * is kept: its handle is never freed nor given to another type, while a
 * derived type's is given to a new one once MPI_Type_free has freed it.  A
 * derived type's handle is kept marked SIZE_ASK, its size asked each time:
 * whatever type gets that handle next is a derived one too.  Per thread:
 * no locks; 128 bytes of initial-exec TLS at most. */
#define TYPE_BITS 3
#define SIZE_ASK (-1) /* a derived type's handle, or an empty entry */

static __thread struct {
	MPI_Datatype type;
	int size;
} type_sizes[1 << TYPE_BITS] __attribute__((tls_model("initial-exec"))) = {
	[0 ...(1 << TYPE_BITS) - 1] = {.size = SIZE_ASK},
};

/* Set while a Fortran wrapper of this thread calls its MPI's binding, which
 * may call the C function (MPICH's do): the C wrapper passes the call on
 * untimed.  Four bytes of initial-exec TLS, which a dlopen'd library may
 * have (glibc keeps room for a few hundred). */
__thread int mpi_in_fortran __attribute__((tls_model("initial-exec")));

/* The program's MPI function `name`, wherever its MPI library was loaded.
 * NULL, said once, if nowhere: the wrapper then returns MPI_ERR_INTERN, as
 * an MPI would (never abort a rank: the whole job would hang). */
void *mpi_real(const char *name)
{
	static int said;
	void *found = lookup_symbol(name);

	if (!found && !__atomic_exchange_n(&said, 1, __ATOMIC_RELAXED))
		fprintf(stderr, "cprof-mpi: the program's MPI library has no %s: its calls fail with MPI_ERR_INTERN\n",
			name);
	return found;
}

/* A function's id in the call trees, asked of the runtime at its first
 * call and kept in mpi_ids: each call finds it with one load. */
uint64_t mpi_func_named(int func)
{
	char name[64];
	uint64_t id;

	/* two threads may name it at once: the same name twice merges */
	snprintf(name, sizeof name, "<%s>", mpi_names[func]);
	id = api.named_c(name);
	__atomic_store_n(&mpi_ids[func], id, __ATOMIC_RELAXED);
	return id;
}

/* The last site of each function: most calls come from where the
 * previous one did.  Shared by the threads (a site never changes once
 * claimed): per-thread, it would be 2 KiB of TLS, more than a dlopen'd
 * library can count on. */
static struct site *last_site[256];

/* The site of call c in the table, claimed if new, and made its
 * function's last; NULL if the table is full. */
static struct site *__attribute__((noinline)) site_find(const struct mpi_call *c)
{
	uint64_t fid = c->id, where = c->site;
	int func = c->func;
	size_t h = (size_t)((where ^ ((uint64_t)func << 48)) * CPROF_HASH_GOLDEN >> 40);

	for (size_t probe = 0; probe < 64; probe++, h++) {
		struct site *s = &sites[h & (SITES - 1)];
		uint32_t state = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE), free_state = 0;
		if (state == 2 && s->s.site == where && s->s.func == fid) {
			__atomic_store_n(&last_site[func], s, __ATOMIC_RELEASE);
			return s;
		}
		if (state == 0 && __atomic_compare_exchange_n(&s->state, &free_state, 1, 0, __ATOMIC_ACQ_REL,
							       __ATOMIC_RELAXED)) {
			s->s.func = fid;
			s->s.site = where;
			s->s.min_ticks = UINT64_MAX;
			__atomic_store_n(&s->state, 2, __ATOMIC_RELEASE);
			__atomic_store_n(&last_site[func], s, __ATOMIC_RELEASE);
			return s;
		}
	}
	return NULL;
}

static void update_min(uint64_t *at, uint64_t v)
{
	uint64_t seen = __atomic_load_n(at, __ATOMIC_RELAXED);

	while (v < seen && !__atomic_compare_exchange_n(at, &seen, v, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

static void update_max(uint64_t *at, uint64_t v)
{
	uint64_t seen = __atomic_load_n(at, __ATOMIC_RELAXED);

	while (v > seen && !__atomic_compare_exchange_n(at, &seen, v, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

/* A call's counts, under MPI_THREAD_MULTIPLE. */
static void count_atomic(struct site *s, uint64_t dt, uint64_t sent, uint64_t received)
{
	__atomic_add_fetch(&s->s.calls, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&s->s.ticks, dt, __ATOMIC_RELAXED);
	__atomic_add_fetch(&s->s.bytes_sent, sent, __ATOMIC_RELAXED);
	__atomic_add_fetch(&s->s.bytes_received, received, __ATOMIC_RELAXED);
	update_min(&s->s.min_ticks, dt);
	update_max(&s->s.max_ticks, dt);
}

/* A call's counts, where only one thread calls MPI at a time. */
static inline void count_plain(struct site *s, uint64_t dt, uint64_t sent, uint64_t received)
{
	s->s.calls++;
	s->s.ticks += dt;
	s->s.bytes_sent += sent;
	s->s.bytes_received += received;
	if (dt < s->s.min_ticks)
		s->s.min_ticks = dt;
	if (dt > s->s.max_ticks)
		s->s.max_ticks = dt;
}

/* mpi_count's way when the call's site is not the function's last (s
 * NULL), or the counts are atomic. */
static void __attribute__((noinline)) count_slow(const struct mpi_call *c, uint64_t dt, uint64_t sent,
						 uint64_t received, struct site *s)
{
	if (!s && !(s = site_find(c)))
		__atomic_add_fetch(&lost_sites, 1, __ATOMIC_RELAXED);
	else if (atomic_counts)
		count_atomic(s, dt, sent, received);
	else
		count_plain(s, dt, sent, received);
}

/* Its fast path a leaf with no stack frame: the site the function's last
 * call had, the plain counts. */
void mpi_count(const struct mpi_call *c, uint64_t dt, uint64_t sent, uint64_t received)
{
	struct site *s = __atomic_load_n(&last_site[c->func], __ATOMIC_ACQUIRE);

	if (__builtin_expect(s && s->s.site != c->site, 0))
		s = NULL;
	if (__builtin_expect(!s || atomic_counts, 0)) {
		count_slow(c, dt, sent, received, s);
		return;
	}
	count_plain(s, dt, sent, received);
}

/* Bytes in count elements of type, its size asked of MPI and kept in
 * type_sizes[slot] if the type is predefined. */
static uint64_t __attribute__((noinline)) bytes_asked(int count, MPI_Datatype type, unsigned slot)
{
	int size, ints, addresses, types, combiner;

	if (!type_size || type_size(type, &size) != MPI_SUCCESS || size < 0)
		return 0;
	if (type_sizes[slot].type != type) {
		int named = type_get_envelope &&
			    type_get_envelope(type, &ints, &addresses, &types, &combiner) == MPI_SUCCESS &&
			    combiner == MPI_COMBINER_NAMED;
		type_sizes[slot].type = type;
		type_sizes[slot].size = named ? size : SIZE_ASK;
	}
	return (uint64_t)count * (uint64_t)size;
}

uint64_t mpi_bytes(int count, MPI_Datatype type)
{
	unsigned slot = (unsigned)((uint64_t)(uintptr_t)type * CPROF_HASH_GOLDEN >> (64 - TYPE_BITS));

	if (count <= 0)
		return 0;
	if (type_sizes[slot].type == type && type_sizes[slot].size != SIZE_ASK)
		return (uint64_t)count * (uint64_t)type_sizes[slot].size;
	return bytes_asked(count, type, slot);
}

uint64_t mpi_bytes_status(int count, MPI_Datatype type, const MPI_Status *status)
{
	int got;

	if (status != MPI_STATUS_IGNORE && get_count && get_count(status, type, &got) == MPI_SUCCESS &&
	    got != MPI_UNDEFINED && got >= 0 && got <= count)
		count = got;
	return mpi_bytes(count, type);
}

uint64_t mpi_bytes_f(const void *count, const void *type)
{
	MPI_Datatype t;

	return mpi_type_f2c(*(const MPI_Fint *)type, &t) == 0 ? mpi_bytes(*(const MPI_Fint *)count, t) : 0;
}

static void started(int level)
{
	int (*comm_rank)(MPI_Comm, int *) = mpi_real("PMPI_Comm_rank");
	int (*comm_size)(MPI_Comm, int *) = mpi_real("PMPI_Comm_size");
	MPI_Comm world;

	if (mpi_comm_world(&world) == 0 && comm_rank && comm_size) {
		comm_rank(world, &record.rank);
		comm_size(world, &record.size);
	}
	record.thread_level = (uint32_t)level;
	atomic_counts = level == MPI_THREAD_MULTIPLE;
	*(void **)&type_size = mpi_real("PMPI_Type_size");
	*(void **)&type_get_envelope = mpi_real("PMPI_Type_get_envelope");
	*(void **)&get_count = mpi_real("PMPI_Get_count");
	if (api.ticks) {
		record.init_ticks = api.ticks();
		mpi_gather_prepare();
	}
}

void mpi_after_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	started(MPI_THREAD_SINGLE);
}

void mpi_after_init_thread(int *argc, char ***argv, int required, int *provided)
{
	(void)argc;
	(void)argv;
	started(provided ? *provided : required);
}

/* MPI_Finalize's call while the profile is written for the node file: it
 * is counted, as the call trees count a call still open, as one ending
 * then. */
static const struct mpi_call *finalizing;

void mpi_during_finalize(const struct mpi_call *c)
{
	if (!api.ticks)
		return;
	record.finalize_ticks = api.ticks();
	finalizing = c;
	mpi_gather_profiles();
	finalizing = NULL;
}

/* MPI_Abort may kill every rank, this one first: its data is written now. */
void mpi_before_abort(MPI_Comm comm, int errorcode)
{
	(void)comm;
	if (api.write_now)
		api.write_now(CPROF_END_MPI_ABORT, errorcode);
}

void mpi_before_abort_f(void *comm, void *errorcode, void *ierr)
{
	(void)comm;
	(void)ierr;
	if (api.write_now)
		api.write_now(CPROF_END_MPI_ABORT, *(const MPI_Fint *)errorcode);
}

/* The spec's index of an MPI function, -1 if it is not there. */
static int func_index(const char *name)
{
	for (int i = 0; i < mpi_nfuncs; i++)
		if (strcmp(mpi_names[i], name) == 0)
			return i;
	return -1;
}

/* Fortran's MPI_INIT and MPI_INIT_THREAD, which have no C twin to
 * generate them from. */
void f_mpi_init(MPI_Fint *ierr)
{
	static void (*real)(MPI_Fint *);
	struct mpi_call c;
	int func = func_index("MPI_Init"), timed;

	if (!real && !(*(void **)&real = mpi_real("pmpi_init_"))) {
		*ierr = MPI_ERR_INTERN;
		return;
	}
	timed = mpi_timing() && func >= 0;
	if (timed)
		mpi_begin(&c, func, __builtin_return_address(0));
	mpi_in_fortran++;
	real(ierr);
	mpi_in_fortran--;
	if (*ierr == MPI_SUCCESS)
		started(MPI_THREAD_SINGLE);
	if (timed)
		mpi_end(&c, 0, 0);
}

void f_mpi_init_thread(MPI_Fint *required, MPI_Fint *provided, MPI_Fint *ierr)
{
	static void (*real)(MPI_Fint *, MPI_Fint *, MPI_Fint *);
	struct mpi_call c;
	int func = func_index("MPI_Init_thread"), timed;

	if (!real && !(*(void **)&real = mpi_real("pmpi_init_thread_"))) {
		*ierr = MPI_ERR_INTERN;
		return;
	}
	timed = mpi_timing() && func >= 0;
	if (timed)
		mpi_begin(&c, func, __builtin_return_address(0));
	mpi_in_fortran++;
	real(required, provided, ierr);
	mpi_in_fortran--;
	if (*ierr == MPI_SUCCESS)
		started(*provided);
	if (timed)
		mpi_end(&c, 0, 0);
}

/* Adds the call c, open until now, to the writer's copy of n sites. */
static uint32_t add_open_call(const struct mpi_call *c, uint32_t n)
{
	uint64_t fid = c->id, dt = api.ticks() - c->t0;
	struct cprof_mpi_site *s = NULL;

	for (uint32_t i = 0; i < n && !s; i++)
		if (out[i].func == fid && out[i].site == c->site)
			s = &out[i];
	if (!s) {
		if (n == SITES)
			return n;
		s = &out[n++];
		*s = (struct cprof_mpi_site){.func = fid, .site = c->site, .min_ticks = UINT64_MAX};
	}
	s->calls++;
	s->ticks += dt;
	if (dt < s->min_ticks)
		s->min_ticks = dt;
	if (dt > s->max_ticks)
		s->max_ticks = dt;
	return n;
}

/* The MPI record; the runtime's writer calls this, maybe in a signal
 * handler: it copies what is in the table, no more. */
static void write_record(void *writer)
{
	uint32_t n = 0;

	for (size_t i = 0; i < SITES; i++)
		if (__atomic_load_n(&sites[i].state, __ATOMIC_ACQUIRE) == 2 && sites[i].s.calls)
			out[n++] = sites[i].s;
	if (finalizing)
		n = add_open_call(finalizing, n);
	record.nsites = n;
	record.calls_lost = __atomic_load_n(&lost_sites, __ATOMIC_RELAXED);
	api.put_record(writer, CPROF_REC_MPI, &record, sizeof record, out, n * (uint32_t)sizeof *out);
}

__attribute__((constructor)) static void core_init(void)
{
	cprof_add_writer_fn *add_writer = (cprof_add_writer_fn *)dlsym(RTLD_DEFAULT, "cprof_add_writer");
	cprof_enter_fn *enter;

	*(void **)&api.named_c = dlsym(RTLD_DEFAULT, "cprof_named_c");
	*(void **)&api.put_record = dlsym(RTLD_DEFAULT, "cprof_put_record");
	*(void **)&api.write_now = dlsym(RTLD_DEFAULT, "cprof_write_now");
	*(void **)&api.ticks = dlsym(RTLD_DEFAULT, "cprof_ticks");
	*(void **)&mpi_exit = dlsym(RTLD_DEFAULT, "cprof_exit");
	enter = (cprof_enter_fn *)dlsym(RTLD_DEFAULT, "cprof_enter_from");
	if (!add_writer || !api.named_c || !api.put_record || !api.write_now || !api.ticks || !mpi_exit || !enter ||
	    add_writer(write_record) < 0)
		return; /* not under cprof: the wrappers only pass calls on */
	mpi_enter = enter;
}
