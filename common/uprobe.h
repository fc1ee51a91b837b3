/* uprobe.h: counting the calls of a function with a uprobe, shared by the
 * runtime (which counts) and the launcher (which checks first that the
 * kernel lets it).
 *
 * A probe is defined in tracefs (uprobe_events) and counted by a perf
 * tracepoint event.  Not the perf "uprobe" PMU: its events make a probe of
 * their own in every thread that inherits them, and when a thread ends the
 * kernel may take the breakpoint out of the whole process (seen on 6.18:
 * the calls of the other threads go uncounted).  A tracefs probe is one
 * probe, whichever threads count it.
 *
 * Every function here is async-signal-safe unless it says otherwise. */
#ifndef CPROF_UPROBE_H
#define CPROF_UPROBE_H

#include <link.h>
#include <stddef.h>
#include <stdint.h>

#define UPROBE_NAME_MAX 64

/* Where tracefs is mounted with uprobe events, into dir; 0 or -errno
 * (-ENODEV: the kernel has no uprobe events, -ENOENT: tracefs is not
 * mounted). */
int uprobe_tracefs(char *dir, size_t size);

/* Mounts tracefs at /sys/kernel/tracing, as libtracefs and trace-cmd do
 * where nobody has (root's); 0 or -errno.  Not async-signal-safe. */
int uprobe_mount_tracefs(void);

/* The file offset of the code at link-time address vaddr, from the
 * object's program headers; -1 if no executable segment holds it. */
int uprobe_file_offset(const ElfW(Phdr) *phdr, size_t phnum, uint64_t vaddr, uint64_t *offset);

/* Defines the probe group/event on the entry at `offset` of the file
 * `path` and returns its tracepoint id, or -errno. */
long uprobe_define(const char *tracefs, const char *group, const char *event, const char *path, uint64_t offset);

/* Removes a definition; -EBUSY while a process still counts it. */
int uprobe_undefine(const char *tracefs, const char *group, const char *event);

/* The group cprof's probes of process pid go in: cprof_<pid>_<tag>, tag
 * telling apart the images of one pid. */
void uprobe_group(char *buf, size_t size, int pid, unsigned tag);

/* Removes the probes of the processes that have ended, and of earlier
 * images of the calling process (before exec), but those still counted.
 * Not async-signal-safe. */
void uprobe_sweep(const char *tracefs);

/* A counter of the probe's hits in the calling thread and the threads it
 * creates from now on (not in forked children), closed on exec.  Returns
 * the descriptor or -errno. */
int uprobe_count(long id);

/* Why a uprobe_* call failed with -err, and what to do about it.  Not
 * async-signal-safe. */
const char *uprobe_advice(int err);

#endif
