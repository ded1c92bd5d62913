/* msg.c: the command line's messages in the user's language (see msg.h). */
#include "msg.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *en, *ko;
} msg_pair;

/* msg_ko.c */
extern const msg_pair msg_ko[];
extern const int msg_ko_count;

static text_lang lang_now = TEXT_EN;

text_lang msg_env_lang(void)
{
    /* the first of these that is set and not empty decides, as for setlocale */
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return text_lang_from(v);
    }
    return TEXT_EN;
}

void msg_init(int argc, char **argv)
{
    lang_now = msg_env_lang();
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lang") && i + 1 < argc)
            lang_now = text_lang_from(argv[i + 1]);
        else if (!strncmp(argv[i], "--lang=", 7))
            lang_now = text_lang_from(argv[i] + 7);
    }
}

text_lang msg_lang(void) { return lang_now; }
void msg_set_lang(text_lang lang) { lang_now = lang; }

/* ---------------------------------------------------------------- the catalog */

static const msg_pair **sorted;
static int n_sorted;
static pthread_once_t sort_once = PTHREAD_ONCE_INIT;

static int by_en(const void *a, const void *b)
{
    return strcmp((*(const msg_pair *const *)a)->en, (*(const msg_pair *const *)b)->en);
}

static void sort_catalog(void)
{
    sorted = malloc(sizeof *sorted * (size_t)(msg_ko_count ? msg_ko_count : 1));
    if (!sorted)
        return;
    for (int i = 0; i < msg_ko_count; i++)
        sorted[i] = &msg_ko[i];
    qsort(sorted, (size_t)msg_ko_count, sizeof *sorted, by_en);
    n_sorted = msg_ko_count;
}

static const char *korean(const char *en)
{
    pthread_once(&sort_once, sort_catalog);
    msg_pair key = {en, NULL};
    const msg_pair *k = &key;
    const msg_pair **hit =
        sorted ? bsearch(&k, sorted, (size_t)n_sorted, sizeof *sorted, by_en) : NULL;
    return hit && (*hit)->ko && (*hit)->ko[0] ? (*hit)->ko : NULL;
}

const char *msg_catalog_en(int i) { return i >= 0 && i < msg_ko_count ? msg_ko[i].en : NULL; }
const char *msg_catalog_ko(int i) { return i >= 0 && i < msg_ko_count ? msg_ko[i].ko : NULL; }

/* The system's reasons (strerror's English), said in Korean where a message quotes one. */
static const struct {
    int code;
    const char *ko;
} reasons[] = {
    {ENOENT, "그런 파일이나 폴더가 없습니다"},
    {EACCES, "권한이 없습니다"},
    {EPERM, "허용되지 않는 작업입니다"},
    {EISDIR, "폴더입니다"},
    {ENOTDIR, "폴더가 아닙니다"},
    {ENOSPC, "저장 공간이 부족합니다"},
    {EDQUOT, "디스크 할당량을 넘었습니다"},
    {EROFS, "읽기 전용 파일 시스템입니다"},
    {EEXIST, "이미 있습니다"},
    {ELOOP, "심볼릭 링크가 너무 많이 이어집니다"},
    {ENAMETOOLONG, "이름이 너무 깁니다"},
    {EMFILE, "열린 파일이 너무 많습니다"},
    {ENFILE, "시스템에 열린 파일이 너무 많습니다"},
    {ENOMEM, "메모리가 부족합니다"},
    {EIO, "입출력 오류입니다"},
    {EBUSY, "사용 중입니다"},
    {ETXTBSY, "실행 중인 파일입니다"},
    {EFBIG, "파일이 너무 큽니다"},
    {EINVAL, "잘못된 인수입니다"},
    {EXDEV, "다른 파일 시스템에 있습니다"},
    {ENXIO, "그런 장치가 없습니다"},
    {ENODEV, "그런 장치가 없습니다"},
    {EAGAIN, "잠시 사용할 수 없습니다"},
    {EINTR, "중단되었습니다"},
    {EPIPE, "파이프가 끊어졌습니다"},
    {ENOTEMPTY, "폴더가 비어 있지 않습니다"},
    {EOVERFLOW, "값이 너무 큽니다"},
};

/* A placeholder at p: {k} or {tk}, k from 1 to NET_ERR_ARGS. Returns its length (0: none);
 * *k gets k − 1, *said whether it is {tk}. */
static int placeholder(const char *p, int *k, int *said)
{
    if (p[0] != '{')
        return 0;
    int i = 1;
    *said = p[i] == 't';
    i += *said;
    int v = 0, digits = 0;
    while (p[i] >= '0' && p[i] <= '9' && digits < 2)
        v = v * 10 + (p[i++] - '0'), digits++;
    if (!digits || p[i] != '}' || v < 1 || v > NET_ERR_ARGS)
        return 0;
    *k = v - 1;
    return i + 1;
}

/* Whether a catalog text has a placeholder: a format's template, not a word. */
static int is_template(const char *ko)
{
    int k, said;
    for (; *ko; ko++)
        if (placeholder(ko, &k, &said))
            return 1;
    return 0;
}

/* An argument said in Korean ({tk}): a system's reason, or a text of the catalog (words such
 * as "ceil", phrases a message puts together, marked N_ where they are written); else as it is. */
static const char *korean_arg(const char *arg)
{
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (!strcmp(arg, strerror(reasons[i].code)))
            return reasons[i].ko;
    const char *ko = arg[0] ? korean(arg) : NULL;
    return ko && !is_template(ko) ? ko : arg; /* a word, not a message's template */
}

const char *msg_render(const char *fmt, const char (*args)[256], int n, const char *english,
                       text_lang lang, char *out, size_t cap)
{
    if (!cap)
        return out;
    const char *ko = lang == TEXT_KO && fmt && fmt[0] ? korean(fmt) : NULL;
    if (!ko && lang == TEXT_KO && fmt && !strncmp(fmt, "%s: ", 4) && n >= 1 && korean(fmt + 4)) {
        /* "%s: " before a format of the catalog (the engine names the file of another part's
         * message so): the file, then that message in Korean */
        char rest[4096], joined[4096 + 256 + 2];
        msg_render(fmt + 4, args + 1, n - 1, "", lang, rest, sizeof rest);
        snprintf(joined, sizeof joined, "%s: %s", args[0], rest);
        text_copy(out, cap, joined);
        return out;
    }
    if (!ko) {
        text_copy(out, cap, english);
        return out;
    }
    /* every part fits in here (templates are short, each argument at most 255 bytes) */
    char whole[2 * 4096];
    size_t o = 0;
    for (const char *p = ko; *p && o + 1 < sizeof whole; p++) {
        int k, said, len = placeholder(p, &k, &said);
        if (len) {
            const char *a = k < n ? (said ? korean_arg(args[k]) : args[k]) : "";
            size_t alen = strlen(a);
            if (o + alen >= sizeof whole)
                alen = sizeof whole - 1 - o;
            memcpy(whole + o, a, alen);
            o += alen;
            p += len - 1;
        } else {
            whole[o++] = *p;
            p += p[0] == '%' && p[1] == '%'; /* "%%": one percent sign */
        }
    }
    whole[o] = 0;
    text_copy(out, cap, whole); /* never a cut character at the end */
    return out;
}

const char *msg_err(const net_err *err, text_lang lang, char *out, size_t cap)
{
    return msg_render(err->fmt, (const char(*)[256])err->args, err->n_args, err->msg, lang, out,
                      cap);
}

/* fmt with ap in msg_lang(), into out. */
static const char *vrender(const char *fmt, va_list ap, char *out, size_t cap)
{
    char english[4096], args[NET_ERR_ARGS][256];
    va_list again;
    va_copy(again, ap);
    vsnprintf(english, sizeof english, fmt, ap);
    int n = net_fmt_args(fmt, again, args, NET_ERR_ARGS);
    va_end(again);
    if (n > NET_ERR_ARGS)
        fmt = NULL; /* too many parts to put back: English */
    return msg_render(fmt, (const char(*)[256])args, n, english, lang_now, out, cap);
}

void msg_printf(FILE *f, const char *fmt, ...)
{
    char out[8192];
    va_list ap;
    va_start(ap, fmt);
    vrender(fmt, ap, out, sizeof out);
    va_end(ap);
    fputs(out, f);
}

int msg_snprintf(char *buf, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrender(fmt, ap, buf, len);
    va_end(ap);
    return (int)strlen(buf);
}

const char *msg_text(const char *en)
{
    const char *ko = lang_now == TEXT_KO ? korean(en) : NULL;
    return ko ? ko : en;
}

const char *msg_pad(const char *s, int width, char *out, size_t cap)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        /* U+1100 … U+115F, U+2E80 … U+A4CF, U+AC00 … U+D7A3: wide (E1 84–85, E2 BA+ … EA,
         * EA B0+ … ED 9E) — Hangul and CJK take two columns */
        cols += *p >= 0xE2 && *p <= 0xED && !(*p == 0xE2 && p[1] < 0xBA) ? 2 : 1;
    }
    text_copy(out, cap, s);
    size_t o = strlen(out);
    for (; cols < width && o + 1 < cap; cols++)
        out[o++] = ' ';
    out[o] = 0;
    return out;
}
