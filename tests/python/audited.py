"""An audit hook that refuses profilers (sys.setprofile), then threads:
the program sees no event of cprof's, and its threads start and are
traced: work called 3 times, and the hook refuses the program's own
(3.8 says so on standard error, as without cprof)."""
import sys
import threading
seen = []
def hook(event, args):
    if event == "sys.setprofile":
        seen.append(event)
        raise RuntimeError("no profilers here")
sys.addaudithook(hook)
def work():
    return sum(range(10))
ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
try:
    sys.setprofile(lambda *a: None)
except RuntimeError:
    pass
print(seen)
