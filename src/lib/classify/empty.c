/* value_may_be_empty's tables (classify.h): which placeholders of
 * value_is_empty (value.c) a value's first two bytes leave possible.
 * A group is a bit: the placeholders that begin with the same bytes, or
 * with bytes whose second bytes are alike. */
#include "classify.h"

enum {
  G_N = 0x02,      /* n/a na null none nil */
  G_U = 0x04,      /* unknown undefined */
  G_REPEAT = 0x08, /* - -- *** ****** xxx */
  G_R = 0x10,      /* redacted [redacted] */
  G_CJK = 0x20,    /* 无 未知 (E6 97 A0, E6 9C AA E7 9F A5) */
  G_ONE = 0x40,    /* 0 ? (one byte: only a blank may follow) */
};

const unsigned char value_empty_group[256] = {
    [' '] = EMPTY_BLANK, ['\t'] = EMPTY_BLANK,
    ['n'] = G_N, ['N'] = G_N, ['u'] = G_U, ['U'] = G_U,
    ['-'] = G_REPEAT, ['*'] = G_REPEAT, ['x'] = G_REPEAT, ['X'] = G_REPEAT,
    ['r'] = G_R, ['R'] = G_R, ['['] = G_R,
    [0xe6] = G_CJK, ['0'] = G_ONE, ['?'] = G_ONE,
};

const unsigned char value_empty_next[256] = {
    [' '] = 0xff, ['\t'] = 0xff, /* trimmed: "0 ", "- " */
    ['/'] = G_N, ['a'] = G_N, ['A'] = G_N, ['u'] = G_N, ['U'] = G_N,
    ['o'] = G_N, ['O'] = G_N, ['i'] = G_N, ['I'] = G_N,
    ['n'] = G_U, ['N'] = G_U,
    ['-'] = G_REPEAT, ['*'] = G_REPEAT, ['x'] = G_REPEAT, ['X'] = G_REPEAT,
    ['e'] = G_R, ['E'] = G_R, ['r'] = G_R, ['R'] = G_R,
    [0x97] = G_CJK, [0x9c] = G_CJK,
};
