/* onnx_make.h: writes small ONNX files for the tests, with protobuf-c, so that no test needs a
 * download or Python.
 *
 * om_alexnet builds AlexNet's full topology at any widths in one of two layouts:
 *   - the model zoo's (bvlcalexnet): names conv1_w_0 … fc8_b_0, input data_0, output prob_1,
 *     Reshape + Gemm transB=1, MaxPool end pads [0,0,1,1] at 224, float_data, Softmax;
 *   - a PyTorch export's: names features.0.weight …, Flatten, raw_data, ceil_mode=1, dropouts
 *     before the linear layers, no Softmax (the file ends in fc8's logits).
 * Every weight is om_value(opts, layer, is_bias, j) at index j of the engine's own layout, so a
 * test can set the same weights directly (om_fill_net) and compare the two nets stage by stage.
 * The builder's functions let a test break a model on purpose before packing it. Everything a
 * model holds lives in its arena and goes with om_free.
 */
#ifndef ONNX_MAKE_H
#define ONNX_MAKE_H

#include "alexnet.h"
#include "onnx.pb-c.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
    OM_FC_GEMM_T, /* Gemm transB=1: weights (out, in), as the zoo and PyTorch write them */
    OM_FC_GEMM,   /* Gemm transB=0: weights (in, out) */
    OM_FC_MATMUL  /* MatMul (in, out) + Add */
} om_fc;

typedef struct {
    int width[8];
    int input_size;
    int torch_style; /* PyTorch export layout (see above); 0: the zoo's */
    int lrn_after_pool;
    int pool_ceil; /* ceil_mode=1; else floor with end pads pool_pad_end */
    int pool_pad_end;
    om_fc fc;
    int softmax; /* end in Softmax */
    int opset;
    uint64_t seed;
    int torchvision; /* torchvision's layout: no LRN, no groups, conv1 padded by 2 */
    int legacy;      /* as caffe2's converter wrote the zoo's files: every weight also listed
                           as a graph input (before the image), each Dropout with a second
                           output (its mask), and before opset 12 its ratio an attribute */
} om_opts;

/* Narrow widths 8-16-24-24-16-32-32-10 at 224. */
void om_opts_zoo(om_opts *o);
void om_opts_torch(om_opts *o);

/* The net_config a file built from o describes. */
void om_config(const om_opts *o, net_config *c);

/* Weight (is_bias 0) or bias j of learned layer 1..8, in the engine's layout. */
float om_value(const om_opts *o, int layer, int is_bias, int64_t j, int64_t fan_in);
/* Sets the same weights into n (built from om_config) directly, through net_weights. */
void om_fill_net(const om_opts *o, net *n);

/* A deterministic test input (3, S, S), the same in tests/golden/gen_onnx_golden.py:
 * x[i] = float((i·2654435761 mod 2³²) >> 8) · 255/2²⁴ − 128. */
void om_input(int S, float *x);

typedef struct om_model om_model;

om_model *om_new(const char *input, int input_size, int opset, const char *producer);
om_model *om_alexnet(const om_opts *o);
void om_free(om_model *m);

Onnx__ModelProto *om_proto(om_model *m);
/* The nth node (0-based) of op type op, or NULL. */
Onnx__NodeProto *om_find_node(om_model *m, const char *op, int nth);
Onnx__TensorProto *om_find_init(om_model *m, const char *name);
/* The weight (is_bias 0) or bias initializer of learned layer 1..8 of an om_alexnet model. */
Onnx__TensorProto *om_layer_tensor(om_model *m, int layer, int is_bias);

char *om_strdup(om_model *m, const char *s);
/* Appends a node; in and out are NULL-terminated lists of tensor names. */
Onnx__NodeProto *om_node(om_model *m, const char *op, const char *name, const char *const *in,
                         const char *const *out);
void om_attr_int(om_model *m, Onnx__NodeProto *n, const char *name, int64_t v);
void om_attr_ints(om_model *m, Onnx__NodeProto *n, const char *name, const int64_t *v, int count);
void om_attr_float(om_model *m, Onnx__NodeProto *n, const char *name, float v);
void om_attr_floats(om_model *m, Onnx__NodeProto *n, const char *name, const float *v, int count);
/* A float tensor (data NULL: zeros) as float_data or raw_data, added as an initializer. */
Onnx__TensorProto *om_init_f32(om_model *m, const char *name, const int64_t *dims, int nd,
                               const float *data, int raw);
Onnx__TensorProto *om_init_i64(om_model *m, const char *name, const int64_t *dims, int nd,
                               const int64_t *data);
/* Declares the graph output (float, shape dims). */
void om_output(om_model *m, const char *name, const int64_t *dims, int nd);

/* The serialised model, malloc'd. */
unsigned char *om_pack(om_model *m, size_t *len);
/* Writes the model (or its first `keep` bytes when keep > 0) to path; 1 on success. */
int om_save(om_model *m, const char *path, size_t keep);

/* Writes a float TensorProto file (an ONNX test folder's input_0.pb / output_0.pb). */
int om_write_tensor(const char *path, const float *data, const int64_t *dims, int nd, int raw);

#endif
