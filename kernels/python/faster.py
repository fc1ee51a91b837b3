"""The cProfile example: time some parts of this code.

    cprof python3 faster.py
"""
import time


def waithere():
    print("waiting for 1 second")
    time.sleep(1)


def add2(a, b):
    print("adding  %d and %d" % (a, b))
    return a + b


def main():
    print("Hello, try timing some parts of this code!")
    waithere()
    add2(4, 7)
    add2(3, 1)


if __name__ == "__main__":
    main()
