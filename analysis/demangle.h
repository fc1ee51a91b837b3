/* demangle.h: C++ function names as people read them. */
#ifndef CPROF_DEMANGLE_H
#define CPROF_DEMANGLE_H

/* The name an Itanium C++ ABI symbol ("_Z...", what g++ and clang write)
 * stands for, qualified and with its parameters, as c++filt, perf and gdb
 * show it: "_ZN6shapes4Grid5relaxEl" is "shapes::Grid::relax(long)".
 * Returns a new string, or NULL for a name that is not one (C's, Fortran's)
 * or that cannot be read, or where cprof was built without a demangler. */
char *demangle_cxx(const char *symbol);

#endif
