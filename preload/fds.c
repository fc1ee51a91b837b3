/* fds.c: the descriptors the runtime keeps open (a perf event per sampled
 * thread, the --count counters, libunwind's pipe), out of the program's
 * way.
 *
 * They go just above the program's descriptor limit (RLIMIT_NOFILE's soft
 * limit, raised for a moment to put them there), where the program can be
 * given none of them and name none (dup2() onto a number beyond the limit
 * fails): where the hard limit leaves room.  Where it does not (ulimit -n
 * sets both), to the upper half of the limit, where the program's open()
 * and dup2() onto low numbers (a shell's 3>file) do not reach; and under a
 * limit of RUNTIME_FD_MIN, nowhere: the runtime does without (sampling
 * with timers).  The program cannot close them: close(), close_range() and
 * closefrom() pass over them, and say EBADF for them, as they would
 * without cprof, where there is nothing at those numbers; a program that
 * closes every descriptor (a daemon, closefrom(3)) is sampled all the
 * same.  A program that dup2()s onto one of them (a number it may name:
 * in the upper half of its limit, or above one it raised) takes it: the
 * runtime lets go of it, and its owner does without (docs/SAMPLING.md).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "component.h"
#include "runtime-int.h"

#define FDS_MAX 4096 /* kept at once, from rt.fd_floor on */

/* Which of [rt.fd_floor, rt.fd_floor + FDS_MAX) are the runtime's, and
 * what each one's owner does when the program takes its number. */
static uint64_t held[FDS_MAX / 64];
static fds_taken_fn *owner[FDS_MAX];

typedef int close_fn(int);
static close_fn *real_close;

typedef int dup2_fn(int, int);
typedef int dup3_fn(int, int, int);
static dup2_fn *real_dup2;
static dup3_fn *real_dup3;

/* Before anything else: close() is the program's too, and may be called
 * in its signal handlers, where libc's cannot be looked up.  (A limit over
 * 65536 is not gone above: the kernel's table of descriptors would grow to
 * hold the numbers.) */
static void fds_init(void)
{
	struct rlimit nofile;

	LIBC_NEXT(real_close, "close");
	LIBC_NEXT(real_dup2, "dup2");
	LIBC_NEXT(real_dup3, "dup3");
	rt.fd_floor = 0;
	if (getrlimit(RLIMIT_NOFILE, &nofile) < 0)
		return;
	if (nofile.rlim_max > nofile.rlim_cur && nofile.rlim_cur <= 65536)
		rt.fd_floor = (int)nofile.rlim_cur;
	else if (nofile.rlim_cur >= RUNTIME_FD_MIN)
		rt.fd_floor = (int)((nofile.rlim_cur < 65536 ? nofile.rlim_cur : 65536) / 2);
}

static int slot(int fd)
{
	return rt.fd_floor > 0 && fd >= rt.fd_floor && fd - rt.fd_floor < FDS_MAX ? fd - rt.fd_floor : -1;
}

static int is_held(int fd)
{
	int i = slot(fd);

	return i >= 0 && (__atomic_load_n(&held[i / 64], __ATOMIC_ACQUIRE) >> (i % 64) & 1);
}

static void mark(int fd, int on)
{
	int i = slot(fd);

	if (i < 0)
		return;
	if (on)
		__atomic_fetch_or(&held[i / 64], 1ull << (i % 64), __ATOMIC_RELEASE);
	else
		__atomic_fetch_and(&held[i / 64], ~(1ull << (i % 64)), __ATOMIC_RELEASE);
}

/* fd, opened by the runtime, moved where it is kept; -1 (and fd closed)
 * where there is no room.  taken (or NULL) is called if the program takes
 * its number.  Async-signal-safe. */
int fds_park(int fd, fds_taken_fn *taken)
{
	struct rlimit now, more;
	int high, raised = 0;

	if (fd < 0)
		return fd;
	/* the floor may be the program's limit: raised for the moment it
	 * takes to put the descriptor above it (the program would see it
	 * raised only in that moment, in another thread) */
	if (rt.fd_floor > 0 && syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &now) == 0 &&
	    now.rlim_cur < (rlim_t)rt.fd_floor + FDS_MAX && now.rlim_max > now.rlim_cur) {
		more = now;
		more.rlim_cur = now.rlim_max < (rlim_t)rt.fd_floor + FDS_MAX ? now.rlim_max : (rlim_t)rt.fd_floor + FDS_MAX;
		raised = syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &more, NULL) == 0;
	}
	high = rt.fd_floor > 0 ? fcntl(fd, F_DUPFD_CLOEXEC, rt.fd_floor) : -1;
	if (raised)
		syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &now, NULL);
	syscall(SYS_close, fd);
	if (high >= 0 && slot(high) < 0) { /* beyond what can be told apart */
		syscall(SYS_close, high);
		high = -1;
	}
	if (slot(high) >= 0)
		__atomic_store_n(&owner[slot(high)], taken, __ATOMIC_RELAXED);
	mark(high, 1);
	return high;
}

/* Whether fd is still the runtime's (the program may have taken its
 * number with dup2).  Async-signal-safe. */
int fds_held(int fd)
{
	return is_held(fd);
}

/* Closes a descriptor fds_park() gave.  Async-signal-safe. */
void fds_close(int fd)
{
	if (fd < 0)
		return;
	mark(fd, 0);
	syscall(SYS_close, fd);
}

#define WRITER_FDS 3 /* the directory, the profile, a /proc file */

/* Whether the writer's descriptors are free under the limit.
 * Async-signal-safe. */
static int room_for_writer(void)
{
	int fd[WRITER_FDS], ok = 1;

	for (int i = 0; i < WRITER_FDS; i++)
		ok &= (fd[i] = (int)syscall(SYS_openat, AT_FDCWD, "/", O_PATH | O_CLOEXEC)) >= 0;
	for (int i = 0; i < WRITER_FDS; i++)
		if (fd[i] >= 0)
			syscall(SYS_close, fd[i]);
	return ok;
}

/* A program may end with every descriptor its limit allows open (a leak,
 * or ulimit -n): the writer, which needs three at once, then gets the limit
 * raised while it writes, as far as the hard limit allows (or as root,
 * beyond it), and fds_room_end() puts it back.  Returns whether it did.
 * Async-signal-safe. */
int fds_room_begin(struct rlimit *saved)
{
	struct rlimit more;

	if (room_for_writer() || syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, saved) < 0)
		return 0;
	more.rlim_cur = saved->rlim_cur + 8;
	more.rlim_max = saved->rlim_max > more.rlim_cur ? saved->rlim_max : more.rlim_cur;
	return syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &more, NULL) == 0;
}

void fds_room_end(const struct rlimit *saved)
{
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, saved, NULL);
}

/* Whether fd is the runtime's: for the program, nothing is there. */
static int refused(int fd)
{
	if (!is_held(fd))
		return 0;
	if (rt_in_library) { /* libunwind closing its pipe, made again next */
		mark(fd, 0);
		return 0;
	}
	return 1;
}

CPROF_EXPORT int close(int fd)
{
	if (unlikely(refused(fd))) {
		errno = EBADF;
		return -1;
	}
	LIBC_NEXT(real_close, "close");
	return real_close(fd);
}

/* The program takes a number the runtime holds: the runtime lets go of
 * it, and its owner does without, before the program's file is there. */
static void taken(int fd)
{
	fds_taken_fn *fn;

	if (!is_held(fd))
		return;
	fn = __atomic_load_n(&owner[slot(fd)], __ATOMIC_RELAXED);
	mark(fd, 0);
	if (fn)
		fn(fd);
}

CPROF_EXPORT int dup2(int old, int fd)
{
	LIBC_NEXT(real_dup2, "dup2");
	if (unlikely(old != fd && is_held(fd)))
		taken(fd);
	return real_dup2(old, fd);
}

CPROF_EXPORT int dup3(int old, int fd, int flags)
{
	LIBC_NEXT(real_dup3, "dup3");
	if (unlikely(is_held(fd)))
		taken(fd);
	return real_dup3(old, fd, flags);
}

/* The range, less the runtime's: closed in the pieces between them. */
CPROF_EXPORT int close_range(unsigned first, unsigned last, int flags)
{
	unsigned from = first, end = (unsigned)rt.fd_floor + FDS_MAX;

	if (first > last) {
		errno = EINVAL;
		return -1;
	}
	for (unsigned fd = first > (unsigned)rt.fd_floor ? first : (unsigned)rt.fd_floor;
	     rt.fd_floor > 0 && fd <= last && fd < end; fd++) {
		if (!is_held((int)fd))
			continue;
		if (fd > from && syscall(SYS_close_range, from, fd - 1, flags) < 0)
			return -1;
		from = fd + 1;
	}
	return from > last ? 0 : (int)syscall(SYS_close_range, from, last, flags);
}

/* Without close_range (Linux before 5.9), one at a time up to the limit. */
CPROF_EXPORT void closefrom(int lowfd)
{
	struct rlimit nofile;

	if (lowfd < 0)
		lowfd = 0;
	if (close_range((unsigned)lowfd, ~0u, 0) == 0 || getrlimit(RLIMIT_NOFILE, &nofile) < 0)
		return;
	for (rlim_t fd = (rlim_t)lowfd; fd < nofile.rlim_cur; fd++)
		close((int)fd);
}

const struct component fds_component = {
	.setup = fds_init,
};
