/* test_msg.c: the command line speaks Korean everywhere it speaks at all.
 *
 * The catalog (viz/msg_ko.c) is checked against the sources: every format given to net_fail,
 * cli_error, msg_printf and msg_snprintf, every N_() and msg_text() text, and every English
 * word passed as one of their arguments must have its Korean, and the catalog must hold nothing
 * the code no longer says. A translation of a format uses {1} … {n} (or {t1} …, msg.h) for its n
 * conversions, all of its numbers among them, and "%%" for a percent sign; a help text keeps its
 * printf conversions. Then the program is run
 * with --lang ko (trace, shapes, every --help, the error paths) and its output must hold no
 * English word of three letters or more but the names a Korean text keeps (AlexNet, ReLU, file
 * names, flags …).
 */
#define _DEFAULT_SOURCE /* realpath */
#include "msg.h"
#include "test.h"
#include "tmp.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---------------------------------------------------------------- the sources */

typedef struct {
    char *text; /* unescaped, as the program has it */
    int kind;   /* K_FMT, K_TEXT, K_WORD */
    char where[64];
} key;

enum { K_FMT, K_TEXT, K_WORD };

typedef struct {
    key *k;
    int n, cap;
} keys;

static void add_key(keys *ks, const char *text, int kind, const char *file)
{
    for (int i = 0; i < ks->n; i++)
        if (!strcmp(ks->k[i].text, text)) {
            if (kind == K_FMT)
                ks->k[i].kind = K_FMT;
            return;
        }
    if (ks->n == ks->cap) {
        ks->cap = ks->cap ? 2 * ks->cap : 256;
        ks->k = realloc(ks->k, sizeof *ks->k * (size_t)ks->cap);
    }
    key *k = &ks->k[ks->n++];
    k->text = strdup(text);
    k->kind = kind;
    snprintf(k->where, sizeof k->where, "%s", file);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = 0;
    fclose(f);
    return s;
}

/* Skips spaces and comments. */
static const char *skip(const char *p)
{
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            p = e ? e + 2 : p + strlen(p);
            continue;
        }
        return p;
    }
}

/* The end of the string or character literal starting at p (its closing quote + 1). */
static const char *literal_end(const char *p)
{
    char q = *p++;
    while (*p && *p != q)
        p += p[0] == '\\' && p[1] ? 2 : 1;
    return *p ? p + 1 : p;
}

/* Reads adjacent string literals at p, unescaped, into out; returns the end, or NULL when p
 * holds no literal. */
static const char *read_literal(const char *p, char *out, size_t cap)
{
    size_t o = 0;
    p = skip(p);
    if (*p != '"')
        return NULL;
    while (*p == '"') {
        for (p++; *p && *p != '"'; p++) {
            char c = *p;
            if (c == '\\') {
                p++;
                switch (*p) {
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                case '0': c = 0; break;
                case 'x': {
                    unsigned v = 0;
                    while (isxdigit((unsigned char)p[1]))
                        v = v * 16 + (unsigned)(isdigit((unsigned char)p[1])
                                                    ? p[1] - '0'
                                                    : tolower((unsigned char)p[1]) - 'a' + 10),
                        p++;
                    c = (char)v;
                    break;
                }
                default: c = *p;
                }
            }
            if (o + 1 < cap)
                out[o++] = c;
        }
        p = skip(p + 1);
    }
    out[o] = 0;
    return p;
}

static int has_word(const char *s)
{
    for (int run = 0; *s; s++) {
        run = isalpha((unsigned char)*s) ? run + 1 : 0;
        if (run >= 3)
            return 1;
    }
    return 0;
}

/* One call at p (just after its '('): its format after `before` arguments, then the English
 * words among its other arguments (literals at the arguments' own level). */
static void scan_call(keys *ks, const char *p, int before, const char *file)
{
    static char text[16384];
    int arg = 0, depth = 0;
    for (; *p; p++) {
        if (*p == '"' || *p == '\'') {
            if (*p == '"' && depth == 0 && arg >= before) {
                const char *e = read_literal(p, text, sizeof text);
                if (e) {
                    if (arg == before)
                        add_key(ks, text, K_FMT, file);
                    else if (has_word(text))
                        add_key(ks, text, K_WORD, file);
                    p = e - 1;
                    continue;
                }
            }
            p = literal_end(p) - 1;
        } else if (p[0] == '/' && p[1] == '*') {
            p = skip(p) - 1;
        } else if (*p == '(' || *p == '[' || *p == '{') {
            depth++;
        } else if (*p == ')' || *p == ']' || *p == '}') {
            if (depth-- == 0)
                return;
        } else if (*p == ',' && depth == 0) {
            arg++;
        }
    }
}

static void scan_file(keys *ks, const char *path, const char *name)
{
    static const struct {
        const char *fn;
        int before; /* arguments before the format; -1: the text itself (N_, msg_text) */
    } calls[] = {{"net_fail(", 2},     {"onnx_fail(", 2}, {"cli_error(", 0}, {"msg_printf(", 1},
                 {"msg_snprintf(", 2}, {"N_(", -1},       {"msg_text(", -1}};
    char *src = slurp(path);
    if (!src)
        return;
    static char text[16384];
    for (size_t c = 0; c < sizeof calls / sizeof calls[0]; c++) {
        size_t len = strlen(calls[c].fn);
        for (const char *p = src; (p = strstr(p, calls[c].fn)); p += len) {
            if (p > src && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
                continue;
            /* a declaration or the definition, not a call */
            const char *line = p;
            while (line > src && line[-1] != '\n')
                line--;
            if (!strncmp(line, "net_status net_fail", 19) || !strncmp(line, "void ", 5) ||
                !strncmp(line, "int msg_", 8) || !strncmp(line, "const char *msg_", 16) ||
                !strncmp(line, "#define", 7))
                continue;
            if (calls[c].before < 0) {
                if (read_literal(p + len, text, sizeof text))
                    add_key(ks, text, K_TEXT, name);
            } else {
                scan_call(ks, p + len, calls[c].before, name);
            }
        }
    }
    free(src);
}

static void scan_sources(keys *ks)
{
    static const char *const dirs[] = {"net", "viz"};
    for (size_t d = 0; d < 2; d++) {
        DIR *dir = opendir(dirs[d]);
        if (!dir)
            continue;
        struct dirent *e;
        while ((e = readdir(dir))) {
            size_t n = strlen(e->d_name);
            if (n < 3 || strcmp(e->d_name + n - 2, ".c"))
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
            scan_file(ks, path, e->d_name);
        }
        closedir(dir);
    }
}

/* A placeholder of a template at p: {k} or {tk}, k from 1 to 16; its length (0: none), *k gets
 * k − 1. */
static int placeholder(const char *p, int *k)
{
    if (p[0] != '{')
        return 0;
    int i = 1 + (p[1] == 't'), v = 0, digits = 0;
    while (isdigit((unsigned char)p[i]) && digits < 2)
        v = v * 10 + (p[i++] - '0'), digits++;
    if (!digits || p[i] != '}' || v < 1 || v > NET_ERR_ARGS)
        return 0;
    *k = v - 1;
    return i + 1;
}

/* The printf conversions of s (not %%): their letters and length modifiers, in order. */
static int conversions(const char *s, char conv[][8], int max)
{
    int n = 0;
    for (const char *p = s; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        while (*p && strchr("-+ #0'123456789.*", *p))
            p++;
        char c[8] = {0};
        size_t k = 0;
        while (*p && strchr("hlzjtL", *p) && k < 3)
            c[k++] = *p++;
        if (!*p)
            break;
        c[k] = *p;
        if (n < max)
            memcpy(conv[n], c, sizeof c);
        n++;
    }
    return n;
}

TEST(msg_catalog_covers_every_message_and_nothing_else)
{
    keys ks = {0};
    scan_sources(&ks);
    CHECKF(ks.n > 300, "only %d messages found: run from the repository's root", ks.n);
    int missing = 0, stale = 0, bad = 0;
    for (int i = 0; i < ks.n; i++) {
        const char *ko = NULL;
        for (int j = 0; msg_catalog_en(j); j++)
            if (!strcmp(msg_catalog_en(j), ks.k[i].text))
                ko = msg_catalog_ko(j);
        if (!ko || !ko[0]) {
            missing++; /* every one: a list to work through */
            fprintf(stderr, "    no Korean for \"%.120s\" (%s)\n", ks.k[i].text, ks.k[i].where);
            continue;
        }
        char ce[16][8], ck[16][8];
        int ne = conversions(ks.k[i].text, ce, 16);
        /* a help text keeps its printf conversions; a format's Korean names them {k} */
        if (ks.k[i].kind != K_FMT) {
            int nk = conversions(ko, ck, 16);
            int same = ne == nk;
            for (int c = 0; same && c < ne; c++)
                same = !strcmp(ce[c], ck[c]);
            int k;
            int placed = 0;
            for (const char *p = ko; *p && !placed; p++)
                placed = placeholder(p, &k) > 0;
            if (!same || placed) {
                if (bad++ < 12)
                    fprintf(stderr, "    \"%.60s\": the Korean's conversions differ\n",
                            ks.k[i].text);
            }
            continue;
        }
        int used[16] = {0}, wrong = 0;
        for (const char *p = ko; *p; p++) {
            int k;
            if (placeholder(p, &k)) {
                if (k >= ne)
                    wrong = 1;
                else
                    used[k] = 1;
            }
        }
        for (int c = 0; c < ne && c < 16; c++)
            if (!used[c] && ce[c][strlen(ce[c]) - 1] != 's')
                wrong = 1; /* a number left out (a %s may be an English plural) */
        if (wrong || conversions(ko, ck, 16) > 0) {
            if (bad++ < 12)
                fprintf(stderr, "    \"%.60s\" → \"%.60s\": {k} do not match its %d conversions\n",
                        ks.k[i].text, ko, ne);
        }
    }
    for (int j = 0; msg_catalog_en(j); j++) {
        int found = 0;
        for (int i = 0; i < ks.n && !found; i++)
            found = !strcmp(msg_catalog_en(j), ks.k[i].text);
        if (!found && stale++ < 12)
            fprintf(stderr, "    stale: \"%.120s\" is said nowhere\n", msg_catalog_en(j));
    }
    for (int i = 0; i < ks.n; i++)
        free(ks.k[i].text);
    free(ks.k);
    CHECKF(!missing && !stale && !bad, "%d missing, %d stale, %d mismatched", missing, stale, bad);
}

/* ---------------------------------------------------------------- the output */

/* Words a Korean text keeps in Latin letters: names (AlexNet, ONNX, file formats, libraries),
 * units, the formulas' functions, the commands and the values and placeholders a user types
 * (flag values, --play's bare commands and key names). An English word that is only English
 * has no place here: the test must fail when a sentence of English reaches Korean output. */
static const char *const kept[] = {
    /* names */
    "AlexNet", "ReLU", "LRN", "ONNX", "Caffe", "CaffeNet", "PyTorch", "ImageNet", "GPU", "JPEG",
    "PNG", "GIF", "BMP", "PNM", "PDF", "RGB", "BGR", "SDL", "NaN", "HEIC", "AVIF", "WebP", "TIFF",
    "SVG", "ICO", "libjpeg", "libpng", "giflib", "protobuf", "TensorProto", "ModelProto", "opset",
    "bvlcalexnet", "bvlc_alexnet", "alexviz", "npy", "json", "LANG", "forward_ms", "backward_ms",
    /* units and the formulas' functions */
    "MB", "KB", "ms", "px", "floor", "ceil", "max",
    /* stage names without a number */
    "prob",
    /* commands, placeholders and values a user types */
    "trace", "shapes", "bench", "check", "export", "view", "make", "weights", "default", "COMMAND",
    "IMAGE", "test_data_set_N", "DIR", "FILE", "MODEL", "NAME", "SCRIPT", "LIST", "PATH", "WxH",
    "MS", "PASS", "FAIL", "caffe", "caffenet", "paper", "zoo", "stage", "map", "dark", "light",
    "screen", "print", "letter", "before", "after", "across", "within", "pipeline", "grid", "zoom",
    "lrn", "arith", "filters", "pred", "compute", "lesson", "lenet", "training", "small", "off",
    /* the course notes' own English, quoted where alexviz corrects it */
    "Number",
    /* --play's bare commands and key names */
    "step", "back", "wait", "stats", "status", "quit", "left", "right", "down", "space", "home",
    "end", "pageup", "pagedown", "tab", "plus", "minus", "esc", "Space", "PageUp", "PageDown",
    "Home", "End", "Tab", "Esc"};

/* Whether p, just after a Hangul syllable, opens a gloss: "(stride)", "(receptive field)", the
 * English term in parentheses after its Korean (up to three words of letters and hyphens).
 * Returns the end of the gloss, or NULL. */
static const char *gloss_end(const char *s, const char *p)
{
    /* U+AC00 … U+D7A3 in UTF-8: EA B0 80 … ED 9E A3 */
    if (*p != '(' || p - s < 3 || (unsigned char)p[-3] < 0xEA || (unsigned char)p[-3] > 0xED)
        return NULL;
    int words = 0, in_word = 0;
    const char *q = p + 1;
    for (; *q && *q != ')' && q - p < 40; q++) {
        if (isalpha((unsigned char)*q) || (*q == '-' && in_word)) {
            words += !in_word;
            in_word = 1;
        } else if (*q == ' ') {
            in_word = 0;
        } else {
            return NULL;
        }
    }
    return *q == ')' && words >= 1 && words <= 3 ? q + 1 : NULL;
}

/* The first Latin word of three letters or more in s that is not kept, a flag (--x), a file
 * name (with . or /), a stage name (letters then digits), a gloss after its Korean, one of a
 * flag's values (a|b), a --play command with its argument (photo:PATH) or what the user typed,
 * quoted ('--bogus'); NULL when there is none. */
static const char *english_in(const char *s, char *word, size_t cap)
{
    const char *p = s;
    while (*p) {
        const char *g = gloss_end(s, p);
        if (g) {
            p = g;
            continue;
        }
        if (!isalpha((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *b = p;
        while (isalnum((unsigned char)*p) || *p == '_' || *p == '\'' || *p == '-')
            p++;
        while (p[-1] == '\'' || p[-1] == '-') /* "'nosuch'", "lrn-<stage>.png" */
            p--;
        size_t n = (size_t)(p - b);
        int letters = 0;
        for (const char *q = b; q < p; q++)
            letters += isalpha((unsigned char)*q) != 0;
        int flag = b >= s + 2 && b[-1] == '-' && b[-2] == '-';
        int file = *p == '.' || *p == '/' || (b > s && (b[-1] == '.' || b[-1] == '/'));
        int digits = isdigit((unsigned char)p[-1]);
        int value = *p == '|' || (b > s && b[-1] == '|');
        int command = *p == ':' && p[1] && p[1] != ' ';
        int typed = b > s && b[-1] == '\'' && *p == '\''; /* what the user typed, quoted */
        if (letters < 3 || flag || file || digits || value || command || typed)
            continue;
        int ok = 0;
        for (size_t k = 0; k < sizeof kept / sizeof kept[0] && !ok; k++)
            ok = strlen(kept[k]) == n && !strncmp(kept[k], b, n);
        if (!ok) {
            snprintf(word, cap, "%.*s", (int)n, b);
            return word;
        }
    }
    return NULL;
}

static const char *program(void)
{
    const char *p = getenv("ALEXVIZ");
    return p ? p : "./alexviz";
}

/* Runs `alexviz ARGS` with --lang ko and LANG=ko_KR.UTF-8; checks its stdout and stderr. */
static int speaks_korean(const char *args, int want_rc)
{
    char cmd[2048], out[512];
    snprintf(out, sizeof out, "%s/msg-XXXXXX", test_tmpdir());
    int fd = mkstemp(out);
    if (fd < 0)
        return 0;
    close(fd);
    char abs[1024];
    if (!realpath(program(), abs))
        return 0;
    /* from another folder: nothing of the repository's may be found by accident */
    snprintf(cmd, sizeof cmd,
             "cd /tmp && LANG=ko_KR.UTF-8 LC_ALL= LC_MESSAGES= ALEXVIZ_WEIGHTS= "
             "SDL_VIDEODRIVER=dummy %s %s > %s 2>&1",
             abs, args, out);
    int st = system(cmd);
    int rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    char *text = slurp(out);
    remove(out);
    if (!text)
        return 0;
    int ok = rc == want_rc;
    if (!ok)
        fprintf(stderr, "    alexviz %s: exit %d, not %d\n", args, rc, want_rc);
    /* line by line: a class name (after the percentages of top-5) may stay English */
    char word[64];
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strstr(line, "%  "))
            continue; /* "  12.34%   457  bow tie": ImageNet's class names are English */
        if (english_in(line, word, sizeof word)) {
            fprintf(stderr, "    alexviz %s: English \"%s\" in: %.160s\n", args, word, line);
            ok = 0;
            break;
        }
    }
    free(text);
    return ok;
}

TEST(msg_korean_output_has_no_english)
{
    char here[1024], png[1200], args[2600];
    CHECK(getcwd(here, sizeof here));
    snprintf(png, sizeof png, "%s/assets/chelsea.png", here);
    static const char *const helps[] = {"--help",        "trace --help", "shapes --help",
                                        "export --help", "check --help", "bench --help",
                                        "view --help"};
    int ok = 1;
    for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++)
        ok &= speaks_korean(helps[i], 0);
    snprintf(args, sizeof args, "trace %s --lang ko", png);
    ok &= speaks_korean(args, 0);
    ok &= speaks_korean("shapes --lang ko", 0);
    ok &= speaks_korean("shapes --input-size 224", 0);
    /* errors: a missing photo, a file that is no image, a wrong flag, a wrong value, an
     * unwritable folder, weights that are no model */
    ok &= speaks_korean("trace /tmp/alexviz-nothere/nothere.png", 1);
    snprintf(args, sizeof args, "trace %s/README.md", here);
    ok &= speaks_korean(args, 1);
    ok &= speaks_korean("trace --bogus", 2);
    ok &= speaks_korean("shapes --input-size 225", 2);
    snprintf(args, sizeof args, "export %s -o /proc/alexviz", png);
    ok &= speaks_korean(args, 1);
    snprintf(args, sizeof args, "trace %s --weights %s/README.md", png, here);
    ok &= speaks_korean(args, 1);
    ok &= speaks_korean("nosuchcommand", 2);
    CHECK(ok);
}
