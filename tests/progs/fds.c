/* fds: what a program sees of its descriptors, for tests/fds.sh.
 *
 *   fds first            prints the descriptor its first open() gets
 *   fds copy IN OUT      puts IN on 3 and OUT on 4 (dup2) and copies 3 to 4,
 *                        a small buffer at a time, computing between
 *   fds closeall         closes every descriptor, then prints (to a file
 *                        it opens, /dev/stderr being closed) what open()
 *                        gives: cannot print, so exits with it
 *   fds count            computes a moment, then prints how many files it
 *                        can open before EMFILE
 *   fds take             computes a moment, then takes each of the 8
 *                        numbers from half its descriptor limit up (dup2 a
 *                        pipe's end there, close it there) and says for
 *                        each whether the pipe then ended as it should;
 *                        then computes again
 *   fds open FILE        opens FILE (descriptor 2 when standard error is
 *                        closed), computes a moment, and writes into it
 *                        the descriptor it got
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static volatile double sink;

/* A loop of n turns with no unwind information: a sample in it makes
 * libunwind fall back to the frame pointers, whose addresses it checks
 * first (through its pipe). */
void nocfi_spin(long n);
__asm__(".text\n"
	".globl nocfi_spin\n"
	".type nocfi_spin, @function\n"
	"nocfi_spin:\n"
	"	push %rbp\n"
	"	mov %rsp, %rbp\n"
	"1:	dec %rdi\n"
	"	jnz 1b\n"
	"	pop %rbp\n"
	"	ret\n"
	".size nocfi_spin, .-nocfi_spin\n");

/* nocfi_spin at depths whose frames lie in different pages */
static void deep_spin(int depth)
{
	volatile char page[4096];

	page[0] = (char)depth;
	if (depth > 0)
		deep_spin(depth - 1);
	else
		nocfi_spin(2000000);
	sink += page[0];
}

static void compute(long n)
{
	double x = 1.0;

	for (long i = 0; i < n; i++)
		x = x * 1.0000001 + 1e-9;
	sink = x;
}

static int first(void)
{
	int fd = open("/dev/null", O_RDONLY);

	printf("%d\n", fd);
	return 0;
}

/* fd, moved to `to` */
static int move(int fd, int to)
{
	int high = fcntl(fd, F_DUPFD, 10);

	close(fd);
	if (high < 0 || dup2(high, to) < 0)
		return -1;
	close(high);
	return 0;
}

static int copy(const char *in, const char *out)
{
	int i = open(in, O_RDONLY), o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	char buf[512];
	ssize_t n;

	if (i < 0 || o < 0 || move(i, 3) < 0 || move(o, 4) < 0) {
		perror("fds copy");
		return 1;
	}
	while ((n = read(3, buf, sizeof buf)) > 0) {
		compute(20000);
		if (write(4, buf, (size_t)n) != n) {
			perror("fds copy: write");
			return 1;
		}
	}
	return n < 0;
}

static int closeall(void)
{
	struct rlimit r;

	getrlimit(RLIMIT_NOFILE, &r);
	for (int fd = 0; fd < (int)r.rlim_cur; fd++)
		close(fd);
	for (int i = 0; i < 200; i++)
		deep_spin(i % 50);
	return open("/dev/null", O_RDONLY);
}

static int count(void)
{
	int n = 0;

	compute(50000000);
	while (open("/dev/null", O_RDONLY) >= 0)
		n++;
	printf("%d %s\n", n, strerror(errno));
	return 0;
}

static int take(void)
{
	struct rlimit r;
	int bad = 0;

	compute(50000000);
	getrlimit(RLIMIT_NOFILE, &r);
	for (int n = (int)r.rlim_cur / 2; n < (int)r.rlim_cur / 2 + 8; n++) {
		int p[2];
		char c;
		if (pipe(p) < 0 || dup2(p[1], n) != n || close(p[1]) < 0 || close(n) < 0 || read(p[0], &c, 1) != 0) {
			printf("%d: %s\n", n, strerror(errno));
			bad = 1;
		}
		close(p[0]);
	}
	printf("taken: %s\n", bad ? "not all" : "all");
	compute(200000000);
	return 0;
}

static int open_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return 1;
	compute(20000000);
	dprintf(fd, "fd %d\n", fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "first") == 0)
		return first();
	if (argc == 4 && strcmp(argv[1], "copy") == 0)
		return copy(argv[2], argv[3]);
	if (argc == 2 && strcmp(argv[1], "closeall") == 0)
		return closeall();
	if (argc == 2 && strcmp(argv[1], "count") == 0)
		return count();
	if (argc == 2 && strcmp(argv[1], "take") == 0)
		return take();
	if (argc == 3 && strcmp(argv[1], "open") == 0)
		return open_file(argv[2]);
	fputs("usage: fds first | copy IN OUT | closeall | count | take | open FILE\n", stderr);
	return 2;
}
