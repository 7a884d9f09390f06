/* Unit tests for src/lib/record/json.c: the walker with its vector paths
 * (strings and numbers 16 bytes a load, page-safe loads at a record's end,
 * white space runs, scalars read in the member loop) must emit what the
 * same walker with byte loops only emits (json_ref.c): the same fields,
 * values, numeric arrays, geo points, malformed flag and return code, on
 * records generated from JSON pieces (escapes, long strings and keys,
 * numbers of every form, lat/lon, Extended JSON wrappers, deep nesting,
 * pretty-printing), truncated, cut or mutated at random, each record in
 * a heap copy of its own size. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record/walker.h"
#include "unit.h"

int json_walk_record_ref(const struct rec_sink *k, const char *p, size_t n);

#define LOG_CAP 65536
#define MAX_FIELDS 512

struct log {
  struct key_cache keys;
  struct { uint32_t parent; int is_array; size_t n; char key[40]; } f[MAX_FIELDS];
  unsigned n_fields;
  char out[LOG_CAP];
  size_t n;
  char buf[96]; /* unescape scratch: small, so long escaped values are cut */
};

static void put(struct log *l, const char *s, size_t n) {
  if (n && l->n + n + 1 < LOG_CAP) {
    memcpy(l->out + l->n, s, n);
    l->n += n;
    l->out[l->n] = 0;
  }
}

static void putf(struct log *l, const char *fmt, double a, double b, double c) {
  char t[160];
  int n = snprintf(t, sizeof t, fmt, a, b, c);
  put(l, t, (size_t)n);
}

static int plain(const char *k, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (k[i] == '"' || k[i] == '\\' || k[i] == 0)
      return 0;
  return 1;
}

static uint32_t l_child(void *ctx, uint32_t parent, const char *key, size_t n,
                        int is_array) {
  struct log *l = ctx;
  unsigned i;
  size_t kn = n < 40 ? n : 40;
  for (i = 0; i < l->n_fields; i++)
    if (l->f[i].parent == parent && l->f[i].is_array == is_array && l->f[i].n == n &&
        (!kn || !memcmp(l->f[i].key, key, kn)))
      return i + 1;
  if (l->n_fields == MAX_FIELDS)
    return MAX_FIELDS + 1;
  l->f[i].parent = parent;
  l->f[i].is_array = is_array;
  l->f[i].n = n;
  if (kn) /* an array's element has no key */
    memcpy(l->f[i].key, key, kn);
  l->n_fields++;
  put(l, "+", 1);
  putf(l, "%g:%g:%g ", parent, (double)n, is_array);
  put(l, key, kn);
  if (!is_array && n >= 1 && n <= 15 && plain(key, n)) {
    char leaf16[16] = {0};
    memcpy(leaf16, key, n);
    key_cache_put(&l->keys, parent, leaf16, n, i + 1);
  }
  return i + 1;
}

static uint32_t l_next(void *ctx, uint32_t parent, uint32_t prev, const char *key,
                       size_t n) {
  (void)prev;
  return l_child(ctx, parent, key, n, 0);
}

/* a known plain key read from its quoted bytes, as field_next_quoted */
static uint32_t l_next_quoted(void *ctx, uint32_t parent, uint32_t prev,
                              const char *k, const char *end, size_t *n) {
  struct log *l = ctx;
  size_t i = 0;
  unsigned j;
  (void)prev;
  while (k + i < end && k[i] != '"' && k[i] != '\\')
    i++;
  if (k + i >= end || k[i] != '"' || i == 0 || i >= 40)
    return REC_NONE;
  for (j = 0; j < l->n_fields; j++)
    if (l->f[j].parent == parent && !l->f[j].is_array && l->f[j].n == i &&
        !memcmp(l->f[j].key, k, i)) {
      *n = i;
      return j + 1;
    }
  return REC_NONE;
}

static void l_value(void *ctx, uint32_t field, enum value_kind kind, const char *v,
                    size_t n) {
  struct log *l = ctx;
  putf(l, "|%g:%g:%g=", field, kind, (double)n);
  put(l, v, n);
}

static void l_numarray(void *ctx, uint32_t field, size_t count, double first,
                       double second, double absmax) {
  struct log *l = ctx;
  putf(l, "|A%g:%g:%g", field, (double)count, absmax);
  putf(l, ":%.17g:%.17g:%g", first, second, 0);
}

static void l_geo(void *ctx, uint32_t field, double lat, double lon) {
  putf(ctx, "|G%g:%.17g:%.17g", field, lat, lon);
}

static void l_end(void *ctx, int malformed) {
  put(ctx, malformed ? "!\n" : "\n", 2 - !malformed);
}

static void sink_of(struct rec_sink *k, struct log *l) {
  memset(k, 0, sizeof *k);
  k->ctx = l;
  k->buf = l->buf;
  k->buf_len = sizeof l->buf;
  k->keys = &l->keys;
  k->child = l_child;
  k->next = l_next;
  k->next_quoted = l_next_quoted;
  k->value = l_value;
  k->numarray = l_numarray;
  k->geo = l_geo;
  k->end_record = l_end;
}

static uint32_t rnd(uint32_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return *x;
}

struct gen {
  uint32_t x;
  char *b;
  size_t n, cap;
};

static void emit(struct gen *g, const char *s, size_t n) {
  if (g->n + n <= g->cap) {
    memcpy(g->b + g->n, s, n);
    g->n += n;
  }
}
static void emits(struct gen *g, const char *s) { emit(g, s, strlen(s)); }

static const char *const str_pieces[] = {
    "a", "Li Wei", "13812345678", "a.b@example.com", "\\\"", "\\\\", "\\n", "\\t",
    "\\u00e9", "\\ud83d\\ude00", "\\u12", "\\ud800", "\\/", "\\x", "\xE4\xBA\xAC",
    "0123456789abcdef", "2024-01-02T03:04:05Z", " ", "{", "}", "[", "]", ",", ":",
    "00:1a:2b:3c:4d:5e", "b9c63ddd-fb84-4356-bece-bcc50179429f", "\n", "\x01"};
static const char *const keys[] = {
    "id", "name", "lat", "lon", "lng", "latitude", "longitude", "LAT", "Lon",
    "a", "", "phone", "contact", "a_rather_long_key_name", "exactly15bytes_",
    "sixteen_bytes_ab", "k\\\"q", "\\u0041B", "seq", "v", "$date", "$oid",
    "$numberLong", "$x", "items", "\xE5\xA7\x93\xE5\x90\x8D"};
static const char *const numbers[] = {
    "0", "-1", "12", "3.25", "-0.5", "1e5", "1E+5", "2.5e-3", "12345678901234567",
    "123456789012345678901234567890", "1.2.3", "--1", "-", "1e", "0.000001",
    "51.568767", "-87.680104", "91", "-181", "179.9", "7", "1+2", "99999", "100000",
    "-100000", "1.5E300", "0.6591855682529874", "0.11731937302159990001",
    "123456.5", "1234567", "-12345678901234567.5", "1 2", "1-2", "12 345678", ".5",
    "e", ".", "1e 5", "3\t", "\n4"};
/* what separates the elements of an array of numbers */
static const char *const seps[] = {",", ",", ",", ", ", " ,", ",\n    ", ",,",
                                   "\t,", ",\r\n", ";", ""};
static const char *const ws[] = {"", "", "", " ", "\n", "\n  ", "\r\n\t",
                                 "\n                                      ",
                                 "  \n    "};

static void space(struct gen *g, int pretty) {
  if (pretty && rnd(&g->x) % 2) {
    if (rnd(&g->x) % 4 == 0) { /* a run of any white space, across 16 and 32 bytes */
      unsigned n = rnd(&g->x) % 72, i;
      for (i = 0; i < n; i++)
        emit(g, &" \t\n\r    "[rnd(&g->x) % 8], 1);
    } else {
      emits(g, ws[rnd(&g->x) % (sizeof ws / sizeof ws[0])]);
    }
  }
}

static void gen_string(struct gen *g) {
  unsigned k = rnd(&g->x) % 8, i;
  emits(g, "\"");
  if (rnd(&g->x) % 4 == 0) { /* a long plain run */
    unsigned n = rnd(&g->x) % 90;
    for (i = 0; i < n; i++) emit(g, &"abcdefghij0123456789 .-_@"[rnd(&g->x) % 25], 1);
  }
  for (i = 0; i < k; i++)
    emits(g, str_pieces[rnd(&g->x) % (sizeof str_pieces / sizeof str_pieces[0])]);
  emits(g, "\"");
}

static void gen_value(struct gen *g, int depth, int pretty);

static void gen_object(struct gen *g, int depth, int pretty) {
  unsigned n = rnd(&g->x) % 6, i;
  emits(g, "{");
  for (i = 0; i < n; i++) {
    if (i) emits(g, ",");
    space(g, pretty);
    emits(g, "\"");
    emits(g, keys[rnd(&g->x) % (sizeof keys / sizeof keys[0])]);
    emits(g, "\"");
    space(g, pretty);
    emits(g, ":");
    space(g, pretty);
    gen_value(g, depth + 1, pretty);
    space(g, pretty);
  }
  emits(g, "}");
}

static void gen_array(struct gen *g, int depth, int pretty) {
  unsigned n = rnd(&g->x) % 8, i, nums = rnd(&g->x) % 2;
  if (nums) n += rnd(&g->x) % 40; /* vectors: long runs of numbers */
  emits(g, "[");
  for (i = 0; i < n; i++) {
    if (i && nums && rnd(&g->x) % 8 == 0)
      emits(g, seps[rnd(&g->x) % (sizeof seps / sizeof seps[0])]);
    else if (i)
      emits(g, rnd(&g->x) % 3 ? "," : ", ");
    space(g, pretty);
    if (nums && rnd(&g->x) % 16)
      emits(g, numbers[rnd(&g->x) % (sizeof numbers / sizeof numbers[0])]);
    else
      gen_value(g, depth + 1, pretty);
  }
  space(g, pretty);
  emits(g, "]");
}

static void gen_value(struct gen *g, int depth, int pretty) {
  unsigned r = rnd(&g->x) % 16;
  if (depth > 70) r = 8;
  if (r < 3 || (depth == 0 && r < 10)) {
    gen_object(g, depth, pretty);
  } else if (r < 5) {
    gen_array(g, depth, pretty);
  } else if (r < 6 && depth < 70) { /* deep nesting past AJAR_MAX_DEPTH */
    /* objects in arrays, or objects alone (walk_object's own depth test) */
    unsigned n = rnd(&g->x) % 80, i, objects = rnd(&g->x) % 2;
    for (i = 0; i < n; i++) emits(g, objects || i % 2 ? "{\"d\":" : "[");
    gen_value(g, 71, pretty);
    while (n--) emits(g, objects || n % 2 ? "}" : "]");
  } else if (r < 10) {
    gen_string(g);
  } else if (r < 14) {
    emits(g, numbers[rnd(&g->x) % (sizeof numbers / sizeof numbers[0])]);
  } else {
    static const char *const lit[] = {"true", "false", "null", "tru", "nul", "fals"};
    emits(g, lit[rnd(&g->x) % 6]);
  }
}

/* {"v": an array of numbers}: the walker's vector loops and the tail
 * after them, with elements of every width and odd separators */
static void gen_numbers(struct gen *g) {
  unsigned n = rnd(&g->x) % 24, i;
  emits(g, "{\"v\":[");
  for (i = 0; i < n; i++) {
    if (i)
      emits(g, rnd(&g->x) % 4 ? "," : seps[rnd(&g->x) % (sizeof seps / sizeof seps[0])]);
    if (rnd(&g->x) % 2) {
      unsigned k = rnd(&g->x) % 40, j;
      char d[40];
      for (j = 0; j < k; j++)
        d[j] = (char)('0' + rnd(&g->x) % 10);
      /* plain decimals and near misses, read without a call when they
       * end within 32 bytes (array_number, one or two loads): a sign, a
       * dot anywhere (first, last, twice), an exponent, a sign inside */
      if (k && rnd(&g->x) % 3 == 0)
        d[0] = rnd(&g->x) % 4 ? '-' : '+';
      if (k > 1 && rnd(&g->x) % 2)
        d[rnd(&g->x) % k] = ".....e-"[rnd(&g->x) % 7];
      if (k > 2 && rnd(&g->x) % 4 == 0)
        d[rnd(&g->x) % k] = '.';
      emit(g, d, k);
    } else {
      emits(g, numbers[rnd(&g->x) % (sizeof numbers / sizeof numbers[0])]);
    }
  }
  emits(g, "]}");
}

/* a record, then maybe cut or mutated */
static size_t gen_record(uint32_t *seed, char *b, size_t cap) {
  struct gen g = {*seed, b, 0, cap};
  int pretty = (int)(rnd(&g.x) % 3 == 0);
  unsigned r;
  space(&g, pretty);
  if (rnd(&g.x) % 3 == 0)
    gen_numbers(&g);
  else
    gen_value(&g, 0, pretty);
  space(&g, pretty);
  r = rnd(&g.x) % 8;
  if (r == 0 && g.n) {
    g.n = rnd(&g.x) % g.n; /* truncated */
  } else if (r == 1 && g.n) {
    unsigned k = rnd(&g.x) % 4 + 1;
    while (k--) b[rnd(&g.x) % g.n] = "\"\\{}[],: 0e-\nx\x80"[rnd(&g.x) % 16];
  } else if (r == 2 && g.n > 2) { /* a byte dropped */
    size_t at = rnd(&g.x) % g.n;
    memmove(b + at, b + at + 1, g.n - at - 1);
    g.n--;
  }
  *seed = g.x;
  return g.n;
}

static void escape_print(const char *p, size_t n) {
  size_t i;
  for (i = 0; i < n && i < 600; i++)
    fprintf(stderr, (unsigned char)p[i] >= ' ' && p[i] != '\\' ? "%c" : "\\x%02x",
            (unsigned char)p[i]);
  fprintf(stderr, "\n");
}

void test_json(void) {
  static struct log fast, ref;
  struct rec_sink kf, kr;
  uint32_t seed = 0x2545F491u;
  char *tmp = malloc(LOG_CAP);
  unsigned rec, differ = 0, malformed = 0;
  sink_of(&kf, &fast);
  sink_of(&kr, &ref);
  for (rec = 0; rec < 12000; rec++) {
    size_t n = gen_record(&seed, tmp, LOG_CAP);
    char *copy = malloc(n ? n : 1);
    int rf, rr;
    memcpy(copy, tmp, n);
    fast.n = ref.n = 0;
    /* a sink with no key table yet (a collection's first key makes
     * it): the walker probes an empty one, with the same fields */
    kf.keys = rec % 4 ? &fast.keys : NULL;
    rf = json_walk_record(&kf, copy, n);
    rr = json_walk_record_ref(&kr, copy, n);
    malformed += rr != 0;
    if ((rf != rr || fast.n != ref.n || memcmp(fast.out, ref.out, fast.n)) && differ++ < 3) {
      fprintf(stderr, "json walk differs (rc %d vs %d) on: ", rf, rr);
      escape_print(copy, n);
      fprintf(stderr, "  fast: ");
      escape_print(fast.out, fast.n);
      fprintf(stderr, "  ref:  ");
      escape_print(ref.out, ref.n);
    }
    free(copy);
  }
  CHECKF(differ == 0, "%u of 12000 records", differ);
  /* the generator makes both kinds */
  CHECKF(malformed > 1200 && malformed < 10800, "%u malformed", malformed);
  free(tmp);
}
