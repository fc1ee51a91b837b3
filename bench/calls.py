"""A call-heavy Python script, for what tracing costs: recursion (fib) and
many small calls (a method, a function, a builtin) in a loop.

    python3 calls.py [N]   (default 25: fib(N), and 20 * fib(N) small calls)
"""
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Point:
    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)


def small(i):
    return Point(i).norm()


def main(n):
    total = fib(n)
    for i in range(20 * total // 10):
        total += small(i) + len("x")
    return total


if __name__ == "__main__":
    print(main(int(sys.argv[1]) if len(sys.argv) > 1 else 25))
