"""`ajar scan` against hostile fake Elasticsearch servers (stdlib HTTP on
127.0.0.1): a document over the response cap, a ransom-note index, a
trickling server. `fake_` tests; the real node is in test_scan_opensearch."""
import json
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = {"name": "n", "cluster_name": "c", "version": {"number": "7.10.2"},
        "tagline": "You Know, for Search"}
INDICES = [{"index": "big", "docs.count": "3", "store.size": "30000000", "status": "open"},
           {"index": "read_me", "docs.count": "1", "store.size": "100", "status": "open"},
           {"index": ".security", "docs.count": "5", "store.size": "100", "status": "open"}]
HUGE = 9 << 20  # over AJAR_MAX_RESPONSE (8 MiB)


class ES(BaseHTTPRequestHandler):
    trickle = False
    seen = []

    def log_message(self, *a):
        pass

    def reply(self, obj):
        body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        ES.seen.append(self.command)
        u = urlsplit(self.path)
        q = parse_qs(u.query)
        if self.trickle:
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        if u.path == "/":
            return self.reply(ROOT)
        if u.path == "/_cat/indices":
            return self.reply(INDICES)
        if u.path.endswith("/_mapping"):
            return self.reply({"big": {"mappings": {"properties": {
                "where": {"type": "geo_point"}}}}})
        if u.path == "/big/_search":
            size, frm = int(q["size"][0]), int(q["from"][0])
            if size > 1 or frm == 1:  # the middle document is huge
                hits = [{"_source": {"blob": "x" * HUGE}}]
            else:
                hits = [{"_source": {"email": f"person{frm}@example.org"}}]
            return self.reply({"hits": {"hits": hits}})
        if u.path == "/read_me/_search":
            return self.reply({"hits": {"hits": [{"_source": {
                "message": "All your data is backed up. Pay 0.01 BTC"}}]}})
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        ES.seen.append("POST")
        self.send_response(405)
        self.end_headers()


@pytest.fixture
def es():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), ES)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    ES.seen = []
    yield srv
    srv.shutdown()


def run(ajar_bin, *args):
    p = subprocess.run([ajar_bin, "scan", "--format", "json", *args],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode in (0, 3), p.stderr
    return json.loads(p.stdout)["targets"]


def test_fake_es_huge_document_and_ransom_note(ajar_bin, es):
    ES.trickle = False
    (t,) = run(ajar_bin, f"127.0.0.1:{es.server_address[1]}")
    assert t["store"] == "elasticsearch" and t["version"] == "7.10.2"
    cols = {c["name"]: c for c in t["collections"]}
    assert set(cols) == {"big", "read_me"}  # .security skipped
    big = cols["big"]
    assert big["sampled"] == 2 and "sample truncated" in big["note"]
    assert "contact.email" in big["categories"]
    assert "location.coordinates" in big["categories"]  # from the mapping
    assert "ransom" in cols["read_me"]["note"]
    assert set(ES.seen) == {"GET"}
    (t,) = run(ajar_bin, f"127.0.0.1:{es.server_address[1]}", "--include-system")
    assert {c["name"] for c in t["collections"]} == {"big", "read_me", ".security"}


def test_fake_es_trickle_hits_the_deadline(ajar_bin, es):
    ES.trickle = True
    start = time.monotonic()
    (t,) = run(ajar_bin, f"127.0.0.1:{es.server_address[1]}", "--deadline", "2s")
    assert time.monotonic() - start < 15
    assert t["error"] and "timed out" in t["error"]
    assert t["collections"] == []


class IgnoresSize(ES):
    """An index of 20 documents on a server that ignores size and from:
    every page holds the whole index."""

    def do_GET(self):
        u = urlsplit(self.path)
        if u.path == "/_cat/indices":
            return self.reply([{"index": "repeats", "docs.count": "20",
                                "store.size": "2000", "status": "open"}])
        if u.path == "/repeats/_search":
            return self.reply({"hits": {"hits": [
                {"_source": {"email": f"person{i}@example.org"}} for i in range(20)]}})
        if u.path.endswith("/_mapping"):
            return self.reply({"repeats": {"mappings": {"properties": {}}}})
        return super().do_GET()


@pytest.mark.parametrize("sample", ["50", "15", "5"])
def test_fake_es_ignoring_size_never_inflates_sampled(ajar_bin, sample):
    """sampled was 40 for 20 documents: pages of 10 asked, 20 returned"""
    ES.trickle = False
    srv = ThreadingHTTPServer(("127.0.0.1", 0), IgnoresSize)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        (t,) = run(ajar_bin, f"127.0.0.1:{srv.server_address[1]}", "--sample", sample)
    finally:
        srv.shutdown()
    (c,) = t["collections"]
    assert c["records"] == 20
    assert c["sampled"] == min(20, int(sample)), c
