/* test.h: the test framework, in full.
 *
 * TEST(name) { ... } defines a test; it registers itself before main runs, so adding a test is
 * adding a function. CHECK* record a failure with file and line and end the test. The runner
 * (runner.c) runs every test, or those whose name contains an argument, and closes with the
 * line "N passed, N failed"; it exits non-zero on any failure.
 */
#ifndef TEST_H
#define TEST_H

#include <math.h>
#include <stdio.h>

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn, const char *file);
void test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int test_failed(void); /* 1 once the current test has failed */

#define TEST(name)                                                 \
    static void name(void);                                        \
    __attribute__((constructor)) static void test_reg_##name(void) \
    {                                                              \
        test_register(#name, name, __FILE__);                      \
    }                                                              \
    static void name(void)

#define CHECK(cond)                                            \
    do {                                                       \
        if (!(cond)) {                                         \
            test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); \
            return;                                            \
        }                                                      \
    } while (0)

#define CHECKF(cond, ...)                               \
    do {                                                \
        if (!(cond)) {                                  \
            test_fail(__FILE__, __LINE__, __VA_ARGS__); \
            return;                                     \
        }                                               \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                     \
    do {                                                                                       \
        long long test_a_ = (long long)(a), test_b_ = (long long)(b);                          \
        if (test_a_ != test_b_) {                                                              \
            test_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, test_a_, test_b_); \
            return;                                                                            \
        }                                                                                      \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                                \
    do {                                                                                     \
        double test_a_ = (a), test_b_ = (b);                                                 \
        if (!(fabs(test_a_ - test_b_) <= (tol))) {                                           \
            test_fail(__FILE__, __LINE__, "%s ≈ %s: %.9g vs %.9g (tol %g)", #a, #b, test_a_, \
                      test_b_, (double)(tol));                                               \
            return;                                                                          \
        }                                                                                    \
    } while (0)

#endif
