/* Spreadsheet walker: XLSX (Office Open XML) and ODS (OpenDocument),
 * read with libarchive (the zip) and libxml2's streaming reader, so a
 * sheet of any size costs the memory of one row.
 *
 * XLSX: xl/workbook.xml names the sheets and their relationship ids,
 * xl/_rels/workbook.xml.rels maps those to parts, xl/sharedStrings.xml
 * holds the strings cells refer to by index (read first, up to a cap).
 * ODS: content.xml holds every table. No DTD, entity or network is ever
 * loaded (XML_PARSE_NONET, no XML_PARSE_NOENT/DTDLOAD).
 */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include "record/xlsx.h"

#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                  XML_PARSE_COMPACT | XML_PARSE_HUGE)

/* an archive over the zip, positioned before its first entry */
static struct archive *zip_open(const void *zip, size_t len) {
  struct archive *a = archive_read_new();
  if (!a)
    return NULL;
  archive_read_support_format_zip(a);
  if (archive_read_open_memory(a, zip, len) != ARCHIVE_OK) {
    archive_read_free(a);
    return NULL;
  }
  return a;
}

int sheet_is_workbook(const void *zip, size_t len) {
  const char *z = zip;
  struct archive *a;
  struct archive_entry *e;
  int found = 0;
  if (len < 4 || memcmp(z, "PK\x03\x04", 4))
    return 0;
  if (len > 30 + 8 + 46 &&
      !memcmp(z + 30, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet", 54))
    return 2;
  if (!(a = zip_open(zip, len)))
    return 0;
  /* the zip's own entries (its directory), not bytes of a member */
  while (!found && archive_read_next_header(a, &e) == ARCHIVE_OK) {
    const char *name = archive_entry_pathname(e);
    found = name && !strcmp(name, "xl/workbook.xml");
  }
  archive_read_free(a);
  return found;
}

/* ---- reading zip parts ---------------------------------------------- */
struct part_io {
  struct archive *a;
};

static int io_read(void *ctx, char *buf, int len) {
  la_ssize_t got = archive_read_data(((struct part_io *)ctx)->a, buf, (size_t)len);
  return got < 0 ? -1 : (int)got;
}

static int io_close(void *ctx) {
  (void)ctx;
  return 0;
}

/* the current entry as an XML reader */
static xmlTextReaderPtr xml_of_entry(struct part_io *io) {
  return xmlReaderForIO(io_read, io_close, io, NULL, NULL, XML_OPTS);
}

static int is(const xmlChar *a, const char *b) {
  return a && !strcmp((const char *)a, b);
}

/* the local name of the reader's node */
static const xmlChar *lname(xmlTextReaderPtr r) {
  return xmlTextReaderConstLocalName(r);
}

/* ---- a sheet's rows into records ------------------------------------ */
struct rows {
  const struct rec_sink *k;     /* the sheet's collection */
  char **hdr;                   /* names by column, from the first row */
  size_t n_hdr;
  int have_hdr;
  uint32_t *cols;               /* field per column, 0: not looked up */
  /* the row being read */
  char **cell;
  size_t *cell_len;
  size_t n_cells;
  size_t bytes;
};

static void rows_init(struct rows *r, const struct rec_sink *k) {
  memset(r, 0, sizeof *r);
  r->k = k;
  r->cell = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *r->cell);
  r->cell_len = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *r->cell_len);
  r->cols = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *r->cols);
  r->hdr = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *r->hdr);
}

static void row_clear(struct rows *r) {
  size_t i;
  for (i = 0; i < r->n_cells; i++) {
    free(r->cell[i]);
    r->cell[i] = NULL;
    r->cell_len[i] = 0;
  }
  r->n_cells = 0;
  r->bytes = 0;
}

static void rows_free(struct rows *r) {
  size_t i;
  row_clear(r);
  for (i = 0; i < r->n_hdr; i++)
    free(r->hdr[i]);
  free(r->hdr);
  free(r->cell);
  free(r->cell_len);
  free(r->cols);
}

/* cell col of the current row is v (copied, within the record cap) */
static void row_set(struct rows *r, size_t col, const char *v, size_t n) {
  if (!r->cell || col >= AJAR_MAX_CSV_COLUMNS || r->cell[col])
    return;
  if (n > AJAR_MAX_VALUE_SCAN)
    n = AJAR_MAX_VALUE_SCAN;
  if (r->bytes + n > AJAR_MAX_RECORD)
    return;
  if (!(r->cell[col] = malloc(n + 1)))
    return;
  memcpy(r->cell[col], v, n);
  r->cell[col][n] = 0;
  r->cell_len[col] = n;
  r->bytes += n;
  if (col + 1 > r->n_cells)
    r->n_cells = col + 1;
}

/* the row is complete: the header, or a record */
static void row_end(struct rows *r) {
  size_t i, any = 0;
  for (i = 0; i < r->n_cells; i++)
    any += r->cell[i] && r->cell_len[i];
  if (!any || !r->cols || !r->hdr) {
    row_clear(r);
    return;
  }
  if (!r->have_hdr) {
    r->have_hdr = 1;
    for (i = 0; i < r->n_cells; i++) {
      r->hdr[i] = r->cell[i]; /* kept */
      r->cell[i] = NULL;
    }
    r->n_hdr = r->n_cells;
    row_clear(r);
    return;
  }
  for (i = 0; i < r->n_cells; i++) {
    if (!r->cell[i])
      continue;
    if (!r->cols[i]) {
      char name[32];
      const char *h = i < r->n_hdr && r->hdr[i] && r->hdr[i][0] ? r->hdr[i] : NULL;
      size_t hl = h ? strlen(h) : 0;
      if (!h) {
        hl = (size_t)snprintf(name, sizeof name, "column%zu", i + 1);
        h = name;
      }
      r->cols[i] = rec_child(r->k, REC_ROOT, h, hl > AJAR_MAX_KEY ? AJAR_MAX_KEY : hl, 0);
    }
    rec_value(r->k, r->cols[i], VK_STRING, r->cell[i], r->cell_len[i]);
  }
  rec_end(r->k, 0);
  row_clear(r);
}

/* "BC12" -> column 54 (0-based); -1 when there is no letter */
static long cell_col(const xmlChar *ref) {
  long c = 0;
  int any = 0;
  for (; ref && *ref >= 'A' && *ref <= 'Z'; ref++, any = 1)
    c = c * 26 + (*ref - 'A' + 1);
  return any ? c - 1 : -1;
}

/* ---- XLSX ------------------------------------------------------------ */
struct strings {
  char **s;
  size_t n, cap, bytes;
};

static void strings_add(struct strings *t, const char *v, size_t n) {
  char *c;
  if (t->n == t->cap) {
    size_t nc = t->cap ? t->cap * 2 : 1024;
    char **ns = realloc(t->s, nc * sizeof *ns);
    if (!ns)
      return;
    t->s = ns;
    t->cap = nc;
  }
  if (t->bytes + n > AJAR_SHEET_MAX_STRINGS) {
    t->s[t->n++] = NULL; /* over the cap: kept as an empty string */
    return;
  }
  if ((c = malloc(n + 1))) {
    memcpy(c, v, n);
    c[n] = 0;
    t->bytes += n;
  }
  t->s[t->n++] = c;
}

/* the text below the current element, appended to buf (cap bytes) */
static size_t text_of(xmlTextReaderPtr r, char *buf, size_t cap, size_t k,
                      const char *elem) {
  int depth = xmlTextReaderDepth(r);
  if (xmlTextReaderIsEmptyElement(r))
    return k;
  while (xmlTextReaderRead(r) == 1) {
    int t = xmlTextReaderNodeType(r);
    if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth &&
        is(lname(r), elem))
      break;
    if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
        t == XML_READER_TYPE_CDATA) {
      const char *v = (const char *)xmlTextReaderConstValue(r);
      size_t n = v ? strlen(v) : 0;
      if (k + n > cap)
        n = cap - k;
      memcpy(buf + k, v, n);
      k += n;
    }
  }
  return k;
}

static void read_shared(xmlTextReaderPtr r, struct strings *t, char *buf,
                        size_t cap) {
  while (xmlTextReaderRead(r) == 1)
    if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT && is(lname(r), "si")) {
      size_t n = text_of(r, buf, cap, 0, "si");
      strings_add(t, buf, n);
    }
}

struct sheet_ref {
  char *name, *rid, *target;
};

struct book {
  struct sheet_ref *sheets;
  size_t n;
  struct strings strs;
};

static void read_workbook(xmlTextReaderPtr r, struct book *b) {
  while (xmlTextReaderRead(r) == 1) {
    if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || !is(lname(r), "sheet"))
      continue;
    if (b->n < AJAR_MAX_COLLECTIONS) {
      struct sheet_ref *ns = realloc(b->sheets, (b->n + 1) * sizeof *ns);
      xmlChar *name = xmlTextReaderGetAttribute(r, (const xmlChar *)"name");
      xmlChar *rid = xmlTextReaderGetAttributeNs(
          r, (const xmlChar *)"id",
          (const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");
      if (ns && name && rid) {
        b->sheets = ns;
        b->sheets[b->n].name = strdup((const char *)name);
        b->sheets[b->n].rid = strdup((const char *)rid);
        b->sheets[b->n].target = NULL;
        b->n++;
      } else if (ns) {
        b->sheets = ns;
      }
      xmlFree(name);
      xmlFree(rid);
    }
  }
}

static void read_rels(xmlTextReaderPtr r, struct book *b) {
  while (xmlTextReaderRead(r) == 1) {
    xmlChar *id, *target;
    size_t i;
    if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
        !is(lname(r), "Relationship"))
      continue;
    id = xmlTextReaderGetAttribute(r, (const xmlChar *)"Id");
    target = xmlTextReaderGetAttribute(r, (const xmlChar *)"Target");
    for (i = 0; id && target && i < b->n; i++)
      if (b->sheets[i].rid && !strcmp(b->sheets[i].rid, (const char *)id) &&
          !b->sheets[i].target) {
        const char *t = (const char *)target;
        char *full = malloc(strlen(t) + 4);
        /* relative to xl/, or absolute from the zip's root */
        if (full)
          sprintf(full, "%s%s", t[0] == '/' ? "" : "xl/", t[0] == '/' ? t + 1 : t);
        b->sheets[i].target = full;
      }
    xmlFree(id);
    xmlFree(target);
  }
}

/* one XLSX sheet's rows */
static void read_sheet(xmlTextReaderPtr r, const struct book *b,
                       struct rows *rows, char *buf, size_t cap) {
  long next_col = 0;
  while (xmlTextReaderRead(r) == 1) {
    int t = xmlTextReaderNodeType(r);
    const xmlChar *n = lname(r);
    if (t == XML_READER_TYPE_END_ELEMENT && is(n, "row")) {
      row_end(rows);
    } else if (t == XML_READER_TYPE_ELEMENT && is(n, "row")) {
      next_col = 0;
      if (xmlTextReaderIsEmptyElement(r))
        row_end(rows);
    } else if (t == XML_READER_TYPE_ELEMENT && is(n, "c")) {
      xmlChar *ref = xmlTextReaderGetAttribute(r, (const xmlChar *)"r");
      xmlChar *type = xmlTextReaderGetAttribute(r, (const xmlChar *)"t");
      long col = ref ? cell_col(ref) : -1;
      size_t k;
      if (col < 0)
        col = next_col;
      next_col = col + 1;
      k = text_of(r, buf, cap, 0, "c"); /* <v> or <is><t> */
      if (is(type, "s")) {
        char *end;
        unsigned long i;
        buf[k < cap ? k : cap - 1] = 0;
        i = strtoul(buf, &end, 10);
        if (end != buf && i < b->strs.n && b->strs.s[i])
          row_set(rows, (size_t)col, b->strs.s[i], strlen(b->strs.s[i]));
      } else if (k) {
        row_set(rows, (size_t)col, buf, k);
      }
      xmlFree(ref);
      xmlFree(type);
    }
  }
}

static int walk_xlsx(const void *zip, size_t len, const struct rec_sink *k,
                     char *buf, size_t cap, char *err, size_t errlen) {
  struct book b;
  struct archive *a;
  struct archive_entry *e;
  size_t i;
  int rc = 0;
  memset(&b, 0, sizeof b);
  /* pass 1: the workbook, its relationships, the shared strings */
  if (!(a = zip_open(zip, len))) {
    snprintf(err, errlen, "workbook: not a readable zip");
    return AJAR_EPARSE;
  }
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    const char *name = archive_entry_pathname(e);
    struct part_io io = {a};
    xmlTextReaderPtr r;
    int which = !name ? 0 : !strcmp(name, "xl/workbook.xml") ? 1
                          : !strcmp(name, "xl/_rels/workbook.xml.rels") ? 2
                          : !strcmp(name, "xl/sharedStrings.xml") ? 3 : 0;
    if (!which || !(r = xml_of_entry(&io)))
      continue;
    if (which == 1) read_workbook(r, &b);
    else if (which == 2) read_rels(r, &b);
    else read_shared(r, &b.strs, buf, cap);
    xmlFreeTextReader(r);
  }
  archive_read_free(a);
  /* relationships may come before the workbook: read them again */
  if (b.n && !b.sheets[0].target && (a = zip_open(zip, len))) {
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
      const char *name = archive_entry_pathname(e);
      struct part_io io = {a};
      xmlTextReaderPtr r;
      if (name && !strcmp(name, "xl/_rels/workbook.xml.rels") && (r = xml_of_entry(&io))) {
        read_rels(r, &b);
        xmlFreeTextReader(r);
      }
    }
    archive_read_free(a);
  }
  if (!b.n) {
    snprintf(err, errlen, "workbook: no sheets listed");
    rc = AJAR_EPARSE;
  }
  /* pass 2: the sheets, streamed, in the zip's order */
  if (!rc && (a = zip_open(zip, len))) {
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
      const char *name = archive_entry_pathname(e);
      struct part_io io = {a};
      const struct rec_sink *sk;
      xmlTextReaderPtr r;
      struct rows rows;
      for (i = 0; name && i < b.n; i++)
        if (b.sheets[i].target && !strcmp(b.sheets[i].target, name))
          break;
      if (!name || i == b.n || !b.sheets[i].name)
        continue;
      sk = rec_open(k, b.sheets[i].name, strlen(b.sheets[i].name));
      if (!sk || !(r = xml_of_entry(&io)))
        continue;
      rows_init(&rows, sk);
      read_sheet(r, &b, &rows, buf, cap);
      rows_free(&rows);
      xmlFreeTextReader(r);
    }
    archive_read_free(a);
  }
  for (i = 0; i < b.n; i++) {
    free(b.sheets[i].name);
    free(b.sheets[i].rid);
    free(b.sheets[i].target);
  }
  free(b.sheets);
  for (i = 0; i < b.strs.n; i++)
    free(b.strs.s[i]);
  free(b.strs.s);
  return rc;
}

/* ---- ODS --------------------------------------------------------------- */
static long attr_num(xmlTextReaderPtr r, const char *name, long def, long max) {
  xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
  long n = v ? strtol((const char *)v, NULL, 10) : def;
  xmlFree(v);
  return n < 1 ? 1 : n > max ? max : n;
}

static void read_ods(xmlTextReaderPtr r, const struct rec_sink *k, char *buf,
                     size_t cap) {
  struct rows rows;
  int in_table = 0;
  long col = 0;
  memset(&rows, 0, sizeof rows);
  while (xmlTextReaderRead(r) == 1) {
    int t = xmlTextReaderNodeType(r);
    const xmlChar *n = lname(r);
    if (t == XML_READER_TYPE_ELEMENT && is(n, "table") && !xmlTextReaderIsEmptyElement(r)) {
      xmlChar *name = xmlTextReaderGetAttribute(r, (const xmlChar *)"table:name");
      const char *nm = name ? (const char *)name : "table";
      const struct rec_sink *sk = rec_open(k, nm, strlen(nm));
      xmlFree(name);
      if (in_table)
        rows_free(&rows);
      in_table = sk != NULL;
      if (sk)
        rows_init(&rows, sk);
    } else if (t == XML_READER_TYPE_END_ELEMENT && is(n, "table")) {
      if (in_table)
        rows_free(&rows);
      in_table = 0;
    } else if (!in_table) {
      continue;
    } else if (t == XML_READER_TYPE_ELEMENT && is(n, "table-row")) {
      col = 0;
      if (xmlTextReaderIsEmptyElement(r))
        row_end(&rows);
    } else if (t == XML_READER_TYPE_END_ELEMENT && is(n, "table-row")) {
      row_end(&rows); /* a repeated row repeats no data worth reading twice */
    } else if (t == XML_READER_TYPE_ELEMENT &&
               (is(n, "table-cell") || is(n, "covered-table-cell"))) {
      long rep = attr_num(r, "table:number-columns-repeated", 1, AJAR_MAX_CSV_COLUMNS);
      xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)"office:value");
      size_t kk = text_of(r, buf, cap, 0, (const char *)n);
      long i;
      for (i = 0; i < rep && col < AJAR_MAX_CSV_COLUMNS; i++, col++) {
        if (kk)
          row_set(&rows, (size_t)col, buf, kk);
        else if (v)
          row_set(&rows, (size_t)col, (const char *)v, strlen((const char *)v));
      }
      xmlFree(v);
    }
  }
  if (in_table)
    rows_free(&rows);
}

static int walk_ods(const void *zip, size_t len, const struct rec_sink *k,
                    char *buf, size_t cap, char *err, size_t errlen) {
  struct archive *a = zip_open(zip, len);
  struct archive_entry *e;
  int found = 0;
  if (!a) {
    snprintf(err, errlen, "workbook: not a readable zip");
    return AJAR_EPARSE;
  }
  while (!found && archive_read_next_header(a, &e) == ARCHIVE_OK) {
    const char *name = archive_entry_pathname(e);
    struct part_io io = {a};
    xmlTextReaderPtr r;
    if (!name || strcmp(name, "content.xml") || !(r = xml_of_entry(&io)))
      continue;
    found = 1;
    read_ods(r, k, buf, cap);
    xmlFreeTextReader(r);
  }
  archive_read_free(a);
  if (!found) {
    snprintf(err, errlen, "workbook: no content.xml");
    return AJAR_EPARSE;
  }
  return 0;
}

int sheet_walk(const void *zip, size_t len, const struct rec_sink *k, char *err,
               size_t errlen) {
  int kind = sheet_is_workbook(zip, len);
  /* a cell's text is unescaped into the sink's scratch */
  char *buf = k->buf;
  size_t cap = k->buf_len;
  if (kind == 2)
    return walk_ods(zip, len, k, buf, cap, err, errlen);
  return walk_xlsx(zip, len, k, buf, cap, err, errlen);
}
