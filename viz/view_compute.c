/* view_compute.c: one unit computed in front of the class.
 *
 * For a convolution: the window the unit reads on its input (the photo for conv1), the input
 * channels it reads (its own tower's, or both for conv3) on a channel strip, one channel's
 * patch ⊙ kernel with the numbers, the sum per input channel as bars, then Σ + bias = the value
 * and what ReLU makes of it. For max pooling: the window on its map (and the next window, which
 * overlaps it: the stride is smaller than the window), its values, the winner. For a fully
 * connected stage: how the input is flattened (channel, then row, then column), one row of W
 * times it, per channel, plus the bias. Every number comes from net_unit_explain, in double
 * precision from the stage's own input and weights, and is shown beside the value the pass
 * computed: the two agree (tests/test_unit.c checks it).
 *
 * A ReLU or dropout stage shows the stage that fed it; the other stages (LRN, softmax) have
 * nothing to take apart and say so. The unit is the zoom view's (the busiest channel's
 * strongest unit, or the one chosen there), so 3 then 8 explains the unit under the pointer.
 *
 * Layout: the title band, then three columns (input, one channel, the sum) when the room is
 * wide enough, else one under the other; every text is measured first and the pictures take
 * what is left; the text shrinks only as far as it must.
 */
#include "view_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int vcompute_stage(const vctx *v)
{
    const view_scene *sc = v->sc;
    int s = vstage_current(v);
    if (s < 0)
        return -1;
    /* a ReLU or a dropout shows the stage whose sums it passes on */
    while (s > 0 && (sc->table.s[s].op == NET_OP_RELU || sc->table.s[s].op == NET_OP_DROPOUT))
        s--;
    net_op op = sc->table.s[s].op;
    return op == NET_OP_CONV || op == NET_OP_POOL || op == NET_OP_FC ? s : -1;
}

/* ---------------------------------------------------------------- what is shown */

#define PARTS_MAX 4096

typedef struct {
    int stage; /* the stage taken apart */
    const net_stage *s;
    const float *in; /* its input (s->in_c, s->in_h, s->in_w) */
    net_unit u;
    double part[PARTS_MAX]; /* per input channel */
    int top;                /* the input channel shown one by one: the largest |part| (pool: c) */
    double pass;            /* the pass's own value at the unit */
    int relu;               /* the next stage is a ReLU */
} unit_view;

/* Fills uv for v's state; 0 when the stage is not computed or cannot be taken apart. */
static int unit_make(vctx *v, unit_view *uv)
{
    const view_scene *sc = v->sc;
    memset(uv, 0, sizeof *uv);
    uv->stage = vcompute_stage(v);
    if (uv->stage < 0 || uv->stage >= sc->done || !sc->out[uv->stage])
        return 0;
    const net_stage *s = uv->s = &sc->table.s[uv->stage];
    uv->in = uv->stage ? sc->out[uv->stage - 1] : sc->input;
    const float *w = sc->weights[uv->stage], *b = sc->biases[uv->stage];
    if (!uv->in || (s->op != NET_OP_POOL && !w))
        return 0;
    int c, ux, uy;
    vzoom_shown(v, uv->stage, &c, &ux, &uy);
    if (s->op == NET_OP_FC)
        ux = uy = 0;
    if (net_unit_explain(s, uv->in, w, b, c, uy, ux, uv->part, PARTS_MAX, &uv->u, NULL) != NET_OK)
        return 0;
    uv->top = uv->u.c0;
    for (int i = 0; i < uv->u.n_part; i++)
        if (fabs(uv->part[i]) > fabs(uv->part[uv->top - uv->u.c0]))
            uv->top = uv->u.c0 + i;
    if (s->op == NET_OP_POOL)
        uv->top = c;
    uv->pass = sc->out[uv->stage][((size_t)c * s->out_h + uy) * s->out_w + ux];
    uv->relu = uv->stage + 1 < sc->table.count && sc->table.s[uv->stage + 1].op == NET_OP_RELU;
    return 1;
}

/* ---------------------------------------------------------------- the columns */

typedef enum { PIC_NONE, PIC_INPUT, PIC_CLOSE, PIC_STRIP, PIC_GRIDS, PIC_BARS, PIC_FLAT } pic_kind;

/* One column: texts and at most two pictures, top to bottom. */
typedef struct {
    struct {
        char text[400];
        double size;
        int flags;
        vrgb c;
        pic_kind pic;  /* a picture instead of text */
        double aspect; /* its height over its width */
        double min_h;  /* the least height it is shown at (units of u), else left out */
        double max_h;  /* the most (units of u; 0: no limit) */
    } it[12];
    int n;
} column;

static void add_text(column *col, double size, int flags, vrgb c, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void add_text(column *col, double size, int flags, vrgb c, const char *fmt, ...)
{
    if (col->n >= 12)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(col->it[col->n].text, sizeof col->it[0].text, fmt, ap);
    va_end(ap);
    col->it[col->n].size = size, col->it[col->n].flags = flags, col->it[col->n].c = c;
    col->it[col->n].pic = PIC_NONE;
    col->n++;
}

static void add_pic(column *col, pic_kind pic, double aspect, double min_h, double max_h)
{
    if (col->n >= 12)
        return;
    col->it[col->n].text[0] = 0;
    col->it[col->n].pic = pic, col->it[col->n].aspect = aspect;
    col->it[col->n].min_h = min_h, col->it[col->n].max_h = max_h;
    col->n++;
}

static void fmt_value(double x, char *buf, size_t len) { vfmt_value(x, buf, len); }

/* How a grid's numbers are written: scaled by 10^-exp, with `dec` decimals. Values from 1 to
 * 10,000 are written as they are (8.6, 54, 1327); smaller or larger ones are scaled so the
 * largest has two digits (a kernel's 0.44 is 44 under "× 10⁻²"): every number fits in four
 * characters and a sign. */
typedef struct {
    int exp, dec;
} cell_fmt;

static cell_fmt cell_fmt_for(const float *vals, int n)
{
    double m = 0;
    for (int i = 0; i < n; i++)
        if (isfinite(vals[i]))
            m = fmax(m, fabs(vals[i]));
    cell_fmt f = {0, 0};
    if (m <= 0)
        return f;
    int e = (int)floor(log10(m));
    if (e == 0)
        f.dec = 1;
    else if (e < 0 || e > 3)
        f.exp = e - 1;
    return f;
}

static void fmt_cell(cell_fmt f, double x, char *buf, size_t len)
{
    double y = x / pow(10, f.exp);
    if (fabs(y) < 0.5 * pow(10, -f.dec))
        y = 0; /* no "-0.0" */
    snprintf(buf, len, "%.*f", f.dec, y);
}

/* "× 10⁻³" for a grid scaled by 10^-exp, "" when not scaled. */
static void fmt_scale(cell_fmt f, char *buf, size_t len)
{
    static const char *sup[10] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    buf[0] = 0;
    if (!f.exp)
        return;
    char digits[12];
    snprintf(digits, sizeof digits, "%d", abs(f.exp));
    snprintf(buf, len, "× 10%s", f.exp < 0 ? "⁻" : "");
    for (const char *d = digits; *d; d++)
        snprintf(buf + strlen(buf), len - strlen(buf), "%s", sup[*d - '0']);
}

/* ---------------------------------------------------------------- pictures */

/* A K×K grid of values in cells of side cs at (x, y), coloured on the diverging map for ±m,
 * with the numbers written in f when they fit; the cell (hy, hx) framed when >= 0. */
static void value_grid(vctx *v, double x, double y, double cs, int K, const float *vals, double m,
                       int hy, int hx, int numbers, cell_fmt f)
{
    vmap map = vpal_map(v, VMAP_DIV);
    for (int ky = 0; ky < K; ky++)
        for (int kx = 0; kx < K; kx++) {
            float val = vals[ky * K + kx];
            uint32_t argb =
                isfinite(val) ? vmap_color(map, 0.5 + 0.5 * val / (m > 0 ? m : 1)) : VMAP_NO_VALUE;
            vrgb c = {(argb >> 16 & 255) / 255.0, (argb >> 8 & 255) / 255.0, (argb & 255) / 255.0};
            vfill(v, x + kx * cs, y + ky * cs, cs - 1, cs - 1, c);
            if (numbers && isfinite(val)) {
                char num[16];
                fmt_cell(f, val, num, sizeof num);
                double lum = 0.3 * c.r + 0.59 * c.g + 0.11 * c.b;
                vrgb tc = lum > 0.5 ? (vrgb){0, 0, 0} : (vrgb){1, 1, 1};
                vtext_draw(v, x + kx * cs + cs / 2, y + ky * cs + (cs - 1.05 * T_MIN * v->u) / 2,
                           T_MIN, 0, tc, VA_CENTER, 0, num);
            }
        }
    if (hy >= 0)
        vframe(v, x + hx * cs - 1, y + hy * cs - 1, cs + 1, cs + 1, fmax(2, 0.12 * v->u),
               v->pal.accent);
}

/* The widest number of vals written in f, for the cell size that fits numbers. */
static double widest_number(vctx *v, const float *vals, int n, cell_fmt f)
{
    double most = 0;
    for (int i = 0; i < n; i++) {
        char num[16];
        double w, h;
        fmt_cell(f, vals[i], num, sizeof num);
        vtext_size(v, T_MIN, 0, num, &w, &h);
        most = fmax(most, w);
    }
    return most;
}

/* Paints rows [y0, y1) × columns [x0, x1) of channel `top` of the input, one cell of side k per
 * value, from (ox, oy); padding (outside the input) as the panel's colour. */
static void crop_cells(vctx *v, const unit_view *uv, int y0, int y1, int x0, int x1, double ox,
                       double oy, double k)
{
    const net_stage *s = uv->s;
    int H = s->in_h, W = s->in_w;
    const float *plane = uv->in + (size_t)uv->top * H * W;
    float mn, mx;
    vfinite_range(plane, (size_t)H * W, &mn, &mx);
    float m = fmaxf(fabsf(mn), fabsf(mx));
    vmap map = vpal_map(v, mn < 0 ? VMAP_DIV : VMAP_SEQ);
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            vrgb c = v->pal.panel;
            if (y >= 0 && y < H && x >= 0 && x < W) {
                float val = plane[(size_t)y * W + x];
                double t = m > 0 ? (mn < 0 ? 0.5 + 0.5 * val / m : val / m) : 0;
                uint32_t argb = isfinite(val) ? vmap_color(map, t) : VMAP_NO_VALUE;
                c = (vrgb){(argb >> 16 & 255) / 255.0, (argb >> 8 & 255) / 255.0,
                           (argb & 255) / 255.0};
            }
            vfill(v, ox + (x - x0) * k, oy + (y - y0) * k, k - 1, k - 1, c);
        }
}

/* The input around the unit: for a convolution channel `top`'s whole map (for conv1 the photo)
 * with the unit's window framed and the padding as a border; for pooling a close-up of the
 * window and the next one, which overlap where the stride is smaller than the window. */
static void pic_input(vctx *v, const unit_view *uv, view_rect r)
{
    const net_stage *s = uv->s;
    int H = s->in_h, W = s->in_w;
    double lw = fmax(2, 0.12 * v->u);
    if (s->op == NET_OP_POOL) {
        int y0 = uv->u.y0 - 1, y1 = uv->u.y0 + s->k + 1;
        int x0 = uv->u.x0 - 1, x1 = uv->u.x0 + s->k + s->stride + 1;
        double k = floor(fmin(r.w / (x1 - x0), r.h / (y1 - y0)));
        double ox = r.x + (r.w - k * (x1 - x0)) / 2, oy = r.y;
        crop_cells(v, uv, y0, y1, x0, x1, ox, oy, k);
        if (uv->u.x + 1 < s->out_w || uv->u.x0 + s->stride < W)
            vframe(v, ox + k * (1 + s->stride), oy + k, k * s->k, k * s->k, lw, v->pal.cross);
        vframe(v, ox + k, oy + k, k * s->k, k * s->k, lw, v->pal.accent);
        return;
    }
    int P = s->pad;
    double k = fmin(r.w / (W + 2 * P), r.h / (H + 2 * P));
    double ox = r.x + (r.w - k * (W + 2 * P)) / 2 + k * P, oy = r.y + k * P;
    if (P)
        vframe(v, ox - k * P, oy - k * P, k * (W + 2 * P), k * (H + 2 * P), 1, v->pal.line);
    cairo_surface_t *ph = uv->stage == 0 ? vcache_photo(v) : NULL;
    if (ph) {
        vpaint_smooth(v, ph, ox, oy, k);
    } else {
        const float *plane = uv->in + (size_t)uv->top * H * W;
        float mn, mx;
        vfinite_range(plane, (size_t)H * W, &mn, &mx);
        float m = fmaxf(fabsf(mn), fabsf(mx));
        cairo_surface_t *ms = vmap_surface(plane, H, W, vpal_map(v, mn < 0 ? VMAP_DIV : VMAP_SEQ),
                                           mn < 0 ? -m : 0, m > 0 ? m : 1);
        vpaint_nearest(v, ms, ox, oy, k, k);
        cairo_surface_destroy(ms);
    }
    vframe(v, ox + k * uv->u.x0, oy + k * uv->u.y0, k * s->k, k * s->k, lw, v->pal.accent);
}

/* conv1's window as the class sees it: the photo's K×K pixels, and beside them the unit's
 * kernel as colours (each of B, G, R around grey, on the kernel's own range, as the filters
 * view draws it), each captioned. */
static void pic_close(vctx *v, const unit_view *uv, view_rect r)
{
    const view_scene *sc = v->sc;
    const net_stage *s = uv->s;
    int K = s->k, S = sc->input_size;
    double line = 1.4 * T_MIN * v->u, gap = 1.2 * v->u;
    double q = floor(fmin((r.w - gap) / 2, r.h - line) / K) * K, c = q / K;
    double x = r.x + (r.w - 2 * q - gap) / 2;
    const float *w = sc->weights[uv->stage] + (size_t)uv->u.c * s->in_c * K * K;
    float amax = 0;
    for (int i = 0; i < s->in_c * K * K; i++)
        amax = fmaxf(amax, fabsf(w[i]));
    for (int y = 0; y < K; y++)
        for (int xx = 0; xx < K; xx++) {
            int py = uv->u.y0 + y, px = uv->u.x0 + xx;
            vrgb p = v->pal.panel;
            if (py >= 0 && py < S && px >= 0 && px < S) {
                const unsigned char *rgb = sc->photo + ((size_t)py * S + px) * 3;
                p = (vrgb){rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0};
            }
            vfill(v, x + xx * c, r.y + y * c, c, c, p);
            double k[3];
            for (int ch = 0; ch < 3; ch++) /* stored B, G, R */
                k[ch] =
                    amax > 0 ? 0.5 + 0.5 * w[(size_t)(2 - ch) * K * K + y * K + xx] / amax : 0.5;
            vfill(v, x + q + gap + xx * c, r.y + y * c, c, c, (vrgb){k[0], k[1], k[2]});
        }
    /* captions where both fit (at the largest text sizes in a narrow column they do not) */
    double w0, w1, th;
    vtext_size(v, T_MIN, 0, vtext(v, TX_COMP_CROP), &w0, &th);
    vtext_size(v, T_MIN, 0, vtext(v, TX_COMP_TILE), &w1, &th);
    if (fmax(w0, w1) > q + gap / 2)
        return;
    vtext_draw(v, x + q / 2, r.y + q + 0.2 * T_MIN * v->u, T_MIN, 0, v->pal.dim, VA_CENTER, 0,
               vtext(v, TX_COMP_CROP));
    vtext_draw(v, x + q + gap + q / 2, r.y + q + 0.2 * T_MIN * v->u, T_MIN, 0, v->pal.dim,
               VA_CENTER, 0, vtext(v, TX_COMP_TILE));
}

/* The input channels as a strip: the ones the unit reads lit, the one shown marked. */
static void pic_strip(vctx *v, const unit_view *uv, view_rect r)
{
    int C = uv->s->in_c;
    double cw = r.w / C;
    for (int c = 0; c < C; c++) {
        int read = c >= uv->u.c0 && c < uv->u.c1;
        vrgb col = c < C / 2 || uv->stage == 0 ? v->pal.tower_a : v->pal.tower_b;
        vfill(v, r.x + c * cw, r.y, fmax(cw - (cw > 3 ? 1 : 0), 1), r.h,
              read ? col : vmix(v->pal.bg, col, 0.2));
    }
    vframe(v, r.x + uv->top * cw - 1, r.y - 2, fmax(cw, 2) + 2, r.h + 4, 2, v->pal.accent);
}

/* The patch of channel `top` and the kernel's slice for it, side by side, each captioned (with
 * the power of ten its numbers are scaled by) (conv); the pooling window's values with the
 * winner framed (pool). */
static void pic_grids(vctx *v, const unit_view *uv, view_rect r)
{
    const net_stage *s = uv->s;
    int K = s->k, H = s->in_h, W = s->in_w, conv = s->op == NET_OP_CONV;
    float patch[121], kern[121];
    for (int ky = 0; ky < K; ky++)
        for (int kx = 0; kx < K; kx++) {
            int yy = uv->u.y0 + ky, xx = uv->u.x0 + kx;
            int out = yy < 0 || yy >= H || xx < 0 || xx >= W;
            patch[ky * K + kx] =
                out ? (conv ? 0 : NAN) : uv->in[((size_t)uv->top * H + yy) * W + xx];
        }
    double mp = 0, mk = 0;
    for (int i = 0; i < K * K; i++)
        if (isfinite(patch[i]))
            mp = fmax(mp, fabs(patch[i]));
    cell_fmt fp = cell_fmt_for(patch, K * K), fk = {0, 0};
    if (conv) {
        int cg = s->in_c / s->groups;
        const float *w = v->sc->weights[uv->stage];
        for (int i = 0; i < K * K; i++) {
            kern[i] = w[((size_t)uv->u.c * cg + (uv->top - uv->u.c0)) * K * K + i];
            mk = fmax(mk, fabs(kern[i]));
        }
        fk = cell_fmt_for(kern, K * K);
    }
    int grids = conv ? 2 : 1;
    double line = 1.4 * T_MIN * v->u, gap = conv ? 1.3 * v->u : 0, cap = conv ? 2 * line : 0;
    double cs = floor(fmin((r.w - gap) / (grids * K), (r.h - cap) / K));
    double need = widest_number(v, patch, K * K, fp);
    if (conv)
        need = fmax(need, widest_number(v, kern, K * K, fk));
    int numbers = cs >= need + 0.1 * v->u && cs >= 1.1 * T_MIN * v->u + 2;
    double x = r.x + (r.w - (grids * K * cs + gap)) / 2;
    if (!conv) {
        value_grid(v, x, r.y, cs, K, patch, mp, uv->u.win_y - uv->u.y0, uv->u.win_x - uv->u.x0,
                   numbers, fp);
        return;
    }
    /* the cell under the pointer, in either grid: framed in both, its numbers written out */
    int hy = -1, hx = -1;
    const view_state *st = v->st;
    for (int g = 0; g < 2 && st->cursor_in && !st->print; g++) {
        double gx = x + g * (K * cs + gap), cx = st->cursor_x - gx, cy = st->cursor_y - r.y;
        if (cx >= 0 && cx < K * cs && cy >= 0 && cy < K * cs)
            hy = (int)(cy / cs), hx = (int)(cx / cs);
    }
    value_grid(v, x, r.y, cs, K, patch, mp, hy, hx, numbers, fp);
    vtext_draw(v, x + K * cs + gap / 2, r.y + K * cs / 2 - 0.6 * v->u, T_LEAD, VT_BOLD, v->pal.fg,
               VA_CENTER, 0, "⊙");
    value_grid(v, x + K * cs + gap, r.y, cs, K, kern, mk, hy, hx, numbers, fk);
    char text[160], scale[32], a[32], b[32], c[32];
    for (int g = 0; g < 2; g++) {
        fmt_scale(g ? fk : fp, scale, sizeof scale);
        snprintf(text, sizeof text, "%s%s%s", vtext(v, g ? TX_COMP_KERNEL : TX_COMP_PATCH),
                 numbers && scale[0] ? " " : "", numbers ? scale : "");
        vtext_draw(v, x + g * (K * cs + gap) + K * cs / 2, r.y + K * cs + 0.2 * T_MIN * v->u, T_MIN,
                   0, v->pal.dim, VA_CENTER, K * cs, text);
    }
    text[0] = 0;
    if (hy >= 0) {
        int i = hy * K + hx;
        fmt_value(patch[i], a, sizeof a);
        fmt_value(kern[i], b, sizeof b);
        fmt_value((double)patch[i] * kern[i], c, sizeof c);
        snprintf(text, sizeof text, vtext(v, TX_COMP_CELL), hy, hx, a, b, c);
        double tw, th;
        vtext_size(v, T_MIN, 0, text, &tw, &th);
        if (tw > r.w) /* a narrow column: the product alone */
            snprintf(text, sizeof text, "%s × %s = %s", a, b, c);
    } else if (!numbers && !st->print) {
        snprintf(text, sizeof text, "%s", vtext(v, TX_COMP_POINT));
    }
    double tw = 0, th;
    if (text[0])
        vtext_size(v, T_MIN, 0, text, &tw, &th);
    if (text[0] && tw <= r.w)
        vtext_draw(v, r.x + r.w / 2, r.y + K * cs + line + 0.2 * T_MIN * v->u, T_MIN, 0,
                   hy >= 0 ? v->pal.fg : v->pal.dim, VA_CENTER, 0, text);
}

/* An input channel's name: B, G, R for the photo's, else its number. */
static void channel_name(const unit_view *uv, int c, char *buf, size_t len)
{
    if (uv->stage == 0 && uv->s->in_c == 3)
        snprintf(buf, len, "%s", (const char *[]){"B", "G", "R"}[c]);
    else
        snprintf(buf, len, "%d", c);
}

/* The sum per input channel as bars around zero; the channel shown one by one marked. A few
 * bars (conv1's three) are labelled with their channel and sum where the labels fit. */
static void pic_bars(vctx *v, const unit_view *uv, view_rect r)
{
    int n = uv->u.n_part;
    double m = 0, lo = 0, hi = 0;
    for (int i = 0; i < n; i++)
        m = fmax(m, fabs(uv->part[i])), lo = fmin(lo, uv->part[i]), hi = fmax(hi, uv->part[i]);
    double bw = r.w / n, line = 1.4 * T_MIN * v->u;
    char label[8][64];
    int labels = n <= 8 && r.h > 3 * line;
    for (int i = 0; labels && i < n; i++) {
        char name[16], val[32];
        double tw, th;
        channel_name(uv, uv->u.c0 + i, name, sizeof name);
        fmt_value(uv->part[i], val, sizeof val);
        snprintf(label[i], sizeof label[i], "%s: %s", name, val);
        vtext_size(v, T_MIN, 0, label[i], &tw, &th);
        labels = tw <= bw - 0.4 * v->u;
    }
    /* zero in the middle, or at the edge when every sum has the same sign */
    double bars_h = labels ? r.h - line : r.h, half = lo < 0 && hi > 0 ? bars_h / 2 : bars_h - 1;
    double mid = lo < 0 && hi > 0 ? r.y + half : lo < 0 ? r.y : r.y + half;
    vfill(v, r.x, mid, r.w, 1, v->pal.line);
    for (int i = 0; i < n; i++) {
        int c = uv->u.c0 + i;
        vrgb col = uv->s->op == NET_OP_FC && c >= uv->s->in_c / 2 ? v->pal.tower_b : v->pal.tower_a;
        if (uv->s->op == NET_OP_CONV && uv->s->reads != NET_READS_BOTH && uv->stage > 0)
            col = uv->u.c0 >= uv->s->in_c / 2 ? v->pal.tower_b : v->pal.tower_a;
        if (uv->s->op == NET_OP_CONV && uv->s->reads == NET_READS_BOTH)
            col = c >= uv->s->in_c / 2 ? v->pal.tower_b : v->pal.tower_a;
        double h = m > 0 ? uv->part[i] / m * half : 0;
        vfill(v, r.x + i * bw, h > 0 ? mid - h : mid, fmax(bw - (bw > 3 ? 1 : 0), 1), fabs(h) + 1,
              c == uv->top ? v->pal.accent : col);
        if (labels)
            vtext_draw(v, r.x + i * bw + bw / 2, r.y + bars_h + 0.2 * T_MIN * v->u, T_MIN, 0,
                       c == uv->top ? v->pal.accent : v->pal.fg, VA_CENTER, bw, label[i]);
    }
}

/* How fc's input is flattened: one channel's H×W block numbered in reading order. */
static void pic_flat(vctx *v, const unit_view *uv, view_rect r)
{
    int H = uv->s->in_h, W = uv->s->in_w;
    double cs = floor(fmin(r.w / W, r.h / H)), x = r.x + (r.w - cs * W) / 2;
    for (int y = 0; y < H; y++)
        for (int xx = 0; xx < W; xx++) {
            vfill(v, x + xx * cs, r.y + y * cs, cs - 1, cs - 1,
                  vmix(v->pal.panel, v->pal.tower_a, 0.15 + 0.6 * (y * W + xx) / (H * W)));
            char num[16];
            snprintf(num, sizeof num, "%d", y * W + xx);
            vtext_draw(v, x + xx * cs + cs / 2, r.y + y * cs + (cs - 1.05 * T_MIN * v->u) / 2,
                       T_MIN, 0, v->pal.fg, VA_CENTER, 0, num);
        }
}

/* The least cell a flattening number fits in. */
static double flat_min(vctx *v, const unit_view *uv)
{
    char num[16];
    double w, h;
    snprintf(num, sizeof num, "%d", uv->s->in_h * uv->s->in_w - 1);
    vtext_size(v, T_MIN, 0, num, &w, &h);
    return fmax(w + 0.3 * v->u, 1.1 * h) * uv->s->in_h / v->u;
}

static void draw_pic(vctx *v, const unit_view *uv, pic_kind k, view_rect r)
{
    switch (k) {
    case PIC_INPUT: pic_input(v, uv, r); break;
    case PIC_CLOSE: pic_close(v, uv, r); break;
    case PIC_STRIP: pic_strip(v, uv, r); break;
    case PIC_GRIDS: pic_grids(v, uv, r); break;
    case PIC_BARS: pic_bars(v, uv, r); break;
    case PIC_FLAT: pic_flat(v, uv, r); break;
    case PIC_NONE: break;
    }
}

/* Lays a column out in r: texts at their measured heights, pictures share what is left (a
 * picture held back by its aspect or its max_h leaves the rest to the others; each at least its
 * min_h). Returns 0 when it does not fit; draws when draw is set. */
static int column_flow(vctx *v, const unit_view *uv, const column *col, view_rect r, int draw)
{
    double u = v->u, text_h = 0, gap = 0.35 * u, ph[12] = {0}, cap[12] = {0};
    int open = 0;
    for (int i = 0; i < col->n; i++) {
        if (col->it[i].pic) {
            cap[i] = r.w * col->it[i].aspect;
            if (col->it[i].max_h > 0)
                cap[i] = fmin(cap[i], col->it[i].max_h * u);
            ph[i] = -1, open++;
        } else {
            text_h += vtext_para_size(v, r.w, col->it[i].size, col->it[i].flags & VT_BOLD,
                                      col->it[i].text, NULL);
        }
        text_h += gap;
    }
    double left = r.h - text_h;
    for (int changed = 1; open && changed;) {
        changed = 0;
        for (int i = 0; i < col->n; i++)
            if (ph[i] < 0 && cap[i] <= left / open) {
                ph[i] = cap[i], left -= cap[i], open--, changed = 1;
                break;
            }
    }
    double y = r.y;
    for (int i = 0; i < col->n; i++) {
        if (col->it[i].pic) {
            double h = ph[i] < 0 ? left / open : ph[i];
            if (h < col->it[i].min_h * u)
                return 0;
            if (draw)
                draw_pic(v, uv, col->it[i].pic, (view_rect){r.x, y, r.w, h});
            y += h + gap;
        } else {
            double h = draw ? vtext_para_as(v, r.x, y, r.w, col->it[i].size, col->it[i].flags,
                                            col->it[i].c, col->it[i].text)
                            : vtext_para_size(v, r.w, col->it[i].size, col->it[i].flags & VT_BOLD,
                                              col->it[i].text, NULL);
            y += h + gap;
        }
    }
    return y - gap <= r.y + r.h + 0.5;
}

/* The three columns' contents for uv, in v's language. */
static void make_columns(vctx *v, const unit_view *uv, column cols[3])
{
    const net_stage *s = uv->s;
    const net_unit *u = &uv->u;
    const vpal *pal = &v->pal;
    char a[32], b[32], c[32];
    memset(cols, 0, 3 * sizeof cols[0]);
    if (s->op == NET_OP_FC) {
        add_text(&cols[0], T_BODY, VT_BOLD, pal->fg, vtext(v, TX_COMP_FC_UNIT), u->c, s->out_c);
        if (s->in_h * s->in_w > 1) {
            add_text(&cols[0], T_BODY, 0, pal->fg, vtext(v, TX_COMP_FLAT),
                     s->in_c * s->in_h * s->in_w, s->in_c, s->in_h, s->in_w);
            add_pic(&cols[0], PIC_FLAT, 1, flat_min(v, uv), 0);
            add_text(&cols[0], T_MIN, 0, pal->dim, vtext(v, TX_COMP_FLAT_ORDER), s->in_h * s->in_w,
                     s->in_h * s->in_w, s->in_h * s->in_w - 1);
        } else {
            add_text(&cols[0], T_BODY, 0, pal->fg, vtext(v, TX_COMP_VECTOR), s->in_c);
        }
        add_text(&cols[1], T_BODY, VT_BOLD, pal->fg, vtext(v, TX_COMP_FC_ROW), u->c,
                 s->in_c * s->in_h * s->in_w);
        add_pic(&cols[1], PIC_BARS, 0.6, 3, 12);
        if (s->in_c % 2 == 0 && s->in_c >= 2)
            add_text(&cols[1], T_MIN, 0, pal->dim, vtext(v, TX_COMP_FC_HALVES), s->in_c / 2 - 1,
                     s->in_c / 2, s->in_c - 1);
    } else {
        add_text(&cols[0], T_BODY, VT_BOLD, pal->fg, vtext(v, TX_COMP_UNIT), u->x, u->y, u->c);
        add_pic(&cols[0], PIC_INPUT, 1, 4, 0);
        if (uv->stage == 0 && s->op == NET_OP_CONV && v->sc->photo)
            add_pic(&cols[0], PIC_CLOSE, 0.56, 3, 0);
        add_text(&cols[0], T_MIN, 0, pal->fg, vtext(v, TX_COMP_WINDOW), u->y0, u->y0 + u->k - 1,
                 u->x0, u->x0 + u->k - 1);
        add_text(&cols[0], T_MIN, 0, pal->dim, vtext(v, TX_COMP_ORIGIN), u->x, s->stride,
                 s->op == NET_OP_CONV ? s->pad : 0, u->x0);
        if (s->op == NET_OP_POOL) {
            if (s->stride < s->k)
                add_text(&cols[0], T_MIN, 0, pal->cross, vtext(v, TX_COMP_OVERLAP), s->stride, s->k,
                         s->k - s->stride);
            add_text(&cols[1], T_BODY, VT_BOLD, pal->fg, vtext(v, TX_COMP_POOL_WINDOW), s->k, s->k,
                     u->c);
            add_pic(&cols[1], PIC_GRIDS, 1, 3, 0);
            if (!v->st->print)
                add_text(&cols[1], T_MIN, 0, pal->dim, "%s", vtext(v, TX_COMP_KEYS));
        } else {
            if (uv->stage == 0)
                add_text(&cols[0], T_MIN, 0, pal->dim, "%s", vtext(v, TX_COMP_READS_IMAGE));
            else if (u->c1 - u->c0 == s->in_c)
                add_text(&cols[0], T_MIN, 0, pal->dim, vtext(v, TX_COMP_READS_BOTH), s->in_c);
            else
                add_text(&cols[0], T_MIN, 0, pal->dim, vtext(v, TX_COMP_READS_OWN), u->c1 - u->c0,
                         u->c0, u->c1 - 1);
            add_pic(&cols[0], PIC_STRIP, 0.06, 0.5, 0.9);
            if (u->padded)
                add_text(&cols[0], T_MIN, 0, pal->dim, vtext(v, TX_COMP_PAD), u->padded,
                         u->k * u->k);
            channel_name(uv, uv->top, a, sizeof a);
            add_text(&cols[1], T_BODY, VT_BOLD, pal->fg, vtext(v, TX_COMP_TOP), a);
            add_pic(&cols[1], PIC_GRIDS, 0.55, 3, 0);
            fmt_value(uv->part[uv->top - u->c0], a, sizeof a);
            add_text(&cols[1], T_BODY, 0, pal->fg, vtext(v, TX_COMP_PART), a);
            if (!v->st->print)
                add_text(&cols[1], T_MIN, 0, pal->dim, "%s", vtext(v, TX_COMP_KEYS));
        }
    }
    /* the sum, or the winner */
    column *sum = &cols[2];
    if (s->op == NET_OP_POOL) {
        fmt_value(u->sum, a, sizeof a);
        add_text(sum, T_BODY, VT_BOLD, pal->fg, vtext(v, TX_COMP_MAX), s->k * s->k);
        add_text(sum, T_KEY, VT_BOLD | VT_KEY, pal->accent, "= %s", a);
        add_text(sum, T_MIN, 0, pal->dim, vtext(v, TX_COMP_AT), u->win_y, u->win_x);
    } else {
        if (s->op == NET_OP_CONV) {
            add_text(sum, T_BODY, VT_BOLD, pal->fg, vtext(v, TX_COMP_BARS), u->n_part);
            add_pic(sum, PIC_BARS, 0.5, 2.5, 8);
        }
        fmt_value(u->sum - u->bias, a, sizeof a);
        fmt_value(u->bias, b, sizeof b);
        fmt_value(u->sum, c, sizeof c);
        add_text(sum, T_LEAD, 0, pal->fg, vtext(v, TX_COMP_SUM), u->n_part, a);
        add_text(sum, T_LEAD, 0, pal->fg, vtext(v, TX_COMP_BIAS), b);
        add_text(sum, T_KEY, VT_BOLD | VT_KEY, pal->accent, "= %s", c);
        if (uv->relu) {
            fmt_value(fmax(u->sum, 0), b, sizeof b);
            add_text(sum, T_BODY, 0, pal->fg, vtext(v, TX_COMP_RELU), c, b);
        }
    }
    fmt_value(uv->pass, a, sizeof a);
    int same = fabs(uv->pass - u->sum) <= 1e-4 * fmax(1, fabs(u->sum));
    add_text(sum, T_MIN, 0, same ? pal->ok : pal->warn, vtext(v, TX_COMP_PASS), a);
}

/* The columns across r (or one under the other when narrow); 0 when they do not fit. */
static int body_flow(vctx *v, const unit_view *uv, column cols[3], view_rect r, int draw)
{
    double u = v->u, gap = 1.2 * u;
    if (r.w >= 3 * 14 * u + 2 * gap) {
        /* the middle column wants the most room for its grids */
        double w0 = (r.w - 2 * gap) * 0.25, w1 = (r.w - 2 * gap) * 0.5,
               w2 = r.w - 2 * gap - w0 - w1;
        view_rect c0 = {r.x, r.y, w0, r.h}, c1 = {r.x + w0 + gap, r.y, w1, r.h},
                  c2 = {r.x + w0 + w1 + 2 * gap, r.y, w2, r.h};
        return column_flow(v, uv, &cols[0], c0, draw) && column_flow(v, uv, &cols[1], c1, draw) &&
               column_flow(v, uv, &cols[2], c2, draw);
    }
    /* stacked: each column a third of the height */
    double h = (r.h - 2 * gap) / 3;
    for (int i = 0; i < 3; i++)
        if (!column_flow(v, uv, &cols[i], (view_rect){r.x, r.y + i * (h + gap), r.w, h}, draw))
            return 0;
    return 1;
}

/* ---------------------------------------------------------------- the sliding window */

/* The sliding window's words for position l->n, into lines[] (n lines); keys last. */
typedef struct {
    char line[8][400];
    double size[8];
    int flags[8];
    vrgb c[8];
    int n;
} slide_words;

static void slide_add(slide_words *w, double size, int flags, vrgb c, const char *text)
{
    if (w->n >= 8)
        return;
    text_copy(w->line[w->n], sizeof w->line[0], text);
    w->size[w->n] = size, w->flags[w->n] = flags, w->c[w->n] = c;
    w->n++;
}

static void slide_make_words(vctx *v, const unit_view *uv, const vslide_layout *l, slide_words *w)
{
    const net_stage *s = uv->s;
    const vpal *pal = &v->pal;
    int P = s->op == NET_OP_CONV ? s->pad : 0, W = s->in_w;
    char t[400];
    memset(w, 0, sizeof *w);
    snprintf(t, sizeof t, vtext(v, TX_SLIDE_POS), l->n, l->total, l->oy, l->ox);
    slide_add(w, T_KEY, VT_BOLD | VT_KEY, pal->accent, t);
    snprintf(t, sizeof t, vtext(v, TX_COMP_WINDOW), l->wy, l->wy + l->k - 1, l->wx,
             l->wx + l->k - 1);
    slide_add(w, T_BODY, 0, pal->fg, t);
    snprintf(t, sizeof t, vtext(v, TX_COMP_ORIGIN), l->ox, s->stride, P, l->wx);
    slide_add(w, T_BODY, 0, pal->dim, t);
    if (l->ox == s->out_w - 1) {
        int next = l->wx + s->stride;
        if (s->op == NET_OP_POOL && s->round == NET_ROUND_CEIL)
            snprintf(t, sizeof t, vtext(v, TX_SLIDE_END_CEIL), next);
        else
            snprintf(t, sizeof t, vtext(v, TX_SLIDE_END), next, next + l->k - 1,
                     W - 1 + (s->op == NET_OP_CONV ? P : s->pad_end));
        slide_add(w, T_BODY, 0, pal->fg, t);
    }
    int last = (s->out_w - 1) * s->stride - P + l->k - 1; /* the last column any window reads */
    if (last < W - 1) {
        if (last + 1 == W - 1)
            snprintf(t, sizeof t, vtext(v, TX_SLIDE_UNUSED_ONE), W - 1, W + 2 * P - l->k,
                     s->stride);
        else
            snprintf(t, sizeof t, vtext(v, TX_SLIDE_UNUSED), last + 1, W - 1, W + 2 * P - l->k,
                     s->stride);
        slide_add(w, T_BODY, 0, pal->warn, t);
    } else if (s->op == NET_OP_POOL && last > W - 1) {
        if (last - (W - 1) == 1)
            snprintf(t, sizeof t, "%s", vtext(v, TX_SLIDE_OVERHANG_ONE));
        else
            snprintf(t, sizeof t, vtext(v, TX_SLIDE_OVERHANG), last - (W - 1));
        slide_add(w, T_BODY, 0, pal->cross, t);
    }
    if (!v->st->print)
        slide_add(w, T_MIN, 0, pal->dim, vtext(v, TX_SLIDE_KEYS));
}

/* The geometry of the slide for v's state at v->u: the input panel (l) and the output's
 * place and the words' column (*out, *words); 0 when it does not fit. */
static int slide_fit(vctx *v, const unit_view *uv, view_rect body, vslide_layout *l,
                     const slide_words *w, view_rect *out, view_rect *words)
{
    const net_stage *s = uv->s;
    double u = v->u, gap = 1.2 * u;
    int P = s->op == NET_OP_CONV ? s->pad : 0, E = s->op == NET_OP_CONV ? s->pad : s->pad_end;
    int cols = s->in_w + P + E, rows = s->in_h + P + E;
    /* wide: the input left, the output and the words right; else the input and the output side
     * by side, the words under them across the whole width */
    int wide = body.w > 40 * u;
    double words_w = wide ? body.w * 0.45 - gap / 2 : body.w, text_h = 0;
    for (int i = 0; i < w->n; i++)
        text_h += vtext_para_size(v, words_w, w->size[i], w->flags[i] & VT_BOLD, w->line[i], NULL) +
                  0.25 * u;
    double in_w, in_h, out_side;
    if (wide) {
        in_w = body.w * 0.55 - gap / 2, in_h = body.h;
        out_side = fmin(words_w, body.h - text_h - gap);
        *out = (view_rect){body.x + body.w - words_w, body.y, out_side, out_side};
        *words = (view_rect){out->x, body.y + out_side + gap, words_w, text_h};
    } else {
        in_h = body.h - text_h - gap;
        in_w = body.w * 0.6 - gap / 2;
        out_side = fmin(body.w * 0.4 - gap / 2, in_h);
        *out = (view_rect){body.x + body.w - out_side, body.y, out_side, out_side};
        *words = (view_rect){body.x, body.y + in_h + gap, words_w, text_h};
    }
    double k = fmin(in_w / cols, in_h / rows);
    if (k * rows < 4 * u || out_side < 3 * u)
        return 0;
    l->s = k;
    l->x = body.x + (in_w - k * cols) / 2 + k * P;
    l->y = body.y + k * P;
    return 1;
}

/* The position of the state's slide on the unit's map. */
static void slide_position(const unit_view *uv, int slide, vslide_layout *l)
{
    const net_stage *s = uv->s;
    l->total = s->out_h * s->out_w;
    l->n = slide < 1 ? 1 : slide > l->total ? l->total : slide;
    l->oy = (l->n - 1) / s->out_w, l->ox = (l->n - 1) % s->out_w;
    int P = s->op == NET_OP_CONV ? s->pad : 0;
    l->wy = l->oy * s->stride - P, l->wx = l->ox * s->stride - P, l->k = s->k;
}

/* Shrinks v->u until the slide fits body; fills everything. 0 when it cannot slide here. */
static int slide_layout(vctx *v, unit_view *uv, view_rect r, vslide_layout *l, slide_words *w,
                        view_rect *body, view_rect *out, view_rect *words)
{
    if (!unit_make(v, uv) || uv->s->op == NET_OP_FC || v->st->slide <= 0)
        return 0;
    slide_position(uv, v->st->slide, l);
    double u0 = v->u;
    for (double k = 1;; k *= 0.92) {
        v->u = u0 * k;
        slide_make_words(v, uv, l, w);
        double top = vstage_head(v, r, uv->stage, 0) + 0.3 * v->u;
        *body = (view_rect){r.x + 0.6 * v->u, r.y + top, r.w - 1.2 * v->u, r.h - top - 0.3 * v->u};
        if (slide_fit(v, uv, *body, l, w, out, words))
            return 1;
        if (k < 0.25)
            return 0; /* too small a room to slide in: the unit as usual */
    }
}

int view_slide_positions(const view_scene *sc, const view_state *st, int *row_len)
{
    vctx v;
    vctx_layout(&v, (view_rect){0, 0, 1, 1}, sc, st);
    int s = vcompute_stage(&v);
    *row_len = 1;
    if (s < 0 || sc->table.s[s].op == NET_OP_FC)
        return 0;
    *row_len = sc->table.s[s].out_w;
    return sc->table.s[s].out_h * sc->table.s[s].out_w;
}

int vslide_layout_make(vctx *v, vslide_layout *l)
{
    static unit_view uv;
    slide_words w;
    view_rect body, out, words;
    return slide_layout(v, &uv, v->r, l, &w, &body, &out, &words);
}

static void draw_slide(vctx *v, const unit_view *uv, const vslide_layout *l, const slide_words *w,
                       view_rect out, view_rect words)
{
    const net_stage *s = uv->s;
    const vpal *pal = &v->pal;
    int H = s->in_h, W = s->in_w, P = s->op == NET_OP_CONV ? s->pad : 0;
    int E = s->op == NET_OP_CONV ? s->pad : s->pad_end;
    double k = l->s;
    /* the padding (zeros for a convolution, −∞ for pooling) around the input */
    if (P || E)
        vfill(v, l->x - k * P, l->y - k * P, k * (W + P + E), k * (H + P + E),
              vmix(pal->bg, pal->line, 0.5));
    cairo_surface_t *ph = uv->stage == 0 ? vcache_photo(v) : NULL;
    if (ph) {
        vpaint_smooth(v, ph, l->x, l->y, k);
    } else {
        const float *plane = uv->in + (size_t)uv->top * H * W;
        float mn, mx;
        vfinite_range(plane, (size_t)H * W, &mn, &mx);
        float m = fmaxf(fabsf(mn), fabsf(mx));
        cairo_surface_t *ms = vmap_surface(plane, H, W, vpal_map(v, mn < 0 ? VMAP_DIV : VMAP_SEQ),
                                           mn < 0 ? -m : 0, m > 0 ? m : 1);
        vpaint_nearest(v, ms, l->x, l->y, k, k);
        cairo_surface_destroy(ms);
    }
    /* columns no window reads (224 at conv1), hatched in the warning colour */
    int last = (s->out_w - 1) * s->stride - P + l->k - 1;
    if (last < W - 1) {
        /* at least a few pixels wide: one column of 224 is 2 px on a projector */
        double x0 = l->x + k * (last + 1), sw = fmax(k * (W - 1 - last), 0.25 * v->u);
        vset_a(v, pal->warn, 0.55);
        cairo_rectangle(v->cr, fmin(x0, l->x + k * W - sw), l->y, sw, k * H);
        cairo_fill(v->cr);
    }
    double lw = fmax(2, 0.12 * v->u);
    vframe(v, l->x + k * l->wx, l->y + k * l->wy, k * l->k, k * l->k, lw, pal->accent);
    /* the output map, filled in as far as the window has gone */
    const float *o = v->sc->out[uv->stage] + (size_t)uv->u.c * s->out_h * s->out_w;
    float mn, mx;
    vfinite_range(o, (size_t)s->out_h * s->out_w, &mn, &mx);
    float m = fmaxf(fabsf(mn), fabsf(mx));
    vmap map = vpal_map(v, mn < 0 ? VMAP_DIV : VMAP_SEQ);
    double cs = fmin(out.w / s->out_w, out.h / s->out_h);
    vfill(v, out.x, out.y, cs * s->out_w, cs * s->out_h, pal->panel);
    for (int i = 0; i < l->n; i++) {
        float val = o[i];
        double t = m > 0 ? (mn < 0 ? 0.5 + 0.5 * val / m : val / m) : 0;
        uint32_t argb = isfinite(val) ? vmap_color(map, t) : VMAP_NO_VALUE;
        vrgb c = {(argb >> 16 & 255) / 255.0, (argb >> 8 & 255) / 255.0, (argb & 255) / 255.0};
        vfill(v, out.x + (i % s->out_w) * cs, out.y + (i / s->out_w) * cs, cs, cs, c);
    }
    vframe(v, out.x + l->ox * cs - 1, out.y + l->oy * cs - 1, cs + 2, cs + 2, lw, pal->accent);
    double y = words.y;
    for (int i = 0; i < w->n; i++)
        y += vtext_para_as(v, words.x, y, words.w, w->size[i], w->flags[i], w->c[i], w->line[i]) +
             0.25 * v->u;
}

int vcompute_grids(vctx *v, view_rect r)
{
    static unit_view uv; /* 33 KB: views draw on one thread */
    if (!unit_make(v, &uv) || uv.s->op != NET_OP_CONV)
        return 0;
    char name[16], title[160];
    channel_name(&uv, uv.top, name, sizeof name);
    snprintf(title, sizeof title, vtext(v, TX_COMP_TOP), name);
    double h = vtext_para_as(v, r.x, r.y, r.w, T_BODY, VT_BOLD, v->pal.fg, title) + 0.35 * v->u;
    pic_grids(v, &uv, (view_rect){r.x, r.y + h, r.w, r.h - h});
    return 1;
}

void view_draw_compute(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    double u0 = v.u;
    static unit_view uv; /* 33 KB: views draw on one thread */
    if (st->pg_on) {
        vplayground_draw(&v, r);
        vctx_end(&v);
        return;
    }
    int stage = vcompute_stage(&v);
    if (st->slide > 0) {
        vslide_layout l;
        slide_words w;
        view_rect body, out, words;
        if (slide_layout(&v, &uv, r, &l, &w, &body, &out, &words)) {
            vstage_head(&v, r, uv.stage, 1);
            draw_slide(&v, &uv, &l, &w, out, words);
            vctx_end(&v);
            return;
        }
        v.u = u0;
    }
    if (!unit_make(&v, &uv)) {
        int cur = vstage_current(&v);
        char line[400];
        if (stage < 0 && cur >= 0)
            snprintf(line, sizeof line, vtext(&v, TX_COMP_NONE), sc->table.s[cur].name);
        else
            snprintf(line, sizeof line, vtext(&v, TX_NOT_YET),
                     sc->table.s[stage >= 0 ? stage : 0].name);
        /* under the stage's name, as large as the room lets both be */
        double top = 0;
        view_rect room;
        for (double k = 1;; k *= 0.9) {
            v.u = u0 * k;
            top = cur >= 0 ? vstage_head(&v, r, cur, 0) : 0;
            room =
                (view_rect){r.x + v.u, r.y + top + 0.5 * v.u, r.w - 2 * v.u, r.h - top - 0.8 * v.u};
            if (vtext_para_size(&v, room.w, T_LEAD, 0, line, NULL) <= room.h || k < 0.3)
                break;
        }
        if (cur >= 0)
            vstage_head(&v, r, cur, 1);
        vtext_para(&v, room.x, room.y, room.w, T_LEAD, v.pal.dim, line);
        vctx_end(&v);
        return;
    }
    column cols[3];
    view_rect body;
    for (double k = 1;; k *= 0.92) {
        v.u = u0 * k;
        make_columns(&v, &uv, cols);
        double top = vstage_head(&v, r, uv.stage, 0) + 0.3 * v.u;
        body = (view_rect){r.x + 0.6 * v.u, r.y + top, r.w - 1.2 * v.u, r.h - top - 0.3 * v.u};
        if (body_flow(&v, &uv, cols, body, 0) || k < 0.3)
            break;
    }
    vstage_head(&v, r, uv.stage, 1);
    body_flow(&v, &uv, cols, body, 1);
    vctx_end(&v);
}
