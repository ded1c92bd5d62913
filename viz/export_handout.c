/* export_handout.c: the export's PDF handout, drawn into memory one page at a time (see
 * export.h): the export's drawing thread draws a page whenever the encoder pool has no surface
 * free for the next slide. The pages themselves are view_handout.c's.
 */
#include "export.h"
#include "msg.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* cairo writes the PDF into memory: the file is written whole at the end, atomically. */
static cairo_status_t membuf_write(void *closure, const unsigned char *data, unsigned int len)
{
    membuf *m = closure;
    if (m->len + len > m->cap) {
        size_t cap = m->cap ? m->cap : 1 << 16;
        while (cap < m->len + len)
            cap *= 2;
        unsigned char *p = realloc(m->data, cap);
        if (!p) {
            m->failed = 1;
            return CAIRO_STATUS_NO_MEMORY;
        }
        m->data = p, m->cap = cap;
    }
    memcpy(m->data + m->len, data, len);
    m->len += len;
    return CAIRO_STATUS_SUCCESS;
}

/* The handout's normal text size, in points. */
#define PAGE_UI 10.0

static int plan_pages(const export_opts *o, const view_scene *sc, page_item *items)
{
    int n = 0;
    items[n++] = (page_item){PG_COVER, -1};
    items[n++] = (page_item){PG_LESSON, VIEW_LESSON_LENET};
    for (int i = 0; i < sc->table.count; i++) {
        if (!o->want[i])
            continue;
        const net_stage *s = &sc->table.s[i];
        items[n++] = (page_item){PG_STAGE, i};
        if (s->op == NET_OP_CONV && s->layer == 1)
            items[n++] = (page_item){PG_FILTERS, i};
        if (s->op == NET_OP_LRN)
            items[n++] = (page_item){PG_LRN, i};
        if (s->op == NET_OP_CONV || (s->op == NET_OP_POOL && s->layer == 1) ||
            (s->op == NET_OP_FC && s->layer == 6))
            items[n++] = (page_item){PG_COMPUTE, i};
    }
    items[n++] = (page_item){PG_TABLE, -1};
    items[n++] = (page_item){PG_LAYERS, -1};
    items[n++] = (page_item){PG_LESSON, VIEW_LESSON_TRAINING};
    items[n++] = (page_item){PG_LESSON, VIEW_LESSON_DROPOUT};
    items[n++] = (page_item){PG_LESSON, VIEW_LESSON_TENCROP};
    return n;
}

void handout_begin(handout *h)
{
    h->surface =
        cairo_pdf_surface_create_for_stream(membuf_write, &h->pdf, h->o->page_w, h->o->page_h);
    char title[512], name[400];
    net_text_escape(h->im->name, name, sizeof name); /* PDF metadata must be UTF-8 */
    snprintf(title, sizeof title, "AlexNet, stage by stage: %s", name);
    cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_CREATOR, "alexviz export");
    /* no creation date: the same input gives the same bytes */
    cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
    h->cr = cairo_create(h->surface);
    view_state_default(&h->st, &h->sc);
    h->st.theme = VIEW_THEME_LIGHT;
    h->st.contrast = h->o->contrast;
    h->st.palette = h->o->palette == VIEW_PALETTE_SCREEN ? VIEW_PALETTE_SCREEN : VIEW_PALETTE_PRINT;
    h->st.print = 1;
    h->st.lang = text_lang_from(h->o->common.lang);
    h->st.notes = h->o->common.notes;
    h->st.ui = PAGE_UI;
    h->n = plan_pages(h->o, &h->sc, h->items);
    h->next = 0;
}

/* Draws the next page; 0 when there is none left. */
int handout_page(handout *h)
{
    if (h->next >= h->n)
        return 0;
    const page_item *it = &h->items[h->next];
    view_page pg = {h->im->name, h->sc.untrained ? NULL : h->weights, h->o->common.seed,
                    h->next + 1, h->n};
    view_rect r = {0, 0, h->o->page_w, h->o->page_h};
    switch (it->kind) {
    case PG_COVER: view_draw_cover(h->cr, r, &h->sc, &h->st, &pg); break;
    case PG_STAGE: view_draw_stage_page(h->cr, r, &h->sc, &h->st, it->stage, &pg); break;
    case PG_FILTERS: view_draw_filters_page(h->cr, r, &h->sc, &h->st, &pg); break;
    case PG_LRN: view_draw_lrn_page(h->cr, r, &h->sc, &h->st, it->stage, &pg); break;
    case PG_TABLE: view_draw_table_page(h->cr, r, &h->sc, &h->st, &pg); break;
    case PG_LAYERS: view_draw_layers_page(h->cr, r, &h->sc, &h->st, &pg); break;
    case PG_COMPUTE: view_draw_compute_page(h->cr, r, &h->sc, &h->st, it->stage, &pg); break;
    case PG_LESSON: view_draw_lesson_page(h->cr, r, &h->sc, &h->st, it->stage, &pg); break;
    }
    cairo_show_page(h->cr);
    h->next++;
    return 1;
}

/* Finishes the PDF (the bytes are in h->pdf); 0 with msg filled on failure. */
int handout_end(handout *h, char *msg, size_t len)
{
    cairo_status_t cs = cairo_status(h->cr);
    cairo_destroy(h->cr);
    cairo_surface_finish(h->surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(h->surface);
    cairo_surface_destroy(h->surface);
    h->cr = NULL, h->surface = NULL;
    if (cs != CAIRO_STATUS_SUCCESS || h->pdf.failed) {
        msg_snprintf(msg, len, "%s/handout.pdf: cannot draw the handout: %s", h->im->folder,
                     h->pdf.failed ? "out of memory" : cairo_status_to_string(cs));
        return 0;
    }
    return 1;
}
