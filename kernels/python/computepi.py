"""Monte Carlo pi with 10, 100, ... up to MAXTRIALS darts each, serially,
or mapped over a multiprocessing pool of WORKERS (0: serial).

    cprof python3 computepi.py [MAXTRIALS [WORKERS]]   (default 1000000 0)

Each estimate has its own random stream, so the results do not depend on the
workers."""
import multiprocessing
import random
import sys
import time


def pi_run(num_trials):
    """Calculate pi based on points within a box and a circle of radius 1."""
    rng = random.Random(num_trials)
    r = rng.random
    ncirc = 0
    for _ in range(num_trials):
        x, y = r(), r()
        if x * x + y * y < 1.0:
            ncirc += 1
    return 4.0 * ncirc / num_trials


def cycle_pi(max_trials, workers):
    trials = [10 ** k for k in range(1, len(str(max_trials)))]
    if not workers:
        return [pi_run(n) for n in trials]
    with multiprocessing.Pool(workers) as pool:
        return pool.map(pi_run, trials)


if __name__ == "__main__":
    max_trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    start = time.time()
    estimates = cycle_pi(max_trials, workers)
    print("Pi convergence :", [round(p, 6) for p in estimates], "calculated in", time.time() - start, "seconds")
