/* Every cap and timeout of libajar, in one place.
 * A cap that is reached fails cleanly (AJAR_ETOOBIG or a note in the
 * result); nothing that comes from outside is ever unbounded. */
#ifndef AJAR_LIMITS_H
#define AJAR_LIMITS_H

#include <limits.h>

/* records and files */
#define AJAR_MAX_RECORD        (16u << 20) /* one NDJSON line / JSON element / CSV row */
#define AJAR_ZSTD_WINDOW_LOG_MAX 26        /* zstd frames with windows over 64 MiB are refused */
#define AJAR_READ_CHUNK        (1u << 20)  /* bytes read from a file at a time */
#define AJAR_MAX_DEPTH         64          /* JSON nesting walked; deeper is skipped */
#define AJAR_MAX_SKIP_DEPTH    100000      /* nesting even the skipper refuses */
#define AJAR_MAX_FIELDS        4096        /* distinct field paths per collection */
#define AJAR_MAX_PATH          512         /* bytes of a dotted field path */
#define AJAR_MAX_KEY           256         /* bytes of one object key kept */
#define AJAR_MAX_VALUE_SCAN    (64u << 10) /* bytes of one value classified */
#define AJAR_MAX_CSV_COLUMNS   1024
#define AJAR_CSV_MASK_BLOCKS   16          /* 64-byte blocks of a CSV row masked in one pass */
#define AJAR_MEMO_VALUE        24          /* longest value a field remembers */
#define AJAR_MEMO_SLOTS        64          /* values remembered per field at first */
#define AJAR_MEMO_SLOTS_LARGE  256         /* per field that repeats a vocabulary of a couple of hundred (names, cities, words) */
#define AJAR_MEMO_LARGE        128         /* such fields per collection (13 KiB each; 4,096 fields of 64 slots are 13 MiB) */
/* longer values (user agents, log messages that repeat): a few fields
 * of a collection remember many, about 0.9 MB each */
#define AJAR_TEXT_MEMO_VALUE   192         /* longest value remembered so */
#define AJAR_TEXT_MEMO_SLOTS   4096        /* values remembered per such field */
#define AJAR_TEXT_MEMO_WAYS    8           /* slots a value may take (its set) */
#define AJAR_TEXT_MEMOS        2           /* such fields per collection at once */
#define AJAR_KEY_PREDICT       4           /* next keys remembered per field */
#define AJAR_MAX_THREADS       64
#define AJAR_QUEUE_DEPTH       4           /* chunks in flight per worker */
#define AJAR_MAX_DIR_DEPTH     64          /* directories walked below an operand */
/* archives and compressed members (libarchive): a bomb stops the file */
#define AJAR_ARCHIVE_MAX_DEPTH 6           /* archives nested in archives */
#define AJAR_ARCHIVE_MAX_RATIO 200         /* bytes out per byte of the file... */
#define AJAR_ARCHIVE_RATIO_FLOOR (64ull << 20) /* ...once this much came out */
#define AJAR_ARCHIVE_MAX_TOTAL (256ull << 30) /* bytes out of one file at most */
#define AJAR_ARCHIVE_MAX_HELD  (256u << 20) /* a 7z or workbook inside an archive is read in memory */
#define AJAR_SHEET_MAX_STRINGS (64u << 20)  /* bytes of an XLSX's shared strings kept */

/* the ajar tool: -iL, --exclude-file and --scope files (gzip read through) */
#define AJAR_MAX_TARGET_FILE   (256u << 20)

/* dumps and database files read by `ajar files` (record/sqldump.c,
 * record/sqlite.c, record/bson.c) */
#define AJAR_SQL_MAX_TABLES    10000       /* tables (collections) per dump */
#define AJAR_SQL_MAX_COLUMNS   1024        /* columns kept per table */
#define AJAR_SQL_MAX_NAME      256         /* bytes of a (qualified) table name */
#define AJAR_SQL_MAX_NAMES     (4u << 20)  /* bytes of all table and column names */
#define AJAR_SQLITE_MAX_ROWS   100000      /* rows read per SQLite table */
/* an SQLite file that is no plain file (an archive member, compressed,
 * stdin) is copied to a temporary file ($TMPDIR, else /tmp), removed
 * after: at most this many bytes */
#define AJAR_SQLITE_MAX_SPILL  (2ull << 30)
#define AJAR_BSON_MAX_DOC      (16u << 20) /* one BSON document (MongoDB's own cap) */
#define AJAR_BSON_MAX_NESTING  200         /* documents and arrays inside one another */

/* reports read back (ajar report, ajar diff, --baseline) */
#define AJAR_MAX_REPORT        (256u << 20) /* bytes of one JSON report */

/* examples kept per finding (AJAR_EXAMPLES_MAX in ajar.h) are cut to: */
#define AJAR_MAX_EXAMPLE       64

/* network (scan) */
#define AJAR_MAX_RESPONSE      (8u << 20)  /* one HTTP body / protocol reply */
#define AJAR_CONNECT_TIMEOUT_MS 3000
#define AJAR_READ_TIMEOUT_MS    5000
/* a native probe tried on a port that is not its store's (--probe-all)
 * waits at most this long for the peer's first byte: a store answers its
 * own protocol's first request in a round trip; a peer that stays silent
 * to it speaks another (docs/scan.md, "Fingerprinting") */
#define AJAR_FINGERPRINT_WAIT_MS 500
/* the FTP probe's transfer loop waits at most this long between two
 * calls into libcurl: libcurl 7.88 with CURLFTPMETHOD_NOCWD at times
 * reads the EPSV/PASV reply and then waits for nothing, which
 * curl_easy_perform ends only after a whole second (docs/scan.md) */
#define AJAR_FTP_POLL_MS         20
/* ... and this long while it waits on no socket of its own (after an
 * EPSV/PASV reply it connects the data connection only when called
 * again): a step of the loop, not a wait for the peer */
#define AJAR_FTP_IDLE_POLL_MS    1
#define AJAR_TARGET_DEADLINE_MS 60000
#define AJAR_DNS_TIMEOUT_MS     5000        /* one host name lookup */
#define AJAR_MAX_RUNTIME_MS     0           /* whole scan; 0: no limit */
#define AJAR_MAX_HEADER        1024        /* one response header line kept */
#define AJAR_MAX_KEPT_HEADERS  16          /* distinct response headers the probes declare */
#define AJAR_MAX_REDIRS        0           /* redirects are never followed */
#define AJAR_MAX_ERROR         240         /* bytes of a one-line error */

/* targets */
#define AJAR_MAX_RANGE_BITS    24          /* a CIDR spans at most 2^24 addresses
                                              (/8 IPv4, /104 IPv6) */
#define AJAR_MAX_HOSTNAME      253
#define AJAR_MAX_PORT_RANGES   256         /* comma-separated items of -p */
#define AJAR_MAX_NETSET        65536       /* entries of --exclude / --scope */
#define AJAR_MAX_RESOLVED      16          /* addresses kept per host name */
#define AJAR_MAX_TARGET_PATH   1024        /* bytes of a URL target's path */

/* scheduler */
#define AJAR_DEFAULT_CONCURRENCY 32
#define AJAR_MAX_CONCURRENCY   256         /* worker threads */
#define AJAR_DEFAULT_MAX_PER_HOST 4        /* endpoints of one host at once */
#define AJAR_ORDER_KEY         0x616a61725f736361ull /* the scan order's key:
                                              fixed, so runs and shards agree */
#define AJAR_MAX_DEFERRED      1024        /* endpoints set aside while their
                                              host is busy (--max-per-host) */
#define AJAR_PROGRESS_MS       250         /* progress callback period */

/* sampling */
#define AJAR_DEFAULT_SAMPLE    50          /* records per index */
#define AJAR_MAX_SAMPLE        10000
#define AJAR_SAMPLE_PAGE       10          /* hits per _search page */
#define AJAR_ES_RESULT_WINDOW  10000       /* index.max_result_window default */
#define AJAR_MAX_COLLECTIONS   10000       /* indices reported per target */
#define AJAR_ETCD_MAX_KEYS     10000       /* etcd keys listed to find the groups */
#define AJAR_SQL_MAX_DATABASES 64          /* PostgreSQL/MySQL databases opened */
#define AJAR_SQL_MAX_VALUE     (64u << 10) /* bytes of one column value sampled */
#define AJAR_SQL_STATEMENT_MS  10000       /* server-side statement timeout */

/* object stores and file servers (S3, Azure Blob, HTTP directory
 * listings, FTP) */
#define AJAR_OBJ_PREFIX        (1u << 20)  /* bytes read of one object (a Range
                                              read; a server that ignores the
                                              Range is cut off there) */
#define AJAR_OBJ_SAMPLE        8           /* objects read per bucket/listing */
#define AJAR_OBJ_MAX_SIZE_SKIP (16ull << 30) /* a candidate object over this is
                                              still listed, not preferred */
#define AJAR_OBJ_LIST_PAGE     1000        /* keys asked per listing page */
#define AJAR_OBJ_MAX_PAGES     20          /* listing pages per bucket */
#define AJAR_OBJ_MAX_LISTED    20000       /* objects listed per bucket */
#define AJAR_OBJ_MAX_BUCKETS   64          /* buckets/containers listed */
#define AJAR_OBJ_MAX_DIRS      64          /* directories walked per server
                                              (HTTP index, FTP) */
#define AJAR_OBJ_MAX_DEPTH     4           /* directory levels followed */
#define AJAR_OBJ_MAX_LINKS     5000        /* entries parsed per index page */
#define AJAR_OBJ_TRANSFER_MS   20000       /* one FTP listing or read, whole (a
                                              server that trickles) */
#define AJAR_OBJ_MAX_INFLATE   (64u << 20) /* bytes one compressed prefix may
                                              inflate to */
#define AJAR_OBJ_MAX_PARTS     64          /* collections one object's prefix
                                              opens (archive members, tables,
                                              sheets: `key!part`) */

/* native protocols: key-value stores (Redis, memcached) and MongoDB */
#define AJAR_MAX_LINE          4096        /* one protocol line (RESP header,
                                              memcached reply line) */
#define AJAR_MAX_REDIS_ARRAY   100000      /* elements of one RESP array */
#define AJAR_MAX_REDIS_SCAN    100000      /* keys scanned per target */
#define AJAR_MAX_REDIS_SCAN_CALLS 5000     /* SCAN calls per target */
#define AJAR_REDIS_SCAN_COUNT  100         /* SCAN/HSCAN/SSCAN COUNT hint */
#define AJAR_MAX_REDIS_FIELDS  1000        /* hash fields / list elements read
                                              per key */
#define AJAR_MAX_REDIS_DBS     16          /* numbered databases enumerated */
#define AJAR_MAX_MEMCACHED_KEYS 100000     /* metadump lines read per target */
#define AJAR_MAX_MONGO_MESSAGE ((16u << 20) + (1u << 20)) /* one wire message:
                                              16 MiB BSON + the server's
                                              internal headroom */
#define AJAR_MONGO_BATCH       100         /* cursor batch size (listings) */

/* The fuzz tree (AJAR_FUZZ=ON with clang defines libFuzzer's
 * FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION): the same caps, smaller, so
 * an input that inflates (a gzip or zstd bomb), repeats or declares a
 * huge window reaches its cap in microseconds instead of tens of
 * milliseconds; every check stays, at the smaller size. Never in a
 * build that ships (tools/build, tools/test replay the corpora at the
 * sizes above). */
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#undef AJAR_MAX_RECORD
#define AJAR_MAX_RECORD        (64u << 10)
#undef AJAR_READ_CHUNK
#define AJAR_READ_CHUNK        (4u << 10)  /* inputs cross chunk edges */
#undef AJAR_ZSTD_WINDOW_LOG_MAX
#define AJAR_ZSTD_WINDOW_LOG_MAX 20
#undef AJAR_OBJ_MAX_INFLATE
#define AJAR_OBJ_MAX_INFLATE   (64u << 10)
#undef AJAR_MAX_RESPONSE
#define AJAR_MAX_RESPONSE      (1u << 20)
#undef AJAR_MAX_FIELDS
#define AJAR_MAX_FIELDS        256         /* reached by a fuzzer's input */
#undef AJAR_MAX_CSV_COLUMNS
#define AJAR_MAX_CSV_COLUMNS   64
#endif

#endif
