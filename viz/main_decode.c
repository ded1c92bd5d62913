/* main_decode.c: alexviz-decode, the photo decoder program net_input_load runs in a child
 * process for every photo (net/photo_child.c). It links only the engine and its decoders, so it
 * starts in about a millisecond; it is not meant to be run by hand. */
#include "alexnet.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    int rc = net_photo_decoder_main(argc, argv);
    if (rc == 2)
        fprintf(stderr, "alexviz-decode: a part of alexviz that decodes one photo for it; "
                        "not to be run by hand\n");
    return rc;
}
