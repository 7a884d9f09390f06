/* Unit tests for src/lib/record/sqldump.c: hand-written dumps of each
 * dialect (mysqldump, pg_dump COPY and INSERT, sqlite3 .dump, MSSQL)
 * and their edge cases (escapes, hex, _binary, multi-row, COPY escapes,
 * comments, dollar quoting), each read whole and cut into 1-byte and
 * 7-byte chunks: the records must be the same. */
#include <stdlib.h>
#include <string.h>
#include "classify/shape.h" /* ajar_have_avx2 */
#include "record/sqldump.h"
#include "unit.h"

#define MAX_TABLES 8
#define MAX_FIELDS 32

struct rtable {
  char name[64];
  char fields[MAX_FIELDS][32];
  unsigned nf;
  struct rec_sink sink;
  struct recorder *r;
};

struct recorder {
  struct rtable t[MAX_TABLES];
  unsigned nt;
  char out[8192];
  size_t n;
  int in_record;
};

static void put(struct recorder *r, const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n && r->n + 3 < sizeof r->out; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') { r->out[r->n++] = '<'; r->out[r->n++] = '>'; }
    else if (c < 0x20) r->out[r->n++] = '?';
    else r->out[r->n++] = (char)c;
  }
  r->out[r->n] = 0;
}

static uint32_t t_child(void *ctx, uint32_t parent, const char *key, size_t n,
                        int is_array) {
  struct rtable *t = ctx;
  unsigned i;
  (void)parent;
  (void)is_array;
  for (i = 0; i < t->nf; i++)
    if (strlen(t->fields[i]) == n && !memcmp(t->fields[i], key, n)) return i + 1;
  if (t->nf == MAX_FIELDS || n >= sizeof t->fields[0]) return REC_NONE;
  memcpy(t->fields[t->nf], key, n);
  t->fields[t->nf][n] = 0;
  return ++t->nf;
}

static void t_value(void *ctx, uint32_t field, enum value_kind kind,
                    const char *v, size_t n) {
  struct rtable *t = ctx;
  struct recorder *r = t->r;
  if (!r->in_record) {
    put(r, t->name, strlen(t->name));
    r->in_record = 1;
  }
  put(r, "|", 1);
  if (field >= 1 && field <= t->nf) put(r, t->fields[field - 1], strlen(t->fields[field - 1]));
  put(r, kind == VK_NUMBER ? "=N" : kind == VK_BOOL ? "=B" : "=", kind == VK_STRING ? 1 : 2);
  put(r, v, n);
}

static void t_end(void *ctx, int malformed) {
  struct rtable *t = ctx;
  struct recorder *r = t->r;
  if (!r->in_record) put(r, t->name, strlen(t->name));
  if (malformed) put(r, "|!", 2);
  if (r->n + 1 < sizeof r->out) r->out[r->n++] = '\n';
  r->out[r->n] = 0;
  r->in_record = 0;
}

static const struct rec_sink *r_open(void *ctx, const char *name, size_t n) {
  struct recorder *r = ctx;
  unsigned i;
  struct rtable *t;
  for (i = 0; i < r->nt; i++)
    if (strlen(r->t[i].name) == n && !memcmp(r->t[i].name, name, n)) return &r->t[i].sink;
  if (r->nt == MAX_TABLES || n >= sizeof r->t[0].name) return NULL;
  t = &r->t[r->nt++];
  memcpy(t->name, name, n);
  t->name[n] = 0;
  t->r = r;
  t->sink.ctx = t;
  t->sink.child = t_child;
  t->sink.value = t_value;
  t->sink.end_record = t_end;
  return &t->sink;
}

/* the records of dump read in chunks of `step` bytes (0: whole) */
static int run(const char *dump, size_t step, struct recorder *r, char *err,
               size_t errlen) {
  struct rec_sink top;
  struct sqldump *d;
  size_t len = strlen(dump), i;
  int rc;
  memset(r, 0, sizeof *r);
  memset(&top, 0, sizeof top);
  top.ctx = r;
  top.open = r_open;
  if (sqldump_new(&top, &d)) return -100;
  if (!step) step = len ? len : 1;
  for (i = 0; i < len; i += step) {
    /* a heap copy of each chunk, so reading past it is caught by ASan */
    size_t k = len - i < step ? len - i : step;
    char *c = malloc(k);
    memcpy(c, dump + i, k);
    sqldump_feed(d, c, k);
    free(c);
  }
  rc = sqldump_finish(d);
  snprintf(err, errlen, "%s", sqldump_error(d));
  sqldump_free(d);
  return rc;
}

struct dcase {
  const char *name;
  const char *dump;
  const char *want;   /* records, one a line */
  int rc;             /* sqldump_finish */
};

static const struct dcase cases[] = {
    {"a number's x is remembered across chunks: 0x41e-- is a number and a comment",
     "INSERT INTO t VALUES (0x41e--'x',1\n,2);\n", "t|column1=A|column2=N2\n", 0},
    {"mysqldump: backquotes, extended insert, escapes, NULL, numbers",
     "-- MySQL dump 10.19  Distrib 10.11.19-MariaDB\n"
     "/*!40101 SET NAMES utf8mb4 */;\n"
     "DROP TABLE IF EXISTS `residents`;\n"
     "CREATE TABLE `residents` (\n"
     "  `id` int(11) NOT NULL,\n"
     "  `name` varchar(64) NOT NULL DEFAULT 'x,y',\n"
     "  `phone` varchar(16) DEFAULT NULL,\n"
     "  PRIMARY KEY (`id`),\n"
     "  KEY `k` (`name`,`phone`)\n"
     ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
     "LOCK TABLES `residents` WRITE;\n"
     "/*!40000 ALTER TABLE `residents` DISABLE KEYS */;\n"
     "INSERT INTO `residents` VALUES (1,'O\\'Brien, \\\"Pat\\\"','13800138000'),"
     "(2,'a\\\\b\\nc',NULL),(-3,'it''s',-1.5e-3);\n"
     "UNLOCK TABLES;\n",
     "residents|id=N1|name=O'Brien, \"Pat\"|phone=13800138000\n"
     "residents|id=N2|name=a\\b<>c\n"
     "residents|id=N-3|name=it's|phone=N-1.5e-3\n",
     0},
    {"mysql: _binary, hex literals, column list, REPLACE, ON DUPLICATE KEY",
     "INSERT INTO `t` (`b`,`h`,`x`) VALUES (_binary 'abc',0x3133383030,X'4142'),"
     "(_binary '\\0\\0',0x00FF,x'');\n"
     "REPLACE INTO `t` (`h`) VALUES ('r') ON DUPLICATE KEY UPDATE h='z';\n"
     "INSERT IGNORE INTO `db2`.`u` VALUES (CAST('2020-01-01' AS DATE), 'v');\n",
     "t|b=abc|h=13800|x=AB\n"
     "t|x=\n"
     "t|h=r\n"
     "db2.u|column1=2020-01-01|column2=v\n",
     0},
    {"USE gives unqualified tables their database",
     "CREATE DATABASE `smartcity`;\nUSE `smartcity`;\n"
     "CREATE TABLE `p` (`a` varchar(2), `b` int);\n"
     "INSERT INTO `p` VALUES ('x',1);\n",
     "smartcity.p|a=x|b=N1\n", 0},
    {"pg_dump: COPY with escapes, \\N, typed columns, \\.",
     "--\n-- PostgreSQL database dump\n--\n"
     "SET standard_conforming_strings = on;\n"
     "SELECT pg_catalog.set_config('search_path', '', false);\n"
     "CREATE FUNCTION public.f() RETURNS trigger LANGUAGE plpgsql AS $_$\n"
     "BEGIN INSERT INTO x VALUES ('no'); RETURN NEW; END; $_$;\n"
     "CREATE TABLE public.people (\n    id integer NOT NULL,\n"
     "    name text,\n    ok boolean,\n    score double precision,\n"
     "    tags text[]\n);\n"
     "COPY public.people (id, name, ok, score, tags) FROM stdin;\n"
     "1\tAnn\\tLee\tt\t1.5\t{a,b}\n"
     "2\t\\N\tf\t\\N\t\\\\x\n"
     "3\tline\\nbreak \\101\\x42\\N\t\\N\t\\N\t\n"
     "\\.\n"
     "INSERT INTO public.people VALUES (4, 'C:\\path', true, 2, NULL);\n",
     "public.people|id=N1|name=Ann?Lee|ok=Btrue|score=N1.5|tags={a,b}\n"
     "public.people|id=N2|ok=Bfalse|tags=\\x\n"
     "public.people|id=N3|name=line<>break ABN|tags=\n"
     "public.people|id=N4|name=C:\\path|ok=Btrue|score=N2\n",
     0},
    {"pg_dump --column-inserts, E'' strings, OVERRIDING SYSTEM VALUE, \\connect",
     "\\connect smartcity\n"
     "INSERT INTO public.r (id, note) OVERRIDING SYSTEM VALUE VALUES (1, E'a\\'b');\n"
     "INSERT INTO public.r (note, id) VALUES ('x''y', 2);\n",
     "smartcity.public.r|id=N1|note=a'b\n"
     "smartcity.public.r|note=x'y|id=N2\n",
     0},
    {"sqlite3 .dump",
     "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"
     "CREATE TABLE residents(id INTEGER PRIMARY KEY, name TEXT, data BLOB);\n"
     "INSERT INTO residents VALUES(1,'Zoë','back\\slash');\n"
     "INSERT INTO \"residents\" VALUES(2,replace('a\\nb','\\n',char(10)),X'414243');\n"
     "CREATE TABLE sqlite_sequence(name,seq);\n"
     "INSERT INTO sqlite_sequence VALUES('residents',2);\n"
     "COMMIT;\n",
     "residents|id=N1|name=Zoë|data=back\\slash\n"
     "residents|id=N2|name=a<>b|data=ABC\n",
     0},
    {"MSSQL: brackets, N'', no semicolons, GO",
     "SET IDENTITY_INSERT [dbo].[Users] ON\nGO\n"
     "INSERT [dbo].[Users] ([Id], [Full Name], [Mail]) VALUES (1, N'Ann', N'a@b.c')\n"
     "INSERT [dbo].[Users] ([Id], [Full Name], [Mail]) VALUES (2, N'Bob]', NULL)\n"
     "GO\n",
     "dbo.Users|Id=N1|Full Name=Ann|Mail=a@b.c\n"
     "dbo.Users|Id=N2|Full Name=Bob]\n",
     0},
    {"comments and strings hide statements",
     "-- INSERT INTO a VALUES (1);\n/* INSERT INTO b VALUES (2); */\n"
     "SELECT 'INSERT INTO c VALUES (3);';\n"
     "INSERT INTO d VALUES ('-- not a comment', '/* nor this */');\n",
     "d|column1=-- not a comment|column2=/* nor this */\n", 0},
    {"a dump cut inside a row",
     "INSERT INTO t VALUES (1,'a'),(2,'b", "t|column1=N1|column2=a\nt|column1=N2|!\n",
     -1},
    {"a dump cut inside COPY data",
     "COPY t (a) FROM stdin;\nx\ny", "t|a=x\nt|a=y|!\n", -1},
    {"a row that meets a semicolon",
     "INSERT INTO t VALUES (1,(2;\nINSERT INTO t VALUES (3);\n",
     "t|column1=N1|column2=N2|!\nt|column1=N3\n", 0},
};

static void test_case(const struct dcase *c) {
  static const size_t steps[] = {0, 1, 7};
  struct recorder *r = malloc(sizeof *r);
  char err[200];
  size_t i;
  for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    int rc = run(c->dump, steps[i], r, err, sizeof err);
    CHECKF(!strcmp(r->out, c->want), "%s, chunks of %zu:\n--- got\n%s--- want\n%s",
           c->name, steps[i], r->out, c->want);
    CHECKF((rc != 0) == (c->rc != 0), "%s, chunks of %zu: rc %d", c->name,
           steps[i], rc);
    CHECKF(!rc || (err[0] && !strchr(err, '\n')), "%s: error line '%s'", c->name, err);
  }
  free(r);
}

/* Random INSERT rows, of values the fast path of rows (rows_fast) takes
 * and of values next to them that it must leave to the token-by-token
 * path: read whole (the fast path for most values) and 1 byte at a time
 * (the token-by-token path for nearly all), the records, the error and
 * the line numbers must be the same. Values 16 and 32 bytes long and
 * around those lengths test the 16-byte steps. */
static void test_random_rows(void) {
  static const char *const vals[] = {
      "1", "-2.5", "0", "'ann'", "''", "'a,b)c'", "NULL", "null",
      /* 16-byte steps of the string and number scans */
      "'0123456789abcde'", "'0123456789abcdef'", "'0123456789abcdef0123456789abcdef,'",
      "12345678901234567890.5", "-123456789012345.", "NuLl", "'O''Brien'",
      "'0123456789abcdef\\'x'", "'0123456789abcdef''x'", "12345678901234567e1",
      "'0123456789abcdef\nx'", "1234567890123456)", "'0123456789abcdefg",
      "'it\\'s'", "'a\\\\b\\n\\tc\\0d\\Z'", "'\\''", "'\\'''x'", "'\\\nq'", "E'e\\'s'", "E'x\\\\y'",
      "'two\nlines'", "0x4142", "1e5", "-.5", "x'4142'",
      "_binary 'ab'", "TRUE", "DEFAULT", "f(1, 'x')", "  'sp'  ", "12abc",
      "'\xe4\xb8\xad'", "- 3", "NULLx", "'unterminated", "(1)", "\n'nl'\n",
  };
  const size_t nv = sizeof vals / sizeof vals[0];
  struct recorder *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  char *dump = malloc(4096), ea[200], eb[200];
  unsigned seed = 99;
  int k;
  for (k = 0; k < 400; k++) {
    size_t n = 0;
    int rows, r, c, rca, rcb;
    seed = seed * 1103515245u + 12345u;
    /* statements into tables with and without column lists, a table
     * defined again: the field of a row position is looked up per
     * statement */
    static const char *const into[] = {"t", "u (b, a, c)", "t (c3, c1)", "t", "v"};
    int st, nst = 1 + k % 3;
    seed = seed * 1103515245u + 12345u;
    if (k % 4 == 0)
      n += (size_t)snprintf(dump + n, 4096 - n, "CREATE TABLE t (a int, b text);\n");
    for (st = 0; st < nst && n < 3000; st++) {
      n += (size_t)snprintf(dump + n, 4096 - n, "%sINSERT INTO %s VALUES ",
                            k % 2 ? "/*!40101 SET NAMES utf8mb4 */;\n" : "",
                            into[(k + st) % 5]);
      if (st && k % 8 == 1)
        n += (size_t)snprintf(dump + n, 4096 - n, "(1);\nCREATE TABLE t (z int, a text);\nINSERT INTO t VALUES ");
      rows = 1 + (int)((seed >> 16) % 4);
      for (r = 0; r < rows && n < 3000; r++) {
        int cols = 1 + (int)((seed >> 8) % 5);
        n += (size_t)snprintf(dump + n, 4096 - n, "%s(", r ? (k % 3 ? "),\n" : "),") : "");
        for (c = 0; c < cols; c++) {
          seed = seed * 1103515245u + 12345u;
          /* mostly plain values, so the fast path runs between the others */
          n += (size_t)snprintf(dump + n, 4096 - n, "%s%s", c ? "," : "",
                                vals[(seed >> 16) % 3 ? (seed >> 20) % 14 : (seed >> 20) % nv]);
        }
      }
      n += (size_t)snprintf(dump + n, 4096 - n, "%s",
                            st + 1 < nst ? ");\n" : k % 5 ? ");\n" : ")");
    }
    rca = run(dump, 0, a, ea, sizeof ea);
    rcb = run(dump, 1, b, eb, sizeof eb);
    CHECKF(!strcmp(a->out, b->out) && rca == rcb && !strcmp(ea, eb),
           "dump %d:\n%s\n--- whole\n%s--- bytes\n%s", k, dump, a->out, b->out);
  }
  /* a string of every byte but the quote, the backslash and the
   * newline, and each of those 40 bytes in: the 32-byte steps of the
   * string scan stop where the byte loop does */
  for (k = 0; k < 4; k++) {
    size_t n = (size_t)snprintf(dump, 4096, "/*!40101 SET NAMES utf8mb4 */;\n"
                                            "INSERT INTO t VALUES ('");
    int c, rca, rcb;
    for (c = 1; c < 256; c++)
      if (c != '\'' && c != '\\' && c != '\n') dump[n++] = (char)c;
    if (k) dump[n - 200 + 40 * k] = "'\\\n"[k - 1];
    /* the error names the line the last string opened on */
    n += (size_t)snprintf(dump + n, 4096 - n, "',1),('%s',2),\n('open",
                          k == 3 ? "\xe4\xb8\xad" : "");
    rca = run(dump, 0, a, ea, sizeof ea);
    rcb = run(dump, 1, b, eb, sizeof eb);
    CHECKF(!strcmp(a->out, b->out) && rca == rcb && !strcmp(ea, eb),
           "all bytes %d:\n--- whole\n%s--- bytes\n%s", k, a->out, b->out);
  }
  free(a);
  free(b);
  free(dump);
}

/* Random soup of SQL pieces (quotes, backslashes, comments, numbers with
 * their x and e, NULL in any case, UTF-8, statement heads) and strings
 * around 16 and 32 bytes, read whole, 1 byte at a time and in chunks of
 * a random size: the records, the error and the line numbers must be
 * the same however the reads cut the dump. A lexer state kept in one
 * chunk's locals (0x41e-- cut after its x, fixed in 016d258) differs
 * in 5 of these 10,000 dumps. */
static void test_chunk_soup(void) {
  static const char *const pieces[] = {
      "'", "'", "\\", "\n", ",", ",", "(", ")", ")", " ", "\t", "\r",
      "NULL", "null", "NuLL", "1", "23", "-", "-4.5", ".", "e", "E", "x",
      "0x41", "0x41e", "1e", "+", "e-", "abc", "0123456789abcdef", "0123456789abcdef0123456789abcdef",
      "\xe4\xb8\xad", "\"", "`", ";", "--", "/*", "*/", "''", "\\'", "\\\\",
      "\\n", "$$", "#", "DEFAULT", "TRUE", "_binary", "X",
      "INSERT INTO t VALUES ", "INSERT INTO u (a,b) VALUES ",
      "CREATE TABLE t (a int, b text);\n",
  };
  const size_t np = sizeof pieces / sizeof pieces[0];
  struct recorder *a = malloc(sizeof *a), *b = malloc(sizeof *b), *c = malloc(sizeof *c);
  char *dump = malloc(2048), ea[200], eb[200], ec[200];
  unsigned seed = 7;
  int k, bad = 0;
  for (k = 0; k < 10000; k++) {
    size_t n = 0, step;
    int v, nv, rca, rcb, rcc, same;
    seed = seed * 1103515245u + 12345u;
    n += (size_t)snprintf(dump, 2048, "%sINSERT INTO t VALUES (",
                          (seed >> 16) & 1 ? "/*!40101 SET NAMES utf8mb4 */;\n" : "");
    nv = 1 + (int)((seed >> 8) % 40);
    for (v = 0; v < nv && n < 1800; v++) {
      seed = seed * 1103515245u + 12345u;
      if ((seed >> 16) % 2 == 0) { /* a piece */
        n += (size_t)snprintf(dump + n, 2048 - n, "%s", pieces[(seed >> 20) % np]);
      } else { /* a string, mostly plain, and the byte after it */
        int j, len = (int)((seed >> 10) % 45);
        dump[n++] = '\'';
        for (j = 0; j < len && n < 1900; j++) {
          unsigned r;
          seed = seed * 1103515245u + 12345u;
          r = (seed >> 16) % 100;
          dump[n++] = r < 2 ? '\\' : r < 3 ? '\'' : r < 4 ? '\n'
                    : r < 6 ? (char)0xe4 : (char)('a' + r % 26);
        }
        dump[n++] = '\'';
        if ((seed >> 24) % 5) {
          dump[n++] = ',';
        } else {
          memcpy(dump + n, "),(", 3);
          n += 3;
        }
      }
    }
    dump[n] = 0;
    step = 1 + (seed >> 20) % 50;
    rca = run(dump, 0, a, ea, sizeof ea);
    rcb = run(dump, 1, b, eb, sizeof eb);
    rcc = run(dump, step, c, ec, sizeof ec);
    same = !strcmp(a->out, b->out) && rca == rcb && !strcmp(ea, eb) &&
           !strcmp(a->out, c->out) && rca == rcc && !strcmp(ea, ec);
    if (!same && bad++ >= 3) { /* counted, not printed again */
      unit_checks++;
      unit_failures++;
    } else {
      CHECKF(same, "soup %d (chunks of %zu):\n%s\n--- whole\n%s--- bytes\n%s--- chunks\n%s",
             k, step, dump, a->out, b->out, c->out);
    }
  }
  free(a);
  free(b);
  free(c);
  free(dump);
}

/* Both builds of the rows' fast path (rows_run: AVX2 where the CPU has
 * it, SSE2) against the token path. */
void test_sqldump(void) {
  int have = ajar_have_avx2, pass;
  size_t i;
  for (pass = 0; pass < 2; pass++) {
    if (pass) { /* the other build, AVX2 only where the CPU runs it */
      ajar_have_avx2 = have ? 0 : __builtin_cpu_supports("avx2");
      if (ajar_have_avx2 == have)
        break;
    }
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
      test_case(&cases[i]);
    test_random_rows();
    test_chunk_soup();
  }
  ajar_have_avx2 = have;
  CHECK(sqldump_sniff("-- MySQL dump 10.19\n", 20));
  CHECK(sqldump_sniff("\n/* x */ CREATE TABLE t (a int);", 31));
  CHECK(sqldump_sniff("PRAGMA foreign_keys=OFF;", 24));
  CHECK(!sqldump_sniff("{\"a\": 1}\n", 9));
  CHECK(!sqldump_sniff("name,phone\nAnn,1\n", 17));
  CHECK(!sqldump_sniff("settings are fine\n", 18));
}
