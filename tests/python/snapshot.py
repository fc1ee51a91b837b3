# snapshot.py RATE [SECONDS]: calls tick() RATE times a second, for ever or
# for SECONDS, and prints "SECONDS CALLS" after each second's
# (tests/snapshot.sh, --snapshot).
import os
import sys
import threading
import time


def tick():
    pass


def loop(rate, seconds):
    print("pid", os.getpid(), flush=True)
    print("threads", threading.active_count(), flush=True)
    t0 = time.monotonic()
    calls = 0
    second = 0
    while second != seconds:
        second += 1
        for part in range(1, 101):
            for _ in range(rate // 100):
                tick()
            calls += rate // 100
            left = t0 + second - 1 + part / 100 - time.monotonic()
            if left > 0:
                time.sleep(left)
        print("%.3f %d" % (time.monotonic() - t0, calls), flush=True)


loop(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else -1)
