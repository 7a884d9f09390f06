/* Format sniffing: the extension (or --input-format) is a hint; the first
 * bytes decide between JSON forms, delimited rows and text. */
#include <string.h>
#include <strings.h>
#include "record/bson.h"
#include "record/sniff.h"
#include "record/sqldump.h"
#include "record/sqlite.h"

static int ends_with(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && !strncasecmp(s + n - k, suf, k);
}

int sniff_hint(const char *path, const char *forced) {
  size_t n = strlen(path);
  if (forced) {
    if (!strcmp(forced, "ndjson") || !strcmp(forced, "jsonl")) return FMT_NDJSON;
    if (!strcmp(forced, "json")) return FMT_SNIFF_JSON;
    if (!strcmp(forced, "csv")) return FMT_CSV;
    if (!strcmp(forced, "tsv")) return FMT_TSV;
    if (!strcmp(forced, "text")) return FMT_TEXT;
    if (!strcmp(forced, "sql")) return FMT_SQL;
    if (!strcmp(forced, "bson")) return FMT_BSON;
    if (!strcmp(forced, "sqlite")) return FMT_SQLITE;
    return FMT_UNKNOWN;
  }
  if (ends_with(path, n, ".gz")) n -= 3;
  else if (ends_with(path, n, ".zst")) n -= 4;
  else if (ends_with(path, n, ".zstd")) n -= 5;
  if (ends_with(path, n, ".ndjson") || ends_with(path, n, ".jsonl")) return FMT_NDJSON;
  if (ends_with(path, n, ".json")) return FMT_SNIFF_JSON;
  if (ends_with(path, n, ".csv")) return FMT_CSV;
  if (ends_with(path, n, ".tsv") || ends_with(path, n, ".tab")) return FMT_TSV;
  if (ends_with(path, n, ".txt") || ends_with(path, n, ".log")) return FMT_TEXT;
  if (ends_with(path, n, ".sql")) return FMT_SQL;
  /* .bson, .sqlite, .db: the magic bytes decide (sniff_format) */
  return FMT_SNIFF;
}

/* whether the first line of b is one complete JSON object */
static int first_line_is_object(const char *b, size_t n) {
  size_t i;
  int depth = 0, in_str = 0, esc = 0;
  for (i = 0; i < n; i++) {
    char c = b[i];
    if (in_str) {
      if (esc) esc = 0;
      else if (c == '\\') esc = 1;
      else if (c == '"') in_str = 0;
      continue;
    }
    if (c == '"') in_str = 1;
    else if (c == '{' || c == '[') depth++;
    else if (c == '}' || c == ']') {
      if (--depth == 0) return 1;
    } else if (c == '\n') return 0;
  }
  return 0;
}

enum file_format sniff_format(const char *b, size_t n, int hint) {
  size_t i = 0, tabs = 0, commas = 0;
  /* database files by their magic bytes, whatever the name says */
  if (sqlite_sniff(b, n))
    return FMT_SQLITE;
  if (hint == FMT_BSON || (hint == FMT_SNIFF && bsondump_sniff(b, n)))
    return FMT_BSON;
  if (n >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) /* byte order mark */
    i = 3;
  while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
    i++;
  if (hint >= 0)
    return (enum file_format)hint;
  if (i < n && b[i] == '[')
    return FMT_JSON_ARRAY;
  if (i < n && b[i] == '{')
    return first_line_is_object(b + i, n - i) ? FMT_NDJSON : FMT_JSON_DOC;
  if (hint == FMT_SNIFF_JSON)
    return FMT_JSON_DOC;
  if (sqldump_sniff(b + i, n - i))
    return FMT_SQL;
  for (; i < n && b[i] != '\n'; i++) {
    tabs += b[i] == '\t';
    commas += b[i] == ',' || b[i] == ';';
  }
  if (tabs) return FMT_TSV;
  if (commas) return FMT_CSV;
  return FMT_TEXT;
}

int sniff_container(const char *b, size_t n) {
  static const struct { const char *magic; size_t len; } m[] = {
      {"PK\x03\x04", 4},         {"PK\x05\x06", 4},     /* zip, empty zip */
      {"7z\xBC\xAF\x27\x1C", 6}, {"Rar!\x1A\x07", 6},   /* 7z, rar */
      {"\x1F\x8B", 2},           {"\x28\xB5\x2F\xFD", 4}, /* gzip, zstd */
      {"BZh", 3},                {"\xFD" "7zXZ\x00", 6},   /* bzip2, xz */
      {"\x04\x22\x4D\x18", 4},                          /* lz4 */
  };
  size_t i;
  for (i = 0; i < sizeof m / sizeof m[0]; i++)
    if (n >= m[i].len && !memcmp(b, m[i].magic, m[i].len))
      return 1;
  return n >= 262 && !memcmp(b + 257, "ustar", 5); /* tar (POSIX, GNU) */
}

int sniff_binary(const char *b, size_t n) {
  size_t i, ctl = 0;
  if (n > 4096) n = 4096;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)b[i];
    if (c == 0) return 1;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ctl++;
  }
  return n && ctl * 10 > n;
}

int sniff_ole2(const char *b, size_t n) {
  return n >= 8 && !memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}
