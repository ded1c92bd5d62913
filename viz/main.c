/* main.c: alexviz's entry point: picks the command and hands it the arguments. */
#include "cli.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *what;
} commands[] = {
    {"trace", cmd_trace, N_("every stage of one photo: shapes, arithmetic, stats, time")},
    {"shapes", cmd_shapes, N_("the shape arithmetic of every stage, as a table")},
    {"bench", cmd_bench, N_("time the forward pass and report peak memory")},
    {"check", cmd_check, N_("run ONNX test folders through a model and report the error")},
    {"view", cmd_view, N_("the classroom window (also with no command, or only photos and flags)")},
    {"export", cmd_export, N_("PNGs of every stage for slides, a PDF handout, a manifest")},
};

static void usage(FILE *f)
{
    msg_printf(f, "alexviz: walk through AlexNet (2012) stage by stage on a real photo.\n\n"
                  "usage: alexviz COMMAND [options] [IMAGE...]\n\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, msg_text(commands[i].what));
    msg_printf(f, "\n`alexviz COMMAND --help` explains one command; `alexviz --version` prints "
                  "the version.\n");
}

int main(int argc, char **argv)
{
    struct stat sb;
    cli_init_decoder();
    msg_init(argc, argv);
    if (argc < 2)
        return cmd_view(argc, argv);
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("alexviz %s\n", ALEXVIZ_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    /* only photos and flags: `alexviz cat.jpg --step` opens the window; a name with a folder
     * or an extension is a photo, even a missing one (the window then says it is missing) */
    const char *dot = strrchr(argv[1], '.');
    if (argv[1][0] == '-' || stat(argv[1], &sb) == 0 || strchr(argv[1], '/') ||
        (dot && dot > argv[1] && dot[1]))
        return cmd_view(argc, argv);
    cli_error("unknown command '%s'; try alexviz --help", argv[1]);
    return 2;
}
