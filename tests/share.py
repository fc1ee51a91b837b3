"""share.py EXACT[,EXACT...] SAMPLED NAME: whether NAME's share of the time is
the same, within 5%, in pstats files of the shares kernel, traced (EXACT) and
sampled (exit status 0 if so).  The share of work_a, work_b or work_c is of
the three's cumtime together (5:3:2 by construction, whatever the calibration
before them took); spin's is of main's.  Traced times are the wall clock's,
which a busy machine disturbs: with several traced runs, their median share
is the exact one."""
import marshal
import sys

WORK = ("work_a", "work_b", "work_c")


def share(path, name):
    stats = marshal.load(open(path, "rb"))
    ct = {k[2]: v[3] for k, v in stats.items()}
    whole = sum(ct[w] for w in WORK) if name in WORK else ct["main"]
    return ct[name] / whole


exacts = sorted(share(path, sys.argv[3]) for path in sys.argv[1].split(","))
exact, sampled = exacts[len(exacts) // 2], share(sys.argv[2], sys.argv[3])
print("%s: exact %.4f sampled %.4f" % (sys.argv[3], exact, sampled), file=sys.stderr)
sys.exit(0 if abs(sampled / exact - 1) <= 0.05 else 1)
