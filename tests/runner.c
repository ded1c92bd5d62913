/* runner.c: runs the registered tests; see test.h. Run from the repository root.
 * `alexviz_tests --corpus DIR` writes the hostile files of tests/hostile.c instead. */
#include "cli.h"
#include "hostile.h"
#include "test.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TEST_MAX 512

static struct {
    const char *name, *file;
    test_fn fn;
} tests[TEST_MAX];
static int n_tests, current_failed;

void test_register(const char *name, test_fn fn, const char *file)
{
    if (n_tests == TEST_MAX) {
        fprintf(stderr, "test.h: more than %d tests; raise TEST_MAX\n", TEST_MAX);
        abort();
    }
    tests[n_tests].name = name;
    tests[n_tests].file = file;
    tests[n_tests].fn = fn;
    n_tests++;
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "    %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    current_failed = 1;
}

int test_failed(void) { return current_failed; }

static int by_file_then_order(const void *a, const void *b)
{
    const int *x = a, *y = b;
    int c = strcmp(tests[*x].file, tests[*y].file);
    return c ? c : *x - *y;
}

int main(int argc, char **argv)
{
    /* --corpus DIR: the hostile files, as seeds for the fuzzers (scripts/fuzz.sh) */
    if (argc == 3 && !strcmp(argv[1], "--corpus")) {
        int n = hostile_write_corpus(argv[2]);
        printf("%d files written to %s\n", n, argv[2]);
        return n ? 0 : 1;
    }
    /* photos are decoded as the program decodes them: by alexviz-decode beside this runner */
    cli_init_decoder();
    /* The program's messages in English whatever the tester's locale (a test that wants Korean
     * asks for it): LC_MESSAGES=C, and an LC_ALL, which would override it, moved to LANG so
     * that the rest of the locale (pango's language among it) stays as it was. */
    const char *all = getenv("LC_ALL");
    if (all && *all) {
        setenv("LANG", all, 1);
        unsetenv("LC_ALL");
    }
    setenv("LC_MESSAGES", "C", 1);
    int order[TEST_MAX], passed = 0, failed = 0;
    for (int i = 0; i < n_tests; i++)
        order[i] = i;
    qsort(order, (size_t)n_tests, sizeof order[0], by_file_then_order);
    for (int oi = 0; oi < n_tests; oi++) {
        int i = order[oi], wanted = argc < 2;
        for (int a = 1; a < argc && !wanted; a++)
            wanted = strstr(tests[i].name, argv[a]) || strstr(tests[i].file, argv[a]);
        if (!wanted)
            continue;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        current_failed = 0;
        tests[i].fn();
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
        printf("%s %-44s %8.1f ms  (%s)\n", current_failed ? "FAIL" : "ok  ", tests[i].name, ms,
               tests[i].file);
        fflush(stdout);
        if (current_failed)
            failed++;
        else
            passed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    fflush(stdout); /* before LeakSanitizer's report at exit, which ends the process */
    return failed ? 1 : 0;
}
