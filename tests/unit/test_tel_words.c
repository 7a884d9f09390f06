/* Where a word that announces a phone starts (text_tel.c), against a
 * plain reference written here: at each place, every word of tel_words
 * in their order, compared byte for byte, where text_tel.h says a word
 * starts. The texts hold every word as is, with a letter's case
 * changed, in capitals and small letters, one byte short, with a byte
 * changed; after nothing, a letter, a digit, a space or a byte past
 * ASCII; at each offset of a 16-byte step (text_tel.c reads 16 bytes
 * at a time) and at the text's end; then random texts of words, their
 * starts and single bytes. Both the words found at one place, one
 * after another (tel_word_at), and the places found in a window
 * (tel_next) are compared. */
#include <stdint.h>
#include <string.h>
#include "found.h"
#include "text_tel.h"
#include "unit.h"

static int ref_word_at(const char *v, size_t n, size_t i, int after) {
  unsigned char c = (unsigned char)v[i], p = i ? (unsigned char)v[i - 1] : ' ';
  int letter = (p | 0x20) >= 'a' && (p | 0x20) <= 'z';
  size_t w;
  if (c < 0xE0 && (letter || p >= 0x80))
    return -1;
  for (w = (size_t)(after + 1); w < tel_word_count; w++)
    if (tel_words[w].n <= n - i && memcmp(v + i, tel_words[w].w, tel_words[w].n) == 0)
      return (int)w;
  return -1;
}

/* the words at each place of v, one after another: 1 when both agree */
static int words_agree(const char *v, size_t n) {
  size_t j;
  for (j = 0; j < n; j++) {
    int x = -1, y = -1;
    do {
      x = tel_word_at(v, n, j, x);
      y = ref_word_at(v, n, j, y);
      if (x != y)
        return 0;
    } while (x >= 0);
  }
  return 1;
}

/* the places of the window [a, b) of v and their first words */
static int window_agrees(const char *v, size_t n, size_t a, size_t b) {
  size_t i;
  for (i = a;; i++) {
    size_t r = i;
    int w = -1, rw = -1;
    while (r < b && (rw = ref_word_at(v, n, r, -1)) < 0)
      r++;
    i = i < b ? tel_next(v, n, i, b, &w) : b;
    if (i != r || (r < b && w != rw))
      return 0;
    if (i >= b)
      return 1;
  }
}

/* v with a word at `at`: its places, and windows from the text's start,
 * from the word, around it, and one byte short of the text's end */
static int text_agrees(const char *v, size_t n, size_t at) {
  return words_agree(v, n) && window_agrees(v, n, 0, n) && window_agrees(v, n, at, n) &&
         window_agrees(v, n, at ? at - 1 : 0, n) && (n < 2 || window_agrees(v, n, 1, n - 1)) &&
         window_agrees(v, n, at + 1 < n ? at + 1 : n, n);
}

/* word k changed by variant m (0: as is), its length; 0 when m is past
 * the last variant */
static size_t variant(size_t k, size_t m, char *out) {
  size_t l = tel_words[k].n, j;
  memcpy(out, tel_words[k].w, l);
  if (m == 0)
    return l;
  if (m == 1) { /* capitals */
    for (j = 0; j < l; j++)
      if (out[j] >= 'a' && out[j] <= 'z')
        out[j] = (char)(out[j] - 32);
    return l;
  }
  if (m == 2) { /* small letters */
    for (j = 0; j < l; j++)
      if (out[j] >= 'A' && out[j] <= 'Z')
        out[j] = (char)(out[j] + 32);
    return l;
  }
  if (m == 3) /* one byte short */
    return l - 1;
  m -= 4;
  if (m < l) { /* one letter's case changed (another byte as is) */
    if (((unsigned char)out[m] | 0x20) >= 'a' && ((unsigned char)out[m] | 0x20) <= 'z')
      out[m] = (char)(out[m] ^ 0x20);
    return l;
  }
  m -= l;
  if (m < 3 * l) { /* one byte changed: to the next byte, to 'x', to 0xA9 */
    j = m / 3;
    out[j] = m % 3 == 0 ? (char)(out[j] + 1) : m % 3 == 1 ? 'x' : (char)0xA9;
    return l;
  }
  return 0;
}

static void words_in_place(void) {
  static const char *const before[] = {"", " ", "a", "Z", "1", ".", "\xC3\xA9", "\xE5\xA4\xA7"};
  static const char *const after[] = {"", ". 030 1234 5678", "x", " "};
  char buf[128], word[32];
  size_t k, m, left, len;
  int differ = 0, texts = 0;
  for (k = 0; k < tel_word_count; k++)
    for (m = 0; (len = variant(k, m, word)) > 0; m++)
      for (left = 0; left < 36; left++) {
        const char *b = before[(m + left) % (sizeof before / sizeof before[0])];
        const char *a = after[left % (sizeof after / sizeof after[0])];
        size_t n, bl = strlen(b);
        for (n = 0; n < left; n++) /* b over and over, cut anywhere */
          buf[n] = bl ? b[n % bl] : ' ';
        memcpy(buf + n, word, len);
        memcpy(buf + n + len, a, strlen(a));
        texts++;
        if (!text_agrees(buf, n + len + strlen(a), n) && differ++ < 5)
          fprintf(stderr, "word %zu variant %zu at %zu differs: %.*s\n", k, m, n,
                  (int)(n + len + strlen(a)), buf);
      }
  CHECKF(differ == 0, "%d of %d texts with a word differ", differ, texts);
}

static void random_texts(void) {
  static const char bytes[] = "TtPpMmHhCcFfGeEloa1 .:-\xC3\xA9\xE5\x94\xD0\xA2";
  char buf[256];
  uint32_t x = 88172645u;
  int i, differ = 0, found = 0;
  for (i = 0; i < 5000; i++) {
    size_t n = 0, want = rnd(&x) % 200;
    while (n < want) {
      if (rnd(&x) % 3 == 0) { /* a word, or its start */
        size_t k = rnd(&x) % tel_word_count, l = 1 + rnd(&x) % tel_words[k].n;
        memcpy(buf + n, tel_words[k].w, l);
        n += l;
      } else {
        buf[n++] = bytes[rnd(&x) % (sizeof bytes - 1)];
      }
    }
    found += n && tel_next(buf, n, 0, n, &(int){0}) < n;
    if (!text_agrees(buf, n, n / 3) && differ++ < 5)
      fprintf(stderr, "random text %d differs: %.*s\n", i, (int)n, buf);
  }
  CHECKF(differ == 0, "%d of 5000 random texts differ", differ);
  CHECKF(found > 2000, "%d of 5000 random texts hold a word", found);
}

void test_telwords(void) {
  words_in_place();
  random_texts();
}
