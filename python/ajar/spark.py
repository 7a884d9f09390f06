"""``python -m ajar.spark [files] INPUT... --out report.json``: ajar files on Spark;
``python -m ajar.spark scan TARGET... --shards N``: ajar scan on Spark.

``scan`` runs N Spark tasks, task K calling libajar's scan with shard K of
N (``ajar scan --shard K/N``: disjoint parts whose union is the whole
scan, in the scan's pseudo-random order), and merges the N reports on the
driver: the targets are those one ``ajar scan`` of the same targets and
options reports.

Reads JSON lines, CSV/TSV, Parquet, ORC and Avro from any path Spark can reach
(local, hdfs://, s3a://, ...), classifies each partition with libajar in
the executors (``mapInArrow``; one Classifier per executor Python process,
``ajar.default_classifier``, compiled on first use), and sends back each
partition's collection as bytes (``Collection.export_state``). The driver
merges them into one collection per input and decides once, so the report
is the one ``ajar files`` gives for the same data: one target per input
(store "file", target the path as given), one collection named after its
base name, the same fields, categories, counts, profiles and severity.

How records become fields, as ``ajar files`` makes them:
  - JSON lines: each line's raw bytes go to the JSON walker; blank lines
    are skipped, lines over 16 MiB are skipped and counted as malformed;
  - CSV/TSV: the header line names the columns; each row's cells go in as
    (column, text) pairs, an empty cell as empty;
  - Parquet, ORC and Avro: each row as JSON (structs as objects, arrays as
    arrays, maps as objects), so a nested column's field is the JSON
    walker's dotted path (``person.address.city``, ``phones[]``); a null
    column is a JSON null, which gives no finding, as an absent key.

Avro is not in Spark itself: its data source is the ``spark-avro`` package
(Maven Central, ``org.apache.spark:spark-avro_<scala>:<spark version>``),
given to spark-submit as ``--packages`` or, for the command line's own
session, by ``--avro-package`` (see AVRO_HELP).
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import os
import sys
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from . import _lib, default_classifier
from .classifier import record_json
from .report import now_utc

FORMATS = ("ndjson", "csv", "tsv", "parquet", "orc", "avro")
#: the formats read by Spark's data sources, each row classified as one record
COLUMNAR = ("parquet", "orc", "avro")
#: AJAR_MAX_RECORD in src/lib/ajar_limits.h: longer lines are skipped as ajar files does
MAX_RECORD = 16 << 20
_COMPRESSED = (".gz", ".bz2", ".zst", ".zstd", ".deflate", ".snappy", ".lz4")
_BY_SUFFIX = {".ndjson": "ndjson", ".jsonl": "ndjson", ".json": "ndjson",
              ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
              ".parquet": "parquet", ".parq": "parquet", ".orc": "orc",
              ".avro": "avro"}
#: one row per partition (state) and one per file split (line counts)
PARTIAL_SCHEMA = ("input int, file string, block long, lines long, first_bad long, "
                  "too_large long, first_too_large long, state binary")


def format_of(path: str, forced: Optional[str] = None) -> str:
    """The input format of path: forced, else by its suffix, else (a local
    directory) by the suffix of the files inside."""
    if forced:
        if forced not in FORMATS:
            raise ValueError(f"unknown input format '{forced}' ({', '.join(FORMATS)})")
        return forced
    name = path.rstrip("/").lower()
    for suf in _COMPRESSED:
        if name.endswith(suf):
            name = name[: -len(suf)]
    for suf, fmt in _BY_SUFFIX.items():
        if name.endswith(suf):
            return fmt
    if os.path.isdir(path):
        for root, _dirs, files in os.walk(path):
            for f in sorted(files):
                if not f.startswith((".", "_")):
                    try:
                        return format_of(os.path.join(root, f))
                    except ValueError:
                        continue
    raise ValueError(f"{path}: cannot tell the format from the name; "
                     "give --input-format")


# ---- executors ---------------------------------------------------------------
def _offsets(arr: Any) -> Tuple[memoryview, int, memoryview]:
    """(offsets, data address, data bytes) of a string/binary Arrow array."""
    import pyarrow as pa
    if arr.null_count:
        import pyarrow.compute as pc
        arr = pc.fill_null(arr, "")
    large = pa.types.is_large_string(arr.type) or pa.types.is_large_binary(arr.type)
    bufs = arr.buffers()
    offs = memoryview(bufs[1]).cast("q" if large else "i")[arr.offset:]
    data = bufs[2]
    if data is None or data.size == 0:
        return offs, 0, memoryview(b"")
    return offs, data.address, memoryview(data)


def _runs(batch: Any) -> List[Tuple[int, int, str, int]]:
    """Row ranges of one (file, split) each: metadata columns 1 and 2."""
    files = batch.column(1).to_pylist()
    blocks = batch.column(2).to_pylist()
    out, start = [], 0
    for i in range(1, len(files) + 1):
        if i == len(files) or files[i] != files[start] or blocks[i] != blocks[start]:
            out.append((start, i, files[start], blocks[start]))
            start = i
    return out


def _lines_partition(col: Any, batches: Iterator[Any],
                     splits: Dict[Tuple[str, int], List[int]]) -> None:
    """JSON lines: every non-blank line to the JSON walker."""
    lib = _lib.lib()
    add = lib.ajar_collection_add_json
    c, s = col.ptr, default_classifier()._scratch().ptr
    for batch in batches:
        offs, base, data = _offsets(batch.column(0))
        for a0, a1, fname, block in _runs(batch):
            st = splits.setdefault((fname, block), [0, 0, 0, 0])
            line = st[0]
            for i in range(a0, a1):
                line += 1
                a, b = offs[i], offs[i + 1]
                n = b - a
                if n == 0 or (data[a] in b" \t\r" and not bytes(data[a:b]).strip(b" \t\r")):
                    continue
                if n > MAX_RECORD:
                    st[2] += 1
                    st[3] = st[3] or line
                    continue
                if add(c, s, base + a, n) == _lib.AJAR_EPARSE and not st[1]:
                    st[1] = line
            st[0] = line


def _rows_partition(col: Any, batches: Iterator[Any], names: Sequence[str]) -> None:
    """CSV/TSV rows: (column name, cell) pairs, then the end of the record."""
    lib = _lib.lib()
    add, end = lib.ajar_collection_add_field, lib.ajar_collection_end_record
    c, s = col.ptr, default_classifier()._scratch().ptr
    keys = [n.encode("utf-8", "surrogateescape") for n in names]
    for batch in batches:
        k = min(len(keys), batch.num_columns)
        cols = [_offsets(batch.column(j)) for j in range(k)]
        for i in range(batch.num_rows):
            for j in range(k):
                offs, base, _ = cols[j]
                a = offs[i]
                add(c, s, keys[j], len(keys[j]), base + a if base else None,
                    offs[i + 1] - a)
            end(c)


def _maps_as_dicts(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _maps_as_dicts(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_maps_as_dicts(x) for x in v]
    return v


def _columnar_partition(col: Any, batches: Iterator[Any], sample: int = 0) -> int:
    """Parquet, ORC or Avro rows as JSON records (the first ``sample`` of
    the partition when sample > 0); returns the partition's row count."""
    total = 0
    for batch in batches:
        n = batch.num_rows
        if sample > 0:
            batch = batch.slice(0, max(0, min(n, sample - total)))
        total += n
        if batch.num_rows == 0:
            continue
        try:
            rows = batch.to_pylist(maps_as_pydicts="strict")
        except TypeError:  # pyarrow < 13
            rows = batch.to_pylist()
        for row in rows:
            col.add_json(record_json(_maps_as_dicts(row)))
    return total


def classify_partition(index: int, fmt: str, names: Sequence[str], reveal: bool,
                       batches: Iterator[Any], sample: int = 0) -> Iterator[Any]:
    """mapInArrow function: one partition -> its partial state (one row;
    for Parquet, ORC and Avro its ``lines`` holds the partition's rows)
    and, for JSON lines, the line counts of each file split in it."""
    import pyarrow as pa
    col = default_classifier().collection("", reveal=reveal)
    splits: Dict[Tuple[str, int], List[int]] = {}
    total = 0
    if fmt == "ndjson":
        _lines_partition(col, batches, splits)
    elif fmt in ("csv", "tsv"):
        _rows_partition(col, batches, names)
    else:
        total = _columnar_partition(col, batches, sample)
    rows = [{"input": index, "file": f, "block": b, "lines": st[0], "first_bad": st[1],
             "too_large": st[2], "first_too_large": st[3], "state": None}
            for (f, b), st in splits.items()]
    rows.append({"input": index, "file": None, "block": -1, "lines": total, "first_bad": 0,
                 "too_large": 0, "first_too_large": 0, "state": col.export_state()})
    yield pa.RecordBatch.from_pylist(rows, schema=_arrow_schema())


def _arrow_schema() -> Any:
    import pyarrow as pa
    return pa.schema([("input", pa.int32()), ("file", pa.string()), ("block", pa.int64()),
                      ("lines", pa.int64()), ("first_bad", pa.int64()),
                      ("too_large", pa.int64()), ("first_too_large", pa.int64()),
                      ("state", pa.binary())])


# ---- driver ------------------------------------------------------------------
def _csv_header(spark: Any, path: str, fmt: str) -> Tuple[List[str], str]:
    """Column names and delimiter, read from the first line as ajar files
    reads them (',' unless the header has ';' and no ',')."""
    line = _local_first_line(path)
    if line is None:
        first = spark.read.text(path).limit(1).collect()
        line = first[0][0] if first else ""
    line = line[1:] if line.startswith("\ufeff") else line
    delim = "\t" if fmt == "tsv" else \
        ";" if ("," not in line and ";" in line) else ","
    names = next(csv.reader(io.StringIO(line), delimiter=delim), []) if line else []
    return names, delim


def _local_first_line(path: str) -> Optional[str]:
    """The first line of a local plain or gzip file (None otherwise: Spark
    reads it then), without starting a Spark job."""
    if not os.path.isfile(path):
        return None
    import gzip
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as f:
            return f.readline().rstrip("\r\n")
    except OSError:
        return None


AVRO_HELP = ("Avro needs Spark's spark-avro package (Maven Central): give "
             "--avro to python -m ajar.spark, or --packages "
             "org.apache.spark:spark-avro_{scala}:{spark} to spark-submit")


def avro_package() -> str:
    """The Maven coordinate of the spark-avro matching the installed pyspark
    (its Scala line from the scala-library jar pyspark ships)."""
    import glob
    import pyspark
    home = os.path.dirname(pyspark.__file__)
    jars = glob.glob(os.path.join(home, "jars", "scala-library-*.jar"))
    scala = ".".join(os.path.basename(jars[0])[len("scala-library-"):].split(".")[:2]) \
        if jars else ("2.13" if pyspark.__version__ >= "4" else "2.12")
    return f"org.apache.spark:spark-avro_{scala}:{pyspark.__version__}"


def _read_avro(spark: Any, path: str) -> Any:
    """An Avro dataset, or ValueError (one error target) naming the package
    to add when this session has no Avro data source."""
    try:
        return spark.read.format("avro").load(path)
    except Exception as e:
        text = str(e)
        if "avro" in text.lower() and ("DATA_SOURCE_NOT_FOUND" in text or
                                       "Failed to find data source" in text):
            coord = avro_package().split(":")[1:]
            raise ValueError(AVRO_HELP.format(scala=coord[0].split("_")[-1],
                                              spark=coord[1])) from None
        raise


def _frame(spark: Any, path: str, fmt: str, index: int, reveal: bool,
           csv_multiline: bool, sample: int = 0) -> Any:
    names: List[str] = []
    if fmt == "ndjson":
        df = spark.read.text(path).select("value", "_metadata.file_path",
                                          "_metadata.file_block_start")
    elif fmt in ("csv", "tsv"):
        names, delim = _csv_header(spark, path, fmt)
        df = spark.read.csv(path, sep=delim, header=True, quote='"', escape='"',
                            inferSchema=False, multiLine=csv_multiline,
                            ignoreLeadingWhiteSpace=False,
                            ignoreTrailingWhiteSpace=False, mode="PERMISSIVE")
    elif fmt == "avro":
        df = _read_avro(spark, path)
    else:
        df = spark.read.format(fmt).load(path)
    fn = functools.partial(classify_partition, index, fmt, names, reveal,
                           sample=sample if fmt in COLUMNAR else 0)
    return df.mapInArrow(fn, PARTIAL_SCHEMA)


def _line_numbers(rows: List[Any]) -> Tuple[int, int, int]:
    """(first malformed line, records over the cap, first such line) over
    every split of every file, splits in file order."""
    by_file: Dict[str, List[Any]] = {}
    for r in rows:
        by_file.setdefault(r["file"], []).append(r)
    first_bad = too_large = first_big = 0
    for f in sorted(by_file):
        before = 0
        for r in sorted(by_file[f], key=lambda r: r["block"]):
            if r["first_bad"] and not first_bad:
                first_bad = before + r["first_bad"]
            if r["first_too_large"] and not first_big:
                first_big = before + r["first_too_large"]
            too_large += r["too_large"]
            before += r["lines"]
    return first_bad, too_large, first_big


def _target(path: str, rows: List[Any], reveal: bool, sample: int = 0) -> Dict[str, Any]:
    col = default_classifier().collection(os.path.basename(path.rstrip("/")) or path,
                                          reveal=reveal)
    for r in rows:
        if r["state"] is not None:
            col.merge_state(bytes(r["state"]))
    t = col.finish_target(path)
    c = t["collections"][0]
    first_bad, too_large, first_big = _line_numbers([r for r in rows if r["file"]])
    if c.get("malformed") or too_large:
        lines = [x for x in (first_bad, first_big) if x]
        c["malformed"] = c.get("malformed", 0) + too_large
        c["first_malformed_line"] = min(lines) if lines else c.get("first_malformed_line", 0)
    if too_large:
        c["note"] = f"{too_large} record(s) over {MAX_RECORD >> 20} MiB skipped"
    rows_in_table = sum(r["lines"] for r in rows if r["state"] is not None)
    if sample > 0 and rows_in_table > c["sampled"]:
        # what a scan's sample reports: the table's rows, and those read
        c["records"] = rows_in_table
        c["note"] = f"at most {sample} rows sampled per Spark partition"
    return t


def _unreadable(e: BaseException) -> bool:
    """Whether e says an input cannot be read (rather than a bug or a
    missing dependency, which must not pass as a bad input)."""
    return isinstance(e, (ValueError, OSError)) or \
        type(e).__name__ in ("AnalysisException", "Py4JJavaError")


def _error_target(path: str, err: BaseException) -> Dict[str, Any]:
    msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return {"target": path, "store": "file", "version": None, "reachable": False,
            "auth_required": False, "tls": False, "error": f"cannot read: {msg}"[:240],
            "severity": "info", "collections": []}


def run(inputs: Sequence[str], *, spark: Any = None, input_format: Optional[str] = None,
        reveal: bool = False, csv_multiline: bool = False,
        sample: int = 0) -> Dict[str, Any]:
    """Classify inputs on Spark and return the report (the JSON report of
    docs/report.md) as Python objects. ``spark``: a SparkSession (None:
    getOrCreate). ``sample`` > 0: of Parquet, ORC and Avro, only the first
    ``sample`` rows of each partition (Spark task) are classified; the
    collection's ``records`` are then all its rows, ``sampled`` those read."""
    if sample < 0:
        raise ValueError("sample must be 0 (every row) or more")
    from functools import reduce
    from pyspark.sql import SparkSession
    spark = spark or SparkSession.builder.appName("ajar").getOrCreate()
    started = now_utc()
    frames, failed = [], {}
    for i, path in enumerate(inputs):
        try:
            frames.append(_frame(spark, path, format_of(path, input_format), i,
                                 reveal, csv_multiline, sample))
        except Exception as e:  # a missing path, an unknown format: one target
            if not _unreadable(e):
                raise
            failed[i] = e
    rows = reduce(lambda a, b: a.union(b), frames).collect() if frames else []
    by_input: Dict[int, List[Any]] = {}
    for r in rows:
        by_input.setdefault(r["input"], []).append(r.asDict())
    targets = [_error_target(p, failed[i]) if i in failed else
               _target(p, by_input.get(i, []), reveal, sample) for i, p in enumerate(inputs)]
    return assemble(targets, started)


def assemble(targets: List[Dict[str, Any]], started: str) -> Dict[str, Any]:
    """A report around targets, its summary counted as the library counts it."""
    sev = {s: 0 for s in ("critical", "high", "medium", "low", "info")}
    for t in targets:
        sev[t["severity"]] += 1
    summary = {"targets": len(targets),
               "open": sum(1 for t in targets if t["reachable"] and not t["auth_required"]),
               "collections": sum(len(t["collections"]) for t in targets), **sev}
    version = _lib.lib().ajar_version().decode()
    return {"tool": {"name": "ajar", "version": version}, "started_at": started,
            "finished_at": now_utc(), "targets": targets, "summary": summary}


def _scan_shard(k: int, n: int, targets: Sequence[str],
                options: Dict[str, Any]) -> Dict[str, Any]:
    """One Spark task: shard k of n, in this executor's libajar."""
    return default_classifier().scan(list(targets), shard=(k, n), **options)


def merge_reports(parts: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    """Shard reports as one (ajar report --merge does the same): every
    target once, sorted; the earliest start, the latest end."""
    targets = sorted((t for p in parts for t in p["targets"]),
                     key=lambda t: t.get("target") or "")
    report = assemble(targets, min((p["started_at"] for p in parts), default=now_utc()))
    report["finished_at"] = max((p["finished_at"] for p in parts),
                                default=report["finished_at"])
    notes = sorted({p["note"] for p in parts if p.get("note")})
    if notes:
        report["note"] = "; ".join(notes)
    return report


def scan(targets: Sequence[str], *, shards: int, spark: Any = None,
         **options: Any) -> Dict[str, Any]:
    """Scan targets as ``shards`` Spark tasks (shard K of N each, see
    ajar.report.scan for the options) and return the merged report."""
    from pyspark.sql import SparkSession
    if shards < 1:
        raise ValueError("shards must be at least 1")
    spark = spark or SparkSession.builder.appName("ajar").getOrCreate()
    ts, opts = list(targets), dict(options)
    rdd = spark.sparkContext.parallelize(range(1, shards + 1), shards)
    parts = rdd.map(lambda k: _scan_shard(k, shards, ts, opts)).collect()
    return merge_reports(parts)


def _scan_main(argv: Sequence[str]) -> int:
    """python -m ajar.spark scan TARGET... --shards N"""
    ap = argparse.ArgumentParser(
        prog="python -m ajar.spark scan",
        description="ajar scan as N Spark tasks (shard K of N each); the merged "
                    "report lists the targets one `ajar scan` would.")
    ap.add_argument("targets", nargs="*", metavar="TARGET",
                    help="addresses, CIDRs, host names, host:port, URLs or DSNs")
    ap.add_argument("--shards", type=int, required=True, help="Spark tasks (N)")
    ap.add_argument("-o", "--out", default="-", help="report file (default: stdout)")
    ap.add_argument("-p", "--ports", help="ports and ranges, as ajar scan -p")
    ap.add_argument("--sample", type=int, help="records read per collection")
    ap.add_argument("--probe-all", action="store_true")
    ap.add_argument("--all", dest="report_all", action="store_true",
                    help="also endpoints that did not answer")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--scope-file", help="--scope of ajar scan: a file of CIDRs/hosts")
    ap.add_argument("--authorized", action="store_true")
    ap.add_argument("--max-per-host", type=int)
    ap.add_argument("--read-timeout-ms", type=int)
    ap.add_argument("--user")
    ap.add_argument("--master", help="Spark master when not run by spark-submit "
                                     "(default: local[*])")
    a = ap.parse_args(argv)
    if a.shards < 1:
        ap.error("--shards must be at least 1")
    options: Dict[str, Any] = {
        "ports": a.ports, "sample": a.sample, "probe_all": a.probe_all,
        "report_all": a.report_all, "authorized": a.authorized,
        "max_per_host": a.max_per_host, "read_timeout_ms": a.read_timeout_ms,
        "exclude": [x for e in a.exclude for x in e.replace(",", " ").split()]}
    if a.scope_file:
        with open(a.scope_file, encoding="utf-8") as f:
            options["scope"] = [w for line in f for w in line.split("#")[0].split()]
    if a.user:
        options["user"] = a.user
        options["password"] = os.environ.get("AJAR_PASSWORD")
    options = {k: v for k, v in options.items() if v not in (None, [], False)}
    with _session(a.master) as spark:
        report = scan(a.targets, shards=a.shards, spark=spark, **options)
    _write(report, a.out)
    for t in report["targets"]:
        if t["error"]:
            print(f"ajar: {t['target']}: {t['error']}", file=sys.stderr)
    failed = [t for t in report["targets"] if t["error"] and not t["reachable"]]
    return 3 if report["targets"] and len(failed) == len(report["targets"]) else 0


class _session:
    """The active SparkSession (a notebook's), else one of our own (with
    packages, Maven coordinates, fetched by Spark at start)."""

    def __init__(self, master: Optional[str], packages: Sequence[str] = ()) -> None:
        self.master = master
        self.packages = list(packages)
        self.own = False

    def __enter__(self) -> Any:
        from pyspark.sql import SparkSession
        spark = SparkSession.getActiveSession()
        if spark is not None:
            return spark
        self.own = True
        b = SparkSession.builder.appName("ajar")
        if self.packages:
            b = b.config("spark.jars.packages", ",".join(self.packages))
        master = self.master or (None if _under_submit() else "local[*]")
        if master:
            b = b.master(master)
            if master.startswith("local"):  # workers: this interpreter
                os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        self.spark = b.getOrCreate()
        return self.spark

    def __exit__(self, *exc: Any) -> None:
        if self.own:
            self.spark.stop()


def _write(report: Dict[str, Any], out: str) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if out == "-":
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command line; returns the exit code (0 ran, 2 usage, 3 nothing read)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["scan"]:
        return _scan_main(argv[1:])
    if argv[:1] == ["files"]:  # python -m ajar.spark files INPUT... as ajar files
        argv = argv[1:]
    ap = argparse.ArgumentParser(
        prog="python -m ajar.spark [files]",
        description="Classify personal data in JSON lines, CSV/TSV, Parquet, ORC "
                    "and Avro on Spark; the report equals `ajar files --format json` "
                    "(for Parquet, ORC and Avro: on the same rows as JSON lines).")
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="file, directory or glob on any Hadoop filesystem")
    ap.add_argument("-o", "--out", default="-", help="report file (default: stdout)")
    ap.add_argument("--input-format", choices=FORMATS,
                    help="format of every input (default: by name)")
    ap.add_argument("--master", help="Spark master when not run by spark-submit "
                                     "(default: local[*])")
    ap.add_argument("--reveal", action="store_true", help="whole values as examples")
    ap.add_argument("--csv-multiline", action="store_true",
                    help="CSV cells may hold line breaks (files are then not split)")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="Parquet, ORC and Avro: classify the first N rows of each "
                         "Spark partition only (records: all rows, sampled: those read)")
    ap.add_argument("--avro", action="store_true",
                    help="start Spark with the spark-avro package matching pyspark "
                         "(org.apache.spark:spark-avro_SCALA:SPARK_VERSION), to read "
                         "Avro; Spark fetches it from Maven Central once")
    ap.add_argument("--avro-package", metavar="COORD",
                    help="as --avro, with this Maven coordinate")
    a = ap.parse_args(argv)
    if a.sample < 0:
        ap.error("--sample must be 0 (every row) or more")
    packages = [a.avro_package] if a.avro_package else [avro_package()] if a.avro else []
    try:
        with _session(a.master, packages) as spark:  # a notebook's session, else our own
            report = run(a.inputs, spark=spark, input_format=a.input_format,
                         reveal=a.reveal, csv_multiline=a.csv_multiline,
                         sample=a.sample)
    except Exception as e:
        if not packages or type(e).__name__ != "PySparkRuntimeError":
            raise
        print(f"ajar: Spark did not start with {', '.join(packages)} (Spark's Ivy "
              "could not fetch it? its messages are above; --avro-package COORD "
              "names another version)", file=sys.stderr)
        return 2
    _write(report, a.out)
    for t in report["targets"]:
        if t["error"]:
            print(f"ajar: {t['target']}: {t['error']}", file=sys.stderr)
    return 3 if all(t["error"] for t in report["targets"]) else 0


def _under_submit() -> bool:
    """True when spark-submit started this driver (it passes a gateway)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


if __name__ == "__main__":
    sys.exit(main())
