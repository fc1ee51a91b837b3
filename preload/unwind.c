/* unwind.c: the sampler's use of libunwind, and what it takes to keep it
 * from disturbing the program.
 *
 * - The dynamic loader's lock.  libunwind calls dl_iterate_phdr, which
 *   takes it, when its cache of unwind rules misses, holding the cache's
 *   lock (Debian's libunwind has no per-thread cache), and a thread can be
 *   sampled anywhere: holding the loader's lock (inside dl_iterate_phdr, or
 *   the loader adding or removing a library), half-way through taking or
 *   releasing it, or between releasing it and waking the threads that wait
 *   for it.  Its handler must then not wait for the cache's lock, which
 *   another thread's handler may hold while it waits for the loader's: both
 *   would stop for good.  So one thread unwinds at a time (unwind_begin),
 *   and none while the loader's lock is held; the samples that cannot
 *   unwind are dropped, and counted.
 * - Its signal masking: around each dl_iterate_phdr, two system calls per
 *   new address, skipped in the sampler's handler (signals.c).
 * - Its caches of unwind rules by address, the shared one and the fast
 *   trace's, one per thread, which the handler uses (fast_stack), made at
 *   the thread's start: they know nothing of dlclose, which can put
 *   another object's code at the same addresses (unwind_dlclose_begin).
 * - Its descriptors: it checks an address it is unsure of by writing a
 *   byte of it into a pipe of its own (the kernel says EFAULT when the
 *   byte cannot be read), made when it starts and made again whenever
 *   reading the pipe fails.  Made on the lowest free descriptors, the
 *   program's 3 and 4 (or 0 and 1, after a program closed everything), and
 *   read and written behind its back; so the runtime makes it (pipe2
 *   below), where the program does not reach (fds.c), or, where the limit
 *   leaves no room, refuses it: the addresses are then taken as unreadable,
 *   and a stack that needs them ends there.
 */
#include "config.h"

#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>
#define UNW_LOCAL_ONLY /* the fast, in-process unwinder */
#include <libunwind.h>

#include "clock.h"
#include "fmt.h"
#include "runtime-int.h"
#include "unwind.h"

/* A thread is in libunwind: see unwind_begin(). */
static int unwinding;

/* What stands for the frames of a stack deeper than UNWIND_MAX_FRAMES:
 * its outermost frame kept is replaced by this named function, so that
 * the report says the stack was cut, and how often, instead of showing a
 * frame half-way down as where the thread began. */
static uint64_t cut_id;
#define STR_(x) #x
#define STR(x) STR_(x)

/* libunwind's pipe, as the runtime made it for libunwind: if the program
 * takes either number (dup2), libunwind would read and write the program's
 * file, and must not run again: the samples are dropped, and counted. */
static int lu_pipe[2] = {-1, -1};

/* The dynamic loader's lock (its dl_load_write_lock), or NULL when it was
 * not found. */
static const int *loader_lock;

/* Inside dl_iterate_phdr, the loader's lock is the one recursive mutex in
 * the loader's writable data that this thread holds. */
static int find_loader_lock(struct dl_phdr_info *info, size_t size, void *found)
{
	int self = (int)syscall(SYS_gettid), n = 0;

	(void)size;
	if (info->dlpi_addr != (uintptr_t)getauxval(AT_BASE))
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t p = info->dlpi_addr + ph->p_vaddr, end = p + ph->p_memsz;
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
			continue;
		for (p = (p + 7) & ~(uintptr_t)7; p + sizeof(pthread_mutex_t) <= end; p += 8) {
			const pthread_mutex_t *m = (const pthread_mutex_t *)p;
			if (m->__data.__owner == self && m->__data.__lock != 0 && m->__data.__count == 1 &&
			    m->__data.__kind == PTHREAD_MUTEX_RECURSIVE_NP) {
				*(const int **)found = &m->__data.__lock;
				n++;
			}
		}
	}
	if (n != 1)
		*(const int **)found = NULL;
	return 1;
}

void unwind_init(void)
{
	/* libunwind starts (and makes its pipe) here, not in a handler */
	rt_in_library = 1;
	unw_set_caching_policy(unw_local_addr_space, UNW_CACHE_PER_THREAD);
	rt_in_library = 0;
	cut_id = named_add("~", 0, "<outer frames of stacks deeper than " STR(UNWIND_MAX_FRAMES) ", cut>", 1);
	code_range_runtime(); /* (found here, not in a handler: fast_stack) */
	if (getauxval(AT_BASE)) {
		const int *lock = NULL;
		dl_iterate_phdr(find_loader_lock, &lock);
		if (lock && __atomic_load_n(lock, __ATOMIC_RELAXED) == 0) /* released with the call */
			loader_lock = lock;
		else
			log_info("the dynamic loader's lock was not found: a sample taken while it is held may "
				 "deadlock");
	}
}

/* libunwind's fast trace makes its cache for this thread at its first
 * use (pthread_setspecific, which may allocate): here, before the first
 * sample. */
void unwind_thread_start(void)
{
	void *pc;

	rt_in_library = 1;
	unw_backtrace(&pc, 1);
	rt_in_library = 0;
}

/* Another thread's unwind is waited for 50 us at most: it may itself be
 * waiting for this thread to wake it. */
int unwind_begin(void)
{
	uint64_t until = 0;

	if (rt_in_library || (loader_lock && __atomic_load_n(loader_lock, __ATOMIC_RELAXED) != 0))
		return 0;
	if (lu_pipe[0] >= 0 && !(fds_held(lu_pipe[0]) && fds_held(lu_pipe[1])))
		return 0;
	while (__atomic_exchange_n(&unwinding, 1, __ATOMIC_ACQUIRE)) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);
		if (!until)
			until = now + 50000;
		else if (now > until)
			return 0;
	}
	rt_in_library = 1;
	return 1;
}

/* The same, outside a signal handler, where waiting longer is safe: up to
 * a millisecond, while other threads' handlers unwind.  A blocking call's
 * time, charged when it returns, is not given up for a busy moment. */
int unwind_begin_patient(void)
{
	for (int i = 0; i < 20; i++)
		if (unwind_begin())
			return 1;
	return 0;
}

void unwind_end(void)
{
	rt_in_library = 0;
	__atomic_store_n(&unwinding, 0, __ATOMIC_RELEASE);
}

/* In the child after fork: another thread's unwind did not come along. */
void unwind_fork_child(void)
{
	unwinding = 0;
}

#define TRACE_HANDLER 24 /* room for the frames of the handler itself */

/* Set at the first dlclose: see unwind_dlclose_begin(). */
static int objects_closed;

/* dlclose may unload an object, and another be loaded where it was: the
 * unwind rules cached by address would be the old one's.  libunwind's
 * shared cache is flushed after each; the fast trace's caches, one per
 * thread, cannot be, and are not used again.  (OpenMPI closes its
 * components in MPI_Finalize; CPython never unloads an extension.) */
void unwind_dlclose_begin(void)
{
	__atomic_store_n(&objects_closed, 1, __ATOMIC_RELEASE);
}

void unwind_dlclose_end(void)
{
	unw_flush_cache(unw_local_addr_space, 0, 0);
}

/* unwind_stack() for a signal's context uc, with libunwind's fast trace:
 * a cache per thread of the unwind rules it found for each address (CFA
 * at rsp or rbp plus a constant, the return address at CFA - 8, rbp kept
 * or saved at a constant offset, or a signal's frame), which steps a frame
 * it saw before with a hash lookup and two reads, no lock; libunwind's
 * full unwind only for addresses new to the thread, as unw_step, and for
 * a whole stack that has a frame of another shape (the few libc functions
 * that switch stacks: setcontext, longjmp), unwound with unw_step.  It
 * starts here, in the
 * handler: the interrupted frame is the one at uc's address after the
 * signal's frame, which follows the runtime's frames.  -1 where it is not
 * found.
 *
 * Not in a Python process: the trace goes to the end of the stack, and
 * most of its samples stop at the interpreter's first frame. */
static int fast_stack(const ucontext_t *uc, uintptr_t *pcs)
{
	void *buf[TRACE_HANDLER + UNWIND_MAX_FRAMES + 1];
	uintptr_t ip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	int m, i = 0, n = 0;

	if (__atomic_load_n(&objects_closed, __ATOMIC_ACQUIRE))
		return -1;
	/* (the addresses as unw_step gives them, fast or not) */
	m = unw_backtrace(buf, TRACE_HANDLER + UNWIND_MAX_FRAMES + 1);
	/* (after the signal's frame, not the runtime's: the program can be
	 * interrupted at the address the handler returns to) */
	while (i < m && i < TRACE_HANDLER &&
	       ((uintptr_t)buf[i] != ip || !i || code_range_has(code_range_runtime(), (uintptr_t)buf[i - 1])))
		i++;
	if (i == m || i == TRACE_HANDLER)
		return -1;
	for (; i < m && n < UNWIND_MAX_FRAMES; i++, n++)
		pcs[n] = n ? (uintptr_t)buf[i] - 1 : (uintptr_t)buf[i];
	if (n == UNWIND_MAX_FRAMES && i < m && cut_id)
		pcs[n - 1] = (uintptr_t)cut_id;
	return n;
}

/* The interpreter's code, where stacks end (unwind_stop_at); {0, 0}. */
static struct code_range stop;

void unwind_stop_at(struct code_range interp)
{
	stop = interp;
}

/* In a Python process it stops at the first frame of the interpreter: the
 * calls above it are the interpreter's to tell (sample.c), and most
 * samples end there, unwound no further. */
int unwind_stack(void *uc, int signal_frame, uintptr_t *pcs)
{
	unw_cursor_t c;
	int n = 0;

	if (signal_frame && !stop.hi && (n = fast_stack(uc, pcs)) >= 0)
		return n;
	n = 0;
	if (unw_init_local2(&c, (unw_context_t *)uc, signal_frame ? UNW_INIT_SIGNAL_FRAME : 0) != 0)
		return 0;
	do {
		unw_word_t ip;
		if (unw_get_reg(&c, UNW_REG_IP, &ip) < 0 || !ip)
			break;
		pcs[n] = n ? (uintptr_t)ip - 1 : (uintptr_t)ip;
		n++;
		if (code_range_has(stop, pcs[n - 1]))
			break;
	} while (n < UNWIND_MAX_FRAMES && unw_step(&c) > 0);
	if (n == UNWIND_MAX_FRAMES && cut_id && !code_range_has(stop, pcs[n - 1]) && unw_step(&c) > 0)
		pcs[n - 1] = (uintptr_t)cut_id;
	return n;
}

/* libunwind's pipe, made where the program does not reach; the program's
 * own pipes as ever.  Async-signal-safe (libunwind makes it again in the
 * sampler's handler). */
CPROF_EXPORT int pipe2(int fds[2], int flags)
{
	int ret = (int)syscall(SYS_pipe2, fds, flags);

	if (!rt_in_library)
		return ret;
	if (ret == 0) {
		fds[0] = fds_park(fds[0], NULL);
		fds[1] = fds_park(fds[1], NULL);
	}
	if (ret < 0 || fds[0] < 0 || fds[1] < 0) {
		if (ret == 0) {
			fds_close(fds[0]);
			fds_close(fds[1]);
		}
		/* not the numbers it closed: the program may have them now */
		fds[0] = fds[1] = -1;
		errno = EMFILE;
		return -1;
	}
	lu_pipe[0] = fds[0];
	lu_pipe[1] = fds[1];
	return 0;
}
