/* Dates and times in a value: the printed forms of dates (ISO, day or
 * month first, CJK), times of day, Unix epochs, and which dates may be
 * birth dates. Part of classify_scalar (value.c). */
#include <stdint.h>
#include <string.h>
#include "classify.h"
#include "validators.h"
#include "value.h"

/* value of n decimal digits at p, or -1 */
int digits_at(const char *p, size_t n) {
  int x = 0;
  size_t i;
  for (i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return -1;
    x = x * 10 + (p[i] - '0');
  }
  return x;
}

/* A time of day as the locales print it, the whole of v: "4:15",
 * "04:15:35", "04:15:35.123", "04:15 PM", "04h15" (fr), "13時45分",
 * "13시 45분", "13点45分" (+ seconds). */
static int time_of_day(const char *v, size_t n) {
  static const char *const cjk[][3] = {{"時", "分", "秒"}, {"时", "分", "秒"},
                                       {"点", "分", "秒"}, {"시", "분", "초"}};
  size_t i = 0, k;
  int h = 0, m, nd = 0;
  while (i < n && nd < 2 && v[i] >= '0' && v[i] <= '9')
    h = h * 10 + (v[i++] - '0'), nd++;
  if (!nd || h > 23 || i >= n)
    return 0;
  if (v[i] == ':' || v[i] == 'h') {
    int colon = v[i] == ':';
    if (i + 3 > n || (m = digits_at(v + i + 1, 2)) < 0 || m > 59)
      return 0;
    i += 3;
    if (colon && i + 3 <= n && v[i] == ':' && digits_at(v + i + 1, 2) >= 0)
      i += 3;
    if (colon && i < n && v[i] == '.')
      for (i++; i < n && v[i] >= '0' && v[i] <= '9'; i++) {
      }
    if (i < n && v[i] == ' ')
      i++;
    if (i + 2 == n && (v[i] == 'A' || v[i] == 'P' || v[i] == 'a' || v[i] == 'p') &&
        (v[i + 1] == 'M' || v[i + 1] == 'm'))
      return h <= 12;
    return i == n;
  }
  for (k = 0; k < sizeof cjk / sizeof cjk[0]; k++) {
    size_t j = i, part;
    for (part = 0; part < 3; part++) {
      int x = 0, d = 0;
      if (part) {
        while (j < n && v[j] == ' ') j++;
        if (j == n && part >= 2)
          return 1;
        while (j < n && d < 2 && v[j] >= '0' && v[j] <= '9')
          x = x * 10 + (v[j++] - '0'), d++;
        if (!d || x > 59)
          break;
      }
      if (j + 3 > n || memcmp(v + j, cjk[k][part], 3))
        break;
      j += 3;
      if (j == n && part >= 1)
        return 1;
    }
  }
  return 0;
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, DD/MM/YYYY, DD.MM.YYYY (+ time);
 * the year in *year */
int looks_date_y(const char *v, size_t n, int *has_time, int *year) {
  int y, m, d;
  *has_time = 0;
  *year = 0;
  if (n >= 10 && v[4] == v[7] && (v[4] == '-' || v[4] == '/' || v[4] == '.')) {
    y = digits_at(v, 4);
    m = digits_at(v + 5, 2);
    d = digits_at(v + 8, 2);
    *has_time = n >= 16 && (v[10] == 'T' || v[10] == ' ') && v[13] == ':';
    *year = y;
    return (n == 10 || *has_time || v[10] == 'T' || v[10] == ' ') &&
           y > 0 && ajar_date_ok(y, m, d);
  }
  if (n >= 10 && v[2] == v[5] && (v[2] == '/' || v[2] == '.' || v[2] == '-')) {
    /* day or month first (27.11.2024, 11/27/2024), a time may follow */
    d = digits_at(v, 2);
    m = digits_at(v + 3, 2);
    y = digits_at(v + 6, 4);
    *year = y;
    if (n > 10) {
      if (n < 15 || (v[10] != ' ' && v[10] != 'T') || !time_of_day(v + 11, n - 11))
        return 0;
      *has_time = 1;
    }
    return y > 0 && (ajar_date_ok(y, m, d) || ajar_date_ok(y, d, m));
  }
  if (n == 8) { /* the year first: most 8-digit numbers are no date */
    y = digits_at(v, 4);
    *year = y;
    if (y < 1900 || y > 2030)
      return 0;
    m = digits_at(v + 4, 2);
    d = digits_at(v + 6, 2);
    return ajar_date_ok(y, m, d);
  }
  return 0;
}

int looks_date(const char *v, size_t n, int *has_time) {
  int y;
  return looks_date_y(v, n, has_time, &y);
}

/* "2024年11月27日 04:15", "2024年11月27日 4時15分", "2024년 11월 27일
 * 04:15": a CJK date, a space, a time of day */
int looks_datetime_cjk(const char *v, size_t n, int *year) {
  size_t i;
  for (i = 3; i + 1 < n; i++)
    if (v[i] == ' ' && (!memcmp(v + i - 3, "日", 3) || !memcmp(v + i - 3, "일", 3)))
      return looks_date_cjk(v, i, year) && time_of_day(v + i + 1, n - i - 1);
  return 0;
}

/* "1982年10月8日" (CJK year-month-day, as zh, ja and ko print it with
 * 年月日 or 년 월 일); the year in *year */
int looks_date_cjk(const char *v, size_t n, int *year) {
  static const char *const marks[2][3] = {{"年", "月", "日"}, {"년", "월", "일"}};
  int k, part[3];
  for (k = 0; k < 2; k++) {
    size_t i = 0, m;
    for (m = 0; m < 3; m++) {
      int x = 0, nd = 0;
      while (i < n && v[i] == ' ') i++;
      while (i < n && v[i] >= '0' && v[i] <= '9' && nd < 4)
        x = x * 10 + (v[i++] - '0'), nd++;
      while (i < n && v[i] == ' ') i++;
      if (!nd || i + 3 > n || memcmp(v + i, marks[k][m], 3))
        break;
      part[m] = x;
      i += 3;
    }
    if (m == 3 && i == n && ajar_date_ok(part[0], part[1], part[2])) {
      *year = part[0];
      return 1;
    }
  }
  return 0;
}

/* a date that may be a birth date: with the field name, a birth date;
 * without one, a candidate the field decides on (collection_finish.c:
 * most values dates, spread over generations); validated = before 1970 */
unsigned birth_date(struct emit_ctx *e, size_t n, int year) {
  unsigned sig = 0;
  if (e->hints & AJAR_H_AGE_DOB)
    EMITE(DET_DOB, 1);
  else if (!(e->hints & (AJAR_H_TIME | AJAR_H_PLACE)) && year >= 1900 && year <= 2030)
    EMITE(DET_DOB, year < 1970);
  return sig;
}

/* Unix time in seconds or milliseconds, 2010-2030: ten digits from
 * 1262304000 to 1893455999 (no NANP phone starts with 1), or thirteen for
 * the milliseconds. A time where the field names nothing else. v is
 * digits only (its callers know). Both bounds end in "00", so the value
 * is in them when its first 8 digits are: digits of one length compare
 * as numbers do, and the 8 bytes read big-endian compare as the digits. */
#define EPOCH_FROM8 0x3132363233303430ull /* "12623040" */
#define EPOCH_TO8 0x3138393334353630ull   /* "18934560" */
int is_epoch(uint32_t hints, const char *v, size_t n) {
  uint64_t x;
  if ((n != 10 && n != 13) || (hints & ~(AJAR_H_TIME | AJAR_H_PLACE)))
    return 0;
  memcpy(&x, v, sizeof x);
  x = __builtin_bswap64(x);
  return x >= EPOCH_FROM8 && x < EPOCH_TO8;
}
