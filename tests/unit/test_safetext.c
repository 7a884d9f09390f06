/* Unit tests for src/lib/report/safetext.c: ajar_text_escape, the one
 * routine that makes peer and file strings terminal-safe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ajar/ajar.h"
#include "unit.h"

struct esc_case {
  const char *in, *out;
};

static const struct esc_case cases[] = {
    {"plain name", "plain name"},
    {"", ""},
    {"caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80", /* kept */
     "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80"},
    {"back\\slash", "back\\slash"},
    {"\x1b[2J\x1b[31mred", "\\x1b[2J\\x1b[31mred"},            /* CSI */
    {"\x1b]52;c;aGk=\x07x", "\\x1b]52;c;aGk=\\x07x"},           /* OSC 52 */
    {"a\tb\nc\rd\x7f", "a\\x09b\\x0ac\\x0dd\\x7f"},             /* C0, DEL */
    {"\xc2\x9b" "31m", "\\u009b31m"},                          /* C1 CSI */
    {"\xc2\x85\xc2\x80\xc2\x9f\xc2\xa0", "\\u0085\\u0080\\u009f\xc2\xa0"},
    {"evil\xe2\x80\xae" "gpj.exe", "evil\\u202egpj.exe"},      /* RLO */
    {"\xe2\x80\x8b\xe2\x80\x8f\xe2\x81\xa6\xe2\x81\xa9\xef\xbb\xbf",
     "\\u200b\\u200f\\u2066\\u2069\\ufeff"},
    {"\xd8\x9c\xc2\xad\xe2\x80\xa8", "\\u061c\\u00ad\\u2028"},
    {"tag\xf3\xa0\x80\x81", "tag\\U000e0001"},
    {"\x9b" "31m", "\\x9b31m"},                              /* raw C1 byte */
    {"\xc0\xaf", "\\xc0\\xaf"},                               /* overlong */
    {"\xe0\x80\xaf", "\\xe0\\x80\\xaf"},                      /* overlong */
    {"\xed\xa0\x80", "\\xed\\xa0\\x80"},                      /* surrogate */
    {"\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"},             /* > 10FFFF */
    {"cut\xe2\x80", "cut\\xe2\\x80"},                         /* truncated */
    {"\xff\xfe", "\\xff\\xfe"},
};

static void check_truncation(void) {
  char buf[8];
  /* "ab" + \x1b (4) = 6 bytes, + "cd": 8, so with n = 8 only "ab\x1bc" */
  size_t n = ajar_text_escape("ab\x1b" "cd", buf, sizeof buf);
  CHECK(n == 8);
  CHECK(!strcmp(buf, "ab\\x1bc"));
  /* never half an escape */
  n = ajar_text_escape("abcd\x1b", buf, sizeof buf);
  CHECK(n == 8);
  CHECK(!strcmp(buf, "abcd"));
  /* never half a character */
  n = ajar_text_escape("abcde\xe6\x97\xa5", buf, sizeof buf);
  CHECK(n == 8);
  CHECK(!strcmp(buf, "abcde"));
  CHECK(ajar_text_escape("\x1b", NULL, 0) == 4);
  CHECK(ajar_text_escape(NULL, buf, sizeof buf) == 0 && buf[0] == 0);
}

static void check_fputs(void) {
  /* a long name, an escape at every chunk boundary the routine may cut */
  char in[2100], want[8400], *got = NULL;
  size_t len = 0, i, w = 0;
  FILE *f;
  for (i = 0; i + 4 < sizeof in - 1;) {
    if (i % 7 == 0) {
      memcpy(in + i, "\xe2\x80\xae", 3); /* U+202E */
      memcpy(want + w, "\\u202e", 6);
      i += 3, w += 6;
    } else if (i % 5 == 0) {
      in[i++] = '\x1b';
      memcpy(want + w, "\\x1b", 4);
      w += 4;
    } else {
      memcpy(in + i, "\xc3\xa9", 2);
      memcpy(want + w, "\xc3\xa9", 2);
      i += 2, w += 2;
    }
  }
  in[i] = 0;
  want[w] = 0;
  f = open_memstream(&got, &len);
  CHECK(f && ajar_text_fputs(in, f) == 0);
  fclose(f);
  CHECKF(got && !strcmp(got, want), "%zu vs %zu bytes", len, w);
  free(got);
}

void test_safetext(void) {
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char buf[128];
    size_t n = ajar_text_escape(cases[i].in, buf, sizeof buf);
    CHECKF(!strcmp(buf, cases[i].out) && n == strlen(cases[i].out),
           "case %zu: got '%s'", i, buf);
  }
  check_truncation();
  check_fputs();
}
