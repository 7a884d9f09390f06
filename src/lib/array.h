/* Internal: growing arrays. */
#ifndef AJAR_ARRAY_H
#define AJAR_ARRAY_H

#include <stdlib.h>
#include "ajar/ajar.h"

/* Room for element n of arr, an array of cap elements (both lvalues; cap
 * of any unsigned type): when n has reached cap, arr is reallocated to
 * twice cap (first when cap is 0) and cap follows. 0, or AJAR_ENOMEM with
 * arr and cap unchanged. */
#define ARRAY_RESERVE(arr, n, cap, first)                                      \
  __extension__({                                                              \
    int rc_ = 0;                                                               \
    if ((n) >= (cap)) {                                                        \
      size_t nc_ = (cap) ? (size_t)(cap) * 2 : (size_t)(first);                \
      void *grown_ = realloc((arr), nc_ * sizeof *(arr));                      \
      if (grown_) {                                                            \
        (arr) = grown_;                                                        \
        (cap) = nc_;                                                           \
      } else {                                                                 \
        rc_ = AJAR_ENOMEM;                                                     \
      }                                                                        \
    }                                                                          \
    rc_;                                                                       \
  })

#endif
