/* pyfloor: the interpreter's own cost of the hooks cprof traces Python
 * with, for bench/python.sh.  A CPython extension module, built there
 * against each interpreter's headers, whose hooks do nothing (or read the
 * TSC, below):
 *
 *   3.8-3.11  a C profile function (PyEval_SetProfile), returning 0 at
 *             once;
 *   3.12+     sys.monitoring callbacks for the events cprof takes
 *             (preload/pytrace.c's mon_events), objects called through
 *             vectorcall as cprof's are, returning None at once.
 *
 * pyfloor.start() installs them, pyfloor.stop() takes them out.  Whatever
 * a profiler that gives cProfile's table through these hooks does, it pays
 * at least this.  pyfloor.start_tsc() installs hooks that read the TSC and
 * do nothing else: what a profiler that times each event with the TSC, as
 * cprof does, pays at least (x86-64 only). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h> /* PyFrameObject, before 3.9 */
#include <stddef.h>
#if defined(__x86_64__)
#include <x86intrin.h>
#define FLOOR_TSC 1
static volatile unsigned long long floor_now;
#endif

#if PY_VERSION_HEX < 0x030c0000
static int floor_profile(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
	(void)obj;
	(void)frame;
	(void)what;
	(void)arg;
	return 0;
}

#ifdef FLOOR_TSC
static int floor_profile_tsc(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
	(void)obj;
	(void)frame;
	(void)what;
	(void)arg;
	floor_now = __rdtsc();
	return 0;
}
#endif

static PyObject *floor_install(Py_tracefunc fn)
{
	PyEval_SetProfile(fn, NULL);
	Py_RETURN_NONE;
}

static PyObject *floor_stop(PyObject *module, PyObject *unused)
{
	(void)module;
	(void)unused;
	PyEval_SetProfile(NULL, NULL);
	Py_RETURN_NONE;
}
#else
/* The tool id cprof tries first, and the events it takes. */
#define FLOOR_TOOL 4
static const char *const floor_events[] = {"PY_START", "PY_RESUME", "PY_THROW", "PY_RETURN", "PY_YIELD",
					   "PY_UNWIND", "CALL",     "C_RETURN", "C_RAISE"};

typedef struct {
	PyObject_HEAD
	vectorcallfunc vectorcall;
} floor_callback;

static PyObject *floor_profile(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
	(void)self;
	(void)args;
	(void)nargsf;
	(void)kwnames;
	return Py_None; /* immortal */
}

#ifdef FLOOR_TSC
static PyObject *floor_profile_tsc(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
	(void)self;
	(void)args;
	(void)nargsf;
	(void)kwnames;
	floor_now = __rdtsc();
	return Py_None;
}
#endif

static PyTypeObject floor_callback_type = {
	PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyfloor.callback",
	.tp_basicsize = sizeof(floor_callback),
	.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
	.tp_call = PyVectorcall_Call,
	.tp_vectorcall_offset = offsetof(floor_callback, vectorcall),
};

/* Calls sys.monitoring's function name with args; 0 if it went well. */
static int floor_monitoring(const char *name, const char *format, ...)
{
	PyObject *mon = PySys_GetObject("monitoring"), *fn, *args, *r = NULL; /* borrowed */
	va_list ap;

	if (!mon || !(fn = PyObject_GetAttrString(mon, name)))
		return -1;
	va_start(ap, format);
	args = Py_VaBuildValue(format, ap);
	va_end(ap);
	if (args)
		r = PyObject_CallObject(fn, args);
	Py_XDECREF(args);
	Py_DECREF(fn);
	Py_XDECREF(r);
	return r ? 0 : -1;
}

/* sys.monitoring.events.NAME */
static long floor_event(const char *name)
{
	PyObject *mon = PySys_GetObject("monitoring"), *events, *bit;
	long v = -1;

	if (!mon || !(events = PyObject_GetAttrString(mon, "events")))
		return -1;
	if ((bit = PyObject_GetAttrString(events, name))) {
		v = PyLong_AsLong(bit);
		Py_DECREF(bit);
	}
	Py_DECREF(events);
	return v;
}

static PyObject *floor_install(vectorcallfunc fn)
{
	floor_callback *cb;
	long mask = 0;

	if (PyType_Ready(&floor_callback_type) < 0 || !(cb = PyObject_New(floor_callback, &floor_callback_type)))
		return NULL;
	cb->vectorcall = fn;
	if (floor_monitoring("use_tool_id", "(is)", FLOOR_TOOL, "pyfloor") < 0)
		goto fail;
	for (size_t i = 0; i < sizeof floor_events / sizeof floor_events[0]; i++) {
		long bit = floor_event(floor_events[i]);
		if (bit <= 0 || floor_monitoring("register_callback", "(ilO)", FLOOR_TOOL, bit, (PyObject *)cb) < 0)
			goto fail;
		mask |= bit;
	}
	Py_DECREF(cb); /* sys.monitoring holds it */
	if (floor_monitoring("set_events", "(il)", FLOOR_TOOL, mask) < 0)
		return NULL;
	Py_RETURN_NONE;
fail:
	Py_DECREF(cb);
	return NULL;
}

static PyObject *floor_stop(PyObject *module, PyObject *unused)
{
	(void)module;
	(void)unused;
	if (floor_monitoring("set_events", "(ii)", FLOOR_TOOL, 0) < 0 ||
	    floor_monitoring("free_tool_id", "(i)", FLOOR_TOOL) < 0)
		return NULL;
	Py_RETURN_NONE;
}
#endif

static PyObject *floor_start(PyObject *module, PyObject *unused)
{
	(void)module;
	(void)unused;
	return floor_install(floor_profile);
}

#ifdef FLOOR_TSC
static PyObject *floor_start_tsc(PyObject *module, PyObject *unused)
{
	(void)module;
	(void)unused;
	return floor_install(floor_profile_tsc);
}
#endif

static PyMethodDef floor_methods[] = {
	{"start", floor_start, METH_NOARGS, "Installs hooks that do nothing."},
#ifdef FLOOR_TSC
	{"start_tsc", floor_start_tsc, METH_NOARGS, "Installs hooks that read the TSC."},
#endif
	{"stop", floor_stop, METH_NOARGS, "Takes them out."},
	{NULL, NULL, 0, NULL},
};

static struct PyModuleDef floor_module = {
	PyModuleDef_HEAD_INIT, "pyfloor", "Hooks that do nothing, for bench/python.sh.", -1, floor_methods,
	NULL,                  NULL,      NULL,                                         NULL,
};

PyMODINIT_FUNC PyInit_pyfloor(void)
{
	return PyModule_Create(&floor_module);
}
