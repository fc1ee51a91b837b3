/* native.c: unwinding the copied stacks, and naming their frames
 * (native.h).
 *
 * libdwfl knows the process's objects from /proc/PID/maps and their call
 * frame information from the files; the registers and the stack bytes it
 * asks for come from freeze.c's copies, so the process has long gone on by
 * the time its stacks are walked.  A read outside the copies (rare: a frame
 * pointer into the heap) goes to the live process. */
#include "config.h"

#include <dwarf.h>
#include <errno.h>
#include <elfutils/libdwfl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#include "demangle.h"
#include "native.h"

#define IN_CACHE 4096

struct native {
	struct {
		uint64_t pc;
		int yes;
	} in[IN_CACHE];             /* native_in's answers */
	pid_t pid;
	Dwfl *dwfl;
	int attached;                /* dwfl_attach_state was called */
	const struct frozen *frozen; /* what is being unwound */
};

struct frames {
	uint64_t *pc;
	int n, max;
};

static char *debuginfo_path;
static const Dwfl_Callbacks proc_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

struct native *native_open(pid_t pid, char *err, size_t errsize)
{
	struct native *n = calloc(1, sizeof *n);
	int r;

	if (!n || !(n->dwfl = dwfl_begin(&proc_callbacks))) {
		snprintf(err, errsize, "out of memory");
		free(n);
		return NULL;
	}
	n->pid = pid;
	dwfl_report_begin(n->dwfl);
	r = dwfl_linux_proc_report(n->dwfl, pid);
	dwfl_report_end(n->dwfl, NULL, NULL);
	if (r == EACCES || r == EPERM) {
		freeze_explain(pid, err, errsize);
		native_close(n);
		return NULL;
	}
	if (r != 0) {
		snprintf(err, errsize, "cannot read the maps of process %d: %s", (int)pid,
			 r > 0 ? strerror(r) : dwfl_errmsg(-1));
		native_close(n);
		return NULL;
	}
	return n;
}

void native_close(struct native *n)
{
	if (!n)
		return;
	dwfl_end(n->dwfl);
	free(n);
}

struct symbol_search {
	const char *name;
	uint64_t addr;
	const char *file;
};

static int search_module(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr start, void *arg)
{
	struct symbol_search *s = arg;
	int n = dwfl_module_getsymtab(mod);

	(void)userdata, (void)start;
	for (int i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		const char *name = dwfl_module_getsym_info(mod, i, &sym, &addr, NULL, NULL, NULL);
		if (name && sym.st_shndx != SHN_UNDEF && !strcmp(name, s->name)) {
			s->addr = addr;
			s->file = modname;
			return DWARF_CB_ABORT;
		}
	}
	return DWARF_CB_OK;
}

static struct symbol_search find_symbol(struct native *n, const char *name)
{
	struct symbol_search s = { name, 0, NULL };

	dwfl_getmodules(n->dwfl, search_module, &s, 0);
	return s;
}

uint64_t native_symbol(struct native *n, const char *name)
{
	return find_symbol(n, name).addr;
}

const char *native_symbol_file(struct native *n, const char *name)
{
	return find_symbol(n, name).file;
}

struct module_walk {
	void (*fn)(const struct cprof_rec_module *m, const char *path, void *arg);
	void *arg;
};

static int each_module(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr start, void *arg)
{
	struct module_walk *w = arg;
	struct cprof_rec_module m;
	const unsigned char *bits;
	const char *file = NULL;
	Dwarf_Addr low, high, bias = 0;
	GElf_Addr vaddr;
	int len;

	(void)userdata, (void)start;
	if (!modname || modname[0] == '[' || !dwfl_module_getelf(mod, &bias))
		return DWARF_CB_OK; /* the vDSO, or a file gone */
	memset(&m, 0, sizeof m);
	dwfl_module_info(mod, NULL, &low, &high, NULL, NULL, &file, NULL);
	m.start = low;
	m.end = high;
	m.bias = bias;
	if ((len = dwfl_module_build_id(mod, &bits, &vaddr)) > 0 && len <= CPROF_BUILD_ID_MAX) {
		m.build_id_len = (uint32_t)len;
		memcpy(m.build_id, bits, (size_t)len);
	}
	w->fn(&m, file ? file : modname, w->arg);
	return DWARF_CB_OK;
}

void native_modules(struct native *n, void (*fn)(const struct cprof_rec_module *m, const char *path, void *arg),
		    void *arg)
{
	struct module_walk w = { fn, arg };

	dwfl_getmodules(n->dwfl, each_module, &w, 0);
}

static pid_t next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	struct native *n = arg;
	size_t i = *thread_argp ? (size_t)((const struct frozen_thread *)*thread_argp - n->frozen->thread) + 1 : 0;

	(void)dwfl;
	if (i >= n->frozen->nthread)
		return 0;
	*thread_argp = (void *)&n->frozen->thread[i];
	return n->frozen->thread[i].tid;
}

static bool get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_argp)
{
	struct native *n = arg;

	(void)dwfl;
	for (size_t i = 0; i < n->frozen->nthread; i++)
		if (n->frozen->thread[i].tid == tid) {
			*thread_argp = (void *)&n->frozen->thread[i];
			return true;
		}
	return false;
}

static bool memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	struct native *n = arg;

	(void)dwfl;
	for (size_t i = 0; i < n->frozen->nthread; i++) {
		const struct frozen_thread *t = &n->frozen->thread[i];
		if (addr >= t->stack_at && addr + sizeof *result <= t->stack_at + t->stack_len) {
			memcpy(result, t->stack + (addr - t->stack_at), sizeof *result);
			return true;
		}
	}
	return frozen_read(n->frozen, addr, result, sizeof *result) == 0;
}

static bool set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	const struct frozen_thread *t = arg;
#if defined(__x86_64__)
	const struct user_regs_struct *r = &t->regs;
	/* the DWARF numbering of x86-64's registers */
	Dwarf_Word regs[17] = { r->rax, r->rdx, r->rcx, r->rbx, r->rsi, r->rdi, r->rbp, r->rsp,
				r->r8, r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15, r->rip };

	return dwfl_thread_state_registers(thread, 0, 17, regs);
#elif defined(__aarch64__)
	Dwarf_Word regs[32];

	for (int i = 0; i < 31; i++)
		regs[i] = t->regs.regs[i];
	regs[31] = t->regs.sp;
	if (!dwfl_thread_state_registers(thread, 0, 32, regs))
		return false;
	dwfl_thread_state_register_pc(thread, t->regs.pc);
	return true;
#endif
}

static const Dwfl_Thread_Callbacks frozen_callbacks = {
	.next_thread = next_thread,
	.get_thread = get_thread,
	.memory_read = memory_read,
	.set_initial_registers = set_initial_registers,
};

static int take_frame(Dwfl_Frame *frame, void *arg)
{
	struct frames *fr = arg;
	Dwarf_Addr pc;
	bool activation;

	if (!dwfl_frame_pc(frame, &pc, &activation) || fr->n == fr->max)
		return DWARF_CB_ABORT;
	if (!activation)
		pc--; /* a return address: the call is the byte before */
	if (!pc)
		return DWARF_CB_ABORT;
	fr->pc[fr->n++] = pc;
	return DWARF_CB_OK;
}

int native_unwind(struct native *n, const struct frozen *f, size_t i, uint64_t *pcs, int max)
{
	struct frames fr = { pcs, 0, max };

	n->frozen = f;
	if (!n->attached && !(n->attached = dwfl_attach_state(n->dwfl, NULL, f->pid, &frozen_callbacks, n)))
		return 0;
	/* the walk's end is an error on some targets: what it found stands */
	dwfl_getthread_frames(n->dwfl, f->thread[i].tid, take_frame, &fr);
	return fr.n;
}

const char *native_object(struct native *n, uint64_t pc)
{
	Dwfl_Module *mod = dwfl_addrmodule(n->dwfl, pc);

	return mod ? dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL, NULL, NULL) : NULL;
}

int native_in(struct native *n, uint64_t pc, const char *prefix)
{
	size_t at = (pc ^ (pc >> 12)) & (IN_CACHE - 1);
	char name[256];

	if (n->in[at].pc != pc) {
		n->in[at].pc = pc;
		n->in[at].yes = !strncmp(native_name(n, pc, name, sizeof name), prefix, strlen(prefix));
	}
	return n->in[at].yes;
}

const char *native_name(struct native *n, uint64_t pc, char *buf, size_t size)
{
	Dwfl_Module *mod = dwfl_addrmodule(n->dwfl, pc);
	const char *name = NULL, *modname = NULL, *slash;
	Dwarf_Addr start = 0;
	GElf_Off off;
	GElf_Sym sym;
	char *plain;
	size_t len = 0;

	if (mod) {
		name = dwfl_module_addrinfo(mod, pc, &off, &sym, NULL, NULL, NULL);
		len = name ? strcspn(name, "@") : 0; /* not the symbol's version: clock_nanosleep@GLIBC_2.2.5 */
		modname = dwfl_module_info(mod, NULL, &start, NULL, NULL, NULL, NULL, NULL);
	}
	if (name) {
		if ((plain = demangle_cxx(name))) {
			snprintf(buf, size, "%s", plain);
			free(plain);
		} else {
			snprintf(buf, size, "%.*s", (int)len, name);
		}
	} else if (modname) {
		slash = strrchr(modname, '/');
		snprintf(buf, size, "%s+0x%llx", slash ? slash + 1 : modname, (unsigned long long)(pc - start));
	} else {
		snprintf(buf, size, "0x%llx", (unsigned long long)pc);
	}
	return buf;
}
