/* libearly: a library whose constructor starts programs before the
 * preloaded runtime's constructor has run (libraries a program links are
 * initialised first). */
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static int status = 1;

__attribute__((constructor)) static void early(void)
{
	char *argv[] = {"true", NULL};
	pid_t pid;
	int st;

	if (posix_spawnp(&pid, "true", NULL, NULL, argv, environ) != 0 || waitpid(pid, &st, 0) < 0 || st != 0)
		return;
	pid = fork();
	if (pid == 0) {
		execlp("true", "true", (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || st != 0)
		return;
	status = 0;
}

int early_status(void)
{
	return status;
}
