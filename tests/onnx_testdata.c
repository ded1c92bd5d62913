/* onnx_testdata.c: reads ONNX conformance cases; see onnx_testdata.h. */
#include "onnx_testdata.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The largest file accepted: the biggest case we run is well under 1 MB. */
#define OTD_MAX_FILE (64L << 20)

int otd_available(void)
{
    struct stat st;
    return stat(OTD_ROOT, &st) == 0 && S_ISDIR(st.st_mode);
}

static int fail(char *msg, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *msg, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, len, fmt, ap);
    va_end(ap);
    return -1;
}

/* The whole of path in a malloc'd buffer. */
static int read_file(const char *path, uint8_t **buf, size_t *size, char *msg, size_t len)
{
    *buf = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(msg, len, "%s: cannot open", path);
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        n = ftell(f);
    if (n < 0 || n > OTD_MAX_FILE || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return fail(msg, len, "%s: unreadable or larger than %ld bytes", path, OTD_MAX_FILE);
    }
    *buf = malloc(n ? (size_t)n : 1);
    if (!*buf || fread(*buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(*buf);
        *buf = NULL;
        return fail(msg, len, "%s: read failed", path);
    }
    fclose(f);
    *size = (size_t)n;
    return 0;
}

/* Converts a TensorProto to a float tensor; `what` names it in messages. */
static int tensor_from_proto(otd_tensor *t, const Onnx__TensorProto *p, const char *what, char *msg,
                             size_t len)
{
    memset(t, 0, sizeof *t);
    if (p->data_type != ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT)
        return fail(msg, len, "%s: data type %d, expected float (1)", what, (int)p->data_type);
    if (p->n_dims > OTD_MAX_DIMS)
        return fail(msg, len, "%s: %zu dimensions, at most %d handled", what, p->n_dims,
                    OTD_MAX_DIMS);
    size_t count = 1;
    for (size_t i = 0; i < p->n_dims; i++) {
        if (p->dims[i] < 0 || p->dims[i] > (1 << 24))
            return fail(msg, len, "%s: dimension %zu is %lld", what, i, (long long)p->dims[i]);
        t->dims[i] = p->dims[i];
        count *= (size_t)p->dims[i];
    }
    t->ndim = (int)p->n_dims;
    t->count = count;
    t->present = 1;
    t->data = malloc(count ? count * sizeof(float) : 1);
    if (!t->data)
        return fail(msg, len, "%s: out of memory for %zu floats", what, count);
    if (p->has_raw_data) {
        if (p->raw_data.len != count * sizeof(float)) {
            free(t->data);
            t->data = NULL;
            return fail(msg, len, "%s: raw_data holds %zu bytes, expected %zu", what,
                        p->raw_data.len, count * sizeof(float));
        }
        /* raw_data is little-endian whatever the machine: assemble each float from bytes */
        for (size_t i = 0; i < count; i++) {
            const uint8_t *b = p->raw_data.data + 4 * i;
            uint32_t u =
                (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
            memcpy(&t->data[i], &u, sizeof u);
        }
    } else {
        if (p->n_float_data != count) {
            free(t->data);
            t->data = NULL;
            return fail(msg, len, "%s: float_data holds %zu values, expected %zu", what,
                        p->n_float_data, count);
        }
        memcpy(t->data, p->float_data, count * sizeof(float));
    }
    return 0;
}

static int tensor_from_file(otd_tensor *t, const char *path, char *msg, size_t len)
{
    uint8_t *buf;
    size_t size;
    if (read_file(path, &buf, &size, msg, len))
        return -1;
    Onnx__TensorProto *p = onnx__tensor_proto__unpack(NULL, size, buf);
    free(buf);
    if (!p)
        return fail(msg, len, "%s: not a TensorProto", path);
    int r = tensor_from_proto(t, p, path, msg, len);
    onnx__tensor_proto__free_unpacked(p, NULL);
    return r;
}

static const Onnx__TensorProto *find_initializer(const Onnx__GraphProto *g, const char *name)
{
    for (size_t i = 0; i < g->n_initializer; i++)
        if (g->initializer[i]->name && !strcmp(g->initializer[i]->name, name))
            return g->initializer[i];
    return NULL;
}

/* Which input_<k>.pb feeds the graph input `name`: its place among the graph inputs that are
 * not initializers (old models list their initializers as graph inputs too), or -1. */
static int data_file_index(const Onnx__GraphProto *g, const char *name)
{
    int k = 0;
    for (size_t i = 0; i < g->n_input; i++) {
        const char *in = g->input[i]->name ? g->input[i]->name : "";
        if (find_initializer(g, in))
            continue;
        if (!strcmp(in, name))
            return k;
        k++;
    }
    return -1;
}

void otd_free(otd_case *c)
{
    if (!c)
        return;
    for (int i = 0; i < OTD_MAX_INPUTS; i++)
        free(c->in[i].data);
    free(c->out.data);
    if (c->model)
        onnx__model_proto__free_unpacked(c->model, NULL);
    memset(c, 0, sizeof *c);
}

/* The body of otd_load; on failure the caller frees whatever was loaded. */
static int load_case(otd_case *c, const char *name, char *msg, size_t len)
{
    char path[1024], what[1200];
    uint8_t *buf;
    size_t size;
    snprintf(path, sizeof path, "%s/%s/model.onnx", OTD_ROOT, name);
    if (read_file(path, &buf, &size, msg, len))
        return -1;
    c->model = onnx__model_proto__unpack(NULL, size, buf);
    free(buf);
    if (!c->model || !c->model->graph)
        return fail(msg, len, "%s: not an ONNX model", path);
    const Onnx__GraphProto *g = c->model->graph;
    if (g->n_node != 1)
        return fail(msg, len, "%s: %zu nodes, expected one", path, g->n_node);
    c->node = g->node[0];
    for (size_t i = 0; i < c->model->n_opset_import; i++) {
        const Onnx__OperatorSetIdProto *o = c->model->opset_import[i];
        if (!o->domain || !o->domain[0] || !strcmp(o->domain, "ai.onnx"))
            c->opset = o->version;
    }
    if (c->node->n_input > OTD_MAX_INPUTS)
        return fail(msg, len, "%s: %zu node inputs, at most %d handled", path, c->node->n_input,
                    OTD_MAX_INPUTS);
    c->n_in = (int)c->node->n_input;
    for (int i = 0; i < c->n_in; i++) {
        const char *in = c->node->input[i];
        if (!in || !in[0])
            continue; /* an omitted optional input */
        const Onnx__TensorProto *init = find_initializer(g, in);
        if (init) {
            snprintf(what, sizeof what, "%s/%s/model.onnx: initializer '%s'", OTD_ROOT, name, in);
            if (tensor_from_proto(&c->in[i], init, what, msg, len))
                return -1;
            continue;
        }
        int k = data_file_index(g, in);
        if (k < 0)
            return fail(msg, len,
                        "%s/%s: node input '%s' is neither a graph input nor an "
                        "initializer",
                        OTD_ROOT, name, in);
        snprintf(path, sizeof path, "%s/%s/test_data_set_0/input_%d.pb", OTD_ROOT, name, k);
        if (tensor_from_file(&c->in[i], path, msg, len))
            return -1;
    }
    snprintf(path, sizeof path, "%s/%s/test_data_set_0/output_0.pb", OTD_ROOT, name);
    return tensor_from_file(&c->out, path, msg, len);
}

int otd_load(otd_case *c, const char *name, char *msg, size_t len)
{
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    if (load_case(c, name, msg, len)) {
        otd_free(c);
        return -1;
    }
    return 0;
}

static const Onnx__AttributeProto *find_attr(const otd_case *c, const char *attr)
{
    for (size_t i = 0; i < c->node->n_attribute; i++)
        if (c->node->attribute[i]->name && !strcmp(c->node->attribute[i]->name, attr))
            return c->node->attribute[i];
    return NULL;
}

int64_t otd_int(const otd_case *c, const char *attr, int64_t def)
{
    const Onnx__AttributeProto *a = find_attr(c, attr);
    return a && a->has_i ? a->i : def;
}

float otd_float(const otd_case *c, const char *attr, float def)
{
    const Onnx__AttributeProto *a = find_attr(c, attr);
    return a && a->has_f ? a->f : def;
}

int otd_ints(const otd_case *c, const char *attr, int64_t *v, int max)
{
    const Onnx__AttributeProto *a = find_attr(c, attr);
    if (!a)
        return 0;
    for (size_t i = 0; i < a->n_ints && (int)i < max; i++)
        v[i] = a->ints[i];
    return (int)a->n_ints;
}

const char *otd_string(const otd_case *c, const char *attr, char *buf, size_t len)
{
    const Onnx__AttributeProto *a = find_attr(c, attr);
    size_t n = a && a->has_s ? a->s.len : 0;
    if (n >= len)
        n = len - 1;
    if (n)
        memcpy(buf, a->s.data, n);
    buf[n] = '\0';
    return buf;
}
