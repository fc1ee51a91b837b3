/* pyprogram.c: what python.c, pytrace.c and pysample.c share of the
 * interpreter and of the program it runs: the interpreter's functions
 * (py, found by python.c) and version, a str's text, and which of its
 * calls are the program's: from its top-level code on, in the thread that
 * runs it, as cProfile sees them (docs/PYTHON.md). */
#include "config.h"

#include <string.h>

#include "fmt.h"
#include "python-int.h"
#include "runtime-int.h"
#include "thread.h"

struct py_api py;
int python_version; /* 0x030b for 3.11 */

static int gated; /* with --mode=sample, the audit hook tells when the program starts */
static int started;
static struct thread *main_thread;
static char main_file[4096]; /* the file of the program's top-level code ... */
static int main_suffix;      /* ... or its module's path, /x/y for python -m x.y */

static int is_str(PyObject *o)
{
	return (py.TypeGetFlags(py_type_of(o)) & (1ul << 28)) != 0; /* Py_TPFLAGS_UNICODE_SUBCLASS */
}

/* o's text if it is a str, else "?", in buf. */
const char *python_str(PyObject *o, char *buf, size_t size)
{
	const char *s = o && is_str(o) ? py.UnicodeAsUTF8(o) : NULL;

	fmt_format(buf, size, "%s", s ? s : "?");
	return buf;
}

/* Is the code `id` the program's top-level code? */
int python_is_program(uint64_t id)
{
	const char *file = named_file(id);
	size_t n = strlen(file), k = strlen(main_file);

	if (strcmp(named_name(id), "<module>") != 0)
		return 0;
	if (!main_suffix)
		return strcmp(file, main_file) == 0;
	/* -m x.y: /x/y.py, or a package's /x/y/__main__.py */
	if (n >= k + 3 && strncmp(file + n - k - 3, main_file, k) == 0 && strcmp(file + n - 3, ".py") == 0)
		return 1;
	return n >= k + 12 && strncmp(file + n - k - 12, main_file, k) == 0 && strcmp(file + n - 12, "/__main__.py") == 0;
}

/* A sampled thread's calls, innermost first, without what is not the
 * program's: the main thread runs the program from its top-level code on,
 * and what calls it (runpy's functions, for python -m), and what runs
 * before or after it, is the interpreter's.  Returns how many are left. */
int python_program_calls(const uint64_t *calls, int n)
{
	if (gated && (!started || cur_thread == main_thread))
		while (n > 0 && !python_is_program(calls[n - 1]))
			n--;
	return n;
}

/* Where the program's top-level code comes from, by how it is run: the
 * file python runs, "<string>" for -c, "<stdin>", or for -m, a file whose
 * name ends as the module's does (json.tool: /json/tool.py, or
 * /json/tool/__main__.py: the package's __main__ module). */
static int expect_program(const char *event, PyObject *args)
{
	PyObject *arg = py.TupleGetItem(args, 0);
	char what[4096];

	python_str(arg, what, sizeof what);
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
		fmt_format(main_file, sizeof main_file, "/%s", what);
	} else {
		return -1;
	}
	return 0;
}

/* The interpreter raised the audit event `event`: whether it starts the
 * program (the first cpython.run_*, in the thread that runs it). */
int python_program_starts(const char *event, PyObject *args)
{
	if (started || strncmp(event, "cpython.run_", 12) != 0 || expect_program(event, args) < 0)
		return 0;
	started = 1;
	main_thread = thread_self();
	return 1;
}

int python_program_started(void)
{
	return started;
}

/* The audit hook is in place: a sampled call is the program's only once it
 * starts (python_program_calls). */
void python_program_gate(void)
{
	gated = 1;
}
