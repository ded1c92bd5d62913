/* photo.h: decoding photos, private to net/.
 *
 * A photo becomes the S×S RGB crop the network sees in one call: decode (libjpeg-turbo for JPEG,
 * libpng for PNG, stb_image for BMP, GIF and binary PNM), scale the shorter side to `resize`,
 * cut the centre S×S, composite alpha on white. photo_crop runs in the calling process;
 * photo_crop_isolated runs the very same code in a child process with limits on time and
 * memory, so that a decoder that crashes, hangs or runs away with memory costs a message, not the
 * program (photo_child.c). net_input_load uses the isolated one; the fuzzer the direct one.
 */
#ifndef NET_PHOTO_H
#define NET_PHOTO_H

#include "alexnet.h"

#include <stddef.h>

/* What a decode produces: the crop and the file's own size. */
typedef struct {
    unsigned char *rgb; /* (S, S, 3), the caller's buffer */
    int src_w, src_h;   /* the picture's size in the file */
} photo_out;

/* The decoded picture may take at most this many bytes (8 bits per sample, after conversion),
 * and a decoder's own working memory about as much again. */
#define PHOTO_MAX_BYTES (256LL << 20)

/* Decodes buf (a photo file's bytes) in this process into out->rgb. name is for messages. */
net_status photo_crop(const unsigned char *buf, size_t len, const char *name, int S, int resize,
                      photo_out *out, net_err *err);

/* The same in a child process: at most PHOTO_CHILD_MS of wall time and PHOTO_CHILD_BYTES of new
 * memory; a crash, a hang or an exhausted limit is reported as such, naming the file. */
#define PHOTO_CHILD_MS 10000
#define PHOTO_CHILD_BYTES (1LL << 30)
net_status photo_crop_isolated(const unsigned char *buf, size_t len, const char *name, int S,
                               int resize, photo_out *out, net_err *err);

/* For the tests only: makes the next isolated decodes misbehave on purpose (PHOTO_FAULT_NONE
 * ends it), and changes the limits (0 restores the defaults above). */
typedef enum {
    PHOTO_FAULT_NONE,
    PHOTO_FAULT_CRASH,  /* the child dies of SIGSEGV */
    PHOTO_FAULT_HANG,   /* the child never answers */
    PHOTO_FAULT_MEMORY, /* the child allocates until the limit stops it */
    PHOTO_FAULT_SILENT  /* the child exits without a word */
} photo_fault;
void photo_test_fault(photo_fault f);
void photo_test_limits(int ms, long long bytes);

#endif
