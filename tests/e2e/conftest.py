"""Shared fixtures for the end-to-end tests: the built binary and the real
test servers of tests/servers (started once per session, on 127.0.0.1)."""
import os
import pathlib
import socket
import subprocess
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVERS = ROOT / "tests" / "servers"


@pytest.fixture(scope="session")
def ajar_bin():
    path = pathlib.Path(os.environ.get("AJAR_BIN", ROOT / "build" / "ajar"))
    if not path.exists():
        pytest.fail(f"no ajar binary at {path} (set AJAR_BIN or build first)")
    return str(path)


def _env_file(name):
    base = pathlib.Path(os.environ.get("AJAR_SERVERS_DIR", "/tmp/ajar-servers"))
    env = {}
    for line in (base / name / "env").read_text().splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            env[k] = v
    return env


@pytest.fixture(scope="session")
def shared_server():
    """up(NAME) -> its env: start a server of tests/servers if it is not
    running and leave it running (for tests that add their own uniquely
    named data and remove it after)."""
    def up(name):
        p = subprocess.run([str(SERVERS / "up"), name], capture_output=True,
                           text=True, timeout=3600)
        if p.returncode != 0:
            pytest.fail("tests/servers/up failed:\n" + p.stderr[-4000:])
        return _env_file(name)
    return up


@pytest.fixture(scope="session")
def search_servers():
    """Start opensearch, opensearch-auth and opensearch-tls; stop them at
    the end unless AJAR_E2E_KEEP_SERVERS is set. Returns {name: env}."""
    names = ["opensearch", "opensearch-auth", "opensearch-tls"]
    up = subprocess.run([str(SERVERS / "up"), *names], capture_output=True,
                        text=True, timeout=900)
    if up.returncode != 0:
        pytest.fail("tests/servers/up failed:\n" + up.stderr[-4000:])
    urls = dict(line.split(None, 1) for line in up.stdout.splitlines() if line.strip())
    servers = {}
    for name in names:
        env = _env_file(name)
        env["URL"] = urls.get(name, env.get("URL", "")).strip()
        servers[name] = env
    yield servers
    if not os.environ.get("AJAR_E2E_KEEP_SERVERS"):
        subprocess.run([str(SERVERS / "down"), *reversed(names)],
                       capture_output=True, text=True, timeout=300)


class Listener:
    """A TCP socket on 127.0.0.1 that accepts and counts connections (and
    closes them): the proof that nothing connected where nothing may."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


@pytest.fixture
def tcp_listener():
    """make() -> a new Listener; all are closed after the test"""
    made = []

    def make():
        made.append(Listener())
        return made[-1]
    yield make
    for lst in made:
        lst.close()


def free_port():
    """A TCP port of 127.0.0.1 that nothing listens on (bound, then let go)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
