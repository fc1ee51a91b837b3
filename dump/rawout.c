/* rawout.c: writing a raw profile from outside (rawout.h).  Made under a
 * .partial name no one else uses, with O_EXCL|O_NOFOLLOW through the
 * directory's descriptor, and given its final name with link(), which
 * never replaces a name nor follows a link planted there. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rawout.h"

struct rawout {
	int dirfd;
	FILE *f;
	char base[256], tmp[300];
	uint64_t records;
};

struct rawout *rawout_open(const char *dir, const char *host, int pid, char *err, size_t errsize)
{
	struct rawout *w = calloc(1, sizeof *w);
	struct cprof_file_header h = {.version = CPROF_FORMAT_VERSION, .byte_order = CPROF_BYTE_ORDER_MARK};
	int fd = -1;

	if (!w) {
		snprintf(err, errsize, "out of memory");
		return NULL;
	}
	snprintf(w->base, sizeof w->base, "%s-%d", host, pid);
	if ((w->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		snprintf(err, errsize, "cannot open %s: %s", dir, strerror(errno));
		free(w);
		return NULL;
	}
	for (unsigned n = 0; n < 1000 && fd < 0; n++) {
		snprintf(w->tmp, sizeof w->tmp, "%s.%x%s", w->base, (unsigned)time(NULL) + n, CPROF_PARTIAL_SUFFIX);
		fd = openat(w->dirfd, w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0 || !(w->f = fdopen(fd, "w"))) {
		snprintf(err, errsize, "cannot write in %s: %s", dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		close(w->dirfd);
		free(w);
		return NULL;
	}
	memcpy(h.magic, CPROF_MAGIC, sizeof h.magic);
	fwrite(&h, sizeof h, 1, w->f);
	return w;
}

void rawout_record(struct rawout *w, uint32_t type, const void *fixed, size_t size, const void *extra,
		   size_t extra_size)
{
	static const char pad[8];
	struct cprof_record r = {.type = type, .size = (uint32_t)(size + extra_size)};

	fwrite(&r, sizeof r, 1, w->f);
	fwrite(fixed, 1, size, w->f);
	if (extra_size)
		fwrite(extra, 1, extra_size, w->f);
	fwrite(pad, 1, CPROF_ALIGN(size + extra_size) - (size + extra_size), w->f);
	w->records++;
}

int rawout_close(struct rawout *w, char *err, size_t errsize)
{
	struct cprof_rec_end end = {.records = w->records};
	char final[320];
	int ret = -1;

	rawout_record(w, CPROF_REC_END, &end, sizeof end, NULL, 0);
	if (fflush(w->f) != 0 || ferror(w->f)) {
		snprintf(err, errsize, "cannot write the profile: %s", strerror(errno));
	} else {
		for (int n = 0; n < 1000; n++) {
			if (n)
				snprintf(final, sizeof final, "%s.%d%s", w->base, n, CPROF_SUFFIX);
			else
				snprintf(final, sizeof final, "%s%s", w->base, CPROF_SUFFIX);
			if (linkat(w->dirfd, w->tmp, w->dirfd, final, 0) == 0) {
				ret = 0;
				break;
			}
			if (errno != EEXIST) {
				snprintf(err, errsize, "cannot name the profile %s: %s", final, strerror(errno));
				break;
			}
		}
	}
	unlinkat(w->dirfd, w->tmp, 0);
	fclose(w->f);
	close(w->dirfd);
	free(w);
	return ret;
}
