/* view_handout.c: the handout's pages, and the colour ranges of the grid (see handout.h).
 *
 * A stage page is the window's stage grid on top, the paragraph a student reads at home in the
 * middle, and the window's arithmetic view below (its title band clipped off, since the grid
 * above already shows it), so the page and the screen cannot disagree. The paragraphs are built
 * from the stage table and this photo's numbers (how many values ReLU zeroed, how much LRN
 * kept), never written per stage by hand, so a variant (LRN after pooling, 224 input) reads
 * true too. Their text lives in the table below, English beside Korean, with printf conversions
 * in the same order in both (tests/test_export.c checks it), as in text.c.
 */
#include "handout.h"
#include "view_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef enum {
    HX_COVER_TITLE,
    HX_COVER_PHOTO,      /* %s: file */
    HX_COVER_WEIGHTS,    /* %s: the weights file */
    HX_COVER_SEEDED,     /* %llu: seed */
    HX_COVER_UNTRAINED,
    HX_COVER_HOWTO,
    HX_COVER_PIPELINE,
    HX_HEADER,           /* %s: photo */
    HX_PAGE,             /* %d of %d */
    HX_STAGE_OF,         /* %d of %d */
    HX_WHAT,
    HX_NUMBERS,
    HX_STATS,            /* min, max, mean, std */
    HX_STATS_ZEROS,      /* %.1f */
    HX_ARITH,
    HX_X_CONV_IMAGE,     /* M, K, K, C, stride, OH, OW */
    HX_X_CONV_GROUPS,    /* M, K, K, C/g, C/g */
    HX_X_CONV_BOTH,      /* M, K, K, C, C */
    HX_X_CONV_END,
    HX_X_RELU,           /* %.0f zeros */
    HX_X_LRN,            /* n, k, s, β */
    HX_X_LRN_KEEPS,      /* %.1f */
    HX_X_POOL,           /* K, K, S, inH, inW, outH, outW, C */
    HX_X_FC_FLAT,        /* H, W, C, N */
    HX_X_FC,             /* out, in, %s weights */
    HX_X_FC_LAST,
    HX_X_DROPOUT,
    HX_X_SOFTMAX,        /* N */
    HX_X_TOWERS,
    HX_FILT_TEXT,
    HX_LRN_TEXT,         /* channel %d, unit (%d, %d) */
    HX_LRN_EDGE_ACROSS,  /* channel, n, first, last */
    HX_LRN_EDGE_WITHIN,  /* channel, n, first, last */
    HX_TABLE_TITLE,
    HX_COL_STAGE,
    HX_COL_OP,
    HX_COL_OUT,
    HX_COL_PARAMS,
    HX_COL_MACS,
    HX_COL_FIELD,
    HX_TOTAL,
    HX_TABLE_NOTE,       /* %.0f%% params, %.0f%% MACs */
    HX_BY_LAYER,
    HX_COL_LAYER,
    HX_COL_STAGES,
    HX_COUNT
} hx_id;

static const char *const hx_table[HX_COUNT][TEXT_LANGS] = {
    [HX_COVER_TITLE] = {"AlexNet, stage by stage", "AlexNet 단계별로 보기"},
    [HX_COVER_PHOTO] = {"What the 2012 network computes on one photo: %s",
                        "2012년 네트워크가 사진 한 장에서 계산하는 것: %s"},
    [HX_COVER_WEIGHTS] = {"weights: %s", "가중치: %s"},
    [HX_COVER_SEEDED] = {"weights: seeded, untrained (seed %llu)",
                         "가중치: 학습되지 않음 (시드 %llu로 생성)"},
    [HX_COVER_UNTRAINED] =
        {"These weights are seeded, not trained: the maps show what each stage's arithmetic "
         "does to the photo, but the five classes below mean nothing. With the trained ImageNet "
         "weights (alexviz export … --weights bvlcalexnet-12.onnx) they become a real "
         "prediction.",
         "이 가중치는 학습된 것이 아니라 시드로 만든 것입니다. 맵은 각 단계의 계산이 사진에 "
         "무엇을 하는지 보여 주지만, 아래 다섯 클래스에는 의미가 없습니다. 학습된 ImageNet "
         "가중치(alexviz export … --weights bvlcalexnet-12.onnx)를 쓰면 진짜 예측이 됩니다."},
    [HX_COVER_HOWTO] =
        {"Each of the following pages is one stage of the network, in the order it runs: all "
         "of the stage's maps (tower A on the left, tower B on the right, as on the paper's two "
         "GPUs), what the stage does, and its arithmetic. The last page counts the parameters "
         "and multiply-accumulates of every stage.",
         "다음 쪽부터는 네트워크가 실행되는 순서대로 한 쪽에 한 단계씩 나옵니다. 각 쪽에는 그 "
         "단계의 모든 특성 맵(feature map)이 있고(논문의 GPU 두 개처럼 왼쪽은 타워(tower) A, "
         "오른쪽은 타워 B), 이어서 그 단계가 하는 일과 계산식이 나옵니다. 마지막 쪽은 모든 "
         "단계의 파라미터 수와 곱셈-누산 수를 셉니다."},
    [HX_COVER_PIPELINE] = {"The whole network", "네트워크 전체"},
    [HX_HEADER] = {"alexviz handout · %s", "alexviz 유인물 · %s"},
    [HX_PAGE] = {"page %d of %d", "%d / %d쪽"},
    [HX_STAGE_OF] = {"stage %d of %d", "단계 %d / %d"},
    [HX_WHAT] = {"What this stage does", "이 단계가 하는 일"},
    [HX_NUMBERS] = {"On this photo", "이 사진에서"},
    [HX_STATS] = {"min %s · max %s · mean %s · standard deviation %s",
                  "최솟값 %s · 최댓값 %s · 평균 %s · 표준편차 %s"},
    [HX_STATS_ZEROS] = {" · %.1f%% exactly zero", " · %.1f%%가 정확히 0"},
    [HX_ARITH] = {"The arithmetic", "계산식"},
    [HX_X_CONV_IMAGE] =
        {"Each of the %d filters is a %d×%d×%d block of weights that slides over the photo in "
         "steps of %d pixels. At each of the %d×%d positions it multiplies its weights with the "
         "pixels under it and adds them up: one number that says how strongly its pattern (an "
         "edge, a stripe, a colour blob) is there.",
         "%d개의 필터(filter)는 각각 %d×%d×%d 크기의 가중치 묶음이며, 사진 위를 %d픽셀씩 "
         "옮겨 가며 훑습니다. 이 간격을 스트라이드(stride)라고 합니다. %d×%d개의 위치마다 가중치와 그 아래 픽셀을 "
         "곱해서 모두 더하는데, 이것이 합성곱(convolution)입니다. 결과는 그 자리에 필터의 "
         "패턴(경계선, 줄무늬, 색 얼룩)이 얼마나 강하게 있는지를 나타내는 숫자 하나입니다."},
    [HX_X_CONV_GROUPS] =
        {"Each of the %d filters is %d×%d×%d: it reads only the %d maps of its own tower, so "
         "tower A and tower B stay apart here, as they did on the paper's two GPUs. A filter "
         "combines patterns the layer before found into larger ones.",
         "%d개의 필터(filter)는 각각 %d×%d×%d 크기이며 자기 타워(tower)의 맵 %d개만 읽습니다. "
         "그래서 논문의 GPU 두 개에서처럼 여기서는 타워 A와 타워 B가 떨어져 있습니다. 필터는 앞 "
         "층이 찾은 패턴들을 엮어 더 큰 패턴을 찾습니다."},
    [HX_X_CONV_BOTH] =
        {"Each of the %d filters is %d×%d×%d and reads all %d maps of both towers: this is one "
         "of the few places where the two towers exchange what they found. A filter combines "
         "patterns the layer before found into larger ones.",
         "%d개의 필터(filter)는 각각 %d×%d×%d 크기이며 두 타워(tower)의 맵 %d개를 모두 읽습니다. "
         "두 타워가 찾은 것을 주고받는 몇 안 되는 곳입니다. 필터는 앞 층이 찾은 패턴들을 엮어 더 "
         "큰 패턴을 찾습니다."},
    [HX_X_CONV_END] =
        {" Each small map is one filter's answers: bright where its pattern is, dark where it "
         "is not. Values can be negative until the ReLU that follows.",
         " 작은 특성 맵(feature map) 하나가 필터 하나의 답입니다: 패턴이 있는 곳은 밝고 없는 곳은 "
         "어둡습니다. 뒤따르는 ReLU를 거치기 전까지는 값이 음수일 수도 있습니다."},
    [HX_X_RELU] =
        {"ReLU replaces every negative value with 0 and passes positive values unchanged. "
         "Nothing is learned here, but without it the stack of layers would collapse into a "
         "single linear map. On this photo %.0f%% of the values are now exactly 0: the darkest "
         "colour of the scale.",
         "활성화 함수(activation function) ReLU는 모든 음수를 0으로 바꾸고 양수는 그대로 "
         "통과시킵니다. 여기서 학습되는 것은 없지만, 이것이 없으면 층을 아무리 쌓아도 하나의 선형 "
         "변환이 되고 맙니다. 이 사진에서는 값의 %.0f%%가 이제 정확히 0이며, 눈금의 가장 어두운 "
         "색으로 보입니다."},
    [HX_X_LRN] =
        {"Local response normalisation divides each value a by (k + s·Σa²)^β, where the sum "
         "runs over the squares of the %d neighbouring channels at the same position (here "
         "k = %g, s = %g, β = %g). A channel that responds strongly damps its neighbours, a "
         "little like lateral inhibition in the eye.",
         "국소 응답 정규화(local response normalization)는 각 값 a를 (k + s·Σa²)^β로 "
         "나눕니다. 합은 같은 위치에 있는 이웃 채널(channel) %d개의 값을 제곱해서 구합니다 "
         "(여기서는 k = %g, s = %g, β = %g). 강하게 반응한 채널이 이웃을 누르는 셈으로, 눈의 "
         "측면 억제와 조금 닮았습니다."},
    [HX_X_LRN_KEEPS] = {" On this photo the values keep %.1f%% of their size on average.",
                        " 이 사진에서 값들은 평균적으로 원래 크기의 %.1f%%를 유지합니다."},
    [HX_X_POOL] =
        {"Max pooling keeps the largest value of each %d×%d window. The windows start every %d "
         "pixels, so they overlap by one (the paper's overlapping pooling). Each map shrinks from "
         "%d×%d to %d×%d; there are still %d maps. A feature survives if it appears anywhere in "
         "the window, so small shifts of the photo matter less.",
         "최대 풀링(max pooling)은 %d×%d 창마다 가장 큰 값만 남깁니다. 창이 %d픽셀 "
         "간격(스트라이드)으로 놓이므로 이웃한 창끼리 한 칸씩 겹칩니다 (논문의 겹치는 풀링). 맵은 %d×%d에서 %d×%d로 "
         "작아지고, 맵의 수는 그대로 %d개입니다. 찾은 패턴이 창 안 어디에 있든 살아남으므로, "
         "사진이 조금 밀려도 결과가 덜 흔들립니다."},
    [HX_X_FC_FLAT] =
        {"The %d×%d×%d maps are first flattened into one vector of %d numbers: from here on "
         "there are no positions any more. ",
         "먼저 %d×%d×%d 맵을 숫자 %d개짜리 벡터 하나로 펼칩니다: 여기서부터는 위치가 더 이상 "
         "없습니다. "},
    [HX_X_FC] =
        {"Each of the %d outputs is a weighted sum of all %d inputs plus a bias (%s weights in "
         "this layer alone), so every output reads both towers. The picture shows one cell per "
         "value.",
         "완전 연결층(fully connected layer)의 출력 %d개는 각각 입력 %d개 전부의 가중합에 편향을 "
         "더한 값입니다 (이 층에만 가중치 %s개). 그래서 모든 출력이 두 타워를 읽습니다. 그림은 "
         "값 하나를 칸 하나로 보여 줍니다."},
    [HX_X_FC_LAST] = {" These are the scores of the 1000 ImageNet classes: not yet "
                      "probabilities, they can be negative.",
                      " 이것이 ImageNet 1000개 클래스의 점수입니다: 아직 확률이 아니며 음수일 수도 "
                      "있습니다."},
    [HX_X_DROPOUT] =
        {"During training, dropout set each value to 0 with probability 0.5, so that no unit "
         "could rely on one particular other. At inference it does nothing: Caffe and ONNX pass "
         "the values through unchanged (the paper halved them instead), so this page looks "
         "exactly like the one before.",
         "학습 중에는 드롭아웃(dropout)이 각 값을 0.5의 확률로 0으로 만들어, 어떤 유닛도 다른 "
         "특정 유닛에 기대지 못하게 했습니다. 추론 때는 아무 일도 하지 않습니다: Caffe와 ONNX는 값을 그대로 "
         "넘기므로 (논문은 대신 절반으로 줄였습니다) 이 쪽은 앞 쪽과 똑같아 보입니다."},
    [HX_X_SOFTMAX] =
        {"Softmax turns the %d scores into probabilities: p = e^z / Σ e^z. They are all "
         "positive and add up to 1, and the largest score gets the largest share. The chart "
         "shows the most likely classes.",
         "소프트맥스(softmax)는 점수 %d개를 확률로 바꿉니다: p = e^z / Σ e^z. 모두 양수이고 "
         "합이 1이며, 가장 큰 점수가 가장 큰 몫을 받습니다. 그래프는 가능성이 가장 높은 "
         "클래스들입니다."},
    [HX_X_TOWERS] = {" Tower A's maps are on the left, tower B's on the right.",
                     " 타워 A의 맵은 왼쪽, 타워 B의 맵은 오른쪽에 있습니다."},
    [HX_FILT_TEXT] =
        {"conv1's filters are the only weights you can look at directly: each is an 11×11 "
         "patch of colour, scaled around mid-grey (grey is 0). In the trained network the paper "
         "found tower A's filters mostly colour-agnostic (edges, stripes) and tower B's "
         "colour-specific (blobs, colour edges). The maps of conv1 are these patterns searched "
         "for all over the photo.",
         "conv1의 필터는 눈으로 직접 볼 수 있는 유일한 가중치입니다: 각각 11×11 크기의 색 조각이며 "
         "중간 회색(회색이 0)을 기준으로 표시합니다. 논문은 학습된 네트워크에서 타워 A의 필터는 "
         "주로 색과 무관하고(경계선, 줄무늬) 타워 B의 필터는 색에 민감하다(얼룩, 색 경계)는 것을 "
         "발견했습니다. conv1의 맵은 사진 전체에서 이 패턴들을 찾은 결과입니다."},
    [HX_LRN_TEXT] =
        {"Channel %d at unit (%d, %d), where LRN damps the most on this photo: before and after "
         "LRN, each on its own colour scale (after is far smaller), and their ratio: pale where "
         "the value was left alone, dark red where strong neighbours damped it, grey where the "
         "input was 0 and there is no ratio. Under the maps, the formula with that unit's "
         "numbers.",
         "이 사진에서 LRN이 가장 많이 줄인 곳, 채널 %d의 유닛 (%d, %d)입니다. LRN 전과 후를 각각 "
         "자체 색 눈금으로 (후가 훨씬 작습니다), 그리고 그 비율을 보여 줍니다: 값이 그대로인 곳은 "
         "옅고, 강한 이웃에 눌린 곳은 짙은 빨강이며, 입력이 0이라 비율이 없는 곳은 회색입니다. 맵 "
         "아래는 그 유닛의 숫자를 넣은 공식입니다."},
    [HX_LRN_EDGE_ACROSS] =
        {"Channel %d is the last of tower A, so its window of %d channels reaches into tower B's "
         "maps. Caffe and ONNX allow that, and it is what ran here; in Krizhevsky's own code each "
         "GPU normalised only its own maps, which gives another result for channels %d–%d only.",
         "%d번 채널은 타워 A의 마지막 채널이라 채널 %d개짜리 창이 타워 B의 맵까지 닿습니다. Caffe와 "
         "ONNX는 이를 허용하며 여기서도 그렇게 계산했습니다. Krizhevsky의 원래 코드에서는 GPU마다 "
         "자기 맵만 정규화했으므로, 결과가 달라지는 것은 채널 %d–%d뿐입니다."},
    [HX_LRN_EDGE_WITHIN] =
        {"Channel %d is the last of tower A. Its window of %d channels stops at the boundary "
         "here, as in Krizhevsky's own code, where each GPU normalised only its own maps; Caffe "
         "and ONNX would let it reach into tower B, which changes channels %d–%d only.",
         "%d번 채널은 타워 A의 마지막 채널입니다. 여기서는 채널 %d개짜리 창이 경계에서 멈춥니다. "
         "GPU마다 자기 맵만 정규화한 Krizhevsky의 원래 코드와 같습니다. Caffe와 ONNX라면 창이 타워 "
         "B까지 닿으며, 달라지는 것은 채널 %d–%d뿐입니다."},
    [HX_TABLE_TITLE] = {"Parameters and multiply-accumulates, stage by stage",
                        "단계별 파라미터와 곱셈-누산"},
    [HX_COL_STAGE] = {"stage", "단계"},
    [HX_COL_OP] = {"operation", "연산"},
    [HX_COL_OUT] = {"output", "출력"},
    [HX_COL_PARAMS] = {"parameters", "파라미터"},
    [HX_COL_MACS] = {"MACs", "곱셈-누산"},
    [HX_COL_FIELD] = {"field", "수용 영역"},
    [HX_TOTAL] = {"total", "합계"},
    [HX_BY_LAYER] = {"By learned layer", "학습되는 층별"},
    [HX_COL_LAYER] = {"layer", "층"},
    [HX_COL_STAGES] = {"stages", "단계"},
    [HX_TABLE_NOTE] =
        {"The five convolutions hold %.0f%% of the parameters but do %.0f%% of the "
         "multiply-accumulates; the three fully connected layers are the other way round. "
         "\"field\" is how many input pixels one unit sees.",
         "합성곱층 다섯 개는 파라미터의 %.0f%%만 가지지만 곱셈-누산은 %.0f%%를 맡습니다. 완전 "
         "연결층 세 개는 그 반대입니다. \"수용 영역\"은 유닛 하나가 보는 입력 픽셀의 "
         "범위입니다."},
};

int view_handout_text_count(void) { return HX_COUNT; }

const char *view_handout_text(int id, text_lang lang)
{
    if (id < 0 || id >= HX_COUNT || (unsigned)lang >= TEXT_LANGS)
        return "";
    return hx_table[id][lang] ? hx_table[id][lang] : "";
}

static const char *hx(const view_state *st, hx_id id)
{
    text_lang l = (unsigned)st->lang < TEXT_LANGS ? st->lang : TEXT_EN;
    const char *s = hx_table[id][l];
    return s ? s : hx_table[id][TEXT_EN];
}

/* ---------------------------------------------------------------- colours */

int view_stage_colours(const view_scene *sc, const view_state *st, int stage, view_colours *out)
{
    memset(out, 0, sizeof *out);
    if (stage < 0 || stage >= sc->done || !sc->out[stage])
        return 0;
    vctx v;
    vctx_layout(&v, (view_rect){0, 0, 0, 0}, sc, st);
    vrange r = vcache_range(&v, stage);
    out->diverging = r.map == VMAP_DIV;
    out->lo = r.lo, out->hi = r.hi;
    return 1;
}

void view_map_colours(const float *plane, size_t n, const view_colours *stage, view_colours *out)
{
    /* the finite values set the range, as they do for the pictures */
    float mn, mx;
    vfinite_range(plane, n, &mn, &mx);
    float amax = fmaxf(fabsf(mn), fabsf(mx));
    if (!(amax > 0))
        amax = 1;
    out->diverging = stage->diverging;
    out->lo = stage->diverging ? -amax : 0;
    out->hi = amax;
}

/* ---------------------------------------------------------------- paragraphs */

/* Appends printf-style text to buf. */
static void append(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void append(char *buf, size_t len, const char *fmt, ...)
{
    size_t n = strlen(buf);
    if (n + 1 >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, len - n, fmt, ap);
    va_end(ap);
}

/* Mean of out/in over the non-zero inputs of an LRN stage: how much of its size a value keeps. */
static double lrn_keeps(const view_scene *sc, int stage)
{
    const net_stage *s = &sc->table.s[stage];
    const float *a = sc->out[stage - 1], *b = sc->out[stage];
    size_t n = (size_t)s->out_c * s->out_h * s->out_w, nz = 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != 0.0f)
            sum += b[i] / a[i], nz++;
    return nz ? sum / (double)nz : 1.0;
}

void view_stage_paragraph(const view_scene *sc, const view_state *st, int stage, char *buf,
                          size_t len)
{
    buf[0] = 0;
    if (stage < 0 || stage >= sc->table.count || len < 2)
        return;
    const net_stage *s = &sc->table.s[stage];
    int done = stage < sc->done && sc->out[stage];
    char num[32];
    switch (s->op) {
    case NET_OP_CONV:
        if (s->reads == NET_READS_OWN)
            append(buf, len, hx(st, HX_X_CONV_GROUPS), s->out_c, s->k, s->k, s->in_c / s->groups,
                s->in_c / s->groups);
        else if (s->reads == NET_READS_BOTH)
            append(buf, len, hx(st, HX_X_CONV_BOTH), s->out_c, s->k, s->k, s->in_c, s->in_c);
        else
            append(buf, len, hx(st, HX_X_CONV_IMAGE), s->out_c, s->k, s->k, s->in_c, s->stride,
                s->out_h, s->out_w);
        append(buf, len, "%s", hx(st, HX_X_CONV_END));
        break;
    case NET_OP_RELU:
        append(buf, len, hx(st, HX_X_RELU), done ? 100 * sc->stats[stage].zeros : 0.0);
        break;
    case NET_OP_LRN:
        append(buf, len, hx(st, HX_X_LRN), s->lrn.n, s->lrn.k, net_lrn_scale(&s->lrn), s->lrn.beta);
        if (done && stage > 0 && sc->out[stage - 1])
            append(buf, len, hx(st, HX_X_LRN_KEEPS), 100 * lrn_keeps(sc, stage));
        break;
    case NET_OP_POOL:
        append(buf, len, hx(st, HX_X_POOL), s->k, s->k, s->stride, s->in_h, s->in_w, s->out_h,
            s->out_w, s->out_c);
        break;
    case NET_OP_FC:
        if (s->in_h * s->in_w > 1)
            append(buf, len, hx(st, HX_X_FC_FLAT), s->in_h, s->in_w, s->in_c,
                s->in_c * s->in_h * s->in_w);
        net_fmt_count(s->n_w, num, sizeof num);
        append(buf, len, hx(st, HX_X_FC), s->out_c, s->in_c * s->in_h * s->in_w, num);
        if (stage + 2 == sc->table.count && sc->table.s[stage + 1].op == NET_OP_SOFTMAX)
            append(buf, len, "%s", hx(st, HX_X_FC_LAST));
        break;
    case NET_OP_DROPOUT: append(buf, len, "%s", hx(st, HX_X_DROPOUT)); break;
    case NET_OP_SOFTMAX: append(buf, len, hx(st, HX_X_SOFTMAX), s->out_c); break;
    }
    if (s->towers == 2 && vstage_is_map(s))
        append(buf, len, "%s", hx(st, HX_X_TOWERS));
}

/* ---------------------------------------------------------------- pages */

/* Every page is measured before it is drawn: the texts take the room they need (wrapped at the
 * page's width, never smaller than T_MIN, 8.2 pt), and the figures (the grid, the LRN views,
 * the filters, the pipeline) take what is left. Paper shows no key hints: the page state has
 * print set, and every view leaves them out. */

/* The header (photo, stage) and footer (page number) lines; returns the y where the content
 * starts. */
static double page_frame(vctx *v, const view_page *pg, const char *right)
{
    const vpal *pal = &v->pal;
    view_rect r = v->r;
    double u = v->u, m = 3.2 * u, rw = 0;
    char line[512];
    if (right)
        vtext_size(v, T_MIN, 0, right, &rw, NULL);
    snprintf(line, sizeof line, hx(v->st, HX_HEADER), pg->image ? pg->image : "");
    vtext_draw(v, r.x + m, r.y + 1.6 * u, T_MIN, VT_FILE, pal->dim, VA_LEFT,
               r.w - 2 * m - rw - u, line);
    if (right)
        vtext_draw(v, r.x + r.w - m, r.y + 1.6 * u, T_MIN, 0, pal->dim, VA_RIGHT, 0, right);
    vfill(v, r.x + m, r.y + 2.85 * u, r.w - 2 * m, fmax(0.5, 0.05 * u), pal->line);
    snprintf(line, sizeof line, hx(v->st, HX_PAGE), pg->page, pg->pages);
    vtext_draw(v, r.x + r.w / 2, r.y + r.h - 2.4 * u, T_MIN, 0, pal->dim, VA_CENTER, 0, line);
    return r.y + 3.5 * u;
}

/* The bottom of a page's content. */
static double page_bottom(const vctx *v) { return v->r.y + v->r.h - 3.2 * v->u; }

/* A heading (or none) and a paragraph at y; returns the y below them; measures only when draw
 * is 0. */
static double section(vctx *v, double x, double y, double w, const char *head, const char *text,
                      int draw)
{
    double u = v->u;
    if (head) {
        double h = vtext_para_size(v, w, T_LEAD, VT_BOLD, head, NULL);
        if (draw)
            vtext_para_as(v, x, y, w, T_LEAD, VT_BOLD, v->pal.accent, head);
        y += h + 0.25 * u;
    }
    double h = vtext_para_size(v, w, T_BODY, 0, text, NULL);
    if (draw)
        vtext_para(v, x, y, w, T_BODY, v->pal.fg, text);
    return y + h + 0.7 * u;
}

/* A copy of st for one embedded view. */
static view_state sub_state(const view_state *st, view_kind kind, int stage)
{
    view_state s = *st;
    s.kind = kind;
    s.stage = stage;
    s.cursor_in = 0;
    s.help = 0;
    s.zoom = 1;
    s.pan_x = s.pan_y = 0;
    s.print = 1;
    return s;
}

void view_draw_cover(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                     const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double top = page_frame(&v, pg, NULL) + 0.8 * u, bottom = page_bottom(&v);
    char photo[512], weights[512];
    snprintf(photo, sizeof photo, hx(st, HX_COVER_PHOTO), pg->image ? pg->image : "");
    if (pg->weights)
        snprintf(weights, sizeof weights, hx(st, HX_COVER_WEIGHTS), pg->weights);
    else
        snprintf(weights, sizeof weights, hx(st, HX_COVER_SEEDED), pg->seed);
    /* the words first: title, photo, this run, the paragraphs, the pipeline's heading */
    double y = top;
    for (int draw = 0; draw < 2; draw++) {
        double pred_h = 0, pipe_h = 0;
        y = top;
        double h = vtext_para_size(&v, w, 2.2, VT_BOLD, hx(st, HX_COVER_TITLE), NULL);
        if (draw)
            vtext_para_as(&v, x, y, w, 2.2, VT_BOLD, pal->fg, hx(st, HX_COVER_TITLE));
        y += h + 0.4 * u;
        h = vtext_para_size(&v, w, T_LEAD, VT_FILE, photo, NULL);
        if (draw)
            vtext_para_as(&v, x, y, w, T_LEAD, VT_FILE, pal->fg, photo);
        y += h + 0.4 * u;
        if (sc->run_known) {
            h = draw ? vpipe_run_draw(&v, x, y, w, T_MIN) : vpipe_run_height(&v, w, T_MIN);
        } else {
            h = vtext_para_size(&v, w, T_MIN, VT_FILE, weights, NULL);
            if (draw)
                vtext_para_as(&v, x, y, w, T_MIN, VT_FILE, sc->untrained ? pal->warn : pal->dim,
                              weights);
        }
        y += h + 0.6 * u;
        /* the photo and the prediction, as the window's top-5 view draws them; the pipeline
         * under the paragraphs at 9/10 of the page's size (its smallest text 7.4 pt) */
        double words = 0;
        if (sc->untrained)
            words += section(&v, x, 0, w, NULL, hx(st, HX_COVER_UNTRAINED), 0);
        words += section(&v, x, 0, w, NULL, hx(st, HX_COVER_HOWTO), 0);
        words += vtext_para_size(&v, w, T_LEAD, VT_BOLD, hx(st, HX_COVER_PIPELINE), NULL) +
                 0.3 * u;
        double room = bottom - y - words;
        pred_h = fmin(22 * u, room * 0.42);
        pipe_h = room - pred_h - 0.6 * u;
        if (draw) {
            view_state ps = sub_state(st, VIEW_PRED, sc->table.count - 1);
            view_draw_pred(cr, (view_rect){x, y, w, pred_h}, sc, &ps);
        }
        y += pred_h + 0.6 * u;
        if (sc->untrained)
            y = section(&v, x, y, w, NULL, hx(st, HX_COVER_UNTRAINED), draw);
        y = section(&v, x, y, w, NULL, hx(st, HX_COVER_HOWTO), draw);
        h = vtext_para_size(&v, w, T_LEAD, VT_BOLD, hx(st, HX_COVER_PIPELINE), NULL);
        if (draw)
            vtext_para_as(&v, x, y, w, T_LEAD, VT_BOLD, pal->accent, hx(st, HX_COVER_PIPELINE));
        y += h + 0.3 * u;
        if (draw && pipe_h > 10 * u) {
            /* the pass is complete: the last stage is the current one */
            view_state pp = sub_state(st, VIEW_PIPELINE, sc->table.count - 1);
            pp.ui = 0.9 * u;
            view_scene bare = *sc; /* its "this run" lines are on the page already */
            bare.run_known = 0;
            view_draw_pipeline(cr, (view_rect){x, y, w, pipe_h}, &bare, &pp);
        }
    }
    vctx_end(&v);
}

/* "stage 3 of 23". */
static void stage_of(const view_scene *sc, const view_state *st, int stage, char *buf, size_t len)
{
    snprintf(buf, len, hx(st, HX_STAGE_OF), stage + 1, sc->table.count);
}

/* The stage page's words under the grid at y: what it does, on this photo, the arithmetic;
 * returns the y below them. */
static double stage_words(vctx *v, double x, double y, double w, int stage, int draw)
{
    const view_scene *sc = v->sc;
    const view_state *st = v->st;
    double u = v->u;
    char para[2048], line[512], a[32], b[32], c[32], d[32];
    view_stage_paragraph(sc, st, stage, para, sizeof para);
    y = section(v, x, y, w, hx(st, HX_WHAT), para, draw);
    if (stage < sc->done && sc->out[stage]) {
        const net_stats *s = &sc->stats[stage];
        vfmt_value(s->min, a, sizeof a);
        vfmt_value(s->max, b, sizeof b);
        vfmt_value(s->mean, c, sizeof c);
        vfmt_value(s->std, d, sizeof d);
        snprintf(line, sizeof line, hx(st, HX_STATS), a, b, c, d);
        if (s->zeros > 0)
            snprintf(line + strlen(line), sizeof line - strlen(line), hx(st, HX_STATS_ZEROS),
                     100 * s->zeros);
        y = section(v, x, y, w, hx(st, HX_NUMBERS), line, draw);
    }
    /* the window's arithmetic, without its title band (the grid above has it) or the
     * per-layer chart (it has a page of its own) */
    double h = vtext_para_size(v, w, T_LEAD, VT_BOLD, hx(st, HX_ARITH), NULL);
    if (draw)
        vtext_para_as(v, x, y, w, T_LEAD, VT_BOLD, v->pal.accent, hx(st, HX_ARITH));
    y += h + 0.25 * u;
    return y + varith_body(v, (view_rect){x - 0.6 * u, y, w + 1.2 * u, 0}, stage, 0, draw);
}

void view_draw_stage_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                          int stage, const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    if (stage < 0 || stage >= sc->table.count) {
        vctx_end(&v);
        return;
    }
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    char right[64];
    stage_of(sc, st, stage, right, sizeof right);
    double y = page_frame(&v, pg, right), bottom = page_bottom(&v);
    /* the window's stage grid takes the room the words leave */
    double words = stage_words(&v, x, 0, w, stage, 0);
    double gh = fmin(46 * u, bottom - y - words - 0.8 * u);
    view_state gs = sub_state(st, VIEW_GRID, stage);
    view_draw_grid(cr, (view_rect){x, y, w, gh}, sc, &gs);
    stage_words(&v, x, y + gh + 0.8 * u, w, stage, 1);
    vctx_end(&v);
}

void view_draw_filters_page(cairo_t *cr, view_rect r, const view_scene *sc,
                            const view_state *st, const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL), bottom = page_bottom(&v);
    double words = section(&v, x, 0, w, NULL, hx(st, HX_FILT_TEXT), 0);
    double fh = fmin(40 * u, bottom - y - words - u);
    view_state fs = sub_state(st, VIEW_FILTERS, 0);
    view_draw_filters(cr, (view_rect){x, y, w, fh}, sc, &fs);
    section(&v, x, y + fh + u, w, NULL, hx(st, HX_FILT_TEXT), 1);
    vctx_end(&v);
}

/* One LRN view (at its own opening channel and unit, or channel c's) of height h, then its
 * paragraph; returns the y below them. */
static double lrn_block(vctx *v, double x, double y, double w, double h, int stage, int c,
                        const char *text)
{
    view_state ls = sub_state(v->st, VIEW_LRN, stage);
    view_state_reset_lrn(&ls, v->sc);
    ls.channel = c;
    ls.unit_x = ls.unit_y = -1;
    view_draw_lrn(v->cr, (view_rect){x - 0.6 * v->u, y, w + 1.2 * v->u, h}, v->sc, &ls);
    return section(v, x, y + h + 0.3 * v->u, w, NULL, text, 1) + 0.5 * v->u;
}

void view_draw_lrn_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                        int stage, const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    char right[64], first[1024], second[1024];
    stage_of(sc, st, stage, right, sizeof right);
    double y = page_frame(&v, pg, right), bottom = page_bottom(&v);
    /* where LRN damps the most */
    view_state ls = sub_state(st, VIEW_LRN, stage);
    view_state_reset_lrn(&ls, sc);
    ls.channel = -1;
    int c = 0, ux, uy;
    view_shown_unit(sc, &ls, &c, &ux, &uy);
    snprintf(first, sizeof first, hx(st, HX_LRN_TEXT), c, ux, uy);
    /* the last channel of tower A, whose window reaches into tower B: where Caffe and
     * Krizhevsky's two GPUs disagree */
    const net_stage *s = &sc->table.s[stage];
    int C = s->in_c, before = (s->lrn.n - 1) / 2, after = s->lrn.n - 1 - before;
    int edge = C >= 2 && s->lrn.n > 1;
    if (edge)
        snprintf(second, sizeof second,
                 hx(st, s->lrn.within_towers ? HX_LRN_EDGE_WITHIN : HX_LRN_EDGE_ACROSS), C / 2 - 1,
                 s->lrn.n, C / 2 - after, C / 2 - 1 + before);
    double p1 = section(&v, x, 0, w, NULL, first, 0) + 0.8 * u;
    double p2 = edge ? section(&v, x, 0, w, NULL, second, 0) + 0.8 * u : 0;
    double room = bottom - y - p1 - p2, h = edge ? room / 2 : room;
    if (edge && h < 28 * u)
        edge = 0, h = bottom - y - p1; /* one block, large enough to read */
    y = lrn_block(&v, x, y, w, fmin(h, 40 * u), stage, -1, first);
    if (edge)
        lrn_block(&v, x, y, w, fmin(h, 40 * u), stage, C / 2 - 1, second);
    vctx_end(&v);
}

/* ---------------------------------------------------------------- tables */

/* A table of rows × cols cells: each column as wide as its widest cell at the table's size
 * (the widest column, `flex`, takes what is left and wraps), right-aligned where right[k] is
 * set. Returns the height; draws when draw is set; shade: every other row. */
typedef struct {
    int rows, cols, flex;
    const char *(*cell)(void *ctx, int row, int col, int *bold, vrgb *c);
    void *ctx;
    const int *right;
    double fs;
} table;

static double table_flow(vctx *v, const table *t, double x, double y, double w, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, pad = 0.5 * u, cw[8] = {0}, sum = 0, y0 = y;
    for (int k = 0; k < t->cols; k++) {
        for (int r = 0; r < t->rows; r++) {
            int bold = 0;
            vrgb c;
            double tw;
            const char *text = t->cell(t->ctx, r, k, &bold, &c);
            vtext_size(v, t->fs, bold, text, &tw, NULL);
            cw[k] = fmax(cw[k], tw + 2 * pad);
        }
        if (k != t->flex)
            sum += cw[k];
    }
    cw[t->flex] = fmax(4 * u, w - sum); /* the table spans the page */
    double scale = sum + cw[t->flex] > w ? w / (sum + cw[t->flex]) : 1;
    for (int r = 0; r < t->rows; r++) {
        double rh = 0, cx = x;
        for (int k = 0; k < t->cols; k++) {
            int bold = 0;
            vrgb c;
            const char *s = t->cell(t->ctx, r, k, &bold, &c);
            rh = fmax(rh, vtext_para_size(v, cw[k] * scale - 2 * pad, t->fs, bold, s, NULL));
        }
        rh += 0.3 * u;
        if (draw) {
            if (r == 0)
                vfill(v, x, y + rh - fmax(0.5, 0.06 * u), w, fmax(0.5, 0.06 * u), pal->line);
            else if (r % 2)
                vfill(v, x, y, w, rh, vmix(pal->bg, pal->panel, 0.6));
            for (int k = 0; k < t->cols; k++) {
                int bold = 0;
                vrgb c = pal->fg;
                const char *s = t->cell(t->ctx, r, k, &bold, &c);
                double tw, cwk = cw[k] * scale;
                vtext_para_size(v, cwk - 2 * pad, t->fs, bold, s, &tw);
                double tx = t->right[k] ? cx + cwk - pad - tw : cx + pad;
                vtext_para_as(v, tx, y + 0.15 * u, cwk - 2 * pad, t->fs, bold, c, s);
                cx += cwk;
            }
        }
        y += rh;
    }
    return y - y0;
}

/* The stage table: a header, one row per stage, the totals. */
typedef struct {
    vctx *v;
    char cells[NET_MAX_STAGES + 2][6][160];
    vrgb colour[NET_MAX_STAGES + 2];
    int bold[NET_MAX_STAGES + 2];
} stage_cells;

static const char *stage_cell(void *ctx, int row, int col, int *bold, vrgb *c)
{
    stage_cells *t = ctx;
    *bold = t->bold[row] || (col == 0 && row > 0);
    *c = t->colour[row];
    return t->cells[row][col];
}

void view_draw_table_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                          const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL);
    double h = vtext_para_size(&v, w, T_TITLE, VT_BOLD, hx(st, HX_TABLE_TITLE), NULL);
    vtext_para_as(&v, x, y, w, T_TITLE, VT_BOLD, pal->fg, hx(st, HX_TABLE_TITLE));
    y += h + 0.6 * u;
    static stage_cells t; /* 25 rows of 6 cells: too large for the stack of a worker */
    memset(&t, 0, sizeof t);
    t.v = &v;
    const hx_id head[6] = {HX_COL_STAGE, HX_COL_OP, HX_COL_OUT, HX_COL_PARAMS, HX_COL_MACS,
                           HX_COL_FIELD};
    for (int k = 0; k < 6; k++)
        snprintf(t.cells[0][k], sizeof t.cells[0][k], "%s", hx(st, head[k]));
    t.colour[0] = pal->dim, t.bold[0] = 1;
    int64_t pt = 0, mt = 0, pconv = 0, mconv = 0;
    for (int i = 0; i < sc->table.count; i++) {
        const net_stage *s = &sc->table.s[i];
        char (*c)[160] = t.cells[i + 1];
        snprintf(c[0], sizeof c[0], "%s", s->name);
        vfmt_op(&v, s, c[1], sizeof c[1]);
        vfmt_shape(s->out_c, s->out_h, s->out_w, c[2], sizeof c[2]);
        if (s->params)
            net_fmt_count(s->params, c[3], sizeof c[3]);
        if (s->macs)
            net_fmt_count(s->macs, c[4], sizeof c[4]);
        if (s->rf_jump)
            snprintf(c[5], sizeof c[5], "%d", s->rf);
        t.colour[i + 1] = s->params ? pal->fg : pal->dim;
        pt += s->params, mt += s->macs;
        if (s->op == NET_OP_CONV)
            pconv += s->params, mconv += s->macs;
    }
    int last = sc->table.count + 1;
    snprintf(t.cells[last][0], sizeof t.cells[last][0], "%s", hx(st, HX_TOTAL));
    net_fmt_count(pt, t.cells[last][3], sizeof t.cells[last][3]);
    net_fmt_count(mt, t.cells[last][4], sizeof t.cells[last][4]);
    t.colour[last] = pal->fg, t.bold[last] = 1;
    static const int right[6] = {0, 0, 0, 1, 1, 1};
    table tb = {last + 1, 6, 1, stage_cell, &t, right, T_BODY};
    /* the table at the body size, or smaller (never under T_MIN) when the page is short */
    char note[512];
    snprintf(note, sizeof note, hx(st, HX_TABLE_NOTE), pt ? 100.0 * pconv / pt : 0.0,
             mt ? 100.0 * mconv / mt : 0.0);
    double nh = section(&v, x, 0, w, NULL, note, 0);
    while (tb.fs > T_MIN && table_flow(&v, &tb, x, y, w, 0) + nh > page_bottom(&v) - y)
        tb.fs = fmax(T_MIN, tb.fs - 0.04);
    y += table_flow(&v, &tb, x, y, w, 1) + 0.8 * u;
    section(&v, x, y, w, NULL, note, 1);
    vctx_end(&v);
}

/* The eight learned layers: their stages, parameters and MACs with their share. */
typedef struct {
    char cells[10][4][96];
    vrgb colour[10][4];
} layer_cells;

static const char *layer_cell(void *ctx, int row, int col, int *bold, vrgb *c)
{
    layer_cells *t = ctx;
    *bold = row == 0 || col == 0;
    *c = t->colour[row][col];
    return t->cells[row][col];
}

void view_draw_layers_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                           const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL);
    double h = vtext_para_size(&v, w, T_TITLE, VT_BOLD, hx(st, HX_BY_LAYER), NULL);
    vtext_para_as(&v, x, y, w, T_TITLE, VT_BOLD, pal->fg, hx(st, HX_BY_LAYER));
    y += h + 0.6 * u;
    layer_cells t;
    memset(&t, 0, sizeof t);
    const hx_id head[4] = {HX_COL_LAYER, HX_COL_STAGES, HX_COL_PARAMS, HX_COL_MACS};
    for (int k = 0; k < 4; k++) {
        snprintf(t.cells[0][k], sizeof t.cells[0][k], "%s", hx(st, head[k]));
        t.colour[0][k] = pal->dim;
    }
    int64_t pt = 0, mt = 0;
    for (int i = 0; i < sc->table.count; i++)
        pt += sc->table.s[i].params, mt += sc->table.s[i].macs;
    int rows = 1;
    for (int l = 1; l <= 8; l++) {
        int64_t p = 0, mm = 0;
        int first = -1, last = -1;
        for (int i = 0; i < sc->table.count; i++)
            if (sc->table.s[i].layer == l) {
                p += sc->table.s[i].params, mm += sc->table.s[i].macs;
                first = first < 0 ? i : first;
                last = i;
            }
        if (first < 0)
            continue;
        char a[32], b[32];
        snprintf(t.cells[rows][0], sizeof t.cells[rows][0], vtext(&v, TX_LAYER), l);
        snprintf(t.cells[rows][1], sizeof t.cells[rows][1], "%s – %s", sc->table.s[first].name,
                 sc->table.s[last].name);
        net_fmt_count(p, a, sizeof a);
        net_fmt_count(mm, b, sizeof b);
        snprintf(t.cells[rows][2], sizeof t.cells[rows][2], "%s  (%.1f%%)", a,
                 pt ? 100.0 * p / pt : 0.0);
        snprintf(t.cells[rows][3], sizeof t.cells[rows][3], "%s  (%.1f%%)", b,
                 mt ? 100.0 * mm / mt : 0.0);
        t.colour[rows][0] = t.colour[rows][1] = pal->fg;
        t.colour[rows][2] = pal->tower_a, t.colour[rows][3] = pal->tower_b;
        rows++;
    }
    static const int right[4] = {0, 0, 1, 1};
    table tb = {rows, 4, 1, layer_cell, &t, right, T_BODY};
    y += table_flow(&v, &tb, x, y, w, 1) + 1.4 * u;
    /* the window's per-layer chart: where the weights are, where the work is */
    varith_chart(&v, (view_rect){x, y, w, page_bottom(&v) - y}, -1, 1);
    vctx_end(&v);
}
