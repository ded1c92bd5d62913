/* test_onnx.c: the ONNX loader. Files are written by tests/onnx_make.c in the zoo's and in
 * PyTorch's layout, loaded, and run against the same weights set directly; every refusal the
 * loader makes has a case here; one file written and run by PyTorch (tests/golden/
 * gen_onnx_golden.py) pins the whole path against an independent implementation. */
#include "alexnet.h"
#include "onnx_make.h"
#include "test.h"
#include "tmp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Runs a (from a file) and b (weights set directly) on the same input; every stage must agree
 * to 1e-6 relative. Fills why with the first stage that differs. */
static int same_stages(net *a, net *b, char *why, size_t len)
{
    int S = net_get_config(a)->input_size;
    float *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    om_input(S, x);
    int ok = net_forward(a, x, NULL, NULL, NULL) == NET_OK &&
             net_forward(b, x, NULL, NULL, NULL) == NET_OK;
    if (!ok)
        snprintf(why, len, "a forward pass failed");
    for (int i = 0; ok && i < net_stage_count(a); i++) {
        const net_stage *s = net_stage_at(a, i);
        const float *p = net_output(a, i), *q = net_output(b, i);
        size_t count = (size_t)s->out_c * s->out_h * s->out_w;
        for (size_t j = 0; j < count && ok; j++)
            if (!(fabsf(p[j] - q[j]) <= 1e-6f * fmaxf(1.0f, fabsf(q[j])))) {
                snprintf(why, len, "%s[%zu]: %.9g from the file vs %.9g set directly", s->name, j,
                         p[j], q[j]);
                ok = 0;
            }
    }
    free(x);
    return ok;
}

/* Writes o's model, loads it, and compares it stage by stage with the direct net. */
static int load_and_compare(const om_opts *o, const char *name, net_onnx_info *info,
                            net_config *cfg, char *why, size_t len)
{
    om_model *m = om_alexnet(o);
    const char *path = test_path(name);
    if (!m || !om_save(m, path, 0)) {
        om_free(m);
        snprintf(why, len, "could not write %s", path);
        return 0;
    }
    om_free(m);
    net *a = NULL, *b = NULL;
    net_err err = {0};
    net_preproc pp;
    if (net_onnx_load(path, cfg, &a, &pp, info, &err) != NET_OK) {
        snprintf(why, len, "load failed: %.200s", err.msg);
        return 0;
    }
    net_config c;
    om_config(o, &c);
    net_create(&b, &c, NULL);
    om_fill_net(o, b);
    int ok = net_stage_count(a) == net_stage_count(b) && same_stages(a, b, why, len);
    if (ok && (net_is_untrained(a) || !pp.bgr)) {
        snprintf(why, len, "loaded net marked untrained or not Caffe preprocessing");
        ok = 0;
    }
    net_free(a);
    net_free(b);
    return ok;
}

TEST(onnx_zoo_layout_loads_and_matches_direct_weights)
{
    om_opts o;
    om_opts_zoo(&o);
    net_onnx_info info;
    net_config c;
    char why[256] = "";
    CHECKF(load_and_compare(&o, "zoo.onnx", &info, &c, why, sizeof why), "%s", why);
    for (int i = 0; i < 8; i++)
        CHECK_EQ_INT(info.width[i], o.width[i]);
    CHECK_EQ_INT(info.input_size, 224);
    CHECK_EQ_INT(info.opset, 12);
    CHECK(!strcmp(info.producer, "caffe2"));
    CHECK(!strcmp(info.input_name, "data_0"));
    CHECK(!strcmp(info.output_name, "prob_1"));
    CHECK_EQ_INT(info.output_stage, 22); /* prob */
    CHECK_EQ_INT(c.pool_pad_end, 1);
    CHECK_EQ_INT(c.lrn_after_pool, 0);
    CHECK_EQ_INT(c.lrn.formula, NET_LRN_CAFFE);
    CHECK_EQ_INT(c.lrn.n, 5);
    CHECK_NEAR(c.lrn.alpha, 1e-4, 1e-10);
    CHECK_NEAR(c.lrn.k, 1.0, 0);
    CHECKF(strstr(info.variant, "end pads [0,0,1,1]") && strstr(info.variant, "float_data") &&
               strstr(info.variant, "Gemm transB=1"),
           "%s", info.variant);
    CHECK(info.params > 0 && info.load_ms >= 0);
}

/* The zoo's files come from caffe2's converter: IR version 3 lists all 16 weights among the
 * graph's inputs, and each Dropout also outputs its mask. The image is found by structure. */
TEST(onnx_zoo_legacy_layout_loads_and_matches_direct_weights)
{
    static const int opsets[] = {7, 9, 12};
    for (size_t k = 0; k < sizeof opsets / sizeof opsets[0]; k++) {
        om_opts o;
        om_opts_zoo(&o);
        o.legacy = 1;
        o.opset = opsets[k];
        net_onnx_info info;
        net_config c;
        char why[256] = "", name[32];
        snprintf(name, sizeof name, "legacy%d.onnx", opsets[k]);
        CHECKF(load_and_compare(&o, name, &info, &c, why, sizeof why), "opset %d: %s", opsets[k],
               why);
        CHECKF(!strcmp(info.input_name, "data_0") && !strcmp(info.output_name, "prob_1") &&
                   info.opset == opsets[k] && info.input_size == 224,
               "opset %d: input '%s', output '%s'", opsets[k], info.input_name, info.output_name);
    }
}

/* The zoo's file at its real size (244 MB, 60,965,224 weights, caffe2's legacy layout): the
 * decoder's memory cap, the huge-page path for large payloads and the copy into the net at full
 * width, against the same weights set directly. */
TEST(onnx_full_size_zoo_file_loads_and_matches_direct_weights)
{
    static const int full[8] = {96, 256, 384, 384, 256, 4096, 4096, 1000};
    om_opts o;
    om_opts_zoo(&o);
    memcpy(o.width, full, sizeof full);
    o.legacy = 1;
    net_onnx_info info;
    net_config c;
    char why[256] = "";
    CHECKF(load_and_compare(&o, "full.onnx", &info, &c, why, sizeof why), "%s", why);
    CHECK_EQ_INT(info.params, 60965224);
    CHECK_EQ_INT(info.width[5], 4096);
    remove(test_path("full.onnx"));
}

TEST(onnx_torch_layout_loads_and_matches_direct_weights)
{
    om_opts o;
    om_opts_torch(&o);
    net_onnx_info info;
    net_config c;
    char why[256] = "";
    CHECKF(load_and_compare(&o, "torch.onnx", &info, &c, why, sizeof why), "%s", why);
    CHECK_EQ_INT(c.lrn_after_pool, 1);
    CHECK_EQ_INT(c.pool_round, NET_ROUND_CEIL);
    CHECK_EQ_INT(c.pool_pad_end, 0);
    CHECK_EQ_INT(info.output_stage, 21); /* fc8: PyTorch exports end in the logits */
    CHECK_EQ_INT(info.opset, 13);
    CHECKF(strstr(info.variant, "CaffeNet") && strstr(info.variant, "raw_data") &&
               strstr(info.variant, "ceil"),
           "%s", info.variant);
}

TEST(onnx_fc_variants_and_227_floor_load_alike)
{
    static const om_fc fcs[2] = {OM_FC_GEMM, OM_FC_MATMUL};
    for (int v = 0; v < 3; v++) {
        om_opts o;
        om_opts_zoo(&o);
        if (v < 2) {
            o.fc = fcs[v];
        } else {
            o.input_size = 227; /* Caffe's own size: floor pooling, no pads, opset 9 */
            o.pool_pad_end = 0;
            o.opset = 9;
        }
        net_onnx_info info;
        net_config c;
        char why[256] = "";
        CHECKF(load_and_compare(&o, "variant.onnx", &info, &c, why, sizeof why), "variant %d: %s",
               v, why);
        if (v == 1)
            CHECKF(strstr(info.variant, "MatMul + Add"), "%s", info.variant);
        if (v == 2)
            CHECK(c.input_size == 227 && c.pool_round == NET_ROUND_FLOOR && !c.pool_pad_end);
    }
}

TEST(onnx_load_mem_matches_load_from_file)
{
    om_opts o;
    om_opts_torch(&o);
    om_model *m = om_alexnet(&o);
    size_t len;
    unsigned char *buf = om_pack(m, &len);
    om_free(m);
    net *n = NULL;
    net_onnx_info info;
    net_err err = {0};
    CHECKF(net_onnx_load_mem(buf, len, "mem.onnx", NULL, &n, NULL, &info, &err) == NET_OK, "%s",
           err.msg);
    free(buf);
    net_config c;
    om_config(&o, &c);
    net *b = NULL;
    net_create(&b, &c, NULL);
    om_fill_net(&o, b);
    int same = 1;
    for (int i = 0; i < net_stage_count(n); i++) {
        const net_stage *s = net_stage_at(n, i);
        if (s->n_w)
            same &= !memcmp(net_weights(n, i), net_weights(b, i), sizeof(float) * (size_t)s->n_w) &&
                    !memcmp(net_biases(n, i), net_biases(b, i), sizeof(float) * (size_t)s->n_b);
    }
    net_free(n);
    net_free(b);
    CHECK(same);
}

/* ---------------------------------------------------------------- refusals */

/* Loads path; the load must fail with status st and a message holding every string in want. */
static int refused(const char *path, net_status st, const char *const *want, char *why, size_t len)
{
    net *n = NULL;
    net_err err = {0};
    net_status got = net_onnx_load(path, NULL, &n, NULL, NULL, &err);
    if (got == NET_OK || n) {
        net_free(n);
        snprintf(why, len, "%s loaded", path);
        return 0;
    }
    if (got != st) {
        snprintf(why, len, "status %s, expected %s: %s", net_status_str(got), net_status_str(st),
                 err.msg);
        return 0;
    }
    for (; *want; want++)
        if (!strstr(err.msg, *want)) {
            snprintf(why, len, "'%s' not in: %s", *want, err.msg);
            return 0;
        }
    if (strchr(err.msg, '\n')) {
        snprintf(why, len, "message has more than one line: %s", err.msg);
        return 0;
    }
    return 1;
}

#define CHECK_REFUSED(path, st, ...)                                                            \
    do {                                                                                        \
        char why_[600];                                                                         \
        CHECKF(refused(path, st, (const char *[]){__VA_ARGS__, NULL}, why_, sizeof why_), "%s", \
               why_);                                                                           \
    } while (0)

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

TEST(onnx_refuses_files_that_are_not_onnx)
{
    const char *txt = test_path("notes.onnx"), *png = test_path("photo.onnx");
    const char *empty = test_path("empty.onnx");
    write_text(txt, "this is a text file, not a model\n");
    write_text(png, "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR");
    write_text(empty, "");
    CHECK_REFUSED(txt, NET_ERR_FORMAT, txt, "not an ONNX model");
    CHECK_REFUSED(png, NET_ERR_FORMAT, png, "not an ONNX model");
    CHECK_REFUSED(empty, NET_ERR_FORMAT, empty, "empty file");
    CHECK_REFUSED(test_path("missing.onnx"), NET_ERR_IO, "missing.onnx", "cannot open");
    CHECK_REFUSED(test_tmpdir(), NET_ERR_IO, "not a regular file");
}

TEST(onnx_refuses_truncated_files)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    size_t len;
    free(om_pack(m, &len));
    const char *path = test_path("truncated.onnx");
    /* cut in the middle of the weights, then just past the header */
    CHECK(om_save(m, path, len / 2));
    CHECK_REFUSED(path, NET_ERR_FORMAT, path, "truncated or corrupt");
    CHECK(om_save(m, path, 5));
    CHECK_REFUSED(path, NET_ERR_FORMAT, path, "truncated or corrupt");
    om_free(m);
}

TEST(onnx_refuses_torchvision_alexnet)
{
    om_opts o;
    om_opts_zoo(&o);
    o.torchvision = 1;
    om_model *m = om_alexnet(&o);
    const char *path = test_path("torchvision.onnx");
    CHECK(om_save(m, path, 0));
    om_free(m);
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, path, "different network", "torchvision",
                  "8-16-24-24-16");
}

TEST(onnx_refuses_a_resnet_like_graph)
{
    om_model *m = om_new("data", 224, 13, "test");
    int64_t wd[4] = {8, 3, 7, 7}, bd[1] = {8};
    om_init_f32(m, "w1", wd, 4, NULL, 1);
    om_init_f32(m, "bn_s", bd, 1, NULL, 1);
    om_init_f32(m, "bn_b", bd, 1, NULL, 1);
    om_init_f32(m, "bn_m", bd, 1, NULL, 1);
    om_init_f32(m, "bn_v", bd, 1, NULL, 1);
    om_node(m, "Conv", "conv1", (const char *[]){"data", "w1", NULL}, (const char *[]){"c1", NULL});
    om_node(m, "BatchNormalization", "bn1",
            (const char *[]){"c1", "bn_s", "bn_b", "bn_m", "bn_v", NULL},
            (const char *[]){"b1", NULL});
    om_node(m, "Relu", "relu1", (const char *[]){"b1", NULL}, (const char *[]){"r1", NULL});
    om_node(m, "Add", "skip", (const char *[]){"r1", "c1", NULL}, (const char *[]){"y", NULL});
    int64_t od[4] = {1, 8, 109, 109};
    om_output(m, "y", od, 4);
    const char *path = test_path("resnet.onnx");
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, path, "ResNet", "BatchNormalization", "bn1");

    /* without batch normalisation, the residual Add alone gives it away */
    Onnx__NodeProto *bn = om_find_node(m, "BatchNormalization", 0);
    bn->op_type = om_strdup(m, "Relu");
    bn->n_input = 1;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, path, "residual", "'skip'");
    om_free(m);
}

/* Opset 12's attribute forms of Constant (value_ints, value_float, …) are constants too: here
 * the Reshape's target shape. */
TEST(onnx_constant_attribute_forms_are_constants)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    Onnx__TensorProto *shape = om_find_init(m, "OC2_DUMMY_1");
    CHECK(shape);
    shape->name = om_strdup(m, "unused_shape");
    Onnx__NodeProto *c = om_node(m, "Constant", "", NULL, (const char *[]){"OC2_DUMMY_1", NULL});
    int64_t v[2] = {1, -1};
    om_attr_ints(m, c, "value_ints", v, 2);
    const char *path = test_path("value_ints.onnx");
    CHECK(om_save(m, path, 0));
    net *n = NULL;
    net_err err = {0};
    CHECKF(net_onnx_load(path, NULL, &n, NULL, NULL, &err) == NET_OK, "%s", err.msg);
    net_free(n);
    /* a weight from a Constant's value_floats (conv1's bias): copied, and freed only once */
    Onnx__TensorProto *b1 = om_find_init(m, "conv1_b_0");
    CHECK(b1);
    b1->name = om_strdup(m, "unused_bias");
    Onnx__NodeProto *cb = om_node(m, "Constant", "", NULL, (const char *[]){"conv1_b_0", NULL});
    float fv[8];
    for (int i = 0; i < 8; i++)
        fv[i] = 0.25f * (float)i;
    om_attr_floats(m, cb, "value_floats", fv, 8);
    CHECK(om_save(m, path, 0));
    CHECKF(net_onnx_load(path, NULL, &n, NULL, NULL, &err) == NET_OK, "%s", err.msg);
    const float *bias = n ? net_biases(n, 0) : NULL;
    CHECK(bias && bias[0] == 0.0f && bias[7] == 1.75f);
    net_free(n);
    /* a shape of the wrong count through the same form is still caught */
    c->attribute[0]->ints[1] = 400;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, "reshapes pool5's (1,16,6,6) to [1,400]");
    om_free(m);
}

/* A VGG-like chain (3×3 convolutions, no LRN) is another network, not torchvision's AlexNet. */
TEST(onnx_refuses_a_vgg_like_chain_as_another_network)
{
    om_model *m = om_new("data", 224, 13, "test");
    const char *cur = "data";
    char w[7][16], y[7][16];
    int64_t c_in = 3;
    for (int i = 0; i < 7; i++) {
        int64_t wd[4] = {8 << (i / 2), c_in, 3, 3};
        snprintf(w[i], sizeof w[i], "w%d", i);
        snprintf(y[i], sizeof y[i], "y%d", i);
        om_init_f32(m, w[i], wd, 4, NULL, 1);
        om_node(m, "Conv", "", (const char *[]){cur, w[i], NULL}, (const char *[]){y[i], NULL});
        cur = y[i], c_in = wd[0];
    }
    int64_t od[4] = {1, c_in, 210, 210};
    om_output(m, cur, od, 4);
    const char *path = test_path("vgg.onnx");
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, path, "a different network: 7 convolutions",
                  "8-8-16-16-32-…", "no LRN");
    om_free(m);
}

TEST(onnx_refuses_a_tensor_of_the_wrong_shape)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    /* conv2 with its towers forgotten: 16 filters over all 8 channels instead of 8/2 */
    Onnx__TensorProto *w = om_layer_tensor(m, 2, 0);
    w->dims[1] = 8;
    const char *path = test_path("shape.onnx");
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, path, "conv2_w_0", "[16,8,5,5]", "expected [16,4,5,5]");
    w->dims[1] = 4;
    /* fc6 sized for a 5×5 pool5 (floor pooling at 224) */
    Onnx__TensorProto *fc6 = om_layer_tensor(m, 6, 0);
    fc6->dims[1] = 16 * 5 * 5;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, "fc6_w_0", "[32,400]", "expected [32,576]", "pool5");
    fc6->dims[1] = 16 * 6 * 6;
    /* Reshape to the wrong count; [0, -1] (keep the batch, infer the rest) is right */
    Onnx__TensorProto *shape = om_find_init(m, "OC2_DUMMY_1");
    shape->int64_data[1] = 400;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, "'OC2_DUMMY_0'", "reshapes pool5's (1,16,6,6) to [1,400]",
                  "fc6 needs (1, 576)");
    shape->int64_data[0] = 0, shape->int64_data[1] = -1;
    CHECK(om_save(m, path, 0));
    net *n = NULL;
    net_err err = {0};
    CHECKF(net_onnx_load(path, NULL, &n, NULL, NULL, &err) == NET_OK, "%s", err.msg);
    net_free(n);
    /* a bias one short: weight and bias disagree, and both are named */
    Onnx__TensorProto *b = om_layer_tensor(m, 8, 1);
    b->dims[0] = 9;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, "weight 'fc8_w_0' is [10,32] but bias 'fc8_b_0' is [9]",
                  "10 outputs against 9 biases", "(outputs, inputs)");
    b->dims[0] = 10;
    /* conv3 cut to 20 filters: the weight is named, not its (right) bias */
    Onnx__TensorProto *c3 = om_layer_tensor(m, 3, 0);
    c3->dims[0] = 20;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, "weight 'conv3_w_0' is [20,16,3,3]",
                  "bias 'conv3_b_0' is [24]", "20 outputs against 24 biases");
    c3->dims[0] = 24;
    /* an odd number of filters cannot be split between the towers */
    Onnx__TensorProto *c2 = om_layer_tensor(m, 2, 0), *c2b = om_layer_tensor(m, 2, 1);
    c2->dims[0] = c2b->dims[0] = 15;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, "weight 'conv2_w_0' is [15,4,5,5]", "15 filters",
                  "even number");
    c2->dims[0] = c2b->dims[0] = 16;
    /* the data no longer matches the shape */
    b->n_float_data = 7;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_SHAPE, "fc8_b_0", "holds 7 values", "needs 10");
    om_free(m);
}

TEST(onnx_refuses_nan_and_infinite_weights)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    om_layer_tensor(m, 3, 0)->float_data[17] = NAN;
    const char *path = test_path("nan.onnx");
    CHECK(om_save(m, path, 0));
    om_free(m);
    CHECK_REFUSED(path, NET_ERR_VALUE, path, "conv3_w_0", "NaN", "index 17");

    om_opts_torch(&o); /* raw_data: poke the bytes of a +inf */
    m = om_alexnet(&o);
    Onnx__TensorProto *t = om_layer_tensor(m, 7, 1);
    memcpy(t->raw_data.data + 4 * 3, "\x00\x00\x80\x7f", 4);
    CHECK(om_save(m, path, 0));
    om_free(m);
    CHECK_REFUSED(path, NET_ERR_VALUE, "classifier.4.bias", "infinity", "index 3");
}

TEST(onnx_refuses_quantized_graphs)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    /* the qdq variant: QuantizeLinear/DequantizeLinear pairs around the float ops */
    Onnx__NodeProto *relu = om_find_node(m, "Relu", 0);
    relu->op_type = om_strdup(m, "DequantizeLinear");
    const char *path = test_path("qdq.onnx");
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, path, "quantized", "DequantizeLinear", "int8");
    relu->op_type = om_strdup(m, "Relu");
    /* the int8 variant: 8-bit weight initializers */
    om_layer_tensor(m, 1, 0)->data_type = ONNX__TENSOR_PROTO__DATA_TYPE__INT8;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, "quantized", "conv1_w_0", "int8");
    om_free(m);
}

TEST(onnx_refuses_unknown_operators_and_branches)
{
    om_opts o;
    om_opts_torch(&o);
    om_model *m = om_alexnet(&o);
    Onnx__NodeProto *relu = om_find_node(m, "Relu", 2);
    relu->op_type = om_strdup(m, "Elu");
    const char *path = test_path("elu.onnx");
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, path, "'/conv3_2/Relu'", "'Elu'",
                  "not one alexviz runs");
    relu->op_type = om_strdup(m, "Relu");
    /* conv4 reading conv3's output directly, skipping relu3 */
    Onnx__NodeProto *conv4 = om_find_node(m, "Conv", 3);
    Onnx__NodeProto *conv3 = om_find_node(m, "Conv", 2);
    char *saved = conv4->input[0];
    conv4->input[0] = conv3->output[0];
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, "'/conv4_1/Conv'", "does not read");
    conv4->input[0] = saved;
    /* an LRN on a different size in norm2 */
    om_find_node(m, "LRN", 1)->attribute[0]->i = 3;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, "norm2", "size 5/3");
    om_find_node(m, "LRN", 1)->attribute[0]->i = 5;
    /* conv1 with stride 2 */
    om_find_node(m, "Conv", 0)->attribute[1]->ints[0] = 2;
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, "/conv1_1/Conv", "stride 2×4",
                  "AlexNet's conv1 is "
                  "11×11, stride 4");
    om_free(m);
}

TEST(onnx_refuses_a_graph_cut_short_or_reordered)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    /* norm2 and pool2 swapped by renaming: LRN where AlexNet pools */
    Onnx__NodeProto *pool2 = om_find_node(m, "MaxPool", 1), *norm2 = om_find_node(m, "LRN", 1);
    char *op = pool2->op_type;
    pool2->op_type = norm2->op_type;
    Onnx__AttributeProto **attrs = pool2->attribute;
    size_t n_attrs = pool2->n_attribute;
    pool2->attribute = norm2->attribute, pool2->n_attribute = norm2->n_attribute;
    const char *path = test_path("order.onnx");
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, "pool2_1", "where AlexNet has pool2 (MaxPool)");
    pool2->op_type = op;
    pool2->attribute = attrs, pool2->n_attribute = n_attrs;
    /* the graph's declared output in the middle of the chain */
    om_proto(m)->graph->output[0]->name = om_strdup(m, "conv5_1");
    CHECK(om_save(m, path, 0));
    CHECK_REFUSED(path, NET_ERR_UNSUPPORTED, "'conv5_1'", "not where the chain ends");
    om_free(m);
}

TEST(onnx_refuses_wrong_input_shape)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    om_proto(m)->graph->input[0]->type->tensor_type->shape->dim[1]->dim_value = 1;
    const char *path = test_path("grey.onnx");
    CHECK(om_save(m, path, 0));
    om_free(m);
    CHECK_REFUSED(path, NET_ERR_SHAPE, "'data_0'", "[1,1,224,224]", "(1, 3, S, S)");
}

/* ---------------------------------------------------------------- test-folder tensors */

TEST(onnx_tensor_files_round_trip_raw_and_float_data)
{
    float x[6] = {1.5f, -2, 0, 3.25f, 1e-20f, -7};
    int64_t dims[2] = {2, 3};
    for (int raw = 0; raw < 2; raw++) {
        const char *path = test_path(raw ? "raw.pb" : "float.pb");
        CHECK(om_write_tensor(path, x, dims, 2, raw));
        float *y = NULL;
        int64_t shape[8];
        int nd = 0;
        net_err err = {0};
        CHECKF(net_onnx_read_tensor(path, &y, shape, &nd, &err) == NET_OK, "%s", err.msg);
        int ok = nd == 2 && shape[0] == 2 && shape[1] == 3 && !memcmp(x, y, sizeof x);
        free(y);
        CHECK(ok);
    }
}

TEST(onnx_tensor_reads_debian_onnx_test_data)
{
    /* written by ONNX's own Python tools: proves the reader against files we did not write */
    const char *path = "/usr/share/libonnx-testdata/data/node/test_lrn/test_data_set_0/input_0.pb";
    struct stat sb;
    if (stat(path, &sb)) {
        fprintf(stderr, "    (skipped: libonnx-testdata is missing; make deps installs it)\n");
        return;
    }
    float *x = NULL;
    int64_t shape[8];
    int nd = 0;
    net_err err = {0};
    CHECKF(net_onnx_read_tensor(path, &x, shape, &nd, &err) == NET_OK, "%s", err.msg);
    int ok = nd == 4 && shape[0] == 5 && shape[1] == 5 && shape[2] == 5 && shape[3] == 5;
    free(x);
    CHECKF(ok, "nd %d shape %lld", nd, (long long)shape[0]);
}

TEST(onnx_tensor_refuses_corrupt_files)
{
    const char *path = test_path("corrupt.pb");
    write_text(path, "\x08\x02\x08\x03\x10\x01\x4a\x40"
                     "abc");
    float *x = NULL;
    int64_t shape[8];
    int nd;
    net_err err = {0};
    CHECK(net_onnx_read_tensor(path, &x, shape, &nd, &err) != NET_OK && !x);
    CHECKF(strstr(err.msg, "corrupt.pb") != NULL, "%s", err.msg);
    int64_t dims[1] = {4};
    om_model *m = om_new("x", 1, 1, "");
    Onnx__TensorProto *t = om_init_i64(m, "t", dims, 1, (const int64_t[]){1, 2, 3, 4});
    size_t len = onnx__tensor_proto__get_packed_size(t);
    unsigned char *buf = malloc(len);
    onnx__tensor_proto__pack(t, buf);
    FILE *f = fopen(path, "wb");
    fwrite(buf, 1, len, f);
    fclose(f);
    free(buf);
    om_free(m);
    CHECK(net_onnx_read_tensor(path, &x, shape, &nd, &err) == NET_ERR_UNSUPPORTED);
    CHECKF(strstr(err.msg, "data type 7") != NULL, "%s", err.msg);
}

/* ---------------------------------------------------------------- golden, from PyTorch */

#define GOLDEN "tests/data/onnx/"

TEST(onnx_golden_pytorch_stages)
{
    net *n = NULL;
    net_onnx_info info;
    net_err err = {0};
    CHECKF(net_onnx_load(GOLDEN "alexnet_narrow.onnx", NULL, &n, NULL, &info, &err) == NET_OK, "%s",
           err.msg);
    int S = info.input_size;
    float *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    om_input(S, x);
    net_status st = net_forward(n, x, NULL, NULL, &err);
    free(x);
    CHECK_EQ_INT(st, NET_OK);
    /* PyTorch's convolutions sum in another order: float32 rounding, scaled by the values */
    static const char *const stages[] = {"pool1", "norm1", "pool2", "conv3", "conv5",
                                         "pool5", "fc6",   "fc7",   "fc8",   "prob"};
    char fail[300] = "";
    for (size_t k = 0; k < sizeof stages / sizeof stages[0] && !fail[0]; k++) {
        char path[128];
        snprintf(path, sizeof path, GOLDEN "golden/%s.pb", stages[k]);
        float *want = NULL;
        int64_t shape[8];
        int nd;
        if (net_onnx_read_tensor(path, &want, shape, &nd, &err) != NET_OK) {
            snprintf(fail, sizeof fail, "%.280s", err.msg);
            break;
        }
        int i = net_stage_find(n, stages[k]);
        const net_stage *s = net_stage_at(n, i);
        const float *got = net_output(n, i);
        int64_t count = 1;
        for (int d = 0; d < nd; d++)
            count *= shape[d];
        if (count != (int64_t)s->out_c * s->out_h * s->out_w)
            snprintf(fail, sizeof fail, "%s: golden has %lld values, stage %d", stages[k],
                     (long long)count, s->out_c * s->out_h * s->out_w);
        float scale = 0;
        for (int64_t j = 0; j < count; j++)
            scale = fmaxf(scale, fabsf(want[j]));
        for (int64_t j = 0; j < count && !fail[0]; j++)
            if (!(fabsf(got[j] - want[j]) <= 1e-5f * scale + 1e-4f * fabsf(want[j])))
                snprintf(fail, sizeof fail,
                         "first divergence at %s[%lld]: %.9g vs PyTorch %.9g "
                         "(scale %g)",
                         stages[k], (long long)j, got[j], want[j], scale);
        free(want);
    }
    net_free(n);
    CHECKF(!fail[0], "%s", fail);
}

TEST(onnx_fuzz_seed_is_a_valid_model)
{
    /* the fuzzer starts from a file that passes every check, so mutations reach them all */
    net *n = NULL;
    net_onnx_info info;
    net_err err = {0};
    CHECKF(net_onnx_load("fuzz/corpus/fuzz_onnx/alexnet_tiny.onnx", NULL, &n, NULL, &info, &err) ==
               NET_OK,
           "%s", err.msg);
    net_free(n);
    CHECK_EQ_INT(info.width[0], 2);
}
