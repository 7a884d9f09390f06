#!/usr/bin/env python3
"""Generate labelled corpora for the given seeds and score ajar on each.

The classifier was tuned on seeds 1-3; ctest uses other seeds, so the
test measures the general rule rather than one corpus."""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ajar", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seeds", type=int, nargs="+", default=[11])
    ap.add_argument("--min", type=float, default=0.95)
    a = ap.parse_args()
    status = 0
    for seed in a.seeds:
        d = os.path.join(a.out, "seed%d" % seed)
        shutil.rmtree(d, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_labelled.py"), d,
                        "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
        print("== seed %d ==" % seed, flush=True)
        rc = subprocess.run([sys.executable, os.path.join(HERE, "score.py"),
                             "--ajar", a.ajar, "--corpus", d, "--min", str(a.min)]).returncode
        status = status or rc
    return status


if __name__ == "__main__":
    sys.exit(main())
