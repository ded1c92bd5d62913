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
    [TX_VIEW_COMPUTE] = {"One unit", "유닛 계산"},
    [TX_VIEW_COMPUTE_SHORT] = {"Unit", "유닛"},

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
    [TX_OP_LRN] = {"local response normalisation over %d channels", "국소 응답 정규화 (채널 %d개)"},
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
    [TX_STATUS_NOT_YET] = {"%s is not computed yet in this pass",
                           "%s 단계는 아직 계산하지 않았습니다"},
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
    [TX_ZOOMED] = {"zoom %.0f%% (wheel; Z resets)", "확대 %.0f%% (휠로 조절, Z: 원래대로)"},
    [TX_KEYS_CHANNEL] = {"↑ ↓ [ ] J: another channel", "↑ ↓ [ ] J: 다른 채널"},
    [TX_KEYS_UNIT] = {"↑ ↓ [ ]: another unit", "↑ ↓ [ ]: 다른 유닛"},

    [TX_ZOOM_CHANNEL] = {"channel %d of %d", "채널 %d / %d"},
    [TX_ZOOM_UNIT_OF] = {"unit %d of %d (one value each)", "유닛 %d / %d (유닛마다 값 하나)"},
    [TX_ZOOM_VALUE] = {"%s[%d] = %s", "%s[%d] = %s"},
    [TX_ZOOM_UNIT] = {"unit (%d, %d) = %s", "유닛 (%d, %d) = %s"},
    [TX_ZOOM_FIELD] = {"sees %d×%d input pixels from (%d, %d)",
                       "입력의 %d×%d 픽셀을 봅니다, 시작점 (%d, %d)"},
    [TX_ZOOM_JUMP] = {"neighbouring units look %d px apart",
                      "이웃 유닛은 %d픽셀 떨어진 곳을 봅니다"},
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
    [TX_LRN_ACROSS] = {"window across all %d channels (Caffe)",
                       "창이 채널 %d개 전체에 걸침 (Caffe)"},
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
    [TX_FILT_A] = {"in the paper: mostly colour-agnostic edges",
                   "논문에서는 주로 색과 무관한 경계선"},
    [TX_FILT_B] = {"in the paper: colour blobs and colour edges", "논문에서는 색 얼룩과 색 경계"},
    [TX_FILT_SEEDED] = {"seeded filters, built to resemble what training produces",
                        "학습 결과를 닮도록 시드로 만든 필터"},
    [TX_FILT_NONE] = {"the weights are not ready yet", "가중치가 아직 준비되지 않았습니다"},

    [TX_PRED_TITLE] = {"the five most likely classes", "가능성이 가장 높은 클래스 5개"},

    [TX_HELP_TITLE] = {"Keys", "키"},
    [TX_KEYNAME_WHEEL] = {"wheel", "휠"},
    [TX_KEYNAME_CLICK] = {"click", "클릭"},
    [TX_KEY_NEXT] = {"next stage (in step-through: compute it)",
                     "다음 단계 (단계별 실행 중이면 계산)"},
    [TX_KEY_BACK] = {"previous stage", "이전 단계"},
    [TX_KEY_ENDS] = {"first / last computed stage", "첫 단계 / 마지막으로 계산한 단계"},
    [TX_KEY_VIEWS] = {"views: pipeline, maps, zoom, LRN, arithmetic, filters, top-5, one unit",
                      "보기: 파이프라인, 맵, 확대, LRN, 계산, 필터, 예측, 유닛 계산"},
    [TX_KEY_STEP] = {"step-through on / off (pause after every stage)",
                     "단계별 실행 켜기 / 끄기 (단계마다 멈춤)"},
    [TX_KEY_PLAY] = {"play the rest / stop", "나머지 재생 / 멈춤"},
    [TX_KEY_PACE] = {"play slower / faster", "느리게 / 빠르게 재생"},
    [TX_KEY_RERUN] = {"run the pass again", "다시 계산"},
    [TX_KEY_CHANNEL] = {"channel −1 / +1, −10 / +10; J: next to the tower boundary (zoom, LRN)",
                        "채널 −1 / +1, −10 / +10; J: 타워 경계 옆 (확대, LRN)"},
    [TX_KEY_CONTRAST] = {"contrast: per stage / per map", "대비: 단계별 / 맵별"},
    [TX_KEY_ZOOM] = {"zoom the maps (drag moves; Z resets)", "맵 확대 (끌면 이동, Z: 원래대로)"},
    [TX_KEY_SCALE] = {"larger / smaller text", "글자 크게 / 작게"},
    [TX_KEY_FULL] = {"fullscreen", "전체 화면"},
    [TX_KEY_THEME] = {"dark / light theme", "어두운 / 밝은 테마"},
    [TX_KEY_LANG] = {"English / 한국어", "English / 한국어"},
    [TX_KEY_PHOTO] = {"previous / next bundled photo", "이전 / 다음 내장 사진"},
    [TX_KEY_DROP] = {"drop a photo on the window to use it",
                     "창에 사진을 끌어다 놓으면 그 사진을 씁니다"},
    [TX_KEY_SAVE] = {"save this view as a PNG", "지금 보기를 PNG로 저장"},
    [TX_KEY_LRN] = {"LRN view: change n, k, α, β; formula; window; reset",
                    "LRN 보기: n, k, α, β 조절 · 공식 · 창 · 초기화"},
    [TX_KEY_SLIDE] = {"one unit: the window slides / pauses; one step; end of the row; back",
                      "유닛 계산: 창 움직이기 / 멈추기 · 한 칸 · 행 끝 · 유닛으로"},
    [TX_KEY_PLAYGROUND] = {"one unit: the playground; I, K, S, P down / up ([ ]: presets)",
                           "유닛 계산: 놀이터 · I, K, S, P 줄이기 / 늘리기 ([ ]: 미리 정한 값)"},
    [TX_COMP_KEYS] = {"A: slide the window along its row · G: the playground",
                      "A: 행을 따라 창 움직이기 · G: 놀이터"},
    [TX_KEY_CLICK] = {"click a stage, a map or a unit to open it",
                      "단계, 맵, 유닛을 누르면 열립니다"},
    [TX_KEY_HELP] = {"this help", "이 도움말"},
    [TX_KEY_QUIT] = {"quit", "끝내기"},

    [TX_MSG_SAVED] = {"saved %s", "저장했습니다: %s"},
    [TX_MSG_SAVE_FAILED] = {"cannot save: %s", "저장할 수 없습니다: %s"},
    [TX_MSG_PHOTO_FAILED] = {"cannot use this photo: %s", "이 사진을 쓸 수 없습니다: %s"},
    [TX_MSG_NO_ASSETS] = {"no bundled photos found (assets/)",
                          "내장 사진을 찾을 수 없습니다 (assets/)"},

    /* the compute view */
    [TX_COMP_NONE] = {"%s has nothing to take apart here: this view shows how one unit of a "
                      "convolution, a max pooling or a fully connected stage is computed",
                      "%s 단계는 여기서 풀어 볼 계산이 없습니다. 이 보기는 합성곱, 최대 풀링, "
                      "완전 연결층의 유닛 하나가 어떻게 계산되는지 보여 줍니다"},
    [TX_COMP_UNIT] = {"unit (%d, %d) of map %d", "유닛 (%d, %d), 특성 맵 %d"},
    [TX_COMP_WINDOW] = {"its window: rows %d–%d, columns %d–%d of the input",
                        "창: 입력의 %d–%d행, %d–%d열"},
    [TX_COMP_ORIGIN] = {"left edge = i·S − P = %d·%d − %d = %d",
                        "왼쪽 끝 = i·S − P = %d·%d − %d = %d"},
    [TX_COMP_OVERLAP] = {"stride %d < window %d: the next window (purple) shares %d of its columns",
                         "스트라이드 %d < 창 %d: 다음 창(보라색)과 %d열이 겹칩니다"},
    [TX_COMP_READS_IMAGE] = {"reads the photo's 3 channels (B, G, R after preprocessing)",
                             "사진의 채널 3개를 읽습니다 (전처리 뒤 B, G, R)"},
    [TX_COMP_READS_BOTH] = {"reads all %d maps, both towers", "두 타워의 맵 %d개를 모두 읽습니다"},
    [TX_COMP_READS_OWN] = {"reads only its tower's %d maps (%d–%d)",
                           "자기 타워의 맵 %d개(%d–%d)만 읽습니다"},
    [TX_COMP_PAD] = {"%d of the window's %d positions are padding (zeros)",
                     "패딩(0)인 칸: %d / 창 %d칸"},
    [TX_COMP_TOP] = {"channel %s: patch ⊙ kernel", "채널 %s: 패치 ⊙ 커널"},
    [TX_COMP_PATCH] = {"patch", "패치"},
    [TX_COMP_KERNEL] = {"kernel", "커널"},
    [TX_COMP_CELL] = {"row %d, column %d: %s × %s = %s", "%d행, %d열: %s × %s = %s"},
    [TX_COMP_POINT] = {"point at a cell for its numbers", "칸을 가리키면 숫자가 나옵니다"},
    [TX_COMP_CROP] = {"its pixels", "창의 픽셀"},
    [TX_COMP_TILE] = {"its kernel, RGB", "커널 (RGB)"},
    [TX_COMP_PART] = {"Σ patch × kernel = %s", "Σ 패치 × 커널 = %s"},
    [TX_COMP_BARS] = {"the sum per input channel (%d)", "입력 채널별 합 (%d개)"},
    [TX_COMP_SUM] = {"Σ over %d channels = %s", "채널 %d개의 합 = %s"},
    [TX_COMP_BIAS] = {"+ bias %s", "+ 편향 %s"},
    [TX_COMP_RELU] = {"ReLU: max(0, %s) = %s", "ReLU: max(0, %s) = %s"},
    [TX_COMP_PASS] = {"the pass computed %s", "순전파가 계산한 값: %s"},
    [TX_COMP_POOL_WINDOW] = {"the %d×%d window of map %d", "%d×%d 창, 맵 %d"},
    [TX_COMP_MAX] = {"the largest of its %d values", "값 %d개 가운데 가장 큰 값"},
    [TX_COMP_AT] = {"at row %d, column %d of the input", "입력의 %d행, %d열"},
    [TX_COMP_FC_UNIT] = {"unit %d of %d", "유닛 %d / %d"},
    [TX_COMP_FLAT] = {"%d inputs = %d channels × %d×%d, flattened channel by channel, row by "
                      "row",
                      "입력 %d개 = 채널 %d개 × %d×%d: 채널 순서로, 그 안에서 행 순서로 "
                      "펼칩니다"},
    [TX_COMP_FLAT_ORDER] = {"channel c holds inputs c·%d to c·%d + %d",
                            "채널 c는 입력 c·%d부터 c·%d + %d까지입니다"},
    [TX_COMP_VECTOR] = {"%d inputs: the previous stage's units", "입력 %d개: 앞 단계의 유닛"},
    [TX_COMP_FC_ROW] = {"row %d of W (%d weights) times the inputs, per channel",
                        "W의 %d행(가중치 %d개) × 입력, 채널별 합"},
    [TX_SLIDE_POS] = {"position %d of %d: output row %d, column %d",
                      "위치 %d / %d: 출력 %d행, %d열"},
    [TX_SLIDE_END] = {"the end of the row: a next window would start at column %d and end at %d, "
                      "past the last column %d",
                      "행의 끝: 다음 창은 %d열에서 시작해 %d열에서 끝나므로 마지막 열 %d을 "
                      "넘습니다"},
    [TX_SLIDE_END_CEIL] = {"the end of the row: a next window would start at column %d, outside "
                           "the input (ceil rounding lets a window hang over the edge, not start "
                           "past it)",
                           "행의 끝: 다음 창은 입력 밖인 %d열에서 시작합니다 (올림(ceil)은 창이 "
                           "가장자리에 걸치는 것은 허용하지만 밖에서 시작하는 것은 허용하지 "
                           "않습니다)"},
    [TX_SLIDE_UNUSED] = {"columns %d–%d are never read: (I + 2P − K) = %d is not a multiple of "
                         "the stride %d",
                         "%d–%d열은 한 번도 읽히지 않습니다: (I + 2P − K) = %d, 스트라이드 %d의 "
                         "배수가 아니기 때문입니다"},
    [TX_SLIDE_UNUSED_ONE] = {"column %d is never read: (I + 2P − K) = %d is not a multiple of the "
                             "stride %d",
                             "%d열은 한 번도 읽히지 않습니다: (I + 2P − K) = %d, 스트라이드 %d의 "
                             "배수가 아니기 때문입니다"},
    [TX_SLIDE_OVERHANG] = {"the last window hangs %d columns past the edge: ceil rounding lets it "
                           "(the ONNX model zoo's 224)",
                           "마지막 창이 가장자리 밖으로 %d열 나갑니다: 올림(ceil) 때문입니다 "
                           "(ONNX model zoo의 224)"},
    [TX_SLIDE_OVERHANG_ONE] =
        {"the last window hangs one column past the edge: ceil rounding lets it "
         "(the ONNX model zoo's 224)",
         "마지막 창이 가장자리 밖으로 한 열 나갑니다: 올림(ceil) 때문입니다 "
         "(ONNX model zoo의 224)"},
    [TX_SLIDE_KEYS] =
        {"A play / pause · N one step · E end of row · X back to the unit · , . speed",
         "A 재생 / 멈춤 · N 한 칸 · E 행 끝 · X 유닛으로 · , . 속도"},
    [TX_PG_TITLE] = {"Playground: one axis of a convolution or a pooling",
                     "놀이터: 합성곱이나 풀링의 한 축"},
    [TX_PG_NO_STRIDE] = {"S = %d: the stride must be at least 1",
                         "S = %d: 스트라이드는 1 이상이어야 "
                         "합니다"},
    [TX_PG_TOO_BIG] = {"K = %d is larger than I + 2P = %d: no window fits",
                       "K = %d는 I + 2P = %d보다 커서 창이 하나도 들어가지 않습니다"},
    [TX_PG_LEFTOVER] = {"(I + 2P − K)/S = %d/%d = %.2f is not a whole number: floor drops the "
                        "fraction, and the last %d columns (red) are never read",
                        "(I + 2P − K)/S = %d/%d = %.2f는 정수가 아닙니다: floor가 소수를 버리고 "
                        "마지막 %d열(빨간색)은 한 번도 읽히지 않습니다"},
    [TX_PG_LEFTOVER_ONE] = {"(I + 2P − K)/S = %d/%d = %.2f is not a whole number: floor drops "
                            "the fraction, and the last column (red) is never read",
                            "(I + 2P − K)/S = %d/%d = %.2f는 정수가 아닙니다: floor가 소수를 "
                            "버리고 마지막 한 열(빨간색)은 한 번도 읽히지 않습니다"},
    [TX_PG_WHOLE] = {"(I + 2P − K)/S = %d/%d is whole: the last window ends at the last column, "
                     "%d positions in all",
                     "(I + 2P − K)/S = %d/%d는 정수입니다: 마지막 창이 마지막 열에서 끝나고, "
                     "위치는 모두 %d개입니다"},
    [TX_PG_KEYS] = {"i I: I − + · k K: K − + · z Z: S − + · o O: P − + · [ ]: presets (conv1 227, "
                    "conv1 224, pool1, conv2, LeNet-5 C1, small) · G: back to the unit",
                    "i I: I − + · k K: K − + · z Z: S − + · o O: P − + · [ ]: 미리 정한 값 (conv1 "
                    "227, conv1 224, pool1, conv2, LeNet-5 C1, small) · G: 유닛으로"},
    [TX_COMP_FC_HALVES] = {"channels 0–%d come from tower A, %d–%d from tower B",
                           "채널 0–%d은 타워 A, %d–%d은 타워 B에서 옵니다"},

    /* the handout's pages */
    [TX_PG_COVER_TITLE] = {"AlexNet, stage by stage", "AlexNet 단계별로 보기"},
    [TX_PG_COVER_PHOTO] = {"What the 2012 network computes on one photo: %s",
                           "2012년 네트워크가 사진 한 장에서 계산하는 것: %s"},
    [TX_PG_COVER_WEIGHTS] = {"weights: %s", "가중치: %s"},
    [TX_PG_COVER_SEEDED] = {"weights: seeded, untrained (seed %llu)",
                            "가중치: 학습되지 않음 (시드 %llu로 생성)"},
    [TX_PG_COVER_UNTRAINED] =
        {"These weights are seeded, not trained: the maps show what each stage's arithmetic "
         "does to the photo, but the five classes below mean nothing. With the trained ImageNet "
         "weights (alexviz export … --weights bvlcalexnet-12.onnx) they become a real "
         "prediction.",
         "이 가중치는 학습된 것이 아니라 시드로 만든 것입니다. 맵은 각 단계의 계산이 사진에 "
         "무엇을 하는지 보여 주지만, 아래 다섯 클래스에는 의미가 없습니다. 학습된 ImageNet "
         "가중치(alexviz export … --weights bvlcalexnet-12.onnx)를 쓰면 진짜 예측이 됩니다."},
    [TX_PG_COVER_HOWTO] =
        {"Each of the following pages is one stage of the network, in the order it runs: all "
         "of the stage's maps (tower A on the left, tower B on the right, as on the paper's two "
         "GPUs), what the stage does, and its arithmetic. The last page counts the parameters "
         "and multiply-accumulates of every stage.",
         "다음 쪽부터는 네트워크가 실행되는 순서대로 한 쪽에 한 단계씩 나옵니다. 각 쪽에는 그 "
         "단계의 모든 특성 맵(feature map)이 있고(논문의 GPU 두 개처럼 왼쪽은 타워(tower) A, "
         "오른쪽은 타워 B), 이어서 그 단계가 하는 일과 계산식이 나옵니다. 마지막 쪽은 모든 "
         "단계의 파라미터 수와 곱셈-누산 수를 셉니다."},
    [TX_PG_COVER_PIPELINE] = {"The whole network", "네트워크 전체"},
    [TX_PG_HEADER] = {"alexviz handout · %s", "alexviz 유인물 · %s"},
    [TX_PG_PAGE] = {"page %d of %d", "%d / %d쪽"},
    [TX_PG_STAGE_OF] = {"stage %d of %d", "단계 %d / %d"},
    [TX_PG_WHAT] = {"What this stage does", "이 단계가 하는 일"},
    [TX_PG_NUMBERS] = {"On this photo", "이 사진에서"},
    [TX_PG_STATS] = {"min %s · max %s · mean %s · standard deviation %s",
                     "최솟값 %s · 최댓값 %s · 평균 %s · 표준편차 %s"},
    [TX_PG_STATS_ZEROS] = {" · %.1f%% exactly zero", " · %.1f%%가 정확히 0"},
    [TX_PG_ARITH] = {"The arithmetic", "계산식"},
    [TX_PG_X_CONV_IMAGE] =
        {"Each of the %d filters is a %d×%d×%d block of weights that slides over the photo in "
         "steps of %d pixels. At each of the %d×%d positions it multiplies its weights with the "
         "pixels under it and adds them up: one number that says how strongly its pattern (an "
         "edge, a stripe, a colour blob) is there.",
         "%d개의 필터(filter)는 각각 %d×%d×%d 크기의 가중치 묶음이며, 사진 위를 %d픽셀씩 "
         "옮겨 가며 훑습니다. 이 간격을 스트라이드(stride)라고 합니다. %d×%d개의 위치마다 가중치와 그 아래 픽셀을 "
         "곱해서 모두 더하는데, 이것이 합성곱(convolution)입니다. 결과는 그 자리에 필터의 "
         "패턴(경계선, 줄무늬, 색 얼룩)이 얼마나 강하게 있는지를 나타내는 숫자 하나입니다."},
    [TX_PG_X_CONV_GROUPS] =
        {"Each of the %d filters is %d×%d×%d: it reads only the %d maps of its own tower, so "
         "tower A and tower B stay apart here, as they did on the paper's two GPUs. A filter "
         "combines patterns the layer before found into larger ones.",
         "%d개의 필터(filter)는 각각 %d×%d×%d 크기이며 자기 타워(tower)의 맵 %d개만 읽습니다. "
         "그래서 논문의 GPU 두 개에서처럼 여기서는 타워 A와 타워 B가 떨어져 있습니다. 필터는 앞 "
         "층이 찾은 패턴들을 엮어 더 큰 패턴을 찾습니다."},
    [TX_PG_X_CONV_BOTH] =
        {"Each of the %d filters is %d×%d×%d and reads all %d maps of both towers: this is one "
         "of the few places where the two towers exchange what they found. A filter combines "
         "patterns the layer before found into larger ones.",
         "%d개의 필터(filter)는 각각 %d×%d×%d 크기이며 두 타워(tower)의 맵 %d개를 모두 읽습니다. "
         "두 타워가 찾은 것을 주고받는 몇 안 되는 곳입니다. 필터는 앞 층이 찾은 패턴들을 엮어 더 "
         "큰 패턴을 찾습니다."},
    [TX_PG_X_CONV_END] =
        {" Each small map is one filter's answers: bright where its pattern is, dark where it "
         "is not. Values can be negative until the ReLU that follows.",
         " 작은 특성 맵(feature map) 하나가 필터 하나의 답입니다: 패턴이 있는 곳은 밝고 없는 곳은 "
         "어둡습니다. 뒤따르는 ReLU를 거치기 전까지는 값이 음수일 수도 있습니다."},
    [TX_PG_X_RELU] =
        {"ReLU replaces every negative value with 0 and passes positive values unchanged. "
         "Nothing is learned here, but without it the stack of layers would collapse into a "
         "single linear map. On this photo %.0f%% of the values are now exactly 0: the darkest "
         "colour of the scale.",
         "활성화 함수(activation function) ReLU는 모든 음수를 0으로 바꾸고 양수는 그대로 "
         "통과시킵니다. 여기서 학습되는 것은 없지만, 이것이 없으면 층을 아무리 쌓아도 하나의 선형 "
         "변환이 되고 맙니다. 이 사진에서는 값의 %.0f%%가 이제 정확히 0이며, 눈금의 가장 어두운 "
         "색으로 보입니다."},
    [TX_PG_X_LRN] =
        {"Local response normalisation divides each value a by (k + s·Σa²)^β, where the sum "
         "runs over the squares of the %d neighbouring channels at the same position (here "
         "k = %g, s = %g, β = %g). A channel that responds strongly damps its neighbours, a "
         "little like lateral inhibition in the eye.",
         "국소 응답 정규화(local response normalization)는 각 값 a를 (k + s·Σa²)^β로 "
         "나눕니다. 합은 같은 위치에 있는 이웃 채널(channel) %d개의 값을 제곱해서 구합니다 "
         "(여기서는 k = %g, s = %g, β = %g). 강하게 반응한 채널이 이웃을 누르는 셈으로, 눈의 "
         "측면 억제와 조금 닮았습니다."},
    [TX_PG_X_LRN_KEEPS] = {" On this photo the values keep %.1f%% of their size on average.",
                           " 이 사진에서 값들은 평균적으로 원래 크기의 %.1f%%를 유지합니다."},
    [TX_PG_X_POOL] =
        {"Max pooling keeps the largest value of each %d×%d window. The windows start every %d "
         "pixels, so they overlap by one (the paper's overlapping pooling). Each map shrinks from "
         "%d×%d to %d×%d; there are still %d maps. A feature survives if it appears anywhere in "
         "the window, so small shifts of the photo matter less.",
         "최대 풀링(max pooling)은 %d×%d 창마다 가장 큰 값만 남깁니다. 창이 %d픽셀 "
         "간격(스트라이드)으로 놓이므로 이웃한 창끼리 한 칸씩 겹칩니다 (논문의 겹치는 풀링). 맵은 %d×%d에서 %d×%d로 "
         "작아지고, 맵의 수는 그대로 %d개입니다. 찾은 패턴이 창 안 어디에 있든 살아남으므로, "
         "사진이 조금 밀려도 결과가 덜 흔들립니다."},
    [TX_PG_X_FC_FLAT] =
        {"The %d×%d×%d maps are first flattened into one vector of %d numbers: from here on "
         "there are no positions any more. ",
         "먼저 %d×%d×%d 맵을 숫자 %d개짜리 벡터 하나로 펼칩니다: 여기서부터는 위치가 더 이상 "
         "없습니다. "},
    [TX_PG_X_FC] =
        {"Each of the %d outputs is a weighted sum of all %d inputs plus a bias (%s weights in "
         "this layer alone), so every output reads both towers. The picture shows one cell per "
         "value.",
         "완전 연결층(fully connected layer)의 출력 %d개는 각각 입력 %d개 전부의 가중합에 편향을 "
         "더한 값입니다 (이 층에만 가중치 %s개). 그래서 모든 출력이 두 타워를 읽습니다. 그림은 "
         "값 하나를 칸 하나로 보여 줍니다."},
    [TX_PG_X_FC_LAST] =
        {" These are the scores of the 1000 ImageNet classes: not yet "
         "probabilities, they can be negative.",
         " 이것이 ImageNet 1000개 클래스의 점수입니다: 아직 확률이 아니며 음수일 수도 "
         "있습니다."},
    [TX_PG_X_DROPOUT] =
        {"During training, dropout set each value to 0 with probability 0.5, so that no unit "
         "could rely on one particular other. At inference it does nothing: Caffe and ONNX pass "
         "the values through unchanged (the paper halved them instead), so this page looks "
         "exactly like the one before.",
         "학습 중에는 드롭아웃(dropout)이 각 값을 0.5의 확률로 0으로 만들어, 어떤 유닛도 다른 "
         "특정 유닛에 기대지 못하게 했습니다. 추론 때는 아무 일도 하지 않습니다: Caffe와 ONNX는 값을 그대로 "
         "넘기므로 (논문은 대신 절반으로 줄였습니다) 이 쪽은 앞 쪽과 똑같아 보입니다."},
    [TX_PG_X_SOFTMAX] =
        {"Softmax turns the %d scores into probabilities: p = e^z / Σ e^z. They are all "
         "positive and add up to 1, and the largest score gets the largest share. The chart "
         "shows the most likely classes.",
         "소프트맥스(softmax)는 점수 %d개를 확률로 바꿉니다: p = e^z / Σ e^z. 모두 양수이고 "
         "합이 1이며, 가장 큰 점수가 가장 큰 몫을 받습니다. 그래프는 가능성이 가장 높은 "
         "클래스들입니다."},
    [TX_PG_X_TOWERS] = {" Tower A's maps are on the left, tower B's on the right.",
                        " 타워 A의 맵은 왼쪽, 타워 B의 맵은 오른쪽에 있습니다."},
    [TX_PG_COMPUTE_CONV] =
        {"How one value of this map comes about. The unit reads a K×K window of its input (left: "
         "where; its left edge is i·S − P) over every input channel of its tower, or of both "
         "towers at conv3. Each channel's patch is multiplied by the kernel's slice for it and "
         "summed (middle: the channel that adds the most); the bars give that sum for every "
         "channel; their total plus the bias is the value, and ReLU keeps it only when positive. "
         "The last line is the value the network itself computed: they agree.",
         "이 특성 맵(feature map)의 값 하나가 어떻게 나오는지 보여 줍니다. 유닛은 입력의 K×K "
         "창을 읽습니다(왼쪽: 위치, 왼쪽 끝은 i·S − P). 자기 타워의 모든 입력 채널을, conv3에서는 "
         "두 타워의 채널을 모두 읽습니다. 채널마다 패치에 커널(kernel)의 해당 조각을 곱해 "
         "더합니다(가운데: 가장 크게 더해지는 채널). 막대는 채널마다의 합이고, 그 합계에 편향을 "
         "더한 것이 값이며, ReLU는 양수일 때만 그 값을 남깁니다. 마지막 줄은 네트워크가 직접 "
         "계산한 값으로, 둘이 같습니다."},
    [TX_PG_COMPUTE_POOL] =
        {"Max pooling keeps the largest of the nine values of a 3×3 window. The stride is 2, smaller "
         "than the window, so the next window (purple) shares a column with this one: the windows "
         "overlap, as the paper chose, and the map shrinks from 55 to 27.",
         "최대 풀링(max pooling)은 3×3 창의 값 아홉 개 가운데 가장 큰 값을 남깁니다. "
         "스트라이드(stride)가 2로 창보다 작아서 다음 창(보라색)과 한 열이 겹칩니다. 논문이 "
         "고른 겹치는 풀링이며, 맵은 55에서 27로 줄어듭니다."},
    [TX_PG_COMPUTE_FC] =
        {"A fully connected unit multiplies every one of its inputs by its own weight: pool5's "
         "6×6×256 block is flattened channel by channel, row by row, into 9216 values, and one row "
         "of W holds 9216 weights. The bars give the sum per input channel, tower A's 128 "
         "channels then tower B's; their total plus the bias is the value.",
         "완전 연결층(fully connected layer)의 유닛은 입력 하나하나에 자기 가중치를 곱합니다. "
         "pool5의 6×6×256 덩어리를 채널 순서로, 그 안에서 행 순서로 펼치면 값 9216개가 되고, W의 "
         "한 행에 가중치 9216개가 있습니다. 막대는 입력 채널마다의 합으로, 타워 A의 채널 128개 "
         "다음에 타워 B의 채널이 옵니다. 그 합계에 편향을 더한 것이 값입니다."},
    [TX_PG_FILT_TEXT] =
        {"conv1's filters are the only weights you can look at directly: each is an 11×11 "
         "patch of colour, scaled around mid-grey (grey is 0). In the trained network the paper "
         "found tower A's filters mostly colour-agnostic (edges, stripes) and tower B's "
         "colour-specific (blobs, colour edges). The maps of conv1 are these patterns searched "
         "for all over the photo.",
         "conv1의 필터는 눈으로 직접 볼 수 있는 유일한 가중치입니다: 각각 11×11 크기의 색 조각이며 "
         "중간 회색(회색이 0)을 기준으로 표시합니다. 논문은 학습된 네트워크에서 타워 A의 필터는 "
         "주로 색과 무관하고(경계선, 줄무늬) 타워 B의 필터는 색에 민감하다(얼룩, 색 경계)는 것을 "
         "발견했습니다. conv1의 맵은 사진 전체에서 이 패턴들을 찾은 결과입니다."},
    [TX_PG_LRN_TEXT] =
        {"Channel %d at unit (%d, %d), where LRN damps the most on this photo: before and after "
         "LRN, each on its own colour scale (after is far smaller), and their ratio: pale where "
         "the value was left alone, dark red where strong neighbours damped it, grey where the "
         "input was 0 and there is no ratio. Under the maps, the formula with that unit's "
         "numbers.",
         "이 사진에서 LRN이 가장 많이 줄인 곳, 채널 %d의 유닛 (%d, %d)입니다. LRN 전과 후를 각각 "
         "자체 색 눈금으로 (후가 훨씬 작습니다), 그리고 그 비율을 보여 줍니다: 값이 그대로인 곳은 "
         "옅고, 강한 이웃에 눌린 곳은 짙은 빨강이며, 입력이 0이라 비율이 없는 곳은 회색입니다. 맵 "
         "아래는 그 유닛의 숫자를 넣은 공식입니다."},
    [TX_PG_LRN_EDGE_ACROSS] =
        {"Channel %d is the last of tower A, so its window of %d channels reaches into tower B's "
         "maps. Caffe and ONNX allow that, and it is what ran here; in Krizhevsky's own code each "
         "GPU normalised only its own maps, which gives another result for channels %d–%d only.",
         "%d번 채널은 타워 A의 마지막 채널이라 채널 %d개짜리 창이 타워 B의 맵까지 닿습니다. Caffe와 "
         "ONNX는 이를 허용하며 여기서도 그렇게 계산했습니다. Krizhevsky의 원래 코드에서는 GPU마다 "
         "자기 맵만 정규화했으므로, 결과가 달라지는 것은 채널 %d–%d뿐입니다."},
    [TX_PG_LRN_EDGE_WITHIN] =
        {"Channel %d is the last of tower A. Its window of %d channels stops at the boundary "
         "here, as in Krizhevsky's own code, where each GPU normalised only its own maps; Caffe "
         "and ONNX would let it reach into tower B, which changes channels %d–%d only.",
         "%d번 채널은 타워 A의 마지막 채널입니다. 여기서는 채널 %d개짜리 창이 경계에서 멈춥니다. "
         "GPU마다 자기 맵만 정규화한 Krizhevsky의 원래 코드와 같습니다. Caffe와 ONNX라면 창이 타워 "
         "B까지 닿으며, 달라지는 것은 채널 %d–%d뿐입니다."},
    [TX_PG_TABLE_TITLE] = {"Parameters and multiply-accumulates, stage by stage",
                           "단계별 파라미터와 곱셈-누산"},
    [TX_PG_COL_STAGE] = {"stage", "단계"},
    [TX_PG_COL_OP] = {"operation", "연산"},
    [TX_PG_COL_OUT] = {"output", "출력"},
    [TX_PG_COL_PARAMS] = {"parameters", "파라미터"},
    [TX_PG_COL_MACS] = {"MACs", "곱셈-누산"},
    [TX_PG_COL_FIELD] = {"field", "수용 영역"},
    [TX_PG_TOTAL] = {"total", "합계"},
    [TX_PG_BY_LAYER] = {"By learned layer", "학습되는 층별"},
    [TX_PG_COL_LAYER] = {"layer", "층"},
    [TX_PG_COL_STAGES] = {"stages", "단계"},
    [TX_PG_TABLE_NOTE] =
        {"The five convolutions hold %.0f%% of the parameters but do %.0f%% of the "
         "multiply-accumulates; the three fully connected layers are the other way round. "
         "\"field\" is how many input pixels one unit sees.",
         "합성곱층 다섯 개는 파라미터의 %.0f%%만 가지지만 곱셈-누산은 %.0f%%를 맡습니다. 완전 "
         "연결층 세 개는 그 반대입니다. \"수용 영역\"은 유닛 하나가 보는 입력 픽셀의 "
         "범위입니다."},
    [TX_VIEW_LESSON] = {"Lesson", "수업"},
    [TX_VIEW_LESSON_SHORT] = {"Lesson", "수업"},
    [TX_LS_TITLE] = {"LeNet-5 (1998) beside AlexNet (2012)", "LeNet-5(1998)와 AlexNet(2012) 비교"},
    [TX_LS_QUOTE] = {"The notes: “AlexNet is built like LeNet-5. The biggest change is that it "
                     "was designed in parallel.”",
                     "강의 노트: “AlexNet은 LeNet5와 구조가 비슷하다. 가장 큰 변화는 병렬적인 "
                     "구조로 설계되었다는 점이다.”"},
    [TX_LS_HEAD_LENET] = {"LeNet-5 · LeCun et al. 1998", "LeNet-5 · LeCun 외, 1998"},
    [TX_LS_HEAD_ALEX] = {"AlexNet · Krizhevsky et al. 2012", "AlexNet · Krizhevsky 외, 2012"},
    [TX_LS_ROLE_INPUT] = {"input", "입력"},
    [TX_LS_ROLE_CONV] = {"convolution", "합성곱"},
    [TX_LS_ROLE_POOL] = {"pooling", "풀링"},
    [TX_LS_ROLE_FC] = {"fully connected", "완전 연결"},
    [TX_LS_ROLE_OUT] = {"output", "출력"},
    [TX_LS_L_INPUT] = {"%d×%d×%d: a grey digit", "%d×%d×%d: 흑백 손글씨 숫자"},
    [TX_LS_L_CONV] = {"%d×%d, %d filters, tanh", "%d×%d, 필터 %d개, tanh"},
    [TX_LS_L_CONV_TABLE] = {"%d×%d, %d filters, each reading only some of S2's maps: %d of %d "
                            "links (a partial table), tanh",
                            "%d×%d, 필터 %d개, 각 필터는 S2의 맵 일부만 읽음: 연결 %d/%d개 "
                            "(부분 연결표), tanh"},
    [TX_LS_L_SUB] = {"%d×%d average × a coefficient + a bias, tanh",
                     "%d×%d 평균 × 계수 + 편향, tanh"},
    [TX_LS_L_FC] = {"%d units, tanh", "유닛 %d개, tanh"},
    [TX_LS_L_RBF] = {"%d classes: distances to fixed codes (RBF)",
                     "클래스 %d개: 고정된 코드까지의 거리 (RBF)"},
    [TX_LS_A_INPUT] = {"%d×%d×%d: a colour photo", "%d×%d×%d: 컬러 사진"},
    [TX_LS_A_CONV] = {"%d×%d, stride %d, %d filters, ReLU",
                      "%d×%d, 스트라이드 %d, 필터 %d개, ReLU"},
    [TX_LS_A_CONV_TOWERS] = {"%d×%d, %d filters in two towers, ReLU",
                             "%d×%d, 두 타워에 필터 %d개, ReLU"},
    [TX_LS_A_NORM_POOL] = {"LRN, then %d×%d max, stride %d: the windows overlap",
                           "LRN 다음 %d×%d 최대, 스트라이드 %d: 창이 겹침"},
    [TX_LS_A_POOL_NORM] = {"%d×%d max, stride %d: the windows overlap; then LRN",
                           "%d×%d 최대, 스트라이드 %d: 창이 겹침; 그다음 LRN"},
    [TX_LS_A_DEEP] = {"three 3×3 convolutions (%d, %d, %d filters), ReLU, then %d×%d max",
                      "3×3 합성곱 세 번 (필터 %d, %d, %d개), ReLU, 그다음 %d×%d 최대"},
    [TX_LS_A_FC] = {"%d and %d units, ReLU, dropout", "유닛 %d개와 %d개, ReLU, 드롭아웃"},
    [TX_LS_A_OUT] = {"%d classes: softmax probabilities", "클래스 %d개: softmax 확률"},
    [TX_LS_COUNTS] = {"%s parameters · %s MACs", "파라미터 %s개 · 곱셈-누산 %s회"},
    [TX_LS_COUNTS_FIXED] = {"%s fixed values, not trained · %s MACs",
                            "고정값 %s개 (훈련 안 함) · 곱셈-누산 %s회"},
    [TX_LS_TOTALS] = {"In all: LeNet-5 → AlexNet", "합계: LeNet-5 → AlexNet"},
    [TX_LS_TOTAL_LINE] = {"%s: %s → %s, ×%s", "%s: %s → %s, ×%s"},
    [TX_LS_THOUSAND] = {"The notes: “about 60 million parameters to train, a thousand times "
                        "LeNet-5's 60 thousand.” Counted: ×%s.",
                        "강의 노트: “약 6천만 개의 파라미터 … LeNet-5의 6만 개와 비교하면 "
                        "천 배나 많아졌다.” 세어 보면 ×%s."},
    [TX_LS_CHANGED] = {"What changed", "달라진 점"},
    [TX_LS_CH_INPUT] = {"input: %d×%d grey → %d×%d colour", "입력: %d×%d 흑백 → %d×%d 컬러"},
    [TX_LS_CH_SQUASH] = {"squashing: tanh (sigmoid-like) → ReLU",
                         "활성화 함수: tanh(시그모이드형) → ReLU"},
    [TX_LS_CH_POOL] = {"pooling: 2×2 average → 3×3 max with stride 2, overlapping",
                       "풀링: 2×2 평균 → 3×3 최대, 스트라이드 2로 겹침"},
    [TX_LS_CH_DEVICE] = {"one device → two towers on two GPUs",
                         "장치 하나 → GPU 두 개에 타워 두 개"},
    [TX_LS_CH_NORM] = {"no normalisation → LRN", "정규화 없음 → LRN"},
    [TX_LS_CH_DROPOUT] = {"no dropout → dropout in fc6 and fc7",
                          "드롭아웃 없음 → fc6, fc7에 드롭아웃"},
    [TX_LS_CH_CLASSES] = {"%d classes → %d", "클래스 %d개 → %d개"},
    [TX_LS_PAGES] = {"page %d of %d ([ ] turn pages)", "%d / %d쪽 ([ ]로 넘김)"},
    [TX_WHY_TITLE] = {"What made 60 million parameters trainable in 2012",
                      "2012년에 6천만 개의 파라미터를 훈련할 수 있었던 이유"},
    [TX_WHY_QUOTE] = {"The notes: “computing got better, and methods to cut the training time "
                      "were used.” Here is how, in the paper's own numbers.",
                      "강의 노트: “컴퓨팅 기술도 좋아졌고, 훈련시간을 줄이기 위한 방법들도 "
                      "사용되었다.” 논문의 숫자로 보면 이렇습니다."},
    [TX_WHY_SOURCE] = {"Krizhevsky, Sutskever, Hinton: ImageNet Classification with Deep "
                       "Convolutional Neural Networks, NeurIPS 2012",
                       "Krizhevsky, Sutskever, Hinton: ImageNet Classification with Deep "
                       "Convolutional Neural Networks, NeurIPS 2012"},
    [TX_WHY_RELU_HEAD] = {"ReLU instead of tanh", "tanh 대신 ReLU"},
    [TX_WHY_RELU] =
        {"A four-layer convolutional net with ReLUs reached 25 %% training error on "
         "CIFAR-10 six times faster than the same net with tanh (the paper's Figure 1).",
         "ReLU를 쓴 4층 합성곱 신경망은 CIFAR-10에서 훈련 오류 25 %%에 tanh를 쓴 같은 "
         "신경망보다 여섯 배 빨리 도달했습니다 (논문의 그림 1)."},
    [TX_WHY_SKETCH_X] = {"passes over the data", "데이터를 훑은 횟수"},
    [TX_WHY_SKETCH_Y] = {"training error", "훈련 오류"},
    [TX_WHY_SKETCH_NOTE] = {"a sketch: only the 25 %% line and the ratio 6 are the paper's",
                            "개념도: 25 %% 선과 여섯 배라는 비율만 논문의 값입니다"},
    [TX_WHY_GPU_HEAD] = {"Two GPUs, two towers", "GPU 두 개, 타워 두 개"},
    [TX_WHY_GPU] = {"Two GTX 580 GPUs with 3 GB each: the net did not fit on one, so it was "
                    "split in two. Against half as many kernels on one GPU, top-1 and top-5 "
                    "error fell by 1.7 %% and 1.2 %%.",
                    "3 GB짜리 GTX 580 GPU 두 개: 신경망이 GPU 하나에 들어가지 않아 둘로 "
                    "나누었습니다. 커널 수가 절반인 GPU 하나짜리보다 top-1, top-5 오류가 "
                    "1.7 %%, 1.2 %% 줄었습니다."},
    [TX_WHY_TIME_HEAD] = {"Five to six days", "5~6일"},
    [TX_WHY_TIME] = {"About 90 passes over 1.2 million images, by stochastic gradient descent: "
                     "batches of 128, momentum 0.9, weight decay 0.0005, learning rate 0.01 "
                     "divided by 10 three times.",
                     "120만 장의 이미지를 약 90번 훑었습니다. 확률적 경사 하강법: 배치 128, "
                     "모멘텀 0.9, 가중치 감쇠 0.0005, 학습률 0.01을 세 번 10으로 나눔."},
    [TX_WHY_DROP_HEAD] = {"Dropout", "드롭아웃"},
    [TX_WHY_DROP] = {"In fc6 and fc7 each unit is set to zero with probability 0.5 during "
                     "training; at test time every unit is used and its output multiplied by 0.5. "
                     "It fights overfitting, and roughly doubles the iterations needed.",
                     "훈련 중 fc6, fc7의 각 유닛을 확률 0.5로 0으로 만듭니다. 테스트 때는 모든 "
                     "유닛을 쓰고 출력에 0.5를 곱합니다. 과적합을 막는 대신 수렴까지의 반복 "
                     "횟수가 약 두 배가 됩니다."},
    [TX_WHY_AUG_HEAD] = {"More data from the same photos", "같은 사진에서 더 많은 데이터"},
    [TX_WHY_AUG] = {"Random 224×224 patches and their mirror images from the 256×256 images: "
                    "2048 times the data. At test time the softmax of ten patches is averaged. "
                    "PCA colour changes cut top-1 error by over 1 %%.",
                    "256×256 이미지에서 무작위 224×224 조각과 그 좌우 반전: 데이터가 2048배. "
                    "테스트 때는 조각 열 개의 softmax를 평균합니다. PCA 색상 변형으로 top-1 "
                    "오류가 1 %% 넘게 줄었습니다."},
    [TX_WHY_LRN_HEAD] = {"LRN", "LRN"},
    [TX_WHY_LRN] = {"k = 2, n = 5, α = 1e-4, β = 0.75: top-1 and top-5 error fell by 1.4 %% and "
                    "1.2 %%. The paper's reason is generalisation, not speed.",
                    "k = 2, n = 5, α = 1e-4, β = 0.75: top-1, top-5 오류가 1.4 %%, 1.2 %% "
                    "줄었습니다. 논문이 든 이유는 속도가 아니라 일반화입니다."},
    [TX_WHY_POOL_HEAD] = {"Overlapping pooling", "겹치는 풀링"},
    [TX_WHY_POOL] = {"Windows of 3 with stride 2 instead of 2 and 2: top-1 and top-5 error fell "
                     "by 0.4 %% and 0.3 %%.",
                     "크기 2, 스트라이드 2 대신 크기 3, 스트라이드 2: top-1, top-5 오류가 0.4 %%, "
                     "0.3 %% 줄었습니다."},
    [TX_WHY_RESULT_HEAD] = {"The result", "결과"},
    [TX_WHY_RESULT] = {"ILSVRC-2012: 15.3 %% top-5 test error against 26.2 %% for the second-best "
                       "entry. ILSVRC-2010 test set: top-1 37.5 %%, top-5 17.0 %%.",
                       "ILSVRC-2012: top-5 테스트 오류 15.3 %%, 2위는 26.2 %%. ILSVRC-2010 "
                       "테스트 세트: top-1 37.5 %%, top-5 17.0 %%."},
    [TX_WHY_SEE_RELU] = {"in alexviz: relu1 … relu7, in the maps view",
                         "alexviz에서: 특성 맵 보기의 relu1 … relu7"},
    [TX_WHY_SEE_GPU] =
        {"in alexviz: the towers in the pipeline; conv3 reading both in the one-unit "
         "view",
         "alexviz에서: 파이프라인의 두 타워, 유닛 계산 보기에서 두 타워를 모두 읽는 "
         "conv3"},
    [TX_WHY_SEE_DROP] = {"in alexviz: drop6 and drop7 as at training time, and the next page",
                         "alexviz에서: 훈련 때처럼 드롭아웃한 drop6, drop7과 다음 쪽"},
    [TX_WHY_SEE_AUG] = {"in alexviz: the ten patches on the last lesson page; 224 against 227 in "
                        "the arithmetic view",
                        "alexviz에서: 수업 마지막 쪽의 조각 열 개, 계산 보기의 224와 227"},
    [TX_WHY_SEE_LRN] = {"in alexviz: the LRN view, at norm1 and norm2",
                        "alexviz에서: LRN 보기의 norm1, norm2"},
    [TX_WHY_SEE_POOL] = {"in alexviz: pool1 in the one-unit view, the shared row and column",
                         "alexviz에서: 유닛 계산 보기의 pool1, 겹치는 행과 열"},
    [TX_WHY_SEE_RESULT] = {"in alexviz: the top-5 view (trained weights: make weights)",
                           "alexviz에서: 예측 보기 (학습된 가중치: make weights)"},
    [TX_TRAP_FILTERS] = {"The notes say “Number of filters 3”: conv1 has 96 kernels of "
                         "11×11×3, 48 in each tower. The 3 is each kernel's depth (R, G, B).",
                         "강의 노트의 “Number of filters 3”: conv1의 커널은 11×11×3짜리 "
                         "96개이고 타워마다 48개입니다. 3은 각 커널의 깊이(R, G, B)입니다."},
    [TX_TRAP_ORDER_BEFORE] =
        {"The notes (and CaffeNet) pool first, then apply LRN; the paper (and "
         "bvlc_alexnet) apply LRN, then pool. This run follows the paper.",
         "강의 노트(와 CaffeNet)는 풀링 다음에 LRN을 하고, 논문(과 "
         "bvlc_alexnet)은 LRN 다음에 풀링을 합니다. 지금은 논문의 순서입니다."},
    [TX_TRAP_ORDER_AFTER] = {"The notes (and CaffeNet) pool first, then apply LRN; the paper (and "
                             "bvlc_alexnet) apply LRN, then pool. This run follows the notes.",
                             "강의 노트(와 CaffeNet)는 풀링 다음에 LRN을 하고, 논문(과 "
                             "bvlc_alexnet)은 LRN 다음에 풀링을 합니다. 지금은 노트의 순서입니다."},
    [TX_TRAP_SPEED] = {"The notes add LRN “to speed things up”; the paper's reason is "
                       "generalisation: it cut top-1 and top-5 error by 1.4 %% and 1.2 %%.",
                       "강의 노트는 LRN을 “속도를 높이기 위해” 한다고 하지만, 논문이 든 "
                       "이유는 일반화입니다: top-1, top-5 오류가 1.4 %%, 1.2 %% 줄었습니다."},
    [TX_KEY_NOTES] = {"the course notes' slips, said where they happen: on / off",
                      "강의 노트와 논문이 다른 곳 알림: 켜기 / 끄기"},
    [TX_DROP_ON_LINE] = {"Training time (mask %llu): %d of %d units kept, and doubled; the grey "
                         "cells were dropped.",
                         "훈련 때 (마스크 %llu): 유닛 %d/%d개가 남아 두 배가 되었고, 회색 칸은 "
                         "버려졌습니다."},
    [TX_DROP_ON_KEYS] = {"R: another mask · O: back to test time · 0: the dropout page",
                         "R: 다른 마스크 · O: 테스트 때로 · 0: 드롭아웃 쪽"},
    [TX_DROP_OFF_KEYS] = {"O: drop as at training time", "O: 훈련 때처럼 드롭아웃"},
    [TX_DP_TITLE] = {"Dropout at training time", "훈련 때의 드롭아웃"},
    [TX_DP_QUOTE] = {"The paper: during training each unit of fc6 and fc7 is set to zero with "
                     "probability 0.5; at test time every unit is used and its output multiplied "
                     "by 0.5.",
                     "논문: 훈련 중에는 fc6, fc7의 각 유닛을 확률 0.5로 0으로 만들고, 테스트 "
                     "때는 모든 유닛을 쓰되 출력에 0.5를 곱합니다."},
    [TX_DP_PAPER] = {"The paper's rule. Training: y = m·x, m is 1 or 0 with probability ½ each. "
                     "Test: y = ½·x. In expectation E[m·x] = ½·x: the test-time value.",
                     "논문의 방식. 훈련: y = m·x, m은 확률 ½로 1 또는 0. 테스트: y = ½·x. "
                     "기댓값 E[m·x] = ½·x: 테스트 때의 값과 같습니다."},
    [TX_DP_INVERTED] =
        {"The inverted rule (Caffe, PyTorch; what alexviz runs). Training: y = 2·m·x. "
         "Test: y = x. In expectation E[2·m·x] = x: the test-time value again.",
         "뒤집은 방식 (Caffe, PyTorch, alexviz가 쓰는 방식). 훈련: y = 2·m·x. "
         "테스트: y = x. 기댓값 E[2·m·x] = x: 역시 테스트 때의 값입니다."},
    [TX_DP_UNIT] = {"In this pass, %s unit %d: x = %s, m = %d, so y = %s. The paper's rule would "
                    "give %s now and %s at test time.",
                    "이번 계산에서 %s의 유닛 %d: x = %s, m = %d이므로 y = %s. 논문의 방식이라면 "
                    "지금은 %s, 테스트 때는 %s입니다."},
    [TX_DP_STRIP] = {"%s: %d of %d units kept (grey: dropped)",
                     "%s: 유닛 %d/%d개 남음 (회색: 버려짐)"},
    [TX_DP_TABLE] = {"Top-5 at test time and under %d masks", "테스트 때와 마스크 %d개의 상위 5개"},
    [TX_DP_ROW_TEST] = {"test time", "테스트 때"},
    [TX_DP_ROW_MASK] = {"mask %llu", "마스크 %llu"},
    [TX_DP_ROW_SHOWN] = {"mask %llu (shown)", "마스크 %llu (보는 중)"},
    [TX_DP_KEPT] = {"kept %d · %d", "남음 %d · %d"},
    [TX_DP_SAME] = {"%d of %d as at test time", "테스트 때와 %d/%d개 같음"},
    [TX_DP_OFF] = {"Dropout runs as at test time now: the identity. Press O to drop as at "
                   "training time (the pass runs again, with the masks compared here); R then "
                   "draws another mask.",
                   "지금 드롭아웃은 테스트 때처럼 아무것도 하지 않습니다. O를 누르면 훈련 때처럼 "
                   "드롭아웃을 하고 (다시 계산하며 여기서 마스크를 비교합니다), R을 누르면 다른 "
                   "마스크를 씁니다."},
    [TX_DP_OFF_PRINT] = {"This run used dropout as at test time: the identity.",
                         "이번 실행은 드롭아웃을 테스트 때처럼 썼습니다: 아무것도 하지 않습니다."},
    [TX_KEY_DROPOUT] = {"dropout as at training time / at test time (R: another mask)",
                        "훈련 때처럼 드롭아웃 / 테스트 때처럼 (R: 다른 마스크)"},
    [TX_TC_TITLE] = {"Ten patches at test time", "테스트 때의 조각 열 개"},
    [TX_TC_QUOTE] =
        {"The paper: at test time the prediction is the average of the softmax over ten "
         "patches of the 256×256 image, the four corner and the centre patches and their "
         "reflections. alexviz cuts them at its input size, %d×%d.",
         "논문: 테스트 때의 예측은 256×256 이미지의 조각 열 개, 곧 네 모서리와 가운데 "
         "조각과 그 좌우 반전에 대한 softmax의 평균입니다. alexviz는 입력 크기 %d×%d로 "
         "자릅니다."},
    [TX_TC_P0] = {"top-left", "왼쪽 위"},
    [TX_TC_P1] = {"top-right", "오른쪽 위"},
    [TX_TC_P2] = {"bottom-left", "왼쪽 아래"},
    [TX_TC_P3] = {"bottom-right", "오른쪽 아래"},
    [TX_TC_P4] = {"centre", "가운데"},
    [TX_TC_MIRRORED] = {"%s, mirrored", "%s, 좌우 반전"},
    [TX_TC_ROW] = {"%d. %s: %s, %.1f%%", "%d. %s: %s, %.1f%%"},
    [TX_TC_MEAN] = {"The mean of the ten softmax outputs, top %d",
                    "softmax 열 개의 평균, 상위 %d개"},
    [TX_TC_SINGLE] = {"One pass on the centre crop said %s (%.1f%%).",
                      "가운데를 자른 한 번의 계산은 %s (%.1f%%)였습니다."},
    [TX_TC_RUNNING] = {"Running the ten passes: %d of %d done (X stops).",
                       "조각 열 개를 계산하는 중: %d/%d개 끝남 (X: 멈춤)."},
    [TX_TC_STOPPED] = {"Stopped after %d of %d passes: the mean is of those (N runs all ten).",
                       "%d/%d개에서 멈췄습니다: 평균은 그 조각들의 것입니다 (N: 열 개 모두 다시)."},
    [TX_TC_NONE] = {"This page runs the ten passes on the photo as it opens (N runs them again).",
                    "이 쪽을 열면 사진의 조각 열 개를 계산합니다 (N: 다시 계산)."},
    [TX_TC_NONE_PRINT] = {"The ten patches were not computed for this photo.",
                          "이 사진의 조각 열 개는 계산하지 않았습니다."},
    [TX_TC_NOPHOTO] = {"The input is a .npy tensor, taken as it is: there is no photo to cut "
                       "patches from.",
                       "입력이 그대로 쓰는 .npy 텐서라서 조각을 자를 사진이 없습니다."},
    [TX_TC_SQUARE] = {"the photo at %d×%d and its five patches", "%d×%d 사진과 다섯 조각"},
    [TX_KEY_TENCROP] = {"the lesson's ten patches: X stops them, N runs them again",
                        "수업의 조각 열 개: X 멈춤, N 다시 계산"},
    [TX_KEY_LESSON] = {"lesson pages: LeNet-5 beside AlexNet, why it could be trained, dropout, "
                       "ten patches",
                       "수업 쪽: LeNet-5와 AlexNet 비교, 훈련할 수 있었던 이유, 드롭아웃, 조각 "
                       "열 개"},
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

int text_present(text_id id, text_lang lang)
{
    return (unsigned)id < TX_COUNT && (unsigned)lang < TEXT_LANGS && table[id][lang] &&
           table[id][lang][0];
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
