/* json_valid.h: a strict JSON checker for the files alexviz writes (RFC 8259: one value, valid
 * UTF-8, no NaN, no trailing commas). Returns 1, or 0 with the first fault and its byte in why. */
#ifndef JSON_VALID_H
#define JSON_VALID_H

#include <stddef.h>

int json_valid(const char *s, size_t len, char *why, size_t why_len);

#endif
