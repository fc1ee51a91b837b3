/* pysample.c: with --mode=sample, a Python thread's calls read from the
 * interpreter's own structures at each sample, in the sampler's signal
 * handler, with no profile function: where pylayout.h says this version
 * keeps its frames (docs/PYTHON.md).  A read that meets memory no longer
 * there (a frame being torn down) gives the sample up, not the program
 * (python_probe_fault).  What of the calls is the program's is pyprogram.c's
 * to say. */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cprof-format.h"
#include "cprof-hash.h"
#include "pylayout.h"
#include "python-int.h"
#include "runtime-int.h"

static const struct py_layout *layout; /* NULL: not sampling Python */
static void *code_type;
static void *(*this_thread_state)(void); /* PyGILState_GetThisThreadState */
static __thread sigjmp_buf *probing __attribute__((tls_model("initial-exec")));

/* Called by the fault handler: a read of the interpreter's structures hit
 * memory that was not there (a frame being torn down), and the sample is
 * given up instead of the program. */
void python_probe_fault(void)
{
	sigjmp_buf *env = probing;

	if (env) {
		sigset_t faults;
		probing = NULL;
		sigemptyset(&faults);
		sigaddset(&faults, SIGSEGV);
		sigaddset(&faults, SIGBUS);
		syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &faults, NULL, _NSIG / 8);
		siglongjmp(*env, 1);
	}
}

static inline uintptr_t peek(uintptr_t base, int off)
{
	return *(const volatile uintptr_t *)(base + (uintptr_t)off);
}

/* A str's UTF-8, if it has it at hand: compact ASCII, or compact with its
 * UTF-8 cached. */
static const char *str_utf8(uintptr_t s)
{
	uint32_t state = *(const volatile uint32_t *)(s + 32);

	if (!(state & (1u << 5))) /* not compact */
		return NULL;
	if (state & (1u << 6))    /* ascii */
		return (const char *)(s + (uintptr_t)layout->str_header);
	return (const char *)peek(s, layout->str_header + 8); /* utf8, after utf8_length */
}

/* The id of a code object met in a sample, named from its fields the first
 * time.  The table is fixed-size and lock-free; a code object freed and
 * another made at its address is told apart by its name and line. */
#define SAMPLED_SLOTS (1u << 18)
struct sampled_code {
	uintptr_t code, filename, name;
	uint32_t line;
	uint32_t id1; /* id + 1, 0 while being named */
};
static struct sampled_code *sampled;

static uint64_t sampled_id(uintptr_t code)
{
	uintptr_t filename = peek(code, layout->co_filename), name = peek(code, layout->co_name);
	uint32_t line = *(const volatile uint32_t *)(code + (uintptr_t)layout->co_firstlineno);
	size_t h = (code >> 4) * CPROF_HASH_GOLDEN >> 40;

	for (size_t probes = 0; probes < 64; probes++, h++) {
		struct sampled_code *s = &sampled[h & (SAMPLED_SLOTS - 1)];
		uintptr_t seen = __atomic_load_n(&s->code, __ATOMIC_ACQUIRE);
		if (!seen && __atomic_compare_exchange_n(&s->code, &seen, code, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
			uint64_t id = named_add(str_utf8(filename), line, str_utf8(name), 0);
			s->filename = filename;
			s->name = name;
			s->line = line;
			__atomic_store_n(&s->id1, id ? (uint32_t)(id & CPROF_NAMED_INDEX) + 1 : 0, __ATOMIC_RELEASE);
			return id;
		}
		if (seen == code) {
			uint32_t id1 = __atomic_load_n(&s->id1, __ATOMIC_ACQUIRE);
			if (!id1)
				return 0; /* another thread is naming it */
			if (s->filename == filename && s->name == name && s->line == line)
				return CPROF_NAMED_BIT | (id1 - 1);
		}
	}
	return 0;
}

/* The frames a walk may visit to keep `max`: beside each call of the
 * program, an entry frame of C where C called Python again, and frames of
 * no code. */
#define PY_WALK_STEPS(max) (3 * (max) + 16)

/* The calling thread's Python calls, innermost first, as ids into out;
 * 0 if it has none, -1 if they are too many or could not be read.  Runs in
 * the sampler's signal handler. */
int python_sample_stack(uint64_t *out, int max)
{
	sigjmp_buf env;
	uintptr_t ts, f;
	int n = 0, steps = 0;

	if (!layout || !(ts = (uintptr_t)this_thread_state()))
		return 0;
	if (sigsetjmp(env, 0))
		return -1;
	probing = &env;
	f = peek(ts, layout->tstate_frame);
	if (f && layout->cframe_current >= 0)
		f = peek(f, layout->cframe_current);
	for (; f; f = peek(f, layout->back)) {
		uintptr_t code;
		uint64_t id;
		if (f & 7)
			break; /* not a frame: being built */
		/* a frame being pushed can point back into the chain (3.12's
		 * entry frame, uninitialised until it is linked): the walk is
		 * bounded by the frames it may visit, not only those it keeps */
		if (++steps > PY_WALK_STEPS(max)) {
			n = -1;
			break;
		}
		if (layout->owner >= 0 && *(const volatile uint8_t *)(f + (uintptr_t)layout->owner) == PY_FRAME_OWNED_BY_CSTACK)
			continue;
		code = peek(f, layout->code);
		if (!code || (code & 7) || ((void *const *)code)[1] != code_type)
			continue;
		if (n == max) {
			n = -1;
			break;
		}
		/* line 0: the interpreter's own shims (3.13's __init__ cleanup) */
		if ((id = sampled_id(code)) && named_line(id))
			out[n++] = id;
	}
	probing = NULL;
	return n > 0 ? python_program_calls(out, n) : n;
}

int python_sampling(void)
{
	return layout != NULL;
}

/* Finds what this version's frames need: 0, -ENOENT if it is not one
 * cprof knows, -ENOMEM. */
int pysample_init(void)
{
	const struct py_layout *l = py_layout_of(python_version);

	*(void **)&this_thread_state = dlsym(RTLD_DEFAULT, "PyGILState_GetThisThreadState");
	code_type = dlsym(RTLD_DEFAULT, "PyCode_Type");
	if (!l || !this_thread_state || !code_type)
		return -ENOENT;
	sampled = mmap(NULL, SAMPLED_SLOTS * sizeof *sampled, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (sampled == MAP_FAILED)
		return -ENOMEM;
	layout = l;
	return 0;
}

/* Python is not sampled after all. */
void pysample_stop(void)
{
	layout = NULL;
}
