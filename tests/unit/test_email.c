/* The e-mail's early exit (run by the scalar suite): classify_scalar
 * leaves a valid e-mail after its DET_EMAIL under a name of no
 * EMAIL_LATER_HINTS (value.c). On many
 * generated e-mails, among them ones shaped like what later checks look
 * for (a plate's or a passport's letters and digits, a base64 image's
 * prefix, an ICD-10 code, a phone with an extension, a JWT's head), it
 * gives the same candidates in the same order and the same signals as
 * classify_scalar_general, which takes every check in turn, under each
 * hint alone and under random pairs of them. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "classify.h"
#include "found.h"
#include "unit.h"
#include "validators.h"

/* the start of a local part: what later checks look for, or nothing */
static const char *const heads[] = {
    "",        "",         "",       "iVBORw0KGgo", "/9j/",      "data:image/", "AKIA",
    "eyJ",     "A12.",     "E11.9",  "x123",        "ext12",     "AB123456",    "1382",
    "00-1A-2B", "M",       "F",      "Barbara",     "li",        "smith.john",  "O+",
    "AB1234567", "U07",    "DE89370400440532013000",  "12345678",  "rh",
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAA"};
/* the bytes of a local part, and of a domain's labels */
static const char local_bytes[] = "abcxyzABCXYZ0123456789._-%+";
static const char label_bytes[] = "abcmnxyzABQZ0123456789-";
static const char *const tlds[] = {"com", "de", "co", "me", "jp", "cn", "x", "museum",
                                   "A1", "io", "ORG", "info"};

static size_t build_email(uint32_t *x, char *buf, size_t cap) {
  const char *h = heads[rnd(x) % (sizeof heads / sizeof heads[0])];
  size_t n = strlen(h), want, labels, k;
  memcpy(buf, h, n);
  want = rnd(x) % 12;
  while (want-- && n < cap / 2)
    buf[n++] = local_bytes[rnd(x) % (sizeof local_bytes - 1)];
  if (rnd(x) % 8 == 0) /* a second '@' now and then: no e-mail */
    buf[n++] = '@';
  buf[n++] = '@';
  labels = 1 + rnd(x) % 3;
  while (labels--) {
    want = 1 + rnd(x) % 6;
    while (want-- && n < cap - 16)
      buf[n++] = label_bytes[rnd(x) % (sizeof label_bytes - 1)];
    buf[n++] = '.';
  }
  h = tlds[rnd(x) % (sizeof tlds / sizeof tlds[0])];
  k = strlen(h);
  memcpy(buf + n, h, k);
  n += k;
  if (rnd(x) % 16 == 0) /* a phone extension after it */
    n += (size_t)snprintf(buf + n, cap - n, "x%u", (unsigned)(rnd(x) % 1000));
  return n;
}

/* a hint, or two, drawn among every bit */
static uint32_t draw_hints(uint32_t *x, int i) {
  uint32_t h = i % 40 < 33 ? (i % 40 == 32 ? 0 : 1u << (i % 40)) : 1u << (rnd(x) % 32);
  if (i % 3 == 0)
    h |= 1u << (rnd(x) % 32);
  return h;
}

/* called by test_scalar, with its database and scratch */
void test_scalar_email(const struct ajar_db *db, struct ajar_scratch *s);
void test_scalar_email(const struct ajar_db *db, struct ajar_scratch *s) {
  char buf[160];
  uint32_t x = 2654435761u;
  int i, differ = 0, valid = 0, more = 0;
  for (i = 0; i < 80000; i++) {
    struct found general = {.n = 0};
    uint32_t hints = draw_hints(&x, i);
    size_t n = build_email(&x, buf, sizeof buf);
    scalar_differs(db, s, hints, VK_STRING, buf, n, i, &general, &differ);
    valid += ajar_valid_email(buf, n);
    /* an e-mail with a candidate past DET_EMAIL: the exit must not skip it */
    more += general.n > 1 && general.c[0].det == DET_EMAIL;
  }
  CHECKF(differ == 0, "%d of 80000 e-mails differ", differ);
  /* most values are e-mails, and some e-mails are something more */
  CHECKF(valid > 40000 && valid < 79000, "%d valid e-mails", valid);
  CHECKF(more > 1000, "%d e-mails with a later candidate", more);
}
