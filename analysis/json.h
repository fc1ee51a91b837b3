/* json.h: JSON text for the outputs that are JSON or hold it (speedscope,
 * the HTML report), safe to put inside an HTML <script> element. */
#ifndef CPROF_JSON_H
#define CPROF_JSON_H

#include <stdio.h>

/* s as a JSON string, quoted: bytes that are not valid UTF-8 become
 * U+FFFD; controls, '<', '>', '&', U+2028 and U+2029 are \u escapes, so
 * that the text cannot end a script element or a line of JavaScript. */
void json_string(FILE *out, const char *s);

/* x as a JSON number: shortest form that reads back the same to 9
 * significant digits; what JSON cannot hold (NaN, infinities) as 0. */
void json_number(FILE *out, double x);

/* ,"name":x, the member of an object after its first. */
void json_member(FILE *out, const char *name, double x);

/* The same to 5 significant digits: what a picture of it can show. */
void json_short(FILE *out, double x);

#endif
