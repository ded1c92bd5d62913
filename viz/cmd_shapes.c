/* cmd_shapes.c: `alexviz shapes [--input-size 227|224]`: the arithmetic table alone.
 *
 * Everything printed comes from the stage table, the same rows the forward pass runs. After the
 * table: the formula of every stage with its numbers, and the traps the course notes and the
 * paper set (224 vs 227, the "3 filters" slip, the order of LRN and pooling).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char shapes_help[] =
    "usage: alexviz shapes [options]\n\n"
    "Prints every stage of AlexNet with its geometry, input and output shape, parameters,\n"
    "multiply-accumulates, receptive field and activation memory, then the arithmetic of each\n"
    "stage with its real numbers. No image and no weights are needed: the flags below set the\n"
    "geometry, or a weights file does (its input size, pooling and LRN), the same file the\n"
    "other commands would run: --weights FILE.onnx, or the one `make weights` stored.\n\n"
    "  --help                       this text\n";

static void shape_cell(int c, int h, int w, char *buf, size_t len)
{
    if (h == 1 && w == 1)
        snprintf(buf, len, "%d", c);
    else
        snprintf(buf, len, "%d×%d×%d", h, w, c);
}

/* printf pads by bytes; this pads by characters so "×" and "·" line up. */
static void cell(const char *s, int width)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    fputs(s, stdout);
    for (; chars < width; chars++)
        fputc(' ', stdout);
}

static void print_table(const net_stage *st, int n)
{
    printf("%-7s%-9s%-9s%-7s%-4s%-5s%-13s%-13s%13s  %15s  %5s  %s\n", "stage", "op", "kernel",
           "stride", "pad", "grp", "input", "output", "params", "MACs", "field", "memory");
    int64_t params = 0, macs = 0;
    for (int i = 0; i < n; i++) {
        const net_stage *s = &st[i];
        char kern[16] = "", in[32], out[32], p[32] = "", m[32] = "", rf[16] = "", mem[32];
        if (s->op == NET_OP_CONV || s->op == NET_OP_POOL)
            snprintf(kern, sizeof kern, "%d×%d", s->k, s->k);
        shape_cell(s->in_c, s->in_h, s->in_w, in, sizeof in);
        shape_cell(s->out_c, s->out_h, s->out_w, out, sizeof out);
        if (s->params)
            net_fmt_count(s->params, p, sizeof p);
        if (s->macs)
            net_fmt_count(s->macs, m, sizeof m);
        if (s->rf_jump)
            snprintf(rf, sizeof rf, "%d", s->rf);
        net_fmt_count((int64_t)s->out_c * s->out_h * s->out_w * 4, mem, sizeof mem);
        cell(s->name, 7);
        cell(net_op_str(s->op), 9);
        cell(kern, 9);
        char pad[16] = "", stride[8] = "", groups[8] = "";
        if (s->op == NET_OP_CONV || s->op == NET_OP_POOL) {
            snprintf(stride, sizeof stride, "%d", s->stride);
            if (s->pad_end)
                snprintf(pad, sizeof pad, "%d+%d", s->pad, s->pad_end);
            else
                snprintf(pad, sizeof pad, "%d", s->pad);
        }
        if (s->op == NET_OP_CONV)
            snprintf(groups, sizeof groups, "%d", s->groups);
        printf("%-6s %-3s %-4s ", stride, pad, groups);
        cell(in, 13);
        cell(out, 13);
        printf("%13s  %15s  %5s  %s B\n", p, m, rf, mem);
        params += s->params;
        macs += s->macs;
    }
    char p[32], m[32];
    net_fmt_count(params, p, sizeof p);
    net_fmt_count(macs, m, sizeof m);
    printf("%-66s %13s  %15s\n", "total", p, m);
}

static void print_arithmetic(const net_stage *st, int n)
{
    char line[200];
    printf("\nThe arithmetic, O = floor((I + 2P − K)/S) + 1:\n");
    for (int i = 0; i < n; i++) {
        const net_stage *s = &st[i];
        if (s->op != NET_OP_CONV && s->op != NET_OP_POOL && s->op != NET_OP_FC)
            continue;
        net_explain_shape(s, line, sizeof line);
        printf("  %-6s %s\n", s->name, line);
        if (s->params) {
            net_explain_params(s, line, sizeof line);
            printf("         params %s\n", line);
            net_explain_macs(s, line, sizeof line);
            printf("         MACs   %s\n", line);
        }
    }
}

/* At 224: what the ceil pooling does, and what floor pooling would have broken. */
static void print_224_note(const net_config *cfg)
{
    net_config floor_cfg = *cfg;
    net_stage st[NET_MAX_STAGES];
    floor_cfg.pool_round = NET_ROUND_FLOOR;
    floor_cfg.pool_pad_end = 0;
    int n = net_table_build(&floor_cfg, st, NULL);
    printf("\n224 or 227:\n"
           "  The paper says 224×224, but floor((224 − 11)/4) + 1 = 54, not 55.\n");
    if (cfg->input_size == 224) {
        printf("  At 224 the pools must round up (Caffe's ceil mode; the ONNX model zoo writes it\n"
               "  as end pads [0,0,1,1]): 54 → 27 → 13 → 6, and pool5 is again 6×6×256 = 9216.\n");
        if (n) {
            const net_stage *p5 = &st[n - 1];
            for (int i = 0; i < n; i++)
                if (!strcmp(st[i].name, "pool5"))
                    p5 = &st[i];
            printf("  With floor pooling: ");
            for (int i = 0; i < n; i++)
                if (st[i].op == NET_OP_POOL)
                    printf("%s%d → %d", strcmp(st[i].name, "pool1") ? ", " : "", st[i].in_h,
                           st[i].out_h);
            printf("; pool5 gives %d×%d×%d = %d values, and fc6's 4096×9216 weights cannot run.\n",
                   p5->out_h, p5->out_w, p5->out_c, p5->out_c * p5->out_h * p5->out_w);
        }
    } else {
        printf("  Caffe feeds 227×227, which gives 55 with plain floor rounding everywhere;\n"
               "  `alexviz shapes --input-size 224` shows how the 224 input survives.\n");
    }
}

int cmd_shapes(int argc, char **argv)
{
    cli_opts o;
    cli_opts_default(&o);
    int rc = cli_parse("shapes", shapes_help, &o, argc, argv, NULL, NULL);
    if (rc >= 0)
        return rc;
    /* the geometry of the weights the other commands would run: --weights FILE, or the file
     * `make weights` stored (the table needs no weights, but 224 and 227 must not disagree) */
    const char *file = cli_weights_file(&o);
    if (file) {
        net_preproc pp;
        net *file_net = cli_load_onnx(&o, file, &pp);
        if (!file_net)
            return 1;
        o.cfg = *net_get_config(file_net);
        net_free(file_net);
        printf("weights: %s\n", cli_weights_desc());
    }
    net_stage st[NET_MAX_STAGES];
    net_err err = {0};
    int n = net_table_build(&o.cfg, st, &err);
    if (!n) {
        cli_error("%s", err.msg);
        return 1;
    }
    printf("AlexNet at %d×%d×3, %s pooling, LRN %s pooling\n\n", o.cfg.input_size,
           o.cfg.input_size,
           o.cfg.pool_round == NET_ROUND_CEIL ? "ceil"
           : o.cfg.pool_pad_end               ? "ceil (as end pads)"
                                              : "floor",
           o.cfg.lrn_after_pool ? "after" : "before");
    print_table(st, n);
    print_arithmetic(st, n);
    print_224_note(&o.cfg);
    printf("\nTraps in the course notes and the paper:\n"
           "  - \"Number of filters 3\" for conv1: 3 is the depth of each filter (RGB); conv1 has "
           "96 filters,\n    48 on each GPU.\n"
           "  - Order: the paper and Caffe's bvlc_alexnet apply LRN before pooling; CaffeNet and "
           "the notes\n    after (--lrn-order). Same parameters, same shapes.\n"
           "  - LRN: the paper writes k=2 and α; Caffe, ONNX and PyTorch use k=1 and α/n "
           "(--lrn).\n"
           "  - conv2, conv4 and conv5 read only their own tower (groups=2): 5·5·48, not "
           "5·5·96.\n");
    return 0;
}
