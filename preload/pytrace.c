/* pytrace.c: CPython's calls, traced (docs/PYTHON.md): the events
 * cProfile's profiler gets, as calls in the tracer's trees (trace.h), each
 * function named as cProfile names it (named.c).
 *
 * Two ways in, by version:
 *   3.8-3.11  a C profile function (PyEval_SetProfile), per thread: the
 *             events call, return, c_call, c_return and c_exception;
 *   3.12+     sys.monitoring (PEP 669), for the whole interpreter: C
 *             callables for PY_START, PY_RESUME and PY_THROW (a call),
 *             PY_RETURN, PY_YIELD and PY_UNWIND (a return), CALL (a call,
 *             when the callable is a built-in), C_RETURN and C_RAISE: the
 *             events 3.12's own profile function is made of, less the
 *             frame object it makes for each.  With no tool id free, the
 *             profile function, in every thread.
 *
 * Every event comes under the GIL.  The main thread is traced from the call
 * of the program's top-level code to its return (python.c says which code
 * that is).  A code object is known by its address while it lives: its
 * extra slot (co_extra) has a function called when it dies, which forgets
 * it.  A built-in is known by its PyMethodDef and its name.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "component.h"
#include "cprof-format.h"
#include "cprof-hash.h"
#include "fmt.h"
#include "pylayout.h"
#include "python-int.h"
#include "runtime-int.h"
#include "thread.h"
#include "trace.h"

enum { PY_CALL = 0, PY_RETURN = 3, PY_C_CALL = 4, PY_C_EXCEPTION = 5, PY_C_RETURN = 6 };

static enum { FRAME_API, FRAME_38, FRAME_311 } frame_layout; /* how a frame gives its code */
static int monitoring;       /* sys.monitoring, not a profile function */
static struct thread *main_thread;
static struct thread *gate;  /* the main thread, before and after its program; else NULL */
static int program_ended;
static struct frame *program_frame; /* the main thread's frame of the program */
static ssize_t extra_index = -1;    /* of the code objects' extra slots, ours */
static PyObject *missing;           /* sys.monitoring.MISSING: a call of no argument */

/* Keys -> ids: a code object, while it lives (its extra slot's free
 * function takes it out when it dies; with no slot it is kept alive); a
 * built-in's PyMethodDef, with its name, which tells one made again at the
 * same address.  Open addressing, linear probing. */
static struct pyslot {
	const void *key;
	const void *check;
	uint64_t id;
} *slots;
static size_t nslots, used_slots;

static inline size_t slot_hash(const void *key)
{
	return ((uintptr_t)key >> 4) * CPROF_HASH_GOLDEN >> 20;
}

static inline uint64_t slot_id(const void *key, const void *check)
{
	for (size_t h = slot_hash(key);; h++) {
		const struct pyslot *s = &slots[h & (nslots - 1)];
		if (s->key == key)
			return s->check == check ? s->id : 0;
		if (!s->key)
			return 0;
	}
}

static struct pyslot *slot_of(struct pyslot *table, size_t n, const void *key)
{
	size_t h;

	for (h = slot_hash(key); table[h & (n - 1)].key && table[h & (n - 1)].key != key; h++)
		;
	return &table[h & (n - 1)];
}

static int grow_slots(void)
{
	size_t n = nslots ? nslots * 2 : 4096;
	struct pyslot *s = calloc(n, sizeof *s);

	if (!s)
		return -1;
	for (size_t i = 0; i < nslots; i++)
		if (slots[i].key)
			*slot_of(s, n, slots[i].key) = slots[i];
	free(slots);
	slots = s;
	nslots = n;
	return 0;
}

static void slot_set(const void *key, const void *check, uint64_t id)
{
	struct pyslot *s = slot_of(slots, nslots, key);

	if (!s->key && (used_slots + 1) * 2 > nslots) {
		if (grow_slots() < 0) {
			log_warn("out of memory: Python functions named again");
			return;
		}
		s = slot_of(slots, nslots, key);
	}
	used_slots += !s->key;
	*s = (struct pyslot){key, check, id};
}

/* Takes key out, moving back the keys after it that probed past it. */
static void slot_remove(const void *key)
{
	size_t mask = nslots - 1, i = slot_hash(key) & mask, j = i;

	for (; slots[i].key != key; i = (i + 1) & mask)
		if (!slots[i].key)
			return;
	for (j = (i + 1) & mask; slots[j].key; j = (j + 1) & mask) {
		size_t home = slot_hash(slots[j].key) & mask;
		if (i < j ? home <= i || home > j : home <= i && home > j) {
			slots[i] = slots[j];
			i = j;
		}
	}
	slots[i] = (struct pyslot){NULL, NULL, 0};
	used_slots--;
}

static int is_str(PyObject *o)
{
	return (py.TypeGetFlags(py_type_of(o)) & (1ul << 28)) != 0; /* Py_TPFLAGS_UNICODE_SUBCLASS */
}

static uint64_t add_func(const char *file, long line, const char *name)
{
	return named_add(file, line > 0 ? (uint32_t)line : 0, name, strcmp(file, "~") == 0);
}

/* A code object's name as cProfile keys it: (co_filename, co_firstlineno,
 * co_name). */
static uint64_t name_code(PyObject *code)
{
	PyObject *file = py.GetAttrString(code, "co_filename");
	PyObject *line = py.GetAttrString(code, "co_firstlineno");
	PyObject *name = py.GetAttrString(code, "co_name");
	char fbuf[4096], nbuf[1024];
	uint64_t id;

	id = add_func(python_str(file, fbuf, sizeof fbuf), line ? py.LongAsLong(line) : 0,
		      python_str(name, nbuf, sizeof nbuf));
	if (file)
		py.DecRef(file);
	if (line)
		py.DecRef(line);
	if (name)
		py.DecRef(name);
	return id;
}

/* A built-in's name as cProfile forms it: "<built-in method time.sleep>",
 * "<method 'append' of 'list' objects>", "<len>"...: ml bound to self (NULL
 * for a module's function), of module. */
static uint64_t name_builtin(const struct py_methoddef *ml, PyObject *self, PyObject *module)
{
	char buf[1024], mbuf[512];
	PyObject *mo, *repr, *nm;

	if (!self) {
		PyObject *modname = NULL;
		if (module && is_str(module)) {
			modname = module;
			py.IncRef(modname);
		} else if (module && (py_type_of(module) == py.ModuleType ||
				      py.TypeIsSubtype(py_type_of(module), py.ModuleType))) {
			modname = py.ModuleGetNameObject(module);
		}
		python_str(modname, mbuf, sizeof mbuf);
		if (modname && strcmp(mbuf, "builtins") != 0)
			fmt_format(buf, sizeof buf, "<%s.%s>", mbuf, ml->ml_name);
		else
			fmt_format(buf, sizeof buf, "<%s>", ml->ml_name);
		if (modname)
			py.DecRef(modname);
		return add_func("~", 0, buf);
	}
	/* a method: repr(the attribute of the type of self), where there is one */
	nm = py.UnicodeFromString(ml->ml_name);
	mo = nm && py.TypeLookup ? py.TypeLookup(py_type_of(self), nm) : NULL; /* borrowed */
	if (nm)
		py.DecRef(nm);
	repr = mo ? py.Repr(mo) : NULL;
	if (repr) {
		python_str(repr, buf, sizeof buf);
		py.DecRef(repr);
	} else if (module && is_str(module)) {
		fmt_format(buf, sizeof buf, "<built-in method %s.%s>", python_str(module, mbuf, sizeof mbuf), ml->ml_name);
	} else {
		fmt_format(buf, sizeof buf, "<built-in method %s>", ml->ml_name);
	}
	return add_func("~", 0, buf);
}

/* A code object dies: its address may name another one next.  Its extra
 * slot holds the code object itself (NULL in one made before). */
static void extra_free(void *code)
{
	if (code)
		slot_remove(code);
}

/* Naming calls into the interpreter: the error being raised, if any, must
 * survive it. */
static uint64_t __attribute__((noinline)) code_named(PyObject *code)
{
	PyObject *et, *ev, *tb;
	uint64_t id;

	py.ErrFetch(&et, &ev, &tb);
	id = name_code(code);
	if (extra_index < 0) {
		/* kept alive, as cProfile keeps it: its address names it */
		py.IncRef(code);
		slot_set(code, NULL, id);
	} else if (py.CodeSetExtra(code, extra_index, code) == 0) {
		slot_set(code, NULL, id);
	}
	py.ErrRestore(et, ev, tb);
	return id;
}

static inline uint64_t code_id(PyObject *code)
{
	uint64_t id = slot_id(code, NULL);

	return likely(id) ? id : code_named(code);
}

static uint64_t __attribute__((noinline)) builtin_named(const struct py_methoddef *ml, PyObject *self, PyObject *module)
{
	PyObject *et, *ev, *tb;
	uint64_t id;

	py.ErrFetch(&et, &ev, &tb);
	id = name_builtin(ml, self, module);
	slot_set(ml, ml->ml_name, id);
	py.ErrRestore(et, ev, tb);
	return id;
}

static inline uint64_t builtin_id(const struct py_methoddef *ml, PyObject *self, PyObject *module)
{
	uint64_t id = slot_id(ml, ml->ml_name);

	return likely(id) ? id : builtin_named(ml, self, module);
}

static tracefunc profile; /* one of the three profile functions below, once tracing starts */
static int tracing38 = -1; /* 3.8: where PyThreadState's struct py_tracing38 is */
static int own_setting;    /* cprof is setting a profile function, not the program */
static uint64_t retired_displaced; /* exited threads the program's profile function took */

/* Gives ts (NULL: the current thread state) the profile function fn,
 * 3.8-3.11, unseen by the program: setting one raises the audit event
 * sys.setprofile, which the program's audit hooks would get, in whichever
 * thread then runs, and may refuse by raising (its thread then fails to
 * start).  3.9-3.11's _PyEval_SetProfile audits in the current thread
 * state, and not at all with none: the current one is set aside for it.
 * 3.8 has none: the fields are set as PyEval_SetProfile sets them, where
 * the thread holds no profile object that it would release. */
static void set_profile(void *ts, tracefunc fn)
{
	struct py_tracing38 *t;
	void *me;

	own_setting = 1;
	if (py.SetProfileOf && python_version <= 0x030b) {
		me = py.ThreadStateSwap(NULL);
		py.SetProfileOf(ts ? ts : me, fn, NULL);
		py.ThreadStateSwap(me);
	} else if (tracing38 >= 0 &&
		   !(t = (void *)((char *)(ts ? ts : py.ThreadStateGet()) + tracing38))->c_profileobj) {
		t->c_profilefunc = (int (*)(void *, void *, int, void *))fn;
		t->use_tracing = fn || t->c_tracefunc;
	} else if (!ts) {
		py.SetProfile(fn, NULL);
	} else { /* as that thread, for a moment */
		me = py.ThreadStateSwap(ts);
		py.SetProfile(fn, NULL);
		py.ThreadStateSwap(me);
	}
	own_setting = 0;
}

/* The program sets a profile function of its own (the audit event
 * sys.setprofile: sys.setprofile, cProfile, a debugger, or
 * threading.setprofile's in a thread it starts).  With cprof's profile
 * function (3.8 to 3.11, or no sys.monitoring tool id free) it takes the
 * place of cprof's in that thread, as it does of cProfile's, unless an
 * audit hook of the program's refuses it: the call that sets it (a
 * built-in's, on top) is remembered, and if cprof never sees it return,
 * the thread's later calls went to the program's function.  The report
 * says so (THREAD's py_displaced). */
void pytrace_program_sets_profile(void)
{
	struct thread *th = cur_thread;

	if (profile && !own_setting && th && th != gate && th->tr.sp - 1 > th->tr.stack) {
		th->py_set_at = th->tr.sp - 1;
		th->py_set_site = th->py_set_at->site;
	}
}

/* Whether the program's profile function took the place of cprof's in t,
 * which stands still. */
static int displaced(const struct thread *t)
{
	const struct frame *f = t->py_set_at;

	return f && t->tr.sp > f && f->site == t->py_set_site;
}

static int pytrace_thread_prepare(struct thread *t)
{
	t->py_set_at = NULL;
	return 0;
}

/* Told while the thread's calls are open (the tracer's retire closes
 * them), kept in py_set_at ... */
static void pytrace_thread_stop(struct thread *t)
{
	if (!displaced(t))
		t->py_set_at = NULL;
}

/* ... and counted when its data joins the exited threads' (a profile
 * written in between counts it as a live thread's) */
static void pytrace_thread_retire(struct thread *t, uint64_t now)
{
	(void)now;
	if (t->py_set_at)
		__atomic_add_fetch(&retired_displaced, 1, __ATOMIC_RELAXED);
}

static void pytrace_fork_reset(void)
{
	retired_displaced = 0;
}

static void pytrace_thread_record(const struct thread *t, struct cprof_rec_thread *rec)
{
	rec->py_displaced = displaced(t);
}

static int pytrace_retired_record(struct cprof_rec_thread *rec)
{
	rec->py_displaced = __atomic_load_n(&retired_displaced, __ATOMIC_RELAXED);
	return rec->py_displaced != 0;
}

const struct component_thread pytrace_thread = {
	.prepare = pytrace_thread_prepare,
	.stop = pytrace_thread_stop,
	.retire = pytrace_thread_retire,
	.fork_reset = pytrace_fork_reset,
	.record = pytrace_thread_record,
	.retired_record = pytrace_retired_record,
};

/* The program's top-level code is done: so is cProfile. */
static void program_end(void)
{
	program_ended = 1;
	gate = main_thread;
	if (!monitoring)
		set_profile(NULL, NULL);
}

/* Until the program's top-level code is called, the main thread runs the
 * interpreter's (finding the file, runpy for -m); after it returns, the
 * interpreter's shutdown.  Returns the thread to trace an event in, or
 * NULL: code is what a call calls, NULL for other events. */
static struct thread *gated(PyObject *code)
{
	struct thread *th = cur_thread ? cur_thread : thread_self();

	if (!th || th != gate)
		return th;
	if (program_ended || !code || !python_is_program(code_id(code)))
		return NULL;
	program_frame = th->tr.sp;
	gate = NULL;
	return th;
}

/* Types met that are not of built-ins, most recent first: calls are mostly
 * of a few (a Python function's, classes, bound methods). */
static void *others[4];

static inline int other_type(void *type)
{
	return type == py.FunctionType || type == others[0] || type == others[1] || type == others[2] ||
	       type == others[3];
}

/* Whether o is a built-in function or method (PyCFunction_Check). */
static int is_builtin(PyObject *o)
{
	void *type = py_type_of(o);

	if (type == py.CFunctionType || type == py.CMethodType)
		return 1;
	if (other_type(type) || type == py.MethodDescrType) /* a method descriptor is not, but is asked about */
		return 0;
	if (py.TypeIsSubtype(type, py.CFunctionType))
		return 1;
	memmove(others + 1, others, sizeof others - sizeof others[0]);
	others[0] = type;
	return 0;
}

/* A call's id: of a code object, or of a built-in, ml bound to self, of
 * module. */
static uint64_t event_id(PyObject *code, const struct py_methoddef *ml, PyObject *self, PyObject *module)
{
	return code ? code_id(code) : builtin_id(ml, self, module);
}

/* The events, whichever way they come, in full: of code, or of ml. */
static void event_call(struct thread *th, PyObject *code, const struct py_methoddef *ml, PyObject *self,
		       PyObject *module)
{
	trace_named_push(th, event_id(code, ml, self, module), code ? (uintptr_t)code : (uintptr_t)ml);
}

static void event_return(struct thread *th, PyObject *code, const struct py_methoddef *ml, PyObject *self,
			 PyObject *module)
{
	struct frame *top = th->tr.sp - 1;

	if (top != program_frame && trace_named_try_pop(th, code ? (uintptr_t)code : (uintptr_t)ml))
		return;
	/* not the call on top (one entered before tracing began, or one that
	 * could not be recorded), or the program's */
	trace_named_exit(event_id(code, ml, self, module));
	if (th == main_thread && program_frame && th->tr.sp <= program_frame)
		program_end();
}

/* The fast paths of the events: 0, having done nothing, where the slow
 * paths must do it all. */
static inline __attribute__((always_inline)) int code_call_fast(struct thread *th, PyObject *code, uint64_t now)
{
	uint64_t id = slot_id(code, NULL);

	return likely(id) && trace_named_try_push_at(th, id, (uintptr_t)code, now);
}

static inline __attribute__((always_inline)) int code_return_fast(struct thread *th, PyObject *code, uint64_t now)
{
	return likely(th->tr.sp - 1 != program_frame) && trace_named_try_pop_at(th, (uintptr_t)code, now);
}

static inline __attribute__((always_inline)) int builtin_call_fast(struct thread *th, const struct py_methoddef *ml, uint64_t now)
{
	uint64_t id = slot_id(ml, ml->ml_name);

	return likely(id) && trace_named_try_push_at(th, id, (uintptr_t)ml, now);
}

static PyObject *frame_code(void *frame)
{
	PyObject *code;

	switch (frame_layout) {
	case FRAME_38:
		return ((struct py_frame38 *)frame)->f_code;
	case FRAME_311:
		return ((struct py_frame311 *)frame)->f_frame->f_code;
	default:
		code = py.FrameGetCode(frame); /* a new reference; the frame holds one */
		py.DecRef(code);
		return code;
	}
}

/* The profile function's events, in full. */
static int __attribute__((noinline)) profile_slow(void *frame, int what, PyObject *arg)
{
	const struct py_cfunction *fn = (const struct py_cfunction *)arg;
	PyObject *code = what == PY_CALL || what == PY_RETURN ? frame_code(frame) : NULL;
	struct thread *th = gated(what == PY_CALL ? code : NULL);

	if (!th)
		return 0;
	if (what == PY_CALL)
		event_call(th, code, NULL, NULL, NULL);
	else if (what == PY_RETURN)
		event_return(th, code, NULL, NULL, NULL);
	else if (what == PY_C_CALL && is_builtin(arg))
		event_call(th, NULL, fn->m_ml, fn->m_self, fn->m_module);
	else if ((what == PY_C_RETURN || what == PY_C_EXCEPTION) && is_builtin(arg))
		event_return(th, NULL, fn->m_ml, fn->m_self, fn->m_module);
	return 0;
}

/* The profile function's fast paths: a function for each event (and way
 * frames give their code), each with few registers to save, which go to
 * the slow path in tail calls. */
static int __attribute__((noinline)) call_38(struct thread *th, void *frame, uint64_t now)
{
	if (likely(code_call_fast(th, ((struct py_frame38 *)frame)->f_code, now)))
		return 0;
	return profile_slow(frame, PY_CALL, NULL);
}

static int __attribute__((noinline)) return_38(struct thread *th, void *frame, uint64_t now)
{
	if (likely(code_return_fast(th, ((struct py_frame38 *)frame)->f_code, now)))
		return 0;
	return profile_slow(frame, PY_RETURN, NULL);
}

static int __attribute__((noinline)) call_311(struct thread *th, void *frame, uint64_t now)
{
	if (likely(code_call_fast(th, ((struct py_frame311 *)frame)->f_frame->f_code, now)))
		return 0;
	return profile_slow(frame, PY_CALL, NULL);
}

static int __attribute__((noinline)) return_311(struct thread *th, void *frame, uint64_t now)
{
	if (likely(code_return_fast(th, ((struct py_frame311 *)frame)->f_frame->f_code, now)))
		return 0;
	return profile_slow(frame, PY_RETURN, NULL);
}

static int __attribute__((noinline)) c_call(struct thread *th, PyObject *arg, uint64_t now)
{
	void *type = py_type_of(arg);

	if (likely((type == py.CFunctionType || type == py.CMethodType) &&
		   builtin_call_fast(th, ((const struct py_cfunction *)arg)->m_ml, now)))
		return 0;
	return profile_slow(NULL, PY_C_CALL, arg);
}

static int __attribute__((noinline)) c_return(struct thread *th, int what, PyObject *arg, uint64_t now)
{
	void *type = py_type_of(arg);

	if (likely((type == py.CFunctionType || type == py.CMethodType) &&
		   trace_named_try_pop_at(th, (uintptr_t)((const struct py_cfunction *)arg)->m_ml, now)))
		return 0;
	return profile_slow(NULL, what, arg);
}

/* The profile functions, by the way frames give their code: one a layout,
 * so that each inlines its own call and return. */
#define PROFILE_FUNCTION(name, call, ret)                                               \
	static int name(PyObject *obj, void *frame, int what, PyObject *arg)            \
	{                                                                                \
		uint64_t now = clock_tsc_read();                                         \
		struct thread *th = cur_thread;                                          \
                                                                                         \
		(void)obj;                                                               \
		if (unlikely(!th || th == gate))                                         \
			return profile_slow(frame, what, arg);                           \
		if (what == PY_CALL)                                                     \
			return call(th, frame, now);                                     \
		if (what == PY_RETURN)                                                   \
			return ret(th, frame, now);                                      \
		if (what == PY_C_CALL)                                                   \
			return c_call(th, arg, now);                                     \
		if (what == PY_C_RETURN || what == PY_C_EXCEPTION)                       \
			return c_return(th, what, arg, now);                             \
		return 0;                                                                \
	}
PROFILE_FUNCTION(profile38, call_38, return_38)
PROFILE_FUNCTION(profile311, call_311, return_311)

static int profile_api(PyObject *obj, void *frame, int what, PyObject *arg)
{
	(void)obj;
	return profile_slow(frame, what, arg);
}

/* The sys.monitoring callbacks, called by vectorcall: (code, offset) for
 * PY_START and the others; (code, offset, callable, arg0) for CALL,
 * C_RETURN and C_RAISE.  They return None, which is immortal from 3.12:
 * its count needs no care.  Each has a slow path that does all, given
 * what the callback was passed (mon_code_slow's code NULL: none). */
static PyObject *__attribute__((noinline)) mon_code_slow(PyObject *code, int call)
{
	struct thread *th;

	if (code && (th = gated(call ? code : NULL))) {
		if (call)
			event_call(th, code, NULL, NULL, NULL);
		else
			event_return(th, code, NULL, NULL, NULL);
	}
	return py.None;
}

/* The callbacks' fast paths, as the profile function's: the checks that
 * need few registers, then a tail call of the part that needs more, which
 * passes its slow path only what it has at hand (so that a CALL of a
 * Python function, told at once, saves no register, and the rest few). */
static PyObject *__attribute__((noinline)) mon_start_fast(struct thread *th, PyObject *code, uint64_t now)
{
	if (likely(code_call_fast(th, code, now)))
		return py.None;
	return mon_code_slow(code, 1);
}

static PyObject *mon_start(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
	size_t nargs = nargsf & ~PY_VECTORCALL_ARGUMENTS_OFFSET;
	uint64_t now = clock_tsc_read();
	struct thread *th = cur_thread;

	(void)self;
	(void)kwnames;
	if (likely(th && th != gate && nargs >= 1))
		return mon_start_fast(th, args[0], now);
	return mon_code_slow(nargs >= 1 ? args[0] : NULL, 1);
}

static PyObject *mon_return(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
	size_t nargs = nargsf & ~PY_VECTORCALL_ARGUMENTS_OFFSET;
	uint64_t now = clock_tsc_read();
	struct thread *th = cur_thread;

	(void)self;
	(void)kwnames;
	if (likely(th && th != gate && nargs >= 1 && code_return_fast(th, args[0], now)))
		return py.None;
	return mon_code_slow(nargs >= 1 ? args[0] : NULL, 0);
}

/* A built-in called: a function or bound method, or a method descriptor
 * called with its self first (list.append(l, x), and l.append(x) from
 * 3.12), named as the method bound to that self.  Returns its
 * PyMethodDef, or NULL if the callable is none of those. */
static const struct py_methoddef *builtin_of(PyObject *const *args, PyObject **self, PyObject **module)
{
	PyObject *callable = args[2];

	if (is_builtin(callable)) {
		const struct py_cfunction *fn = (const struct py_cfunction *)callable;
		*self = fn->m_self;
		*module = fn->m_module;
		return fn->m_ml;
	}
	if (py_type_of(callable) == py.MethodDescrType && args[3] != missing) {
		*self = args[3];
		*module = NULL;
		return ((const struct py_methoddescr *)callable)->d_method;
	}
	return NULL;
}

/* args NULL: fewer than the four passed. */
static PyObject *__attribute__((noinline)) mon_builtin_slow(PyObject *const *args, int call)
{
	const struct py_methoddef *ml;
	PyObject *self, *module;
	struct thread *th;

	if (args && (th = gated(NULL)) && (ml = builtin_of(args, &self, &module))) {
		if (call)
			event_call(th, NULL, ml, self, module);
		else
			event_return(th, NULL, ml, self, module);
	}
	return py.None;
}

/* The PyMethodDef of a built-in a fast path knows: a function or bound
 * method, or a method descriptor with its self. */
static inline const struct py_methoddef *builtin_at_hand(PyObject *const *args)
{
	void *type = py_type_of(args[2]);

	if (type == py.CFunctionType || type == py.CMethodType)
		return ((const struct py_cfunction *)args[2])->m_ml;
	if (type == py.MethodDescrType && args[3] != missing)
		return ((const struct py_methoddescr *)args[2])->d_method;
	return NULL;
}

static PyObject *__attribute__((noinline)) mon_call_fast(struct thread *th, PyObject *const *args)
{
	const struct py_methoddef *ml = builtin_at_hand(args);

	if (ml && builtin_call_fast(th, ml, clock_tsc_read()))
		return py.None;
	return mon_builtin_slow(args, 1);
}

static PyObject *mon_call(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
	size_t nargs = nargsf & ~PY_VECTORCALL_ARGUMENTS_OFFSET;
	struct thread *th = cur_thread;

	(void)self;
	(void)kwnames;
	if (likely(th && th != gate && nargs >= 4)) {
		if (other_type(py_type_of(args[2]))) /* a Python function's PY_START follows */
			return py.None;
		return mon_call_fast(th, args);
	}
	return mon_builtin_slow(nargs >= 4 ? args : NULL, 1);
}

static PyObject *mon_c_return(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
	size_t nargs = nargsf & ~PY_VECTORCALL_ARGUMENTS_OFFSET;
	struct thread *th = cur_thread;
	const struct py_methoddef *ml;

	(void)self;
	(void)kwnames;
	if (likely(th && th != gate && nargs >= 4)) {
		if (other_type(py_type_of(args[2])))
			return py.None;
		if ((ml = builtin_at_hand(args)) && trace_named_try_pop_at(th, (uintptr_t)ml, clock_tsc_read()))
			return py.None;
	}
	return mon_builtin_slow(nargs >= 4 ? args : NULL, 0);
}

/* The callbacks are objects of a type of cprof's, called through
 * vectorcall: the interpreter calls their functions directly (a built-in
 * function's call would go through its METH_FASTCALL wrapper, a recursion
 * check and more, at every event). */
struct mon_callback {
	struct py_object ob_base;
	vectorcallfunc vectorcall;
};
static const vectorcallfunc mon_fns[] = {mon_start, mon_return, mon_call, mon_c_return};

static PyObject *mon_callback_new(PyObject *type, vectorcallfunc fn)
{
	PyObject *o = py.GenericAlloc(type, 0);

	if (o)
		((struct mon_callback *)o)->vectorcall = fn;
	return o;
}

static PyObject *mon_callback_type(void)
{
	static struct py_member_def members[] = {
		{"__vectorcalloffset__", PY_T_PYSSIZET, offsetof(struct mon_callback, vectorcall), PY_READONLY, NULL},
		{NULL, 0, 0, 0, NULL},
	};
	struct py_type_slot type_slots[] = {{PY_TP_CALL, (void *)py.VectorcallCall}, {PY_TP_MEMBERS, members}, {0, NULL}};
	struct py_type_spec spec = {"cprof.callback", sizeof(struct mon_callback), 0,
				    PY_TPFLAGS_DEFAULT | PY_TPFLAGS_IMMUTABLETYPE | PY_TPFLAGS_HAVE_VECTORCALL, type_slots};

	return py.TypeFromSpec(&spec);
}

/* Which callback each event goes to. */
static const struct {
	const char *event;
	int def;
} mon_events[] = {
	{"PY_START", 0}, {"PY_RESUME", 0}, {"PY_THROW", 0}, {"PY_RETURN", 1}, {"PY_YIELD", 1},
	{"PY_UNWIND", 1}, {"CALL", 2},     {"C_RETURN", 3}, {"C_RAISE", 3},
};

/* The tool ids tried: those PEP 669 leaves unnamed (0 is the debugger's, 1
 * coverage's, 2 the profiler's, which cProfile takes, 5 the optimizer's). */
static const int mon_tools[] = {4, 3};

static int call_ok(PyObject *r)
{
	if (!r)
		return -1;
	py.DecRef(r);
	return 0;
}

/* Registers the callbacks with tool and turns their events on. */
static int mon_register(PyObject *mon, int tool)
{
	PyObject *events = py.GetAttrString(mon, "events"), *type = mon_callback_type(), *fns[4] = {NULL};
	long mask = 0;
	int ret = -1;

	if (!events || !type)
		goto out;
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (!(fns[i] = mon_callback_new(type, mon_fns[i])))
			goto out;
	for (size_t i = 0; i < sizeof mon_events / sizeof mon_events[0]; i++) {
		PyObject *ev = py.GetAttrString(events, mon_events[i].event);
		long bit = ev ? py.LongAsLong(ev) : -1;
		if (ev)
			py.DecRef(ev);
		if (bit <= 0 || call_ok(py.CallMethod(mon, "register_callback", "ilO", tool, bit, fns[mon_events[i].def])) < 0)
			goto out;
		mask |= bit;
	}
	ret = call_ok(py.CallMethod(mon, "set_events", "il", tool, mask));
out:
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (fns[i])
			py.DecRef(fns[i]); /* sys.monitoring holds them */
	if (type)
		py.DecRef(type); /* and they their type */
	if (events)
		py.DecRef(events);
	return ret;
}

/* 3.12+: the callbacks registered with a free tool id; -1 (the
 * interpreter's error cleared) if none is. */
static int mon_start_all(void)
{
	PyObject *sys = py.ImportModule("sys"), *mon = sys ? py.GetAttrString(sys, "monitoring") : NULL;
	int ret = -1;

	if (!mon || !(missing = py.GetAttrString(mon, "MISSING")))
		goto out;
	for (size_t i = 0; ret < 0 && i < sizeof mon_tools / sizeof mon_tools[0]; i++) {
		if (call_ok(py.CallMethod(mon, "use_tool_id", "is", mon_tools[i], "cprof")) < 0) {
			py.ErrClear(); /* taken */
			continue;
		}
		if (mon_register(mon, mon_tools[i]) == 0) {
			log_info("tracing Python's calls with sys.monitoring, as tool %d", mon_tools[i]);
			ret = 0;
			break;
		}
		py.ErrClear();
		call_ok(py.CallMethod(mon, "free_tool_id", "i", mon_tools[i]));
		break;
	}
out:
	if (ret < 0)
		py.ErrClear();
	if (mon)
		py.DecRef(mon);
	if (sys)
		py.DecRef(sys);
	return ret;
}

/* What tracing needs of the interpreter, beyond what python.c found:
 * 0 if it has it. */
int pytrace_init(void)
{
	const struct py_layout *l = py_layout_of(python_version);

	if (l)
		tracing38 = l->tstate_tracing38;
	if (python_version <= 0x030a)
		frame_layout = FRAME_38;
	else if (python_version == 0x030b)
		frame_layout = FRAME_311;
	else if (py.FrameGetCode)
		frame_layout = FRAME_API;
	else
		return -1;
	return grow_slots();
}

/* In the main thread, with the GIL, when the interpreter is about to run
 * the program: the tracing starts, the main thread waiting for the
 * program's code. */
int pytrace_start(void)
{
	main_thread = gate = thread_self();
	program_ended = 0;
	program_frame = NULL;
	if (py.RequestCodeExtraIndex && py.CodeSetExtra)
		extra_index = py.RequestCodeExtraIndex(extra_free);
	if (extra_index < 0)
		log_info("no extra slot in code objects: they are kept alive");
	if (python_version >= 0x030c && py.ImportModule && py.CallMethod && py.TypeFromSpec && py.GenericAlloc &&
	    py.VectorcallCall && py.None &&
	    py.MethodDescrType && py.ErrClear && mon_start_all() == 0) {
		monitoring = 1;
		return 0;
	}
	profile = frame_layout == FRAME_38 ? profile38 : frame_layout == FRAME_311 ? profile311 : profile_api;
	if (py.SetProfileAllThreads) {
		own_setting = 1;
		py.SetProfileAllThreads(profile, NULL);
		own_setting = 0;
	} else {
		set_profile(NULL, profile);
	}
	return 0;
}

/* A thread state the interpreter made for a thread about to start, in the
 * thread starting it, with the GIL: the profile function goes there now,
 * so that the new thread's first call is seen. */
void pytrace_thread_created(void *ts)
{
	if (monitoring) /* for every thread already */
		return;
	set_profile(ts, profile);
}
