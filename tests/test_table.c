/* test_table.c: the stage table against the course notes, the paper and ALEXNET.md: shapes,
 * parameter and MAC counts, receptive fields, tower ranges and the printed arithmetic. */
#include "alexnet.h"
#include "test.h"

#include <string.h>

/* The table's rows into st (NET_MAX_STAGES of them); the count. */
static int build(net_config *c, net_stage *st)
{
    net_table t;
    int n = net_table_build(c, &t, NULL);
    memcpy(st, t.s, sizeof t.s);
    return n;
}

static const net_stage *find(const net_stage *st, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(st[i].name, name))
            return &st[i];
    return NULL;
}

TEST(table_stage_names_in_paper_order)
{
    static const char *names[] = {"conv1", "relu1", "norm1", "pool1", "conv2", "relu2",
                                  "norm2", "pool2", "conv3", "relu3", "conv4", "relu4",
                                  "conv5", "relu5", "pool5", "fc6",   "relu6", "drop6",
                                  "fc7",   "relu7", "drop7", "fc8",   "prob"};
    net_config c;
    net_stage st[NET_MAX_STAGES];
    net_config_default(&c);
    int n = build(&c, st);
    CHECK_EQ_INT(n, 23);
    for (int i = 0; i < n; i++)
        CHECKF(!strcmp(st[i].name, names[i]), "stage %d is %s, expected %s", i, st[i].name,
               names[i]);
}

TEST(table_caffenet_order_puts_lrn_after_pool)
{
    net_config c;
    net_stage st[NET_MAX_STAGES];
    net_config_default(&c);
    c.lrn_after_pool = 1;
    int n = build(&c, st);
    CHECK_EQ_INT(n, 23);
    CHECK(!strcmp(st[2].name, "pool1") && !strcmp(st[3].name, "norm1"));
    CHECK(!strcmp(st[6].name, "pool2") && !strcmp(st[7].name, "norm2"));
    /* the notes: pool to 27×27×96, then LRN keeps it */
    CHECK_EQ_INT(st[3].out_h, 27);
    CHECK_EQ_INT(st[3].out_c, 96);
}

/* The shapes of the notes, at 227. */
TEST(table_shapes_match_the_notes)
{
    static const struct {
        const char *name;
        int c, h;
    } want[] = {{"conv1", 96, 55},  {"pool1", 96, 27},  {"conv2", 256, 27}, {"pool2", 256, 13},
                {"conv3", 384, 13}, {"conv4", 384, 13}, {"conv5", 256, 13}, {"pool5", 256, 6},
                {"fc6", 4096, 1},   {"fc7", 4096, 1},   {"fc8", 1000, 1},   {"prob", 1000, 1}};
    net_config c;
    net_stage st[NET_MAX_STAGES];
    net_config_default(&c);
    int n = build(&c, st);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const net_stage *s = find(st, n, want[i].name);
        CHECK(s);
        CHECKF(s->out_c == want[i].c && s->out_h == want[i].h && s->out_w == want[i].h,
               "%s: %d×%d×%d, expected %d×%d×%d", s->name, s->out_h, s->out_w, s->out_c, want[i].h,
               want[i].h, want[i].c);
    }
    CHECK_EQ_INT(find(st, n, "fc6")->in_c * 6 * 6, 9216);
}

TEST(table_params_and_macs_per_layer)
{
    static const struct {
        const char *name;
        long long params, macs;
    } want[] = {{"conv1", 34944, 105415200},  {"conv2", 307456, 223948800},
                {"conv3", 885120, 149520384}, {"conv4", 663936, 112140288},
                {"conv5", 442624, 74760192},  {"fc6", 37752832, 37748736},
                {"fc7", 16781312, 16777216},  {"fc8", 4097000, 4096000}};
    net_config c;
    net_stage st[NET_MAX_STAGES];
    net_config_default(&c);
    int n = build(&c, st);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const net_stage *s = find(st, n, want[i].name);
        CHECK_EQ_INT(s->params, want[i].params);
        CHECK_EQ_INT(s->macs, want[i].macs);
    }
}

TEST(table_totals_at_227_and_224)
{
    for (int size = 224; size <= 227; size += 3) {
        net_config c;
        net_stage st[NET_MAX_STAGES];
        net_config_default(&c);
        net_config_set_input(&c, size);
        int n = build(&c, st);
        CHECK_EQ_INT(n, 23);
        long long params = 0, macs = 0;
        for (int i = 0; i < n; i++)
            params += st[i].params, macs += st[i].macs;
        CHECK_EQ_INT(params, 60965224);
        if (size == 227)
            CHECK_EQ_INT(macs, 724406816);
        CHECK_EQ_INT(find(st, n, "pool5")->out_h, 6);
    }
}

TEST(table_224_needs_ceil_pooling)
{
    net_config c;
    net_stage st[NET_MAX_STAGES];
    net_config_default(&c);
    net_config_set_input(&c, 224);
    CHECK_EQ_INT(c.pool_round, NET_ROUND_CEIL);
    int n = build(&c, st);
    CHECK_EQ_INT(find(st, n, "conv1")->out_h, 54);
    CHECK_EQ_INT(find(st, n, "pool1")->out_h, 27);
    CHECK_EQ_INT(find(st, n, "pool2")->out_h, 13);
    CHECK_EQ_INT(find(st, n, "pool5")->out_h, 6);
    /* the zoo's way: floor rounding with an end pad of 1 gives the same */
    c.pool_round = NET_ROUND_FLOOR;
    c.pool_pad_end = 1;
    n = build(&c, st);
    CHECK_EQ_INT(find(st, n, "pool1")->out_h, 27);
    CHECK_EQ_INT(find(st, n, "pool5")->out_h, 6);
    /* and plain floor pooling breaks fc6: 54 → 26 → 12 → 5 */
    c.pool_pad_end = 0;
    n = build(&c, st);
    CHECK_EQ_INT(find(st, n, "pool1")->out_h, 26);
    CHECK_EQ_INT(find(st, n, "pool2")->out_h, 12);
    CHECK_EQ_INT(find(st, n, "pool5")->out_h, 5);
    CHECK_EQ_INT(find(st, n, "fc6")->n_w / 4096, 6400);
}

TEST(table_receptive_fields)
{
    static const struct {
        const char *name;
        int rf, jump;
    } want[] = {{"conv1", 11, 4},  {"pool1", 19, 8},   {"conv2", 51, 8},   {"pool2", 67, 16},
                {"conv3", 99, 16}, {"conv4", 131, 16}, {"conv5", 163, 16}, {"pool5", 195, 32}};
    net_config c;
    net_stage st[NET_MAX_STAGES];
    net_config_default(&c);
    int n = build(&c, st);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const net_stage *s = find(st, n, want[i].name);
        CHECKF(s->rf == want[i].rf && s->rf_jump == want[i].jump, "%s: rf %d jump %d", s->name,
               s->rf, s->rf_jump);
    }
    /* conv2's padding moves the field's origin: unit 0 of conv2 starts 2·8 px left of 0 */
    CHECK_EQ_INT(find(st, n, "conv2")->rf_off, -16);
}

TEST(table_towers_and_reads)
{
    net_config c;
    net_stage st[NET_MAX_STAGES];
    net_config_default(&c);
    int n = build(&c, st);
    int a[2], b[2];
    net_stage_towers(find(st, n, "conv1"), a, b);
    CHECK(a[0] == 0 && a[1] == 48 && b[0] == 48 && b[1] == 96);
    net_stage_towers(find(st, n, "conv4"), a, b);
    CHECK(a[1] == 192 && b[1] == 384);
    net_stage_towers(find(st, n, "fc6"), a, b);
    CHECK(a[1] == 2048 && b[1] == 4096);
    net_stage_towers(find(st, n, "fc8"), a, b);
    CHECK(a[1] == 1000 && b[0] == b[1]);
    CHECK_EQ_INT(find(st, n, "conv1")->reads, NET_READS_IMAGE);
    CHECK_EQ_INT(find(st, n, "conv2")->groups, 2);
    CHECK_EQ_INT(find(st, n, "conv3")->reads, NET_READS_BOTH);
    CHECK_EQ_INT(find(st, n, "conv4")->groups, 2);
    CHECK_EQ_INT(find(st, n, "conv5")->groups, 2);
    CHECK_EQ_INT(find(st, n, "fc6")->reads, NET_READS_BOTH);
    CHECK_EQ_INT(find(st, n, "norm1")->reads, NET_READS_BOUNDARY);
    /* weight shapes of the grouped layers: conv2 [256,48,5,5], conv4 [384,192,3,3] */
    CHECK_EQ_INT(find(st, n, "conv2")->n_w, 256 * 48 * 5 * 5);
    CHECK_EQ_INT(find(st, n, "conv4")->n_w, 384 * 192 * 3 * 3);
    CHECK_EQ_INT(find(st, n, "conv5")->n_w, 256 * 192 * 3 * 3);
}

TEST(table_arithmetic_lines)
{
    net_config c;
    net_stage st[NET_MAX_STAGES];
    char buf[200];
    net_config_default(&c);
    int n = build(&c, st);
    net_explain_shape(find(st, n, "conv1"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "floor((227 + 2·0 − 11)/4) + 1 = 55"), "conv1 shape: %s", buf);
    net_explain_params(find(st, n, "conv1"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "96·(11·11·3) + 96 = 34,944"), "conv1 params: %s", buf);
    net_explain_params(find(st, n, "conv2"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "256·(5·5·96/2) + 256 = 307,456"), "conv2 params: %s", buf);
    net_explain_macs(find(st, n, "conv1"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "55·55·96 · (11·11·3) = 105,415,200"), "conv1 MACs: %s", buf);
    net_explain_shape(find(st, n, "pool1"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "floor((55 − 3)/2) + 1 = 27"), "pool1: %s", buf);
    net_explain_shape(find(st, n, "conv2"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "floor((27 + 2·2 − 5)/1) + 1 = 27"), "conv2: %s", buf);
    net_explain_shape(find(st, n, "fc6"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "flatten 6·6·256 = 9216 → 4096"), "fc6: %s", buf);
    net_explain_params(find(st, n, "fc6"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "4096·9216 + 4096 = 37,752,832"), "fc6 params: %s", buf);

    net_config_set_input(&c, 224);
    n = build(&c, st);
    net_explain_shape(find(st, n, "conv1"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "floor((224 + 2·0 − 11)/4) + 1 = 54"), "conv1 at 224: %s", buf);
    net_explain_shape(find(st, n, "pool1"), buf, sizeof buf);
    CHECKF(!strcmp(buf, "ceil((54 − 3)/2) + 1 = 27 (floor would give 26)"), "pool1 at 224: %s",
           buf);
}

TEST(table_refuses_impossible_configs)
{
    net_config c;
    net_table t;
    net_err err = {0};
    net_config_default(&c);
    c.width[1] = 7;
    CHECK_EQ_INT(net_table_build(&c, &t, &err), 0);
    CHECK(strstr(err.msg, "conv2"));
    net_config_default(&c);
    c.input_size = 40; /* conv1 gives 8, pool 3, conv2 3, pool 1, and pool5 cannot fit */
    CHECK_EQ_INT(net_table_build(&c, &t, &err), 0);
    CHECK(strstr(err.msg, "pool5"));
}

TEST(table_fmt_count)
{
    char buf[32];
    net_fmt_count(60965224, buf, sizeof buf);
    CHECK(!strcmp(buf, "60,965,224"));
    net_fmt_count(999, buf, sizeof buf);
    CHECK(!strcmp(buf, "999"));
    net_fmt_count(-1000, buf, sizeof buf);
    CHECK(!strcmp(buf, "-1,000"));
}

/* LeNet-5 by the same machinery, against LeCun et al. 1998 (ALEXNET.md): shapes, each layer's
 * trainable parameters (60,000 in all), connections (340,908), C3's table, the arithmetic. */
TEST(table_lenet5_against_the_paper)
{
    net_table t;
    CHECK_EQ_INT(net_lenet5_table(&t), 7);
    static const struct {
        const char *name;
        int c, h;
        long long params, macs;
    } want[] = {{"C1", 6, 28, 156, 117600},   {"S2", 6, 14, 12, 4704},
                {"C3", 16, 10, 1516, 150000}, {"S4", 16, 5, 32, 1600},
                {"C5", 120, 1, 48120, 48000}, {"F6", 84, 1, 10164, 10080},
                {"OUTPUT", 10, 1, 0, 840}};
    long long params = 0, conns = 0;
    for (int i = 0; i < 7; i++) {
        const net_stage *s = &t.s[i];
        CHECKF(!strcmp(s->name, want[i].name), "row %d is %s", i, s->name);
        CHECKF(s->out_c == want[i].c && s->out_h == want[i].h && s->out_w == want[i].h,
               "%s: %d@%d×%d", s->name, s->out_c, s->out_h, s->out_w);
        CHECKF(s->params == want[i].params, "%s: %lld parameters", s->name, (long long)s->params);
        CHECKF(s->macs == want[i].macs, "%s: %lld MACs", s->name, (long long)s->macs);
        params += s->params, conns += s->connections;
    }
    CHECK_EQ_INT(t.s[0].in_c, 1);
    CHECK_EQ_INT(t.s[0].in_h, 32);
    CHECKF(params == 60000, "%lld trainable parameters", params);
    CHECKF(conns == 340908, "%lld connections", conns);
    /* C3: 6 maps read 3 of S2's maps, 9 read 4, 1 reads all 6 (60 links) */
    int reads[7] = {0}, links = 0;
    for (int o = 0; o < 16; o++) {
        int k = 0;
        for (int i = 0; i < 6; i++)
            k += net_lenet5_c3_reads(o, i);
        reads[k]++, links += k;
    }
    CHECK(reads[3] == 6 && reads[4] == 9 && reads[6] == 1);
    CHECK_EQ_INT(links, 60);
    CHECK_EQ_INT(t.s[2].links, 60);
    CHECK(net_lenet5_c3_reads(0, 0) && net_lenet5_c3_reads(0, 2) && !net_lenet5_c3_reads(0, 3));
    CHECK(net_lenet5_c3_reads(12, 3) && !net_lenet5_c3_reads(12, 2));
    CHECK(!net_lenet5_c3_reads(16, 0) && !net_lenet5_c3_reads(0, 6));
    char buf[200];
    net_explain_shape(&t.s[0], buf, sizeof buf);
    CHECKF(!strcmp(buf, "floor((32 + 2·0 − 5)/1) + 1 = 28"), "C1: %s", buf);
    net_explain_shape(&t.s[1], buf, sizeof buf);
    CHECKF(!strcmp(buf, "floor((28 − 2)/2) + 1 = 14"), "S2: %s", buf);
    net_explain_params(&t.s[1], buf, sizeof buf);
    CHECKF(!strcmp(buf, "6·(1 + 1) = 12"), "S2 params: %s", buf);
    net_explain_params(&t.s[2], buf, sizeof buf);
    CHECKF(!strcmp(buf, "60·5·5 + 16 = 1,516"), "C3 params: %s", buf);
    net_explain_macs(&t.s[2], buf, sizeof buf);
    CHECKF(!strcmp(buf, "10·10 · (60·5·5) = 150,000"), "C3 MACs: %s", buf);
    net_explain_shape(&t.s[4], buf, sizeof buf);
    CHECKF(!strcmp(buf, "floor((5 + 2·0 − 5)/1) + 1 = 1"), "C5: %s", buf);
    net_explain_shape(&t.s[6], buf, sizeof buf);
    CHECKF(!strcmp(buf, "84 → 10"), "output: %s", buf);

    /* against AlexNet: about 1,016 times the parameters */
    net_config c;
    net_table a;
    net_config_default(&c);
    net_table_build(&c, &a, NULL);
    long long ap = 0;
    for (int i = 0; i < a.count; i++)
        ap += a.s[i].params;
    CHECKF(ap / params == 1016, "%lld / %lld", ap, params);
}
