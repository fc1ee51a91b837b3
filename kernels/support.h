/* support.h: what the kernels share, each the C counterpart of what the
 * seed's Python uses: multiprocessing's Pool.map, repr() of a float, and
 * time.time(). */
#ifndef KERNELS_SUPPORT_H
#define KERNELS_SUPPORT_H

/* Pool(workers).map(fn, args) over fork: results[i] = fn(args[i]) for
 * i < n.  Workers take tasks from a pipe as they free up and end with
 * _exit, as multiprocessing's fork workers do.  Returns 0, or -1 with
 * errno set. */
int pool_map(int workers, double (*fn)(long), const long *args, int n, double *results);

/* Python's repr() of a float, into buf. */
void py_repr(double x, char *buf, int size);

/* time.time(): seconds since the epoch. */
double wall_time(void);

#endif
