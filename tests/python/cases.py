"""What cProfile must see the same way under cprof: recursion (direct and
mutual), builtins and methods of builtin types, generators, comprehensions,
lambdas, exceptions raised and caught across frames, classes (methods,
properties, special methods, class and static methods), closures and
decorators.  Deterministic: every count is fixed.  No imports: cProfile has
imported modules of its own before the script runs, which the script's
imports then find loaded, and cprof has not."""


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


def squares(n):
    for i in range(n):
        yield i * i


def fails(depth):
    if depth == 0:
        raise ValueError("bottom")
    fails(depth - 1)


def catches():
    caught = 0
    for _ in range(3):
        try:
            fails(4)
        except ValueError:
            caught += 1
    return caught


def traced(fn):
    def wrapper(*args):
        return fn(*args)
    wrapper.__name__ = fn.__name__
    return wrapper


@traced
def decorated(x):
    return x + 1


class Shape:
    count = 0

    def __init__(self, side):
        self.side = side
        Shape.count += 1

    @property
    def area(self):
        return self.side * self.side

    def __len__(self):
        return int(self.side)

    def __eq__(self, other):
        return self.side == other.side

    @classmethod
    def unit(cls):
        return cls(1)

    @staticmethod
    def describe(n):
        return "shape %d" % n


def closure(k):
    def inner(x):
        return x * k
    return inner


def main():
    fact(30)
    even(25)
    total = sum(squares(50))
    evens = [x for x in range(40) if x % 2 == 0]
    table = {x: x * x for x in range(10)}
    letters = sorted({c for c in "profiling"})
    lengths = list(map(lambda s: len(s), ["a", "bb", "ccc"]))
    caught = catches()
    words = []
    for i in range(20):
        words.append(str(i))
    joined = ",".join(words)
    shapes = [Shape(s) for s in range(1, 8)] + [Shape.unit()]
    areas = [s.area for s in shapes]
    same = shapes[0] == Shape.unit()
    size = len(shapes[3])
    text = Shape.describe(size)
    f = closure(3)
    tripled = [f(i) for i in range(5)]
    d = decorated(41)
    root = pow(total, 0.5)
    keys = sorted(table.keys())
    return (total, len(evens), letters, lengths, caught, len(joined), sum(areas), same, text, tripled, d, root, keys)


if __name__ == "__main__":
    main()
