"""-iL FILE reads what other scanners wrote, by content (src/cli/targets.c):
a real nmap -oX run over real test servers on 127.0.0.1 finds the same
stores as `ajar scan` over the same ports; masscan (-oJ, -oD, -oL), naabu,
httpx, zmap and Shodan (.json.gz) samples, hand-written from each tool's
documented format, give the endpoints they list, each with its port; the
scope and --exclude hold for targets from a file as for operands.

nmap runs as a TCP connect scan of 127.0.0.1 only."""
import gzip
import json
import shutil
import subprocess

import pytest

from conftest import free_port

SERVERS = ["redis", "memcached", "postgresql"]


def ajar(ajar_bin, *args, timeout=180):
    return subprocess.run([ajar_bin, *args], capture_output=True, text=True,
                          timeout=timeout)


def listed(ajar_bin, path):
    p = ajar(ajar_bin, "scan", "--list-targets", "-iL", str(path))
    assert p.returncode == 0, p.stderr
    return p.stdout.split()


def stores(report):
    return sorted((t["target"], t["store"], sorted(c["name"] for c in t["collections"]))
                  for t in report["targets"] if t["reachable"])


@pytest.fixture(scope="module")
def ports(shared_server):
    return {name: int(shared_server(name)["PORT"]) for name in SERVERS}


def test_real_nmap_xml_finds_the_same_stores(ajar_bin, ports, tmp_path):
    assert shutil.which("nmap"), "nmap is not installed (tools/deps installs it)"
    closed = free_port()
    plist = ",".join(str(p) for p in [*ports.values(), closed])
    xml = tmp_path / "nmap.xml"
    subprocess.run(["nmap", "-sT", "-Pn", "-n", "--max-retries", "1", "-p", plist,
                    "-oX", str(xml), "127.0.0.1"], check=True, capture_output=True,
                   timeout=120)
    assert sorted(listed(ajar_bin, xml)) == sorted(
        f"127.0.0.1:{p}" for p in ports.values())  # the closed port is left out
    common = ["scan", "-f", "json", "--no-progress", "--probe-all", "--sample", "3"]
    from_file = ajar(ajar_bin, *common, "-iL", str(xml))
    direct = ajar(ajar_bin, *common, "127.0.0.1", "-p", plist)
    assert from_file.returncode in (0, 1), from_file.stderr
    a, b = json.loads(from_file.stdout), json.loads(direct.stdout)
    assert stores(a) == stores(b)
    assert {s for _, s, _ in stores(a)} == set(SERVERS)


def test_masscan_list_is_scanned_on_its_ports(ajar_bin, ports, tmp_path):
    lst = tmp_path / "masscan.txt"
    lst.write_text("#masscan\n"
                   f"open tcp {ports['redis']} 127.0.0.1 1700000000\n"
                   "# end\n")
    p = ajar(ajar_bin, "scan", "-f", "json", "--no-progress", "--probe-all",
             "--sample", "3", "-iL", str(lst))
    r = json.loads(p.stdout)
    assert [(t["target"], t["store"]) for t in r["targets"]] == [
        (f"127.0.0.1:{ports['redis']}", "redis")]


def test_exclude_and_scope_hold_for_file_targets(ajar_bin, ports, tmp_path):
    lst = tmp_path / "naabu.jsonl"
    lst.write_text(json.dumps({"host": "localhost", "ip": "127.0.0.1",
                               "port": ports["redis"], "protocol": "tcp"}) + "\n")
    p = ajar(ajar_bin, "scan", "-f", "json", "--no-progress", "--exclude", "127.0.0.1",
             "-iL", str(lst))
    r = json.loads(p.stdout) if p.stdout.strip() else {"targets": []}
    assert not [t for t in r["targets"] if t["reachable"]], p.stderr
    scope = tmp_path / "scope.txt"
    scope.write_text("10.0.0.0/8\n")
    p = ajar(ajar_bin, "scan", "-f", "json", "--no-progress", "--scope", str(scope),
             "-iL", str(lst))
    assert p.returncode == 3, p.stderr
    assert "scope" in p.stderr


SAMPLES = {
    # masscan -oJ: an array, one object a line, commas between
    "masscan.json": (
        '[\n'
        '{   "ip": "10.0.0.5",   "timestamp": "1700000000", "ports": [ {"port": 9200, '
        '"proto": "tcp", "status": "open", "reason": "syn-ack", "ttl": 64} ] }\n'
        ',\n'
        '{   "ip": "10.0.0.6",   "timestamp": "1700000001", "ports": [ {"port": 27017, '
        '"proto": "tcp", "status": "open", "reason": "syn-ack", "ttl": 64} ] }\n'
        ',\n'
        '{   "ip": "10.0.0.7",   "timestamp": "1700000002", "ports": [ {"port": 53, '
        '"proto": "udp", "status": "open", "reason": "none", "ttl": 64} ] }\n'
        ']\n',
        ["10.0.0.5:9200", "10.0.0.6:27017"]),
    # masscan -oD: NDJSON
    "masscan.ndjson": (
        '{"ip":"10.0.0.8","timestamp":"1700000000","port":6379,"proto":"tcp",'
        '"rec_type":"status","data":{"status":"open","reason":"syn-ack","ttl":64}}\n',
        ["10.0.0.8:6379"]),
    # masscan -oL
    "masscan.lst": (
        "#masscan\nopen tcp 5432 10.0.0.9 1700000000\nopen udp 161 10.0.0.9 1700000000\n"
        "open tcp 3306 2001:db8::1 1700000000\n# end\n",
        ["10.0.0.9:5432", "[2001:db8::1]:3306"]),
    # naabu -json
    "naabu.jsonl": (
        '{"host":"db.example","ip":"10.0.1.1","port":9200,"protocol":"tcp",'
        '"tls":false,"timestamp":"2024-01-01T00:00:00Z"}\n'
        '{"host":"db.example","ip":"10.0.1.1","port":11211,"protocol":"tcp",'
        '"tls":false,"timestamp":"2024-01-01T00:00:00Z"}\n',
        ["10.0.1.1:9200", "10.0.1.1:11211"]),
    # httpx -json: the URL with its scheme and port
    "httpx.jsonl": (
        '{"timestamp":"2024-01-01T00:00:00Z","url":"https://search.example:9443",'
        '"input":"search.example:9443","host":"10.0.2.1","port":"9443","scheme":"https",'
        '"status_code":200}\n'
        '{"timestamp":"2024-01-01T00:00:00Z","url":"http://10.0.2.2:5984/_utils",'
        '"input":"10.0.2.2:5984","host":"10.0.2.2","port":"5984","scheme":"http",'
        '"status_code":200}\n',
        ["https://search.example:9443", "10.0.2.2:5984"]),
    # zmap -O csv -f saddr,sport,classification,success
    "zmap.csv": (
        "saddr,sport,classification,success\n"
        "10.0.3.1,9200,synack,1\n10.0.3.2,9200,rst,0\n10.0.3.3,8123,synack,1\n",
        ["10.0.3.1:9200", "10.0.3.3:8123"]),
}


def shodan_banners():
    banners = [
        {"ip_str": "10.0.4.1", "port": 9200, "transport": "tcp",
         "data": "HTTP/1.1 200 OK", "http": {"status": 200}, "_shodan": {"module": "http"}},
        {"ip_str": "10.0.4.2", "port": 9243, "transport": "tcp", "data": "HTTP/1.1 200 OK",
         "http": {"status": 200}, "ssl": {"versions": ["TLSv1.2"]},
         "_shodan": {"module": "https"}},
        {"ip_str": "10.0.4.3", "port": 161, "transport": "udp", "data": "snmp"},
        {"ip_str": "10.0.4.4", "port": 27017, "transport": "tcp", "data": "MongoDB",
         "_shodan": {"module": "mongodb"}},
    ]
    return "".join(json.dumps(b) + "\n" for b in banners)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_scanner_samples(ajar_bin, tmp_path, name):
    text, want = SAMPLES[name]
    path = tmp_path / name
    path.write_text(text)
    assert listed(ajar_bin, path) == want


def test_shodan_export_gz(ajar_bin, tmp_path):
    path = tmp_path / "shodan-export.json.gz"
    with gzip.open(path, "wt") as f:
        f.write(shodan_banners())
    assert listed(ajar_bin, path) == ["10.0.4.1:9200", "https://10.0.4.2:9243",
                                      "10.0.4.4:27017"]


def test_plain_list_still_works(ajar_bin, tmp_path):
    path = tmp_path / "targets.txt"
    path.write_text("# ours\n10.0.5.1\n10.0.5.0/30, db.example:5432\n"
                    "redis://u:s3cret@10.0.5.9:6379\n\n")
    assert listed(ajar_bin, path) == ["10.0.5.1", "10.0.5.0/30", "db.example:5432",
                                      "redis://10.0.5.9:6379"]  # never the password
