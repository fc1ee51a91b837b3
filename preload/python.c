/* python.c: cProfile's view of CPython, taken from inside the interpreter
 * with no change to the program (docs/PYTHON.md).
 *
 * The runtime's constructor runs before the interpreter's main: when the
 * process is a CPython (PySys_AddAuditHook is in its symbols, statically
 * linked or from libpython), it adds an audit hook.  The interpreter raises
 * cpython.run_file, run_module, run_command or run_stdin when it is ready to
 * run the program, in the main thread with the GIL held: the hook installs
 * a C profile function there (in every thread from 3.12, with
 * PyEval_SetProfileAllThreads).  The profile function gets the events
 * cProfile's gets (call, return, c_call, c_return, c_exception) and feeds
 * them to the tracer's call trees (trace.c), as calls of Python function
 * ids; the functions' names, as cProfile forms them, are named.c's (the
 * NAMED record).
 *
 * The main thread stops being profiled when the program's top-level code
 * returns, as cProfile stops: the interpreter's shutdown is not the
 * program's.
 *
 * Only functions the interpreter exports are called, found with dlsym, so
 * that one runtime serves every version from 3.8; the few structure fields
 * read directly (an object's type, a builtin's PyMethodDef, self and
 * module) have had the same place in all of them.
 */
#include "config.h"

#include <dlfcn.h>
#include <link.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cprof-format.h"
#include "fmt.h"
#include "runtime-int.h"
#include "thread.h"
#include "unwind.h"

typedef struct _object PyObject;
typedef int (*tracefunc)(PyObject *, void *, int, PyObject *);
typedef int (*audithook)(const char *, PyObject *, void *);

enum { PY_CALL = 0, PY_RETURN = 3, PY_C_CALL = 4, PY_C_EXCEPTION = 5, PY_C_RETURN = 6 };
#define PY_TPFLAGS_UNICODE_SUBCLASS (1ul << 28)

/* The interpreter's functions. */
static struct {
	int (*AddAuditHook)(audithook, void *);
	void (*SetProfile)(tracefunc, PyObject *);
	void (*SetProfileAllThreads)(tracefunc, PyObject *); /* 3.12+ */
	PyObject *(*FrameGetCode)(void *);                    /* 3.9+ */
	const char *(*GetVersion)(void);
	PyObject *(*GetAttrString)(PyObject *, const char *);
	const char *(*UnicodeAsUTF8)(PyObject *);
	PyObject *(*UnicodeFromString)(const char *);
	long (*LongAsLong)(PyObject *);
	void (*IncRef)(PyObject *);
	void (*DecRef)(PyObject *);
	PyObject *(*Repr)(PyObject *);
	void (*ErrFetch)(PyObject **, PyObject **, PyObject **);
	void (*ErrRestore)(PyObject *, PyObject *, PyObject *);
	unsigned long (*TypeGetFlags)(void *);
	int (*TypeIsSubtype)(void *, void *);
	PyObject *(*TypeLookup)(void *, PyObject *); /* _PyType_Lookup, or NULL */
	PyObject *(*ModuleGetNameObject)(PyObject *);
	PyObject *(*TupleGetItem)(PyObject *, long);
	int (*GILStateCheck)(void);
	void *(*ThreadStateGet)(void);
	void *(*ThreadStateSwap)(void *);
	void *(*MainInterpreter)(void);
	void *(*ThreadHead)(void *);
	int (*SetProfileOf)(void *, tracefunc, PyObject *); /* _PyEval_SetProfile, 3.9+ */
	void *CFunctionType, *ModuleType;
} py;

/* Where code lives, for telling native frames apart in samples. */
static struct code_range interp, libc, ldso, runtime_code; /* the interpreter (executable or
							* libpython), the C library and the
							* dynamic linker, cprof's runtime */

static int version;      /* 0x030b for 3.11 */
static const struct layout *layout; /* where it keeps its frames, with --mode=sample */
static int started;
static struct thread *main_thread;
static void *main_tstate;   /* the main thread's PyThreadState */
static int main_waiting; /* for the program's top-level code to start */
static char main_file[4096]; /* the file of that code ... */
static int main_suffix;      /* ... or the end of its name (python -m) */
static int main_depth;   /* calls open in the main thread since it did */

static int active; /* this process is a CPython, profiled */

/* key (a code object, or a builtin's PyMethodDef) -> id + 1 */
static struct pyslot {
	const void *key;
	uint64_t id;
} *slots;
static size_t nslots, used_slots;

static inline void *type_of(const PyObject *o)
{
	return ((void *const *)o)[1]; /* ob_type, after ob_refcnt */
}

static int is_instance(PyObject *o, void *type)
{
	return type_of(o) == type || py.TypeIsSubtype(type_of(o), type);
}

static int is_str(PyObject *o)
{
	return (py.TypeGetFlags(type_of(o)) & PY_TPFLAGS_UNICODE_SUBCLASS) != 0;
}

static const char *str_of(PyObject *o, char *buf, size_t size)
{
	const char *s = o && is_str(o) ? py.UnicodeAsUTF8(o) : NULL;

	fmt_format(buf, size, "%s", s ? s : "?");
	return buf;
}

static uint64_t add_func(const char *file, long line, const char *name)
{
	return named_add(file, line > 0 ? (uint32_t)line : 0, name, strcmp(file, "~") == 0);
}

/* A code object's name as cProfile keys it: (co_filename, co_firstlineno,
 * co_name).  The code object is kept alive, as cProfile keeps it, so its
 * address names it for the life of the process. */
static uint64_t name_code(PyObject *code)
{
	PyObject *file = py.GetAttrString(code, "co_filename");
	PyObject *line = py.GetAttrString(code, "co_firstlineno");
	PyObject *name = py.GetAttrString(code, "co_name");
	char fbuf[4096], nbuf[1024];
	uint64_t id;

	id = add_func(str_of(file, fbuf, sizeof fbuf), line ? py.LongAsLong(line) : 0, str_of(name, nbuf, sizeof nbuf));
	if (file)
		py.DecRef(file);
	if (line)
		py.DecRef(line);
	if (name)
		py.DecRef(name);
	py.IncRef(code);
	return id;
}

/* A built-in's name as cProfile forms it: "<built-in method time.sleep>",
 * "<method 'append' of 'list' objects>", "<len>"... */
static uint64_t name_builtin(PyObject *fn)
{
	const char *ml_name = **(const char *const *const *)((char *)fn + 16); /* m_ml->ml_name */
	PyObject *self = *(PyObject **)((char *)fn + 24), *module = *(PyObject **)((char *)fn + 32);
	char buf[1024], mbuf[512];
	PyObject *mo, *repr, *nm;

	if (!self) {
		PyObject *modname = NULL;
		if (module && is_str(module)) {
			modname = module;
			py.IncRef(modname);
		} else if (module && is_instance(module, py.ModuleType)) {
			modname = py.ModuleGetNameObject(module);
		}
		str_of(modname, mbuf, sizeof mbuf);
		if (modname && strcmp(mbuf, "builtins") != 0)
			fmt_format(buf, sizeof buf, "<%s.%s>", mbuf, ml_name);
		else
			fmt_format(buf, sizeof buf, "<%s>", ml_name);
		if (modname)
			py.DecRef(modname);
		return add_func("~", 0, buf);
	}
	/* a method: repr(the attribute of the type of self), where there is one */
	nm = py.UnicodeFromString(ml_name);
	mo = nm && py.TypeLookup ? py.TypeLookup(type_of(self), nm) : NULL; /* borrowed */
	if (nm)
		py.DecRef(nm);
	repr = mo ? py.Repr(mo) : NULL;
	if (repr) {
		str_of(repr, buf, sizeof buf);
		py.DecRef(repr);
	} else if (module && is_str(module)) {
		fmt_format(buf, sizeof buf, "<built-in method %s.%s>", str_of(module, mbuf, sizeof mbuf), ml_name);
	} else {
		fmt_format(buf, sizeof buf, "<built-in method %s>", ml_name);
	}
	return add_func("~", 0, buf);
}

static int grow_slots(void)
{
	size_t n = nslots ? nslots * 2 : 4096;
	struct pyslot *s = calloc(n, sizeof *s);

	if (!s)
		return -1;
	for (size_t i = 0; i < nslots; i++) {
		size_t h;
		if (!slots[i].key)
			continue;
		for (h = ((uintptr_t)slots[i].key >> 4) * 0x9e3779b97f4a7c15ull >> 20; s[h & (n - 1)].key; h++)
			;
		s[h & (n - 1)] = slots[i];
	}
	free(slots);
	slots = s;
	nslots = n;
	return 0;
}

/* The id of key, named by name() the first time; under the GIL. */
static uint64_t id_of(const void *key, PyObject *obj, uint64_t (*name)(PyObject *))
{
	size_t h = ((uintptr_t)key >> 4) * 0x9e3779b97f4a7c15ull >> 20;
	struct pyslot *s;
	PyObject *et, *ev, *tb;

	for (;; h++) {
		s = &slots[h & (nslots - 1)];
		if (s->key == key)
			return s->id;
		if (!s->key)
			break;
	}
	/* naming calls into the interpreter: the error being raised, if
	 * any, must survive it */
	py.ErrFetch(&et, &ev, &tb);
	s->id = name(obj);
	py.ErrRestore(et, ev, tb);
	s->key = key;
	if (++used_slots * 2 > nslots && grow_slots() < 0)
		log_warn("out of memory: Python functions named again");
	return s->id;
}

static PyObject *code_of(void *frame)
{
	if (py.FrameGetCode) {
		PyObject *code = py.FrameGetCode(frame); /* a new reference */
		py.DecRef(code);                          /* the frame holds one */
		return code;
	}
	return *(PyObject **)((char *)frame + 32); /* 3.8: f_code, after f_back */
}

/* Is the code `id` the program's top-level code? */
static int is_program(uint64_t id)
{
	const char *file = named_file(id);
	size_t n = strlen(file), k = strlen(main_file);

	if (strcmp(named_name(id), "<module>") != 0)
		return 0;
	if (!main_suffix)
		return strcmp(file, main_file) == 0;
	return n >= k && strcmp(file + n - k, main_file) == 0;
}

/* The main thread is profiled from the call of the program's top-level
 * code (what the interpreter runs before it, finding the file, is not the
 * program's) to its return. */
static int profile(PyObject *obj, void *frame, int what, PyObject *arg)
{
	PyObject *code;
	int main = cur_thread == main_thread;

	(void)obj;
	if (main && main_waiting) {
		if (what != PY_CALL)
			return 0;
		code = code_of(frame);
		if (!is_program(id_of(code, code, name_code)))
			return 0;
		main_waiting = 0;
	}
	switch (what) {
	case PY_CALL:
		code = code_of(frame);
		trace_named_enter(id_of(code, code, name_code));
		main_depth += main;
		break;
	case PY_RETURN:
		/* the interpreter pairs calls and returns: the call on top is
		 * the one returning, if it is a Python function's */
		if (!trace_named_return()) {
			code = code_of(frame);
			trace_named_exit(id_of(code, code, name_code));
		}
		/* the program's top-level code is done: so is cProfile */
		if (main && --main_depth == 0)
			py.SetProfile(NULL, NULL);
		break;
	case PY_C_CALL:
	case PY_C_RETURN:
	case PY_C_EXCEPTION:
		if (!is_instance(arg, py.CFunctionType))
			break;
		if (what == PY_C_CALL)
			trace_named_enter(id_of(*(void **)((char *)arg + 16), arg, name_builtin));
		else
			trace_named_exit(id_of(*(void **)((char *)arg + 16), arg, name_builtin));
		break;
	}
	return 0;
}

/* Where the program's top-level code comes from, by how it is run: the
 * file python runs, "<string>" for -c, "<stdin>", or for -m, a file whose
 * name ends as the module's does (json.tool: /json/tool.py, or
 * /json/tool/__main__.py: the package's __main__ module). */
static int expect_program(const char *event, PyObject *args)
{
	PyObject *arg = py.TupleGetItem(args, 0);
	char what[4096];

	str_of(arg, what, sizeof what);
	main_suffix = 0;
	if (strcmp(event, "cpython.run_file") == 0) {
		fmt_format(main_file, sizeof main_file, "%s", what);
	} else if (strcmp(event, "cpython.run_command") == 0) {
		fmt_format(main_file, sizeof main_file, "<string>");
	} else if (strcmp(event, "cpython.run_stdin") == 0) {
		fmt_format(main_file, sizeof main_file, "<stdin>");
	} else if (strcmp(event, "cpython.run_module") == 0) {
		main_suffix = 1;
		for (char *c = what; *c; c++)
			if (*c == '.')
				*c = '/';
		fmt_format(main_file, sizeof main_file, "/%s.py", what);
	} else {
		return -1;
	}
	return 0;
}

static int audit(const char *event, PyObject *args, void *data)
{
	(void)data;
	if (started || strncmp(event, "cpython.run_", 12) != 0 || expect_program(event, args) < 0)
		return 0;
	started = 1;
	main_thread = thread_self();
	if (layout) /* sampling: the main thread's samples count from now */
		return 0;
	if (!slots && grow_slots() < 0)
		return 0;
	main_tstate = py.ThreadStateGet();
	main_waiting = 1;
	main_depth = 0;
	if (py.SetProfileAllThreads)
		py.SetProfileAllThreads(profile, NULL);
	else
		py.SetProfile(profile, NULL);
	log_info("profiling Python %d.%d from %s", version >> 8, version & 0xff, event);
	return 0;
}

/* --mode=sample: the calls are read from the interpreter's own structures
 * at each sample, in the signal handler, with no profile function.  Where
 * they are, by version (from CPython's headers; release builds):
 *   3.8-3.10  PyThreadState.frame -> PyFrameObject, f_back, f_code
 *   3.11-3.12 PyThreadState.cframe -> _PyCFrame.current_frame ->
 *             _PyInterpreterFrame, previous, f_code, owner
 *   3.13      PyThreadState.current_frame -> _PyInterpreterFrame, previous,
 *             f_executable, owner
 * and in the code object, co_filename, co_name (str) and co_firstlineno. */
struct layout {
	int version;
	int tstate_frame;   /* offset in PyThreadState of the frame, or of the cframe */
	int cframe_current; /* offset in _PyCFrame of current_frame; -1: none */
	int back, code;     /* offsets in a frame of the caller's and the code */
	int owner;          /* offset of the frame's owner byte; -1: none */
	int co_filename, co_name, co_firstlineno;
	int str_header;     /* sizeof(PyASCIIObject): an ASCII string's data */
};
static const struct layout layouts[] = {
	{0x0308, 24, -1, 24, 32, -1, 104, 112, 40, 48},
	{0x0309, 24, -1, 24, 32, -1, 104, 112, 40, 48},
	{0x030a, 24, -1, 24, 32, -1, 104, 112, 40, 48},
	{0x030b, 56, 8, 48, 32, 69, 112, 120, 72, 48},
	{0x030c, 56, 0, 8, 0, 70, 112, 120, 68, 40},
	{0x030d, 72, -1, 8, 0, 70, 112, 120, 68, 40},
};
#define FRAME_OWNED_BY_CSTACK 3 /* 3.12+: an entry frame of C, not Python's */

static int gated; /* the audit hook tells when the program starts */
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
	size_t h = (code >> 4) * 0x9e3779b97f4a7c15ull >> 40;

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
		if (layout->owner >= 0 && *(const volatile uint8_t *)(f + (uintptr_t)layout->owner) == FRAME_OWNED_BY_CSTACK)
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
	/* the main thread runs the program from its top-level code on: what
	 * calls it (runpy's functions, for python -m), and what runs before
	 * or after it, is the interpreter's */
	if (gated && (!started || cur_thread == main_thread))
		while (n > 0 && !is_program(out[n - 1]))
			n--;
	return n;
}

int python_sampling(void)
{
	return layout != NULL;
}

int python_present(void)
{
	return active;
}

/* Async-signal-safe, as the two that follow. */
int python_in_interpreter(uintptr_t pc)
{
	return code_range_has(interp, pc);
}

/* Code of the program's own native libraries (not the C library's, not
 * cprof's): a C extension, numpy, libm... */
int python_in_extension(uintptr_t pc)
{
	return !python_in_interpreter(pc) && !code_range_has(libc, pc) && !code_range_has(ldso, pc) &&
	       !code_range_has(runtime_code, pc);
}

/* Called by pthread_create: when a Python thread starts, the thread that
 * starts it holds the GIL and the newest thread state of the interpreter is
 * the new thread's, not yet running.  It gets the profiler now, so that its
 * first call is seen (threading's own hook, threading.setprofile, would
 * need the module imported, and misses the first call). */
void python_thread_creating(void)
{
	void *ts, *me;

	if (!started || layout || !py.GILStateCheck())
		return;
	ts = py.ThreadHead(py.MainInterpreter());
	me = py.ThreadStateGet();
	if (!ts || ts == me || ts == main_tstate)
		return;
	if (py.SetProfileOf) {
		py.SetProfileOf(ts, profile, NULL);
	} else { /* 3.8: as that thread, for a moment */
		py.ThreadStateSwap(ts);
		py.SetProfile(profile, NULL);
		py.ThreadStateSwap(me);
	}
}

#define FIND(field, name) (*(void **)&py.field = dlsym(RTLD_DEFAULT, name))

static int map_tables(void)
{
	if (named_init() < 0)
		return -1;
	named_set_python((uint32_t)version);
	interp = code_range_of((const void *)py.GetVersion);
	libc = code_range_of((const void *)dlsym(RTLD_DEFAULT, "malloc"));
	ldso = code_range_of((const void *)dlsym(RTLD_DEFAULT, "_dl_find_object"));
	runtime_code = code_range_runtime();
	active = 1;
	return 0;
}

/* --mode=sample: the frames are read at each sample, where this version
 * keeps them. */
static int audit(const char *event, PyObject *args, void *data);

static void init_sampling(int major, int minor)
{
	const struct layout *l = NULL;

	for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
		if (layouts[i].version == version)
			l = &layouts[i];
	*(void **)&this_thread_state = dlsym(RTLD_DEFAULT, "PyGILState_GetThisThreadState");
	code_type = dlsym(RTLD_DEFAULT, "PyCode_Type");
	if (!l || !this_thread_state || !code_type) {
		log_warn("Python %d.%d cannot be sampled: cprof knows where 3.8 to 3.13 keep their frames", major, minor);
		return;
	}
	sampled = mmap(NULL, SAMPLED_SLOTS * sizeof *sampled, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (sampled == MAP_FAILED || map_tables() < 0) {
		log_warn("Python %d.%d is not sampled: out of memory", major, minor);
		return;
	}
	layout = l;
	FIND(TupleGetItem, "PyTuple_GetItem");
	FIND(UnicodeAsUTF8, "PyUnicode_AsUTF8");
	FIND(TypeGetFlags, "PyType_GetFlags");
	gated = py.TupleGetItem && py.UnicodeAsUTF8 && py.TypeGetFlags && py.AddAuditHook(audit, NULL) == 0;
	if (!gated)
		log_warn("Python %d.%d: cannot tell where the program starts: all of it is sampled", major, minor);
}

void python_init(void)
{
	const char *why = NULL;
	int major, minor;

	if (!FIND(AddAuditHook, "PySys_AddAuditHook"))
		return;
	if (!FIND(GetVersion, "Py_GetVersion") || sscanf(py.GetVersion(), "%d.%d", &major, &minor) != 2)
		return;
	version = major << 8 | minor;
	if (!trace_enabled()) {
		init_sampling(major, minor);
		return;
	}
	FIND(SetProfile, "PyEval_SetProfile");
	if (version >= 0x030c)
		FIND(SetProfileAllThreads, "PyEval_SetProfileAllThreads");
	if (version >= 0x0309)
		FIND(FrameGetCode, "PyFrame_GetCode");
	FIND(GetAttrString, "PyObject_GetAttrString");
	FIND(UnicodeAsUTF8, "PyUnicode_AsUTF8");
	FIND(UnicodeFromString, "PyUnicode_FromString");
	FIND(LongAsLong, "PyLong_AsLong");
	FIND(IncRef, "Py_IncRef");
	FIND(DecRef, "Py_DecRef");
	FIND(Repr, "PyObject_Repr");
	FIND(ErrFetch, "PyErr_Fetch");
	FIND(ErrRestore, "PyErr_Restore");
	FIND(TypeGetFlags, "PyType_GetFlags");
	FIND(TypeIsSubtype, "PyType_IsSubtype");
	FIND(TypeLookup, "_PyType_Lookup");
	FIND(ModuleGetNameObject, "PyModule_GetNameObject");
	FIND(TupleGetItem, "PyTuple_GetItem");
	FIND(GILStateCheck, "PyGILState_Check");
	FIND(ThreadStateGet, "PyThreadState_Get");
	FIND(ThreadStateSwap, "PyThreadState_Swap");
	FIND(MainInterpreter, "PyInterpreterState_Main");
	FIND(ThreadHead, "PyInterpreterState_ThreadHead");
	FIND(SetProfileOf, "_PyEval_SetProfile");
	py.CFunctionType = dlsym(RTLD_DEFAULT, "PyCFunction_Type");
	py.ModuleType = dlsym(RTLD_DEFAULT, "PyModule_Type");
	if (!py.SetProfile || (version < 0x0308) || (version >= 0x0309 && !py.FrameGetCode) || !py.GetAttrString ||
	    !py.UnicodeAsUTF8 || !py.UnicodeFromString || !py.LongAsLong || !py.IncRef || !py.DecRef || !py.Repr ||
	    !py.ErrFetch || !py.ErrRestore || !py.TypeGetFlags || !py.TypeIsSubtype || !py.ModuleGetNameObject || !py.TupleGetItem ||
	    !py.GILStateCheck || !py.ThreadStateGet || !py.ThreadStateSwap || !py.MainInterpreter || !py.ThreadHead ||
	    !py.CFunctionType || !py.ModuleType)
		why = "this Python lacks functions cprof needs";
	if (!why && map_tables() < 0)
		why = "out of memory";
	if (why) {
		log_warn("Python %d.%d is not profiled: %s", major, minor, why);
		return;
	}
	if (py.AddAuditHook(audit, NULL) != 0)
		log_warn("Python %d.%d is not profiled: its audit hook was refused", major, minor);
}
