/* text.c: the table of every user-visible string, English beside Korean.
 *
 * Printf conversions are kept in the same order in both languages (tests/test_views.c checks
 * it), so a caller formats either with the same arguments. Stage names (conv1, norm2, …),
 * formulas and numbers are the same in both languages and are not in the table.
 */
#include "text.h"

#include <string.h>

static const char *const table[TX_COUNT][TEXT_LANGS] = {
    [TX_VIEW_PIPELINE] = {"Pipeline", "파이프라인"},
    [TX_VIEW_GRID] = {"Maps", "특성 맵"},
    [TX_VIEW_ZOOM] = {"Zoom", "확대"},
    [TX_VIEW_LRN] = {"LRN", "LRN"},
    [TX_VIEW_ARITH] = {"Arithmetic", "계산"},
    [TX_VIEW_FILTERS] = {"Filters", "필터"},
    [TX_VIEW_PRED] = {"Top-5", "예측"},
    [TX_VIEW_PIPELINE_SHORT] = {"All", "전체"},
    [TX_VIEW_GRID_SHORT] = {"Maps", "맵"},
    [TX_VIEW_ZOOM_SHORT] = {"Zoom", "확대"},
    [TX_VIEW_LRN_SHORT] = {"LRN", "LRN"},
    [TX_VIEW_ARITH_SHORT] = {"Calc", "계산"},
    [TX_VIEW_FILTERS_SHORT] = {"Filt.", "필터"},
    [TX_VIEW_PRED_SHORT] = {"Top-5", "예측"},

    [TX_TITLE] = {"alexviz — %s", "alexviz — %s"},
    [TX_TOWER_A] = {"Tower A (GPU 1)", "타워 A (GPU 1)"},
    [TX_TOWER_B] = {"Tower B (GPU 2)", "타워 B (GPU 2)"},
    [TX_ONE_BLOCK] = {"both towers joined", "두 타워가 합쳐짐"},
    [TX_TOWER_RANGE] = {"%d maps · channels %d–%d", "맵 %d개 · 채널 %d–%d"},
    [TX_VECTOR_RANGE] = {"%d values · units %d–%d", "값 %d개 · 유닛 %d–%d"},
    [TX_INPUT] = {"input", "입력"},
    [TX_UNTRAINED] = {"UNTRAINED", "학습 안 됨"},
    [TX_UNTRAINED_NOTE] = {"seeded weights: the classes mean nothing (make weights fetches the "
                           "trained ones)",
                           "시드로 만든 가중치라 클래스에 의미가 없습니다 (학습된 가중치는 "
                           "make weights로 받습니다)"},
    [TX_NOT_YET] = {"%s has not been computed yet", "%s 단계는 아직 계산되지 않았습니다"},
    [TX_LOADING] = {"building the network…", "네트워크를 만드는 중…"},
    [TX_NET_FAILED] = {"no network: the weights could not be loaded (the message says why); "
                       "start again with other --weights, or --weights default",
                       "네트워크 없음: 가중치를 읽지 못했습니다 (이유는 메시지에 있습니다). "
                       "다른 --weights나 --weights default로 다시 시작하세요"},
    [TX_NO_PHOTO] = {"no photo yet: drop one on the window, or PageDown for the bundled ones",
                     "사진이 없습니다: 창에 사진을 끌어다 놓거나 PageDown으로 내장 사진을 "
                     "고르세요"},
    [TX_NO_STAGES] = {"no stages", "단계가 없습니다"},

    [TX_EXPLAIN_CONV] = {"each filter slides over the image and answers where its pattern "
                         "appears",
                         "각 필터가 이미지 위를 훑으며 자기 패턴이 있는 곳에서 크게 반응합니다"},
    [TX_EXPLAIN_CONV_GROUPS] = {"each tower's filters read only that tower's own maps",
                                "각 타워의 필터는 자기 타워의 맵만 읽습니다"},
    [TX_EXPLAIN_CONV_BOTH] = {"every filter reads the maps of both towers: the towers talk here",
                              "모든 필터가 두 타워의 맵을 모두 읽습니다: 여기서 타워가 "
                              "만납니다"},
    [TX_EXPLAIN_RELU] = {"negative values become 0, positive values pass unchanged",
                         "음수는 0이 되고 양수는 그대로 통과합니다"},
    [TX_EXPLAIN_LRN] = {"each value is divided by the energy of its neighbouring channels",
                        "각 값을 이웃 채널들의 에너지로 나눕니다"},
    [TX_EXPLAIN_POOL] = {"keeps the largest value of each 3×3 window, stride 2: maps shrink",
                         "3×3 창마다 가장 큰 값만 남깁니다 (스트라이드 2): 맵이 작아집니다"},
    [TX_EXPLAIN_FC] = {"every output is a weighted sum of all inputs, from both towers",
                       "모든 출력은 두 타워에 걸친 모든 입력의 가중합입니다"},
    [TX_EXPLAIN_DROPOUT] = {"dropout: nothing happens at inference, only in training",
                            "드롭아웃: 추론 때는 아무 일도 하지 않습니다 (학습 때만)"},
    [TX_EXPLAIN_SOFTMAX] = {"turns the 1000 scores into probabilities that add up to 1",
                            "1000개의 점수를 합이 1인 확률로 바꿉니다"},

    [TX_OP_CONV] = {"convolution %d×%d, stride %d, pad %d, %d filters",
                    "합성곱 %d×%d, 스트라이드 %d, 패딩 %d, 필터 %d개"},
    [TX_OP_CONV_GROUPS] = {"convolution %d×%d, stride %d, pad %d, %d filters in %d groups",
                           "합성곱 %d×%d, 스트라이드 %d, 패딩 %d, 필터 %d개, 그룹 %d개"},
    [TX_OP_RELU] = {"ReLU: max(0, x)", "ReLU: max(0, x)"},
    [TX_OP_LRN] = {"local response normalisation over %d channels",
                   "국소 응답 정규화 (채널 %d개)"},
    [TX_OP_POOL] = {"max pooling %d×%d, stride %d", "최대 풀링 %d×%d, 스트라이드 %d"},
    [TX_OP_FC] = {"fully connected, %d outputs", "완전 연결층, 출력 %d개"},
    [TX_OP_DROPOUT] = {"dropout (identity at inference)", "드롭아웃 (추론 때는 그대로 통과)"},
    [TX_OP_SOFTMAX] = {"softmax", "소프트맥스"},

    [TX_READS_IMAGE] = {"both towers see the whole image", "두 타워 모두 이미지 전체를 봅니다"},
    [TX_READS_OWN] = {"each tower reads only its own maps", "각 타워는 자기 맵만 읽습니다"},
    [TX_READS_BOUNDARY] = {"own tower, but the LRN window crosses the boundary next to it",
                           "자기 타워를 읽지만, 경계 옆 채널에서는 LRN 창이 경계를 넘습니다"},
    [TX_READS_BOTH] = {"every output reads both towers", "모든 출력이 두 타워를 읽습니다"},
    [TX_READS_ALL] = {"one vector: no towers any more", "하나의 벡터: 더는 타워로 나뉘지 않습니다"},

    [TX_PIPE_LEGEND_OWN] = {"each tower reads its own", "각 타워가 자기 맵만 읽음"},
    [TX_PIPE_LEGEND_BOTH] = {"reads both towers", "두 타워를 모두 읽음"},
    [TX_PIPE_LEGEND_LRN] = {"LRN window crosses the boundary", "LRN 창이 경계를 넘음"},
    [TX_PIPE_CLICK] = {"click a stage to open its maps", "단계를 누르면 맵이 열립니다"},
    [TX_RUN_TITLE] = {"this run", "이번 실행"},
    [TX_RUN_WEIGHTS] = {"weights: %s", "가중치: %s"},
    [TX_RUN_SEEDED] = {"weights: seeded, untrained (seed %llu)",
                       "가중치: 학습되지 않음 (시드 %llu로 생성)"},
    [TX_RUN_INPUT] = {"input: %d×%d, %s, 0–255 minus the mean (%.0f, %.0f, %.0f)",
                      "입력: %d×%d, %s, 0–255 값에서 평균 (%.0f, %.0f, %.0f)을 뺌"},
    [TX_RUN_INPUT_SCALED] = {"input: %d×%d, %s, pixels × %g minus the mean (%.3g, %.3g, %.3g)",
                             "입력: %d×%d, %s, 픽셀 × %g에서 평균 (%.3g, %.3g, %.3g)을 뺌"},
    [TX_RUN_LRN_BEFORE] = {"LRN before pooling (paper, Caffe)", "풀링 앞에 LRN (논문, Caffe)"},
    [TX_RUN_LRN_AFTER] = {"LRN after pooling (CaffeNet, the notes)",
                          "풀링 뒤에 LRN (CaffeNet, 강의 노트)"},
    [TX_RUN_POOL_CEIL] = {"pools round up (ceil)", "풀링은 올림 (ceil)"},
    [TX_RUN_POOL_FLOOR] = {"pools round down (floor)", "풀링은 내림 (floor)"},
    [TX_RUN_LRN_CAFFE] = {"LRN k=1, α/n (Caffe, ONNX)", "LRN k=1, α/n (Caffe, ONNX)"},
    [TX_RUN_LRN_PAPER] = {"LRN k=2, α (the paper)", "LRN k=2, α (논문)"},
    [TX_RUN_LRN_ACROSS] = {"its window spans both towers", "창이 두 타워에 걸침"},
    [TX_RUN_LRN_WITHIN] = {"its window stays in each tower", "창이 각 타워 안에 머묾"},
    [TX_LAYER] = {"layer %d", "%d층"},
    [TX_LAYER_SHORT] = {"L%d", "%d층"},

    [TX_STATUS_STAGE] = {"%s (%d of %d)", "%s (%d / %d)"},
    [TX_STATUS_DONE] = {"the pass is complete", "모든 단계를 계산했습니다"},
    [TX_STATUS_RUNNING] = {"computing…", "계산 중…"},
    [TX_STATUS_PLAYING] = {"playing: one stage every %d ms (P stops)",
                           "재생 중: %d ms마다 한 단계 (P로 멈춤)"},
    [TX_STATUS_STEP_ON] = {"step-through", "단계별 실행"},
    [TX_STATUS_HELP] = {"H: keys", "H: 키 도움말"},
    [TX_STATUS_COMPUTED] = {"computed in this pass: %s", "이번에 계산한 단계: %s"},
    [TX_STATUS_NOTHING_YET] = {"nothing computed yet", "아직 아무것도 계산하지 않았습니다"},
    [TX_STATUS_NOT_YET] = {"%s is not computed yet in this pass", "%s 단계는 아직 계산하지 않았습니다"},
    [TX_STATUS_WAITS] = {"the pass waits after %s", "계산이 %s 다음에서 기다리는 중입니다"},
    [TX_STATUS_SHOWS] = {"→ shows %s", "→: %s 보기"},
    [TX_STATUS_COMPUTES] = {"→ or Space computes %s: %s", "→ 또는 Space: %s 계산 — %s"},
    [TX_STATUS_NONFINITE] = {"NaN or ∞ from %s on: float32 overflowed",
                             "%s부터 NaN 또는 ∞: float32 범위를 넘었습니다"},

    [TX_CONTRAST_STAGE] = {"contrast: one scale for the whole stage",
                           "대비: 단계 전체에 눈금 하나"},
    [TX_CONTRAST_MAP] = {"contrast: each map stretched to its own range",
                         "대비: 맵마다 자기 범위로 늘림"},
    [TX_SCALE_CLIP] = {"above %s: shown as brightest", "%s 이상은 가장 밝게 표시"},
    [TX_SCALE_MAP] = {"each map: its own range", "맵마다 자기 범위"},
    [TX_SCALE_MINMAX] = {"min %s · max %s", "최솟값 %s · 최댓값 %s"},
    [TX_SCALE_NONFINITE] = {"%zu NaN and %zu ±∞ values (grey: no value)",
                            "NaN %zu개, ±∞ %zu개 (회색: 값 없음)"},
    [TX_FC_CELLS] = {"%d values, one cell each (%d×%d)", "값 %d개, 칸 하나에 값 하나 (%d×%d)"},
    [TX_MAP_HOVER] = {"channel %d · max %s", "채널 %d · 최댓값 %s"},
    [TX_ZOOMED] = {"zoom %.0f%% (wheel; 0 resets)", "확대 %.0f%% (휠로 조절, 0: 원래대로)"},
    [TX_KEYS_CHANNEL] = {"↑ ↓ [ ] J: another channel", "↑ ↓ [ ] J: 다른 채널"},
    [TX_KEYS_UNIT] = {"↑ ↓ [ ]: another unit", "↑ ↓ [ ]: 다른 유닛"},

    [TX_ZOOM_CHANNEL] = {"channel %d of %d", "채널 %d / %d"},
    [TX_ZOOM_UNIT_OF] = {"unit %d of %d (one value each)", "유닛 %d / %d (유닛마다 값 하나)"},
    [TX_ZOOM_VALUE] = {"%s[%d] = %s", "%s[%d] = %s"},
    [TX_ZOOM_UNIT] = {"unit (%d, %d) = %s", "유닛 (%d, %d) = %s"},
    [TX_ZOOM_FIELD] = {"sees %d×%d input pixels from (%d, %d)",
                       "입력의 %d×%d 픽셀을 봅니다, 시작점 (%d, %d)"},
    [TX_ZOOM_JUMP] = {"neighbouring units look %d px apart", "이웃 유닛은 %d픽셀 떨어진 곳을 봅니다"},
    [TX_ZOOM_PHOTO] = {"what the network sees (%d×%d)", "네트워크가 보는 입력 (%d×%d)"},
    [TX_ZOOM_VECTOR] = {"%s is a vector: one value per unit, each sees the whole photo",
                        "%s 단계는 벡터입니다: 유닛마다 값 하나, 각 유닛이 사진 전체를 봅니다"},
    [TX_ZOOM_CLIPPED] = {"(the part outside the photo is padding)", "(사진 밖은 제로 패딩)"},

    [TX_LRN_BEFORE] = {"before (%s)", "전 (%s)"},
    [TX_LRN_AFTER] = {"after (its own range)", "후 (자체 범위)"},
    [TX_LRN_AFTER_SHARED] = {"after (on the before map's range: damping darkens)",
                             "후 (전 맵과 같은 범위: 줄어든 만큼 어두워짐)"},
    [TX_LRN_RATIO] = {"after ÷ before: what each unit kept (grey: a = 0, no ratio)",
                      "후 ÷ 전: 유닛마다 남은 비율 (회색: a = 0, 비율 없음)"},
    [TX_LRN_CAFFE] = {"Caffe / ONNX formula: s = α/n", "Caffe / ONNX 공식: s = α/n"},
    [TX_LRN_PAPER] = {"the paper's formula: s = α", "논문의 공식: s = α"},
    [TX_LRN_ACROSS] = {"window across all %d channels (Caffe)", "창이 채널 %d개 전체에 걸침 (Caffe)"},
    [TX_LRN_WITHIN] = {"window within each tower (Krizhevsky's two GPUs)",
                       "창은 각 타워 안에서만 (Krizhevsky의 GPU 두 개)"},
    [TX_LRN_KEYS] = {"n N · k K · a A · b B change n, k, α, β (lower/upper case: down/up) · V "
                     "formula · W window · X reset · C one range for before and after · click: "
                     "another unit",
                     "n N · k K · a A · b B로 n, k, α, β 조절 (소문자: 줄이기, 대문자: 늘리기) · "
                     "V 공식 · W 창 · X 초기화 · C 전과 후를 같은 범위로 · 클릭: 다른 유닛"},
    [TX_LRN_KEEPS] = {"on average this channel keeps %.1f%% of its value",
                      "이 채널은 평균적으로 값의 %.1f%%를 유지합니다"},
    [TX_LRN_WINDOW] = {"the channels in channel %d's window", "채널 %d의 창에 든 채널"},
    [TX_LRN_CHANGED] = {"changed: the net itself ran other parameters",
                        "바뀜: 네트워크는 다른 값으로 계산했습니다"},
    [TX_LRN_SAME] = {"the parameters the net ran", "네트워크가 계산에 쓴 값"},
    [TX_LRN_BOUNDARY] = {"across and within differ only next to the tower boundary: channels %d–%d",
                         "두 창 방식은 타워 경계 옆 채널 %d–%d에서만 결과가 다릅니다"},
    [TX_LRN_NONE] = {"LRN has not been computed yet", "LRN이 아직 계산되지 않았습니다"},
    [TX_LRN_AT] = {"at unit (%d, %d)", "유닛 (%d, %d)에서"},

    [TX_AR_OUTPUT] = {"output size", "출력 크기"},
    [TX_AR_PARAMS] = {"parameters", "파라미터"},
    [TX_AR_MACS] = {"multiply-accumulates", "곱셈-누산"},
    [TX_AR_FIELD] = {"receptive field", "수용 영역"},
    [TX_AR_TOWERS] = {"towers", "타워"},
    [TX_AR_FIELD_LINE] = {"one unit sees %d×%d input pixels; neighbours are %d px apart",
                          "유닛 하나가 입력의 %d×%d 픽셀을 보고, 이웃과는 %d픽셀 간격입니다"},
    [TX_AR_FIELD_ALL] = {"every unit sees the whole photo", "모든 유닛이 사진 전체를 봅니다"},
    [TX_AR_TOTALS] = {"running total up to %s", "%s까지의 누계"},
    [TX_AR_OF] = {"%s of %s (%.1f%%)", "%s / %s (%.1f%%)"},
    [TX_AR_224] = {"The paper says 224, but floor((224 − 11)/4) + 1 = 54, not 55: Caffe's 227 "
                   "makes the arithmetic work.",
                   "논문은 224라고 하지만 floor((224 − 11)/4) + 1 = 54이지 55가 아닙니다: "
                   "Caffe의 227이어야 계산이 맞습니다."},
    [TX_AR_224_ZOO] = {"224 input (ONNX zoo): conv1 gives 54, and the pools round up (ceil) to "
                       "reach 27, 13 and 6, so fc6 still gets 6·6·256 = 9216.",
                       "224 입력 (ONNX 모델 저장소): conv1은 54가 되지만, 풀링이 올림(ceil)을 써서 "
                       "27, 13, 6이 되므로 fc6은 여전히 6·6·256 = 9216개 값을 받습니다."},
    [TX_AR_MACS_SHORT] = {"MACs", "곱셈-누산"},
    [TX_AR_NO_PARAMS] = {"no parameters", "파라미터 없음"},
    [TX_AR_NO_MACS] = {"no multiply-accumulates", "곱셈-누산 없음"},
    [TX_AR_KEEPS] = {"%s keeps the shape: %s", "%s: 크기는 그대로 %s"},
    [TX_AR_FLATTEN] = {"flatten %d·%d·%d = %d → %d", "펼치기 %d·%d·%d = %d → %d"},
    [TX_AR_CEIL_DIFF] = {"(floor would give %d)", "(내림이면 %d)"},
    [TX_AR_CEIL_SAME] = {"(floor gives the same)", "(내림도 같음)"},
    [TX_AR_SHAPE] = {"%s → %s", "%s → %s"},

    [TX_FILT_TITLE] = {"conv1's 96 filters, 11×11×3 each, shown as RGB (stored BGR)",
                       "conv1의 필터 96개, 각각 11×11×3, RGB로 표시 (저장 순서는 BGR)"},
    [TX_FILT_A] = {"in the paper: mostly colour-agnostic edges", "논문에서는 주로 색과 무관한 경계선"},
    [TX_FILT_B] = {"in the paper: colour blobs and colour edges", "논문에서는 색 얼룩과 색 경계"},
    [TX_FILT_SEEDED] = {"seeded filters, built to resemble what training produces",
                        "학습 결과를 닮도록 시드로 만든 필터"},
    [TX_FILT_NONE] = {"the weights are not ready yet", "가중치가 아직 준비되지 않았습니다"},

    [TX_PRED_TITLE] = {"the five most likely classes", "가능성이 가장 높은 클래스 5개"},

    [TX_HELP_TITLE] = {"Keys", "키"},
    [TX_KEYNAME_WHEEL] = {"wheel", "휠"},
    [TX_KEYNAME_CLICK] = {"click", "클릭"},
    [TX_KEY_NEXT] = {"next stage (in step-through: compute it)", "다음 단계 (단계별 실행 중이면 계산)"},
    [TX_KEY_BACK] = {"previous stage", "이전 단계"},
    [TX_KEY_ENDS] = {"first / last computed stage", "첫 단계 / 마지막으로 계산한 단계"},
    [TX_KEY_VIEWS] = {"views: pipeline, maps, zoom, LRN, arithmetic, filters, top-5",
                      "보기: 파이프라인, 맵, 확대, LRN, 계산, 필터, 예측"},
    [TX_KEY_STEP] = {"step-through on / off (pause after every stage)",
                     "단계별 실행 켜기 / 끄기 (단계마다 멈춤)"},
    [TX_KEY_PLAY] = {"play the rest / stop", "나머지 재생 / 멈춤"},
    [TX_KEY_PACE] = {"play slower / faster", "느리게 / 빠르게 재생"},
    [TX_KEY_RERUN] = {"run the pass again", "다시 계산"},
    [TX_KEY_CHANNEL] = {"channel −1 / +1, −10 / +10; J: next to the tower boundary (zoom, LRN)",
                        "채널 −1 / +1, −10 / +10; J: 타워 경계 옆 (확대, LRN)"},
    [TX_KEY_CONTRAST] = {"contrast: per stage / per map", "대비: 단계별 / 맵별"},
    [TX_KEY_ZOOM] = {"zoom the maps (drag moves; 0 resets)", "맵 확대 (끌면 이동, 0: 원래대로)"},
    [TX_KEY_SCALE] = {"larger / smaller text", "글자 크게 / 작게"},
    [TX_KEY_FULL] = {"fullscreen", "전체 화면"},
    [TX_KEY_THEME] = {"dark / light theme", "어두운 / 밝은 테마"},
    [TX_KEY_LANG] = {"English / 한국어", "English / 한국어"},
    [TX_KEY_PHOTO] = {"previous / next bundled photo", "이전 / 다음 내장 사진"},
    [TX_KEY_DROP] = {"drop a photo on the window to use it", "창에 사진을 끌어다 놓으면 그 사진을 씁니다"},
    [TX_KEY_SAVE] = {"save this view as a PNG", "지금 보기를 PNG로 저장"},
    [TX_KEY_LRN] = {"LRN view: change n, k, α, β; formula; window; reset",
                    "LRN 보기: n, k, α, β 조절 · 공식 · 창 · 초기화"},
    [TX_KEY_CLICK] = {"click a stage, a map or a unit to open it",
                      "단계, 맵, 유닛을 누르면 열립니다"},
    [TX_KEY_HELP] = {"this help", "이 도움말"},
    [TX_KEY_QUIT] = {"quit", "끝내기"},

    [TX_MSG_SAVED] = {"saved %s", "저장했습니다: %s"},
    [TX_MSG_SAVE_FAILED] = {"cannot save: %s", "저장할 수 없습니다: %s"},
    [TX_MSG_PHOTO_FAILED] = {"cannot use this photo: %s", "이 사진을 쓸 수 없습니다: %s"},
    [TX_MSG_NO_ASSETS] = {"no bundled photos found (assets/)", "내장 사진을 찾을 수 없습니다 (assets/)"},
};

const char *text_get(text_id id, text_lang lang)
{
    if ((unsigned)id >= TX_COUNT)
        return "";
    if ((unsigned)lang >= TEXT_LANGS)
        lang = TEXT_EN;
    const char *s = table[id][lang];
    return s ? s : table[id][TEXT_EN] ? table[id][TEXT_EN] : "";
}

text_lang text_lang_from(const char *code)
{
    return code && !strncmp(code, "ko", 2) ? TEXT_KO : TEXT_EN;
}

const char *text_lang_code(text_lang lang) { return lang == TEXT_KO ? "ko" : "en"; }

void text_copy(char *dst, size_t n, const char *src)
{
    if (!n)
        return;
    size_t len = strlen(src);
    if (len >= n) {
        len = n - 1;
        /* back up over continuation bytes (10xxxxxx) to the start of a character */
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst, src, len);
    dst[len] = 0;
}
