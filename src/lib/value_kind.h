/* Internal: the kind of a scalar value. A walker (record/walker.h) emits
 * it with each value and the classifier (classify/classify.h) reads it;
 * this header is theirs in common, so neither includes the other. */
#ifndef AJAR_VALUE_KIND_H
#define AJAR_VALUE_KIND_H

enum value_kind { VK_STRING, VK_NUMBER, VK_BOOL, VK_NULL };

#endif
