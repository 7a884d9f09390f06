/* The worker pool and its queue. `ajar files` hands batches of records
 * (or whole files) to the pool through a queue; `ajar scan` workers pull
 * endpoints from the target iterator themselves. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ajar/ajar.h"
#include "pool.h"

struct pool_arg {
  struct pool *p;
  int i;
};

static void *pool_main(void *arg) {
  struct pool_arg *a = arg;
  struct pool *p = a->p;
  p->fn(p->ctx, a->i);
  pthread_mutex_lock(&p->mu);
  p->live--;
  pthread_cond_broadcast(&p->ended);
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

int pool_start(struct pool *p, int n, void (*fn)(void *ctx, int i), void *ctx) {
  int i;
  memset(p, 0, sizeof *p);
  p->fn = fn;
  p->ctx = ctx;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->ended, NULL);
  if (n < 1)
    return 0;
  p->threads = calloc((size_t)n, sizeof *p->threads);
  p->args = calloc((size_t)n, sizeof *p->args);
  if (!p->threads || !p->args)
    return 0;
  for (i = 0; i < n; i++) {
    p->args[i].p = p;
    p->args[i].i = i;
    pthread_mutex_lock(&p->mu);
    p->live++;
    pthread_mutex_unlock(&p->mu);
    if (pthread_create(&p->threads[i], NULL, pool_main, &p->args[i])) {
      pthread_mutex_lock(&p->mu);
      p->live--;
      pthread_mutex_unlock(&p->mu);
      break;
    }
    p->n++;
  }
  return p->n;
}

int pool_wait(struct pool *p, long ms) {
  struct timespec ts;
  int live;
  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_sec += ms / 1000;
  ts.tv_nsec += (ms % 1000) * 1000000L;
  ts.tv_sec += ts.tv_nsec / 1000000000L;
  ts.tv_nsec %= 1000000000L;
  pthread_mutex_lock(&p->mu);
  if (p->live > 0)
    pthread_cond_timedwait(&p->ended, &p->mu, &ts);
  live = p->live;
  pthread_mutex_unlock(&p->mu);
  return live;
}

void pool_join(struct pool *p) {
  int i;
  for (i = 0; i < p->n; i++)
    pthread_join(p->threads[i], NULL);
  free(p->threads);
  free(p->args);
  pthread_cond_destroy(&p->ended);
  pthread_mutex_destroy(&p->mu);
  memset(p, 0, sizeof *p);
}

int queue_init(struct queue *q, size_t cap) {
  memset(q, 0, sizeof *q);
  q->items = calloc(cap ? cap : 1, sizeof *q->items);
  if (!q->items)
    return AJAR_ENOMEM;
  q->cap = cap ? cap : 1;
  pthread_mutex_init(&q->mu, NULL);
  pthread_cond_init(&q->has_item, NULL);
  pthread_cond_init(&q->has_room, NULL);
  return 0;
}

void queue_push(struct queue *q, void *item) {
  pthread_mutex_lock(&q->mu);
  while (q->len == q->cap)
    pthread_cond_wait(&q->has_room, &q->mu);
  q->items[(q->head + q->len) % q->cap] = item;
  q->len++;
  pthread_cond_signal(&q->has_item);
  pthread_mutex_unlock(&q->mu);
}

void *queue_pop(struct queue *q) {
  void *item = NULL;
  pthread_mutex_lock(&q->mu);
  while (!q->len && !q->closed)
    pthread_cond_wait(&q->has_item, &q->mu);
  if (q->len) {
    item = q->items[q->head];
    q->head = (q->head + 1) % q->cap;
    q->len--;
    pthread_cond_signal(&q->has_room);
  }
  pthread_mutex_unlock(&q->mu);
  return item;
}

void queue_close(struct queue *q) {
  pthread_mutex_lock(&q->mu);
  q->closed = 1;
  pthread_cond_broadcast(&q->has_item);
  pthread_mutex_unlock(&q->mu);
}

void queue_fini(struct queue *q) {
  if (!q->items)
    return;
  free(q->items);
  pthread_cond_destroy(&q->has_item);
  pthread_cond_destroy(&q->has_room);
  pthread_mutex_destroy(&q->mu);
  memset(q, 0, sizeof *q);
}
