"""`ajar scan` against a fake Kibana (a stdlib HTTP server on 127.0.0.1
answering like Kibana 7.17's /api/status). `fake_` tests: no real Kibana
runs in the test suite."""
import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Kibana(BaseHTTPRequestHandler):
    auth = False
    seen = []

    def log_message(self, *a):
        pass

    def do_GET(self):
        Kibana.seen.append(("GET", self.path))
        if self.auth and "Authorization" not in self.headers:
            body = b'{"statusCode":401,"error":"Unauthorized","message":"Unauthorized"}'
            self.send_response(401)
        elif self.path == "/api/status":
            body = json.dumps({"name": "kb", "version": {"number": "7.17.9"},
                               "status": {"overall": {"state": "green"}}}).encode()
            self.send_response(200)
        else:
            body = b"not found"
            self.send_response(404)
        self.send_header("kbn-name", "kb")
        self.send_header("kbn-version", "7.17.9")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # never expected
        Kibana.seen.append(("POST", self.path))
        self.send_response(405)
        self.end_headers()


@pytest.fixture
def kibana():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Kibana)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    Kibana.seen = []
    yield srv
    srv.shutdown()


def run(ajar_bin, *args):
    p = subprocess.run([ajar_bin, "scan", "--format", "json", *args],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)["targets"]


def test_fake_kibana_open(ajar_bin, kibana):
    Kibana.auth = False
    port = kibana.server_address[1]
    (t,) = run(ajar_bin, f"kibana://127.0.0.1:{port}")
    assert t["store"] == "kibana" and t["version"] == "7.17.9"
    assert t["reachable"] and not t["auth_required"]
    assert t["severity"] == "medium" and "open Kibana" in t["note"]
    assert all(m == "GET" for m, _ in Kibana.seen)
    # found without the DSN too: the ES probe gets no ES answer, Kibana's does
    (t,) = run(ajar_bin, f"127.0.0.1:{port}")
    assert t["store"] == "kibana"
    assert all(m == "GET" for m, _ in Kibana.seen)


def test_fake_kibana_closed(ajar_bin, kibana):
    Kibana.auth = True
    port = kibana.server_address[1]
    (t,) = run(ajar_bin, f"127.0.0.1:{port}")
    assert t["store"] == "kibana" and t["auth_required"]
    assert t["severity"] == "low" and t["error"] is None
