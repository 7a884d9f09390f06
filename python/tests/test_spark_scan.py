"""python -m ajar.spark scan TARGETS --shards N: the shards run as Spark
tasks (local[2]) against real test servers on 127.0.0.1 (tests/servers,
shared: started when missing, never stopped here), and the merged report
lists the targets one `ajar scan` of the same targets and options does."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Dict

from conftest import server_env

SERVERS = ["redis", "memcached", "postgresql"]


def comparable_scan(report: Dict[str, Any]) -> Dict[str, Any]:
    return {t["target"]: (t["store"], t["reachable"], t["auth_required"], t["severity"],
                          sorted((c["name"], c["records"], tuple(sorted(c["categories"])))
                                 for c in t["collections"]))
            for t in report["targets"]}


def test_spark_scan_equals_one_ajar_scan(spark: Any, ajar_bin: str, tmp_path: Path) -> None:
    from ajar.spark import main
    ports = ",".join(server_env(n)["PORT"] for n in SERVERS)
    out = tmp_path / "spark.json"
    # --sample 50, not fewer: PostgreSQL tables of more than 20x the sample
    # are sampled with TABLESAMPLE (random pages), so two scans could read
    # other rows; at 50 every seeded table is read with LIMIT alone
    rc = main(["scan", "127.0.0.1", "--shards", "3", "-p", ports, "--probe-all",
               "--all", "--sample", "50", "-o", str(out)])
    assert rc == 0
    got = json.loads(out.read_text())
    cli = subprocess.run([ajar_bin, "scan", "127.0.0.1", "-p", ports, "--probe-all",
                          "--all", "--sample", "50", "--no-progress", "-f", "json"],
                         capture_output=True, text=True, timeout=300)
    want = json.loads(cli.stdout)
    assert comparable_scan(got) == comparable_scan(want)
    assert {t["store"] for t in got["targets"] if t["reachable"]} == set(SERVERS)
    assert got["summary"]["targets"] == len(want["targets"])
