/* play.h: the little command language of `alexviz --play "..."`, for tests and demos.
 *
 * A script is words separated by spaces; each word is a command, or a command and its argument
 * joined by a colon: `step step zoom:17 lrn shot:out.png quit`. The window runs one command at
 * a time and waits, before each, until the network has settled (built, and the pass finished or
 * paused in step-through), so a script gives the same pictures on every machine. The full list
 * is in play_help and docs/classroom.md.
 */
#ifndef PLAY_H
#define PLAY_H

#include <stddef.h>

typedef enum {
    PLAY_STEP,       /* → */
    PLAY_BACK,       /* ← */
    PLAY_WAIT,       /* nothing: only the wait before it */
    PLAY_STAGE,      /* stage:NAME */
    PLAY_VIEW,       /* view:NAME */
    PLAY_ZOOM,       /* zoom:N: the channel zoom on channel N */
    PLAY_CHANNEL,    /* channel:N */
    PLAY_UNIT,       /* unit:X,Y */
    PLAY_KEY,        /* key:NAME */
    PLAY_CLICK,      /* click:X,Y */
    PLAY_MOVE,       /* move:X,Y */
    PLAY_WHEEL,      /* wheel:N */
    PLAY_PHOTO,      /* photo:PATH */
    PLAY_DROP,       /* drop:PATH: as if the file were dropped on the window */
    PLAY_THEME,      /* theme:dark|light */
    PLAY_LANG,       /* lang:en|ko */
    PLAY_CONTRAST,   /* contrast:stage|map */
    PLAY_SCALE,      /* scale:F */
    PLAY_SIZE,       /* size:WxH */
    PLAY_SLEEP,      /* sleep:MS */
    PLAY_SHOT,       /* shot:PATH: the whole window */
    PLAY_VIEWSHOT,   /* viewshot:PATH: the current view alone, as export draws it */
    PLAY_STATS,      /* print timing figures */
    PLAY_STATUS,     /* print the stage, the view and the status line's text */
    PLAY_SLIDE,      /* slide:N: the compute view's sliding window at position N (0: off) */
    PLAY_PLAYGROUND, /* playground:I,K,S,P (or a preset's name, or off) */
    PLAY_LESSON,     /* lesson:lenet|training: the lesson view at that page */
    PLAY_QUIT
} play_op;

typedef struct {
    play_op op;
    char arg[1024]; /* the text after the colon */
    double num[2];  /* parsed numbers: N, X,Y, W×H, MS, F */
} play_cmd;

typedef struct {
    play_cmd *cmds;
    int count, next;
} play_script;

/* Parses text into s. On an unknown command or a bad argument returns 0 and writes a one-line
 * message (naming the word) into err. */
int play_parse(play_script *s, const char *text, char *err, size_t err_len);
void play_free(play_script *s);

/* The language, for --help. */
extern const char play_help[];

/* The playground's I, K, S, P from "I,K,S,P", a preset's name ("pool1", "conv1-224", with '-'
 * for ' ') into pg; returns 1, or 0 for "off" (and for anything else, which play_parse refuses
 * beforehand). */
int play_playground(const char *arg, int pg[4]);
/* The lesson page `lesson:` names ("lenet", "training"), or -1. */
int play_lesson(const char *arg);

#endif
