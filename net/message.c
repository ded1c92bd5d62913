/* message.c: statuses and the one-line messages that go with them.
 *
 * Every message the engine makes passes through net_fail, which also makes it printable: file
 * names come from users and may hold a newline, a terminal escape or bytes that are not UTF-8
 * (a name from an old Windows archive), and a message must stay one line that pango, a JSON
 * file and a terminal all take as it is.
 */
#include "alexnet.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

const char *net_status_str(net_status s)
{
    switch (s) {
    case NET_OK: return "ok";
    case NET_ERR_ARG: return "bad argument";
    case NET_ERR_IO: return "input/output error";
    case NET_ERR_FORMAT: return "bad format";
    case NET_ERR_SHAPE: return "wrong shape";
    case NET_ERR_LIMIT: return "too large";
    case NET_ERR_VALUE: return "bad value";
    case NET_ERR_UNSUPPORTED: return "unsupported";
    case NET_ERR_NOMEM: return "out of memory";
    case NET_ERR_EXISTS: return "already exists";
    case NET_ERR_CANCELLED: return "cancelled";
    }
    return "unknown status";
}

/* Length of the valid UTF-8 sequence at s (1–4), or 0 when s does not start one. Overlong
 * forms, surrogates and code points above U+10FFFF are not valid. */
static size_t utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (!n || c > 0xF4)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return n;
}

size_t net_text_escape(const char *s, char *out, size_t cap)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    if (!cap)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_len(p);
        int plain = n > 1 || (n == 1 && *p >= 0x20 && *p != 0x7F);
        if (plain) {
            if (o + n >= cap)
                break;
            memcpy(out + o, p, n);
            o += n;
            p += n;
        } else {
            if (o + 4 >= cap)
                break;
            out[o++] = '\\', out[o++] = 'x', out[o++] = hex[*p >> 4], out[o++] = hex[*p & 15];
            p++;
        }
    }
    out[o] = 0;
    return o;
}

int net_fmt_args(const char *fmt, va_list ap, char (*args)[256], int max)
{
    int n = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        char spec[48];
        size_t k = 0;
        spec[k++] = '%';
        p++;
        /* flags, width, precision: a * takes an int from the arguments */
        while (*p && strchr("-+ #0'", *p) && k < 20)
            spec[k++] = *p++;
        for (int part = 0; part < 2; part++) {
            if (part == 1) {
                if (*p != '.')
                    break;
                spec[k++] = *p++;
            }
            if (*p == '*') {
                k += (size_t)snprintf(spec + k, sizeof spec - k, "%d", va_arg(ap, int));
                p++;
            } else {
                while (*p >= '0' && *p <= '9' && k < 40)
                    spec[k++] = *p++;
            }
        }
        /* the length, then the conversion */
        char len[3] = {0};
        if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
            len[0] = p[0], len[1] = p[1];
            p += 2;
        } else if (*p && strchr("hlzjtL", *p)) {
            len[0] = *p++;
        }
        char conv = *p;
        if (!conv)
            break;
        memcpy(spec + k, len, strlen(len));
        k += strlen(len);
        spec[k++] = conv;
        spec[k] = 0;
        char raw[512];
        raw[0] = 0;
        switch (conv) {
        case 'd':
        case 'i':
            if (!strcmp(len, "l"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, long));
            else if (!strcmp(len, "ll"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, long long));
            else if (!strcmp(len, "z"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, ptrdiff_t));
            else if (!strcmp(len, "j"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, intmax_t));
            else if (!strcmp(len, "t"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, ptrdiff_t));
            else
                snprintf(raw, sizeof raw, spec, va_arg(ap, int));
            break;
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            if (!strcmp(len, "l"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, unsigned long));
            else if (!strcmp(len, "ll"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, unsigned long long));
            else if (!strcmp(len, "z"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, size_t));
            else if (!strcmp(len, "j"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, uintmax_t));
            else if (!strcmp(len, "t"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, size_t));
            else
                snprintf(raw, sizeof raw, spec, va_arg(ap, unsigned));
            break;
        case 'c': snprintf(raw, sizeof raw, spec, va_arg(ap, int)); break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            snprintf(raw, sizeof raw, spec, s ? s : "(null)");
            break;
        }
        case 'p': snprintf(raw, sizeof raw, spec, va_arg(ap, void *)); break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            if (!strcmp(len, "L"))
                snprintf(raw, sizeof raw, spec, va_arg(ap, long double));
            else
                snprintf(raw, sizeof raw, spec, va_arg(ap, double));
            break;
        default: continue; /* not a conversion C has: nothing was taken */
        }
        if (n < max)
            net_text_escape(raw, args[n], sizeof args[n]);
        n++;
    }
    return n;
}

net_status net_fail(net_err *err, net_status status, const char *fmt, ...)
{
    if (err) {
        char raw[sizeof err->msg];
        va_list ap, again;
        va_start(ap, fmt);
        va_copy(again, ap);
        vsnprintf(raw, sizeof raw, fmt, ap);
        va_end(ap);
        net_text_escape(raw, err->msg, sizeof err->msg);
        int n = net_fmt_args(fmt, again, err->args, NET_ERR_ARGS);
        va_end(again);
        /* a format too long to be a key, or with too many parts, is kept as English only */
        if (strlen(fmt) < sizeof err->fmt && n <= NET_ERR_ARGS) {
            memcpy(err->fmt, fmt, strlen(fmt) + 1);
            err->n_args = n;
        } else {
            err->fmt[0] = 0;
            err->n_args = 0;
        }
        err->status = status;
    }
    return status;
}

net_status net_vfail_in(net_err *err, net_status status, const char *file, const char *fmt,
                        va_list ap)
{
    if (!err)
        return status;
    char raw[sizeof err->msg];
    va_list again;
    va_copy(again, ap);
    int head = snprintf(raw, sizeof raw, "%s: ", file);
    if (head >= 0 && (size_t)head < sizeof raw)
        vsnprintf(raw + head, sizeof raw - (size_t)head, fmt, ap);
    net_text_escape(raw, err->msg, sizeof err->msg);
    net_text_escape(file, err->args[0], sizeof err->args[0]);
    int n = 1 + net_fmt_args(fmt, again, err->args + 1, NET_ERR_ARGS - 1);
    va_end(again);
    /* the format is "%s: " and fmt, the file its first conversion */
    size_t flen = strlen(fmt);
    if (flen + 4 < sizeof err->fmt && n <= NET_ERR_ARGS) {
        memcpy(err->fmt, "%s: ", 4);
        memcpy(err->fmt + 4, fmt, flen + 1);
        err->n_args = n;
    } else {
        err->fmt[0] = 0;
        err->n_args = 0;
    }
    err->status = status;
    return status;
}
