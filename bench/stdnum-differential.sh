#!/usr/bin/env bash
# The full differential test of ajar's identifier validators against
# python-stdnum: 100,000 candidates per format (ctest stdnum.differential
# runs 5,000). Usage: bench/stdnum-differential.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/tests/validate_stdin ] || tools/build build >/dev/null
exec python3 tests/stdnum/differential.py --checker build/tests/validate_stdin \
  --venv build/tests/heldout-venv --count "${1:-100000}" --seed "${2:-1}"
