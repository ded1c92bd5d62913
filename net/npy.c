/* npy.c: numpy's .npy files, read strictly and written as numpy writes them.
 *
 * The reader takes float32, little-endian, C order, 1–4 dimensions and exactly the bytes the
 * shape needs, and names the rule a file broke ("dtype '<f8' (float64); expected '<f4'"). The
 * header is a Python dict literal, parsed here by a small cursor that accepts what numpy writes
 * (any key order, trailing commas, Python 2 longs) and nothing else. The writer makes version 1.0
 * files with the data on a 64-byte boundary, through net_write_atomic.
 */
#include "alexnet.h"
#include "net_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest .npy read, in floats: fc6's weights (4096·9216 = 37.7 M) fit with room. */
#define NPY_MAX_COUNT (64LL << 20)
/* numpy itself writes headers of a few hundred bytes; anything larger is not a tensor we want. */
#define NPY_MAX_HEADER 65536
/* Dimensions parsed from a header before giving up; only 1–4 are accepted, but the message
 * should show what the file holds. */
#define NPY_PARSE_DIMS 8

const unsigned char npy_magic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};

/* ---------------------------------------------------------------- .npy: the header */

typedef struct {
    char descr[16];
    int fortran; /* -1 until seen */
    int ndim;    /* -1 until seen */
    long long dims[NPY_PARSE_DIMS];
} npy_header;

typedef struct {
    const char *p, *end;
} npy_cursor;

static void cur_space(npy_cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static int cur_take(npy_cursor *c, char ch)
{
    cur_space(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return 1;
    }
    return 0;
}

/* A Python string literal without escapes: 'abc' or "abc". */
static int cur_string(npy_cursor *c, char *out, size_t cap)
{
    cur_space(c);
    if (c->p >= c->end || (*c->p != '\'' && *c->p != '"'))
        return 0;
    char q = *c->p++;
    size_t n = 0;
    while (c->p < c->end && *c->p != q) {
        if (*c->p == '\\' || *c->p < 0x20 || *c->p == 0x7f || n + 1 >= cap)
            return 0;
        out[n++] = *c->p++;
    }
    if (c->p >= c->end)
        return 0;
    c->p++;
    out[n] = 0;
    return 1;
}

static int cur_word(npy_cursor *c, const char *word)
{
    cur_space(c);
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) >= n && !memcmp(c->p, word, n)) {
        c->p += n;
        return 1;
    }
    return 0;
}

/* A tuple of non-negative integers: (), (4096,), (3, 227, 227). Returns the count or -1. */
static int cur_shape(npy_cursor *c, long long *dims)
{
    if (!cur_take(c, '('))
        return -1;
    int nd = 0;
    for (;;) {
        if (cur_take(c, ')'))
            return nd;
        cur_space(c);
        if (c->p >= c->end || *c->p < '0' || *c->p > '9' || nd == NPY_PARSE_DIMS)
            return -1;
        long long v = 0;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
            v = v * 10 + (*c->p++ - '0');
            if (v > (1LL << 40))
                return -1;
        }
        if (c->p < c->end && *c->p == 'L') /* Python 2 longs */
            c->p++;
        dims[nd++] = v;
        if (!cur_take(c, ',')) {
            if (!cur_take(c, ')'))
                return -1;
            return nd;
        }
    }
}

/* Parses numpy's header, a Python dict literal with exactly the keys descr, fortran_order and
 * shape; *why says what was wrong. */
static int npy_parse_header(const char *text, size_t len, npy_header *h, const char **why)
{
    npy_cursor c = {text, text + len};
    h->descr[0] = 0;
    h->fortran = -1;
    h->ndim = -1;
    *why = N_("expected '{'");
    if (!cur_take(&c, '{'))
        return 0;
    for (;;) {
        char key[32];
        if (cur_take(&c, '}'))
            break;
        *why = N_("expected a quoted key");
        if (!cur_string(&c, key, sizeof key))
            return 0;
        *why = N_("expected ':' after a key");
        if (!cur_take(&c, ':'))
            return 0;
        if (!strcmp(key, "descr")) {
            *why = N_("'descr' is not a plain type string");
            if (!cur_string(&c, h->descr, sizeof h->descr))
                return 0;
        } else if (!strcmp(key, "fortran_order")) {
            *why = N_("'fortran_order' is neither True nor False");
            if (cur_word(&c, "True"))
                h->fortran = 1;
            else if (cur_word(&c, "False"))
                h->fortran = 0;
            else
                return 0;
        } else if (!strcmp(key, "shape")) {
            *why = N_("'shape' is not a tuple of up to 8 whole numbers");
            h->ndim = cur_shape(&c, h->dims);
            if (h->ndim < 0)
                return 0;
        } else {
            *why = N_("a key other than descr, fortran_order and shape");
            return 0;
        }
        if (!cur_take(&c, ',')) {
            *why = N_("expected ',' or '}'");
            if (!cur_take(&c, '}'))
                return 0;
            break;
        }
    }
    cur_space(&c);
    *why = N_("text after the closing '}'");
    if (c.p != c.end)
        return 0;
    *why = N_("descr, fortran_order or shape is missing");
    return h->descr[0] && h->fortran >= 0 && h->ndim >= 0;
}

/* "(3, 227, 227)" as Python prints a shape. */
void npy_shape_text(const long long *dims, int nd, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "(");
    for (int i = 0; i < nd && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%lld", i ? ", " : "", dims[i]);
    if (n < cap)
        snprintf(buf + n, cap - n, nd == 1 ? ",)" : ")");
}

/* "float64" for '<f8': what numpy calls a descr, so the message reads naturally. */
static void dtype_name(const char *descr, char *buf, size_t cap)
{
    const char *order = descr[0] == '>' ? "big-endian " : "";
    const char *t = descr[0] && strchr("<>=|", descr[0]) ? descr + 1 : descr;
    const char *kind = t[0] == 'f'   ? "float"
                       : t[0] == 'i' ? "int"
                       : t[0] == 'u' ? "uint"
                       : t[0] == 'c' ? "complex"
                       : t[0] == 'b' ? "bool"
                                     : NULL;
    char *end = "";
    long bytes = t[0] ? strtol(t + 1, &end, 10) : 0;
    if (!kind || bytes <= 0 || bytes > 32 || *end)
        snprintf(buf, cap, "%s", N_("not a plain number type"));
    else if (t[0] == 'b')
        snprintf(buf, cap, "bool");
    else
        snprintf(buf, cap, "%s%s%ld", order, kind, bytes * 8);
}

/* ---------------------------------------------------------------- .npy: reading */

net_status net_npy_load_mem(const unsigned char *buf, size_t len, const char *name, float **data,
                            int shape[4], int *ndim, net_err *err)
{
    if (!name)
        name = "(memory)";
    if (!data || !shape || !ndim)
        return net_fail(err, NET_ERR_ARG, "%s: nowhere to put the tensor", name);
    *data = NULL;
    *ndim = 0;
    for (int i = 0; i < 4; i++)
        shape[i] = 0;
    if (!buf && len)
        return net_fail(err, NET_ERR_ARG, "%s: no bytes given", name);
    if (len < 10 || memcmp(buf, npy_magic, sizeof npy_magic))
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: not a .npy file (it does not start with "
                        "\\x93NUMPY)",
                        name);
    int major = buf[6], minor = buf[7];
    size_t hlen, off;
    if (major == 1) {
        hlen = (size_t)buf[8] | (size_t)buf[9] << 8;
        off = 10;
    } else if (major == 2 || major == 3) {
        if (len < 12)
            return net_fail(err, NET_ERR_FORMAT, "%s: truncated .npy header (%zu bytes)", name,
                            len);
        hlen = (size_t)buf[8] | (size_t)buf[9] << 8 | (size_t)buf[10] << 16 | (size_t)buf[11] << 24;
        off = 12;
    } else {
        return net_fail(err, NET_ERR_UNSUPPORTED,
                        "%s: .npy format version %d.%d; expected 1.0, "
                        "2.0 or 3.0",
                        name, major, minor);
    }
    if (hlen > NPY_MAX_HEADER)
        return net_fail(err, NET_ERR_LIMIT, "%s: a .npy header of %zu bytes; at most %d expected",
                        name, hlen, NPY_MAX_HEADER);
    if (hlen > len - off)
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: truncated .npy header: it claims %zu bytes, "
                        "the file has %zu after the preamble",
                        name, hlen, len - off);
    npy_header h;
    const char *why;
    if (!npy_parse_header((const char *)buf + off, hlen, &h, &why))
        return net_fail(err, NET_ERR_FORMAT, "%s: malformed .npy header: %s", name, why);
    off += hlen;

    char shp[160], found[48];
    npy_shape_text(h.dims, h.ndim, shp, sizeof shp);
    if (strcmp(h.descr, "<f4")) {
        dtype_name(h.descr, found, sizeof found);
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: dtype '%s' (%s); expected '<f4' (float32, "
                        "little-endian)",
                        name, h.descr, found);
    }
    if (h.fortran)
        return net_fail(err, NET_ERR_UNSUPPORTED,
                        "%s: Fortran (column-major) order; expected C "
                        "order (save np.ascontiguousarray(x))",
                        name);
    if (h.ndim < 1 || h.ndim > 4)
        return net_fail(err, NET_ERR_SHAPE, "%s: shape %s has %d dimensions; expected 1 to 4", name,
                        shp, h.ndim);
    long long count = 1;
    for (int i = 0; i < h.ndim; i++) {
        if (h.dims[i] < 1)
            return net_fail(err, NET_ERR_SHAPE, "%s: shape %s holds no numbers", name, shp);
        if (h.dims[i] > NPY_MAX_COUNT || count * h.dims[i] > NPY_MAX_COUNT)
            return net_fail(err, NET_ERR_LIMIT, "%s: shape %s is more than %lld floats", name, shp,
                            (long long)NPY_MAX_COUNT);
        count *= h.dims[i];
    }
    size_t need = (size_t)count * 4, have = len - off;
    if (have < need)
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: truncated: shape %s needs %zu bytes of data, "
                        "the file has %zu",
                        name, shp, need, have);
    if (have > need)
        return net_fail(err, NET_ERR_FORMAT, "%s: %zu bytes of data where shape %s needs %zu", name,
                        have, shp, need);
    float *d = malloc(need);
    if (!d)
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for shape %s", name, shp);
    /* Little-endian whatever the host, one byte at a time. */
    const unsigned char *src = buf + off;
    for (long long i = 0; i < count; i++) {
        const unsigned char *b = src + 4 * i;
        uint32_t u =
            (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
        memcpy(&d[i], &u, 4);
    }
    *data = d;
    *ndim = h.ndim;
    for (int i = 0; i < h.ndim; i++)
        shape[i] = (int)h.dims[i];
    return NET_OK;
}

net_status net_npy_load(const char *path, float **data, int shape[4], int *ndim, net_err *err)
{
    unsigned char *buf;
    size_t len;
    net_status st = net_file_read(path, NPY_MAX_HEADER + 12 + NPY_MAX_COUNT * 4, &buf, &len, err);
    if (st == NET_OK)
        st = net_npy_load_mem(buf, len, path, data, shape, ndim, err);
    free(buf);
    return st;
}

net_status net_npy_encode(const char *name, const float *data, const int *shape, int ndim,
                          unsigned char **out, size_t *len, net_err *err)
{
    *out = NULL;
    *len = 0;
    if (!name)
        name = "(no file)";
    if (!data || !shape || ndim < 1 || ndim > 4)
        return net_fail(err, NET_ERR_ARG, "%s: %d dimensions; expected 1 to 4 and some data", name,
                        ndim);
    long long dims[4], count = 1;
    for (int i = 0; i < ndim; i++) {
        dims[i] = shape[i];
        if (shape[i] < 1)
            return net_fail(err, NET_ERR_ARG, "%s: dimension %d is %d; expected at least 1", name,
                            i, shape[i]);
        count *= shape[i];
        if (count > NPY_MAX_COUNT)
            return net_fail(err, NET_ERR_LIMIT, "%s: more than %lld floats", name,
                            (long long)NPY_MAX_COUNT);
    }
    /* Version 1.0: magic, version, a 2-byte length, then the dict padded with spaces and a
     * newline so that the data starts on a 64-byte boundary, as numpy writes it. */
    char shp[96], head[256];
    npy_shape_text(dims, ndim, shp, sizeof shp);
    int dict = snprintf(head + 10, sizeof head - 10,
                        "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }", shp);
    size_t total = ((size_t)(10 + dict + 1) + 63) / 64 * 64;
    size_t hlen = total - 10;
    memcpy(head, npy_magic, sizeof npy_magic);
    head[6] = 1;
    head[7] = 0;
    head[8] = (char)(hlen & 0xff);
    head[9] = (char)(hlen >> 8);
    memset(head + 10 + dict, ' ', hlen - (size_t)dict - 1);
    head[total - 1] = '\n';

    /* Little-endian whatever the host, one byte at a time. */
    size_t bytes = (size_t)count * 4;
    unsigned char *file = malloc(total + bytes); /* header, then (shape) floats */
    if (!file)
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for %zu bytes", name, bytes);
    memcpy(file, head, total);
    for (long long i = 0; i < count; i++) {
        uint32_t u;
        memcpy(&u, &data[i], 4);
        unsigned char *b = file + total + 4 * i;
        b[0] = (unsigned char)u;
        b[1] = (unsigned char)(u >> 8);
        b[2] = (unsigned char)(u >> 16);
        b[3] = (unsigned char)(u >> 24);
    }
    *out = file;
    *len = total + bytes;
    return NET_OK;
}

net_status net_npy_save(const char *path, const float *data, const int *shape, int ndim,
                        net_err *err)
{
    unsigned char *file;
    size_t len;
    net_status st = net_npy_encode(path, data, shape, ndim, &file, &len, err);
    if (st == NET_OK)
        st = net_write_atomic(path, file, len, err);
    free(file);
    return st;
}
