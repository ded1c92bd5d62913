/* json_valid.c: see json_valid.h. A recursive-descent reader of the grammar, nothing kept. */
#include "json_valid.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const unsigned char *p, *end, *start;
    const char *fault;
} reader;

static int fail(reader *r, const char *why)
{
    if (!r->fault)
        r->fault = why;
    return 0;
}

static void space(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static int lit(reader *r, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n))
        return fail(r, "an unknown word");
    r->p += n;
    return 1;
}

/* One UTF-8 character at p (already known not to be ASCII); 0 if it is not valid. */
static int utf8(reader *r)
{
    unsigned c = *r->p;
    int n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (!n || r->end - r->p < n)
        return fail(r, "a byte that is not UTF-8");
    for (int i = 1; i < n; i++)
        if ((r->p[i] & 0xC0) != 0x80)
            return fail(r, "a byte that is not UTF-8");
    r->p += n;
    return 1;
}

static int string(reader *r)
{
    r->p++; /* the quote */
    while (r->p < r->end && *r->p != '"') {
        unsigned c = *r->p;
        if (c < 0x20)
            return fail(r, "a control byte in a string");
        if (c == '\\') {
            r->p++;
            if (r->p >= r->end)
                break;
            if (*r->p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (r->p + i >= r->end || !strchr("0123456789abcdefABCDEF", r->p[i]))
                        return fail(r, "a bad \\u escape");
                r->p += 5;
            } else if (strchr("\"\\/bfnrt", *r->p)) {
                r->p++;
            } else {
                return fail(r, "a bad escape");
            }
        } else if (c >= 0x80) {
            if (!utf8(r))
                return 0;
        } else {
            r->p++;
        }
    }
    if (r->p >= r->end)
        return fail(r, "an unterminated string");
    r->p++;
    return 1;
}

static int digits(reader *r)
{
    const unsigned char *s = r->p;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
        r->p++;
    return r->p > s;
}

static int number(reader *r)
{
    if (*r->p == '-')
        r->p++;
    if (r->p < r->end && *r->p == '0')
        r->p++;
    else if (!digits(r))
        return fail(r, "a bad number");
    if (r->p < r->end && *r->p == '.') {
        r->p++;
        if (!digits(r))
            return fail(r, "a bad fraction");
    }
    if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
        r->p++;
        if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
            r->p++;
        if (!digits(r))
            return fail(r, "a bad exponent");
    }
    return 1;
}

static int value(reader *r, int depth);

static int members(reader *r, int depth, int object)
{
    char close = object ? '}' : ']';
    r->p++;
    space(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return 1;
    }
    for (;;) {
        space(r);
        if (object) {
            if (r->p >= r->end || *r->p != '"' || !string(r))
                return fail(r, "a key that is not a string");
            space(r);
            if (r->p >= r->end || *r->p++ != ':')
                return fail(r, "no ':' after a key");
        }
        if (!value(r, depth + 1))
            return 0;
        space(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return 1;
        }
        return fail(r, object ? "no ',' or '}'" : "no ',' or ']'");
    }
}

static int value(reader *r, int depth)
{
    space(r);
    if (depth > 64)
        return fail(r, "nested too deep");
    if (r->p >= r->end)
        return fail(r, "the text ends where a value should be");
    switch (*r->p) {
    case '{': return members(r, depth, 1);
    case '[': return members(r, depth, 0);
    case '"': return string(r);
    case 't': return lit(r, "true");
    case 'f': return lit(r, "false");
    case 'n': return lit(r, "null");
    default:
        if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9'))
            return number(r);
        return fail(r, "not a value (NaN? inf?)");
    }
}

int json_valid(const char *s, size_t len, char *why, size_t why_len)
{
    reader r = {(const unsigned char *)s, (const unsigned char *)s + len, (const unsigned char *)s,
                NULL};
    int ok = value(&r, 0);
    if (ok) {
        space(&r);
        if (r.p != r.end)
            ok = fail(&r, "text after the value");
    }
    if (!ok && why)
        snprintf(why, why_len, "%s at byte %ld", r.fault, (long)(r.p - r.start));
    return ok;
}
