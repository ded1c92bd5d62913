/* test_play.c: the --play script language: every command parses, and a typo is named. */
#include "play.h"
#include "test.h"

#include <string.h>

TEST(play_scripts_parse_and_typos_are_named)
{
    play_script s;
    char err[256];
    CHECK(play_parse(&s,
                     "  step step zoom:17 lrn view:grid unit:3,4 size:800x600 shot:a.png "
                     "key:N sleep:10 quit ",
                     err, sizeof err));
    CHECK_EQ_INT(s.count, 11);
    CHECK(s.cmds[2].op == PLAY_ZOOM && s.cmds[2].num[0] == 17);
    CHECK(s.cmds[3].op == PLAY_VIEW && !strcmp(s.cmds[3].arg, "lrn"));
    CHECK(s.cmds[5].op == PLAY_UNIT && s.cmds[5].num[0] == 3 && s.cmds[5].num[1] == 4);
    CHECK(s.cmds[6].num[0] == 800 && s.cmds[6].num[1] == 600);
    CHECK(!strcmp(s.cmds[7].arg, "a.png"));
    play_free(&s);
    const char *bad[] = {"stepp",  "zoom:x", "view:nowhere", "size:10x10",
                         "step:3", "shot:",  "theme:blue"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECKF(!play_parse(&s, bad[i], err, sizeof err), "'%s' was accepted", bad[i]);
        char word[32];
        snprintf(word, sizeof word, "%.*s", (int)strcspn(bad[i], ":"), bad[i]);
        CHECKF(strstr(err, word), "the message for '%s' does not name it: %s", bad[i], err);
    }
}
