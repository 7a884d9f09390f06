"""The ajar tool and the secrets and data it holds (issue 12): Ctrl-C
writes what was finished (`"interrupted": true`), `-o` with `--reveal`
creates the file 0600, and `--password` (and a URL's password) is gone
from the process list. Peers are stdlib sockets on 127.0.0.1."""
import json
import os
import signal
import socket
import stat
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Silent:
    """Accepts connections and never answers (a scan of it waits)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.conns = []
        self.connected = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(c)
            self.connected.set()

    def close(self):
        for c in self.conns:
            c.close()
        self.sock.close()


class ES(BaseHTTPRequestHandler):
    """A small open Elasticsearch: one index of emails."""

    def log_message(self, *a):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        body = {"/": {"name": "n", "cluster_name": "c", "version": {"number": "7.10.2"},
                      "tagline": "You Know, for Search"},
                "/_cat/indices": [{"index": "people", "docs.count": "2",
                                   "store.size": "100", "status": "open"}],
                "/people/_search": {"hits": {"hits": [
                    {"_source": {"email": "a@example.org"}},
                    {"_source": {"email": "b@example.org"}}]}},
                }.get(path)
        data = json.dumps(body).encode()
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def es():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), ES)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_address[1]
    srv.shutdown()


@pytest.fixture
def silent():
    s = Silent()
    yield s
    s.close()


def test_ctrl_c_writes_what_was_finished_scan(ajar_bin, es, silent, tmp_path):
    out = tmp_path / "r.json"
    p = subprocess.Popen([ajar_bin, "scan", "--format", "json", "-o", str(out),
                          "--no-progress", "--read-timeout", "60s", "--deadline", "120s",
                          f"127.0.0.1:{es}", f"127.0.0.1:{silent.port}"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert silent.connected.wait(30)
    time.sleep(1.0)  # the open store is done well before this
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 130, err
    assert b"interrupted" in err
    r = json.loads(out.read_text())
    assert r["interrupted"] is True
    targets = {t["target"]: t for t in r["targets"]}
    assert f"127.0.0.1:{es}" in targets  # finished before Ctrl-C
    assert f"127.0.0.1:{silent.port}" not in targets  # in flight: dropped
    assert targets[f"127.0.0.1:{es}"]["collections"][0]["name"] == "people"
    # the report reads back, and text shows it was cut short
    p = subprocess.run([ajar_bin, "report", "--format", "text", str(out)],
                       capture_output=True, text=True, timeout=60)
    assert "interrupted" in p.stdout


def test_ctrl_c_writes_what_was_finished_files(ajar_bin, tmp_path):
    done = tmp_path / "done.ndjson"
    done.write_text('{"email": "a@example.org"}\n')
    fifo = tmp_path / "stuck.ndjson"
    os.mkfifo(fifo)  # opening it for reading blocks: no writer comes
    p = subprocess.Popen([ajar_bin, "files", "--format", "json", str(done), str(fifo)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 130, err
    r = json.loads(out)
    assert r["interrupted"] is True
    assert [t["target"] for t in r["targets"]] == [str(done)]


def test_finished_run_has_no_interrupted_field(ajar_bin, tmp_path):
    f = tmp_path / "a.ndjson"
    f.write_text('{"email": "a@example.org"}\n')
    p = subprocess.run([ajar_bin, "files", "--format", "json", str(f)],
                       capture_output=True, text=True, timeout=60)
    assert "interrupted" not in json.loads(p.stdout)


@pytest.mark.parametrize("existing", [False, True])
def test_reveal_output_file_is_0600(ajar_bin, tmp_path, existing):
    f = tmp_path / "a.ndjson"
    f.write_text('{"email": "someone@example.org"}\n')
    out = tmp_path / "revealed.json"
    if existing:
        out.write_text("old")
        out.chmod(0o644)
    p = subprocess.run([ajar_bin, "files", "--reveal", "--format", "json", "-o", str(out),
                        str(f)], capture_output=True, text=True, timeout=60,
                       preexec_fn=lambda: os.umask(0o022))
    assert p.returncode in (0, 1), p.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "someone@example.org" in out.read_text()
    # without --reveal, the umask decides as for any file
    plain = tmp_path / "plain.json"
    subprocess.run([ajar_bin, "files", "--format", "json", "-o", str(plain), str(f)],
                   capture_output=True, timeout=60, preexec_fn=lambda: os.umask(0o022))
    assert stat.S_IMODE(plain.stat().st_mode) == 0o644


def test_password_not_in_the_process_list(ajar_bin, silent):
    p = subprocess.Popen([ajar_bin, "scan", "--no-progress", "--read-timeout", "30s",
                          "--user", "auditor", "--password", "pw-S3CRET-1",
                          f"http://bob:pw-S3CRET-2@127.0.0.1:{silent.port}/"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert silent.connected.wait(30)
        cmdline = open(f"/proc/{p.pid}/cmdline", "rb").read()
    finally:
        p.kill()
        p.communicate()
    assert b"pw-S3CRET" not in cmdline, cmdline
    assert b"auditor" in cmdline and b"--password" in cmdline
