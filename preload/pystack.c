/* pystack.c: a sampled stack of a Python process, as the program sees it:
 * the interpreter's frames given way to the program's calls (the sampler's,
 * sample.c, and the dump's). */
#include "config.h"

#include <string.h>

#include "cct.h"
#include "cprof-format.h"
#include "runtime-int.h"
#include "thread.h"

/* In a Python process, a sampled stack as the program sees it (docs/PYTHON.md):
 * the interpreter's own C frames give way to the program's Python calls,
 * under which stay the native frames the innermost call was running: a C
 * extension, a library.  The calls are the thread's shadow stack (the
 * Python functions and built-ins the profile function reported) or, with
 * --mode=sample, read from the interpreter's frames.  The native frames are
 * kept when the innermost call is a built-in, or when they reach beyond the
 * C library (numpy's ufuncs are not built-ins): the interpreter's own calls
 * of malloc while it runs a Python function are its overhead, not the
 * program's.  A thread without the interpreter's frames (a BLAS worker)
 * keeps its native stack.  Without native_too (--no-native), native frames
 * are kept only where the interpreter is not on the stack.  Returns the
 * depth of the stack in out (PY_FRAMES at most); 0 when nothing of the
 * program ran (the interpreter starting), -1 when it could not be told.
 * Runs in the sampler's signal handler. */
int python_merge_stack(const struct thread *t, const uintptr_t *pcs, int n, uintptr_t *out, int native_too)
{
	const struct frame *f;
	int native = 0, reaches = 0, m, calls;

	while (native < n && !python_in_interpreter(pcs[native]))
		reaches |= python_in_extension(pcs[native++]) && native_too;
	if (native == n) {
		memcpy(out, pcs, (size_t)n * sizeof *pcs);
		return n;
	}
	if (python_sampling()) {
		calls = python_sample_stack((uint64_t *)out + native, PY_FRAMES - native);
		if (calls <= 0)
			return calls;
		if (!reaches) { /* the interpreter's own: the calls without it */
			memmove(out, out + native, (size_t)calls * sizeof *out);
			return calls;
		}
		memcpy(out, pcs, (size_t)native * sizeof *pcs);
		return native + calls;
	}
	f = t->tr.sp - 1;
	if (f <= t->tr.stack || !frame_node(f))
		return 0;
	if (!reaches && (!native_too || !(frame_node(f)->fn & CPROF_NAMED_C)))
		native = 0;
	memcpy(out, pcs, (size_t)native * sizeof *pcs);
	m = native;
	for (; f > t->tr.stack; f--) {
		const struct tnode *node = frame_node(f); /* NULL: a push interrupted */
		if (!node || node == &t->tr.lost_node)
			continue;
		if (m == PY_FRAMES)
			return -1;
		out[m++] = node->fn;
	}
	return m;
}
