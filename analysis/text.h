/* text.h: strings from outside (function and file names, command lines,
 * host names, notes read from raw profiles) as a report shows them on a
 * terminal, which must not act on anything in them. */
#ifndef CPROF_TEXT_H
#define CPROF_TEXT_H

#include <stdio.h>

/* s with what a terminal would act on written as an escape: newline, tab
 * and carriage return as \n, \t and \r; the other C0 controls, DEL and
 * every byte that is not part of valid UTF-8 as \xHH; the C1 controls
 * U+0080 to U+009F as \u0080 to \u009f.  Valid UTF-8 stays as it is, so
 * that names in any script read as written, and so does a backslash: the
 * escapes are for the eye, not to be decoded.  Returns a new string. */
char *text_escape(const char *s);

/* Prints s escaped, left-aligned and padded with spaces to width columns
 * (a column per character; 0 pads nothing). */
void text_print(FILE *out, const char *s, int width);

/* "PROG: WHAT TEXT: WHY" on stderr, TEXT escaped (a file's name, or a
 * message naming one, may hold anything), ": WHY" left out if NULL. */
void text_say(const char *prog, const char *what, const char *text, const char *why);

#endif
