/* pyframes.c: a stopped CPython's Python calls (pyframes.h).
 *
 * From _PyRuntime to the main interpreter, along its list of thread states,
 * and from each down its chain of frames, reading with process_vm_readv:
 * nothing of the process runs.  A pointer that leads nowhere (a frame being
 * built when the thread stopped) ends that thread's calls there. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pylayout.h"
#include "pyframes.h"

#define MAX_THREADS 4096
#define MAX_NAME 512

static int peek(const struct frozen *f, uint64_t addr, uint64_t *v)
{
	return addr ? frozen_read(f, addr, v, sizeof *v) : -1;
}

/* A str's UTF-8, where it is at hand (compact ASCII, or its cached UTF-8),
 * into buf: 0, or -1. */
static int read_str(const struct frozen *f, const struct py_layout *l, uint64_t s, char *buf, size_t size)
{
	uint32_t state;
	uint64_t len, data;

	if (frozen_read(f, s + 32, &state, sizeof state) < 0 || !(state & (1u << 5)) || peek(f, s + 16, &len) < 0)
		return -1;
	if (state & (1u << 6)) /* ascii: the characters follow the header */
		data = s + (uint64_t)l->str_header;
	else if (peek(f, s + (uint64_t)l->str_header + 8, &data) < 0 || !data)
		return -1;
	if (len >= size)
		len = size - 1;
	if (frozen_read(f, data, buf, len) < 0)
		return -1;
	buf[len] = 0;
	return 0;
}

static int read_call(const struct frozen *f, const struct py_layout *l, uint64_t code, struct pycall *c)
{
	char file[MAX_NAME], name[MAX_NAME];
	uint64_t fo, no;

	if (peek(f, code + (uint64_t)l->co_filename, &fo) < 0 || peek(f, code + (uint64_t)l->co_name, &no) < 0 ||
	    frozen_read(f, code + (uint64_t)l->co_firstlineno, &c->line, sizeof c->line) < 0 ||
	    read_str(f, l, fo, file, sizeof file) < 0 || read_str(f, l, no, name, sizeof name) < 0)
		return -1;
	c->file = strdup(file);
	c->name = strdup(name);
	if (c->file && c->name)
		return 0;
	free(c->file);
	free(c->name);
	return -1;
}

static void read_calls(const struct frozen *f, const struct py_layout *l, uint64_t ts, uint64_t code_type,
		       struct pythread *t)
{
	uint64_t fr;
	int steps = 0;

	if (peek(f, ts + (uint64_t)l->tstate_frame, &fr) < 0)
		return;
	if (fr && l->cframe_current >= 0 && peek(f, fr + (uint64_t)l->cframe_current, &fr) < 0)
		return;
	if (!(t->call = calloc(PY_MAX_CALLS, sizeof *t->call)))
		return;
	for (; fr && !(fr & 7) && steps < 4 * PY_MAX_CALLS; steps++) {
		uint64_t code, type, back;
		uint8_t owner = 0;
		if (l->owner >= 0 && frozen_read(f, fr + (uint64_t)l->owner, &owner, 1) < 0)
			break;
		if (owner != PY_FRAME_OWNED_BY_CSTACK && peek(f, fr + (uint64_t)l->code, &code) == 0 && code &&
		    !(code & 7) && peek(f, code + 8, &type) == 0 && type == code_type) {
			if (t->ncall == PY_MAX_CALLS) {
				t->truncated = 1;
				break;
			}
			if (read_call(f, l, code, &t->call[t->ncall]) == 0)
				t->ncall++;
		}
		if (peek(f, fr + (uint64_t)l->back, &back) < 0)
			break;
		fr = back;
	}
}

int pyframes_version(struct native *n, const struct frozen *f)
{
	uint64_t at = native_symbol(n, "Py_Version");
	uint32_t hex;
	const char *file, *p;

	if (at && frozen_read(f, at, &hex, sizeof hex) == 0)
		return (int)(hex >> 16);
	if (!(file = native_symbol_file(n, "_PyRuntime")) || !(p = strrchr(file, '/')) || !(p = strstr(p, "python3.")))
		return 0;
	return 0x0300 | atoi(p + strlen("python3."));
}

/* Before 3.11 a thread state holds pthread_self() but not the kernel's
 * thread id: the C library keeps that in its thread descriptor, which
 * pthread_self() points to, at an offset of its own version's.  The main
 * thread, the oldest state, last in the list, has the process's id there:
 * where it is found tells where the others' are. */
#define DESCRIPTOR_SCAN 2048
static void find_native_ids(const struct frozen *f, struct pyprocess *p)
{
	int32_t words[DESCRIPTOR_SCAN / 4];
	const struct pythread *main_thread = &p->thread[p->nthread - 1];
	size_t off = 0;

	if (p->nthread < 2 || main_thread->native_id >= 0 || !main_thread->pthread_id ||
	    frozen_read(f, main_thread->pthread_id, words, sizeof words) < 0)
		return;
	while (off < DESCRIPTOR_SCAN / 4 && words[off] != f->pid)
		off++;
	if (off == DESCRIPTOR_SCAN / 4)
		return;
	for (int i = 0; i < p->nthread; i++) {
		int32_t tid;
		if (p->thread[i].pthread_id && frozen_read(f, p->thread[i].pthread_id + 4 * off, &tid, sizeof tid) == 0)
			p->thread[i].native_id = tid;
	}
}

int pyframes_read(const struct frozen *f, int version, uint64_t runtime, uint64_t code_type, struct pyprocess *p,
		  char *err, size_t errsize)
{
	const struct py_layout *l = py_layout_of(version);
	uint64_t interp, ts;

	memset(p, 0, sizeof *p);
	if (!l)
		return 0;
	if (peek(f, runtime + (uint64_t)l->runtime_interp, &interp) < 0 ||
	    peek(f, interp + (uint64_t)l->interp_threads, &ts) < 0) {
		snprintf(err, errsize, "cannot read the interpreter's state in process %d", (int)f->pid);
		return -1;
	}
	p->version = version;
	p->pid = f->pid;
	for (; ts && p->nthread < MAX_THREADS; p->nthread++) {
		struct pythread *t, *grown = realloc(p->thread, (size_t)(p->nthread + 1) * sizeof *p->thread);
		uint64_t next;
		if (!grown)
			break;
		t = &(p->thread = grown)[p->nthread];
		memset(t, 0, sizeof *t);
		t->native_id = -1;
		peek(f, ts + (uint64_t)l->tstate_thread_id, &t->pthread_id);
		if (l->tstate_native_id >= 0) {
			uint64_t id;
			if (peek(f, ts + (uint64_t)l->tstate_native_id, &id) == 0)
				t->native_id = (int64_t)id;
		}
		read_calls(f, l, ts, code_type, t);
		if (peek(f, ts + (uint64_t)l->tstate_next, &next) < 0)
			next = 0;
		ts = next;
	}
	find_native_ids(f, p);
	return 0;
}

/* The thread's pthread_self(), its thread pointer on x86-64; elsewhere 0,
 * and only 3.11's native_thread_id tells the threads apart. */
static uint64_t thread_pointer(const struct frozen_thread *t)
{
#if defined(__x86_64__)
	return t->regs.fs_base;
#else
	(void)t;
	return 0;
#endif
}

const struct pythread *pyframes_thread(const struct pyprocess *p, const struct frozen_thread *t)
{
	uint64_t tp = thread_pointer(t);

	for (int i = 0; i < p->nthread; i++) {
		const struct pythread *pt = &p->thread[i];
		if (pt->native_id >= 0 ? pt->native_id == t->tid : (tp && pt->pthread_id == tp))
			return pt;
	}
	/* the oldest thread state, last in the list, is the main thread's */
	if (!tp && p->nthread && p->thread[p->nthread - 1].native_id < 0 && t->tid == p->pid)
		return &p->thread[p->nthread - 1];
	return NULL;
}

int pyframes_split(struct native *n, const uint64_t *pcs, int npc)
{
	for (int i = 0; i < npc; i++)
		if (native_in(n, pcs[i], "_PyEval_EvalFrame")) /* _PyEval_EvalFrameDefault, its cold part */
			return i;
	return -1;
}

void pyframes_free(struct pyprocess *p)
{
	for (int i = 0; i < p->nthread; i++) {
		for (int k = 0; k < p->thread[i].ncall; k++) {
			free(p->thread[i].call[k].file);
			free(p->thread[i].call[k].name);
		}
		free(p->thread[i].call);
	}
	free(p->thread);
	memset(p, 0, sizeof *p);
}
