"""`ajar scan` against hostile peers: hand-written fakes (tests/hostile/
peers.py, asyncio on 127.0.0.1), not real stores. Each case runs one
ajar process on one hostile peer together with one good fake
Elasticsearch, and asserts:

- ajar exits (code 0, 1, 2 or 3) within its deadline plus a margin, with
  no sanitizer report;
- the ajar process's peak RSS stays under 128 MiB (not in the ASan
  build, whose shadow memory is no measure of the tool's own);
- the hostile target's result carries a clear one-line error or note,
  the one the case expects;
- the good target in the same run is fully classified;
- a honeypot is flagged as one, with no store, no collections, no
  findings.

The cases run concurrently (one ajar process each) in a session fixture,
so the whole suite takes about as long as its slowest few cases. A case
whose probe is not in the binary is skipped ("probe not present"),
detected at run time.
"""
import concurrent.futures
import json
import os
import re

import pytest

from conftest import SANITIZED, run_ajar

DEADLINE_S = 4
ARGS = ["scan", "--format", "json", "--no-progress", "--deadline", f"{DEADLINE_S}s",
        "--connect-timeout", "2s", "--read-timeout", "2s", "-c", "4"]
MARGIN_S = 25 if SANITIZED else 8
RSS_LIMIT_KIB = 128 * 1024

TIMEOUT = r"timed out|deadline"
CAP = r"over the \d+ MiB cap|too big|over .* bytes|cap"
HONEYPOT = r"honeypot"


def case(name, probe, expect, target="{host}:{port}", extra=(), store=None, peer=None,
         collection=None):
    """peer: the behaviour in peers.BEHAVIOURS (default: the case's name);
    collection: a pattern the note of one of the target's collections matches"""
    return pytest.param(dict(name=name, probe=probe, expect=expect, target=target,
                             extra=list(extra), store=store, peer=peer or name,
                             collection=collection), id=name)


CASES = [
    # HTTP/JSON (Elasticsearch/OpenSearch, Kibana, CouchDB, ClickHouse, etcd)
    case("http-huge-length", "elasticsearch", CAP),
    case("http-endless-chunked", "elasticsearch", CAP),
    case("http-slowloris", "elasticsearch", TIMEOUT),
    case("http-malformed", "elasticsearch", r"."),
    case("http-truncated", "elasticsearch", r"."),
    case("http-close-at-once", "elasticsearch", r"."),
    case("http-close-mid-sample", "elasticsearch", r"sampling people", store="elasticsearch"),
    case("http-deep-json-root", "elasticsearch", r"no known data store"),
    case("http-deep-json-doc", "elasticsearch", None, store="elasticsearch"),
    case("http-gzip-bomb", "elasticsearch", CAP),
    case("http-redirect-loop", "elasticsearch", r"301"),
    case("tls-stall", "elasticsearch", TIMEOUT, target="https://{host}:{port}"),
    case("http-honeypot", "elasticsearch", HONEYPOT),
    case("tcp-honeypot", "redis", HONEYPOT, extra=["--probe-all"]),
    case("tcp-honeypot-native", "memcached", HONEYPOT, extra=["--probe-all"]),
    # Redis (RESP)
    case("redis-huge-bulk", "redis", CAP, target="redis://{host}:{port}"),
    case("redis-endless-array", "redis", CAP, target="redis://{host}:{port}"),
    case("redis-deep-nesting", "redis", r".", target="redis://{host}:{port}"),
    case("redis-slowloris", "redis", TIMEOUT, target="redis://{host}:{port}"),
    case("redis-malformed", "redis", r".", target="redis://{host}:{port}"),
    case("redis-close-mid", "redis", r".", target="redis://{host}:{port}"),
    case("redis-endless-scan", "redis", None, target="redis://{host}:{port}", store="redis"),
    # memcached (text protocol)
    case("memcached-huge-value", "memcached", None, target="memcached://{host}:{port}",
         store="memcached"),
    case("memcached-endless-metadump", "memcached", None,
         target="memcached://{host}:{port}", store="memcached"),
    case("memcached-slowloris", "memcached", TIMEOUT, target="memcached://{host}:{port}"),
    case("memcached-endless-line", "memcached", CAP, target="memcached://{host}:{port}"),
    case("memcached-malformed", "memcached", r".", target="memcached://{host}:{port}"),
    case("memcached-close-mid", "memcached", r".", target="memcached://{host}:{port}"),
    # a native probe on a host name (the engine once dropped its addresses)
    case("memcached-by-hostname", "memcached", None, target="memcached://localhost:{port}",
         store="memcached", peer="memcached-huge-value"),
    # PostgreSQL (v3 protocol, `trust`)
    case("postgresql-huge-length", "postgresql", r".", target="postgresql://{host}:{port}"),
    case("postgresql-endless-rows", "postgresql", r".", target="postgresql://{host}:{port}"),
    case("postgresql-slowloris", "postgresql", TIMEOUT, target="postgresql://{host}:{port}"),
    case("postgresql-malformed", "postgresql", r".", target="postgresql://{host}:{port}"),
    case("postgresql-close-mid", "postgresql", r".", target="postgresql://{host}:{port}"),
    # MySQL/MariaDB (the server greets first)
    case("mysql-huge-packet", "mysql", r".", target="mysql://{host}:{port}"),
    case("mysql-slowloris", "mysql", TIMEOUT, target="mysql://{host}:{port}"),
    case("mysql-malformed", "mysql", r".", target="mysql://{host}:{port}"),
    case("mysql-close-mid", "mysql", r".", target="mysql://{host}:{port}"),
    # a session that logs in, then a sample that never ends: endless rows
    # (cut at LIMIT), rows trickled a byte at a time (cut at the deadline)
    case("mysql-fake-endless-rows", "mysql", None, target="mysql://{host}:{port}",
         store="mysql", collection=r"more rows than LIMIT"),
    case("mysql-fake-trickle-rows", "mysql", TIMEOUT, target="mysql://{host}:{port}",
         store="mysql"),
    # MongoDB (OP_MSG, BSON)
    case("mongodb-huge-length", "mongodb", r".", target="mongodb://{host}:{port}"),
    case("mongodb-deep-bson", "mongodb", None, target="mongodb://{host}:{port}",
         store="mongodb"),
    case("mongodb-malformed", "mongodb", r"malformed", target="mongodb://{host}:{port}"),
    case("mongodb-malformed-msg", "mongodb", r"malformed", target="mongodb://{host}:{port}"),
    case("mongodb-slowloris", "mongodb", TIMEOUT, target="mongodb://{host}:{port}"),
    case("mongodb-close-mid", "mongodb", r".", target="mongodb://{host}:{port}"),
    # object stores and file servers: a listing that never ends (cut at the page
    # cap), a 1 TB object that ignores Range (cut at the prefix cap), an XML bomb
    # in a listing (refused), an FTP server that trickles (the deadline)
    case("s3-fake-endless-listing", "s3", None, target="s3://b@{host}:{port}", store="s3",
         collection=r"listing stopped"),
    case("s3-fake-huge-object", "s3", None, target="s3://b@{host}:{port}", store="s3",
         collection=r"ignored the Range.*read the first 1048576 bytes"),
    case("s3-fake-xml-bomb", "s3", None, target="s3://b@{host}:{port}", store="s3",
         collection=r"DTD"),
    case("ftp-fake-trickle", "ftp", TIMEOUT, target="ftp://{host}:{port}"),
]

DSN = {"elasticsearch": "elasticsearch", "redis": "redis", "memcached": "memcached",
       "postgresql": "postgresql", "mysql": "mysql", "mongodb": "mongodb", "s3": "s3",
       "ftp": "ftp"}


def probe_present(ajar_bin, probe):
    """A probe is in the binary when its DSN to a closed port is tried:
    the result says it could not connect (an unknown probe tries nothing)."""
    r = run_ajar(ajar_bin, ["scan", "--format", "json", "--no-progress",
                            "--connect-timeout", "1s", f"{DSN[probe]}://127.0.0.1:1"], 30)
    try:
        (t,) = json.loads(r.out)["targets"]
    except (ValueError, KeyError):
        return False
    return bool(t.get("error")) and "connect" in t["error"]


def find(targets, port):
    for t in targets:
        if re.search(rf":{port}\b", t["target"]):
            return t
    return None


@pytest.fixture(scope="session")
def results(ajar_bin, peers):
    """Every case, run concurrently: {name: (run, hostile result, good result)}
    or {name: 'skip reason'}."""
    good_port = peers.start("http-good")
    present = {p: probe_present(ajar_bin, p) for p in
               {c.values[0]["probe"] for c in CASES}}
    out = {}

    def one(c):
        if not present[c["probe"]]:
            return c["name"], f"probe not present: {c['probe']}"
        port = peers.start(c["peer"])
        target = c["target"].format(host="127.0.0.1", port=port)
        r = run_ajar(ajar_bin, [*ARGS, *c["extra"], target, f"127.0.0.1:{good_port}"],
                     DEADLINE_S + MARGIN_S)
        try:
            targets = json.loads(r.out)["targets"]
        except (ValueError, KeyError):
            targets = []
        return c["name"], (r, find(targets, port), find(targets, good_port))

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as ex:
        for name, res in ex.map(one, [c.values[0] for c in CASES]):
            out[name] = res
    if os.environ.get("AJAR_HOSTILE_SUMMARY"):  # one line per case, for reports
        with open(os.environ["AJAR_HOSTILE_SUMMARY"], "w") as f:
            for name, res in out.items():
                if isinstance(res, str):
                    f.write(f"{name}\t{res}\n")
                    continue
                r, t, _ = res
                t = t or {}
                f.write(f"{name}\trc={r.rc}\twall={r.wall:.1f}s\trss={r.maxrss_kib // 1024}MiB"
                        f"\tstore={t.get('store')}\terror={t.get('error')}"
                        f"\tnote={t.get('note')}\n")
    return out


def one_line(s):
    """one printable line: no newline, tab or other control byte"""
    return (isinstance(s, str) and s.strip() and len(s) <= 300
            and not re.search(r"[\x00-\x1f\x7f]", s))


@pytest.mark.parametrize("c", CASES)
def test_hostile_peer(results, c):
    """hand-written fake peer (tests/hostile/peers.py), not a real store"""
    res = results[c["name"]]
    if isinstance(res, str):
        pytest.skip(res)
    r, t, good = res
    assert not r.killed, f"ajar did not exit within {DEADLINE_S}+{MARGIN_S}s"
    assert r.rc in (0, 1, 2, 3), f"exit {r.rc}\n{r.err[-3000:]}"
    assert "Sanitizer" not in r.err and "runtime error:" not in r.err, r.err[-6000:]
    assert r.wall < DEADLINE_S + MARGIN_S
    if not SANITIZED:
        assert r.maxrss_kib < RSS_LIMIT_KIB, f"peak RSS {r.maxrss_kib} KiB"
    assert t is not None, f"no result for the hostile target:\n{r.out[:2000]}"

    # the good peer in the same run is untouched
    assert good is not None and good["store"] == "elasticsearch", good
    assert not good["error"], good["error"]
    (people,) = good["collections"]
    assert people["name"] == "people" and "contact.email" in people["categories"]

    said = " | ".join(s for s in (t.get("error"), t.get("note")) if s)
    for s in (t.get("error"), t.get("note")):
        assert s is None or one_line(s), repr(s)
    if c["store"]:
        assert t["store"] == c["store"], t
    if c["expect"]:
        assert said and re.search(c["expect"], said), t
    if c["collection"]:
        notes = [col.get("note") or "" for col in t["collections"]]
        assert any(re.search(c["collection"], n) for n in notes), t
    if c["expect"] == HONEYPOT:
        assert not t["store"] and not t["collections"], t
        assert t["severity"] in ("info", None), t
