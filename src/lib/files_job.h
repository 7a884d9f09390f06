/* Internal to `ajar files`: the job that reads one file, its parts, the
 * workers that walk its records, and the streams its bytes come in.
 *   files.c          entry points; the parts' collections into the report
 *   files_stream.c   a stream: sniff, frame, dispatch to a walker
 *   files_archive.c  archives, compressed streams and workbooks
 *   files_workers.c  parts and their sinks; records in batches to workers
 *   files_relay.c    an SQL dump's rows to the workers (-j N)
 */
#ifndef AJAR_FILES_JOB_H
#define AJAR_FILES_JOB_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "collection.h"
#include "files.h"
#include "pool.h"
#include "record/csv.h"
#include "record/framer.h"
#include "record/reader.h"
#include "record/sniff.h"

struct batch;
struct relay;

/* A part of the file with a collection of its own: 0 is the file itself;
 * others are opened by walkers. Read by workers, written before they
 * see it (the name) or by the main thread alone (the rest). */
struct part {
  char *name;             /* as reported */
  enum file_format fmt;
  struct csv_header hdr;
  int have_header;
  int container;          /* an archive: its members are parts of their own */
  int binary;             /* a member no walker reads */
  struct relay *relay;    /* its SQL rows to the workers (files_relay.c) */
  uint64_t too_large, first_too_large;
};

struct worker;

/* one worker's collection of one part, and the walkers' state for it */
struct file_sink {
  struct coll_sink k;     /* first: the sink's ctx is this struct */
  struct worker *w;
  uint32_t part;
  struct csv_walker csv;
  uint64_t malformed, first_bad;
};

struct job;

struct worker {
  struct job *j;
  struct ajar_scratch *s;
  int lent_scratch;         /* s is the caller's (files_classify_buffer) */
  struct file_sink **sinks; /* by part */
  uint32_t n_sinks;
};

struct job {
  const char *path;
  const struct ajar_db *db;
  const struct ajar_files_opts *opts;
  pthread_mutex_t parts_mu; /* n_parts and parts[] when threaded */
  struct part **parts;      /* AJAR_MAX_COLLECTIONS entries */
  uint32_t n_parts;
  struct reader *rd;
  uint32_t cur_part;        /* the part being framed */
  struct worker main_w;
  struct worker *workers;
  struct pool pool;
  struct queue work, idle;  /* full batches to the workers, empty ones back */
  struct ajar_collection *ext_col; /* part 0's collection, the caller's */
  struct batch *cur;
  int threaded, nthreads;
  int fmt_hint;
  int binary;             /* the data is binary: no walker reads it (2: a
                             format named unsupported, files.h) */
  /* archives: bytes in (the file) and out (members), for the bomb caps */
  uint64_t arc_in, arc_out;
  int bomb;               /* a cap was hit: nothing more is read */
  uint64_t binary_members;
  int cut;                /* the input is a prefix: its last, unfinished
                             record is not classified */
  uint32_t max_parts;     /* parts at most (0: AJAR_MAX_COLLECTIONS) */
  int parts_full;         /* a part past max_parts was not opened */
};

/* Where a stream's bytes come from, as reader_read: 0 at the end,
 * negative on failure with the reason in err. */
typedef ssize_t (*src_fn)(void *ctx, char *buf, size_t cap, char *err,
                          size_t errlen);

struct stream {
  struct job *j;
  uint32_t part;          /* where its records go */
  int depth;              /* archives it is inside */
  int hint;               /* sniff_hint of its name */
  int book_hint;          /* its name says XLSX or ODS */
  const char *name;       /* the file's path, or the member's name */
  src_fn read;
  void *ctx;
  struct framer fr;
  char *win;
  size_t wlen, wcap;
  const void *map;        /* a plain file: the whole file, mapped */
  size_t map_len, base, released;
  int skipping;
};

/* files_workers.c */
/* the id of the part `name` inside part parent, made on first use;
 * UINT32_MAX past AJAR_MAX_COLLECTIONS or without memory */
uint32_t part_open(struct job *j, uint32_t parent, const char *name,
                   size_t n);
/* w's sink for part (created on first use), or NULL without memory */
struct file_sink *sink_for(struct worker *w, uint32_t part);
/* a worker with a scratch of its own; fini frees its collections */
int worker_init(struct worker *w, struct job *j);
void worker_fini(struct worker *w);
/* one framed record of the part being framed (j->cur_part): walked here,
 * or batched for the workers when threaded; 0 or AJAR_ENOMEM */
int on_record(struct job *j, const char *p, size_t n, uint64_t line);
/* on_record for every complete record fr finds in b[0, len) (the first
 * dropped when *skipping, which it clears); 0 or AJAR_ENOMEM */
int on_records(struct job *j, struct framer *fr, const char *b, size_t len,
               int *skipping);
/* n workers started, batches ready */
int pool_begin(struct job *j, int n);
/* join the workers and merge their collections into the main worker's */
int pool_finish(struct job *j);

/* files_relay.c */
/* the sink that hands part's SQL rows to the workers (made on first
 * use), or NULL without memory */
const struct rec_sink *relay_sink(struct job *j, uint32_t part);
void relays_free(struct job *j);
/* one row a relay encoded, into k: a record */
void sqlrow_walk(const struct rec_sink *k, const char *p, size_t n);

/* files_stream.c */
/* Read, frame and walk the stream; returns a one-line error or NULL */
const char *stream_run(struct stream *st, char *err, size_t errlen);
/* a src_fn over a struct reader */
ssize_t read_reader(void *ctx, char *buf, size_t cap, char *err, size_t errlen);

/* files_archive.c */
/* whether a file name says XLSX or ODS */
int book_name(const char *name);
/* The stream st, whose first `have` bytes are in st->win, is an archive
 * or a compressed stream: each member (regular file) a stream of its own
 * into part "parent!member", or into st's part when the stream is only
 * compressed. Returns the first error, or NULL. */
const char *arc_stream(struct stream *st, size_t have, char *err,
                       size_t errlen);

#endif
