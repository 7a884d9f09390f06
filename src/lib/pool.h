/* Internal: the one worker pool (files and scans) and the bounded queue
 * that feeds it. */
#ifndef AJAR_POOL_H
#define AJAR_POOL_H
#include <pthread.h>
#include <stddef.h>

/* n threads, each running fn(ctx, i) once, i = 0..n-1 */
struct pool {
  pthread_t *threads;
  int n;       /* started */
  int live;    /* not returned yet */
  pthread_mutex_t mu;
  pthread_cond_t ended;
  void (*fn)(void *ctx, int i);
  void *ctx;
  struct pool_arg *args;
};

/* Start up to n threads: the number started (0 when none could be;
 * what started runs and must be joined). */
int pool_start(struct pool *p, int n, void (*fn)(void *ctx, int i), void *ctx);
/* Wait until every thread returned or ms milliseconds passed: the number
 * still running. */
int pool_wait(struct pool *p, long ms);
/* Wait for every thread and free the pool */
void pool_join(struct pool *p);

/* A bounded queue of pointers: push blocks while full, pop while empty. */
struct queue {
  pthread_mutex_t mu;
  pthread_cond_t has_item, has_room;
  void **items;
  size_t cap, head, len;
  int closed;
};

int queue_init(struct queue *q, size_t cap); /* 0 or AJAR_ENOMEM */
void queue_push(struct queue *q, void *item);
/* the oldest item; NULL once the queue is closed and empty */
void *queue_pop(struct queue *q);
/* no more pushes: pop drains what is left, then returns NULL */
void queue_close(struct queue *q);
void queue_fini(struct queue *q);
#endif
