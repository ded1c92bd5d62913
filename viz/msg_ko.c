/* msg_ko.c: the command line's and the engine's messages in Korean (see msg.h).
 *
 * Each entry: the English printf format exactly as the code writes it, and its Korean, where
 * {1} … {9} stand for the format's conversions in their English order. tests/test_msg.c scans
 * the sources for every format and fails on one missing here, on one here no code uses, and
 * on a translation whose {k} do not match its format's conversions.
 */
#include "msg.h"

typedef struct {
    const char *en, *ko;
} msg_pair;

const msg_pair msg_ko[] = {
    {"%s", "{1}"},
};
const int msg_ko_count = (int)(sizeof msg_ko / sizeof msg_ko[0]);
