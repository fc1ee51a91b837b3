"""Children SIGTERM'd as they are forked, as Pool.terminate may end a worker
that has not run yet: before() once in the parent, then N children (default
40), each killed at once or after a short spin, before or while it becomes a
process of its own.  A child that gets to run calls child() and leaves.

    cprof python3 forked.py [N]
"""
import os
import signal
import sys


def before():
    pass


def child():
    pass


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    before()
    for i in range(n):
        pid = os.fork()
        if pid == 0:
            child()
            os._exit(0)
        for _ in range(i % 8 * 20):
            pass
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
