/* export_manifest.c: manifest.json, what an export wrote and what each file shows (see
 * export.h and docs/exports.md): every file in plan order, with its stage, shape, statistics
 * and the colours its values became, so the same input and flags give the same bytes.
 */
#include "export.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>

const char *const ex_kind_names[] = {"pipeline",    "stage",     "filters",    "lrn",
                                     "predictions", "compute",   "playground", "lesson",
                                     "channel",     "animation", "handout",    "manifest"};

static void json_stats(FILE *f, const net_stats *s)
{
    fprintf(f,
            "\"stats\": {\"min\": %.9g, \"max\": %.9g, \"mean\": %.9g, \"std\": %.9g, "
            "\"zeros\": %.6f, \"nan\": %zu, \"inf\": %zu, \"subnormal\": %zu}",
            s->min, s->max, s->mean, s->std, s->zeros, s->nan, s->inf, s->subnormal);
}

static void json_shape(FILE *f, const net_stage *s)
{
    if (s->out_h * s->out_w > 1)
        fprintf(f, "\"shape\": [%d, %d, %d]", s->out_c, s->out_h, s->out_w);
    else
        fprintf(f, "\"shape\": [%d]", s->out_c);
}

/* The colours of a stage's maps, so a reader can turn a pixel back into a value. */
static void json_colours(FILE *f, const view_colours *c)
{
    fprintf(f,
            ", \"colours\": {\"map\": \"%s\", \"lo\": ", c->diverging ? "diverging" : "sequential");
    cli_json_num(f, c->lo);
    fprintf(f, ", \"hi\": ");
    cli_json_num(f, c->hi);
    fputc('}', f);
}

int write_manifest(const export_opts *o, const view_scene *sc, const ex_image *im,
                   const char *weights, const view_colours *colours, int pages, const ex_file *mf,
                   char *msg, size_t len)
{
    char *json = NULL;
    size_t jlen = 0;
    FILE *f = open_memstream(&json, &jlen);
    if (!f) {
        msg_snprintf(msg, len, "%s: out of memory", mf->path);
        return 0;
    }
    int print = o->palette == VIEW_PALETTE_PRINT;
    fprintf(f, "{\n  \"image\": ");
    cli_json_str(f, im->path);
    fprintf(f, ",\n  \"weights\": ");
    cli_json_str(f, weights);
    fprintf(f,
            ",\n  \"untrained\": %s,\n  \"input_size\": %d,\n  \"lang\": \"%s\",\n"
            "  \"theme\": \"%s\",\n  \"contrast\": \"%s\",\n  \"palette\": \"%s\",\n"
            "  \"size\": [%d, %d],\n  \"scale\": %d,\n",
            sc->untrained ? "true" : "false", sc->input_size, o->common.lang,
            o->theme == VIEW_THEME_DARK ? "dark" : "light",
            o->contrast == VIEW_CONTRAST_MAP ? "map" : "stage", print ? "print" : "screen",
            o->width, o->height, o->scale);
    /* the PNGs' palette; the handout's is print's unless --palette screen */
    if (print)
        fprintf(f, "  \"colour_maps\": {\"sequential\": \"values 0 to hi: paper white, yellow, "
                   "orange, crimson, dark violet\", \"diverging\": \"values -hi to hi: dark blue, "
                   "blue, mid grey at 0, amber, pale yellow\"},\n");
    else
        fprintf(f, "  \"colour_maps\": {\"sequential\": \"values 0 to hi: near-black, violet, "
                   "red, orange, pale yellow\", \"diverging\": \"values -hi to hi: light blue, "
                   "blue, near-black at 0, orange, yellow\"},\n");
    int idx[5];
    float val[5];
    int k = view_scene_top(sc, 5, idx, val);
    fprintf(f, "  \"top5\": [");
    for (int j = 0; j < k; j++) {
        fprintf(f, "%s{\"class\": %d, \"name\": ", j ? ", " : "", idx[j]);
        const char *name = sc->class_name ? sc->class_name(idx[j]) : NULL;
        cli_json_str(f, name ? name : "");
        fprintf(f, ", \"p\": ");
        cli_json_num(f, val[j]);
        fputc('}', f);
    }
    int bad = view_scene_first_nonfinite(sc);
    fprintf(f, "],\n  \"first_nonfinite\": ");
    if (bad >= 0)
        cli_json_str(f, sc->table.s[bad].name);
    else
        fputs("null", f);
    fprintf(f, ",\n  \"files\": [\n");
    int first = 1;
    for (int i = 0; i < im->n_files; i++) {
        const ex_file *e = &im->files[i];
        if (e->kind == EX_MANIFEST)
            continue;
        const net_stage *s = e->stage >= 0 ? &sc->table.s[e->stage] : NULL;
        fprintf(f, "%s    {\"path\": ", first ? "" : ",\n");
        first = 0;
        cli_json_str(f, e->rel);
        fprintf(f, ", \"kind\": \"%s\", \"stage\": ", ex_kind_names[e->kind]);
        if (s)
            cli_json_str(f, s->name);
        else
            fputs("null", f);
        switch (e->kind) {
        case EX_CHANNEL: {
            int a[2], b[2];
            net_stage_towers(s, a, b);
            fprintf(f,
                    ", \"channel\": %d, \"tower\": \"%s\", \"shape\": [%d, %d], "
                    "\"width\": %d, \"height\": %d, ",
                    e->channel, b[1] > b[0] && e->channel >= b[0] ? "B" : "A", s->out_h, s->out_w,
                    e->width, e->height);
            json_stats(f, &e->stats);
            json_colours(f, &e->colours);
            break;
        }
        case EX_STAGE:
        case EX_LRN:
        case EX_PRED:
            fprintf(f, ", ");
            json_shape(f, s);
            fprintf(f, ", \"width\": %d, \"height\": %d, ", e->width, e->height);
            json_stats(f, &sc->stats[e->stage]);
            /* per-map contrast gives each map its own range: see the channel files */
            if (e->kind == EX_STAGE && s->op != NET_OP_SOFTMAX &&
                (o->contrast == VIEW_CONTRAST_STAGE || s->out_h * s->out_w == 1))
                json_colours(f, &colours[e->stage]);
            break;
        case EX_FILTERS:
            fprintf(f, ", \"shape\": [%d, %d, %d, %d], \"width\": %d, \"height\": %d", s->out_c,
                    s->in_c, s->k, s->k, e->width, e->height);
            break;
        case EX_PIPELINE:
        case EX_COMPUTE: fprintf(f, ", \"width\": %d, \"height\": %d", e->width, e->height); break;
        case EX_PLAYGROUND: {
            const view_preset *p = &view_presets[e->channel];
            fprintf(f, ", \"preset\": ");
            cli_json_str(f, p->name);
            fprintf(f,
                    ", \"I\": %d, \"K\": %d, \"S\": %d, \"P\": %d, \"width\": %d, \"height\": %d",
                    p->i, p->k, p->s, p->p, e->width, e->height);
            break;
        }
        case EX_LESSON:
            fprintf(f, ", \"page\": \"%s\", \"width\": %d, \"height\": %d",
                    view_lesson_name(e->channel), e->width, e->height);
            break;
        case EX_GIF:
            fprintf(f, ", \"frames\": %d, \"width\": %d, \"height\": %d", e->frames, e->width,
                    e->height);
            break;
        case EX_HANDOUT:
            fprintf(f, ", \"pages\": %d, \"page_size_pt\": [%.3f, %.3f]", pages, o->page_w,
                    o->page_h);
            break;
        case EX_MANIFEST: break;
        }
        fputc('}', f);
    }
    fprintf(f, "\n  ]\n}\n");
    if (fclose(f)) {
        msg_snprintf(msg, len, "%s: out of memory", mf->path);
        free(json);
        return 0;
    }
    net_err err = {0};
    int ok = net_write_atomic(mf->path, json, jlen, &err) == NET_OK;
    if (!ok)
        msg_err(&err, msg_lang(), msg, len);
    free(json);
    return ok;
}
