"""Compare cprof's pstats file with cProfile's for the same script: the same
functions under the same keys, the same call counts (cc and nc), the same
callers with the same counts, once cProfile's own rows are left out (the
builtins.exec that runs the script and the profiler's disable).  Prints each
difference; exits 1 if there is one.  File names are compared as absolute
paths, from the directory it runs in: from 3.9 the interpreter names the
script it runs by its absolute path (which cprof sees), where cProfile
compiles it under the name it was given.

usage: pstats_compare.py CPROF.pstats CPROFILE.pstats
"""
import marshal
import os
import sys

OWN = {("~", 0, "<built-in method builtins.exec>"),
       ("~", 0, "<method 'disable' of '_lsprof.Profiler' objects>")}


def absolute(key):
    file, line, name = key
    if file == "~" or file.startswith("<"):
        return key
    return (os.path.abspath(file), line, name)


def load(path):
    with open(path, "rb") as f:
        stats = marshal.load(f)
    return {absolute(key): (cc, nc, {absolute(k): (v[0], v[1]) for k, v in callers.items() if k not in OWN})
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
