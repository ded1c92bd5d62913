/* message.c: statuses and the one-line messages that go with them.
 *
 * Every message the engine makes passes through net_fail, which also makes it printable: file
 * names come from users and may hold a newline, a terminal escape or bytes that are not UTF-8
 * (a name from an old Windows archive), and a message must stay one line that pango, a JSON
 * file and a terminal all take as it is.
 */
#include "alexnet.h"

#include <stdarg.h>
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
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
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

net_status net_fail(net_err *err, net_status status, const char *fmt, ...)
{
    if (err) {
        char raw[sizeof err->msg];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(raw, sizeof raw, fmt, ap);
        va_end(ap);
        net_text_escape(raw, err->msg, sizeof err->msg);
        err->status = status;
    }
    return status;
}
