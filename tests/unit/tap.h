/* tap.h: run a Check suite with TAP output, for automake's tap-driver. */
#ifndef CPROF_TEST_TAP_H
#define CPROF_TEST_TAP_H

#include <check.h>

/* Runs every test of s, each in a child process, printing TAP on stdout.
 * Returns 0: the TAP lines carry the results. */
int tap_run(Suite *s);

#endif
