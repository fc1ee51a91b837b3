"""Workers that leave without exiting Python: with os._exit, and killed
by SIGTERM while they work (Pool.terminate).  Each calls its function a known
number of times first: leave 2 times (os._exit), spin 3 times (terminated)."""
import multiprocessing
import os
import signal
import sys
import time


def leave():
    os._exit(0)


def spin(ready):
    ready.put(1)
    while True:
        time.sleep(0.01)


def quick():
    pass


def main(method):
    ctx = multiprocessing.get_context(method)
    for _ in range(2):
        p = ctx.Process(target=leave)
        p.start()
        p.join()
    ready = ctx.Queue()
    ps = [ctx.Process(target=spin, args=(ready,)) for _ in range(3)]
    for p in ps:
        p.start()
    for _ in ps:
        ready.get()
    for p in ps:
        os.kill(p.pid, signal.SIGTERM)
        p.join()
    quick()


if __name__ == "__main__":
    main(sys.argv[1])
