/* maps.c: the files mapped into a process, from its /proc/PID/maps
 * (maps.h). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "maps.h"

static uint64_t parse_hex(const char **s)
{
	uint64_t v = 0;

	for (;; (*s)++) {
		char c = **s;
		if (c >= '0' && c <= '9')
			v = v * 16 + (uint64_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (uint64_t)(c - 'a' + 10);
		else
			return v;
	}
}

void maps_add_line(struct maps *m, const char *s)
{
	uint64_t start, end, off;
	const char *perms, *path;
	struct maps_module *mod = NULL;

	start = parse_hex(&s);
	if (*s++ != '-')
		return;
	end = parse_hex(&s);
	if (*s++ != ' ')
		return;
	perms = s;
	if (strnlen(perms, 5) < 5) /* "rwxp ": then nothing past the line's end is read */
		return;
	s += 5;
	off = parse_hex(&s);
	path = strchr(s, '/');
	if (!path)
		return;
	for (int i = m->n - 1; i >= 0; i--)
		if (strcmp(m->modules[i].path, path) == 0) {
			mod = &m->modules[i];
			break;
		}
	if (!mod) {
		size_t len = strlen(path) + 1;
		if (m->n == m->max || m->used + len > m->pool_size)
			return;
		mod = &m->modules[m->n++];
		memcpy(m->pool + m->used, path, len);
		mod->path = m->pool + m->used;
		m->used += len;
		mod->start = start;
		mod->end = end;
		mod->base = 0;
		mod->base_end = 0;
		mod->base_readable = 0;
		mod->exec = 0;
	}
	if (start < mod->start)
		mod->start = start;
	if (end > mod->end)
		mod->end = end;
	if (off == 0 && !mod->base) {
		mod->base = start;
		mod->base_end = end;
		mod->base_readable = perms[0] == 'r';
	}
	if (perms[2] == 'x')
		mod->exec = 1;
}

int maps_read(struct maps *m, int fd, char *buf, size_t bufsize, char *line, size_t linesize)
{
	size_t len = 0;

	for (;;) {
		ssize_t n = read(fd, buf, bufsize);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (len < linesize - 1)
					line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			maps_add_line(m, line);
			len = 0;
		}
	}
	return m->n;
}
