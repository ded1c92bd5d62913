/* view_playground.c: the output-size formula as a playground (the compute view's G).
 *
 * One axis of a convolution or a pooling, small enough for a class to count: I input cells with
 * P zeros of padding on each side, and every position of a K-wide window moved by S, drawn as a
 * bar under the cells it covers, stacked so that overlapping windows stay apart. Beside it
 * O = floor((I + 2P − K)/S) + 1 with the numbers; when (I + 2P − K)/S is not a whole number the
 * columns no window reaches are marked, which is the whole story of 224 against 227. Presets:
 * conv1 at 227 and at 224, pool1 (overlapping windows), conv2 (padding 2 keeps the size) and
 * LeNet-5's first layer (32 → 28). Settings no window fits are said, never drawn.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const view_preset view_presets[VIEW_PRESETS] = {
    {"conv1 227", 227, 11, 4, 0}, {"conv1 224", 224, 11, 4, 0}, {"pool1", 55, 3, 2, 0},
    {"conv2", 27, 5, 1, 2},       {"LeNet-5 C1", 32, 5, 1, 0},  {"small", 13, 3, 2, 1},
};

/* The words, top to bottom. */
typedef struct {
    char title[200], params[200], formula[300], note[400], keys[400];
    int ok; /* some window fits */
} pg_words;

static void pg_make_words(vctx *v, const int pg[4], pg_words *w)
{
    int I = pg[0], K = pg[1], S = pg[2], P = pg[3];
    memset(w, 0, sizeof *w);
    snprintf(w->title, sizeof w->title, "%s", vtext(v, TX_PG_TITLE));
    snprintf(w->params, sizeof w->params, "I = %d    K = %d    S = %d    P = %d", I, K, S, P);
    w->ok = S >= 1 && K >= 1 && I >= 1 && P >= 0 && K <= I + 2 * P;
    if (!w->ok) {
        if (S < 1)
            snprintf(w->note, sizeof w->note, vtext(v, TX_PG_NO_STRIDE), S);
        else
            snprintf(w->note, sizeof w->note, vtext(v, TX_PG_TOO_BIG), K, I + 2 * P);
    } else {
        int num = I + 2 * P - K, O = num / S + 1, left = num % S;
        snprintf(w->formula, sizeof w->formula,
                 "O = floor((%d + 2·%d − %d)/%d) + 1 = floor(%d/%d) + 1 = %d", I, P, K, S, num, S,
                 O);
        if (left == 1)
            snprintf(w->note, sizeof w->note, vtext(v, TX_PG_LEFTOVER_ONE), num, S,
                     (double)num / S);
        else if (left)
            snprintf(w->note, sizeof w->note, vtext(v, TX_PG_LEFTOVER), num, S, (double)num / S,
                     left);
        else
            snprintf(w->note, sizeof w->note, vtext(v, TX_PG_WHOLE), num, S, O);
    }
    if (!v->st->print)
        snprintf(w->keys, sizeof w->keys, "%s", vtext(v, TX_PG_KEYS));
}

/* The cells and the windows in r; returns the height they take, 0 when they do not fit. */
static double pg_strip(vctx *v, const int pg[4], view_rect r, int draw)
{
    int I = pg[0], K = pg[1], S = pg[2], P = pg[3];
    int n = I + 2 * P, O = (I + 2 * P - K) / S + 1;
    double cw = r.w / n;
    if (cw < 1)
        return 0;
    /* windows stacked in levels: a window shares no cell with the one before on its level;
     * each bar numbered with its output position where the number fits */
    int levels = (K + S - 1) / S;
    char num[16], widest[16];
    double nw, nh, ow, oh;
    snprintf(widest, sizeof widest, "%d", I - 1);
    vtext_size(v, T_MIN, 0, widest, &nw, &nh);
    snprintf(widest, sizeof widest, "%d", O - 1);
    vtext_size(v, T_MIN, 0, widest, &ow, &oh);
    double ch = fmin(2.2 * v->u, fmax(cw, 0.9 * v->u)), bar = fmax(3, fmin(0.8 * v->u, cw));
    int counted = K * cw - 2 >= ow + 0.4 * v->u;
    if (counted)
        bar = fmax(bar, 1.15 * oh);
    double need = ch + 0.4 * v->u + levels * (bar + 0.25 * v->u);
    if (need > r.h)
        return 0;
    if (!draw)
        return need;
    const vpal *pal = &v->pal;
    int last = (O - 1) * S + K - 1; /* the last padded cell any window covers */
    int numbers = cw >= nw + 0.2 * v->u && ch >= 1.05 * nh;
    for (int i = 0; i < n; i++) {
        int pad = i < P || i >= P + I, unused = i > last;
        vrgb c = pad ? vmix(pal->bg, pal->line, 0.6) : unused ? pal->warn : pal->panel;
        vfill(v, r.x + i * cw, r.y, fmax(cw - 1, 1), ch, c);
        if (numbers) {
            snprintf(num, sizeof num, "%d", pad ? 0 : i - P);
            vtext_draw(v, r.x + i * cw + cw / 2, r.y + (ch - nh) / 2, T_MIN, 0,
                       pad ? pal->dim : pal->fg, VA_CENTER, 0, num);
        }
    }
    /* two shades of the accent, one after the other: neighbours told apart, not towers */
    vrgb shade[2] = {pal->accent, vmix(pal->accent, pal->bg, 0.45)};
    for (int o = 0; o < O; o++) {
        double x = r.x + o * S * cw + 1,
               y = r.y + ch + 0.4 * v->u + (o % levels) * (bar + 0.25 * v->u);
        vfill(v, x, y, K * cw - 2, bar, shade[o % 2]);
        if (counted) {
            snprintf(num, sizeof num, "%d", o);
            vtext_draw(v, x + (K * cw - 2) / 2, y + (bar - oh) / 2, T_MIN, 0, pal->bg, VA_CENTER, 0,
                       num);
        }
    }
    return need;
}

/* The whole playground in r at v->u: 0 when it does not fit. */
static int pg_flow(vctx *v, const int pg[4], const pg_words *w, view_rect r, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, y = r.y, gap = 0.4 * u;
    const char *lines[5] = {w->title, w->params, w->formula, w->note, w->keys};
    const double size[5] = {T_LEAD, T_KEY, T_LEAD, T_BODY, T_MIN};
    const int flags[5] = {VT_BOLD, VT_BOLD | VT_KEY, VT_BOLD, 0, 0};
    double h[5], text = 0;
    for (int i = 0; i < 5; i++) {
        h[i] =
            lines[i][0] ? vtext_para_size(v, r.w, size[i], flags[i] & VT_BOLD, lines[i], NULL) : 0;
        text += h[i] + (lines[i][0] ? gap : 0);
    }
    double strip_h = w->ok ? pg_strip(v, pg, (view_rect){r.x, 0, r.w, r.h - text - gap}, 0) : 0;
    if (w->ok && strip_h <= 0)
        return 0;
    if (text > r.h)
        return 0;
    if (!draw)
        return 1;
    for (int i = 0; i < 2; i++) {
        vtext_para_as(v, r.x, y, r.w, size[i], flags[i], i ? pal->accent : pal->fg, lines[i]);
        y += h[i] + gap;
    }
    if (w->ok) {
        pg_strip(v, pg, (view_rect){r.x, y, r.w, strip_h}, 1);
        y += strip_h + gap;
    }
    for (int i = 2; i < 5; i++)
        if (lines[i][0]) {
            vtext_para_as(v, r.x, y, r.w, size[i], flags[i],
                          i == 3 && w->ok ? pal->fg
                          : i == 3        ? pal->warn
                          : i == 4        ? pal->dim
                                          : pal->accent,
                          lines[i]);
            y += h[i] + gap;
        }
    return 1;
}

void vplayground_draw(vctx *v, view_rect r)
{
    pg_words w;
    double u0 = v->u;
    view_rect body;
    for (double k = 1;; k *= 0.92) {
        v->u = u0 * k;
        pg_make_words(v, v->st->pg, &w);
        body = (view_rect){r.x + 0.6 * v->u, r.y + 0.4 * v->u, r.w - 1.2 * v->u, r.h - 0.8 * v->u};
        if (pg_flow(v, v->st->pg, &w, body, 0) || k < 0.3)
            break;
    }
    pg_flow(v, v->st->pg, &w, body, 1);
}
