/* Values made of words: people's names (Latin, Cyrillic, CJK, Hangul),
 * street addresses, the vocabularies of special categories (ethnicity,
 * religion, health ...), and what a field's name says its words are.
 * Part of classify_scalar (value.c). */
#include <emmintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include "classify.h"
#include "shape.h"
#include "validators.h"
#include "value.h"
#include "person.h"
#include "once.h"
#if defined(__SSSE3__)
#include <emmintrin.h>
#endif

struct word { const char *s; size_t n; };
#define WORD(x) {x, sizeof x - 1}

/* w (n bytes, n >= 1) is one of the k words of list; the length and the
 * first byte are compared before the rest (the lists are particles of
 * a few bytes, asked of every short lower-case word) */
static int word_in(const struct word *list, size_t k, const char *w, size_t n) {
  size_t i;
  for (i = 0; i < k; i++)
    if (list[i].n == n && list[i].s[0] == w[0] && !memcmp(list[i].s + 1, w + 1, n - 1))
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
  WORD("площадь"),
  /* the rest of USPS Publication 28 appendix C1 (primary suffix names) */
  WORD("anex"), WORD("annex"), WORD("arcade"), WORD("beach"), WORD("bottom"),
  WORD("branch"), WORD("bridge"), WORD("brooks"), WORD("camp"), WORD("canyon"),
  WORD("cape"), WORD("center"), WORD("centers"), WORD("centre"), WORD("cliff"),
  WORD("cliffs"), WORD("club"), WORD("common"), WORD("commons"), WORD("crest"),
  WORD("crossroad"), WORD("curve"), WORD("dale"), WORD("dam"), WORD("divide"),
  WORD("drives"), WORD("estate"), WORD("extension"), WORD("field"),
  WORD("fields"), WORD("flat"), WORD("flats"), WORD("ford"), WORD("fords"),
  WORD("forest"), WORD("forge"), WORD("forges"), WORD("fork"), WORD("fort"),
  WORD("gateway"), WORD("green"), WORD("groves"), WORD("harbors"), WORD("hill"),
  WORD("hills"), WORD("inlet"), WORD("island"), WORD("islands"), WORD("isle"),
  WORD("key"), WORD("keys"), WORD("lake"), WORD("lakes"), WORD("land"),
  WORD("light"), WORD("lights"), WORD("loaf"), WORD("lock"), WORD("locks"),
  WORD("mall"), WORD("manors"), WORD("mission"), WORD("mount"),
  WORD("mountain"), WORD("mountains"), WORD("neck"), WORD("overpass"),
  WORD("park"), WORD("parks"), WORD("parkways"), WORD("passage"), WORD("pine"),
  WORD("pines"), WORD("point"), WORD("points"), WORD("port"), WORD("ports"),
  WORD("prairie"), WORD("radial"), WORD("ramp"), WORD("ranch"), WORD("rapid"),
  WORD("rapids"), WORD("rest"), WORD("ridges"), WORD("river"), WORD("roads"),
  WORD("shoal"), WORD("shoals"), WORD("skyway"), WORD("spring"),
  WORD("springs"), WORD("squares"), WORD("station"), WORD("stravenue"),
  WORD("stream"), WORD("throughway"), WORD("track"), WORD("trafficway"),
  WORD("trailer"), WORD("tunnel"), WORD("underpass"), WORD("union"),
  WORD("unions"), WORD("valleys"), WORD("viaduct"), WORD("ville"),
  WORD("walks"), WORD("wall"), WORD("ways"), WORD("well"),
  /* units and the rest of the Spanish, Italian and Brazilian types */
  WORD("apt"), WORD("suite"), WORD("studio"), WORD("piso"), WORD("puerta"),
  WORD("appartamento"), WORD("interno"), WORD("apto"), WORD("bloco"),
  WORD("pasadizo"), WORD("cantón"), WORD("cañada"), WORD("viaduto"),
  WORD("pedágio"), WORD("lago"), WORD("lagoa"), WORD("núcleo"),
  WORD("fazenda"), WORD("favela"), WORD("trevo"), WORD("distrito"),
  WORD("sítio"), WORD("morro"), WORD("condomínio"), WORD("passeio")
};
/* endings of glued street names: "Hauptstraße", "Annweilerweg", "Kerkstraat" */
static const struct word street_endings[] = {
  WORD("strasse"), WORD("straße"), WORD("str."), WORD("weg"), WORD("allee"),
  WORD("platz"), WORD("gasse"), WORD("ring"), WORD("damm"), WORD("straat"),
  WORD("laan"), WORD("plein"), WORD("singel"), WORD("gracht"), WORD("kade"),
  WORD("dreef"), WORD("pad"), WORD("dijk"), WORD("markt"), WORD("plantsoen"),
  WORD("hof"), WORD("steeg"), WORD("baan"), WORD("steig"), WORD("pfad")
};

/* Lookup tables over the lists above and the CJK address marks
 * (looks_address_zh),
 * built once (pthread_once): a street word is found with one hash and
 * one compare, not a compare per list entry (street_word was a fifth
 * of a SQL dump of addresses, callgrind). */
#define STREET_SLOTS 1024 /* a power of two, over twice the street words */
#define N_STREET (sizeof street_words / sizeof street_words[0])
#define N_ENDING (sizeof street_endings / sizeof street_endings[0])
_Static_assert(N_STREET * 2 <= STREET_SLOTS, "street words fill over half the slots");
static const char zh_marks[][4] = {"省", "市", "区", "县", "路", "街", "号",
                                   "村", "镇", "乡", "巷", "弄", "栋", "室",
                                   "都", "県", "町", "丁", "番", "시", "도",
                                   "구", "군", "동", "로", "길", "읍", "면", "리"};
#define N_ZH_MARK (sizeof zh_marks / sizeof zh_marks[0])
#define ZH_SLOTS 64
static uint16_t street_slot[STREET_SLOTS]; /* index + 1 in street_words; 0 empty */
static size_t street_max;                  /* the longest street word */
static uint32_t ending_tail[N_ENDING];     /* the last three bytes of each ending */
static uint8_t ending_last[256];           /* 1: some ending ends with this byte */
static uint64_t ending_tails;              /* bit tail_bit(t) set: an ending ends in t */
static uint32_t zh_code[ZH_SLOTS];         /* a mark's three bytes; 0 empty */
static uint8_t zh_bit[ZH_SLOTS];           /* its index in zh_marks */
static uint64_t zh_tails[64];              /* bit zh_tail(c) set: a mark may be c */
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static int words_built;

static uint32_t word_hash(const char *w, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++)
    h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h ^ h >> 15;
}

static uint32_t bytes3(const char *p) {
  return (uint32_t)(unsigned char)p[0] << 16 | (uint32_t)(unsigned char)p[1] << 8 |
         (unsigned char)p[2];
}

/* a bit for three last bytes: most words end in three no ending ends in */
static unsigned tail_bit(uint32_t tail) {
  return (tail * 2654435761u) >> 26;
}

static unsigned zh_slot(uint32_t code) {
  return (code * 2654435761u) >> 26; /* ZH_SLOTS = 1 << 6 */
}

/* the low six bits of a character's second and third bytes (p[0] a lead
 * byte of three): of 4,096 such tails the 29 marks set at most 29, so
 * most characters of an address are told no mark by one bit */
static unsigned zh_tail(const char *p) {
  return ((unsigned char)p[1] & 63u) << 6 | ((unsigned char)p[2] & 63u);
}

static void build_words(void) {
  size_t k;
  unsigned i;
  for (k = 0; k < N_STREET; k++) {
    for (i = word_hash(street_words[k].s, street_words[k].n) & (STREET_SLOTS - 1);
         street_slot[i]; i = (i + 1) & (STREET_SLOTS - 1))
      ;
    street_slot[i] = (uint16_t)(k + 1);
    if (street_words[k].n > street_max)
      street_max = street_words[k].n;
  }
  for (k = 0; k < N_ENDING; k++) {
    ending_tail[k] = bytes3(street_endings[k].s + street_endings[k].n - 3);
    ending_last[(unsigned char)street_endings[k].s[street_endings[k].n - 1]] = 1;
    ending_tails |= 1ull << tail_bit(ending_tail[k]);
  }
  for (k = 0; k < N_ZH_MARK; k++) {
    uint32_t c = bytes3(zh_marks[k]);
    for (i = zh_slot(c); zh_code[i]; i = (i + 1) & (ZH_SLOTS - 1))
      ;
    zh_code[i] = c;
    zh_bit[i] = (uint8_t)k;
    zh_tails[zh_tail(zh_marks[k]) >> 6] |= 1ull << (zh_tail(zh_marks[k]) & 63);
  }
}

/* a word of n bytes (lower-cased) that ends at end as a glued street
 * name does ("annweilerweg"): every ending has three bytes or more, and
 * two before it; most words end in a byte no ending ends in (a user
 * agent's "x64)", "537.36") */
static int street_ending(const char *end, size_t n) {
  size_t k;
  uint32_t tail;
  if (n < 6 || !ending_last[(unsigned char)end[-1]])
    return 0;
  tail = bytes3(end - 3);
  if (!(ending_tails >> tail_bit(tail) & 1))
    return 0;
  for (k = 0; k < N_ENDING; k++) {
    size_t l = street_endings[k].n;
    if (ending_tail[k] == tail && n > l + 2 && !memcmp(end - l, street_endings[k].s, l))
      return 1;
  }
  return 0;
}

static int street_word(const char *w, size_t n) {
  unsigned i;
  while (n && (w[n - 1] == '.' || w[n - 1] == ',')) n--;
  ajar_once(&words_once, &words_built, build_words);
  if (n && n <= street_max) {
    for (i = word_hash(w, n) & (STREET_SLOTS - 1); street_slot[i];
         i = (i + 1) & (STREET_SLOTS - 1)) {
      const struct word *sw = &street_words[street_slot[i] - 1];
      if (sw->n == n && !memcmp(sw->s, w, n))
        return 1;
    }
  }
  return street_ending(w + n, n);
}

static int up(char c) { return c >= 'A' && c <= 'Z'; }
static int dig(char c) { return c >= '0' && c <= '9'; }

/* A postcode of a shape only postcodes have, at v[i] (the start of a
 * word): the UK's "SW1A 1AA" and "M1 1AE" (BS 7666), the Netherlands'
 * "1234 AB", the US "NY 10001" (state and ZIP), Canada's "K1A 0B1",
 * Brazil's CEP "01310-100". Returns its length, or 0. */
static size_t postcode_at(const char *v, size_t n, size_t i) {
  const char *p = v + i;
  size_t r = n - i, k = 0;
  /* UK: outward code A9 A99 AA9 AA99 A9A AA9A, a space, 9AA */
  if (r >= 6 && up(p[0])) {
    k = 1;
    if (up(p[k])) k++;
    if (k < r && dig(p[k])) {
      k++;
      if (k < r && (dig(p[k]) || up(p[k]))) k++;
      if (k + 4 <= r && p[k] == ' ' && dig(p[k + 1]) && up(p[k + 2]) && up(p[k + 3]) &&
          (k + 4 == r || p[k + 4] == ',' || p[k + 4] == ' '))
        return k + 4;
    }
  }
  /* US: two capitals, a space, five digits (and -4) */
  if (r >= 8 && up(p[0]) && up(p[1]) && p[2] == ' ') {
    for (k = 3; k < 8 && dig(p[k]); k++)
      ;
    if (k == 8 && (r == 8 || p[8] == ',' || p[8] == ' ' || p[8] == '-'))
      return 8;
  }
  /* Canada: A9A 9A9 */
  if (r >= 7 && up(p[0]) && dig(p[1]) && up(p[2]) && p[3] == ' ' && dig(p[4]) &&
      up(p[5]) && dig(p[6]))
    return 7;
  /* the Netherlands: 1234 AB or 1234AB */
  if (r >= 6 && dig(p[0]) && p[0] != '0' && dig(p[1]) && dig(p[2]) && dig(p[3])) {
    k = p[4] == ' ' ? 5 : 4;
    if (k + 2 <= r && up(p[k]) && up(p[k + 1]) && (k + 2 == r || p[k + 2] == ',' ||
                                                   p[k + 2] == ' '))
      return k + 2;
  }
  /* Brazil: 12345-678 */
  if (r >= 9 && dig(p[0]) && dig(p[1]) && dig(p[2]) && dig(p[3]) && dig(p[4]) &&
      p[5] == '-' && dig(p[6]) && dig(p[7]) && dig(p[8]) && (r == 9 || !dig(p[9])))
    return 9;
  return 0;
}

/* the small words inside street names: "Calle del Río", "Via degli
 * Ulivi", "rue de la Paix", "Avenue of the Americas" is left out */
static const struct word address_particles[] = {
    WORD("da"), WORD("de"), WORD("del"), WORD("della"), WORD("delle"),
    WORD("degli"), WORD("dei"), WORD("der"), WORD("des"), WORD("di"),
    WORD("do"), WORD("dos"), WORD("das"), WORD("du"), WORD("la"), WORD("le"),
    WORD("les"), WORD("van"), WORD("von"), WORD("den"), WORD("ter"),
    WORD("am"), WORD("an"), WORD("im"), WORD("auf"), WORD("zum"), WORD("zur"),
    WORD("y"), WORD("e"), WORD("el"), WORD("al"), WORD("of")};
#define N_ADDR_PARTICLE (sizeof address_particles / sizeof address_particles[0])
static int address_particle(const char *w, size_t n) {
  return word_in(address_particles, N_ADDR_PARTICLE, w, n);
}

/* The bytes of a value of 6 to 199 bytes by class, a bit a byte (byte
 * i is bit i % 64 of word i / 64): the separators of its words (' ',
 * ','; the end of the value counts as one), digits and capitals, found
 * 16 bytes a step (SSE2) in b: the value, then 16 spaces. */
struct addr_bits { uint64_t sep[4], digit[4], upper[4]; };

/* the separators alone (the word loop's need) */
static void address_seps(const char *b, size_t n, struct addr_bits *a) {
  const __m128i sp = _mm_set1_epi8(' '), comma = _mm_set1_epi8(',');
  size_t o;
  a->sep[0] = a->sep[1] = a->sep[2] = a->sep[3] = 0;
  for (o = 0; o < n; o += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(b + o));
    unsigned sep = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, comma)));
    a->sep[o >> 6] |= (uint64_t)sep << (o & 63);
  }
  a->sep[n >> 6] |= 1ull << (n & 63);
}

/* the digits and capitals (address_parts' need) */
static void address_classes(const char *b, size_t n, struct addr_bits *a) {
  const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1),
                a0 = _mm_set1_epi8('A' - 1), z9 = _mm_set1_epi8('Z' + 1);
  size_t o;
  memset(a->digit, 0, sizeof a->digit);
  memset(a->upper, 0, sizeof a->upper);
  for (o = 0; o < n; o += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(b + o));
    unsigned digit = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(x, d0), _mm_cmplt_epi8(x, d9)));
    unsigned upper = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(x, a0), _mm_cmplt_epi8(x, z9)));
    a->digit[o >> 6] |= (uint64_t)digit << (o & 63);
    a->upper[o >> 6] |= (uint64_t)upper << (o & 63);
  }
}

static void address_bits(const char *b, size_t n, struct addr_bits *a) {
  address_seps(b, n, a);
  address_classes(b, n, a);
}

/* the 16 bits of m from byte o (a multiple of 16) */
static unsigned bits16(const uint64_t *m, size_t o) {
  return (unsigned)(m[o >> 6] >> (o & 63)) & 0xFFFFu;
}

/* the first separator at i or after it (there is one at the end) */
static size_t next_sep(const struct addr_bits *a, size_t i) {
  size_t k = i >> 6;
  uint64_t w = a->sep[k] & (~0ull << (i & 63));
  while (!w)
    w = a->sep[++k];
  return k * 64 + (size_t)__builtin_ctzll(w);
}

/* What looks_address_latin can find in v (6 to 199 bytes) at all: 1, a
 * postcode at a word's start; else 2, a house number (a word of 1-5
 * digits, and a letter, a '/' or a '-' after them allowed), *last the
 * start of the last one; else 0: neither, so no address. Only the starts
 * of words that begin with a digit or a capital are tried: a user
 * agent's "NT 10.0;" and "X 10_15_7" are no house number, and are told
 * so without lowercasing the text and looking its words up. */
static int address_parts(const char *v, size_t n, const struct addr_bits *a, size_t *last) {
  unsigned prev_sep = 1; /* the start of v starts a word */
  size_t o, i;
  int number = 0;
  for (o = 0; o < n; o += 16) {
    unsigned sep = bits16(a->sep, o);
    unsigned starts = (sep << 1 | prev_sep) & (bits16(a->digit, o) | bits16(a->upper, o)) & 0xFFFF;
    prev_sep = sep >> 15;
    for (; starts; starts &= starts - 1) {
      size_t d, wl;
      i = o + (size_t)__builtin_ctz(starts);
      /* every postcode's second byte is a capital or a digit ("Baker"
       * starts none) */
      if (i + 6 <= n && (up(v[i + 1]) || dig(v[i + 1])) && postcode_at(v, n, i))
        return 1;
      if (!dig(v[i]))
        continue;
      for (d = 0; i + d < n && dig(v[i + d]); d++)
        ;
      for (wl = d; i + wl < n && v[i + wl] != ' ' && v[i + wl] != ','; wl++)
        ;
      if (d <= 5 && (d == wl || wl - d <= 2 || v[i + d] == '-' || v[i + d] == '/')) {
        number = 1;
        *last = i;
      }
    }
  }
  return number ? 2 : 0;
}

/* Whether the word at w (a digit first, in v then 16 spaces) starts as
 * every house number and every postcode address_parts finds has a word
 * start: 1-5 digits, then a separator, the end, a '-', a '/' or a
 * capital (Canada's "0B1"), or at most two bytes more in the word. The
 * UK's "1AA", the US "10001", the Dutch "1234 AB" and Brazil's
 * "01310-100" are such words. Most user agents have none ("NT 10.0;",
 * "X 10_15_7)", "X11;"), and are told so by one pass over their bytes,
 * without the classes address_bits finds or address_parts' look at
 * every word. */
static int number_word(const char *w) {
  size_t d = 1;
  char c;
  while (d <= 5 && dig(w[d])) d++;
  c = w[d];
  return d <= 5 && (c == ' ' || c == ',' || c == '-' || c == '/' || up(c) || w[d + 1] == ' ' ||
                    w[d + 1] == ',' || w[d + 2] == ' ' || w[d + 2] == ',');
}

/* whether a word of b (v, then 16 spaces) is such a word */
static int number_start(const char *b, size_t n) {
  const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1),
                sp = _mm_set1_epi8(' '), comma = _mm_set1_epi8(',');
  unsigned prev_sep = 1; /* the start of v starts a word */
  size_t o;
  for (o = 0; o < n; o += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(b + o));
    unsigned sep = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, comma)));
    unsigned starts = (sep << 1 | prev_sep) & (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(x, d0), _mm_cmplt_epi8(x, d9))) & 0xFFFF;
    prev_sep = sep >> 15;
    for (; starts; starts &= starts - 1)
      if (number_word(b + o + (size_t)__builtin_ctz(starts)))
        return 1;
  }
  return 0;
}

/* What the word loop of an address has seen: a house number, a street
 * word, both together, words of other kinds. */
struct addr_walk { int number, street, both, words; };
enum { W_NONE, W_NUMBER, W_STREET, W_SENTENCE, W_OTHER };

/* the word loop takes a word of a kind; 1: stop the loop */
static int address_step(struct addr_walk *a, int kind) {
  if (kind == W_NUMBER)
    a->number = 1;
  else if (kind == W_STREET)
    a->street = 1;
  else if (kind == W_SENTENCE) {
    /* a lower-case word of a sentence parts the number from the street
     * word: "call 555 1234 about the view" */
    if (a->number && a->street)
      return 1;
    a->number = a->street = 0;
  } else if (kind == W_OTHER)
    a->words++;
  if (a->number && a->street)
    a->both = 1;
  return 0;
}

/* the kind of a word whose first d bytes are digits (wl in all) */
static int number_kind(const char *w, size_t d, size_t wl) {
  return d >= 1 && d <= 5 && (d == wl || wl - d <= 2 || w[d] == '-' || w[d] == '/')
             ? W_NUMBER
             : W_NONE;
}

static int address_verdict(const struct addr_walk *a, size_t n, int parts) {
  if (a->both && (a->words >= 1 || n >= 10))
    return 1;
  if (!(a->number || a->street || a->both) || a->words < 1)
    return 0;
  return parts == 1; /* a postcode at a word's start */
}

/* "12 Baker Street", "Annweilerweg 47", "Via Roma 12", "ul. Hoża 5",
 * "239 Đường Nguyễn Du": a house number (1-5 digits, a letter or "/"
 * after it allowed) and a street word, a word with letters besides; or
 * a postcode of a telling shape with a town beside it ("Selinapad 39,
 * 5402 TM, Overlangel", "PSC 0945, Box 1953, APO AA 83257"). This reads
 * v a byte at a time and looks its words up in street_words' own
 * table: looks_address_latin's reference, which tests/unit/test_words.c
 * compares it with. */
int looks_address_bytes(const char *v, size_t n) {
  char low[200], b[256];
  struct addr_bits bits;
  struct addr_walk a = {0, 0, 0, 0};
  size_t i, start = 0, last_number = 0;
  int parts;
  if (n < 6 || n >= sizeof low)
    return 0;
  memcpy(b, v, n);
  memset(b + n, ' ', 16);
  address_bits(b, n, &bits);
  if (!(parts = address_parts(v, n, &bits, &last_number)))
    return 0;
  for (i = 0; i <= n; i++) {
    char c = i < n ? v[i] : ' ';
    low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (c == ' ' || c == ',') {
      const char *w = low + start;
      size_t wl = i - start, d = 0;
      int kind;
      start = i + 1;
      if (!wl)
        continue;
      while (d < wl && w[d] >= '0' && w[d] <= '9') d++;
      kind = d ? number_kind(w, d, wl)
             : street_word(w, wl) ? W_STREET
             : v[i - wl] >= 'a' && v[i - wl] <= 'z' && !address_particle(w, wl) ? W_SENTENCE
                                                                                 : W_OTHER;
      if (address_step(&a, kind))
        break;
      /* no postcode, and no house number from here on */
      if (parts == 2 && !a.both && !a.number && start > last_number)
        return 0;
    }
  }
  return address_verdict(&a, n, parts);
}

/* what address_word says of a word (below, with the table of words) */
enum { ADDR_STREET = 1, ADDR_PARTICLE = 2 };
static unsigned address_word(const char *w, size_t n);

/* looks_address_bytes by the words address_seps finds: a word is
 * neither copied nor lower-cased a byte at a time, and a word that does
 * not begin with a digit is looked up once, as 16 bytes, in the table of
 * person and address words (address_word). The digits and capitals
 * (address_classes) are found only when address_parts is asked. */
static int looks_address_latin(const char *v, size_t n) {
  char b[256]; /* v, then spaces: 16 bytes a step read no further */
  struct addr_bits bits;
  struct addr_walk a = {0, 0, 0, 0};
  size_t s, e, d, last_number = 0;
  int parts = -1; /* not known yet */
  if (n < 6 || n >= 200)
    return 0;
  memcpy(b, v, n);
  memset(b + n, ' ', 16);
  /* A value of a digit first ("181 Park Avenue, Bristol") is mostly an
   * address: number_start would pass it, and only cost. Its words are
   * read before address_parts is asked, which most such values never
   * need: a house number beside a street word settles the verdict
   * (address_verdict), whatever the parts; the parts only end the loop
   * early for values that are none, and say which of those a postcode
   * makes an address. */
  if (!dig(v[0]) && !number_start(b, n))
    return 0;
  address_seps(b, n, &bits);
  if (!dig(v[0])) {
    address_classes(b, n, &bits);
    if (!(parts = address_parts(v, n, &bits, &last_number)))
      return 0;
  }
  for (s = 0; s <= n; s = e + 1) {
    size_t wl;
    unsigned cls;
    int kind;
    e = next_sep(&bits, s);
    if (!(wl = e - s))
      continue;
    if (dig(v[s])) {
      for (d = 1; dig(b[s + d]); d++) /* b ends in spaces */
        ;
      kind = number_kind(v + s, d, wl);
    } else {
      cls = address_word(b + s, wl);
      kind = cls & ADDR_STREET ? W_STREET
             : v[s] >= 'a' && v[s] <= 'z' && !(cls & ADDR_PARTICLE) ? W_SENTENCE
                                                                   : W_OTHER;
    }
    if (address_step(&a, kind))
      break;
    /* a.both stays and a.words only grows: the verdict is 1 now */
    if (a.both && (a.words >= 1 || n >= 10))
      return 1;
    if (parts == 2 && !a.both && !a.number && e + 1 > last_number)
      return 0;
  }
  if (parts < 0 && !a.both) {
    address_classes(b, n, &bits);
    parts = address_parts(v, n, &bits, &last_number);
  }
  return address_verdict(&a, n, parts);
}

/* the marks seen and a number make a CJK address: three distinct
 * marks, or two and a number */
static int zh_verdict(unsigned seen, int number) {
  return __builtin_popcount(seen) >= 3 || (__builtin_popcount(seen) >= 2 && number);
}

/* the bit of the mark c (a character's three bytes) in zh_marks, 0 for none */
static unsigned zh_mark(uint32_t c) {
  unsigned k;
  for (k = zh_slot(c); zh_code[k]; k = (k + 1) & (ZH_SLOTS - 1))
    if (zh_code[k] == c)
      return 1u << zh_bit[k];
  return 0;
}

/* Chinese, Japanese or Korean address: at least three distinct markers,
 * or two and a number (house numbers, 丁目-番-号 as "34-39-67"),
 * among 省市区县路街号村镇乡巷弄栋室 (zh), 都県町丁番 (ja: 都道府県,
 * 丁目, 番地) and 시도구군동로길읍면리 (ko). Read a byte at a time: a
 * digit is a number, a lead byte of three (0xE0-0xEF) starts a
 * character whose three bytes are looked up and skipped; the bytes of
 * the last two positions start nothing. looks_address_zh's reference,
 * which tests/unit/test_words.c compares it with. */
int looks_address_zh_bytes(const char *v, size_t n) {
  unsigned seen = 0;
  size_t i;
  int number = 0;
  if (n < 12 || n > 300)
    return 0;
  ajar_once(&words_once, &words_built, build_words);
  for (i = 0; i + 3 <= n; i++) {
    if (dig(v[i]))
      number = 1;
    if (((unsigned char)v[i] & 0xF0) != 0xE0)
      continue;
    seen |= zh_mark(bytes3(v + i));
    i += 2;
  }
  return zh_verdict(seen, number);
}

/* looks_address_zh_bytes by the bytes that matter: digits and lead
 * bytes are found 16 bytes a step (SSE2), and only those are visited,
 * in order, a lead byte inside a character looked up before (next)
 * skipped as the byte loop skips it; a CJK character is one step, not
 * three, is looked up only when its tail's bit is set (zh_tails), and
 * the verdict, which more marks or a number never undo, ends the walk
 * once it holds */
static int looks_address_zh(const char *v, size_t n) {
#if defined(__SSSE3__)
  const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1),
                high = _mm_set1_epi8((char)0xF0), lead3 = _mm_set1_epi8((char)0xE0);
  unsigned seen = 0;
  size_t o, next = 0, end;
  int number = 0;
  if (n < 12 || n > 300)
    return 0;
  ajar_once(&words_once, &words_built, build_words);
  end = n - 2; /* the byte loop's positions: i + 3 <= n */
  for (o = 0; o < end; o += 16) {
    /* lanes past end are 0: no digit, no lead byte */
    __m128i x = shape_load_part(v + o, end - o < 16 ? end - o : 16);
    unsigned digit = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(x, d0), _mm_cmplt_epi8(x, d9)));
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, high), lead3));
    if (!number)
      m |= digit;
    for (; m; m &= m - 1) {
      size_t i = o + (size_t)__builtin_ctz(m);
      if (i < next)
        continue; /* a byte of the character before */
      if (digit >> (i - o) & 1)
        number = 1;
      else {
        unsigned t = zh_tail(v + i),
                 mark = zh_tails[t >> 6] >> (t & 63) & 1 ? zh_mark(bytes3(v + i)) : 0;
        next = i + 3;
        if (mark && zh_verdict(seen |= mark, number))
          return 1;
      }
    }
  }
  return zh_verdict(seen, number);
#else
  return looks_address_zh_bytes(v, n);
#endif
}

int looks_address(const char *v, size_t n, unsigned mask) {
  return ((mask & C_HIGH) && looks_address_zh(v, n)) ||
         ((mask & C_SPACE) && (mask & C_DIGIT) && looks_address_latin(v, n));
}

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
 * as UTF-8): "García", "O'Neil", "Wieloch-Bolnbach", "Łukasz", "Иван",
 * "McDonald", "DeAngelo", "SMITH" (all capitals, four letters or more).
 * Not "DarkSeaGreen" (capitals inside a word), "MEX" or "N" (codes,
 * compass points); a single letter only as an initial ("J."). *cyr: it
 * is Cyrillic. */
static inline __attribute__((always_inline)) int name_word(const char *w, size_t n, int *cyr) {
  size_t j, lower = 0, inner = 0;
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
  if (n == 1)
    return 0;
  for (; j < n; j++) {
    unsigned char c = (unsigned char)w[j];
    if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      lower++;
      continue;
    }
    if (c == '\'' || c == '-' || (c == '.' && j == n - 1))
      continue;
    if (c >= 'A' && c <= 'Z') {
      unsigned char p = (unsigned char)w[j - 1];
      if (p != '\'' && p != '-' && !(j == 2 && (!memcmp(w, "Mc", 2) || !memcmp(w, "De", 2) ||
                                              !memcmp(w, "Di", 2) || !memcmp(w, "La", 2) ||
                                              !memcmp(w, "Le", 2))) &&
          !(j == 3 && !memcmp(w, "Mac", 3)))
        inner++;
      continue;
    }
    return 0;
  }
  if (inner && lower)
    return 0; /* DarkSeaGreen, PowderBlue */
  return lower || n >= 4 || (n == 2 && w[1] == '.');
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

/* w lower-cased, dots dropped, into out (at most cap - 1 bytes); 0 when
 * it does not fit */
static size_t lower_nodots(const char *w, size_t n, char *out, size_t cap) {
  size_t i, o = 0;
  for (i = 0; i < n; i++) {
    char c = w[i];
    if (c == '.')
      continue;
    if (o + 1 >= cap)
      return 0;
    out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return o;
}

/* Titles before a name and degrees after it (class 1), and words no
 * person is called by (class 2), looked up by one hash (built once) */
static const struct word title_words[] = {
  WORD("mr"), WORD("mrs"), WORD("ms"), WORD("miss"), WORD("mx"), WORD("dr"),
  WORD("prof"), WORD("sir"), WORD("dame"), WORD("herr"), WORD("frau"),
  WORD("mme"), WORD("mlle"), WORD("m"), WORD("sr"), WORD("sra"), WORD("srta"),
  WORD("don"), WORD("dona"), WORD("dott"), WORD("dottssa"), WORD("sig"),
  WORD("sigra"), WORD("ing"), WORD("avv"), WORD("dhr"), WORD("mevr"),
  WORD("shri"), WORD("smt"), WORD("jr"), WORD("ii"), WORD("iii"), WORD("iv"),
  WORD("md"), WORD("dds"), WORD("phd"), WORD("mba"), WORD("bsc"), WORD("msc"),
  WORD("ba"), WORD("ma"), WORD("beng"), WORD("meng"), WORD("bed"), WORD("med"),
  WORD("dvm"), WORD("esq"), WORD("llm"), WORD("dipl"), WORD("univ"),
  WORD("mag"), WORD("rer"), WORD("nat"), WORD("kfm")};
static const struct word not_name_words[] = {
  WORD("street"), WORD("st"), WORD("road"), WORD("rd"), WORD("avenue"),
  WORD("ave"), WORD("boulevard"), WORD("blvd"), WORD("drive"), WORD("court"),
  WORD("place"), WORD("square"), WORD("terrace"), WORD("highway"),
  WORD("parkway"), WORD("circle"), WORD("alley"), WORD("plaza"),
  WORD("crescent"), WORD("strasse"), WORD("gasse"), WORD("allee"),
  WORD("platz"), WORD("rue"), WORD("chemin"), WORD("impasse"), WORD("quai"),
  WORD("calle"), WORD("avenida"), WORD("paseo"), WORD("camino"),
  WORD("carretera"), WORD("via"), WORD("viale"), WORD("piazza"),
  WORD("corso"), WORD("vicolo"), WORD("strada"), WORD("rua"),
  WORD("travessa"), WORD("alameda"), WORD("rodovia"), WORD("estrada"),
  WORD("straat"), WORD("laan"), WORD("plein"), WORD("gracht"), WORD("ulica"),
  WORD("north"), WORD("south"), WORD("east"), WORD("west"), WORD("lake"),
  WORD("port"), WORD("new"), WORD("fort"), WORD("mount"), WORD("saint"),
  WORD("san"), WORD("santa"), WORD("sankt"), WORD("upper"), WORD("lower"),
  WORD("inc"), WORD("llc"), WORD("ltd"), WORD("plc"), WORD("corp"),
  WORD("gmbh"), WORD("ag"), WORD("kg"), WORD("ohg"), WORD("sa"), WORD("sas"),
  WORD("sarl"), WORD("srl"), WORD("spa"), WORD("bv"), WORD("nv"), WORD("ltda"),
  WORD("group"), WORD("holding"), WORD("holdings"), WORD("partners"),
  WORD("company"), WORD("solutions"), WORD("systems"), WORD("services"),
  WORD("technologies"), WORD("international"), WORD("industries"),
  WORD("consulting"), WORD("bank"), WORD("hotel"), WORD("hospital"),
  /* the kinds of organisations and places that take a founder's or a
   * town's name: "Mercy Clinic", "Smith Pharmacy", "Lincoln High School" */
  WORD("clinic"), WORD("klinik"), WORD("clinica"), WORD("clinique"),
  WORD("practice"), WORD("pharmacy"), WORD("apotheke"), WORD("farmacia"),
  WORD("pharmacie"), WORD("surgery"), WORD("medical"), WORD("health"),
  WORD("healthcare"), WORD("dental"), WORD("care"), WORD("laboratory"),
  WORD("lab"), WORD("labs"), WORD("university"), WORD("universität"),
  WORD("universidad"), WORD("università"), WORD("université"),
  WORD("college"), WORD("school"), WORD("schule"), WORD("academy"),
  WORD("institute"), WORD("institut"), WORD("instituto"), WORD("foundation"),
  WORD("stiftung"), WORD("association"), WORD("verein"), WORD("society"),
  WORD("church"), WORD("kirche"), WORD("airlines"), WORD("airways"),
  WORD("airline"), WORD("motors"), WORD("store"), WORD("stores"),
  WORD("shop"), WORD("market"), WORD("supermarket"), WORD("restaurant"),
  WORD("cafe"), WORD("café"), WORD("pub"), WORD("bakery"), WORD("brothers"),
  WORD("bros"), WORD("corporation"), WORD("co"), WORD("limited"),
  WORD("enterprises"), WORD("trust"), WORD("council"), WORD("agency"),
  WORD("office"), WORD("club"), WORD("fc"), WORD("airport"),
  WORD("flughafen"), WORD("aeropuerto"), WORD("aeroporto"), WORD("terminal"),
  WORD("tower"), WORD("building"), WORD("hall"), WORD("house"), WORD("wing"),
  WORD("ward"), WORD("department"), WORD("centre"), WORD("center"),
  WORD("station"), WORD("bahnhof"), WORD("estación"), WORD("stazione"),
  WORD("gare"), WORD("county"), WORD("city"), WORD("town"), WORD("village"),
  WORD("district"), WORD("region"), WORD("province"), WORD("state")};
/* Makes of vehicles named after their founders (Ford, Ferrari, Honda):
 * alone such a word is a make, not a person, in the vehicle columns of
 * traffic and checkpoint data; the makes of the NHTSA vPIC list and of
 * the ACEA and JAMA members (class 3) */
static const struct word make_words[] = {
  WORD("ford"), WORD("ferrari"), WORD("porsche"), WORD("mercedes"),
  WORD("benz"), WORD("renault"), WORD("peugeot"), WORD("citroen"),
  WORD("opel"), WORD("dodge"), WORD("tesla"), WORD("honda"), WORD("toyota"),
  WORD("suzuki"), WORD("nissan"), WORD("mazda"), WORD("subaru"),
  WORD("mitsubishi"), WORD("daihatsu"), WORD("isuzu"), WORD("yamaha"),
  WORD("kawasaki"), WORD("chevrolet"), WORD("lincoln"), WORD("cadillac"),
  WORD("chrysler"), WORD("buick"), WORD("pontiac"), WORD("lamborghini"),
  WORD("maserati"), WORD("bugatti"), WORD("bentley"), WORD("rolls"),
  WORD("royce"), WORD("jaguar"), WORD("morgan"), WORD("austin"),
  WORD("fiat"), WORD("lancia"), WORD("alfa"), WORD("abarth"), WORD("ducati"),
  WORD("piaggio"), WORD("skoda"), WORD("dacia"), WORD("seat"), WORD("volvo"),
  WORD("saab"), WORD("hyundai"), WORD("kia"), WORD("daewoo"), WORD("lexus"),
  WORD("acura"), WORD("infiniti"), WORD("datsun"), WORD("mclaren"),
  WORD("lotus"), WORD("rover"), WORD("mini"), WORD("smart"), WORD("audi"),
  WORD("bmw"), WORD("volkswagen"), WORD("vw"), WORD("man"), WORD("scania"),
  WORD("iveco"), WORD("daimler"), WORD("maybach"), WORD("cupra"),
  WORD("geely"), WORD("chery"), WORD("byd"), WORD("tata"), WORD("mahindra")};
#define PWORD_SLOTS 2048 /* a power of two, over twice the lists */
#define N_TITLE (sizeof title_words / sizeof title_words[0])
#define N_NOT_NAME (sizeof not_name_words / sizeof not_name_words[0])
#define N_MAKE (sizeof make_words / sizeof make_words[0])
_Static_assert((N_TITLE + N_NOT_NAME + N_MAKE + N_STREET + N_ADDR_PARTICLE) * 2 <= PWORD_SLOTS,
               "person and address words fill over half the slots");
/* the words as 16 zero-padded bytes (two 64-bit halves) and their
 * length: a lookup hashes and compares the halves, with no byte loop.
 * cls: the word's class for names (person_word_class), addr: its
 * ADDR_* bits for addresses (address_word), so that both ask one table */
struct pkey { uint64_t lo, hi; uint8_t len, cls, addr; };
static struct pkey pword[PWORD_SLOTS];
/* A bit for each length, first and last letter of a word of a class
 * (class_bit): a word of ASCII letters whose bit is clear has no class,
 * and is looked up only when whether it is a name is asked too */
#define CLASS_BITS (16 << 10)
static uint64_t class_bits[CLASS_BITS / 64];
static pthread_once_t pword_once = PTHREAD_ONCE_INIT;
static int pword_built;

/* the bit of a word of 2 to 15 bytes: its length, and the low five bits
 * of its first and last bytes (a letter's, whatever its case) */
static unsigned class_bit(const char *w, size_t n) {
  return (unsigned)n << 10 | ((unsigned char)w[0] & 31u) << 5 | ((unsigned char)w[n - 1] & 31u);
}

static void class_bits_add(const struct word *list, size_t k) {
  size_t i;
  for (i = 0; i < k; i++)
    if (list[i].n >= 2 && list[i].n <= 15) {
      unsigned b = class_bit(list[i].s, list[i].n);
      class_bits[b >> 6] |= 1ull << (b & 63);
    }
}

static unsigned pword_slot(uint64_t lo, uint64_t hi, size_t len) {
  uint64_t h = (lo * 0x9E3779B97F4A7C15ull) ^ (hi * 0xC2B2AE3D27D4EB4Full) ^ len;
  return (unsigned)(h ^ h >> 32) & (PWORD_SLOTS - 1);
}

/* the first class given to a word stays (as the first of a list did);
 * the ADDR_* bits add up */
static void pword_add(const struct word *w, uint8_t cls, uint8_t addr) {
  char k[16] = {0};
  uint64_t lo, hi;
  unsigned i;
  if (w->n == 0 || w->n > 16)
    return; /* looked-up words have 1 to 16 bytes */
  memcpy(k, w->s, w->n);
  memcpy(&lo, k, 8);
  memcpy(&hi, k + 8, 8);
  for (i = pword_slot(lo, hi, w->n); pword[i].len; i = (i + 1) & (PWORD_SLOTS - 1))
    if (pword[i].len == w->n && pword[i].lo == lo && pword[i].hi == hi) {
      pword[i].addr |= addr;
      return;
    }
  pword[i].lo = lo;
  pword[i].hi = hi;
  pword[i].len = (uint8_t)w->n;
  pword[i].cls = cls;
  pword[i].addr = addr;
}

static void build_pwords(void) {
  size_t k;
  for (k = 0; k < N_TITLE; k++)
    pword_add(&title_words[k], 1, 0);
  for (k = 0; k < N_NOT_NAME; k++)
    pword_add(&not_name_words[k], 2, 0);
  for (k = 0; k < N_MAKE; k++)
    pword_add(&make_words[k], 3, 0);
  class_bits_add(title_words, N_TITLE);
  class_bits_add(not_name_words, N_NOT_NAME);
  class_bits_add(make_words, N_MAKE);
  /* after the classes: an address word of no class takes class 0 */
  for (k = 0; k < N_STREET; k++)
    pword_add(&street_words[k], 0, ADDR_STREET);
  for (k = 0; k < N_ADDR_PARTICLE; k++)
    pword_add(&address_particles[k], 0, ADDR_PARTICLE);
}

void person_word_classes(void (*add)(const char *w, size_t n, unsigned cls)) {
  size_t k;
  for (k = 0; k < N_TITLE; k++)
    add(title_words[k].s, title_words[k].n, 1);
  for (k = 0; k < N_NOT_NAME; k++)
    add(not_name_words[k].s, not_name_words[k].n, 2);
  for (k = 0; k < N_MAKE; k++)
    add(make_words[k].s, make_words[k].n, 3);
}

/* the entry of the padded key (len bytes), NULL when none; the table
 * is built (pword_once) */
static inline const struct pkey *pword_find(uint64_t lo, uint64_t hi, size_t len) {
  unsigned i;
  for (i = pword_slot(lo, hi, len); pword[i].len; i = (i + 1) & (PWORD_SLOTS - 1))
    if (pword[i].len == len && pword[i].lo == lo && pword[i].hi == hi)
      return &pword[i];
  return NULL;
}

/* 1: a title or degree, 2: a word no person is called by, 3: a make of
 * vehicles, 0: none of these, for w lower-cased without dots into at most
 * cap - 1 (7 or 15) bytes (lower_nodots); *len: that length, 0 when it
 * does not fit or is empty */
static int person_word_class(const char *w, size_t n, size_t cap, size_t *len) {
  char low[16] = {0};
  uint64_t lo, hi;
  size_t l;
#if defined(__SSSE3__)
  __m128i x = shape_load_part(w, n < 16 ? n : 16);
  if (n < 16 && !_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')))) {
    /* no dot (the lanes past w are 0): lower-cased 16 bytes a step */
    __m128i up = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                               _mm_cmpgt_epi8(_mm_set1_epi8('Z' + 1), x));
    x = _mm_add_epi8(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
    *len = l = n < cap ? n : 0; /* lower_nodots' 0 when it does not fit */
    if (l == 0)
      return 0;
    lo = (uint64_t)_mm_cvtsi128_si64(x);
    hi = (uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(x, 8));
  } else
#endif
  {
    *len = l = lower_nodots(w, n, low, cap);
    if (l == 0)
      return 0;
    memcpy(&lo, low, 8);
    memcpy(&hi, low + 8, 8);
  }
  ajar_once(&pword_once, &pword_built, build_pwords);
  {
    const struct pkey *k = pword_find(lo, hi, l);
    return k ? k->cls : 0;
  }
}

/* What street_word and address_particle say of the word of n bytes at w
 * lower-cased, with 16 bytes readable at w and at the word's end (it
 * lies in looks_address_latin's padded copy): ADDR_STREET, a street
 * word or a glued street name; else ADDR_PARTICLE, a particle; else 0.
 * The word without its final dots (street_word's key) is lower-cased 16
 * bytes a step and looked up once for both; a word with dots is no
 * particle. */
static unsigned address_word(const char *w, size_t n) {
  const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  char low[16];
  size_t t = n;
  unsigned addr = 0;
  __m128i x, up;
  while (t && (w[t - 1] == '.' || w[t - 1] == ','))
    t--;
  if (t == 0)
    return 0;
  /* the word's last 16 bytes, or all of it and the bytes after it */
  x = _mm_loadu_si128((const __m128i *)(w + (t > 16 ? t - 16 : 0)));
  up = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                     _mm_cmpgt_epi8(_mm_set1_epi8('Z' + 1), x));
  x = _mm_add_epi8(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
  if (t <= 16) {
    const struct pkey *k;
    ajar_once(&pword_once, &pword_built, build_pwords);
    x = _mm_and_si128(x, _mm_cmpgt_epi8(_mm_set1_epi8((char)t), lanes));
    k = pword_find((uint64_t)_mm_cvtsi128_si64(x),
                   (uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(x, 8)), t);
    if (k && (k->addr & ADDR_STREET))
      return ADDR_STREET;
    if (k && t == n)
      addr = k->addr & ADDR_PARTICLE;
  }
  _mm_storeu_si128((__m128i *)low, x);
  ajar_once(&words_once, &words_built, build_words);
  return street_ending(low + (t > 16 ? 16 : t), t) ? ADDR_STREET : addr;
}

/* Words no person is called by (2): street types, places ("North",
 * "Lake", "Port"), companies ("GmbH", "Ltd", "Group"), so that "Willis
 * Avenue", "Port Jennifer" and "Smith Group" are not read as names;
 * makes of vehicles (3), which are no name alone; titles (1). Worked out
 * once a word (cls -1 until then) for name_title and name_words both:
 * len is the length of the word lower-cased without dots, 0 when it is
 * over 15 bytes or all dots (then no class). */
struct word_cls { int cls; size_t len; int known; };

/* What word_class is asked of a word: W_OTHER_WORD, not 2 to 15 ASCII
 * letters; W_CLASS, ASCII letters, its class only; W_CLASS_KNOWN, ASCII
 * letters, its class and (if it is a name word) whether it is a name */
enum { W_OTHER_WORD, W_CLASS, W_CLASS_KNOWN };

/* A word of 2 to 15 ASCII letters is looked up once, in the name table
 * (person_word_ascii), for its class and whether it is a common name
 * (known) both; not at all when only its class is asked and
 * class_bits says it has none. Another word is looked up in this
 * file's table for its class, and in the name table by
 * person_word_known when the class leaves it a name (known -1 until
 * then). */
static inline __attribute__((always_inline)) int word_class(const char *w, size_t n,
                                                             struct word_cls *c, int ask) {
  if (c->cls >= 0)
    return c->cls;
  if (ask == W_CLASS) {
    unsigned b = class_bit(w, n);
    ajar_once(&pword_once, &pword_built, build_pwords);
    if (!(class_bits[b >> 6] >> (b & 63) & 1)) {
      c->len = n;
      return c->cls = 0;
    }
  }
  if (ask != W_OTHER_WORD) {
    unsigned e = person_word_ascii(w, n);
    c->len = n;
    c->known = (int)(e & (PERSON_GIVEN | PERSON_SURNAME));
    return c->cls = (int)(e >> PERSON_CLASS_SHIFT);
  }
  return c->cls = n > 15 ? 0 : person_word_class(w, n, 16, &c->len);
}

static int word_known(const char *w, size_t n, const struct word_cls *c) {
  return c->known >= 0 ? c->known != 0 : person_word_known(w, n) != 0;
}

/* Titles before a name and degrees after it: "Dr.", "Mme", "Sra.",
 * "Dott.", "MBA", "B.Sc.", "Jr." stand beside a name and are no part of
 * its shape; dot: the word has a '.' */
static inline __attribute__((always_inline)) int name_title(const char *w, size_t n,
                                                            struct word_cls *c, int dot,
                                                            int ask) {
  size_t l, i, start = 0;
  /* a title of 7 bytes or fewer without its dots, in 8 with them */
  if (n <= 8 && word_class(w, n, c, ask) == 1 && c->len <= 7)
    return 1;
  /* titles joined: "Univ.Prof.", "Dipl.-Ing.", "Dr.med." */
  if (n > 16 || !dot)
    return 0;
  for (i = 0; i <= n; i++)
    if (i == n || w[i] == '.' || w[i] == '-') {
      if (i > start && person_word_class(w + start, i - start, 8, &l) != 1)
        return 0;
      start = i + 1;
    }
  return 1;
}

/* What name_words has seen of a value's words so far */
struct name_walk { size_t words; int make, lead, known; };

/* What the bits of name_words say of a word: W_ASCII, it is 2 to 15
 * ASCII letters; W_PLAIN, a capital and lower-case ASCII letters
 * ("Barbara"), which name_word says is a name word without a loop;
 * W_UPPER, it starts with a capital A-Z. The byte loop knows none (0),
 * and asks the general paths. */
enum { W_ASCII = 1, W_PLAIN = 2, W_UPPER = 4 };

/* name_words takes the word that ends at v[i] (a space or the end) and
 * starts at start; dot: it has a '.'; wf: its W_* bits. 1: go on, 0: no
 * name. Inlined in both loops: a call a word cost more than the split
 * saves. */
static inline __attribute__((always_inline)) int name_step(const char *v, size_t n, size_t i,
                                                           size_t start, int dot, unsigned wf,
                                                           struct name_walk *s) {
  size_t wl = i - start;
  const char *w = v + start;
  struct word_cls wc = {-1, 0, -1};
  int cyr = 0, cls;
  /* whether it is a name is asked only of a name word (a capital first)
   * while no word before is known */
  int ask = !(wf & W_ASCII)                                    ? W_OTHER_WORD
            : (wf & W_UPPER) && !(s->known & 1) && !s->lead ? W_CLASS_KNOWN
                                                              : W_CLASS;
  if (wl == 0) /* two spaces go on; a space at an end: no name */
    return i < n && i > 0 && v[i - 1] == ' ';
  if (name_particle(w, wl) && (s->words || i < n)) {
    /* a family name written with its particle first ("van der
     * Linden", "da Costa", "ter Welle"): only family names are */
    if (w == v)
      s->lead = 1;
    else if (s->words && i < n)
      s->known |= 2; /* "Mare van Ginneke" (person_name) */
    return 1;
  }
  if (name_title(w, wl, &wc, dot, ask))
    return 1;
  if (!((wf & W_PLAIN) || name_word(w, wl, &cyr)) || (cls = word_class(w, wl, &wc, ask)) == 2)
    return 0;
  if (cls == 3)
    s->make = 1; /* "Ford" is a make, "Henry Ford" a man */
  else if (!(s->known & 1) &&
           (s->lead || word_known(w, wl, &wc) || (cyr && ru_name_ending(w, wl))))
    s->known |= 1;
  s->words++;
  return 1;
}

static size_t name_verdict(const struct name_walk *s, int *known) {
  *known = s->known;
  return s->words <= 4 && !(s->make && s->words == 1) ? s->words : 0;
}

/* A person's name in Latin or Cyrillic letters by its shape: 1-4
 * capitalised words, particles between them, titles and degrees beside
 * them. Returns the number of words (0: not name-shaped); *known: 1 when
 * a word is a common given name or family name (vocabularies of many
 * countries, person.c) or has a Russian name ending, 2 more when a
 * particle stands between words. The words are split a byte at a time
 * here: name_words' reference, which tests/unit/test_words.c compares it
 * with. */
__attribute__((noinline, cold)) size_t name_words_bytes(const char *v, size_t n, int *known) {
  struct name_walk s = {0, 0, 0, 0};
  size_t i, start = 0;
  *known = 0;
  if (n < 2 || n > 60)
    return 0;
  for (i = 0; i <= n; i++)
    if (i == n || v[i] == ' ') {
      if (!name_step(v, n, i, start, memchr(v + start, '.', i - start) != NULL, 0, &s))
        return 0;
      start = i + 1;
    }
  return name_verdict(&s, known);
}

#if defined(__SSSE3__)
/* the bytes of x that lie in lo..lo + span - 1 (unsigned), as bits */
static inline unsigned byte_range(__m128i x, unsigned char lo, unsigned char span) {
  __m128i t = _mm_sub_epi8(x, _mm_set1_epi8((char)lo));
  return (unsigned)_mm_movemask_epi8(
      _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8((char)(span - 1))), t));
}
#endif

/* name_words_bytes by the classes of the value's bytes (60 at most),
 * found 16 bytes a step as bits, one pass that answers every question
 * the words ask of their bytes: the spaces split the words, a word's dot
 * is one test; a value where no word starts as a name word does (A-Z,
 * or the lead byte of a Latin-1, Extended-A or Cyrillic capital:
 * name_word) has no name, without a look at its words (董宇雪, "do ut
 * officia"); a word of ASCII letters is looked up once for its class and
 * whether it is a name (word_class), and "Barbara" is a name word
 * without name_word's loop. */
size_t name_words(const char *v, size_t n, int *known) {
#if defined(__SSSE3__)
  struct name_walk s = {0, 0, 0, 0};
  uint64_t sp = 0, dot = 0, upper = 0, lower = 0, lead = 0;
  size_t o, start = 0;
  *known = 0;
  if (n < 2 || n > 60)
    return 0;
  for (o = 0; o < n; o += 16) {
    /* lanes past the value are 0: none of the classes */
    __m128i x = shape_load_part(v + o, n - o < 16 ? n - o : 16);
    sp |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))) << o;
    dot |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.'))) << o;
    upper |= (uint64_t)byte_range(x, 'A', 26) << o;
    lower |= (uint64_t)byte_range(x, 'a', 26) << o;
    if (_mm_movemask_epi8(x)) /* a byte over 0x7F */
      lead |= (uint64_t)(byte_range(x, 0xC3, 3) | (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
                                                       x, _mm_set1_epi8((char)0xD0))))
              << o;
  }
  /* the starts of words: the first byte, and each after a space */
  if (!((sp << 1 | 1) & (upper | lead)))
    return 0;
  sp |= 1ull << n; /* the end ends the last word */
  for (; sp; sp &= sp - 1) {
    size_t i = (size_t)__builtin_ctzll(sp), wl = i - start;
    uint64_t word = ((1ull << wl) - 1) << start, rest = word & ~(1ull << start);
    unsigned wf = 0;
    if (wl >= 2 && wl <= 15 && ((upper | lower) & word) == word)
      wf = W_ASCII | (upper >> start & 1 ? W_UPPER | ((lower & rest) == rest ? W_PLAIN : 0) : 0);
    if (!name_step(v, n, i, start, (dot & word) != 0, wf, &s))
      return 0;
    start = i + 1;
  }
  return name_verdict(&s, known);
#else
  return name_words_bytes(v, n, known);
#endif
}

/* plausible free-form name value in a name field */
int name_shaped(const char *v, size_t n, unsigned mask) {
  if (value_is_empty(v, n))
    return 0;
  if (mask & (C_DIGIT | C_AT | C_SLASH | C_EQ | C_DOLLAR | C_UNDER | C_COLON))
    return 0;
  return n >= 2 && n <= 80;
}

static int salutation_ambiguous(const char *v, size_t n) {
  if (n == 2)
    return ((v[0] | 0x20) == 'm' && (v[1] | 0x20) == 's') ||
           ((v[0] | 0x20) == 's' && (v[1] | 0x20) == 'r');
  return n == 4 && (v[0] | 0x20) == 'm' && (v[1] | 0x20) == 'i' &&
         (v[2] | 0x20) == 's' && (v[3] | 0x20) == 's';
}

static unsigned vocab_emit(struct emit_ctx *e, const char *v, uint32_t voc, size_t n) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  if (voc & AJAR_V_ETHNICITY) EMITE(DET_ETHNICITY, 1);
  if (voc & AJAR_V_RELIGION) EMITE(DET_RELIGION, 1);
  if (voc & AJAR_V_POLITICAL) EMITE(DET_POLITICAL, 1);
  if (voc & AJAR_V_HEALTH) EMITE(DET_HEALTH, 1);
  if ((voc & AJAR_V_FACE_ATTR) && (hints & (AJAR_H_FACE | AJAR_H_FACE_ATTR)))
    EMITE(DET_FACE_ATTRIBUTES, 1);
  /* a gender estimated from a face is a face attribute and a gender
   * both (collection_finish.c, face_estimate); "M" or "F" alone says
   * gender only in a gender field */
  if ((voc & AJAR_V_GENDER) && (n > 1 || (hints & AJAR_H_GENDER)))
    EMITE(DET_GENDER, 1);
  /* a salutation (Mrs, Herr, Mme, Sra., 女士) gives the sex; "ms", "sr"
   * and "miss" are a unit, "Senior" and a cache miss too: a sex only in
   * a salutation field */
  else if ((voc & AJAR_V_SALUTATION) &&
           ((hints & AJAR_H_GENDER) || !salutation_ambiguous(v, n)))
    EMITE(DET_GENDER, 1);
  if ((voc & AJAR_V_NATIONALITY) && (hints & AJAR_H_DEMOGRAPHIC))
    EMITE(DET_NATIONALITY, 1);
  return sig;
}

/* a person's name by shape and vocabularies: names in Chinese
 * characters, kana and Hangul by surnames and given-name characters
 * (person.c); Latin and Cyrillic ones are capitalised words, valid when
 * one is a common name of some country. Every name-shaped value counts:
 * without a name in the field, collection_finish.c wants most of a
 * column known. */
static inline __attribute__((always_inline)) unsigned
person_name(struct emit_ctx *e, const char *v, size_t n, unsigned mask) {
  unsigned sig = 0;
  int known;
  size_t words;
  int said = (e->hints & (AJAR_H_NAME | AJAR_H_PERSON)) != 0;
  if (mask & C_HIGH) {
    int cjk = (mask & (C_UPPER | C_LOWER | C_DIGIT)) ? 0 : person_cjk_name(v, n);
    /* a value person_cjk_name reads is CJK characters and a space
     * only, none of which starts a word name_words counts (name_word):
     * no Latin or Cyrillic name to look for */
    if (cjk) {
      emit_as(e, DET_PERSON_NAME, cjk >= 2, n, !said && cjk < 3);
      return sig;
    }
  }
  /* every word name_words counts begins with a capital, Latin or
   * Cyrillic (name_word); the rest are particles and titles, no name
   * alone: a value without an A-Z and a byte over 0x7F has no name, and
   * is told so without splitting it into words ("officia", "do ut") */
  if ((mask & (C_DIGIT | C_AT | C_UNDER | C_COLON)) || !(mask & (C_UPPER | C_HIGH)))
    return sig;
  words = name_words(v, n, &known);
  /* under a name or a role (mentor, teacher, arts), a family name's
   * particle between words ("Mare van Ginneke", "Jesper le Gulcher")
   * makes a name as surely as a word the vocabularies know; under any
   * other name it may be a place's ("Rio de Janeiro") */
  known = said ? known != 0 : (known & 1);
  /* alone, two words or more with a common name in them are a name */
  if (words && emit_as(e, DET_PERSON_NAME, known, n, !said && !(known && words >= 2)))
    return sig;
  return sig;
}

/* single letters that are a sex in a column of them: M/F, m/w, H/F,
 * M/V (Dutch man/vrouw) */
static int sex_letter(const char *v, size_t n) {
  return n == 1 && strchr("MFmfWwHhVv", v[0]) != NULL;
}

/* In a field named for the sex, the codes beside male and female of the
 * administrative-gender sets: HL7 FHIR (other, unknown), HL7 v2 (O, U,
 * A, N), German civil status (divers), passports (X), and the words for
 * not stated. Alone they name no sex: only under such a name. */
static __attribute__((noinline, cold)) int gender_other(const char *v, size_t n) {
  static const char *const words[] = {"other", "unknown", "diverse", "divers",
                                      "nonbinary", "non-binary", "unspecified",
                                      "not specified", "not stated", "undisclosed"};
  size_t i, k;
  if (n == 1)
    return strchr("XxUuOoAaNn", v[0]) != NULL;
  for (i = 0; i < sizeof words / sizeof words[0]; i++) {
    const char *w = words[i];
    if (strlen(w) != n)
      continue;
    for (k = 0; k < n && (v[k] | 0x20) == w[k]; k++)
      ;
    if (k == n)
      return 1;
  }
  return 0;
}

/* a state's, province's or UF's code in an address: CA, SP, NRW */
static int state_code(const char *v, size_t n) {
  return (n == 2 || n == 3) && v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' &&
         v[1] <= 'Z' && (n == 2 || (v[2] >= 'A' && v[2] <= 'Z'));
}

/* the hints under which scalar_words emits whatever the value */
#define WORDS_HINTS                                                           \
  (AJAR_H_NAME | AJAR_H_PERSON | AJAR_H_ADDRESS | AJAR_H_PLATE |             \
   AJAR_H_ETHNICITY | AJAR_H_RELIGION | AJAR_H_POLITICAL | AJAR_H_HEALTH |    \
   AJAR_H_GENDER | AJAR_H_DEMOGRAPHIC | AJAR_H_FACE_ATTR)

/* words: vocabularies, names, addresses, and fields whose name says it
 * (scalar_words, after its early exits) */
static __attribute__((noinline)) unsigned words_of_value(struct emit_ctx *e, const char *v,
                                                         size_t n, unsigned mask,
                                                         size_t digits) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  uint32_t voc, words;
  /* the vocabularies and the country names: one normalisation, one probe */
  words = n <= 64 && digits <= 2 && !(mask & (C_AT | C_UNDER | C_COLON | C_SLASH | C_EQ))
              ? (mask & (C_UPPER | C_SPACE | C_DASH | C_UNDER | C_OTHER)
                     ? ajar_lexicon_value_words(v, n)
                     : ajar_lexicon_value_words_exact(v, n))
              : 0;
  voc = words & ~AJAR_V_COUNTRY;
  if (voc)
    vocab_emit(e, v, voc, n);
  /* a sex as a linked-data term: https://schema.org/Female, ...#male */
  if ((hints & AJAR_H_GENDER) && !voc && (mask & C_SLASH) && n <= 96) {
    size_t k = n;
    while (k && v[k - 1] != '/' && v[k - 1] != '#')
      k--;
    if (k && k < n && (ajar_lexicon_value_vocab(v + k, n - k) & AJAR_V_GENDER))
      EMITE(DET_GENDER, 1);
  }
  if (!hints && sex_letter(v, n))
    EMITE(DET_GENDER, 0);
  /* named for nothing: a country's name (validated) or ISO code is a
   * candidate the field decides on (collection_finish.c) */
  if (!hints && n <= 64 && !digits && !(mask & (C_AT | C_UNDER | C_COLON | C_SLASH | C_EQ))) {
    /* over three bytes no ISO code: only the words' country bit */
    int k = n <= 3 ? ajar_lexicon_country_of(v, n, words) : (words & AJAR_V_COUNTRY) != 0;
    if (k)
      EMITE(DET_NATIONALITY, k == 1);
  }
  /* a CN plate: a province's character, a capital letter, digits */
  if ((mask & (C_HIGH | C_UPPER | C_DIGIT)) == (C_HIGH | C_UPPER | C_DIGIT) &&
      ajar_lexicon_cn_province(v, n) && ajar_valid_cn_plate(v, n))
    EMITE(DET_CN_PLATE, 1);
  /* a field named for a street or a town holds places, many named after
   * people (Rua João Pessoa, São José): no person's name */
  else if (!(voc & ~NAME_VOCAB) &&
           !((hints & AJAR_H_ADDRESS) && !(hints & (AJAR_H_NAME | AJAR_H_PERSON))))
    sig |= person_name(e, v, n, mask);
  if (e->stop)
    return sig;
  if (digits && looks_address(v, n, mask))
    EMITE(DET_ADDRESS, 1);
  /* what is left is said by the field's name alone */
  if (!(hints & WORDS_HINTS))
    return sig;
  /* (a name in CJK characters is emitted already, by person_name) */
  if (hints & AJAR_H_NAME && !(voc & ~NAME_VOCAB) && (mask & C_HIGH) &&
      !(e->seen & (1ull << DET_PERSON_NAME)) && name_shaped(v, n, mask))
    EMITE(DET_PERSON_NAME, 0);
  if ((hints & AJAR_H_ADDRESS) && (n >= 4 || state_code(v, n)) && !value_is_empty(v, n))
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
  if ((hints & AJAR_H_GENDER) && !(voc & AJAR_V_GENDER)) {
    if (n == 1 && (v[0] == 'M' || v[0] == 'F' || v[0] == 'm' || v[0] == 'f'))
      EMITE(DET_GENDER, 1);
    else if (n <= 13 && gender_other(v, n))
      EMITE(DET_GENDER, 0);
  }
  if ((hints & AJAR_H_DEMOGRAPHIC) && !(hints & (AJAR_H_GENDER | AJAR_H_AGE_DOB)) &&
      !(voc & AJAR_V_NATIONALITY) && n <= 40 && !(mask & C_DIGIT))
    EMITE(DET_NATIONALITY, 0);
  if ((hints & AJAR_H_FACE_ATTR) && n <= 24)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  return sig;
}

/* The early exits, apart from the body (words_of_value) and before its
 * frame: the values they turn away (e-mails, hosts, identifiers) no
 * longer save and restore the registers the body needs. quick: with
 * the shortcut for an '@', '_' or ':' (below). */
static inline __attribute__((always_inline)) unsigned
words_exits(struct emit_ctx *e, const char *v, size_t n, unsigned mask, size_t digits,
            int quick) {
  uint32_t hints = e->hints;
  /* a token with three digits or more, no CJK and no space (a host, a
   * path, a MAC, a VIN) is no vocabulary word, country, name, plate of
   * CJK characters nor address: the field's name alone could say more */
  if (digits > 2 && !(mask & (C_HIGH | C_SPACE)) && !(hints & WORDS_HINTS))
    return 0;
  /* Under no name that says words, a value with an '@', '_' or ':' and
   * no CJK (an e-mail, an identifier, a time) is looked up in no
   * vocabulary nor as a country, has no name (person_name) and no
   * letter of a sex; it can be an address only with a digit and a
   * space. Told here, not by each test below in turn. */
  if (quick && !(hints & WORDS_HINTS) && !(mask & C_HIGH) &&
      (mask & (C_AT | C_UNDER | C_COLON)) && !(digits && (mask & C_SPACE)))
    return 0;
  return words_of_value(e, v, n, mask, digits);
}

unsigned scalar_words(struct emit_ctx *e, const char *v, size_t n, unsigned mask,
                      size_t digits) {
  return words_exits(e, v, n, mask, digits, 1);
}

__attribute__((noinline, cold)) unsigned scalar_words_all(struct emit_ctx *e, const char *v,
                                                          size_t n, unsigned mask,
                                                          size_t digits) {
  return words_exits(e, v, n, mask, digits, 0);
}
