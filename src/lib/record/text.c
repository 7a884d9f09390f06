/* Text walker: a line is a record with one value, field "$"; detectors
 * find what is embedded in it. */
#include "record/walker.h"

void text_walk_record(const struct rec_sink *k, const char *p, size_t n) {
  rec_value(k, REC_ROOT, VK_STRING, p, n);
  rec_end(k, 0);
}
