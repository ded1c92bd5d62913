/* png_encode.h: opaque images to PNG bytes, fast enough for thousands of files.
 *
 * cairo can write PNGs, but through libpng at its default compression with every row filter
 * tried, which costs about 190 ms for one 1920×1080 slide; an export writes dozens of those and
 * thousands of small maps. This writes the same pixels as an 8-bit RGB PNG with zlib at its
 * fastest level and no row filter except "up" for rows that repeat the one above (a quarter of
 * the time; the pictures are mostly flat colour, so the files stay small). Any PNG reader, cairo's included, decodes them.
 */
#ifndef PNG_ENCODE_H
#define PNG_ENCODE_H

#include <stddef.h>

/* Encodes h rows of w pixels, each row `stride` bytes apart, every pixel a native-endian 32-bit
 * cairo xRGB word (CAIRO_FORMAT_RGB24, or ARGB32 that is opaque: alpha is ignored). On success
 * returns 1 with *out (malloc'd; the caller frees) holding *len bytes; 0 when out of memory or
 * the size is impossible. */
int png_encode_rgb(const unsigned char *data, int w, int h, int stride, unsigned char **out,
                   size_t *len);

#endif
