/* onnx.c: AlexNet's weights from an ONNX file (the model zoo's bvlcalexnet, or any file of the
 * same topology at other channel widths), and the TensorProto files of ONNX test folders.
 *
 * The idea: an ONNX file is a graph, AlexNet is a chain. The loader walks the nodes in order,
 * following the one tensor that flows from the image input, and turns each node into an item
 * (conv, relu, LRN, pool, flatten, fc, dropout, softmax). The items must spell AlexNet; the file's
 * geometry (input size, widths, pool rounding, LRN parameters and position) becomes a net_config;
 * the stage table built from that config must then agree with the file node by node: kernels,
 * strides, pads, groups, every weight's shape. Only then is the net allocated and the weights
 * copied, one tensor at a time, each tensor's payload freed as soon as it is copied, so that the
 * decoded message is the only extra copy of the weights ever held once the file's bytes are
 * let go.
 *
 * Decoding is protobuf-c's, with code generated at build time from Debian's onnx.proto, through a
 * counting allocator so that a hostile file cannot make decoding take unbounded memory.
 * Deliberately not here: running arbitrary graphs, external data files, float16 or quantized
 * weights.
 */
#define _DEFAULT_SOURCE /* madvise */

#include "alexnet.h"
#include "net_internal.h"
#include "onnx.pb-c.h"
#include "pb_scan.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_ITEMS 64         /* AlexNet needs 22 plus its dropouts */
#define MAX_CONSTS 32        /* Constant nodes in the attribute forms (value_ints, …) */
#define MAX_NODES 512        /* the zoo's graph has 24; anything far larger is another network */
#define MAX_SCAN_NODES 4096  /* nodes read at all; beyond MAX_NODES only to name the network */
#define MAX_LIST 4096        /* graph inputs, outputs, initializers */
#define MAX_NODE_LIST 64     /* a node's inputs, outputs, attributes */
#define MAX_NAME 4096        /* bytes of a name (the zoo's longest has 12) */
#define MAX_FILE (4LL << 30) /* bvlcalexnet is 244 MB */
#define MAX_PB (256LL << 20) /* a test folder's tensor: the zoo's input is 602 KB */
#define MAX_SIDE 1024        /* the zoo takes 224; larger inputs only make im2col huge */

/* Guaranteed non-NULL text from an optional protobuf string. */
#define S(x) ((x) ? (x) : "")

/* ---------------------------------------------------------------- counting allocator */

/* protobuf-c allocates through this: it caps the bytes a file may make decoding allocate, and
 * it lets the loader free one tensor's payload while the rest of the message lives on. */
typedef struct {
    size_t used, limit;
    int over;
} budget;

typedef union {
    size_t size;
    max_align_t align;
} block_head;

/* A weight tensor's payload (fc6's is 151 MB) goes on transparent huge pages: faulting it in
 * 4 KB at a time took most of a 0.7 s decode on the machines we measured, 2 MB pages under 0.1 s.
 * Smaller blocks come from malloc as usual; free() takes both. */
static void *big_alloc(size_t bytes)
{
    const size_t huge = (size_t)2 << 20;
    if (bytes < huge)
        return malloc(bytes);
    void *p;
    size_t rounded = (bytes + huge - 1) / huge * huge;
    if (rounded < bytes || posix_memalign(&p, huge, rounded))
        return NULL;
    madvise(p, rounded, MADV_HUGEPAGE);
    return p;
}

static void *budget_alloc(void *data, size_t size)
{
    budget *b = data;
    if (size > b->limit - b->used || size > SIZE_MAX - sizeof(block_head)) {
        b->over = 1;
        return NULL;
    }
    block_head *h = big_alloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    b->used += size;
    return h + 1;
}

static void budget_free(void *data, void *p)
{
    if (!p)
        return;
    budget *b = data;
    block_head *h = (block_head *)p - 1;
    b->used -= h->size;
    free(h);
}

/* Decoding needs about the file's size again; small submessages cost more than their bytes,
 * hence the margin, but nothing near what a crafted file could otherwise ask for. */
static void budget_init(budget *b, ProtobufCAllocator *a, size_t file_len)
{
    b->used = 0;
    b->over = 0;
    b->limit = (size_t)(64 << 20) + (file_len < SIZE_MAX / 8 ? file_len * 4 : SIZE_MAX / 2);
    a->alloc = budget_alloc;
    a->free = budget_free;
    a->allocator_data = b;
}

/* ---------------------------------------------------------------- the loader's state */

typedef enum {
    IT_CONV,
    IT_RELU,
    IT_LRN,
    IT_POOL,
    IT_FLATTEN,
    IT_FC,
    IT_DROPOUT,
    IT_SOFTMAX
} item_kind;

static const char *const kind_ops[] = {
    "Conv",    "Relu",    "LRN", "MaxPool", N_("Reshape or Flatten"), N_("Gemm or MatMul"),
    "Dropout", "Softmax",
};

/* One node (or MatMul + Add) of the chain. */
typedef struct {
    item_kind kind;
    const Onnx__NodeProto *node;
    int index;                                 /* the node's position in the graph */
    int k[2], stride[2], pads[4], group, ceil; /* conv and pool; pads are (y0, x0, y1, x1) */
    int lrn_size;
    float alpha, beta, bias;
    Onnx__TensorProto *w, *b; /* conv: (M, C/g, K, K), (M); fc: see transposed, (N) */
    int transposed;           /* fc: w is (in, out) (Gemm transB=0, MatMul), not (out, in) */
    int matmul;               /* fc: MatMul (+ Add for the bias) */
    int64_t shape[4];         /* Reshape: its target shape, shape_n values (0: Flatten) */
    int shape_n;
    int flatten_axis; /* Flatten: its axis */
} item;

typedef struct {
    const char *file;
    net_err *err;
    Onnx__ModelProto *m;
    Onnx__GraphProto *g;
    budget mem;
    ProtobufCAllocator alloc;
    int64_t opset;
    const Onnx__ValueInfoProto *input;
    int input_size;
    const char *last; /* the tensor the chain ends in */
    item it[MAX_ITEMS];
    int n_it;
    /* the expected AlexNet sequence (no dropouts), the item matched to each, its stage name */
    item *match[24];
    const char *match_name[24];
    int n_match;
    int lrn_after_pool;
    /* Constant nodes written as value_ints, value_floats, value_int or value_float, as tensors
     * that borrow the attribute's numbers */
    Onnx__TensorProto consts[MAX_CONSTS];
    int64_t const_dims[MAX_CONSTS];
    int n_consts;
    /* every constant by name: initializers, Constant nodes' values, the attribute forms */
    struct {
        const char *name;
        Onnx__TensorProto *t;
        int initializer;
    } * index;
    size_t index_cap; /* a power of two, at least twice the constants */
} loader;

/* Names come from the file: whatever bytes they hold, text made from them is one line of valid
 * UTF-8 (odd bytes as \xNN). */
static void one_line(char *s, size_t cap)
{
    char clean[512];
    net_text_escape(s, clean, sizeof clean < cap ? sizeof clean : cap);
    memcpy(s, clean, strlen(clean) + 1);
}

/* "FILE: " and the message; net_err keeps the format ("%s: " and fmt) and its arguments, so a
 * catalog translates it (tests/test_msg.c scans onnx_fail's formats too). */
static net_status onnx_fail(loader *L, net_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static net_status onnx_fail(loader *L, net_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    net_vfail_in(L->err, st, L->file, fmt, ap); /* one clean line */
    va_end(ap);
    return st;
}

/* Another part's message (e) as the loader's: "FILE: " before it, e's format and arguments kept
 * behind a "%s: " for the file. */
static net_status onnx_fail_err(loader *L, const net_err *e)
{
    net_err *o = L->err;
    if (!o || o == e)
        return e->status;
    char msg[sizeof o->msg + 256];
    snprintf(msg, sizeof msg, "%s: %s", L->file, e->msg);
    net_text_escape(msg, o->msg, sizeof o->msg);
    size_t flen = strlen(e->fmt);
    if (e->fmt[0] && e->n_args < NET_ERR_ARGS && flen + 4 < sizeof o->fmt) {
        memcpy(o->fmt, "%s: ", 4);
        memcpy(o->fmt + 4, e->fmt, flen + 1);
        memcpy(o->args[1], e->args[0], sizeof o->args[0] * (size_t)e->n_args);
        net_text_escape(L->file, o->args[0], sizeof o->args[0]);
        o->n_args = e->n_args + 1;
    } else {
        o->fmt[0] = 0;
        o->n_args = 0;
    }
    o->status = e->status;
    return e->status;
}

/* "'conv2_1' (Conv)" or, for unnamed nodes (the zoo's), "#4 (Conv → 'conv2_1')": a node, as
 * the messages name it ("node %s", so that the word is the catalog's). */
static const char *label(const Onnx__NodeProto *n, int index, char *buf, size_t len)
{
    if (*S(n->name))
        snprintf(buf, len, "'%.60s' (%.40s)", n->name, S(n->op_type));
    else if (n->n_output >= 1)
        snprintf(buf, len, "#%d (%.40s → '%.40s')", index, S(n->op_type), n->output[0]);
    else
        snprintf(buf, len, "#%d (%.40s)", index, S(n->op_type));
    return buf;
}

#define LABEL(it) label((it)->node, (it)->index, lab, sizeof lab)

/* "[256,48,5,5]", in DIMS_TEXT bytes */
#define DIMS_TEXT 96
static const char *dims_text(const Onnx__TensorProto *t, char *buf, size_t len)
{
    size_t o = 0;
    buf[0] = 0;
    o += (size_t)snprintf(buf + o, len - o, "[");
    for (size_t i = 0; i < t->n_dims && o < len; i++)
        o += (size_t)snprintf(buf + o, len - o, "%s%lld", i ? "," : "", (long long)t->dims[i]);
    if (o < len)
        snprintf(buf + o, len - o, "]");
    return buf;
}

/* ---------------------------------------------------------------- lookups */

static const Onnx__AttributeProto *find_attr(const Onnx__NodeProto *n, const char *name)
{
    for (size_t i = 0; i < n->n_attribute; i++)
        if (n->attribute[i] && !strcmp(S(n->attribute[i]->name), name))
            return n->attribute[i];
    return NULL;
}

/* FNV-1a: names are looked up for every input of every node, so by hash, not by a scan. */
static size_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

static size_t index_slot(const loader *L, const char *name)
{
    size_t i = name_hash(name) & (L->index_cap - 1);
    while (L->index[i].name && strcmp(L->index[i].name, name))
        i = (i + 1) & (L->index_cap - 1);
    return i;
}

/* Adds a constant unless its name is taken: the first of a name wins, initializers first. */
static void index_add(loader *L, const char *name, Onnx__TensorProto *t, int initializer)
{
    if (!name || !*name || !t)
        return;
    size_t i = index_slot(L, name);
    if (!L->index[i].name) {
        L->index[i].name = name;
        L->index[i].t = t;
        L->index[i].initializer = initializer;
    }
}

/* An initializer, or the value of a Constant node, by tensor name. */
static Onnx__TensorProto *find_const(const loader *L, const char *name)
{
    if (!*name || !L->index)
        return NULL;
    return L->index[index_slot(L, name)].t;
}

/* Constant nodes in the attribute forms opset 12 added become tensors that find_const sees. */
static void make_consts(loader *L)
{
    static const char *const forms[] = {"value_ints", "value_floats", "value_int", "value_float"};
    for (size_t i = 0; i < L->g->n_node && L->n_consts < MAX_CONSTS; i++) {
        const Onnx__NodeProto *n = L->g->node[i];
        if (strcmp(S(n->op_type), "Constant") || n->n_output < 1 || find_attr(n, "value"))
            continue;
        for (int f = 0; f < 4; f++) {
            Onnx__AttributeProto *a = (Onnx__AttributeProto *)find_attr(n, forms[f]);
            if (!a)
                continue;
            Onnx__TensorProto *t = &L->consts[L->n_consts];
            *t = (Onnx__TensorProto)ONNX__TENSOR_PROTO__INIT;
            t->name = n->output[0];
            t->has_data_type = 1;
            t->data_type =
                f % 2 ? ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT : ONNX__TENSOR_PROTO__DATA_TYPE__INT64;
            if (f < 2) { /* a list: one dimension */
                L->const_dims[L->n_consts] = f ? (int64_t)a->n_floats : (int64_t)a->n_ints;
                t->dims = &L->const_dims[L->n_consts];
                t->n_dims = 1;
            }
            switch (f) {
            case 0: t->int64_data = a->ints, t->n_int64_data = a->n_ints; break;
            case 1: t->float_data = a->floats, t->n_float_data = a->n_floats; break;
            case 2: t->int64_data = &a->i, t->n_int64_data = 1; break;
            default: t->float_data = &a->f, t->n_float_data = 1; break;
            }
            L->n_consts++;
            break;
        }
    }
}

/* The index of every constant; called once make_consts has run. */
static net_status build_index(loader *L)
{
    size_t want = 2 * (L->g->n_initializer + L->g->n_node + (size_t)L->n_consts) + 2, cap = 16;
    while (cap < want)
        cap *= 2;
    L->index = calloc(cap, sizeof *L->index);
    if (!L->index)
        return onnx_fail(L, NET_ERR_NOMEM, "out of memory");
    L->index_cap = cap;
    for (size_t i = 0; i < L->g->n_initializer; i++)
        if (L->g->initializer[i])
            index_add(L, L->g->initializer[i]->name, L->g->initializer[i], 1);
    for (size_t i = 0; i < L->g->n_node; i++) {
        const Onnx__NodeProto *n = L->g->node[i];
        const Onnx__AttributeProto *a;
        if (!strcmp(S(n->op_type), "Constant") && n->n_output >= 1 && (a = find_attr(n, "value")))
            index_add(L, n->output[0], a->t, 0);
    }
    for (int i = 0; i < L->n_consts; i++)
        index_add(L, L->consts[i].name, &L->consts[i], 0);
    return NET_OK;
}

/* Counts bounded before anything walks them, so that every later step is linear in the file:
 * the node count is also where a large network of another family is told apart. */
static net_status check_counts(loader *L)
{
    const Onnx__GraphProto *g = L->g;
    if (g->n_node > MAX_NODES)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "a different network: %zu nodes; AlexNet has about "
                         "25",
                         g->n_node);
    if (g->n_input > MAX_LIST || g->n_output > MAX_LIST || g->n_initializer > MAX_LIST)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "a different network: %zu inputs, %zu outputs and "
                         "%zu initializers; at most %d of each are read (AlexNet has 17, 1, 16)",
                         g->n_input, g->n_output, g->n_initializer, MAX_LIST);
    for (size_t i = 0; i < g->n_node; i++) {
        const Onnx__NodeProto *n = g->node[i];
        if (n->n_input > MAX_NODE_LIST || n->n_output > MAX_NODE_LIST ||
            n->n_attribute > MAX_NODE_LIST) {
            char lab[160];
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s has %zu inputs, %zu outputs and %zu "
                             "attributes; at most %d of each are read",
                             label(n, (int)i, lab, sizeof lab), n->n_input, n->n_output,
                             n->n_attribute, MAX_NODE_LIST);
        }
    }
    return NET_OK;
}

static int attr_is(const Onnx__AttributeProto *a, Onnx__AttributeProto__AttributeType type)
{
    if (a->has_type)
        return a->type == type;
    /* IR version 1 files may leave the type out; infer it from what is present */
    switch ((int)type) {
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT: return a->has_i;
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT: return a->has_f;
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS: return a->n_ints > 0;
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING: return a->has_s;
    }
    return 0;
}

/* Integer attribute in [lo, hi], or def when absent. */
static net_status get_int(loader *L, const item *it, const char *name, int def, int lo, int hi,
                          int *out)
{
    char lab[160];
    const Onnx__AttributeProto *a = find_attr(it->node, name);
    *out = def;
    if (!a)
        return NET_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT))
        return onnx_fail(L, NET_ERR_FORMAT, "node %s: attribute '%s' is not an integer", LABEL(it),
                         name);
    if (a->i < lo || a->i > hi)
        return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: %s = %lld; expected %d..%d", LABEL(it),
                         name, (long long)a->i, lo, hi);
    *out = (int)a->i;
    return NET_OK;
}

static net_status get_float(loader *L, const item *it, const char *name, float def, float *out)
{
    char lab[160];
    const Onnx__AttributeProto *a = find_attr(it->node, name);
    *out = def;
    if (!a)
        return NET_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT))
        return onnx_fail(L, NET_ERR_FORMAT, "node %s: attribute '%s' is not a float", LABEL(it),
                         name);
    if (!isfinite(a->f))
        return onnx_fail(L, NET_ERR_VALUE, "node %s: %s is %g", LABEL(it), name, a->f);
    *out = a->f;
    return NET_OK;
}

/* A list of exactly n small integers, or def (n values) when absent. */
static net_status get_ints(loader *L, const item *it, const char *name, int n, const int *def,
                           int *out)
{
    char lab[160];
    const Onnx__AttributeProto *a = find_attr(it->node, name);
    if (!a) {
        memcpy(out, def, sizeof(int) * (size_t)n);
        return NET_OK;
    }
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS))
        return onnx_fail(L, NET_ERR_FORMAT, "node %s: attribute '%s' is not a list of integers",
                         LABEL(it), name);
    if (a->n_ints != (size_t)n)
        return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: %s has %zu values; expected %d (2-D)",
                         LABEL(it), name, a->n_ints, n);
    for (int i = 0; i < n; i++) {
        if (a->ints[i] < 0 || a->ints[i] > 4096)
            return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: %s[%d] = %lld; expected 0..4096",
                             LABEL(it), name, i, (long long)a->ints[i]);
        out[i] = (int)a->ints[i];
    }
    return NET_OK;
}

/* auto_pad must leave the pads to the pads attribute (NOTSET) or mean none (VALID). */
static net_status check_auto_pad(loader *L, const item *it)
{
    char lab[160];
    const Onnx__AttributeProto *a = find_attr(it->node, "auto_pad");
    if (!a)
        return NET_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING))
        return onnx_fail(L, NET_ERR_FORMAT, "node %s: auto_pad is not a string", LABEL(it));
    char v[32] = "";
    snprintf(v, sizeof v, "%.*s", (int)(a->s.len < 31 ? a->s.len : 31), (const char *)a->s.data);
    if (!strcmp(v, "NOTSET") || !strcmp(v, "") || !strcmp(v, "VALID"))
        return NET_OK;
    return onnx_fail(L, NET_ERR_UNSUPPORTED,
                     "node %s: auto_pad %s; expected explicit pads (NOTSET)", LABEL(it), v);
}

/* ---------------------------------------------------------------- what kind of file is this */

static int is_initializer(const loader *L, const char *name)
{
    return *name && L->index && L->index[index_slot(L, name)].initializer;
}

/* The image input: the one graph input that is not an initializer (files of IR version < 4 list
 * every weight as an input too), of shape (1 or N, 3, S, S), float. */
static net_status find_input(loader *L)
{
    const Onnx__ValueInfoProto *in = NULL;
    int count = 0;
    for (size_t i = 0; i < L->g->n_input; i++) {
        const Onnx__ValueInfoProto *v = L->g->input[i];
        if (!v || is_initializer(L, S(v->name)))
            continue;
        if (!count++)
            in = v;
    }
    if (count != 1)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "the graph has %d inputs besides its weights; "
                         "AlexNet has one, the image",
                         count);
    L->input = in;
    const char *name = S(in->name);
    const Onnx__TypeProto *tp = in->type;
    if (!tp || tp->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE || !tp->tensor_type)
        return onnx_fail(L, NET_ERR_UNSUPPORTED, "input '%.60s' is not a tensor", name);
    const Onnx__TypeProto__Tensor *tt = tp->tensor_type;
    if (tt->elem_type != ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "input '%.60s' has element type %d; expected float32 "
                         "(1)",
                         name, tt->elem_type);
    const Onnx__TensorShapeProto *sh = tt->shape;
    if (!sh || sh->n_dim != 4)
        return onnx_fail(L, NET_ERR_SHAPE,
                         "input '%.60s' has %zu dimensions; expected 4 "
                         "(1, 3, S, S)",
                         name, sh ? sh->n_dim : 0);
    int64_t d[4];
    for (int i = 0; i < 4; i++) {
        const Onnx__TensorShapeProto__Dimension *dim = sh->dim[i];
        int fixed = dim && dim->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
        if (!fixed && i >= 1)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "input '%.60s' has a symbolic dimension %d; "
                             "alexviz needs a fixed (1, 3, S, S)",
                             name, i);
        d[i] = fixed ? dim->dim_value : 1; /* a symbolic batch is fine: we run one image */
    }
    if (d[0] != 1 || d[1] != 3 || d[2] != d[3] || d[2] < 11 || d[2] > MAX_SIDE)
        return onnx_fail(L, NET_ERR_SHAPE,
                         "input '%.60s' is [%lld,%lld,%lld,%lld]; expected "
                         "(1, 3, S, S) with S = 224 or 227 (11 to %d)",
                         name, (long long)d[0], (long long)d[1], (long long)d[2], (long long)d[3],
                         MAX_SIDE);
    L->input_size = (int)d[2];
    return NET_OK;
}

/* Quantized graphs (the zoo's int8 and qdq variants) and graphs of other families are named as
 * such before the walk, which would only see their first unfamiliar node. */
static net_status sniff(loader *L)
{
    static const char *const quant[] = {
        "QuantizeLinear", "DequantizeLinear",      "QLinearConv", "QLinearMatMul", "ConvInteger",
        "MatMulInteger",  "DynamicQuantizeLinear", "QLinearAdd",  "QGemm"};
    static const char *const resnet[] = {"BatchNormalization", "GlobalAveragePool"};
    char lab[160];
    int lrn = 0, convs = 0, grouped = 0;
    for (size_t i = 0; i < L->g->n_node; i++) {
        const Onnx__NodeProto *n = L->g->node[i];
        const char *op = S(n->op_type);
        for (size_t q = 0; q < sizeof quant / sizeof quant[0]; q++)
            if (!strcmp(op, quant[q]))
                return onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "a quantized graph: node %s; alexviz runs "
                                 "float32 weights (use bvlcalexnet-12.onnx, not the int8 or qdq "
                                 "variants)",
                                 label(n, (int)i, lab, sizeof lab));
        for (size_t q = 0; q < sizeof resnet / sizeof resnet[0]; q++)
            if (!strcmp(op, resnet[q]))
                return onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "a different network: node %s belongs to a "
                                 "ResNet-like network, not to AlexNet (which has no batch "
                                 "normalisation and no global pooling)",
                                 label(n, (int)i, lab, sizeof lab));
        /* an Add of two computed tensors is a residual connection; a bias Add has a constant */
        if (!strcmp(op, "Add") && n->n_input == 2 && !find_const(L, n->input[0]) &&
            !find_const(L, n->input[1]))
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "a different network: node %s adds two computed "
                             "tensors, a residual connection (ResNet-like); AlexNet is a chain",
                             label(n, (int)i, lab, sizeof lab));
        lrn += !strcmp(op, "LRN");
        if (!strcmp(op, "Conv")) {
            convs++;
            const Onnx__AttributeProto *a = find_attr(n, "group");
            grouped += a && a->i > 1;
        }
    }
    for (size_t i = 0; i < L->g->n_initializer; i++) {
        const Onnx__TensorProto *t = L->g->initializer[i];
        if (t && (t->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__INT8 ||
                  t->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__UINT8))
            return onnx_fail(
                L, NET_ERR_UNSUPPORTED,
                "a quantized graph: initializer '%.60s' is "
                "%s; alexviz runs float32 weights (use bvlcalexnet-12.onnx, not the int8 "
                "or qdq variants)",
                S(t->name), t->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__INT8 ? "int8" : "uint8");
    }
    if (convs && !lrn) {
        /* torchvision's AlexNet (Krizhevsky's 2014 "one weird trick" network) is the usual
         * confusion: 64-192-384-256-256 filters, conv1 padded by 2, no LRN, no towers */
        char widths[96] = "", one[16];
        int64_t k1 = 0; /* conv1's kernel */
        for (size_t i = 0, k = 0; i < L->g->n_node && k < 5; i++) {
            const Onnx__NodeProto *n = L->g->node[i];
            const Onnx__TensorProto *w;
            if (strcmp(S(n->op_type), "Conv") || n->n_input < 2 ||
                !(w = find_const(L, n->input[1])) || w->n_dims < 1)
                continue;
            if (!k && w->n_dims == 4)
                k1 = w->dims[2];
            snprintf(one, sizeof one, "%s%lld", k++ ? "-" : "", (long long)w->dims[0]);
            strncat(widths, one, sizeof widths - strlen(widths) - 1);
        }
        if (!grouped && convs == 5 && k1 == 11)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "a different network: no LRN and no grouped "
                             "convolution (conv widths %s) is the layout of torchvision's AlexNet "
                             "(2014: 64-192-384-256-256); alexviz runs the 2012 network (LRN, two "
                             "towers) whose trained weights are the ONNX zoo's bvlcalexnet",
                             widths[0] ? widths : "?");
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "a different network: %d convolutions (widths %s%s) "
                         "and no LRN; AlexNet has 5, with LRN after conv1 and conv2",
                         convs, widths[0] ? widths : "?", convs > 5 ? "-…" : "");
    }
    return NET_OK;
}

/* ---------------------------------------------------------------- the walk */

static int64_t read_i64(const Onnx__TensorProto *t, size_t i)
{
    if (t->n_int64_data)
        return t->int64_data[i];
    const uint8_t *p = t->raw_data.data + 8 * i;
    uint64_t u = 0;
    for (int b = 7; b >= 0; b--)
        u = u << 8 | p[b];
    return (int64_t)u;
}

/* Reads one node into an item; `it` has node and index set. */
static net_status read_node(loader *L, item *it, const char *op)
{
    char lab[160];
    const Onnx__NodeProto *n = it->node;
    static const int ones[4] = {1, 1, 1, 1}, zeros[4] = {0, 0, 0, 0};
    net_status st;
    if (!strcmp(op, "Conv") || !strcmp(op, "MaxPool")) {
        int conv = op[0] == 'C', dil[2], kdef[2] = {0, 0};
        it->kind = conv ? IT_CONV : IT_POOL;
        if (conv) {
            if (n->n_input < 2 || !(it->w = find_const(L, n->input[1])))
                return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: no weight initializer",
                                 LABEL(it));
            it->b = n->n_input >= 3 ? find_const(L, n->input[2]) : NULL;
            if (it->w->n_dims == 4 && it->w->dims[2] >= 0 && it->w->dims[2] <= 4096 &&
                it->w->dims[3] >= 0 && it->w->dims[3] <= 4096)
                kdef[0] = (int)it->w->dims[2], kdef[1] = (int)it->w->dims[3];
        } else if (!find_attr(n, "kernel_shape")) {
            return onnx_fail(L, NET_ERR_FORMAT, "node %s: no kernel_shape", LABEL(it));
        }
        if ((st = get_ints(L, it, "kernel_shape", 2, kdef, it->k)) ||
            (st = get_ints(L, it, "strides", 2, ones, it->stride)) ||
            (st = get_ints(L, it, "pads", 4, zeros, it->pads)) ||
            (st = get_ints(L, it, "dilations", 2, ones, dil)) || (st = check_auto_pad(L, it)))
            return st;
        if (dil[0] != 1 || dil[1] != 1)
            return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: dilations [%d,%d]; AlexNet has none",
                             LABEL(it), dil[0], dil[1]);
        if (conv)
            return get_int(L, it, "group", 1, 1, 65536, &it->group);
        int order;
        if ((st = get_int(L, it, "ceil_mode", 0, 0, 1, &it->ceil)) ||
            (st = get_int(L, it, "storage_order", 0, 0, 1, &order)))
            return st;
        return NET_OK;
    }
    if (!strcmp(op, "Relu")) {
        it->kind = IT_RELU;
        return NET_OK;
    }
    if (!strcmp(op, "LRN")) {
        it->kind = IT_LRN;
        if (!find_attr(n, "size"))
            return onnx_fail(L, NET_ERR_FORMAT, "node %s: no size", LABEL(it));
        /* ONNX's defaults are Caffe's: alpha is the paper's α and the formula divides it by n */
        if ((st = get_int(L, it, "size", 5, 1, 4096, &it->lrn_size)) ||
            (st = get_float(L, it, "alpha", 1e-4f, &it->alpha)) ||
            (st = get_float(L, it, "beta", 0.75f, &it->beta)) ||
            (st = get_float(L, it, "bias", 1.0f, &it->bias)))
            return st;
        return NET_OK;
    }
    if (!strcmp(op, "Dropout")) {
        it->kind = IT_DROPOUT; /* the identity at inference, whatever its ratio */
        return NET_OK;
    }
    if (!strcmp(op, "Flatten")) {
        it->kind = IT_FLATTEN;
        return get_int(L, it, "axis", 1, -4, 4, &it->flatten_axis);
    }
    if (!strcmp(op, "Reshape")) {
        /* the target shape is an int64 input since opset 5, an attribute before */
        it->kind = IT_FLATTEN;
        const Onnx__TensorProto *t = n->n_input >= 2 ? find_const(L, n->input[1]) : NULL;
        const Onnx__AttributeProto *a = find_attr(n, "shape");
        size_t count = t   ? (t->n_int64_data ? t->n_int64_data : t->raw_data.len / 8)
                       : a ? a->n_ints
                           : 0;
        if (t && (t->data_type != ONNX__TENSOR_PROTO__DATA_TYPE__INT64 ||
                  (!t->n_int64_data && t->raw_data.len % 8)))
            return onnx_fail(L, NET_ERR_FORMAT, "node %s: target shape '%.60s' is not int64",
                             LABEL(it), S(t->name));
        if (!t && !(a && attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS)))
            return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: its target shape is not a constant",
                             LABEL(it));
        if (count < 1 || count > 4)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: a target shape of %zu values; fc6 needs 2", LABEL(it),
                             count);
        it->shape_n = (int)count;
        for (size_t i = 0; i < count; i++)
            it->shape[i] = t ? read_i64(t, i) : a->ints[i];
        return NET_OK;
    }
    if (!strcmp(op, "Gemm")) {
        int alpha_one, trans_a;
        float alpha, beta;
        it->kind = IT_FC;
        if ((st = get_float(L, it, "alpha", 1, &alpha)) ||
            (st = get_float(L, it, "beta", 1, &beta)) ||
            (st = get_int(L, it, "transA", 0, 0, 1, &trans_a)) ||
            (st = get_int(L, it, "transB", 0, 0, 1, &it->transposed)))
            return st;
        it->transposed = !it->transposed; /* transB=1 is our (out, in) layout */
        alpha_one = alpha == 1.0f && beta == 1.0f;
        if (!alpha_one || trans_a)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: alpha %g, beta %g, transA %d; expected a "
                             "plain fully connected layer (1, 1, 0)",
                             LABEL(it), alpha, beta, trans_a);
        if (n->n_input < 2 || !(it->w = find_const(L, n->input[1])))
            return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: no weight initializer", LABEL(it));
        it->b = n->n_input >= 3 ? find_const(L, n->input[2]) : NULL;
        return NET_OK;
    }
    if (!strcmp(op, "MatMul")) {
        it->kind = IT_FC;
        it->transposed = it->matmul = 1;
        if (n->n_input < 2 || !(it->w = find_const(L, n->input[1])))
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: no weight initializer as second input", LABEL(it));
        return NET_OK;
    }
    if (!strcmp(op, "Softmax")) {
        it->kind = IT_SOFTMAX;
        int axis;
        if ((st = get_int(L, it, "axis", 1, -2, 1, &axis)))
            return st;
        if (axis != 1 && axis != -1)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: axis %d; expected the class axis (1)", LABEL(it), axis);
        return NET_OK;
    }
    return onnx_fail(
        L, NET_ERR_UNSUPPORTED,
        "node %s: operator '%.40s' is not one alexviz runs (AlexNet "
        "is Conv, Relu, LRN, MaxPool, Dropout, Reshape or Flatten, Gemm or MatMul + Add, "
        "Softmax)",
        LABEL(it), op);
}

/* Follows the tensor from the image input through the nodes, in the file's order. */
static net_status walk(loader *L)
{
    char lab[160], prev[160] = ""; /* the node before, "" for the input */
    const char *cur = S(L->input->name);
    for (size_t i = 0; i < L->g->n_node; i++) {
        const Onnx__NodeProto *n = L->g->node[i];
        const char *op = S(n->op_type);
        label(n, (int)i, lab, sizeof lab);
        if (*S(n->domain) && strcmp(n->domain, "ai.onnx"))
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: operator domain '%.40s'; alexviz runs the "
                             "standard ONNX operators",
                             lab, n->domain);
        if (!strcmp(op, "Constant"))
            continue;
        if (n->n_output < 1 || !*n->output[0])
            return onnx_fail(L, NET_ERR_FORMAT, "node %s has no output", lab);
        int chain = -1;
        for (size_t j = 0; j < n->n_input && chain < 0; j++)
            if (!strcmp(n->input[j], cur))
                chain = (int)j;
        if (chain < 0)
            return prev[0] ? onnx_fail(L, NET_ERR_UNSUPPORTED,
                                       "node %s does not read '%.60s', the "
                                       "output of node %s; AlexNet is a chain",
                                       lab, cur, prev)
                           : onnx_fail(L, NET_ERR_UNSUPPORTED,
                                       "node %s does not read '%.60s', the "
                                       "output of input '%.60s'; AlexNet is a chain",
                                       lab, cur, cur);
        int is_add = !strcmp(op, "Add");
        if (chain != 0 && !is_add)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s reads the previous output '%.60s' as input "
                             "%d; expected it first",
                             lab, cur, chain);
        for (size_t j = 0; j < n->n_input; j++)
            if ((int)j != chain && *n->input[j] && !find_const(L, n->input[j]))
                return onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "node %s reads '%.60s', which is neither the "
                                 "previous output nor a constant: a branch, and AlexNet has none",
                                 lab, n->input[j]);
        if (is_add) {
            /* the only Add AlexNet can have is the bias of a MatMul just before it */
            item *mm = L->n_it ? &L->it[L->n_it - 1] : NULL;
            if (!mm || !mm->matmul || mm->b || n->n_input != 2)
                return onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "node %s is not the bias of a MatMul right "
                                 "before it; AlexNet has no other addition",
                                 lab);
            mm->b = find_const(L, n->input[1 - chain]);
        } else {
            if (L->n_it == MAX_ITEMS)
                return onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "a different network: more than %d "
                                 "operations in a chain; AlexNet has 22 plus dropouts",
                                 MAX_ITEMS);
            item *it = &L->it[L->n_it++];
            memset(it, 0, sizeof *it);
            it->node = n;
            it->index = (int)i;
            net_status st = read_node(L, it, op);
            if (st)
                return st;
        }
        cur = n->output[0];
        snprintf(prev, sizeof prev, "%s", lab);
    }
    L->last = cur;
    if (L->g->n_output != 1 || !L->g->output[0])
        return onnx_fail(L, NET_ERR_UNSUPPORTED, "the graph has %zu outputs; AlexNet has one",
                         L->g->n_output);
    if (strcmp(S(L->g->output[0]->name), cur))
        return prev[0] ? onnx_fail(L, NET_ERR_UNSUPPORTED,
                                   "the graph's output '%.60s' is not where "
                                   "the chain ends ('%.60s', from node %s)",
                                   S(L->g->output[0]->name), cur, prev)
                       : onnx_fail(L, NET_ERR_UNSUPPORTED,
                                   "the graph's output '%.60s' is not where "
                                   "the chain ends ('%.60s', from input '%.60s')",
                                   S(L->g->output[0]->name), cur, cur);
    return NET_OK;
}

/* Lines the items (less dropouts) up with AlexNet's sequence, in either LRN order. */
static net_status match(loader *L)
{
    static const struct {
        item_kind kind;
        const char *name;
    } seq[] = {
        {IT_CONV, "conv1"}, {IT_RELU, "relu1"},   {IT_LRN, "norm1"},  {IT_POOL, "pool1"},
        {IT_CONV, "conv2"}, {IT_RELU, "relu2"},   {IT_LRN, "norm2"},  {IT_POOL, "pool2"},
        {IT_CONV, "conv3"}, {IT_RELU, "relu3"},   {IT_CONV, "conv4"}, {IT_RELU, "relu4"},
        {IT_CONV, "conv5"}, {IT_RELU, "relu5"},   {IT_POOL, "pool5"}, {IT_FLATTEN, "flatten"},
        {IT_FC, "fc6"},     {IT_RELU, "relu6"},   {IT_FC, "fc7"},     {IT_RELU, "relu7"},
        {IT_FC, "fc8"},     {IT_SOFTMAX, "prob"},
    };
    enum { N_SEQ = sizeof seq / sizeof seq[0] };
    char lab[160];
    item *its[MAX_ITEMS];
    int n = 0, convs = 0, fcs = 0;
    for (int i = 0; i < L->n_it; i++)
        if (L->it[i].kind != IT_DROPOUT) {
            its[n++] = &L->it[i];
            convs += L->it[i].kind == IT_CONV;
            fcs += L->it[i].kind == IT_FC;
        }
    if (convs != 5 || fcs != 3)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "a different network: %d convolutions and %d fully "
                         "connected layers; AlexNet has 5 and 3",
                         convs, fcs);
    L->lrn_after_pool = n > 2 && its[2]->kind == IT_POOL;
    for (int k = 0; k < N_SEQ; k++) {
        int s = k;
        /* CaffeNet's order swaps LRN and pooling in layers 1 and 2 */
        if (L->lrn_after_pool && (k == 2 || k == 3 || k == 6 || k == 7))
            s = k ^ 1;
        L->match_name[k] = seq[s].name;
        if (k >= n) {
            if (seq[s].kind == IT_SOFTMAX)
                break; /* PyTorch exports end with fc8's logits */
            return k ? onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "the graph ends after node %s; AlexNet "
                                 "continues with %s (%s)",
                                 LABEL(its[k - 1]), seq[s].name, kind_ops[seq[s].kind])
                     : onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "the graph ends after its input; AlexNet "
                                 "continues with %s (%s)",
                                 seq[s].name, kind_ops[seq[s].kind]);
        }
        if (its[k]->kind != seq[s].kind)
            return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s where AlexNet has %s (%s)",
                             LABEL(its[k]), seq[s].name, kind_ops[seq[s].kind]);
        L->match[k] = its[k];
        L->n_match = k + 1;
    }
    if (n > L->n_match)
        return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s after %s, where AlexNet ends",
                         LABEL(its[L->n_match]), L->match_name[L->n_match - 1]);
    return NET_OK;
}

static item *matched(const loader *L, const char *stage)
{
    for (int k = 0; k < L->n_match; k++)
        if (!strcmp(L->match_name[k], stage))
            return L->match[k];
    return NULL;
}

/* ---------------------------------------------------------------- geometry and shapes */

/* Output side of an ONNX MaxPool along one axis, from its own attributes. */
static int onnx_pool_out(int in, int k, int s, int p0, int p1, int ceil)
{
    int num = in + p0 + p1 - k;
    if (num < 0 || s < 1)
        return 0;
    return (ceil ? (num + s - 1) / s : num / s) + 1;
}

/* The net_config the file describes. */
static net_status derive_config(loader *L, net_config *c)
{
    char lab[160], dt[96];
    static const char *const learned[8] = {"conv1", "conv2", "conv3", "conv4",
                                           "conv5", "fc6",   "fc7",   "fc8"};
    net_config_default(c);
    c->input_size = L->input_size;
    c->lrn_after_pool = L->lrn_after_pool;
    for (int l = 0; l < 8; l++) {
        item *it = matched(L, learned[l]);
        int rank = l < 5 ? 4 : 2;
        if ((int)it->w->n_dims != rank)
            return onnx_fail(L, NET_ERR_SHAPE,
                             "node %s: weight '%.60s' is %s; expected %d dimensions "
                             "(%s)",
                             LABEL(it), S(it->w->name), dims_text(it->w, dt, sizeof dt), rank,
                             l < 5 ? N_("filters, channels, height, width") : N_("a matrix"));
        int64_t w = it->w->dims[l >= 5 && it->transposed ? 1 : 0];
        /* a weight and a bias that disagree on the outputs: name both, as either may be wrong */
        if (it->b && it->b->n_dims == 1 && it->b->dims[0] != w) {
            char bt[96];
            return onnx_fail(
                L, NET_ERR_SHAPE,
                "node %s: weight '%.60s' is %s but bias '%.60s' is %s: %lld "
                "outputs against %lld biases%s",
                LABEL(it), S(it->w->name), dims_text(it->w, dt, sizeof dt), S(it->b->name),
                dims_text(it->b, bt, sizeof bt), (long long)w, (long long)it->b->dims[0],
                l < 5            ? N_(" (a Conv weight is filters, channels, height, width)")
                : it->transposed ? N_(" (with transB=0, or in a MatMul, the weight is "
                                      "(inputs, outputs))")
                                 : N_(" (with transB=1 the weight is (outputs, inputs))"));
        }
        if (w < 1 || w > 65536)
            return onnx_fail(L, NET_ERR_SHAPE,
                             "node %s: weight '%.60s' is %s; %lld outputs is not a "
                             "width AlexNet can have",
                             LABEL(it), S(it->w->name), dims_text(it->w, dt, sizeof dt),
                             (long long)w);
        if (l < 5 && w % 2)
            return onnx_fail(L, NET_ERR_SHAPE,
                             "node %s: weight '%.60s' is %s: %lld filters; expected an "
                             "even number (%s's filters are split between the two towers)",
                             LABEL(it), S(it->w->name), dims_text(it->w, dt, sizeof dt),
                             (long long)w, learned[l]);
        c->width[l] = (int)w;
    }
    /* pools: one rounding and end pad for all three, as the stage table has; each pool's own
     * output size is checked against the table below */
    c->pool_round = NET_ROUND_FLOOR;
    c->pool_pad_end = 0;
    static const char *const pools[3] = {"pool1", "pool2", "pool5"};
    for (int p = 0; p < 3; p++) {
        item *it = matched(L, pools[p]);
        if (it->k[0] != 3 || it->k[1] != 3 || it->stride[0] != 2 || it->stride[1] != 2)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: %d×%d pooling with stride %d×%d; AlexNet's "
                             "%s is 3×3 with stride 2 (overlapping pooling)",
                             LABEL(it), it->k[0], it->k[1], it->stride[0], it->stride[1], pools[p]);
        if (it->pads[0] || it->pads[1] || it->pads[2] != it->pads[3] || it->pads[2] > 2)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: pads [%d,%d,%d,%d]; expected [0,0,0,0] "
                             "or end pads [0,0,1,1]",
                             LABEL(it), it->pads[0], it->pads[1], it->pads[2], it->pads[3]);
        if (it->ceil)
            c->pool_round = NET_ROUND_CEIL;
        if (it->pads[2] > c->pool_pad_end)
            c->pool_pad_end = it->pads[2];
    }
    item *n1 = matched(L, "norm1"), *n2 = matched(L, "norm2");
    if (n1->lrn_size != n2->lrn_size || n1->alpha != n2->alpha || n1->beta != n2->beta ||
        n1->bias != n2->bias)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "node %s and norm2 differ (size %d/%d, alpha %g/%g, beta "
                         "%g/%g, bias %g/%g); AlexNet uses one LRN for both",
                         LABEL(n1), n1->lrn_size, n2->lrn_size, n1->alpha, n2->alpha, n1->beta,
                         n2->beta, n1->bias, n2->bias);
    c->lrn.formula = NET_LRN_CAFFE;
    c->lrn.within_towers = 0;
    c->lrn.n = n1->lrn_size;
    c->lrn.alpha = n1->alpha;
    c->lrn.beta = n1->beta;
    c->lrn.k = n1->bias;
    return NET_OK;
}

/* Whether a tensor's dims are exactly want (n of them): extra leading 1s are not AlexNet's.
 * When not, wt gets want as "[a,b]" and dt the tensor's dims, for the message. */
static int dims_are(const Onnx__TensorProto *t, const int64_t *want, int n, char *wt, char *dt)
{
    int ok = (int)t->n_dims == n;
    for (int i = 0; ok && i < n; i++)
        ok = t->dims[i] == want[i];
    if (ok)
        return 1;
    size_t o = 0;
    for (int i = 0; i < n; i++)
        o += (size_t)snprintf(wt + o, DIMS_TEXT - o, "%s%lld", i ? "," : "[", (long long)want[i]);
    snprintf(wt + o, DIMS_TEXT - o, "]");
    dims_text(t, dt, DIMS_TEXT);
    return 0;
}

/* Checks the file against the stage table built from its own config. */
static net_status check_stages(loader *L, const net_stage *st, int n_st)
{
    char lab[160], dt[DIMS_TEXT], wt[DIMS_TEXT];
    for (int i = 0; i < n_st; i++) {
        const net_stage *s = &st[i];
        item *it = matched(L, s->name);
        if (!it)
            continue; /* drop6 and drop7, and prob when the file has no Softmax */
        if (s->op == NET_OP_CONV) {
            int pad_ok = it->pads[0] == s->pad && it->pads[1] == s->pad && it->pads[2] == s->pad &&
                         it->pads[3] == s->pad;
            if (it->k[0] != s->k || it->k[1] != s->k || it->stride[0] != s->stride ||
                it->stride[1] != s->stride || !pad_ok)
                return onnx_fail(L, NET_ERR_UNSUPPORTED,
                                 "node %s: %d×%d kernel, stride %d×%d, pads "
                                 "[%d,%d,%d,%d]; AlexNet's %s is %d×%d, stride %d, pad %d",
                                 LABEL(it), it->k[0], it->k[1], it->stride[0], it->stride[1],
                                 it->pads[0], it->pads[1], it->pads[2], it->pads[3], s->name, s->k,
                                 s->k, s->stride, s->pad);
            if (it->group != s->groups)
                return onnx_fail(L, NET_ERR_UNSUPPORTED, "node %s: group %d; AlexNet's %s has %d%s",
                                 LABEL(it), it->group, s->name, s->groups,
                                 s->groups == 2 ? N_(" (the two towers)")
                                                : N_(" (it reads both towers)"));
            int64_t wd[4] = {s->out_c, s->in_c / s->groups, s->k, s->k};
            if (!dims_are(it->w, wd, 4, wt, dt))
                return onnx_fail(L, NET_ERR_SHAPE,
                                 "node %s: weight '%.60s' is %s; expected %s "
                                 "(%.7s: %d filters of %d×%d over %d%s channels)",
                                 LABEL(it), S(it->w->name), dt, wt, s->name, s->out_c, s->k, s->k,
                                 s->in_c, s->groups > 1 ? "/2" : "");
        } else if (s->op == NET_OP_POOL) {
            int oh =
                onnx_pool_out(s->in_h, it->k[0], it->stride[0], it->pads[0], it->pads[2], it->ceil);
            if (oh != s->out_h)
                return onnx_fail(
                    L, NET_ERR_SHAPE,
                    "node %s: with its pads [%d,%d,%d,%d] and ceil_mode "
                    "%d it makes %d×%d of %d×%d, but %s with the other pools' rounding "
                    "makes %d×%d; alexviz rounds all pools alike",
                    LABEL(it), it->pads[0], it->pads[1], it->pads[2], it->pads[3], it->ceil, oh, oh,
                    s->in_h, s->in_w, s->name, s->out_h, s->out_w);
        } else if (s->op == NET_OP_FC) {
            int64_t in = (int64_t)s->in_c * s->in_h * s->in_w;
            int64_t wd[2] = {s->out_c, in};
            if (it->transposed)
                wd[0] = in, wd[1] = s->out_c;
            const char *stored = it->transposed ? N_(", stored (in, out)") : "";
            if (!dims_are(it->w, wd, 2, wt, dt))
                return s->in_h > 1 ? onnx_fail(L, NET_ERR_SHAPE,
                                               "node %s: weight '%.60s' is %s; expected "
                                               "%s (%.7s: %d outputs from pool5's %d×%d×%d = %lld "
                                               "values%s)",
                                               LABEL(it), S(it->w->name), dt, wt, s->name, s->out_c,
                                               s->in_h, s->in_w, s->in_c, (long long)in, stored)
                                   : onnx_fail(L, NET_ERR_SHAPE,
                                               "node %s: weight '%.60s' is %s; expected "
                                               "%s (%.7s: %d outputs from %lld inputs%s)",
                                               LABEL(it), S(it->w->name), dt, wt, s->name, s->out_c,
                                               (long long)in, stored);
        }
        if ((s->op == NET_OP_CONV || s->op == NET_OP_FC) && it->b) {
            int64_t bd[2] = {1, s->out_c};
            /* Gemm's bias may be (1, N) as well as (N) */
            int two = s->op == NET_OP_FC && it->b->n_dims == 2;
            if (!dims_are(it->b, two ? bd : bd + 1, two ? 2 : 1, wt, dt))
                return onnx_fail(L, NET_ERR_SHAPE,
                                 "node %s: bias '%.60s' is %s; expected %s (one "
                                 "bias per output of %.7s)",
                                 LABEL(it), S(it->b->name), dt, wt, s->name);
        }
    }
    return NET_OK;
}

/* pool5 → fc6: Flatten at axis 1, or Reshape to (1, C·H·W). */
static net_status check_flatten(loader *L, const net_stage *pool5)
{
    char lab[160];
    item *it = matched(L, "flatten");
    int64_t d[4] = {1, pool5->out_c, pool5->out_h, pool5->out_w};
    int64_t total = d[1] * d[2] * d[3];
    if (!it->shape_n) {
        if (it->flatten_axis != 1 && it->flatten_axis != -3 && it->flatten_axis != 0 &&
            it->flatten_axis != -4)
            return onnx_fail(L, NET_ERR_UNSUPPORTED,
                             "node %s: axis %d; fc6 needs pool5 flattened "
                             "from axis 1",
                             LABEL(it), it->flatten_axis);
        return NET_OK;
    }
    int64_t out[4], known = 1;
    int infer = -1;
    char text[128];
    size_t o = 0;
    for (int i = 0; i < it->shape_n; i++) {
        out[i] = it->shape[i];
        o +=
            (size_t)snprintf(text + o, sizeof text - o, "%s%lld", i ? "," : "[", (long long)out[i]);
        if (out[i] == 0)
            out[i] = d[i]; /* 0 copies the input's dimension */
        if (out[i] == -1 && infer < 0)
            infer = i;
        else if (out[i] < 1 || known < 0 || known > total / out[i])
            known = -1;
        else
            known *= out[i];
    }
    snprintf(text + o, sizeof text - o, "]");
    if (infer >= 0 && known > 0 && total % known == 0)
        out[infer] = total / known, known = total;
    if (known != total || it->shape_n != 2 || out[0] != 1)
        return onnx_fail(L, NET_ERR_SHAPE,
                         "node %s: reshapes pool5's (1,%lld,%lld,%lld) to %s; fc6 needs "
                         "(1, %lld)",
                         LABEL(it), (long long)d[1], (long long)d[2], (long long)d[3], text,
                         (long long)total);
    return NET_OK;
}

/* The payload of a float tensor must be there, in the file, and hold exactly count values. */
static net_status check_payload(loader *L, const item *it, const Onnx__TensorProto *t,
                                int64_t count)
{
    char lab[160];
    const char *name = S(t->name);
    if (t->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__INT8 ||
        t->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__UINT8)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "a quantized graph: tensor '%.60s' of node %s is 8-bit; "
                         "alexviz runs float32 weights",
                         name, LABEL(it));
    if (t->data_type != ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT)
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "tensor '%.60s' of node %s has data type %d; expected "
                         "float32 (1)",
                         name, LABEL(it), t->data_type);
    if (t->n_external_data ||
        (t->has_data_location && t->data_location == ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL))
        return onnx_fail(L, NET_ERR_UNSUPPORTED,
                         "tensor '%.60s' is stored in an external file; "
                         "alexviz reads self-contained .onnx files",
                         name);
    if (t->segment)
        return onnx_fail(L, NET_ERR_UNSUPPORTED, "tensor '%.60s' is split into segments", name);
    int64_t have = t->n_float_data   ? (int64_t)t->n_float_data
                   : t->has_raw_data ? (int64_t)(t->raw_data.len / 4)
                                     : 0;
    if (have != count || (!t->n_float_data && t->raw_data.len % 4))
        return onnx_fail(L, NET_ERR_SHAPE,
                         "tensor '%.60s' holds %lld values (%s); its shape needs "
                         "%lld: truncated or corrupt",
                         name, (long long)have, t->n_float_data ? "float_data" : "raw_data",
                         (long long)count);
    return NET_OK;
}

/* ---------------------------------------------------------------- copying */

static float read_f32(const Onnx__TensorProto *t, size_t i)
{
    if (t->n_float_data)
        return t->float_data[i];
    /* raw_data is little-endian whatever the machine */
    const uint8_t *p = t->raw_data.data + 4 * i;
    uint32_t u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* Frees a tensor's payload as soon as it is copied: the decoded message then never holds more
 * than the weights not yet copied. */
static void release_payload(loader *L, Onnx__TensorProto *t)
{
    if (t >= L->consts && t < L->consts + MAX_CONSTS)
        return; /* it borrows a Constant's attribute, which goes with the message */
    budget_free(&L->mem, t->float_data);
    t->float_data = NULL;
    t->n_float_data = 0;
    budget_free(&L->mem, t->raw_data.data);
    t->raw_data.data = NULL;
    t->raw_data.len = 0;
    t->has_raw_data = 0;
}

/* Copies t into dst (rows, cols); transposed: t is stored (cols, rows). Values must be finite. */
static net_status copy_tensor(loader *L, const item *it, Onnx__TensorProto *t, float *dst,
                              int64_t rows, int64_t cols, int transposed)
{
    char lab[160];
    int64_t count = rows * cols;
    if (!transposed && t->n_float_data)
        memcpy(dst, t->float_data, sizeof(float) * (size_t)count);
    else if (!transposed)
        for (int64_t i = 0; i < count; i++)
            dst[i] = read_f32(t, (size_t)i);
    else
        /* in tiles, so that neither the reads nor the writes stride through all of memory */
        for (int64_t c0 = 0; c0 < cols; c0 += 64)
            for (int64_t r0 = 0; r0 < rows; r0 += 64)
                for (int64_t c = c0; c < c0 + 64 && c < cols; c++)
                    for (int64_t r = r0; r < r0 + 64 && r < rows; r++)
                        dst[r * cols + c] = read_f32(t, (size_t)(c * rows + r));
    release_payload(L, t);
    for (int64_t i = 0; i < count; i++)
        if (!isfinite(dst[i]))
            return onnx_fail(L, NET_ERR_VALUE,
                             "tensor '%.60s' of node %s has %s at index %lld; trained "
                             "weights are finite",
                             S(t->name), LABEL(it), isnan(dst[i]) ? "NaN" : N_("an infinity"),
                             (long long)i);
    return NET_OK;
}

/* ---------------------------------------------------------------- putting it together */

/* The variant line of net_onnx_info, as a message (its format and arguments kept, so that a
 * program can say it in its user's language); before copying, which releases the payloads it
 * looks at. */
static void describe(const loader *L, const net_config *c, net_err *out)
{
    const item *fc6 = matched(L, "fc6");
    int floats = 0, raws = 0;
    for (int k = 0; k < L->n_match; k++) {
        const item *it = L->match[k];
        if (it->w) {
            floats += it->w->n_float_data > 0;
            raws += it->w->has_raw_data;
        }
    }
    const char *order = c->lrn_after_pool ? N_("CaffeNet order") : N_("paper/Caffe order");
    const char *lrn_at = c->lrn_after_pool ? "after" : "before";
    const char *fc = fc6->matmul       ? "MatMul + Add"
                     : fc6->transposed ? "Gemm transB=0"
                                       : "Gemm transB=1";
    const char *stored = floats && raws ? N_("float_data and raw_data")
                         : floats       ? "float_data"
                                        : "raw_data";
    const char *ends = matched(L, "prob") ? N_("ends in Softmax") : N_("ends in fc8's logits");
    int s = c->input_size;
    if (c->pool_pad_end && c->pool_round == NET_ROUND_FLOOR)
        net_fail(out, NET_OK,
                 "%s: LRN %s pooling, %d×%d input, Caffe's ceil pooling as end pads [0,0,%d,%d], "
                 "LRN n=%d α=%g β=%g k=%g (α/n, Caffe), fc as %s, weights in %s, %s",
                 order, lrn_at, s, s, c->pool_pad_end, c->pool_pad_end, c->lrn.n, c->lrn.alpha,
                 c->lrn.beta, c->lrn.k, fc, stored, ends);
    else if (c->pool_round == NET_ROUND_CEIL)
        net_fail(out, NET_OK,
                 "%s: LRN %s pooling, %d×%d input, ceil pooling (ceil_mode=1%s), LRN n=%d α=%g "
                 "β=%g k=%g (α/n, Caffe), fc as %s, weights in %s, %s",
                 order, lrn_at, s, s, c->pool_pad_end ? N_(" and end pads") : "", c->lrn.n,
                 c->lrn.alpha, c->lrn.beta, c->lrn.k, fc, stored, ends);
    else
        net_fail(out, NET_OK,
                 "%s: LRN %s pooling, %d×%d input, floor pooling, LRN n=%d α=%g β=%g k=%g (α/n, "
                 "Caffe), fc as %s, weights in %s, %s",
                 order, lrn_at, s, s, c->lrn.n, c->lrn.alpha, c->lrn.beta, c->lrn.k, fc, stored,
                 ends);
}

static net_status decode(loader *L, const unsigned char *buf, size_t len)
{
    if (!len)
        return onnx_fail(L, NET_ERR_FORMAT, "empty file; not an ONNX model");
    /* the shape of the message first: protobuf-c's unpacking recurses into every nesting */
    pb_limits lim = {32,
                     100000,
                     &onnx__node_proto__descriptor,
                     MAX_SCAN_NODES,
                     N_("nodes"),
                     N_("AlexNet has 24"),
                     MAX_NAME};
    net_err e = {0};
    if (pb_scan(&onnx__model_proto__descriptor, buf, len, &lim, L->file, &e) != NET_OK) {
        /* every ONNX model starts with its ir_version: field 1, a varint (byte 0x08) */
        if (e.status == NET_ERR_FORMAT && buf[0] != 0x08)
            return onnx_fail(L, NET_ERR_FORMAT, "not an ONNX model (not a protobuf ModelProto)");
        if (L->err)
            *L->err = e;
        return e.status;
    }
    budget_init(&L->mem, &L->alloc, len);
    L->m = onnx__model_proto__unpack(&L->alloc, len, buf);
    if (!L->m) {
        if (L->mem.over)
            return onnx_fail(L, NET_ERR_LIMIT,
                             "decoding would take more than %zu MB; not an "
                             "AlexNet ONNX file",
                             L->mem.limit >> 20);
        /* every ONNX model starts with its ir_version: field 1, a varint (byte 0x08) */
        if (buf[0] == 0x08)
            return onnx_fail(L, NET_ERR_FORMAT,
                             "truncated or corrupt ONNX file (protobuf decoding "
                             "failed; %zu bytes, where bvlcalexnet-12.onnx has 243,863,787)",
                             len);
        return onnx_fail(L, NET_ERR_FORMAT, "not an ONNX model (not a protobuf ModelProto)");
    }
    if (!L->m->has_ir_version || !L->m->graph)
        return L->m->has_ir_version
                   ? onnx_fail(L, NET_ERR_FORMAT, "truncated or corrupt ONNX file (no graph)")
                   : onnx_fail(L, NET_ERR_FORMAT, "not an ONNX model (no ir_version)");
    L->g = L->m->graph;
    L->opset = 0;
    for (size_t i = 0; i < L->m->n_opset_import; i++) {
        const Onnx__OperatorSetIdProto *o = L->m->opset_import[i];
        if (o && (!*S(o->domain) || !strcmp(o->domain, "ai.onnx")))
            L->opset = o->version;
    }
    if (!L->opset)
        return onnx_fail(L, NET_ERR_FORMAT,
                         "truncated or corrupt ONNX file (no operator set "
                         "version)");
    if (!L->g->n_node)
        return onnx_fail(L, NET_ERR_FORMAT, "the graph has no nodes");
    return check_counts(L);
}

static net_status build(loader *L, net_config *cfg_out, net **out, net_preproc *pp,
                        net_onnx_info *info)
{
    net_status r;
    net_config c;
    net_table table;
    const net_stage *st = table.s;
    net_err e = {0};
    make_consts(L);
    if ((r = build_index(L)) || (r = find_input(L)) || (r = sniff(L)) || (r = walk(L)) ||
        (r = match(L)) || (r = derive_config(L, &c)))
        return r;
    int n_st = net_table_build(&c, &table, &e);
    if (!n_st)
        return onnx_fail_err(L, &e);
    int pool5 = net_table_find(&table, "pool5");
    if ((r = check_stages(L, st, n_st)) || (r = check_flatten(L, &st[pool5])))
        return r;

    /* each weight tensor belongs to one stage: a tensor shared by two would be freed twice */
    const Onnx__TensorProto *seen[16];
    int n_seen = 0;
    for (int i = 0; i < n_st; i++) {
        item *it = st[i].n_w ? matched(L, st[i].name) : NULL;
        if (!it)
            continue;
        const Onnx__TensorProto *ts[2] = {it->w, it->b};
        for (int k = 0; k < 2; k++) {
            if (!ts[k])
                continue;
            for (int j = 0; j < n_seen; j++)
                if (seen[j] == ts[k])
                    return onnx_fail(L, NET_ERR_UNSUPPORTED,
                                     "tensor '%.60s' is used by two layers; "
                                     "AlexNet shares no weights",
                                     S(ts[k]->name));
            seen[n_seen++] = ts[k];
            if ((r = check_payload(L, it, ts[k], k ? st[i].n_b : st[i].n_w)))
                return r;
        }
    }

    net_err variant = {0};
    describe(L, &c, &variant);
    /* AlexNet's own activations take 14 MB; widths and an input side a file may legally claim
     * could make them gigabytes */
    double act_mb = net_table_memory(&table) / 1048576.0;
    if (act_mb > NET_MAX_ACT_MB)
        return onnx_fail(L, NET_ERR_LIMIT,
                         "its widths %d-%d-%d-%d-%d-%d-%d-%d at %d×%d would need "
                         "%.0f MB of activations; at most %d MB are allowed (AlexNet needs 14)",
                         c.width[0], c.width[1], c.width[2], c.width[3], c.width[4], c.width[5],
                         c.width[6], c.width[7], c.input_size, c.input_size, act_mb,
                         NET_MAX_ACT_MB);
    net *n = NULL;
    if ((r = net_create(&n, &c, &e)))
        return onnx_fail_err(L, &e);
    for (int i = 0; i < n_st; i++) {
        item *it = st[i].n_w ? matched(L, st[i].name) : NULL;
        if (!it)
            continue;
        int64_t rows = st[i].out_c, cols = st[i].n_w / st[i].out_c;
        if ((r = copy_tensor(L, it, it->w, net_weights(n, i), rows, cols, it->transposed)) ||
            (it->b && (r = copy_tensor(L, it, it->b, net_biases(n, i), 1, st[i].n_b, 0)))) {
            net_free(n);
            return r;
        }
    }
    net_set_untrained(n, 0);
    *out = n;
    if (cfg_out)
        *cfg_out = c;
    if (pp)
        net_preproc_caffe(pp);
    if (info) {
        memcpy(info->width, c.width, sizeof c.width);
        info->input_size = c.input_size;
        info->ir_version = L->m->ir_version;
        info->opset = L->opset;
        snprintf(info->producer, sizeof info->producer, "%.30s%s%.30s", S(L->m->producer_name),
                 *S(L->m->producer_version) ? " " : "", S(L->m->producer_version));
        snprintf(info->input_name, sizeof info->input_name, "%s", S(L->input->name));
        snprintf(info->output_name, sizeof info->output_name, "%s", L->last);
        one_line(info->producer, sizeof info->producer);
        one_line(info->input_name, sizeof info->input_name);
        one_line(info->output_name, sizeof info->output_name);
        info->output_stage = matched(L, "prob") ? n_st - 1 : n_st - 2;
        info->params = net_total_params(n);
        net_text_escape(variant.msg, info->variant, sizeof info->variant);
        info->variant_said = variant;
    }
    return NET_OK;
}

net_status net_onnx_load_mem(const unsigned char *buf, size_t len, const char *name,
                             net_config *cfg_out, net **out, net_preproc *pp, net_onnx_info *info,
                             net_err *err)
{
    double t0 = net_now_ms();
    loader *L = calloc(1, sizeof *L);
    *out = NULL;
    if (!L)
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory", name);
    L->file = name;
    L->err = err;
    net_status r = decode(L, buf, len);
    if (!r)
        r = build(L, cfg_out, out, pp, info);
    onnx__model_proto__free_unpacked(L->m, &L->alloc);
    free(L->index);
    free(L);
    if (!r && info)
        info->load_ms = net_now_ms() - t0;
    return r;
}

/* Reads the file, decodes it, lets go of the bytes, then builds. Read, not mapped: a file that
 * another program truncates while it is mapped kills the reader with SIGBUS (cp over the weights
 * during a load did), and the peak is the same (the bytes and the decoded message, then the
 * message and the net). */
net_status net_onnx_load(const char *path, net_config *cfg_out, net **out, net_preproc *pp,
                         net_onnx_info *info, net_err *err)
{
    double t0 = net_now_ms();
    *out = NULL;
    unsigned char *buf;
    size_t len;
    net_err e = {0};
    net_status r = net_file_read(path, MAX_FILE, &buf, &len, &e);
    if (r == NET_ERR_LIMIT)
        return net_fail(err, NET_ERR_LIMIT,
                        "%s: more than %lld MB; an AlexNet ONNX file is "
                        "about 244 MB",
                        path, MAX_FILE >> 20);
    if (r != NET_OK) {
        if (err)
            *err = e;
        return r;
    }
    loader *L = calloc(1, sizeof *L);
    r = L ? NET_OK : net_fail(err, NET_ERR_NOMEM, "%s: out of memory", path);
    if (L) {
        L->file = path;
        L->err = err;
        r = decode(L, buf, len);
    }
    free(buf);
    if (!r)
        r = build(L, cfg_out, out, pp, info);
    if (L) {
        onnx__model_proto__free_unpacked(L->m, &L->alloc);
        free(L->index);
    }
    free(L);
    if (!r && info)
        info->load_ms = net_now_ms() - t0;
    return r;
}

/* ---------------------------------------------------------------- test-folder tensors */

net_status net_onnx_read_tensor_mem(const unsigned char *buf, size_t got, const char *path,
                                    float **data, int64_t shape[8], int *ndim, net_err *err)
{
    *data = NULL;
    *ndim = 0;
    pb_limits lim = {8, 1000, NULL, 0, "", "", MAX_NAME};
    net_status r = pb_scan(&onnx__tensor_proto__descriptor, buf, got, &lim, path, err);
    if (r != NET_OK)
        return r;
    budget mem;
    ProtobufCAllocator alloc;
    budget_init(&mem, &alloc, got);
    Onnx__TensorProto *t = got ? onnx__tensor_proto__unpack(&alloc, got, buf) : NULL;
    int64_t count = 1;
    if (!t) {
        r = net_fail(err, NET_ERR_FORMAT, "%s: %s", path,
                     got ? "not an ONNX TensorProto (protobuf decoding failed)" : "empty file");
    } else if (t->data_type != ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT) {
        r = net_fail(err, NET_ERR_UNSUPPORTED,
                     "%s: tensor '%.60s' has data type %d; expected "
                     "float32 (1)",
                     path, S(t->name), t->data_type);
    } else if (t->n_dims > 8) {
        r = net_fail(err, NET_ERR_SHAPE, "%s: %zu dimensions; at most 8", path, t->n_dims);
    } else {
        for (size_t i = 0; i < t->n_dims && !r; i++) {
            if (t->dims[i] < 0 || t->dims[i] > (1 << 30) || count * t->dims[i] > (1 << 30))
                r = net_fail(err, NET_ERR_SHAPE, "%s: dimension %zu is %lld", path, i,
                             (long long)t->dims[i]);
            else
                count *= t->dims[i];
        }
        int64_t have = t->n_float_data ? (int64_t)t->n_float_data : (int64_t)(t->raw_data.len / 4);
        if (!r && (have != count || (!t->n_float_data && t->raw_data.len % 4)))
            r = net_fail(err, NET_ERR_FORMAT,
                         "%s: holds %lld values; its shape needs %lld: "
                         "truncated or corrupt",
                         path, (long long)have, (long long)count);
    }
    if (!r) {
        *data = malloc(sizeof(float) * (size_t)(count ? count : 1));
        if (!*data)
            r = net_fail(err, NET_ERR_NOMEM, "%s: out of memory", path);
    }
    for (int64_t i = 0; !r && i < count; i++) {
        (*data)[i] = read_f32(t, (size_t)i);
        if (!isfinite((*data)[i]))
            r = net_fail(err, NET_ERR_VALUE,
                         "%s: element %lld is %s; a test tensor must be "
                         "finite",
                         path, (long long)i, isnan((*data)[i]) ? "NaN" : "infinite");
    }
    if (!r) {
        for (size_t i = 0; i < t->n_dims; i++)
            shape[i] = t->dims[i];
        *ndim = (int)t->n_dims;
    } else {
        free(*data);
        *data = NULL;
    }
    onnx__tensor_proto__free_unpacked(t, &alloc);
    return r;
}

net_status net_onnx_read_tensor(const char *path, float **data, int64_t shape[8], int *ndim,
                                net_err *err)
{
    *data = NULL;
    *ndim = 0;
    unsigned char *buf;
    size_t len;
    net_status r = net_file_read(path, MAX_PB, &buf, &len, err);
    if (r == NET_OK)
        r = net_onnx_read_tensor_mem(buf, len, path, data, shape, ndim, err);
    free(buf);
    return r;
}
