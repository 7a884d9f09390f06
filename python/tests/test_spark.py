"""The Spark job against the command line: same data, same report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

from conftest import cli_report, comparable, ndjson_records


def text_inputs(corpus: Path) -> List[Path]:
    return sorted(p for p in corpus.iterdir()
                  if p.name.endswith((".ndjson", ".csv", ".tsv", ".ndjson.gz")))


def test_text_formats_equal_cli(spark: Any, corpus: Path, ajar_bin: str) -> None:
    from ajar.spark import run
    inputs = text_inputs(corpus)
    assert len(inputs) >= 20
    got = run([str(p) for p in inputs], spark=spark)
    want = cli_report(ajar_bin, inputs)
    assert comparable(got) == comparable(want)
    assert got["summary"] == want["summary"]


def test_malformed_and_blank_lines_across_splits(spark: Any, tmp_path: Path,
                                                 ajar_bin: str) -> None:
    from ajar.spark import run
    path = tmp_path / "events.ndjson"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(1, 3001):
            if i in (1700, 2600):
                f.write('{"email": "broken\n')
            elif i % 500 == 0:
                f.write("  \n")
            else:
                f.write(json.dumps({"id": i, "contact": {"email": f"user{i}@example.org"},
                                    "imei": "490154203237518", "note": "x" * 40}) + "\n")
    assert path.stat().st_size > 3 * 48 * 1024  # several splits
    got, want = run([str(path)], spark=spark), cli_report(ajar_bin, [path])
    assert comparable(got) == comparable(want)
    col = got["targets"][0]["collections"][0]
    assert (col["malformed"], col["first_malformed_line"]) == (2, 1700)


def _to_parquet(src: Path, dst: Path) -> bool:
    """NDJSON -> Parquet, nested objects as structs, arrays as lists;
    False when the records do not fit one Arrow schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    try:
        table = pa.Table.from_struct_array(pa.array(ndjson_records(src)))
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return False
    pq.write_table(table, dst, row_group_size=50)
    return True


def test_parquet_equals_cli_on_the_same_records(spark: Any, corpus: Path,
                                                tmp_path: Path, ajar_bin: str) -> None:
    from ajar.spark import run
    pairs = []
    for src in sorted(corpus.glob("*.ndjson")):
        dst = tmp_path / (src.stem + ".parquet")
        if _to_parquet(src, dst):
            pairs.append((src, dst))
    assert len(pairs) >= 5, "too few generated files convert to Parquet"
    got = comparable(run([str(d) for _, d in pairs], spark=spark), by="stem")
    want = comparable(cli_report(ajar_bin, [s for s, _ in pairs]), by="stem")
    assert got == want
    # nested columns became dotted paths, as the JSON walker names them
    assert any("." in f[0] for v in got.values() for c in v["collections"]
               for f in c["findings"])


def test_directory_of_parts_and_missing_input(spark: Any, corpus: Path, tmp_path: Path,
                                              ajar_bin: str) -> None:
    """A data-lake style directory is one target; it reports what ajar files
    reports for the parts concatenated. A missing input is a target with
    an error, and the rest of the report is complete."""
    from ajar.spark import run
    src = corpus / "faces-01.ndjson"
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    lake = tmp_path / "lake" / "faces"
    lake.mkdir(parents=True)
    for k in range(3):
        (lake / f"part-{k:05d}.json").write_text("".join(lines[k::3]), encoding="utf-8")
    (lake / "_SUCCESS").write_text("")
    got = run([str(lake), str(tmp_path / "nope.ndjson")], spark=spark)
    want = cli_report(ajar_bin, [src])
    assert comparable(got)[str(lake)]["collections"] == \
        comparable(want)[str(src)]["collections"]
    missing = got["targets"][1]
    assert missing["error"].startswith("cannot read") and not missing["reachable"]
    assert got["summary"]["targets"] == 2 and got["summary"]["info"] == 1


def test_command_line(spark: Any, corpus: Path, tmp_path: Path, ajar_bin: str) -> None:
    """The command line's main() (python -m ajar.spark INPUT... --out F), on
    the running session: a second JVM would only cost start-up time."""
    from ajar.spark import main
    inputs = [corpus / "checkpoint-01.csv", corpus / "telecom-01.ndjson"]
    out = tmp_path / "report.json"
    assert main([*map(str, inputs), "--out", str(out)]) == 0
    assert not spark.sparkContext._jsc.sc().isStopped()
    got: Dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert comparable(got) == comparable(cli_report(ajar_bin, inputs))
