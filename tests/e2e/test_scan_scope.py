"""Scope and exclusion on every connection (issue 12): public addresses
need a scope or --authorized, out-of-scope targets are always reported
(a stderr line naming the target, exit 3 when nothing was in scope), and
--exclude holds after DNS (a name that resolves to an excluded address,
an excluded name whose address is the target).

Nothing here sends a packet beyond 127.0.0.1: the public addresses used
are documentation networks (192.0.2.0/24, 2001:db8::/32) and only their
refusal is tested. A listening socket on 127.0.0.1 proves no connection
was made where one must not be.
"""
import json
import subprocess

import pytest


def scan(ajar_bin, *args):
    p = subprocess.run([ajar_bin, "scan", "--format", "json", "--no-progress", *args],
                       capture_output=True, text=True, timeout=120)
    return p, (json.loads(p.stdout) if p.stdout.strip() else None)


@pytest.fixture
def listener(tcp_listener):
    return tcp_listener()


@pytest.mark.parametrize("target,addr", [("192.0.2.1", "192.0.2.1"),
                                         ("192.0.2.1:9200", "192.0.2.1"),
                                         ("[2001:db8::1]:9200", "2001:db8::1"),
                                         ("192.0.2.0/30", "192.0.2.0")])
def test_public_address_without_scope_is_refused(ajar_bin, target, addr):
    p, r = scan(ajar_bin, target)
    assert p.returncode == 3, p.stderr
    assert len(r["targets"]) == 1, r["targets"]  # once per target, not per port
    t = r["targets"][0]
    assert t["error"].startswith("refused:") and "public address" in t["error"], t
    assert "--authorized" in t["error"]
    assert t["reachable"] is False and t["collections"] == []
    lines = [ln for ln in p.stderr.splitlines() if "refused" in ln]
    assert len(lines) == 1 and f"refused: {addr} is a public address" in lines[0], p.stderr


def test_public_address_outside_the_scope_is_reported(ajar_bin, tmp_path):
    scope = tmp_path / "scope.txt"
    scope.write_text("10.0.0.0/8\n")
    p, r = scan(ajar_bin, "--scope", str(scope), "192.0.2.1")
    assert p.returncode == 3, p.stderr
    assert [t["target"] for t in r["targets"]] == ["192.0.2.1:9200"]
    assert "192.0.2.1 is outside the scope" in r["targets"][0]["error"]
    assert "ajar: 192.0.2.1:9200: refused: 192.0.2.1 is outside the scope" in p.stderr


def test_refused_and_scanned_together(ajar_bin, listener):
    """one target in scope, one not: the refusal is reported, the other
    target is scanned"""
    p, r = scan(ajar_bin, f"127.0.0.1:{listener.port}", "192.0.2.9:9200")
    targets = {t["target"]: t for t in r["targets"]}
    assert "refused" in targets["192.0.2.9:9200"]["error"]
    assert f"127.0.0.1:{listener.port}" in targets
    assert listener.accepted >= 1
    assert "ajar: 192.0.2.9:9200: refused" in p.stderr


def test_exclude_holds_after_dns(ajar_bin, listener):
    """localhost resolves to 127.0.0.1, which is excluded: refused, and
    the listener on 127.0.0.1 sees no connection"""
    p, r = scan(ajar_bin, f"localhost:{listener.port}", "--exclude", "127.0.0.1,::1")
    assert p.returncode == 3, p.stderr
    t = r["targets"][0]
    assert "excluded" in t["error"] and t["error"].startswith("refused: localhost"), t
    assert listener.accepted == 0


def test_excluded_name_excludes_its_addresses(ajar_bin, listener):
    """--exclude localhost: the address 127.0.0.1 is excluded too"""
    p, r = scan(ajar_bin, f"127.0.0.1:{listener.port}", "--exclude", "localhost")
    assert listener.accepted == 0
    assert not any(t.get("reachable") for t in (r or {}).get("targets", []))


def test_scope_in_range_still_scans(ajar_bin, listener, tmp_path):
    scope = tmp_path / "scope.txt"
    scope.write_text("127.0.0.0/8\n")
    p, r = scan(ajar_bin, "--scope", str(scope), f"127.0.0.1:{listener.port}")
    assert listener.accepted >= 1
    assert "refused" not in (r["targets"][0]["error"] or "")
