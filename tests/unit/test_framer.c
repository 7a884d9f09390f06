/* Unit tests for src/lib/record/framer.c: the elements of a top-level
 * JSON array and the rows of a CSV file, framed 64 bytes a step, and the
 * lines of NDJSON must be the ones a byte-by-byte reference frames (same
 * bounds, same start lines), whatever the input and however it is cut
 * into reads. */
#include <stdlib.h>
#include <string.h>

#include "classify/shape.h" /* ajar_have_avx2 */
#include "record/framer.h"
#include "unit.h"

struct rec {
  size_t s, e;
  uint64_t line;
};

#define MAX_RECS 4096

static int ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

/* The reference: the framer's rules, one byte at a time, over the whole
 * input (an element left open at the end starts, as framer_last says, at
 * the line the input ends on). */
static size_t ref_frame(const char *b, size_t len, struct rec *out) {
  size_t i = 0, n = 0;
  uint64_t line = 1;
  int opened = 0;
  for (;;) {
    size_t start;
    uint64_t start_line;
    int depth = 0, in_str = 0, esc = 0, ended = 0;
    for (; i < len; i++) {
      char c = b[i];
      if (c == '\n') line++;
      if (ws(c) || c == ',') continue;
      if (c == '[' && !opened) { opened = 1; continue; }
      if (c == ']') return n;
      break;
    }
    if (i == len || n == MAX_RECS) return n;
    start = i;
    start_line = line;
    for (; i < len && !ended; i++) {
      char c = b[i];
      if (in_str) {
        if (esc) esc = 0;
        else if (c == '\\') esc = 1;
        else if (c == '"') in_str = 0;
        else if (c == '\n') line++;
        continue;
      }
      switch (c) {
      case '"': in_str = 1; break;
      case '{': case '[': depth++; break;
      case '}': case ']':
        if (depth == 0 && c == '}') break;
        if (depth == 0) { /* ']' ends the array: not consumed */
          out[n++] = (struct rec){start, i, start_line};
          ended = 1;
          i--;
        } else if (--depth == 0) {
          out[n++] = (struct rec){start, i + 1, start_line};
          ended = 1;
        }
        break;
      case ',':
        if (depth == 0) {
          out[n++] = (struct rec){start, i, start_line};
          ended = 1;
        }
        break;
      case '\n': line++; break;
      default: break;
      }
    }
    if (!ended) {
      out[n++] = (struct rec){start, len, line};
      return n;
    }
  }
}

/* The framer as files_stream.c drives it: reads of `chunk` bytes (0:
 * random sizes) into a window whose unfinished record moves to the
 * front; each call sees a copy of exactly the window, so a read past it
 * is a sanitizer's error. */
static size_t framer_frame(enum file_format fmt, const char *b, size_t len,
                           size_t chunk, unsigned *seed, struct rec *out) {
  struct framer f;
  size_t base = 0, wlen = 0, n = 0, s, e;
  framer_init(&f, fmt);
  for (;;) {
    char *win;
    size_t add = chunk;
    if (!add) {
      *seed = *seed * 1103515245u + 12345u;
      add = 1 + (*seed >> 16) % 200;
    }
    if (add > len - base - wlen) add = len - base - wlen;
    wlen += add;
    win = malloc(wlen ? wlen : 1);
    memcpy(win, b + base, wlen);
    if (add == 0) {
      if (framer_last(&f, win, wlen, &s, &e) && n < MAX_RECS)
        out[n++] = (struct rec){base + s, base + e, f.rec_line};
      free(win);
      return n;
    }
    while (n < MAX_RECS && framer_next(&f, win, wlen, &s, &e))
      out[n++] = (struct rec){base + s, base + e, f.rec_line};
    free(win);
    s = f.rec_start;
    framer_shift(&f, s);
    base += s;
    wlen -= s;
  }
}

/* the framer's records of b, read whole, in random pieces and in pieces
 * of 64 bytes, against the reference's nw records */
static void check_frames(enum file_format fmt, const char *b, size_t len,
                         const struct rec *want, size_t nw, unsigned *seed,
                         size_t k) {
  static struct rec got[MAX_RECS];
  size_t chunk, i;
  for (chunk = 0; chunk < 3; chunk++) {
    size_t size = chunk == 0 ? len + 1 : chunk == 1 ? 0 : 64;
    size_t ng = framer_frame(fmt, b, len, size, seed, got);
    int same = ng == nw;
    for (i = 0; same && i < nw; i++)
      same = got[i].s == want[i].s && got[i].e == want[i].e &&
             got[i].line == want[i].line;
    CHECKF(same, "%s case %zu, reads of %zu bytes: %zu records, want %zu",
           fmt == FMT_CSV ? "csv" : fmt == FMT_NDJSON ? "lines" : "json", k, size, ng, nw);
  }
}

static void gen(char *b, size_t n, unsigned *seed, int kind) {
  /* kind 0: every JSON byte alike; 1: pretty JSON, a backslash now and
   * then; 2: strings of brackets and escaped quotes; 3: deep nesting
   * (openers first, then closers: whole blocks deeper than their closers,
   * which the framer crosses by counts alone, and the block where the
   * depth comes back to 0) */
  static const char any[] = "{}[]\"\\,\n a1:";
  static const char pretty[] = "{}[]\",\n     :abcdefgh123";
  static const char strs[] = "\"\"\"\\[]{}\n,aa";
  static const char deeper[] = "{[{[\"x\n  ,:1}]";
  static const char shallower[] = "}]}]\"x\n  ,:1{[";
  size_t i;
  for (i = 0; i < n; i++) {
    *seed = *seed * 1103515245u + 12345u;
    switch (kind) {
    case 0: b[i] = any[(*seed >> 16) % (sizeof any - 1)]; break;
    case 1:
      b[i] = (*seed >> 16) % 400 == 0 ? '\\' : pretty[(*seed >> 16) % (sizeof pretty - 1)];
      break;
    case 3:
      b[i] = i < n / 2 ? deeper[(*seed >> 16) % (sizeof deeper - 1)]
                       : shallower[(*seed >> 16) % (sizeof shallower - 1)];
      break;
    default: b[i] = strs[(*seed >> 16) % (sizeof strs - 1)]; break;
    }
  }
  if (n) b[0] = '[';
}

static void test_json_array(void) {
  static struct rec want[MAX_RECS];
  static const char *const fixed[] = {
      "[{\"a\": 1},\n {\"b\": \"x,}]\"}, 2, \"s\\\"]\" , [1,[2]]]",
      "[1, 2, 3]",
      "[ } {\"a\":[\n]}, \"\\\n\" ]",
      "[{\"k\": \"" "0123456789012345678901234567890123456789012345678901234567890123"
      "\\\\\"}, {\"k\": 1}]",
      "[{\"open\": \"never closed",
  };
  unsigned seed = 4242;
  size_t k;
  char *b = malloc(3000);
  for (k = 0; k < sizeof fixed / sizeof fixed[0] + 6000; k++) {
    size_t len;
    if (k < sizeof fixed / sizeof fixed[0]) {
      len = strlen(fixed[k]);
      memcpy(b, fixed[k], len);
    } else {
      seed = seed * 1103515245u + 12345u;
      len = (seed >> 16) % 3000;
      gen(b, len, &seed, (int)(k % 4));
    }
    check_frames(FMT_JSON_ARRAY, b, len, want, ref_frame(b, len, want), &seed, k);
  }
  free(b);
}

/* The reference for CSV rows: a newline ends a row outside quotes (each
 * quote toggles), a '\r' before it is no part of the row; the last row
 * without a newline starts after white space, at the line it starts on.
 * Without quotes: the lines of NDJSON. */
static size_t ref_rows(const char *b, size_t len, struct rec *out, int quotes) {
  size_t i, n = 0, start = 0;
  uint64_t line = 1, inside = 0;
  int in_str = 0;
  for (i = 0; i < len && n < MAX_RECS; i++) {
    if (quotes && b[i] == '"') {
      in_str = !in_str;
    } else if (b[i] == '\n') {
      if (in_str) {
        inside++;
        continue;
      }
      out[n++] = (struct rec){start, i > start && b[i - 1] == '\r' ? i - 1 : i, line};
      line += 1 + inside;
      inside = 0;
      start = i + 1;
    }
  }
  while (start < len && ws(b[start])) {
    if (b[start] == '\n') line++;
    start++;
  }
  if (start < len && n < MAX_RECS)
    out[n++] = (struct rec){start, len, line};
  return n;
}

/* Rows of random bytes of alpha (8 bytes: the first three rare, the
 * other five common), framed as fmt and by the reference; k % 3: long
 * rows, short rows, any byte alike */
static void test_rows(enum file_format fmt, const char *alpha, unsigned seed) {
  static struct rec want[MAX_RECS];
  size_t k;
  char *b = malloc(3000);
  for (k = 0; k < 3000; k++) {
    size_t len, i;
    seed = seed * 1103515245u + 12345u;
    len = (seed >> 16) % 3000;
    for (i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      if (k % 3 == 2)
        b[i] = alpha[(seed >> 16) % 8];
      else
        b[i] = (seed >> 16) % (k % 3 ? 12 : 150) == 0 ? alpha[(seed >> 20) % 3]
                                                     : alpha[3 + (seed >> 20) % 5];
    }
    check_frames(fmt, b, len, want, ref_rows(b, len, want, fmt == FMT_CSV), &seed, k);
  }
  free(b);
}

void test_framer(void) {
  int have = ajar_have_avx2;
  test_json_array();
  /* the SSE2 blocks too, on a machine with AVX2 */
  ajar_have_avx2 = 0;
  test_json_array();
  ajar_have_avx2 = have;
  /* CSV: quoted newlines, with the blocks of both builds (AVX2 where the
   * CPU has it, and SSE2) */
  test_rows(FMT_CSV, "\"\n\r,ab ;", 977);
  ajar_have_avx2 = !have && __builtin_cpu_supports("avx2");
  if (ajar_have_avx2 != have)
    test_rows(FMT_CSV, "\"\n\r,ab ;", 978);
  ajar_have_avx2 = have;
  /* NDJSON lines (framer_next_line, inline in on_records): '\r\n'
   * endings, blank lines */
  test_rows(FMT_NDJSON, "\n\r\n{} a\"", 5150);
}
