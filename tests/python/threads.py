"""Three threads and the main thread call work: 5 + 5 + 5 + 2 = 17 calls."""
import threading
def work(n):
    return sum(i * i for i in range(n))
def worker(k):
    for _ in range(k):
        work(100)
ts = [threading.Thread(target=worker, args=(5,)) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
worker(2)
