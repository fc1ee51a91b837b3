# wide.py: a call tree of 111,111 paths (tests/browser.sh opens its HTML
# report): ten functions that each call all ten, five deep from f0.  They
# are made from one text, each compiled as a function of its own (f0 is
# line 1 of that text, f1 line 9...), under this file's name.
BODY = """def f{i}(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k
"""
exec(compile("".join(BODY.format(i=i) for i in range(10)), __file__, "exec"))
FS = tuple(globals()["f%d" % i] for i in range(10))
f0(5)
