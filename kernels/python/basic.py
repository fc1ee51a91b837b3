"""addit(4), then a pool of two workers mapping addit over [1, 2, 3]:
prints 5, then [2, 3, 4].

    cprof python3 basic.py [fork|spawn|forkserver]
"""
import multiprocessing
import sys


def addit(x):
    return x + 1


if __name__ == "__main__":
    if len(sys.argv) > 1:
        multiprocessing.set_start_method(sys.argv[1])
    print(addit(4))
    with multiprocessing.Pool(2) as pool:
        print(pool.map(addit, [1, 2, 3]))
