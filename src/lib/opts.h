/* Internal: the size check of the public option structs (the rule is
 * written in include/ajar/classify.h, "Option structs"). */
#ifndef AJAR_OPTS_H
#define AJAR_OPTS_H

#include <stddef.h>

/* 1 when an options struct of `got` bytes has a layout this library
 * knows. Today each struct has one layout; when fields are appended, the
 * sizes of the older layouts are listed here too, and the caller copies
 * `got` bytes into a zeroed struct of today's size. */
static inline int opts_size_known(size_t got, size_t now) {
  return got == now;
}

#endif
