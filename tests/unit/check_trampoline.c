/* Unit tests of trampoline.h: libcprof-mpi.so's exported functions jump
 * through their slots with everything a call passes untouched, the first
 * call too, which goes through mpi_lazy while the slots are set. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>

#include "tap.h"
#include "trampoline.h"

void *mpi_slots[3];
extern char mpi_lazy[];
void *test_resolve(unsigned slot);
int many(int a, long b, const char *c, int d, long e, int f, int g, long h, double x, double y, double z,
	 double w, double u, double v, double s, double t, double r);
double varargs(int level, ...);
uintptr_t caller(void);

TRAMPOLINE_LAZY(test_resolve)
TRAMPOLINE(many, 0)
TRAMPOLINE(varargs, 1)
TRAMPOLINE(caller, 2)

static int resolved;

/* Where a call goes: "many" takes 8 integer arguments (2 on the stack) and
 * 9 doubles (1 on the stack); each says what it got. */
static int many_target(int a, long b, const char *c, int d, long e, int f, int g, long h, double x, double y,
		       double z, double w, double u, double v, double s, double t, double r)
{
	return a == 1 && b == 2 && c[0] == 'c' && d == 4 && e == 5 && f == 6 && g == 7 && h == 8 && x == 1.5 &&
	       y == 2.5 && z == 3.5 && w == 4.5 && u == 5.5 && v == 6.5 && s == 7.5 && t == 8.5 && r == 9.5;
}

/* varargs' caller says in %al how many vector registers it used */
static double varargs_target(int level, ...)
{
	double sum = level;
	va_list ap;

	va_start(ap, level);
	for (int i = 0; i < level; i++)
		sum += va_arg(ap, double);
	va_end(ap);
	return sum;
}

static uintptr_t __attribute__((noinline)) caller_target(void)
{
	return (uintptr_t)__builtin_return_address(0);
}

/* Loads every argument register with something else, as a resolver
 * calling C may (called through a pointer the compiler cannot follow, so
 * that it passes them all). */
static volatile double sink;
static void clobber(long a, long b, long c, long d, long e, long f, double x, double y, double z, double w,
		    double u, double v, double s, double t)
{
	sink = (double)(a + b + c + d + e + f) + x + y + z + w + u + v + s + t;
}
static void (*volatile clobber_fn)(long, long, long, long, long, long, double, double, double, double, double,
				   double, double, double) = clobber;

void *test_resolve(unsigned slot)
{
	static void *const targets[] = {(void *)many_target, (void *)varargs_target, (void *)caller_target};

	resolved++;
	clobber_fn(-1, -2, -3, -4, -5, -6, -1.0, -2.0, -3.0, -4.0, -5.0, -6.0, -7.0, -8.0);
	for (unsigned i = 0; i < 3; i++)
		__atomic_store_n(&mpi_slots[i], targets[i], __ATOMIC_RELEASE);
	return targets[slot];
}

/* Until set, a slot holds mpi_lazy, which asks where to go once, keeping
 * the arguments; then the slot jumps there directly. */
START_TEST(test_lazy_then_direct)
{
	for (unsigned i = 0; i < 3; i++)
		mpi_slots[i] = (void *)mpi_lazy;
	resolved = 0;
	ck_assert_int_eq(many(1, 2, "c", 4, 5, 6, 7, 8, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5), 1);
	ck_assert_int_eq(resolved, 1);
	ck_assert_int_eq(many(1, 2, "c", 4, 5, 6, 7, 8, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5), 1);
	ck_assert_double_eq(varargs(3, 0.5, 1.5, 2.0), 7.0);
	ck_assert_int_eq(resolved, 1);
}
END_TEST

/* Through mpi_lazy too: the vector registers of a varargs call. */
START_TEST(test_lazy_varargs)
{
	for (unsigned i = 0; i < 3; i++)
		mpi_slots[i] = (void *)mpi_lazy;
	ck_assert_double_eq(varargs(8, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0), 44.0);
	ck_assert_double_eq(varargs(9, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), 54.0);
}
END_TEST

/* The function a trampoline jumps to returns to the trampoline's caller,
 * whose call site it names (the MPI call sites): the return address is
 * in this test, first call and later ones. */
static uintptr_t __attribute__((noinline)) call_caller(void)
{
	uintptr_t r = caller();

	__asm__ volatile("" ::: "memory"); /* not a tail call: caller returns here */
	return r;
}

START_TEST(test_return_address)
{
	uintptr_t from = (uintptr_t)call_caller, first, second;

	for (unsigned i = 0; i < 3; i++)
		mpi_slots[i] = (void *)mpi_lazy;
	first = call_caller();
	second = call_caller();
	ck_assert(first > from && first < from + 64);
	ck_assert_uint_eq(first, second);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("trampoline");
	TCase *tc = tcase_create("trampoline");

	tcase_add_test(tc, test_lazy_then_direct);
	tcase_add_test(tc, test_lazy_varargs);
	tcase_add_test(tc, test_return_address);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
