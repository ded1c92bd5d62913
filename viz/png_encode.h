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

#include <cairo.h>
#include <stddef.h>

/* Encodes h rows of w pixels, each row `stride` bytes apart, every pixel a native-endian 32-bit
 * cairo xRGB word (CAIRO_FORMAT_RGB24, or ARGB32 that is opaque: alpha is ignored). On success
 * returns 1 with *out (malloc'd; the caller frees) holding *len bytes; 0 when out of memory or
 * the size is impossible. */
int png_encode_rgb(const unsigned char *data, int w, int h, int stride, unsigned char **out,
                   size_t *len);

/* Writes image surface s (opaque: alpha is not kept) as a PNG at path through a temporary file
 * and a rename; replace: over an existing regular file, else only where nothing is. The one way
 * alexviz writes a PNG (the window's screenshots, the export's slides and maps). On failure
 * returns 0 with a one-line reason in msg, in the user's language; *exists (may be NULL) says
 * the reason is a file in the way. */
int png_write_file(cairo_surface_t *s, const char *path, int replace, int *exists, char *msg,
                   size_t len);

#endif
