/* Host names to addresses, with a deadline (getaddrinfo_a: the lookup
 * runs on glibc's resolver thread; we wait at most until the deadline).
 *
 * A lookup that outlives its waiter is not cancelled by force (glibc
 * cannot stop a running getaddrinfo); the request is shared by the waiter
 * and the completion callback, and whichever lets go last frees it. The
 * addresses come back de-duplicated exactly (getaddrinfo repeats each
 * per socket type and protocol). */
#define _GNU_SOURCE /* getaddrinfo_a */
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "probe/probe.h"
#include "scan/target.h"

struct lookup {
  struct gaicb cb;
  struct addrinfo hints;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int done, refs;
  char host[];
};

static void lookup_release(struct lookup *q) {
  int last;
  pthread_mutex_lock(&q->mu);
  last = --q->refs == 0;
  pthread_mutex_unlock(&q->mu);
  if (!last)
    return;
  if (q->cb.ar_result)
    freeaddrinfo(q->cb.ar_result);
  pthread_cond_destroy(&q->cv);
  pthread_mutex_destroy(&q->mu);
  free(q);
}

static void lookup_done(union sigval v) {
  struct lookup *q = v.sival_ptr;
  pthread_mutex_lock(&q->mu);
  q->done = 1;
  pthread_cond_signal(&q->cv);
  pthread_mutex_unlock(&q->mu);
  lookup_release(q);
}

int tgt_addrs_add(struct tgt_addr *out, size_t cap, size_t *n,
                  const struct tgt_addr *a) {
  size_t i;
  for (i = 0; i < *n; i++)
    if (out[i].family == a->family &&
        !memcmp(out[i].a, a->a, a->family == AF_INET ? 4 : 16))
      return 0;
  if (*n >= cap)
    return 0;
  out[(*n)++] = *a;
  return 1;
}

int tgt_resolve(const char *host, int64_t deadline, struct tgt_addr *out,
                size_t cap, size_t *n, char *err, size_t errlen) {
  size_t len = strlen(host);
  struct lookup *q = calloc(1, sizeof *q + len + 1);
  struct gaicb *list[1];
  struct sigevent sev;
  struct addrinfo *ai;
  int rc = 0, g, done;
  *n = 0;
  if (!q)
    return AJAR_ENOMEM;
  memcpy(q->host, host, len + 1);
  pthread_mutex_init(&q->mu, NULL);
  pthread_cond_init(&q->cv, NULL);
  q->hints.ai_family = AF_UNSPEC;
  q->hints.ai_socktype = SOCK_STREAM;
  q->cb.ar_name = q->host;
  q->cb.ar_request = &q->hints;
  q->refs = 2; /* this waiter and the completion callback */
  memset(&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = lookup_done;
  sev.sigev_value.sival_ptr = q;
  list[0] = &q->cb;
  if ((g = getaddrinfo_a(GAI_NOWAIT, list, 1, &sev))) {
    q->refs = 1;
    lookup_release(q);
    snprintf(err, errlen, "cannot resolve %s: %s", host, gai_strerror(g));
    return g == EAI_MEMORY ? AJAR_ENOMEM : AJAR_ECONNECT;
  }
  pthread_mutex_lock(&q->mu);
  while (!q->done) {
    int64_t left = deadline - ajar_now_ms();
    struct timespec ts;
    if (left <= 0)
      break;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += (time_t)(left / 1000);
    ts.tv_nsec += (long)(left % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
      ts.tv_sec++;
      ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&q->cv, &q->mu, &ts);
  }
  done = q->done;
  pthread_mutex_unlock(&q->mu);
  if (!done) {
    /* not started yet: it never will, and no callback comes; else it
     * ends on its own and the callback frees it */
    if (gai_cancel(&q->cb) == EAI_CANCELED)
      lookup_release(q);
    snprintf(err, errlen, "cannot resolve %s: no answer within the deadline", host);
    rc = AJAR_ETIMEDOUT;
  } else if ((g = gai_error(&q->cb))) {
    snprintf(err, errlen, "cannot resolve %s: %s", host, gai_strerror(g));
    rc = g == EAI_MEMORY ? AJAR_ENOMEM : AJAR_ECONNECT;
  } else {
    for (ai = q->cb.ar_result; ai; ai = ai->ai_next) {
      struct tgt_addr a;
      if (!tgt_addr_from_sockaddr(&a, ai->ai_addr))
        tgt_addrs_add(out, cap, n, &a);
    }
    if (!*n) {
      snprintf(err, errlen, "cannot resolve %s: no address", host);
      rc = AJAR_ECONNECT;
    }
  }
  lookup_release(q);
  return rc;
}
