"""Loading libajar with ctypes, and the C signatures the package uses.

The report structs (``ajar_target_result``, ``ajar_report``) are never
mirrored here: the package hands the library zeroed buffers of
``STRUCT_BYTES`` and reads results only through ``ajar_report_write_json``,
so a field added to those structs cannot shift a Python-side layout
(src/lib/collection_io.c asserts the sizes stay under the buffer).
Option structs are mirrored field by field and start with ``size``, set
to the size of the Python-side layout; the library refuses a size it
does not know (AJAR_EINVAL), so a layout that lost or gained a field
fails loudly instead of sending one field as another (the rule is in
include/ajar/classify.h, "Option structs").
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char_p, c_double,
                    c_int, c_size_t, c_uint, c_void_p)
from pathlib import Path
from typing import Optional

#: bytes handed to the library for one ``struct ajar_target_result`` or
#: ``struct ajar_report`` (checked by _Static_assert in collection_io.c)
STRUCT_BYTES = 1024
#: environment variable naming the libajar.so to load
LIBRARY_ENV = "AJAR_LIBRARY"
#: where a wheel ships the library, inside the package
BUNDLED = Path(__file__).resolve().parent / "_lib" / "libajar.so"

AJAR_EPARSE = -5
AJAR_ETOOBIG = -4


class DetectorInfo(Structure):
    """``struct ajar_detector_info``."""

    _fields_ = [("name", c_char_p), ("category", c_int),
                ("validation", c_char_p), ("needs", c_char_p)]


class MatchStruct(Structure):
    """``struct ajar_match``."""

    _fields_ = [("detector", c_uint), ("category", c_int),
                ("validated", c_int), ("start", c_size_t), ("end", c_size_t)]


class _Opts(Structure):
    """An option struct: ``size`` is set to the layout's own size."""

    def __init__(self, **fields: object) -> None:
        super().__init__(**fields)
        self.size = ctypes.sizeof(self)


class CollectionOpts(_Opts):
    """``struct ajar_collection_opts``."""

    _fields_ = [("size", c_size_t), ("reveal", c_int)]


class FilesOpts(_Opts):
    """``struct ajar_files_opts``."""

    _fields_ = [("size", c_size_t), ("threads", c_int), ("reveal", c_int),
                ("format", c_char_p)]


MATCH_CB = CFUNCTYPE(c_int, POINTER(MatchStruct), c_void_p)
TARGET_CB = CFUNCTYPE(c_int, c_void_p, c_void_p)
PROGRESS_CB = CFUNCTYPE(None, c_void_p, c_void_p)


class ScanOpts(_Opts):
    """``struct ajar_scan_opts`` (include/ajar/scan.h), field by field."""

    _fields_ = [("size", c_size_t), ("ports", c_char_p),
                ("exclude", POINTER(c_char_p)), ("n_exclude", c_size_t),
                ("scope", POINTER(c_char_p)), ("n_scope", c_size_t),
                ("concurrency", c_int), ("rate", c_double),
                ("connect_timeout_ms", c_int), ("read_timeout_ms", c_int),
                ("target_deadline_ms", c_int), ("max_runtime_ms", c_int),
                ("sample", c_uint), ("include_system", c_int),
                ("reveal", c_int), ("report_all", c_int),
                ("probe_all", c_int),
                ("user", c_char_p), ("password", c_char_p),
                ("progress", PROGRESS_CB), ("progress_ctx", c_void_p),
                ("authorized", c_int), ("max_per_host", c_int),
                ("shard_index", c_uint), ("shard_count", c_uint),
                ("credentials", c_void_p), ("n_credentials", c_size_t),
                ("allow_cleartext_password", c_int), ("cacert", c_char_p),
                ("insecure", c_int)]


_SIGNATURES = {
    "ajar_version": (c_char_p, []),
    "ajar_strerror": (c_char_p, [c_int]),
    "ajar_category_name": (c_char_p, [c_int]),
    "ajar_detector_count": (c_size_t, []),
    "ajar_detector_get": (POINTER(DetectorInfo), [c_size_t]),
    "ajar_db_compile": (c_int, [POINTER(c_void_p), c_char_p, c_size_t]),
    "ajar_db_free": (None, [c_void_p]),
    "ajar_scratch_alloc": (c_int, [c_void_p, POINTER(c_void_p)]),
    "ajar_scratch_free": (None, [c_void_p]),
    "ajar_classify_value": (c_int, [c_void_p, c_void_p, c_char_p, c_size_t,
                                    c_void_p, c_size_t, MATCH_CB, c_void_p]),
    "ajar_collection_new": (c_int, [c_void_p, c_char_p,
                                    POINTER(CollectionOpts), POINTER(c_void_p)]),
    "ajar_collection_free": (None, [c_void_p]),
    "ajar_collection_add_json": (c_int, [c_void_p, c_void_p, c_void_p, c_size_t]),
    "ajar_collection_add_field": (c_int, [c_void_p, c_void_p, c_void_p, c_size_t,
                                          c_void_p, c_size_t]),
    "ajar_collection_end_record": (c_int, [c_void_p]),
    "ajar_collection_merge": (c_int, [c_void_p, c_void_p]),
    "ajar_collection_export": (c_int, [c_void_p, c_void_p, c_size_t,
                                       POINTER(c_size_t)]),
    "ajar_collection_import": (c_int, [c_void_p, c_void_p, c_size_t]),
    "ajar_collection_finish_target": (c_int, [c_void_p, c_char_p, c_char_p,
                                              c_void_p]),
    "ajar_files_scan": (c_int, [c_void_p, c_char_p, POINTER(FilesOpts), c_void_p]),
    "ajar_target_result_clear": (None, [c_void_p]),
    "ajar_report_add": (c_int, [c_void_p, c_void_p]),
    "ajar_report_clear": (None, [c_void_p]),
    "ajar_report_write_json": (c_int, [c_void_p, c_void_p]),
    "ajar_scan_validate": (c_int, [POINTER(c_char_p), c_size_t, POINTER(ScanOpts),
                                   c_char_p, c_size_t]),
    "ajar_scan_run": (c_int, [c_void_p, POINTER(c_char_p), c_size_t,
                              POINTER(ScanOpts), TARGET_CB, c_void_p]),
}

_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None
_libc: Optional[ctypes.CDLL] = None


def library_path() -> str:
    """The libajar the package loads: $AJAR_LIBRARY, else the copy
    shipped in the package, else the system's (``ldconfig``)."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        if not os.path.isabs(env) and not os.path.exists(env):
            try:  # shipped with spark-submit --files, in local mode
                from pyspark import SparkFiles
                shipped = SparkFiles.get(os.path.basename(env))
                if os.path.exists(shipped):
                    return shipped
            except Exception:
                pass
        return os.path.abspath(env) if os.path.exists(env) else env
    if BUNDLED.exists():
        return str(BUNDLED)
    found = ctypes.util.find_library("ajar")
    if found:
        return found
    raise OSError(
        "libajar not found: set AJAR_LIBRARY to a libajar.so, or install the "
        "package with `pip install ./python` so the library is built into it")


def lib() -> ctypes.CDLL:
    """libajar, loaded once, with argument and result types set."""
    global _lib
    if _lib is None:
        with _lock:
            if _lib is None:
                path = library_path()
                # libmongoc, opened when a scan first needs MongoDB
                # (src/lib/probe/mongo_lib.c), would make a
                # /dev/shm/mongoc-PID counter segment (and warn on stderr
                # when a killed process left one with this pid); libajar
                # never reads the counters (see src/cli/main.c).
                os.environ.setdefault("MONGOC_DISABLE_SHM", "1")
                handle = ctypes.CDLL(path)
                for name, (res, args) in _SIGNATURES.items():
                    fn = getattr(handle, name)
                    fn.restype = res
                    fn.argtypes = args
                check_version(handle.ajar_version().decode(), path)
                _lib = handle
    return _lib


def package_version() -> Optional[str]:
    """The version the package was built with (ajar/_version.py, written by
    setup.py from CMake's project(VERSION)); None when running from the
    source tree, where the library is whatever was just built."""
    try:
        from ._version import __version__ as v
    except ImportError:
        return None
    return v


def check_version(found: str, path: str) -> None:
    """Refuse a libajar whose version is not the package's."""
    want = package_version()
    if want is not None and found != want:
        raise OSError(f"libajar {found} at {path} does not match the ajar "
                      f"Python package {want}: install matching versions")


def libc() -> ctypes.CDLL:
    """The C library, for open_memstream/fclose/free."""
    global _libc
    if _libc is None:
        c = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        c.open_memstream.restype = c_void_p
        c.open_memstream.argtypes = [POINTER(c_void_p), POINTER(c_size_t)]
        c.fclose.restype = c_int
        c.fclose.argtypes = [c_void_p]
        c.free.restype = None
        c.free.argtypes = [c_void_p]
        _libc = c
    return _libc


def strerror(rc: int) -> str:
    """ajar_strerror(rc) as a str."""
    return lib().ajar_strerror(rc).decode("utf-8", "replace")


def report_json(report: ctypes.Array) -> bytes:
    """The JSON text of a ``struct ajar_report`` held in ``report``."""
    c = libc()
    buf = c_void_p()
    size = c_size_t()
    f = c.open_memstream(ctypes.byref(buf), ctypes.byref(size))
    if not f:
        raise MemoryError("open_memstream failed")
    rc = lib().ajar_report_write_json(report, f)
    c.fclose(f)
    try:
        data = ctypes.string_at(buf.value, size.value) if buf.value else b""
    finally:
        c.free(buf)
    if rc:
        from .errors import AjarError
        raise AjarError(rc, "writing the report")
    return data


def new_struct() -> ctypes.Array:
    """A zeroed buffer for a report struct (see STRUCT_BYTES)."""
    return ctypes.create_string_buffer(STRUCT_BYTES)
