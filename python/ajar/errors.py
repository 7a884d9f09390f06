"""The package's exception."""

from __future__ import annotations

from typing import Optional


class AjarError(Exception):
    """A libajar call failed.

    ``code`` is the library's negative ``AJAR_E*`` code, ``reason`` its
    ``ajar_strerror`` text and ``detail`` the one-line detail the library
    gave (a compile error, a bad target), if any. ``str(err)`` joins them.
    """

    def __init__(self, code: int, detail: Optional[str] = None) -> None:
        from ._lib import strerror
        self.code = code
        self.reason = strerror(code)
        self.detail = detail or None
        super().__init__(f"{self.reason}: {detail}" if detail else self.reason)


def check(rc: int, detail: Optional[str] = None) -> None:
    """Raise AjarError for a nonzero library return code."""
    if rc:
        raise AjarError(rc, detail)
