/* cmd_trace.c: `alexviz trace IMAGE [--dump DIR]`: one block per stage as the pass runs.
 *
 * The hook prints each stage the moment it is computed: its operation, shapes, the arithmetic
 * derived from the stage table, statistics of its output and the tower split. After the pass the
 * top-5 classes follow. With --dump every stage's output is written as DIR/<stage>.npy plus a
 * DIR/trace.json summary, each file atomically, after the pass (so a failed pass writes nothing).
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char trace_help[] =
    "usage: alexviz trace IMAGE [--dump DIR] [options]\n\n"
    "Runs AlexNet on IMAGE (a photo, or a .npy float32 tensor of shape (3,S,S) or (1,3,S,S)\n"
    "used as the input as is) and prints every stage: operation, input → output shape, the\n"
    "shape arithmetic, parameters, MACs, receptive field, memory, time, statistics and the\n"
    "tower split; then the top-5 classes.\n\n"
    "  --dump DIR                   also write DIR/<stage>.npy for every stage (float32; C×H×W\n"
    "                               for maps, N for vectors) and DIR/trace.json\n"
    "  --help                       this text\n";

typedef struct {
    net_stats stats[NET_MAX_STAGES];
    double ms[NET_MAX_STAGES];
    double lrn_ratio[NET_MAX_STAGES]; /* LRN: mean output/input over non-zero inputs */
} trace_record;

/* What a stage's tower split means, in one line. */
static const char *reads_text(net_reads r)
{
    switch (r) {
    case NET_READS_IMAGE: return "both towers see the whole image";
    case NET_READS_OWN: return "each tower reads only its own maps";
    case NET_READS_BOUNDARY:
        return "each tower's own maps; the LRN window crosses the boundary for the channels "
               "beside it";
    case NET_READS_BOTH: return "every output reads both towers";
    case NET_READS_ALL: return "one vector: no towers any more";
    }
    return "";
}

/* The operation with its geometry: "conv 11×11/4 pad 0, 96 filters (2 towers of 48)". */
static void op_text(const net_stage *s, char *buf, size_t len)
{
    switch (s->op) {
    case NET_OP_CONV:
        if (s->groups > 1)
            snprintf(buf, len, "conv %d×%d/%d pad %d, %d filters in %d groups of %d×%d×%d",
                     s->k, s->k, s->stride, s->pad, s->out_c, s->groups, s->k, s->k,
                     s->in_c / s->groups);
        else
            snprintf(buf, len, "conv %d×%d/%d pad %d, %d filters of %d×%d×%d", s->k, s->k,
                     s->stride, s->pad, s->out_c, s->k, s->k, s->in_c);
        break;
    case NET_OP_POOL:
        snprintf(buf, len, "max pool %d×%d/%d (%s rounding%s)", s->k, s->k, s->stride,
                 s->round == NET_ROUND_CEIL ? "ceil" : "floor", s->pad_end ? ", end pad" : "");
        break;
    case NET_OP_LRN:
        snprintf(buf, len, "LRN n=%d k=%g s=%g β=%g (%s, %s towers)", s->lrn_n, s->lrn_k,
                 net_lrn_scale(s), s->lrn_beta,
                 s->lrn_formula == NET_LRN_CAFFE ? "Caffe/ONNX: s = α/n" : "paper: s = α",
                 s->lrn_within_towers ? "within" : "across");
        break;
    case NET_OP_FC: snprintf(buf, len, "fully connected, %d outputs", s->out_c); break;
    case NET_OP_RELU: snprintf(buf, len, "ReLU max(0, x)"); break;
    case NET_OP_DROPOUT:
        snprintf(buf, len, "dropout p=0.5: the identity at inference (the paper halved the "
                           "outputs instead)");
        break;
    case NET_OP_SOFTMAX: snprintf(buf, len, "softmax"); break;
    }
}

static void shape_text(int c, int h, int w, char *buf, size_t len)
{
    if (h == 1 && w == 1)
        snprintf(buf, len, "%d", c);
    else
        snprintf(buf, len, "%d×%d×%d", h, w, c);
}

static int trace_hook(const net_event *ev, void *user)
{
    trace_record *rec = user;
    const net_stage *s = ev->stage;
    size_t count = (size_t)s->out_c * s->out_h * s->out_w;
    net_stats *st = &rec->stats[ev->index];
    net_compute_stats(ev->out, count, st);
    rec->ms[ev->index] = ev->ms;

    char op[160], in[32], out[32], line[160], mem[32];
    op_text(s, op, sizeof op);
    shape_text(s->in_c, s->in_h, s->in_w, in, sizeof in);
    shape_text(s->out_c, s->out_h, s->out_w, out, sizeof out);
    printf("[%2d/%d] %-6s %s\n", ev->index + 1, ev->count, s->name, op);
    printf("        shape   %s → %s\n", in, out);
    net_explain_shape(s, line, sizeof line);
    printf("        arith   %s\n", line);
    if (s->params) {
        net_explain_params(s, line, sizeof line);
        printf("        params  %s\n", line);
        net_explain_macs(s, line, sizeof line);
        printf("        MACs    %s\n", line);
    }
    if (s->rf_jump)
        printf("        field   one unit sees %d×%d input pixels; neighbours are %d px apart\n",
               s->rf, s->rf, s->rf_jump);
    net_fmt_count((int64_t)(count * sizeof(float)), mem, sizeof mem);
    printf("        memory  %s bytes\n", mem);
    printf("        stats   min %.4g  max %.4g  mean %.4g  std %.4g", st->min, st->max, st->mean,
           st->std);
    if (s->op == NET_OP_RELU)
        printf("  zeros %.1f%%", 100 * st->zeros);
    if (s->op == NET_OP_LRN) {
        double sum = 0;
        size_t nz = 0;
        for (size_t i = 0; i < count; i++)
            if (ev->in[i] != 0.0f) {
                sum += ev->out[i] / ev->in[i];
                nz++;
            }
        rec->lrn_ratio[ev->index] = nz ? sum / nz : 1.0;
        printf("  out/in %.4f", rec->lrn_ratio[ev->index]);
    }
    printf("\n");
    if (ev->tower_b[1] > ev->tower_b[0])
        printf("        towers  A %d–%d | B %d–%d; %s\n", ev->tower_a[0], ev->tower_a[1] - 1,
               ev->tower_b[0], ev->tower_b[1] - 1, reads_text(s->reads));
    else
        printf("        towers  %s\n", reads_text(s->reads));
    printf("        time    %.2f ms\n", ev->ms);
    fflush(stdout);
    return 0;
}


/* Creates dir if needed and checks that a file can be written in it. */
static int prepare_dir(const char *dir)
{
    if (mkdir(dir, 0777) && errno != EEXIST) {
        cli_error("%s: cannot create the dump folder: %s", dir, strerror(errno));
        return 0;
    }
    struct stat sb;
    if (stat(dir, &sb) || !S_ISDIR(sb.st_mode)) {
        cli_error("%s: not a folder", dir);
        return 0;
    }
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/.alexviz-probe", dir);
    net_err err = {0};
    if (net_write_atomic(probe, "", 0, &err) != NET_OK) {
        cli_error("%s: the dump folder is not writable (%s)", dir, err.msg);
        return 0;
    }
    remove(probe);
    return 1;
}

static int dump_all(net *n, const trace_record *rec, const char *dir, const char *image,
                    const int *top, const float *topv, int k)
{
    net_err err = {0};
    char path[4096];
    for (int i = 0; i < net_stage_count(n); i++) {
        const net_stage *s = net_stage_at(n, i);
        int shape[3] = {s->out_c, s->out_h, s->out_w};
        int ndim = s->out_h == 1 && s->out_w == 1 ? 1 : 3;
        snprintf(path, sizeof path, "%s/%s.npy", dir, s->name);
        if (net_npy_save(path, net_output(n, i), shape, ndim, &err) != NET_OK) {
            cli_error("%s", err.msg);
            return 0;
        }
    }
    char *json = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&json, &len);
    if (!f) {
        cli_error("%s/trace.json: out of memory", dir);
        return 0;
    }
    fprintf(f, "{\n  \"image\": ");
    cli_json_str(f, image);
    fprintf(f, ",\n  \"weights\": ");
    cli_json_str(f, cli_weights_desc());
    fprintf(f, ",\n  \"untrained\": %s,\n  \"input_size\": %d,\n  \"stages\": [\n",
            net_is_untrained(n) ? "true" : "false", net_get_config(n)->input_size);
    for (int i = 0; i < net_stage_count(n); i++) {
        const net_stage *s = net_stage_at(n, i);
        const net_stats *st = &rec->stats[i];
        fprintf(f, "    {\"name\": \"%s\", \"op\": \"%s\", \"shape\": [%d, %d, %d], "
                   "\"params\": %lld, \"macs\": %lld, \"min\": %.9g, \"max\": %.9g, "
                   "\"mean\": %.9g, \"std\": %.9g, \"zeros\": %.6f, \"ms\": %.4f",
                s->name, net_op_str(s->op), s->out_c, s->out_h, s->out_w, (long long)s->params,
                (long long)s->macs, st->min, st->max, st->mean, st->std, st->zeros, rec->ms[i]);
        if (s->op == NET_OP_LRN)
            fprintf(f, ", \"lrn_out_over_in\": %.6f", rec->lrn_ratio[i]);
        fprintf(f, "}%s\n", i + 1 < net_stage_count(n) ? "," : "");
    }
    fprintf(f, "  ],\n  \"top5\": [\n");
    int named = cli_has_class_names(net_stage_at(n, net_stage_count(n) - 1)->out_c);
    for (int j = 0; j < k; j++) {
        fprintf(f, "    {\"class\": %d, \"name\": ", top[j]);
        cli_json_str(f, named ? cli_class_name(top[j]) : "");
        fprintf(f, ", \"p\": %.6g}%s\n", topv[j], j + 1 < k ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
    fclose(f);
    snprintf(path, sizeof path, "%s/trace.json", dir);
    int ok = net_write_atomic(path, json, len, &err) == NET_OK;
    if (!ok)
        cli_error("%s", err.msg);
    free(json);
    return ok;
}

typedef struct {
    const char *image, *dump;
} trace_args;

static int take_arg(void *ctx, int argc, char **argv, int *i)
{
    trace_args *t = ctx;
    const char *a = argv[*i];
    if (!strcmp(a, "--dump"))
        return (t->dump = cli_value(argc, argv, i)) ? 1 : -1;
    if (a[0] == '-' && a[1])
        return 0;
    if (t->image) {
        cli_error("trace: one image at a time ('%s' and '%s')", t->image, a);
        return -1;
    }
    t->image = a;
    return 1;
}

int cmd_trace(int argc, char **argv)
{
    cli_opts o;
    cli_opts_default(&o);
    trace_args t = {0};
    int usage = cli_parse("trace", trace_help, &o, argc, argv, take_arg, &t);
    if (usage >= 0)
        return usage;
    const char *image = t.image, *dump = t.dump;
    if (!image) {
        cli_error("trace: no image given (see alexviz trace --help)");
        return 2;
    }
    if (dump && !prepare_dir(dump))
        return 1;

    net_preproc pp;
    net *n = cli_make_net(&o, &pp);
    if (!n)
        return 1;
    net_input in = {0};
    net_err err = {0};
    if (net_input_load(&in, image, net_get_config(n)->input_size, &pp, &err) != NET_OK) {
        cli_error("%s", err.msg);
        net_free(n);
        return 1;
    }

    const net_config *c = net_get_config(n);
    printf("alexviz trace: %s\n", image);
    printf("weights: %s%s\n", cli_weights_desc(),
           net_is_untrained(n) ? "; predictions mean nothing" : "");
    printf("input:   %d×%d, %s, 0–255 minus mean (%.3f, %.3f, %.3f)%s\n", c->input_size,
           c->input_size, pp.bgr ? "BGR" : "RGB", pp.mean[0], pp.mean[1], pp.mean[2],
           in.is_npy ? "; .npy taken as is" : "");
    printf("variant: %s; %s pooling; LRN %s, window %s\n\n",
           c->lrn_after_pool ? "conv → relu → pool → norm (CaffeNet, the notes)"
                             : "conv → relu → norm → pool (paper, Caffe)",
           c->pool_round == NET_ROUND_CEIL || c->pool_pad_end ? "ceil" : "floor",
           c->lrn_formula == NET_LRN_CAFFE ? "k=1, α/n (Caffe/ONNX)" : "k=2, α (paper)",
           c->lrn_within_towers ? "within each tower" : "across both towers");

    trace_record *rec = calloc(1, sizeof *rec);
    int rc = 1;
    if (!rec) {
        cli_error("out of memory");
    } else if (net_forward(n, in.data, trace_hook, rec, &err) != NET_OK) {
        cli_error("%s: %s", image, err.msg);
    } else {
        int last = net_stage_count(n) - 1, top[5];
        float topv[5];
        const net_stage *prob = net_stage_at(n, last);
        int k = prob->out_c < 5 ? prob->out_c : 5;
        net_topk(net_output(n, last), prob->out_c, k, top, topv);
        double total = 0;
        for (int i = 0; i <= last; i++)
            total += rec->ms[i];
        char params[32], macs[32];
        net_fmt_count(net_total_params(n), params, sizeof params);
        net_fmt_count(net_total_macs(n), macs, sizeof macs);
        printf("\ntotal: %s parameters, %s MACs, %.1f ms\n", params, macs, total);
        int named = cli_has_class_names(net_stage_at(n, net_stage_count(n) - 1)->out_c);
        printf("\ntop-%d%s%s:\n", k, net_is_untrained(n) ? " (untrained weights: meaningless)" : "",
               named ? "" : " (not ImageNet's 1000 classes: no names)");
        for (int j = 0; j < k; j++)
            printf("  %6.2f%%  %4d%s%s\n", 100 * topv[j], top[j], named ? "  " : "",
                   named ? cli_class_name(top[j]) : "");
        rc = 0;
        if (dump) {
            if (dump_all(n, rec, dump, image, top, topv, k))
                printf("\nwrote %d .npy files and trace.json to %s\n", last + 1, dump);
            else
                rc = 1;
        }
    }
    free(rec);
    net_input_free(&in);
    net_free(n);
    return rc;
}
