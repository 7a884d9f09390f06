/* A tiny table-friendly test harness: one runner, many suites. */
#ifndef AJAR_UNIT_H
#define AJAR_UNIT_H
#include <stdio.h>

extern int unit_failures;
extern int unit_checks;

#define CHECK(expr)                                                       \
  do {                                                                    \
    unit_checks++;                                                        \
    if (!(expr)) {                                                        \
      unit_failures++;                                                    \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,    \
              #expr);                                                     \
    }                                                                     \
  } while (0)

/* CHECKF: like CHECK, with the case that failed named */
#define CHECKF(expr, fmt, ...)                                            \
  do {                                                                    \
    unit_checks++;                                                        \
    if (!(expr)) {                                                        \
      unit_failures++;                                                    \
      fprintf(stderr, "%s:%d: CHECK failed: %s (" fmt ")\n", __FILE__,    \
              __LINE__, #expr, __VA_ARGS__);                              \
    }                                                                     \
  } while (0)

#endif
