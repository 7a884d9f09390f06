/* The one source of `ajar --help` and docs/ajar.1 (`ajar --help` prints
 * it; tools/gen-man turns the same text into the man page). */
#include <stdio.h>
#include "cli.h"

static const char usage_text[] =
"usage: ajar COMMAND [OPTIONS] OPERANDS...\n"
"\n"
"Find which personal data files and open data stores expose, without\n"
"copying it out. Examples are redacted unless --reveal is given.\n"
"\n"
"Commands:\n"
"  files PATH...|-     classify personal data in dumps and exports (NDJSON,\n"
"                      JSON, CSV/TSV, text; gzip or zstd by magic bytes);\n"
"                      '-' reads standard input\n"
"  detectors [--markdown]\n"
"                      list every detector, its category and validation\n"
"  version             print the version\n"
"\n"
"Options:\n"
"  -f, --format FMT    report format: text (default) or json\n"
"  -o, --output FILE   write the report to FILE instead of standard output\n"
"  -j, --threads N     classification threads (default: all cores)\n"
"      --input-format F  files: ndjson, json, csv, tsv or text (default: by\n"
"                      name, then by content)\n"
"      --fail-on SEV   exit 1 when a target is at or above SEV: info, low,\n"
"                      medium, high or critical (default: never)\n"
"      --reveal        print whole values as examples (default: redacted)\n"
"      --no-color      no colour in text output (also: NO_COLOR set)\n"
"  -h, --help          this text\n"
"\n"
"Exit codes:\n"
"  0  ran; nothing at or above --fail-on\n"
"  1  findings at or above --fail-on\n"
"  2  usage or input error (a bad option, an unreadable file)\n"
"  3  the run itself failed: nothing could be scanned\n";

void cli_usage(FILE *f) { fputs(usage_text, f); }
