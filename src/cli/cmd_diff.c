/* ajar diff OLD.json NEW.json: what changed between two saved reports.
 * Exit 1 when something got worse (for a nightly job), 0 when not, 2 on
 * bad input. The comparison is ajar_report_diff; this file prints it. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char *label(const struct ajar_change *c) {
  switch (c->kind) {
  case AJAR_CHANGE_STORE_OPENED: return "store newly open";
  case AJAR_CHANGE_STORE_CLOSED: return "store closed";
  case AJAR_CHANGE_TARGET_ADDED: return "target added";
  case AJAR_CHANGE_TARGET_REMOVED: return "target removed";
  case AJAR_CHANGE_COLLECTION_ADDED: return "collection added";
  case AJAR_CHANGE_COLLECTION_REMOVED: return "collection removed";
  case AJAR_CHANGE_CATEGORY_ADDED: return "category newly exposed";
  case AJAR_CHANGE_CATEGORY_REMOVED: return "category gone";
  default: return c->new_severity > c->old_severity ? "severity up"
                                                    : "severity down";
  }
}

static void write_text(FILE *f, const struct ajar_diff *d, const char *old,
                       const char *new_) {
  size_t i;
  fprintf(f, "ajar diff %s -> %s\n", cli_safe(old), cli_safe(new_));
  for (i = 0; i < d->n_changes; i++) {
    const struct ajar_change *c = &d->changes[i];
    fprintf(f, "%s %-22s %s", c->worse ? "!" : " ", label(c), cli_safe(c->target));
    if (c->collection)
      fprintf(f, " / %s", cli_safe(c->collection));
    if (c->category >= 0)
      fprintf(f, "  %s", ajar_category_name(c->category));
    if (c->old_severity >= 0 && c->new_severity >= 0 &&
        c->old_severity != c->new_severity)
      fprintf(f, "  %s -> %s", ajar_severity_name(c->old_severity),
              ajar_severity_name(c->new_severity));
    else if (c->new_severity >= 0 && c->old_severity < 0)
      fprintf(f, "  %s", ajar_severity_name(c->new_severity));
    else if (c->old_severity >= 0 && c->new_severity < 0)
      fprintf(f, "  was %s", ajar_severity_name(c->old_severity));
    fputc('\n', f);
  }
  if (!d->n_changes)
    fputs("no changes\n", f);
  fprintf(f, "%zu change(s), %zu worse\n", d->n_changes, d->n_worse);
}

static json_t *sev_or_null(int s) {
  return s < 0 ? json_null() : json_string(ajar_severity_name(s));
}

static json_t *side(const char *path, const struct ajar_report *r) {
  return json_pack("{s:s, s:o, s:o, s:o}", "report", path, "finished_at",
                   r->finished_at ? json_string(r->finished_at) : json_null(),
                   "scope", r->scope ? json_string(r->scope) : json_null(),
                   "worst", json_string(ajar_severity_name(ajar_report_worst(r))));
}

static int write_json(FILE *f, const struct ajar_diff *d, const char *old,
                      const struct ajar_report *ro, const char *new_,
                      const struct ajar_report *rn) {
  json_t *a = json_array(), *root;
  size_t i;
  int rc;
  for (i = 0; i < d->n_changes; i++) {
    const struct ajar_change *c = &d->changes[i];
    json_array_append_new(a, json_pack(
        "{s:s, s:s, s:o, s:o, s:o, s:o, s:b}", "kind",
        ajar_change_kind_name(c->kind), "target", c->target, "collection",
        c->collection ? json_string(c->collection) : json_null(), "category",
        c->category >= 0 ? json_string(ajar_category_name(c->category))
                         : json_null(),
        "old_severity", sev_or_null(c->old_severity), "new_severity",
        sev_or_null(c->new_severity), "worse", c->worse));
  }
  root = json_pack("{s:o, s:o, s:o, s:{s:I, s:I}}", "old", side(old, ro), "new",
                   side(new_, rn), "changes", a, "summary", "changes",
                   (json_int_t)d->n_changes, "worse", (json_int_t)d->n_worse);
  if (!root)
    return AJAR_ENOMEM;
  rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  fputc('\n', f);
  return rc ? AJAR_EIO : 0;
}

const struct cli_option cli_diff_options[] = {
  {OPT_FORMAT, 'f', "format", "FMT", "text json", "text (default) or json",
   NULL},
  CLI_OPTION_OUTPUT,
  CLI_OPTION_HELP,
  {0},
};

int cmd_diff(int argc, char **argv) {
  struct cli_opts o;
  struct ajar_report ro, rn;
  struct ajar_diff d;
  const char *in[2];
  int first, code = 0, rc;
  FILE *f;
  cli_opts_init(&o);
  first = cli_getopt(cli_command("diff"), argc, argv, cli_common_only, &o);
  if (first < 0)
    return first == CLI_EXIT_HELP ? 0 : 2;
  if (argc - first != 2) {
    fprintf(stderr, "ajar diff: give two JSON reports: OLD.json NEW.json\n");
    return 2;
  }
  in[0] = argv[first];
  in[1] = argv[first + 1];
  if (cli_read_report(in[0], &ro))
    return 2;
  if (cli_read_report(in[1], &rn)) {
    ajar_report_clear(&ro);
    return 2;
  }
  rc = ajar_report_diff(&ro, &rn, &d);
  if (rc) {
    fprintf(stderr, "ajar diff: %s\n", ajar_strerror(rc));
    code = 3;
  } else if (!(f = cli_output_open(&o))) {
    code = 2;
  } else {
    if (!strcmp(o.format, "json"))
      rc = write_json(f, &d, in[0], &ro, in[1], &rn);
    else
      write_text(f, &d, in[0], in[1]);
    code = cli_output_close(f, rc ? rc : ferror(f) ? AJAR_EIO : 0);
    if (!code)
      code = d.n_worse ? 1 : 0;
  }
  ajar_diff_clear(&d);
  ajar_report_clear(&ro);
  ajar_report_clear(&rn);
  return code;
}
