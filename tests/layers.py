"""layers.py: the runtime's files and who calls whom, read from the
symbols of its objects (nm): file A reaches file B when A uses a name that
B defines.  Left out: the names libcprof.so exports (the wrappers of libc,
which the runtime's own calls of close() and the like reach as the
program's do), and the table of components, which the core iterates
(components.c, docs/ARCHITECTURE.md).

Usage: layers.py LIBS_DIR EXPORTED_NAMES_FILE
Prints one line per check: "ok ..." or "not ok ..." with what broke it."""
import collections
import glob
import os
import subprocess
import sys

libs, exported_file = sys.argv[1], sys.argv[2]
exported = set(open(exported_file).read().split())
defs, uses = {}, collections.defaultdict(set)
for obj in sorted(glob.glob(os.path.join(libs, "libcprof_la-*.o"))):
    name = os.path.basename(obj)[len("libcprof_la-"):-2]
    for line in subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout.splitlines():
        f = line.split()
        if len(f) == 2 and f[0] == "U":
            uses[name].add(f[1])
        elif len(f) == 3 and f[1] in "TDBRV":
            defs[f[2]] = name
files = sorted(set(defs.values()) | set(uses))
edges = collections.defaultdict(lambda: collections.defaultdict(set))
for a in files:
    for sym in uses[a]:
        b = defs.get(sym)
        if b and b != a and b != "components" and sym not in exported:
            edges[a][b].add(sym)

# Tarjan's strongly connected components
index, low, stack, on, sccs = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in edges[v]:
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = set()
        while True:
            w = stack.pop()
            on.discard(w)
            c.add(w)
            if w == v:
                break
        sccs.append(c)
sys.setrecursionlimit(10000)
for v in files:
    if v not in index:
        visit(v)

def tie(c):
    return "; ".join("%s -> %s (%s)" % (a, b, ", ".join(sorted(edges[a][b])))
                     for a in sorted(c) for b in sorted(edges[a]) if b in c)

# The one family whose files call one another: the sampler with its signal
# manager, and the time its samples do not see.
families = {"the sampler's": {"sample", "offcpu", "signals"}}
cycles = [c for c in sccs if len(c) > 1]
for name, members in families.items():
    found = [c for c in cycles if c & members]
    ok = len(found) == 1 and found[0] <= members
    print("%s %s files call one another, and no others with them%s"
          % ("ok" if ok else "not ok", name, "" if ok else ": " + " | ".join(tie(c) for c in found)))
other = [c for c in cycles if not any(c & m for m in families.values())]
print("%s no other files call one another%s" % ("not ok" if other else "ok",
      "".join(": " + tie(c) for c in other)))

# The base: files that reach no other file of the runtime but the base's.
base = {"settings", "clock", "fmt", "rawbuf", "maps", "proc", "cct", "named", "coderange", "sigmask"}
for f in sorted(base):
    out = {b: s for b, s in edges[f].items() if b not in base}
    print("%s %s reaches nothing above the base%s" % ("not ok" if out or f not in files else "ok", f,
          "".join(" (%s: %s)" % (b, ", ".join(sorted(s))) for b, s in sorted(out.items()))
          + ("" if f in files else " (no such object)")))
