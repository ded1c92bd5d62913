/* window.h: the classroom window: SDL2 for the window and input, the views for every pixel. */
#ifndef WINDOW_H
#define WINDOW_H

#include "cli.h"
#include "play.h"
#include "views.h"

typedef struct {
    cli_opts opts;
    char **photos; /* photos given on the command line (borrowed) */
    int n_photos;
    int step;            /* start in step-through mode */
    play_script *script; /* commands to run, or NULL (borrowed) */
    int width, height;   /* 0: most of the screen */
    int fullscreen;
    view_theme theme;
    view_kind first_view;
    int playground[4]; /* --playground: open the compute view's playground with I, K, S, P (I 0:
                          not asked for) */
    double scale;      /* text and interface scale, 1 = default */
    int pace_ms;       /* play: one stage every pace_ms */
    int force;         /* shot: and viewshot: may replace a file (S never does) */
    double t_start_ms; /* when the program started, for the first-frame time */
} window_opts;

/* Opens the window and runs until the user quits or the script says quit. Returns the exit
 * status: 0, or 1 when there is no display (after one line on stderr saying so) or a script
 * command could not complete. */
int window_run(const window_opts *o);

#endif
