/* cmd_shapes.c: `alexviz shapes [--input-size 227|224]`: the arithmetic table alone.
 *
 * Everything printed comes from the stage table, the same rows the forward pass runs. After the
 * table: the formula of every stage with its numbers, and the traps the course notes and the
 * paper set (224 vs 227, the "3 filters" slip, the order of LRN and pooling).
 */
#include "cli.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

static const char shapes_help[] =
    N_("usage: alexviz shapes [options]\n\n"
       "Prints every stage of AlexNet with its geometry, input and output shape, parameters,\n"
       "multiply-accumulates, receptive field and activation memory, then the arithmetic of each\n"
       "stage with its real numbers. No image and no weights are needed: the flags below set the\n"
       "geometry, or a weights file does (its input size, pooling and LRN), the same file the\n"
       "other commands would run: --weights FILE.onnx, or the one `make weights` stored.\n\n"
       "  --help                       this text\n");

static void shape_cell(int c, int h, int w, char *buf, size_t len)
{
    if (h == 1 && w == 1)
        snprintf(buf, len, "%d", c);
    else
        snprintf(buf, len, "%d×%d×%d", h, w, c);
}

/* The table, its columns as wide as their widest cell in terminal columns (a Hangul syllable
 * takes two, "×" one): printf pads by bytes. Numbers are right-aligned. */
enum { COLS = 12, ROWS = NET_MAX_STAGES + 2 };

static int columns(const char *s)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            cols += *p >= 0xE2 && *p <= 0xED && !(*p == 0xE2 && p[1] < 0xBA) ? 2 : 1;
    return cols;
}

static void print_table(const net_stage *st, int n)
{
    static char cells[ROWS][COLS][48];
    static const char *const head[COLS] = {N_("stage"),  N_("op"),     N_("kernel"), N_("stride"),
                                           N_("pad"),    N_("groups"), N_("input"),  N_("output"),
                                           N_("params"), N_("MACs"),   N_("field"),  N_("memory")};
    static const int right[COLS] = {0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1};
    memset(cells, 0, sizeof cells);
    for (int k = 0; k < COLS; k++)
        text_copy(cells[0][k], sizeof cells[0][k], msg_text(head[k]));
    int64_t params = 0, macs = 0;
    for (int i = 0; i < n; i++) {
        const net_stage *s = &st[i];
        char(*c)[48] = cells[i + 1];
        text_copy(c[0], sizeof c[0], s->name);
        text_copy(c[1], sizeof c[1], msg_text(net_op_str(s->op)));
        if (s->op == NET_OP_CONV || s->op == NET_OP_POOL) {
            snprintf(c[2], sizeof c[2], "%d×%d", s->k, s->k);
            snprintf(c[3], sizeof c[3], "%d", s->stride);
            if (s->pad_end)
                snprintf(c[4], sizeof c[4], "%d+%d", s->pad, s->pad_end);
            else
                snprintf(c[4], sizeof c[4], "%d", s->pad);
        }
        if (s->op == NET_OP_CONV)
            snprintf(c[5], sizeof c[5], "%d", s->groups);
        shape_cell(s->in_c, s->in_h, s->in_w, c[6], sizeof c[6]);
        shape_cell(s->out_c, s->out_h, s->out_w, c[7], sizeof c[7]);
        if (s->params)
            net_fmt_count(s->params, c[8], sizeof c[8]);
        if (s->macs)
            net_fmt_count(s->macs, c[9], sizeof c[9]);
        if (s->rf_jump)
            snprintf(c[10], sizeof c[10], "%d", s->rf);
        char mem[32];
        net_fmt_count((int64_t)s->out_c * s->out_h * s->out_w * 4, mem, sizeof mem);
        snprintf(c[11], sizeof c[11], "%s B", mem);
        params += s->params;
        macs += s->macs;
    }
    text_copy(cells[n + 1][0], sizeof cells[n + 1][0], msg_text(N_("total")));
    net_fmt_count(params, cells[n + 1][8], sizeof cells[n + 1][8]);
    net_fmt_count(macs, cells[n + 1][9], sizeof cells[n + 1][9]);
    int width[COLS] = {0};
    for (int r = 0; r <= n + 1; r++)
        for (int k = 0; k < COLS; k++)
            width[k] = columns(cells[r][k]) > width[k] ? columns(cells[r][k]) : width[k];
    for (int r = 0; r <= n + 1; r++) {
        for (int k = 0; k < COLS; k++) {
            int gap = width[k] - columns(cells[r][k]);
            if (right[k])
                printf("%*s%s", gap, "", cells[r][k]);
            else
                printf("%s%*s", cells[r][k], k + 1 < COLS ? gap : 0, "");
            if (k + 1 < COLS)
                fputs("  ", stdout);
        }
        fputc('\n', stdout);
    }
}

/* Where the course notes and the paper differ, or the paper and Caffe, said under the stage
 * where it happens: conv1's filter count, the towers conv2 reads, the order and purpose of LRN
 * at pool1. The notes' own slips only with notes on. */
static void print_traps(const cli_opts *o, const net_stage *st, int n, const net_stage *s)
{
    if (s->op == NET_OP_CONV && s->layer == 1 && o->notes)
        msg_printf(stdout, "         notes  the course notes write \"Number of filters 3\": conv1 "
                           "has 96 kernels of\n"
                           "                11×11×3, 48 in each tower; 3 is each kernel's depth "
                           "(R, G, B)\n");
    if (s->op == NET_OP_CONV && s->groups > 1 && s->layer == 2)
        msg_printf(stdout, "         towers conv2, conv4 and conv5 read only their own tower "
                           "(groups=2): 5·5·48,\n"
                           "                not 5·5·96\n");
    if (s->op == NET_OP_POOL && s->layer == 1) {
        int norm_first = 0;
        for (int i = 0; i < n && st + i != s; i++)
            norm_first |= st[i].op == NET_OP_LRN;
        if (o->notes) {
            msg_printf(stdout, norm_first
                                   ? "         notes  the notes (and CaffeNet) pool, then apply "
                                     "LRN; the paper (and bvlc_alexnet)\n"
                                     "                apply LRN, then pool; this run follows the "
                                     "paper (--lrn-order)\n"
                                   : "         notes  the notes (and CaffeNet) pool, then apply "
                                     "LRN; the paper (and bvlc_alexnet)\n"
                                     "                apply LRN, then pool; this run follows the "
                                     "notes (--lrn-order)\n");
            msg_printf(stdout, "         notes  the notes add LRN \"to speed things up\"; the "
                               "paper's reason is\n"
                               "                generalisation: top-1 and top-5 error fell by "
                               "1.4%% and 1.2%%\n");
        }
        msg_printf(stdout, "         LRN    the paper writes k=2 and α; Caffe, ONNX and PyTorch "
                           "use k=1 and α/n (--lrn)\n");
    }
}

static void print_arithmetic(const cli_opts *o, const net_stage *st, int n)
{
    char line[200];
    msg_printf(stdout, "\nThe arithmetic, O = floor((I + 2P − K)/S) + 1:\n");
    for (int i = 0; i < n; i++) {
        const net_stage *s = &st[i];
        if (s->op != NET_OP_CONV && s->op != NET_OP_POOL && s->op != NET_OP_FC)
            continue;
        cli_explain_shape(s, line, sizeof line);
        msg_printf(stdout, "  %-6s %s\n", s->name, line);
        if (s->params) {
            net_explain_params(s, line, sizeof line);
            msg_printf(stdout, "         params %s\n", line);
            net_explain_macs(s, line, sizeof line);
            msg_printf(stdout, "         MACs   %s\n", line);
        }
        print_traps(o, st, n, s);
    }
}

/* At 224: what the ceil pooling does, and what floor pooling would have broken. */
static void print_224_note(const net_config *cfg)
{
    net_config floor_cfg = *cfg;
    net_table t;
    floor_cfg.pool_round = NET_ROUND_FLOOR;
    floor_cfg.pool_pad_end = 0;
    int n = net_table_build(&floor_cfg, &t, NULL);
    const net_stage *st = t.s;
    msg_printf(stdout, "\n224 or 227:\n"
                       "  The paper says 224×224, but floor((224 − 11)/4) + 1 = 54, not 55.\n");
    if (cfg->input_size == 224) {
        msg_printf(
            stdout,
            "  At 224 the pools must round up (Caffe's ceil mode; the ONNX model zoo writes it\n"
            "  as end pads [0,0,1,1]): 54 → 27 → 13 → 6, and pool5 is again 6×6×256 = 9216.\n");
        if (n) {
            int i5 = net_table_find(&t, "pool5");
            const net_stage *p5 = &st[i5 >= 0 ? i5 : n - 1];
            msg_printf(stdout, "  With floor pooling: ");
            for (int i = 0; i < n; i++)
                if (st[i].op == NET_OP_POOL)
                    msg_printf(stdout, "%s%d → %d", strcmp(st[i].name, "pool1") ? ", " : "",
                               st[i].in_h, st[i].out_h);
            msg_printf(
                stdout,
                "; pool5 gives %d×%d×%d = %d values, and fc6's 4096×9216 weights cannot run.\n",
                p5->out_h, p5->out_w, p5->out_c, p5->out_c * p5->out_h * p5->out_w);
        }
    } else {
        msg_printf(stdout,
                   "  Caffe feeds 227×227, which gives 55 with plain floor rounding everywhere;\n"
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
        cli_net made;
        if (!cli_load_onnx(&o, file, &made))
            return 1;
        o.cfg = *net_get_config(made.net);
        cli_net_free(&made);
        msg_printf(stdout, "weights: %s\n", made.desc);
    }
    net_table t;
    net_err err = {0};
    int n = net_table_build(&o.cfg, &t, &err);
    const net_stage *st = t.s;
    if (!n) {
        cli_net_error(&err);
        return 1;
    }
    msg_printf(stdout, "AlexNet at %d×%d×3, %s pooling, LRN %s pooling\n\n", o.cfg.input_size,
               o.cfg.input_size,
               o.cfg.pool_round == NET_ROUND_CEIL ? "ceil"
               : o.cfg.pool_pad_end               ? "ceil (as end pads)"
                                                  : "floor",
               o.cfg.lrn_after_pool ? "after" : "before");
    print_table(st, n);
    print_arithmetic(&o, st, n);
    print_224_note(&o.cfg);
    return 0;
}
