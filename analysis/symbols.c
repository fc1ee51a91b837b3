/* symbols.c: native addresses to (file, line, function) with libdw.
 *
 * One Dwfl per ELF file (by path and build-id), shared by every process that
 * mapped it, with the file placed at its link-time addresses: a runtime
 * address minus the module's load bias looks it up, whatever the process.
 */
#include "config.h"

#include <ctype.h>

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "demangle.h"
#include "ehframe.h"
#include "symbols.h"
#include "symindex.h"
#include "text.h"

struct modfile {
	char *path;
	uint32_t build_id_len;
	uint8_t build_id[CPROF_BUILD_ID_MAX];
	Dwfl *dwfl;        /* open, or NULL */
	Dwfl_Module *mod;
	struct symindex *index; /* its symbols by address, while open ... */
	int indexed;       /* ... once tried */
	int unreadable;    /* said so once; not tried again */
	int rebuilt;       /* its build-id differs from the run's: said so once */
	uint64_t used;     /* when last opened or used, for closing the oldest */
	struct u64map cache; /* link-time address -> index in funcs */
	/* of cprof's runtime and MPI wrappers: link-time address -> what
	 * symbolize_wrapper makes of it, WRAPPER_* << 32 | the name's id */
	struct u64map wrappers;
};

enum { WRAPPER_NONE, WRAPPER_LIBC, WRAPPER_MPI };

#define MAX_INLINE 16 /* inlined frames named at one address */

/* Each open Dwfl holds a file descriptor or two: merging many runs of many
 * programs must not run out of them. */
#define MAX_OPEN 256

struct symbolizer {
	struct strtab *strings;
	struct modfile **mods;
	size_t nmods, mods_cap;
	struct u64map by_file; /* hash of path and build-id -> index in mods + 1 */
	struct func_name *funcs;
	size_t nfuncs, funcs_cap;
	uint32_t unknown_file;
	size_t nopen;
	uint64_t clock;
	/* the names of the functions the process being read named (NAMED),
	 * by index, each once asked for (named_known): its own, not kept
	 * past it, so that the memory of a merge of many processes does not
	 * grow with theirs */
	const struct raw_process *named_of;
	struct func_name *named;
	uint8_t *named_known;
	size_t named_cap;
	uint32_t libc_file; /* the path of that process's C library */
	struct modfile **files; /* its modules' files, by index, NULL until asked */
	size_t files_cap;
};

static char *debuginfo_path;

static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
	.debuginfo_path = &debuginfo_path,
};

static void modfile_close(struct symbolizer *s, struct modfile *m);

struct symbolizer *symbolizer_new(struct strtab *strings)
{
	struct symbolizer *s = xcalloc(1, sizeof *s);

	s->strings = strings;
	s->unknown_file = strtab_intern(strings, "[unknown]");
	return s;
}

void symbolizer_begin(struct symbolizer *s, const struct raw_process *p)
{
	if (p->nnamed > s->named_cap) {
		free(s->named);
		free(s->named_known);
		s->named_cap = p->nnamed;
		s->named = xmalloc(s->named_cap * sizeof *s->named);
		s->named_known = xmalloc(s->named_cap);
	}
	if (p->nnamed) /* (those above are never read for p) */
		memset(s->named_known, 0, p->nnamed);
	s->named_of = p;
	s->libc_file = 0;
	if (p->nmodules > s->files_cap) {
		free(s->files);
		s->files_cap = p->nmodules;
		s->files = xmalloc(s->files_cap * sizeof *s->files);
	}
	if (p->nmodules)
		memset(s->files, 0, p->nmodules * sizeof *s->files);
}

void symbolizer_free(struct symbolizer *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nmods; i++) {
		struct modfile *m = s->mods[i];
		modfile_close(s, m);
		u64map_free(&m->cache);
		u64map_free(&m->wrappers);
		free(m->path);
		free(m);
	}
	free(s->mods);
	free(s->funcs);
	free(s->named);
	free(s->named_known);
	free(s->files);
	u64map_free(&s->by_file);
	free(s);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static void modfile_close(struct symbolizer *s, struct modfile *m)
{
	if (!m->dwfl)
		return;
	symindex_free(m->index); /* (its names are the Dwfl's) */
	m->index = NULL;
	m->indexed = 0;
	dwfl_end(m->dwfl);
	m->dwfl = NULL;
	m->mod = NULL;
	s->nopen--;
}

/* Says once that m cannot be read, and why: a path from a raw profile may
 * hold anything, and is escaped. */
static void modfile_unreadable(struct modfile *m, const char *why)
{
	char *path = text_escape(m->path);

	fprintf(stderr, "cprof: cannot read %s: %s; its functions show as addresses\n", path, why);
	free(path);
	m->unreadable = 1;
}

/* Opens the file itself: a path from a raw profile is untrusted, and a FIFO
 * or a device must not stop the analysis. */
static int open_elf(struct modfile *m)
{
	struct stat st;
	int fd = open(m->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		modfile_unreadable(m, fd < 0 ? strerror(errno) : "not a regular file");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, 0);
	return fd;
}

static void modfile_open(struct symbolizer *s, struct modfile *m)
{
	const unsigned char *bits;
	GElf_Addr vaddr;
	int n, fd;

	if (s->nopen >= MAX_OPEN) {
		struct modfile *oldest = NULL;
		for (size_t i = 0; i < s->nmods; i++)
			if (s->mods[i]->dwfl && (!oldest || s->mods[i]->used < oldest->used))
				oldest = s->mods[i];
		modfile_close(s, oldest);
	}
	if ((fd = open_elf(m)) < 0 || !(m->dwfl = dwfl_begin(&callbacks))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	s->nopen++;
	dwfl_report_begin(m->dwfl);
	m->mod = dwfl_report_elf(m->dwfl, base_name(m->path), m->path, fd, 0, true);
	dwfl_report_end(m->dwfl, NULL, NULL);
	if (!m->mod) {
		close(fd);
		modfile_unreadable(m, dwfl_errmsg(-1));
		return;
	}
	n = dwfl_module_build_id(m->mod, &bits, &vaddr);
	if (!m->rebuilt && m->build_id_len && n > 0 &&
	    ((uint32_t)n != m->build_id_len || memcmp(bits, m->build_id, (size_t)n) != 0)) {
		char *path = text_escape(m->path);
		fprintf(stderr, "cprof: %s was rebuilt after the run (its build-id differs): its names may be wrong\n",
			path);
		free(path);
		m->rebuilt = 1;
	}
}

static int modfile_is(const struct modfile *m, const struct raw_module *rm)
{
	return strcmp(m->path, rm->path) == 0 && m->build_id_len == rm->build_id_len &&
	       memcmp(m->build_id, rm->build_id, rm->build_id_len) == 0;
}

/* The file a module of a process maps, by path and build-id. */
static struct modfile *modfile_get(struct symbolizer *s, const struct raw_module *rm)
{
	uint64_t key = hash_bytes(rm->path, strlen(rm->path)) ^ hash_bytes(rm->build_id, rm->build_id_len) * 31;
	struct modfile *m;

	/* open addressing over the key: equal hashes of different files take
	 * the next key */
	for (;; key++) {
		uint64_t *slot = u64map_get(&s->by_file, key, 0);
		if (!*slot)
			break;
		if (modfile_is(s->mods[*slot - 1], rm))
			return s->mods[*slot - 1];
	}
	m = xcalloc(1, sizeof *m);
	m->path = xstrdup(rm->path);
	m->build_id_len = rm->build_id_len;
	memcpy(m->build_id, rm->build_id, rm->build_id_len);
	GROW(s->mods, s->mods_cap, s->nmods + 1);
	s->mods[s->nmods++] = m;
	*u64map_get(&s->by_file, key, 0) = s->nmods;
	return m;
}

/* The file of module rm of process p: found by path and build-id once per
 * process (symbolizer_begin), not at every address. */
static struct modfile *file_of(struct symbolizer *s, const struct raw_process *p, const struct raw_module *rm)
{
	size_t i = (size_t)(rm - p->modules);

	if (p != s->named_of || i >= s->files_cap)
		return modfile_get(s, rm);
	if (!s->files[i])
		s->files[i] = modfile_get(s, rm);
	return s->files[i];
}

/* Names enter the analysis here: valid UTF-8 from the start, so the table,
 * the pstats file and the merging of equal names all see the same bytes. */
static uint32_t intern_text(struct symbolizer *s, const char *text)
{
	char *valid = utf8_valid(text);
	uint32_t id = strtab_intern(s->strings, valid);

	free(valid);
	return id;
}

/* A function's name as people read it: its symbol (or NULL) demangled,
 * qualified and with its parameters (which tell overloads apart), if it is
 * C++'s; else `plain` (C's name, DWARF's bare one). */
static uint32_t intern_symbol(struct symbolizer *s, const char *symbol, const char *plain)
{
	char *name = symbol ? demangle_cxx(symbol) : NULL;
	uint32_t id = intern_text(s, name ? name : plain);

	free(name);
	return id;
}

static uint32_t intern_path(struct symbolizer *s, const char *file, Dwarf_Die *die)
{
	Dwarf_Die cu;
	Dwarf_Attribute attr;
	const char *dir;
	char *full;
	uint32_t id;

	if (file[0] == '/' || !dwarf_diecu(die, &cu, NULL, NULL) ||
	    !(dir = dwarf_formstring(dwarf_attr(&cu, DW_AT_comp_dir, &attr))))
		return intern_text(s, file);
	full = xmalloc(strlen(dir) + strlen(file) + 2);
	sprintf(full, "%s/%s", dir, file);
	id = intern_text(s, full);
	free(full);
	return id;
}

/* dwarf_decl_file, and what elfutils 0.188 refuses: file 0 of a DWARF 5
 * line table, which clang names in DW_AT_decl_file. */
static const char *decl_file(Dwarf_Die *die)
{
	const char *file = dwarf_decl_file(die);
	Dwarf_Die d = *die, cu;
	Dwarf_Attribute a;
	Dwarf_Word idx;
	Dwarf_Files *files;
	size_t n;

	if (file)
		return file;
	/* the DIE that holds it, through abstract_origin or specification */
	for (int hops = 0; !dwarf_hasattr(&d, DW_AT_decl_file); hops++)
		if (hops == 8 ||
		    (!dwarf_attr(&d, DW_AT_abstract_origin, &a) && !dwarf_attr(&d, DW_AT_specification, &a)) ||
		    !dwarf_formref_die(&a, &d))
			return NULL;
	if (dwarf_formudata(dwarf_attr(&d, DW_AT_decl_file, &a), &idx) != 0 || !dwarf_diecu(&d, &cu, NULL, NULL) ||
	    dwarf_getsrcfiles(&cu, &files, &n) != 0 || idx >= n)
		return NULL;
	return dwarf_filesrc(files, idx, NULL, NULL);
}

/* The CU holding addr.  dwfl_module_addrdie needs .debug_aranges, which
 * clang does not write by default: without them, walk the CUs. */
static Dwarf_Die *cu_of(Dwfl_Module *mod, uint64_t addr, Dwarf_Addr *bias)
{
	Dwarf_Die *cu = dwfl_module_addrdie(mod, addr, bias);

	if (cu)
		return cu;
	for (cu = dwfl_module_nextcu(mod, NULL, bias); cu; cu = dwfl_module_nextcu(mod, cu, bias))
		if (dwarf_haspc(cu, addr - *bias) > 0)
			return cu;
	return NULL;
}

/* The name DWARF gives the function of a subprogram or inlined-subroutine
 * DIE (through its abstract origin): its file, declaration line and name.
 * A C++ function's DW_AT_name is bare ("relax"): its linkage name says its
 * namespace, class and parameters. */
static int die_name(struct symbolizer *s, Dwarf_Die *die, struct func_name *out)
{
	Dwarf_Attribute attr;
	const char *name = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_name, &attr));
	const char *linkage = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_linkage_name, &attr));
	const char *file = decl_file(die);
	int line;

	if (!name || !file || dwarf_decl_line(die, &line) != 0)
		return 0;
	if (!linkage)
		linkage = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_MIPS_linkage_name, &attr));
	out->file = intern_path(s, file, die);
	out->line = (uint32_t)line;
	/* a linkage name that is not C++'s (gfortran's __solver_MOD_step) is
	 * no better than DW_AT_name */
	out->name = intern_symbol(s, linkage, name);
	return 1;
}

/* The frames whose code holds addr (link-time), outermost first: the
 * subprogram, then each function inlined into it down to the innermost. */
static int from_dwarf(struct symbolizer *s, Dwfl_Module *mod, uint64_t addr, struct func_name *out, int max)
{
	Dwarf_Addr bias;
	Dwarf_Die *cu = cu_of(mod, addr, &bias), *scopes = NULL, *chain = NULL;
	struct func_name inner[MAX_INLINE];
	int n, k = 0, whole = 0;

	if (!cu || (n = dwarf_getscopes(cu, addr - bias, &scopes)) <= 0)
		return 0;
	/* past an inlined subroutine, dwarf_getscopes goes on with the scopes
	 * of its definition; the scopes of the DIE itself are the calls */
	n = dwarf_getscopes_die(&scopes[0], &chain);
	free(scopes);
	scopes = chain;
	for (int i = 0; i < n && k < max; i++) {
		int tag = dwarf_tag(&scopes[i]);
		if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine)
			continue;
		if (die_name(s, &scopes[i], &inner[k]))
			k++;
		else if (tag == DW_TAG_subprogram)
			k = 0; /* the function itself has no name: let the symbol table say */
		if (tag == DW_TAG_subprogram) {
			whole = k > 0;
			break;
		}
	}
	free(scopes);
	if (!whole)
		return 0;
	for (int i = 0; i < k; i++)
		out[i] = inner[k - 1 - i];
	return k;
}

/* The frames at addr in m, outermost first, into out[0..MAX_INLINE). */
static int resolve(struct symbolizer *s, struct modfile *m, uint64_t addr, struct func_name *out)
{
	GElf_Off off;
	GElf_Sym sym;
	const char *name;
	char hex[32];
	uint64_t start;
	int n;

	if (m->mod && (n = from_dwarf(s, m->mod, addr, out, MAX_INLINE)) > 0)
		return n;
	out[0] = (struct func_name){.file = intern_text(s, m->path), .line = 0};
	if (m->mod) {
		int decided;
		if (!m->indexed) {
			m->index = symindex_new(m->mod);
			m->indexed = 1;
		}
		name = symindex_find(m->index, addr, &decided);
		if (!decided)
			name = dwfl_module_addrinfo(m->mod, addr, &off, &sym, NULL, NULL, NULL);
		if (name) {
			out[0].name = intern_symbol(s, name, name);
			return 1;
		}
	}
	/* no symbol (a stripped program): every address of a function is one
	 * row, named by where the function starts */
	if (m->mod && ehframe_func_start(m->mod, addr, &start) == 0)
		addr = start;
	snprintf(hex, sizeof hex, "0x%llx", (unsigned long long)addr);
	out[0].name = strtab_intern(s->strings, hex);
	return 1;
}

/* A function the runtime named (NAMED): Python's, or MPI's. */
static struct func_name python_name(struct symbolizer *s, const struct raw_process *p, uint64_t addr)
{
	uint64_t i = addr & CPROF_NAMED_INDEX;

	if (i >= p->nnamed)
		return (struct func_name){strtab_intern(s->strings, "~"), 0,
					  strtab_intern(s->strings, "<unknown named function>")};
	return (struct func_name){strtab_intern(s->strings, p->named[i].file), p->named[i].line,
				  strtab_intern(s->strings, p->named[i].name)};
}

int symbolize_frames(struct symbolizer *s, const struct raw_process *p, uint64_t addr, const struct func_name **frames)
{
	const struct raw_module *rm;
	struct modfile *m;
	uint64_t link, *slot;
	char hex[32];

	if (addr & CPROF_NAMED_BIT) {
		uint64_t i = addr & CPROF_NAMED_INDEX;
		if (p != s->named_of || i >= p->nnamed || i >= s->named_cap) { /* (p not begun; no such function) */
			GROW(s->funcs, s->funcs_cap, s->nfuncs + 1);
			s->funcs[s->nfuncs] = python_name(s, p, addr);
			*frames = &s->funcs[s->nfuncs++];
			return 1;
		}
		if (!s->named_known[i]) {
			s->named[i] = python_name(s, p, addr);
			s->named_known[i] = 1;
		}
		*frames = &s->named[i];
		return 1;
	}
	if (!(rm = raw_module_of(p, addr))) {
		snprintf(hex, sizeof hex, "0x%llx", (unsigned long long)addr);
		GROW(s->funcs, s->funcs_cap, s->nfuncs + 1);
		s->funcs[s->nfuncs] = (struct func_name){.file = s->unknown_file, .name = strtab_intern(s->strings, hex)};
		*frames = &s->funcs[s->nfuncs++];
		return 1;
	}
	m = file_of(s, p, rm);
	m->used = ++s->clock;
	link = addr - rm->bias;
	slot = u64map_get(&m->cache, link, UINT64_MAX);
	if (*slot == UINT64_MAX) {
		int n;
		if (!m->dwfl && !m->unreadable)
			modfile_open(s, m);
		GROW(s->funcs, s->funcs_cap, s->nfuncs + MAX_INLINE);
		n = resolve(s, m, link, &s->funcs[s->nfuncs]);
		*slot = (uint64_t)s->nfuncs << 8 | (uint64_t)n;
		s->nfuncs += (size_t)n;
	}
	*frames = &s->funcs[*slot >> 8];
	return (int)(*slot & 0xff);
}

struct func_name symbolize(struct symbolizer *s, const struct raw_process *p, uint64_t addr)
{
	const struct func_name *frames;


	symbolize_frames(s, p, addr, &frames);
	return frames[0];
}

/* A frame of cprof's MPI wrappers stands for the MPI function they wrap,
 * as its calls are named: {MPI_Comm_rank}.  The wrappers are the exported
 * MPI_Comm_rank (C: in libcprof-mpi-<abi>.so, and libcprof-mpi.so's
 * trampoline) and f_mpi_comm_rank (Fortran; libcprof-mpi.so's trampolines
 * mpi_comm_rank_, MPI_COMM_RANK...); the bookkeeping's frames, hidden, are
 * none. */
static int mpi_wrapper(struct symbolizer *s, const char *name, const GElf_Sym *sym, struct func_name *out)
{
	char buf[128];
	size_t n = 0;

	if (strncmp(name, "f_", 2) == 0)
		name += 2;
	else if (GELF_ST_BIND(sym->st_info) == STB_LOCAL || GELF_ST_VISIBILITY(sym->st_other) != STV_DEFAULT)
		return 0;
	if (strncasecmp(name, "mpi_", 4) != 0 || !name[4] || strlen(name) > sizeof buf - 8)
		return 0;
	n = (size_t)snprintf(buf, sizeof buf, "<MPI_%c", toupper((unsigned char)name[4]));
	for (const char *c = name + 5; *c; c++)
		buf[n++] = (char)tolower((unsigned char)*c);
	while (buf[n - 1] == '_')
		n--; /* Fortran's trailing underscores */
	buf[n++] = '>';
	buf[n] = '\0';
	*out = (struct func_name){.file = intern_text(s, "~"), .line = 0, .name = intern_text(s, buf)};
	return 1;
}

/* What the runtime's (or the MPI wrappers') code at link-time address link
 * of m stands for: WRAPPER_* << 32 | the name's id. */
static uint64_t wrapper_of(struct symbolizer *s, struct modfile *m, int mpi, uint64_t link)
{
	GElf_Off off;
	GElf_Sym sym;
	const char *name = NULL;
	struct func_name f;

	if (!m->dwfl && !m->unreadable)
		modfile_open(s, m);
	if (m->mod)
		name = dwfl_module_addrinfo(m->mod, link, &off, &sym, NULL, NULL, NULL);
	if (name && mpi)
		return mpi_wrapper(s, name, &sym, &f) ? (uint64_t)WRAPPER_MPI << 32 | f.name : WRAPPER_NONE;
	if (!name || GELF_ST_BIND(sym.st_info) == STB_LOCAL || GELF_ST_VISIBILITY(sym.st_other) != STV_DEFAULT ||
	    strncmp(name, "__cyg_profile_func_", 19) == 0)
		return WRAPPER_NONE;
	return (uint64_t)WRAPPER_LIBC << 32 | intern_text(s, name);
}

/* The path of the C library of process p, as it names the wrappers. */
static uint32_t libc_of(struct symbolizer *s, const struct raw_process *p)
{
	const struct raw_module *libc = NULL;

	if (s->libc_file && s->named_of == p)
		return s->libc_file;
	for (size_t i = 0; i < p->nmodules; i++) {
		const char *slash = strrchr(p->modules[i].path, '/');
		if (strncmp(slash ? slash + 1 : p->modules[i].path, "libc.so", 7) == 0)
			libc = &p->modules[i];
	}
	return s->libc_file = intern_text(s, libc ? libc->path : "libc.so.6");
}

int symbolize_wrapper(struct symbolizer *s, const struct raw_process *p, uint64_t addr, struct func_name *out)
{
	const struct raw_module *rm = raw_module_of(p, addr);
	struct modfile *m;
	uint64_t *known;

	if (!rm)
		return 0;
	m = file_of(s, p, rm);
	known = u64map_get(&m->wrappers, addr - rm->bias, UINT64_MAX);
	if (*known == UINT64_MAX)
		*known = wrapper_of(s, m, (rm->flags & CPROF_MODULE_MPI) != 0, addr - rm->bias);
	switch (*known >> 32) {
	case WRAPPER_MPI:
		*out = (struct func_name){.file = intern_text(s, "~"), .line = 0, .name = (uint32_t)*known};
		return 1;
	case WRAPPER_LIBC:
		*out = (struct func_name){.file = libc_of(s, p), .line = 0, .name = (uint32_t)*known};
		return 1;
	}
	return 0;
}
