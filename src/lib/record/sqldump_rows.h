/* Internal to sqldump_gram.c, which includes it twice: rows_run built
 * for SSE2 (STRING_STOP string_stop) and for AVX2 (string_stop_avx2,
 * ROWS_TARGET target("avx2"): its string scan is one 32-byte vpshufb
 * lookup a step, and its 16-byte steps are VEX-coded, with no register
 * copies). rows_fast calls the one the CPU runs; test_sqldump.c runs
 * both. */
/* Per value: one look at its first byte, the end of a string 32 bytes a
 * step (string_stop; its backslash escapes unescaped as it goes,
 * string_escaped), of a number 16 bytes a step (digits_end), NULL as one
 * 4-byte compare, then one look for the ',' or ')' after it (a doubled
 * quote, a number that goes on as a word, NULLx: none there, so the token
 * path takes them); the field of the row position is remembered for the
 * statement (d->bind), so a value costs one indirect call into the sink
 * and no column lookup. */
ROWS_TARGET static const char *ROWS_RUN(struct sqldump *d, const char *p,
                                       const char *e) {
  /* the statement's table and the row position stay in registers */
  const struct rec_sink *const k = d->cur ? d->cur->sink : NULL;
  uint32_t col = d->col;
  int ep = d->e_prefix; /* E'..': for the first value only */
  for (;;) {
    const char *v, *q;
    size_t n;
    enum value_kind kind;
    unsigned char c;
    if (p == e || ((unsigned char)*p <= ' ' && (p = blank(d, p, e)) == e))
      break;
    c = (unsigned char)*p;
    if (c == '\'') { /* a string: what its closing quote ends */
      q = STRING_STOP(p + 1, e);
      if (__builtin_expect(q < e && *q == '\'', 1)) {
        v = p + 1;
        n = (size_t)(q - v);
        q++;
      } else if (q < e && *q == '\\') {
        if (!(q = string_escaped(d, p + 1, q, e, d->mysql || ep, &n)))
          break;
        v = d->vbuf;
      } else {
        break;
      }
      kind = VK_STRING;
    } else if (is_digit((char)c) ||
               (c == '-' && e - p > 1 && (is_digit(p[1]) || p[1] == '.'))) {
      /* a number the lexer's word would end where this ends */
      q = digits_end(p + 1, e);
      v = p;
      n = (size_t)(q - p);
      kind = VK_NUMBER;
    } else if (e - p >= 4 && is_null4(p)) {
      /* no value: on to its ',' or ')' */
      if (!(q = value_end(p + 4, e)))
        break;
      goto next;
    } else {
      break;
    }
    if (n > AJAR_SQL_MAX_VALUE || !(q = value_end(q, e)))
      break;
    /* the slot's value, then its ',' or the row's ')' */
    {
      uint32_t f;
      if (col < d->nbind && (f = d->bind[col]) != REC_NONE) {
        rec_value(k, f, kind, v, n);
      } else {
        d->col = col;
        emit_bind(d, kind, v, n);
      }
    }
  next:
    d->bol = 0;
    ep = 0;
    p = q + 1;
    if (*q == ',') {
      col++;
      continue;
    }
    d->col = col;
    row_end(d, 0);
    d->depth = 0;
    d->g = G_AFTER_ROW;
    if ((q = blank(d, p, e)) == e || *q != ',')
      return q;
    d->g = G_INS_VALUES;
    if ((q = blank(d, q + 1, e)) == e || *q != '(')
      return q;
    d->g = G_ROW;
    d->depth = 1;
    row_begin(d);
    col = 0;
    p = q + 1;
  }
  d->col = col;
  return p;
}
