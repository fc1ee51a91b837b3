/* pylayout: built against one CPython's own headers (Py_BUILD_CORE, its
 * internal ones too) by tests/pylayout.sh, checks that common/pylayout.h's
 * row for that version says what the headers say.  Prints each field that
 * differs; exit status 1 if one does, 77 if the table has no row. */
#define Py_BUILD_CORE 1
#include <Python.h>
#include <frameobject.h>
#include <stddef.h>
#include <stdio.h>
#if PY_VERSION_HEX >= 0x03090000
#include "internal/pycore_interp.h"
#include "internal/pycore_runtime.h"
#else
#include "internal/pycore_pystate.h"
#endif
#if PY_VERSION_HEX >= 0x030b0000
#include "internal/pycore_frame.h"
#endif

#include "pylayout.h"

static int differs;

static void expect(const char *field, long table, long headers)
{
	if (table != headers) {
		printf("%d.%d %s: the table says %ld, the headers %ld\n", PY_MAJOR_VERSION, PY_MINOR_VERSION, field, table,
		       headers);
		differs = 1;
	}
}

#define EXPECT(field, value) expect(#field, l->field, (long)(value))

int main(void)
{
	const struct py_layout *l = py_layout_of(PY_MAJOR_VERSION << 8 | PY_MINOR_VERSION);

	if (!l) {
		printf("%d.%d: no row in common/pylayout.h\n", PY_MAJOR_VERSION, PY_MINOR_VERSION);
		return 77;
	}
#if PY_VERSION_HEX >= 0x030d0000
	EXPECT(tstate_frame, offsetof(PyThreadState, current_frame));
	EXPECT(cframe_current, -1);
	EXPECT(code, offsetof(struct _PyInterpreterFrame, f_executable));
#elif PY_VERSION_HEX >= 0x030b0000
	EXPECT(tstate_frame, offsetof(PyThreadState, cframe));
	EXPECT(cframe_current, offsetof(_PyCFrame, current_frame));
	EXPECT(code, offsetof(struct _PyInterpreterFrame, f_code));
#else
	EXPECT(tstate_frame, offsetof(PyThreadState, frame));
	EXPECT(cframe_current, -1);
	EXPECT(code, offsetof(PyFrameObject, f_code));
#endif
#if PY_VERSION_HEX >= 0x030b0000
	EXPECT(back, offsetof(struct _PyInterpreterFrame, previous));
	EXPECT(owner, offsetof(struct _PyInterpreterFrame, owner));
	EXPECT(interp_threads, offsetof(PyInterpreterState, threads.head));
	EXPECT(tstate_native_id, offsetof(PyThreadState, native_thread_id));
#else
	EXPECT(back, offsetof(PyFrameObject, f_back));
	EXPECT(owner, -1);
	EXPECT(interp_threads, offsetof(PyInterpreterState, tstate_head));
	EXPECT(tstate_native_id, -1);
#endif
	EXPECT(co_filename, offsetof(PyCodeObject, co_filename));
	EXPECT(co_name, offsetof(PyCodeObject, co_name));
	EXPECT(co_firstlineno, offsetof(PyCodeObject, co_firstlineno));
	EXPECT(str_header, sizeof(PyASCIIObject));
	EXPECT(runtime_interp, offsetof(_PyRuntimeState, interpreters.head));
	EXPECT(tstate_next, offsetof(PyThreadState, next));
	EXPECT(tstate_thread_id, offsetof(PyThreadState, thread_id));
#if PY_VERSION_HEX < 0x03090000
	EXPECT(tstate_tracing38, offsetof(PyThreadState, use_tracing));
	expect("c_profilefunc", l->tstate_tracing38 + offsetof(struct py_tracing38, c_profilefunc),
	       offsetof(PyThreadState, c_profilefunc));
	expect("c_tracefunc", l->tstate_tracing38 + offsetof(struct py_tracing38, c_tracefunc),
	       offsetof(PyThreadState, c_tracefunc));
	expect("c_profileobj", l->tstate_tracing38 + offsetof(struct py_tracing38, c_profileobj),
	       offsetof(PyThreadState, c_profileobj));
#else
	EXPECT(tstate_tracing38, -1);
#endif
	return differs;
}
