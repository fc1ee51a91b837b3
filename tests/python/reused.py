"""Code objects made and freed in turn, each new one likely where the one
before was: each call is its own function's (an id kept for an address
counts f1's calls as f0's)."""
for i in range(300):
    name = "f%d" % (i % 3)
    ns = {}
    exec(compile("def %s():\n    pass\n" % name, "<gen>", "exec"), ns)
    ns[name]()
    del ns
