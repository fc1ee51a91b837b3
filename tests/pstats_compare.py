"""Compare cprof's pstats file with cProfile's for the same script: the same
functions under the same keys, the same call counts (cc and nc), the same
callers with the same counts, once cProfile's own rows are left out (the
builtins.exec that runs the script and the profiler's disable).  Prints each
difference; exits 1 if there is one.

usage: pstats_compare.py CPROF.pstats CPROFILE.pstats
"""
import marshal
import sys

OWN = {("~", 0, "<built-in method builtins.exec>"),
       ("~", 0, "<method 'disable' of '_lsprof.Profiler' objects>")}


def load(path):
    with open(path, "rb") as f:
        stats = marshal.load(f)
    return {key: (cc, nc, {k: (v[0], v[1]) for k, v in callers.items() if k not in OWN})
            for key, (cc, nc, tt, ct, callers) in stats.items() if key not in OWN}


def main():
    mine, theirs = load(sys.argv[1]), load(sys.argv[2])
    diffs = []
    for key in sorted(set(mine) | set(theirs), key=repr):
        if key not in mine:
            diffs.append("missing from cprof: %r" % (key,))
        elif key not in theirs:
            diffs.append("only in cprof: %r" % (key,))
        elif mine[key] != theirs[key]:
            diffs.append("%r: cprof (cc, nc, callers) %r, cProfile %r" % (key, mine[key], theirs[key]))
    for d in diffs:
        print(d)
    print("%d functions compared, %d differences" % (len(theirs), len(diffs)))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
