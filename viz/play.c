/* play.c: parsing `--play` scripts into commands, checked before the window opens so a typo is a
 * usage error, not a window that does something else.
 */
#include "play.h"
#include "msg.h"

#include "views.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char play_help[] = N_(
    "      step  back  wait           → and ←; wait for the pass to finish or pause\n"
    "      stage:NAME  view:NAME      show a stage (conv1 … prob); a view (pipeline, grid, zoom,\n"
    "                                   lrn, arith, filters, pred, compute, lesson); `lrn` alone =\n"
    "                                   view:lrn\n"
    "      zoom:N  channel:N          the channel zoom on channel N; choose the channel\n"
    "      unit:X,Y                   select a unit in the zoom, LRN and compute views\n"
    "      slide:N                    the compute view's sliding window at position N (0: off)\n"
    "      lesson:lenet|training      the lesson view's page: LeNet-5 beside AlexNet, or why it\n"
    "                                   could be trained\n"
    "      playground:I,K,S,P         the compute view's playground (or a preset: conv1-227,\n"
    "                                   conv1-224, pool1, conv2, LeNet-5-C1, small; or off)\n"
    "      key:K                      press a key: a letter or digit, , . = / - [ ], or left "
    "right\n"
    "                                   up down space\n"
    "                                   home end pageup pagedown tab plus minus f11 esc\n"
    "      click:X,Y  move:X,Y        click at / move the pointer to window pixel X,Y\n"
    "      wheel:N                    N wheel notches at the pointer (negative: out)\n"
    "      photo:PATH  drop:PATH      load a photo (an unreadable one shows a message); the\n"
    "                                   same through a file-drop event\n"
    "      theme:dark|light  lang:en|ko  contrast:stage|map  scale:F  size:WxH\n"
    "      sleep:MS                   wait MS milliseconds\n"
    "      shot:PATH                  save the window as a PNG (atomically)\n"
    "      viewshot:PATH              save only the current view's rectangle (what the export\n"
    "                                   command draws for the same size)\n"
    "      stats                      print frame-time figures to stdout\n"
    "      status                     print the stage and view shown and the status line\n"
    "      quit                       close the window (exit status 0)\n"
    "      Before each command the window waits until the net is built and the pass has finished\n"
    "      or paused, so scripts are deterministic.\n");

static const struct {
    const char *name;
    play_op op;
    int arg; /* 0 none, 1 text, 2 one number, 3 two numbers "X,Y", 4 "WxH" */
} words[] = {
    {"step", PLAY_STEP, 0},         {"back", PLAY_BACK, 0},
    {"wait", PLAY_WAIT, 0},         {"stage", PLAY_STAGE, 1},
    {"view", PLAY_VIEW, 1},         {"zoom", PLAY_ZOOM, 2},
    {"channel", PLAY_CHANNEL, 2},   {"unit", PLAY_UNIT, 3},
    {"key", PLAY_KEY, 1},           {"click", PLAY_CLICK, 3},
    {"move", PLAY_MOVE, 3},         {"wheel", PLAY_WHEEL, 2},
    {"photo", PLAY_PHOTO, 1},       {"theme", PLAY_THEME, 1},
    {"lang", PLAY_LANG, 1},         {"drop", PLAY_DROP, 1},
    {"contrast", PLAY_CONTRAST, 1}, {"scale", PLAY_SCALE, 2},
    {"size", PLAY_SIZE, 4},         {"sleep", PLAY_SLEEP, 2},
    {"shot", PLAY_SHOT, 1},         {"stats", PLAY_STATS, 0},
    {"viewshot", PLAY_VIEWSHOT, 1}, {"status", PLAY_STATUS, 0},
    {"quit", PLAY_QUIT, 0},         {"lrn", PLAY_VIEW, 0},
    {"slide", PLAY_SLIDE, 2},       {"playground", PLAY_PLAYGROUND, 1},
    {"lesson", PLAY_LESSON, 1},
};

static int parse_num(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || v != v || v > 1e9 || v < -1e9)
        return 0;
    *out = v;
    return 1;
}

/* "X,Y" or "WxH" into two numbers. */
static int parse_pair(const char *s, char sep, double out[2])
{
    char a[64], *p = strchr(s, sep);
    if (!p || (size_t)(p - s) >= sizeof a)
        return 0;
    memcpy(a, s, (size_t)(p - s));
    a[p - s] = 0;
    return parse_num(a, &out[0]) && parse_num(p + 1, &out[1]);
}

/* Checks the text arguments whose values are a closed set. */
static int valid_text(play_op op, const char *arg)
{
    switch (op) {
    case PLAY_VIEW: return view_kind_find(arg) >= 0;
    case PLAY_THEME: return !strcmp(arg, "dark") || !strcmp(arg, "light");
    case PLAY_LANG: return !strcmp(arg, "en") || !strcmp(arg, "ko");
    case PLAY_LESSON: return play_lesson(arg) >= 0;
    case PLAY_CONTRAST: return !strcmp(arg, "stage") || !strcmp(arg, "map");
    case PLAY_PLAYGROUND: {
        int pg[4];
        return !strcmp(arg, "off") || play_playground(arg, pg);
    }
    default: return *arg != 0;
    }
}

int play_lesson(const char *arg)
{
    for (int p = 0; p < VIEW_LESSON_PAGES; p++)
        if (!strcmp(arg, view_lesson_name(p)))
            return p;
    return -1;
}

int play_playground(const char *arg, int pg[4])
{
    for (int i = 0; i < VIEW_PRESETS; i++) {
        char name[32];
        snprintf(name, sizeof name, "%s", view_presets[i].name);
        for (char *c = name; *c; c++)
            *c = *c == ' ' ? '-' : *c == ',' ? '-' : *c;
        if (!strcmp(arg, name)) {
            pg[0] = view_presets[i].i, pg[1] = view_presets[i].k;
            pg[2] = view_presets[i].s, pg[3] = view_presets[i].p;
            return 1;
        }
    }
    int n = 0, got = sscanf(arg, "%d,%d,%d,%d%n", &pg[0], &pg[1], &pg[2], &pg[3], &n);
    return got == 4 && !arg[n] && pg[0] >= 1 && pg[0] <= 256 && pg[1] >= 0 && pg[1] <= 64 &&
           pg[2] >= 0 && pg[2] <= 64 && pg[3] >= 0 && pg[3] <= 64;
}

int play_parse(play_script *s, const char *text, char *err, size_t err_len)
{
    memset(s, 0, sizeof *s);
    size_t len = strlen(text), cap = len / 2 + 1;
    s->cmds = calloc(cap, sizeof *s->cmds);
    if (!s->cmds) {
        msg_snprintf(err, err_len, "--play: out of memory");
        return 0;
    }
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        const char *end = p;
        while (*end && *end != ' ' && *end != '\t' && *end != '\n')
            end++;
        char word[1100];
        size_t n = (size_t)(end - p);
        if (n >= sizeof word) {
            msg_snprintf(err, err_len, "--play: a word of %zu characters is too long", n);
            play_free(s);
            return 0;
        }
        memcpy(word, p, n);
        word[n] = 0;
        p = end;
        char *colon = strchr(word, ':');
        const char *arg = colon ? colon + 1 : "";
        if (colon)
            *colon = 0;
        int k = -1;
        for (size_t i = 0; i < sizeof words / sizeof words[0] && k < 0; i++)
            if (!strcmp(word, words[i].name))
                k = (int)i;
        if (k < 0) {
            msg_snprintf(err, err_len, "--play: unknown command '%s' (see alexviz view --help)",
                         word);
            play_free(s);
            return 0;
        }
        play_cmd *c = &s->cmds[s->count];
        memset(c, 0, sizeof *c);
        c->op = words[k].op;
        snprintf(c->arg, sizeof c->arg, "%s", words[k].op == PLAY_VIEW && !colon ? "lrn" : arg);
        int ok = 1;
        switch (words[k].arg) {
        case 0: ok = !colon; break;
        case 1: ok = valid_text(c->op, c->arg); break;
        case 2: ok = parse_num(arg, &c->num[0]); break;
        case 3: ok = parse_pair(arg, ',', c->num); break;
        case 4: ok = parse_pair(arg, 'x', c->num) && c->num[0] >= 64 && c->num[1] >= 64; break;
        }
        if (!ok) {
            msg_snprintf(err, err_len, "--play: '%s%s%s' has a bad or missing argument", word,
                         colon ? ":" : "", arg);
            play_free(s);
            return 0;
        }
        s->count++;
    }
    return 1;
}

void play_free(play_script *s)
{
    if (!s)
        return;
    free(s->cmds);
    memset(s, 0, sizeof *s);
}
