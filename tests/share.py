"""share.py EXACT SAMPLED NAME: whether NAME's cumtime as a share of main's
is the same, within 5%, in two pstats files (exit status 0 if so)."""
import marshal
import sys


def share(path, name):
    stats = marshal.load(open(path, "rb"))
    ct = {k[2]: v[3] for k, v in stats.items()}
    return ct[name] / ct["main"]


exact, sampled = share(sys.argv[1], sys.argv[3]), share(sys.argv[2], sys.argv[3])
print("%s: exact %.4f sampled %.4f" % (sys.argv[3], exact, sampled), file=sys.stderr)
sys.exit(0 if abs(sampled / exact - 1) <= 0.05 else 1)
