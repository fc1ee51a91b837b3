/* python.c: cProfile's view of CPython, taken from inside the interpreter
 * with no change to the program (docs/PYTHON.md).
 *
 * The runtime's constructor runs before the interpreter's main: when the
 * process is a CPython (PySys_AddAuditHook is in its symbols, statically
 * linked or from libpython), it adds an audit hook.  The interpreter raises
 * cpython.run_file, run_module, run_command or run_stdin when it is ready to
 * run the program, in the main thread with the GIL held: the hook starts
 * the tracing of its calls there (pytrace.c), which follows the main thread
 * from the call of the program's top-level code, as cProfile does: the
 * interpreter's start and shutdown are not the program's.  With
 * --mode=sample, the calls are read from the interpreter's frames instead
 * at each sample (pysample.c).
 *
 * Only functions the interpreter exports are called, found with dlsym, so
 * that one runtime serves every version from 3.8; the few structure fields
 * read directly are python-int.h's.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "python-int.h"
#include "runtime-int.h"
#include "thread.h"
#include "unwind.h"

/* Where code lives, for telling native frames apart in samples. */
static struct code_range interp, libc, ldso, runtime_code; /* the interpreter (executable or
							* libpython), the C library and the
							* dynamic linker, cprof's runtime */

static void *main_tstate; /* the main thread's PyThreadState */
static int active;        /* this process is a CPython, profiled */

static int audit(const char *event, PyObject *args, void *data)
{
	(void)data;
	if (strcmp(event, "sys.setprofile") == 0)
		pytrace_program_sets_profile();
	if (!python_program_starts(event, args))
		return 0;
	if (python_sampling()) /* the main thread's samples count from now */
		return 0;
	main_tstate = py.ThreadStateGet();
	if (pytrace_start() == 0)
		log_info("profiling Python %d.%d from %s", python_version >> 8, python_version & 0xff, event);
	return 0;
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
	void *ts;

	if (!python_program_started() || python_sampling() || !py.GILStateCheck())
		return;
	ts = py.ThreadHead(py.MainInterpreter());
	if (ts && ts != py.ThreadStateGet() && ts != main_tstate)
		pytrace_thread_created(ts);
}

#define FIND(field, name) (*(void **)&py.field = dlsym(RTLD_DEFAULT, name))

static int map_tables(void)
{
	if (named_init() < 0)
		return -1;
	named_set_python((uint32_t)python_version);
	interp = code_range_of((const void *)py.GetVersion);
	libc = code_range_of((const void *)dlsym(RTLD_DEFAULT, "malloc"));
	ldso = code_range_of((const void *)dlsym(RTLD_DEFAULT, "_dl_find_object"));
	runtime_code = code_range_runtime();
	unwind_stop_at(interp);
	active = 1;
	return 0;
}

/* --mode=sample: the frames are read at each sample, where this version
 * keeps them. */
static void init_sampling(int major, int minor)
{
	int ret = pysample_init();

	if (ret == -ENOENT) {
		log_warn("Python %d.%d cannot be sampled: cprof knows where 3.8 to 3.13 keep their frames", major, minor);
		return;
	}
	if (ret < 0 || map_tables() < 0) {
		pysample_stop();
		log_warn("Python %d.%d is not sampled: out of memory", major, minor);
		return;
	}
	FIND(TupleGetItem, "PyTuple_GetItem");
	FIND(UnicodeAsUTF8, "PyUnicode_AsUTF8");
	FIND(TypeGetFlags, "PyType_GetFlags");
	if (py.TupleGetItem && py.UnicodeAsUTF8 && py.TypeGetFlags && py.AddAuditHook(audit, NULL) == 0)
		python_program_gate();
	else
		log_warn("Python %d.%d: cannot tell where the program starts: all of it is sampled", major, minor);
}

static void python_init(void)
{
	const char *why = NULL;
	int major, minor;

	if (!FIND(AddAuditHook, "PySys_AddAuditHook"))
		return;
	if (!FIND(GetVersion, "Py_GetVersion") || sscanf(py.GetVersion(), "%d.%d", &major, &minor) != 2)
		return;
	python_version = major << 8 | minor;
	if (!trace_enabled()) {
		init_sampling(major, minor);
		return;
	}
	FIND(SetProfile, "PyEval_SetProfile");
	if (python_version >= 0x030c)
		FIND(SetProfileAllThreads, "PyEval_SetProfileAllThreads");
	if (python_version >= 0x0309)
		FIND(FrameGetCode, "PyFrame_GetCode");
	FIND(GetAttrString, "PyObject_GetAttrString");
	FIND(CallMethod, "PyObject_CallMethod");
	FIND(ImportModule, "PyImport_ImportModule");
	FIND(TypeFromSpec, "PyType_FromSpec");
	FIND(GenericAlloc, "PyType_GenericAlloc");
	FIND(VectorcallCall, "PyVectorcall_Call");
	FIND(UnicodeAsUTF8, "PyUnicode_AsUTF8");
	FIND(UnicodeFromString, "PyUnicode_FromString");
	FIND(LongAsLong, "PyLong_AsLong");
	FIND(IncRef, "Py_IncRef");
	FIND(DecRef, "Py_DecRef");
	FIND(Repr, "PyObject_Repr");
	FIND(ErrFetch, "PyErr_Fetch");
	FIND(ErrRestore, "PyErr_Restore");
	FIND(ErrClear, "PyErr_Clear");
	FIND(TypeGetFlags, "PyType_GetFlags");
	FIND(TypeIsSubtype, "PyType_IsSubtype");
	FIND(TypeLookup, "_PyType_Lookup");
	FIND(ModuleGetNameObject, "PyModule_GetNameObject");
	FIND(TupleGetItem, "PyTuple_GetItem");
	/* renamed PyUnstable_ in 3.12, the old names then macros */
	if (!FIND(RequestCodeExtraIndex, "PyUnstable_Eval_RequestCodeExtraIndex"))
		FIND(RequestCodeExtraIndex, "_PyEval_RequestCodeExtraIndex");
	if (!FIND(CodeSetExtra, "PyUnstable_Code_SetExtra"))
		FIND(CodeSetExtra, "_PyCode_SetExtra");
	FIND(GILStateCheck, "PyGILState_Check");
	FIND(ThreadStateGet, "PyThreadState_Get");
	FIND(ThreadStateSwap, "PyThreadState_Swap");
	FIND(MainInterpreter, "PyInterpreterState_Main");
	FIND(ThreadHead, "PyInterpreterState_ThreadHead");
	FIND(SetProfileOf, "_PyEval_SetProfile");
	py.CFunctionType = dlsym(RTLD_DEFAULT, "PyCFunction_Type");
	py.CMethodType = dlsym(RTLD_DEFAULT, "PyCMethod_Type"); /* 3.9+ */
	py.MethodDescrType = dlsym(RTLD_DEFAULT, "PyMethodDescr_Type");
	py.FunctionType = dlsym(RTLD_DEFAULT, "PyFunction_Type");
	py.ModuleType = dlsym(RTLD_DEFAULT, "PyModule_Type");
	py.None = dlsym(RTLD_DEFAULT, "_Py_NoneStruct");
	if (!py.SetProfile || python_version < 0x0308 || !py.GetAttrString || !py.UnicodeAsUTF8 ||
	    !py.UnicodeFromString || !py.LongAsLong || !py.IncRef || !py.DecRef || !py.Repr || !py.ErrFetch ||
	    !py.ErrRestore || !py.TypeGetFlags || !py.TypeIsSubtype || !py.ModuleGetNameObject || !py.TupleGetItem ||
	    !py.GILStateCheck || !py.ThreadStateGet || !py.ThreadStateSwap || !py.MainInterpreter || !py.ThreadHead ||
	    !py.CFunctionType || !py.ModuleType || !py.FunctionType)
		why = "this Python lacks functions cprof needs";
	if (!why && pytrace_init() < 0)
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

const struct component python_component = {
	.init = python_init,
	.thread = &pytrace_thread,
};
