/* close.h: comparing float tensors in tests, |got − want| ≤ atol + rtol·|want| element-wise.
 *
 * CHECK_CLOSE fails the test with a message naming what was compared, the first index that
 * differs (as channel, row, column when a C×H×W shape is given), both values and the tolerance.
 * A NaN never matches.
 */
#ifndef CLOSE_H
#define CLOSE_H

#include <stddef.h>

/* Index of the first element out of tolerance, or -1 when all are within it. */
long close_first_mismatch(const float *got, const float *want, size_t n, double atol, double rtol);

/* Largest |got − want| / (atol + rtol·|want|) over the tensors: ≤ 1 means within tolerance. */
double close_worst(const float *got, const float *want, size_t n, double atol, double rtol);

/* Returns 1 when every element is within tolerance; otherwise records a failure at file:line
 * and returns 0. shape (C, H, W) may be NULL. */
int close_check(const char *file, int line, const char *what, const float *got, const float *want,
                size_t n, double atol, double rtol, const int *shape);

#define CHECK_CLOSE(what, got, want, n, atol, rtol, shape)                           \
    do {                                                                             \
        if (!close_check(__FILE__, __LINE__, what, got, want, n, atol, rtol, shape)) \
            return;                                                                  \
    } while (0)

#endif
