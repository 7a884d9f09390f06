/* Terminal-safe text: the one routine every string from a peer or a file
 * goes through before a terminal or a person sees it (the text output,
 * the HTML report, the tool's stderr lines). Escaped:
 *   - C0 controls (ESC, CSI, OSC 52 ... start here) and DEL: \xHH
 *   - bytes that are not well-formed UTF-8 (stray continuation bytes,
 *     overlong forms, surrogates, past U+10FFFF, cut sequences): \xHH
 *   - C1 controls U+0080..U+009F: \u0080 ...
 *   - characters that are invisible or reorder text: bidi embeddings,
 *     overrides and isolates (U+202A..U+202E, U+2066..U+2069), marks
 *     (U+200E, U+200F, U+061C), zero-width characters (U+200B..U+200D,
 *     U+2060..U+2064, U+FEFF), line and paragraph separators, deprecated
 *     format controls, interlinear annotation, tags (U+E0000..U+E007F)
 *     and the soft hyphen: \uXXXX (\U00XXXXXX past U+FFFF)
 * Everything else, including a backslash, is copied as it is. */
#include <stdint.h>
#include <stdio.h>
#include "ajar/ajar.h"

static int invisible(uint32_t c) {
  return (c >= 0x80 && c <= 0x9f) || c == 0xad || c == 0x34f ||
         c == 0x61c || c == 0x115f || c == 0x1160 || c == 0x17b4 ||
         c == 0x17b5 || (c >= 0x180b && c <= 0x180f) ||
         (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
         (c >= 0x2060 && c <= 0x206f) || c == 0x3164 || c == 0xfeff ||
         c == 0xffa0 || (c >= 0xfff0 && c <= 0xfffb) ||
         (c >= 0x1d173 && c <= 0x1d17a) || (c >= 0xe0000 && c <= 0xe0fff);
}

/* length of the well-formed UTF-8 sequence at p (1..4) and its code
 * point, or 0 when p does not start one */
static int utf8(const unsigned char *p, uint32_t *cp) {
  uint32_t c;
  int n, i;
  if (p[0] < 0x80) { *cp = p[0]; return 1; }
  if (p[0] >= 0xc2 && p[0] <= 0xdf) { n = 2; c = p[0] & 0x1f; }
  else if (p[0] >= 0xe0 && p[0] <= 0xef) { n = 3; c = p[0] & 0x0f; }
  else if (p[0] >= 0xf0 && p[0] <= 0xf4) { n = 4; c = p[0] & 0x07; }
  else return 0;
  for (i = 1; i < n; i++) {
    if ((p[i] & 0xc0) != 0x80) return 0; /* also stops at the NUL */
    c = c << 6 | (p[i] & 0x3f);
  }
  if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
      (c >= 0xd800 && c <= 0xdfff))
    return 0;
  *cp = c;
  return n;
}

size_t ajar_text_escape(const char *s, char *out, size_t n) {
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t len = 0, w = 0; /* needed, and written (w < n, the NUL at w) */
  if (n) out[0] = 0;
  while (*p) {
    char e[12];
    const char *piece = e;
    uint32_t c;
    int k = utf8(p, &c), m;
    if (k == 0 || c < 0x20 || c == 0x7f) {
      m = snprintf(e, sizeof e, "\\x%02x", *p);
      k = 1;
    } else if (invisible(c)) {
      m = snprintf(e, sizeof e, c > 0xffff ? "\\U%08x" : "\\u%04x",
                   (unsigned)c);
    } else {
      piece = (const char *)p;
      m = k;
    }
    /* a whole character or escape, or nothing more: never half of one */
    if (w == len && len + (size_t)m < n) {
      for (int i = 0; i < m; i++) out[w++] = piece[i];
      out[w] = 0;
    }
    len += (size_t)m;
    p += k;
  }
  return len;
}

int ajar_text_fputs(const char *s, FILE *f) {
  char buf[1024];
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  /* in chunks cut at character boundaries of the input */
  while (*p) {
    char in[256];
    size_t i = 0;
    while (p[i] && i < sizeof in - 8) i++;
    while (p[i] && i && (p[i] & 0xc0) == 0x80 && i > sizeof in - 12) i--;
    for (size_t j = 0; j < i; j++) in[j] = (char)p[j];
    in[i] = 0;
    ajar_text_escape(in, buf, sizeof buf);
    if (fputs(buf, f) == EOF) return AJAR_EIO;
    p += i;
  }
  return 0;
}
