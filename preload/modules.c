/* modules.c: the ELF objects mapped in the process, for the profile's
 * MODULE records (docs/FORMAT.md): those /proc/self/maps lists (maps.c)
 * with their load bias and build-id, read from their mapped headers, and
 * those dlclose unloaded since, which samples may still name.  Like the
 * writer it serves, it may run in a signal handler: no malloc, no stdio,
 * no locks; the buffers are static, one writer at a time. */
#include "config.h"

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <unistd.h>

#include "cprof-format.h"
#include "fmt.h"
#include "maps.h"
#include "rawbuf.h"
#include "runtime-int.h"
#include "unwind.h"

#define MAX_MODULES 1024
#define PATH_POOL (256 * 1024)

static struct maps_module modules[MAX_MODULES];
static char path_pool[PATH_POOL];
static char maps_buf[1 << 14];
static char line_buf[PATH_MAX + 256];

static int read_maps(void)
{
	struct maps m = {.modules = modules, .max = MAX_MODULES, .pool = path_pool, .pool_size = PATH_POOL};
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	maps_read(&m, fd, maps_buf, sizeof maps_buf, line_buf, sizeof line_buf);
	close(fd);
	return m.n;
}

static int in_base(const struct maps_module *m, uint64_t addr, uint64_t len)
{
	return addr >= m->base && len <= m->base_end - m->base && addr - m->base <= m->base_end - m->base - len;
}

/* Reads the load bias and build-id from the mapped ELF headers, touching only
 * the mapping of file offset 0. */
static void module_elf(const struct maps_module *m, struct cprof_rec_module *rec)
{
	const ElfW(Ehdr) *eh = (const void *)m->base;
	const ElfW(Phdr) *ph;
	uint64_t first_load = UINT64_MAX;
	int have_load = 0;

	if (!m->base_readable || !in_base(m, m->base, sizeof *eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
		return;
	if (eh->e_phentsize != sizeof *ph || !in_base(m, m->base + eh->e_phoff, (uint64_t)eh->e_phnum * sizeof *ph))
		return;
	ph = (const void *)(m->base + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0) {
			first_load = ph[i].p_vaddr & ~(uint64_t)(ph[i].p_align ? ph[i].p_align - 1 : 0);
			have_load = 1;
			break;
		}
	if (!have_load)
		return;
	rec->bias = m->base - first_load;
	for (int i = 0; i < eh->e_phnum; i++) {
		uint64_t at = rec->bias + ph[i].p_vaddr, end;
		if (ph[i].p_type != PT_NOTE || !in_base(m, at, ph[i].p_filesz))
			continue;
		for (end = at + ph[i].p_filesz; at + sizeof(ElfW(Nhdr)) <= end;) {
			const ElfW(Nhdr) *nh = (const void *)at;
			uint64_t name = at + sizeof *nh;
			uint64_t desc = name + ((nh->n_namesz + 3) & ~3u);
			uint64_t next = desc + ((nh->n_descsz + 3) & ~3u);
			if (next > end)
				break;
			if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && memcmp((const void *)name, "GNU", 4) == 0 &&
			    nh->n_descsz <= CPROF_BUILD_ID_MAX) {
				rec->build_id_len = nh->n_descsz;
				memcpy(rec->build_id, (const void *)desc, nh->n_descsz);
				return;
			}
			at = next;
		}
	}
}

static void put_module(struct rawbuf *b, struct cprof_rec_module *rec, const char *path)
{
	uint32_t size = (uint32_t)(sizeof *rec + strlen(path) + 1);

	if (strcmp(path, rt.self_path) == 0)
		rec->flags |= CPROF_MODULE_RUNTIME;
	if (cprof_is_mpi_library(path))
		rec->flags |= CPROF_MODULE_RUNTIME | CPROF_MODULE_MPI;
	rawbuf_begin(b, CPROF_REC_MODULE, size);
	rawbuf_put(b, rec, sizeof *rec);
	rawbuf_put(b, path, (uint32_t)strlen(path) + 1);
	rawbuf_end(b, size);
}

/* Objects dlclose'd before the write (OpenMPI closes its components in
 * MPI_Finalize, and with them the libraries they loaded): samples taken in
 * them still need their names.  Each dlclose notes what was loaded before
 * it, and keeps what is gone after. */
#define MAX_UNLOADED 256
#define MAX_LOADED 512
struct loaded_object {
	uint64_t addr; /* dlpi_addr */
	struct cprof_rec_module rec;
	char path[256];
	int gone;
};
static struct loaded_object loaded_before[MAX_LOADED];
static int nbefore, closing;
static struct cprof_rec_module unloaded[MAX_UNLOADED];
static char unloaded_path[MAX_UNLOADED][256];
static int nunloaded;

static int note_loaded(struct dl_phdr_info *info, size_t size, void *data)
{
	struct maps_module m = {.start = UINT64_MAX};
	struct loaded_object *o;

	(void)size;
	(void)data;
	if (!info->dlpi_name || !info->dlpi_name[0] || info->dlpi_name[0] != '/' || nbefore == MAX_LOADED)
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uint64_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
		if (ph->p_type != PT_LOAD)
			continue;
		if (lo < m.start)
			m.start = lo;
		if (hi > m.end)
			m.end = hi;
		if (ph->p_offset == 0) {
			m.base = lo & ~(uint64_t)4095;
			m.base_end = hi;
			m.base_readable = 1;
		}
	}
	if (m.start >= m.end)
		return 0;
	o = &loaded_before[nbefore++];
	o->addr = info->dlpi_addr;
	o->rec = (struct cprof_rec_module){.start = m.start, .end = m.end};
	module_elf(&m, &o->rec);
	fmt_format(o->path, sizeof o->path, "%s", info->dlpi_name);
	o->gone = 1;
	return 0;
}

static int note_remaining(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	for (int i = 0; i < nbefore; i++)
		if (loaded_before[i].addr == info->dlpi_addr && info->dlpi_name && strcmp(loaded_before[i].path, info->dlpi_name) == 0)
			loaded_before[i].gone = 0;
	return 0;
}

typedef int dlclose_fn(void *);
static dlclose_fn *real_dlclose;

CPROF_EXPORT int dlclose(void *handle)
{
	int ret;

	LIBC_NEXT(real_dlclose, "dlclose");
	unwind_dlclose_begin();
	if (!rt.active || __atomic_exchange_n(&closing, 1, __ATOMIC_ACQUIRE)) {
		ret = real_dlclose(handle); /* another thread is noting: this one goes unnoted */
		unwind_dlclose_end();
		return ret;
	}
	nbefore = 0;
	dl_iterate_phdr(note_loaded, NULL);
	ret = real_dlclose(handle);
	unwind_dlclose_end();
	dl_iterate_phdr(note_remaining, NULL);
	for (int i = 0; i < nbefore && nunloaded < MAX_UNLOADED; i++)
		if (loaded_before[i].gone) {
			unloaded[nunloaded] = loaded_before[i].rec;
			memcpy(unloaded_path[nunloaded], loaded_before[i].path, sizeof unloaded_path[0]);
			__atomic_store_n(&nunloaded, nunloaded + 1, __ATOMIC_RELEASE);
		}
	__atomic_store_n(&closing, 0, __ATOMIC_RELEASE);
	return ret;
}

void modules_write(struct rawbuf *b)
{
	int n = read_maps(), u = __atomic_load_n(&nunloaded, __ATOMIC_ACQUIRE);

	for (int i = 0; i < n; i++) {
		const struct maps_module *m = &modules[i];
		struct cprof_rec_module rec = {.start = m->start, .end = m->end};

		if (!m->exec)
			continue;
		module_elf(m, &rec);
		put_module(b, &rec, m->path);
	}
	/* unloaded ones, but those still (or again) mapped where they were */
	for (int k = 0; k < u; k++) {
		int mapped = 0;
		for (int i = 0; i < n && !mapped; i++)
			mapped = modules[i].exec && modules[i].start < unloaded[k].end && unloaded[k].start < modules[i].end;
		if (!mapped)
			put_module(b, &unloaded[k], unloaded_path[k]);
	}
}
