"""Fixtures of the hostile-peer suite: the built binary, the peers (one
asyncio loop on 127.0.0.1), and a runner that measures one ajar process's
wall time and peak RSS (os.wait4 on that process alone)."""
import os
import pathlib
import subprocess
import sys
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import peers as peers_mod  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
SANITIZED = os.environ.get("AJAR_SANITIZED", "0") not in ("0", "", "OFF", "FALSE")


@pytest.fixture(scope="session")
def ajar_bin():
    path = pathlib.Path(os.environ.get("AJAR_BIN", ROOT / "build" / "ajar"))
    if not path.exists():
        pytest.fail(f"no ajar binary at {path} (set AJAR_BIN or build first)")
    return str(path)


@pytest.fixture(scope="session")
def peers():
    p = peers_mod.Peers()
    yield p
    p.close()


class Run:
    def __init__(self, rc, out, err, wall, maxrss_kib, killed):
        self.rc, self.out, self.err = rc, out, err
        self.wall, self.maxrss_kib, self.killed = wall, maxrss_kib, killed


TIME = "/usr/bin/time"


def run_ajar(ajar_bin, args, limit_s):
    """Run `ajar ARGS`; kill it after limit_s. Peak RSS of the ajar process
    alone: /usr/bin/time forks it (a child forked or vforked straight from
    this Python process would inherit Python's RSS high-water mark across
    exec, and so would getrusage(RUSAGE_CHILDREN))."""
    import signal
    import tempfile
    import threading
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        cmd = [ajar_bin, *args]
        if os.path.exists(TIME):
            cmd = [TIME, "-f", "%M", "-o", tf.name, *cmd]
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
        killed = []

        def kill():
            killed.append(1)
            os.killpg(p.pid, signal.SIGKILL)
        timer = threading.Timer(limit_s, kill)
        timer.start()
        out, err = p.communicate()
        timer.cancel()
        wall = time.monotonic() - start
        rc, rss = p.returncode, 0
        lines = [ln.strip() for ln in open(tf.name).read().splitlines() if ln.strip()]
        for ln in lines:
            if ln.startswith("Command terminated by signal"):
                rc = -int(ln.split()[-1])
            elif ln.startswith("Command exited with non-zero status"):
                rc = int(ln.split()[-1])
        if lines and lines[-1].isdigit():
            rss = int(lines[-1])
    return Run(rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
               wall, rss, bool(killed))
