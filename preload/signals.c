/* signals.c: write the profile when a signal ends the process, and keep the
 * program's own handlers working.
 *
 * For every signal whose default action ends the process, the runtime keeps
 * its handler installed and remembers what the program asked for (its
 * "disposition"): sigaction() and signal() are interposed and report the
 * program's view.  When such a signal arrives:
 *   - the program installed a handler: call it, as the kernel would have;
 *   - the program ignores it: it was installed as ignored, nothing arrives;
 *   - default: write the profile, restore the default action, and let the
 *     signal take its course (a fault re-executes and faults again; a sent
 *     signal is sent again and is delivered when the handler returns).
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "runtime-int.h"

typedef int sigaction_fn(int, const struct sigaction *, struct sigaction *);
typedef int sigmask_fn(int, const sigset_t *, sigset_t *);

static sigaction_fn *real_sigaction;
static sigmask_fn *real_sigprocmask, *real_pthread_sigmask;
static int managed[NSIG];             /* every signal the program may handle */
static int fatal[NSIG];               /* those whose default action ends it */
static struct sigaction prog[NSIG]; /* the program's view */
static int ready;
static int sample_sig;                /* the sampler's signal (sample.c), or 0 */
static int kernel_sig;                /* its signal of samples in the kernel, or 0 */
static __thread unsigned prog_handled /* the program's handlers run in this thread */
	__attribute__((tls_model("initial-exec")));
/* The sampler's signals this thread blocks, as far as the program knows
 * (bit 0 sample_sig, bit 1 kernel_sig): see program_mask().  A vfork child
 * shares the memory of the thread that made it, which waits meanwhile:
 * what the child blocks is its own (held_here()). */
static __thread unsigned held __attribute__((tls_model("initial-exec")));
static int vfork_pid;
static unsigned vfork_held;

/* The signals whose default action ends the process. */
static const int fatal_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2,
	SIGPIPE, SIGALRM, SIGTERM, SIGSTKFLT, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSYS,
};

static sigaction_fn *resolve(void)
{
	LIBC_NEXT(real_sigaction, "sigaction");
	return real_sigaction;
}

static void on_signal(int sig, siginfo_t *si, void *uc);

static unsigned sampler_bit(int sig);
static int kept_open(int sig);

/* Adds the sampler's signals to mask: all of them, or those the program
 * cannot block (kept_open). */
static void add_samplers(sigset_t *mask, int all)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (sampler_bit(sig) && (all || kept_open(sig)))
			sigaddset(mask, sig);
}

/* Installs what the kernel must run for the program's disposition: the
 * runtime's handler, with the flags and mask the program asked for (so that
 * restarts, masking and the alternate stack behave as they would without
 * cprof), around every handler of the program, and where the default
 * action ends the process; the disposition itself otherwise. */
static int install(int sig)
{
	const struct sigaction *p = &prog[sig];
	struct sigaction sa;

	int sampler = sig == sample_sig || sig == kernel_sig;

	if (!sampler && (p->sa_handler == SIG_IGN || (p->sa_handler == SIG_DFL && !fatal[sig])))
		return real_sigaction(sig, p, NULL);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal;
	if (p->sa_handler == SIG_DFL || p->sa_handler == SIG_IGN) {
		/* a sample holds the program's other signals back: one set up
		 * on top of it would start with a context inside the runtime;
		 * and the runtime's handling of a signal that ends the process
		 * holds the samples back, which would take room on a small
		 * alternate stack the writer needs */
		if (sampler) {
			sigmask_fill_but_faults(&sa.sa_mask);
		} else {
			sigemptyset(&sa.sa_mask);
			add_samplers(&sa.sa_mask, 1);
		}
		/* a sample runs on the thread's stack: a program's alternate
		 * stack (Rust's, on every thread) is too small to unwind on,
		 * and all samples were dropped */
		sa.sa_flags = SA_SIGINFO | SA_RESTART | (sampler ? 0 : SA_ONSTACK);
	} else {
		sa.sa_mask = p->sa_mask;
		/* a sample nested on the program's alternate stack, which may be
		 * as small as 8 KiB, would take the room its handler has */
		if ((p->sa_flags & SA_ONSTACK) && !sampler)
			add_samplers(&sa.sa_mask, 0);
		sa.sa_flags = (p->sa_flags | SA_SIGINFO) & ~SA_RESETHAND;
		/* the sampler's signals must not interrupt system calls that
		 * restart: the program's own handler of them restarts them too */
		if (sampler)
			sa.sa_flags |= SA_RESTART;
	}
	return real_sigaction(sig, &sa, NULL);
}

/* A vfork child shares our memory but has signal actions of its own: what
 * it changes must not touch the program's view kept here. */
static int own_process(void)
{
	return (int)syscall(SYS_getpid) == rt.pid;
}

static int is_fault(int sig, const siginfo_t *si)
{
	return si && si->si_code > 0 && (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE);
}

/* This process's `held`: the thread's, or a vfork child's own, which
 * starts as its parent's. */
static unsigned *held_here(void)
{
	int pid;

	if (own_process())
		return &held;
	pid = (int)syscall(SYS_getpid);
	if (vfork_pid != pid) {
		vfork_pid = pid;
		vfork_held = held;
	}
	return &vfork_held;
}

/* The bit of `held` that stands for sig, 0 if it is not a sampler's. */
static unsigned sampler_bit(int sig)
{
	return !sig ? 0 : sig == sample_sig ? 1u : sig == kernel_sig ? 2u : 0;
}

/* Whether the program's masks leave sig out: a sampler's signal that the
 * program does not handle itself.  (One that it handles, it may block.) */
static int kept_open(int sig)
{
	return sampler_bit(sig) && (prog[sig].sa_handler == SIG_DFL || prog[sig].sa_handler == SIG_IGN);
}

/* Whether the stack a handler runs on has room for `need` more bytes: a
 * program's own alternate stack may be as small as 8 KiB, and the kernel's
 * signal frame takes part of it.  The writer needs about 2 KiB. */
int signals_stack_room(size_t need)
{
	stack_t ss;
	char here;

	if (sigaltstack(NULL, &ss) < 0 || !(ss.ss_flags & SS_ONSTACK))
		return 1;
	return (uintptr_t)&here - (uintptr_t)ss.ss_sp > need;
}

/* The same for the handler of signal context uc, from the alternate stack
 * the kernel saved in it (the thread's, as sigaltstack() would say),
 * without sigaltstack's system call: a sample's handler asks at every
 * sample. */
int signals_stack_room_uc(const void *uc, size_t need)
{
	const stack_t *ss = &((const ucontext_t *)uc)->uc_stack;
	uintptr_t here = (uintptr_t)&here;

	if ((ss->ss_flags & SS_DISABLE) || here < (uintptr_t)ss->ss_sp || here >= (uintptr_t)ss->ss_sp + ss->ss_size)
		return 1;
	return here - (uintptr_t)ss->ss_sp > need;
}

/* Whether the thread was interrupted at the entry of the runtime's
 * handler: two signals came at once, and the kernel set up the other's
 * handler first. */
int signals_entry(const void *uc)
{
	return ((const ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP] == (greg_t)(uintptr_t)on_signal;
}


/* A signal of the program's own, a sampler's, in a thread that blocks it
 * as far as the program knows: blocked now (and when the handler
 * returns), and pending again, as it would have stayed: for this thread if
 * it was sent to it, else for any thread of the process that does not
 * block it, or that waits for it (sigwait).  (Not a trap of the kernel's,
 * which ends the process blocked or not.)  Runs in a signal handler. */
static void defer(int sig, siginfo_t *si, void *uc)
{
	sigset_t one;
	int pid = (int)syscall(SYS_getpid);

	sigemptyset(&one);
	sigaddset(&one, sig);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &one, NULL, _NSIG / 8);
	sigaddset(&((ucontext_t *)uc)->uc_sigmask, sig);
	if (!kept_open(sig)) /* the program handles it now: blocked for real */
		*held_here() &= ~sampler_bit(sig);
	if (si->si_code == SI_TKILL)
		syscall(SYS_rt_tgsigqueueinfo, pid, syscall(SYS_gettid), sig, si);
	else if (syscall(SYS_rt_sigqueueinfo, pid, sig, si) < 0) /* (refused from a thread but the first) */
		syscall(SYS_kill, pid, sig);
}

/* A signal the launcher passed on (cprof-env.h): one from cprof's parent,
 * with the tag in its value; its sender's pid into *sender. */
static int forwarded(const siginfo_t *si, uint32_t *sender)
{
	uint64_t v = (uint64_t)(uintptr_t)si->si_value.sival_ptr;

	if (si->si_code != SI_QUEUE || v >> 32 != CPROF_FORWARD_TAG || si->si_pid != (pid_t)syscall(SYS_getppid))
		return 0;
	*sender = (uint32_t)v;
	return 1;
}

/* -1 if sig is the second of a pair: sent to the process group that
 * cprof and the program are in, it came to the program both from its
 * sender and from the launcher, which passes it on (cprof-env.h).  The
 * first of the two, either, is the program's; the second, from the same
 * sender within CPROF_FORWARD_MS, is not.  1 if it was passed on: *shown
 * is then the signal as its sender sent it, for the program to see; else
 * 0.  Runs in a signal handler. */
static int forwarded_twice(int sig, const siginfo_t *si, siginfo_t *shown)
{
	static const int passed_on[] = {CPROF_FORWARDED_SIGNALS};
	static uint64_t seen[NSIG]; /* valid, forwarded, sender (30 bits), ms */
	struct timespec ts;
	uint32_t sender = (uint32_t)si->si_pid, now;
	uint64_t mine, old;
	int fwd, pair, known = 0;

	for (size_t i = 0; i < sizeof passed_on / sizeof passed_on[0]; i++)
		known |= passed_on[i] == sig;
	if (!known)
		return 0;
	fwd = forwarded(si, &sender);
	if (fwd) {
		*shown = *si;
		shown->si_code = sender ? SI_USER : SI_KERNEL;
		shown->si_pid = (pid_t)sender;
		shown->si_value.sival_ptr = NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (uint32_t)((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
	mine = 1ull << 63 | (uint64_t)fwd << 62 | (uint64_t)(sender & 0x3fffffff) << 32 | now;
	old = __atomic_load_n(&seen[sig], __ATOMIC_ACQUIRE);
	do
		pair = (old >> 63) && (int)((old >> 62) & 1) != fwd && ((old >> 32) & 0x3fffffff) == (sender & 0x3fffffff) &&
		       now - (uint32_t)old < CPROF_FORWARD_MS;
	while (!__atomic_compare_exchange_n(&seen[sig], &old, pair ? 0 : mine, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
	return pair ? -1 : fwd;
}

/* Runs in a signal handler. */
static void on_signal(int sig, siginfo_t *si, void *uc)
{
	int saved = errno;
	struct sigaction p = prog[sig];

	if ((sig == sample_sig || sig == kernel_sig) && sample_is_ours(si)) {
		sample_signal(si, uc);
		goto out;
	}
	if ((*held_here() & sampler_bit(sig)) && !(sig == SIGTRAP && si->si_code > 0)) {
		defer(sig, si, uc);
		goto out;
	}
	if (is_fault(sig, si))
		python_probe_fault(); /* returns unless the sampler was reading Python's frames */
	if (p.sa_handler == SIG_IGN)
		goto out;
	if (p.sa_handler != SIG_DFL) {
		siginfo_t shown;
		int passed_on = forwarded_twice(sig, si, &shown);
		if (passed_on < 0)
			goto out;
		prog_handled++;
		if ((p.sa_flags & SA_RESETHAND) && own_process()) {
			prog[sig].sa_handler = SIG_DFL;
			prog[sig].sa_flags &= ~SA_SIGINFO;
			install(sig);
		}
		errno = saved;
		if (p.sa_flags & SA_SIGINFO)
			p.sa_sigaction(sig, passed_on ? &shown : si, uc);
		else
			p.sa_handler(sig);
		return;
	}
	if (signals_stack_room(4096))
		runtime_finish(CPROF_END_SIGNAL, sig);
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	real_sigaction(sig, &dfl, NULL);
	if (!is_fault(sig, si))
		syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), sig);
out:
	errno = saved;
}

/* A stack for the main thread's handler, so a stack overflow's SIGSEGV can
 * still write the profile; left alone if the program set one up. */
static void altstack_init(void)
{
	stack_t cur, ss;
	size_t size = 64 * 1024;

	if (sigaltstack(NULL, &cur) < 0 || !(cur.ss_flags & SS_DISABLE))
		return;
	ss.ss_sp = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ss.ss_sp == MAP_FAILED)
		return;
	ss.ss_size = size;
	ss.ss_flags = 0;
	sigaltstack(&ss, NULL);
}

static void signals_init(void)
{
	if (!resolve()) {
		log_warn("cannot find sigaction: profiles of killed processes are lost");
		return;
	}
	/* (for the program's handlers, which may mask signals) */
	LIBC_NEXT(real_sigprocmask, "sigprocmask");
	LIBC_NEXT(real_pthread_sigmask, "pthread_sigmask");
	altstack_init();
	for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
		fatal[fatal_signals[i]] = 1;
	/* all of them (libc refuses its own, and SIGKILL and SIGSTOP): every
	 * handler of the program runs through on_signal, which counts it */
	for (int sig = 1; sig < NSIG; sig++) {
		if (sig == SIGKILL || sig == SIGSTOP || real_sigaction(sig, NULL, &prog[sig]) < 0)
			continue;
		managed[sig] = 1;
		install(sig);
	}
	ready = 1;
}

/* The action was changed past the wrapper (glibc calls its internal
 * __sigaction from siginterrupt and others; a program may make the system
 * call itself): take the kernel's action as the program's. */
static void adopt_kernel_action(int sig)
{
	struct sigaction k;

	if (real_sigaction(sig, NULL, &k) < 0)
		return;
	if ((k.sa_flags & SA_SIGINFO) && k.sa_sigaction == on_signal)
		return;
	if (k.sa_handler == SIG_IGN && prog[sig].sa_handler == SIG_IGN)
		return;
	prog[sig] = k;
	install(sig);
}

/* The sampler's signals (its own, and SIGTRAP for its samples in the
 * kernel, or 0): always handled here, whatever the program does with
 * them, and not blocked in the main thread (signals_thread_begin). */
void signals_sample_with(int signo, int kernel_signo)
{
	if (!resolve())
		return;
	for (int i = 0; i < 2; i++) {
		int sig = i ? kernel_signo : signo;
		if (!sig || (!managed[sig] && real_sigaction(sig, NULL, &prog[sig]) < 0))
			continue;
		managed[sig] = 1;
		*(i ? &kernel_sig : &sample_sig) = sig;
		install(sig);
	}
	for (int sig = 1; sig < NSIG; sig++) /* (their masks hold the samples back now) */
		if (managed[sig] && fatal[sig] && prog[sig].sa_handler == SIG_DFL && sig != sample_sig && sig != kernel_sig)
			install(sig);
	signals_thread_begin(0);
}

/* The sampler's signals the calling thread blocks as far as the program
 * knows, for a thread it starts. */
unsigned signals_held(void)
{
	return held;
}

/* A thread starts (the main thread, when sampling does): the sampler's
 * signals it was started with blocked (pthread_attr_setsigmask_np, or a
 * parent's mask across exec) are unblocked, and held for the program; the
 * thread that started it held `inherited`, which its mask, inherited,
 * does not show. */
void signals_thread_begin(unsigned inherited)
{
	sigset_t mask, open;

	held = 0;
	sigemptyset(&open);
	if (syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &mask, _NSIG / 8) < 0)
		return;
	for (int sig = 1; sig < NSIG; sig++) {
		if (!kept_open(sig))
			continue;
		if (sigismember(&mask, sig)) {
			held |= sampler_bit(sig);
			sigaddset(&open, sig);
		} else {
			held |= inherited & sampler_bit(sig);
		}
	}
	if (!sigisemptyset(&open))
		syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &open, NULL, _NSIG / 8);
}

/* Before exec: what the program blocks as far as it knows is blocked, for
 * the new program, which inherits the mask; after a failed exec, open
 * again. */
void signals_exec_prepare(int failed)
{
	sigset_t set;

	sigemptyset(&set);
	for (int sig = 1; sig < NSIG; sig++)
		if (*held_here() & sampler_bit(sig))
			sigaddset(&set, sig);
	if (!sigisemptyset(&set))
		syscall(SYS_rt_sigprocmask, failed ? SIG_UNBLOCK : SIG_BLOCK, &set, NULL, _NSIG / 8);
}

/* How many times the program's own handlers ran in this thread, whatever
 * the signal: block.c tells by it whether an EINTR was the program's
 * doing. */
unsigned signals_program_handled(void)
{
	return prog_handled;
}

CPROF_EXPORT int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction prev;

	if (!resolve()) {
		errno = ENOSYS;
		return -1;
	}
	if (!ready || sig <= 0 || sig >= NSIG || !managed[sig] || !own_process())
		return real_sigaction(sig, act, old);
	adopt_kernel_action(sig);
	prev = prog[sig];
	if (act) {
		prog[sig] = *act;
		if (install(sig) < 0) {
			int e = errno;
			prog[sig] = prev;
			errno = e;
			return -1;
		}
	}
	if (old)
		*old = prev;
	return 0;
}

static sigset_t interrupting; /* marked by siginterrupt(sig, 1) */

static __sighandler_t set_handler(int sig, __sighandler_t handler, int flags, int mask_self)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	if (mask_self && sig > 0 && sig < NSIG)
		sigaddset(&sa.sa_mask, sig);
	sa.sa_flags = flags;
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

/* glibc's signal() and its relatives call __sigaction internally, past the
 * PLT: each is done again here, on top of the wrapper, with glibc's flags. */
__sighandler_t bsd_signal(int sig, __sighandler_t handler);
__sighandler_t sysv_signal(int sig, __sighandler_t handler);
__sighandler_t __sysv_signal(int sig, __sighandler_t handler);
__sighandler_t ssignal(int sig, __sighandler_t handler);

static int bsd_flags(int sig)
{
	return sig > 0 && sig < NSIG && sigismember(&interrupting, sig) ? 0 : SA_RESTART;
}

CPROF_EXPORT __sighandler_t signal(int sig, __sighandler_t handler)
{
	return set_handler(sig, handler, bsd_flags(sig), 1);
}

CPROF_EXPORT __sighandler_t bsd_signal(int sig, __sighandler_t handler)
{
	return set_handler(sig, handler, bsd_flags(sig), 1);
}

CPROF_EXPORT __sighandler_t ssignal(int sig, __sighandler_t handler)
{
	return set_handler(sig, handler, bsd_flags(sig), 1);
}

CPROF_EXPORT __sighandler_t sysv_signal(int sig, __sighandler_t handler)
{
	return set_handler(sig, handler, SA_RESETHAND | SA_NODEFER, 0);
}

CPROF_EXPORT __sighandler_t __sysv_signal(int sig, __sighandler_t handler)
{
	return set_handler(sig, handler, SA_RESETHAND | SA_NODEFER, 0);
}

CPROF_EXPORT int siginterrupt(int sig, int flag)
{
	struct sigaction sa;

	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	if (sigaction(sig, NULL, &sa) < 0)
		return -1;
	if (flag) {
		sigaddset(&interrupting, sig);
		sa.sa_flags &= ~SA_RESTART;
	} else {
		sigdelset(&interrupting, sig);
		sa.sa_flags |= SA_RESTART;
	}
	return sigaction(sig, &sa, NULL);
}

/* The program's masking.  libunwind's, in the sampler's handler, is
 * skipped: it masks every signal around each dl_iterate_phdr, two system
 * calls for each new address, most of a sample's cost, and guards against
 * nothing there (the sampler's signal is blocked; the program's handlers
 * do not unwind).  The sampler is told when the program blocks or unblocks
 * its signal: the time a thread runs so goes unsampled. */
static int program_mask(sigmask_fn **real, const char *name, int how, const sigset_t *set, sigset_t *old)
{
	sigset_t asked, pass, was;
	unsigned before, after, *held_now;
	int ret;

	if (rt_in_library) {
		if (old)
			sigemptyset(old);
		return 0;
	}
	LIBC_NEXT(*real, name);
	held_now = held_here();
	for (int sig = 1; *held_now && sig < NSIG; sig++)
		if ((*held_now & sampler_bit(sig)) && !kept_open(sig)) {
			/* the program handles it now: its mask is the truth */
			sigset_t one;
			sigemptyset(&one);
			sigaddset(&one, sig);
			(*real)(SIG_BLOCK, &one, NULL);
			*held_now &= ~sampler_bit(sig);
		}
	before = after = *held_now;
	if (set) {
		asked = pass = *set;
		for (int sig = 1; sig < NSIG; sig++) {
			unsigned bit = sampler_bit(sig);
			int in = sigismember(&asked, sig) == 1, now;
			if (!kept_open(sig))
				continue;
			if (how != SIG_UNBLOCK)
				sigdelset(&pass, sig);
			/* (the kernel blocks one only while it is held: the
			 * program's own signal, waiting) */
			now = how == SIG_SETMASK ? in : how == SIG_BLOCK ? (before & bit) || in : (before & bit) && !in;
			after = now ? after | bit : after & ~bit;
		}
		/* before the call: a signal of the program's own, waiting
		 * while it was held, comes as the call unblocks it; and a
		 * sample too, which must find the unblocking counted */
		*held_now = after;
		if (sample_sig && !kept_open(sample_sig))
			sample_masked(how, &pass, NULL);
	}
	ret = (*real)(how, set ? &pass : NULL, &was);
	if (ret != 0) {
		*held_now = before;
		return ret;
	}
	/* (a sampler's signal it cannot block is never blocked for it) */
	if (set && sample_sig && !kept_open(sample_sig))
		sample_masked(how, &pass, &was);
	/* what the program is told: what it blocked, as far as it knows (the
	 * runtime blocks those it cannot while its handlers run on their
	 * alternate stack) */
	for (int sig = 1; sig < NSIG; sig++) {
		if (!kept_open(sig))
			continue;
		if (before & sampler_bit(sig))
			sigaddset(&was, sig);
		else
			sigdelset(&was, sig);
	}
	if (old)
		*old = was;
	return 0;
}

CPROF_EXPORT int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return program_mask(&real_sigprocmask, "sigprocmask", how, set, old);
}

CPROF_EXPORT int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	return program_mask(&real_pthread_sigmask, "pthread_sigmask", how, set, old);
}

/* System V's sigset(): SIG_HOLD blocks the signal; anything else sets the
 * action and unblocks it.  Returns SIG_HOLD if it was blocked before. */
CPROF_EXPORT __sighandler_t sigset(int sig, __sighandler_t disp)
{
	struct sigaction sa, prev;
	sigset_t set, old;

	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return SIG_ERR;
	}
	sigemptyset(&set);
	sigaddset(&set, sig);
	if (disp == SIG_HOLD) {
		if (sigprocmask(SIG_BLOCK, &set, &old) < 0)
			return SIG_ERR;
		if (sigismember(&old, sig))
			return SIG_HOLD;
		return sigaction(sig, NULL, &prev) < 0 ? SIG_ERR : prev.sa_handler;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = disp;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, &prev) < 0 || sigprocmask(SIG_UNBLOCK, &set, &old) < 0)
		return SIG_ERR;
	return sigismember(&old, sig) ? SIG_HOLD : prev.sa_handler;
}

/* The BSD and System V maskings: glibc's call its internal sigprocmask,
 * past the wrapper; each is done here through it, so that what the program
 * blocks of the sampler's signals stays what it knows (dash clears its mask
 * with sigsetmask(0)). */
static int bsd_mask(int how, int mask)
{
	sigset_t set, old;
	int ret = 0;

	sigemptyset(&set);
	for (int sig = 1; sig < 32; sig++)
		if (mask & (1 << (sig - 1)))
			sigaddset(&set, sig);
	if (sigprocmask(how, how < 0 ? NULL : &set, &old) < 0)
		return -1;
	for (int sig = 1; sig < 32; sig++)
		if (sigismember(&old, sig) == 1)
			ret |= 1 << (sig - 1);
	return ret;
}

CPROF_EXPORT int sigsetmask(int mask)
{
	return bsd_mask(SIG_SETMASK, mask);
}

CPROF_EXPORT int sigblock(int mask)
{
	return bsd_mask(SIG_BLOCK, mask);
}

CPROF_EXPORT int siggetmask(void)
{
	return bsd_mask(-1, 0);
}

static int sysv_mask(int how, int sig)
{
	sigset_t set;

	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	sigemptyset(&set);
	sigaddset(&set, sig);
	return sigprocmask(how, &set, NULL);
}

CPROF_EXPORT int sighold(int sig)
{
	return sysv_mask(SIG_BLOCK, sig);
}

CPROF_EXPORT int sigrelse(int sig)
{
	return sysv_mask(SIG_UNBLOCK, sig);
}

CPROF_EXPORT int sigignore(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

const struct component signals_component = {
	.init = signals_init,
};
