"""`ajar scan` against real Redis (open, and with requirepass), memcached and
MongoDB (FerretDB, open and with SCRAM auth) servers from tests/servers, and fakes where no real
server can show the case (an echo server, hostile length fields, a
metadump that never ends). Tests named real_ need the real servers; fake_
ones use stdlib socket servers on 127.0.0.1.

Read-only proof: tests/servers/lib/snapshot NAME (counts and a content
checksum per key group / collection) is identical before and after a scan.
"""
import json
import re
import os
import pathlib
import socket
import subprocess
import threading
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVERS = ROOT / "tests" / "servers"
STATE = pathlib.Path(os.environ.get("AJAR_SERVERS_DIR", "/tmp/ajar-servers"))


# ---- helpers ----------------------------------------------------------------
def env_of(name):
    env = {}
    for line in (STATE / name / "env").read_text().splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            env[k] = v
    return env


def servers_up(names):
    missing = [n for n in names if not (SERVERS / f"{n}.sh").exists()]
    if missing:
        pytest.fail(f"tests/servers has no {', '.join(missing)}.sh")
    up = subprocess.run([str(SERVERS / "up"), *names], capture_output=True, text=True,
                        timeout=900)
    if up.returncode != 0:
        pytest.fail("tests/servers/up failed:\n" + up.stderr[-4000:])
    return {n: env_of(n) for n in names}


def servers_down(names):
    if not os.environ.get("AJAR_E2E_KEEP_SERVERS"):
        subprocess.run([str(SERVERS / "down"), *names], capture_output=True, text=True,
                       timeout=300)


def scan(ajar_bin, *args, timeout=300):
    p = subprocess.run([ajar_bin, "scan", "--format", "json", *args],
                       capture_output=True, text=True, timeout=timeout)
    assert p.returncode in (0, 1, 3), p.stderr
    return p, json.loads(p.stdout)


def only_target(report):
    assert len(report["targets"]) == 1, report["targets"]
    return report["targets"][0]


def by_name(t):
    return {c["name"]: c for c in t["collections"]}


def snapshot(name):
    p = subprocess.run([str(SERVERS / "lib" / "snapshot"), name], capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout


def stable_snapshot(name):
    """Two snapshots in a row that agree (see assert_unchanged)."""
    prev = snapshot(name)
    for _ in range(4):
        cur = snapshot(name)
        if cur == prev:
            return cur
        prev = cur
    return cur


def assert_unchanged(name, before):
    """The store holds what it held before the scan. memcached's snapshot
    lists keys with `lru_crawler metadump all`, an LRU walk that can miss
    an item the LRU maintainer is moving (`metadump hash` does not): a
    difference is looked at again a few times; a real change persists."""
    for _ in range(4):
        after = snapshot(name)
        if after == before:
            return
        time.sleep(0.5)
    assert after == before


def manifest(env):
    return json.loads(pathlib.Path(env["SEED_MANIFEST"]).read_text())["collections"]


def assert_seeded(t, want, sample=50, severities=True, exact_names=True, not_expected=None):
    """Collections, counts, categories and severities as the seed manifest says.
    not_expected: {collection: {category}} the manifest lists but ajar files
    elsewhere on purpose."""
    cols = by_name(t)
    if exact_names:
        assert set(cols) == set(want), sorted(cols)
    for name, w in want.items():
        c = cols[name]
        assert c["records"] == w["count"], (name, c["records"], w["count"])
        assert c["sampled"] == min(sample, w["count"]), (name, c["sampled"])
        got = set(c["categories"])
        cats = set(w["categories"]) - (not_expected or {}).get(name, set())
        assert cats <= got, (name, sorted(got), w["categories"])
        if not w["personal"]:
            assert got == set(), (name, got)
        if severities:
            assert c["severity"] == ("critical" if c["profiles"] or got & {
                "identity.national_id", "biometric.face", "special.ethnicity",
                "special.religion", "special.health", "credential.secret"}
                else "high" if got else "medium"), (name, c["severity"], got)
        for f in c["findings"]:  # redacted: never a whole value
            for ex in f["examples"]:
                assert "*" in ex or ex == "", (name, f["field"], ex)


# ---- fixtures ---------------------------------------------------------------
@pytest.fixture(scope="module")
def kv_servers():
    names = ["redis", "redis-auth", "memcached"]
    envs = servers_up(names)
    yield envs
    servers_down(names)


@pytest.fixture(scope="module")
def mongo_servers():
    names = ["mongodb", "mongodb-auth"]
    envs = servers_up(names)
    yield envs
    servers_down(names)


@pytest.fixture(scope="module")
def mongo_server(mongo_servers):
    return mongo_servers["mongodb"]


# ---- Redis --------------------------------------------------------------------
def test_real_redis_open(ajar_bin, kv_servers):
    env = kv_servers["redis"]
    before = stable_snapshot("redis")
    p, r = scan(ajar_bin, f"redis://127.0.0.1:{env['PORT']}")
    t = only_target(r)
    assert t["store"] == "redis" and t["version"] == env["VERSION"]
    assert t["reachable"] is True and t["auth_required"] is False
    assert t["tls"] is False and t["error"] is None
    assert_seeded(t, manifest(env))
    cols = by_name(t)
    assert "identity_document" in cols["user:*"]["profiles"]
    assert "facial_recognition" in cols["face:*"]["profiles"]
    assert "device_capture" in cols["queue:checkpoint"]["profiles"]
    # bytes by MEMORY USAGE: a collection's own when every key was sampled,
    # else a note about the sampled keys
    for c in t["collections"]:
        assert (isinstance(c["bytes"], int) and c["bytes"] > 0) or \
            re.search(r"\d+ sampled key\(s\) use \d+ bytes \(MEMORY USAGE\)",
                      c.get("note") or ""), c
    assert t["severity"] == "critical"
    assert r["summary"]["open"] == 1
    assert_unchanged("redis", before)


def test_real_redis_by_fingerprint_and_default_port_list(ajar_bin, kv_servers):
    port = kv_servers["redis"]["PORT"]
    p, r = scan(ajar_bin, "127.0.0.1", "-p", port, "--probe-all", "--sample", "5")
    t = only_target(r)
    assert t["target"] == f"127.0.0.1:{port}" and t["store"] == "redis"
    assert all(c["sampled"] <= 5 for c in t["collections"])


def test_real_redis_auth_without_credentials(ajar_bin, kv_servers):
    env = kv_servers["redis-auth"]
    p, r = scan(ajar_bin, f"redis://127.0.0.1:{env['PORT']}")
    t = only_target(r)
    assert t["store"] == "redis" and t["auth_required"] is True
    assert t["collections"] == [] and t["error"] is None
    assert t["severity"] == "low"  # closed, no TLS
    assert r["summary"]["open"] == 0


def test_real_redis_auth_with_credentials(ajar_bin, kv_servers):
    env = kv_servers["redis-auth"]
    before = stable_snapshot("redis-auth")
    # AUTH carries the password in clear (no TLS here): refused, and said,
    # until the user opts in
    p, r = scan(ajar_bin, f"redis://127.0.0.1:{env['PORT']}", "--user", "default",
                "--password", env["PASSWORD"])
    t = only_target(r)
    assert t["auth_required"] is True and t["collections"] == []
    assert "credentials not sent" in t["error"]
    p, r = scan(ajar_bin, f"redis://127.0.0.1:{env['PORT']}", "--user", "default",
                "--password", env["PASSWORD"], "--allow-cleartext-password")
    t = only_target(r)
    assert t["auth_required"] is True and t["error"] is None
    assert t["version"] == env["VERSION"]
    assert_seeded(t, manifest(env), severities=False)
    # docs/report.md, Severity: read with the owner's credentials = rated as closed
    assert all(c["severity"] == "info" for c in t["collections"])
    assert t["severity"] == "low"
    assert env["PASSWORD"] not in p.stdout + p.stderr
    assert_unchanged("redis-auth", before)
    # the same from a DSN's userinfo
    p, r = scan(ajar_bin, f"redis://default:{env['PASSWORD']}@127.0.0.1:{env['PORT']}",
                "--sample", "3", "--allow-cleartext-password")
    t = only_target(r)
    assert t["target"] == f"redis://127.0.0.1:{env['PORT']}"
    assert len(t["collections"]) == len(manifest(env))
    assert env["PASSWORD"] not in p.stdout + p.stderr


def test_real_redis_auth_wrong_password(ajar_bin, kv_servers):
    env = kv_servers["redis-auth"]
    p, r = scan(ajar_bin, f"redis://127.0.0.1:{env['PORT']}", "--user", "default",
                "--password", "nope-not-it", "--allow-cleartext-password")
    t = only_target(r)
    assert t["auth_required"] is True and t["collections"] == []
    assert "refused" in t["error"]
    assert "nope-not-it" not in p.stdout + p.stderr


# ---- memcached ---------------------------------------------------------------
def test_real_memcached_open(ajar_bin, kv_servers):
    env = kv_servers["memcached"]
    before = stable_snapshot("memcached")
    p, r = scan(ajar_bin, f"memcached://127.0.0.1:{env['PORT']}")
    t = only_target(r)
    assert t["store"] == "memcached" and t["version"] == env["VERSION"]
    assert t["auth_required"] is False and t["error"] is None
    assert_seeded(t, manifest(env))
    assert all(c["bytes"] and c["bytes"] > 0 for c in t["collections"])
    assert "identity_document" in by_name(t)["user:*"]["profiles"]
    assert t["severity"] == "critical"
    assert_unchanged("memcached", before)


def test_real_memcached_by_fingerprint(ajar_bin, kv_servers):
    port = kv_servers["memcached"]["PORT"]
    p, r = scan(ajar_bin, "127.0.0.1", "-p", port, "--probe-all", "--sample", "5")
    t = only_target(r)
    assert t["store"] == "memcached" and len(t["collections"]) == 3


# ---- MongoDB (FerretDB) -------------------------------------------------------
def test_real_mongodb_open(ajar_bin, mongo_server):
    env = mongo_server
    before = stable_snapshot("mongodb")
    p, r = scan(ajar_bin, f"mongodb://127.0.0.1:{env['PORT']}")
    t = only_target(r)
    assert t["store"] == "mongodb" and t["version"]
    if env.get("VERSION"):
        assert t["version"] == env["VERSION"]
    assert t["auth_required"] is False and t["error"] is None, t["error"]
    # face.gender sits inside the face object: the classifier files it under
    # biometric.face (a face attribute), as on OpenSearch, not demographic
    assert_seeded(t, manifest(env),
                  not_expected={"smartcity.faces": {"identity.demographic"}})
    assert "FerretDB" in t["note"]
    cols = by_name(t)
    assert "facial_recognition" in cols["smartcity.faces"]["profiles"]
    assert "identity_document" in cols["smartcity.checkpoints"]["profiles"]
    assert "special_category" in cols["smartcity.patients"]["profiles"]
    # no admin/local/config without --include-system
    assert not any(n.split(".")[0] in ("admin", "local", "config") for n in cols)
    assert t["severity"] == "critical"
    assert_unchanged("mongodb", before)


def test_real_mongodb_by_fingerprint(ajar_bin, mongo_server):
    port = mongo_server["PORT"]
    p, r = scan(ajar_bin, "127.0.0.1", "-p", port, "--probe-all", "--sample", "5")
    t = only_target(r)
    assert t["store"] == "mongodb", t
    assert all(c["sampled"] <= 5 for c in t["collections"])


def test_real_mongodb_auth_without_credentials(ajar_bin, mongo_servers):
    env = mongo_servers["mongodb-auth"]
    p, r = scan(ajar_bin, f"mongodb://127.0.0.1:{env['PORT']}")
    t = only_target(r)
    # hello and buildInfo stay open; listDatabases says Unauthorized (13)
    assert t["store"] == "mongodb" and t["version"] == env["VERSION"]
    assert t["auth_required"] is True and t["error"] is None
    assert t["collections"] == [] and t["severity"] == "low"


def test_real_mongodb_auth_with_credentials(ajar_bin, mongo_servers):
    env = mongo_servers["mongodb-auth"]
    before = stable_snapshot("mongodb-auth")
    p, r = scan(ajar_bin, f"mongodb://127.0.0.1:{env['PORT']}", "--user", env["USER"],
                "--password", env["PASSWORD"])
    t = only_target(r)
    assert t["auth_required"] is True and t["error"] is None, t["error"]
    assert_seeded(t, manifest(env), severities=False,
                  not_expected={"smartcity.faces": {"identity.demographic"}})
    assert all(c["severity"] == "info" for c in t["collections"])
    assert t["severity"] == "low"
    assert env["PASSWORD"] not in p.stdout + p.stderr
    assert_unchanged("mongodb-auth", before)
    # from a DSN's userinfo
    p, r = scan(ajar_bin, f"mongodb://{env['USER']}:{env['PASSWORD']}@127.0.0.1:{env['PORT']}",
                "--sample", "3")
    t = only_target(r)
    assert t["target"] == f"mongodb://127.0.0.1:{env['PORT']}"
    assert len(t["collections"]) == len(manifest(env))
    assert env["PASSWORD"] not in p.stdout + p.stderr


def test_real_mongodb_auth_wrong_password(ajar_bin, mongo_servers):
    env = mongo_servers["mongodb-auth"]
    p, r = scan(ajar_bin, f"mongodb://127.0.0.1:{env['PORT']}", "--user", env["USER"],
                "--password", "nope-not-it")
    t = only_target(r)
    assert t["auth_required"] is True and t["collections"] == []
    assert "refused" in t["error"]


# ---- fakes --------------------------------------------------------------------
class FakeServer:
    """A TCP server on 127.0.0.1 whose handler gets each connection."""

    def __init__(self, handler):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.handler = handler
        self.stop = False
        self.accepted = 0  # connections the scanner opened
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn):
        try:
            conn.settimeout(20)
            self.handler(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self):
        self.stop = True
        self.sock.close()


def echo(conn):
    while True:
        b = conn.recv(65536)
        if not b:
            return
        conn.sendall(b)


@pytest.fixture
def fake():
    made = []

    def make(handler):
        s = FakeServer(handler)
        made.append(s)
        return s

    yield make
    for s in made:
        s.close()


@pytest.mark.parametrize("scheme", ["redis", "memcached", "mongodb"])
def test_fake_echo_server_is_not_a_store(ajar_bin, fake, scheme):
    s = fake(echo)
    t0 = time.time()
    p, r = scan(ajar_bin, f"{scheme}://127.0.0.1:{s.port}", "--read-timeout", "2s")
    t = only_target(r)
    assert t["store"] is None, t
    assert t["collections"] == [] and t["auth_required"] is False
    assert time.time() - t0 < 30


def test_fake_echo_server_by_fingerprint(ajar_bin, fake):
    s = fake(echo)
    p, r = scan(ajar_bin, "127.0.0.1", "-p", str(s.port), "--probe-all", "--read-timeout", "2s")
    t = only_target(r)
    assert t["store"] is None, t
    assert t["collections"] == []


def silent(conn):
    """Takes the connection and what is sent on it, never says a word."""
    while conn.recv(65536):
        pass


def test_fake_silent_peer_by_fingerprint_costs_one_read_timeout(ajar_bin, fake):
    """A peer silent to an HTTP request for a read timeout is silent to the
    next HTTP probe's as well, and none of the native stores (each answers,
    closes on or greets before such a request at once): one connection and
    one read timeout in all, not one per HTTP probe (eight of them, 16 s
    here, 40 s with the default read timeout) and a fingerprint wait per
    native probe. Counted in connections, not seconds (tests assert no
    timings); the build before this rule opened 13."""
    s = fake(silent)
    p, r = scan(ajar_bin, "127.0.0.1", "-p", str(s.port), "--probe-all", "--read-timeout", "2s")
    for t in r["targets"]:
        assert t["store"] is None and t["collections"] == [], t
    assert s.accepted == 1, s.accepted


def fake_redis_recording(firsts):
    """A Redis that closes on an HTTP request, as Redis does, answers INFO,
    DBSIZE and SCAN of an empty keyspace and -ERR to the rest, each
    request read whole in one recv (ajar sends each in one write); it stays
    silent, as Redis does, on bytes without a newline. firsts gets the
    first bytes of every connection."""
    def handler(conn):
        first = True
        while True:
            b = conn.recv(65536)
            if not b:
                return
            if first:
                firsts.append(b[:16])
                first = False
            if b.startswith((b"GET ", b"POST")):
                return
            if b"\n" not in b:
                continue
            cmd = b.upper()
            if b"INFO" in cmd:
                body = b"# Server\r\nredis_version:7.0.0\r\n# Keyspace\r\n"
                conn.sendall(b"$%d\r\n%s\r\n" % (len(body), body))
            elif b"DBSIZE" in cmd:
                conn.sendall(b":0\r\n")
            elif b"SCAN" in cmd:
                conn.sendall(b"*2\r\n$1\r\n0\r\n*0\r\n")
            else:
                conn.sendall(b"-ERR unknown command\r\n")
    return handler


def test_fake_redis_by_fingerprint_gets_no_tls_and_no_framed_request(ajar_bin, fake):
    """On a Redis port by fingerprint, the TLS retry that the closed HTTP
    request earned waits until the native probes said no, and Redis says
    yes first; the honeypot check after a line protocol's store sends no
    framed request (MongoDB's, PostgreSQL's), which a real Redis would
    leave unanswered for the whole check (docs/scan.md)."""
    firsts = []
    s = fake(fake_redis_recording(firsts))
    p, r = scan(ajar_bin, "127.0.0.1", "-p", str(s.port), "--probe-all", "--sample", "1")
    t = only_target(r)
    assert t["store"] == "redis", t
    assert not [f for f in firsts if f.startswith(b"\x16\x03")], firsts  # a ClientHello
    assert not [f for f in firsts if f[:1] == b"\x00" or f[12:14] in (b"\xd4\x07", b"\xdd\x07")], \
        firsts  # PostgreSQL's requests, MongoDB's OP_QUERY / OP_MSG
    assert [f for f in firsts if f.startswith(b"version")], firsts  # memcached's was asked


def redis_liar(reply):
    def handler(conn):
        conn.recv(4096)
        conn.sendall(reply)
        time.sleep(2)
    return handler


@pytest.mark.parametrize("reply", [
    b"$99999999999\r\n" + b"x" * 1000,      # a bulk length far over the cap
    b"*2147483648\r\n",                      # hiredis 0.14: calloc(int) overflow
    b"$-5\r\n",                              # negative length
    b"%1\r\n+a\r\n+b\r\n",                   # RESP3 map, never asked for
    b"+" + b"A" * 100000 + b"\r\n",          # a status line over AJAR_MAX_LINE
])
def test_fake_redis_hostile_lengths(ajar_bin, fake, reply):
    s = fake(redis_liar(reply))
    p, r = scan(ajar_bin, f"redis://127.0.0.1:{s.port}", "--read-timeout", "2s")
    t = only_target(r)
    assert t["store"] is None and t["collections"] == []


def test_fake_redis_protected_mode(ajar_bin, fake):
    s = fake(redis_liar(b"-DENIED Redis is running in protected mode because "
                        b"protected mode is enabled\r\n"))
    p, r = scan(ajar_bin, f"redis://127.0.0.1:{s.port}")
    t = only_target(r)
    assert t["store"] == "redis" and t["auth_required"] is True
    assert "protected mode" in (t.get("note") or "") or t["collections"] == []


def memcached_endless(conn):
    """A memcached whose metadump trickles forever and never sends END."""
    f = conn.makefile("rb")
    while True:
        line = f.readline()
        if not line:
            return
        if line.startswith(b"version"):
            conn.sendall(b"VERSION 1.6.99\r\n")
        elif line.startswith(b"stats"):
            conn.sendall(b"STAT pid 1\r\nSTAT curr_items 999999\r\nEND\r\n")
        elif line.startswith(b"lru_crawler"):
            i = 0
            while True:
                conn.sendall(b"key=user%%3A%d exp=-1 la=1 cas=1 fetch=no cls=1 size=10\n" % i)
                i += 1
                time.sleep(0.01)
        elif line.startswith(b"get"):
            conn.sendall(b"END\r\n")


def test_fake_memcached_metadump_never_ends(ajar_bin, fake):
    s = fake(memcached_endless)
    t0 = time.time()
    p, r = scan(ajar_bin, f"memcached://127.0.0.1:{s.port}", "--deadline", "6s")
    took = time.time() - t0
    t = only_target(r)
    assert t["store"] == "memcached" and t["version"] == "1.6.99"
    assert took < 20, took
    assert "metadump stopped early" in (t.get("note") or ""), t
    assert by_name(t)["user:*"]["records"] > 0


def test_fake_memcached_huge_value(ajar_bin, fake):
    def handler(conn):
        f = conn.makefile("rb")
        while True:
            line = f.readline()
            if not line:
                return
            if line.startswith(b"version"):
                conn.sendall(b"VERSION 1.6.99\r\n")
            elif line.startswith(b"stats"):
                conn.sendall(b"END\r\n")
            elif line.startswith(b"lru_crawler"):
                conn.sendall(b"key=big%3A1 exp=-1 la=1 cas=1 fetch=no cls=1 size=10\n"
                             b"key=big%3A2 exp=-1 la=1 cas=1 fetch=no cls=1 size=10\nEND\r\n")
            elif line.startswith(b"get"):
                conn.sendall(b"VALUE %s 0 99999999999\r\n" % line.split()[1])
    s = fake(handler)
    p, r = scan(ajar_bin, f"memcached://127.0.0.1:{s.port}")
    t = only_target(r)
    c = by_name(t)["big:*"]
    assert c["sampled"] == 0 and "size cap" in (c.get("note") or "")


def test_fake_mongodb_huge_message_length(ajar_bin, fake):
    def handler(conn):
        conn.recv(65536)
        conn.sendall(b"\xff\xff\xff\x7f" + b"\0" * 12)  # 2 GiB announced
        time.sleep(2)
    s = fake(handler)
    t0 = time.time()
    p, r = scan(ajar_bin, f"mongodb://127.0.0.1:{s.port}", "--read-timeout", "2s")
    t = only_target(r)
    assert t["store"] is None and t["collections"] == []
    assert time.time() - t0 < 30
