#!/bin/sh
# bench/html.sh BUILDDIR: the HTML report's cost: how long cprof-report
# takes to write it beside the text report, how big it is, and how long
# Chromium takes to open it (tests/browser/open-time.js: navigation to the
# first painted frame, the median of 3), for two profiles: a 4-rank job of
# kernels/python/mpi.py (numpy and mpi4py) and tests/python/wide.py (a tree
# of 111,111 call paths, traced).  RUNS (default 5) runs of each report,
# the median kept.
#
# Needs: OpenMPI, python3 with numpy and mpi4py, Chromium and
# tests/browser/node_modules (scripts/setup).
set -eu
B=$(cd "${1:?usage: html.sh BUILDDIR}" && pwd)
S=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
PYTHON=${PYTHON:-/usr/bin/python3}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
. "$(dirname "$0")/lib.sh"
cd "$WORK"

mpiexec --oversubscribe -np 4 "$B/src/cprof-mpi" -d job "$PYTHON" "$S/kernels/python/mpi.py" > /dev/null 2>&1
"$B/src/cprof" -F 0 -d wide "$PYTHON" "$S/tests/python/wide.py" > /dev/null 2>&1
echo "the HTML report against the text one, $RUNS runs each; $(nproc) CPUs, $(uname -r)"
printf '%-26s %10s %10s %10s %12s\n' profile "text s" "html s" "html MB" "open ms"
for p in job wide; do
	for i in $(seq "$RUNS"); do
		timed "$p-text" "$B/src/cprof-report" "$p"
		timed "$p-html" "$B/src/cprof-report" -o "$WORK/$p.html" "$p"
	done
	open=$(NODE_PATH="$S/tests/browser/node_modules" node "$S/tests/browser/open-time.js" "$WORK/$p.html" | awk '{ print $2 }')
	case $p in
	job) what="4-rank mpi.py job" ;;
	*) what="wide.py, $(grep -o '"f":\[[^]]*' "$WORK/$p.html" | head -n 1 | tr ',' '\n' | wc -l) nodes" ;;
	esac
	printf '%-26s %10.3f %10.3f %10.2f %12s\n' "$what" "$(median "$p-text")" "$(median "$p-html")" \
		"$(awk -v b="$(wc -c < "$WORK/$p.html")" 'BEGIN { print b / 1048576 }')" "$open"
done
