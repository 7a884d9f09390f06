"""Whole reports (the JSON report of docs/report.md) from files and from data stores."""

from __future__ import annotations

import ctypes
import datetime as _dt
import json
import os
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

from . import _lib
from .errors import AjarError, check

if TYPE_CHECKING:
    from .classifier import Classifier

Report = Dict[str, Any]
PathArg = Union[str, os.PathLike]

#: ajar_scan_opts fields scan() accepts as keyword options
SCAN_OPTIONS = ("ports", "exclude", "scope", "concurrency", "rate",
                "connect_timeout_ms", "read_timeout_ms", "target_deadline_ms",
                "max_runtime_ms", "sample", "include_system", "reveal",
                "report_all", "probe_all", "user", "password", "authorized",
                "max_per_host", "shard", "allow_cleartext_password", "cacert",
                "insecure")
AJAR_ETIMEDOUT = -8


def now_utc() -> str:
    """The report's timestamp format: 2026-11-28T10:00:03Z."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _finish(r: ctypes.Array, started: str) -> Report:
    report = json.loads(_lib.report_json(r))
    report["started_at"] = report.get("started_at") or started
    report["finished_at"] = report.get("finished_at") or now_utc()
    return report


def scan_files(clf: "Classifier", paths: Union[PathArg, Sequence[PathArg]], *,
               threads: int = 0, reveal: bool = False,
               input_format: Optional[str] = None) -> Report:
    """See Classifier.scan_files."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    lib = _lib.lib()
    fmt = input_format.encode() if input_format else None
    opts = _lib.FilesOpts(threads=threads, reveal=1 if reveal else 0, format=fmt)
    started = now_utc()
    r = _lib.new_struct()
    try:
        for p in paths:
            t = _lib.new_struct()
            check(lib.ajar_files_scan(clf._db.ptr, os.fsencode(p),
                                      ctypes.byref(opts), t), os.fsdecode(p))
            rc = lib.ajar_report_add(r, t)
            if rc:
                lib.ajar_target_result_clear(t)
                check(rc)
        return _finish(r, started)
    finally:
        lib.ajar_report_clear(r)


def _strv(items: Optional[Union[str, Sequence[str]]]) -> List[bytes]:
    if items is None:
        return []
    if isinstance(items, str):
        items = items.replace(",", " ").split()
    return [str(i).encode() for i in items]


def _array(items: List[bytes]) -> "ctypes.Array[ctypes.c_char_p]":
    return (ctypes.c_char_p * max(1, len(items)))(*items)


def scan(clf: "Classifier", targets: Union[str, Sequence[str]] = (),
         **options: Any) -> Report:
    """Audit data stores as ``ajar scan`` does and return its report.

    ``targets``: addresses, CIDRs, host names, host:port, URLs or DSNs
    (empty: 127.0.0.1 on every probe's default ports). Options, as in
    ``struct ajar_scan_opts``: ports ("9200,9000-9010" or a list of ints),
    exclude, scope (lists of addresses/CIDRs/host names), concurrency,
    rate, connect_timeout_ms, read_timeout_ms, target_deadline_ms,
    max_runtime_ms, sample, include_system, reveal, report_all,
    probe_all, user, password (for targets named singly: a URL, a DSN,
    host:port), authorized (public addresses need a scope or this),
    max_per_host, shard ((K, N): part K of N disjoint parts whose union is
    the whole scan), allow_cleartext_password (send a password where it
    crosses the network in clear: HTTP Basic over http, Redis AUTH, ...),
    cacert, insecure. Bad targets or options raise AjarError with the library's
    one-line reason; a target that fails is a result with ``error`` set.
    Only read-only requests are sent (see ``ajar scan --help``).
    """
    unknown = set(options) - set(SCAN_OPTIONS)
    if unknown:
        raise TypeError(f"unknown scan option(s): {', '.join(sorted(unknown))}")
    tv = _strv([targets] if isinstance(targets, str) else list(targets))
    ex, sc = _strv(options.get("exclude")), _strv(options.get("scope"))
    tarr, exarr, scarr = _array(tv), _array(ex), _array(sc)
    ports = options.get("ports")
    if ports is not None and not isinstance(ports, str):
        ports = ",".join(str(p) for p in ports)
    o = _lib.ScanOpts()
    o.ports = ports.encode() if ports else None
    o.exclude, o.n_exclude = exarr, len(ex)
    o.scope, o.n_scope = scarr, len(sc)
    for k in ("concurrency", "connect_timeout_ms", "read_timeout_ms",
              "target_deadline_ms", "max_runtime_ms", "sample", "max_per_host"):
        if options.get(k) is not None:
            setattr(o, k, int(options[k]))
    o.rate = float(options.get("rate") or 0)
    if options.get("shard") is not None:
        o.shard_index, o.shard_count = (int(x) for x in options["shard"])
    for k in ("include_system", "reveal", "report_all", "probe_all", "authorized",
              "allow_cleartext_password", "insecure"):
        setattr(o, k, 1 if options.get(k) else 0)
    for k in ("user", "password", "cacert"):
        if options.get(k) is not None:
            setattr(o, k, str(options[k]).encode())
    lib = _lib.lib()
    err = ctypes.create_string_buffer(512)
    check(lib.ajar_scan_validate(tarr, len(tv), ctypes.byref(o), err, len(err)),
          err.value.decode("utf-8", "replace"))
    r = _lib.new_struct()

    def on_target(t: int, _ctx: Any) -> int:
        if lib.ajar_report_add(r, t):
            lib.ajar_target_result_clear(t)
        return 0

    cb = _lib.TARGET_CB(on_target)
    started = now_utc()
    try:
        rc = lib.ajar_scan_run(clf._db.ptr, tarr, len(tv), ctypes.byref(o), cb, None)
        if rc and rc != AJAR_ETIMEDOUT:
            raise AjarError(rc, "scan")
        report = _finish(r, started)
    finally:
        lib.ajar_report_clear(r)
    report["targets"].sort(key=lambda t: t.get("target") or "")
    if rc == AJAR_ETIMEDOUT:
        report["note"] = "max_runtime_ms reached; targets not yet started were not scanned"
    return report
