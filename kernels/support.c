/* support.c: what the kernels share (see support.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support.h"

struct result {
	int index;
	double value;
};

static void pool_worker(double (*fn)(long), const long *args, int tasks, int results)
{
	int i;

	while (read(tasks, &i, sizeof i) == sizeof i) {
		struct result r = {i, fn(args[i])};
		if (write(results, &r, sizeof r) != sizeof r)
			break;
	}
	_exit(0);
}

int pool_map(int workers, double (*fn)(long), const long *args, int n, double *results)
{
	int tasks[2], done[2], ret = 0;
	pid_t *pids = calloc((size_t)workers, sizeof *pids);

	if (!pids || pipe(tasks) < 0 || pipe(done) < 0)
		return -1;
	for (int w = 0; w < workers; w++) {
		pids[w] = fork();
		if (pids[w] < 0)
			return -1;
		if (pids[w] == 0) {
			close(tasks[1]);
			close(done[0]);
			pool_worker(fn, args, tasks[0], done[1]);
		}
	}
	close(tasks[0]);
	close(done[1]);
	for (int i = 0; i < n; i++)
		if (write(tasks[1], &i, sizeof i) != sizeof i)
			ret = -1;
	close(tasks[1]);
	for (int k = 0; k < n && ret == 0; k++) {
		struct result r;
		if (read(done[0], &r, sizeof r) != sizeof r || r.index < 0 || r.index >= n) {
			errno = EPIPE;
			ret = -1;
			break;
		}
		results[r.index] = r.value;
	}
	close(done[0]);
	for (int w = 0; w < workers; w++)
		waitpid(pids[w], NULL, 0);
	free(pids);
	return ret;
}

void py_repr(double x, char *buf, int size)
{
	int prec, exp;

	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, (size_t)size, "%.*e", prec - 1, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	snprintf(buf, (size_t)size, "%.*e", prec - 1, x);
	exp = atoi(strchr(buf, 'e') + 1); /* the exponent printf rounded to */
	if (exp >= -4 && exp < 16) {
		int digits = prec - 1 - exp;
		snprintf(buf, (size_t)size, "%.*f", digits > 1 ? digits : 1, x);
	} else if (prec == 1) {
		snprintf(buf, (size_t)size, "%.0e", x);
	}
}

double wall_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
