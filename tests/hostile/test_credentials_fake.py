"""Credentials go only where they are bound, and never in clear unless the
user opts in (issue #12; docs/scan.md, "Credentials"). Against
hand-written fakes on 127.0.0.1 (not real stores) that record every
secret they are sent:

- fake_http_401: an HTTP server that answers 401 to everything (the
  issue's reproduction): no probe recognises it;
- fake_postgresql_cleartext: speaks the PostgreSQL startup and asks for
  the password in cleartext (AuthenticationCleartextPassword), no TLS;
- fake_etcd: an etcd JSON gateway over plain HTTP whose reads need
  auth ("user name is empty"), so the probe would authenticate.

For each: a range scan with --user/--password sends nothing; the single
target sends nothing without --allow-cleartext-password (and the target
says why); with the flag and a --credentials entry naming the target, it
does."""
import base64
import json
import socket
import socketserver
import struct
import subprocess
import threading
import http.server

import pytest

USER, PASSWORD = "fake-user", "fake-S3CRET-pw"
ARGS = ["--format", "json", "--no-progress", "--deadline", "8s",
        "--connect-timeout", "2s", "--read-timeout", "2s"]


class Recorder:
    def __init__(self):
        self.secrets = []
        self.lock = threading.Lock()

    def add(self, what):
        with self.lock:
            self.secrets.append(what)

    def take(self):
        with self.lock:
            s, self.secrets = self.secrets, []
        return s


def _serve(server):
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    return server


class _HTTP401(http.server.BaseHTTPRequestHandler):
    rec = None

    def _any(self):
        auth = self.headers.get("Authorization")
        if auth:
            self.rec.add(auth)
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        body = b'{"error":"unauthorized"}'
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="fake"')
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _any

    def log_message(self, *a):
        pass


class _Etcd(http.server.BaseHTTPRequestHandler):
    rec = None

    def _reply(self, code, obj):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.headers.get("Authorization"):
            self.rec.add(self.headers["Authorization"])
        if self.path == "/version":
            self._reply(200, {"etcdserver": "3.4.23", "etcdcluster": "3.4.0"})
        else:
            self._reply(404, {"error": "not found"})

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n).decode("utf-8", "replace")
        if self.headers.get("Authorization"):
            self.rec.add(self.headers["Authorization"])
        if "auth/authenticate" in self.path:
            self.rec.add(body)
            self._reply(401, {"error": "etcdserver: authentication failed, invalid user ID "
                                       "or password", "code": 3})
            return
        self._reply(400, {"error": "etcdserver: user name is empty",
                          "message": "etcdserver: user name is empty", "code": 3})

    def log_message(self, *a):
        pass


class _PgCleartext(socketserver.BaseRequestHandler):
    rec = None

    def _read(self, n):
        b = b""
        while len(b) < n:
            chunk = self.request.recv(n - len(b))
            if not chunk:
                raise EOFError
            b += chunk
        return b

    def handle(self):
        try:
            self.request.settimeout(5)
            while True:
                (length,) = struct.unpack("!I", self._read(4))
                body = self._read(length - 4)
                code = struct.unpack("!I", body[:4])[0]
                if code in (80877103, 80877104):  # SSLRequest, GSSENCRequest: no
                    self.request.sendall(b"N")
                    continue
                break
            # AuthenticationCleartextPassword
            self.request.sendall(b"R" + struct.pack("!II", 8, 3))
            kind = self._read(1)
            (length,) = struct.unpack("!I", self._read(4))
            data = self._read(length - 4)
            if kind == b"p":
                self.rec.add(data.rstrip(b"\0").decode("utf-8", "replace"))
            msg = b"SFATAL\0C28P01\0Mpassword authentication failed\0\0"
            self.request.sendall(b"E" + struct.pack("!I", len(msg) + 4) + msg)
        except (EOFError, OSError, struct.error):
            pass


class _TCP(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="module")
def fakes():
    out = {}
    for name, handler, cls in (("http", _HTTP401, http.server.ThreadingHTTPServer),
                               ("etcd", _Etcd, http.server.ThreadingHTTPServer),
                               ("postgresql", _PgCleartext, _TCP)):
        rec = Recorder()
        h = type(handler.__name__, (handler,), {"rec": rec})
        srv = _serve(cls(("127.0.0.1", 0), h))
        out[name] = (srv, rec)
    yield {k: (v[0].server_address[1], v[1]) for k, v in out.items()}
    for srv, _ in out.values():
        srv.shutdown()
        srv.server_close()


def scan(ajar_bin, *args):
    p = subprocess.run([ajar_bin, "scan", *ARGS, *args], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode in (0, 1, 2, 3), p.stderr
    assert PASSWORD not in p.stdout + p.stderr
    start = p.stdout.find("{")
    return p, json.loads(p.stdout[start:]) if start >= 0 else {"targets": []}


def sent_password(secrets):
    for s in secrets:
        if PASSWORD in s:
            return True
        if s.startswith("Basic "):
            if PASSWORD in base64.b64decode(s[6:]).decode("utf-8", "replace"):
                return True
    return False


TARGETS = {
    "http": ("http://127.0.0.1:{port}", "elasticsearch"),
    "etcd": ("http://127.0.0.1:{port}", "etcd"),
    "postgresql": ("postgresql://127.0.0.1:{port}", "postgresql"),
}


@pytest.mark.parametrize("fake", ["http", "etcd", "postgresql"])
def test_fake_range_scan_sends_no_credentials(ajar_bin, fakes, fake):
    port, rec = fakes[fake]
    rec.take()
    # even with the opt-in: --user/--password never go to a range's endpoints
    scan(ajar_bin, "127.0.0.0/30", "-p", str(port), "--probe-all", "--user", USER,
         "--password", PASSWORD, "--allow-cleartext-password")
    assert not sent_password(rec.take())


@pytest.mark.parametrize("fake", ["http", "etcd", "postgresql"])
def test_fake_single_target_without_opt_in_sends_nothing(ajar_bin, fakes, fake):
    port, rec = fakes[fake]
    rec.take()
    target = TARGETS[fake][0].format(port=port)
    p, r = scan(ajar_bin, target, "--user", USER, "--password", PASSWORD)
    assert not sent_password(rec.take())
    if fake != "http":  # recognised: the refusal is on the target, with the reason
        t = r["targets"][0]
        assert "credentials not sent" in (t.get("error") or ""), t
        assert "in clear" in t["error"]


@pytest.mark.parametrize("fake", ["http", "etcd", "postgresql"])
def test_fake_opt_in_with_credentials_entry_sends(ajar_bin, fakes, fake, tmp_path):
    port, rec = fakes[fake]
    rec.take()
    target, store = TARGETS[fake]
    target = target.format(port=port)
    creds = tmp_path / "creds.ini"
    creds.write_text(f"# a test entry\n[{fake}]\ntargets = 127.0.0.1:{port}\n"
                     f"store = {store}\nuser = {USER}\npassword_env = FAKE_PW\n")
    creds.chmod(0o600)
    env = {"FAKE_PW": PASSWORD}
    p = subprocess.run([ajar_bin, "scan", *ARGS, target, "--credentials", str(creds),
                        "--allow-cleartext-password"], capture_output=True, text=True,
                       timeout=120, env={**__import__("os").environ, **env})
    assert p.returncode in (0, 1, 2, 3), p.stderr
    assert sent_password(rec.take()), p.stdout + p.stderr
    # and an entry for another target binds nothing here
    other = tmp_path / "other.ini"
    other.write_text(f"[other]\ntargets = 127.0.0.2:{port}\nuser = {USER}\n"
                     f"password = {PASSWORD}\n")
    other.chmod(0o600)
    scan(ajar_bin, target, "--credentials", str(other), "--allow-cleartext-password")
    assert not sent_password(rec.take())


def test_fake_http_401_single_target_opt_in_but_unrecognised(ajar_bin, fakes):
    """--user/--password with the opt-in, on the single target, but no probe
    recognises a server that answers 401 to everything: nothing is sent."""
    port, rec = fakes["http"]
    rec.take()
    scan(ajar_bin, f"http://127.0.0.1:{port}", "--user", USER, "--password", PASSWORD,
         "--allow-cleartext-password")
    assert not sent_password(rec.take())
