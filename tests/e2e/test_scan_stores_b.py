"""`ajar scan` against real PostgreSQL 15, MariaDB 10.11 (open and closed),
ClickHouse 18.16, etcd 3.4 and pouchdb-server (CouchDB-compatible, open and
with an admin and _security), all from tests/servers. Tests named `real_`
need those servers; `fake_` ones use a stdlib stand-in where no real
server exists (an echo server, a plain HTTP server, an "Ok." to everything).
Read-only proof: tests/servers/lib/snapshot, identical before and after."""
import json
import os
import pathlib
import socket
import socketserver
import subprocess
import threading
import http.server
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVERS = ROOT / "tests" / "servers"
NAMES = ["postgresql", "mysql", "mysql-closed", "clickhouse", "etcd", "couchdb",
         "couchdb-auth"]

# profiles the seeded collections must show (by their seed data set)
PROFILES = {
    "residents": {"identity_document"},
    "couch_residents": {"identity_document"},
    "patients": {"special_category"},
    "checkpoint_events": {"device_capture"},
    "face_events": {"facial_recognition"},
    "users": {"identity_document"},
}
CRITICAL = {"identity.national_id", "biometric.face", "special.ethnicity",
            "special.religion", "special.health", "credential.secret"}


def _env(name):
    base = pathlib.Path(os.environ.get("AJAR_SERVERS_DIR", "/tmp/ajar-servers"))
    env = {}
    for line in (base / name / "env").read_text().splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            env[k] = v
    env["MANIFEST"] = json.loads(pathlib.Path(env["SEED_MANIFEST"]).read_text())
    return env


@pytest.fixture(scope="session")
def stores():
    up = subprocess.run([str(SERVERS / "up"), *NAMES], capture_output=True, text=True,
                        timeout=900)
    if up.returncode != 0:
        pytest.fail("tests/servers/up failed:\n" + up.stderr[-4000:])
    yield {name: _env(name) for name in NAMES}
    if not os.environ.get("AJAR_E2E_KEEP_SERVERS"):
        subprocess.run([str(SERVERS / "down"), *reversed(NAMES)], capture_output=True,
                       text=True, timeout=300)


def scan(ajar_bin, *args):
    p = subprocess.run([ajar_bin, "scan", "--format", "json", *args],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode in (0, 1, 3), p.stderr
    return p, json.loads(p.stdout)


def only(report):
    assert len(report["targets"]) == 1, report["targets"]
    return report["targets"][0]


def hostport(env):
    return f"{env['HOST']}:{env['PORT']}"


def snapshot(name):
    p = subprocess.run([str(SERVERS / "lib" / "snapshot"), name], capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout


def assert_collections(t, env, rename=lambda n: n, open_=True):
    """Every seeded collection listed with its count and categories; names
    mapped from the manifest's by rename."""
    got = {c["name"]: c for c in t["collections"]}
    manifest = env["MANIFEST"]["collections"]
    want = {rename(k): v for k, v in manifest.items()}
    assert set(want) <= set(got), (sorted(got), sorted(want))
    for name, m in want.items():
        c = got[name]
        assert c["records"] == m["count"], (name, c["records"], m["count"])
        assert c["sampled"] == min(50, m["count"]), (name, c["sampled"])
        cats = set(c["categories"])
        assert set(m["categories"]) <= cats, (name, sorted(cats), m["categories"])
        if not m["personal"]:
            assert cats == set(), (name, cats)
        assert PROFILES.get(m["dataset"], set()) <= set(c["profiles"]), (name, c["profiles"])
        if not open_:
            assert c["severity"] == "info", (name, c["severity"])
        elif not m["personal"]:
            assert c["severity"] == "medium", (name, c["severity"])
        elif cats & CRITICAL or c["profiles"]:
            assert c["severity"] == "critical", (name, c["severity"])
        else:
            assert c["severity"] == "high", (name, c["severity"])
        for f in c["findings"]:
            for ex in f["examples"]:
                assert "*" in ex or ex == "", (name, f["field"], ex)


# ---- PostgreSQL -------------------------------------------------------------
def pg_name(n):  # manifest "smartcity.residents" -> "smartcity.public.residents"
    db, table = n.split(".", 1)
    return f"{db}.public.{table}"


def test_real_postgresql_trust(ajar_bin, stores):
    env = stores["postgresql"]
    p, r = scan(ajar_bin, env["URL"])
    t = only(r)
    assert t["store"] == "postgresql"
    assert t["version"] == env["VERSION"].split()[0]
    assert t["reachable"] and not t["auth_required"] and t["error"] is None
    assert "postgres" in t["note"] and "trust" in t["note"]
    assert t["tls"] is False  # the test server has no certificate
    assert t["severity"] == "critical"
    assert_collections(t, env, pg_name)
    assert r["summary"]["open"] == 1


def test_real_postgresql_credentials_only_after_a_refusal(ajar_bin, stores):
    """The trust rule lets `postgres` in, so the credentials given are
    never sent (server log: no session of theirs), and the store is open."""
    env = stores["postgresql"]
    log = pathlib.Path(env["LOG"])
    offset = log.stat().st_size
    p, r = scan(ajar_bin, env["URL"], "--user", env["SCRAM_USER"], "--password",
                env["SCRAM_PASSWORD"], "--sample", "5")
    t = only(r)
    assert t["auth_required"] is False and t["severity"] == "critical"
    new = log.read_bytes()[offset:].decode("utf-8", "replace")
    assert "connection authorized: user=postgres" in new
    assert f"user={env['SCRAM_USER']}" not in new
    assert env["SCRAM_PASSWORD"] not in p.stdout + p.stderr


def test_real_postgresql_every_statement_read_only(ajar_bin, stores):
    env = stores["postgresql"]
    log = pathlib.Path(env["LOG"])
    offset = log.stat().st_size
    scan(ajar_bin, env["URL"], "--sample", "3")
    new = log.read_bytes()[offset:].decode("utf-8", "replace").splitlines()
    # ajar's sessions (application_name=ajar), by backend pid: "[pid]"
    ours = {l.split("[", 1)[1].split("]", 1)[0] for l in new
            if "connection authorized" in l and "application_name=ajar" in l}
    stmts = [l.split("statement: ", 1)[1] for l in new if "statement: " in l and
             l.split("[", 1)[1].split("]", 1)[0] in ours]
    assert stmts, "the server log shows no statement of ajar's"
    for s in stmts:
        assert s.startswith("BEGIN TRANSACTION READ ONLY; SELECT "), s
        assert s.endswith("; COMMIT"), s


def test_real_postgresql_scram_with_credentials(ajar_bin, stores):
    """A server where every TCP login needs a scram-sha-256 password,
    `postgres` included (tests/servers/postgresql-closed.sh): closed,
    plain TCP (low); read with the credentials given."""
    up = subprocess.run([str(SERVERS / "up"), "postgresql-closed"], capture_output=True,
                        text=True, timeout=900)
    assert up.returncode == 0, up.stderr[-2000:]
    try:
        env = _env("postgresql-closed")
        p, r = scan(ajar_bin, hostport(env), "--probe-all")
        t = only(r)
        assert t["store"] == "postgresql" and t["auth_required"] is True
        assert t["tls"] is False
        assert t["collections"] == [] and t["severity"] == "low"
        p, r = scan(ajar_bin, env["URL"], "--user", env["SCRAM_USER"], "--password",
                    env["SCRAM_PASSWORD"])
        t = only(r)
        assert t["auth_required"] is True and t["error"] is None
        assert_collections(t, env, pg_name, open_=False)
        # the server saw a scram login of that user, never a cleartext one
        log = pathlib.Path(env["LOG"]).read_text(errors="replace")
        assert f"connection authenticated: identity=\"{env['SCRAM_USER']}\" " \
               "method=scram-sha-256" in log
    finally:
        if not os.environ.get("AJAR_E2E_KEEP_SERVERS"):
            subprocess.run([str(SERVERS / "down"), "postgresql-closed"],
                           capture_output=True, text=True, timeout=300)


def test_real_postgresql_port_needs_probe_all(ajar_bin, stores):
    env = stores["postgresql"]
    p, r = scan(ajar_bin, hostport(env))
    t = only(r)
    assert t["store"] is None and "--probe-all" in t["error"]
    p, r = scan(ajar_bin, hostport(env), "--probe-all", "--sample", "2")
    t = only(r)
    assert t["store"] == "postgresql" and len(t["collections"]) == 4


# ---- MySQL / MariaDB ----------------------------------------------------------
def test_real_mysql_empty_root_password(ajar_bin, stores):
    env = stores["mysql"]
    p, r = scan(ajar_bin, env["URL"])
    t = only(r)
    assert t["store"] == "mysql"
    assert t["version"] == env["VERSION"]
    assert t["reachable"] and not t["auth_required"] and t["error"] is None
    assert "root" in t["note"] and "empty password" in t["note"]
    assert t["severity"] == "critical"
    assert_collections(t, env)


def test_real_mysql_probe_all_by_greeting(ajar_bin, stores):
    env = stores["mysql"]
    p, r = scan(ajar_bin, hostport(env), "--probe-all", "--sample", "2")
    t = only(r)
    assert t["store"] == "mysql" and t["version"] == env["VERSION"]


def test_real_mysql_closed(ajar_bin, stores):
    env = stores["mysql-closed"]
    p, r = scan(ajar_bin, env["URL"])
    t = only(r)
    assert t["store"] == "mysql" and t["version"] == env["VERSION"]
    assert t["auth_required"] is True and t["collections"] == []
    assert t["error"] is None and t["severity"] == "low"
    assert r["summary"]["open"] == 0


def test_real_mysql_closed_with_credentials(ajar_bin, stores):
    env = stores["mysql-closed"]
    p, r = scan(ajar_bin, env["URL"], "--user", env["USER"], "--password",
                env["PASSWORD"])
    t = only(r)
    assert t["auth_required"] is True and t["error"] is None
    assert_collections(t, env, open_=False)
    assert t["severity"] == "low"
    assert env["PASSWORD"] not in p.stdout + p.stderr
    dsn = f"mysql://{env['USER']}:{urllib.parse.quote(env['PASSWORD'])}@{hostport(env)}"
    p, r = scan(ajar_bin, dsn, "--sample", "3")
    t = only(r)
    assert t["target"] == f"mysql://{hostport(env)}" and len(t["collections"]) == 4
    p, r = scan(ajar_bin, env["URL"], "--user", env["USER"], "--password", "wrong")
    t = only(r)
    assert t["collections"] == [] and "refused" in t["error"]


# ---- ClickHouse -------------------------------------------------------------
def test_real_clickhouse_default_user(ajar_bin, stores):
    env = stores["clickhouse"]
    p, r = scan(ajar_bin, hostport(env))  # no DSN: the HTTP probes find it
    t = only(r)
    assert t["store"] == "clickhouse" and t["version"] == env["VERSION"]
    assert not t["auth_required"] and t["error"] is None
    assert t["severity"] == "critical"
    assert_collections(t, env)


# ---- etcd -------------------------------------------------------------------
def test_real_etcd(ajar_bin, stores):
    env = stores["etcd"]
    p, r = scan(ajar_bin, hostport(env))
    t = only(r)
    assert t["store"] == "etcd" and t["version"] == env["VERSION"]
    assert not t["auth_required"] and t["error"] is None
    assert t["severity"] == "critical"
    # collections: "/users/*" for the manifest's "/users/"
    assert_collections(t, env, lambda n: n + "*")


# ---- CouchDB (pouchdb-server) ----------------------------------------------
def test_real_couchdb_admin_party(ajar_bin, stores):
    env = stores["couchdb"]
    p, r = scan(ajar_bin, hostport(env))
    t = only(r)
    assert t["store"] == "couchdb" and t["version"] == env["VERSION"]
    assert not t["auth_required"] and t["error"] is None
    assert "pouchdb-server" in t["note"]
    assert "admin party" in t["note"]
    assert t["severity"] == "critical"
    assert_collections(t, env)


def test_real_couchdb_auth(ajar_bin, stores):
    env = stores["couchdb-auth"]
    p, r = scan(ajar_bin, env["URL"])
    t = only(r)
    assert t["store"] == "couchdb" and t["auth_required"] is True
    assert "admin party" not in (t["note"] or "")
    # listing open, reading closed: _all_dbs answers anyone, each database's
    # _security refuses its documents; the names are reported, nothing read
    assert "listing open, reading closed" in t["note"]
    assert sorted(c["name"] for c in t["collections"]) == ["logs", "residents", "vehicles"]
    for c in t["collections"]:
        assert c["sampled"] == 0 and not c["findings"], c
        assert "reading refused (HTTP 401)" in c["note"], c
    assert t["severity"] == "medium"
    p, r = scan(ajar_bin, env["URL"], "--user", env["ADMIN_USER"], "--password",
                env["ADMIN_PASSWORD"])  # plain HTTP: not sent without the opt-in
    t = only(r)
    assert t["collections"] == [] and "credentials not sent" in t["error"]
    p, r = scan(ajar_bin, env["URL"], "--user", env["ADMIN_USER"], "--password",
                env["ADMIN_PASSWORD"], "--allow-cleartext-password")
    t = only(r)
    assert t["auth_required"] is True and t["error"] is None
    assert_collections(t, env, open_=False)
    assert env["ADMIN_PASSWORD"] not in p.stdout + p.stderr


# ---- read-only proof --------------------------------------------------------
def test_real_scans_are_read_only(ajar_bin, stores):
    before = {n: snapshot(n) for n in NAMES}
    for n in NAMES:
        env = stores[n]
        args = [env["URL"], "--probe-all"]
        if n in ("mysql-closed",):
            args += ["--user", env["USER"], "--password", env["PASSWORD"]]
        if n == "couchdb-auth":
            args += ["--user", env["ADMIN_USER"], "--password", env["ADMIN_PASSWORD"],
                     "--allow-cleartext-password"]  # Basic over plain http
        p, r = scan(ajar_bin, *args)
        assert only(r)["collections"], n
    after = {n: snapshot(n) for n in NAMES}
    for n in NAMES:
        assert after[n] == before[n], n


# ---- no false identification -------------------------------------------------
class _Echo(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(10)
        try:
            while True:
                b = self.request.recv(4096)
                if not b:
                    return
                self.request.sendall(b)
        except OSError:
            return


class _OkEverything(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"Ok.\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *a):
        pass


class _TServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def serve():
    started = []

    def start(handler):
        s = _TServer(("127.0.0.1", 0), handler)
        threading.Thread(target=s.serve_forever, daemon=True).start()
        started.append(s)
        return f"127.0.0.1:{s.server_address[1]}"

    yield start
    for s in started:
        s.shutdown()
        s.server_close()


def _no_store(ajar_bin, target):
    p, r = scan(ajar_bin, target, "--probe-all", "--read-timeout", "1s",
                "--connect-timeout", "1s")
    t = only(r)
    assert t["store"] is None, t
    assert t["collections"] == [] and t["auth_required"] is False
    return t


def test_fake_echo_server_is_no_store(ajar_bin, serve):
    t = _no_store(ajar_bin, serve(_Echo))
    assert t["error"]


def test_fake_plain_http_server_is_no_store(ajar_bin, serve, tmp_path):
    (tmp_path / "index.html").write_text("<html><body>Welcome to nginx!</body></html>")

    class Files(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(tmp_path), **k)

        def log_message(self, *a):
            pass

    _no_store(ajar_bin, serve(Files))


def test_fake_ok_to_everything_is_not_clickhouse(ajar_bin, serve):
    _no_store(ajar_bin, serve(_OkEverything))


def test_real_stores_not_mistaken_for_each_other(ajar_bin, stores):
    """Every store found with --probe-all on its non-default port is itself."""
    want = {"postgresql": "postgresql", "mysql": "mysql", "clickhouse": "clickhouse",
            "etcd": "etcd", "couchdb": "couchdb"}
    targets = [hostport(stores[n]) for n in want]
    p, r = scan(ajar_bin, *targets, "--probe-all", "--sample", "1")
    got = {t["target"]: t["store"] for t in r["targets"]}
    for n, store in want.items():
        assert got[hostport(stores[n])] == store, (n, got)
