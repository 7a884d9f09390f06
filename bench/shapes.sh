#!/usr/bin/env bash
# The benchmark family alone: bench/run.sh on every shape of
# bench/gen_shapes.py, SIZE_MB each, without the bench corpus (same
# columns, same last line with the minimum over shapes).
# Usage: [ROUNDS=3] [SHAPES=a,b] [AJAR=build/ajar] [OUT=bench/out] bench/shapes.sh [SIZE_MB] (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
FAMILY_MB=${1:-200} SHAPES=${SHAPES:-short,hexb64,cjk,widecsv,pretty,telemetry,logs,sqldump} exec bench/run.sh
