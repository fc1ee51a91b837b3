"""Functions whose names and files a terminal would act on, each called
once: cprof's report shows them escaped (tests/terminal.sh).  The program's
arguments are printed in the report's headings (--per-process) too."""


def plain():
    pass


def named(name, filename="escapes.py"):
    code = plain.__code__.replace(co_name=name, co_filename=filename)
    return type(plain)(code, globals())


named("clear\x1b[2J")()
named("row\n   999    0.000    0.000    0.000    0.000 forged.py:1(forged)")()
named("title\x1b]0;pwned\x07")()
named("csi\u009b31m")()
named("ret\rurn")()
named("tab\tdel\x7f", "file\nname.py")()
named("caf\u00e9_\u51fd\u6570")()
