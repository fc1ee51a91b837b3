/* pylayout.h: where CPython 3.8 to 3.13 keep the threads' frames and what
 * a frame's code is called, as offsets into their structures in release
 * builds (from each version's Include/ and Include/internal/ headers).  The
 * runtime reads them from inside the interpreter with --mode=sample
 * (preload/python.c); cprof-dump reads them from outside, in a stopped
 * process (dump/pyframes.c), and so also needs the way from _PyRuntime to
 * each thread's state.  Adding a version is one row; tests/python.sh's
 * sampling and tests/dump.sh check every row against the interpreters
 * installed.
 *
 *   3.8-3.10  PyThreadState.frame -> PyFrameObject, f_back, f_code
 *   3.11-3.12 PyThreadState.cframe -> _PyCFrame.current_frame ->
 *             _PyInterpreterFrame, previous, f_code, owner
 *   3.13      PyThreadState.current_frame -> _PyInterpreterFrame, previous,
 *             f_executable, owner
 *   all       _PyRuntime.interpreters.head -> PyInterpreterState, its
 *             threads' list (tstate_head; threads.head from 3.11) ->
 *             PyThreadState, next, thread_id (pthread_self()) and from 3.11
 *             native_thread_id (the kernel's)
 * and in the code object, co_filename, co_name (str) and co_firstlineno. */
#ifndef CPROF_PYLAYOUT_H
#define CPROF_PYLAYOUT_H

struct py_layout {
	int version;        /* 0x030b for 3.11 */
	int tstate_frame;   /* offset in PyThreadState of the frame, or of the cframe */
	int cframe_current; /* offset in _PyCFrame of current_frame; -1: none */
	int back, code;     /* offsets in a frame of the caller's and the code */
	int owner;          /* offset of the frame's owner byte; -1: none */
	int co_filename, co_name, co_firstlineno;
	int str_header;     /* sizeof(PyASCIIObject): an ASCII string's data */
	int runtime_interp; /* _PyRuntime.interpreters.head */
	int interp_threads; /* PyInterpreterState's first thread state */
	int tstate_next, tstate_thread_id;
	int tstate_native_id; /* -1: none */
	int tstate_tracing38; /* 3.8: PyThreadState.use_tracing, where struct
			       * py_tracing38 starts; -1: other versions */
};

/* 3.8's PyThreadState from use_tracing on: the runtime gives a thread its
 * profile function there, as PyEval_SetProfile would but without the audit
 * event sys.setprofile, which the program's audit hooks would get (3.9 to
 * 3.11 have _PyEval_SetProfile, which need not raise it). */
struct py_tracing38 {
	int use_tracing;
	int (*c_profilefunc)(void *, void *, int, void *);
	int (*c_tracefunc)(void *, void *, int, void *);
	void *c_profileobj;
};

#define PY_FRAME_OWNED_BY_CSTACK 3 /* 3.12+: an entry frame of C, not Python's */

static const struct py_layout py_layouts[] = {
	{0x0308, 24, -1, 24, 32, -1, 104, 112, 40, 48, 32, 8, 8, 176, -1, 48},
	{0x0309, 24, -1, 24, 32, -1, 104, 112, 40, 48, 32, 8, 8, 176, -1, -1},
	{0x030a, 24, -1, 24, 32, -1, 104, 112, 40, 48, 32, 8, 8, 176, -1, -1},
	{0x030b, 56, 8, 48, 32, 69, 112, 120, 72, 48, 40, 16, 8, 152, 160, -1},
	{0x030c, 56, 0, 8, 0, 70, 112, 120, 68, 40, 40, 72, 8, 136, 144, -1},
	{0x030d, 72, -1, 8, 0, 70, 112, 120, 68, 40, 632, 7344, 8, 152, 160, -1},
};

static inline const struct py_layout *py_layout_of(int version)
{
	for (unsigned i = 0; i < sizeof py_layouts / sizeof py_layouts[0]; i++)
		if (py_layouts[i].version == version)
			return &py_layouts[i];
	return 0;
}

#endif
