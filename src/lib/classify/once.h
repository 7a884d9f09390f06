/* once.h: pthread_once behind a flag. After the first call a hot path
 * pays one atomic load, not a call into libc (callgrind shows
 * pthread_once among the per-value costs). The flag is set only after
 * pthread_once returned, so whoever reads it set sees the built table. */
#ifndef AJAR_CLASSIFY_ONCE_H
#define AJAR_CLASSIFY_ONCE_H

#include <pthread.h>

static inline void ajar_once(pthread_once_t *once, int *done, void (*init)(void)) {
  if (!__atomic_load_n(done, __ATOMIC_ACQUIRE)) {
    pthread_once(once, init);
    __atomic_store_n(done, 1, __ATOMIC_RELEASE);
  }
}

#endif
