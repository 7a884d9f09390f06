"""ajar: find personal data in records, files and open data stores.

Python over libajar (ctypes). The module-level functions share one
default Classifier, compiled on first use::

    import ajar
    ajar.classify_text("mail me: li.wei@example.com")      # [Match(...)]
    ajar.classify_record({"person": {"idcard": "11010519491231002X"}})
    ajar.scan_files(["dump.ndjson"])                       # report dict
    ajar.scan(["127.0.0.1:9200"], sample=50)               # report dict

Reports are the JSON report of docs/report.md as Python objects.
Errors raise ``ajar.AjarError`` with the library's message.
"""

from __future__ import annotations

import threading
from typing import Any, Dict, List, Optional, Sequence, Union

from .classifier import Classifier, Collection, Match, record_json
from .errors import AjarError
from ._lib import library_path, package_version

#: the package's version (CMake's project(VERSION) when it was built);
#: None in a source tree, where it is whatever libajar was just built
__version__ = package_version()
__all__ = ["AjarError", "Classifier", "Collection", "Match", "classify_text",
           "classify_record", "scan_files", "scan", "default_classifier",
           "library_path", "record_json", "__version__"]

_default: Optional[Classifier] = None
_default_lock = threading.Lock()


def default_classifier() -> Classifier:
    """The shared Classifier of the module-level functions (compiled once
    per process, on first use; safe to use from any thread)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Classifier()
    return _default


def classify_text(text: Union[str, bytes], field: Optional[str] = None) -> List[Match]:
    """Candidates in a text of any length: see Classifier.classify_text."""
    return default_classifier().classify_text(text, field)


def classify_record(record: Any, *, reveal: bool = False) -> List[Dict[str, Any]]:
    """Findings of one record (dict or JSON text), with dotted field paths:
    see Classifier.classify_record."""
    return default_classifier().classify_record(record, reveal=reveal)


def scan_files(paths: Any, *, threads: int = 0, reveal: bool = False,
               input_format: Optional[str] = None) -> Dict[str, Any]:
    """The report of ``ajar files`` over paths: see Classifier.scan_files."""
    return default_classifier().scan_files(paths, threads=threads, reveal=reveal,
                                           input_format=input_format)


def scan(targets: Union[str, Sequence[str]] = (), **options: Any) -> Dict[str, Any]:
    """The report of ``ajar scan`` over targets: see ajar.report.scan."""
    return default_classifier().scan(targets, **options)
