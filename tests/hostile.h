/* hostile.h: the files a student (or an attacker) might bring, written by code so that each
 * says exactly what it holds: crafted photos, ONNX files and tensors that once crashed, hung or
 * fooled alexviz (issue 15), and every legal variant of the formats it reads.
 *
 * Each writer returns 1 on success. hostile_write_corpus writes all of them into a folder in
 * the layout scripts/fuzz.sh seeds its fuzzers from: DIR/fuzz_input/ (photos and .npy),
 * DIR/fuzz_onnx/ (models and tensors); `alexviz_tests --corpus DIR` runs it.
 */
#ifndef HOSTILE_H
#define HOSTILE_H

#include <stddef.h>

int hostile_write(const char *path, const void *buf, size_t len);

/* ---------------------------------------------------------------- photos, legal */

/* A w×h JPEG of one colour (r, g, b); progressive: several scans. */
int hostile_jpeg(const char *path, int w, int h, const unsigned char rgb[3], int progressive);
/* A CMYK JPEG as Photoshop writes it (Adobe marker, every channel inverted) of one colour. */
int hostile_jpeg_cmyk(const char *path, int w, int h, const unsigned char cmyk[4]);
/* A greyscale JPEG. */
int hostile_jpeg_grey(const char *path, int w, int h, unsigned char v);
/* A w×h PNG of one pixel value repeated: channels 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA, at 8 or
 * 16 bits (px holds 16-bit values), interlaced (Adam7) or not. */
int hostile_png(const char *path, int w, int h, int channels, int bits, int interlace,
                const unsigned short *px);
/* A palette PNG whose second entry is half transparent (tRNS): left half entry 0, right 1. */
int hostile_png_palette(const char *path, int w, int h);
/* A 24-bit BMP stored top-down (negative height): the top half red, the bottom half blue. */
int hostile_bmp_topdown(const char *path, int w, int h);
/* A binary PPM with maxval 65535 (two bytes a sample) of one colour. */
int hostile_ppm16(const char *path, int w, int h, const unsigned short rgb[3]);

/* ---------------------------------------------------------------- photos, hostile */

/* A JPEG whose first Huffman table (DHT) counts 510 codes, more than the 256 a table can hold:
 * Debian's stb_image reads past its arrays on it. */
int hostile_jpeg_dht(const char *path);
/* An 8192×8192 RGBA PNG of 16 bits a sample, all zeros: 510 KB that inflate to 512 MB. */
int hostile_png16_bomb(const char *path);

/* A grey progressive JPEG whose last scan (a refinement) is repeated `repeats` more times: each
 * repeat refines what is already refined, and costs the decoder a pass over every block. */
int hostile_jpeg_rescan(const char *path, int side, int repeats);
/* A JPEG cut to a third and closed with an end-of-image marker, as if it were complete. */
int hostile_jpeg_cut_closed(const char *path);
/* An 8-bit JPEG whose frame header is patched: precision 12 (patch 0), or lossless SOF3 (1). */
int hostile_jpeg_patched(const char *path, int kind);
/* A GIF (giflib) of noise, cut in half and closed with a terminator. */
int hostile_gif_cut_closed(const char *path);
/* A 64×64 GIF of one colour, written by giflib. */
int hostile_gif(const char *path, const unsigned char rgb[3]);
/* An OS/2 1.x BMP (12-byte header) with an 8-bit palette. */
int hostile_bmp_os2_palette(const char *path);
/* A BMP whose width is negative. */
int hostile_bmp_negative_width(const char *path);
/* A PGM whose header comments end at CR, as Netpbm allows: 300×260, value v. */
int hostile_pgm_cr(const char *path, unsigned char v);

/* ---------------------------------------------------------------- ONNX and tensors */

/* A model whose graph input's type nests `levels` sequence types (6000: 42 KB). */
int hostile_onnx_deep(const char *path, int levels);
/* A model of `nodes` chained Relu nodes (100,000: 1.5 MB). */
int hostile_onnx_nodes(const char *path, int nodes);
/* A model whose one node's attribute holds its tensor field `t` `repeats` times (protobuf-c
 * merges repeats of a singular field, at a cost that grows with their square). */
int hostile_onnx_merge(const char *path, int repeats);
/* A narrow AlexNet with conv1 `width` wide at an input of `side` (legal, and huge to run). */
int hostile_onnx_wide(const char *path, int width, int side);
/* A narrow AlexNet (om_opts_zoo) whose every weight and bias is `value` (1e-45, 3e38). */
int hostile_onnx_extreme(const char *path, float value);
/* A (3, S, S) .npy input whose every value is the smallest subnormal float, 1.4e-45. */
int hostile_npy_subnormal(const char *path, int S);

/* Everything above, plus the refused formats' first bytes, into dir/fuzz_input and
 * dir/fuzz_onnx (made if missing). Returns the number of files written, 0 on failure. */
int hostile_write_corpus(const char *dir);

#endif
