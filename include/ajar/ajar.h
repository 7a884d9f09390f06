/* libajar: find personal data in records, files and open data stores.
 *
 * The whole public API, in three parts (each can be included alone):
 *   ajar/classify.h  the findings contract's names, detectors, classifying
 *                    a value, collections; the library's conventions and
 *                    the option-struct rule are written there
 *   ajar/report.h    the report model, output formats, reading reports
 *                    back, diffs, baselines, merging shard reports
 *   ajar/scan.h      files and dumps, data stores on the network
 * and ajar/version.h (generated: AJAR_VERSION). The contract every
 * report follows is docs/report.md.
 */
#ifndef AJAR_AJAR_H
#define AJAR_AJAR_H

#include "ajar/version.h"
#include "ajar/classify.h"
#include "ajar/report.h"
#include "ajar/scan.h"

#endif
