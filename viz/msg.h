/* msg.h: what the command line says, in the user's language.
 *
 * Every message is written in the code in English, as a printf format (net_fail in the engine,
 * cli_error and msg_printf here); the catalog (msg_ko.c) maps each format, exactly as written,
 * to its Korean template, whose {1} … {16} take the conversions' texts in the English order:
 * Korean puts the file name, the number and the verb in its own order. {k} puts the text as it
 * is (a file name, a number, what the user typed); {tk} says it in Korean when it is a system
 * reason (strerror's English) or a text of the catalog (a word the code passes, such as "ceil"
 * or "a folder"), else as it is. So a folder the user named "output" stays "output". "%%" in a
 * template is a percent sign, as in the format. The engine keeps each message's format and
 * conversion texts (net_err), so its messages are translated the same way, after the fact. A
 * format the catalog lacks is said in English; a test scans the sources for every format and
 * fails on a missing one, and checks that each translation uses exactly its format's
 * conversions.
 *
 * The language: --lang (looked for in argv before anything is parsed, so even a usage error is
 * in Korean), else LC_ALL, LC_MESSAGES, LANG, as POSIX orders them.
 */
#ifndef MSG_H
#define MSG_H

#include "alexnet.h"
#include "text.h"

#include <stdio.h>

/* Marks a text the catalog translates where it is defined (a help text, a table of words),
 * as gettext's N_ does; msg_text says it in the user's language where it is printed. */
#ifndef N_
#define N_(s) s
#endif

/* The language of the command line's output. msg_init sets it from argv and the environment. */
void msg_init(int argc, char **argv);
text_lang msg_lang(void);
void msg_set_lang(text_lang lang);
/* The language the environment asks for: LC_ALL, LC_MESSAGES, LANG. */
text_lang msg_env_lang(void);

/* The message of format fmt whose conversions printed as args[0 … n-1], in lang: the catalog's
 * translation with its {k} replaced, or `english` (the message as printf made it) when lang is
 * English or the catalog has none. Into out (cap bytes, always terminated); returns out. */
const char *msg_render(const char *fmt, const char (*args)[256], int n, const char *english,
                       text_lang lang, char *out, size_t cap);
/* err's message in lang. */
const char *msg_err(const net_err *err, text_lang lang, char *out, size_t cap);
/* printf through the catalog, in msg_lang(). */
void msg_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int msg_snprintf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A text without conversions (a help text, a word) in msg_lang(). */
const char *msg_text(const char *en);

/* The catalog, for the tests: entry i's English format and Korean template; NULL past the end. */
const char *msg_catalog_en(int i);
const char *msg_catalog_ko(int i);

/* Pads s with spaces to `width` terminal columns (a Hangul syllable takes two), into out. */
const char *msg_pad(const char *s, int width, char *out, size_t cap);

#endif
