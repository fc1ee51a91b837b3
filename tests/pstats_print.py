"""Print a pstats file as cprof's tests compare it: the table of
Stats(FILE).strip_dirs().sort_stats(KEYS...).print_stats(), without the
line naming the file, then print_callers() and print_callees() to stderr.

usage: pstats_print.py FILE KEY[,KEY...]
"""
import io
import pstats
import sys

path, keys = sys.argv[1], sys.argv[2].split(",")
out = io.StringIO()
stats = pstats.Stats(path, stream=out)
stats.strip_dirs().sort_stats(*keys).print_stats()
# print_stats starts with the file's date and name, then a blank line
sys.stdout.write(out.getvalue().split("\n", 2)[2])
stats.stream = sys.stderr
stats.print_callers()
stats.print_callees()
