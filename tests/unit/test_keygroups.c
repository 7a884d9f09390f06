/* Key groups of key-value stores: names never print a personal value. */
#include <string.h>
#include "probe/keygroups.h"
#include "unit.h"

static void name_of(const char *const *keys, size_t n, char *out, size_t cap) {
  struct kg_set s;
  size_t i;
  memset(&s, 0, sizeof s);
  for (i = 0; i < n; i++)
    CHECK(kg_add(&s, 0, keys[i], strlen(keys[i]), -1, 2) == 0);
  CHECK(s.n == 1);
  if (s.n)
    kg_name(&s.g[0], out, cap);
  kg_clear(&s);
}

void test_keygroups(void) {
  char name[256];
  const char *users[] = {"user:1", "user:2"};
  const char *one_phone[] = {"user:13812345678"};
  const char *by_mail[] = {"alice@example.com:cart", "alice@example.com:seen"};
  const char *queue[] = {"queue:checkpoint"};

  name_of(users, 2, name, sizeof name);
  CHECKF(!strcmp(name, "user:*"), "%s", name);
  name_of(queue, 1, name, sizeof name);
  CHECKF(!strcmp(name, "queue:checkpoint"), "%s", name);
  /* a single key that is a phone number, a prefix that is an e-mail */
  name_of(one_phone, 1, name, sizeof name);
  CHECKF(!strstr(name, "13812345678") && strstr(name, "*"), "%s", name);
  name_of(by_mail, 2, name, sizeof name);
  CHECKF(!strstr(name, "alice@") && strstr(name, "@example.com"), "%s", name);
}
