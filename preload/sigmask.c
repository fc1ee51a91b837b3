/* sigmask.c: the runtime's own signal masking, which the program's
 * wrappers (signals.c) do not see: neither taken for the program's nor
 * told to the sampler. */
#include "config.h"

#include <signal.h>

#include "runtime-int.h"

typedef int sigmask_fn(int, const sigset_t *, sigset_t *);
static sigmask_fn *real_pthread_sigmask;

/* libc's pthread_sigmask, behind the program's: it leaves glibc's own
 * signals alone (a set*id() in another thread waits for every thread to
 * take one). */
int sigmask_own(int how, const sigset_t *set, sigset_t *old)
{
	LIBC_NEXT(real_pthread_sigmask, "pthread_sigmask");
	return real_pthread_sigmask(how, set, old);
}

/* Fills set with every signal but the faults the runtime's own code may
 * raise: blocked, a fault kills the process at once, with no profile
 * written.  Async-signal-safe. */
void sigmask_fill_but_faults(sigset_t *set)
{
	/* (not SIGTRAP: it brings samples too, and the runtime sets no
	 * breakpoints) */
	static const int faults[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGSYS};

	sigfillset(set);
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
		sigdelset(set, faults[i]);
}
