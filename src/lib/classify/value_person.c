/* Values made of words: people's names (Latin, Cyrillic, CJK, Hangul),
 * the vocabularies of special categories (ethnicity, religion, health
 * ...), and what a field's name says its words are; street addresses
 * are value_address.c's. Part of classify_scalar (value.c). */
#include <emmintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include "classify.h"
#include "shape.h"
#include "validators.h"
#include "value.h"
#include "value_words.h"
#include "person.h"
#include "once.h"
#if defined(__SSSE3__)
#include <emmintrin.h>
#endif

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
#define PWORD_SLOTS 1024 /* a power of two, over twice the lists */
#define N_TITLE (sizeof title_words / sizeof title_words[0])
#define N_NOT_NAME (sizeof not_name_words / sizeof not_name_words[0])
#define N_MAKE (sizeof make_words / sizeof make_words[0])
_Static_assert((N_TITLE + N_NOT_NAME + N_MAKE) * 2 <= PWORD_SLOTS,
               "person words fill over half the slots");
/* the words by 16 bytes (value_words.h), val their class
 * (person_word_class) */
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

/* the first class given to a word stays (as the first of a list did) */
static void pword_add(const struct word *list, size_t k, uint8_t cls) {
  size_t i;
  for (i = 0; i < k; i++) {
    struct pkey *e = pkey_put(pword, PWORD_SLOTS, &list[i]);
    if (e && !e->val)
      e->val = cls;
  }
}

static void build_pwords(void) {
  pword_add(title_words, N_TITLE, 1);
  pword_add(not_name_words, N_NOT_NAME, 2);
  pword_add(make_words, N_MAKE, 3);
  class_bits_add(title_words, N_TITLE);
  class_bits_add(not_name_words, N_NOT_NAME);
  class_bits_add(make_words, N_MAKE);
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
    const struct pkey *k = pkey_find(pword, PWORD_SLOTS, lo, hi, l);
    return k ? k->val : 0;
  }
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
  /* a name's or a person's field (most of those hints) says no more */
  if (!(hints & WORDS_HINTS & ~(AJAR_H_NAME | AJAR_H_PERSON)))
    return sig;
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
