/* text.h: every string the window and the exports show, in English and Korean.
 *
 * One table (text.c) keyed by an id, so a translation is one line beside its original and a test
 * can check that every id has both languages with the same printf conversions in the same order.
 */
#ifndef TEXT_H
#define TEXT_H

typedef enum { TEXT_EN, TEXT_KO, TEXT_LANGS } text_lang;

typedef enum {
    /* views (tab names) */
    TX_VIEW_PIPELINE,
    TX_VIEW_GRID,
    TX_VIEW_ZOOM,
    TX_VIEW_LRN,
    TX_VIEW_ARITH,
    TX_VIEW_FILTERS,
    TX_VIEW_PRED,
    /* the same, short, for tabs in a narrow window */
    TX_VIEW_PIPELINE_SHORT,
    TX_VIEW_GRID_SHORT,
    TX_VIEW_ZOOM_SHORT,
    TX_VIEW_LRN_SHORT,
    TX_VIEW_ARITH_SHORT,
    TX_VIEW_FILTERS_SHORT,
    TX_VIEW_PRED_SHORT,
    TX_VIEW_COMPUTE,
    TX_VIEW_COMPUTE_SHORT,
    /* common */
    TX_TITLE, /* %s: photo */
    TX_TOWER_A,
    TX_TOWER_B,
    TX_ONE_BLOCK,
    TX_TOWER_RANGE,  /* %d maps, channels %d–%d */
    TX_VECTOR_RANGE, /* %d values, %d–%d */
    TX_INPUT,
    TX_UNTRAINED,
    TX_UNTRAINED_NOTE,
    TX_NOT_YET, /* %s: stage */
    TX_LOADING,
    TX_NET_FAILED,
    TX_NO_PHOTO,
    TX_NO_STAGES,
    /* what each operation does, one sentence */
    TX_EXPLAIN_CONV,
    TX_EXPLAIN_CONV_GROUPS,
    TX_EXPLAIN_CONV_BOTH,
    TX_EXPLAIN_RELU,
    TX_EXPLAIN_LRN,
    TX_EXPLAIN_POOL,
    TX_EXPLAIN_FC,
    TX_EXPLAIN_DROPOUT,
    TX_EXPLAIN_SOFTMAX,
    /* operations with their geometry */
    TX_OP_CONV,        /* %d×%d /%d pad %d, %d filters */
    TX_OP_CONV_GROUPS, /* %d×%d /%d pad %d, %d filters in %d groups */
    TX_OP_RELU,
    TX_OP_LRN,  /* n=%d */
    TX_OP_POOL, /* %d×%d /%d */
    TX_OP_FC,   /* %d outputs */
    TX_OP_DROPOUT,
    TX_OP_SOFTMAX,
    /* how a stage reads the towers */
    TX_READS_IMAGE,
    TX_READS_OWN,
    TX_READS_BOUNDARY,
    TX_READS_BOTH,
    TX_READS_ALL,
    /* the pipeline */
    TX_PIPE_LEGEND_OWN,
    TX_PIPE_LEGEND_BOTH,
    TX_PIPE_LEGEND_LRN,
    TX_PIPE_CLICK,
    TX_RUN_TITLE,
    TX_RUN_WEIGHTS,      /* %s file name */
    TX_RUN_SEEDED,       /* %llu seed */
    TX_RUN_INPUT,        /* %d %d size, %s BGR or RGB, %.0f %.0f %.0f mean */
    TX_RUN_INPUT_SCALED, /* the same with %g scale, for inputs not in 0-255 */
    TX_RUN_LRN_BEFORE,
    TX_RUN_LRN_AFTER,
    TX_RUN_POOL_CEIL,
    TX_RUN_POOL_FLOOR,
    TX_RUN_LRN_CAFFE,
    TX_RUN_LRN_PAPER,
    TX_RUN_LRN_ACROSS,
    TX_RUN_LRN_WITHIN,
    TX_LAYER,       /* %d */
    TX_LAYER_SHORT, /* %d */
    /* the status line */
    TX_STATUS_STAGE, /* %s (%d/%d) */
    TX_STATUS_DONE,
    TX_STATUS_RUNNING,
    TX_STATUS_PLAYING, /* %d ms */
    TX_STATUS_STEP_ON,
    TX_STATUS_HELP,
    TX_STATUS_NONFINITE, /* %s: the first stage with NaN or ∞ */
    TX_STATUS_COMPUTED,  /* %s: its shape */
    TX_STATUS_NOTHING_YET,
    TX_STATUS_NOT_YET,  /* %s: the stage */
    TX_STATUS_WAITS,    /* %s: the last stage the pass computed */
    TX_STATUS_SHOWS,    /* %s: the next stage, already computed */
    TX_STATUS_COMPUTES, /* %s: the stage the pass computes next, %s: what it does */
    /* the grid */
    TX_CONTRAST_STAGE,
    TX_CONTRAST_MAP,
    TX_SCALE_CLIP, /* %s: value */
    TX_SCALE_MAP,
    TX_SCALE_NONFINITE, /* %zu NaN, %zu infinite */
    TX_SCALE_MINMAX,    /* %s min, %s max */
    TX_FC_CELLS,        /* %d values as %d×%d cells */
    TX_MAP_HOVER,       /* channel %d, max %s */
    TX_ZOOMED,          /* %.0f%% */
    /* the channel zoom */
    TX_ZOOM_CHANNEL, /* %d of %d */
    TX_ZOOM_UNIT_OF, /* %d of %d: a vector's unit */
    TX_ZOOM_VALUE,   /* %s[%d] = %s */
    TX_KEYS_CHANNEL,
    TX_KEYS_UNIT,   /* %d, %d */
    TX_ZOOM_UNIT,   /* (%d, %d) = %s */
    TX_ZOOM_FIELD,  /* %d×%d px from (%d, %d) */
    TX_ZOOM_JUMP,   /* %d px */
    TX_ZOOM_PHOTO,  /* %d×%d */
    TX_ZOOM_VECTOR, /* %s */
    TX_ZOOM_CLIPPED,
    /* LRN */
    TX_LRN_BEFORE, /* %s: previous stage */
    TX_LRN_AFTER,
    TX_LRN_AFTER_SHARED,
    TX_LRN_RATIO,
    TX_LRN_CAFFE,
    TX_LRN_PAPER,
    TX_LRN_ACROSS, /* %d channels */
    TX_LRN_WITHIN,
    TX_LRN_KEYS,
    TX_LRN_KEEPS,  /* %.1f%% */
    TX_LRN_WINDOW, /* channel %d */
    TX_LRN_CHANGED,
    TX_LRN_SAME,
    TX_LRN_BOUNDARY, /* %d–%d */
    TX_LRN_NONE,
    TX_LRN_AT, /* unit (%d, %d) */
    /* arithmetic */
    TX_AR_OUTPUT,
    TX_AR_PARAMS,
    TX_AR_MACS,
    TX_AR_FIELD,
    TX_AR_TOWERS,
    TX_AR_FIELD_LINE, /* %d×%d, %d px */
    TX_AR_FIELD_ALL,
    TX_AR_TOTALS, /* %s */
    TX_AR_OF,     /* %s of %s (%.1f%%) */
    TX_AR_224,
    TX_AR_224_ZOO,
    TX_AR_MACS_SHORT,
    TX_AR_NO_PARAMS,
    TX_AR_NO_MACS,
    TX_AR_KEEPS,     /* %s: op, %s: shape */
    TX_AR_FLATTEN,   /* %d·%d·%d = %d → %d */
    TX_AR_CEIL_DIFF, /* %d */
    TX_AR_CEIL_SAME,
    TX_AR_SHAPE, /* %s → %s */
    /* filters */
    TX_FILT_TITLE,
    TX_FILT_A,
    TX_FILT_B,
    TX_FILT_SEEDED,
    TX_FILT_NONE,
    /* predictions */
    TX_PRED_TITLE,
    /* help */
    TX_HELP_TITLE,
    TX_KEYNAME_WHEEL,
    TX_KEYNAME_CLICK,
    TX_KEY_NEXT,
    TX_KEY_BACK,
    TX_KEY_ENDS,
    TX_KEY_VIEWS,
    TX_KEY_STEP,
    TX_KEY_PLAY,
    TX_KEY_PACE,
    TX_KEY_RERUN,
    TX_KEY_CHANNEL,
    TX_KEY_CONTRAST,
    TX_KEY_ZOOM,
    TX_KEY_SCALE,
    TX_KEY_FULL,
    TX_KEY_THEME,
    TX_KEY_LANG,
    TX_KEY_PHOTO,
    TX_KEY_DROP,
    TX_KEY_SAVE,
    TX_KEY_LRN,
    TX_KEY_SLIDE,
    TX_KEY_PLAYGROUND,
    TX_KEY_CLICK,
    TX_KEY_HELP,
    TX_KEY_QUIT,
    /* messages */
    TX_MSG_SAVED,        /* %s */
    TX_MSG_SAVE_FAILED,  /* %s */
    TX_MSG_PHOTO_FAILED, /* %s */
    TX_MSG_NO_ASSETS,
    /* the compute view (view_compute.c) */
    TX_COMP_NONE,    /* %s: the stage shown */
    TX_COMP_UNIT,    /* %d, %d, %d: x, y, map */
    TX_COMP_WINDOW,  /* %d–%d rows, %d–%d columns */
    TX_COMP_ORIGIN,  /* %d·%d − %d = %d */
    TX_COMP_OVERLAP, /* %d < %d, %d shared */
    TX_COMP_READS_IMAGE,
    TX_COMP_READS_BOTH, /* %d maps */
    TX_COMP_READS_OWN,  /* %d maps, %d–%d */
    TX_COMP_PAD,        /* %d of %d */
    TX_COMP_TOP,        /* %d: the channel */
    TX_COMP_PATCH,
    TX_COMP_KERNEL,
    TX_COMP_CELL, /* row %d, column %d: %s × %s = %s */
    TX_COMP_POINT,
    TX_COMP_CROP,
    TX_COMP_KEYS,
    TX_COMP_TILE,
    TX_COMP_PART,        /* %s: its sum */
    TX_COMP_BARS,        /* %d channels */
    TX_COMP_SUM,         /* %d channels, %s */
    TX_COMP_BIAS,        /* %s */
    TX_COMP_RELU,        /* %s, %s */
    TX_COMP_PASS,        /* %s */
    TX_COMP_POOL_WINDOW, /* %d×%d, map %d */
    TX_COMP_MAX,         /* %d values */
    TX_COMP_AT,          /* row %d, column %d */
    TX_COMP_FC_UNIT,     /* %d of %d */
    TX_COMP_FLAT,        /* %d = %d × %d×%d */
    TX_COMP_FLAT_ORDER,  /* %d, %d, %d */
    TX_COMP_VECTOR,      /* %d */
    TX_COMP_FC_ROW,      /* row %d, %d weights */
    TX_COMP_FC_HALVES,   /* 0–%d, %d–%d */
    TX_SLIDE_POS,        /* %d of %d, row %d, column %d */
    TX_SLIDE_END,        /* start %d, end %d, last %d */
    TX_SLIDE_END_CEIL,   /* start %d */
    TX_SLIDE_UNUSED,     /* %d–%d, %d/%d */
    TX_SLIDE_UNUSED_ONE, /* %d, %d/%d */
    TX_SLIDE_OVERHANG,   /* %d */
    TX_SLIDE_OVERHANG_ONE,
    TX_SLIDE_KEYS,
    TX_PG_TITLE,
    TX_PG_NO_STRIDE,    /* S = %d */
    TX_PG_TOO_BIG,      /* K = %d, I + 2P = %d */
    TX_PG_LEFTOVER,     /* %d/%d = %.2f, %d left */
    TX_PG_LEFTOVER_ONE, /* %d/%d = %.2f */
    TX_PG_WHOLE,        /* %d/%d = %d */
    TX_PG_KEYS,
    /* the handout's pages (view_handout.c) */
    TX_PG_COVER_TITLE,
    TX_PG_COVER_PHOTO,   /* %s: file */
    TX_PG_COVER_WEIGHTS, /* %s: the weights file */
    TX_PG_COVER_SEEDED,  /* %llu: seed */
    TX_PG_COVER_UNTRAINED,
    TX_PG_COVER_HOWTO,
    TX_PG_COVER_PIPELINE,
    TX_PG_HEADER,   /* %s: photo */
    TX_PG_PAGE,     /* %d of %d */
    TX_PG_STAGE_OF, /* %d of %d */
    TX_PG_WHAT,
    TX_PG_NUMBERS,
    TX_PG_STATS,       /* min, max, mean, std */
    TX_PG_STATS_ZEROS, /* %.1f */
    TX_PG_ARITH,
    TX_PG_X_CONV_IMAGE,  /* M, K, K, C, stride, OH, OW */
    TX_PG_X_CONV_GROUPS, /* M, K, K, C/g, C/g */
    TX_PG_X_CONV_BOTH,   /* M, K, K, C, C */
    TX_PG_X_CONV_END,
    TX_PG_X_RELU,      /* %.0f zeros */
    TX_PG_X_LRN,       /* n, k, s, β */
    TX_PG_X_LRN_KEEPS, /* %.1f */
    TX_PG_X_POOL,      /* K, K, S, inH, inW, outH, outW, C */
    TX_PG_X_FC_FLAT,   /* H, W, C, N */
    TX_PG_X_FC,        /* out, in, %s weights */
    TX_PG_X_FC_LAST,
    TX_PG_X_DROPOUT,
    TX_PG_X_SOFTMAX, /* N */
    TX_PG_X_TOWERS,
    TX_PG_FILT_TEXT,
    TX_PG_COMPUTE_CONV,
    TX_PG_COMPUTE_POOL,
    TX_PG_COMPUTE_FC,
    TX_PG_LRN_TEXT,        /* channel %d, unit (%d, %d) */
    TX_PG_LRN_EDGE_ACROSS, /* channel, n, first, last */
    TX_PG_LRN_EDGE_WITHIN, /* channel, n, first, last */
    TX_PG_TABLE_TITLE,
    TX_PG_COL_STAGE,
    TX_PG_COL_OP,
    TX_PG_COL_OUT,
    TX_PG_COL_PARAMS,
    TX_PG_COL_MACS,
    TX_PG_COL_FIELD,
    TX_PG_TOTAL,
    TX_PG_TABLE_NOTE, /* %.0f%% params, %.0f%% MACs */
    TX_PG_BY_LAYER,
    TX_PG_COL_LAYER,
    TX_PG_COL_STAGES,
    /* the lesson view: LeNet-5 beside AlexNet */
    TX_VIEW_LESSON,
    TX_VIEW_LESSON_SHORT,
    TX_LS_TITLE,
    TX_LS_QUOTE,
    TX_LS_HEAD_LENET,
    TX_LS_HEAD_ALEX,
    TX_LS_ROLE_INPUT,
    TX_LS_ROLE_CONV,
    TX_LS_ROLE_POOL,
    TX_LS_ROLE_FC,
    TX_LS_ROLE_OUT,
    TX_LS_L_INPUT,       /* %d×%d×%d */
    TX_LS_L_CONV,        /* %d×%d, %d filters */
    TX_LS_L_CONV_TABLE,  /* %d×%d, %d filters, %d of %d links */
    TX_LS_L_SUB,         /* %d×%d */
    TX_LS_L_FC,          /* %d units */
    TX_LS_L_RBF,         /* %d classes */
    TX_LS_A_INPUT,       /* %d×%d×%d */
    TX_LS_A_CONV,        /* %d×%d, stride %d, %d filters */
    TX_LS_A_CONV_TOWERS, /* %d×%d, %d filters */
    TX_LS_A_NORM_POOL,   /* %d×%d, stride %d */
    TX_LS_A_POOL_NORM,   /* %d×%d, stride %d */
    TX_LS_A_DEEP,        /* %d, %d, %d filters; %d×%d max */
    TX_LS_A_FC,          /* %d and %d units */
    TX_LS_A_OUT,         /* %d classes */
    TX_LS_COUNTS,        /* %s parameters, %s MACs */
    TX_LS_COUNTS_FIXED,  /* %s fixed values, %s MACs */
    TX_LS_TOTALS,
    TX_LS_TOTAL_LINE, /* %s label: %s → %s, ×%s */
    TX_LS_THOUSAND,   /* %s: the ratio */
    TX_LS_CHANGED,
    TX_LS_CH_INPUT, /* %d×%d grey, %d×%d colour */
    TX_LS_CH_SQUASH,
    TX_LS_CH_POOL,
    TX_LS_CH_DEVICE,
    TX_LS_CH_NORM,
    TX_LS_CH_DROPOUT,
    TX_LS_CH_CLASSES, /* %d, %d */
    TX_LS_PAGES,      /* %d of %d pages */
    /* the lesson view: what made it trainable */
    TX_WHY_TITLE,
    TX_WHY_QUOTE,
    TX_WHY_SOURCE,
    TX_WHY_RELU_HEAD,
    TX_WHY_RELU,
    TX_WHY_SKETCH_X,
    TX_WHY_SKETCH_Y,
    TX_WHY_SKETCH_NOTE,
    TX_WHY_GPU_HEAD,
    TX_WHY_GPU,
    TX_WHY_TIME_HEAD,
    TX_WHY_TIME,
    TX_WHY_DROP_HEAD,
    TX_WHY_DROP,
    TX_WHY_AUG_HEAD,
    TX_WHY_AUG,
    TX_WHY_LRN_HEAD,
    TX_WHY_LRN,
    TX_WHY_POOL_HEAD,
    TX_WHY_POOL,
    TX_WHY_RESULT_HEAD,
    TX_WHY_RESULT,
    TX_WHY_SEE_RELU,
    TX_WHY_SEE_GPU,
    TX_WHY_SEE_DROP,
    TX_WHY_SEE_AUG,
    TX_WHY_SEE_LRN,
    TX_WHY_SEE_POOL,
    TX_WHY_SEE_RESULT,
    TX_KEY_LESSON,
    /* where the course notes differ from the paper, said at the stage */
    TX_TRAP_FILTERS,
    TX_TRAP_ORDER_BEFORE,
    TX_TRAP_ORDER_AFTER,
    TX_TRAP_SPEED,
    TX_KEY_NOTES,
    /* dropout at training time */
    TX_DROP_ON_LINE, /* %llu mask, %d kept, %d units */
    TX_DROP_ON_KEYS,
    TX_DROP_OFF_KEYS,
    TX_DP_TITLE,
    TX_DP_QUOTE,
    TX_DP_PAPER,
    TX_DP_INVERTED,
    TX_DP_UNIT,  /* %s stage, %d unit, %s x, %d m, %s y, %s paper's training, %s paper's test */
    TX_DP_STRIP, /* %s stage, %d kept, %d units */
    TX_DP_TABLE, /* %d masks */
    TX_DP_ROW_TEST,
    TX_DP_ROW_MASK,  /* %llu */
    TX_DP_ROW_SHOWN, /* %llu */
    TX_DP_KEPT,      /* %d, %d */
    TX_DP_SAME,      /* %d of %d */
    TX_DP_OFF,
    TX_DP_OFF_PRINT,
    TX_KEY_DROPOUT,
    /* the ten patches at test time */
    TX_TC_TITLE,
    TX_TC_QUOTE, /* %d %d: the input size */
    TX_TC_P0,
    TX_TC_P1,
    TX_TC_P2,
    TX_TC_P3,
    TX_TC_P4,
    TX_TC_MIRRORED, /* %s */
    TX_TC_ROW,      /* %d, %s patch, %s class, %.1f */
    TX_TC_MEAN,     /* %d */
    TX_TC_SINGLE,   /* %s class, %.1f */
    TX_TC_RUNNING,  /* %d of %d */
    TX_TC_STOPPED,  /* %d of %d */
    TX_TC_NONE,
    TX_TC_NONE_PRINT,
    TX_TC_NOPHOTO,
    TX_TC_SQUARE, /* %d %d */
    TX_KEY_TENCROP,
    TX_COUNT
} text_id;

/* The text of id in lang (never NULL; English where the table has no translation). */
const char *text_get(text_id id, text_lang lang);
/* 1 when the table has id's text in lang itself (for the completeness test). */
int text_present(text_id id, text_lang lang);
/* "ko…" → TEXT_KO, anything else → TEXT_EN. */
text_lang text_lang_from(const char *code);
const char *text_lang_code(text_lang lang);

#include <stddef.h>
/* Copies src into dst (n bytes), cutting a too-long text at a UTF-8 character boundary so pango
 * never sees half a character. */
void text_copy(char *dst, size_t n, const char *src);

#endif
