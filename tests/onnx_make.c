/* onnx_make.c: small ONNX files for the tests, built with protobuf-c; see onnx_make.h. */
#include "onnx_make.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct om_model {
    Onnx__ModelProto model;
    Onnx__GraphProto graph;
    void **blocks; /* the arena: everything the model points to */
    size_t n_blocks, cap;
    char names[8][2][64]; /* om_layer_tensor: weight and bias names of layers 1..8 */
};

static void *om_alloc(om_model *m, size_t size)
{
    if (m->n_blocks == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 64;
        m->blocks = realloc(m->blocks, m->cap * sizeof *m->blocks);
        if (!m->blocks)
            abort();
    }
    void *p = calloc(1, size ? size : 1);
    if (!p)
        abort();
    return m->blocks[m->n_blocks++] = p;
}

char *om_strdup(om_model *m, const char *s)
{
    size_t len = strlen(s) + 1;
    return memcpy(om_alloc(m, len), s, len);
}

/* Appends one pointer to an arena-held array of pointers. */
static void **push(om_model *m, void **arr, size_t *n, void *item)
{
    void **grown = om_alloc(m, (*n + 1) * sizeof *grown);
    if (*n && arr)
        memcpy(grown, arr, *n * sizeof *grown);
    grown[(*n)++] = item;
    return grown;
}

/* ---------------------------------------------------------------- the builder */

static Onnx__ValueInfoProto *value_info(om_model *m, const char *name, const int64_t *dims, int nd)
{
    Onnx__ValueInfoProto *v = om_alloc(m, sizeof *v);
    Onnx__TypeProto *tp = om_alloc(m, sizeof *tp);
    Onnx__TypeProto__Tensor *tt = om_alloc(m, sizeof *tt);
    Onnx__TensorShapeProto *sh = om_alloc(m, sizeof *sh);
    *v = (Onnx__ValueInfoProto)ONNX__VALUE_INFO_PROTO__INIT;
    *tp = (Onnx__TypeProto)ONNX__TYPE_PROTO__INIT;
    *tt = (Onnx__TypeProto__Tensor)ONNX__TYPE_PROTO__TENSOR__INIT;
    *sh = (Onnx__TensorShapeProto)ONNX__TENSOR_SHAPE_PROTO__INIT;
    v->name = om_strdup(m, name);
    v->type = tp;
    tp->value_case = ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE;
    tp->tensor_type = tt;
    tt->has_elem_type = 1;
    tt->elem_type = ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
    tt->shape = sh;
    sh->dim = om_alloc(m, (size_t)nd * sizeof *sh->dim);
    sh->n_dim = (size_t)nd;
    for (int i = 0; i < nd; i++) {
        Onnx__TensorShapeProto__Dimension *d = om_alloc(m, sizeof *d);
        *d = (Onnx__TensorShapeProto__Dimension)ONNX__TENSOR_SHAPE_PROTO__DIMENSION__INIT;
        d->value_case = ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
        d->dim_value = dims[i];
        sh->dim[i] = d;
    }
    return v;
}

om_model *om_new(const char *input, int input_size, int opset, const char *producer)
{
    om_model *m = calloc(1, sizeof *m);
    if (!m)
        abort();
    m->model = (Onnx__ModelProto)ONNX__MODEL_PROTO__INIT;
    m->graph = (Onnx__GraphProto)ONNX__GRAPH_PROTO__INIT;
    m->model.has_ir_version = 1;
    m->model.ir_version = opset >= 13 ? 7 : opset >= 9 ? 4 : 3;
    m->model.producer_name = om_strdup(m, producer);
    m->model.graph = &m->graph;
    Onnx__OperatorSetIdProto *os = om_alloc(m, sizeof *os);
    *os = (Onnx__OperatorSetIdProto)ONNX__OPERATOR_SET_ID_PROTO__INIT;
    os->domain = om_strdup(m, "");
    os->has_version = 1;
    os->version = opset;
    m->model.opset_import =
        (Onnx__OperatorSetIdProto **)push(m, NULL, &m->model.n_opset_import, os);
    m->graph.name = om_strdup(m, "alexnet");
    int64_t d[4] = {1, 3, input_size, input_size};
    m->graph.input =
        (Onnx__ValueInfoProto **)push(m, NULL, &m->graph.n_input, value_info(m, input, d, 4));
    return m;
}

void om_free(om_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_blocks; i++)
        free(m->blocks[i]);
    free(m->blocks);
    free(m);
}

Onnx__ModelProto *om_proto(om_model *m) { return &m->model; }

Onnx__NodeProto *om_find_node(om_model *m, const char *op, int nth)
{
    for (size_t i = 0; i < m->graph.n_node; i++)
        if (!strcmp(m->graph.node[i]->op_type, op) && nth-- == 0)
            return m->graph.node[i];
    return NULL;
}

Onnx__TensorProto *om_find_init(om_model *m, const char *name)
{
    for (size_t i = 0; i < m->graph.n_initializer; i++)
        if (!strcmp(m->graph.initializer[i]->name, name))
            return m->graph.initializer[i];
    return NULL;
}

Onnx__TensorProto *om_layer_tensor(om_model *m, int layer, int is_bias)
{
    return om_find_init(m, m->names[layer - 1][is_bias]);
}

static char **str_list(om_model *m, const char *const *names, size_t *n)
{
    *n = 0;
    while (names && names[*n])
        (*n)++;
    char **out = om_alloc(m, *n * sizeof *out);
    for (size_t i = 0; i < *n; i++)
        out[i] = om_strdup(m, names[i]);
    return out;
}

Onnx__NodeProto *om_node(om_model *m, const char *op, const char *name, const char *const *in,
                         const char *const *out)
{
    Onnx__NodeProto *n = om_alloc(m, sizeof *n);
    *n = (Onnx__NodeProto)ONNX__NODE_PROTO__INIT;
    n->op_type = om_strdup(m, op);
    if (name && *name)
        n->name = om_strdup(m, name);
    n->input = str_list(m, in, &n->n_input);
    n->output = str_list(m, out, &n->n_output);
    m->graph.node = (Onnx__NodeProto **)push(m, (void **)m->graph.node, &m->graph.n_node, n);
    return n;
}

static Onnx__AttributeProto *attr(om_model *m, Onnx__NodeProto *n, const char *name,
                                  Onnx__AttributeProto__AttributeType type)
{
    Onnx__AttributeProto *a = om_alloc(m, sizeof *a);
    *a = (Onnx__AttributeProto)ONNX__ATTRIBUTE_PROTO__INIT;
    a->name = om_strdup(m, name);
    a->has_type = 1;
    a->type = type;
    n->attribute = (Onnx__AttributeProto **)push(m, (void **)n->attribute, &n->n_attribute, a);
    return a;
}

void om_attr_int(om_model *m, Onnx__NodeProto *n, const char *name, int64_t v)
{
    Onnx__AttributeProto *a = attr(m, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT);
    a->has_i = 1;
    a->i = v;
}

void om_attr_ints(om_model *m, Onnx__NodeProto *n, const char *name, const int64_t *v, int count)
{
    Onnx__AttributeProto *a = attr(m, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS);
    a->n_ints = (size_t)count;
    a->ints = om_alloc(m, (size_t)count * sizeof *a->ints);
    memcpy(a->ints, v, (size_t)count * sizeof *v);
}

void om_attr_float(om_model *m, Onnx__NodeProto *n, const char *name, float v)
{
    Onnx__AttributeProto *a = attr(m, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT);
    a->has_f = 1;
    a->f = v;
}

void om_attr_floats(om_model *m, Onnx__NodeProto *n, const char *name, const float *v, int count)
{
    Onnx__AttributeProto *a = attr(m, n, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOATS);
    a->n_floats = (size_t)count;
    a->floats = om_alloc(m, (size_t)count * sizeof *a->floats);
    memcpy(a->floats, v, (size_t)count * sizeof *v);
}

static Onnx__TensorProto *tensor(om_model *m, const char *name, const int64_t *dims, int nd,
                                 int type)
{
    Onnx__TensorProto *t = om_alloc(m, sizeof *t);
    *t = (Onnx__TensorProto)ONNX__TENSOR_PROTO__INIT;
    t->name = om_strdup(m, name);
    t->has_data_type = 1;
    t->data_type = type;
    t->n_dims = (size_t)nd;
    t->dims = om_alloc(m, (size_t)nd * sizeof *t->dims);
    memcpy(t->dims, dims, (size_t)nd * sizeof *dims);
    m->graph.initializer =
        (Onnx__TensorProto **)push(m, (void **)m->graph.initializer, &m->graph.n_initializer, t);
    return t;
}

static size_t dims_count(const int64_t *dims, int nd)
{
    size_t c = 1;
    for (int i = 0; i < nd; i++)
        c *= (size_t)dims[i];
    return c;
}

Onnx__TensorProto *om_init_f32(om_model *m, const char *name, const int64_t *dims, int nd,
                               const float *data, int raw)
{
    Onnx__TensorProto *t = tensor(m, name, dims, nd, ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT);
    size_t count = dims_count(dims, nd);
    if (raw) {
        uint8_t *p = om_alloc(m, 4 * count);
        for (size_t i = 0; i < count; i++) {
            uint32_t u = 0;
            if (data)
                memcpy(&u, &data[i], 4);
            for (int b = 0; b < 4; b++)
                p[4 * i + (size_t)b] = (uint8_t)(u >> (8 * b)); /* little-endian on any host */
        }
        t->has_raw_data = 1;
        t->raw_data.data = p;
        t->raw_data.len = 4 * count;
    } else {
        t->float_data = om_alloc(m, count * sizeof(float));
        t->n_float_data = count;
        if (data)
            memcpy(t->float_data, data, count * sizeof(float));
    }
    return t;
}

Onnx__TensorProto *om_init_i64(om_model *m, const char *name, const int64_t *dims, int nd,
                               const int64_t *data)
{
    Onnx__TensorProto *t = tensor(m, name, dims, nd, ONNX__TENSOR_PROTO__DATA_TYPE__INT64);
    size_t count = dims_count(dims, nd);
    t->int64_data = om_alloc(m, count * sizeof(int64_t));
    t->n_int64_data = count;
    memcpy(t->int64_data, data, count * sizeof(int64_t));
    return t;
}

void om_output(om_model *m, const char *name, const int64_t *dims, int nd)
{
    m->graph.output = (Onnx__ValueInfoProto **)push(m, (void **)m->graph.output, &m->graph.n_output,
                                                    value_info(m, name, dims, nd));
}

unsigned char *om_pack(om_model *m, size_t *len)
{
    *len = onnx__model_proto__get_packed_size(&m->model);
    unsigned char *buf = malloc(*len ? *len : 1);
    if (!buf)
        abort();
    onnx__model_proto__pack(&m->model, buf);
    return buf;
}

static int write_file(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    int ok = fwrite(buf, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

int om_save(om_model *m, const char *path, size_t keep)
{
    size_t len;
    unsigned char *buf = om_pack(m, &len);
    int ok = write_file(path, buf, keep && keep < len ? keep : len);
    free(buf);
    return ok;
}

int om_write_tensor(const char *path, const float *data, const int64_t *dims, int nd, int raw)
{
    om_model *m = om_new("x", 1, 1, "");
    Onnx__TensorProto *t = om_init_f32(m, "t", dims, nd, data, raw);
    size_t len = onnx__tensor_proto__get_packed_size(t);
    unsigned char *buf = malloc(len ? len : 1);
    onnx__tensor_proto__pack(t, buf);
    int ok = write_file(path, buf, len);
    free(buf);
    om_free(m);
    return ok;
}

/* ---------------------------------------------------------------- AlexNet */

void om_opts_zoo(om_opts *o)
{
    static const int w[8] = {8, 16, 24, 24, 16, 32, 32, 10};
    memset(o, 0, sizeof *o);
    memcpy(o->width, w, sizeof w);
    o->input_size = 224;
    o->pool_pad_end = 1;
    o->fc = OM_FC_GEMM_T;
    o->softmax = 1;
    o->opset = 12;
    o->seed = 1;
}

void om_opts_torch(om_opts *o)
{
    om_opts_zoo(o);
    o->torch_style = 1;
    o->lrn_after_pool = 1;
    o->pool_ceil = 1;
    o->pool_pad_end = 0;
    o->softmax = 0;
    o->opset = 13;
}

void om_config(const om_opts *o, net_config *c)
{
    net_config_default(c);
    memcpy(c->width, o->width, sizeof c->width);
    c->input_size = o->input_size;
    c->pool_round = o->pool_ceil ? NET_ROUND_CEIL : NET_ROUND_FLOOR;
    c->pool_pad_end = o->pool_ceil ? 0 : o->pool_pad_end;
    c->lrn_after_pool = o->lrn_after_pool;
}

static uint64_t mix(uint64_t z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

float om_value(const om_opts *o, int layer, int is_bias, int64_t j, int64_t fan_in)
{
    uint64_t h = mix(o->seed ^ mix((uint64_t)(layer * 2 + is_bias) << 40 ^ (uint64_t)j));
    float u = (float)(h >> 40) * (2.0f / 16777216.0f) - 1.0f;
    /* He-scaled weights keep activations of the input's size through the layers, so that LRN
     * (k=1, α/n = 2e-5) has something to act on */
    return is_bias ? 0.5f * u : u * sqrtf(6.0f / (float)fan_in);
}

void om_fill_net(const om_opts *o, net *n)
{
    for (int i = 0; i < net_stage_count(n); i++) {
        const net_stage *s = net_stage_at(n, i);
        if (!s->n_w)
            continue;
        float *w = net_weights(n, i), *b = net_biases(n, i);
        int64_t fan_in = s->n_w / s->out_c;
        for (int64_t j = 0; j < s->n_w; j++)
            w[j] = om_value(o, s->layer, 0, j, fan_in);
        for (int64_t j = 0; j < s->n_b; j++)
            b[j] = om_value(o, s->layer, 1, j, fan_in);
    }
    net_set_untrained(n, 0);
}

void om_input(int S, float *x)
{
    for (uint32_t i = 0; i < 3u * (uint32_t)S * (uint32_t)S; i++) {
        uint32_t h = i * 2654435761u;
        x[i] = (float)(h >> 8) * (255.0f / 16777216.0f) - 128.0f;
    }
}

/* Names in the two layouts: the zoo's conv1_w_0 / conv1_1, PyTorch's features.0.weight /
 * /features/features.0/Conv_output_0. */
static const int torch_index[8] = {0, 3, 6, 8, 10, 1, 4, 6};

static void tensor_name(const om_opts *o, int layer, int is_bias, char *buf, size_t len)
{
    if (o->torch_style)
        snprintf(buf, len, "%s.%d.%s", layer <= 5 ? "features" : "classifier",
                 torch_index[layer - 1], is_bias ? "bias" : "weight");
    else
        snprintf(buf, len, "%s%d_%c_0", layer <= 5 ? "conv" : "fc", layer, is_bias ? 'b' : 'w');
}

/* Output tensor name of the next node, and its node name. */
static void next_names(const om_opts *o, const char *stage, const char *op, int *count, char *out,
                       char *node, size_t len)
{
    (*count)++;
    if (o->torch_style) {
        snprintf(node, len, "/%.16s_%d/%.16s", stage, *count, op);
        snprintf(out, len, "/%.16s_%d/%.16s_output_0", stage, *count, op);
    } else {
        /* the Caffe2 converter names outputs after the layer and leaves nodes unnamed */
        snprintf(out, len, "%.16s_%d", stage, *count);
        node[0] = 0;
    }
}

om_model *om_alexnet(const om_opts *o)
{
    net_config c;
    net_table table;
    const net_stage *st = table.s;
    om_config(o, &c);
    int n_st = net_table_build(&c, &table, NULL);
    if (!n_st)
        return NULL;
    const char *input = o->torch_style ? "input" : "data_0";
    om_model *m = om_new(input, o->input_size, o->opset, o->torch_style ? "pytorch" : "caffe2");
    char cur[96], out[96], node[96], wn[64], bn[64];
    int count = 0;
    snprintf(cur, sizeof cur, "%s", input);
    const char *layer_stage = "conv1";
    for (int i = 0; i < n_st; i++) {
        const net_stage *s = &st[i];
        Onnx__NodeProto *n = NULL;
        if (s->op == NET_OP_CONV || s->op == NET_OP_FC) {
            layer_stage = s->name;
            count = 0;
        }
        if (s->op == NET_OP_CONV || s->op == NET_OP_FC) {
            int l = s->layer;
            tensor_name(o, l, 0, wn, sizeof wn);
            tensor_name(o, l, 1, bn, sizeof bn);
            snprintf(m->names[l - 1][0], sizeof m->names[0][0], "%s", wn);
            snprintf(m->names[l - 1][1], sizeof m->names[0][1], "%s", bn);
            int64_t fan_in = s->n_w / s->out_c;
            /* torchvision's layout has no groups: its weights are larger than the table's */
            int64_t n_w = o->torchvision && s->groups > 1 ? s->n_w * s->groups : s->n_w;
            float *w = malloc(sizeof(float) * (size_t)n_w);
            float *b = malloc(sizeof(float) * (size_t)s->n_b);
            int transposed = s->op == NET_OP_FC && o->fc != OM_FC_GEMM_T;
            for (int64_t j = 0; j < n_w; j++) {
                /* j indexes the file's layout; r, k the engine's (out, in) */
                int64_t r = transposed ? j % s->out_c : j / fan_in;
                int64_t k = transposed ? j / s->out_c : j % fan_in;
                w[j] = om_value(o, l, 0, r * fan_in + k, fan_in);
            }
            for (int64_t j = 0; j < s->n_b; j++)
                b[j] = om_value(o, l, 1, j, fan_in);
            int raw = o->torch_style;
            if (s->op == NET_OP_CONV) {
                int64_t wd[4] = {s->out_c, s->in_c / s->groups, s->k, s->k}, bd[1] = {s->out_c};
                int pad = o->torchvision && l == 1 ? 2 : s->pad;
                int groups = o->torchvision ? 1 : s->groups;
                if (o->torchvision)
                    wd[1] = s->in_c;
                om_init_f32(m, wn, wd, 4, w, raw);
                om_init_f32(m, bn, bd, 1, b, raw);
                next_names(o, layer_stage, "Conv", &count, out, node, sizeof out);
                n = om_node(m, "Conv", node, (const char *[]){cur, wn, bn, NULL},
                            (const char *[]){out, NULL});
                int64_t k2[2] = {s->k, s->k}, st2[2] = {s->stride, s->stride};
                int64_t pads[4] = {pad, pad, pad, pad}, dil[2] = {1, 1};
                om_attr_ints(m, n, "kernel_shape", k2, 2);
                om_attr_ints(m, n, "strides", st2, 2);
                om_attr_ints(m, n, "pads", pads, 4);
                if (o->torch_style)
                    om_attr_ints(m, n, "dilations", dil, 2);
                if (groups > 1 || !o->torch_style)
                    om_attr_int(m, n, "group", groups);
            } else {
                int64_t in = fan_in, wd[2] = {s->out_c, in}, bd[1] = {s->out_c};
                if (transposed)
                    wd[0] = in, wd[1] = s->out_c;
                om_init_f32(m, wn, wd, 2, w, raw);
                om_init_f32(m, bn, bd, 1, b, raw);
                if (o->torch_style && l < 8) {
                    /* torchvision's classifier puts dropout before fc6 and fc7 */
                    next_names(o, layer_stage, "Dropout", &count, out, node, sizeof out);
                    om_node(m, "Dropout", node, (const char *[]){cur, NULL},
                            (const char *[]){out, NULL});
                    snprintf(cur, sizeof cur, "%s", out);
                }
                if (o->fc == OM_FC_MATMUL) {
                    char mm[96];
                    next_names(o, layer_stage, "MatMul", &count, mm, node, sizeof mm);
                    om_node(m, "MatMul", node, (const char *[]){cur, wn, NULL},
                            (const char *[]){mm, NULL});
                    next_names(o, layer_stage, "Add", &count, out, node, sizeof out);
                    om_node(m, "Add", node, (const char *[]){mm, bn, NULL},
                            (const char *[]){out, NULL});
                } else {
                    next_names(o, layer_stage, "Gemm", &count, out, node, sizeof out);
                    n = om_node(m, "Gemm", node, (const char *[]){cur, wn, bn, NULL},
                                (const char *[]){out, NULL});
                    om_attr_float(m, n, "alpha", 1.0f);
                    om_attr_float(m, n, "beta", 1.0f);
                    om_attr_int(m, n, "transB", o->fc == OM_FC_GEMM_T);
                }
            }
            free(w);
            free(b);
        } else if (s->op == NET_OP_RELU) {
            next_names(o, layer_stage, "Relu", &count, out, node, sizeof out);
            om_node(m, "Relu", node, (const char *[]){cur, NULL}, (const char *[]){out, NULL});
        } else if (s->op == NET_OP_LRN) {
            if (o->torchvision)
                continue;
            next_names(o, s->name, "LRN", &count, out, node, sizeof out);
            n = om_node(m, "LRN", node, (const char *[]){cur, NULL}, (const char *[]){out, NULL});
            om_attr_int(m, n, "size", c.lrn.n);
            om_attr_float(m, n, "alpha", c.lrn.alpha);
            om_attr_float(m, n, "beta", c.lrn.beta);
            om_attr_float(m, n, "bias", c.lrn.k);
            count = 0;
        } else if (s->op == NET_OP_POOL) {
            next_names(o, s->name, "MaxPool", &count, out, node, sizeof out);
            n = om_node(m, "MaxPool", node, (const char *[]){cur, NULL},
                        (const char *[]){out, NULL});
            int64_t k2[2] = {3, 3}, st2[2] = {2, 2}, pe = o->pool_ceil ? 0 : o->pool_pad_end;
            int64_t pads[4] = {0, 0, pe, pe};
            om_attr_ints(m, n, "kernel_shape", k2, 2);
            om_attr_ints(m, n, "strides", st2, 2);
            om_attr_ints(m, n, "pads", pads, 4);
            if (o->pool_ceil)
                om_attr_int(m, n, "ceil_mode", 1);
            count = 0;
            if (s->layer == 5) {
                snprintf(cur, sizeof cur, "%s", out);
                int64_t flat = (int64_t)s->out_c * s->out_h * s->out_w;
                if (o->torch_style) {
                    snprintf(out, sizeof out, "/Flatten_output_0");
                    n = om_node(m, "Flatten", "/Flatten", (const char *[]){cur, NULL},
                                (const char *[]){out, NULL});
                    om_attr_int(m, n, "axis", 1);
                } else {
                    int64_t sd[1] = {2}, shape[2] = {1, flat};
                    om_init_i64(m, "OC2_DUMMY_1", sd, 1, shape);
                    snprintf(out, sizeof out, "OC2_DUMMY_0");
                    om_node(m, "Reshape", "", (const char *[]){cur, "OC2_DUMMY_1", NULL},
                            (const char *[]){out, NULL});
                }
            }
        } else if (s->op == NET_OP_DROPOUT) {
            if (o->torch_style)
                continue;
            next_names(o, layer_stage, "Dropout", &count, out, node, sizeof out);
            if (o->opset >= 12) {
                /* opset 12 made the ratio an input, which exporters feed from a Constant */
                char ratio[96];
                snprintf(ratio, sizeof ratio, "%.80s_ratio", out);
                n = om_node(m, "Constant", "", NULL, (const char *[]){ratio, NULL});
                Onnx__AttributeProto *a =
                    attr(m, n, "value", ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__TENSOR);
                Onnx__TensorProto *t = om_alloc(m, sizeof *t);
                *t = (Onnx__TensorProto)ONNX__TENSOR_PROTO__INIT;
                t->has_data_type = 1;
                t->data_type = ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
                t->float_data = om_alloc(m, sizeof(float));
                t->float_data[0] = 0.5f;
                t->n_float_data = 1;
                a->t = t;
                om_node(m, "Dropout", "", (const char *[]){cur, ratio, NULL},
                        (const char *[]){out, NULL});
            } else {
                n = om_node(m, "Dropout", "", (const char *[]){cur, NULL},
                            (const char *[]){out, NULL});
                if (o->legacy)
                    om_attr_float(m, n, "ratio", 0.5f);
            }
            if (o->legacy) {
                /* caffe2's Dropout also wrote its mask, which nothing reads */
                Onnx__NodeProto *d = m->graph.node[m->graph.n_node - 1];
                char mask[96];
                snprintf(mask, sizeof mask, "_%.80s_mask", out);
                d->output = (char **)push(m, (void **)d->output, &d->n_output, om_strdup(m, mask));
            }
        } else if (s->op == NET_OP_SOFTMAX) {
            if (!o->softmax)
                continue;
            snprintf(out, sizeof out, "%s", o->torch_style ? "output" : "prob_1");
            n = om_node(m, "Softmax", o->torch_style ? "/Softmax" : "", (const char *[]){cur, NULL},
                        (const char *[]){out, NULL});
            om_attr_int(m, n, "axis", 1);
        }
        snprintf(cur, sizeof cur, "%s", out);
    }
    int64_t od[2] = {1, o->width[7]};
    om_output(m, cur, od, 2);
    if (o->legacy) {
        /* IR version 3 listed every initializer among the graph's inputs; the image goes last */
        Onnx__ValueInfoProto *image = m->graph.input[0];
        m->graph.n_input = 0;
        for (size_t i = 0; i < m->graph.n_initializer; i++) {
            const Onnx__TensorProto *t = m->graph.initializer[i];
            Onnx__ValueInfoProto *v = value_info(m, t->name, t->dims, (int)t->n_dims);
            v->type->tensor_type->elem_type = t->data_type;
            m->graph.input =
                (Onnx__ValueInfoProto **)push(m, (void **)m->graph.input, &m->graph.n_input, v);
        }
        m->graph.input =
            (Onnx__ValueInfoProto **)push(m, (void **)m->graph.input, &m->graph.n_input, image);
        m->model.ir_version = 3;
    }
    return m;
}
