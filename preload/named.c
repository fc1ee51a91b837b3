/* named.c: the functions the runtime names itself, because only the
 * process can: Python's functions and built-ins (python.c), the MPI
 * functions (the cprof_call_* API).  Their ids go into the call trees like
 * native addresses, with CPROF_NAMED_BIT set; the names go into the NAMED
 * record (docs/FORMAT.md).
 *
 * Adding is lock-free and async-signal-safe: --mode=sample names Python's
 * code objects from the sampler's signal handler, in any thread.  An entry
 * is reserved, filled, then marked ready; the writer writes the entries up
 * to the first one caught half filled.
 */
#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "component.h"
#include "cprof-format.h"
#include "rawbuf.h"
#include "runtime-int.h"

#define NAMED_MAX (1u << 22)
#define TEXT_MAX (256u << 20)
#define NAME_MAX_LEN 1024

struct named {
	uint32_t line;
	uint32_t file; /* offsets into text */
	uint32_t name;
	uint32_t ready;
};

static struct named *entries;
static uint32_t nentries;
static char *text;
static uint32_t text_used;
static uint32_t python_version;

int named_init(void)
{
	if (entries)
		return 0;
	text = mmap(NULL, TEXT_MAX, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	entries = mmap(NULL, NAMED_MAX * sizeof *entries, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (text == MAP_FAILED || entries == MAP_FAILED) {
		entries = NULL;
		return -1;
	}
	text_used = 1; /* offset 0 is the empty string */
	return 0;
}

static uint32_t keep(const char *s)
{
	size_t n = s ? strnlen(s, NAME_MAX_LEN) : 1;
	uint32_t at = __atomic_fetch_add(&text_used, (uint32_t)n + 1, __ATOMIC_RELAXED);

	if (at + n + 1 > TEXT_MAX)
		return 0;
	memcpy(text + at, s ? s : "?", n);
	text[at + n] = '\0';
	return at;
}

uint64_t named_add(const char *file, uint32_t line, const char *name, int is_c)
{
	uint32_t i;

	if (!entries && named_init() < 0)
		return 0;
	i = __atomic_fetch_add(&nentries, 1, __ATOMIC_ACQ_REL);
	if (i >= NAMED_MAX) {
		__atomic_store_n(&nentries, NAMED_MAX, __ATOMIC_RELAXED);
		return 0;
	}
	entries[i].line = line;
	entries[i].file = keep(file);
	entries[i].name = keep(name);
	__atomic_store_n(&entries[i].ready, 1, __ATOMIC_RELEASE);
	return CPROF_NAMED_BIT | (is_c ? CPROF_NAMED_C : 0) | i;
}

static const struct named *entry(uint64_t id)
{
	uint64_t i = id & CPROF_NAMED_INDEX;

	return entries && i < __atomic_load_n(&nentries, __ATOMIC_ACQUIRE) &&
			       __atomic_load_n(&entries[i].ready, __ATOMIC_ACQUIRE)
		       ? &entries[i]
		       : NULL;
}

const char *named_file(uint64_t id)
{
	const struct named *e = entry(id);

	return e ? text + e->file : "";
}

const char *named_name(uint64_t id)
{
	const struct named *e = entry(id);

	return e ? text + e->name : "";
}

uint32_t named_line(uint64_t id)
{
	const struct named *e = entry(id);

	return e ? e->line : 0;
}

void named_set_python(uint32_t version)
{
	python_version = version;
}

/* May run in a signal handler. */
static void named_write(struct rawbuf *b)
{
	uint32_t n = __atomic_load_n(&nentries, __ATOMIC_ACQUIRE), size = sizeof(struct cprof_rec_named);
	struct cprof_rec_named rec = {.version = python_version};

	if (n > NAMED_MAX)
		n = NAMED_MAX;
	for (uint32_t i = 0; i < n; i++)
		if (!__atomic_load_n(&entries[i].ready, __ATOMIC_ACQUIRE))
			n = i; /* ready stays set: the two passes below agree */
	if (!n)
		return;
	rec.count = n;
	for (uint32_t i = 0; i < n; i++)
		size += 4 + (uint32_t)strlen(named_file(CPROF_NAMED_BIT | i)) + 1 +
			(uint32_t)strlen(named_name(CPROF_NAMED_BIT | i)) + 1;
	rawbuf_begin(b, CPROF_REC_NAMED, size);
	rawbuf_put(b, &rec, sizeof rec);
	for (uint32_t i = 0; i < n; i++) {
		const char *file = named_file(CPROF_NAMED_BIT | i), *name = named_name(CPROF_NAMED_BIT | i);
		uint32_t line = named_line(CPROF_NAMED_BIT | i);
		rawbuf_put(b, &line, 4);
		rawbuf_put(b, file, (uint32_t)strlen(file) + 1);
		rawbuf_put(b, name, (uint32_t)strlen(name) + 1);
	}
	rawbuf_end(b, size);
}

const struct component named_component = {
	.write = named_write,
};
