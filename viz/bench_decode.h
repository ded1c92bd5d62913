/* bench_decode.h: the cost of decoding photos in a child process, for `alexviz bench`. */
#ifndef BENCH_DECODE_H
#define BENCH_DECODE_H

#include "alexnet.h"

/* Makes a ~1 MB 3000×2000 JPEG from photo (a PNG), times `runs` isolated and in-process decodes
 * of it at input size S, and prints decode_ms in_process=… isolated=… added=…. 0 on failure,
 * after a message. */
int bench_decode(const char *photo, int S, const net_preproc *pp, int runs);

#endif
