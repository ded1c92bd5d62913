/* test_text.c: the strings people read: one table, complete in both languages with the same
 * printf conversions in each, cut only between characters, and a font that has Hangul. */
#include "test.h"
#include "text.h"
#include "view_internal.h"

#include <string.h>

/* The printf conversions of a format, in order, as a string ("%d%s%.1f"). */
static void conversions(const char *f, char *out, size_t len)
{
    size_t o = 0;
    for (; *f && o + 8 < len; f++) {
        if (*f != '%')
            continue;
        f++;
        if (*f == '%')
            continue;
        out[o++] = '%';
        while (*f && !strchr("diouxXeEfgGcsp", *f))
            out[o++] = *f++;
        if (*f)
            out[o++] = *f;
    }
    out[o] = 0;
}

TEST(text_table_is_complete_in_both_languages)
{
    for (int id = 0; id < TX_COUNT; id++) {
        const char *en = text_get((text_id)id, TEXT_EN), *ko = text_get((text_id)id, TEXT_KO);
        CHECKF(text_present((text_id)id, TEXT_EN), "text %d has no English", id);
        CHECKF(text_present((text_id)id, TEXT_KO), "text %d has no Korean", id);
        char ce[64], ck[64];
        conversions(en, ce, sizeof ce);
        conversions(ko, ck, sizeof ck);
        CHECKF(!strcmp(ce, ck), "text %d: English '%s' and Korean '%s' take different arguments",
               id, ce, ck);
    }
    CHECK(text_lang_from("ko_KR.UTF-8") == TEXT_KO);
    CHECK(text_lang_from("en_GB.UTF-8") == TEXT_EN);
    CHECK(text_lang_from(NULL) == TEXT_EN);
}

TEST(text_copy_cuts_at_a_character)
{
    char buf[6];
    text_copy(buf, sizeof buf, "ab한국"); /* a b then two 3-byte characters */
    CHECK(!strcmp(buf, "ab한"));
    text_copy(buf, sizeof buf, "abcdefgh");
    CHECK(!strcmp(buf, "abcde"));
    text_copy(buf, 3, "한");
    CHECK(!strcmp(buf, ""));
}

TEST(korean_text_has_a_font)
{
    /* fonts-nanum (scripts/deps.sh run) must give every Hangul syllable a glyph */
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 60);
    cairo_t *cr = cairo_create(s);
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *fd =
        pango_font_description_from_string("NanumGothic,Noto Sans CJK KR,DejaVu Sans 20px");
    pango_layout_set_font_description(l, fd);
    pango_layout_set_text(l, text_get(TX_VIEW_GRID, TEXT_KO), -1);
    int unknown = pango_layout_get_unknown_glyphs_count(l);
    pango_font_description_free(fd);
    g_object_unref(l);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    CHECKF(unknown == 0, "%d Korean characters have no glyph: install fonts-nanum", unknown);
}
