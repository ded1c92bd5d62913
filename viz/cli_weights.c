/* cli_weights.c: which weights a command runs on, and loading trained ones from ONNX.
 *
 * Without --weights the program looks for the file `make weights` downloads, so that a teacher
 * who fetched it once gets the real network everywhere; without it the seeded weights run and a
 * one-line hint on a terminal says how to get the real ones. An ONNX file fixes the network's
 * geometry (input size, pooling, LRN and its position): flags that ask for something else are
 * overridden, and say so.
 */
#include "cli.h"
#include "msg.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WEIGHTS_FILE "weights/bvlcalexnet-12.onnx"

static int readable(const char *path) { return access(path, R_OK) == 0; }

/* The downloaded file, where `make weights` stores it: weights/ in the repository the executable
 * was built in (./alexviz links to build/CONFIG/alexviz), or among the installed data. Never the
 * working folder: a student's folder holding a weights/ file of its own must not choose what
 * runs. Looked for once, whichever thread asks first. */
static char download[PATH_MAX];
static pthread_once_t download_once = PTHREAD_ONCE_INIT;

static void find_download(void)
{
    if (!cli_data_path(WEIGHTS_FILE, download, sizeof download) || !readable(download))
        download[0] = 0;
}

const char *cli_weights_file(const cli_opts *o)
{
    if (o->weights_given)
        return strcmp(o->weights, "default") ? o->weights : NULL;
    /* $ALEXVIZ_WEIGHTS replaces the search (empty: none), for tests and unusual layouts */
    const char *env = getenv("ALEXVIZ_WEIGHTS");
    if (env)
        return *env && readable(env) ? env : NULL;
    pthread_once(&download_once, find_download);
    return download[0] ? download : NULL;
}

int cli_make_net(const cli_opts *o, cli_net *out)
{
    memset(out, 0, sizeof *out);
    net_err err = {0};
    net_set_threads(o->threads);
    net_preproc_caffe(&out->pp);
    const char *file = cli_weights_file(o);
    if (file)
        return cli_load_onnx(o, file, out);
    msg_snprintf(out->desc, sizeof out->desc, "seeded, untrained (seed %llu)",
                 (unsigned long long)o->seed);
    /* a tip for a person at a terminal who did not ask for the seeded weights; logs, pipes and
     * scripts get no extra line */
    if (!o->weights_given && isatty(STDERR_FILENO))
        msg_printf(stderr, "alexviz: untrained weights; run `make weights` for the trained ones\n");
    if (net_create(&out->net, &o->cfg, &err) != NET_OK ||
        net_seed_weights(out->net, o->seed) != NET_OK) {
        char said[600];
        cli_error("cannot build the network: %s", err.msg[0]
                                                      ? msg_err(&err, msg_lang(), said, sizeof said)
                                                      : msg_text("out of memory"));
        cli_net_free(out);
        return 0;
    }
    return 1;
}

void cli_net_free(cli_net *c)
{
    if (!c)
        return;
    net_free(c->net);
    c->net = NULL;
}

/* "96-256-384-384-256-4096-4096-1000" */
static void widths_text(const int *w, char *buf, size_t len)
{
    snprintf(buf, len, "%d-%d-%d-%d-%d-%d-%d-%d", w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
}

/* Appends part to the list in buf, after ", " when the list is not empty. */
static void add_part(char *buf, size_t cap, const char *part)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", part);
}

int cli_load_onnx(const cli_opts *o, const char *path, cli_net *out)
{
    net_config file_cfg, def;
    net_onnx_info info;
    net_err err = {0};
    memset(out, 0, sizeof *out);
    net_set_threads(o->threads);
    if (net_onnx_load(path, &file_cfg, &out->net, &out->pp, &info, &err) != NET_OK) {
        cli_net_error(&err);
        return 0;
    }
    text_copy(out->weights_path, sizeof out->weights_path, path);
    /* Flags changed the geometry away from the defaults and the file disagrees: say which wins.
     * (A flag that happens to name the default cannot be told from no flag; it is overridden
     * all the same.) */
    net_config_default(&def);
    const net_config *want = &o->cfg;
    char what[256] = "", part[160];
    if (want->input_size != def.input_size && want->input_size != file_cfg.input_size) {
        msg_snprintf(part, sizeof part, "%d×%d input instead of %d", file_cfg.input_size,
                     file_cfg.input_size, want->input_size);
        add_part(what, sizeof what, part);
    }
    if (want->lrn_after_pool != def.lrn_after_pool &&
        want->lrn_after_pool != file_cfg.lrn_after_pool) {
        msg_snprintf(part, sizeof part, "LRN %s pooling",
                     file_cfg.lrn_after_pool ? "after" : "before");
        add_part(what, sizeof what, part);
    }
    if ((want->lrn.formula != def.lrn.formula && want->lrn.formula != file_cfg.lrn.formula) ||
        (want->lrn.within_towers != def.lrn.within_towers &&
         want->lrn.within_towers != file_cfg.lrn.within_towers)) {
        msg_snprintf(part, sizeof part, "Caffe's LRN (k=%g, α/n) across all channels",
                     file_cfg.lrn.k);
        add_part(what, sizeof what, part);
    }
    if (what[0])
        msg_printf(stderr,
                   "alexviz: note: %s fixes the network: %s; the flags asking otherwise are "
                   "ignored\n",
                   path, what);
    char w[96];
    widths_text(info.width, w, sizeof w);
    char shown[400];
    msg_snprintf(out->desc, sizeof out->desc,
                 "%s: widths %s, %d×%d input, opset %lld%s%s, loaded in %.0f ms",
                 cli_shown(path, shown, sizeof shown), w, info.input_size, info.input_size,
                 (long long)info.opset, info.producer[0] ? ", producer " : "", info.producer,
                 info.load_ms);
    return 1;
}
