/* Field-name dictionary and value vocabularies: the logic (lexicon.h).
 *
 * Why hand-written: no library ships what this needs. PII field-name lists
 * that exist (DLP products, scanners) are English-only and flat; ajar also
 * has to read Chinese names (身份证号) and the pinyin initials Chinese
 * government and police systems use (sfzh, xm, hphm, kkmc ...), and it
 * needs compound rules so that "file_name" or "host_name" is not a
 * person's name and "client_address" is an IP, not a street. The value
 * vocabularies (56 ethnic groups of China, 政治面貌 values, common names)
 * are small, fixed, and must be reviewable line by line, so they are
 * plain tables too. The tables live in lexicon_data.c; this file holds
 * the normalisation, the compound rules and the lookups.
 *
 * Tables are built once (pthread_once) into static arrays: the field
 * dictionary in a hash table; the value vocabularies and the country
 * names in another, looked up by the value's normal form (16 bytes a
 * step) hashed 8 bytes a step. Building reads each table once and
 * checks nothing: what could be wrong in the tables (keys not in normal
 * form, keys listed twice) ajar_lexicon_selfcheck finds, which the unit
 * tests run. Lookups never allocate.
 */
#include "lexicon.h"
#include "lexicon_data.h"
#include "countries_data.h"
#include "once.h"

#include <pthread.h>
#include <string.h>
#include "shape.h"
#if defined(__SSSE3__)
#include <emmintrin.h>
#endif

#define FIELD_MAX  2048 /* capacity of the sorted field dictionary */
#define VOCAB_MAX  8192 /* capacity of the word table: the vocabularies'
                           3,300 words and the 4,062 country names */
#define NAME_BYTES 256  /* only the first 256 bytes of a field name are read */
#define TOK_MAX    32   /* tokens per field name */
#define SPAN_MAX   4    /* tokens joined into one key ("date_of_birth") */
#define KEY_MAX    64   /* bytes of a joined key */
#define VALUE_MAX  128  /* bytes of a normalised value */

struct fkey { const struct lx_field *e; size_t len; };
struct vkey { const char *key; size_t len; uint32_t bits; };

static struct fkey fkeys[FIELD_MAX];
static size_t fcount;
/* hash index over fkeys: slot -> index + 1 */
#define FHASH_SLOTS (FIELD_MAX * 2) /* at most half full */
_Static_assert(FIELD_MAX < 65536, "an index + 1 fits a slot");
static uint16_t fhash[FHASH_SLOTS];
/* The word table: every vocabulary word and country name once, with the
 * AJAR_V_* bits of the vocabularies it is in (AJAR_V_COUNTRY: a country's
 * name), so that one normalisation and one probe answer both
 * ajar_lexicon_value_vocab and ajar_lexicon_country. */
static struct vkey vsorted[VOCAB_MAX];
/* hash index over vsorted: slot -> index + 1, built once with the table */
#define VHASH_SLOTS (VOCAB_MAX * 2) /* at most half full */
_Static_assert(VOCAB_MAX < 65536, "an index + 1 fills the low 16 bits of a slot");
/* each slot: the index + 1 in its low 16 bits, the high 16 bits of the
 * key's hash above them (most misses never read the key) */
static uint32_t vhash[VHASH_SLOTS];
static size_t vcount;
static size_t defects;
/* The word table's sieve: a bit for each signature (vsig_of) of a word
 * in it. A signature is what normalisation keeps of a value: its first
 * two and last two bytes folded (a separator as ' '), and its bytes
 * that are no separator, counted. A value whose bit is clear is no
 * word of the table, told without its normal form, hash and probe (a
 * name, a lorem word, a short text: most values asked). */
#define VSIG_BITS 65536 /* a power of two, about nine times the words */
#define VSIG4_LOG2 16    /* the bits of the four bytes alone: 65536 */
static uint64_t vsig[VSIG_BITS / 64], vsig4[(1u << VSIG4_LOG2) / 64];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* ---- small helpers ---------------------------------------------------- */

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static char fold(unsigned char c) { return (char)(is_upper(c) ? c + 32 : c); }
static int is_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r'); /* \t \n \v \f \r */
}

/* Value normal form: ASCII whitespace, '_' and '-' trimmed at the ends and
 * folded to one space inside; ASCII lower-cased; other bytes as they are.
 * Returns the length, or (size_t)-1 when it does not fit in cap. */
static size_t value_norm(const char *v, size_t n, char *out, size_t cap) {
  size_t i, o = 0;
  int gap = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if (is_space(c) || c == '_' || c == '-') {
      gap = o > 0;
      continue;
    }
    if (o + (size_t)gap >= cap)
      return (size_t)-1;
    if (gap)
      out[o++] = ' ';
    gap = 0;
    out[o++] = fold(c);
  }
  return o;
}

/* a byte as the sieve reads it: ASCII lower-cased, value_norm's
 * separators (ASCII white space, '_', '-') as ' ', the rest as it is;
 * built with the tables */
static unsigned char vsig_fold[256];

/* a signature's bit: b0..b3 the first two and last two bytes (one byte
 * twice in a form of fewer than four), letters the bytes no separator;
 * and the bit of the four bytes alone (vsig4) */
static inline uint32_t vsig_bit(uint32_t b4, size_t letters) {
  uint64_t k = ((uint64_t)b4 | (uint64_t)letters << 32) * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(k >> 32) & (VSIG_BITS - 1);
}
static inline uint32_t vsig4_bit(uint32_t b4) {
  return (b4 * 0x9E3779B1u) >> (32 - VSIG4_LOG2);
}

/* the first two and last two bytes of v (n >= 1) as the sieve reads them */
static inline uint32_t vsig_bytes(const char *v, size_t n) {
  const unsigned char *u = (const unsigned char *)v;
  size_t one = n > 1;
  return (uint32_t)vsig_fold[u[0]] | (uint32_t)vsig_fold[u[one]] << 8 |
         (uint32_t)vsig_fold[u[n - 1 - one]] << 16 | (uint32_t)vsig_fold[u[n - 1]] << 24;
}

/* the bytes of v (n <= 64) that are value_norm's separators; with
 * spaces_only, the spaces */
static inline size_t vsig_seps(const char *v, size_t n, int spaces_only) {
  size_t seps = 0, i;
#if defined(__SSSE3__)
  for (i = 0; i < n; i += 16) {
    /* lanes past the value are 0: no separator */
    __m128i x = shape_load_part(v + i, n - i < 16 ? n - i : 16);
    __m128i sep = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
    if (!spaces_only) {
      /* '\t'..'\r': x - 9 at most 4, unsigned */
      __m128i t = _mm_sub_epi8(x, _mm_set1_epi8('\t'));
      sep = _mm_or_si128(
          _mm_or_si128(sep, _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t)),
          _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('_')), _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))));
    }
    seps += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(sep));
  }
#else
  for (i = 0; i < n; i++)
    seps += spaces_only ? v[i] == ' ' : vsig_fold[(unsigned char)v[i]] == ' ';
#endif
  return seps;
}

/* Whether value v (n bytes) may be a word of the table (ensure_built
 * first): 0 only when its normal form's signature has no bit. A value
 * with a separator at an end (trimmed: its ends are not its form's) or
 * over 64 bytes is not sifted. With its ends no separator, v's first
 * byte folded is its form's first, its second a separator exactly when
 * the form's second is the space of a gap, and the same from the end;
 * normalisation drops and adds separators only, so the bytes that are
 * none are the same in number. The four bytes are tried alone first:
 * most values are told by them, without a count. spaces_only: v is
 * looked up as it is (value_words_exact), a word only when it is its
 * own normal form, whose separators are spaces. */
static inline __attribute__((always_inline)) int vsig_maybe(const char *v, size_t n,
                                                            int spaces_only) {
  uint32_t b4, b;
  if (n == 0 || n > 64)
    return 1;
  b4 = vsig_bytes(v, n);
  if (((b4 & 0xFF) == ' ' || b4 >> 24 == ' ') && !spaces_only)
    return 1;
  b = vsig4_bit(b4);
  if (!(vsig4[b >> 6] >> (b & 63) & 1))
    return 0;
  b = vsig_bit(b4, n - vsig_seps(v, n, spaces_only));
  return (int)(vsig[b >> 6] >> (b & 63) & 1);
}

/* The word table's hash of a normal form of len bytes at p, read 8
 * bytes a step: p must hold zeros from len to the next multiple of 8. */
static uint64_t word_hash(const char *p, size_t len) {
  uint64_t h = 0x9E3779B97F4A7C15ull * (len + 1), w;
  size_t i;
  for (i = 0; i < len; i += 8) {
    memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ h >> 32;
}

/* a field key's slot: the word table's hash of its bytes, copied with
 * the zeros word_hash wants after them (keys are looked up a few times
 * a field name, not a value) */
static uint32_t key_slot(const char *k, size_t len) {
  char buf[NAME_BYTES + 8];
  memcpy(buf, k, len);
  memset(buf + len, 0, 8);
  return (uint32_t)word_hash(buf, len) & (FHASH_SLOTS - 1);
}

static const struct lx_field *find_field(const char *k, size_t len) {
  uint32_t slot;
  if (len > NAME_BYTES)
    return NULL; /* longer than any name read, so than any key */
  for (slot = key_slot(k, len); fhash[slot]; slot = (slot + 1) & (FHASH_SLOTS - 1)) {
    const struct fkey *f = &fkeys[fhash[slot] - 1];
    if (f->len == len && memcmp(f->e->key, k, len) == 0)
      return f->e;
  }
  return NULL;
}

/* the slot of the normal form (len bytes at p, hash h) in vhash: the
 * one that holds it, or the empty one where it would go */
static inline uint32_t word_slot(const char *p, size_t len, uint64_t h) {
  uint32_t slot, tag = (uint32_t)(h >> 48) << 16;
  for (slot = (uint32_t)h & (VHASH_SLOTS - 1); vhash[slot];
       slot = (slot + 1) & (VHASH_SLOTS - 1)) {
    const struct vkey *k;
    if ((vhash[slot] & 0xFFFF0000u) != tag)
      continue;
    k = &vsorted[(vhash[slot] & 0xFFFFu) - 1];
    if (k->len == len && memcmp(k->key, p, len) == 0)
      break;
  }
  return slot;
}

/* the index + 1 in vsorted of the normal form (len bytes at p, padded as
 * word_hash wants), 0 when it is no word of the table */
static size_t word_find(const char *p, size_t len) {
  uint32_t slot = word_slot(p, len, word_hash(p, len));
  return vhash[slot] & 0xFFFFu; /* 0 in an empty slot */
}

/* a word of the table (in normal form) with its bits, or the bits added
 * to those of the same word added before; one hash and one probe each */
static void word_add(const char *w, size_t len, uint32_t bits) {
  char buf[VALUE_MAX + 8];
  uint64_t h;
  uint32_t slot;
  if (len > VALUE_MAX) {
    defects++;
    return;
  }
  memcpy(buf, w, len);
  memset(buf + len, 0, 8);
  if (len) { /* the word's signature (vsig_maybe) */
    size_t spaces = 0, one = len > 1;
    const char *sp;
    uint32_t b;
    /* most words have no space: memchr, not a byte loop, at start-up */
    for (sp = memchr(w, ' ', len); sp; sp = memchr(sp + 1, ' ', (size_t)(w + len - sp - 1)))
      spaces++;
    uint32_t b4 = (uint32_t)(unsigned char)w[0] | (uint32_t)(unsigned char)w[one] << 8 |
                  (uint32_t)(unsigned char)w[len - 1 - one] << 16 |
                  (uint32_t)(unsigned char)w[len - 1] << 24;
    b = vsig_bit(b4, len - spaces);
    vsig[b >> 6] |= 1ull << (b & 63);
    b = vsig4_bit(b4);
    vsig4[b >> 6] |= 1ull << (b & 63);
  }
  h = word_hash(buf, len);
  slot = word_slot(buf, len, h);
  if (vhash[slot]) {
    struct vkey *k = &vsorted[(vhash[slot] & 0xFFFFu) - 1];
    if (k->bits & bits & ~AJAR_V_COUNTRY)
      defects++; /* listed twice in one vocabulary */
    k->bits |= bits;
    return;
  }
  if (vcount == VOCAB_MAX) {
    defects++;
    return;
  }
  vsorted[vcount].key = w;
  vsorted[vcount].len = len;
  vsorted[vcount].bits = bits;
  vhash[slot] = (uint32_t)(h >> 48) << 16 | (uint32_t)(vcount + 1);
  vcount++;
}

/* A field key is lower-case ASCII letters and digits, or UTF-8 (CJK). */
static int field_key_ok(const char *k) {
  if (!*k)
    return 0;
  for (; *k; k++) {
    unsigned char c = (unsigned char)*k;
    if (c < 0x80 && !is_lower(c) && !is_digit(c))
      return 0;
  }
  return 1;
}

static void build(void) {
  size_t t, i;
  for (i = 0; i < 256; i++)
    vsig_fold[i] = is_space((unsigned char)i) || i == '_' || i == '-' ? ' ' : (unsigned char)fold((unsigned char)i);
  for (t = 0; t < lx_field_table_count; t++) {
    for (i = 0; i < lx_field_tables[t].n; i++) {
      const struct lx_field *e = &lx_field_tables[t].v[i];
      size_t len = strlen(e->key);
      uint32_t slot;
      if (fcount == FIELD_MAX || len > NAME_BYTES || find_field(e->key, len)) {
        defects++; /* over capacity, never read, or listed twice */
        continue;
      }
      fkeys[fcount].e = e;
      fkeys[fcount].len = len;
      for (slot = key_slot(e->key, len); fhash[slot]; slot = (slot + 1) & (FHASH_SLOTS - 1))
        ;
      fhash[slot] = (uint16_t)++fcount;
    }
  }
  for (t = 0; t < lx_vocab_table_count; t++)
    for (i = 0; i < lx_vocab_tables[t].n; i++)
      word_add(lx_vocab_tables[t].v[i], strlen(lx_vocab_tables[t].v[i]), lx_vocab_tables[t].bits);
  /* country names shorter than 3 bytes are no name ajar_lexicon_country
   * looks up (codes are looked up by their bits) */
  for (i = 0; i < ajar_country_names_count; i++)
    if (ajar_country_names[i].len >= 3)
      word_add(ajar_country_names[i].s, ajar_country_names[i].len, AJAR_V_COUNTRY);
}

/* keys that would never match: field keys not lower-case ASCII letters
 * and digits or UTF-8, vocabulary words and country names not in the
 * normal form */
static size_t malformed(void) {
  size_t t, i, bad = 0;
  char buf[VALUE_MAX];
  for (t = 0; t < lx_field_table_count; t++)
    for (i = 0; i < lx_field_tables[t].n; i++)
      bad += !field_key_ok(lx_field_tables[t].v[i].key);
  for (t = 0; t < lx_vocab_table_count; t++) {
    for (i = 0; i < lx_vocab_tables[t].n; i++) {
      const char *w = lx_vocab_tables[t].v[i];
      size_t len = strlen(w), nl = value_norm(w, len, buf, sizeof buf);
      bad += nl != len || nl == 0 || memcmp(buf, w, len) != 0;
    }
  }
  for (i = 0; i < ajar_country_names_count; i++) {
    const struct country_name *c = &ajar_country_names[i];
    bad += value_norm(c->s, c->len, buf, sizeof buf) != c->len || memcmp(buf, c->s, c->len);
  }
  return bad;
}

static int built;
static void ensure_built(void) {
  ajar_once(&once, &built, build);
}

static int contains(const char *h, size_t hn, const char *needle) {
  size_t nn = strlen(needle), i;
  if (nn == 0 || nn > hn)
    return 0;
  for (i = 0; i + nn <= hn; i++)
    if (memcmp(h + i, needle, nn) == 0)
      return 1;
  return 0;
}

/* ---- key normal form ------------------------------------------------- */

/* Base letters of Latin-1 U+00C0..U+00FF ('*': × and ÷, no letters; ß
 * gets a second s), Latin Extended-A U+0100..U+017F and the Vietnamese
 * letters U+1EA0..U+1EF9, so "Straße", "dirección", "płeć" and "ngày
 * sinh" meet their plain-ASCII spellings in the dictionary. */
static const char latin1[] =
    "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
static const char latin_ext_a[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLl"
    "NnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static const char viet[] = "AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIi"
                           "OoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy";

static int hexval(unsigned char c) {
  if (is_digit(c)) return c - '0';
  c = (unsigned char)fold(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* \uXXXX at p (n bytes left): the code unit, or -1 */
static long uescape(const char *p, size_t n) {
  long v = 0;
  int i;
  if (n < 6 || p[0] != '\\' || (p[1] != 'u' && p[1] != 'U'))
    return -1;
  for (i = 2; i < 6; i++) {
    int h = hexval((unsigned char)p[i]);
    if (h < 0)
      return -1;
    v = v * 16 + h;
  }
  return v;
}

/* one code point of valid UTF-8 at p, its length in *len (0: invalid) */
static uint32_t utf8_dec(const unsigned char *p, size_t n, size_t *len) {
  *len = 0;
  if (p[0] >= 0xC2 && p[0] <= 0xDF && n >= 2 && (p[1] & 0xC0) == 0x80) {
    *len = 2;
    return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
  }
  if (p[0] >= 0xE0 && p[0] <= 0xEF && n >= 3 && (p[1] & 0xC0) == 0x80 &&
      (p[2] & 0xC0) == 0x80) {
    *len = 3;
    return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
  }
  return 0;
}

static size_t utf8_put(char *out, size_t o, size_t cap, uint32_t cp) {
  if (cp < 0x80) {
    if (o + 1 > cap) return cap + 1;
    out[o++] = (char)cp;
  } else if (cp < 0x800) {
    if (o + 2 > cap) return cap + 1;
    out[o++] = (char)(0xC0 | cp >> 6);
    out[o++] = (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    if (o + 3 > cap) return cap + 1;
    out[o++] = (char)(0xE0 | cp >> 12);
    out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[o++] = (char)(0x80 | (cp & 0x3F));
  } else {
    if (o + 4 > cap) return cap + 1;
    out[o++] = (char)(0xF0 | cp >> 18);
    out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[o++] = (char)(0x80 | (cp & 0x3F));
  }
  return o;
}

/* A code point in key normal form: Latin letters to their base letter,
 * Cyrillic to lower case (ё as е), Arabic alef and yeh forms to plain
 * alef and yeh (tatweel dropped: 0), fullwidth ASCII to ASCII, the
 * ideographic space and katakana middle dot to a space. Case of Latin
 * letters is kept: camelCase still splits. */
static uint32_t fold_cp(uint32_t cp, uint32_t *second) {
  *second = 0;
  if (cp >= 0xC0 && cp <= 0xFF) {
    char b = latin1[cp - 0xC0];
    if (cp == 0xDF) *second = 's';
    return b == '*' ? ' ' : (uint32_t)b;
  }
  if (cp >= 0x100 && cp <= 0x17F) return (uint32_t)latin_ext_a[cp - 0x100];
  if (cp == 0x1A0 || cp == 0x1A1) return cp == 0x1A0 ? 'O' : 'o';
  if (cp == 0x1AF || cp == 0x1B0) return cp == 0x1AF ? 'U' : 'u';
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return (uint32_t)viet[cp - 0x1EA0];
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp == 0x401 || cp == 0x451) return 0x435;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp == 0x622 || cp == 0x623 || cp == 0x625) return 0x627;
  if (cp == 0x649) return 0x64A;
  if (cp == 0x640) return 0;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  if (cp == 0x3000 || cp == 0x30FB) return ' ';
  return cp;
}

/* name in key normal form into out (cap bytes); returns its length.
 * Literal \uXXXX escapes (keys escaped twice, CSV headers copied from
 * JSON) are decoded first. */
static size_t key_norm(const char *in, size_t n, char *out, size_t cap) {
  size_t i = 0, o = 0;
  while (i < n) {
    unsigned char c = (unsigned char)in[i];
    uint32_t cp, second;
    size_t len = 1, o2;
    long u = c == '\\' ? uescape(in + i, n - i) : -1;
    if (u >= 0) {
      cp = (uint32_t)u;
      len = 6;
      if (u >= 0xD800 && u <= 0xDBFF) {
        long lo = uescape(in + i + 6, n - i - 6);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((uint32_t)(u - 0xD800) << 10) + (uint32_t)(lo - 0xDC00);
          len = 12;
        }
      }
    } else if (c < 0x80) {
      cp = c;
    } else {
      cp = utf8_dec((const unsigned char *)in + i, n - i, &len);
      if (!len) { /* 4-byte or invalid: kept as it is */
        if (o + 1 > cap) break;
        out[o++] = (char)c;
        i++;
        continue;
      }
    }
    i += len;
    cp = fold_cp(cp, &second);
    if (!cp)
      continue;
    o2 = utf8_put(out, o, cap, cp);
    if (o2 > cap) break;
    o = o2;
    if (second) {
      if (o + 1 > cap) break;
      out[o++] = (char)second;
    }
  }
  return o;
}

/* ---- field names ------------------------------------------------------ */

enum { T_ALPHA, T_DIGIT, T_CJK, T_WORD };
struct tok { size_t off, len; int kind; };

/* An 's' at i that ends a word: "IDs" is one word, "IDCard" two. */
static int plural_s(const char *s, size_t n, size_t i) {
  return s[i] == 's' && (i + 1 >= n || !is_lower((unsigned char)s[i + 1]));
}

/* Splits at separators (anything not a letter, digit or non-ASCII byte),
 * at lower→Upper ("idCard"), at Upper→Upper+lower ("IDCard" → ID Card,
 * but "IDs" stays one word), at letter↔digit, and around non-ASCII runs. */
static size_t tokenize(const char *s, size_t n, struct tok *t) {
  size_t nt = 0, i = 0;
  while (i < n && nt < TOK_MAX) {
    unsigned char c = (unsigned char)s[i];
    size_t start = i;
    int kind;
    if (c >= 0x80) {
      /* two-byte letters (Cyrillic, Arabic) make words like ASCII ones;
       * CJK, kana and Hangul (three bytes) are read as a run */
      int two = c < 0xE0;
      while (i < n && (unsigned char)s[i] >= 0x80 &&
             (((unsigned char)s[i] < 0xE0) == two || ((unsigned char)s[i] & 0xC0) == 0x80))
        i++;
      kind = two ? T_WORD : T_CJK;
      /* the Arabic article al- ("الاسم" is "اسم") */
      if (two && i - start > 6 && (unsigned char)s[start] == 0xD8 &&
          (unsigned char)s[start + 1] == 0xA7 && (unsigned char)s[start + 2] == 0xD9 &&
          (unsigned char)s[start + 3] == 0x84)
        start += 4;
    } else if (is_digit(c)) {
      while (i < n && is_digit((unsigned char)s[i]))
        i++;
      kind = T_DIGIT;
    } else if (is_alpha(c)) {
      for (i++; i < n && is_alpha((unsigned char)s[i]); i++) {
        unsigned char p = (unsigned char)s[i - 1], q = (unsigned char)s[i];
        if (is_lower(p) && is_upper(q))
          break;
        if (is_upper(p) && is_upper(q) && i + 1 < n &&
            is_lower((unsigned char)s[i + 1]) && !plural_s(s, n, i + 1))
          break;
      }
      kind = T_ALPHA;
    } else {
      i++;
      continue;
    }
    t[nt].off = start;
    t[nt].len = i - start;
    t[nt].kind = kind;
    nt++;
  }
  return nt;
}

struct state {
  uint32_t acc;
  const struct lx_field *prev;        /* previous word, NULL if unknown */
  const struct lx_field *prev_nonmod; /* same, skipping display, full ... */
  int name_pending; /* previous word was a bare "name" giving NAME */
  int name_killed;  /* ... and a qualifier followed it ("name_server") */
  int name_other;   /* NAME also came from elsewhere (first_name) */
  int addr_pending; /* previous word was "address" giving ADDRESS */
  int addr_killed;  /* ... and an ip/mac/e-mail word followed ("direccion_ip") */
  int addr_other;   /* ADDRESS also came from elsewhere */
  int neg_other;    /* NEGATIVE came from a word that is no digest */
  int country;      /* a word for country (LX_COUNTRY) */
  int est;          /* an estimate qualifier (LX_EST) */
  const struct lx_field *whole_only; /* a whole-name-only word met in a
                                        longer name ("alter", "eta") */
};

/* Whether entry e may stand for a span of k tokens. glued: the k tokens
 * touch, split only by case ("sfZh", not "sf_zh"). part: e is a piece cut
 * out of one longer token (plural stem, compound half). */
static int usable(const struct lx_field *e, size_t k, int whole, int glued,
                  int part) {
  if ((e->flags & LX_WHOLE) && !whole)
    return 0;
  if ((e->flags & LX_PINYIN) && (part || (k > 1 && !(whole && glued))))
    return 0;
  return 1;
}

/* quiet: e only sets context (first half of "zipfile", whose hints are
 * not the value's: the head word decides) */
static void apply(struct state *st, const struct lx_field *e, int last,
                  int whole, int quiet) {
  uint32_t h = quiet ? 0 : e->hints;
  const struct lx_field *q;
  if (e->flags & LX_PART)
    return;
  if (e->flags & LX_COUNTRY)
    st->country = 1;
  if (e->flags & LX_EST)
    st->est = 1;
  if ((e->flags & LX_HEAD) && !last)
    h = 0;
  if ((e->flags & LX_NOTWHOLE) && whole)
    h = 0;
  if (e->flags & LX_NAMEHEAD) {
    q = st->prev_nonmod;
    if (q && (q->flags & LX_NAMEQ))
      h &= ~(uint32_t)AJAR_H_NAME; /* file_name, camera_name, street_name */
  }
  if (e->flags & LX_ADDRHEAD) {
    q = st->prev;
    if (q && (q->flags & LX_ADDRQ))
      h = (h & ~(uint32_t)AJAR_H_ADDRESS) | q->alt; /* server_address → IP */
    else if (q && (q->hints & (AJAR_H_IP | AJAR_H_MAC | AJAR_H_EMAIL)))
      h &= ~(uint32_t)AJAR_H_ADDRESS; /* client_ip_address: the ip says it */
  }
  if (st->name_pending && (e->flags & LX_NAMEQ))
    st->name_killed = 1; /* name_server, name_node, name_type */
  st->name_pending = 0;
  if (e->flags & LX_NAMEHEAD)
    st->name_pending = (h & AJAR_H_NAME) != 0;
  else if (h & AJAR_H_NAME)
    st->name_other = 1;
  /* head first (Romance): "direccion ip", "adresse mail" */
  if (st->addr_pending && (h & (AJAR_H_IP | AJAR_H_MAC | AJAR_H_EMAIL)))
    st->addr_killed = 1;
  st->addr_pending = 0;
  if (e->flags & LX_ADDRHEAD)
    st->addr_pending = (h & AJAR_H_ADDRESS) != 0;
  else if (h & AJAR_H_ADDRESS)
    st->addr_other = 1;
  if ((h & AJAR_H_NEGATIVE) && !(e->flags & LX_DIGEST))
    st->neg_other = 1;
  st->acc |= h;
  st->prev = e;
  if (!(e->flags & LX_MOD))
    st->prev_nonmod = e;
}

static void unknown_word(struct state *st) {
  st->prev = st->prev_nonmod = NULL;
  st->name_pending = 0;
  st->addr_pending = 0;
}

static uint32_t cjk_needles(const char *s, size_t n) {
  uint32_t h = 0;
  size_t i;
  for (i = 0; i < lx_cjk_needle_count; i++)
    if (contains(s, n, lx_cjk_needles[i].needle))
      h |= lx_cjk_needles[i].hints;
  return h;
}

/* The first part of a glued compound, a German linking s, n or en
 * dropped if need be ("geburts|datum", "kunden|name"). */
static const struct lx_field *first_part(const char *w, size_t p) {
  const struct lx_field *a = find_field(w, p);
  if (!a && p > 4 && (w[p - 1] == 's' || w[p - 1] == 'n'))
    a = find_field(w, p - 1);
  if (!a && p > 5 && w[p - 2] == 'e' && w[p - 1] == 'n')
    a = find_field(w, p - 2);
  return a && usable(a, 1, 0, 1, 1) ? a : NULL;
}

/* w cut into two or three known words, the last (the head) of 4 bytes
 * or more ("hostage", "passage" are not ages). Returns the number of
 * parts (0: none) with the entries in part[]. */
static const struct lx_field *head_part(const char *w, size_t len) {
  const struct lx_field *b = find_field(w, len);
  return b && usable(b, 1, 0, 1, 1) ? b : NULL;
}

static size_t cut_compound(const char *w, size_t len, const struct lx_field **part) {
  size_t p, q;
  for (p = 2; p + 4 <= len; p++) {
    if (!(part[0] = first_part(w, p)))
      continue;
    if ((part[1] = head_part(w + p, len - p)))
      return 2;
    for (q = p + 2; q + 4 <= len; q++)
      if ((part[1] = first_part(w + p, q - p)) && (part[2] = head_part(w + q, len - q)))
        return 3;
  }
  return 0;
}

/* A token not in the dictionary: try its plural stem ("addresses"), then
 * reading it as a compound of known words ("hostname", "clientaddr",
 * "Geburtsdatum", "Kundennachname"). A compound is its head (the last
 * word) with qualifiers: only the head gives hints, except before
 * "name"/"address", where the qualifier decides ("streetname" is an
 * address, "zipfile" is not), and before a head that says nothing alone
 * ("Telefon|nummer", "Geburts|datum"). Pinyin and whole-only keys are
 * never cut out of a longer token. */
static int token_fallback(struct state *st, const char *w, size_t len,
                          int last) {
  size_t stems[3], ns = 0, s, np, k;
  const struct lx_field *a, *part[3];
  stems[ns++] = len;
  if (len >= 3 && w[len - 1] == 's') {
    stems[ns++] = len - 1;
    if (len >= 5 && w[len - 2] == 'e')
      stems[ns++] = len - 2;
  }
  for (s = 1; s < ns; s++) {
    a = find_field(w, stems[s]);
    if (a && usable(a, 1, 0, 1, 1)) {
      apply(st, a, last, 0, 0);
      return 1;
    }
  }
  for (s = 0; s < ns; s++) {
    np = cut_compound(w, stems[s], part);
    if (!np)
      continue;
    for (k = 0; k + 1 < np; k++)
      apply(st, part[k], 0, 0,
            !(part[np - 1]->flags & (LX_NAMEHEAD | LX_ADDRHEAD | LX_GENERIC | LX_COUNTRY)));
    apply(st, part[np - 1], last, 0, 0);
    return 1;
  }
  return 0;
}

/* German written without umlauts (DIN 5007-2: ä as ae, ö as oe, ü as
 * ue): an unknown token read again with those folded as the dictionary
 * folds ä, ö, ü ("laengengrad" is "längengrad", "geschaetztes" is
 * "geschätztes"). Only for tokens nothing else knows. */
static int umlaut_fallback(struct state *st, const char *w, size_t len,
                           int last) {
  char buf[KEY_MAX];
  size_t i, o = 0;
  const struct lx_field *e;
  if (len > sizeof buf)
    return 0;
  for (i = 0; i < len; i++) {
    buf[o++] = w[i];
    if (i + 1 < len && w[i + 1] == 'e' && (w[i] == 'a' || w[i] == 'o' || w[i] == 'u') &&
        !(i > 0 && w[i - 1] == 'q'))
      i++; /* "ae" → "a"; not the u of "que" */
  }
  if (o == len)
    return 0;
  e = find_field(buf, o);
  if (e && usable(e, 1, 0, 1, 1)) {
    apply(st, e, last, 0, 0);
    return 1;
  }
  return token_fallback(st, buf, o, last);
}

/* "estimated" in the CJK field names of face analysis: 推定年齢 (ja),
 * 추정나이 (ko), 年龄估计 (zh); read only where an age or a gender is */
static int cjk_estimate(const char *s, size_t n) {
  static const char *const est[] = {"估计", "预估", "推测", "推定", "추정", "예측"};
  size_t i;
  for (i = 0; i < sizeof est / sizeof est[0]; i++)
    if (contains(s, n, est[i]))
      return 1;
  return 0;
}

uint32_t ajar_lexicon_field_hints(const char *name, size_t n) {
  char low[NAME_BYTES], key[KEY_MAX], norm[NAME_BYTES];
  struct tok t[TOK_MAX];
  struct state st;
  size_t i, k, nt, last_sig = (size_t)-1, b, e;
  int nonascii = 0;

  if (!name || n == 0)
    return 0;
  ensure_built();
  for (i = 0; i < n && i < NAME_BYTES; i++)
    if ((unsigned char)name[i] >= 0x80 || name[i] == '\\')
      break;
  if (i < n && i < NAME_BYTES) {
    n = key_norm(name, n, norm, sizeof norm);
    name = norm;
  }
  if (n > NAME_BYTES)
    n = NAME_BYTES;
  for (i = 0; i < n; i++) {
    low[i] = fold((unsigned char)name[i]);
    if ((unsigned char)name[i] >= 0x80)
      nonascii = 1;
  }

  /* a Chinese or mixed name as a whole: 身份证号, IP地址 */
  if (nonascii) {
    const struct lx_field *whole;
    for (b = 0; b < n && is_space((unsigned char)low[b]); b++) {}
    for (e = n; e > b && is_space((unsigned char)low[e - 1]); e--) {}
    whole = find_field(low + b, e - b);
    if (whole)
      return whole->hints;
  }

  nt = tokenize(name, n, t);
  for (i = 0; i < nt; i++)
    if (t[i].kind != T_DIGIT)
      last_sig = i;
  memset(&st, 0, sizeof st);

  for (i = 0; i < nt;) {
    size_t run = 0;
    int done = 0;
    if (t[i].kind == T_CJK) {
      const struct lx_field *ce = find_field(low + t[i].off, t[i].len);
      if (ce) {
        apply(&st, ce, i == last_sig, nt == 1, 0);
      } else {
        uint32_t h = cjk_needles(low + t[i].off, t[i].len);
        if (h & AJAR_H_NAME)
          st.name_other = 1;
        st.acc |= h;
        unknown_word(&st);
      }
      i++;
      continue;
    }
    /* longest run of ASCII tokens that joined is a key: id_card_no */
    while (i + run < nt && run < SPAN_MAX && t[i + run].kind != T_CJK)
      run++;
    for (k = run; k >= 1 && !done; k--) {
      size_t len = 0, j;
      const struct lx_field *fe;
      int whole = i == 0 && i + k == nt, glued = 1;
      if (k == 1 && t[i].kind == T_DIGIT)
        break;
      for (j = i; j < i + k; j++) {
        len += t[j].len;
        if (j > i && t[j].off != t[j - 1].off + t[j - 1].len)
          glued = 0;
      }
      if (len > sizeof key)
        continue;
      for (len = 0, j = i; j < i + k; j++) {
        memcpy(key + len, low + t[j].off, t[j].len);
        len += t[j].len;
      }
      fe = find_field(key, len);
      if (fe && k == 1 && (fe->flags & LX_WHOLE) && !(fe->flags & LX_PINYIN) &&
          !whole)
        st.whole_only = fe;
      if (!fe || !usable(fe, k, whole, glued, 0))
        continue;
      apply(&st, fe, i + k - 1 >= last_sig, whole, 0);
      i += k;
      done = 1;
    }
    if (done)
      continue;
    if (t[i].kind == T_ALPHA &&
        !token_fallback(&st, low + t[i].off, t[i].len, i >= last_sig) &&
        !umlaut_fallback(&st, low + t[i].off, t[i].len, i >= last_sig))
      unknown_word(&st);
    i++; /* a lone number ("address2") is skipped without breaking context */
  }
  if (nonascii && !st.est && (st.acc & (AJAR_H_AGE_DOB | AJAR_H_GENDER)) &&
      cjk_estimate(low, n))
    st.est = 1;
  /* "eta_stimata", "geschaetztes_alter": a word that stands alone only
   * as the whole name stands beside an estimate qualifier as well */
  if (st.est && st.whole_only && nt == 2)
    st.acc |= st.whole_only->hints;
  /* an age or a gender somebody estimated: from a face (collection_finish.c) */
  if (st.est && (st.acc & (AJAR_H_AGE_DOB | AJAR_H_GENDER)))
    st.acc |= AJAR_H_FACE_ATTR;
  /* the country of a citizenship or of a birth is a demographic, not a
   * postal address nor a date ("citizenship_country", "Geburtsland") */
  if (st.country && (st.acc & AJAR_H_DEMOGRAPHIC) &&
      !(st.acc & (AJAR_H_GENDER)))
    st.acc = (st.acc & ~(uint32_t)(AJAR_H_ADDRESS | AJAR_H_AGE_DOB | AJAR_H_TIME)) |
             AJAR_H_DEMOGRAPHIC;
  if (st.name_killed && !st.name_other)
    st.acc &= ~(uint32_t)AJAR_H_NAME;
  if (st.addr_killed && !st.addr_other)
    st.acc &= ~(uint32_t)AJAR_H_ADDRESS;
  /* a birth date is no event time ("fecha de nacimiento") */
  if (st.acc & AJAR_H_AGE_DOB)
    st.acc &= ~(uint32_t)AJAR_H_TIME;
  /* the hash of a secret is a secret ("passwort_hash") */
  if ((st.acc & AJAR_H_SECRET) && !st.neg_other)
    st.acc &= ~(uint32_t)AJAR_H_NEGATIVE;
  return st.acc;
}

/* The words for the first-level division of a country in an address
 * (a US state, a Brazilian UF, a German Land, a Spanish or Italian
 * province): the address schemas of schema.org (addressRegion), FHIR
 * (Address.state), the Correios (UF) and each language's word for it. */
int ajar_lexicon_region_key(const char *name, size_t n) {
  static const char *const words[] = {
    "state", "province", "region", "addressregion", "uf", "bundesland",
    "land", "provincia", "estado", "regione", "provincie", "prefecture",
    "canton", "kanton", "省", "州", "都道府県", "도",
  };
  char norm[NAME_BYTES];
  size_t len, i;
  if (!name || n == 0 || n >= NAME_BYTES)
    return 0;
  len = key_norm(name, n, norm, sizeof norm);
  for (i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strlen(words[i]) == len && memcmp(words[i], norm, len) == 0)
      return 1;
  return 0;
}

int ajar_lexicon_text_key(const char *name, size_t n) {
  /* the text or label of a coded thing: HL7 FHIR's Coding.display and
   * CodeableConcept.text, and the words for description, label and
   * designation in the lexicon's languages */
  static const char *const words[] = {
    "display", "displayname", "text", "description", "desc", "label",
    "title", "term", "name", "value", "code", "beschreibung",
    "bezeichnung", "omschrijving", "benaming", "descripcion", "descrizione",
    "descricao", "libelle", "designation", "denominazione", "nome", "nom",
    "nombre", "naam", "opis", "nazwa", "aciklama", "mota",
    "名称", "描述", "说明", "説明", "명칭", "설명", "описание",
    "название", "وصف",
  };
  char norm[NAME_BYTES];
  size_t len, i;
  if (!name || n == 0 || n >= NAME_BYTES)
    return 0;
  len = key_norm(name, n, norm, sizeof norm);
  for (i = 0; i < len; i++) /* "Display", "displayName" */
    if (norm[i] >= 'A' && norm[i] <= 'Z')
      norm[i] = (char)(norm[i] + 32);
  for (i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strlen(words[i]) == len && memcmp(words[i], norm, len) == 0)
      return 1;
  return 0;
}

/* ---- values ----------------------------------------------------------- */

/* The normal form of a value (value_norm) into out (VALUE_MAX + 16
 * bytes), with zeros after it up to the next multiple of 8 (word_hash
 * reads 8 bytes a step). Returns its length, (size_t)-1 when it does not
 * fit. A value of 64 bytes or fewer with no separator at either end nor
 * two in a row is only lower-cased with its separators written as ' ':
 * that is done 16 bytes a step; any other takes value_norm. */
static size_t norm_padded(const char *v, size_t n, char *out) {
  size_t len;
#if defined(__SSSE3__)
  /* an empty value takes value_norm: the test of its last byte below
   * would shift by n - 1 */
  if (n && n <= 64) {
    const __m128i a1 = _mm_set1_epi8('A' - 1), z1 = _mm_set1_epi8('Z' + 1),
                  t0 = _mm_set1_epi8('\t' - 1), t1 = _mm_set1_epi8('\r' + 1),
                  sp = _mm_set1_epi8(' '), us = _mm_set1_epi8('_'),
                  dash = _mm_set1_epi8('-'), case_bit = _mm_set1_epi8(0x20);
    uint64_t seps = 0;
    size_t i;
    for (i = 0; i < n; i += 16) {
      /* lanes past the value are 0: no letter, no separator */
      __m128i x = shape_load_part(v + i, n - i < 16 ? n - i : 16);
      __m128i up = _mm_and_si128(_mm_cmpgt_epi8(x, a1), _mm_cmpgt_epi8(z1, x));
      __m128i sep = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, us)),
          _mm_or_si128(_mm_cmpeq_epi8(x, dash),
                       _mm_and_si128(_mm_cmpgt_epi8(x, t0), _mm_cmpgt_epi8(t1, x))));
      x = _mm_add_epi8(x, _mm_and_si128(up, case_bit));
      x = _mm_or_si128(_mm_andnot_si128(sep, x), _mm_and_si128(sep, sp));
      _mm_storeu_si128((__m128i *)(out + i), x);
      seps |= (uint64_t)(unsigned)_mm_movemask_epi8(sep) << i;
    }
    if (!(seps & (1 | 1ull << (n - 1) | seps >> 1)))
      return n;
  }
#endif
  len = value_norm(v, n, out, VALUE_MAX);
  if (len != (size_t)-1)
    memset(out + len, 0, 8);
  return len;
}

size_t ajar_lexicon_value_norm(const char *v, size_t n, char *out) {
  _Static_assert(AJAR_LEXICON_NORM_CAP >= VALUE_MAX + 16, "norm_padded's buffer");
  return norm_padded(v, n, out);
}

/* bytes already in normal form into out as norm_padded leaves them */
static void copy_padded(const char *v, size_t n, char *out) {
#if defined(__SSSE3__)
  if (n <= 64) {
    size_t i;
    for (i = 0; i < n; i += 16)
      _mm_storeu_si128((__m128i *)(out + i), shape_load_part(v + i, n - i < 16 ? n - i : 16));
    return;
  }
#endif
  memcpy(out, v, n);
  memset(out + n, 0, 8);
}

/* the bits of a normal form (len bytes at p, padded), 0 for no word */
static uint32_t words_of(const char *p, size_t len) {
  size_t k = word_find(p, len);
  return k ? vsorted[k - 1].bits : 0;
}

uint32_t ajar_lexicon_value_words_exact(const char *v, size_t n) {
  char buf[VALUE_MAX + 16];
  if (!v || n == 0 || n >= VALUE_MAX)
    return 0;
  ensure_built();
  if (!vsig_maybe(v, n, 1))
    return 0;
  copy_padded(v, n, buf);
  return words_of(buf, n);
}

uint32_t ajar_lexicon_value_words(const char *v, size_t n) {
  if (!v || n == 0)
    return 0;
  ensure_built();
  return vsig_maybe(v, n, 0) ? ajar_lexicon_value_words_unsifted(v, n) : 0;
}

int ajar_lexicon_value_sieve(const char *v, size_t n) {
  ensure_built();
  return vsig_maybe(v, n, 0);
}

uint32_t ajar_lexicon_value_words_unsifted(const char *v, size_t n) {
  char buf[VALUE_MAX + 16];
  size_t len;
  if (!v || n == 0)
    return 0;
  ensure_built();
  len = norm_padded(v, n, buf);
  if (len == (size_t)-1 || len == 0)
    return 0;
  return words_of(buf, len);
}

uint32_t ajar_lexicon_value_vocab_exact(const char *v, size_t n) {
  return ajar_lexicon_value_words_exact(v, n) & ~AJAR_V_COUNTRY;
}

uint32_t ajar_lexicon_value_vocab(const char *v, size_t n) {
  return ajar_lexicon_value_words(v, n) & ~AJAR_V_COUNTRY;
}

/* an ISO 3166-1 code in capitals: 2 when v is one, 0 when not, -1 when v
 * is no code's shape (two capitals, a third or none) */
static int country_code(const char *v, size_t n) {
  unsigned k;
  if (n < 2 || n > 3 || !is_upper((unsigned char)v[0]) || !is_upper((unsigned char)v[1]))
    return -1;
  k = (unsigned)(v[0] - 'A') * 26 + (unsigned)(v[1] - 'A');
  if (n == 2)
    return ajar_country_alpha2[k >> 3] >> (k & 7) & 1 ? 2 : 0;
  if (!is_upper((unsigned char)v[2]))
    return 0;
  k = k * 26 + (unsigned)(v[2] - 'A');
  return ajar_country_alpha3[k >> 3] >> (k & 7) & 1 ? 2 : 0;
}

int ajar_lexicon_country_of(const char *v, size_t n, uint32_t words) {
  int code;
  if (!v || n < 2)
    return 0;
  code = country_code(v, n);
  if (code >= 0)
    return code;
  return (words & AJAR_V_COUNTRY) != 0;
}

int ajar_lexicon_country(const char *v, size_t n) {
  if (!v || n < 2)
    return 0;
  /* a code needs no word lookup */
  return ajar_lexicon_country_of(v, n, country_code(v, n) >= 0 ? 0 : ajar_lexicon_value_words(v, n));
}

size_t ajar_lexicon_cn_province(const char *s, size_t n) {
  /* the 31 province-level abbreviations 京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂
   * 甘晋蒙陕吉闽贵粤青藏川宁琼, as 3-byte UTF-8 values in ascending order */
  static const uint32_t prov[31] = {
      0xE4BA91, 0xE4BAAC, 0xE58680, 0xE59089, 0xE5AE81, 0xE5B79D, 0xE696B0,
      0xE6998B, 0xE6A182, 0xE6B2AA, 0xE6B4A5, 0xE6B599, 0xE6B89D, 0xE6B998,
      0xE790BC, 0xE79498, 0xE79A96, 0xE7B2A4, 0xE88B8F, 0xE89299, 0xE8978F,
      0xE8B1AB, 0xE8B4B5, 0xE8B5A3, 0xE8BEBD, 0xE98482, 0xE997BD, 0xE99995,
      0xE99D92, 0xE9B281, 0xE9BB91};
  size_t lo = 0, hi = 31;
  uint32_t key;
  if (!s || n < 3)
    return 0;
  key = (uint32_t)(unsigned char)s[0] << 16 | (uint32_t)(unsigned char)s[1] << 8 |
        (unsigned char)s[2];
  if (key < prov[0] || key > prov[30])
    return 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (prov[mid] == key)
      return 3;
    if (prov[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

int ajar_lexicon_cn_region_ok(int d) {
  /* GB/T 2260 province-level codes */
  return (d >= 11 && d <= 15) || (d >= 21 && d <= 23) || (d >= 31 && d <= 37) ||
         (d >= 41 && d <= 46) || (d >= 50 && d <= 54) || (d >= 61 && d <= 65) ||
         d == 71 || d == 81 || d == 82 || d == 83 || d == 91;
}

/* Letter, two digits, optionally '.' and 1-4 letters/digits. WHO ICD-10
 * uses one character after the dot; national extensions such as ICD-10-CM
 * use up to four (J45.909, S72.001A), so those are accepted too. U is
 * reserved: only U07 (COVID-19) and U09 (post COVID-19) are in use. */
int ajar_lexicon_icd10_ok(const char *s, size_t n) {
  size_t i;
  if (!s || n < 3)
    return 0;
  if (!is_upper((unsigned char)s[0]) || !is_digit((unsigned char)s[1]) ||
      !is_digit((unsigned char)s[2]))
    return 0;
  if (s[0] == 'U' && !(s[1] == '0' && (s[2] == '7' || s[2] == '9')))
    return 0;
  if (n == 3)
    return 1;
  if (s[3] != '.' || n < 5 || n > 8)
    return 0;
  for (i = 4; i < n; i++)
    if (!is_upper((unsigned char)s[i]) && !is_digit((unsigned char)s[i]))
      return 0;
  return 1;
}

size_t ajar_lexicon_selfcheck(void) {
  size_t i, lost = 0;
  ensure_built();
  /* every word of the table is found by its own bytes */
  for (i = 0; i < vcount; i++) {
    char buf[VALUE_MAX + 16];
    copy_padded(vsorted[i].key, vsorted[i].len, buf);
    lost += word_find(buf, vsorted[i].len) != i + 1;
  }
  return defects + lost + malformed();
}
