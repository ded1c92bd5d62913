/* photo.c: a photo file's bytes → the S×S RGB crop the network sees, in this process.
 *
 * The bytes decide the format, never the name: each accepted format has a magic that no other
 * decoder accepts. JPEG goes to libjpeg-turbo and PNG to libpng, Debian's hardened and
 * continuously fuzzed decoders (progressive and arithmetic JPEG, CMYK, 16-bit and interlaced PNG,
 * palettes and transparency all come with them). BMP, GIF and binary PNM go to stb_image, after
 * a header check of our own: stb's header probe tries every decoder in turn and reports the last
 * one's complaint, and it reads a top-down BMP's negative height as a negative size. Formats that
 * are recognised but not read (WebP, HEIC, TIFF, ASCII PNM, …) are named as themselves.
 *
 * Memory is bounded before it is spent: the header's size must be at most NET_MAX_PIXELS and the
 * decoded picture (8 bits per sample: 16-bit PNG and PNM are scaled while decoding) at most
 * PHOTO_MAX_BYTES, with each decoder's own buffers counted (stb's GIF decoder keeps three
 * canvases) and libjpeg's working memory (a progressive JPEG keeps every coefficient) all
 * within PHOTO_MAX_BYTES together; a progressive JPEG's work (scans × blocks) is bounded too, so
 * a 50 KB file of 500 scans over a huge image cannot cost seconds. Truncation is an error: libjpeg,
 * giflib and stb would fill the missing rows with grey or black, so each is watched (libjpeg's
 * end-of-file and early-marker warnings, giflib's own error, stb's reads past the last byte
 * through callbacks).
 *
 * Then stb_image_resize scales the shorter side to `resize` and computes only the centre S×S
 * window (one pass, no full-size copy), in byte values without gamma, as Caffe and torchvision
 * do; grey becomes R = G = B and alpha is composited on white, so a transparent background reads
 * as paper rather than as black.
 *
 * Not here: EXIF orientation, colour profiles, frames after a GIF's first. Nothing here is
 * isolated: photo_child.c runs this file's photo_crop in a child process.
 */
#define _DEFAULT_SOURCE /* madvise */
#include "photo.h"

#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <gif_lib.h>
#include <jerror.h>
#include <jpeglib.h>
#include <png.h>
#include <stb_image.h>
#include <stb_image_resize.h>

/* A strip more elongated than this is no photo; the limit also keeps the scaled long side under
 * 2^20 pixels (resize ≤ 4096), where stb_image_resize's float offsets are exact. */
#define PHOTO_MAX_ASPECT 256
/* Real progressive JPEGs have about ten scans; thousands of tiny ones only burn time. */
#define PHOTO_MAX_SCANS 500
/* The work of a progressive JPEG, in scans × 8×8 blocks: a 50-megapixel photo of 12 scans is
 * 9 million; 500 scans over 8192×8192 would be 500 million and take seconds. */
#define PHOTO_MAX_SCAN_BLOCKS 60000000LL

/* The decoded picture's bytes, on transparent huge pages when large: a 3000×2000 photo is 18 MB,
 * which in the child (a fresh process each time) would otherwise cost 4,400 page faults, most of
 * the isolation's price. free() takes both kinds. */
static void *pixels_alloc(size_t bytes)
{
    const size_t huge = (size_t)2 << 20;
    if (bytes < huge)
        return malloc(bytes ? bytes : 1);
    void *p;
    size_t rounded = (bytes + huge - 1) / huge * huge;
    if (rounded < bytes || posix_memalign(&p, huge, rounded))
        return NULL;
    madvise(p, rounded, MADV_HUGEPAGE);
    return p;
}

/* A decoded picture: (h, w, n) bytes, n = 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
typedef struct {
    unsigned char *pix;
    int w, h, n;
    int from_stb; /* pix came from stb_image and goes back through stbi_image_free */
} picture;

static void picture_free(picture *p)
{
    if (p->from_stb)
        stbi_image_free(p->pix);
    else
        free(p->pix);
    p->pix = NULL;
}

/* A decoder's last step: on success the picture takes pix (malloc'd), else pix is freed. */
static net_status picture_take(picture *pic, unsigned char *pix, net_status st)
{
    if (st == NET_OK) {
        pic->pix = pix;
        pic->from_stb = 0;
    } else {
        free(pix);
    }
    return st;
}

/* ---------------------------------------------------------------- what the bytes are */

typedef enum { FMT_JPEG, FMT_PNG, FMT_BMP, FMT_GIF, FMT_PNM, FMT_REFUSED } photo_kind;

typedef struct {
    const char *magic;
    size_t len;
    photo_kind kind;
    const char *name; /* "a WebP image" for refused ones, as the message says it */
} photo_format;

/* Each accepted magic fails every other decoder's test. The refused ones are here to be named:
 * "not an image" is wrong for a HEIC photo. In Debian's stb_image (2.27) the Radiance HDR decoder
 * loops forever on a truncated run (CVE-2021-42715); PSD and Softimage PIC are no photo formats. */
static const photo_format photo_formats[] = {
    {"\xFF\xD8\xFF", 3, FMT_JPEG, "JPEG"},
    {"\x89PNG\r\n\x1a\n", 8, FMT_PNG, "PNG"},
    {"BM", 2, FMT_BMP, "BMP"},
    {"GIF87a", 6, FMT_GIF, "GIF"},
    {"GIF89a", 6, FMT_GIF, "GIF"},
    {"P5", 2, FMT_PNM, "PGM"},
    {"P6", 2, FMT_PNM, "PPM"},
    {"P1", 2, FMT_REFUSED, N_("an ASCII PBM bitmap")},
    {"P2", 2, FMT_REFUSED, N_("an ASCII PGM image")},
    {"P3", 2, FMT_REFUSED, N_("an ASCII PPM image")},
    {"P4", 2, FMT_REFUSED, N_("a binary PBM bitmap (1 bit per pixel)")},
    {"P7", 2, FMT_REFUSED, N_("a PAM image")},
    {"Pf", 2, FMT_REFUSED, N_("a PFM (floating-point) image")},
    {"PF", 2, FMT_REFUSED, N_("a PFM (floating-point) image")},
    {"II*\0", 4, FMT_REFUSED, N_("a TIFF image (or a camera raw file)")},
    {"MM\0*", 4, FMT_REFUSED, N_("a TIFF image (or a camera raw file)")},
    {"BA", 2, FMT_REFUSED, N_("an OS/2 bitmap array")},
    {"\x8aMNG\r\n\x1a\n", 8, FMT_REFUSED, N_("an MNG animation")},
    {"\0\0\0\x0cjP  \r\n\x87\n", 12, FMT_REFUSED, N_("a JPEG 2000 image")},
    {"\xFF\x4F\xFF\x51", 4, FMT_REFUSED, N_("a JPEG 2000 codestream")},
    {"\0\0\0\x0cJXL \r\n\x87\n", 12, FMT_REFUSED, N_("a JPEG XL image")},
    {"\xFF\x0A", 2, FMT_REFUSED, N_("a JPEG XL image")},
    {"8BPS", 4, FMT_REFUSED, N_("a Photoshop PSD document")},
    {"#?RADIANCE", 10, FMT_REFUSED, N_("a Radiance HDR image")},
    {"#?RGBE", 6, FMT_REFUSED, N_("a Radiance HDR image")},
    {"\x53\x80\xF6\x34", 4, FMT_REFUSED, N_("a Softimage PIC image")},
    {"\x76\x2F\x31\x01", 4, FMT_REFUSED, N_("an OpenEXR image")},
    {"qoif", 4, FMT_REFUSED, N_("a QOI image")},
    {"DDS ", 4, FMT_REFUSED, N_("a DirectDraw DDS texture")},
    {"gimp xcf", 8, FMT_REFUSED, N_("a GIMP XCF document")},
    {"BPG\xFB", 4, FMT_REFUSED, N_("a BPG image")},
    {"%PDF", 4, FMT_REFUSED, N_("a PDF document")},
    {"PK\3\4", 4, FMT_REFUSED, N_("a ZIP archive (an .npz? alexviz reads .npy, from np.save)")},
    {"\x1F\x8B", 2, FMT_REFUSED, N_("a gzip archive")},
};

/* ISO base media files (HEIF, AVIF, MP4, …) say what they are in their first box. */
static const struct {
    const char *brand, *name;
} ftyp_brands[] = {
    {"heic", N_("a HEIC photo")},          {"heix", N_("a HEIC photo")},
    {"heim", N_("a HEIC photo")},          {"heis", N_("a HEIC photo")},
    {"hevc", N_("a HEIF image sequence")}, {"mif1", N_("a HEIF image")},
    {"msf1", N_("a HEIF image sequence")}, {"avif", N_("an AVIF image")},
    {"avis", N_("an AVIF sequence")},      {"jp2 ", N_("a JPEG 2000 image")},
    {"crx ", N_("a Canon raw photo")},     {"qt  ", N_("a QuickTime video")},
};

static const photo_format refused_ico = {"", 0, FMT_REFUSED, N_("an ICO icon")};
static const photo_format refused_cur = {"", 0, FMT_REFUSED, N_("a CUR cursor")};
static const photo_format refused_webp = {"", 0, FMT_REFUSED, N_("a WebP image")};
static const photo_format refused_tga = {"", 0, FMT_REFUSED, N_("a TGA image")};
static const photo_format refused_video = {"", 0, FMT_REFUSED, N_("a video (an MP4 or similar)")};
static const photo_format refused_text = {"", 0, FMT_REFUSED, N_("a text file")};
static const photo_format refused_svg = {"", 0, FMT_REFUSED, N_("an SVG drawing (or other XML)")};
static const photo_format refused_html = {"", 0, FMT_REFUSED, N_("a web page (HTML)")};

/* Text: the first 512 bytes are printable ASCII, UTF-8 or whitespace. */
static int looks_like_text(const unsigned char *b, size_t len)
{
    size_t n = len < 512 ? len : 512;
    for (size_t i = 0; i < n; i++)
        if (b[i] < 0x20 && b[i] != '\n' && b[i] != '\r' && b[i] != '\t' && b[i] != '\f')
            return 0;
    return n > 0;
}

static int starts_with_word(const unsigned char *b, size_t len, const char *w)
{
    size_t i = 0, n = strlen(w);
    while (i < len && i < 64 && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
        i++;
    if (len - i < n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if ((b[i + k] | 0x20) != (w[k] | 0x20))
            return 0;
    return 1;
}

static int name_ends_with(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    if (n < e)
        return 0;
    for (size_t i = 0; i < e; i++)
        if ((name[n - e + i] | 0x20) != ext[i])
            return 0;
    return 1;
}

/* What buf holds; NULL when it is nothing alexviz knows. ftyp gets a brand's entry. */
static const photo_format *photo_sniff(const unsigned char *buf, size_t len, const char *name,
                                       photo_format *ftyp)
{
    for (size_t i = 0; i < sizeof photo_formats / sizeof photo_formats[0]; i++) {
        const photo_format *f = &photo_formats[i];
        if (len >= f->len && !memcmp(buf, f->magic, f->len))
            return f;
    }
    if (len >= 12 && !memcmp(buf, "RIFF", 4) && !memcmp(buf + 8, "WEBP", 4))
        return &refused_webp;
    /* an icon directory: reserved 0, type 1 or 2, 1–256 images (a TGA can start 0 0 2 0 too) */
    if (len >= 22 && !buf[0] && !buf[1] && (buf[2] == 1 || buf[2] == 2) && !buf[3] &&
        buf[4] + 256 * buf[5] >= 1 && buf[4] + 256 * buf[5] <= 256)
        return buf[2] == 1 ? &refused_ico : &refused_cur;
    if (len >= 12 && !memcmp(buf + 4, "ftyp", 4)) {
        for (size_t i = 0; i < sizeof ftyp_brands / sizeof ftyp_brands[0]; i++)
            if (!memcmp(buf + 8, ftyp_brands[i].brand, 4)) {
                *ftyp = (photo_format){"", 0, FMT_REFUSED, ftyp_brands[i].name};
                return ftyp;
            }
        return &refused_video;
    }
    /* TGA has no magic: its version 2 footer, or failing that the name */
    if ((len >= 26 && !memcmp(buf + len - 18, "TRUEVISION-XFILE.", 17)) ||
        name_ends_with(name, ".tga"))
        return &refused_tga;
    if (looks_like_text(buf, len)) {
        if (starts_with_word(buf, len, "<svg") || starts_with_word(buf, len, "<?xml"))
            return &refused_svg;
        if (starts_with_word(buf, len, "<!doctype html") || starts_with_word(buf, len, "<html"))
            return &refused_html;
        return &refused_text;
    }
    return NULL;
}

/* ---------------------------------------------------------------- limits */

static net_status refuse_size(const char *name, const char *fmt, unsigned long long w,
                              unsigned long long h, net_err *err)
{
    char claimed[32], limit[32];
    unsigned long long px = w * h; /* w, h < 2^32: no overflow */
    if (px > INT64_MAX)
        snprintf(claimed, sizeof claimed, "%llu", px);
    else
        net_fmt_count((int64_t)px, claimed, sizeof claimed);
    net_fmt_count(NET_MAX_PIXELS, limit, sizeof limit);
    return net_fail(err, NET_ERR_LIMIT,
                    "%s: the %s header claims %llu×%llu = %s pixels; at most %s are decoded", name,
                    fmt, w, h, claimed, limit);
}

/* The header's size, and the bytes the decoder will hold for it (bytes_per_px, 8-bit output
 * and the decoder's own buffers), against the limits. */
static net_status check_size(const char *name, const char *fmt, unsigned long long w,
                             unsigned long long h, double bytes_per_px, net_err *err)
{
    if (w < 1 || h < 1)
        return net_fail(err, NET_ERR_FORMAT, "%s: the %s header claims a %llu×%llu picture", name,
                        fmt, w, h);
    if (w * h > (unsigned long long)NET_MAX_PIXELS)
        return refuse_size(name, fmt, w, h, err);
    double need = (double)w * (double)h * bytes_per_px;
    if (need > (double)PHOTO_MAX_BYTES)
        return net_fail(err, NET_ERR_LIMIT,
                        "%s: decoding this %llu×%llu %s would take %.0f MB; at most %lld MB are "
                        "used",
                        name, w, h, fmt, need / (1 << 20), PHOTO_MAX_BYTES >> 20);
    return NET_OK;
}

/* Library messages quote the file's bytes now and then; a message stays one printable line. */
static void printable(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}

/* ---------------------------------------------------------------- JPEG (libjpeg-turbo) */

typedef struct {
    struct jpeg_error_mgr pub; /* first: libjpeg's callbacks get this pointer */
    struct jpeg_progress_mgr progress;
    jmp_buf jump;
    int truncated, cut_short, too_many_scans, bogus;
    long long blocks; /* 8×8 blocks of one scan over every component */
    char text[JMSG_LENGTH_MAX];
    /* the decode's state, reachable after a longjmp */
    struct jpeg_decompress_struct d;
    unsigned char *pix, *row;
} jpeg_state;

static void jpeg_on_error(j_common_ptr c)
{
    jpeg_state *s = (jpeg_state *)c->err;
    c->err->format_message(c, s->text);
    longjmp(s->jump, 1);
}

/* Warnings: libjpeg goes on after corrupt data, filling in what it lacks; only the end of the
 * file is worth stopping for (the rest of the picture would be grey). Traces are dropped. */
static void jpeg_on_message(j_common_ptr c, int level)
{
    jpeg_state *s = (jpeg_state *)c->err;
    if (level >= 0)
        return;
    /* the end of the file, or the end of the image's data before its last row: both leave
     * the rest of the picture grey; a refinement of coefficients never started is a crafted
     * file (no encoder writes one) that costs a pass over every block for nothing */
    if (c->err->msg_code == JWRN_JPEG_EOF)
        s->truncated = 1;
    if (c->err->msg_code == JWRN_HIT_MARKER)
        s->cut_short = 1;
    if (c->err->msg_code == JWRN_BOGUS_PROGRESSION) {
        s->bogus = 1;
        longjmp(s->jump, 1);
    }
}

static void jpeg_on_progress(j_common_ptr c)
{
    jpeg_state *s = (jpeg_state *)c->err;
    if (s->d.input_scan_number > PHOTO_MAX_SCANS ||
        s->d.input_scan_number * s->blocks > PHOTO_MAX_SCAN_BLOCKS) {
        s->too_many_scans = 1;
        longjmp(s->jump, 1);
    }
}

/* Adobe's CMYK JPEGs (Photoshop) store every channel inverted; others store plain CMYK. */
static void cmyk_to_rgb(const unsigned char *cmyk, int w, int inverted, unsigned char *rgb)
{
    for (int x = 0; x < w; x++) {
        const unsigned char *p = cmyk + 4 * x;
        unsigned k = inverted ? p[3] : 255u - p[3];
        for (int c = 0; c < 3; c++) {
            unsigned v = inverted ? p[c] : 255u - p[c];
            rgb[3 * x + c] = (unsigned char)((v * k + 127) / 255);
        }
    }
}

/* Runs the decode; returns 0 after a longjmp from libjpeg. Everything it changes is in *s. */
static int jpeg_run(jpeg_state *s, const unsigned char *buf, size_t len, const char *name,
                    picture *pic, net_err *err, net_status *st)
{
    struct jpeg_decompress_struct *d = &s->d;
    if (setjmp(s->jump))
        return 0;
    jpeg_create_decompress(d);
    jpeg_mem_src(d, buf, (unsigned long)len);
    jpeg_read_header(d, TRUE);
    int cmyk = d->jpeg_color_space == JCS_CMYK || d->jpeg_color_space == JCS_YCCK;
    int n = d->jpeg_color_space == JCS_GRAYSCALE ? 1 : 3;
    if ((*st = check_size(name, "JPEG", d->image_width, d->image_height, n, err)))
        return 1;
    /* the picture and libjpeg's own buffers share one budget */
    long long pixels = (long long)d->image_width * d->image_height * n;
    d->mem->max_memory_to_use = (long)(PHOTO_MAX_BYTES + PHOTO_MAX_BYTES / 8 - pixels);
    s->blocks = 0;
    for (int i = 0; i < d->num_components; i++) {
        const jpeg_component_info *ci = &d->comp_info[i];
        long long bw =
            ((long long)d->image_width * ci->h_samp_factor + 8LL * d->max_h_samp_factor - 1) /
            (8LL * d->max_h_samp_factor);
        long long bh =
            ((long long)d->image_height * ci->v_samp_factor + 8LL * d->max_v_samp_factor - 1) /
            (8LL * d->max_v_samp_factor);
        s->blocks += bw * bh;
    }
    d->out_color_space = cmyk ? JCS_CMYK : n == 1 ? JCS_GRAYSCALE : JCS_RGB;
    s->progress.progress_monitor = jpeg_on_progress;
    d->progress = &s->progress;
    jpeg_start_decompress(d);
    int w = (int)d->output_width, h = (int)d->output_height;
    if (d->output_components != (cmyk ? 4 : n) || w != (int)d->image_width ||
        h != (int)d->image_height) {
        *st = net_fail(err, NET_ERR_FORMAT,
                       "%s: the JPEG header says %u×%u but libjpeg "
                       "decodes %d×%d×%d",
                       name, d->image_width, d->image_height, w, h, d->output_components);
        return 1;
    }
    s->pix = pixels_alloc((size_t)w * h * n);
    s->row = cmyk ? malloc((size_t)w * 4) : NULL;
    if (!s->pix || (cmyk && !s->row)) {
        *st = net_fail(err, NET_ERR_NOMEM, "%s: out of memory for a %d×%d picture", name, w, h);
        return 1;
    }
    while (d->output_scanline < d->output_height && !s->truncated && !s->cut_short) {
        unsigned char *dst = s->pix + (size_t)d->output_scanline * w * n;
        JSAMPROW row = cmyk ? s->row : dst;
        if (jpeg_read_scanlines(d, &row, 1) != 1)
            break;
        if (cmyk)
            cmyk_to_rgb(s->row, w, d->saw_Adobe_marker, dst);
    }
    if (!s->truncated && !s->cut_short && d->output_scanline == d->output_height)
        jpeg_finish_decompress(d);
    pic->w = w, pic->h = h, pic->n = n;
    *st = NET_OK;
    return 1;
}

static net_status jpeg_decode(const unsigned char *buf, size_t len, const char *name, picture *pic,
                              net_err *err)
{
    jpeg_state *s = calloc(1, sizeof *s);
    if (!s)
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory", name);
    s->d.err = jpeg_std_error(&s->pub);
    s->pub.error_exit = jpeg_on_error;
    s->pub.emit_message = jpeg_on_message;
    net_status st = NET_OK;
    if (!jpeg_run(s, buf, len, name, pic, err, &st)) {
        int code = s->pub.msg_code;
        printable(s->text);
        if (s->too_many_scans)
            st = net_fail(err, NET_ERR_LIMIT,
                          "%s: a progressive JPEG of %d scans over %lld "
                          "blocks: more work than any photo (at most %d scans, %lld million "
                          "block-scans)",
                          name, s->d.input_scan_number, s->blocks, PHOTO_MAX_SCANS,
                          PHOTO_MAX_SCAN_BLOCKS / 1000000);
        else if (s->bogus)
            st = net_fail(err, NET_ERR_FORMAT,
                          "%s: corrupt JPEG: a progressive scan refines "
                          "coefficients no earlier scan began",
                          name);
        else if (code == JERR_OUT_OF_MEMORY || code == JERR_NO_BACKING_STORE)
            st = net_fail(err, NET_ERR_LIMIT,
                          "%s: decoding this JPEG would take more than "
                          "%lld MB",
                          name, (PHOTO_MAX_BYTES + PHOTO_MAX_BYTES / 8) >> 20);
        else if (code == JERR_INPUT_EOF)
            st = net_fail(err, NET_ERR_FORMAT,
                          "%s: truncated JPEG: the file ends inside its "
                          "headers (%zu bytes)",
                          name, len);
        else if (code == JERR_BAD_PRECISION)
            st = net_fail(err, NET_ERR_UNSUPPORTED,
                          "%s: a JPEG of %d bits a sample, which "
                          "alexviz does not read (it reads 8-bit JPEGs)",
                          name, s->d.data_precision);
        else if (code == JERR_SOF_UNSUPPORTED || code == JERR_NOT_COMPILED ||
                 code == JERR_ARITH_NOTIMPL)
            st = net_fail(err, NET_ERR_UNSUPPORTED,
                          "%s: a kind of JPEG alexviz does not read "
                          "(%s; libjpeg)",
                          name, s->text);
        else
            st = net_fail(err, NET_ERR_FORMAT, "%s: corrupt JPEG: %s (libjpeg)", name, s->text);
    } else if (st == NET_OK && s->truncated) {
        st = net_fail(err, NET_ERR_FORMAT,
                      "%s: truncated JPEG: the %d×%d picture needs more "
                      "than the file's %zu bytes",
                      name, pic->w, pic->h, len);
    } else if (st == NET_OK && s->cut_short) {
        st = net_fail(err, NET_ERR_FORMAT,
                      "%s: corrupt JPEG: the %d×%d picture's data stops "
                      "before its last row (a marker in the middle, or a file cut and closed)",
                      name, pic->w, pic->h);
    }
    jpeg_destroy_decompress(&s->d);
    free(s->row);
    unsigned char *pix = s->pix;
    free(s);
    return picture_take(pic, pix, st);
}

/* ---------------------------------------------------------------- PNG (libpng) */

typedef struct {
    jmp_buf jump;
    const unsigned char *buf;
    size_t len, pos;
    int truncated;
    char text[160];
    png_structp png;
    png_infop info;
    unsigned char *pix;
    png_bytep *rows;
} png_state;

static void png_on_error(png_structp png, png_const_charp msg)
{
    png_state *s = png_get_error_ptr(png);
    snprintf(s->text, sizeof s->text, "%s", msg);
    longjmp(s->jump, 1);
}

static void png_on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg; /* libpng warns and goes on: a bad ancillary chunk is dropped */
}

static void png_on_read(png_structp png, png_bytep data, size_t n)
{
    png_state *s = png_get_io_ptr(png);
    if (n > s->len - s->pos) {
        s->truncated = 1;
        png_error(png, "the file ends early");
    }
    memcpy(data, s->buf + s->pos, n);
    s->pos += n;
}

static int png_run(png_state *s, const char *name, picture *pic, net_err *err, net_status *st)
{
    if (setjmp(s->jump))
        return 0;
    png_structp png = s->png;
    png_infop info = s->info;
    /* limits of our own, and libpng's against chunks that inflate (iCCP, zTXt, iTXt) */
    png_set_user_limits(png, 1u << 20, 1u << 20);
    png_set_chunk_cache_max(png, 1000);
    png_set_chunk_malloc_max(png, 16u << 20);
    png_set_read_fn(png, s, png_on_read);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int type = png_get_color_type(png, info);
    int n = (type & PNG_COLOR_MASK_COLOR ? 3 : 1) + (type & PNG_COLOR_MASK_ALPHA ? 1 : 0);
    if (type == PNG_COLOR_TYPE_PALETTE)
        n = 3;
    if (png_get_valid(png, info, PNG_INFO_tRNS) && !(type & PNG_COLOR_MASK_ALPHA))
        n++;
    if ((*st = check_size(name, "PNG", w, h, n, err)))
        return 1;
    png_set_expand(png);   /* palette → RGB, grey < 8 bits → 8, tRNS → alpha */
    png_set_scale_16(png); /* 16 bits → 8, rounded; no 16-bit buffer is ever made */
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if ((int)png_get_channels(png, info) != n || png_get_bit_depth(png, info) != 8 ||
        png_get_rowbytes(png, info) != (size_t)w * n) {
        *st = net_fail(err, NET_ERR_FORMAT,
                       "%s: libpng decodes %d channels of %d bits where "
                       "%d of 8 were expected",
                       name, png_get_channels(png, info), png_get_bit_depth(png, info), n);
        return 1;
    }
    s->pix = pixels_alloc((size_t)w * h * n);
    s->rows = malloc(sizeof *s->rows * h);
    if (!s->pix || !s->rows) {
        *st = net_fail(err, NET_ERR_NOMEM, "%s: out of memory for a %u×%u picture", name, w, h);
        return 1;
    }
    for (png_uint_32 y = 0; y < h; y++)
        s->rows[y] = s->pix + (size_t)y * w * n;
    png_read_image(png, s->rows);
    pic->w = (int)w, pic->h = (int)h, pic->n = n;
    *st = NET_OK;
    return 1;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static net_status png_decode(const unsigned char *buf, size_t len, const char *name, picture *pic,
                             net_err *err)
{
    /* the size first, from the bytes: libpng checks the header's CRC before it tells the size,
     * and a bomb's header is worth refusing as what it is even when its CRC is wrong */
    if (len >= 26 && !memcmp(buf + 12, "IHDR", 4)) {
        int type = buf[25], n = (type & 2 ? 3 : 1) + (type & 4 ? 1 : 0);
        net_status st = check_size(name, "PNG", be32(buf + 16), be32(buf + 20), n, err);
        if (st != NET_OK)
            return st;
    }
    png_state *s = calloc(1, sizeof *s);
    if (!s)
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory", name);
    s->buf = buf, s->len = len;
    s->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, s, png_on_error, png_on_warning);
    s->info = s->png ? png_create_info_struct(s->png) : NULL;
    net_status st = NET_OK;
    if (!s->info) {
        st = net_fail(err, NET_ERR_NOMEM, "%s: out of memory", name);
    } else if (!png_run(s, name, pic, err, &st)) {
        printable(s->text);
        if (s->truncated)
            st = net_fail(err, NET_ERR_FORMAT,
                          "%s: truncated PNG: the picture needs more than "
                          "the file's %zu bytes",
                          name, len);
        else if (strstr(s->text, "emory"))
            st = net_fail(err, NET_ERR_LIMIT,
                          "%s: decoding this PNG would take too much "
                          "memory (%s)",
                          name, s->text);
        else
            st = net_fail(err, NET_ERR_FORMAT, "%s: corrupt PNG: %s (libpng)", name, s->text);
    }
    png_destroy_read_struct(&s->png, s->info ? &s->info : NULL, NULL);
    free(s->rows);
    unsigned char *pix = s->pix;
    free(s);
    return picture_take(pic, pix, st);
}

/* ---------------------------------------------------------------- GIF (giflib) */

typedef struct {
    const unsigned char *buf;
    size_t len, pos;
    int short_read; /* giflib asked for bytes the file does not have */
} gif_reader;

static int gif_on_read(GifFileType *g, GifByteType *out, int n)
{
    gif_reader *r = g->UserData;
    size_t want = n > 0 ? (size_t)n : 0, left = r->len - r->pos;
    if (want > left) {
        r->short_read = 1;
        want = left;
    }
    memcpy(out, r->buf + r->pos, want);
    r->pos += want;
    return (int)want;
}

/* The first frame, on a canvas of the logical screen: its pixels from the frame's colour table
 * (or the global one), transparent where the frame leaves the canvas or marks a pixel
 * transparent, so that both read as paper. Later frames are not read. */
static net_status gif_decode(const unsigned char *buf, size_t len, const char *name, picture *pic,
                             net_err *err)
{
    gif_reader r = {buf, len, 0, 0};
    int e = 0;
    GifFileType *g = DGifOpen(&r, gif_on_read, &e);
    if (!g)
        return net_fail(err, NET_ERR_FORMAT, "%s: %s GIF: %s (giflib)", name,
                        r.short_read ? "truncated" : "corrupt", GifErrorString(e));
    int sw = g->SWidth, sh = g->SHeight;
    net_status st = check_size(name, "GIF", (unsigned long long)sw, (unsigned long long)sh, 4, err);
    int transparent = -1, done = 0;
    unsigned char *canvas = NULL, *line = NULL;
    while (st == NET_OK && !done) {
        GifRecordType type;
        if (DGifGetRecordType(g, &type) == GIF_ERROR)
            break;
        if (type == EXTENSION_RECORD_TYPE) {
            int code;
            GifByteType *ext;
            if (DGifGetExtension(g, &code, &ext) == GIF_ERROR)
                break;
            /* a graphics control block: byte 1 bit 0 says whether byte 4 is transparent */
            if (code == GRAPHICS_EXT_FUNC_CODE && ext && ext[0] >= 4 && (ext[1] & 1))
                transparent = ext[4];
            while (ext)
                if (DGifGetExtensionNext(g, &ext) == GIF_ERROR)
                    goto out;
        } else if (type == IMAGE_DESC_RECORD_TYPE) {
            if (DGifGetImageDesc(g) == GIF_ERROR)
                break;
            const GifImageDesc *d = &g->Image;
            const ColorMapObject *map = d->ColorMap ? d->ColorMap : g->SColorMap;
            long long x0 = d->Left, y0 = d->Top, fw = d->Width, fh = d->Height;
            if (!map || !map->Colors) {
                st = net_fail(err, NET_ERR_FORMAT,
                              "%s: corrupt GIF: its first image has no "
                              "colour table",
                              name);
                break;
            }
            if (fw < 1 || fh < 1 || fw > 65535 || fh > 65535) {
                st = net_fail(err, NET_ERR_FORMAT, "%s: corrupt GIF: a %lld×%lld frame", name, fw,
                              fh);
                break;
            }
            size_t cw = (size_t)sw, chh = (size_t)sh;
            canvas = pixels_alloc(cw * chh * 4);
            line = malloc((size_t)fw);
            if (!canvas || !line) {
                st = net_fail(err, NET_ERR_NOMEM, "%s: out of memory for a %zu×%zu GIF", name, cw,
                              chh);
                break;
            }
            memset(canvas, 0, cw * chh * 4);
            /* interlaced frames come in four passes: every 8th row from 0, from 4, every 4th
             * from 2, every 2nd from 1 */
            static const int start[4] = {0, 4, 2, 1}, step[4] = {8, 8, 4, 2};
            int passes = d->Interlace ? 4 : 1;
            for (int pass = 0; pass < passes; pass++)
                for (long long y = d->Interlace ? start[pass] : 0; y < fh;
                     y += d->Interlace ? step[pass] : 1) {
                    if (DGifGetLine(g, line, (int)fw) == GIF_ERROR)
                        goto out;
                    long long cy = y0 + y;
                    if (cy < 0 || cy >= (long long)chh)
                        continue;
                    for (long long x = 0; x < fw; x++) {
                        long long cx = x0 + x;
                        int k = line[x];
                        if (cx < 0 || cx >= (long long)cw || k == transparent ||
                            k >= map->ColorCount)
                            continue;
                        unsigned char *px = canvas + ((size_t)cy * cw + (size_t)cx) * 4;
                        px[0] = map->Colors[k].Red, px[1] = map->Colors[k].Green;
                        px[2] = map->Colors[k].Blue, px[3] = 255;
                    }
                }
            done = 1;
        } else if (type == TERMINATE_RECORD_TYPE) {
            break;
        }
    }
out:
    if (st == NET_OK && !done) {
        int ge = g->Error;
        st = ge ? net_fail(err, NET_ERR_FORMAT, "%s: %s GIF: %s (giflib)", name,
                           r.short_read || ge == D_GIF_ERR_EOF_TOO_SOON ? "truncated" : "corrupt",
                           GifErrorString(ge))
                : net_fail(err, NET_ERR_FORMAT, "%s: corrupt GIF: it holds no image", name);
    }
    DGifCloseFile(g, &e);
    free(line);
    if (st == NET_OK)
        pic->w = sw, pic->h = sh, pic->n = 4;
    return picture_take(pic, canvas, st);
}

/* ---------------------------------------------------------------- BMP, PNM (stb_image) */

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }

/* The BMP header, checked the way stb_image will read it; *bpp_out for the memory estimate. */
static net_status bmp_header(const unsigned char *b, size_t len, const char *name, long long *w,
                             long long *h, int *bpp_out, net_err *err)
{
    if (len < 26)
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: truncated BMP: the file ends inside its "
                        "header (%zu bytes)",
                        name, len);
    uint32_t off = le32(b + 10), hsz = le32(b + 14);
    if (hsz != 12 && hsz != 40 && hsz != 56 && hsz != 108 && hsz != 124)
        return net_fail(err, NET_ERR_UNSUPPORTED,
                        "%s: a BMP with a %u-byte header, which "
                        "alexviz does not read (save it as PNG or JPEG)",
                        name, hsz);
    if (len < 14 + (size_t)hsz && hsz != 12)
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: truncated BMP: the file ends inside its "
                        "header (%zu bytes)",
                        name, len);
    int bpp;
    if (hsz == 12) {
        *w = le16(b + 18), *h = le16(b + 20);
        bpp = (int)le16(b + 24);
        /* stb_image reads an OS/2 1.x palette wrongly (its size from the data offset), which
         * gives wrong colours or a false "truncated" */
        if (bpp <= 8)
            return net_fail(err, NET_ERR_UNSUPPORTED,
                            "%s: an OS/2 1.x BMP with a palette (%d "
                            "bits a pixel), which alexviz does not read (save it as PNG)",
                            name, bpp);
    } else {
        *w = (int32_t)le32(b + 18), *h = (int32_t)le32(b + 22);
        bpp = (int)le16(b + 28);
        uint32_t comp = le32(b + 30);
        if (comp == 1 || comp == 2)
            return net_fail(err, NET_ERR_UNSUPPORTED,
                            "%s: a run-length compressed (RLE) BMP, "
                            "which alexviz does not read (save it uncompressed, or as PNG)",
                            name);
        if (comp != 0 && comp != 3)
            return net_fail(err, NET_ERR_UNSUPPORTED,
                            "%s: a BMP with compression type %u, "
                            "which alexviz does not read (save it as PNG or JPEG)",
                            name, comp);
        if (comp == 3 && bpp != 16 && bpp != 32)
            return net_fail(err, NET_ERR_FORMAT,
                            "%s: corrupt BMP: bit fields with %d bits per "
                            "pixel",
                            name, bpp);
    }
    if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32)
        return net_fail(err, NET_ERR_FORMAT, "%s: corrupt BMP: %d bits per pixel", name, bpp);
    if (*w < 1)
        return net_fail(err, NET_ERR_FORMAT, "%s: corrupt BMP: a width of %lld", name, *w);
    if (*h < 0)
        *h = -*h; /* top-down: rows stored first to last, which stb_image handles */
    net_status st = check_size(name, "BMP", (unsigned long long)*w, (unsigned long long)*h,
                               bpp == 32 || bpp == 16 ? 4 : 3, err);
    if (st != NET_OK)
        return st;
    /* every row padded to 4 bytes, after the palette and headers */
    unsigned long long row = ((unsigned long long)*w * bpp + 31) / 32 * 4;
    if (off > len || row * (unsigned long long)*h > len - off)
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: truncated BMP: the %lld×%lld picture needs "
                        "%llu bytes of pixels, the file has %zu after its headers",
                        name, *w, *h, row * (unsigned long long)*h, off > len ? 0 : len - off);
    *bpp_out = bpp;
    return NET_OK;
}

/* A PNM header: magic, width, height, maxval, each after whitespace and # comments. */
static net_status pnm_header(const unsigned char *b, size_t len, const char *name, long long *w,
                             long long *h, int *two_bytes, net_err *err)
{
    long long v[3];
    size_t p = 2;
    for (int k = 0; k < 3; k++) {
        for (;;) {
            while (p < len && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r' ||
                               b[p] == '\v' || b[p] == '\f'))
                p++;
            if (p < len && b[p] == '#') {
                /* a comment ends at LF or CR, exactly where stb_image ends it */
                while (p < len && b[p] != '\n' && b[p] != '\r')
                    p++;
                continue;
            }
            break;
        }
        if (p >= len || b[p] < '0' || b[p] > '9')
            return net_fail(err, NET_ERR_FORMAT,
                            "%s: corrupt PNM header: expected the %s as "
                            "a number",
                            name,
                            k == 0   ? "width"
                            : k == 1 ? "height"
                                     : "maxval");
        v[k] = 0;
        while (p < len && b[p] >= '0' && b[p] <= '9' && v[k] < (1LL << 32))
            v[k] = v[k] * 10 + (b[p++] - '0');
    }
    if (v[2] < 1 || v[2] > 65535)
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: corrupt PNM header: maxval %lld; expected 1 "
                        "to 65535",
                        name, v[2]);
    *w = v[0], *h = v[1];
    *two_bytes = v[2] > 255;
    if (*w < 1 || *h < 1 || *w >= (1LL << 32) || *h >= (1LL << 32))
        return net_fail(err, NET_ERR_FORMAT, "%s: the PNM header claims a %lld×%lld picture", name,
                        *w, *h);
    int ch = b[1] == '6' ? 3 : 1;
    unsigned long long need =
        (unsigned long long)*w * (unsigned long long)*h * ch * (*two_bytes ? 2 : 1);
    if (p + 1 > len || need > len - p - 1) {
        if ((unsigned long long)*w * (unsigned long long)*h <= (unsigned long long)NET_MAX_PIXELS)
            return net_fail(err, NET_ERR_FORMAT,
                            "%s: truncated PNM: the %lld×%lld picture "
                            "needs %llu bytes of pixels, the file has %zu",
                            name, *w, *h, need, p + 1 > len ? 0 : len - p - 1);
    }
    return NET_OK;
}

/* stb_image reads through these callbacks so that a request past the last byte is seen. */
typedef struct {
    const unsigned char *buf;
    size_t len, pos;
    int past_end; /* the decoder wanted more bytes than the file has */
} stb_reader;

/* stb_image refills its read buffer (stbi__context.buffer_start) this many bytes at a time. */
#define STB_REFILL_BYTES 128

static int stb_on_read(void *user, char *data, int size)
{
    stb_reader *r = user;
    size_t left = r->len - r->pos, n = size > 0 ? (size_t)size : 0;
    if (n > left) {
        /* A refill of stb's buffer may come up short at the end of a good file; a refill that
         * finds nothing, or a read of an exact block (stbi__getn: a row, a plane) that comes up
         * short, means the decoder needed bytes that are missing. */
        if (left == 0 || n != STB_REFILL_BYTES)
            r->past_end = 1;
        n = left;
    }
    memcpy(data, r->buf + r->pos, n);
    r->pos += n;
    return (int)n;
}

static void stb_on_skip(void *user, int n)
{
    stb_reader *r = user;
    if (n < 0) {
        size_t back = (size_t) - (long long)n;
        r->pos = back > r->pos ? 0 : r->pos - back;
    } else if ((size_t)n > r->len - r->pos) {
        r->past_end = 1;
        r->pos = r->len;
    } else {
        r->pos += (size_t)n;
    }
}

static int stb_on_eof(void *user)
{
    const stb_reader *r = user;
    return r->pos >= r->len;
}

/* stb_image's reason for the last failure, made printable (it may quote raw bytes). */
static const char *stb_reason(char *buf, size_t cap)
{
    const char *r = stbi_failure_reason();
    snprintf(buf, cap, "%s", r && *r ? r : N_("no reason given"));
    printable(buf);
    return buf;
}

static net_status stb_decode(const unsigned char *buf, size_t len, const char *name,
                             const photo_format *fmt, picture *pic, net_err *err)
{
    long long w = 0, h = 0;
    double per_px;
    net_status st;
    if (fmt->kind == FMT_BMP) {
        int bpp = 0;
        if ((st = bmp_header(buf, len, name, &w, &h, &bpp, err)))
            return st;
        per_px = bpp == 32 || bpp == 16 ? 4 : 3;
    } else {
        int two = 0;
        if ((st = pnm_header(buf, len, name, &w, &h, &two, err)))
            return st;
        per_px = (buf[1] == '6' ? 3 : 1) * (two ? 3 : 1); /* 16 bits, then 8 */
    }
    if ((st = check_size(name, fmt->name, (unsigned long long)w, (unsigned long long)h, per_px,
                         err)))
        return st;
    if (len > INT32_MAX)
        return net_fail(err, NET_ERR_LIMIT, "%s: %zu bytes; at most %d are decoded", name, len,
                        INT32_MAX);
    stb_reader r = {buf, len, 0, 0};
    stbi_io_callbacks io = {stb_on_read, stb_on_skip, stb_on_eof};
    char why[96];
    int pw, ph, pn;
    unsigned char *p = stbi_load_from_callbacks(&io, &r, &pw, &ph, &pn, 0);
    if (!p) {
        if (!strcmp(stb_reason(why, sizeof why), "outofmem"))
            return net_fail(err, NET_ERR_NOMEM, "%s: out of memory decoding a %lld×%lld %s", name,
                            w, h, fmt->name);
        if (r.past_end)
            return net_fail(err, NET_ERR_FORMAT,
                            "%s: truncated %s: the %lld×%lld picture needs "
                            "more than the file's %zu bytes",
                            name, fmt->name, w, h, len);
        return net_fail(err, NET_ERR_FORMAT, "%s: corrupt %s: %s (stb_image)", name, fmt->name,
                        why);
    }
    if (r.past_end) {
        stbi_image_free(p);
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: truncated %s: the %lld×%lld picture needs more "
                        "than the file's %zu bytes",
                        name, fmt->name, w, h, len);
    }
    if (pw != w || ph != h || pn < 1 || pn > 4) {
        stbi_image_free(p);
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: the %s header says %lld×%lld but %d×%d×%d was "
                        "decoded",
                        name, fmt->name, w, h, pw, ph, pn);
    }
    pic->pix = p, pic->w = pw, pic->h = ph, pic->n = pn, pic->from_stb = 1;
    return NET_OK;
}

/* ---------------------------------------------------------------- one decoder for all */

static net_status photo_decode(const unsigned char *buf, size_t len, const char *name, picture *pic,
                               net_err *err)
{
    memset(pic, 0, sizeof *pic);
    photo_format ftyp;
    const photo_format *fmt = photo_sniff(buf, len, name, &ftyp);
    if (!fmt)
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: not an image (alexviz reads JPEG, PNG, BMP, "
                        "GIF, binary PNM and .npy)",
                        name);
    if (fmt->kind == FMT_REFUSED)
        return net_fail(err, NET_ERR_UNSUPPORTED,
                        "%s: %s; alexviz reads JPEG, PNG, BMP, GIF, "
                        "binary PNM and .npy",
                        name, fmt->name);
    switch (fmt->kind) {
    case FMT_JPEG: return jpeg_decode(buf, len, name, pic, err);
    case FMT_PNG: return png_decode(buf, len, name, pic, err);
    case FMT_GIF: return gif_decode(buf, len, name, pic, err);
    default: return stb_decode(buf, len, name, fmt, pic, err);
    }
}

/* ---------------------------------------------------------------- scale, crop, RGB */

/* Scales (h, w, n) so that its shorter side is `resize` and returns the centre (S, S, n) of the
 * result. Only the window is computed: stb_image_resize takes the scale and the offset of the
 * window, and still filters across the window's edges from the real neighbouring pixels. */
static net_status scale_crop(const picture *p, int resize, int S, unsigned char *out,
                             const char *name, net_err *err)
{
    int w = p->w, h = p->h, n = p->n;
    int shorter = w < h ? w : h, longer = w < h ? h : w;
    if ((int64_t)longer > (int64_t)shorter * PHOTO_MAX_ASPECT)
        return net_fail(err, NET_ERR_SHAPE, "%s: a %d×%d image is more elongated than %d:1", name,
                        w, h, PHOTO_MAX_ASPECT);
    double scale = (double)resize / shorter;
    /* The scaled size, rounded like every resize tool; the crop sits in its middle. */
    long sw = lround(w * scale), sh = lround(h * scale);
    if (sw < S)
        sw = S;
    if (sh < S)
        sh = S;
    long off_x = (sw - S) / 2, off_y = (sh - S) / 2;
    if (sw == w && sh == h) {
        /* Already the right size: resampling at scale 1 would still blur (stb filters a
         * shrink with Mitchell's kernel), so the crop is copied. */
        for (int y = 0; y < S; y++)
            memcpy(out + (size_t)y * S * n, p->pix + ((size_t)(y + off_y) * w + off_x) * n,
                   (size_t)S * n);
        return NET_OK;
    }
    int alpha = n == 2 ? 1 : n == 4 ? 3 : STBIR_ALPHA_CHANNEL_NONE;
    if (!stbir_resize_subpixel(p->pix, w, h, w * n, out, S, S, S * n, STBIR_TYPE_UINT8, n, alpha, 0,
                               STBIR_EDGE_CLAMP, STBIR_EDGE_CLAMP, STBIR_FILTER_DEFAULT,
                               STBIR_FILTER_DEFAULT, STBIR_COLORSPACE_LINEAR, NULL, (float)sw / w,
                               (float)sh / h, (float)off_x, (float)off_y))
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory resizing a %d×%d image", name, w, h);
    return NET_OK;
}

/* (S, S, n) → (S, S, 3): grey repeated, alpha composited on white. */
static void to_rgb(const unsigned char *src, int n, size_t count, unsigned char *rgb)
{
    for (size_t i = 0; i < count; i++) {
        const unsigned char *p = src + i * (size_t)n;
        unsigned a = n == 2 ? p[1] : n == 4 ? p[3] : 255;
        for (int k = 0; k < 3; k++) {
            unsigned c = n <= 2 ? p[0] : p[k];
            rgb[3 * i + k] = (unsigned char)((c * a + 255 * (255 - a) + 127) / 255);
        }
    }
}

net_status photo_crop(const unsigned char *buf, size_t len, const char *name, int S, int resize,
                      photo_out *out, net_err *err)
{
    picture pic;
    net_status st = photo_decode(buf, len, name, &pic, err);
    if (st != NET_OK)
        return st;
    unsigned char *crop = malloc((size_t)S * S * (size_t)pic.n); /* (S, S, n) */
    if (!crop)
        st = net_fail(err, NET_ERR_NOMEM, "%s: out of memory for the crop", name);
    else
        st = scale_crop(&pic, resize, S, crop, name, err);
    if (st == NET_OK) {
        to_rgb(crop, pic.n, (size_t)S * S, out->rgb);
        out->src_w = pic.w;
        out->src_h = pic.h;
    }
    free(crop);
    picture_free(&pic);
    return st;
}
