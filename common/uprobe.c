/* uprobe.c: see uprobe.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "uprobe.h"

/* dst = the strings up to NULL, cut to size: strcat without its risks. */
static void join(char *dst, size_t size, const char *const *parts)
{
	size_t n = 0;

	for (; *parts; parts++)
		for (const char *s = *parts; *s && n + 1 < size; s++)
			dst[n++] = *s;
	dst[n] = '\0';
}

static void put_num(char *buf, size_t size, uint64_t v, unsigned base)
{
	char tmp[24];
	size_t n = 0, i = 0;

	do
		tmp[n++] = "0123456789abcdef"[v % base];
	while ((v /= base) && n < sizeof tmp);
	for (; n && i + 1 < size; i++)
		buf[i] = tmp[--n];
	buf[i] = '\0';
}

int uprobe_tracefs(char *dir, size_t size)
{
	static const char *const dirs[] = {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"};
	struct stat st;

	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		char path[128];
		join(path, sizeof path, (const char *const[]){dirs[i], "/uprobe_events", NULL});
		if (stat(path, &st) == 0) {
			join(dir, size, (const char *const[]){dirs[i], NULL});
			return 0;
		}
		if (errno == EACCES)
			return -EACCES; /* tracefs is root's */
	}
	/* tracefs there but no uprobe_events: not built into this kernel */
	return stat("/sys/kernel/tracing/events", &st) == 0 ? -ENODEV : -ENOENT;
}

int uprobe_mount_tracefs(void)
{
	return mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL) < 0 ? -errno : 0;
}

int uprobe_file_offset(const ElfW(Phdr) *phdr, size_t phnum, uint64_t vaddr, uint64_t *offset)
{
	for (size_t i = 0; i < phnum; i++) {
		const ElfW(Phdr) *p = &phdr[i];
		if (p->p_type == PT_LOAD && (p->p_flags & PF_X) && vaddr >= p->p_vaddr &&
		    vaddr < p->p_vaddr + p->p_filesz) {
			*offset = vaddr - p->p_vaddr + p->p_offset;
			return 0;
		}
	}
	return -1;
}

/* Writes one command to uprobe_events. */
static int command(const char *tracefs, const char *cmd)
{
	char path[128];
	int fd, e = 0;
	size_t n = strlen(cmd);

	join(path, sizeof path, (const char *const[]){tracefs, "/uprobe_events", NULL});
	fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (write(fd, cmd, n) != (ssize_t)n)
		e = errno ? errno : EIO;
	close(fd);
	return -e;
}

long uprobe_define(const char *tracefs, const char *group, const char *event, const char *path, uint64_t offset)
{
	char cmd[PATH_MAX + 2 * UPROBE_NAME_MAX + 40], off[24], idpath[256], buf[24];
	ssize_t n;
	int fd, ret;

	if (strpbrk(path, " \t\n"))
		return -EINVAL; /* tracefs splits its commands at blanks */
	put_num(off, sizeof off, offset, 16);
	join(cmd, sizeof cmd, (const char *const[]){"p:", group, "/", event, " ", path, ":0x", off, "\n", NULL});
	ret = command(tracefs, cmd);
	if (ret < 0)
		return ret;
	join(idpath, sizeof idpath, (const char *const[]){tracefs, "/events/", group, "/", event, "/id", NULL});
	fd = open(idpath, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

int uprobe_undefine(const char *tracefs, const char *group, const char *event)
{
	char cmd[2 * UPROBE_NAME_MAX + 8];

	join(cmd, sizeof cmd, (const char *const[]){"-:", group, "/", event, "\n", NULL});
	return command(tracefs, cmd);
}

void uprobe_group(char *buf, size_t size, int pid, unsigned tag)
{
	char p[24], t[24];

	put_num(p, sizeof p, (uint64_t)pid, 10);
	put_num(t, sizeof t, tag, 16);
	join(buf, size, (const char *const[]){"cprof_", p, "_", t, NULL});
}

void uprobe_sweep(const char *tracefs)
{
	char path[128], line[PATH_MAX + 256];
	FILE *f;

	join(path, sizeof path, (const char *const[]){tracefs, "/uprobe_events", NULL});
	f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char group[UPROBE_NAME_MAX], event[UPROBE_NAME_MAX];
		int pid;
		/* p:cprof_<pid>_<tag>/<event> <path>:<offset> */
		if (sscanf(line, "%*[pr]:%63[^/]/%63s", group, event) != 2 || sscanf(group, "cprof_%d_", &pid) != 1)
			continue;
		if (pid == (int)getpid() || (kill(pid, 0) < 0 && errno == ESRCH))
			uprobe_undefine(tracefs, group, event); /* EBUSY: still counted, by the current image or a child */
	}
	fclose(f);
}

int uprobe_count(long id)
{
	struct perf_event_attr a;
	int fd;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_TRACEPOINT;
	a.config = (uint64_t)id;
	/* New threads inherit the counter and add to it; forked children do
	 * not (inherit_thread): each process counts, and writes, its own. */
	a.inherit = 1;
	a.inherit_thread = 1;
	a.remove_on_exec = 1;
	fd = (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	return fd >= 0 ? fd : -errno;
}

const char *uprobe_advice(int err)
{
	switch (err) {
	case EACCES:
	case EPERM:
		return "uprobes need root (cprof defines them in tracefs): run cprof as root, or leave out --count";
	case ENODEV:
		return "this kernel has no uprobe events (CONFIG_UPROBE_EVENTS): count calls by compiling with "
		       "-finstrument-functions instead";
	case ENOENT:
		return "tracefs is not mounted: mount -t tracefs nodev /sys/kernel/tracing";
	case EINVAL:
		return "the kernel refused the probe (counting by thread needs Linux 5.13 or later)";
	case EMFILE:
	case ENFILE:
		return "out of file descriptors: each counted function takes one (raise ulimit -n, or count fewer)";
	default:
		return strerror(err);
	}
}
