/* ehframe.c: function starts from .eh_frame_hdr's search table.
 *
 * The table (LSB's "Exception Frame Header", what the linker writes for
 * the unwinder) lists each FDE's initial location, sorted: the FDE holding
 * an address is the last that starts at or below it, if it reaches that
 * far.  libdw says whether an FDE holds the address (dwarf_cfi_addrframe),
 * but not where the FDE starts: its frame's range is the row of the CFI
 * table, not the function.
 */
#include "config.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <gelf.h>
#include <stdlib.h>

#include "ehframe.h"

/* .eh_frame_hdr: version 1, the encodings of eh_frame_ptr, fde_count and
 * the table, eh_frame_ptr, fde_count, then (initial location, FDE) pairs. */
struct search_table {
	const unsigned char *pairs;
	size_t count;
	uint64_t hdr; /* the header's address: the table's values are relative to it */
	int msb;
};

static uint32_t read_u32(const unsigned char *p, int msb)
{
	return msb ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
		   : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* The size of an encoded eh_frame_ptr, which the table follows; 0 for an
 * encoding of variable size. */
static size_t encoded_size(unsigned enc, int elf64)
{
	switch (enc & 0x0f) {
	case DW_EH_PE_absptr: return elf64 ? 8 : 4;
	case DW_EH_PE_udata4:
	case DW_EH_PE_sdata4: return 4;
	case DW_EH_PE_udata8:
	case DW_EH_PE_sdata8: return 8;
	default: return 0;
	}
}

/* The table of elf's PT_GNU_EH_FRAME segment.  Linkers (GNU ld, gold, lld,
 * mold) write the count as udata4 and the table as datarel sdata4: the one
 * form read here.  The file is untrusted: every size is checked. */
static int search_table_of(Elf *elf, struct search_table *t)
{
	const char *ident = elf_getident(elf, NULL);
	size_t nphdr, at;
	GElf_Phdr ph;
	Elf_Data *data = NULL;
	const unsigned char *h;

	if (!ident || elf_getphdrnum(elf, &nphdr) != 0)
		return -ENOTSUP;
	for (size_t i = 0; i < nphdr && !data; i++)
		if (gelf_getphdr(elf, (int)i, &ph) && ph.p_type == PT_GNU_EH_FRAME)
			data = elf_getdata_rawchunk(elf, (int64_t)ph.p_offset, ph.p_filesz, ELF_T_BYTE);
	if (!data || data->d_size < 4)
		return -ENOTSUP;
	h = data->d_buf;
	at = 4 + encoded_size(h[1], ident[EI_CLASS] == ELFCLASS64);
	if (h[0] != 1 || at == 4 || h[2] != DW_EH_PE_udata4 || h[3] != (DW_EH_PE_datarel | DW_EH_PE_sdata4) ||
	    data->d_size < at + 4)
		return -ENOTSUP;
	t->msb = ident[EI_DATA] == ELFDATA2MSB;
	t->count = read_u32(h + at, t->msb);
	t->pairs = h + at + 4;
	t->hdr = ph.p_vaddr;
	if (t->count > (data->d_size - at - 4) / 8)
		return -ENOTSUP;
	return 0;
}

static uint64_t initial_location(const struct search_table *t, size_t i)
{
	return t->hdr + (uint64_t)(int64_t)(int32_t)read_u32(t->pairs + 8 * i, t->msb);
}

int ehframe_func_start(Dwfl_Module *mod, uint64_t addr, uint64_t *start)
{
	Dwarf_Addr bias, cfi_bias;
	Elf *elf = dwfl_module_getelf(mod, &bias);
	Dwarf_CFI *cfi = dwfl_module_eh_cfi(mod, &cfi_bias);
	Dwarf_Frame *frame;
	struct search_table t;
	size_t lo = 0, hi;

	if (!cfi || dwarf_cfi_addrframe(cfi, addr - cfi_bias, &frame) != 0)
		return -ENOENT;
	free(frame);
	if (!elf || search_table_of(elf, &t) < 0)
		return -ENOTSUP;
	/* the last entry that starts at or below addr */
	for (hi = t.count; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;
		if (initial_location(&t, mid) <= addr - bias)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return -ENOENT;
	*start = initial_location(&t, lo - 1) + bias;
	return 0;
}
