/* view_cache.c: activations turned into pixels once, then reused for every frame.
 *
 * The views draw 96 or 384 maps per frame; colouring 290,000 floats each time would eat the
 * frame budget, so the colouring happens once per stage version into an ARGB32 surface (an
 * atlas of all of a tower's maps, or a single map, or the photo, or conv1's filters) and the
 * frame just scales that surface with nearest-neighbour filtering. Entries are keyed by the
 * scene's version numbers and by what changes their pixels (columns, contrast); nothing here
 * is global, a cache belongs to one scene owner and one thread.
 *
 * Also here: the scene's own helpers (filling it from a net, stats, top-k), since the cache is
 * the only other place that reads a scene's raw arrays.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAP_SLOTS 64

typedef struct {
    int valid, stage, cols, contrast, palette;
    uint32_t version;
    vatlas a;
} atlas_entry;

typedef struct {
    int valid, stage, c, contrast, palette;
    uint32_t version;
    unsigned long used;
    cairo_surface_t *s;
} map_entry;

struct view_cache {
    struct {
        int valid;
        uint32_t version;
        vrange r;
    } range[NET_MAX_STAGES];
    atlas_entry atlas[NET_MAX_STAGES][2];
    map_entry map[MAP_SLOTS];
    unsigned long clock;
    struct {
        int valid;
        uint32_t version;
        cairo_surface_t *s;
    } photo;
    struct {
        int valid, cols, tile;
        uint32_t version;
        cairo_surface_t *s;
    } filters;
    struct {
        int valid, c0, c1, best;
        uint32_t version;
    } busiest[NET_MAX_STAGES][2];
    struct {
        int valid, stage;
        uint32_t version;
        net_stage row;
        float *out; /* (C, H, W) */
        size_t cap;
    } lrn;
    float *scratch;
    size_t scratch_cap;
    struct {
        unsigned char key[VCACHE_KEY_MAX];
        size_t key_len;
        cairo_surface_t *s;
    } memo[VCACHE_MEMOS];
};

static view_cache *view_cache_new(void) { return calloc(1, sizeof(view_cache)); }
static void view_cache_free(view_cache *c);

int view_scene_init(view_scene *sc)
{
    memset(sc, 0, sizeof *sc);
    sc->cache = view_cache_new();
    return sc->cache != NULL;
}

int view_scene_copy(view_scene *dst, const view_scene *src)
{
    *dst = *src;
    dst->cache = view_cache_new();
    return dst->cache != NULL;
}

void view_scene_release(view_scene *sc)
{
    view_cache_free(sc->cache);
    sc->cache = NULL;
}

static void view_cache_free(view_cache *c)
{
    if (!c)
        return;
    for (int i = 0; i < NET_MAX_STAGES; i++)
        for (int t = 0; t < 2; t++)
            if (c->atlas[i][t].a.s)
                cairo_surface_destroy(c->atlas[i][t].a.s);
    for (int i = 0; i < MAP_SLOTS; i++)
        if (c->map[i].s)
            cairo_surface_destroy(c->map[i].s);
    if (c->photo.s)
        cairo_surface_destroy(c->photo.s);
    if (c->filters.s)
        cairo_surface_destroy(c->filters.s);
    free(c->lrn.out);
    free(c->scratch);
    for (int i = 0; i < VCACHE_MEMOS; i++)
        if (c->memo[i].s)
            cairo_surface_destroy(c->memo[i].s);
    free(c);
}

/* ---------------------------------------------------------------- ranges */

void vfinite_range(const float *x, size_t n, float *mn, float *mx)
{
    float lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            continue;
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
    }
    if (lo > hi)
        lo = hi = 0; /* nothing finite */
    *mn = lo, *mx = hi;
}

/* The 99.5th percentile of |x| over its finite values, through a 1024-bin histogram over
 * [0, amax]: a handful of extreme units would otherwise leave every other map nearly black. In
 * double, so that a subnormal amax or one near FLT_MAX scales like any other. */
static float robust_abs_max(const float *x, size_t n, float amax)
{
    enum { BINS = 1024 };
    if (!(amax > 0) || !isfinite(amax))
        return 0;
    unsigned hist[BINS] = {0};
    double k = (BINS - 1) / (double)amax;
    size_t finite = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            continue;
        double b = fabs((double)x[i]) * k;
        hist[b >= BINS - 1 ? BINS - 1 : (int)b]++;
        finite++;
    }
    size_t want = (size_t)(0.995 * (double)finite), seen = 0;
    for (int b = 0; b < BINS; b++) {
        seen += hist[b];
        if (seen >= want) {
            double p = (b + 1) / k;
            return p < amax ? (float)p : amax;
        }
    }
    return amax;
}

vrange vcache_range(vctx *v, int stage)
{
    view_cache *c = v->cache;
    const view_scene *sc = v->sc;
    vrange r = {VMAP_SEQ, 0, 1, 0, 0, 0, 0};
    if (stage < 0 || stage >= sc->done || !sc->out[stage])
        return r;
    if (c && c->range[stage].valid && c->range[stage].version == sc->version[stage])
        return c->range[stage].r;
    const net_stage *s = &sc->table.s[stage];
    const float *x = sc->out[stage];
    size_t n = (size_t)s->out_c * s->out_h * s->out_w;
    float mn, mx;
    vfinite_range(x, n, &mn, &mx);
    float amax = fmaxf(fabsf(mn), fabsf(mx));
    float p = robust_abs_max(x, n, amax);
    if (!(p > 0))
        p = amax > 0 ? amax : 1;
    r.min = mn, r.max = mx;
    r.nan = sc->stats[stage].nan, r.inf = sc->stats[stage].inf;
    if (mn < 0) {
        r.map = VMAP_DIV, r.lo = -p, r.hi = p;
    } else {
        r.map = VMAP_SEQ, r.lo = 0, r.hi = p;
    }
    if (c) {
        c->range[stage].valid = 1;
        c->range[stage].version = sc->version[stage];
        c->range[stage].r = r;
    }
    return r;
}

/* ---------------------------------------------------------------- colouring */

static void make_lut(vmap m, uint32_t lut[256])
{
    for (int i = 0; i < 256; i++)
        lut[i] = vmap_color(m, i / 255.0);
}

/* The palette index of value x over [lo, hi] (k = 255/(hi − lo), in double so that no range
 * of finite floats overflows); -1 for NaN, which has no place on any scale. */
static int lut_index(float x, double lo, double k)
{
    if (isnan(x))
        return -1;
    double t = ((double)x - lo) * k + 0.5;
    return t <= 0 ? 0 : t >= 255 ? 255 : (int)t;
}

static double lut_scale(float lo, float hi) { return hi > lo ? 255.0 / ((double)hi - lo) : 0; }

/* Colours plane x (h, w) into dst (rows `stride` bytes apart) through lut over [lo, hi]; NaN
 * (and the LRN ratio of a zero input) is painted VMAP_NO_VALUE. */
static void paint_plane(const float *x, int h, int w, float lo, float hi, const uint32_t *lut,
                        unsigned char *dst, int stride)
{
    double k = lut_scale(lo, hi);
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(dst + (size_t)y * stride);
        const float *src = x + (size_t)y * w;
        for (int i = 0; i < w; i++) {
            int idx = lut_index(src[i], lo, k);
            row[i] = idx < 0 ? VMAP_NO_VALUE : lut[idx];
        }
    }
}

/* The range one map is stretched to in per-map contrast, in the stage range's map. */
static void map_range(const float *x, size_t n, const vrange *sr, float *lo, float *hi)
{
    float mn, mx;
    vfinite_range(x, n, &mn, &mx);
    float amax = fmaxf(fabsf(mn), fabsf(mx));
    if (!(amax > 0))
        amax = 1;
    *lo = sr->map == VMAP_DIV ? -amax : 0;
    *hi = amax;
}

cairo_surface_t *vmap_surface(const float *x, int h, int w, vmap m, float lo, float hi)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return s;
    uint32_t lut[256];
    make_lut(m, lut);
    cairo_surface_flush(s);
    paint_plane(x, h, w, lo, hi, lut, cairo_image_surface_get_data(s),
                cairo_image_surface_get_stride(s));
    cairo_surface_mark_dirty(s);
    return s;
}

void vvector_grid(int count, int *rows, int *cols)
{
    /* twice as wide as tall: 2048 → 64×32, 1000 → 45×23 */
    int c = (int)ceil(sqrt(2.0 * count));
    if (c < 1)
        c = 1;
    *cols = c;
    *rows = (count + c - 1) / c;
}

int vcache_atlas(vctx *v, int stage, int tower, int cols, vatlas *out)
{
    const view_scene *sc = v->sc;
    memset(out, 0, sizeof *out);
    if (stage < 0 || stage >= sc->done || !sc->out[stage] || tower < 0 || tower > 1)
        return 0;
    const net_stage *s = &sc->table.s[stage];
    int a[2], b[2];
    net_stage_towers(s, a, b);
    int c0 = tower ? b[0] : a[0], c1 = tower ? b[1] : a[1];
    if (c1 <= c0)
        return 0;
    int is_map = vstage_is_map(s);
    if (!is_map)
        cols = 1;
    if (cols < 1)
        cols = 1;
    int contrast = is_map ? (int)v->st->contrast : VIEW_CONTRAST_STAGE;
    int palette = (int)v->st->palette;
    atlas_entry *e = &v->cache->atlas[stage][tower];
    if (e->valid && e->version == sc->version[stage] && e->cols == cols &&
        e->contrast == contrast && e->palette == palette) {
        *out = e->a;
        return 1;
    }
    vrange r = vcache_range(v, stage);
    vatlas at = {.cols = cols, .c0 = c0, .c1 = c1};
    int n = c1 - c0, gap = is_map ? 1 : 0;
    if (is_map) {
        at.mh = s->out_h, at.mw = s->out_w;
        at.rows = (n + cols - 1) / cols;
    } else {
        vvector_grid(n, &at.mh, &at.mw);
        at.rows = 1;
    }
    int W = cols * at.mw + (cols - 1) * gap, H = at.rows * at.mh + (at.rows - 1) * gap;
    at.s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
    if (cairo_surface_status(at.s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(at.s);
        return 0;
    }
    cairo_surface_flush(at.s);
    unsigned char *data = cairo_image_surface_get_data(at.s);
    int stride = cairo_image_surface_get_stride(at.s);
    memset(data, 0, (size_t)stride * H); /* gaps stay transparent */
    uint32_t lut[256];
    make_lut(vpal_map(v, r.map), lut);
    const float *x = sc->out[stage];
    if (is_map) {
        size_t plane = (size_t)s->out_h * s->out_w;
        for (int j = 0; j < n; j++) {
            const float *src = x + (size_t)(c0 + j) * plane;
            float lo = r.lo, hi = r.hi;
            if (contrast == VIEW_CONTRAST_MAP)
                map_range(src, plane, &r, &lo, &hi);
            unsigned char *dst = data + (size_t)(j / cols) * (at.mh + gap) * stride +
                                 (size_t)(j % cols) * (at.mw + gap) * 4;
            paint_plane(src, at.mh, at.mw, lo, hi, lut, dst, stride);
        }
    } else {
        /* one cell per value, row-major, the last row partly empty */
        double k = lut_scale(r.lo, r.hi);
        for (int j = 0; j < n; j++) {
            int idx = lut_index(x[c0 + j], r.lo, k);
            ((uint32_t *)(data + (size_t)(j / at.mw) * stride))[j % at.mw] =
                idx < 0 ? VMAP_NO_VALUE : lut[idx];
        }
    }
    cairo_surface_mark_dirty(at.s);
    if (e->a.s)
        cairo_surface_destroy(e->a.s);
    e->valid = 1, e->version = sc->version[stage], e->cols = cols, e->contrast = contrast;
    e->palette = palette;
    e->stage = stage;
    e->a = at;
    *out = at;
    return 1;
}

cairo_surface_t *vcache_map(vctx *v, int stage, int c)
{
    const view_scene *sc = v->sc;
    view_cache *cache = v->cache;
    if (stage < 0 || stage >= sc->done || !sc->out[stage])
        return NULL;
    const net_stage *s = &sc->table.s[stage];
    if (c < 0 || c >= s->out_c || !vstage_is_map(s))
        return NULL;
    int contrast = (int)v->st->contrast, palette = (int)v->st->palette;
    map_entry *slot = &cache->map[0];
    for (int i = 0; i < MAP_SLOTS; i++) {
        map_entry *e = &cache->map[i];
        if (e->valid && e->stage == stage && e->c == c && e->contrast == contrast &&
            e->palette == palette && e->version == sc->version[stage]) {
            e->used = ++cache->clock;
            return e->s;
        }
        if (!e->valid || e->used < slot->used)
            slot = e;
    }
    vrange r = vcache_range(v, stage);
    size_t plane = (size_t)s->out_h * s->out_w;
    const float *src = sc->out[stage] + (size_t)c * plane;
    float lo = r.lo, hi = r.hi;
    if (contrast == VIEW_CONTRAST_MAP)
        map_range(src, plane, &r, &lo, &hi);
    if (slot->s)
        cairo_surface_destroy(slot->s);
    slot->s = vmap_surface(src, s->out_h, s->out_w, vpal_map(v, r.map), lo, hi);
    slot->valid = 1, slot->stage = stage, slot->c = c, slot->contrast = contrast;
    slot->palette = palette;
    slot->version = sc->version[stage];
    slot->used = ++cache->clock;
    return slot->s;
}

cairo_surface_t *vcache_photo(vctx *v)
{
    const view_scene *sc = v->sc;
    view_cache *c = v->cache;
    if (!sc->photo || sc->input_size < 1)
        return NULL;
    if (c->photo.valid && c->photo.version == sc->photo_version)
        return c->photo.s;
    int S = sc->input_size;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, S, S);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return NULL;
    }
    cairo_surface_flush(s);
    unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < S; y++) {
        uint32_t *row = (uint32_t *)(data + (size_t)y * stride);
        const unsigned char *p = sc->photo + (size_t)y * S * 3;
        for (int x = 0; x < S; x++, p += 3)
            row[x] = 0xff000000u | (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    }
    cairo_surface_mark_dirty(s);
    if (c->photo.s)
        cairo_surface_destroy(c->photo.s);
    c->photo.s = s, c->photo.valid = 1, c->photo.version = sc->photo_version;
    return s;
}

cairo_surface_t *vcache_filters(vctx *v, int cols, int *tile)
{
    const view_scene *sc = v->sc;
    view_cache *c = v->cache;
    int conv1 = -1;
    for (int i = 0; i < sc->table.count && conv1 < 0; i++)
        if (sc->table.s[i].op == NET_OP_CONV)
            conv1 = i;
    if (!sc->conv1_w || conv1 < 0)
        return NULL;
    const net_stage *s = &sc->table.s[conv1];
    int K = s->k, M = s->out_c, half = M / 2, gap = 1;
    *tile = K;
    if (c->filters.valid && c->filters.version == sc->conv1_version && c->filters.cols == cols)
        return c->filters.s;
    if (cols < 1)
        cols = 1;
    int rows = (half + cols - 1) / cols;
    /* both towers in one surface: tower A's tiles left, one empty column, tower B's right */
    int W = (2 * cols + 1) * (K + gap), H = rows * (K + gap);
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        return NULL;
    }
    cairo_surface_flush(surf);
    unsigned char *data = cairo_image_surface_get_data(surf);
    int stride = cairo_image_surface_get_stride(surf);
    memset(data, 0, (size_t)stride * H);
    size_t per = (size_t)s->in_c * K * K;
    for (int m = 0; m < M; m++) {
        const float *w = sc->conv1_w + (size_t)m * per; /* (3, K, K), B G R */
        float amax = 0;
        for (size_t i = 0; i < per; i++)
            amax = fmaxf(amax, fabsf(w[i]));
        float k = amax > 0 ? 127.0f / amax : 0;
        int j = m < half ? m : m - half;
        int tx = (m < half ? 0 : cols + 1) + j % cols, ty = j / cols;
        for (int y = 0; y < K; y++) {
            uint32_t *row = (uint32_t *)(data + (size_t)(ty * (K + gap) + y) * stride);
            for (int x = 0; x < K; x++) {
                int px = y * K + x;
                /* the weights are in the net's channel order, BGR: channel 2 is red */
                float ch[3];
                for (int q = 0; q < 3; q++)
                    ch[q] = s->in_c == 3 ? w[q * K * K + px] : w[px];
                uint32_t R = (uint32_t)lroundf(128 + ch[2] * k),
                         G = (uint32_t)lroundf(128 + ch[1] * k),
                         B = (uint32_t)lroundf(128 + ch[0] * k);
                row[tx * (K + gap) + x] = 0xff000000u | (R > 255 ? 255 : R) << 16 |
                                          (G > 255 ? 255 : G) << 8 | (B > 255 ? 255 : B);
            }
        }
    }
    cairo_surface_mark_dirty(surf);
    if (c->filters.s)
        cairo_surface_destroy(c->filters.s);
    c->filters.s = surf, c->filters.valid = 1, c->filters.version = sc->conv1_version;
    c->filters.cols = cols;
    return surf;
}

int vcache_busiest(vctx *v, int stage, int c0, int c1)
{
    const view_scene *sc = v->sc;
    if (stage < 0 || stage >= sc->done || !sc->out[stage] || c1 <= c0)
        return c0;
    int t = c0 > 0;
    view_cache *c = v->cache;
    if (c->busiest[stage][t].valid && c->busiest[stage][t].version == sc->version[stage] &&
        c->busiest[stage][t].c0 == c0 && c->busiest[stage][t].c1 == c1)
        return c->busiest[stage][t].best;
    const net_stage *s = &sc->table.s[stage];
    size_t plane = (size_t)s->out_h * s->out_w;
    int best = c0;
    double best_sum = -INFINITY;
    for (int ch = c0; ch < c1; ch++) {
        const float *x = sc->out[stage] + (size_t)ch * plane;
        double sum = 0;
        for (size_t i = 0; i < plane; i++)
            sum += fabsf(x[i]);
        if (sum > best_sum)
            best_sum = sum, best = ch;
    }
    c->busiest[stage][t].valid = 1;
    c->busiest[stage][t].version = sc->version[stage];
    c->busiest[stage][t].c0 = c0, c->busiest[stage][t].c1 = c1, c->busiest[stage][t].best = best;
    return best;
}

const float *vcache_lrn(vctx *v, int stage, net_stage *row)
{
    const view_scene *sc = v->sc;
    const view_state *st = v->st;
    view_cache *c = v->cache;
    if (stage < 1 || stage >= sc->table.count || stage - 1 >= sc->done || !sc->out[stage - 1])
        return NULL;
    net_stage r = sc->table.s[stage];
    r.lrn = st->lrn;
    *row = r;
    uint32_t ver = sc->version[stage - 1];
    if (c->lrn.valid && c->lrn.stage == stage && c->lrn.version == ver &&
        !memcmp(&c->lrn.row, &r, sizeof r))
        return c->lrn.out;
    size_t need = (size_t)r.in_c * r.in_h * r.in_w;
    if (need > c->lrn.cap) {
        float *o = realloc(c->lrn.out, need * sizeof(float));
        if (!o)
            return NULL;
        c->lrn.out = o;
        c->lrn.cap = need;
    }
    c->lrn.valid = 0;
    if (net_lrn_apply(&r, sc->out[stage - 1], c->lrn.out, NULL) != NET_OK)
        return NULL;
    c->lrn.valid = 1, c->lrn.stage = stage, c->lrn.version = ver, c->lrn.row = r;
    return c->lrn.out;
}

cairo_surface_t *vcache_memo(view_cache *c, int slot, const void *key, size_t key_len, int w, int h,
                             int *fresh)
{
    *fresh = 0;
    if (slot < 0 || slot >= VCACHE_MEMOS || key_len > VCACHE_KEY_MAX || w < 1 || h < 1)
        return NULL;
    if (c->memo[slot].s && c->memo[slot].key_len == key_len &&
        !memcmp(c->memo[slot].key, key, key_len))
        return c->memo[slot].s;
    if (!c->memo[slot].s || cairo_image_surface_get_width(c->memo[slot].s) != w ||
        cairo_image_surface_get_height(c->memo[slot].s) != h) {
        if (c->memo[slot].s)
            cairo_surface_destroy(c->memo[slot].s);
        c->memo[slot].s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        if (cairo_surface_status(c->memo[slot].s) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(c->memo[slot].s);
            c->memo[slot].s = NULL;
            return NULL;
        }
    }
    memcpy(c->memo[slot].key, key, key_len);
    c->memo[slot].key_len = key_len;
    *fresh = 1;
    return c->memo[slot].s;
}

float *vcache_scratch(vctx *v, size_t n)
{
    view_cache *c = v->cache;
    if (n > c->scratch_cap) {
        float *p = realloc(c->scratch, n * sizeof(float));
        if (!p)
            return NULL;
        c->scratch = p, c->scratch_cap = n;
    }
    return c->scratch;
}

/* ---------------------------------------------------------------- scaling */

/* A scaled copy of a surface, kept on the source surface itself (cairo user data), so it lives
 * exactly as long as its source and is made once per size. */
typedef struct {
    int w, h, smooth;
    cairo_surface_t *s;
} scaled_copy;

static const cairo_user_data_key_t scaled_key;

static void scaled_free(void *p)
{
    scaled_copy *c = p;
    if (c->s)
        cairo_surface_destroy(c->s);
    free(c);
}

/* Nearest-neighbour by integer arithmetic: destination pixel x takes source pixel
 * floor((x + ½)·src_w / w). Done by hand rather than by a cairo transform because cairo's
 * fixed-point sampling can round a pixel centre lying exactly on a source pixel's edge either
 * way depending on where on the page the picture sits; this way a view drawn in the window and
 * the same view drawn alone by export are the same pixels. */
static cairo_surface_t *scale_nearest(cairo_surface_t *src, int w, int h)
{
    int sw = cairo_image_surface_get_width(src), sh = cairo_image_surface_get_height(src);
    cairo_surface_t *d = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    if (cairo_surface_status(d) != CAIRO_STATUS_SUCCESS)
        return d;
    cairo_surface_flush(src);
    cairo_surface_flush(d);
    const unsigned char *sp = cairo_image_surface_get_data(src);
    unsigned char *dp = cairo_image_surface_get_data(d);
    int ss = cairo_image_surface_get_stride(src), ds = cairo_image_surface_get_stride(d);
    int *col = malloc(sizeof(int) * (size_t)w);
    if (!col) {
        cairo_surface_destroy(d);
        return cairo_image_surface_create(CAIRO_FORMAT_INVALID, 0, 0);
    }
    for (int x = 0; x < w; x++)
        col[x] = (int)(((int64_t)2 * x + 1) * sw / (2 * (int64_t)w));
    for (int y = 0; y < h; y++) {
        const uint32_t *srow =
            (const uint32_t *)(sp + (size_t)(((int64_t)2 * y + 1) * sh / (2 * (int64_t)h)) * ss);
        uint32_t *drow = (uint32_t *)(dp + (size_t)y * ds);
        for (int x = 0; x < w; x++)
            drow[x] = srow[col[x]];
    }
    free(col);
    cairo_surface_mark_dirty(d);
    return d;
}

/* A photo scaled smoothly, drawn at the origin of its own surface for the same reason. */
static cairo_surface_t *scale_smooth(cairo_surface_t *src, int w, int h)
{
    int sw = cairo_image_surface_get_width(src), sh = cairo_image_surface_get_height(src);
    cairo_surface_t *d = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(d);
    cairo_scale(cr, (double)w / sw, (double)h / sh);
    cairo_set_source_surface(cr, src, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(d);
    return d;
}

/* Pictures larger than this (a grid zoomed far in) are scaled by cairo while drawing instead. */
#define SCALED_MAX_PIXELS (16L * 1024 * 1024)

static cairo_surface_t *scaled_of(cairo_surface_t *src, int w, int h, int smooth)
{
    scaled_copy *c = cairo_surface_get_user_data(src, &scaled_key);
    if (c && c->w == w && c->h == h && c->smooth == smooth)
        return c->s;
    cairo_surface_t *s = smooth ? scale_smooth(src, w, h) : scale_nearest(src, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return NULL;
    }
    scaled_copy *n = malloc(sizeof *n);
    if (!n) {
        cairo_surface_destroy(s);
        return NULL;
    }
    *n = (scaled_copy){w, h, smooth, s};
    if (cairo_surface_set_user_data(src, &scaled_key, n, scaled_free) != CAIRO_STATUS_SUCCESS) {
        scaled_free(n);
        return NULL;
    }
    return s;
}

static void paint_scaled(vctx *v, cairo_surface_t *s, double x, double y, double sx, double sy,
                         int smooth)
{
    cairo_t *cr = v->cr;
    int w = (int)lround(cairo_image_surface_get_width(s) * sx);
    int h = (int)lround(cairo_image_surface_get_height(s) * sy);
    if (w < 1 || h < 1)
        return;
    /* vector surfaces (PDF) get the small image with a filter instead: no pixels to match,
     * and the file stays small */
    int raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
    cairo_surface_t *scaled =
        raster && (long)w * h <= SCALED_MAX_PIXELS ? scaled_of(s, w, h, smooth) : NULL;
    cairo_save(cr);
    if (scaled) {
        cairo_set_source_surface(cr, scaled, round(x), round(y));
    } else {
        cairo_translate(cr, x, y);
        cairo_scale(cr, sx, sy);
        cairo_set_source_surface(cr, s, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr),
                                 smooth ? CAIRO_FILTER_GOOD : CAIRO_FILTER_NEAREST);
    }
    cairo_paint(cr);
    cairo_restore(cr);
}

/* A layout test that only measures text skips the pictures: where text goes never depends on
 * their pixels. */
static int measuring(const vctx *v) { return v->st->log && v->st->log->measure; }

void vpaint_nearest(vctx *v, cairo_surface_t *s, double x, double y, double sx, double sy)
{
    if (!measuring(v))
        paint_scaled(v, s, x, y, sx, sy, 0);
}

void vpaint_smooth(vctx *v, cairo_surface_t *s, double x, double y, double k)
{
    if (!measuring(v))
        paint_scaled(v, s, x, y, k, k, 1);
}

/* ---------------------------------------------------------------- for export */

cairo_surface_t *view_channel_image(const view_scene *sc, const view_state *st, int stage, int c,
                                    int scale)
{
    if (stage < 0 || stage >= sc->done || !sc->out[stage] || scale < 1)
        return NULL;
    const net_stage *s = &sc->table.s[stage];
    if (c < 0 || c >= s->out_c || !vstage_is_map(s))
        return NULL;
    vctx v;
    vctx_layout(&v, (view_rect){0, 0, 1, 1}, sc, st);
    v.cache = sc->cache ? sc->cache : view_cache_new();
    cairo_surface_t *out = NULL;
    cairo_surface_t *m = v.cache ? vcache_map(&v, stage, c) : NULL;
    if (m)
        out = scale == 1 ? scale_nearest(m, s->out_w, s->out_h)
                         : scale_nearest(m, s->out_w * scale, s->out_h * scale);
    if (!sc->cache)
        view_cache_free(v.cache);
    if (out && cairo_surface_status(out) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(out);
        out = NULL;
    }
    return out;
}

/* ---------------------------------------------------------------- the scene */

int view_scene_first_nonfinite(const view_scene *sc)
{
    for (int i = 0; i < sc->done && i < sc->table.count; i++)
        if (sc->stats[i].nan || sc->stats[i].inf)
            return i;
    return -1;
}

void view_scene_update_stats(view_scene *sc, int i)
{
    if (i < 0 || i >= sc->table.count || !sc->out[i])
        return;
    const net_stage *s = &sc->table.s[i];
    net_compute_stats(sc->out[i], (size_t)s->out_c * s->out_h * s->out_w, &sc->stats[i]);
}

void view_scene_from_net(view_scene *sc, net *n, const unsigned char *photo, const float *input,
                         const char *photo_name, uint32_t version)
{
    view_cache *keep = sc->cache;
    memset(sc, 0, sizeof *sc);
    sc->cache = keep;
    sc->table.count = net_stage_count(n);
    sc->input_size = net_get_config(n)->input_size;
    for (int i = 0; i < sc->table.count; i++) {
        sc->table.s[i] = *net_stage_at(n, i);
        sc->out[i] = net_output(n, i);
        sc->version[i] = version;
        if (sc->out[i]) {
            sc->done = i + 1;
            view_scene_update_stats(sc, i);
        }
    }
    sc->input = input;
    sc->photo = photo;
    sc->photo_name = photo_name;
    sc->photo_version = version;
    sc->conv1_w = net_weights(n, 0);
    for (int i = 0; i < sc->table.count; i++) {
        sc->weights[i] = net_weights(n, i);
        sc->biases[i] = net_biases(n, i);
    }
    sc->conv1_version = version;
    sc->untrained = net_is_untrained(n);
}

void view_scene_set_run(view_scene *sc, const net_config *cfg, const net_preproc *pp,
                        const char *weights_path, uint64_t seed)
{
    sc->run_known = 1;
    sc->cfg = *cfg;
    sc->preproc = *pp;
    const char *slash = weights_path ? strrchr(weights_path, '/') : NULL;
    snprintf(sc->weights_file, sizeof sc->weights_file, "%s",
             slash          ? slash + 1
             : weights_path ? weights_path
                            : "");
    sc->seed = seed;
}

int view_scene_top(const view_scene *sc, int k, int *idx, float *val)
{
    int last = sc->table.count - 1;
    if (last < 0 || sc->done <= last || !sc->out[last] || k < 1)
        return 0;
    const net_stage *s = &sc->table.s[last];
    if (k > 10)
        k = 10;
    if (k > s->out_c)
        k = s->out_c;
    net_topk(sc->out[last], s->out_c, k, idx, val);
    return k;
}
