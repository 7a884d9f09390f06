"""`ajar scan` against a real OpenSearch 2.19 node (tests/servers), plain,
behind nginx basic auth, and behind nginx TLS with a self-signed
certificate. Every test here is `real_`: it needs the real servers, never
a recorded response."""
import json
import subprocess
import urllib.parse
import urllib.request

import pytest

from conftest import free_port

PASSWORD = "s3cret-pass"
USER = "auditor"

# what the seed (tests/servers/lib/seed_search.py) puts in each index
SEEDED = {
    "smartcity-faces": {
        "count": 300,
        "categories": {"biometric.face", "location.coordinates", "special.ethnicity"},
        "profiles": {"facial_recognition"},
        "severity": "critical",
    },
    "checkpoint-devices": {
        "count": 400,
        "categories": {"identity.national_id", "device.imei", "device.mac",
                       "location.coordinates"},
        "profiles": {"device_capture"},
        "severity": "critical",
    },
    "vehicles": {
        "count": 350,
        "categories": {"vehicle.plate", "vehicle.vin", "contact.phone"},
        "profiles": set(),
        "severity": "critical",
    },
    "app-logs": {"count": 250, "categories": set(), "profiles": set(),
                 "severity": "medium"},
}


def hostport(url):
    u = urllib.parse.urlsplit(url)
    return f"{u.hostname}:{u.port}"


def scan(ajar_bin, *args, check=True):
    p = subprocess.run([ajar_bin, "scan", "--format", "json", *args],
                       capture_output=True, text=True, timeout=300)
    if check:
        assert p.returncode in (0, 1), p.stderr
    report = json.loads(p.stdout) if p.stdout.strip() else None
    return p, report


def only_target(report):
    assert len(report["targets"]) == 1, report["targets"]
    return report["targets"][0]


def by_name(target):
    return {c["name"]: c for c in target["collections"]}


def assert_classified(target, severities=True):
    cols = by_name(target)
    assert set(cols) == set(SEEDED), sorted(cols)
    for name, want in SEEDED.items():
        c = cols[name]
        assert c["records"] == want["count"], (name, c["records"])
        assert c["bytes"] and c["bytes"] > 0
        assert c["sampled"] == 50, (name, c["sampled"])
        got = set(c["categories"])
        assert want["categories"] <= got, (name, got)
        assert set(c["profiles"]) >= want["profiles"], (name, c["profiles"])
        if not want["categories"]:
            assert got == set(), (name, got)
        if severities:
            assert c["severity"] == want["severity"], (name, c["severity"])
        for f in c["findings"]:  # redacted: never a whole value
            for ex in f["examples"]:
                assert "*" in ex or ex == "", (name, f["field"], ex)


def test_real_opensearch_open_node(ajar_bin, search_servers):
    url = search_servers["opensearch"]["URL"]
    p, r = scan(ajar_bin, url)
    t = only_target(r)
    assert t["store"] == "opensearch"
    assert t["version"] == "2.19.6"
    assert t["reachable"] is True
    assert t["auth_required"] is False
    assert t["tls"] is False
    assert t["error"] is None
    assert t["severity"] == "critical"
    assert_classified(t)
    assert r["summary"]["open"] == 1


def test_real_opensearch_host_port_and_ports_list(ajar_bin, search_servers):
    hp = hostport(search_servers["opensearch"]["URL"])
    host, port = hp.rsplit(":", 1)
    p, r = scan(ajar_bin, host, "-p", f"{port}", "--sample", "20")
    t = only_target(r)
    assert t["target"] == hp and t["store"] == "opensearch"
    assert all(c["sampled"] == 20 for c in t["collections"])


def test_real_opensearch_auth_without_credentials(ajar_bin, search_servers):
    env = search_servers["opensearch-auth"]
    p, r = scan(ajar_bin, hostport(env["URL"]))
    t = only_target(r)
    assert t["reachable"] is True
    assert t["auth_required"] is True
    assert t["collections"] == []
    assert t["error"] is None
    assert t["store"] == "opensearch"  # from the security realm
    assert t["severity"] == "low"      # closed, but over plain HTTP
    assert r["summary"]["open"] == 0


def test_real_opensearch_auth_with_credentials(ajar_bin, search_servers):
    env = search_servers["opensearch-auth"]
    # plain HTTP: Basic auth would carry the password in clear, so it is
    # refused, and the target says why, until the user opts in
    p, r = scan(ajar_bin, env["URL"], "--user", env.get("USER", USER),
                "--password", env.get("PASSWORD", PASSWORD))
    t = only_target(r)
    assert t["auth_required"] is True and t["collections"] == []
    assert "credentials not sent" in t["error"] and "in clear" in t["error"]
    p, r = scan(ajar_bin, env["URL"], "--user", env.get("USER", USER),
                "--password", env.get("PASSWORD", PASSWORD), "--allow-cleartext-password")
    t = only_target(r)
    assert t["auth_required"] is True
    assert t["version"] == "2.19.6"
    assert t["error"] is None
    assert_classified(t, severities=False)
    # docs/report.md, Severity: read with the owner's credentials = rated as closed
    assert all(c["severity"] == "info" for c in t["collections"])
    assert t["severity"] == "low"


def test_real_opensearch_auth_dsn_credentials(ajar_bin, search_servers):
    env = search_servers["opensearch-auth"]
    dsn = f"opensearch://{USER}:{urllib.parse.quote(PASSWORD)}@{hostport(env['URL'])}"
    p, r = scan(ajar_bin, dsn, "--allow-cleartext-password")
    t = only_target(r)
    assert t["target"] == f"opensearch://{hostport(env['URL'])}"
    assert_classified(t, severities=False)


def test_real_opensearch_auth_wrong_password(ajar_bin, search_servers):
    env = search_servers["opensearch-auth"]
    p, r = scan(ajar_bin, env["URL"], "--user", USER, "--password", "nope-" + PASSWORD,
                "--allow-cleartext-password")
    t = only_target(r)
    assert t["auth_required"] is True and t["collections"] == []
    assert "refused" in t["error"]


def test_real_opensearch_tls(ajar_bin, search_servers):
    url = search_servers["opensearch-tls"]["URL"]
    assert url.startswith("https://")
    p, r = scan(ajar_bin, url)
    t = only_target(r)
    assert t["tls"] is True and t["store"] == "opensearch"
    assert t["auth_required"] is False and t["error"] is None
    assert_classified(t)
    # no scheme given: plain HTTP gets nginx's 400, ajar falls back to TLS
    p, r = scan(ajar_bin, hostport(url), "--sample", "5")
    t = only_target(r)
    assert t["tls"] is True and t["version"] == "2.19.6"


def test_real_credentials_never_in_output(ajar_bin, search_servers):
    env = search_servers["opensearch-auth"]
    hp = hostport(env["URL"])
    runs = [
        ["scan", hp, "--user", USER, "--password", PASSWORD],
        ["scan", hp, "--user", USER, "--password", PASSWORD, "--format", "json"],
        ["scan", hp, "--user", USER, "--password", PASSWORD + "x"],
        ["scan", f"opensearch://{USER}:{PASSWORD}@{hp}", "--format", "json"],
        ["scan", f"http://{USER}:{PASSWORD}@{hp}/bad/path"],
        ["scan", f"{USER}:{PASSWORD}@{hp}"],
        ["scan", "127.0.0.1:1", "--user", USER, "--password", PASSWORD],
    ]
    for argv in runs:
        p = subprocess.run([ajar_bin, *argv], capture_output=True, text=True,
                           timeout=300)
        assert PASSWORD not in p.stdout + p.stderr, argv[1:]


def test_real_scan_is_read_only(ajar_bin, search_servers):
    base = search_servers["opensearch"]["URL"]
    with urllib.request.urlopen(base + "/_stats/docs,indexing,search", timeout=30) as f:
        before = json.load(f)["_all"]["total"]
    env = search_servers["opensearch-auth"]
    log = env["ACCESS_LOG"]
    with open(log, "rb") as f:
        offset = len(f.read())
    for target in (base, search_servers["opensearch-tls"]["URL"]):
        scan(ajar_bin, target)
    scan(ajar_bin, env["URL"], "--user", USER, "--password", PASSWORD,
         "--allow-cleartext-password")
    with urllib.request.urlopen(base + "/_stats/docs,indexing,search", timeout=30) as f:
        after = json.load(f)["_all"]["total"]
    assert after["docs"]["count"] == before["docs"]["count"]
    assert after["docs"]["deleted"] == before["docs"]["deleted"]
    for k in ("index_total", "delete_total", "index_failed"):
        assert after["indexing"][k] == before["indexing"][k], k
    # and the scan did read: searches went up
    assert after["search"]["query_total"] > before["search"]["query_total"]
    with open(log, "rb") as f:
        lines = f.read()[offset:].decode("utf-8", "replace").splitlines()
    ours = [l for l in lines if "ajar/" in l]
    assert ours, "the auth proxy saw no request from ajar"
    for line in ours:
        method = line.split('"', 2)[1].split(" ", 1)[0]
        assert method in ("GET", "HEAD"), line


def test_real_scope_refuses_outside(ajar_bin, search_servers, tmp_path):
    env = search_servers["opensearch-auth"]
    scope = tmp_path / "scope.txt"
    scope.write_text("# only the lab network\n10.0.0.0/8\n192.0.2.0/24\n")
    with open(env["ACCESS_LOG"], "rb") as f:
        offset = len(f.read())
    p, r = scan(ajar_bin, hostport(env["URL"]), "localhost:19201", "--scope",
                str(scope), check=False)
    assert p.returncode == 3  # nothing could be scanned
    for t in r["targets"]:
        assert t["reachable"] is False
        assert "outside the scope" in t["error"], t
        assert t["collections"] == []
    assert "outside the scope" in p.stderr
    with open(env["ACCESS_LOG"], "rb") as f:
        assert len(f.read()) == offset, "a refused target was contacted"
    # inside the scope, the same target is scanned
    scope.write_text("127.0.0.0/8\n")
    p, r = scan(ajar_bin, search_servers["opensearch"]["URL"], "--scope", str(scope),
                "--sample", "5")
    assert only_target(r)["store"] == "opensearch"


def test_real_unreachable_port_does_not_stop_the_scan(ajar_bin, search_servers):
    dead = f"127.0.0.1:{free_port()}"
    p, r = scan(ajar_bin, dead, search_servers["opensearch"]["URL"])
    targets = {t["target"]: t for t in r["targets"]}
    assert targets[dead]["reachable"] is False
    assert targets[dead]["error"]
    assert targets[dead]["collections"] == []
    live = targets[search_servers["opensearch"]["URL"]]
    assert live["store"] == "opensearch" and len(live["collections"]) == 4


def test_real_range_reports_only_what_answers(ajar_bin, search_servers):
    hp = hostport(search_servers["opensearch"]["URL"])
    port = hp.rsplit(":", 1)[1]
    p, r = scan(ajar_bin, "127.0.0.0/29", "-p", f"1,{port}", "-c", "8",
                "--sample", "2", "--exclude", "127.0.0.2,127.0.0.3/32")
    got = sorted(t["target"] for t in r["targets"])
    # the node listens on 127.0.0.1 only: the other addresses and port 1
    # refuse, and a range reports only what answered
    assert got == [f"127.0.0.1:{port}"], got
    p, r = scan(ajar_bin, "127.0.0.0/30", "-p", f"1,{port}", "--all",
                "--sample", "1", "--exclude", "127.0.0.1", check=False)
    assert p.returncode == 3  # nothing answered
    got = sorted(t["target"] for t in r["targets"])
    assert got == sorted(f"127.0.0.{i}:{q}" for i in (0, 2, 3) for q in (1, port)), got
    assert not any(t["reachable"] for t in r["targets"])
