/* --format html: one page a security team can send to the owner of a
 * store. Self-contained: inline CSS, an inline SVG chart and a small
 * inline script (sorting, filtering); a Content-Security-Policy forbids
 * every request, so the page works offline and leaks nothing. Every
 * string that comes from data is HTML-escaped; no data goes into the
 * script or into CSS. */
#include <stdlib.h>
#include <string.h>
#include "report.h"

static const char *const sev_color[] = {"#6b7280", "#0e7490", "#b45309",
                                         "#c2410c", "#b91c1c"};

/* text and attribute values: made terminal-safe first (controls, bidi
 * overrides and invisible characters shown as escapes, so a name cannot
 * reorder or hide what the page shows: ajar_text_escape), then & < > " '
 * escaped */
static void esc(FILE *f, const char *in) {
  char buf[512], *e = buf;
  const char *s;
  size_t n = ajar_text_escape(in, buf, sizeof buf);
  if (n >= sizeof buf && (e = malloc(n + 1)))
    ajar_text_escape(in, e, n + 1);
  else if (n >= sizeof buf)
    e = buf; /* out of memory: the text cut short, still escaped */
  for (s = e; *s; s++) {
    switch (*s) {
    case '&': fputs("&amp;", f); break;
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\'': fputs("&#39;", f); break;
    default: fputc(*s, f);
    }
  }
  if (e != buf) free(e);
}

/* a path or address, with a line break allowed after each '/' */
static void esc_path(FILE *f, const char *s) {
  const char *p;
  while (s && (p = strchr(s, '/'))) {
    char part[256];
    size_t n = (size_t)(p - s) + 1;
    if (n >= sizeof part) {
      esc(f, s);
      return;
    }
    memcpy(part, s, n);
    part[n] = 0;
    esc(f, part);
    fputs("<wbr>", f);
    s = p + 1;
  }
  esc(f, s);
}

static const char css[] =
":root{--crit:#b91c1c;--high:#c2410c;--med:#b45309;--low:#0e7490;--info:#6b7280;"
"--line:#e5e7eb;--muted:#4b5563}\n"
"*{box-sizing:border-box}\n"
"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
"color:#111827;margin:0;background:#f9fafb}\n"
"main{max-width:1180px;margin:0 auto;padding:24px}\n"
"h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}\n"
"h3{font-size:15px;margin:0}\n"
".meta{color:var(--muted);margin:0 0 16px}.meta code{color:#111827}\n"
".cards{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 12px}\n"
".card{background:#fff;border:1px solid var(--line);border-radius:8px;"
"padding:8px 12px;flex:1 1 auto}\n"
".card b{display:block;font-size:24px}.card span{color:var(--muted)}\n"
".sev-word.sev-critical{color:var(--crit)}.sev-word.sev-high{color:var(--high)}"
".sev-word.sev-medium{color:var(--med)}.sev-word.sev-low{color:var(--low)}"
".sev-word.sev-info{color:var(--info)}.sev-word{background:none!important}\n"
".top{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;"
"align-items:start}\n.top h2{margin-top:0}\n"
"@media (max-width:960px){.top{grid-template-columns:1fr}}\n"
"#chart svg{max-width:100%;height:auto}.small{font-size:12px;margin:4px 0 0}\n"
".dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}\n"
".chip.zero{color:var(--muted)}\n"
".access-o{color:var(--crit);font-weight:600}.access-a,.access-u{color:var(--muted)}\n"
"td.store{white-space:nowrap;max-width:170px}.ver{white-space:normal;overflow-wrap:anywhere;color:#6b7280}td.cats{min-width:150px}td.path{overflow-wrap:break-word;min-width:150px}td.coll{overflow-wrap:anywhere;max-width:210px}\n"
".card span{white-space:nowrap}.card b.sev-word{font-size:20px;line-height:36px}\n"
".sev{display:inline-block;min-width:64px;text-align:center;border-radius:4px;"
"padding:1px 6px;color:#fff;font-weight:600;font-size:12px}\n"
".sev-critical{background:var(--crit)}.sev-high{background:var(--high)}"
".sev-medium{background:var(--med)}.sev-low{background:var(--low)}"
".sev-info{background:var(--info)}\n"
".chip{display:inline-block;border:1px solid var(--line);background:#fff;"
"border-radius:10px;padding:0 8px;margin:2px 4px 2px 0;font-size:12px}\n"
".box{background:#fff;border:1px solid var(--line);border-radius:8px;"
"padding:14px 16px}\n"
".controls{display:flex;gap:8px;align-items:center;margin:0 0 8px}\n"
".controls input{flex:1;max-width:420px}\n"
"input,select{font:inherit;padding:4px 8px;border:1px solid #d1d5db;"
"border-radius:6px}\n"
"table{border-collapse:collapse;width:100%;background:#fff}\n"
"th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);"
"vertical-align:top}\n"
"th{background:#f3f4f6;font-weight:600;white-space:nowrap}\n"
"#rows th{cursor:pointer;user-select:none}\n"
"#rows th[aria-sort=ascending]::after{content:' \\25B2'}"
"#rows th[aria-sort=descending]::after{content:' \\25BC'}\n"
"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
"td code,.ex{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}\n"
".ex{background:#f3f4f6;border-radius:3px;padding:0 4px;margin-right:4px;"
"white-space:nowrap}\n"
".col{margin:0 0 14px;page-break-inside:avoid;break-inside:avoid}\n"
".col header{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;"
"margin-bottom:8px}\n"
".col .facts{color:var(--muted)}\n"
".err{color:var(--crit)}.muted{color:var(--muted)}\n"
"a{color:#1d4ed8;text-decoration:none}\n"
"footer{color:var(--muted);margin-top:24px;font-size:12px}\n"
"@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0}"
".controls{display:none}.box,.card{border-color:#999}"
".sev{color:#000!important;background:none!important;border:1px solid #000}"
"#rows th::after{content:''!important}a{color:inherit}"
"tr{page-break-inside:avoid;break-inside:avoid}h2{page-break-after:avoid}}\n";

/* sorting by a column's data-v (numbers) or text; filtering by text and
 * by severity; reads nothing but the DOM */
static const char script[] =
"(function(){\n"
"var t=document.getElementById('rows'),b=t.tBodies[0],hs=t.tHead.rows[0].cells;\n"
"function key(r,i){var c=r.cells[i],v=c.getAttribute('data-v');"
"return v!==null?parseFloat(v):c.textContent.trim().toLowerCase();}\n"
"Array.prototype.forEach.call(hs,function(h,i){h.tabIndex=0;"
"function go(){var asc=h.getAttribute('aria-sort')!=='ascending';"
"if(h.hasAttribute('data-desc')&&!h.hasAttribute('aria-sort'))asc=false;"
"Array.prototype.forEach.call(hs,function(x){x.removeAttribute('aria-sort');});"
"h.setAttribute('aria-sort',asc?'ascending':'descending');"
"var rs=Array.prototype.slice.call(b.rows);rs.sort(function(x,y){"
"var a=key(x,i),c=key(y,i);return (a<c?-1:a>c?1:0)*(asc?1:-1);});"
"rs.forEach(function(r){b.appendChild(r);});}\n"
"h.addEventListener('click',go);h.addEventListener('keydown',function(e){"
"if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});});\n"
"var q=document.getElementById('q'),s=document.getElementById('sev'),"
"n=document.getElementById('shown');\n"
"function filter(){var w=q.value.trim().toLowerCase(),v=s.value,k=0;"
"Array.prototype.forEach.call(b.rows,function(r){"
"var ok=(!w||r.textContent.toLowerCase().indexOf(w)>=0)&&"
"(!v||r.getAttribute('data-sev')===v);r.hidden=!ok;if(ok)k++;});"
"n.textContent=k+' of '+b.rows.length+' rows';}\n"
"q.addEventListener('input',filter);s.addEventListener('change',filter);filter();\n"
"})();\n";

static void sev_badge(FILE *f, int s) {
  fprintf(f, "<span class=\"sev sev-%s\">%s</span>", ajar_severity_name(s),
          ajar_severity_name(s));
}

static void bits(FILE *f, uint32_t b, int profiles) {
  int i, n = profiles ? AJAR_PROFILE__COUNT : AJAR_CAT__COUNT, any = 0;
  for (i = 0; i < n; i++)
    if (b & (1u << i)) {
      fputs("<span class=\"chip\">", f);
      esc(f, profiles ? ajar_profile_name(i) : ajar_category_name(i));
      fputs("</span> ", f);
      any = 1;
    }
  if (!any)
    fputs("<span class=\"muted\">none</span>", f);
}

static const char *access(const struct ajar_target_result *t) {
  if (t->store && !strcmp(t->store, "file"))
    return "file";
  return !t->reachable ? "unreachable" : t->auth_required ? "auth required"
                                                           : "open";
}

static void header(FILE *f, const struct ajar_report *r,
                   const struct report_summary *s) {
  int i;
  fputs("<header><h1>ajar report</h1><p class=\"meta\">Scope: <code>", f);
  esc(f, r->scope ? r->scope : "(not recorded)");
  fputs("</code> &middot; started <time>", f);
  esc(f, r->started_at ? r->started_at : "?");
  fputs("</time> &middot; finished <time>", f);
  esc(f, r->finished_at ? r->finished_at : "?");
  fputs("</time> &middot; ajar " AJAR_VERSION "</p></header>\n<div class=\"top\">"
        "<div class=\"summary\"><div class=\"cards\">", f);
  fprintf(f, "<div class=\"card\" id=\"n-targets\"><b>%zu</b><span>targets</span></div>"
             "<div class=\"card\" id=\"n-open\"><b>%zu</b><span>open stores</span></div>"
             "<div class=\"card\" id=\"n-collections\"><b>%zu</b><span>collections</span></div>"
             "<div class=\"card\" id=\"n-findings\"><b>%zu</b><span>findings</span></div>"
             "<div class=\"card worst\" id=\"worst\"><b class=\"sev-word sev-%s\">%s</b>"
             "<span>worst severity</span></div></div>\n<p>Targets by severity: ",
          s->targets, s->open, s->collections, s->findings,
          ajar_severity_name(s->worst), ajar_severity_name(s->worst));
  for (i = AJAR_SEV_CRITICAL; i >= AJAR_SEV_INFO; i--) {
    fprintf(f, "<span class=\"chip%s\" data-sev-count=\"%s\"><i class=\"dot sev-%s\">"
               "</i>%s <b>%zu</b></span> ", s->severity[i] ? "" : " zero",
            ajar_severity_name(i), ajar_severity_name(i), ajar_severity_name(i),
            s->severity[i]);
  }
  fputs("</p>\n<p>Categories found: ", f);
  bits(f, s->categories, 0);
  fputs("</p></div>\n", f);
}

/* horizontal stacked bars: collections holding each category, by the
 * collection's severity; most exposed category first */
static void chart(FILE *f, const struct report_summary *s) {
  int order[AJAR_CAT__COUNT], c, v, i, j, rows = 0, y;
  size_t tot[AJAR_CAT__COUNT], max = 1;
  const int label = 150, width = 330, bar = 13, gap = 5;
  for (c = 0; c < AJAR_CAT__COUNT; c++) {
    tot[c] = 0;
    for (v = 0; v <= AJAR_SEV_CRITICAL; v++)
      tot[c] += s->by_category[c][v];
    if (!tot[c])
      continue;
    for (i = rows++; i > 0 && tot[order[i - 1]] < tot[c]; i--)
      order[i] = order[i - 1];
    order[i] = c;
    if (tot[c] > max) max = tot[c];
  }
  fputs("<section id=\"chart\" class=\"box\"><h2>Categories by severity</h2>", f);
  if (!rows) {
    fputs("<p class=\"muted\">No personal data found.</p></section>\n", f);
    return;
  }
  fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
             "aria-label=\"Collections per category, by severity\" width=\"%d\" "
             "height=\"%d\" viewBox=\"0 0 %d %d\" font-size=\"11\" "
             "font-family=\"system-ui, sans-serif\">",
          label + width + 40, rows * (bar + gap) + 24, label + width + 40,
          rows * (bar + gap) + 24);
  for (j = 0, y = 0; j < rows; j++, y += bar + gap) {
    double x = label;
    c = order[j];
    fprintf(f, "<g class=\"bar\" data-category=\"%s\"><text x=\"%d\" y=\"%d\" "
               "text-anchor=\"end\">%s</text>",
            ajar_category_name(c), label - 6, y + 10, ajar_category_name(c));
    for (v = AJAR_SEV_CRITICAL; v >= AJAR_SEV_INFO; v--) {
      double w = (double)width * (double)s->by_category[c][v] / (double)max;
      if (!s->by_category[c][v])
        continue;
      fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                 "fill=\"%s\"><title>%s: %zu %s collection(s)</title></rect>",
              x, y, w, bar, sev_color[v], ajar_category_name(c),
              s->by_category[c][v], ajar_severity_name(v));
      x += w;
    }
    fprintf(f, "<text x=\"%.1f\" y=\"%d\">%zu</text></g>", x + 5, y + 10, tot[c]);
  }
  y += 6;
  for (v = AJAR_SEV_CRITICAL; v >= AJAR_SEV_INFO; v--) {
    int lx = label + (AJAR_SEV_CRITICAL - v) * 66;
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
               "<text x=\"%d\" y=\"%d\">%s</text>",
            lx, y, sev_color[v], lx + 14, y + 9, ajar_severity_name(v));
  }
  fputs("</svg><p class=\"muted small\">Collections holding each category, "
        "coloured by the collection's severity.</p></section>\n", f);
}

static void row(FILE *f, const struct ajar_target_result *t, size_t ti,
                const struct ajar_collection_result *c, size_t ci) {
  int sev = c ? c->severity : t->severity;
  fprintf(f, "<tr data-sev=\"%s\"><td data-v=\"%d\">", ajar_severity_name(sev), sev);
  sev_badge(f, sev);
  fputs("</td><td class=\"path\">", f);
  esc_path(f, t->target);
  fputs("</td><td class=\"store\">", f);
  esc(f, t->store ? t->store : "?");
  if (strcmp(access(t), "file"))
    fprintf(f, " <span class=\"access-%c\">%s</span>%s", access(t)[0], access(t),
            t->tls ? " (tls)" : "");
  if (t->version) { /* long build strings ("10.11.19-MariaDB-0+deb12u1") wrap */
    fputs("<br><small class=\"ver\">", f);
    esc(f, t->version);
    fputs("</small>", f);
  }
  fputs("</td><td class=\"coll\">", f);
  if (c) {
    fprintf(f, "<a href=\"#c-%zu-%zu\">", ti, ci);
    esc(f, c->name);
    fputs("</a>", f);
  } else if (t->error) {
    fputs("<span class=\"err\">", f);
    esc(f, t->error);
    fputs("</span>", f);
  } else {
    fputs("<span class=\"muted\">no collection</span>", f);
  }
  if (c) {
    fprintf(f, "</td><td class=\"num\" data-v=\"%lld\">", (long long)c->records);
    if (c->records >= 0) fprintf(f, "%lld", (long long)c->records);
    fprintf(f, "</td><td class=\"num\" data-v=\"%llu\">%llu</td>"
               "<td class=\"num\" data-v=\"%zu\">%zu</td><td class=\"cats\">",
            (unsigned long long)c->sampled, (unsigned long long)c->sampled,
            c->n_findings, c->n_findings);
    bits(f, c->categories, 0);
    fputs("</td><td>", f);
    bits(f, c->profiles, 1);
  } else {
    fputs("</td><td class=\"num\" data-v=\"-1\"></td><td class=\"num\" data-v=\"0\">"
          "</td><td class=\"num\" data-v=\"0\">0</td><td class=\"cats\"></td><td>", f);
  }
  fputs("</td></tr>\n", f);
}

static void table(FILE *f, const struct ajar_report *r) {
  size_t i, j;
  int v;
  fputs("<section id=\"overview\"><h2>Targets and collections</h2>"
        "<div class=\"controls\"><input id=\"q\" type=\"search\" "
        "placeholder=\"Filter: target, collection, category...\" "
        "aria-label=\"Filter rows\"><select id=\"sev\" aria-label=\"Severity\">"
        "<option value=\"\">every severity</option>", f);
  for (v = AJAR_SEV_CRITICAL; v >= AJAR_SEV_INFO; v--)
    fprintf(f, "<option value=\"%s\">%s</option>", ajar_severity_name(v),
            ajar_severity_name(v));
  fputs("</select><span id=\"shown\" class=\"muted\"></span></div>\n"
        "<table id=\"rows\"><thead><tr><th data-desc>Severity</th><th>Target</th>"
        "<th>Store</th><th>Collection</th>"
        "<th class=\"num\" data-desc>Records</th><th class=\"num\" data-desc>Sampled</th>"
        "<th class=\"num\" data-desc>Findings</th><th>Categories</th>"
        "<th>Profiles</th></tr></thead><tbody>\n", f);
  for (i = 0; i < r->n_targets; i++) {
    const struct ajar_target_result *t = &r->targets[i];
    if (!t->n_collections)
      row(f, t, i, NULL, 0);
    for (j = 0; j < t->n_collections; j++)
      row(f, t, i, &t->collections[j], j);
  }
  fputs("</tbody></table></section>\n", f);
}

static void collection(FILE *f, const struct ajar_target_result *t, size_t ti,
                       const struct ajar_collection_result *c, size_t ci) {
  size_t k, e;
  fprintf(f, "<article class=\"col box\" id=\"c-%zu-%zu\"><header>", ti, ci);
  sev_badge(f, c->severity);
  fputs("<h3>", f);
  esc(f, c->name);
  fputs("</h3><span class=\"facts\">in <code>", f);
  esc(f, t->target);
  fputs("</code> (", f);
  esc(f, t->store ? t->store : "?");
  fputs(") &middot; ", f);
  if (c->records >= 0)
    fprintf(f, "%lld records, ", (long long)c->records);
  fprintf(f, "%llu sampled</span></header>\n<p>Categories: ",
          (unsigned long long)c->sampled);
  bits(f, c->categories, 0);
  fputs("<br>Profiles: ", f);
  bits(f, c->profiles, 1);
  fputs("</p>", f);
  if (c->note) {
    fputs("<p>Note: ", f);
    esc(f, c->note);
    fputs("</p>", f);
  }
  if (c->malformed)
    fprintf(f, "<p class=\"muted\">%llu malformed record(s), first at line %llu</p>",
            (unsigned long long)c->malformed,
            (unsigned long long)c->first_malformed_line);
  if (!c->n_findings) {
    fputs("<p class=\"muted\">No personal data in the sample.</p></article>\n", f);
    return;
  }
  fputs("<table class=\"findings\"><thead><tr><th>Field</th><th>Category</th>"
        "<th>Detector</th><th class=\"num\">Matches</th><th class=\"num\">Records</th>"
        "<th>Confidence</th><th>Examples</th></tr></thead><tbody>\n", f);
  for (k = 0; k < c->n_findings; k++) {
    const struct ajar_finding *x = &c->findings[k];
    fputs("<tr><td><code>", f);
    esc(f, x->field);
    fputs("</code></td><td>", f);
    esc(f, ajar_category_name(x->category));
    fputs("</td><td>", f);
    esc(f, x->detector);
    fprintf(f, "</td><td class=\"num\">%llu</td><td class=\"num\">%llu</td><td>%s</td><td>",
            (unsigned long long)x->matches, (unsigned long long)x->records,
            ajar_confidence_name(x->confidence));
    for (e = 0; e < x->n_examples; e++) {
      fputs("<span class=\"ex\">", f);
      esc(f, x->examples[e]);
      fputs("</span> ", f);
    }
    fputs("</td></tr>\n", f);
  }
  fputs("</tbody></table></article>\n", f);
}

int ajar_report_write_html(const struct ajar_report *r, FILE *f) {
  struct report_summary s;
  size_t i, j;
  if (!r || !f)
    return AJAR_EINVAL;
  report_summarize(r, &s);
  fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", f);
  fprintf(f, "<title>ajar report: %zu target(s), worst %s</title>\n<style>\n%s</style>"
             "</head>\n<body><main>\n", s.targets, ajar_severity_name(s.worst), css);
  header(f, r, &s);
  chart(f, &s);
  fputs("</div>\n", f);
  table(f, r);
  fputs("<section id=\"collections\"><h2>Collections</h2>\n", f);
  for (i = 0; i < r->n_targets; i++) {
    const struct ajar_target_result *t = &r->targets[i];
    if (t->error || t->note) {
      fputs("<p><code>", f);
      esc(f, t->target);
      fputs("</code>: ", f);
      if (t->error) {
        fputs("<span class=\"err\">", f);
        esc(f, t->error);
        fputs("</span> ", f);
      }
      esc(f, t->note);
      fputs("</p>\n", f);
    }
    for (j = 0; j < t->n_collections; j++)
      collection(f, t, i, &t->collections[j], j);
  }
  fputs("</section>\n<footer>Made by ajar " AJAR_VERSION ". Examples are redacted "
        "(a few characters kept at each end) unless the run used --reveal. "
        "Severity per docs/report.md: critical &gt; high &gt; medium &gt; low "
        "&gt; info.</footer>\n</main>\n<script>\n", f);
  fputs(script, f);
  fputs("</script>\n</body></html>\n", f);
  return ferror(f) ? AJAR_EIO : 0;
}
