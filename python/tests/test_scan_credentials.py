"""ajar.scan() with credentials against real servers (tests/servers): the
server must see the user name the caller gave, and the password as the
password (the option struct's fields must not shift: include/ajar/
classify.h, "Option structs").

The servers are shared between test runs: started when missing, never
stopped here.
"""

from __future__ import annotations

import ctypes
import secrets
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

import ajar
from ajar import _lib
from conftest import server_env


def redis_cli(env: Dict[str, str], *args: str) -> str:
    """redis-cli as the server's default user."""
    proc = subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", env["PORT"],
                           "--no-auth-warning", "-a", env["PASSWORD"], *args],
                          capture_output=True, text=True, check=True)
    return proc.stdout


def acl_log_users(env: Dict[str, str]) -> List[str]:
    """The user names of ACL LOG's auth failures (newest first)."""
    lines = redis_cli(env, "ACL", "LOG", "128").splitlines()
    users = []
    for i, line in enumerate(lines[:-3]):
        if line == "reason" and lines[i + 1] == "auth":
            j = lines.index("username", i)
            users.append(lines[j + 1])
    return users


def test_scan_opts_layout_is_the_librarys():
    """The library takes the Python-side ScanOpts (its size is known);
    one field short is refused, not read shifted."""
    lib = _lib.lib()
    err = ctypes.create_string_buffer(256)
    o = _lib.ScanOpts()
    assert lib.ajar_scan_validate(None, 0, ctypes.byref(o), err, len(err)) == 0
    o.size -= ctypes.sizeof(ctypes.c_int) * 2
    rc = lib.ajar_scan_validate(None, 0, ctypes.byref(o), err, len(err))
    assert rc == -2 and b"ajar_scan_opts" in err.value


def test_library_version_is_the_packages(monkeypatch):
    """The installed package was built for the library it loads, and
    refuses one of another version."""
    found = _lib.lib().ajar_version().decode()
    if ajar.__version__ is not None:
        assert found == ajar.__version__
    monkeypatch.setattr(_lib, "package_version", lambda: found + ".1")
    with pytest.raises(OSError, match="does not match"):
        _lib.check_version(found, "libajar.so")


def test_redis_sees_the_user_given():
    """A dedicated ACL user on the real redis-auth: the scan reads its keys
    only if AUTH carried that user and its password; a wrong password
    shows up in ACL LOG under that user's name (never the password's)."""
    env = server_env("redis-auth")
    user = f"ajar-py-{secrets.token_hex(4)}"
    password = f"pw-{secrets.token_hex(8)}"
    redis_cli(env, "ACL", "SETUSER", user, "on", f">{password}", "~*", "&*",
              "+info", "+select", "+dbsize", "+scan", "+type", "+strlen", "+get",
              "+hscan", "+sscan", "+lrange", "+zrange", "+xrange", "+llen",
              "+scard", "+zcard", "+xlen", "+ping", "+hello")
    try:
        target = f"redis://127.0.0.1:{env['PORT']}"
        # AUTH is in clear (no TLS here): sent only with the opt-in
        r = ajar.scan([target], user=user, password=password, sample=3)
        (t,) = r["targets"]
        assert "credentials not sent" in (t["error"] or ""), t
        r = ajar.scan([target], user=user, password=password, sample=3,
                      allow_cleartext_password=True)
        (t,) = r["targets"]
        assert t["store"] == "redis" and t["auth_required"] is True, t
        assert t["error"] is None and t["collections"], t
        assert password not in acl_log_users(env)

        before = len(acl_log_users(env))
        r = ajar.scan([target], user=user, password="not-" + password, sample=3,
                      allow_cleartext_password=True)
        (t,) = r["targets"]
        assert t["error"] and not t["collections"], t
        users = acl_log_users(env)
        assert len(users) > before and users[0] == user, users
    finally:
        redis_cli(env, "ACL", "DELUSER", user)


def test_opensearch_sees_the_user_given():
    """The real opensearch-auth (nginx basic auth in front of a node): its
    access log names the user of every request the scan sent with
    credentials."""
    env = server_env("opensearch-auth")
    log = Path(env["ACCESS_LOG"])
    start = log.stat().st_size
    r = ajar.scan([env["URL"]], user=env["USER"], password=env["PASSWORD"], sample=3,
                  allow_cleartext_password=True)  # Basic auth over plain http
    (t,) = r["targets"]
    assert t["auth_required"] is True and t["error"] is None, t
    assert t["collections"], t
    with open(log, "rb") as f:
        f.seek(start)
        lines = f.read().decode("utf-8", "replace").splitlines()
    users = {line.split(" ")[2] for line in lines if line.count(" ") > 3}
    assert env["USER"] in users, lines[:5]
    assert env["PASSWORD"] not in users
