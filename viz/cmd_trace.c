/* cmd_trace.c: `alexviz trace IMAGE [--dump DIR]`: one block per stage as the pass runs.
 *
 * The hook prints each stage the moment it is computed: its operation, shapes, the arithmetic
 * derived from the stage table, statistics of its output and the tower split. After the pass the
 * top-5 classes follow. With --dump every stage's output is written as DIR/<stage>.npy plus a
 * DIR/trace.json summary, each file atomically, after the pass (so a failed pass writes nothing).
 */
#include "cli.h"
#include "msg.h"
#include "outdir.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char trace_help[] =
    N_("usage: alexviz trace IMAGE [--dump DIR] [options]\n\n"
       "Runs AlexNet on IMAGE (a photo, or a .npy float32 tensor of shape (3,S,S) or (1,3,S,S)\n"
       "used as the input as is) and prints every stage: operation, input → output shape, the\n"
       "shape arithmetic, parameters, MACs, receptive field, memory, time, statistics and the\n"
       "tower split; then the top-5 classes.\n\n"
       "  --dump DIR                   also write DIR/<stage>.npy for every stage (float32; C×H×W\n"
       "                               for maps, N for vectors) and DIR/trace.json\n"
       "  --force                      replace the files of an earlier dump in DIR\n"
       "  --dropout N                  then N passes with dropout as at training time (masks\n"
       "                               1 … N): how many units each kept, and the top-5 under each\n"
       "  --ten-crop                   then the paper's test: ten 227×227 patches of the photo\n"
       "                               scaled to 256 (corners, centre, their mirror images), each\n"
       "                               one's top-1 and the top-5 of their mean softmax\n"
       "  --help                       this text\n");

typedef struct {
    net_stats stats[NET_MAX_STAGES];
    double ms[NET_MAX_STAGES];
    double lrn_ratio[NET_MAX_STAGES]; /* LRN: mean output/input over non-zero inputs */
    int first_nonfinite;              /* the first stage with a NaN or an infinity, or -1 */
} trace_record;

/* What a stage's tower split means, in one line. */
static const char *reads_text(net_reads r)
{
    switch (r) {
    case NET_READS_IMAGE: return N_("both towers see the whole image");
    case NET_READS_OWN: return N_("each tower reads only its own maps");
    case NET_READS_BOUNDARY:
        return N_("each tower's own maps; the LRN window crosses the boundary for the channels "
                  "beside it");
    case NET_READS_BOTH: return N_("every output reads both towers");
    case NET_READS_ALL: return N_("one vector: no towers any more");
    }
    return "";
}

/* The operation with its geometry: "conv 11×11/4 pad 0, 96 filters (2 towers of 48)". */
static void op_text(const net_stage *s, char *buf, size_t len)
{
    switch (s->op) {
    case NET_OP_CONV:
        if (s->groups > 1)
            msg_snprintf(buf, len, "conv %d×%d/%d pad %d, %d filters in %d groups of %d×%d×%d",
                         s->k, s->k, s->stride, s->pad, s->out_c, s->groups, s->k, s->k,
                         s->in_c / s->groups);
        else
            msg_snprintf(buf, len, "conv %d×%d/%d pad %d, %d filters of %d×%d×%d", s->k, s->k,
                         s->stride, s->pad, s->out_c, s->k, s->k, s->in_c);
        break;
    case NET_OP_POOL:
        msg_snprintf(buf, len, "max pool %d×%d/%d (%s rounding%s)", s->k, s->k, s->stride,
                     s->round == NET_ROUND_CEIL ? "ceil" : "floor", s->pad_end ? ", end pad" : "");
        break;
    case NET_OP_LRN:
        msg_snprintf(buf, len, "LRN n=%d k=%g s=%g β=%g (%s, %s towers)", s->lrn.n, s->lrn.k,
                     net_lrn_scale(&s->lrn), s->lrn.beta,
                     s->lrn.formula == NET_LRN_CAFFE ? "Caffe/ONNX: s = α/n" : "paper: s = α",
                     s->lrn.within_towers ? "within" : "across");
        break;
    case NET_OP_FC: msg_snprintf(buf, len, "fully connected, %d outputs", s->out_c); break;
    case NET_OP_RELU: msg_snprintf(buf, len, "ReLU max(0, x)"); break;
    case NET_OP_DROPOUT:
        msg_snprintf(buf, len,
                     "dropout p=0.5: the identity at inference (the paper halved the "
                     "outputs instead)");
        break;
    case NET_OP_SOFTMAX: msg_snprintf(buf, len, "softmax"); break;
    case NET_OP_SUBSAMPLE:
    case NET_OP_RBF: buf[0] = 0; break; /* LeNet-5's: never in a net that runs */
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
    msg_printf(stdout, "[%2d/%d] %-6s %s\n", ev->index + 1, ev->count, s->name, op);
    msg_printf(stdout, "        shape   %s → %s\n", in, out);
    cli_explain_shape(s, line, sizeof line);
    msg_printf(stdout, "        arith   %s\n", line);
    if (s->params) {
        net_explain_params(s, line, sizeof line);
        msg_printf(stdout, "        params  %s\n", line);
        net_explain_macs(s, line, sizeof line);
        msg_printf(stdout, "        MACs    %s\n", line);
    }
    if (s->rf_jump)
        msg_printf(stdout,
                   "        field   one unit sees %d×%d input pixels; neighbours are %d px apart\n",
                   s->rf, s->rf, s->rf_jump);
    net_fmt_count((int64_t)(count * sizeof(float)), mem, sizeof mem);
    msg_printf(stdout, "        memory  %s bytes\n", mem);
    msg_printf(stdout, "        stats   min %.4g  max %.4g  mean %.4g  std %.4g", st->min, st->max,
               st->mean, st->std);
    if (s->op == NET_OP_RELU)
        msg_printf(stdout, "  zeros %.1f%%", 100 * st->zeros);
    if (s->op == NET_OP_LRN) {
        double sum = 0;
        size_t nz = 0;
        for (size_t i = 0; i < count; i++) {
            double q = (double)ev->out[i] / ev->in[i];
            if (ev->in[i] != 0.0f && isfinite(q)) {
                sum += q;
                nz++;
            }
        }
        rec->lrn_ratio[ev->index] = nz ? sum / nz : 1.0;
        msg_printf(stdout, "  out/in %.4f", rec->lrn_ratio[ev->index]);
    }
    msg_printf(stdout, "\n");
    if (st->nan || st->inf) {
        msg_printf(stdout,
                   "        warning %zu NaN and %zu infinite values: float32 overflowed; the "
                   "statistics are of the finite values\n",
                   st->nan, st->inf);
        if (rec->first_nonfinite < 0)
            rec->first_nonfinite = ev->index;
    }
    if (st->subnormal)
        msg_printf(
            stdout,
            "        note    %zu subnormal values (nonzero, below 1.2e-38): float32 keeps only "
            "a few digits of them\n",
            st->subnormal);
    if (ev->tower_b[1] > ev->tower_b[0])
        msg_printf(stdout, "        towers  A %d–%d | B %d–%d; %s\n", ev->tower_a[0],
                   ev->tower_a[1] - 1, ev->tower_b[0], ev->tower_b[1] - 1, reads_text(s->reads));
    else
        msg_printf(stdout, "        towers  %s\n", reads_text(s->reads));
    msg_printf(stdout, "        time    %.2f ms\n", ev->ms);
    fflush(stdout);
    return 0;
}

/* The dump's files: DIR/<stage>.npy for every stage, then DIR/trace.json. */
static void dump_path(const char *dir, const char *name, const char *ext, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s%s", dir, name, ext);
}

/* Creates dir if needed and takes its lock; returns the lock, or -1 after printing why. */
static int prepare_dir(const char *dir)
{
    if (mkdir(dir, 0777) && errno != EEXIST) {
        cli_error("%s: cannot create the dump folder: %s", dir, strerror(errno));
        return -1;
    }
    struct stat sb;
    if (stat(dir, &sb) || !S_ISDIR(sb.st_mode)) {
        cli_error("%s: not a folder", dir);
        return -1;
    }
    if (access(dir, W_OK)) {
        cli_error("%s: the dump folder is not writable: %s", dir, strerror(errno));
        return -1;
    }
    return outdir_lock(dir);
}

/* Without --force, a dump never replaces a file: 0 after naming the first one in the way. */
static int check_existing(const net *n, const char *dir)
{
    char path[4096], first[4096] = "";
    int count = 0;
    for (int i = 0; i <= net_stage_count(n); i++) {
        if (i < net_stage_count(n))
            dump_path(dir, net_stage_at(n, i)->name, ".npy", path, sizeof path);
        else
            dump_path(dir, "trace", ".json", path, sizeof path);
        struct stat sb;
        if (!lstat(path, &sb) && !count++)
            snprintf(first, sizeof first, "%s", path);
    }
    if (!count)
        return 1;
    if (count > 1)
        cli_error("%s: already exists, and %d more files of a dump; add --force to replace them",
                  first, count - 1);
    else
        cli_error("%s: already exists; add --force to replace it", first);
    return 0;
}

static int write_out(const char *path, const void *buf, size_t len, int force)
{
    net_err err = {0};
    net_status st =
        force ? net_write_atomic(path, buf, len, &err) : net_write_new(path, buf, len, &err);
    if (st != NET_OK)
        cli_net_error(&err);
    return st == NET_OK;
}

static int dump_all(net *n, const trace_record *rec, const char *dir, const char *image,
                    const char *weights_desc, const int *top, const float *topv, int k, int force)
{
    net_err err = {0};
    char path[4096];
    for (int i = 0; i < net_stage_count(n); i++) {
        const net_stage *s = net_stage_at(n, i);
        int shape[3] = {s->out_c, s->out_h, s->out_w};
        int ndim = s->out_h == 1 && s->out_w == 1 ? 1 : 3;
        dump_path(dir, s->name, ".npy", path, sizeof path);
        unsigned char *npy;
        size_t len;
        if (net_npy_encode(path, net_output(n, i), shape, ndim, &npy, &len, &err) != NET_OK) {
            cli_net_error(&err);
            return 0;
        }
        int ok = write_out(path, npy, len, force);
        free(npy);
        if (!ok)
            return 0;
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
    cli_json_str(f, weights_desc);
    fprintf(f, ",\n  \"untrained\": %s,\n  \"input_size\": %d,\n  \"first_nonfinite\": ",
            net_is_untrained(n) ? "true" : "false", net_get_config(n)->input_size);
    if (rec->first_nonfinite >= 0)
        cli_json_str(f, net_stage_at(n, rec->first_nonfinite)->name);
    else
        fprintf(f, "null");
    fprintf(f, ",\n  \"stages\": [\n");
    for (int i = 0; i < net_stage_count(n); i++) {
        const net_stage *s = net_stage_at(n, i);
        const net_stats *st = &rec->stats[i];
        fprintf(f,
                "    {\"name\": \"%s\", \"op\": \"%s\", \"shape\": [%d, %d, %d], "
                "\"params\": %lld, \"macs\": %lld, \"min\": %.9g, \"max\": %.9g, "
                "\"mean\": %.9g, \"std\": %.9g, \"zeros\": %.6f, \"ms\": %.4f",
                s->name, net_op_str(s->op), s->out_c, s->out_h, s->out_w, (long long)s->params,
                (long long)s->macs, st->min, st->max, st->mean, st->std, st->zeros, rec->ms[i]);
        fprintf(f, ", \"nan\": %zu, \"inf\": %zu, \"subnormal\": %zu", st->nan, st->inf,
                st->subnormal);
        if (s->op == NET_OP_LRN)
            fprintf(f, ", \"lrn_out_over_in\": %.6f", rec->lrn_ratio[i]);
        fprintf(f, "}%s\n", i + 1 < net_stage_count(n) ? "," : "");
    }
    fprintf(f, "  ],\n  \"top5\": [\n");
    int named = cli_has_class_names(net_stage_at(n, net_stage_count(n) - 1)->out_c);
    for (int j = 0; j < k; j++) {
        fprintf(f, "    {\"class\": %d, \"name\": ", top[j]);
        cli_json_str(f, named ? cli_class_name(top[j]) : "");
        fprintf(f, ", \"p\": ");
        cli_json_num(f, topv[j]);
        fprintf(f, "}%s\n", j + 1 < k ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
    fclose(f);
    dump_path(dir, "trace", ".json", path, sizeof path);
    int ok = write_out(path, json, len, force);
    free(json);
    return ok;
}

typedef struct {
    const char *image, *dump;
    int force, dropout; /* --dropout N: N more passes with masks */
    int ten_crop;       /* --ten-crop: the paper's ten patches */
} trace_args;

static int take_arg(void *ctx, int argc, char **argv, int *i)
{
    trace_args *t = ctx;
    const char *a = argv[*i];
    if (!strcmp(a, "--dump"))
        return (t->dump = cli_value(argc, argv, i)) ? 1 : -1;
    if (!strcmp(a, "--force")) {
        t->force = 1;
        return 1;
    }
    if (!strcmp(a, "--ten-crop")) {
        t->ten_crop = 1;
        return 1;
    }
    if (!strcmp(a, "--dropout")) {
        const char *v = cli_value(argc, argv, i);
        char *end;
        long k = v ? strtol(v, &end, 10) : 0;
        if (v && (end == v || *end || k < 1 || k > 100)) {
            cli_error("trace: --dropout takes 1 to 100 masks, not '%s'", v);
            return -1;
        }
        t->dropout = (int)k;
        return v ? 1 : -1;
    }
    if (a[0] == '-' && a[1])
        return 0;
    if (t->image) {
        cli_error("trace: one image at a time ('%s' and '%s')", t->image, a);
        return -1;
    }
    t->image = a;
    return 1;
}

/* The paper's test after the pass: the photo again at 256, its ten patches through the net,
 * each one's top-1 and the top-5 of their mean. */
static int ten_crop(net *n, const char *image, const net_preproc *pp, int is_npy)
{
    static const char *const where[5] = {N_("top-left"), N_("top-right"), N_("bottom-left"),
                                         N_("bottom-right"), N_("centre")};
    net_input sq = {0};
    net_err err = {0};
    int S = net_get_config(n)->input_size, last = net_stage_count(n) - 1, side = 256;
    int classes = net_stage_at(n, last)->out_c, named = cli_has_class_names(classes);
    if (is_npy) {
        cli_error("%s: the ten patches are cut from a photo, not from a .npy input", image);
        return 0;
    }
    if (net_input_load(&sq, image, side, pp, &err) != NET_OK) {
        cli_net_error(&err);
        return 0;
    }
    double *mean = malloc(sizeof(double) * (size_t)classes);
    float *meanf = malloc(sizeof(float) * (size_t)classes);
    int top1[NET_TEN_CROPS], xy[NET_TEN_CROPS][2], ok = mean && meanf;
    float top1_p[NET_TEN_CROPS];
    if (!ok)
        cli_error("out of memory");
    if (ok && (net_ten_crops(NULL, side, S, pp, NULL, xy, &err) != NET_OK ||
               net_ten_crop(n, sq.rgb, side, pp, mean, top1, top1_p, NULL, NULL, &err) != NET_OK)) {
        cli_net_error(&err);
        ok = 0;
    }
    if (ok) {
        msg_printf(
            stdout,
            "\nthe paper's test: the photo's shorter side at %d, its centre %d×%d, and ten "
            "%d×%d patches of it\n(four corners, the centre, and the mirror image of each):\n",
            side, side, side, S, S);
        for (int p = 0; p < NET_TEN_CROPS; p++) {
            char name[64], padded[96];
            msg_snprintf(name, sizeof name, p < 5 ? "%s" : "%s, mirrored", msg_text(where[p % 5]));
            msg_pad(name, 22, padded, sizeof padded);
            msg_printf(stdout, "  %2d  %s at (%3d, %3d)  top-1 %6.2f%%  %4d%s%s\n", p + 1, padded,
                       xy[p][0], xy[p][1], 100 * top1_p[p], top1[p], named ? "  " : "",
                       named ? cli_class_name(top1[p]) : "");
        }
        for (int c = 0; c < classes; c++)
            meanf[c] = (float)mean[c];
        int k = classes < 5 ? classes : 5, top[5];
        float topv[5];
        net_topk(meanf, classes, k, top, topv);
        msg_printf(stdout, "top-%d of the ten patches' mean softmax:\n", k);
        for (int j = 0; j < k; j++)
            msg_printf(stdout, "  %6.2f%%  %4d%s%s\n", 100 * topv[j], top[j], named ? "  " : "",
                       named ? cli_class_name(top[j]) : "");
    }
    free(mean);
    free(meanf);
    net_input_free(&sq);
    return ok;
}

/* After the test-time pass: n more passes with dropout as at training time (masks 1 … n), each
 * said in a line: how many units each dropout stage kept, and the top-5. Test time again after. */
static int dropout_passes(net *n, const float *input, int masks)
{
    int d[2] = {-1, -1}, nd = 0, last = net_stage_count(n) - 1;
    for (int i = 0; i <= last && nd < 2; i++)
        if (net_stage_at(n, i)->op == NET_OP_DROPOUT)
            d[nd++] = i;
    if (nd < 2)
        return 1;
    msg_printf(stdout,
               "\ndropout at training time, %d masks: drop6 and drop7 zero each unit with "
               "probability 0.5 and\ndouble the kept ones (at test time, above, nothing changes: "
               "the same in expectation)\n",
               masks);
    net_err err = {0};
    for (int m = 1; m <= masks; m++) {
        net_set_dropout(n, 1, (uint64_t)m);
        if (net_forward(n, input, NULL, NULL, &err) != NET_OK) {
            cli_net_error(&err);
            net_set_dropout(n, 0, 0);
            return 0;
        }
        int kept[2] = {0, 0}, size[2], top[5];
        float topv[5];
        for (int k = 0; k < 2; k++) {
            const net_stage *s = net_stage_at(n, d[k]);
            const unsigned char *mask = net_dropout_mask(n, d[k]);
            size[k] = s->out_c * s->out_h * s->out_w;
            for (int j = 0; mask && j < size[k]; j++)
                kept[k] += mask[j];
        }
        int classes = net_stage_at(n, last)->out_c, k = classes < 5 ? classes : 5;
        net_topk(net_output(n, last), classes, k, top, topv);
        char list[96] = "";
        for (int j = 0; j < k; j++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d", j ? " " : "", top[j]);
        msg_printf(stdout, "  mask %d: kept %d of %d in %s, %d of %d in %s; top-5 %s\n", m, kept[0],
                   size[0], net_stage_at(n, d[0])->name, kept[1], size[1],
                   net_stage_at(n, d[1])->name, list);
    }
    net_set_dropout(n, 0, 0);
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
    if (dump && !outdir_name_ok("--dump", dump))
        return 2;
    if (t.force && !dump) {
        cli_error("trace: --force replaces the files of a dump: add --dump DIR");
        return 2;
    }
    /* a photo that is missing or no file at all is said at once, before the net is built */
    net_err early = {0};
    if (net_file_check(image, &early) != NET_OK) {
        cli_net_error(&early);
        return 1;
    }
    int lock = -1;
    if (dump && (lock = prepare_dir(dump)) < 0)
        return 1;
    outdir_catch_signals();

    cli_net made;
    cli_make_net(&o, &made);
    net *n = made.net;
    net_preproc pp = made.pp;
    if (!n || (dump && !t.force && !check_existing(n, dump))) {
        net_free(n);
        outdir_unlock(lock);
        return 1;
    }
    net_input in = {0};
    net_err err = {0};
    if (net_input_load(&in, image, net_get_config(n)->input_size, &pp, &err) != NET_OK) {
        cli_net_error(&err);
        net_free(n);
        outdir_unlock(lock);
        return 1;
    }

    const net_config *c = net_get_config(n);
    char shown[4096];
    msg_printf(stdout, "alexviz trace: %s\n", cli_shown(image, shown, sizeof shown));
    msg_printf(stdout, "weights: %s%s\n", made.desc,
               net_is_untrained(n) ? "; predictions mean nothing" : "");
    msg_printf(stdout, "input:   %d×%d, %s, 0–255 minus mean (%.3f, %.3f, %.3f)%s\n", c->input_size,
               c->input_size, pp.bgr ? "BGR" : "RGB", pp.mean[0], pp.mean[1], pp.mean[2],
               in.is_npy ? "; .npy taken as is" : "");
    msg_printf(stdout, "variant: %s; %s pooling; LRN %s, window %s\n\n",
               c->lrn_after_pool ? "conv → relu → pool → norm (CaffeNet, the notes)"
                                 : "conv → relu → norm → pool (paper, Caffe)",
               c->pool_round == NET_ROUND_CEIL || c->pool_pad_end ? "ceil" : "floor",
               c->lrn.formula == NET_LRN_CAFFE ? "k=1, α/n (Caffe/ONNX)" : "k=2, α (paper)",
               c->lrn.within_towers ? "within each tower" : "across both towers");

    net_stats in_st;
    net_compute_stats(in.data, 3 * (size_t)c->input_size * c->input_size, &in_st);
    if (in_st.subnormal)
        msg_printf(
            stdout,
            "note:    %zu input values are subnormal (nonzero, below 1.2e-38): float32 keeps "
            "only a few digits of them, and the maps will show mostly zeros\n\n",
            in_st.subnormal);

    trace_record *rec = calloc(1, sizeof *rec);
    int rc = 1;
    if (rec)
        rec->first_nonfinite = -1;
    if (!rec) {
        cli_error("out of memory");
    } else if (net_forward(n, in.data, trace_hook, rec, &err) != NET_OK) {
        char said[600];
        cli_error("%s: %s", image, msg_err(&err, msg_lang(), said, sizeof said));
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
        msg_printf(stdout, "\ntotal: %s parameters, %s MACs, %.1f ms\n", params, macs, total);
        int named = cli_has_class_names(net_stage_at(n, net_stage_count(n) - 1)->out_c);
        msg_printf(stdout, "\ntop-%d%s%s:\n", k,
                   net_is_untrained(n) ? " (untrained weights: meaningless)" : "",
                   named ? "" : " (not ImageNet's 1000 classes: no names)");
        for (int j = 0; j < k; j++)
            msg_printf(stdout, "  %6.2f%%  %4d%s%s\n", 100 * topv[j], top[j], named ? "  " : "",
                       named ? cli_class_name(top[j]) : "");
        if (rec->first_nonfinite >= 0)
            msg_printf(stdout,
                       "\nwarning: NaN or infinite values from %s on: float32 overflowed; the "
                       "statistics are of the finite values and the classes mean nothing\n",
                       net_stage_at(n, rec->first_nonfinite)->name);
        rc = 0;
        if (dump) {
            if (dump_all(n, rec, dump, image, made.desc, top, topv, k, t.force))
                msg_printf(stdout, "\nwrote %d .npy files and trace.json to %s\n", last + 1,
                           cli_shown(dump, shown, sizeof shown));
            else
                rc = 1;
        }
        /* after the dump, which holds the test-time pass */
        if (t.dropout && !dropout_passes(n, in.data, t.dropout))
            rc = 1;
        if (t.ten_crop && !ten_crop(n, image, &pp, in.is_npy))
            rc = 1;
    }
    free(rec);
    net_input_free(&in);
    net_free(n);
    outdir_unlock(lock);
    return rc;
}
