"""CPU work in known shares, as kernels/shares.c: in each of 50 rounds,
work_a, work_b and work_c run spin for 5, 3 and 2 units of the same loop.
The rounds interleave them, so that a machine whose speed drifts slows all
three alike.  Few calls: tracing them costs nothing to speak of, so the
traced figures are the exact ones to compare sampled figures with.

    python3 shares.py [SECONDS]   (default 2: about how much CPU time it takes)
"""
import sys
import time


def spin(n):
    x = 1.0
    for _ in range(n):
        x = x * 1.0000001 + 1e-9
    return x


def work_a(unit):
    return spin(5 * unit)


def work_b(unit):
    return spin(3 * unit)


def work_c(unit):
    return spin(2 * unit)


def calibrate(seconds):
    n = 10000
    while True:
        t0 = time.process_time()
        spin(n)
        t = time.process_time() - t0
        if t > 0.2:
            return int(n * seconds / 50 / 10 / t)
        n *= 2


def main(seconds):
    unit = calibrate(seconds)
    for _ in range(50):
        work_a(unit)
        work_b(unit)
        work_c(unit)


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0)
