/* symbols.c: native addresses to (file, line, function) with libdw.
 *
 * One Dwfl per ELF file (by path and build-id), shared by every process that
 * mapped it, with the file placed at its link-time addresses: a runtime
 * address minus the module's load bias looks it up, whatever the process.
 */
#include "config.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symbols.h"

struct modfile {
	char *path;
	uint32_t build_id_len;
	uint8_t build_id[CPROF_BUILD_ID_MAX];
	Dwfl *dwfl;
	Dwfl_Module *mod;
	int loaded;
	struct u64map cache; /* link-time address -> index in funcs */
};

struct symbolizer {
	struct strtab *strings;
	struct modfile **mods;
	size_t nmods, mods_cap;
	struct u64map by_file; /* hash of path and build-id -> index in mods + 1 */
	struct func_name *funcs;
	size_t nfuncs, funcs_cap;
	uint32_t unknown_file;
};

static char *debuginfo_path;

static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
	.debuginfo_path = &debuginfo_path,
};

struct symbolizer *symbolizer_new(struct strtab *strings)
{
	struct symbolizer *s = xcalloc(1, sizeof *s);

	s->strings = strings;
	s->unknown_file = strtab_intern(strings, "[unknown]");
	return s;
}

void symbolizer_free(struct symbolizer *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nmods; i++) {
		struct modfile *m = s->mods[i];
		if (m->dwfl)
			dwfl_end(m->dwfl);
		u64map_free(&m->cache);
		free(m->path);
		free(m);
	}
	free(s->mods);
	free(s->funcs);
	u64map_free(&s->by_file);
	free(s);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static void modfile_load(struct modfile *m)
{
	const unsigned char *bits;
	GElf_Addr vaddr;
	int n;

	m->loaded = 1;
	m->dwfl = dwfl_begin(&callbacks);
	if (!m->dwfl)
		return;
	dwfl_report_begin(m->dwfl);
	m->mod = dwfl_report_elf(m->dwfl, base_name(m->path), m->path, -1, 0, true);
	dwfl_report_end(m->dwfl, NULL, NULL);
	if (!m->mod) {
		fprintf(stderr, "cprof: cannot read %s: %s; its functions show as addresses\n", m->path,
			dwfl_errmsg(-1));
		return;
	}
	n = dwfl_module_build_id(m->mod, &bits, &vaddr);
	if (m->build_id_len && n > 0 && ((uint32_t)n != m->build_id_len || memcmp(bits, m->build_id, (size_t)n) != 0))
		fprintf(stderr, "cprof: %s was rebuilt after the run (its build-id differs): its names may be wrong\n",
			m->path);
}

static struct modfile *modfile_get(struct symbolizer *s, const struct raw_module *rm)
{
	uint64_t key = hash_bytes(rm->path, strlen(rm->path)) ^ hash_bytes(rm->build_id, rm->build_id_len) * 31;
	uint64_t *slot = u64map_get(&s->by_file, key, 0);
	struct modfile *m;

	/* distinct files with equal hashes would share: vanishingly rare, and
	 * caught by the path comparison below */
	if (*slot && strcmp(s->mods[*slot - 1]->path, rm->path) == 0)
		return s->mods[*slot - 1];
	m = xcalloc(1, sizeof *m);
	m->path = xstrdup(rm->path);
	m->build_id_len = rm->build_id_len;
	memcpy(m->build_id, rm->build_id, rm->build_id_len);
	GROW(s->mods, s->mods_cap, s->nmods + 1);
	s->mods[s->nmods++] = m;
	*slot = s->nmods;
	return m;
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
		return strtab_intern(s->strings, file);
	full = xmalloc(strlen(dir) + strlen(file) + 2);
	sprintf(full, "%s/%s", dir, file);
	id = strtab_intern(s->strings, full);
	free(full);
	return id;
}

/* The subprogram whose code holds addr (link-time), from DWARF. */
static int from_dwarf(struct symbolizer *s, Dwfl_Module *mod, uint64_t addr, struct func_name *out)
{
	Dwarf_Addr bias;
	Dwarf_Die *cu = dwfl_module_addrdie(mod, addr, &bias), *scopes = NULL;
	Dwarf_Attribute attr;
	const char *name, *file;
	int n, line, found = 0;

	if (!cu || (n = dwarf_getscopes(cu, addr - bias, &scopes)) <= 0)
		return 0;
	for (int i = 0; i < n; i++) {
		if (dwarf_tag(&scopes[i]) != DW_TAG_subprogram)
			continue;
		name = dwarf_formstring(dwarf_attr_integrate(&scopes[i], DW_AT_name, &attr));
		file = dwarf_decl_file(&scopes[i]);
		if (name && file && dwarf_decl_line(&scopes[i], &line) == 0) {
			out->file = intern_path(s, file, &scopes[i]);
			out->line = (uint32_t)line;
			out->name = strtab_intern(s->strings, name);
			found = 1;
		}
		break;
	}
	free(scopes);
	return found;
}

static struct func_name resolve(struct symbolizer *s, struct modfile *m, uint64_t addr)
{
	struct func_name f = {.file = strtab_intern(s->strings, m->path), .line = 0};
	GElf_Off off;
	GElf_Sym sym;
	const char *name;
	char hex[32];

	if (m->mod && from_dwarf(s, m->mod, addr, &f))
		return f;
	if (m->mod && (name = dwfl_module_addrinfo(m->mod, addr, &off, &sym, NULL, NULL, NULL))) {
		f.name = strtab_intern(s->strings, name);
		return f;
	}
	snprintf(hex, sizeof hex, "0x%llx", (unsigned long long)addr);
	f.name = strtab_intern(s->strings, hex);
	return f;
}

struct func_name symbolize(struct symbolizer *s, const struct raw_process *p, uint64_t addr)
{
	const struct raw_module *rm = raw_module_of(p, addr);
	struct modfile *m;
	uint64_t link, *slot;
	char hex[32];

	if (!rm) {
		snprintf(hex, sizeof hex, "0x%llx", (unsigned long long)addr);
		return (struct func_name){.file = s->unknown_file, .name = strtab_intern(s->strings, hex)};
	}
	m = modfile_get(s, rm);
	if (!m->loaded)
		modfile_load(m);
	link = addr - rm->bias;
	slot = u64map_get(&m->cache, link, UINT64_MAX);
	if (*slot == UINT64_MAX) {
		GROW(s->funcs, s->funcs_cap, s->nfuncs + 1);
		s->funcs[s->nfuncs] = resolve(s, m, link);
		*slot = s->nfuncs++;
	}
	return s->funcs[*slot];
}
