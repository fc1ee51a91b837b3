/* output.h: the report's formats.  Each is one file (out_NAME.c) that
 * defines a struct output, and one row of the table in output.c: adding a
 * format is that file and that row. */
#ifndef CPROF_OUTPUT_H
#define CPROF_OUTPUT_H

#include <errno.h>
#include <stdio.h>

#include "diff.h"
#include "model.h"
#include "report.h"

/* What the command line asks of every format. */
struct output_args {
	const char *prog;     /* names the command in messages */
	struct sort_spec sort;
	long top;             /* the first rows only; -1 for all */
	int per_process;      /* a table per process instead of the merged one */
	int per_rank;         /* a table per MPI rank instead of the merged one */
	/* cprof-report --diff: the model is the new run, compared with base
	 * (formats with .diff set only) */
	const struct model *base;
	const struct diff *diff;
	const struct diff_options *diff_options; /* what the text prints of it */
	const char *base_label, *new_label;
};

struct output {
	const char *name;   /* --format=NAME */
	const char *suffix; /* -o FILE ending so is this format, or NULL */
	const char *what;   /* one line for --help */
	unsigned keep;      /* what the model must keep for it (MODEL_*) */
	int binary;         /* not for a terminal */
	size_t budget;      /* nodes and rows its views beside the merged one
			     * may hold in all (0: no limit) */
	int diff;           /* it can show two runs compared (--diff) */
	/* 0, or -errno (the write failed) */
	int (*write)(FILE *out, const struct model *m, const struct output_args *a);
};

/* The format named, or NULL. */
const struct output *output_named(const char *name);
/* The format of a file named path: by its suffix, else pstats, as
 * cProfile's -o writes. */
const struct output *output_for_path(const char *path);
/* The text report, printed when no file is asked for. */
const struct output *output_text(void);
/* An HTML page: the viewer, with the JSON members data writes after
 * "format" and "generator" (docs/OUTPUTS.md) as its data.  0, or -EINVAL
 * if the viewer built in has no place for them. */
int html_page(FILE *out, void (*data)(FILE *out, const void *arg), const void *arg);

/* "text, pstats, html, ...", for messages. */
const char *output_names(void);
/* The formats, a line each, for --help. */
void output_list(FILE *f, const char *indent);

/* Whether a report can be written at path: it must be a regular file
 * that can be written, or not exist yet, in a directory that takes a new
 * file (a FIFO would block the writer, forever if nothing reads it; a
 * device is no file to replace).  0, or -errno: -OUTPUT_NOT_REGULAR for
 * anything but a regular file. */
int output_check(const char *path);
#define OUTPUT_NOT_REGULAR EINVAL
/* What output_check's and output_write_file's errors mean. */
const char *output_strerror(int err);

/* Writes m as o into path, under a temporary name renamed at the end, so
 * that a failed write leaves what was there as it was and a link planted
 * at the name is not written through.  0, or -errno. */
int output_write_file(const struct output *o, const struct model *m, const struct output_args *a, const char *path);

#endif
