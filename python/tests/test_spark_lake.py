"""Data-lake tables on Spark against the command line: rows that Spark
wrote as Parquet, ORC and Avro give the report `ajar files` gives on the
same rows exported by Spark as JSON lines (issue 13)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

from conftest import cli_report, comparable

#: generated files with nested objects (structs) and arrays, and flat ones
SOURCES = ("faces-02", "vehicles-02", "telecom-01", "faces-01", "patients-03")
#: those whose field names Avro can hold ([A-Za-z_][A-Za-z0-9_]*): not
#: faces-01 (Chinese names) nor patients-03 (order-no)
AVRO_SOURCES = SOURCES[:3]


def _avro_name(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name))


def _avro_columns(dtype: Any) -> bool:
    """Whether every field name inside a column's type suits Avro."""
    from pyspark.sql.types import ArrayType, MapType, StructType
    if isinstance(dtype, StructType):
        return all(_avro_name(f.name) and _avro_columns(f.dataType) for f in dtype.fields)
    if isinstance(dtype, ArrayType):
        return _avro_columns(dtype.elementType)
    if isinstance(dtype, MapType):
        return _avro_columns(dtype.valueType)
    return True


def _has_avro(spark: Any) -> bool:
    jvm = spark.sparkContext._jvm
    try:
        jvm.java.lang.Class.forName("org.apache.spark.sql.avro.AvroFileFormat", True,
                                    jvm.Thread.currentThread().getContextClassLoader())
        return True
    except Exception:
        return False


@pytest.fixture(scope="module")
def lake(spark: Any, corpus: Path, tmp_path_factory: Any) -> Dict[str, Any]:
    """The SOURCES read by Spark (objects as structs, arrays as arrays, one
    schema over all) and written by Spark, partitioned by source, as
    Parquet, ORC and (with spark-avro, AVRO_SOURCES without the columns
    Avro cannot name, which are null in those rows) Avro, several part
    files per table; the same rows written by Spark as JSON lines (nulls
    left out), one NDJSON file a table."""
    from pyspark.sql import functions as F
    root = tmp_path_factory.mktemp("lake")
    df = (spark.read.json([str(corpus / f"{s}.ndjson") for s in SOURCES])
          .withColumn("src", F.regexp_extract("_metadata.file_name", r"^(.*)\.ndjson$", 1))
          .repartition(2))  # every table in two part files
    df.cache()
    formats = ["parquet", "orc"]
    for fmt in formats + ["json"]:
        df.write.partitionBy("src").format(fmt).save(str(root / fmt))
    if _has_avro(spark):
        formats.append("avro")
        keep = [f.name for f in df.schema.fields
                if _avro_name(f.name) and _avro_columns(f.dataType)]
        (df.where(F.col("src").isin(*AVRO_SOURCES)).select(*keep)
         .write.partitionBy("src").format("avro").save(str(root / "avro")))
    df.unpersist()
    ndjson: List[Path] = []
    for s in SOURCES:
        parts = sorted((root / "json" / f"src={s}").glob("part-*.json"))
        assert parts, f"Spark wrote no JSON for {s}"
        out = root / "ndjson" / f"src={s}.ndjson"
        out.parent.mkdir(exist_ok=True)
        out.write_bytes(b"".join(p.read_bytes() for p in parts))
        ndjson.append(out)
    tables = {fmt: [str(root / fmt / f"src={s}")
                    for s in (AVRO_SOURCES if fmt == "avro" else SOURCES)] for fmt in formats}
    for fmt, dirs in tables.items():  # the merge across part files is under test
        assert all(len(list(Path(d).glob("part-*"))) >= 2 for d in dirs), fmt
    return {"tables": tables, "ndjson": ndjson,
            "avro_ndjson": [p for p in ndjson if p.stem[len("src="):] in AVRO_SOURCES]}


def _findings(report: Dict[str, Any]) -> Dict[str, Any]:
    return {k: sorted((f[0], f[1], f[3], f[4]) for c in v["collections"]
                      for f in c["findings"])
            for k, v in comparable(report, by="stem").items()}


def _check(got: Dict[str, Any], want: Dict[str, Any], sources: Any = SOURCES) -> None:
    assert comparable(got, by="stem") == comparable(want, by="stem")
    assert got["summary"] == want["summary"]
    found = _findings(got)
    assert set(found) == {f"src={s}" for s in sources}
    assert sum(len(v) for v in found.values()) >= 20
    # struct columns became the JSON walker's dotted paths; an array of
    # doubles (Spark's JSON and Python's give the same digits) is a field
    fields = {f[0] for v in found.values() for f in v}
    assert {"person.residentId", "faceEmbedding"} <= fields, fields


def test_parquet_table_equals_cli_on_its_ndjson_export(spark: Any, lake: Dict[str, Any],
                                                        ajar_bin: str) -> None:
    from ajar.spark import run
    got = run(lake["tables"]["parquet"], spark=spark)
    _check(got, cli_report(ajar_bin, lake["ndjson"]))
    assert [t["collections"][0]["records"] for t in got["targets"]] == [150] * len(SOURCES)


def test_orc_table_equals_cli_on_its_ndjson_export(spark: Any, lake: Dict[str, Any],
                                                    ajar_bin: str, tmp_path: Path) -> None:
    """Through the command line: python -m ajar.spark files DIR... --out F."""
    from ajar.spark import main
    out = tmp_path / "orc.json"
    assert main(["files", *lake["tables"]["orc"], "--out", str(out)]) == 0
    got = json.loads(out.read_text(encoding="utf-8"))
    _check(got, cli_report(ajar_bin, lake["ndjson"]))


def test_avro_table_equals_cli_on_its_ndjson_export(spark: Any, lake: Dict[str, Any],
                                                     ajar_bin: str) -> None:
    from ajar.spark import run
    if "avro" not in lake["tables"]:
        pytest.skip("Spark has no Avro data source here: run_in_venv.py could not "
                    "fetch spark-avro from Maven Central ($AJAR_TEST_AVRO_JAR)")
    got = run(lake["tables"]["avro"], spark=spark)
    _check(got, cli_report(ajar_bin, lake["avro_ndjson"]), AVRO_SOURCES)


def test_sample_reads_a_bounded_prefix_of_each_partition(spark: Any, lake: Dict[str, Any],
                                                         ajar_bin: str) -> None:
    """--sample N: N rows of each Spark partition are classified; records
    is every row of the table, sampled the rows read, and what is found
    is a part of what the whole table gives."""
    from ajar.spark import run
    tables = lake["tables"]["parquet"]
    whole = _findings(cli_report(ajar_bin, lake["ndjson"]))  # = the whole tables
    got = run(tables, spark=spark, sample=10)
    some = _findings(got)
    for t in got["targets"]:
        c = t["collections"][0]
        # a split holds a part file's one row group (75 rows) or nothing
        parts = spark.read.parquet(t["target"]).rdd.getNumPartitions()
        assert c["records"] == 150 and c["sampled"] % 10 == 0, t["target"]
        assert 10 <= c["sampled"] <= min(20, 10 * parts), t["target"]
        assert c["note"] == "at most 10 rows sampled per Spark partition"
        assert all(f["records"] <= c["sampled"] for f in c["findings"])
    for k, v in some.items():
        assert {f[:2] for f in v} <= {f[:2] for f in whole[k]}, k
    assert sum(len(v) for v in some.values()) >= 10
