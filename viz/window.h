/* window.h: the classroom window: SDL2 for the window and input, the views for every pixel. */
#ifndef WINDOW_H
#define WINDOW_H

#include "cli.h"
#include "play.h"
#include "views.h"

typedef struct {
    cli_opts opts;
    char **photos;          /* photos given on the command line (borrowed) */
    int n_photos;
    int step;               /* start in step-through mode */
    play_script *script;    /* commands to run, or NULL (borrowed) */
    int width, height;      /* 0: most of the screen */
    int fullscreen;
    view_theme theme;
    view_kind first_view;
    double scale;           /* text and interface scale, 1 = default */
    int pace_ms;            /* play: one stage every pace_ms */
    int force;              /* shot: and viewshot: may replace a file (S never does) */
    double t_start_ms;      /* when the program started, for the first-frame time */
} window_opts;

/* Opens the window and runs until the user quits or the script says quit. Returns the exit
 * status: 0, or 1 when there is no display (after one line on stderr saying so) or a script
 * command could not complete. */
int window_run(const window_opts *o);

/* Milliseconds on a monotonic clock. */
double window_now_ms(void);

/* Writes surface s as a PNG at path through a temporary file and a rename; replace: over an
 * existing regular file, else only where nothing is. On failure returns 0 with a one-line reason
 * in err; *exists (may be NULL) says the reason is a file in the way. */
int window_save_png(cairo_surface_t *s, const char *path, int replace, int *exists, char *err,
                    size_t err_len);

/* The bundled photos (.jpg, .jpeg and .png files in assets/, found as cli.c finds assets), sorted;
 * returns the count and a malloc'd array of malloc'd paths in *out (free with
 * window_free_list). */
int window_find_photos(char ***out);
void window_free_list(char **list, int n);

#endif
