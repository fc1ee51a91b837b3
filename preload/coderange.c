/* coderange.c: the span of the loaded object that holds an address, from
 * its program headers (dl_iterate_phdr). */
#include "config.h"

#include <link.h>

#include "coderange.h"

static int find_range(struct dl_phdr_info *info, size_t size, void *data)
{
	struct code_range *r = data;
	uintptr_t lo = UINTPTR_MAX, hi = 0;

	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD)
			continue;
		if (info->dlpi_addr + ph->p_vaddr < lo)
			lo = info->dlpi_addr + ph->p_vaddr;
		if (info->dlpi_addr + ph->p_vaddr + ph->p_memsz > hi)
			hi = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
	}
	if (r->lo < lo || r->lo >= hi)
		return 0;
	*r = (struct code_range){lo, hi};
	return 1;
}

struct code_range code_range_of(const void *addr)
{
	struct code_range r = {(uintptr_t)addr, 0};

	dl_iterate_phdr(find_range, &r);
	return r.hi ? r : (struct code_range){0, 0};
}

struct code_range code_range_runtime(void)
{
	static struct code_range own;

	if (!own.hi)
		own = code_range_of((const void *)code_range_runtime);
	return own;
}
