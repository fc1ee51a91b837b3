/* exec.c: follow programs that a profiled process starts.
 *
 * exec replaces the image and its memory: the profile is written first (and
 * written again at exit if the exec fails).  A child started with an
 * environment of its own making would lose the runtime, so when CPROF_DIR is
 * missing from it, the CPROF_* variables and LD_PRELOAD are put back.
 * These wrappers may run in a vfork child, which shares the parent's memory:
 * they allocate only on the stack.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "runtime-int.h"

#define MAX_VARS 32

extern char **environ;

typedef int execvpe_fn(const char *, char *const[], char *const[]);
typedef int fexecve_fn(int, char *const[], char *const[]);
typedef int spawn_fn(pid_t *, const char *, const posix_spawn_file_actions_t *, const posix_spawnattr_t *,
		     char *const[], char *const[]);

static execvpe_fn *real_execvpe;
static fexecve_fn *real_fexecve;
static spawn_fn *real_posix_spawn, *real_posix_spawnp;

/* libc's functions behind the wrappers are looked up in the constructor: a
 * vfork child must not call dlsym.  Before the constructor has run (a
 * library initialised before libcprof.so starting a program), on demand. */

/* The CPROF_* variables of this process, as NAME=value strings. */
static char *vars[MAX_VARS];
static int nvars;

static void exec_init(void)
{
	LIBC_NEXT(real_execvpe, "execvpe");
	LIBC_NEXT(real_fexecve, "fexecve");
	LIBC_NEXT(real_posix_spawn, "posix_spawn");
	LIBC_NEXT(real_posix_spawnp, "posix_spawnp");
	for (char **e = environ; e && *e && nvars < MAX_VARS; e++)
		if (strncmp(*e, "CPROF_", 6) == 0)
			vars[nvars++] = strdup(*e);
}

static int has_var(char *const envp[], const char *prefix)
{
	size_t n = strlen(prefix);

	for (; envp && *envp; envp++)
		if (strncmp(*envp, prefix, n) == 0)
			return 1;
	return 0;
}

static size_t env_count(char *const envp[])
{
	size_t n = 0;

	while (envp && envp[n])
		n++;
	return n;
}

/* Fills out (room for env_count(envp) + MAX_VARS + 2 entries) with envp plus
 * what the runtime needs, and returns it; returns envp when it has them. */
static char *const *env_fix(char *const envp[], char **out, char *preload, size_t preload_size)
{
	const char *old = NULL;
	size_t n = 0;

	if (!rt.active || has_var(envp, "CPROF_DIR="))
		return envp;
	for (; envp && *envp; envp++) {
		if (strncmp(*envp, "LD_PRELOAD=", 11) == 0)
			old = *envp + 11;
		else if (strncmp(*envp, "CPROF_", 6) != 0)
			out[n++] = *envp;
	}
	for (int i = 0; i < nvars; i++)
		out[n++] = vars[i];
	if (old && *old)
		fmt_format(preload, preload_size, "LD_PRELOAD=%s:%s", rt.self_path, old);
	else
		fmt_format(preload, preload_size, "LD_PRELOAD=%s", rt.self_path);
	out[n++] = preload;
	out[n] = NULL;
	return out;
}

/* Declares the fixed environment `name` from `envp`, on this stack frame. */
#define ENV_FIX(name, envp)                                           \
	char *name##_space[env_count(envp) + MAX_VARS + 2];               \
	char name##_preload[2 * PATH_MAX];                                \
	char *const *name = env_fix(envp, name##_space, name##_preload, sizeof name##_preload)

/* Before an exec: this image's profile; and the mask the new program
 * inherits, as the program set it (signals.c keeps the sampler's signals
 * open), a vfork child's too.  After a failed one, as before. */
static void exec_begin(void)
{
	runtime_finish(CPROF_END_EXEC, 0);
	signals_exec_prepare(0);
}

static void exec_failed(void)
{
	signals_exec_prepare(1);
	runtime_exec_failed();
}

static int do_execve(const char *path, char *const argv[], char *const envp[])
{
	ENV_FIX(env, envp);
	int ret;

	exec_begin();
	ret = (int)syscall(SYS_execve, path, argv, env);
	exec_failed();
	return ret;
}

static int do_execvpe(const char *file, char *const argv[], char *const envp[])
{
	ENV_FIX(env, envp);
	int ret;

	LIBC_NEXT(real_execvpe, "execvpe");
	if (!real_execvpe) {
		errno = ENOSYS;
		return -1;
	}
	exec_begin();
	ret = real_execvpe(file, argv, env);
	exec_failed();
	return ret;
}

CPROF_EXPORT int execve(const char *path, char *const argv[], char *const envp[])
{
	return do_execve(path, argv, envp);
}

CPROF_EXPORT int execv(const char *path, char *const argv[])
{
	return do_execve(path, argv, environ);
}

CPROF_EXPORT int execvpe(const char *file, char *const argv[], char *const envp[])
{
	return do_execvpe(file, argv, envp);
}

CPROF_EXPORT int execvp(const char *file, char *const argv[])
{
	return do_execvpe(file, argv, environ);
}

CPROF_EXPORT int fexecve(int fd, char *const argv[], char *const envp[])
{
	ENV_FIX(env, envp);
	int ret;

	LIBC_NEXT(real_fexecve, "fexecve");
	if (!real_fexecve) {
		errno = ENOSYS;
		return -1;
	}
	exec_begin();
	ret = real_fexecve(fd, argv, env);
	exec_failed();
	return ret;
}

/* The execl family: collect the arguments into an array on the stack. */
static size_t count_args(const char *arg0, va_list ap)
{
	va_list aq;
	size_t n = 1;

	va_copy(aq, ap);
	if (arg0)
		while (va_arg(aq, const char *))
			n++;
	va_end(aq);
	return n;
}

/* argv has room for count_args() + 1 entries.  arg0 may be NULL: an empty
 * argument list. */
static void collect_args(char **argv, const char *arg0, va_list *ap)
{
	size_t i = 0;

	argv[i++] = (char *)arg0;
	if (arg0)
		while ((argv[i++] = va_arg(*ap, char *)))
			;
}

#define COLLECT_ARGS(argv, arg0, ap)          \
	char *argv[count_args(arg0, ap) + 1]; \
	collect_args(argv, arg0, &(ap))

CPROF_EXPORT int execl(const char *path, const char *arg0, ...)
{
	va_list ap;

	va_start(ap, arg0);
	COLLECT_ARGS(argv, arg0, ap);
	va_end(ap);
	return do_execve(path, argv, environ);
}

CPROF_EXPORT int execlp(const char *file, const char *arg0, ...)
{
	va_list ap;

	va_start(ap, arg0);
	COLLECT_ARGS(argv, arg0, ap);
	va_end(ap);
	return do_execvpe(file, argv, environ);
}

CPROF_EXPORT int execle(const char *path, const char *arg0, ...)
{
	va_list ap;
	char *const *envp;

	va_start(ap, arg0);
	COLLECT_ARGS(argv, arg0, ap);
	envp = va_arg(ap, char *const *);
	va_end(ap);
	return do_execve(path, argv, envp);
}

/* The attributes a spawned program starts with: the caller's, or, where
 * the program blocks the sampler's signals as far as it knows and sets no
 * mask of its own for the child, a copy in *mine with the mask the program
 * knows (the child inherits the real one, which leaves them open). */
static const posix_spawnattr_t *spawn_attr(const posix_spawnattr_t *attr, posix_spawnattr_t *mine)
{
	sigset_t mask;
	short flags = 0;

	if (!signals_held() || (attr && (posix_spawnattr_getflags(attr, &flags) != 0 || (flags & POSIX_SPAWN_SETSIGMASK))))
		return attr;
	if (attr)
		*mine = *attr; /* (glibc's is plain data) */
	else if (posix_spawnattr_init(mine) != 0)
		return attr;
	pthread_sigmask(SIG_BLOCK, NULL, &mask); /* (the wrapper: the program's view) */
	posix_spawnattr_setsigmask(mine, &mask);
	posix_spawnattr_setflags(mine, (short)(flags | POSIX_SPAWN_SETSIGMASK));
	return mine;
}

CPROF_EXPORT int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
			     const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	ENV_FIX(env, envp);

	posix_spawnattr_t mine;

	LIBC_NEXT(real_posix_spawn, "posix_spawn");
	if (!real_posix_spawn)
		return ENOSYS;
	return real_posix_spawn(pid, path, fa, spawn_attr(attr, &mine), argv, env);
}

CPROF_EXPORT int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
			      const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	ENV_FIX(env, envp);

	posix_spawnattr_t mine;

	LIBC_NEXT(real_posix_spawnp, "posix_spawnp");
	if (!real_posix_spawnp)
		return ENOSYS;
	return real_posix_spawnp(pid, file, fa, spawn_attr(attr, &mine), argv, env);
}

const struct component exec_component = {
	.setup = exec_init,
};
