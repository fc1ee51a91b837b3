/* proc.c: what /proc says of another process (proc.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc.h"

/* The first line of /proc/PID/status that starts with key, its value. */
long proc_status(pid_t pid, const char *key)
{
	char path[64], line[256];
	long v = -1;
	size_t klen = strlen(key);
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if (!(fp = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof line, fp))
		if (!strncmp(line, key, klen)) {
			v = strtol(line + klen, NULL, 10);
			break;
		}
	fclose(fp);
	return v;
}

/* The end of the mapping of pid that holds addr, or 0. */
uint64_t proc_mapping_end(pid_t pid, uint64_t addr)
{
	char path[64], line[512];
	uint64_t end = 0;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
	if (!(fp = fopen(path, "r")))
		return 0;
	while (fgets(line, sizeof line, fp)) {
		unsigned long long lo, hi;
		if (sscanf(line, "%llx-%llx", &lo, &hi) == 2 && addr >= lo && addr < hi) {
			end = hi;
			break;
		}
	}
	fclose(fp);
	return end;
}

void proc_thread_name(pid_t pid, pid_t tid, char *buf, size_t size)
{
	char path[64];
	FILE *fp;

	memset(buf, 0, size);
	snprintf(path, sizeof path, "/proc/%d/task/%d/comm", (int)pid, (int)tid);
	if ((fp = fopen(path, "r"))) {
		if (fgets(buf, (int)size, fp))
			buf[strcspn(buf, "\n")] = 0;
		fclose(fp);
	}
}

int proc_running(pid_t pid)
{
	char path[64], state = 0;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if (!(fp = fopen(path, "r")))
		return 0;
	if (fscanf(fp, "%*d (%*[^)]) %c", &state) != 1)
		state = 0;
	fclose(fp);
	return state && state != 'Z' && state != 'X';
}

int proc_kernel_thread(pid_t pid)
{
	char path[64];
	unsigned long flags = 0;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if (!(fp = fopen(path, "r")))
		return 0;
	/* the ninth field, the task's flags: PF_KTHREAD */
	if (fscanf(fp, "%*d (%*[^)]) %*c %*d %*d %*d %*d %*d %lu", &flags) != 1)
		flags = 0;
	fclose(fp);
	return (flags & 0x00200000ul) != 0;
}
