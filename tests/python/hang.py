# A Python process that waits: its main thread in time.sleep under outer
# and inner, a second thread in time.sleep under waiter (tests/dump.sh).
import sys
import threading
import time


def waiter():
    time.sleep(600)


def inner():
    print("ready", flush=True)
    time.sleep(600)


def outer():
    inner()


threading.Thread(target=waiter, daemon=True).start()
outer()
sys.exit(0)
