/* Whole-value classification: one pass over the bytes computes the
 * value's shape, then only the detectors that fit that shape run.
 *
 * Hand-written on purpose: a value is a few bytes to a few hundred, and
 * a dispatch on its shape costs less than one call into a regex engine.
 * Free text (values with spaces) goes to the Vectorscan database in
 * text.c instead.
 */
#include <emmintrin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "classify.h"
#include "shape.h"
#include "validators.h"

int value_is_empty(const char *v, size_t n) {
  static const struct { const char *s; size_t n; } empties[] = {
#define E(x) {x, sizeof x - 1}
    E("n/a"), E("na"), E("null"), E("none"), E("nil"), E("-"), E("--"),
    E("unknown"), E("undefined"), E("0"), E("***"), E("******"),
    E("redacted"), E("[redacted]"), E("xxx"), E("?"), /* 无, 未知: below */
#undef E
  };
  size_t i;
  /* most values are long or start with a letter no placeholder has */
  if (n > 16 && v[0] != ' ' && v[0] != '\t')
    return 0;
  while (n && (v[0] == ' ' || v[0] == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  if (n == 0)
    return 1;
  if (n > 12)
    return 0;
  switch (v[0]) { /* the first bytes of the placeholders */
  case 'n': case 'N': case 'u': case 'U': case '-': case '0': case '*':
  case 'r': case 'R': case 'x': case 'X': case '[': case '?':
    break;
  case '\xe6': /* 无, 未知: CJK names often begin with this byte too */
    return (n == 3 && !memcmp(v, "无", 3)) || (n == 6 && !memcmp(v, "未知", 6));
  default:
    return 0;
  }
  for (i = 0; i < sizeof empties / sizeof empties[0]; i++)
    if (empties[i].n == n && (empties[i].s[0] | 0x20) == (v[0] | 0x20) &&
        strncasecmp(empties[i].s, v, n) == 0)
      return 1;
  return 0;
}

/* whether v holds a digit or '@', 16 bytes at a time */
static int has_digit_or_at(const char *v, size_t n) {
  const __m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1),
                at = _mm_set1_epi8('@');
  size_t i = 0;
  if (ajar_have_avx2 && n >= 64) {
    if (digit_or_at_avx2(v, n))
      return 1;
    i = n - n % 32;
  }
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(v + i));
    __m128i d = _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi));
    if (_mm_movemask_epi8(_mm_or_si128(d, _mm_cmpeq_epi8(x, at))))
      return 1;
  }
  for (; i < n; i++)
    if ((v[i] >= '0' && v[i] <= '9') || v[i] == '@')
      return 1;
  return 0;
}

int parse_double(const char *v, size_t n, double *out) {
  char tmp[64];
  char *end;
  size_t i = 0;
  uint64_t ip = 0, fp = 0, scale = 1;
  int neg = 0;
  if (n == 0 || n >= sizeof tmp)
    return 0;
  /* fast path: [-]digits[.digits], up to 15 significant digits */
  if (v[0] == '-') neg = 1, i = 1;
  if (n - i <= 16) {
    size_t start = i;
    for (; i < n && v[i] >= '0' && v[i] <= '9'; i++) ip = ip * 10 + (uint64_t)(v[i] - '0');
    if (i > start && i < n && v[i] == '.') {
      size_t fs = ++i;
      for (; i < n && v[i] >= '0' && v[i] <= '9'; i++) {
        fp = fp * 10 + (uint64_t)(v[i] - '0');
        scale *= 10;
      }
      if (i == fs) i = 0; /* "1." is no number */
    }
    if (i == n && n > start) {
      *out = ((double)ip + (double)fp / (double)scale) * (neg ? -1 : 1);
      return 1;
    }
  }
  memcpy(tmp, v, n);
  tmp[n] = 0;
  *out = strtod(tmp, &end);
  return end == tmp + n && isfinite(*out);
}

/* each detector at most once per value: `seen` is a 64-bit set */
_Static_assert(DET__COUNT <= 64, "more detectors than bits in seen");
#define EMIT(d, ok) do {                                                   \
    struct candidate c_ = {(d), (ok), 0, 0, n};                            \
    if (!(*seen & (1ull << (d)))) {                                        \
      *seen |= 1ull << (d);                                                \
      if (fn(ctx, &c_)) return sig;                                        \
    }                                                                      \
  } while (0)

/* digits of v with separators ' ', '-', '.', '(', ')' removed */
static size_t strip_digits(const char *v, size_t n, char *out, size_t cap) {
  size_t i, k = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if (c >= '0' && c <= '9') {
      if (k == cap) return 0;
      out[k++] = (char)c;
    }
  }
  return k;
}

static size_t strip_alnum_upper(const char *v, size_t n, char *out, size_t cap) {
  size_t i, k = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if (c == ' ' || c == '-' || c == '.')
      continue;
    if (k == cap) return 0;
    out[k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  return k;
}

/* an IBAN's head: two letters and two digits, separators skipped */
static int iban_head(const char *v, size_t n) {
  char h[4];
  size_t i, k = 0;
  for (i = 0; i < n && k < 4; i++)
    if (v[i] != ' ' && v[i] != '-' && v[i] != '.')
      h[k++] = v[i];
  return k == 4 && ((h[0] | 0x20) >= 'a' && (h[0] | 0x20) <= 'z') &&
         ((h[1] | 0x20) >= 'a' && (h[1] | 0x20) <= 'z') && h[2] >= '0' &&
         h[2] <= '9' && h[3] >= '0' && h[3] <= '9';
}

/* value of n decimal digits at p, or -1 */
static int digits_at(const char *p, size_t n) {
  int x = 0;
  size_t i;
  for (i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return -1;
    x = x * 10 + (p[i] - '0');
  }
  return x;
}

/* A time of day as the locales print it, the whole of v: "4:15",
 * "04:15:35", "04:15:35.123", "04:15 PM", "04h15" (fr), "13時45分",
 * "13시 45분", "13点45分" (+ seconds). */
static int time_of_day(const char *v, size_t n) {
  static const char *const cjk[][3] = {{"時", "分", "秒"}, {"时", "分", "秒"},
                                       {"点", "分", "秒"}, {"시", "분", "초"}};
  size_t i = 0, k;
  int h = 0, m, nd = 0;
  while (i < n && nd < 2 && v[i] >= '0' && v[i] <= '9')
    h = h * 10 + (v[i++] - '0'), nd++;
  if (!nd || h > 23 || i >= n)
    return 0;
  if (v[i] == ':' || v[i] == 'h') {
    int colon = v[i] == ':';
    if (i + 3 > n || (m = digits_at(v + i + 1, 2)) < 0 || m > 59)
      return 0;
    i += 3;
    if (colon && i + 3 <= n && v[i] == ':' && digits_at(v + i + 1, 2) >= 0)
      i += 3;
    if (colon && i < n && v[i] == '.')
      for (i++; i < n && v[i] >= '0' && v[i] <= '9'; i++) {
      }
    if (i < n && v[i] == ' ')
      i++;
    if (i + 2 == n && (v[i] == 'A' || v[i] == 'P' || v[i] == 'a' || v[i] == 'p') &&
        (v[i + 1] == 'M' || v[i + 1] == 'm'))
      return h <= 12;
    return i == n;
  }
  for (k = 0; k < sizeof cjk / sizeof cjk[0]; k++) {
    size_t j = i, part;
    for (part = 0; part < 3; part++) {
      int x = 0, d = 0;
      if (part) {
        while (j < n && v[j] == ' ') j++;
        if (j == n && part >= 2)
          return 1;
        while (j < n && d < 2 && v[j] >= '0' && v[j] <= '9')
          x = x * 10 + (v[j++] - '0'), d++;
        if (!d || x > 59)
          break;
      }
      if (j + 3 > n || memcmp(v + j, cjk[k][part], 3))
        break;
      j += 3;
      if (j == n && part >= 1)
        return 1;
    }
  }
  return 0;
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, DD/MM/YYYY, DD.MM.YYYY (+ time);
 * the year in *year */
static int looks_date_y(const char *v, size_t n, int *has_time, int *year) {
  int y, m, d;
  *has_time = 0;
  *year = 0;
  if (n >= 10 && v[4] == v[7] && (v[4] == '-' || v[4] == '/' || v[4] == '.')) {
    y = digits_at(v, 4);
    m = digits_at(v + 5, 2);
    d = digits_at(v + 8, 2);
    *has_time = n >= 16 && (v[10] == 'T' || v[10] == ' ') && v[13] == ':';
    *year = y;
    return (n == 10 || *has_time || v[10] == 'T' || v[10] == ' ') &&
           y > 0 && ajar_date_ok(y, m, d);
  }
  if (n >= 10 && v[2] == v[5] && (v[2] == '/' || v[2] == '.' || v[2] == '-')) {
    /* day or month first (27.11.2024, 11/27/2024), a time may follow */
    d = digits_at(v, 2);
    m = digits_at(v + 3, 2);
    y = digits_at(v + 6, 4);
    *year = y;
    if (n > 10) {
      if (n < 15 || (v[10] != ' ' && v[10] != 'T') || !time_of_day(v + 11, n - 11))
        return 0;
      *has_time = 1;
    }
    return y > 0 && (ajar_date_ok(y, m, d) || ajar_date_ok(y, d, m));
  }
  if (n == 8) {
    y = digits_at(v, 4);
    m = digits_at(v + 4, 2);
    d = digits_at(v + 6, 2);
    *year = y;
    return y >= 1900 && y <= 2030 && ajar_date_ok(y, m, d);
  }
  return 0;
}

static int looks_date(const char *v, size_t n, int *has_time) {
  int y;
  return looks_date_y(v, n, has_time, &y);
}

/* "1982年10月8日" (CJK year-month-day, as zh, ja and ko print it with
 * 年月日 or 년 월 일); the year in *year */
static int looks_date_cjk(const char *v, size_t n, int *year);

/* "2024年11月27日 04:15", "2024年11月27日 4時15分", "2024년 11월 27일
 * 04:15": a CJK date, a space, a time of day */
static int looks_datetime_cjk(const char *v, size_t n, int *year) {
  size_t i;
  for (i = 3; i + 1 < n; i++)
    if (v[i] == ' ' && (!memcmp(v + i - 3, "日", 3) || !memcmp(v + i - 3, "일", 3)))
      return looks_date_cjk(v, i, year) && time_of_day(v + i + 1, n - i - 1);
  return 0;
}

static int looks_date_cjk(const char *v, size_t n, int *year) {
  static const char *const marks[2][3] = {{"年", "月", "日"}, {"년", "월", "일"}};
  int k, part[3];
  for (k = 0; k < 2; k++) {
    size_t i = 0, m;
    for (m = 0; m < 3; m++) {
      int x = 0, nd = 0;
      while (i < n && v[i] == ' ') i++;
      while (i < n && v[i] >= '0' && v[i] <= '9' && nd < 4)
        x = x * 10 + (v[i++] - '0'), nd++;
      while (i < n && v[i] == ' ') i++;
      if (!nd || i + 3 > n || memcmp(v + i, marks[k][m], 3))
        break;
      part[m] = x;
      i += 3;
    }
    if (m == 3 && i == n && ajar_date_ok(part[0], part[1], part[2])) {
      *year = part[0];
      return 1;
    }
  }
  return 0;
}

static int is_base64_image(const char *v, size_t n) {
  if (n > 11 && !memcmp(v, "data:image/", 11))
    return 1;
  if (n >= 64 && (!memcmp(v, "/9j/", 4) || !memcmp(v, "iVBORw0KGgo", 11)))
    return 1;
  return 0;
}

static int is_geohash(const char *v, size_t n) {
  size_t i;
  if (n < 5 || n > 12) return 0;
  for (i = 0; i < n; i++) {
    char c = v[i];
    if (!((c >= '0' && c <= '9') || (c >= 'b' && c <= 'z' && c != 'i' &&
                                     c != 'l' && c != 'o')))
      return 0;
  }
  return 1;
}

static int is_password_hash(const char *v, size_t n) {
  if (n < 20 || v[0] != '$')
    return 0;
  if (n >= 59 && n <= 61 && v[0] == '$' && v[1] == '2' && v[3] == '$' &&
      (v[2] == 'a' || v[2] == 'b' || v[2] == 'y'))
    return 1;
  if (n > 20 && !memcmp(v, "$argon2", 7)) return 1;
  if (n > 20 && (!memcmp(v, "$1$", 3) || !memcmp(v, "$5$", 3) ||
                 !memcmp(v, "$6$", 3) || !memcmp(v, "$y$", 3) ||
                 !memcmp(v, "$scrypt$", 8) || !memcmp(v, "$pbkdf2", 7)))
    return 1;
  return 0;
}

static int is_aws_key(const char *v, size_t n) {
  size_t i;
  if (n != 20) return 0;
  if (memcmp(v, "AKIA", 4) && memcmp(v, "ASIA", 4) && memcmp(v, "AROA", 4) &&
      memcmp(v, "AIDA", 4))
    return 0;
  for (i = 4; i < 20; i++)
    if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '2' && v[i] <= '7')))
      return 0;
  return 1;
}

static int is_jwt(const char *v, size_t n) {
  size_t i, dots = 0;
  if (n < 20 || v[0] != 'e' || v[1] != 'y' || v[2] != 'J') return 0;
  for (i = 0; i < n; i++) {
    char c = v[i];
    if (c == '.') { dots++; continue; }
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '='))
      return 0;
  }
  return dots == 2;
}

/* "39.9042,116.4074" or "39.9042, 116.4074" */
static int is_latlon_string(const char *v, size_t n, int *precise) {
  const char *comma = memchr(v, ',', n);
  double a, b;
  size_t la, lb;
  const char *pb;
  if (!comma) return 0;
  la = (size_t)(comma - v);
  pb = comma + 1;
  while (pb < v + n && *pb == ' ') pb++;
  lb = (size_t)(v + n - pb);
  if (!parse_double(v, la, &a) || !parse_double(pb, lb, &b)) return 0;
  if (fabs(a) > 90 || fabs(b) > 180) return 0;
  *precise = memchr(v, '.', la) && memchr(pb, '.', lb) && la >= 5 && lb >= 5;
  return 1;
}

static int is_placeholder_secret(const char *v, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (v[i] != '*' && v[i] != 'x' && v[i] != 'X' && v[i] != '#')
      return 0;
  return 1;
}

struct word { const char *s; size_t n; };
#define WORD(x) {x, sizeof x - 1}

/* w (n bytes) is one of the k words of list */
static int word_in(const struct word *list, size_t k, const char *w, size_t n) {
  size_t i;
  for (i = 0; i < k; i++)
    if (list[i].n == n && !memcmp(list[i].s, w, n))
      return 1;
  return 0;
}

/* Street words of the lexicon's languages, whole words: the street
 * types of national address standards (USPS Publication 28 suffixes,
 * Royal Mail PAF, the French FANTOIR and Spanish INE street types, the
 * Italian DUG list of ISTAT, the Brazilian Correios logradouro types,
 * BAG (NL), TERYT (PL), the Turkish UAVT, Indonesian and Vietnamese
 * postal usage, the Russian ФИАС abbreviations). */
static const struct word street_words[] = {
  WORD("street"), WORD("st"), WORD("road"), WORD("rd"), WORD("avenue"),
  WORD("ave"), WORD("av"), WORD("lane"), WORD("ln"), WORD("boulevard"),
  WORD("blvd"), WORD("drive"), WORD("dr"), WORD("pkwy"), WORD("parkway"),
  WORD("way"), WORD("court"), WORD("ct"), WORD("place"), WORD("pl"),
  WORD("square"), WORD("sq"), WORD("terrace"), WORD("highway"), WORD("hwy"),
  WORD("crescent"), WORD("close"), WORD("grove"), WORD("gardens"),
  WORD("mews"), WORD("row"), WORD("walk"), WORD("strasse"), WORD("straße"),
  WORD("str"), WORD("alley"), WORD("bayou"), WORD("bend"), WORD("bluff"),
  WORD("brook"), WORD("burg"), WORD("burgs"), WORD("bypass"), WORD("causeway"),
  WORD("circle"), WORD("corner"), WORD("corners"), WORD("course"),
  WORD("courts"), WORD("cove"), WORD("creek"), WORD("crossing"),
  WORD("estates"), WORD("expressway"), WORD("falls"), WORD("ferry"),
  WORD("forks"), WORD("freeway"), WORD("garden"), WORD("glen"), WORD("glens"),
  WORD("greens"), WORD("harbor"), WORD("haven"), WORD("heights"),
  WORD("hollow"), WORD("junction"), WORD("knoll"), WORD("knolls"),
  WORD("landing"), WORD("lodge"), WORD("loop"), WORD("manor"), WORD("meadow"),
  WORD("meadows"), WORD("mill"), WORD("mills"), WORD("motorway"),
  WORD("orchard"), WORD("oval"), WORD("pass"), WORD("path"), WORD("pike"),
  WORD("plain"), WORD("plains"), WORD("ridge"), WORD("run"), WORD("shore"),
  WORD("shores"), WORD("spur"), WORD("spurs"), WORD("streets"), WORD("summit"),
  WORD("trace"), WORD("trail"), WORD("turnpike"), WORD("valley"), WORD("view"),
  WORD("views"), WORD("village"), WORD("villages"), WORD("vista"),
  WORD("wells"), WORD("marg"), WORD("nagar"), WORD("chowk"), WORD("zila"),
  WORD("gali"), WORD("colony"), WORD("weg"), WORD("allee"), WORD("platz"),
  WORD("gasse"), WORD("ring"), WORD("damm"), WORD("ufer"), WORD("chaussee"),
  WORD("rue"), WORD("chemin"), WORD("impasse"), WORD("allée"), WORD("quai"),
  WORD("route"), WORD("cours"), WORD("voie"), WORD("calle"), WORD("avenida"),
  WORD("plaza"), WORD("paseo"), WORD("camino"), WORD("carrera"), WORD("ronda"),
  WORD("travesía"), WORD("glorieta"), WORD("via"), WORD("viale"),
  WORD("piazza"), WORD("corso"), WORD("vicolo"), WORD("largo"),
  WORD("contrada"), WORD("borgo"), WORD("piazzale"), WORD("strada"),
  WORD("incrocio"), WORD("traversa"), WORD("salita"), WORD("lungomare"),
  WORD("rotonda"), WORD("località"), WORD("frazione"), WORD("cuesta"),
  WORD("acceso"), WORD("urbanización"), WORD("pasaje"), WORD("callejón"),
  WORD("carretera"), WORD("rambla"), WORD("vía"), WORD("senda"), WORD("rua"),
  WORD("travessa"), WORD("praça"), WORD("alameda"), WORD("rodovia"),
  WORD("estrada"), WORD("parque"), WORD("recanto"), WORD("vereda"),
  WORD("estação"), WORD("conjunto"), WORD("quadra"), WORD("setor"),
  WORD("vila"), WORD("chácara"), WORD("viela"), WORD("ladeira"),
  WORD("jardim"), WORD("residencial"), WORD("loteamento"), WORD("trecho"),
  WORD("esplanada"), WORD("praia"), WORD("straat"), WORD("laan"),
  WORD("plein"), WORD("singel"), WORD("gracht"), WORD("kade"), WORD("dreef"),
  WORD("steeg"), WORD("ulica"), WORD("ul"), WORD("aleja"), WORD("al"),
  WORD("plac"), WORD("osiedle"), WORD("os"), WORD("caddesi"), WORD("cad"),
  WORD("sokak"), WORD("sk"), WORD("sokağı"), WORD("mahallesi"), WORD("mah"),
  WORD("bulvarı"), WORD("jalan"), WORD("jl"), WORD("gang"), WORD("gg"),
  WORD("đường"), WORD("phố"), WORD("ул"), WORD("улица"), WORD("проспект"),
  WORD("пр"), WORD("переулок"), WORD("пер"), WORD("шоссе"), WORD("бульвар"),
  WORD("площадь")
};
/* endings of glued street names: "Hauptstraße", "Annweilerweg", "Kerkstraat" */
static const struct word street_endings[] = {
  WORD("strasse"), WORD("straße"), WORD("str."), WORD("weg"), WORD("allee"),
  WORD("platz"), WORD("gasse"), WORD("ring"), WORD("damm"), WORD("straat"),
  WORD("laan"), WORD("plein"), WORD("singel"), WORD("gracht"), WORD("kade"),
  WORD("dreef"), WORD("pad"), WORD("dijk"), WORD("markt"), WORD("plantsoen"),
  WORD("hof")
};

static int street_word(const char *w, size_t n) {
  size_t k;
  while (n && (w[n - 1] == '.' || w[n - 1] == ',')) n--;
  if (word_in(street_words, sizeof street_words / sizeof street_words[0], w, n))
    return 1;
  for (k = 0; k < sizeof street_endings / sizeof street_endings[0]; k++) {
    size_t l = street_endings[k].n;
    if (n > l + 2 && !memcmp(w + n - l, street_endings[k].s, l))
      return 1;
  }
  return 0;
}

/* "12 Baker Street", "Annweilerweg 47", "Via Roma 12", "ul. Hoża 5",
 * "239 Đường Nguyễn Du": a house number (1-5 digits, a letter or "/"
 * after it allowed) and a street word, a word with letters besides */
static int looks_address_latin(const char *v, size_t n) {
  char low[160];
  size_t i, start = 0;
  int number = 0, street = 0, words = 0;
  if (n < 6 || n >= sizeof low)
    return 0;
  for (i = 0; i < n; i++)
    low[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
  for (i = 0; i <= n; i++) {
    if (i == n || low[i] == ' ' || low[i] == ',') {
      const char *w = low + start;
      size_t wl = i - start, d = 0;
      start = i + 1;
      if (!wl)
        continue;
      while (d < wl && w[d] >= '0' && w[d] <= '9') d++;
      if (d >= 1 && d <= 5 && (d == wl || wl - d <= 2 || w[d] == '-' || w[d] == '/'))
        number = 1;
      else if (d == 0 && street_word(w, wl))
        street = 1;
      else if (d == 0)
        words++;
    }
  }
  return number && street && (words >= 1 || n >= 10);
}

/* Chinese, Japanese or Korean address: at least three distinct markers
 * among 省市区县路街号村镇乡巷弄栋室 (zh), 都県町丁番 (ja: 都道府県,
 * 丁目, 番地) and 시도구군동로길읍면리 (ko), found in one pass */
static int looks_address_zh(const char *v, size_t n) {
  static const char marks[][4] = {"省", "市", "区", "县", "路", "街", "号",
                                  "村", "镇", "乡", "巷", "弄", "栋", "室",
                                  "都", "県", "町", "丁", "番", "시", "도",
                                  "구", "군", "동", "로", "길", "읍", "면", "리"};
  unsigned seen = 0;
  size_t i, k;
  if (n < 12 || n > 300)
    return 0;
  for (i = 0; i + 3 <= n; i++) {
    if (((unsigned char)v[i] & 0xF0) != 0xE0)
      continue;
    for (k = 0; k < sizeof marks / sizeof marks[0]; k++)
      if (v[i] == marks[k][0] && v[i + 1] == marks[k][1] && v[i + 2] == marks[k][2])
        seen |= 1u << k;
    i += 2;
  }
  return __builtin_popcount(seen) >= 3;
}

#define NAME_VOCAB (AJAR_V_GIVEN_NAME | AJAR_V_SURNAME | AJAR_V_CN_SURNAME)

/* Particles that stand lower-case inside a name: "Benício da Cunha",
 * "Ludwig van Beethoven", "Ahmad bin Ali" */
static int name_particle(const char *w, size_t n) {
  static const struct word p[] = {
      WORD("da"), WORD("de"), WORD("del"), WORD("della"), WORD("der"), WORD("di"),
      WORD("do"), WORD("dos"), WORD("das"), WORD("du"), WORD("la"), WORD("le"),
      WORD("van"), WORD("von"), WORD("den"), WORD("ter"), WORD("ten"), WORD("y"),
      WORD("e"), WORD("bin"), WORD("binti"), WORD("al"), WORD("el"), WORD("zu"),
      WORD("af")};
  if (n > 5 || w[0] < 'a' || w[0] > 'z') /* names are capitalised */
    return 0;
  return word_in(p, sizeof p / sizeof p[0], w, n);
}

/* A capitalised word in Latin letters (diacritics and Cyrillic capitals
 * as UTF-8): "García", "O'Neil", "Wieloch-Bolnbach", "Łukasz", "Иван".
 * *cyr: it is Cyrillic. */
static int name_word(const char *w, size_t n, int *cyr) {
  size_t j;
  unsigned char c0 = (unsigned char)w[0];
  *cyr = 0;
  if (c0 >= 'A' && c0 <= 'Z')
    j = 1;
  else if (c0 == 0xD0 && n >= 2 && (unsigned char)w[1] >= 0x81 &&
           (unsigned char)w[1] <= 0xAF)
    j = 2, *cyr = 1; /* А-Я, Ё */
  else if (c0 >= 0xC3 && c0 <= 0xC5 && n >= 2)
    j = 2; /* Latin-1 / Extended-A capitals (É, Ł, Ş, Ö ...) */
  else
    return 0;
  for (; j < n; j++) {
    unsigned char c = (unsigned char)w[j];
    if ((c >= 'a' && c <= 'z') || c >= 0x80 || c == '\'' || c == '-' ||
        (c >= 'A' && c <= 'Z') || (c == '.' && j == n - 1))
      continue;
    return 0;
  }
  return 1;
}

/* Russian family names and patronymics by their endings: -ов/-ев/-ин
 * (-ова/-ева/-ина), -ский/-ская, -ович/-евич/-овна/-евна */
static int ru_name_ending(const char *w, size_t n) {
  static const struct word e[] = {
      WORD("ов"), WORD("ев"), WORD("ин"), WORD("ова"), WORD("ева"), WORD("ина"),
      WORD("ский"), WORD("ская"), WORD("ович"), WORD("евич"), WORD("овна"),
      WORD("евна"), WORD("ична")};
  size_t i;
  for (i = 0; i < sizeof e / sizeof e[0]; i++)
    if (n > e[i].n + 2 && !memcmp(w + n - e[i].n, e[i].s, e[i].n))
      return 1;
  return 0;
}

/* A person's name in Latin or Cyrillic letters by its shape: 1-4
 * capitalised words, particles between them. Returns the number of
 * words (0: not name-shaped); *known: a word is a common given name or
 * family name (vocabularies of many countries), or a Russian name
 * ending. */
static size_t name_words(const char *v, size_t n, int *known) {
  size_t i, words = 0, start = 0;
  *known = 0;
  if (n < 2 || n > 60)
    return 0;
  for (i = 0; i <= n; i++) {
    if (i == n || v[i] == ' ') {
      size_t wl = i - start;
      const char *w = v + start;
      int cyr;
      start = i + 1;
      if (wl == 0)
        return 0;
      if (name_particle(w, wl) && words)
        continue;
      if (!name_word(w, wl, &cyr))
        return 0;
      if ((ajar_lexicon_value_vocab(w, wl) & (AJAR_V_GIVEN_NAME | AJAR_V_SURNAME)) ||
          (cyr && ru_name_ending(w, wl)))
        *known = 1;
      words++;
    }
  }
  return words <= 4 ? words : 0;
}

/* a CJK surname at v (3 or 6 bytes): Chinese, Japanese or Korean */
static int cjk_surname_at(const char *v, size_t n) {
  return (n >= 3 && (ajar_lexicon_value_vocab_exact(v, 3) & AJAR_V_CN_SURNAME)) ||
         (n >= 6 && (ajar_lexicon_value_vocab_exact(v, 6) & AJAR_V_CN_SURNAME));
}

/* 2-4 CJK or Hangul characters (a space after the family name allowed,
 * as Japanese writes "木村 陽一") starting with a common surname */
static int looks_name_zh(const char *v, size_t n) {
  size_t i, chars = 0;
  if (n < 6 || n > 16) return 0;
  for (i = 0; i < n;) {
    if (v[i] == ' ' && i > 0 && i + 1 < n && v[i - 1] != ' ') {
      i++;
      continue;
    }
    if (((unsigned char)v[i] & 0xF0) != 0xE0 || i + 3 > n) return 0;
    i += 3;
    chars++;
  }
  if (chars < 2 || chars > 5)
    return 0;
  /* Hangul: a name is three syllables (four with a two-syllable
   * surname); two-syllable words (정상, 이상) are everyday words */
  if ((unsigned char)v[0] >= 0xEA && (unsigned char)v[0] <= 0xED && chars < 3 &&
      !memchr(v, ' ', n))
    return 0;
  return cjk_surname_at(v, n);
}

/* plausible free-form name value in a name field */
static int name_shaped(const char *v, size_t n, unsigned mask) {
  if (value_is_empty(v, n))
    return 0;
  if (mask & (C_DIGIT | C_AT | C_SLASH | C_EQ | C_DOLLAR | C_UNDER | C_COLON))
    return 0;
  return n >= 2 && n <= 80;
}

static unsigned vocab_emit(uint32_t voc, uint32_t hints, size_t n,
                           candidate_fn fn, void *ctx, uint64_t *seen) {
  unsigned sig = 0;
  if (voc & AJAR_V_ETHNICITY) EMIT(DET_ETHNICITY, 1);
  if (voc & AJAR_V_RELIGION) EMIT(DET_RELIGION, 1);
  if (voc & AJAR_V_POLITICAL) EMIT(DET_POLITICAL, 1);
  if (voc & AJAR_V_HEALTH) EMIT(DET_HEALTH, 1);
  if ((voc & AJAR_V_FACE_ATTR) && (hints & (AJAR_H_FACE | AJAR_H_FACE_ATTR)))
    EMIT(DET_FACE_ATTRIBUTES, 1);
  /* a gender estimated from a face is a face attribute and a gender
   * both (finish.c, face_estimate); "M" or "F" alone says gender only in
   * a gender field */
  if ((voc & AJAR_V_GENDER) && (n > 1 || (hints & AJAR_H_GENDER)))
    EMIT(DET_GENDER, 1);
  if ((voc & AJAR_V_NATIONALITY) && (hints & AJAR_H_DEMOGRAPHIC))
    EMIT(DET_NATIONALITY, 1);
  return sig;
}

/* Numbers made of digits only (separators removed) */
static unsigned classify_digits(uint32_t hints, const char *v, size_t n,
                                const char *d, size_t nd, unsigned mask,
                                unsigned sig, candidate_fn fn, void *ctx,
                                uint64_t *seen) {
  int sep = (mask & (C_SPACE | C_DASH | C_DOT | C_PAREN)) != 0;
  /* d is digits only: the checks below share what the validators would
   * each compute again (ajar_valid_imei, _imsi and _card) */
  int same = 1, luhn = -1;
  size_t i;
  for (i = 1; i < nd && same; i++)
    same = d[i] == d[0];
#define LUHN() (luhn < 0 ? (luhn = ajar_luhn_ok(d, nd)) : luhn)
  switch (nd) {
  case 9:
    if (ajar_valid_us_ssn(d, nd) &&
        ((n == 11 && v[3] == '-' && v[6] == '-') || (hints & AJAR_H_NATIONAL_ID)))
      EMIT(DET_US_SSN, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_nl_bsn(d, nd))
      EMIT(DET_NL_BSN, 1);
    if (ajar_valid_us_itin(d, nd) &&
        ((n == 11 && v[3] == '-' && v[6] == '-') || (hints & AJAR_H_NATIONAL_ID)))
      EMIT(DET_US_ITIN, 1);
    break;
  case 10:
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_gb_nhs(d, nd))
      EMIT(DET_GB_NHS, 1);
    break;
  case 11:
    if (ajar_valid_cn_mobile(d, nd) && (!sep || (mask & C_SPACE) || (mask & C_DASH)))
      EMIT(DET_CN_MOBILE, 1);
    if (ajar_valid_br_cpf(d, nd))
      EMIT(DET_BR_CPF, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_de_steuer_id(d, nd))
      EMIT(DET_DE_STEUER_ID, 1);
    break;
  case 12:
    if (ajar_valid_in_aadhaar(d, nd))
      EMIT(DET_IN_AADHAAR, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_jp_my_number(d, nd))
      EMIT(DET_JP_MY_NUMBER, 1);
    break;
  case 13:
    if (ajar_valid_kr_rrn(d, nd))
      EMIT(DET_KR_RRN, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_fr_nif(d, nd))
      EMIT(DET_FR_NIF, 1);
    if (ajar_valid_cn_mobile(d, nd))
      EMIT(DET_CN_MOBILE, 1);
    break;
  case 14:
  case 15:
    if (nd == 15 && !same && LUHN())
      EMIT(DET_IMEI, 1);
    if (!same && !(hints & AJAR_H_IMEI) &&
        ajar_imsi_mcc_known((d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0')))
      EMIT(DET_IMSI, 1);
    if (nd == 15 && ajar_valid_fr_nir(d, nd))
      EMIT(DET_FR_NIR, 1);
    break;
  case 16:
    if ((hints & AJAR_H_IMEI) && !same)
      EMIT(DET_IMEI, 1);
    break;
  case 17:
  case 18:
    if (nd == 18 && ajar_valid_cn_resident_id(d, nd))
      EMIT(DET_CN_RESIDENT_ID, 1);
    break;
  default:
    break;
  }
  if (nd >= 12 && nd <= 19 && !same && ajar_card_iin_ok(d, nd) && LUHN())
    EMIT(DET_CARD, 1);
#undef LUHN
  if ((hints & AJAR_H_PHONE) && nd >= 7 && nd <= 15)
    EMIT(DET_PHONE_NATIONAL, 1);
  return sig;
}

/* The length of v without a phone extension ("x123", " ext. 45",
 * "#12"); n when it has none */
static size_t phone_ext_cut(const char *v, size_t n) {
  size_t i = n, j;
  while (i > 0 && v[i - 1] >= '0' && v[i - 1] <= '9') i--;
  if (i == n || n - i > 5)
    return n;
  j = i;
  while (j > 0 && (v[j - 1] == '.' || v[j - 1] == ' ')) j--;
  if (j >= 1 && (v[j - 1] == 'x' || v[j - 1] == 'X' || v[j - 1] == '#'))
    j--;
  else if (j >= 3 && !strncasecmp(v + j - 3, "ext", 3))
    j -= 3;
  else
    return n;
  while (j > 0 && v[j - 1] == ' ') j--;
  return j > 6 ? j : n;
}

/* A phone number as people print it: optional "+", groups of digits
 * split by single spaces, dashes or dots, the first group may stand in
 * parentheses ("(415) 555-2671", "+44 20 7946 0958", "138 1234 5678",
 * "+33 (0)3 87 17 77 63"); 9-13 digits in 2-6 groups, not the SSN's
 * 3-2-4 and not ending in a lone check digit (ISBN) */
static int phone_grouped(const char *v, size_t n) {
  size_t i = 0, nd = 0, glen = 0, groups = 0, g[8];
  int paren = 0, seps = 0, dots_only = 1;
  if (n && v[0] == '+') i = 1;
  for (; i <= n; i++) {
    char c = i < n ? v[i] : ' ';
    if (c >= '0' && c <= '9') {
      nd++, glen++;
      continue;
    }
    if (c == '(') {
      if (paren || glen) return 0;
      paren = 1;
      continue;
    }
    if (c == ')') {
      if (paren != 1 || !glen) return 0;
      paren = 2;
    } else if (c != ' ' && c != '-' && c != '.') {
      return 0;
    }
    if (i < n && c != '.')
      dots_only = 0;
    if (glen) {
      if (groups == 8) return 0;
      g[groups++] = glen;
      glen = 0;
    } else if (c != ' ' || (i && v[i - 1] != ')')) {
      return 0; /* two separators in a row */
    }
    if (i < n) seps++;
  }
  if (paren == 1 || !seps || nd < 9 || nd > 13 || groups < 2 || groups > 6)
    return 0;
  if (groups == 3 && g[0] == 3 && g[1] == 2 && g[2] == 4)
    return 0;
  if (dots_only && groups < 3)
    return 0; /* a decimal number: "140.142675" */
  return g[groups - 1] > 1;
}

/* what the pieces of classify_scalar share */
struct emit_ctx {
  uint32_t hints;
  candidate_fn fn;
  void *ctx;
  uint64_t seen; /* detectors already emitted for this value */
  int stop;      /* the callback asked to stop */
};

static inline int emit(struct emit_ctx *e, unsigned d, int ok, size_t n) {
  struct candidate c = {d, ok, 0, 0, n};
  if (e->seen & (1ull << d))
    return 0;
  e->seen |= 1ull << d;
  return e->stop = e->fn(e->ctx, &c) != 0;
}
#define EMITE(d, ok) do { if (emit(e, (d), (ok), n)) return sig; } while (0)

/* a date that may be a birth date: with the field name, a birth date;
 * without one, a candidate the field decides on (finish.c: most values
 * dates, spread over generations); validated = before 1970 */
static unsigned birth_date(struct emit_ctx *e, size_t n, int year) {
  unsigned sig = 0;
  if (e->hints & AJAR_H_AGE_DOB)
    EMITE(DET_DOB, 1);
  else if (!(e->hints & (AJAR_H_TIME | AJAR_H_PLACE)) && year >= 1900 && year <= 2030)
    EMITE(DET_DOB, year < 1970);
  return sig;
}

/* Unix time in seconds or milliseconds, 2010-2030: ten digits from
 * 1262304000 to 1893455999 (no NANP phone starts with 1), or thirteen for
 * the milliseconds. A time where the field names nothing else. */
static int is_epoch(uint32_t hints, const char *v, size_t n) {
  size_t i;
  if ((n != 10 && n != 13) || (hints & ~(AJAR_H_TIME | AJAR_H_PLACE)))
    return 0;
  for (i = 0; i < n; i++)
    if (v[i] < '0' || v[i] > '9')
      return 0;
  return memcmp(v, "1262304000", 10) >= 0 && memcmp(v, "1893456000", 10) < 0;
}

static unsigned scalar_number(struct emit_ctx *e, const char *v, size_t n) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  double x;
  int has_time, year;
  size_t i;
  if ((hints & AJAR_H_TIME) || is_epoch(hints, v, n))
    sig |= SIG_TIME;
  if (hints & AJAR_H_LOCATION) {
    if (parse_double(v, n, &x) && fabs(x) <= 180 && memchr(v, '.', n))
      EMITE(DET_LAT_LON, 1);
    return sig;
  }
  if (hints & AJAR_H_FACE_ATTR)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  if ((hints & AJAR_H_AGE_DOB) && parse_double(v, n, &x)) {
    if ((x >= 0 && x <= 130 && x == floor(x)) ||
        (n == 8 && looks_date(v, n, &has_time)))
      EMITE(DET_DOB, 1);
  }
  for (i = 0; i < n; i++)
    if (v[i] < '0' || v[i] > '9')
      return sig;
  if (n == 8 && looks_date_y(v, n, &has_time, &year))
    return sig | birth_date(e, n, year);
  if (n >= 9 && n <= 19)
    return classify_digits(hints, v, n, v, n, C_DIGIT, sig, e->fn, e->ctx, &e->seen);
  return sig;
}

/* free text: handed to Vectorscan only when it holds a digit or an '@' */
static unsigned scalar_text(const struct ajar_db *db, struct ajar_scratch *s,
                            struct emit_ctx *e, const char *v, size_t n) {
  unsigned sig = 0;
  if (has_digit_or_at(v, n))
    classify_text(db, s, e->hints, v, n, e->fn, e->ctx);
  if (e->hints & AJAR_H_HEALTH)
    EMITE(DET_HEALTH, 0);
  if ((e->hints & AJAR_H_ADDRESS) && n < 300)
    EMITE(DET_ADDRESS, 0);
  if ((e->hints & (AJAR_H_PHOTO | AJAR_H_FACE)) && is_base64_image(v, n))
    EMITE(DET_FACE_IMAGE, 1);
  return sig;
}

/* digits with phone/id punctuation: IPv4, phones, ids, ages */
static unsigned scalar_punct_digits(struct emit_ctx *e, const char *v, size_t n,
                                    unsigned mask) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  char d[40];
  size_t nd;
  int has_time, year;
  if ((mask & C_DOT) && !(mask & ~(C_DIGIT | C_DOT)) && ajar_valid_ipv4(v, n)) {
    EMITE(DET_IPV4, 1);
    return sig;
  }
  if (mask == C_DIGIT && is_epoch(hints, v, n))
    sig |= SIG_TIME;
  nd = strip_digits(v, n, d, sizeof d);
  if (v[0] == '+' && nd) {
    char p[40];
    p[0] = '+';
    memcpy(p + 1, d, nd);
    if (ajar_valid_e164(p, nd + 1))
      EMITE(DET_PHONE_E164, 1);
    if (nd == 13 && d[0] == '8' && d[1] == '6' && ajar_valid_cn_mobile(d + 2, 11))
      EMITE(DET_CN_MOBILE, 1);
    if (nd >= 9 && nd <= 13 && (!hints || (hints & AJAR_H_PHONE)) && phone_grouped(v, n))
      EMITE(DET_PHONE_NATIONAL, 1);
    return sig;
  }
  if (nd && (hints & AJAR_H_AGE_DOB) && nd <= 3 && digits_at(d, nd) <= 130)
    EMITE(DET_DOB, 1);
  if (nd >= 6 && nd <= 9 && (hints & AJAR_H_PASSPORT))
    EMITE(DET_PASSPORT, 1); /* digits only: US, JP, KR, BR, NL passports */
  if (nd == 8 && n == 8 && looks_date_y(d, nd, &has_time, &year))
    sig |= birth_date(e, n, year);
  if (nd >= 9 && nd <= 19)
    sig |= classify_digits(hints, v, n, d, nd, mask, sig, e->fn, e->ctx, &e->seen);
  else if ((hints & AJAR_H_PHONE) && nd >= 7)
    EMITE(DET_PHONE_NATIONAL, 1);
  /* a phone by its print where the field names nothing else */
  if (nd >= 9 && nd <= 13 && (mask & (C_SPACE | C_DASH | C_DOT | C_PAREN)) &&
      (!hints || (hints & AJAR_H_PHONE)) && phone_grouped(v, n))
    EMITE(DET_PHONE_NATIONAL, 1);
  if ((hints & AJAR_H_LOCATION) && (mask & C_DOT) && nd >= 3) {
    double x;
    if (parse_double(v, n, &x) && fabs(x) <= 180)
      EMITE(DET_LAT_LON, 1);
  }
  if ((hints & AJAR_H_FACE_ATTR) && nd <= 3)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  return sig;
}

/* ASCII tokens: formats below strip spaces themselves where a printed
 * form has them ("NE 89 60 98 D", "FR76 1653 ...") */
static unsigned scalar_token(struct emit_ctx *e, const char *v, size_t n,
                             unsigned mask, size_t digits, size_t seps) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  char u[40];
  size_t nu, i;
  int precise, mac = 0;
  if (!(mask & C_SPACE)) {
    if ((mask & C_COLON) && (mac = ajar_valid_mac(v, n))) EMITE(DET_MAC, 1);
    else if ((mask & C_DOT) && n == 14 && ajar_valid_mac(v, n)) EMITE(DET_MAC, 1);
    else if ((mask & C_DASH) && n == 17 && ajar_valid_mac(v, n)) EMITE(DET_MAC, 1);
    /* six groups of two, no "::": never an IPv6 address */
    if ((mask & C_COLON) && !mac && ajar_valid_ipv6(v, n)) EMITE(DET_IPV6, 1);
    if (n == 36 && ajar_valid_uuid(v, n)) {
      if (hints & AJAR_H_ADVERTISING) EMITE(DET_ADVERTISING_ID, 1);
      e->stop = 1; /* a UUID is nothing else */
      return sig;
    }
    if (is_aws_key(v, n)) EMITE(DET_AWS_KEY, 1);
    if (is_jwt(v, n)) EMITE(DET_JWT, 1);
    if ((hints & (AJAR_H_PHOTO | AJAR_H_FACE)) && is_base64_image(v, n))
      EMITE(DET_FACE_IMAGE, 1);
    if ((mask & C_COMMA) && is_latlon_string(v, n, &precise))
      EMITE(precise ? DET_GEO_POINT : DET_LAT_LON, 1);
    if ((hints & AJAR_H_LOCATION) && is_geohash(v, n)) EMITE(DET_GEOHASH, 1);
    if ((hints & AJAR_H_HEALTH) && n <= 8) {
      for (i = 0; i < n && i < sizeof u - 1; i++)
        u[i] = (char)(v[i] >= 'a' && v[i] <= 'z' ? v[i] - 32 : v[i]);
      if (ajar_lexicon_icd10_ok(u, n)) EMITE(DET_HEALTH, 1);
    }
  }
  nu = 0;
  if ((mask & (C_UPPER | C_LOWER)) && digits && n <= 40) {
    /* the length strip_alnum_upper gives; copy only when some check
     * below takes that length */
    size_t want = n - seps;
    /* the id checks take letters and digits only (a MAC never passes) */
    int alnum = !(mask & ~(C_DIGIT | C_UPPER | C_LOWER | C_HEXALPHA | C_SPACE |
                           C_DASH | C_DOT));
    /* ten: only a PAN's shape (AAAAA9999A) is worth the copy */
    int pan = want == 10 && n == 10 && v[5] >= '0' && v[5] <= '9' &&
              ((v[9] | 0x20) >= 'a' && (v[9] | 0x20) <= 'z');
    if ((alnum && (want == 8 || want == 9 || pan || (want >= 15 && want <= 18) ||
                   (want >= 19 && want <= 34 && iban_head(v, n)))) ||
        (want >= 4 && want <= 10 && (hints & (AJAR_H_PASSPORT | AJAR_H_PLATE))))
      nu = strip_alnum_upper(v, n, u, sizeof u);
  }
  if (nu == 18 && ajar_valid_cn_resident_id(u, nu)) EMITE(DET_CN_RESIDENT_ID, 1);
  /* the suffix letter makes a NINO by value; without it, "AB123456"
   * is any code's shape, so the field name must say so */
  if ((nu == 9 || (nu == 8 && (hints & AJAR_H_NATIONAL_ID))) &&
      ajar_valid_uk_nino(u, nu))
    EMITE(DET_UK_NINO, 1);
  if (nu == 9 && (ajar_valid_es_dni(u, nu) || ajar_valid_es_nie(u, nu)))
    EMITE(DET_ES_DNI, 1);
  if (nu == 10 && ajar_valid_in_pan(u, nu)) EMITE(DET_IN_PAN, 1);
  if (nu == 16 && ajar_valid_it_codice_fiscale(u, nu)) EMITE(DET_IT_CF, 1);
  if (nu == 15 && ajar_valid_fr_nir(u, nu)) EMITE(DET_FR_NIR, 1);
  if (nu == 17 && ajar_valid_vin(u, nu)) EMITE(DET_VIN, 1);
  if (nu >= 15 && nu <= 34 && ajar_valid_iban(u, nu)) EMITE(DET_IBAN, 1);
  if (nu >= 6 && nu <= 9 && (hints & AJAR_H_PASSPORT)) EMITE(DET_PASSPORT, 1);
  if (nu >= 4 && nu <= 10 && (hints & AJAR_H_PLATE) && (mask & (C_UPPER)))
    EMITE(DET_PLATE, 1);
  return sig;
}

/* a person's name by shape and vocabularies: CJK and Hangul names start
 * with a common surname; Latin and Cyrillic ones are capitalised words,
 * one of them a common name of some country. Without a name in the
 * field, only two words or more with a known one. */
static unsigned person_name(struct emit_ctx *e, const char *v, size_t n,
                            unsigned mask) {
  unsigned sig = 0;
  int known;
  size_t words;
  if ((mask & C_HIGH) && looks_name_zh(v, n))
    EMITE(DET_PERSON_NAME, 1);
  if (mask & (C_DIGIT | C_AT | C_UNDER | C_COLON))
    return sig;
  words = name_words(v, n, &known);
  if (words && ((e->hints & (AJAR_H_NAME | AJAR_H_PERSON)) || (known && words >= 2)))
    EMITE(DET_PERSON_NAME, known);
  return sig;
}

/* single letters that are a sex in a column of them: M/F, m/w, H/F */
static int sex_letter(const char *v, size_t n) {
  return n == 1 && strchr("MFmfWwHh", v[0]) != NULL;
}

/* words: vocabularies, names, addresses, and fields whose name says it */
static unsigned scalar_words(struct emit_ctx *e, const char *v, size_t n,
                             unsigned mask, size_t digits) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  uint32_t voc = n <= 64 && digits <= 2 &&
                         !(mask & (C_AT | C_UNDER | C_COLON | C_SLASH | C_EQ))
                     ? (mask & (C_UPPER | C_SPACE | C_DASH | C_UNDER | C_OTHER)
                            ? ajar_lexicon_value_vocab(v, n)
                            : ajar_lexicon_value_vocab_exact(v, n))
                     : 0;
  if (voc)
    vocab_emit(voc, hints, n, e->fn, e->ctx, &e->seen);
  if (!hints && sex_letter(v, n))
    EMITE(DET_GENDER, 0);
  if ((mask & C_HIGH) && ajar_lexicon_cn_province(v, n) && ajar_valid_cn_plate(v, n))
    EMITE(DET_CN_PLATE, 1);
  else if (!(voc & ~NAME_VOCAB))
    sig |= person_name(e, v, n, mask);
  if (e->stop)
    return sig;
  if ((mask & C_HIGH) && looks_address_zh(v, n))
    EMITE(DET_ADDRESS, 1);
  if ((mask & C_SPACE) && digits && looks_address_latin(v, n))
    EMITE(DET_ADDRESS, 1);
  if (hints & AJAR_H_NAME && !(voc & ~NAME_VOCAB) && name_shaped(v, n, mask) &&
      (mask & C_HIGH))
    EMITE(DET_PERSON_NAME, 0);
  if ((hints & AJAR_H_ADDRESS) && n >= 4 && !value_is_empty(v, n))
    EMITE(DET_ADDRESS, 0);
  if ((hints & AJAR_H_PLATE) && (mask & C_HIGH) && digits >= 2 && n <= 40)
    EMITE(DET_PLATE, 1); /* 尾張小牧 500 あ 12-34, 12가3456 */
  if ((hints & AJAR_H_ETHNICITY) && !(voc & AJAR_V_ETHNICITY) && n <= 40 &&
      !(mask & C_DIGIT))
    EMITE(DET_ETHNICITY, 0);
  if ((hints & AJAR_H_RELIGION) && !(voc & AJAR_V_RELIGION) && n <= 40 &&
      !(mask & C_DIGIT))
    EMITE(DET_RELIGION, 0);
  if ((hints & AJAR_H_POLITICAL) && !(voc & AJAR_V_POLITICAL) && n <= 40 &&
      !(mask & C_DIGIT))
    EMITE(DET_POLITICAL, 0);
  if ((hints & AJAR_H_HEALTH) && !(voc & AJAR_V_HEALTH))
    EMITE(DET_HEALTH, 0);
  if ((hints & AJAR_H_GENDER) && !(voc & AJAR_V_GENDER) && n == 1 &&
      (v[0] == 'M' || v[0] == 'F' || v[0] == 'm' || v[0] == 'f'))
    EMITE(DET_GENDER, 1);
  if ((hints & AJAR_H_DEMOGRAPHIC) && !(hints & (AJAR_H_GENDER | AJAR_H_AGE_DOB)) &&
      !(voc & AJAR_V_NATIONALITY) && n <= 40 && !(mask & C_DIGIT))
    EMITE(DET_NATIONALITY, 0);
  if ((hints & AJAR_H_FACE_ATTR) && n <= 24)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  return sig;
}

unsigned classify_scalar(const struct ajar_db *db, struct ajar_scratch *s,
                         uint32_t hints, enum value_kind kind,
                         const char *v, size_t n, candidate_fn fn, void *ctx) {
  struct emit_ctx ec = {hints, fn, ctx, 0, 0}, *e = &ec;
  unsigned sig = 0, mask;
  size_t digits = 0, seps = 0;
  int has_time, year;

  if (kind == VK_NULL)
    return 0;
  if (kind == VK_BOOL) {
    if (hints & AJAR_H_FACE_ATTR)
      EMITE(DET_FACE_ATTRIBUTES, 1);
    return SIG_BOOL;
  }
  while (n && (v[0] == ' ' || v[0] == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\n' ||
               v[n - 1] == '\r'))
    n--;
  if (hints & AJAR_H_PLACE)
    sig |= SIG_PLACE;
  if (n == 0)
    return sig;
  if (hints & AJAR_H_NEGATIVE) {
    /* a content hash or request id is no personal data, but a secret
     * that announces itself is one whatever its field ("pass_hash") */
    if (n >= 20 && kind == VK_STRING) {
      if (is_password_hash(v, n)) EMITE(DET_PASSWORD_HASH, 1);
      if (is_aws_key(v, n)) EMITE(DET_AWS_KEY, 1);
      if (is_jwt(v, n)) EMITE(DET_JWT, 1);
    }
    return sig;
  }
  /* a time or a camera/checkpoint field holds no personal data itself */
  if (hints && !(hints & ~(AJAR_H_TIME | AJAR_H_PLACE)))
    return sig | (hints & AJAR_H_TIME ? SIG_TIME : 0);
  if (n > AJAR_MAX_VALUE_SCAN)
    n = AJAR_MAX_VALUE_SCAN;

  if (kind == VK_NUMBER)
    return sig | scalar_number(e, v, n);
  /* free text: long, with spaces; decided without a byte loop */
  if (n > 48 && (n > 512 || memchr(v, ' ', n) || memchr(v, '\n', n)))
    return sig | scalar_text(db, s, e, v, n);
  mask = value_shape(v, n, &digits, &seps);
  if (mask & C_NL) {
    if (mask & (C_DIGIT | C_AT))
      classify_text(db, s, hints, v, n, fn, ctx);
    return sig;
  }

  /* time-ish values: profiles, and birth dates */
  if (digits >= 6 && (mask & (C_DASH | C_SLASH | C_DOT)) && n >= 8 && n <= 35 &&
      looks_date_y(v, n, &has_time, &year)) {
    if (has_time || (hints & AJAR_H_TIME))
      sig |= SIG_TIME;
    return has_time ? sig : sig | birth_date(e, n, year);
  }
  if ((mask & C_HIGH) && digits >= 5 && n <= 24 && looks_date_cjk(v, n, &year))
    return sig | (hints & AJAR_H_TIME ? SIG_TIME : 0) | birth_date(e, n, year);
  if ((mask & C_HIGH) && (mask & C_SPACE) && digits >= 7 && n <= 48 &&
      looks_datetime_cjk(v, n, &year))
    return sig | SIG_TIME;
  if (hints & AJAR_H_TIME) {
    sig |= SIG_TIME;
    if (!(hints & ~(AJAR_H_TIME | AJAR_H_PLACE)))
      return sig;
  }

  if (is_password_hash(v, n)) EMITE(DET_PASSWORD_HASH, 1);
  if ((mask & C_AT) && !(mask & C_SPACE) && ajar_valid_email(v, n))
    EMITE(DET_EMAIL, 1);

  /* a phone with an extension: "001-415-555-2671x123" */
  if (digits >= 7 && (mask & (C_LOWER | C_UPPER | C_OTHER)) && !(mask & C_HIGH)) {
    size_t cut = phone_ext_cut(v, n), d2, s2;
    if (cut < n) {
      unsigned m2 = value_shape(v, cut, &d2, &s2);
      if (!(m2 & ~(C_DIGIT | C_SPACE | C_DASH | C_DOT | C_PAREN | C_PLUS)))
        return sig | scalar_punct_digits(e, v, cut, m2);
    }
  }
  if (digits && !(mask & ~(C_DIGIT | C_SPACE | C_DASH | C_DOT | C_PAREN | C_PLUS)))
    return sig | scalar_punct_digits(e, v, n, mask);

  if (!(mask & C_HIGH)) {
    sig |= scalar_token(e, v, n, mask, digits, seps);
    if (e->stop)
      return sig;
  }
  if (mask & (C_HIGH | C_UPPER | C_LOWER)) {
    sig |= scalar_words(e, v, n, mask, digits);
    if (e->stop)
      return sig;
  }
  if ((hints & AJAR_H_SECRET) && !is_placeholder_secret(v, n) &&
      !value_is_empty(v, n))
    EMITE(DET_PASSWORD, 0);
  if ((hints & AJAR_H_NAME) && !(mask & C_HIGH) && name_shaped(v, n, mask) &&
      (mask & (C_UPPER | C_LOWER)))
    EMITE(DET_PERSON_NAME, 0);
  return sig;
}

void classify_numarray(uint32_t hints, size_t count, double first,
                       double second, double absmax, candidate_fn fn,
                       void *ctx) {
  struct candidate c = {0, 1, 0, 0, 0};
  if (hints & AJAR_H_NEGATIVE)
    return;
  if (count == 2 && fabs(first) <= 180 && fabs(second) <= 90 &&
      (hints & AJAR_H_LOCATION)) {
    c.det = DET_GEO_POINT;
    fn(ctx, &c);
    return;
  }
  if ((count == 128 || count == 256 || count == 512 || count == 1024) &&
      absmax <= 1e4 && (hints & (AJAR_H_EMBEDDING | AJAR_H_FACE))) {
    c.det = DET_FACE_EMBEDDING;
    fn(ctx, &c);
  } else if (!hints && (count == 128 || count == 256 || count == 512) &&
             absmax <= 1e4 && fabs(first) < 1 && fabs(second) < 1 && first != second) {
    /* under a name that says nothing: a vector as wide as a face model's
     * (FaceNet 128, ArcFace 512) that starts unit-scale (the walker
     * parses the first two elements); finish.c wants it in every record */
    c.det = DET_FACE_EMBEDDING;
    fn(ctx, &c);
  }
}
