"""A call-heavy Python script, for what tracing costs: recursion (fib) and
many small calls (a method, a function, a builtin) in a loop.

    python3 calls.py [N]     (default 25: fib(N), and 20 * fib(N) small calls)
    python3 calls.py N K     the same K times; on standard error, the CPU
                             time of the fastest (the least disturbed)
"""
import sys
import time


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
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    fastest = None
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
        t0 = time.process_time()
        result = main(n)
        took = time.process_time() - t0
        fastest = took if fastest is None else min(fastest, took)
    print(result)
    if len(sys.argv) > 2:
        print("fastest: %.6f" % fastest, file=sys.stderr)
