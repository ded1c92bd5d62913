/* pb_scan.h: bounds on a protobuf message, checked before protobuf-c unpacks it (private). */
#ifndef NET_PB_SCAN_H
#define NET_PB_SCAN_H

#include "alexnet.h"

#include <protobuf-c/protobuf-c.h>
#include <stddef.h>
#include <stdint.h>

#define PB_MAX_DEPTH 64

typedef struct {
    int max_depth;                             /* ≤ PB_MAX_DEPTH */
    long long max_messages;                    /* submessages of all types */
    const ProtobufCMessageDescriptor *counted; /* one type counted on its own (or NULL) */
    long long max_counted;
    const char *counted_what, *counted_why; /* "nodes", "AlexNet has 24": for the message */
    size_t max_string;                      /* bytes of a string field other than doc_string */
} pb_limits;

/* Walks buf as a message of type desc without unpacking it; NET_ERR_LIMIT names the limit a file
 * exceeds, NET_ERR_FORMAT the first malformed field. Linear time, no allocation, no recursion. */
net_status pb_scan(const ProtobufCMessageDescriptor *desc, const uint8_t *buf, size_t len,
                   const pb_limits *lim, const char *name, net_err *err);

#endif
