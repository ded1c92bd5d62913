/* close.c: comparing float tensors in tests; see close.h. */
#include "close.h"
#include "test.h"

#include <math.h>

long close_first_mismatch(const float *got, const float *want, size_t n, double atol, double rtol)
{
    for (size_t i = 0; i < n; i++)
        if (!(fabs((double)got[i] - want[i]) <= atol + rtol * fabs((double)want[i])))
            return (long)i;
    return -1;
}

double close_worst(const float *got, const float *want, size_t n, double atol, double rtol)
{
    double worst = 0;
    for (size_t i = 0; i < n; i++) {
        double r = fabs((double)got[i] - want[i]) / (atol + rtol * fabs((double)want[i]));
        if (!(r <= worst))
            worst = r; /* a NaN sticks */
    }
    return worst;
}

int close_check(const char *file, int line, const char *what, const float *got, const float *want,
                size_t n, double atol, double rtol, const int *shape)
{
    long i = close_first_mismatch(got, want, n, atol, rtol);
    if (i < 0)
        return 1;
    double tol = atol + rtol * fabs((double)want[i]);
    if (shape) {
        long hw = (long)shape[1] * shape[2];
        test_fail(file, line,
                  "%s: first mismatch at [%ld] (c %ld, y %ld, x %ld) of %zu: got %.9g, "
                  "want %.9g, |diff| %.3g > %.3g",
                  what, i, i / hw, i % hw / shape[2], i % shape[2], n, got[i], want[i],
                  fabs((double)got[i] - want[i]), tol);
    } else {
        test_fail(file, line,
                  "%s: first mismatch at [%ld] of %zu: got %.9g, want %.9g, |diff| "
                  "%.3g > %.3g",
                  what, i, n, got[i], want[i], fabs((double)got[i] - want[i]), tol);
    }
    return 0;
}
