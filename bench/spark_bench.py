#!/usr/bin/env python3
"""The Spark job beside the command line, on one NDJSON corpus.

    build/python-venv/bin/python bench/spark_bench.py [--size-mb 256]

Times `ajar files -j1` and `-j2`, then the Spark job on local[1] and
local[2], each in a fresh driver: Spark start-up, the first run of the job
(which starts the Python workers) and a second run, and prints MB/s and
MB/s per core, so the overhead of the Python/Spark path
is visible; it also checks that the Spark report equals the command
line's. Needs pyspark and pyarrow (the ctest venv has them). Not a test:
nothing is asserted. The library and package are this tree's
(build/libajar.so, python/), not an installed copy.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(master: str, corpus: str, out: str) -> None:
    """In a fresh process: start Spark, time the job alone, write timings."""
    t0 = time.time()
    from pyspark.sql import SparkSession
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master(master).appName("ajar-bench")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    t1 = time.time()
    from ajar.spark import run
    report = run([corpus], spark=spark)  # cold: Python workers start, JIT
    t2 = time.time()
    run([corpus], spark=spark)           # warm: what a long job runs at
    t3 = time.time()
    spark.stop()
    with open(out, "w") as f:
        json.dump({"startup": t1 - t0, "cold": t2 - t1, "job": t3 - t2,
                   "report": report}, f)


def comparable(report: dict) -> list:
    out = []
    for t in report["targets"]:
        for c in t["collections"]:
            out.append((c["sampled"], c["severity"], sorted(c["profiles"]),
                        sorted((f["field"], f["category"], f["detector"], f["matches"],
                                f["records"], f["confidence"]) for f in c["findings"])))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=256)
    ap.add_argument("--ajar", default=str(ROOT / "build" / "ajar"))
    ap.add_argument("--library", default=str(ROOT / "build" / "libajar.so"))
    ap.add_argument("--child", nargs=3, metavar=("MASTER", "CORPUS", "OUT"),
                    help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(*a.child)
        return 0
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    corpus = out / f"corpus-{a.size_mb:g}.ndjson"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(corpus),
                        "--size-mb", str(a.size_mb)], check=True)
    mb = corpus.stat().st_size / 1e6
    with open(corpus, "rb") as f:  # warm the page cache
        while f.read(1 << 24):
            pass
    rows = []
    cli = None
    for j in (1, 2):
        t0 = time.time()
        p = subprocess.run([a.ajar, "files", f"-j{j}", "--format", "json", str(corpus)],
                           capture_output=True, check=False)
        dt = time.time() - t0
        cli = cli or json.loads(p.stdout)
        rows.append((f"ajar files -j{j}", j, None, None, dt))
    env = dict(os.environ, AJAR_LIBRARY=a.library,
               PYTHONPATH=os.pathsep.join([str(ROOT / "python"),
                                           os.environ.get("PYTHONPATH", "")]))
    same = []
    for cores in (1, 2):
        res = out / f"spark-local{cores}.json"
        t0 = time.time()
        subprocess.run([sys.executable, __file__, "--child", f"local[{cores}]",
                        str(corpus), str(res)], env=env, check=True)
        wall = time.time() - t0
        r = json.loads(res.read_text())
        same.append(comparable(r["report"]) == comparable(cli))
        rows.append((f"ajar.spark local[{cores}]", cores, r["startup"], r["cold"],
                     r["job"]))
    print(f"corpus: {corpus} ({mb:.0f} MB), {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'path':<24}{'cores':>6}{'start s':>9}{'1st job s':>11}{'job s':>8}"
          f"{'MB/s':>8}{'MB/s/core':>11}{'vs -j1/core':>13}")
    base = mb / rows[0][4]
    for name, cores, start, cold, job in rows:
        rate = mb / job
        print(f"{name:<24}{cores:>6}{(f'{start:.1f}' if start is not None else '-'):>9}"
              f"{(f'{cold:.1f}' if cold is not None else '-'):>11}"
              f"{job:>8.2f}{rate:>8.1f}{rate / cores:>11.1f}{rate / cores / base:>12.2f}x")
    print("job s: ajar files' wall time; Spark's second run of the job in one\n"
          "session (start: session start-up; 1st job: the first run, which also\n"
          "starts the Python workers). MB/s and per core from job s.")
    print("Spark report equals ajar files:", "yes" if all(same) else "NO")
    return 0


if __name__ == "__main__":
    sys.exit(main())
