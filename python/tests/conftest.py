"""Fixtures: the built `ajar` tool, a comparable view of reports, and one
SparkSession for the whole run (Spark starts slowly)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Sequence

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
GEN = REPO / "tests" / "accuracy" / "gen_labelled.py"
SERVERS_DIR = Path(os.environ.get("AJAR_SERVERS_DIR", "/tmp/ajar-servers"))


@pytest.fixture(scope="session")
def ajar_bin() -> str:
    """The `ajar` command line built next to the library ($AJAR_BIN)."""
    path = os.environ.get("AJAR_BIN") or str(REPO / "build" / "ajar")
    if not os.access(path, os.X_OK):
        pytest.skip(f"the ajar tool is not built ({path}); set AJAR_BIN")
    return path


def cli_report(ajar_bin: str, paths: Sequence[Any], *extra: str) -> Dict[str, Any]:
    """`ajar files --format json PATHS` as Python objects."""
    out = subprocess.run([ajar_bin, "files", "--format", "json", *extra,
                          *[str(p) for p in paths]],
                         capture_output=True, check=False)
    assert out.returncode in (0, 1, 2), out.stderr.decode(errors="replace")
    return json.loads(out.stdout)


def comparable(report: Dict[str, Any], by: str = "target") -> Dict[str, Any]:
    """Everything the Spark job must reproduce, keyed by target (or by
    collection name), findings in a stable order, examples left out
    (which values become examples depends on record order)."""
    out = {}
    for t in report["targets"]:
        cols = []
        for c in t["collections"]:
            cols.append({
                "records": c["records"], "sampled": c["sampled"],
                "severity": c["severity"], "categories": sorted(c["categories"]),
                "profiles": sorted(c["profiles"]),
                "malformed": c.get("malformed", 0),
                "first_malformed_line": c.get("first_malformed_line", 0),
                "findings": sorted((f["field"], f["category"], f["detector"],
                                    f["matches"], f["records"], f["confidence"])
                                   for f in c["findings"]),
            })
        key = t["target"] if by == "target" else Path(t["target"]).stem
        out[key] = {"store": t["store"], "reachable": t["reachable"],
                    "error": t["error"], "severity": t["severity"],
                    "names": [c["name"] for c in t["collections"]] if by == "target" else None,
                    "collections": cols}
    return out


@pytest.fixture(scope="session")
def spark() -> Any:
    """One local[2] SparkSession, with small file splits so every input
    spans several partitions (the merge path is what is under test), and
    Spark's Avro data source when run_in_venv.py could fetch it
    ($AJAR_TEST_AVRO_JAR)."""
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Java is not installed: the Spark tests need a JVM (Java 17)")
    pytest.importorskip("pyspark", reason="pyspark is not installed")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    from pyspark.sql import SparkSession
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder
    avro = os.environ.get("AJAR_TEST_AVRO_JAR")
    if avro and os.path.isfile(avro):
        builder = builder.config("spark.jars", avro)
    session = (builder.master("local[2]").appName("ajar-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.files.maxPartitionBytes", "48k")
               .config("spark.sql.files.openCostInBytes", "4k")
               .config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: Any) -> Path:
    """The labelled generator's files (NDJSON, CSV, TSV, gzip), seed 7."""
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(GEN), str(out), "--seed", "7",
                    "--records", "150"], check=True, capture_output=True)
    return out


def ndjson_records(path: Path) -> List[Any]:
    """The records of an NDJSON file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def server_env(name: str) -> Dict[str, str]:
    """`tests/servers/up NAME` (quick when it runs already), then its env file."""
    up = REPO / "tests" / "servers" / "up"
    if not up.exists():
        pytest.skip("tests/servers is not in this tree")
    proc = subprocess.run([str(up), name], capture_output=True, text=True)
    if proc.returncode:
        pytest.fail(f"tests/servers/up {name} failed:\n{proc.stderr[-2000:]}")
    env = {}
    for line in (SERVERS_DIR / name / "env").read_text().splitlines():
        k, sep, v = line.partition("=")
        if sep:
            env[k] = v.strip().strip("'\"")
    return env
