#!/usr/bin/env python3
"""gen.py SPEC OUT.c: writes the MPI wrappers, C and Fortran, from the spec
(mpi.spec says its syntax).  Every wrapper does the same: core.c's
mpi_begin, the PMPI function (found with dlsym: the library is preloaded into
programs that may not use MPI), mpi_end with the bytes moved."""
import re
import sys


def parse_param(text):
    """'const void *buf' -> ('const void *', 'buf'); 'int ranks[]' -> ('const int *', ...)."""
    text = " ".join(text.split())
    if text in ("void", "..."):
        return None
    m = re.match(r"(.*?)(\w+)\s*(\[\])?$", text)
    ctype, name, array = m.group(1).strip(), m.group(2), m.group(3)
    if array:
        ctype += " *"
    return ctype, name


def parse(path):
    funcs = []
    for lineno, line in enumerate(open(path), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        proto, *notes = [p.strip() for p in line.split("|")]
        m = re.match(r"int (MPI_\w+)\((.*)\)$", proto)
        if not m:
            sys.exit("%s:%d: not a prototype: %s" % (path, lineno, proto))
        params = [p for p in (parse_param(a) for a in m.group(2).split(",")) if p]
        f = {"name": m.group(1), "params": params, "varargs": "..." in m.group(2),
             "sent": None, "recv": None, "hook": None, "fortran": True}
        names = {p[1] for p in params}
        for note in notes:
            words = note.split()
            if words[0] in ("sent", "recv"):
                for w in words[1:]:
                    if w not in names:
                        sys.exit("%s:%d: %s has no parameter %s" % (path, lineno, f["name"], w))
                f[words[0]] = words[1:]
            elif words[0] == "hook":
                f["hook"] = words[1]
            elif words[0] == "nofortran":
                f["fortran"] = False
            else:
                sys.exit("%s:%d: unknown note %s" % (path, lineno, note))
        if f["varargs"] or any("char" in p[0] for p in params):
            f["fortran"] = False
        funcs.append(f)
    return funcs


def bytes_expr(f, which, fortran):
    spec = f[which]
    if not spec:
        return "0"
    count, dtype = spec[0], spec[1]
    if fortran:
        i = [p[1] for p in f["params"]].index(count)
        j = [p[1] for p in f["params"]].index(dtype)
        return "mpi_bytes_f(p%d, p%d)" % (i, j)
    if len(spec) > 2:
        return "mpi_bytes_status(%s, %s, %s)" % (count, dtype, spec[2])
    return "mpi_bytes(%s, %s)" % (count, dtype)


def end_call(f, fortran):
    """mpi_end with the bytes, counted once when sent and received are the same."""
    sent, recv = bytes_expr(f, "sent", fortran), bytes_expr(f, "recv", fortran)
    if sent == recv and sent != "0":
        return "\tif (mpi_recording(&c)) {\n\t\tuint64_t n = %s;\n\t\tmpi_end(&c, n, n);\n\t}" % sent
    return "\tif (mpi_recording(&c))\n\t\tmpi_end(&c, %s, %s);" % (sent, recv)


def c_wrapper(f, out):
    name, params = f["name"], f["params"]
    decl = ", ".join("%s%s%s" % (t, "" if t.endswith("*") else " ", n) for t, n in params) or "void"
    types = ", ".join(t for t, n in params) or "void"
    args = ", ".join(n for t, n in params)
    if f["varargs"]:
        decl += ", ..."
    out.append("MPI_EXPORT int %s(%s)\n{" % (name, decl))
    out.append("\tstatic int (*real)(%s);" % types)
    out.append("\tstruct mpi_call c;\n\tint ret;\n")
    out.append('\tif (!real && !(*(void **)&real = mpi_real("P%s")))\n\t\treturn MPI_ERR_INTERN;' % name)
    if f["hook"] and f["hook"].startswith("before_"):
        out.append("\tmpi_%s(%s);" % (f["hook"], args))
    out.append("\tmpi_begin(&c, F_%s, __builtin_return_address(0));" % name)
    out.append("\tret = real(%s);" % args)
    out.append(end_call(f, False))
    if f["hook"] and f["hook"].startswith("after_"):
        out.append("\tmpi_%s(%s);" % (f["hook"], args))
    out.append("\treturn ret;\n}\n")


def fortran_wrapper(f, out):
    name = f["name"]
    n = len(f["params"]) + 1  # and ierr
    ps = ["void *p%d" % i for i in range(n)]
    low = name.lower()
    out.append("static void f_%s(%s)\n{" % (low, ", ".join(ps)))
    out.append("\tstatic void (*real)(%s);" % ", ".join(["void *"] * n))
    out.append("\tstruct mpi_call c;\n")
    out.append('\tif (!real && !(*(void **)&real = mpi_real("p%s_"))) {' % low)
    out.append('\t\t*(MPI_Fint *)p%d = MPI_ERR_INTERN;\n\t\treturn;\n\t}' % (n - 1))
    if f["hook"] and f["hook"].startswith("before_"):
        out.append("\tmpi_%s_f(%s);" % (f["hook"], ", ".join("p%d" % i for i in range(n))))
    out.append("\tmpi_begin(&c, F_%s, __builtin_return_address(0));" % name)
    out.append("\treal(%s);" % ", ".join("p%d" % i for i in range(n)))
    out.append(end_call(f, True) + "\n}")
    for mangled in (low + "_", low + "__", low, name.upper()):
        out.append('MPI_EXPORT void %s(%s) __attribute__((alias("f_%s")));' % (mangled, ", ".join(ps), low))
    out.append("")


def main():
    funcs = parse(sys.argv[1])
    out = ["/* Written by mpi_wrap/gen.py from mpi_wrap/mpi.spec: edit those, not this. */",
           '#include "config.h"', "", "#include <mpi.h>", "", '#include "core.h"', "",
           "enum {"]
    out += ["\tF_%s," % f["name"] for f in funcs]
    out += ["};", "", "const int mpi_nfuncs = %d;" % len(funcs), "const char *const mpi_names[] = {"]
    out += ['\t"%s",' % f["name"] for f in funcs]
    out += ["};", ""]
    for f in funcs:
        c_wrapper(f, out)
    out.append("/* Fortran: OpenMPI's bindings call PMPI_ functions, not the C wrappers above. */\n")
    for f in funcs:
        if f["fortran"]:
            fortran_wrapper(f, out)
    with open(sys.argv[2], "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
