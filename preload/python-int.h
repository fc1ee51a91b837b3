/* python-int.h: what python.c (entering the interpreter, sampling it) and
 * pytrace.c (tracing its calls) share.  Nothing else includes this. */
#ifndef CPROF_PYTHON_INT_H
#define CPROF_PYTHON_INT_H

#include <stdint.h>
#include <sys/types.h>

typedef struct _object PyObject;
typedef int (*tracefunc)(PyObject *, void *, int, PyObject *);
typedef int (*audithook)(const char *, PyObject *, void *);
typedef PyObject *(*vectorcallfunc)(PyObject *, PyObject *const *, size_t, PyObject *);

/* The starts of CPython's structures whose fields cprof reads, as 3.8 to
 * 3.13 lay them out in release builds (Include/object.h, methodobject.h,
 * descrobject.h, frameobject.h; 3.11's internal/pycore_frame.h). */
struct py_object {
	ssize_t ob_refcnt;
	void *ob_type;
};
struct py_methoddef {
	const char *ml_name;
	void *ml_meth;
	int ml_flags;
	const char *ml_doc;
};
struct py_cfunction { /* PyCFunctionObject */
	struct py_object ob_base;
	const struct py_methoddef *m_ml;
	PyObject *m_self; /* NULL for a function of a module */
	PyObject *m_module;
};
struct py_methoddescr { /* PyMethodDescrObject */
	struct py_object ob_base;
	void *d_type;
	PyObject *d_name;
	PyObject *d_qualname;
	const struct py_methoddef *d_method;
};
struct py_frame38 { /* PyFrameObject, 3.8 to 3.10 */
	struct py_object ob_base;
	ssize_t ob_size;
	void *f_back;
	PyObject *f_code;
};
struct py_iframe311 { /* _PyInterpreterFrame, 3.11 */
	void *f_func, *f_globals, *f_builtins, *f_locals;
	PyObject *f_code;
};
struct py_frame311 { /* PyFrameObject, 3.11 */
	struct py_object ob_base;
	void *f_back;
	struct py_iframe311 *f_frame;
};

/* Making a type (PyType_FromSpec), from the stable ABI: its structures
 * and constants (Include/object.h, typeslots.h, descrobject.h,
 * abstract.h), which it keeps as they are. */
struct py_type_slot {
	int slot;
	void *pfunc;
};
struct py_type_spec {
	const char *name;
	int basicsize, itemsize;
	unsigned int flags;
	struct py_type_slot *slots;
};
struct py_member_def {
	const char *name;
	int type;
	ssize_t offset;
	int flags;
	const char *doc;
};
#define PY_TP_CALL 50
#define PY_TP_MEMBERS 72
#define PY_TPFLAGS_IMMUTABLETYPE (1ul << 8)
#define PY_TPFLAGS_HAVE_VECTORCALL (1ul << 11)
#define PY_TPFLAGS_DEFAULT (1ul << 18) /* Py_TPFLAGS_HAVE_VERSION_TAG */
#define PY_T_PYSSIZET 19
#define PY_READONLY 1
#define PY_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))

static inline void *py_type_of(const PyObject *o)
{
	return ((const struct py_object *)o)->ob_type;
}

/* pyprogram.c: the interpreter's functions, found with dlsym (python.c). */
struct py_api {
	int (*AddAuditHook)(audithook, void *);
	void (*SetProfile)(tracefunc, PyObject *);
	void (*SetProfileAllThreads)(tracefunc, PyObject *); /* 3.12+ */
	PyObject *(*FrameGetCode)(void *);                    /* 3.9+ */
	const char *(*GetVersion)(void);
	PyObject *(*GetAttrString)(PyObject *, const char *);
	PyObject *(*CallMethod)(PyObject *, const char *, const char *, ...);
	PyObject *(*ImportModule)(const char *);
	PyObject *(*TypeFromSpec)(struct py_type_spec *);
	PyObject *(*GenericAlloc)(void *, ssize_t);
	PyObject *(*VectorcallCall)(PyObject *, PyObject *, PyObject *);
	const char *(*UnicodeAsUTF8)(PyObject *);
	PyObject *(*UnicodeFromString)(const char *);
	long (*LongAsLong)(PyObject *);
	void (*IncRef)(PyObject *);
	void (*DecRef)(PyObject *);
	PyObject *(*Repr)(PyObject *);
	void (*ErrFetch)(PyObject **, PyObject **, PyObject **);
	void (*ErrRestore)(PyObject *, PyObject *, PyObject *);
	void (*ErrClear)(void);
	unsigned long (*TypeGetFlags)(void *);
	int (*TypeIsSubtype)(void *, void *);
	PyObject *(*TypeLookup)(void *, PyObject *); /* _PyType_Lookup, or NULL */
	PyObject *(*ModuleGetNameObject)(PyObject *);
	PyObject *(*TupleGetItem)(PyObject *, long);
	ssize_t (*RequestCodeExtraIndex)(void (*)(void *));
	int (*CodeSetExtra)(PyObject *, ssize_t, void *);
	int (*GILStateCheck)(void);
	void *(*ThreadStateGet)(void);
	void *(*ThreadStateSwap)(void *);
	void *(*MainInterpreter)(void);
	void *(*ThreadHead)(void *);
	int (*SetProfileOf)(void *, tracefunc, PyObject *); /* _PyEval_SetProfile, 3.9+ */
	void *CFunctionType, *CMethodType, *MethodDescrType, *FunctionType, *ModuleType;
	PyObject *None;
};
extern struct py_api py;
extern int python_version; /* 0x030b for 3.11 */

/* pyprogram.c */
const char *python_str(PyObject *o, char *buf, size_t size);
int python_program_starts(const char *event, PyObject *args);
int python_program_started(void);
void python_program_gate(void);
int python_is_program(uint64_t id);
int python_program_calls(const uint64_t *calls, int n);

/* pysample.c */
int pysample_init(void);
void pysample_stop(void);

/* pytrace.c */
int pytrace_init(void);
int pytrace_start(void);
void pytrace_thread_created(void *tstate);
void pytrace_program_sets_profile(void);
struct component_thread;
extern const struct component_thread pytrace_thread;

#endif
