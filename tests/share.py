"""share.py MEASURED SAMPLED NAME CLOCK [WITHIN]: whether NAME's share of the
time in the pstats file SAMPLED is, within WITHIN (0.05: 5%, by default),
the share the program measured of
itself in the same run (the lines "measured NAME WALL CPU" of the shares
kernels, C and Python, in the file MEASURED), on CLOCK, wall or cpu (exit
status 0 if so).  The share of work_a, work_b or work_c is of the three
together (5:3:2 of the CPU by construction); spin's is of main's.  A
reference from the same run holds however busy the machine was: the
program's own clocks saw what the sampler saw."""
import marshal
import sys

WORK = ("work_a", "work_b", "work_c")


def shares(times, name):
    whole = sum(times[w] for w in WORK) if name in WORK else times["main"]
    return times[name] / whole


def measured(path, clock):
    col = {"wall": 2, "cpu": 3}[clock]
    fields = (line.split() for line in open(path) if line.startswith("measured "))
    return {f[1]: float(f[col]) for f in fields}


def sampled(path):
    stats = marshal.load(open(path, "rb"))
    return {k[2]: v[3] for k, v in stats.items()}


path, pstats, name, clock = sys.argv[1:5]
within = float(sys.argv[5]) if len(sys.argv) > 5 else 0.05
exact, got = shares(measured(path, clock), name), shares(sampled(pstats), name)
print("%s: measured %.4f sampled %.4f" % (name, exact, got), file=sys.stderr)
sys.exit(0 if abs(got / exact - 1) <= within else 1)
