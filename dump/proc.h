/* proc.h: what /proc says of another process, for cprof-dump and cprof -p. */
#ifndef CPROF_DUMP_PROC_H
#define CPROF_DUMP_PROC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The value of the first line of /proc/PID/status that starts with key
 * ("Uid:", "TracerPid:"), or -1. */
long proc_status(pid_t pid, const char *key);

/* The end of pid's mapping that holds addr, or 0. */
uint64_t proc_mapping_end(pid_t pid, uint64_t addr);

/* The name (comm) of thread tid of pid, NUL-padded into buf; empty if it
 * cannot be read. */
void proc_thread_name(pid_t pid, pid_t tid, char *buf, size_t size);

/* Whether pid is a thread of the kernel's (kthreadd, a worker): no user
 * space to show. */
int proc_kernel_thread(pid_t pid);

/* Whether pid is there and not a zombie. */
int proc_running(pid_t pid);

#endif
