"""Spread-out scans: --shard K/N parts whose union (ajar report --merge) is
the unsharded scan, against real test servers on 127.0.0.1; and
--max-per-host, checked by a hand-written fake peer on 127.0.0.1 that
counts the connections it holds at once (no real server counts them)."""
import json
import socket
import subprocess
import threading
import time

import pytest

from conftest import free_port as closed_port

SERVERS = ["redis", "memcached", "postgresql"]


def ajar(ajar_bin, *args, timeout=300):
    return subprocess.run([ajar_bin, *args], capture_output=True, text=True,
                          timeout=timeout)


def comparable(report):
    """Each target's store, state, severity and collections (names, counts,
    categories); no timestamps."""
    return {t["target"]: (t["store"], t["reachable"], t["auth_required"], t["severity"],
                          sorted((c["name"], c["records"], tuple(sorted(c["categories"])))
                                 for c in t["collections"]))
            for t in report["targets"]}


def test_shards_union_is_the_unsharded_scan(ajar_bin, shared_server, tmp_path):
    ports = [int(shared_server(n)["PORT"]) for n in SERVERS]
    plist = ",".join(str(p) for p in ports + [closed_port(), closed_port()])
    # --sample 50: the PostgreSQL probe samples a table of more than 20x the
    # sample size with TABLESAMPLE (random pages), so two scans of the same
    # table may read other rows; at 50 every seeded table (<= 400 rows) is
    # read with LIMIT alone, the same rows each time, and the two reports
    # can be compared category for category.
    common = ["scan", "127.0.0.1", "-p", plist, "--probe-all", "--all", "--sample", "50",
              "--no-progress", "-f", "json"]
    whole = ajar(ajar_bin, *common)
    assert whole.stdout, whole.stderr
    parts = []
    for k in (1, 2, 3):
        out = tmp_path / f"shard{k}.json"
        p = ajar(ajar_bin, *common, "--shard", f"{k}/3", "-o", str(out))
        assert out.exists(), p.stderr
        parts.append(out)
    shard_targets = [set(t["target"] for t in json.loads(p.read_text())["targets"])
                     for p in parts]
    assert all(shard_targets), "a shard of 5 endpoints in 3 got none"
    assert not (shard_targets[0] & shard_targets[1] or shard_targets[0] & shard_targets[2]
                or shard_targets[1] & shard_targets[2]), "shards overlap"
    merged = ajar(ajar_bin, "report", "--merge", *map(str, parts), "-f", "json")
    assert merged.returncode in (0, 1), merged.stderr
    a, b = comparable(json.loads(whole.stdout)), comparable(json.loads(merged.stdout))
    assert a == b
    assert {v[0] for v in a.values() if v[1]} == set(SERVERS)


def test_bad_shard_is_a_usage_error(ajar_bin):
    for bad in ("0/3", "4/3", "3", "a/b", "1/0"):
        p = ajar(ajar_bin, "scan", "--shard", bad, "127.0.0.1")
        assert p.returncode == 2 and "--shard" in p.stderr, (bad, p.stderr)


class CountingPeer:
    """Fake peer: listens on several ports of 127.0.0.1, holds every
    connection a while, answers nothing, and records the most connections
    open at once over all its ports (one host)."""

    def __init__(self, n_ports, hold=0.15):
        self.hold = hold
        self.lock = threading.Lock()
        self.now = self.most = self.total = 0
        self.socks = []
        for _ in range(n_ports):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            s.listen(64)
            s.settimeout(0.1)
            self.socks.append(s)
        self.ports = [s.getsockname()[1] for s in self.socks]
        self.stop = False
        self.threads = [threading.Thread(target=self._accept, args=(s,), daemon=True)
                        for s in self.socks]
        for t in self.threads:
            t.start()

    def _accept(self, s):
        while not self.stop:
            try:
                c, _ = s.accept()
            except socket.timeout:
                continue
            threading.Thread(target=self._serve, args=(c,), daemon=True).start()

    def _serve(self, c):
        with self.lock:
            self.now += 1
            self.total += 1
            self.most = max(self.most, self.now)
        time.sleep(self.hold)
        with self.lock:
            self.now -= 1
        c.close()

    def close(self):
        self.stop = True
        for t in self.threads:
            t.join()
        for s in self.socks:
            s.close()


@pytest.mark.parametrize("limit", [1, 2, None])
def test_max_per_host_fake_peer_counts_connections(ajar_bin, limit):
    peer = CountingPeer(6)
    try:
        args = ["scan", "127.0.0.1", "-p", ",".join(map(str, peer.ports)), "-c", "16",
                "--read-timeout", "1s", "--no-progress", "-f", "json"]
        if limit:
            args += ["--max-per-host", str(limit)]
        p = ajar(ajar_bin, *args)
        assert p.returncode in (0, 1, 2, 3), p.stderr
    finally:
        peer.close()
    want = limit or 4  # the default (AJAR_DEFAULT_MAX_PER_HOST)
    assert peer.total >= 6, "every port was connected to"
    assert peer.most <= want, f"{peer.most} connections at once, limit {want}"
    assert peer.most == want, f"only {peer.most} at once: the limit was not what bound"
