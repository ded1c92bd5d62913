/* cli.h: what every command shares: the common flags, setting up a net with its weights and
 * preprocessing, class names, and printing a one-line error.
 *
 * Each command is one function `int cmd_NAME(int argc, char **argv)` (argv[0] is the command's
 * name) returning the process exit status: 0 on success, 1 on a runtime failure (a bad file),
 * 2 on a usage error.
 */
#ifndef CLI_H
#define CLI_H

#include "alexnet.h"

#include <stdint.h>
#include <stdio.h>

typedef struct {
    const char *weights; /* "default" or a path to an .onnx file */
    int weights_given;   /* --weights was on the command line (else: the downloaded file) */
    net_config cfg;
    uint64_t seed;
    int threads;
    const char *lang; /* "en" or "ko" */
    int notes;        /* say where the course notes differ from the paper (--notes on|off) */
} cli_opts;

/* Defaults: seeded weights, the paper's order at 227, 2 threads, language from $LANG. */
void cli_opts_default(cli_opts *o);

/* The common flags, for --help texts. */
extern const char cli_common_help[];

/* A command's own arguments: looks at argv[*i] (advancing *i past a value it takes) and returns
 * 1 when it took it, 0 when it is not one of the command's, -1 after printing a usage error. */
typedef int (*cli_take_fn)(void *ctx, int argc, char **argv, int *i);

/* Parses a command's arguments: the common flags into o, --help or -h (prints help and the
 * common flags), then take's own. Returns -1 to run the command, or the exit status to return at
 * once: 0 after printing help, 2 after a usage error ("CMD: unknown option '--x' (see alexviz CMD
 * --help)" and the like). */
int cli_parse(const char *cmd, const char *help, cli_opts *o, int argc, char **argv,
              cli_take_fn take, void *ctx);

/* The value after flag argv[*i] (advancing *i), or NULL after printing "FLAG needs a value". */
const char *cli_value(int argc, char **argv, int *i);

/* Parses "WxH" (W 320-8192, H 240-8192); on failure prints a usage error naming flag, returns 0. */
int cli_parse_size(const char *flag, const char *v, int *w, int *h);

/* ---------------------------------------------------------------- alexviz's own files (paths.c) */

/* The folder of the running executable ("" when /proc cannot tell). */
const char *cli_exe_dir(void);
/* rel (e.g. "assets/chelsea.png") among alexviz's data: in ../share/alexviz beside the executable
 * (installed), else two folders above it (the repository's build/CONFIG/alexviz); into out, 1
 * when found. Never the working folder. */
int cli_data_path(const char *rel, char *out, size_t len);
/* Points the engine at the photo decoder program, alexviz-decode: beside the executable, else in
 * ../libexec/alexviz (installed). Call once at start-up, before any thread starts. */
void cli_init_decoder(void);
/* The bundled photos (the .jpg, .jpeg and .png files in assets/ among alexviz's data), sorted;
 * returns the count and a malloc'd array of malloc'd paths in *out (free with cli_free_list). */
int cli_bundled_photos(char ***out);
void cli_free_list(char **list, int n);

/* ---------------------------------------------------------------- weights (cli_weights.c) */

/* A net and what it was made of, as cli_make_net made it. */
typedef struct {
    net *net;
    net_preproc pp;          /* how photos become its input (what its weights need) */
    char weights_path[4096]; /* the ONNX file loaded; "" for seeded weights */
    char desc[512];          /* one line on the weights, for headers: "seeded, untrained
                                  (seed 1)" or "FILE: widths 96-256-…, 224×224 input, opset 12,
                                  producer …, loaded in 850 ms" (in the user's language) */
} cli_net;

/* Creates the net for o and fills its weights into *out; returns 1. On failure prints one line
 * naming the file and the reason and returns 0 (out->net NULL). Seeded weights that were not
 * asked for (no --weights, no file found) get the hint "untrained weights; run `make weights`
 * for the trained ones" when stderr is a terminal. Thread-safe. */
int cli_make_net(const cli_opts *o, cli_net *out);
/* Frees the net; NULL and an empty cli_net are fine. */
void cli_net_free(cli_net *c);

/* The ONNX file cli_make_net loads, or NULL for seeded weights: --weights FILE; without
 * --weights, $ALEXVIZ_WEIGHTS, else weights/bvlcalexnet-12.onnx in the repository beside the
 * executable (where `make weights` puts it), never in the working folder. Prints nothing. */
const char *cli_weights_file(const cli_opts *o);
/* Loads an ONNX file into *out as cli_make_net does (its config comes from the file; geometry
 * flags that disagree get a note on stderr); on failure prints the loader's one-line message
 * and returns 0. */
int cli_load_onnx(const cli_opts *o, const char *path, cli_net *out);

/* ImageNet class name i (from assets/imagenet_classes.txt, or "class i" when absent); read once,
 * thread-safe, valid until the process ends. */
const char *cli_class_name(int i);
/* Whether a net whose last stage has n outputs classifies into ImageNet's classes (n = 1000):
 * the classes of a narrow test file have no names. */
int cli_has_class_names(int n);

/* Prints "alexviz: " and the message to stderr, one line (up to 2047 bytes of message), in the
 * user's language (msg.h). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same for an engine error (its message translated from its format and arguments). */
void cli_net_error(const net_err *err);
/* The shape arithmetic of stage s in the user's language (net_explain_shape's words are
 * English; the Korean is the arithmetic view's). */
void cli_explain_shape(const net_stage *s, char *buf, size_t len);
/* A name as it may be printed: one line of valid UTF-8, odd bytes as \xNN (into buf). */
const char *cli_shown(const char *name, char *buf, size_t len);
/* The last message cli_error printed on this thread, without the "alexviz: ", or "". */
const char *cli_last_error(void);

/* Writes s to f as a JSON string literal: quotes and backslashes escaped, and bytes that are not
 * UTF-8 or are control bytes written as the text \xNN, as messages show them. */
void cli_json_str(FILE *f, const char *s);
/* Writes x as a JSON number, or null when it is NaN or infinite (JSON has neither). */
void cli_json_num(FILE *f, double x);

int cmd_trace(int argc, char **argv);
int cmd_shapes(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_view(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* `view --bench`: the window's views timed offscreen, and what streaming stages costs
 * (cmd_bench.c); image NULL: the first bundled photo. Returns the exit status. */
int cmd_bench_views(const cli_opts *o, const char *image, double t_start);

/* The median of v[0 … n-1], which it sorts in place; 0 for n < 1. */
double cli_median(double *v, int n);

#endif
