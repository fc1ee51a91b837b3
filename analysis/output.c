/* output.c: the table of the report's formats, and writing one to a file. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "output.h"

extern const struct output output_text_format, output_pstats, output_html, output_speedscope, output_folded;

/* The formats: -o FILE picks the first whose suffix ends FILE, else
 * pstats (cProfile's -o). */
static const struct output *const outputs[] = {
	&output_text_format,
	&output_pstats,
	&output_html,
	&output_speedscope,
	&output_folded,
};
#define NOUTPUTS (sizeof outputs / sizeof outputs[0])

const struct output *output_named(const char *name)
{
	for (size_t i = 0; i < NOUTPUTS; i++)
		if (strcmp(outputs[i]->name, name) == 0)
			return outputs[i];
	return NULL;
}

const struct output *output_for_path(const char *path)
{
	size_t len = strlen(path);

	for (size_t i = 0; i < NOUTPUTS; i++) {
		const char *suffix = outputs[i]->suffix;
		if (suffix && len > strlen(suffix) && strcmp(path + len - strlen(suffix), suffix) == 0)
			return outputs[i];
	}
	return &output_pstats;
}

const struct output *output_text(void)
{
	return &output_text_format;
}

const char *output_names(void)
{
	static char names[256];

	if (!names[0])
		for (size_t i = 0; i < NOUTPUTS; i++)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "",
				 outputs[i]->name);
	return names;
}

void output_list(FILE *f, const char *indent)
{
	for (size_t i = 0; i < NOUTPUTS; i++)
		fprintf(f, "%s%-11s %s\n", indent, outputs[i]->name, outputs[i]->what);
}

static mode_t current_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

/* Where the file would go: path's directory, which must take a new file. */
static int check_dir(const char *path)
{
	char *copy = xstrdup(path), *slash = strrchr(copy, '/');
	int ret = 0;

	if (slash)
		slash[slash == copy] = '\0'; /* "/x" is in "/" */
	if (access(slash ? copy : ".", W_OK | X_OK) < 0)
		ret = -errno;
	free(copy);
	return ret;
}

int output_check(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return -OUTPUT_NOT_REGULAR;
		if (access(path, W_OK) < 0)
			return -errno;
	} else if (errno != ENOENT) {
		return -errno;
	}
	return check_dir(path);
}

const char *output_strerror(int err)
{
	return err == OUTPUT_NOT_REGULAR ? "not a regular file (-o writes a new file or replaces a regular one)"
					 : strerror(err);
}

int output_write_file(const struct output *o, const struct model *m, const struct output_args *a, const char *path)
{
	char *tmp;
	FILE *f = NULL;
	int ret, fd;

	ret = output_check(path);
	if (ret < 0)
		return ret;
	tmp = xmalloc(strlen(path) + 16);
	sprintf(tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0 || !(f = fdopen(fd, "wb"))) {
		ret = -errno;
		if (fd >= 0)
			close(fd);
		goto out;
	}
	fchmod(fd, 0666 & ~current_umask());
	ret = o->write(f, m, a);
	if (!ret && ferror(f))
		ret = -EIO;
	if (fclose(f) != 0 && !ret)
		ret = -errno;
	if (!ret && rename(tmp, path) < 0)
		ret = -errno;
out:
	if (ret && fd >= 0)
		unlink(tmp);
	free(tmp);
	return ret;
}
