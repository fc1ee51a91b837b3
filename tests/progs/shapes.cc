// shapes: C++ functions whose names a profile must tell apart (tests/names.sh):
// a namespace, a class, a constructor, two overloads defined on one line
// (DWARF gives both the same file, line and bare name, relax: only their
// qualified names, with the parameters, tell them apart) and a function
// with C linkage, whose name stays as it is.  relax(long) does 3 units of
// work, relax(double) 2, ten times each.
//
//   shapes [UNIT]   (iterations in a unit of work: default 2000000)
#include <cstdio>
#include <cstdlib>

#define NOINLINE __attribute__((noinline))

// the work, in a macro so that its time is the overload's own
#define SWEEP(count)                                                           \
	do {                                                                   \
		double x = 1.0;                                                \
		for (long i = 0; i < (count); i++)                             \
			x = x * 1.0000001 + 1e-9;                              \
		sink = x;                                                      \
	} while (0)

namespace shapes {

volatile double sink;

class Grid {
public:
	explicit Grid(long unit);
	void relax(long units);
	void relax(double units);

private:
	long unit_;
};

NOINLINE Grid::Grid(long unit) : unit_(unit) {}

// clang-format off
NOINLINE void Grid::relax(long units) { SWEEP(units * unit_); } NOINLINE void Grid::relax(double units) { SWEEP((long)(units * (double)unit_)); }
// clang-format on

} // namespace shapes

extern "C" NOINLINE long settle(long unit)
{
	return unit > 0 ? unit : 2000000;
}

int main(int argc, char **argv)
{
	shapes::Grid grid(settle(argc > 1 ? atol(argv[1]) : 0));

	for (int r = 0; r < 10; r++) {
		grid.relax(3L);
		grid.relax(2.0);
	}
	printf("%g\n", (double)shapes::sink);
	return 0;
}
