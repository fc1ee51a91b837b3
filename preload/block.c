/* block.c: the calls where threads block.
 *
 * Each wrapper tells the sampler (offcpu.c) when its thread blocks, so that
 * the time it spends there is charged to the stack that made the call.
 *
 * Some calls a handled signal makes fail with EINTR even under SA_RESTART
 * (signal(7)): nanosleep, poll, select, epoll_wait, sem_wait and their kin.
 * cprof's samples come in user mode only and never interrupt them; but the
 * fallback CPU-time timer can.  So when one fails with EINTR and no handler
 * of the program ran meanwhile, the signal was cprof's, and the call goes on
 * with what remains of its timeout.
 *
 * glibc's sleep() and usleep() call nanosleep internally, past these
 * wrappers, so they are wrapped themselves.  The runtime's own waits use the
 * system calls directly.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "runtime-int.h"


/* Brackets a blocking call. */
static void block_begin(struct block_mark *m, unsigned *handled)
{
	*handled = signals_program_handled();
	offcpu_block_begin(m);
}

static void block_end(struct block_mark *m)
{
	int saved = errno;

	offcpu_block_end(m);
	errno = saved;
}

/* Whether a call that failed with errno e should go on: it failed with
 * EINTR, and only cprof's signals were handled since it began. */
static int ours(int ret, unsigned handled)
{
	return ret == -1 && errno == EINTR && signals_program_handled() == handled;
}

static struct timespec ts_add(struct timespec a, int64_t ns)
{
	int64_t t = (int64_t)a.tv_sec * 1000000000 + a.tv_nsec + ns;

	return (struct timespec){(time_t)(t / 1000000000), (long)(t % 1000000000)};
}

/* What is left until deadline on CLOCK_MONOTONIC, never below zero. */
static struct timespec left(struct timespec deadline)
{
	struct timespec now;
	int64_t ns;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = ((int64_t)deadline.tv_sec - now.tv_sec) * 1000000000 + (deadline.tv_nsec - now.tv_nsec);
	if (ns < 0)
		ns = 0;
	return (struct timespec){(time_t)(ns / 1000000000), (long)(ns % 1000000000)};
}

static struct timespec deadline_in(const struct timespec *tmo)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return ts_add(now, (int64_t)tmo->tv_sec * 1000000000 + tmo->tv_nsec);
}

static int ms_left(struct timespec deadline)
{
	struct timespec l = left(deadline);

	return (int)(l.tv_sec * 1000 + (l.tv_nsec + 999999) / 1000000);
}

CPROF_EXPORT int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem)
{
	static int (*real)(clockid_t, int, const struct timespec *, struct timespec *);
	struct timespec r = *req, mine;
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "clock_nanosleep");
	block_begin(&t, &handled);

	/* clock_nanosleep returns the error instead of setting errno */
	while ((ret = real(clock, flags, &r, &mine)) == EINTR &&
	       signals_program_handled() == handled)
		if (!(flags & TIMER_ABSTIME))
			r = mine;
	block_end(&t);
	if (ret == EINTR && rem && !(flags & TIMER_ABSTIME))
		*rem = mine;
	return ret;
}

CPROF_EXPORT int nanosleep(const struct timespec *req, struct timespec *rem)
{
	int ret = clock_nanosleep(CLOCK_REALTIME, 0, req, rem);

	if (ret) {
		errno = ret;
		return -1;
	}
	return 0;
}

CPROF_EXPORT unsigned int sleep(unsigned int seconds)
{
	struct timespec req = {(time_t)seconds, 0}, rem;

	if (nanosleep(&req, &rem) < 0)
		return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

CPROF_EXPORT int usleep(useconds_t usec)
{
	struct timespec req = {(time_t)(usec / 1000000), (long)(usec % 1000000) * 1000};

	return nanosleep(&req, NULL);
}

CPROF_EXPORT int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	static int (*real)(struct pollfd *, nfds_t, int);
	struct timespec deadline = deadline_in(&(struct timespec){timeout / 1000, (timeout % 1000) * 1000000});
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "poll");
	block_begin(&t, &handled);

	while (ours(ret = real(fds, n, timeout), handled))
		if (timeout > 0)
			timeout = ms_left(deadline);
	block_end(&t);
	return ret;
}

CPROF_EXPORT int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *tmo, const sigset_t *mask)
{
	static int (*real)(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);
	struct timespec deadline = tmo ? deadline_in(tmo) : (struct timespec){0, 0}, l;
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "ppoll");
	block_begin(&t, &handled);

	while (ours(ret = real(fds, n, tmo, mask), handled))
		if (tmo) {
			l = left(deadline);
			tmo = &l;
		}
	block_end(&t);
	return ret;
}

/* The sets select and pselect were given, which a call cut short by the
 * runtime's signal has changed: the retry is given them again. */
struct fdsets {
	fd_set *set[3];
	fd_set given[3];
};

static void fdsets_keep(struct fdsets *s, fd_set *r, fd_set *w, fd_set *e)
{
	s->set[0] = r;
	s->set[1] = w;
	s->set[2] = e;
	for (int i = 0; i < 3; i++)
		if (s->set[i])
			s->given[i] = *s->set[i];
}

static void fdsets_restore(const struct fdsets *s)
{
	for (int i = 0; i < 3; i++)
		if (s->set[i])
			*s->set[i] = s->given[i];
}

/* Linux's select leaves the time not slept in *tv: the retry goes on with
 * it. */
CPROF_EXPORT int select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
	static int (*real)(int, fd_set *, fd_set *, fd_set *, struct timeval *);
	struct fdsets sets;
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "select");
	block_begin(&t, &handled);

	fdsets_keep(&sets, r, w, e);
	while (ours(ret = real(n, r, w, e, tv), handled))
		fdsets_restore(&sets);
	block_end(&t);
	return ret;
}

CPROF_EXPORT int pselect(int n, fd_set *r, fd_set *w, fd_set *e, const struct timespec *tmo, const sigset_t *mask)
{
	static int (*real)(int, fd_set *, fd_set *, fd_set *, const struct timespec *, const sigset_t *);
	struct timespec deadline = tmo ? deadline_in(tmo) : (struct timespec){0, 0}, l;
	struct fdsets sets;
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "pselect");
	block_begin(&t, &handled);

	fdsets_keep(&sets, r, w, e);
	while (ours(ret = real(n, r, w, e, tmo, mask), handled)) {
		fdsets_restore(&sets);
		if (tmo) {
			l = left(deadline);
			tmo = &l;
		}
	}
	block_end(&t);
	return ret;
}

CPROF_EXPORT int epoll_wait(int fd, struct epoll_event *ev, int max, int timeout)
{
	static int (*real)(int, struct epoll_event *, int, int);
	struct timespec deadline = deadline_in(&(struct timespec){timeout / 1000, (timeout % 1000) * 1000000});
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "epoll_wait");
	block_begin(&t, &handled);

	while (ours(ret = real(fd, ev, max, timeout), handled))
		if (timeout > 0)
			timeout = ms_left(deadline);
	block_end(&t);
	return ret;
}

CPROF_EXPORT int epoll_pwait(int fd, struct epoll_event *ev, int max, int timeout, const sigset_t *mask)
{
	static int (*real)(int, struct epoll_event *, int, int, const sigset_t *);
	struct timespec deadline = deadline_in(&(struct timespec){timeout / 1000, (timeout % 1000) * 1000000});
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "epoll_pwait");
	block_begin(&t, &handled);

	while (ours(ret = real(fd, ev, max, timeout, mask), handled))
		if (timeout > 0)
			timeout = ms_left(deadline);
	block_end(&t);
	return ret;
}

CPROF_EXPORT int sem_wait(sem_t *sem)
{
	static int (*real)(sem_t *);
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "sem_wait");
	block_begin(&t, &handled);

	while (ours(ret = real(sem), handled))
		;
	block_end(&t);
	return ret;
}

/* abstime is absolute: the retry waits for the same moment */
CPROF_EXPORT int sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
	static int (*real)(sem_t *, const struct timespec *);
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "sem_timedwait");
	block_begin(&t, &handled);

	while (ours(ret = real(sem, abstime), handled))
		;
	block_end(&t);
	return ret;
}

CPROF_EXPORT int sem_clockwait(sem_t *sem, clockid_t clock, const struct timespec *abstime)
{
	static int (*real)(sem_t *, clockid_t, const struct timespec *);
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "sem_clockwait");
	block_begin(&t, &handled);

	while (ours(ret = real(sem, clock, abstime), handled))
		;
	block_end(&t);
	return ret;
}

CPROF_EXPORT int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *tmo)
{
	static int (*real)(const sigset_t *, siginfo_t *, const struct timespec *);
	struct timespec deadline = tmo ? deadline_in(tmo) : (struct timespec){0, 0}, l;
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "sigtimedwait");
	block_begin(&t, &handled);

	while (ours(ret = real(set, info, tmo), handled))
		if (tmo) {
			l = left(deadline);
			tmo = &l;
		}
	block_end(&t);
	return ret;
}

CPROF_EXPORT int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	static int (*real)(const sigset_t *, siginfo_t *);
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "sigwaitinfo");
	block_begin(&t, &handled);

	while (ours(ret = real(set, info), handled))
		;
	block_end(&t);
	return ret;
}

/* pause and sigsuspend return after any handler: after cprof's, they wait
 * on for one of the program's. */
CPROF_EXPORT int pause(void)
{
	static int (*real)(void);
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "pause");
	block_begin(&t, &handled);

	while (ours(ret = real(), handled))
		;
	block_end(&t);
	return ret;
}

CPROF_EXPORT int sigsuspend(const sigset_t *mask)
{
	static int (*real)(const sigset_t *);
	unsigned handled;
	struct block_mark t;
	int ret;

	LIBC_NEXT(real, "sigsuspend");
	block_begin(&t, &handled);

	while (ours(ret = real(mask), handled))
		;
	block_end(&t);
	return ret;
}

/* Calls the kernel restarts after a handler with SA_RESTART: wrapped only
 * so that their time goes to the stack that made them. */
#define BLOCKING(ret, name, params, args)              \
	CPROF_EXPORT ret name params                   \
	{                                              \
		static ret(*real) params;              \
		struct block_mark mark_;               \
		ret r_;                                \
                                                       \
		LIBC_NEXT(real, #name);                \
		offcpu_block_begin(&mark_);            \
		r_ = real args;                        \
		block_end(&mark_);                     \
		return r_;                             \
	}

BLOCKING(int, pthread_cond_wait, (pthread_cond_t *c, pthread_mutex_t *m), (c, m))
BLOCKING(int, pthread_cond_timedwait, (pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *ts), (c, m, ts))
BLOCKING(int, pthread_join, (pthread_t th, void **ret), (th, ret))
BLOCKING(int, pthread_barrier_wait, (pthread_barrier_t *b), (b))
BLOCKING(pid_t, waitpid, (pid_t pid, int *st, int opt), (pid, st, opt))
BLOCKING(pid_t, wait, (int *st), (st))
BLOCKING(pid_t, wait4, (pid_t pid, int *st, int opt, struct rusage *ru), (pid, st, opt, ru))
BLOCKING(int, waitid, (idtype_t type, id_t id, siginfo_t *info, int opt), (type, id, info, opt))
BLOCKING(int, accept, (int fd, struct sockaddr *a, socklen_t *l), (fd, a, l))
BLOCKING(int, accept4, (int fd, struct sockaddr *a, socklen_t *l, int f), (fd, a, l, f))
BLOCKING(int, connect, (int fd, const struct sockaddr *a, socklen_t l), (fd, a, l))
BLOCKING(ssize_t, recv, (int fd, void *b, size_t n, int f), (fd, b, n, f))
BLOCKING(ssize_t, recvfrom, (int fd, void *b, size_t n, int f, struct sockaddr *a, socklen_t *l), (fd, b, n, f, a, l))
BLOCKING(ssize_t, recvmsg, (int fd, struct msghdr *m, int f), (fd, m, f))
