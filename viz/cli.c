/* cli.c: the flags every command shares, and turning them into a ready net. */
#include "cli.h"
#include "msg.h"
#include "views.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char cli_common_help[] = N_(
    "  --weights default|FILE.onnx  seeded untrained weights, or trained ONNX weights; without\n"
    "                               it: weights/bvlcalexnet-12.onnx if `make weights` fetched it\n"
    "  --seed N                     seed of the default weights (default 1)\n"
    "  --variant NAME               caffe (default: paper order, 227, Caffe LRN),\n"
    "                               caffenet (LRN after pooling, as in the course notes),\n"
    "                               paper (the paper's LRN k=2 and alpha, within each tower),\n"
    "                               zoo (224 input with ceil pooling, as the ONNX model zoo)\n"
    "  --input-size 227|224         input side; 224 switches pooling to ceil rounding\n"
    "  --lrn caffe|paper            LRN formula: k=1, alpha/n (Caffe, ONNX) or k=2, alpha\n"
    "  --lrn-order before|after     LRN before pooling (paper, Caffe) or after (CaffeNet)\n"
    "  --lrn-window across|within   LRN window across all channels or within each tower\n"
    "  --threads N                  threads for the forward pass (default 2)\n"
    "  --lang en|ko                 language of labels and explanations (default from LANG)\n"
    "  --notes on|off               say where the course notes differ from the paper, at the\n"
    "                               stage where they do (default on)\n");

void cli_opts_default(cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->weights = "default";
    net_config_default(&o->cfg);
    o->seed = 1;
    o->threads = 2;
    o->lang = text_lang_code(msg_env_lang());
    o->notes = 1;
}

/* Per thread: the window's worker builds the net while the main thread may report its own. */
static _Thread_local char last_error[2048];

void cli_error(const char *fmt, ...)
{
    /* one line of valid UTF-8 whatever names the arguments carry, in the user's language */
    char raw[sizeof last_error];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    char said[sizeof last_error], args[NET_ERR_ARGS][256];
    va_start(ap, fmt);
    int n = net_fmt_args(fmt, ap, args, NET_ERR_ARGS);
    va_end(ap);
    msg_render(n <= NET_ERR_ARGS ? fmt : NULL, (const char(*)[256])args, n, raw, msg_lang(), said,
               sizeof said);
    net_text_escape(said, last_error, sizeof last_error);
    fprintf(stderr, "alexviz: %s\n", last_error);
}

void cli_net_error(const net_err *err)
{
    char said[sizeof last_error];
    msg_err(err, msg_lang(), said, sizeof said);
    net_text_escape(said, last_error, sizeof last_error);
    fprintf(stderr, "alexviz: %s\n", last_error);
}

const char *cli_shown(const char *name, char *buf, size_t len)
{
    net_text_escape(name, buf, len);
    return buf;
}

const char *cli_last_error(void) { return last_error; }

void cli_explain_shape(const net_stage *s, char *buf, size_t len)
{
    if (msg_lang() == TEXT_EN)
        net_explain_shape(s, buf, len);
    else
        view_shape_line(msg_lang(), s, buf, len);
}

/* Parses a whole decimal number in [lo, hi]. */
static int parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

static int apply_variant(cli_opts *o, const char *v)
{
    net_config *c = &o->cfg;
    if (!strcmp(v, "caffe")) {
        c->lrn_after_pool = 0;
    } else if (!strcmp(v, "caffenet")) {
        c->lrn_after_pool = 1;
    } else if (!strcmp(v, "paper")) {
        c->lrn_after_pool = 0;
        net_lrn_set_formula(&c->lrn, NET_LRN_PAPER);
        c->lrn.within_towers = 1;
    } else if (!strcmp(v, "zoo")) {
        net_config_set_input(c, 224);
        c->lrn_after_pool = 0;
    } else {
        return 0;
    }
    return 1;
}

const char *cli_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        cli_error("%s needs a value", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

/* Takes argv[*i] (and its value) when it is a common flag: 1 if taken, 0 if not a common flag, -1
 * after a usage error. */
static int take_common(cli_opts *o, int argc, char **argv, int *i)
{
    static const char *with_value[] = {"--weights", "--seed",      "--variant",    "--input-size",
                                       "--lrn",     "--lrn-order", "--lrn-window", "--threads",
                                       "--lang",    "--notes"};
    const char *flag = argv[*i];
    int known = 0;
    for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++)
        known |= !strcmp(flag, with_value[k]);
    if (!known)
        return 0;
    const char *v = cli_value(argc, argv, i);
    if (!v)
        return -1;
    long n;
    if (!strcmp(flag, "--weights")) {
        if (!*v)
            goto bad;
        o->weights = v;
        o->weights_given = 1;
    } else if (!strcmp(flag, "--seed")) {
        if (!parse_int(v, 0, LONG_MAX, &n))
            goto bad;
        o->seed = (uint64_t)n;
    } else if (!strcmp(flag, "--variant")) {
        if (!apply_variant(o, v))
            goto bad;
    } else if (!strcmp(flag, "--input-size")) {
        if (!parse_int(v, 0, 4096, &n) || (n != 227 && n != 224))
            goto bad;
        net_config_set_input(&o->cfg, (int)n);
    } else if (!strcmp(flag, "--lrn")) {
        if (strcmp(v, "caffe") && strcmp(v, "paper"))
            goto bad;
        net_lrn_set_formula(&o->cfg.lrn, !strcmp(v, "paper") ? NET_LRN_PAPER : NET_LRN_CAFFE);
    } else if (!strcmp(flag, "--lrn-order")) {
        if (strcmp(v, "before") && strcmp(v, "after"))
            goto bad;
        o->cfg.lrn_after_pool = !strcmp(v, "after");
    } else if (!strcmp(flag, "--lrn-window")) {
        if (strcmp(v, "across") && strcmp(v, "within"))
            goto bad;
        o->cfg.lrn.within_towers = !strcmp(v, "within");
    } else if (!strcmp(flag, "--threads")) {
        if (!parse_int(v, 1, 64, &n))
            goto bad;
        o->threads = (int)n;
    } else if (!strcmp(flag, "--lang")) {
        if (strcmp(v, "en") && strcmp(v, "ko"))
            goto bad;
        o->lang = v;
    } else if (!strcmp(flag, "--notes")) {
        if (strcmp(v, "on") && strcmp(v, "off"))
            goto bad;
        o->notes = !strcmp(v, "on");
    }
    return 1;
bad:
    cli_error("%s: '%s' is not a valid value (see --help)", flag, v);
    return -1;
}

int cli_parse(const char *cmd, const char *help, cli_opts *o, int argc, char **argv,
              cli_take_fn take, void *ctx)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = take_common(o, argc, argv, &i);
        if (!r && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
            /* as they are: a help text is longer than a message's argument may be */
            fputs(msg_text(help), stdout);
            fputs(msg_text(N_("\ncommon options:\n")), stdout);
            fputs(msg_text(cli_common_help), stdout);
            return 0;
        }
        if (!r && take)
            r = take(ctx, argc, argv, &i);
        if (r < 0)
            return 2;
        if (r)
            continue;
        if (a[0] == '-' && a[1])
            cli_error("%s: unknown option '%s' (see alexviz %s --help)", cmd, a, cmd);
        else
            cli_error("%s: unexpected argument '%s' (see alexviz %s --help)", cmd, a, cmd);
        return 2;
    }
    return -1;
}

int cli_parse_size(const char *flag, const char *v, int *w, int *h)
{
    char *end;
    errno = 0;
    long a = strtol(v, &end, 10), b = 0;
    int ok = !errno && end != v && (*end == 'x' || *end == 'X');
    if (ok) {
        const char *p = end + 1;
        b = strtol(p, &end, 10);
        ok = !errno && end != p && !*end && a >= 320 && b >= 240 && a <= 8192 && b <= 8192;
    }
    if (!ok) {
        cli_error("%s: '%s' is not WxH with W 320-8192 and H 240-8192 (e.g. 1920x1080)", flag, v);
        return 0;
    }
    *w = (int)a, *h = (int)b;
    return 1;
}

/* ---------------------------------------------------------------- class names */

static char *class_text;
static const char *class_names[1000];

/* Opens assets/NAME among alexviz's data (cli_data_path). */
static FILE *open_asset(const char *name)
{
    char rel[256], path[PATH_MAX];
    snprintf(rel, sizeof rel, "assets/%s", name);
    return cli_data_path(rel, path, sizeof path) ? fopen(path, "r") : NULL;
}

/* Read once, on first use, from whichever thread asks first; every name stays valid until the
 * process ends. A class the file does not name (no file, a short one) is "class N". */
static char fallback_names[1000][24];
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static void load_classes(void)
{
    FILE *f = open_asset("imagenet_classes.txt");
    if (f) {
        class_text = calloc(1, 64 * 1024);
        size_t len = class_text ? fread(class_text, 1, 64 * 1024 - 1, f) : 0;
        fclose(f);
        char *p = class_text;
        for (int i = 0; i < 1000 && p && p < class_text + len; i++) {
            class_names[i] = p;
            p = strchr(p, '\n');
            if (p)
                *p++ = 0;
        }
    }
    for (int i = 0; i < 1000; i++)
        if (!class_names[i]) {
            snprintf(fallback_names[i], sizeof fallback_names[i], "class %d", i);
            class_names[i] = fallback_names[i];
        }
}

int cli_has_class_names(int n) { return n == 1000; }

const char *cli_class_name(int i)
{
    pthread_once(&classes_once, load_classes);
    return i >= 0 && i < 1000 ? class_names[i] : "?";
}

/* ---------------------------------------------------------------- JSON */

void cli_json_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, "%.9g", x);
    else
        fprintf(f, "null");
}

void cli_json_str(FILE *f, const char *s)
{
    /* as the messages show it: bytes that are not UTF-8, and control bytes, as \xNN (JSON
     * needs valid UTF-8; a file name need not be) */
    size_t cap = 4 * strlen(s) + 1;
    char *clean = malloc(cap);
    if (clean)
        net_text_escape(s, clean, cap);
    fputc('"', f);
    for (const char *p = clean ? clean : ""; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', f);
        fputc(*p, f);
    }
    fputc('"', f);
    free(clean);
}

/* ---------------------------------------------------------------- figures */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double cli_median(double *v, int n)
{
    if (n < 1)
        return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
