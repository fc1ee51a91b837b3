# wide.py: a call tree of 111,111 paths (tests/browser.sh opens its HTML
# report): ten functions that each call all ten, five deep from f0.


def f0(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f1(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f2(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f3(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f4(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f5(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f6(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f7(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f8(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


def f9(d):
    if d:
        for f in FS:
            f(d - 1)
    else:
        x = 0
        for k in range(30):
            x += k


FS = (f0, f1, f2, f3, f4, f5, f6, f7, f8, f9)
f0(5)
