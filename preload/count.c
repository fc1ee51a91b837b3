/* count.c: exact call counts without recompiling (cprof --count,
 * docs/SAMPLING.md).
 *
 * CPROF_COUNT lists patterns, [LIB:]GLOB separated by commas (countspec.h).
 * At startup every function defined in the main executable (no LIB) or in
 * the loaded libraries LIB names, whose symbol matches GLOB, gets a uprobe
 * on its entry (uprobe.h) and a perf event counting its hits: one
 * descriptor per function, shared by all the threads of the process (new
 * threads inherit the counter and add to it when they end).  A forked
 * child counts for itself: it opens its own counters onto the same
 * descriptor numbers.  The writer reads the counts into the COUNTS record;
 * the last process to let go of the probes removes them.
 *
 * Libraries loaded later (dlopen) are not searched: the probes are placed
 * once, before main.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <link.h>
#include <linux/perf_event.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "component.h"
#include "countspec.h"
#include "cprof-format.h"
#include "fmt.h"
#include "rawbuf.h"
#include "runtime-int.h"
#include "uprobe.h"

#define COUNT_MAX 512      /* functions counted at most */

struct counter {
	uint64_t func;   /* entry address in this process */
	long probe;      /* the probe's tracepoint id */
	int fd;          /* -1 once lost */
	uint64_t id;     /* the perf event's id, to tell the descriptor is still ours */
};

static struct counter counters[COUNT_MAX];
static int ncounters;
static struct countspec patterns[COUNTSPEC_MAX];
static int matched[COUNTSPEC_MAX]; /* a function matched patterns[i] */
static int npatterns;
static char tracefs[64], group[UPROBE_NAME_MAX];
static unsigned long matches; /* functions matched, counted or not */
static int searched;          /* the symbols were searched */
static char note[160];

static void set_note(const char *why)
{
	if (!note[0])
		fmt_format(note, sizeof note, "%s", why);
}

/* The program took (dup2) the number of a counter: the counter is gone. */
static void count_fd_taken(int fd)
{
	for (int i = 0; i < ncounters; i++)
		if (counters[i].fd == fd) {
			counters[i].fd = -1;
			set_note("the program took a counter's descriptor (dup2): the calls after are not counted");
		}
}

static void event_name(char *buf, size_t size, int i)
{
	fmt_format(buf, size, "f%d", i);
}

static void add_counter(const char *path, const struct dl_phdr_info *info, uint64_t vaddr)
{
	uint64_t func = info->dlpi_addr + vaddr, offset;
	struct counter *c = &counters[ncounters];
	char event[16];
	long probe;
	int fd;

	for (int i = 0; i < ncounters; i++)
		if (counters[i].func == func)
			return; /* an alias of one counted already */
	matches++;
	if (ncounters == COUNT_MAX) {
		set_note("more functions matched than the 512 that can be counted: use narrower patterns");
		return;
	}
	if (uprobe_file_offset(info->dlpi_phdr, info->dlpi_phnum, vaddr, &offset) < 0)
		return;
	event_name(event, sizeof event, ncounters);
	probe = uprobe_define(tracefs, group, event, path, offset);
	fd = probe < 0 ? (int)probe : uprobe_count(probe);
	if (fd < 0) {
		char why[160];
		fmt_format(why, sizeof why, "cannot count calls: %s", uprobe_advice(-fd));
		set_note(why);
		if (probe >= 0)
			uprobe_undefine(tracefs, group, event);
		return;
	}
	c->fd = fds_park(fd, count_fd_taken);
	if (c->fd < 0)
		set_note("cannot count calls: the descriptor limit (ulimit -n) leaves no room for the counters");
	if (c->fd < 0 || ioctl(c->fd, PERF_EVENT_IOC_ID, &c->id) < 0) {
		fds_close(c->fd);
		uprobe_undefine(tracefs, group, event);
		return;
	}
	c->func = func;
	c->probe = probe;
	ncounters++;
}

/* The defined functions of the ELF file at `path` that a pattern for it
 * matches.  IFUNCs are left out: their symbol is the resolver, which runs
 * once, not the function callers reach. */
static void scan_symbols(const char *path, const struct dl_phdr_info *info, const int *applies)
{
	struct stat st;
	const unsigned char *base;
	const ElfW(Ehdr) *eh;
	const ElfW(Shdr) *sh;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (fstat(fd, &st) < 0 || (size_t)st.st_size < sizeof *eh) {
		close(fd);
		return;
	}
	base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		return;
	eh = (const ElfW(Ehdr) *)base;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_shentsize != sizeof *sh || eh->e_shoff > (size_t)st.st_size ||
	    eh->e_shnum > ((size_t)st.st_size - eh->e_shoff) / sizeof *sh)
		goto out;
	sh = (const ElfW(Shdr) *)(base + eh->e_shoff);
	for (unsigned i = 0; i < eh->e_shnum; i++) {
		const ElfW(Shdr) *str;
		if ((sh[i].sh_type != SHT_SYMTAB && sh[i].sh_type != SHT_DYNSYM) || sh[i].sh_link >= eh->e_shnum ||
		    sh[i].sh_entsize != sizeof(ElfW(Sym)))
			continue;
		str = &sh[sh[i].sh_link];
		if (sh[i].sh_offset > (size_t)st.st_size || sh[i].sh_size > (size_t)st.st_size - sh[i].sh_offset ||
		    str->sh_offset > (size_t)st.st_size || str->sh_size > (size_t)st.st_size - str->sh_offset)
			continue;
		const ElfW(Sym) *sym = (const ElfW(Sym) *)(base + sh[i].sh_offset);
		const char *names = (const char *)(base + str->sh_offset);
		for (size_t k = 0; k < sh[i].sh_size / sizeof *sym; k++) {
			const char *name;
			if (ELF64_ST_TYPE(sym[k].st_info) != STT_FUNC || sym[k].st_shndx == SHN_UNDEF ||
			    !sym[k].st_value || sym[k].st_name >= str->sh_size ||
			    !memchr(names + sym[k].st_name, '\0', str->sh_size - sym[k].st_name))
				continue;
			name = names + sym[k].st_name;
			for (int p = 0; p < npatterns; p++) {
				if (!applies[p] || fnmatch(patterns[p].glob, name, 0) != 0)
					continue;
				matched[p] = 1;
				add_counter(path, info, sym[k].st_value);
				break;
			}
		}
	}
out:
	munmap((void *)base, (size_t)st.st_size);
}

static int scan_module(struct dl_phdr_info *info, size_t size, void *data)
{
	int *first = data, is_main = *first, applies[COUNTSPEC_MAX], any = 0;
	char path[PATH_MAX];

	(void)size;
	*first = 0;
	if (is_main) {
		ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
		if (n <= 0)
			return 0;
		path[n] = '\0';
	} else if (!info->dlpi_name[0] || !realpath(info->dlpi_name, path) || strcmp(path, rt.self_path) == 0) {
		return 0; /* the vDSO, or cprof's runtime */
	}
	for (int p = 0; p < npatterns; p++)
		any |= applies[p] = countspec_lib_matches(&patterns[p], path, is_main) ||
				    (!is_main && countspec_lib_matches(&patterns[p], info->dlpi_name, 0));
	if (any)
		scan_symbols(path, info, applies);
	return 0;
}

static void count_init(void)
{
	const char *spec = setting(CPROF_ENV_COUNT);
	int first = 1, ret;

	if ((npatterns = countspec_parse(spec, patterns, COUNTSPEC_MAX)) < 0) {
		log_warn("CPROF_COUNT takes [LIB:]GLOB patterns separated by commas, not '%s': nothing counted", spec);
		npatterns = 0;
	}
	if (npatterns > COUNTSPEC_MAX)
		npatterns = COUNTSPEC_MAX;
	if (!npatterns)
		return;
	ret = uprobe_tracefs(tracefs, sizeof tracefs);
	if (ret < 0) {
		fmt_format(note, sizeof note, "cannot count calls: %s", uprobe_advice(-ret));
		return;
	}
	uprobe_sweep(tracefs);
	uprobe_group(group, sizeof group, rt.pid, (unsigned)(rt.mono_ns0 >> 10));
	dl_iterate_phdr(scan_module, &first);
	searched = 1;
	if (matches > COUNT_MAX)
		log_warn("--count: %lu functions matched, %d counted", matches, COUNT_MAX);
	log_info("--count: counting %d functions", ncounters);
}

/* In the child after fork: its counters are its own, on the same
 * descriptors.  Async-signal-safe. */
static void count_fork_child(void)
{
	for (int i = 0; i < ncounters; i++) {
		struct counter *c = &counters[i];
		int fd = c->fd >= 0 ? uprobe_count(c->probe) : -1;

		/* (the system call: the dup3 the program calls lets go of c->fd) */
		if (fd >= 0 && syscall(SYS_dup3, fd, c->fd, O_CLOEXEC) == c->fd &&
		    ioctl(c->fd, PERF_EVENT_IOC_ID, &c->id) == 0) {
			close(fd);
			continue;
		}
		if (fd >= 0)
			close(fd);
		fds_close(c->fd);
		c->fd = -1;
		set_note("a forked child could not count calls: its counts are missing");
	}
}

/* May run in a signal handler. */
static void count_write_info(struct rawbuf *b)
{
	struct cprof_rec_counts rec = {.n = (uint32_t)ncounters};
	uint32_t size = sizeof rec + (uint32_t)ncounters * sizeof(struct cprof_count) + 1;

	if (!npatterns)
		return;
	for (int p = 0; p < npatterns && searched; p++)
		if (!matched[p])
			size += (uint32_t)strlen(patterns[p].lib) + !!patterns[p].lib[0] + (uint32_t)strlen(patterns[p].glob) + 1;
	memcpy(rec.note, note, sizeof rec.note);
	rawbuf_begin(b, CPROF_REC_COUNTS, size);
	rawbuf_put(b, &rec, sizeof rec);
	for (int i = 0; i < ncounters; i++) {
		struct counter *c = &counters[i];
		struct cprof_count cnt = {.func = c->func};
		uint64_t id, calls;
		/* not ours any more if the program closed or replaced it */
		if (c->fd >= 0 && ioctl(c->fd, PERF_EVENT_IOC_ID, &id) == 0 && id == c->id &&
		    read(c->fd, &calls, sizeof calls) == sizeof calls)
			cnt.calls = calls;
		rawbuf_put(b, &cnt, sizeof cnt);
	}
	for (int p = 0; p < npatterns && searched; p++) {
		if (matched[p])
			continue;
		if (patterns[p].lib[0]) {
			rawbuf_put(b, patterns[p].lib, (uint32_t)strlen(patterns[p].lib));
			rawbuf_put(b, ":", 1);
		}
		rawbuf_put(b, patterns[p].glob, (uint32_t)strlen(patterns[p].glob) + 1);
	}
	rawbuf_put(b, "", 1);
	rawbuf_end(b, size);
}

/* The process is ending: its counters close, and the probes go unless
 * another process still counts them (a child, or the parent).
 * Async-signal-safe. */
static void count_release(void)
{
	for (int i = 0; i < ncounters; i++) {
		char event[16];
		fds_close(counters[i].fd);
		counters[i].fd = -1;
		event_name(event, sizeof event, i);
		uprobe_undefine(tracefs, group, event);
	}
}

const struct component count_component = {
	.init = count_init,
	.fork_child = count_fork_child,
	.finish = count_release,
	.write = count_write_info,
};
