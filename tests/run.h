/* run.h: running the alexviz binary from the tests as a user runs it.
 *
 * The binary is $ALEXVIZ (make test sets it), else ./alexviz. Its output goes through files in
 * one temporary folder per test run, removed when the runner exits.
 */
#ifndef RUN_H
#define RUN_H

/* The binary's path. */
const char *run_bin(void);

/* Runs `<binary> args` through the shell, stdin from /dev/null, and returns its exit status (-1
 * when it did not exit). *out and *err get its stdout and stderr (the first 1 MB of each,
 * NUL-terminated, malloc'd: the caller frees both). */
int run_alexviz(const char *args, char **out, char **err);

/* The number of newlines in s: a one-line message has 1. */
int count_lines(const char *s);

#endif
