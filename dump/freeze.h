/* freeze.h: a process held still for as short a time as its stacks take to
 * copy, with ptrace (docs/DUMP.md).  Every thread is seized and interrupted,
 * not sent SIGSTOP: nothing the program or its parent can see; a signal that
 * arrives meanwhile is handed back at the thaw. */
#ifndef CPROF_DUMP_FREEZE_H
#define CPROF_DUMP_FREEZE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#define FREEZE_STACK_BYTES (128 * 1024) /* copied from each thread's stack pointer up; the
					* unwinder reads what lies beyond from the live process */

struct frozen_thread {
	pid_t tid;
	int signal;                  /* to hand back at the thaw, or 0 */
	struct user_regs_struct regs;
	uint64_t stack_at;           /* the copy's first address */
	unsigned char *stack;        /* its bytes */
	size_t stack_len;
	char comm[16];               /* the thread's name */
};

struct frozen {
	pid_t pid;
	struct frozen_thread *thread;
	size_t nthread;
	int64_t paused_ns; /* from the first thread stopped to the last one let go */
	int64_t stop_ns;   /* when the first stopped */
};

/* Stops every thread of pid: 0, or -1 with the cause and what to do in err
 * (no permission, no such process, ...). */
int freeze(pid_t pid, struct frozen *f, char *err, size_t errsize);

/* Why this process may not attach to pid, and what to do, into err. */
void freeze_explain(pid_t pid, char *err, size_t errsize);

/* Reads len bytes at addr of the frozen process (its memory, not the
 * copies): 0, or -1. */
int frozen_read(const struct frozen *f, uint64_t addr, void *buf, size_t len);

/* Lets every thread go on, each with the signal it was stopped by. */
void thaw(struct frozen *f);

/* The stack pointer in a thread's registers. */
uint64_t regs_sp(const struct user_regs_struct *r);

/* Frees the copies. */
void frozen_free(struct frozen *f);

#endif
