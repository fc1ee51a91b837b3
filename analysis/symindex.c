/* symindex.c: names an address by its module's symbols, as
 * dwfl_module_addrinfo does, without its scan of the whole symbol table at
 * every address: cc1 exports 29,000 symbols, 1.5 ms a lookup, and a build
 * under cprof samples thousands of its addresses (2.6 s of a 6.2 s
 * report).
 *
 * The symbols elfutils considers (named, defined, neither a section, a
 * file nor TLS) are sorted by address, each with the highest end (value +
 * size) of those up to it: the ones that may hold an address lie just
 * below it, down to where that end no longer reaches it.  Among those that
 * hold it, the winner is chosen as elfutils chooses, in the order of its
 * table: the global symbols first, then, if none held it, the locals; the
 * closer start wins, or the better binding (global, weak, local), then the
 * smaller size.  Where none holds it, elfutils names it by an assembly
 * label (a symbol without size) at or above the end of every symbol below
 * it, or by nothing: where there is no such label, the index says nothing;
 * where there is one, or a global label sits on the address, elfutils'
 * rules for labels decide, and the caller asks elfutils.
 * tests/unit/check_symindex compares the two on real libraries. */
#include "config.h"

#include <stdlib.h>

#include "symindex.h"
#include "util.h"

struct entry {
	uint64_t value, size;
	uint64_t reach; /* the highest value + size of the entries up to this one */
	const char *name;
	int index;      /* in the module's symbol table */
	int bind;       /* elfutils' preference: global 3, weak 2, local 1 */
	int global;     /* searched in elfutils' first pass */
};

struct symindex {
	struct entry *e;
	size_t n;
};

#define MAX_HOLDERS 64 /* symbols holding one address; more: elfutils decides */

static int binding(const GElf_Sym *sym)
{
	switch (GELF_ST_BIND(sym->st_info)) {
	case STB_GLOBAL:
		return 3;
	case STB_WEAK:
		return 2;
	case STB_LOCAL:
		return 1;
	default:
		return 0;
	}
}

static int by_value(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->index - y->index;
}

struct symindex *symindex_new(Dwfl_Module *mod)
{
	int n = dwfl_module_getsymtab(mod), first_global = dwfl_module_getsymtab_first_global(mod);
	struct symindex *x;

	if (n <= 1 || first_global < 0)
		return NULL;
	x = xcalloc(1, sizeof *x);
	x->e = xmalloc((size_t)n * sizeof *x->e);
	for (int i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr value;
		const char *name = dwfl_module_getsym_info(mod, i, &sym, &value, NULL, NULL, NULL);
		int type = GELF_ST_TYPE(sym.st_info);
		if (!name || !name[0] || sym.st_shndx == SHN_UNDEF || type == STT_SECTION || type == STT_FILE ||
		    type == STT_TLS)
			continue;
		x->e[x->n++] = (struct entry){
			.value = value,
			.size = sym.st_size,
			.name = name,
			.index = i,
			.bind = binding(&sym),
			/* (with only the dynamic symbols, read from memory, all
			 * are searched at once) */
			.global = first_global <= 1 || i >= first_global,
		};
	}
	qsort(x->e, x->n, sizeof *x->e, by_value);
	for (size_t i = 0; i < x->n; i++) {
		/* (a size past the address space holds everything above) */
		uint64_t end = x->e[i].size > UINT64_MAX - x->e[i].value ? UINT64_MAX : x->e[i].value + x->e[i].size;
		x->e[i].reach = i && x->e[i - 1].reach > end ? x->e[i - 1].reach : end;
	}
	return x;
}

void symindex_free(struct symindex *x)
{
	if (!x)
		return;
	free(x->e);
	free(x);
}

static int by_index(const void *a, const void *b)
{
	return (*(const struct entry *const *)a)->index - (*(const struct entry *const *)b)->index;
}

/* elfutils' choice among the sized symbols holding the address, in the
 * order of its table, of one pass (global or not). */
static const struct entry *choose(const struct entry *const *holders, size_t n, int global)
{
	const struct entry *best = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct entry *c = holders[i];
		if (c->global != global)
			continue;
		if (!best || best->value < c->value || best->bind < c->bind)
			best = c;
		else if (best->value == c->value && ((best->size > c->size && best->bind <= c->bind) ||
						     (best->size >= c->size && best->bind < c->bind)))
			best = c;
	}
	return best;
}

/* The first entry whose value is at least v, of the first n. */
static size_t lower_bound(const struct symindex *x, size_t n, uint64_t v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->e[mid].value < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *symindex_find(const struct symindex *x, uint64_t addr, int *decided)
{
	const struct entry *holders[MAX_HOLDERS], *best;
	size_t below, n = 0;

	*decided = 0;
	if (!x || !x->n)
		return NULL;
	below = lower_bound(x, x->n, addr + 1); /* the entries at or below addr */
	if (addr == UINT64_MAX)
		below = x->n;
	/* a global label on addr itself: elfutils' rules */
	for (size_t i = below; i-- > 0 && x->e[i].value == addr;)
		if (x->e[i].size == 0 && x->e[i].global)
			return NULL;
	for (size_t i = below; i-- > 0 && x->e[i].reach > addr;) {
		const struct entry *c = &x->e[i];
		if (c->size == 0 || addr - c->value >= c->size)
			continue;
		if (n == MAX_HOLDERS)
			return NULL;
		holders[n++] = c;
	}
	qsort(holders, n, sizeof *holders, by_index);
	if (!(best = choose(holders, n, 1)))
		best = choose(holders, n, 0);
	if (best) {
		*decided = 1;
		return best->name;
	}
	/* None holds it.  elfutils would name it by a label at or above the
	 * end of every symbol below it; where there is none, it names
	 * nothing */
	if (below) {
		uint64_t end = x->e[below - 1].reach;
		for (size_t i = lower_bound(x, below, end); i < below && x->e[i].value == end; i++)
			if (x->e[i].size == 0)
				return NULL;
	}
	*decided = 1;
	return NULL;
}
