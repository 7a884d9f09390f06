#!/usr/bin/env python3
"""bench/run.sh runs end to end on tiny corpora and prints every shape.

    python3 tests/bench/check_run.py AJAR

Generates a 1 MB bench corpus and a 1 MB benchmark family (small value
pools, so it takes seconds) in a temporary directory, runs bench/run.sh
on them with one round and BEFORE set (the same ajar), and checks that it
exits 0 and prints a row for the bench corpus and every shape of
bench/gen_shapes.py with a number in each column, the before/after ones
included, and the last line with the minimum over all of them.
"""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "bench"))
from gen_shapes import SHAPES  # noqa: E402


def main(argv):
    ajar = os.path.abspath(argv[0])
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "bench/gen_corpus.py", f"{out}/corpus-1.ndjson", "--size-mb", "1"],
                       cwd=ROOT, check=True, capture_output=True)
        subprocess.run([sys.executable, "bench/gen_shapes.py", f"{out}/shapes-1", "--size-mb", "1", "--pool", "300"],
                       cwd=ROOT, check=True, capture_output=True)
        env = dict(os.environ, OUT=out, FAMILY_MB="1", ROUNDS="1", AJAR=ajar, BEFORE=ajar)
        env.pop("SHAPES", None)
        r = subprocess.run(["bash", "bench/run.sh", "1"], cwd=ROOT, env=env, capture_output=True, text=True)
    print(r.stdout, r.stderr, sep="")
    bad = []
    if r.returncode != 0:
        bad.append(f"bench/run.sh exited {r.returncode}")
    rows = {ln.split()[0]: ln for ln in r.stdout.splitlines() if ln.split() and ln.split()[0] in ["corpus", *SHAPES]}
    num = r"\d+(?:\.\d+)?"
    row = re.compile(rf"\S+ +{num} +{num} \[ *{num}\] +{num} \[ *{num}\] +{num} \[ *{num}\] +{num}x +{num} +{num} +{num} +{num} +{num}x$")
    for s in ["corpus", *SHAPES]:
        if s not in rows:
            bad.append(f"no row for {s}")
        elif not row.match(rows[s]):
            bad.append(f"row for {s} is not all numbers: {rows[s]!r}")
    lines = r.stdout.strip().splitlines()
    if len(lines) < 2 or not lines[-2].startswith(f"minimum over {len(SHAPES) + 1} shapes: ajar -j1 "):
        bad.append("no line with the minimum over shapes before the load average")
    for b in bad:
        print("FAIL:", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
