/* test_tencrop.c: the paper's ten-patch test (net_ten_crops, net_ten_crop) against PyTorch on
 * the same patches: tests/golden/tencrop.golden, made by gen_tencrop_golden.py from the narrow
 * net of A.golden and a square of splitmix64 bytes. */
#include "alexnet.h"
#include "golden_net.h"
#include "test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SIDE = 256 };

typedef struct {
    char square_hash[17];
    int x[10], y[10], mirror[10], top1[10];
    char hash[10][17];
    double mean[16];
    int classes;
} tc_golden;

static int load(tc_golden *g)
{
    FILE *f = fopen("tests/golden/tencrop.golden", "r");
    if (!f)
        return 0;
    char line[4096];
    int patches = 0, ok = 0;
    memset(g, 0, sizeof *g);
    while (fgets(line, sizeof line, f)) {
        int p, x, y, m, t;
        char h[17];
        if (sscanf(line, "square seed=3 side=256 fnv1a=%16s", g->square_hash) == 1)
            continue;
        if (sscanf(line, "patch %d x=%d y=%d mirror=%d fnv1a=%16s top1=%d", &p, &x, &y, &m, h,
                   &t) == 6 &&
            p >= 0 && p < 10) {
            g->x[p] = x, g->y[p] = y, g->mirror[p] = m, g->top1[p] = t;
            memcpy(g->hash[p], h, sizeof h);
            patches++;
        } else if (!strncmp(line, "mean ", 5)) {
            char *s = line + 5, *end;
            while (g->classes < 16 && (g->mean[g->classes] = strtod(s, &end), end != s))
                g->classes++, s = end;
        } else if (!strcmp(line, "end\n")) {
            ok = patches == 10 && g->classes > 0 && g->square_hash[0];
        }
    }
    fclose(f);
    return ok;
}

/* The generator's square: byte i is the top 8 bits of splitmix64(seed 3)'s i-th number. */
static unsigned char *square_bytes(void)
{
    unsigned char *sq = malloc((size_t)SIDE * SIDE * 3);
    uint64_t s = 3;
    for (size_t i = 0; sq && i < (size_t)SIDE * SIDE * 3; i++)
        sq[i] = (unsigned char)(golden_next_u64(&s) >> 56);
    return sq;
}

static void hash_bytes(const unsigned char *b, size_t n, char out[17])
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ull;
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* The patches are the generator's, byte for byte: corners, centre, mirrors, BGR minus the mean;
 * a mirror is its patch read right to left. */
TEST(ten_crops_cut_the_papers_patches)
{
    tc_golden g;
    CHECK(load(&g));
    unsigned char *sq = square_bytes();
    CHECK(sq);
    char h[17];
    hash_bytes(sq, (size_t)SIDE * SIDE * 3, h);
    CHECKF(!strcmp(h, g.square_hash), "the square's bytes differ from the generator's: %s vs %s", h,
           g.square_hash);
    int S = 227, xy[10][2];
    size_t one = (size_t)3 * S * S;
    float *in = malloc(sizeof(float) * one * 10);
    net_preproc pp;
    net_preproc_caffe(&pp);
    CHECK_EQ_INT(net_ten_crops(sq, SIDE, S, &pp, in, xy, NULL), NET_OK);
    for (int p = 0; p < 10; p++) {
        golden_hash_floats(in + p * one, one, h);
        CHECKF(xy[p][0] == g.x[p] && xy[p][1] == g.y[p] && !strcmp(h, g.hash[p]),
               "patch %d at (%d, %d) hash %s; the generator's at (%d, %d) %s", p, xy[p][0],
               xy[p][1], h, g.x[p], g.y[p], g.hash[p]);
    }
    int mirrored = 1;
    for (int p = 0; p < 5; p++)
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < S; y += 17)
                for (int x = 0; x < S; x++)
                    mirrored &= in[p * one + ((size_t)c * S + y) * S + x] ==
                                in[(p + 5) * one + ((size_t)c * S + y) * S + (S - 1 - x)];
    CHECK(mirrored);
    CHECK_EQ_INT(net_ten_crops(sq, SIDE, SIDE + 1, &pp, in, xy, NULL), NET_ERR_ARG);
    free(in);
    free(sq);
}

static int count_calls(int done, void *user)
{
    int *calls = user;
    (*calls)++;
    return done >= 4; /* stop after the fourth */
}

/* The ten passes of the narrow net A averaged: within 1e-5 of the vector's range of PyTorch's
 * mean, each patch's top-1 the same, at test time even with dropout set to train; progress
 * after each pass, and stopping it. */
TEST(ten_crop_mean_matches_pytorch)
{
    tc_golden g;
    CHECK(load(&g));
    net_config c;
    net_config_default(&c);
    memcpy(c.width, GOLDEN_WIDTHS, sizeof GOLDEN_WIDTHS);
    net *n = NULL;
    CHECK_EQ_INT(net_create(&n, &c, NULL), NET_OK);
    float *x = malloc(sizeof(float) * 3 * 227 * 227);
    golden_fill(n, 1, x, 227);
    unsigned char *sq = square_bytes();
    net_preproc pp;
    net_preproc_caffe(&pp);
    double mean[16];
    int top1[10];
    float top1_p[10];
    CHECK_EQ_INT(net_ten_crop(n, sq, SIDE, &pp, mean, top1, top1_p, NULL, NULL, NULL), NET_OK);
    CHECK_EQ_INT(net_stage_at(n, net_stage_count(n) - 1)->out_c, g.classes);
    double lo = g.mean[0], hi = g.mean[0], worst = 0, sum = 0;
    for (int k = 0; k < g.classes; k++) {
        lo = fmin(lo, g.mean[k]), hi = fmax(hi, g.mean[k]);
        worst = fmax(worst, fabs(mean[k] - g.mean[k]));
        sum += mean[k];
    }
    CHECKF(worst <= 1e-5 * (hi - lo), "mean differs from PyTorch's by %.3g (range %.3g)", worst,
           hi - lo);
    CHECKF(fabs(sum - 1) < 1e-5, "the mean's sum is %.9g", sum);
    for (int p = 0; p < 10; p++)
        CHECKF(top1[p] == g.top1[p], "patch %d: top-1 %d, PyTorch's %d", p, top1[p], g.top1[p]);

    /* at test time, even with dropout set to train */
    double again[16];
    net_set_dropout(n, 1, 9);
    CHECK_EQ_INT(net_ten_crop(n, sq, SIDE, &pp, again, NULL, NULL, NULL, NULL, NULL), NET_OK);
    CHECK(!memcmp(again, mean, sizeof(double) * (size_t)g.classes));
    net_set_dropout(n, 0, 0);

    int calls = 0;
    CHECK_EQ_INT(net_ten_crop(n, sq, SIDE, &pp, mean, NULL, NULL, count_calls, &calls, NULL),
                 NET_ERR_CANCELLED);
    CHECK_EQ_INT(calls, 4);
    net_free(n);
    free(x);
    free(sq);
}
