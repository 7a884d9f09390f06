/* Street addresses: a house number beside a street word, a postcode
 * of a telling shape with a town beside it (Latin letters), and the
 * marks of Chinese, Japanese and Korean addresses. Part of scalar_words
 * (value_person.c) and classify_scalar (value.c). */
#include <emmintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include "classify.h"
#include "shape.h"
#include "value.h"
#include "value_words.h"
#include "once.h"

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

/* Lookup tables over the lists above and the CJK address marks
 * (looks_address_zh), built once (pthread_once): a street word is found
 * with one hash and one compare, not a compare per list entry
 * (street_word was a fifth of a SQL dump of addresses, callgrind); the
 * words of looks_address_latin by 16 bytes (address_word, addr_word). */
#define STREET_SLOTS 1024 /* a power of two, over twice the street words */
#define N_STREET (sizeof street_words / sizeof street_words[0])
#define N_ENDING (sizeof street_endings / sizeof street_endings[0])
_Static_assert(N_STREET * 2 <= STREET_SLOTS, "street words fill over half the slots");
#define ADDR_SLOTS 2048 /* a power of two, over twice the street words and particles */
_Static_assert((N_STREET + N_ADDR_PARTICLE) * 2 <= ADDR_SLOTS,
               "address words fill over half the slots");
/* what address_word says of a word (pkey.val) */
enum { ADDR_STREET = 1, ADDR_PARTICLE = 2 };
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
static struct pkey addr_word[ADDR_SLOTS];  /* street words and particles, ADDR_* bits */
/* bit street_bit(n, first, last) set: a street word of n bytes (16 or
 * fewer) starts and ends with bytes of those low five bits */
static uint64_t street_bits[(16 + 1) * 1024 / 64];
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

/* the ADDR_* bits of a word add up */
static void addr_words_add(const struct word *list, size_t k, uint8_t addr) {
  size_t i;
  for (i = 0; i < k; i++) {
    struct pkey *e = pkey_put(addr_word, ADDR_SLOTS, &list[i]);
    if (e)
      e->val |= addr;
  }
}

/* the bit of a word of n bytes (1 to 16) by its length and the low five
 * bits of its first and last bytes: a letter's, whatever its case */
static unsigned street_bit(size_t n, const char *w) {
  return (unsigned)n << 10 | ((unsigned char)w[0] & 31u) << 5 | ((unsigned char)w[n - 1] & 31u);
}

static void build_words(void) {
  size_t k;
  unsigned i;
  for (k = 0; k < N_STREET; k++) {
    if (street_words[k].n <= 16) {
      unsigned bit = street_bit(street_words[k].n, street_words[k].s);
      street_bits[bit >> 6] |= 1ull << (bit & 63);
    }
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
  addr_words_add(street_words, N_STREET, ADDR_STREET);
  addr_words_add(address_particles, N_ADDR_PARTICLE, ADDR_PARTICLE);
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

/* Whether a word whose first d bytes are digits (wl in all) is a house
 * number: 1-5 digits, then nothing, a '-' or a '/' and anything ("12-14",
 * "5/2"), or at most two bytes of a letter's or a dot's ("12a", "7B",
 * "5.", "3º"). A digit and one or two bytes of punctuation are the
 * numbers of versions and lists ("OS 17_1", "Android 13;"), no house
 * number. */
static int house_number(const char *w, size_t d, size_t wl) {
  size_t k;
  if (d < 1 || d > 5)
    return 0;
  if (d == wl || w[d] == '-' || w[d] == '/')
    return 1;
  if (wl - d > 2)
    return 0;
  for (k = d; k < wl; k++) {
    unsigned char c = (unsigned char)w[k];
    if (!(c >= 0x80 || c == '.' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
      return 0;
  }
  return 1;
}

/* What looks_address_latin can find in v (6 to 199 bytes) at all: 1, a
 * postcode at a word's start; else 2, a house number (house_number), *last the
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
      if (house_number(v + i, d, wl)) {
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
      kind = d ? (house_number(w, d, wl) ? W_NUMBER : W_NONE)
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

/* What street_word and address_particle say of the word of n bytes at w
 * lower-cased, with 16 bytes readable at w and at the word's end (it
 * lies in looks_address_latin's padded copy): ADDR_STREET, a street
 * word or a glued street name; else ADDR_PARTICLE, a particle; else 0.
 * The word without its final dots (street_word's key) is lower-cased 16
 * bytes a step and looked up once for both; a word with dots is no
 * particle. */
static inline __attribute__((always_inline)) unsigned address_word(const char *w, size_t n) {
  const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  char low[16];
  size_t t = n;
  unsigned addr = 0;
  __m128i x, up;
  while (t && (w[t - 1] == '.' || w[t - 1] == ','))
    t--;
  if (t == 0)
    return 0;
  ajar_once(&words_once, &words_built, build_words);
  /* the word's last 16 bytes, or all of it and the bytes after it */
  x = _mm_loadu_si128((const __m128i *)(w + (t > 16 ? t - 16 : 0)));
  up = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                     _mm_cmpgt_epi8(_mm_set1_epi8('Z' + 1), x));
  x = _mm_add_epi8(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
  if (t <= 16) {
    const struct pkey *k;
    x = _mm_and_si128(x, _mm_cmpgt_epi8(_mm_set1_epi8((char)t), lanes));
    k = pkey_find(addr_word, ADDR_SLOTS, (uint64_t)_mm_cvtsi128_si64(x),
                  (uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(x, 8)), t);
    if (k && (k->val & ADDR_STREET))
      return ADDR_STREET;
    if (k && t == n)
      addr = k->val & ADDR_PARTICLE;
  }
  _mm_storeu_si128((__m128i *)low, x);
  return street_ending(low + (t > 16 ? 16 : t), t) ? ADDR_STREET : addr;
}

static unsigned char lower(char c) {
  return (unsigned char)(up(c) ? c + 32 : c);
}

/* Whether the word of t bytes at w (its final dots left out, t >= 1) may
 * be a street word as address_word finds them, told without its lookup:
 * one of 16 bytes or fewer whose length, first and last byte a street
 * word has (street_bits), or one that ends as a glued street name may
 * (street_ending's first tests). 0: address_word says no ADDR_STREET. */
static int street_may(const char *w, size_t t) {
  uint32_t tail;
  if (t <= 16) {
    unsigned bit = street_bit(t, w);
    if (street_bits[bit >> 6] >> (bit & 63) & 1)
      return 1;
  }
  if (t < 6 || !ending_last[lower(w[t - 1])])
    return 0;
  tail = (uint32_t)lower(w[t - 3]) << 16 | (uint32_t)lower(w[t - 2]) << 8 | lower(w[t - 1]);
  return ending_tails >> tail_bit(tail) & 1;
}

/* The rule that turns a value away before the word walk: an address
 * in Latin letters has a street word (a word of no digit first that
 * address_word says is one: the walk's W_STREET) or a postcode at a
 * word's start (address_parts' 1). Without a street word no house
 * number stands beside one (the walk's both), so address_verdict is 1
 * only for a postcode. A user agent's words ("Android 13;",
 * "AppleWebKit/537.36", "(KHTML,", "like") are mostly told no street
 * word by street_may alone, and its starts no postcode by their first
 * two bytes. b: v, then 16 spaces; bits: its separators. Tests
 * (test_words.c) hold that it passes every value looks_address_bytes
 * finds an address. */
static int street_or_postcode(const char *v, const char *b, size_t n,
                              const struct addr_bits *bits) {
  size_t s = 0, k;
  uint64_t m;
  /* the words end at the separators' bits; those past n (b's spaces)
   * are never reached: the end is one */
  for (k = 0;; k++)
    for (m = bits->sep[k]; m; m &= m - 1) {
      size_t e = k * 64 + (size_t)__builtin_ctzll(m), t = e - s;
      if (t) {
        if (s + 6 <= n && (up(v[s]) || dig(v[s])) && (up(v[s + 1]) || dig(v[s + 1])) &&
            postcode_at(v, n, s))
          return 1;
        if (!dig(v[s])) {
          while (t && v[s + t - 1] == '.')
            t--;
          if (t && street_may(v + s, t) && (address_word(b + s, e - s) & ADDR_STREET))
            return 1;
        }
      }
      if (e >= n)
        return 0;
      s = e + 1;
    }
}

int address_may(const char *v, size_t n) {
  char b[256];
  struct addr_bits bits;
  if (n < 6 || n >= 200)
    return 0;
  memcpy(b, v, n);
  memset(b + n, ' ', 16);
  ajar_once(&words_once, &words_built, build_words);
  address_seps(b, n, &bits);
  return street_or_postcode(v, b, n, &bits);
}

/* looks_address_bytes by the words address_seps finds: a word is
 * neither copied nor lower-cased a byte at a time, and a word that does
 * not begin with a digit is looked up once, as 16 bytes, in the table of
 * street words and particles (address_word). The words are read before
 * address_parts is asked, which most addresses never need: a house
 * number beside a street word settles the verdict (address_verdict),
 * whatever the parts. The parts (the digits and capitals of
 * address_classes, then address_parts) are asked only when the walk
 * ends without that pair, to say whether a postcode makes the value an
 * address; a walk that knew them could end early past the last house
 * number, but to the same verdict. */
static int looks_address_latin(const char *v, size_t n) {
  char b[256]; /* v, then spaces: 16 bytes a step read no further */
  struct addr_bits bits;
  struct addr_walk a = {0, 0, 0, 0};
  size_t s, e, d, last_number;
  int parts = -1; /* not asked: a.both decides */
  if (n < 6 || n >= 200)
    return 0;
  memcpy(b, v, n);
  memset(b + n, ' ', 16);
  /* A value of a digit first ("181 Park Avenue, Bristol") is mostly an
   * address: number_start and street_or_postcode would pass it, and
   * only cost. Another is turned away first by its numbers
   * (number_start), then by its words (street_or_postcode). */
  if (!dig(v[0]) && !number_start(b, n))
    return 0;
  address_seps(b, n, &bits);
  if (!dig(v[0])) {
    ajar_once(&words_once, &words_built, build_words);
    if (!street_or_postcode(v, b, n, &bits))
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
      kind = house_number(v + s, d, wl) ? W_NUMBER : W_NONE;
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
  }
  if (!a.both) {
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
