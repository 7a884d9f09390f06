"""Peer and dump bytes never reach the terminal raw (issue 12, item 5).

Names carrying ESC sequences (CSI, OSC 52, which writes the clipboard),
BEL, a C1 CSI (U+009B) and a bidi override (U+202E) come from a real
Redis key and a real OpenSearch index (tests/servers: shared servers, so
the key and the index get unique names and are removed after the test)
and from the keys of NDJSON and CSV dumps. The text output and every
stderr line hold none of those bytes, shown escaped instead
(ajar_text_escape); the JSON report keeps each name exactly.
"""
import json
import os
import subprocess
import urllib.parse
import urllib.request

import pytest

# what a hostile name carries: CSI (clear screen, colour), OSC 52 (set the
# clipboard) ended by BEL, a C1 CSI, DEL, a right-to-left override, a
# zero-width space and an isolate
HOSTILE = ("\x1b[2J\x1b[31m" "\x1b]52;c;aGk=\x07" "\u009b31m" "\x7f"
           "\u202egpj.exe" "\u200b\u2066")
ESCAPED = ("\\x1b[2J\\x1b[31m" "\\x1b]52;c;aGk=\\x07" "\\u009b31m" "\\x7f"
           "\\u202egpj.exe" "\\u200b\\u2066")
# bytes (UTF-8) that must not appear in text output or on stderr
FORBIDDEN = [b"\x1b", b"\x07", b"\x7f", "\u009b".encode(), "\u202e".encode(),
             "\u200b".encode(), "\u2066".encode()]


def assert_clean(data, where):
    for b in FORBIDDEN:
        assert b not in data, f"{where} holds {b!r}"


def run(ajar_bin, *args):
    p = subprocess.run([ajar_bin, *args], capture_output=True, timeout=300)
    assert p.returncode in (0, 1, 2), p.stderr
    return p


# ---- dumps -------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["ndjson", "csv"])
def test_dump_keys_text_escaped_json_exact(ajar_bin, tmp_path, kind):
    key = "email" + HOSTILE
    path = tmp_path / f"dump.{kind}"
    if kind == "ndjson":
        path.write_text("".join(json.dumps({key: f"user{i}@example.com"}) + "\n"
                                for i in range(5)), encoding="utf-8")
    else:
        path.write_text(f"id,{key}\n" + "".join(f"{i},user{i}@example.com\n"
                                                for i in range(5)), encoding="utf-8")
    p = run(ajar_bin, "files", "--format", "text", str(path))
    assert_clean(p.stdout + p.stderr, "text output")
    assert ("email" + ESCAPED).encode() in p.stdout, p.stdout
    p = run(ajar_bin, "files", "--format", "json", str(path))
    fields = {f["field"] for c in json.loads(p.stdout)["targets"][0]["collections"]
              for f in c["findings"]}
    assert key in fields, fields


def test_file_name_on_stderr_escaped(ajar_bin, tmp_path):
    """A dump whose own name is hostile, with a malformed line: the
    stderr line naming it is escaped, the report keeps the name."""
    path = tmp_path / ("dump" + HOSTILE + ".ndjson")
    path.write_text('{"email": "a@example.com"}\n{not json\n', encoding="utf-8")
    p = run(ajar_bin, "files", "--format", "text", str(path))
    assert b"malformed" in p.stderr, p.stderr
    assert_clean(p.stdout + p.stderr, "text output and stderr")
    assert ESCAPED.encode() in p.stderr
    p = run(ajar_bin, "files", "--format", "json", str(path))
    assert json.loads(p.stdout)["targets"][0]["target"] == str(path)


def test_report_read_back_as_text_escaped(ajar_bin, tmp_path):
    """`ajar report` renders a saved JSON report: its names are file bytes."""
    path = tmp_path / "dump.ndjson"
    path.write_text(json.dumps({"email" + HOSTILE: "a@example.com"}) + "\n",
                    encoding="utf-8")
    saved = tmp_path / "r.json"
    saved.write_bytes(run(ajar_bin, "files", "--format", "json", str(path)).stdout)
    for fmt in ("text", "html"):
        p = run(ajar_bin, "report", "--format", fmt, str(saved))
        assert_clean(p.stdout + p.stderr, f"report --format {fmt}")
        assert b"email" + ESCAPED.replace("'", "&#39;").encode() in p.stdout


# ---- real servers ---------------------------------------------------------------
def check_scan(ajar_bin, url, shown, name):
    """text: no forbidden byte, the name shown escaped; JSON: exact"""
    p = run(ajar_bin, "scan", "--format", "text", url)
    assert_clean(p.stdout + p.stderr, "scan text output")
    assert shown.encode() in p.stdout, p.stdout
    p = run(ajar_bin, "scan", "--format", "json", url)
    names = {c["name"] for c in json.loads(p.stdout)["targets"][0]["collections"]}
    assert name in names, names


def test_real_redis_key_escaped(ajar_bin, shared_server):
    env = shared_server("redis")
    port = env["PORT"]
    key = f"ajar-termsafe-{os.getpid()}" + HOSTILE

    def cli(*args):
        return subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", port, *args],
                              capture_output=True, timeout=30, check=True)
    cli("HSET", key, "email", "someone@example.com", "name", "Some One")
    try:
        check_scan(ajar_bin, f"redis://127.0.0.1:{port}",
                   f"ajar-termsafe-{os.getpid()}{ESCAPED}", key)
    finally:
        cli("DEL", key)


def test_real_opensearch_index_escaped(ajar_bin, shared_server):
    env = shared_server("opensearch")
    base = env["URL"].rstrip("/")
    # index names are lower case (escapes are written in lower case too)
    index = f"ajar-termsafe-{os.getpid()}" + HOSTILE.lower()
    escaped = ESCAPED.lower()
    q = urllib.parse.quote(index, safe="")

    def req(method, path, body=None):
        r = urllib.request.Request(base + path, method=method, data=body,
                                   headers={"content-type": "application/json"})
        with urllib.request.urlopen(r, timeout=60) as resp:
            return json.loads(resp.read())
    doc = json.dumps({"email": "someone@example.com"}).encode()
    assert req("PUT", f"/{q}/_doc/1?refresh=true", doc)["_index"] == index
    try:
        check_scan(ajar_bin, base, f"ajar-termsafe-{os.getpid()}{escaped}", index)
    finally:
        req("DELETE", f"/{q}")
