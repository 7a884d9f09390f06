/* Words of values (value_person.c, value_address.c, person.c): the
 * shortcuts give what the general paths give. looks_address's reading of a value in Latin
 * letters by its words equals looks_address_bytes' byte loop on random
 * values built from house numbers, street words and endings in any case
 * and with dots, particles, postcodes, words of sentences and user
 * agents, separators and bytes of other classes; and its reading of a
 * CJK value by its digits and lead bytes equals the byte loop on random
 * values of address marks, other characters, digits and broken UTF-8.
 * A value of over three bytes is a country by its words' country bit
 * alone, as ajar_lexicon_country_of says.
 * A value person_cjk_name reads as a name has no words name_words
 * counts (scalar_words asks it no more).
 * name_words' split of a value into words by bits (with its one lookup
 * of a word of ASCII letters for class and name, and its test for a
 * value where no word starts as a name) equals the byte loop on random
 * values of names, particles, titles, makes, words no person is called
 * by, CJK and lower-case words, dots and spaces.
 * scalar_words' shortcut for a value with an '@', '_' or ':' emits what
 * the whole function emits, under random hints.
 * person_word_known's lookup of a word of ASCII
 * letters equals person_word_known_parts' (each part folded and looked
 * up in the lexicon and the name table) on random words built from the
 * lexicon's names, their cases, accents, apostrophes, hyphens, dots and
 * lengths around the 16 bytes the shortcut reads; and every name of the
 * lexicon in Latin letters is known as itself, capitalised and in
 * capitals. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lexicon.h"
#include "lexicon_data.h"
#include "person.h"
#include "shape.h"
#include "unit.h"
#include "value.h"

static uint32_t rnd(uint32_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return *x;
}

/* the lexicon's given and family names, table by table */
static const char *a_name(uint32_t *x) {
  for (;;) {
    const struct lx_vocab_table *t = &lx_vocab_tables[rnd(x) % lx_vocab_table_count];
    if ((t->bits & (AJAR_V_GIVEN_NAME | AJAR_V_SURNAME)) && t->n)
      return t->v[rnd(x) % t->n];
  }
}

static const char *const odd[] = {"\xC3\xA9", "\xC3\x9F", "\xC5\x81", "'", ".", "-",
                                  "\xE2\x80\x99", " ", "_", "\xD0\x98", "1", "\xC3",
                                  "A", "z"};

/* a word: names and letters, mutated */
static size_t a_word(uint32_t *x, char *buf, size_t cap) {
  size_t n = 0, i;
  int parts = 1 + (rnd(x) % 5 == 0);
  while (parts--) {
    const char *w = a_name(x);
    size_t l = strlen(w);
    if (n && n + 1 < cap)
      buf[n++] = '-';
    if (rnd(x) % 4 == 0)
      l = rnd(x) % (l + 1); /* a cut name */
    if (n + l >= cap)
      break;
    memcpy(buf + n, w, l);
    n += l;
  }
  if (rnd(x) % 6 == 0) /* letters past 15 bytes */
    while (n < 17 + rnd(x) % 8 && n < cap)
      buf[n++] = (char)('a' + rnd(x) % 26);
  for (i = 0; i < n; i++) {
    uint32_t r = rnd(x) % 8;
    if (r == 0 && buf[i] >= 'a' && buf[i] <= 'z')
      buf[i] = (char)(buf[i] - 32);
    else if (r == 1 && i == 0 && buf[i] >= 'a' && buf[i] <= 'z')
      buf[i] = (char)(buf[i] - 32);
  }
  if (rnd(x) % 5 == 0) { /* a byte or character of another class inside */
    const char *o = odd[rnd(x) % (sizeof odd / sizeof odd[0])];
    size_t ol = strlen(o), at = n ? rnd(x) % (n + 1) : 0;
    if (n + ol < cap) {
      memmove(buf + at + ol, buf + at, n - at);
      memcpy(buf + at, o, ol);
      n += ol;
    }
  }
  return n;
}

/* in Latin letters, ASCII or the two-byte ones person.c folds (Cyrillic
 * names are known by their endings, value_person.c) */
static int latin(const char *w) {
  for (; *w; w++)
    if ((unsigned char)*w >= 0x80 && (unsigned char)*w != 0xC3 &&
        (unsigned char)*w != 0xC4 && (unsigned char)*w != 0xC5 &&
        ((unsigned char)*w & 0xC0) != 0x80)
      return 0;
  return 1;
}

static void person_words(void) {
  uint32_t x = 2463534242u;
  char buf[64], cap[64];
  int i, differ = 0, known = 0;
  size_t t, k;
  for (i = 0; i < 200000; i++) {
    size_t n = a_word(&x, buf, sizeof buf);
    unsigned a = person_word_known(buf, n), b = person_word_known_parts(buf, n);
    known += a != 0;
    if (a != b && differ++ < 5)
      fprintf(stderr, "person_word_known differs on \"%.*s\": %u, parts %u\n", (int)n, buf,
              a, b);
  }
  CHECKF(differ == 0, "%d of 200000 words", differ);
  CHECKF(known > 50000, "%d known", known); /* the names are found */
  /* every name of the lexicon, as written, capitalised, in capitals */
  differ = 0;
  for (t = 0; t < lx_vocab_table_count; t++) {
    unsigned want = (lx_vocab_tables[t].bits & AJAR_V_GIVEN_NAME ? PERSON_GIVEN : 0) |
                    (lx_vocab_tables[t].bits & AJAR_V_SURNAME ? PERSON_SURNAME : 0);
    for (k = 0; want && k < lx_vocab_tables[t].n; k++) {
      const char *w = lx_vocab_tables[t].v[k];
      size_t n = strlen(w), j;
      if (n < 2 || n >= sizeof cap || strchr(w, ' ') || !latin(w))
        continue;
      for (j = 0; j < n; j++)
        cap[j] = (char)(w[j] >= 'a' && w[j] <= 'z' ? w[j] - 32 : w[j]);
      if (!(person_word_known(w, n) & want) || !(person_word_known(cap, n) & want) ||
          (cap[1] = w[1], !(person_word_known(cap, n) & want))) {
        if (differ++ < 5)
          fprintf(stderr, "not known: %s\n", w);
      }
    }
  }
  CHECKF(differ == 0, "%d names of the lexicon not known", differ);
}

static const char *const addr_pieces[] = {
    "12", "7", "12a", "4-6", "12/3", "123456", "99999", "7b.", "0945", "10.0;",
    "Street", "STREET", "street", "St.", "st", "Rd.", "Ave,", "road", "Lane",
    "Boulevard", "Strasse", "stra\xC3\x9F" "e", "STR.", "Str", "Weg", "Via", "viale",
    "Rua", "ul.", "Calle", "Piazza", "Jalan", "Jl.", "\xD1\x83\xD0\xBB",
    "\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\xD1\x83\xD0\xBB\xD0\xBE\xD0\xBA",
    "\xC4\x91\xC6\xB0\xE1\xBB\x9D\x6E\x67", "Hauptstra\xC3\x9F" "e", "Annweilerweg",
    "Kerkstraat", "Selinapad", "Marktplatz", "Lindenallee", "Kurfuerstendammstrasse",
    "Bahnhofstr.", "urbanizaci\xC3\xB3n", "Urbanizaci\xC3\xB3nes", "de", "la", "van",
    "Of", "y", "al", "Al", "del", "della.", "SW1A 1AA", "M1 1AE", "1234 AB", "5402TM",
    "NY 10001", "AA 83257", "K1A 0B1", "01310-100", "PSC", "Box", "APO", "call",
    "about", "the", "view", "Baker", "Edinburgh", "Seattle", "WA", "TX 78701",
    "Mozilla/5.0", "(Windows", "NT", "(Linux;", "Android", "13;", "x64)",
    "AppleWebKit/537.36", "X", "10_15_7", "Queen\\'s", "Nguy\xE1\xBB\x85n",
    "\xE8\xB7\xAF", "abcdefghijklmnopq", "ABCDEFGHIJKLMNOPQRST", "17_1", "like", "(iPhone;",
    "Gecko/20100101", "Chrome/120.0.0.0", "X11;", "x86_64)", "0B1", "1AA", "12345-678",
    "123456-7", "1AB2", "12AB", "1-", "9/", "123AB,", "00000,", "OS", "os.", "Platz",
    "KADE", "Dijk.", "Hwy", "ph\xE1\xBB\x91", "\xD0\x9F\xD0\xA0", "Rue", "RUE.", "Viale"};
static const char addr_bytes[] = " ,,  .-/'0123456789AaZz\xC3\xA9";

static size_t an_address(uint32_t *x, char *buf, size_t cap) {
  size_t n = 0, want = 3 + rnd(x) % (rnd(x) % 4 ? 60 : cap - 24), i;
  while (n < want) {
    if (rnd(x) % 4) {
      const char *p = addr_pieces[rnd(x) % (sizeof addr_pieces / sizeof addr_pieces[0])];
      size_t l = strlen(p);
      if (n + l + 1 >= cap)
        break;
      memcpy(buf + n, p, l);
      n += l;
      if (rnd(x) % 5)
        buf[n++] = rnd(x) % 4 ? ' ' : ',';
    } else {
      buf[n++] = addr_bytes[rnd(x) % (sizeof addr_bytes - 1)];
    }
  }
  for (i = 0; i < n; i++) /* cases changed here and there */
    if (rnd(x) % 16 == 0 && ((buf[i] >= 'a' && buf[i] <= 'z') || (buf[i] >= 'A' && buf[i] <= 'Z')))
      buf[i] ^= 0x20;
  return n;
}

/* user agents with an address or a part of one put between two of
 * their words: looks_address turns most user agents away by their
 * numbers alone (number_start), and must not turn these away */
static const char *const agents[] = {
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/123.0.4233.112 Safari/537.36"),
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)",
    "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15",
    "Mozilla/5.0 (Linux; Android 13; SM-G991B) Chrome/91.0.5018.180 Mobile Safari/537.36"};

static size_t an_agent(uint32_t *x, char *buf, size_t cap) {
  const char *a = agents[rnd(x) % (sizeof agents / sizeof agents[0])];
  size_t l = strlen(a), cut = rnd(x) % (l + 1), n, m;
  char part[224];
  while (cut < l && a[cut] != ' ') /* at a word's end */
    cut++;
  m = an_address(x, part, 40 + rnd(x) % 40);
  if (cut + 1 + m + 1 + (l - cut) > cap)
    m = 0;
  memcpy(buf, a, cut);
  n = cut;
  buf[n++] = ' ';
  memcpy(buf + n, part, m);
  n += m;
  memcpy(buf + n, a + cut, l - cut);
  n += l - cut;
  return n > 199 ? 199 : n; /* a tail cut anywhere */
}

/* looks_address (of a value of the classes mask) against the byte loop
 * bytes on count values of make; the number of them that differ, *found
 * of them addresses */
static int compare_with(size_t (*make)(uint32_t *, char *, size_t), uint32_t *x, int count,
                        int *found, unsigned mask, int (*bytes)(const char *, size_t)) {
  char buf[400];
  int i, differ = 0;
  for (i = *found = 0; i < count; i++) {
    size_t n = make(x, buf, sizeof buf);
    int a = looks_address(buf, n, mask), b = bytes(buf, n);
    *found += b;
    if (a != b && differ++ < 5)
      fprintf(stderr, "looks_address differs on \"%.*s\": %d, bytes %d\n", (int)n, buf, a, b);
  }
  return differ;
}

static int compare_addresses(size_t (*make)(uint32_t *, char *, size_t), uint32_t *x, int count,
                             int *found) {
  return compare_with(make, x, count, found, C_SPACE | C_DIGIT, looks_address_bytes);
}

static void addresses(void) {
  uint32_t x = 88172645u;
  int found, differ = compare_addresses(an_address, &x, 300000, &found);
  CHECKF(differ == 0, "%d of 300000 values", differ);
  CHECKF(found > 30000 && found < 270000, "%d addresses", found); /* both kinds are made */
  differ = compare_addresses(an_agent, &x, 100000, &found);
  CHECKF(differ == 0, "%d of 100000 user agents", differ);
  CHECKF(found > 5000 && found < 90000, "%d addresses in user agents", found);
}

/* The rule looks_address asks of a value with no digit first before
 * its word walk (address_may: a street word or a postcode at a word's
 * start) turns away no value the full path (looks_address_bytes) finds
 * an address, on values of address pieces and on user agents with
 * pieces put inside; and it turns user agents away that pass the test
 * of numbers ("Android 13;") */
static void address_rule(void) {
  static const char android[] = "Mozilla/5.0 (Linux; Android 13; SM-G991B) AppleWebKit/537.36 "
                                "(KHTML, like Gecko) Chrome/91.0.5018.180 Safari/537.36";
  uint32_t x = 362436069u;
  char buf[400];
  int i, missed = 0, found = 0, away = 0;
  for (i = 0; i < 400000; i++) {
    int agent = i % 4 == 0;
    size_t n = agent ? an_agent(&x, buf, sizeof buf) : an_address(&x, buf, sizeof buf);
    int full = looks_address_bytes(buf, n), may = address_may(buf, n);
    found += full;
    away += agent && !may;
    if (full && !may && missed++ < 5)
      fprintf(stderr, "address_may turns away the address \"%.*s\"\n", (int)n, buf);
  }
  CHECKF(missed == 0, "%d addresses turned away", missed);
  CHECKF(found > 40000, "%d addresses", found);
  CHECKF(away > 10000, "%d of 100000 user agents turned away", away);
  CHECK(!address_may(android, sizeof android - 1));
  CHECK(address_may("Hauptstra\xC3\x9F" "e 5", 13) && address_may("Via Roma 12", 11));
  CHECK(address_may("PSC 0945, Box 1953, APO AA 83257", 32));
}

/* A house number is 1-5 digits and nothing, a '-' or '/' and anything,
 * or one or two bytes of a letter's or a dot's: a version's "17_1" or a
 * list's "13;" is none, so the user agents of phones are no address (the
 * iPhone's "OS" is also Polish osiedle's street word) */
static void house_numbers(void) {
  static const char *const no[] = {
      ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
       "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"),
      "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15",
      "Mozilla/5.0 (Linux; Android 13; SM-G991B) AppleWebKit/537.36 (KHTML, like Gecko)",
      "os 12_4 Street", "ul 7; Road"};
  static const char *const yes[] = {"12a Baker Street", "Calle Mayor 12, 3\xC2\xBA",
                                    "ul. Ho\xC5\xBC\x61 5.", "221B Baker Street",
                                    "Via Roma 12-14", "Rue Lepic 5/2, Paris"};
  size_t i;
  for (i = 0; i < sizeof no / sizeof no[0]; i++) {
    size_t n = strlen(no[i]);
    CHECKF(!looks_address_bytes(no[i], n), "\"%s\"", no[i]);
    CHECKF(!looks_address(no[i], n, C_SPACE | C_DIGIT), "\"%s\"", no[i]);
  }
  for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
    size_t n = strlen(yes[i]);
    CHECKF(looks_address_bytes(yes[i], n), "\"%s\"", yes[i]);
    CHECKF(looks_address(yes[i], n, C_SPACE | C_DIGIT), "\"%s\"", yes[i]);
  }
}

/* pieces of CJK addresses: the marks, other characters of three bytes
 * (names of places and roads, kana, Hangul), digits, Latin, and bytes
 * that break UTF-8 (a lone lead byte, a stray continuation byte, a
 * two-byte character, a four-byte one) */
static const char *const zh_pieces[] = {
    "省", "市", "区", "县", "路", "街", "号", "村", "镇", "乡", "巷", "弄", "栋", "室",
    "都", "県", "町", "丁", "番", "시", "도", "구", "군", "동", "로", "길", "읍", "면",
    "리", "上海", "徐汇", "新疆维吾尔自治", "团结", "東京", "渋谷", "서울", "강남", "ア",
    "1", "23", "456", "-", " ", "A", "x", "\xE5", "\xB8", "\xE5\x38\x82", "\xC3\xA9",
    "\xF0\x9F\x98\x80", "\xE5\xB8", "\xEF\xBC\x91", "室1", "号\xE5"};

/* a value of zh_pieces, 0 to 300 bytes and a few past, cut anywhere */
static size_t a_zh_address(uint32_t *x, char *buf, size_t cap) {
  size_t n = 0, want = rnd(x) % 4 == 0 ? rnd(x) % 320 : 10 + rnd(x) % 50;
  while (n < want) {
    const char *p = zh_pieces[rnd(x) % (sizeof zh_pieces / sizeof zh_pieces[0])];
    size_t l = strlen(p);
    if (n + l > cap)
      break;
    memcpy(buf + n, p, l);
    n += l;
  }
  return rnd(x) % 3 == 0 && n ? rnd(x) % n : n;
}

/* looks_address of a CJK value (16 bytes a step, digits and lead bytes
 * alone visited) against the byte loop */
static void zh_addresses(void) {
  uint32_t x = 2463534242u;
  int found, differ = compare_with(a_zh_address, &x, 200000, &found, C_HIGH,
                                   looks_address_zh_bytes);
  CHECKF(differ == 0, "%d of 200000 CJK values", differ);
  CHECKF(found > 20000 && found < 180000, "%d CJK addresses", found);
}

/* the words of names: given and family names of the lexicon, mutated
 * (a_word), capitalised or not, particles, titles and degrees, makes,
 * words of other kinds, Cyrillic, dots, and spaces one, two or at an end */
static const char *const name_pieces[] = {
    "van", "de", "der", "da", "bin", "Dr.", "Mme", "Sra.", "Univ.Prof.", "Dipl.-Ing.",
    "Dr.med.", "B.Sc.", "Jr.", "MBA", "J.", "Ford", "Street", "North", "Group", "Иван",
    "Петров", "Ивановна", "O'Neil", "McDonald", "DarkSeaGreen", "SMITH", "MEX", "N",
    "García", "Łukasz", "x.y", ".", "Mr", "Prof.Dr.",
    /* words of the classes person_word_ascii gives, in any case, and
     * values with no word that starts as a name word does */
    "FORD", "Honda", "lincoln", "street", "dr", "PhD", "sir", "III", "Esq", "Saint", "inc",
    "Clinic", "Walker", "BARBARA", "è£å®éª", "do", "cillum",
    "Ã©lodie", "Ãlz", "Ð¸Ð²Ð°Ð½", "o'neil", "x"};

static size_t a_name_value(uint32_t *x, char *buf, size_t cap) {
  size_t n = 0, words = 1 + rnd(x) % 5;
  if (rnd(x) % 9 == 0)
    buf[n++] = ' ';
  while (words-- && n + 24 < cap) {
    if (rnd(x) % 3 == 0) {
      const char *p = name_pieces[rnd(x) % (sizeof name_pieces / sizeof name_pieces[0])];
      memcpy(buf + n, p, strlen(p));
      n += strlen(p);
    } else {
      size_t l = a_word(x, buf + n, 20), k = n;
      n += l;
      if (l && rnd(x) % 4) /* capitalised */
        buf[k] = (char)(buf[k] >= 'a' && buf[k] <= 'z' ? buf[k] - 32 : buf[k]);
      if (l && rnd(x) % 11 == 0)
        buf[n - 1] = '.';
    }
    if (words)
      buf[n++] = ' ';
    if (words && rnd(x) % 10 == 0)
      buf[n++] = ' ';
  }
  if (rnd(x) % 9 == 0 && n < cap)
    buf[n++] = ' ';
  return n;
}

/* name_words (spaces and dots found 16 bytes a step) against the byte
 * loop, words and what is known */
static void name_values(void) {
  uint32_t x = 19088743u;
  char buf[96];
  int i, differ = 0, names = 0;
  for (i = 0; i < 200000; i++) {
    size_t n = a_name_value(&x, buf, sizeof buf);
    int ka, kb;
    size_t a = name_words(buf, n, &ka), b = name_words_bytes(buf, n, &kb);
    names += b != 0;
    if ((a != b || ka != kb) && differ++ < 5)
      fprintf(stderr, "name_words differs on \"%.*s\": %zu %d, bytes %zu %d\n", (int)n, buf,
              a, ka, b, kb);
  }
  CHECKF(differ == 0, "%d of 200000 names", differ);
  CHECKF(names > 20000 && names < 180000, "%d names", names);
}

/* what scalar_words emits for a value: its candidates in order */
struct emitted { unsigned n, det[16]; int ok[16], column[16]; };

static int keep(void *ctx, const struct candidate *c) {
  struct emitted *m = ctx;
  if (m->n < 16) {
    m->det[m->n] = c->det;
    m->ok[m->n] = c->validated;
    m->column[m->n] = c->column;
  }
  m->n++;
  return 0;
}

/* a value of 1 to 5 pieces drawn from pieces (k of them), in v (cap
 * bytes); its length */
static size_t of_pieces(uint32_t *x, const char *const *pieces, size_t k, char *v, size_t cap) {
  size_t n = 0, m = 1 + rnd(x) % 5;
  while (m--) {
    const char *p = pieces[rnd(x) % k];
    if (n + strlen(p) >= cap)
      break;
    memcpy(v + n, p, strlen(p));
    n += strlen(p);
  }
  return n;
}

static const char *const word_pieces[] = {
    "@", "_", ":", " ", "1", "42", "2024", "barbara.harris", "qq.com", "Barbara", "Walker",
    "Street", "M", "F", "male", "China", "Han Chinese", "\xE5\xB8\x82", "\xE8\xB7\xAF",
    "other", "https://schema.org/Female", "CA", "x", "-", "."};

/* scalar_words (its shortcut for an '@', '_' or ':') against
 * scalar_words_all under random hints, on values of those bytes,
 * words, digits, spaces and CJK: the same candidates and signals */
static void words_shortcut(void) {
  uint32_t x = 3141592653u;
  int i, differ = 0, quiet = 0;
  for (i = 0; i < 100000; i++) {
    char v[128];
    size_t n, digits, seps;
    unsigned mask, sa, sb;
    struct emitted a = {0}, b = {0};
    uint32_t hints = rnd(&x) % 3 == 0 ? 0 : (1u << (rnd(&x) % 31)) | (rnd(&x) % 4 ? 0 : rnd(&x));
    struct emit_ctx ea = {hints, keep, &a, 0, 0}, eb = {hints, keep, &b, 0, 0};
    n = of_pieces(&x, word_pieces, sizeof word_pieces / sizeof word_pieces[0], v, sizeof v);
    if (!n)
      continue;
    mask = value_shape(v, n, &digits, &seps);
    sa = scalar_words(&ea, v, n, mask, digits);
    sb = scalar_words_all(&eb, v, n, mask, digits);
    quiet += b.n == 0;
    if ((sa != sb || a.n != b.n || memcmp(a.det, b.det, sizeof a.det) ||
         memcmp(a.ok, b.ok, sizeof a.ok) || memcmp(a.column, b.column, sizeof a.column)) &&
        differ++ < 5)
      fprintf(stderr, "scalar_words differs on \"%.*s\" (hints %x): %u candidates, all %u\n",
              (int)n, v, hints, a.n, b.n);
  }
  CHECKF(differ == 0, "%d of 100000 values", differ);
  CHECKF(quiet > 10000 && quiet < 90000, "%d values with no candidate", quiet);
}

static const char *const cjk_pieces[] = {
    "\xE7\x8E\x8B", "\xE8\x91\xA3", "\xE6\xAC\xA7\xE9\x98\xB3", "\xE5\xAE\x87",
    "\xE9\x9B\xAA", "\xE5\xB0\x8F\xE6\x98\x8E", "\xEA\xB9\x80",
    "\xEB\xAF\xBC\xEC\xA4\x80", "\xEC\xA0\x95", "\xE3\x82\xB5\xE3\x82\xA8",
    "\xE3\x82\xB3", "\xE4\xBD\x90\xE8\x97\xA4", "\xE6\x9C\xA8\xE6\x9D\x91",
    "\xE9\x99\xBD", " ", " ", "a", "Z", "Li", "\xC3\x89mile", "\xD0\x98\xD0\xB2",
    "\xE8", "\x80", "\xE3\x80\x80", "\xF0\x9F\x98\x80", "\xE3\x83\xBC"};

/* scalar_words leaves a value person_cjk_name reads as a CJK name
 * before name_words: such a value has no Latin or Cyrillic name in it.
 * On values of CJK names, spaces, Latin and Cyrillic words and other
 * bytes, none person_cjk_name reads has words name_words counts. */
static void cjk_not_latin(void) {
  uint32_t x = 2718281828u;
  int i, differ = 0, cjk = 0;
  for (i = 0; i < 200000; i++) {
    char v[40];
    size_t n = of_pieces(&x, cjk_pieces, sizeof cjk_pieces / sizeof cjk_pieces[0], v, sizeof v);
    int known;
    if (!person_cjk_name(v, n))
      continue;
    cjk++;
    if ((name_words(v, n, &known) || name_words_bytes(v, n, &known)) && differ++ < 5)
      fprintf(stderr, "a CJK name with Latin name words: \"%.*s\"\n", (int)n, v);
  }
  CHECKF(differ == 0, "%d CJK names with name words", differ);
  CHECKF(cjk > 10000, "%d CJK names", cjk);
}

/* scalar_words takes a value of over three bytes as a country by the
 * country bit of its words alone, without ajar_lexicon_country_of: no
 * ISO code is that long. On country names, codes and other words, in
 * any case, with any word bits, the two agree. */
static void country_words(void) {
  static const char *const pieces[] = {"DE", "DEU", "de", "Germany", "germany", "United",
                                       " ", "States", "China", "CN", "X", "Deutschland",
                                       "-", "Barbara", "US", "USA", "FRA"};
  uint32_t x = 1618033988u;
  int i, differ = 0, countries = 0;
  for (i = 0; i < 100000; i++) {
    char v[64];
    size_t n = of_pieces(&x, pieces, sizeof pieces / sizeof pieces[0], v, sizeof v);
    uint32_t words = rnd(&x) % 2 ? ajar_lexicon_value_words(v, n) : rnd(&x);
    int a, b = ajar_lexicon_country_of(v, n, words);
    if (n <= 3)
      continue;
    a = (words & AJAR_V_COUNTRY) != 0;
    countries += b != 0;
    if (a != b && differ++ < 5)
      fprintf(stderr, "country_of differs on \"%.*s\": %d, bit %d\n", (int)n, v, b, a);
  }
  CHECKF(differ == 0, "%d of 100000 values", differ);
  CHECKF(countries > 1000, "%d countries", countries);
}

void test_words(void) {
  cjk_not_latin();
  country_words();
  words_shortcut();
  person_words();
  name_values();
  addresses();
  address_rule();
  house_numbers();
  zh_addresses();
}
