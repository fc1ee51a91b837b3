/* pool.h: Pool(workers).map(fn, args) in C, over fork, for the kernels.
 * Workers take tasks from a pipe as they free up and end with _exit, as
 * multiprocessing's fork workers do. */
#ifndef KERNELS_POOL_H
#define KERNELS_POOL_H

/* results[i] = fn(args[i]) for i < n, computed by `workers` forked
 * processes.  Returns 0, or -1 with errno set. */
int pool_map(int workers, double (*fn)(long), const long *args, int n, double *results);

/* Python's repr() of a float, into buf. */
void py_repr(double x, char *buf, int size);

#endif
