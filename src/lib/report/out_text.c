/* --format text: an aligned table per target and collection. Colour only
 * when the caller asks (the CLI checks the terminal and NO_COLOR). Every
 * string from a peer or a file (target, store, version, names, notes,
 * errors, examples) goes through ajar_text_escape (safetext.c). */
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"

static const char *sev_color(int s) {
  switch (s) {
  case AJAR_SEV_CRITICAL: return "\033[1;31m";
  case AJAR_SEV_HIGH: return "\033[31m";
  case AJAR_SEV_MEDIUM: return "\033[33m";
  case AJAR_SEV_LOW: return "\033[36m";
  default: return "\033[2m";
  }
}

static void sev(FILE *f, int s, unsigned flags) {
  if (flags & AJAR_OUT_COLOR)
    fprintf(f, "%s%-8s\033[0m", sev_color(s), ajar_severity_name(s));
  else
    fprintf(f, "%-8s", ajar_severity_name(s));
}

/* display width of escaped UTF-8: one column per character (CJK drawn
 * as two) */
static int width_of(const char *s) {
  int w = 0;
  const unsigned char *p = (const unsigned char *)s;
  for (; *p; p++) {
    if ((*p & 0xC0) == 0x80) continue;
    w += (*p >= 0xE3 && *p <= 0xED) ? 2 : 1;
  }
  return w;
}

/* width of s as ajar_text_fputs shows it */
static int width(const char *s) {
  char buf[512];
  size_t n = ajar_text_escape(s, buf, sizeof buf);
  if (n < sizeof buf) return width_of(buf);
  char *e = malloc(n + 1);
  int w = (int)n;
  if (e) {
    ajar_text_escape(s, e, n + 1);
    w = width_of(e);
    free(e);
  }
  return w;
}

static void pad(FILE *f, const char *s, int w) {
  int n = width(s);
  ajar_text_fputs(s, f);
  while (n++ < w) fputc(' ', f);
}

static void collection_text(FILE *f, const struct ajar_collection_result *c,
                            unsigned flags) {
  size_t i, j;
  int fw = 5, cw = 8, dw = 8, k;
  fprintf(f, "  ");
  sev(f, c->severity, flags);
  fputc(' ', f);
  ajar_text_fputs(c->name, f);
  if (c->records >= 0) fprintf(f, "  records=%lld", (long long)c->records);
  if (c->bytes >= 0) fprintf(f, " bytes=%lld", (long long)c->bytes);
  fprintf(f, " sampled=%llu", (unsigned long long)c->sampled);
  if (c->profiles) {
    fprintf(f, "  profiles:");
    for (k = 0; k < AJAR_PROFILE__COUNT; k++)
      if (c->profiles & (1u << k)) fprintf(f, " %s", ajar_profile_name(k));
  }
  fputc('\n', f);
  if (c->malformed)
    fprintf(f, "    %llu malformed record(s), first at line %llu\n",
            (unsigned long long)c->malformed,
            (unsigned long long)c->first_malformed_line);
  if (c->note) {
    fputs("    note: ", f);
    ajar_text_fputs(c->note, f);
    fputc('\n', f);
  }
  for (i = 0; i < c->n_findings; i++) {
    const struct ajar_finding *x = &c->findings[i];
    int w = width(x->field);
    if (w > fw) fw = w < 40 ? w : 40;
    w = (int)strlen(ajar_category_name(x->category));
    if (w > cw) cw = w;
    w = width(x->detector);
    if (w > dw) dw = w;
  }
  if (c->n_findings) {
    fprintf(f, "    ");
    pad(f, "FIELD", fw);
    fprintf(f, "  ");
    pad(f, "CATEGORY", cw);
    fprintf(f, "  ");
    pad(f, "DETECTOR", dw);
    fprintf(f, "  %8s  %-6s  EXAMPLES\n", "MATCHES", "CONF");
  }
  for (i = 0; i < c->n_findings; i++) {
    const struct ajar_finding *x = &c->findings[i];
    fprintf(f, "    ");
    pad(f, x->field, fw);
    fprintf(f, "  ");
    pad(f, ajar_category_name(x->category), cw);
    fprintf(f, "  ");
    pad(f, x->detector, dw);
    fprintf(f, "  %8llu  %-6s  ", (unsigned long long)x->matches,
            ajar_confidence_name(x->confidence));
    for (j = 0; j < x->n_examples; j++) {
      if (j) fputs(", ", f);
      ajar_text_fputs(x->examples[j], f);
    }
    fputc('\n', f);
  }
}

int ajar_report_write_text(const struct ajar_report *r, FILE *f,
                           unsigned flags) {
  size_t i, j, open = 0, cols = 0;
  if (!r || !f)
    return AJAR_EINVAL;
  for (i = 0; i < r->n_targets; i++) {
    const struct ajar_target_result *t = &r->targets[i];
    sev(f, t->severity, flags);
    fputc(' ', f);
    ajar_text_fputs(t->target, f);
    fputs("  ", f);
    ajar_text_fputs(t->store ? t->store : "?", f);
    if (t->version) {
      fputc(' ', f);
      ajar_text_fputs(t->version, f);
    }
    if (strcmp(t->store ? t->store : "", "file")) {
      fprintf(f, "  %s", !t->reachable ? "unreachable"
                         : t->auth_required ? "auth required" : "OPEN");
      if (t->tls) fprintf(f, " tls");
    }
    fputc('\n', f);
    if (t->error) {
      fputs("  error: ", f);
      ajar_text_fputs(t->error, f);
      fputc('\n', f);
    }
    if (t->note) {
      fputs("  note: ", f);
      ajar_text_fputs(t->note, f);
      fputc('\n', f);
    }
    for (j = 0; j < t->n_collections; j++)
      collection_text(f, &t->collections[j], flags);
    if (t->reachable && !t->auth_required) open++;
    cols += t->n_collections;
  }
  if (r->interrupted)
    fputs("interrupted (Ctrl-C): only the targets finished are listed\n", f);
  fprintf(f, "%zu target(s), %zu open, %zu collection(s), worst: %s\n",
          r->n_targets, open, cols, ajar_severity_name(ajar_report_worst(r)));
  return ferror(f) ? AJAR_EIO : 0;
}
