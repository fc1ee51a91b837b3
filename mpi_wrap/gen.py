#!/usr/bin/env python3
"""From the spec (mpi.spec says its syntax), writes

  gen.py wrappers SPEC OUT.c  the MPI wrappers, C and Fortran, and their table
                              for libcprof-mpi.so (abi.h): one text for every
                              ABI, compiled against each ABI's mpi.h, which
                              gives the handles' types, MPI_Status and the
                              constants
  gen.py slots SPEC OUT.c     libcprof-mpi.so's exported functions, a
                              trampoline each (trampoline.h), and their slots

Every wrapper does the same: core.h's mpi_begin, the PMPI function (found
when first called: nothing refers to libmpi at load time), mpi_end with the
bytes moved; where nothing is timed (no runtime, or the C function called by
its Fortran wrapper), only the PMPI function, in a tail call."""
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
            elif words == ["fortran", "core"]:
                f["fortran"] = "core"
            else:
                sys.exit("%s:%d: unknown note %s" % (path, lineno, note))
        if f["fortran"] is True and (f["varargs"] or any("char" in p[0] for p in params)):
            f["fortran"] = False
        funcs.append(f)
    return funcs


def bytes_expr(f, which, fortran):
    """The bytes of the call, of its arguments as kept (kept_args)."""
    spec = f[which]
    if not spec:
        return "0"
    count, dtype = spec[0], spec[1]
    if fortran:
        i = [p[1] for p in f["params"]].index(count)
        j = [p[1] for p in f["params"]].index(dtype)
        return "mpi_bytes_f(a.p%d, a.p%d)" % (i, j)
    if len(spec) > 2:
        return "mpi_bytes_status(a.%s, a.%s, a.%s)" % (count, dtype, spec[2])
    return "mpi_bytes(a.%s, a.%s)" % (count, dtype)


def declare(ctype, name):
    return "%s%s%s" % (ctype, "" if ctype.endswith("*") else " ", name)


def kept_args(params, out):
    """Keeps a timed call's arguments in memory, in a struct `a` that an
    empty asm hides from the compiler, across the runtime's calls before the
    call is made: a store and a load each, where a register saved would cost
    a push, a pop and two moves.  Returns how the wrapper names them."""
    if not params:
        return []
    # (a field is written once, by the asm: no top-level const)
    fields = "\n".join("\t\t%s;" % declare(t if "*" in t else t.replace("const ", ""), n) for t, n in params)
    out.append("\tstruct {\n%s\n\t} a = {%s};\n" % (fields, ", ".join(n for t, n in params)))
    out.append('\t__asm__("" : "+m"(a)); /* in memory (gen.py\'s kept_args) */')
    return ["a." + n for t, n in params]


def end_call(f, fortran):
    """mpi_end with the bytes, counted once when sent and received are the same."""
    sent, recv = bytes_expr(f, "sent", fortran), bytes_expr(f, "recv", fortran)
    if sent == recv and sent != "0":
        return "\tuint64_t n = %s;\n\tmpi_end(&c, n, n);" % sent
    return "\tmpi_end(&c, %s, %s);" % (sent, recv)


def c_wrapper(f, out):
    name, params = f["name"], f["params"]
    decl = ", ".join(declare(t, n) for t, n in params) or "void"
    types = ", ".join(t for t, n in params) or "void"
    args = ", ".join(n for t, n in params)
    if f["varargs"]:
        decl += ", ..."
    out.append("MPI_EXPORT int %s(%s)\n{" % (name, decl))
    out.append("\tstatic int (*real)(%s);" % types)
    out.append("\tstruct mpi_call c;\n\tint ret;\n")
    out.append('\tif (!real && !(*(void **)&real = mpi_real("P%s")))\n\t\treturn MPI_ERR_INTERN;' % name)
    out.append("\tif (!mpi_timing() || mpi_in_fortran)\n\t\treturn real(%s); "
               "/* untimed: no runtime, or its Fortran wrapper calls */" % args)
    args = ", ".join(kept_args(params, out))
    if f["hook"] and f["hook"].startswith("before_"):
        out.append("\tmpi_%s(%s);" % (f["hook"], args))
    out.append("\tmpi_begin(&c, F_%s, __builtin_return_address(0));" % name)
    if f["hook"] and f["hook"].startswith("during_"):
        out.append("\tmpi_%s(&c);" % f["hook"])
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
    out.append("\tif (!mpi_timing()) {\n\t\treal(%s);\n\t\treturn;\n\t}" % ", ".join("p%d" % i for i in range(n)))
    args = ", ".join(kept_args([("void *", "p%d" % i) for i in range(n)], out))
    if f["hook"] and f["hook"].startswith("before_"):
        out.append("\tmpi_%s_f(%s);" % (f["hook"], args))
    out.append("\tmpi_begin(&c, F_%s, __builtin_return_address(0));" % name)
    if f["hook"] and f["hook"].startswith("during_"):
        out.append("\tmpi_%s(&c);" % f["hook"])
    out.append("\tmpi_in_fortran++;")
    out.append("\treal(%s);" % args)
    out.append("\tmpi_in_fortran--;")
    out.append(end_call(f, True) + "\n}\n")


def manglings(name):
    """The Fortran names of an MPI function, as compilers mangle them."""
    low = name.lower()
    return (low + "_", low + "__", low, name.upper())


def table(funcs, out):
    """The wrappers, for libcprof-mpi.so."""
    out.append("static mpi_fn *const c_wrappers[] = {")
    out += ["\t(mpi_fn *)%s," % f["name"] for f in funcs]
    out += ["};", "", "static mpi_fn *const fortran_wrappers[] = {"]
    out += ["\t(mpi_fn *)f_%s," % f["name"].lower() if f["fortran"] else "\tNULL," for f in funcs]
    out += ["};", "",
            "MPI_EXPORT const struct mpi_wrappers cprof_mpi_wrappers = {",
            "\tMPI_WRAPPERS_VERSION, %d, mpi_names, c_wrappers, fortran_wrappers," % len(funcs), "};"]


def wrappers(funcs):
    out = ["/* Written by mpi_wrap/gen.py from mpi_wrap/mpi.spec: edit those, not this. */",
           '#include "config.h"', "", "#include <mpi.h>", "#include <stddef.h>", "",
           '#include "abi.h"', '#include "core.h"', "", "enum {"]
    out += ["\tF_%s," % f["name"] for f in funcs]
    out += ["};", "", "const int mpi_nfuncs = %d;" % len(funcs), "const char *const mpi_names[] = {"]
    out += ['\t"%s",' % f["name"] for f in funcs]
    out += ["};", ""]
    for f in funcs:
        c_wrapper(f, out)
    out.append("/* Fortran: OpenMPI's bindings call PMPI_ functions, MPICH's the C wrappers\n"
               " * above, which pass the call on untimed (mpi_in_fortran). */\n")
    for f in funcs:
        if f["fortran"] is True:
            fortran_wrapper(f, out)
    table(funcs, out)
    return out


def slots(funcs):
    out = ["/* Written by mpi_wrap/gen.py from mpi_wrap/mpi.spec: edit those, not this. */",
           '#include "config.h"', "", '#include "front.h"', '#include "trampoline.h"', ""]
    defs = []
    for i, f in enumerate(funcs):
        defs.append((f["name"], i, 0))
        if f["fortran"]:
            defs += [(m, i, 1) for m in manglings(f["name"])]
    out += ["TRAMPOLINE(%s, %d)" % (d[0], n) for n, d in enumerate(defs)]
    out += ["", "const struct mpi_slot mpi_slot_defs[] = {"]
    out += ['\t{"%s", %d, %d},' % d for d in defs]
    out += ["};", "",
            "const unsigned mpi_nslots = %d;" % len(defs),
            "const unsigned mpi_front_nfuncs = %d;" % len(funcs),
            "void *mpi_slots[%d] = {[0 ... %d] = mpi_lazy};" % (len(defs), len(defs) - 1)]
    return out


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("wrappers", "slots"):
        sys.exit("usage: gen.py wrappers|slots SPEC OUT.c")
    funcs = parse(sys.argv[2])
    out = wrappers(funcs) if sys.argv[1] == "wrappers" else slots(funcs)
    with open(sys.argv[3], "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
