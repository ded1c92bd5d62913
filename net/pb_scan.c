/* pb_scan.c: a protobuf message's shape checked before protobuf-c unpacks it.
 *
 * protobuf-c unpacks a nested message by recursion, so a 42 KB file of six thousand nested
 * TypeProtos overflows the stack before any check of ours could run; and a file may hold a
 * hundred thousand nodes or megabyte-long names that the loader's lookups would then walk again
 * and again. So the bytes are walked first, once, without recursion: an explicit stack of the
 * messages being read, each field's tag looked up in protobuf-c's generated descriptors (which
 * say which fields are messages and of which type), every length checked against its enclosing
 * message. The walk counts and bounds what unpacking would build: the nesting depth, the number
 * of messages, the number of messages of one chosen type (ONNX nodes), and the length of every
 * string field (names); and it refuses a singular message field given twice, which protobuf-c
 * merges at a cost that grows with the square of the repeats. Linear in the file's size;
 * nothing is allocated.
 */
#include "pb_scan.h"

#include <string.h>

/* Reads a varint at *p (at most 10 bytes, before end); 0 if it is cut or too long. */
static int get_varint(const uint8_t **p, const uint8_t *end, uint64_t *v)
{
    uint64_t x = 0;
    for (int shift = 0; shift < 70 && *p < end; shift += 7) {
        uint8_t b = *(*p)++;
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = x;
            return 1;
        }
    }
    return 0;
}

net_status pb_scan(const ProtobufCMessageDescriptor *desc, const uint8_t *buf, size_t len,
                   const pb_limits *lim, const char *name, net_err *err)
{
    struct {
        const ProtobufCMessageDescriptor *d;
        const uint8_t *end;
        uint64_t seen; /* the singular message fields met so far, by index (the first 64) */
    } stack[PB_MAX_DEPTH + 1];
    int depth = 0;
    long long messages = 1, counted = 0;
    const uint8_t *p = buf, *end = buf + len;
    stack[0].d = desc;
    stack[0].end = end;
    stack[0].seen = 0;
    for (;;) {
        if (p == stack[depth].end) {
            if (!depth)
                return NET_OK;
            depth--;
            continue;
        }
        const ProtobufCMessageDescriptor *d = stack[depth].d;
        const uint8_t *mend = stack[depth].end;
        uint64_t tag, n;
        if (!get_varint(&p, mend, &tag) || tag >> 3 == 0 || tag >> 3 > 0x1FFFFFFF)
            return net_fail(err, NET_ERR_FORMAT,
                            "%s: not a protobuf %s: a broken field tag at "
                            "byte %zu",
                            name, desc->short_name, (size_t)(p - buf));
        const ProtobufCFieldDescriptor *f =
            protobuf_c_message_descriptor_get_field(d, (unsigned)(tag >> 3));
        switch (tag & 7) {
        case 0: /* varint */
            if (!get_varint(&p, mend, &n))
                return net_fail(err, NET_ERR_FORMAT,
                                "%s: truncated or corrupt protobuf: a "
                                "number cut at byte %zu",
                                name, (size_t)(p - buf));
            break;
        case 1: /* 64 bits */
        case 5: /* 32 bits */
            n = (tag & 7) == 1 ? 8 : 4;
            if ((uint64_t)(mend - p) < n)
                return net_fail(err, NET_ERR_FORMAT,
                                "%s: truncated or corrupt protobuf: a "
                                "number cut at byte %zu",
                                name, (size_t)(p - buf));
            p += n;
            break;
        case 2: /* length-delimited: a message, a string, bytes or a packed array */
            if (!get_varint(&p, mend, &n) || n > (uint64_t)(mend - p))
                return net_fail(err, NET_ERR_FORMAT,
                                "%s: truncated or corrupt protobuf: a "
                                "field at byte %zu claims more bytes than its message has",
                                name, (size_t)(p - buf));
            if (f && f->type == PROTOBUF_C_TYPE_MESSAGE) {
                /* a singular message field given twice is merged into one by protobuf-c,
                 * whose arrays grow by copying: 99,000 repeats of one cost it half a minute.
                 * No writer of ONNX files repeats one. */
                unsigned idx = (unsigned)(f - d->fields);
                if (f->label != PROTOBUF_C_LABEL_REPEATED && idx < 64) {
                    if (stack[depth].seen >> idx & 1)
                        return net_fail(err, NET_ERR_FORMAT,
                                        "%s: not a well-formed ONNX file: "
                                        "field '%s' given twice in one %s (at byte %zu)",
                                        name, f->name, d->short_name, (size_t)(p - buf));
                    stack[depth].seen |= (uint64_t)1 << idx;
                }
                if (depth == lim->max_depth)
                    return net_fail(err, NET_ERR_LIMIT,
                                    "%s: messages nested more than %d deep "
                                    "(at byte %zu); an ONNX model needs about 8",
                                    name, lim->max_depth, (size_t)(p - buf));
                if (++messages > lim->max_messages)
                    return net_fail(err, NET_ERR_LIMIT,
                                    "%s: more than %lld protobuf messages; "
                                    "at most that many are read",
                                    name, lim->max_messages);
                if (f->descriptor == lim->counted && ++counted > lim->max_counted)
                    return net_fail(err, NET_ERR_LIMIT,
                                    "%s: more than %lld %s; at most that "
                                    "many are read (%s)",
                                    name, lim->max_counted, lim->counted_what, lim->counted_why);
                depth++;
                stack[depth].d = f->descriptor;
                stack[depth].end = p + n;
                stack[depth].seen = 0;
                continue;
            }
            if (f && f->type == PROTOBUF_C_TYPE_STRING && n > lim->max_string &&
                strcmp(f->name, "doc_string"))
                return net_fail(err, NET_ERR_LIMIT,
                                "%s: a %s of %llu bytes in a %s; at most %zu "
                                "are read",
                                name, f->name, (unsigned long long)n, d->short_name,
                                lim->max_string);
            p += n;
            break;
        default: /* 3, 4: groups, which ONNX never uses; 6, 7: no such wire type */
            return net_fail(err, NET_ERR_FORMAT,
                            "%s: not a protobuf %s: wire type %d at byte "
                            "%zu",
                            name, desc->short_name, (int)(tag & 7), (size_t)(p - buf));
        }
    }
}
