"""A program with profilers of its own: cProfile in the main thread, and
sys.setprofile in a thread.  Before 3.12 a thread has one profile
function, which theirs take from cprof's: work is traced 5 times, and the
report says the rest is missing; from 3.12 cprof's sys.monitoring tool
sees all 19 calls."""
import cProfile
import sys
import threading
def work(n):
    return sum(i * i for i in range(n))
def before():
    for _ in range(5):
        work(100)
def after():
    for _ in range(7):
        work(100)
before()
p = cProfile.Profile()
p.enable()
after()
p.disable()
def own():
    sys.setprofile(lambda *a: None)
    after()
t = threading.Thread(target=own)
t.start()
t.join()
print("done")
