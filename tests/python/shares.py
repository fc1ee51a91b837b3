"""CPU work in known shares, as kernels/shares.c: in each of 10 rounds,
work_a, work_b and work_c run spin for 5, 3 and 2 units of the same loop.
The functions measure themselves, on the wall clock and on the thread's
CPU clock, and the program prints what they took in this run, however busy
the machine was, as shares.c does:

    measured NAME WALL CPU    (seconds, for work_a, work_b, work_c, spin
                               and main)

    python3 shares.py [SECONDS]   (default 2: about how much CPU time it takes)
"""
import sys
import time

ROUNDS = 10
took = {}  # name: [wall, cpu]


def start():
    return time.perf_counter(), time.thread_time()


def stop(name, began):
    t = took.setdefault(name, [0.0, 0.0])
    t[0] += time.perf_counter() - began[0]
    t[1] += time.thread_time() - began[1]


def spin(n):
    began = start()
    x = 1.0
    for _ in range(n):
        x = x * 1.0000001 + 1e-9
    stop("spin", began)
    return x


def work_a(unit):
    began = start()
    spin(5 * unit)
    stop("work_a", began)


def work_b(unit):
    began = start()
    spin(3 * unit)
    stop("work_b", began)


def work_c(unit):
    began = start()
    spin(2 * unit)
    stop("work_c", began)


def calibrate(seconds):
    n = 10000
    while True:
        t0 = time.thread_time()
        spin(n)
        t = time.thread_time() - t0
        if t > 0.2:
            return int(n * seconds / ROUNDS / 10 / t)
        n *= 2


def main(seconds):
    began = start()
    unit = calibrate(seconds)
    for _ in range(ROUNDS):
        work_a(unit)
        work_b(unit)
        work_c(unit)
    stop("main", began)
    for name in ("work_a", "work_b", "work_c", "spin", "main"):
        print("measured %s %.6f %.6f" % (name, *took[name]))


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0)
