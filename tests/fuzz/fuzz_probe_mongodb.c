/* Fuzz target: MongoDB (probe_mongodb.c). The input is the peer's side of
 * each connection (fuzz_probe.h): every byte passes the probe's wire
 * framing check (gs_guard: message lengths, OP_MSG sections, OP_REPLY
 * documents) before libmongoc parses it, and the documents of a sample
 * become JSON the probe's way (bson_as_relaxed_extended_json, unwrap).
 * Then the BSON itself, here: every document the framing holds (OP_MSG
 * kind-0 sections, OP_REPLY documents) through bson_init_static,
 * bson_validate and bson_as_relaxed_extended_json, whatever the framing
 * check said (libbson sees hostile documents either way). */
#include <bson/bson.h>
#include <unistd.h>
#include "fuzz_probe.h"

/* libmongoc waits out its minimum heartbeat (500 ms, usleep) before it
 * checks a server again after a failed check: in this target, nearly all
 * of an input's time (29 executions a second). The wait changes nothing
 * any parser sees, so here it returns at once: the executable exports
 * this usleep (-rdynamic, tests/CMakeLists.txt) and libmongoc's call
 * binds to it. */
int usleep(useconds_t us) {
  (void)us;
  return 0;
}

static uint32_t rd32(const uint8_t *b) {
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
         (uint32_t)b[3] << 24;
}

static void one_doc(const uint8_t *p, size_t n) {
  bson_t b;
  size_t off = 0, jl = 0;
  char *js;
  /* an exact-size copy, so libbson reading past the document is caught */
  uint8_t *d = malloc(n ? n : 1);
  if (!d)
    return;
  memcpy(d, p, n);
  if (bson_init_static(&b, d, n)) {
    bson_validate(&b, BSON_VALIDATE_UTF8 | BSON_VALIDATE_UTF8_ALLOW_NULL, &off);
    bson_validate(&b, BSON_VALIDATE_DOLLAR_KEYS | BSON_VALIDATE_DOT_KEYS |
                          BSON_VALIDATE_EMPTY_KEYS, &off);
    js = bson_as_relaxed_extended_json(&b, &jl);
    if (js && strlen(js) != jl)
      fuzz_fail("bson_as_relaxed_extended_json: the length is not the string's");
    bson_free(js);
    js = bson_as_canonical_extended_json(&b, &jl);
    bson_free(js);
  }
  free(d);
}

/* the documents of the wire messages of one connection's bytes */
static void docs_of(const uint8_t *p, size_t n) {
  while (n >= 16) {
    uint32_t len = rd32(p), op = rd32(p + 12);
    const uint8_t *m = p + 16, *end;
    if (len < 16 || len > n)
      break;
    end = p + len;
    if (op == 2013 && end - m >= 4) {
      m += 4; /* flags */
      while (end - m >= 5) {
        uint8_t kind = *m++;
        uint32_t dl = rd32(m);
        if (kind == 1) { /* size, identifier, documents */
          const uint8_t *s = m + 4, *se;
          if (dl < 4 || dl > (size_t)(end - m))
            break;
          se = m + dl;
          while (s < se && *s) /* the identifier, a cstring */
            s++;
          for (s++; s + 4 <= se;) {
            uint32_t k = rd32(s);
            if (k < 5 || k > (size_t)(se - s))
              break;
            one_doc(s, k);
            s += k;
          }
          m = se;
          continue;
        }
        if (dl > (size_t)(end - m))
          dl = (uint32_t)(end - m); /* a length that lies: libbson refuses it */
        one_doc(m, dl);
        if (dl < 5)
          break;
        m += dl;
      }
    } else if (op == 1 && end - m >= 20) {
      for (m += 20; end - m >= 4;) {
        uint32_t k = rd32(m);
        if (k > (size_t)(end - m))
          k = (uint32_t)(end - m);
        one_doc(m, k);
        if (k < 5)
          break;
        m += k;
      }
    }
    p += len;
    n -= len;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t i;
  run_probe(&ajar_probe_mongodb, data, size);
  split(size ? data + 1 : data, size ? size - 1 : 0);
  for (i = 0; i < n_parts; i++)
    docs_of(parts[i], part_len[i]);
  /* and the input itself as one document */
  if (size > 1)
    one_doc(data + 1, size - 1);
  return 0;
}
