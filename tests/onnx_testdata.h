/* onnx_testdata.h: reads ONNX's own operator conformance cases, for the tests.
 *
 * Debian's libonnx-testdata ships, for every case, a folder holding model.onnx (a graph of one
 * node) and test_data_set_0/ with input_<i>.pb and output_0.pb (TensorProtos). A case is read
 * with protobuf-c through the code generated from Debian's onnx.proto: the node, its attributes,
 * and every node input as a float tensor, whether it comes from an input_<i>.pb file or from an
 * initializer inside the model (the pytorch-converted cases keep their weights there). Tensor
 * values may sit in float_data or in raw_data (little-endian); both are read.
 *
 * Float tensors only; a case of another type is refused with a message, as is anything corrupt.
 */
#ifndef ONNX_TESTDATA_H
#define ONNX_TESTDATA_H

#include "onnx.pb-c.h"

#include <stddef.h>
#include <stdint.h>

#define OTD_ROOT "/usr/share/libonnx-testdata/data"
#define OTD_MAX_INPUTS 4
#define OTD_MAX_DIMS 8

typedef struct {
    int present; /* 0 for an omitted optional input */
    int ndim;
    int64_t dims[OTD_MAX_DIMS];
    size_t count; /* product of dims (1 for a scalar) */
    float *data;  /* (count), malloc'd */
} otd_tensor;

typedef struct {
    char name[128]; /* "node/test_lrn" */
    int64_t opset;  /* the default domain's version */
    Onnx__ModelProto *model;
    const Onnx__NodeProto *node; /* the graph's only node */
    int n_in;
    otd_tensor in[OTD_MAX_INPUTS]; /* the node's inputs, in order */
    otd_tensor out;                /* the expected output_0 */
} otd_case;

/* 1 when OTD_ROOT exists. */
int otd_available(void);

/* Loads OTD_ROOT/<name>. Returns 0, or -1 with a one-line message in msg (the case is then
 * freed). */
int otd_load(otd_case *c, const char *name, char *msg, size_t len);
void otd_free(otd_case *c);

/* The node's attributes, or def when absent. */
int64_t otd_int(const otd_case *c, const char *attr, int64_t def);
float otd_float(const otd_case *c, const char *attr, float def);
/* Copies up to max of the ints of attr into v; returns how many attr holds (0 when absent). */
int otd_ints(const otd_case *c, const char *attr, int64_t *v, int max);
/* The string attr as a NUL-terminated copy in buf ("" when absent); returns buf. */
const char *otd_string(const otd_case *c, const char *attr, char *buf, size_t len);

#endif
