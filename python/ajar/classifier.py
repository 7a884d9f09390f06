"""Classifier, Collection and Match: the classifier of libajar from Python.

Thread safety follows the library's shape (Hyperscan's): a Classifier
holds one compiled, immutable detector database that any number of
threads share, and gives each thread its own scratch (``threading.local``),
so one Classifier can be used from many threads at once; the library
releases the GIL while it classifies. A Collection is one aggregation
and must be used by one thread at a time; give each thread its own and
``merge`` them.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import decimal
import base64
import json
import os
import re
import threading
from dataclasses import dataclass
from typing import (Any, Dict, Iterable, List, Mapping, Optional, Sequence,
                    Tuple, Union)

from . import _lib
from .errors import AjarError, check

JSONText = Union[str, bytes, bytearray, memoryview]
Report = Dict[str, Any]

# libajar classifies at most AJAR_MAX_VALUE_SCAN (64 KiB, src/lib/ajar_limits.h)
# of one value; longer text goes in chunks cut at white space, overlapping
# so that a value across a cut is seen whole in the next chunk.
_CHUNK = 60 * 1024
_OVERLAP = 512
_CONT = re.compile(rb"[\x80-\xbf]")
_SPACE = re.compile(rb"\s")
_SHORT = 48  # value.c: free text is a value over 48 bytes with spaces


@dataclass(frozen=True)
class Match:
    """One candidate the classifier found in a text.

    ``start``/``end`` index the text given (characters of a str, bytes of
    bytes); ``value`` is the matched text; ``validated`` is True when a
    check digit or strict format held.
    """

    detector: str
    category: str
    validated: bool
    start: int
    end: int
    value: str


def _json_default(o: Any) -> Any:
    """json.dumps fallback for values records from databases carry."""
    if isinstance(o, (_dt.datetime, _dt.date, _dt.time)):
        return o.isoformat()
    if isinstance(o, decimal.Decimal):
        return float(o)
    if isinstance(o, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(o)).decode("ascii")
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    raise TypeError(f"{type(o).__name__} is not JSON serialisable")


def record_json(record: Any) -> bytes:
    """A record as the UTF-8 JSON text the library walks.

    str/bytes are taken as JSON text already; anything else goes through
    ``json.dumps`` (non-ASCII kept as is, dates as ISO 8601, bytes as
    base64). Raises AjarError(AJAR_EINVAL) for what JSON cannot hold.
    """
    if isinstance(record, str):
        return record.encode("utf-8", "surrogatepass")
    if isinstance(record, (bytes, bytearray, memoryview)):
        return bytes(record)
    try:
        text = json.dumps(record, ensure_ascii=False, allow_nan=False,
                          default=_json_default, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        raise AjarError(-2, f"record is not JSON: {e}") from None
    return text.encode("utf-8", "surrogatepass")


def _addr(data: bytes) -> int:
    """Address of a bytes object's buffer (kept alive by the caller)."""
    return ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value or 0


class _Db:
    """Owns one compiled ``struct ajar_db``."""

    def __init__(self) -> None:
        lib = _lib.lib()
        self._free = lib.ajar_db_free
        self.ptr = ctypes.c_void_p()
        err = ctypes.create_string_buffer(256)
        rc = lib.ajar_db_compile(ctypes.byref(self.ptr), err, len(err))
        check(rc, err.value.decode("utf-8", "replace"))

    def __del__(self) -> None:
        if getattr(self, "ptr", None) and self.ptr.value:
            self._free(self.ptr)
            self.ptr = ctypes.c_void_p()


class _Scratch:
    """One thread's ``struct ajar_scratch``; keeps its database alive."""

    def __init__(self, db: _Db) -> None:
        lib = _lib.lib()
        self._free = lib.ajar_scratch_free
        self.db = db
        self.ptr = ctypes.c_void_p()
        check(lib.ajar_scratch_alloc(db.ptr, ctypes.byref(self.ptr)))

    def __del__(self) -> None:
        if getattr(self, "ptr", None) and self.ptr.value:
            self._free(self.ptr)
            self.ptr = ctypes.c_void_p()


class Classifier:
    """The detector set, compiled once (``ajar_db_compile``), reusable.

    Share one Classifier between threads: each thread gets its own
    scratch on first use. Compiling takes a moment, so keep the instance
    (the module-level functions use one shared default instance).
    """

    def __init__(self) -> None:
        self._db = _Db()
        self._local = threading.local()
        lib = _lib.lib()
        self._detectors: List[Tuple[str, str]] = []
        for i in range(lib.ajar_detector_count()):
            d = lib.ajar_detector_get(i).contents
            self._detectors.append((d.name.decode(), self.category_name(d.category)))

    @staticmethod
    def category_name(category: int) -> str:
        """The category id ("identity.national_id") of enum ajar_category."""
        name = _lib.lib().ajar_category_name(category)
        return name.decode() if name else str(category)

    @property
    def detectors(self) -> List[Tuple[str, str]]:
        """(detector name, category id) of every detector, in table order."""
        return list(self._detectors)

    def _scratch(self) -> _Scratch:
        s = getattr(self._local, "scratch", None)
        if s is None:
            s = self._local.scratch = _Scratch(self._db)
        return s

    # ---- values and text ---------------------------------------------------
    def classify_text(self, text: Union[str, bytes], field: Optional[str] = None
                      ) -> List[Match]:
        """Every candidate in ``text``, as if it stood in ``field`` (a dotted
        path such as "person.idcard"; None: no field). Text of any length:
        past 60 KiB it is classified in overlapping chunks. These are
        value-level candidates; field-level decisions (how many values
        must agree) are what ``classify_record``/Collection make."""
        is_str = isinstance(text, str)
        data = text.encode("utf-8", "surrogatepass") if is_str else bytes(text)
        n = len(data)
        if n <= _SHORT and _SPACE.search(data):
            # libajar reads a short value with spaces as one value ("New
            # York"), not as text; a line past the end (not trimmed away
            # as white space would be) makes it text
            data += b"\n-"
            n += 2
        fdata = field.encode("utf-8") if field else None
        found: Dict[Tuple[int, int, int], Tuple[int, bool]] = {}
        hits: List[Tuple[int, int, int, bool]] = []

        def on_match(m: Any, _ctx: Any) -> int:
            c = m.contents
            hits.append((c.detector, c.start, c.end, bool(c.validated)))
            return 0

        cb = _lib.MATCH_CB(on_match)
        lib = _lib.lib()
        scratch = self._scratch()
        base = _addr(data)
        pos = 0
        while True:
            end = min(n, pos + _CHUNK)
            if end < n:  # cut at white space where there is some
                cut = max(data.rfind(b"\n", pos + _CHUNK // 2, end),
                          data.rfind(b" ", pos + _CHUNK // 2, end))
                if cut > pos:
                    end = cut
            hits.clear()
            rc = lib.ajar_classify_value(self._db.ptr, scratch.ptr, fdata,
                                         len(fdata) if fdata else 0,
                                         base + pos, end - pos, cb, None)
            check(rc)
            for det, a, b, valid in hits:
                key = (det, pos + a, pos + b)
                found[key] = (det, valid or found.get(key, (0, False))[1])
            if end >= n:
                break
            nxt = max(data.find(b" ", end - _OVERLAP, end),
                      data.find(b"\n", end - _OVERLAP, end))
            pos = nxt + 1 if nxt > pos else end
        return self._matches(text if is_str else None, data, found)

    def _matches(self, text: Optional[str], data: bytes,
                 found: Dict[Tuple[int, int, int], Tuple[int, bool]]) -> List[Match]:
        keys = sorted(found, key=lambda k: (k[1], k[2], k[0]))
        ascii_only = text is not None and text.isascii()
        cache: Dict[int, int] = {}

        def char_at(b: int) -> int:
            if text is None or ascii_only:
                return b
            if b not in cache:  # bytes minus UTF-8 continuation bytes
                cache[b] = b - len(_CONT.findall(data, 0, b))
            return cache[b]

        out = []
        for det, a, b in keys:
            name, cat = self._detectors[det]
            s, e = char_at(a), char_at(b)
            value = text[s:e] if text is not None else \
                data[a:b].decode("utf-8", "replace")
            out.append(Match(name, cat, found[(det, a, b)][1], s, e, value))
        return out

    # ---- records ------------------------------------------------------------
    def collection(self, name: str = "", *, reveal: bool = False) -> "Collection":
        """A new, empty Collection classified with this database."""
        return Collection(self, name, reveal=reveal)

    def classify_record(self, record: Any, *, reveal: bool = False
                        ) -> List[Dict[str, Any]]:
        """The findings of one record: a dict (nested dicts give dotted
        paths, "person.idcard"; lists give "items[]"), or its JSON text.
        Each finding is a dict as in the report (the JSON report of docs/report.md):
        field, category, detector, matches, records, confidence, examples.
        Raises AjarError (AJAR_EPARSE) for malformed JSON text."""
        col = self.collection("record", reveal=reveal)
        col.add_json(record_json(record), strict=True)
        return col.finish()["findings"]

    def classify_records(self, records: Iterable[Any], name: str = "records", *,
                         reveal: bool = False) -> Dict[str, Any]:
        """One collection of many records (dicts or JSON texts): the
        collection object of the report, with field-level decisions made
        over all of them. Malformed JSON texts are counted, not raised."""
        col = self.collection(name, reveal=reveal)
        for r in records:
            col.add_json(record_json(r))
        return col.finish()

    # ---- files and stores ---------------------------------------------------
    def scan_files(self, paths: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]],
                   *, threads: int = 0, reveal: bool = False,
                   input_format: Optional[str] = None) -> Report:
        """What ``ajar files --format json PATH...`` reports, as Python
        objects: one target per path (store "file"). A file that cannot be
        read or is binary is a target with ``error`` set, not an exception.
        ``threads`` <= 0: all cores; ``input_format``: "ndjson", "json",
        "csv", "tsv" or "text" (None: by name and content)."""
        from .report import scan_files
        return scan_files(self, paths, threads=threads, reveal=reveal,
                          input_format=input_format)

    def scan(self, targets: Union[str, Sequence[str]] = (), **options: Any) -> Report:
        """What ``ajar scan --format json TARGET...`` reports: see
        ``ajar.report.scan`` for the options."""
        from .report import scan
        return scan(self, targets, **options)

    def close(self) -> None:
        """Drop this instance's database reference (freed once no thread's
        scratch uses it any more)."""
        self._local = threading.local()

    def __enter__(self) -> "Classifier":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Collection:
    """Field-level aggregation over many records (``struct ajar_collection``).

    Add records (JSON texts, dicts or rows), then ``finish`` for the
    collection's findings, categories, profiles and severity. Partial
    collections merge (``merge``, or ``export_state``/``merge_state`` across
    processes) into the decisions one collection would have made. One
    thread at a time.
    """

    def __init__(self, classifier: Classifier, name: str = "", *,
                 reveal: bool = False) -> None:
        lib = _lib.lib()
        self._lib = lib
        self._classifier = classifier
        self.name = name
        self.ptr = ctypes.c_void_p()
        opts = _lib.CollectionOpts(reveal=1 if reveal else 0)
        check(lib.ajar_collection_new(classifier._db.ptr, name.encode("utf-8"),
                                      ctypes.byref(opts), ctypes.byref(self.ptr)))
        self._db = classifier._db  # the collection must not outlive it

    def __del__(self) -> None:
        if getattr(self, "ptr", None) and self.ptr.value:
            self._lib.ajar_collection_free(self.ptr)
            self.ptr = ctypes.c_void_p()

    def _live(self) -> ctypes.c_void_p:
        if not self.ptr.value:
            raise ValueError("collection already freed")
        return self.ptr

    def add_json(self, record: JSONText, *, strict: bool = False) -> bool:
        """Classify one JSON record (object or array). Returns False for a
        malformed one (counted in the report's ``malformed``), or with
        ``strict`` raises AjarError(AJAR_EPARSE)."""
        data = bytes(record) if not isinstance(record, str) else \
            record.encode("utf-8", "surrogatepass")
        rc = self._lib.ajar_collection_add_json(
            self._live(), self._classifier._scratch().ptr, data, len(data))
        if rc == _lib.AJAR_EPARSE:
            if strict:
                raise AjarError(rc, "record is not valid JSON")
            return False
        check(rc)
        return True

    def add_record(self, record: Any) -> bool:
        """Classify one record given as a dict/list (or JSON text)."""
        return self.add_json(record_json(record))

    def add_row(self, row: Union[Mapping[str, Any], Iterable[Tuple[str, Any]]]) -> None:
        """Classify one row-shaped record: column name -> value (as a CSV
        row: each value as text, None as empty)."""
        items = row.items() if isinstance(row, Mapping) else row
        c, s = self._live(), self._classifier._scratch().ptr
        for k, v in items:
            kb = str(k).encode("utf-8", "surrogatepass")
            vb = b"" if v is None else v if isinstance(v, bytes) else \
                str(v).encode("utf-8", "surrogatepass")
            check(self._lib.ajar_collection_add_field(c, s, kb, len(kb), vb, len(vb)))
        check(self._lib.ajar_collection_end_record(c))

    def merge(self, other: "Collection") -> None:
        """Add other's evidence to this one (other is unchanged)."""
        check(self._lib.ajar_collection_merge(self._live(), other._live()))

    def export_state(self) -> bytes:
        """This collection's evidence as bytes, for ``merge_state`` in
        another process using the same library version."""
        need = ctypes.c_size_t()
        rc = self._lib.ajar_collection_export(self._live(), None, 0, ctypes.byref(need))
        if rc != _lib.AJAR_ETOOBIG:
            check(rc)
        buf = ctypes.create_string_buffer(need.value)
        check(self._lib.ajar_collection_export(self.ptr, buf, need.value,
                                               ctypes.byref(need)))
        return buf.raw[:need.value]

    def merge_state(self, state: bytes) -> None:
        """Merge bytes from ``export_state``. AjarError(AJAR_EPARSE) for
        bytes that are not such an export (nothing is merged then)."""
        data = bytes(state)
        check(self._lib.ajar_collection_import(self._live(), data, len(data)),
              "not an exported collection")

    def finish_target(self, target: str, store: str = "file") -> Dict[str, Any]:
        """The decisions, as a report target holding this one collection
        (what ``ajar files`` reports for a file named ``target``)."""
        return self._report([target], store)["targets"][0]

    def finish(self) -> Dict[str, Any]:
        """The decisions, as the report's collection object: name, records,
        sampled, severity, categories, profiles, findings."""
        return self.finish_target(self.name)["collections"][0]

    def _report(self, targets: List[str], store: str) -> Report:
        t, r = _lib.new_struct(), _lib.new_struct()
        lib = self._lib
        try:
            check(lib.ajar_collection_finish_target(
                self._live(), targets[0].encode("utf-8", "surrogateescape"),
                store.encode(), t))
            rc = lib.ajar_report_add(r, t)
            if rc:
                lib.ajar_target_result_clear(t)
                check(rc)
            return json.loads(_lib.report_json(r))
        finally:
            lib.ajar_report_clear(r)
