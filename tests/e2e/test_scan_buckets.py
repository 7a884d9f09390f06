"""`ajar scan` against real object stores and file servers from tests/servers: MinIO (s3:
a public bucket, a bucket that lists but refuses reads, a private one; s3-auth: private,
read with credentials), Azurite (azure-blob), nginx autoindex (httpdir, httpdir-auth) and
vsftpd (ftp, ftp-closed), all seeded with the same files (tests/servers/lib/seed_files.py).
Read-only proof: object listings, ETags, LastModified and checksums identical before and after;
MinIO's own trace of S3 calls and the other servers' access logs show
only GET/HEAD, and FTP only the commands the probe lists."""
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest
from conftest import _env_file as _env

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVERS = ROOT / "tests" / "servers"
sys.path.insert(0, str(SERVERS / "lib"))
NAMES = ["s3", "s3-auth", "azure-blob", "httpdir", "httpdir-auth", "httpdir-listonly", "ftp",
         "ftp-closed", "ftp-listonly"]
PREFIX_CAP = 1 << 20
# what the seeded files show through the readers of `ajar files`: the SQL dump
# (residents), the CSV (checkpoint events), the XLSX (patients) and the zip
SEEN = {"identity.national_id", "contact.phone", "device.imei", "device.mac",
        "location.coordinates", "special.health"}
FTP_ALLOWED = {"USER", "PASS", "PWD", "TYPE", "PASV", "EPSV", "LIST", "MLSD", "SIZE",
               "REST", "RETR", "QUIT", "ABOR"}


@pytest.fixture(scope="session")
def srv(shared_server):
    return {name: shared_server(name) for name in NAMES}


def sane(stderr):
    """no report of ASan, LeakSanitizer or UBSan (in the sanitizer tree, exit code 1 of a
    leak found at exit would pass for 'findings')"""
    assert "Sanitizer" not in stderr and "runtime error:" not in stderr, stderr[-4000:]


def scan(*args):
    p = subprocess.run([os.environ["AJAR_BIN"], "scan", "--format", "json", *args],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode in (0, 1, 3), p.stderr
    sane(p.stderr)
    rep = json.loads(p.stdout)
    assert len(rep["targets"]) == 1, rep["targets"]
    return rep["targets"][0]


def categories(t):
    return {c for col in t["collections"] for c in col.get("categories", [])}


def s3_snapshot(env):
    out = subprocess.run([sys.executable, str(SERVERS / "lib" / "seed_objects.py"),
                          "s3-snapshot", "--url", env["URL"], "--key", env["ACCESS_KEY"],
                          "--secret", env["SECRET_KEY"]], capture_output=True, text=True,
                         timeout=300, check=True)
    return out.stdout


def azure_snapshot(env):
    out = subprocess.run([sys.executable, str(SERVERS / "lib" / "seed_objects.py"),
                          "azure-snapshot", "--url", env["URL"], "--account", env["ACCOUNT"],
                          "--key", env["KEY"]], capture_output=True, text=True, timeout=300,
                         check=True)
    return out.stdout


def files_manifest(env):
    import seed_files
    return seed_files.manifest(env["FILES"])


def object_categories(t, name):
    """the categories of an object and of its members, tables, sheets (`name!part`)"""
    return {c for col in t["collections"] if col["name"] == name or
            col["name"].startswith(name + "!") for c in col.get("categories", [])}


def check_objects(t, prefix, open_=True):
    """The seeded objects listed with their sizes; every read within the prefix cap; an
    archive's members, a dump's tables and a workbook's sheets are collections of their
    own, `bucket/key!part` (docs/report.md)."""
    names = {c["name"]: c for c in t["collections"]}
    for part in ("exports/archive.zip!checkpoint_events.csv",
                 "exports/archive.zip!patients.xlsx!patients",
                 "exports/patients.xlsx!patients", "dumps/smartcity.sql.gz!residents"):
        assert prefix + part in names, sorted(names)
        assert names[prefix + part]["records"] is None, names[prefix + part]
    assert {"identity.national_id", "contact.phone"} <= set(
        names[prefix + "dumps/smartcity.sql.gz!residents"]["categories"])
    for rel, size in [("exports/checkpoint_events.csv", 42756),
                      ("dumps/smartcity.sql.gz", 7831), ("exports/patients.xlsx", 9480)]:
        col = names[prefix + rel]
        assert col["bytes"] == size, col
    for col in t["collections"]:
        m = re.search(r"read (?:whole \((\d+) bytes\)|the first (\d+) bytes)",
                      col.get("note") or "")
        if m:
            assert int(m.group(1) or m.group(2)) <= PREFIX_CAP, col
    for rel in ("exports/patients.xlsx", "exports/archive.zip"):
        assert "special.health" in object_categories(t, prefix + rel), names[prefix + rel]
    csv = names[prefix + "exports/checkpoint_events.csv"]
    assert csv["sampled"] == 400, csv
    assert csv["severity"] == ("critical" if open_ else "info"), csv


def test_real_s3_public_bucket(srv):
    env = srv["s3"]
    before = s3_snapshot(env)
    t = scan(f"s3://exports@127.0.0.1:{env['PORT']}")
    assert t["store"] == "s3" and not t["auth_required"] and t["severity"] == "critical"
    bucket = [c for c in t["collections"] if c["name"] == "exports"][0]
    assert bucket["records"] == 5 and bucket["bytes"] == 80160, bucket
    check_objects(t, "exports/")
    assert SEEN <= categories(t), categories(t)
    assert s3_snapshot(env) == before


S3_READ_CALLS = {"s3.ListBuckets", "s3.ListObjectsV2", "s3.GetObject", "s3.HeadObject",
                 "s3.HeadBucket", "s3.GetBucketLocation"}


def minio_trace(env, run):
    """The S3 calls MinIO itself traced (its admin trace API, what `mc admin trace`
    reads) while run() ran: those of ajar (by its User-Agent), each as the server saw
    it. The trace ends at a sentinel request sent after run()."""
    import threading
    import urllib.error
    import urllib.request
    import uuid
    import seed_objects
    stream = seed_objects.s3_trace(env["URL"], env["ACCESS_KEY"], env["SECRET_KEY"])
    sentinel = f"ajar-trace-end-{uuid.uuid4().hex}"
    calls, done = [], threading.Event()

    def read():
        for line in stream:
            if line.strip():
                calls.append(json.loads(line))
                if sentinel in calls[-1].get("path", ""):
                    break
        done.set()
    th = threading.Thread(target=read, daemon=True)
    th.start()
    try:
        result = run()
        try:
            urllib.request.urlopen(f"{env['URL']}/{sentinel}", timeout=10)
        except urllib.error.HTTPError:
            pass  # NoSuchBucket: the point is that the trace shows it
        assert done.wait(30), "the trace never showed the sentinel request"
    finally:
        stream.close()
    ours = [c for c in calls if c["http"]["request"]["headers"].get(
        "User-Agent", [""])[0].startswith("ajar/")]
    return result, ours


def test_real_s3_read_only_by_minio_trace(srv):
    """Read-only proof from the server's side: MinIO's own trace of every S3 call shows
    only GET requests of the listing and read APIs, each object read a Range of at most
    the prefix cap; sizes, ETags, LastModified and contents of every object unchanged."""
    env = srv["s3"]
    before = s3_snapshot(env)

    def run():
        return [scan(f"s3://{b}@127.0.0.1:{env['PORT']}") for b in
                ("exports", "listonly", "private", "archives")] + \
               [scan(f"s3://127.0.0.1:{env['PORT']}")]
    _, calls = minio_trace(env, run)
    assert calls, "no call of ajar in the trace"
    methods = {c["http"]["request"]["method"] for c in calls}
    apis = {c["funcname"] for c in calls}
    assert methods == {"GET"}, methods
    # the trace holds the whole run: the last scan's ListBuckets too
    assert apis <= S3_READ_CALLS and {"s3.GetObject", "s3.ListBuckets"} <= apis, apis
    for c in calls:
        if c["funcname"] == "s3.GetObject":
            assert c["http"]["request"]["headers"]["Range"] == [f"bytes=0-{PREFIX_CAP - 1}"], c
    assert s3_snapshot(env) == before


def test_real_s3_archives_past_the_prefix_cap(srv):
    """Archives larger than the prefix cap (1.5 MiB of noise between a CSV and another):
    members are collections `bucket/key!member`; what lies in the first 1 MiB is
    classified, the member after the cap is not read, and the note says where the read
    stopped; a workbook whose sheet lies in the prefix is read from it."""
    env = srv["s3"]
    t = scan(f"s3://archives@127.0.0.1:{env['PORT']}")
    names = {c["name"]: c for c in t["collections"]}
    for key in ("large/cut.zip", "large/cut.tar.gz"):
        obj = names[f"archives/{key}"]
        assert obj["bytes"] > PREFIX_CAP and not obj.get("categories"), obj
        assert f"read the first {PREFIX_CAP} bytes (the prefix cap)" in obj["note"], obj
        assert "archive: cut at the prefix cap" in obj["note"], obj
        member = names[f"archives/{key}!checkpoint_events.csv"]
        assert {"device.imei", "location.coordinates"} <= set(member["categories"]), member
        assert member["sampled"] == 400 and member["severity"] == "critical", member
    assert not [n for n in names if "after/" in n], sorted(names)
    assert "special.health" in names["archives/large/wide.xlsx!patients"]["categories"]
    # 100 members: 64 (AJAR_OBJ_MAX_PARTS) read and reported, the note says the rest not
    members = [n for n in names if n.startswith("archives/large/members.zip!")]
    assert len(members) == 64, len(members)
    assert "more than 64 members, tables or sheets" in \
        names["archives/large/members.zip"]["note"], names["archives/large/members.zip"]


def scan_with_hosts(tmp_path, names, *args):
    """scan, with names mapped to 127.0.0.1 by a hosts file of the test's own, bound over
    /etc/hosts in a private mount namespace (unshare): ajar resolves them as it resolves
    any name, and no lookup reaches DNS (nsswitch reads files first; .test is reserved)"""
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 localhost\n" + "".join(f"127.0.0.1 {n}\n" for n in names))
    p = subprocess.run(["unshare", "--mount", "sh", "-c",
                        'mount --bind "$0" /etc/hosts && exec "$@"', str(hosts),
                        os.environ["AJAR_BIN"], "scan", "--format", "json", *args],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode in (0, 1, 3), p.stderr
    sane(p.stderr)
    rep = json.loads(p.stdout)
    assert len(rep["targets"]) == 1, rep["targets"]
    return rep["targets"][0]


@pytest.mark.skipif(os.geteuid() != 0, reason="a private /etc/hosts needs unshare as root")
def test_real_s3_virtual_host_style(srv, tmp_path):
    """s3://BUCKET.s3.DOMAIN:port (MinIO with MINIO_DOMAIN): the bucket named by the host,
    every request to / with Host BUCKET.s3.DOMAIN (MinIO's trace shows it), the same
    collections as path style; a list-only bucket the same way."""
    env = srv["s3"]
    domain, port = env["DOMAIN"], env["PORT"]
    names = [f"exports.{domain}", f"listonly.{domain}"]

    def run():
        return (scan_with_hosts(tmp_path, names, f"s3://exports.{domain}:{port}"),
                scan_with_hosts(tmp_path, names, f"s3://listonly.{domain}:{port}"))
    (t, lo), calls = minio_trace(env, run)
    assert t["store"] == "s3" and not t["auth_required"] and t["severity"] == "critical"
    check_objects(t, "exports/")
    assert SEEN <= categories(t), categories(t)
    path_style = scan(f"s3://exports@127.0.0.1:{port}")
    assert sorted(c["name"] for c in t["collections"]) == \
        sorted(c["name"] for c in path_style["collections"])
    names_lo = {c["name"]: c for c in lo["collections"]}
    assert names_lo["listonly"]["records"] == 5
    assert "reading refused (HTTP 403)" in \
        names_lo["listonly/exports/checkpoint_events.csv"]["note"]
    hosts = {c["http"]["request"]["headers"]["Host"][0] for c in calls}
    assert hosts == {f"exports.{domain}:{port}", f"listonly.{domain}:{port}"}, hosts
    assert {c["funcname"] for c in calls} <= S3_READ_CALLS


def test_real_s3_listing_open_reading_closed(srv):
    env = srv["s3"]
    t = scan(f"s3://listonly@127.0.0.1:{env['PORT']}")
    assert t["store"] == "s3" and not t["auth_required"] and t["severity"] == "medium"
    names = {c["name"]: c for c in t["collections"]}
    assert names["listonly"]["records"] == 5
    obj = names["listonly/exports/checkpoint_events.csv"]
    assert obj["bytes"] == 42756 and obj["sampled"] == 0
    assert "reading refused (HTTP 403)" in obj["note"]
    assert "listing open, reading closed: 5 names and sizes listed, every read refused" \
        in names["listonly"]["note"], names["listonly"]
    assert "listing open, reading closed" in t["note"], t
    # a bucket whose objects were read says nothing of the kind
    t = scan(f"s3://exports@127.0.0.1:{env['PORT']}")
    assert "reading closed" not in json.dumps(t), t


def test_real_s3_closed(srv):
    for target in (f"s3://private@127.0.0.1:{srv['s3']['PORT']}",
                   f"s3://127.0.0.1:{srv['s3-auth']['PORT']}"):
        t = scan(target)
        assert t["store"] == "s3" and t["auth_required"] and not t["collections"], t
        assert t["severity"] == "low"  # closed, but over plain HTTP


def test_real_s3_with_credentials_rated_closed(srv, tmp_path):
    env = srv["s3-auth"]
    before = s3_snapshot(env)
    # from a credentials file (SigV4 carries no secret: plain http is fine)
    creds = tmp_path / "creds.ini"
    creds.write_text(f"[minio]\ntargets = 127.0.0.1:{env['PORT']}\nstore = s3\n"
                     f"user = {env['ACCESS_KEY']}\npassword = {env['SECRET_KEY']}\n")
    creds.chmod(0o600)
    t = scan(f"s3://127.0.0.1:{env['PORT']}", "--credentials", str(creds))
    assert t["store"] == "s3" and t["auth_required"]
    check_objects(t, "records/", open_=False)
    assert SEEN <= categories(t)
    assert {c["severity"] for c in t["collections"]} == {"info"}
    assert t["severity"] == "low"
    assert s3_snapshot(env) == before


def test_real_azure_public_container(srv):
    env = srv["azure-blob"]
    before = azure_snapshot(env)
    pathlib.Path(env["DEBUG_LOG"]).write_text("")
    t = scan(f"azure://127.0.0.1:{env['PORT']}/{env['ACCOUNT']}/exports")
    assert t["store"] == "azure_blob" and not t["auth_required"]
    check_objects(t, "exports/")
    assert SEEN <= categories(t)
    closed = scan(f"azure://127.0.0.1:{env['PORT']}/{env['ACCOUNT']}/private")
    assert closed["auth_required"] and not closed["collections"]
    methods = set(re.findall(r"RequestMethod=(\w+)", pathlib.Path(env["DEBUG_LOG"]).read_text()))
    assert methods == {"GET"}, methods
    assert azure_snapshot(env) == before


def test_real_httpdir(srv):
    env = srv["httpdir"]
    before = files_manifest(env)
    log = pathlib.Path(env["ACCESS_LOG"])
    log.write_text("")
    t = scan(env["URL"])
    assert t["store"] == "http_index" and not t["auth_required"]
    check_objects(t, "")
    assert SEEN <= categories(t)
    lines = log.read_text().splitlines()
    assert lines and {ln.split()[0] for ln in lines} <= {"GET", "HEAD"}, lines
    reads = [ln for ln in lines if ln.split()[1].endswith((".csv", ".gz", ".xlsx"))]
    assert reads and all(ln.endswith(f"bytes=0-{PREFIX_CAP - 1}") for ln in reads), reads
    assert all(int(ln.split()[3]) <= PREFIX_CAP for ln in lines)
    assert files_manifest(env) == before


def test_real_httpdir_auth(srv, tmp_path):
    env = srv["httpdir-auth"]
    log = pathlib.Path(env["ACCESS_LOG"])
    log.write_text("")
    t = scan(env["URL"])
    assert t["auth_required"] and not t["collections"]
    assert all(" 401 " in ln for ln in log.read_text().splitlines())
    # a 401 of nginx names no store: credentials go only where a credentials
    # file binds them to http_index, and basic auth over plain http only
    # with --allow-cleartext-password
    creds = tmp_path / "creds.ini"
    creds.write_text(f"[dir]\ntargets = 127.0.0.1:{env['PORT']}\nstore = http_index\n"
                     f"user = {env['USER']}\npassword = {env['PASSWORD']}\n")
    creds.chmod(0o600)
    t = scan(env["URL"], "--credentials", str(creds))
    assert t["auth_required"] and not t["collections"], t
    assert all(" 401 " in ln for ln in log.read_text().splitlines())
    t = scan(env["URL"], "--credentials", str(creds), "--allow-cleartext-password")
    assert t["store"] == "http_index" and t["auth_required"]
    assert SEEN <= categories(t)
    assert {c["severity"] for c in t["collections"]} == {"info"}


def test_real_httpdir_listing_open_reading_closed(srv):
    """nginx lists the directories to anyone and refuses every file (403): the names and
    sizes are reported, each read refused, the listing and the target say "listing open,
    reading closed", rated open with nothing classified (medium)."""
    env = srv["httpdir-listonly"]
    log = pathlib.Path(env["ACCESS_LOG"])
    log.write_text("")
    t = scan(env["URL"])
    assert t["store"] == "http_index" and not t["auth_required"] and t["severity"] == "medium"
    names = {c["name"]: c for c in t["collections"]}
    assert names["/"]["records"] == 5 and names["/"]["bytes"] == 80160, names["/"]
    assert "listing open, reading closed: 5 names and sizes listed, every read refused" \
        in names["/"]["note"]
    assert "listing open, reading closed" in t["note"]
    obj = names["exports/checkpoint_events.csv"]
    assert obj["bytes"] == 42756 and obj["sampled"] == 0 and not categories(t)
    assert "reading refused (HTTP 403)" in obj["note"]
    lines = log.read_text().splitlines()
    # every request a GET; every one of a file (other probes' identification included)
    # refused; the seeded files asked for with the Range of the prefix cap
    assert lines and {ln.split()[0] for ln in lines} == {"GET"}, lines
    files = [ln for ln in lines if not ln.split()[1].split("?")[0].endswith("/")]
    assert files and all(ln.split()[2] == "403" for ln in files), files
    reads = [ln for ln in files if ln.split()[1].endswith((".csv", ".gz", ".xlsx", ".zip"))]
    assert len(reads) == 4 and all(ln.endswith(f"bytes=0-{PREFIX_CAP - 1}") for ln in reads)


def ftp_commands(env):
    log = pathlib.Path(env["PROTOCOL_LOG"]).read_text()
    return [c.split()[0].upper()
            for c in re.findall(r'FTP command: Client "[^"]*", "([^"]*)"', log)]


def test_real_ftp(srv):
    env = srv["ftp"]
    before = files_manifest(env)
    pathlib.Path(env["PROTOCOL_LOG"]).write_text("")
    t = scan(f"ftp://127.0.0.1:{env['PORT']}")
    assert t["store"] == "ftp" and not t["auth_required"]
    check_objects(t, "")
    assert SEEN <= categories(t)
    cmds = ftp_commands(env)
    assert "RETR" in cmds and set(cmds) <= FTP_ALLOWED, sorted(set(cmds))
    assert files_manifest(env) == before
    # the start directory is listed once (identify's listing is the walk's first)
    full = re.findall(r'FTP command: Client "[^"]*", "([^"]*)"',
                      pathlib.Path(env["PROTOCOL_LOG"]).read_text())
    assert full.count("LIST") == 1, full


def test_real_ftp_listing_open_reading_closed(srv):
    """vsftpd lists the files to anonymous but they are not world-readable: every RETR
    refused (550); names and sizes reported, the listing and the target say "listing
    open, reading closed", rated medium; only the commands the probe lists were sent."""
    env = srv["ftp-listonly"]
    before = files_manifest(env)
    pathlib.Path(env["PROTOCOL_LOG"]).write_text("")
    t = scan(f"ftp://127.0.0.1:{env['PORT']}")
    assert t["store"] == "ftp" and not t["auth_required"] and t["severity"] == "medium"
    names = {c["name"]: c for c in t["collections"]}
    assert names["/"]["records"] == 5 and names["/"]["bytes"] == 80160, names["/"]
    assert "listing open, reading closed: 5 names and sizes listed, every read refused" \
        in names["/"]["note"]
    assert "listing open, reading closed" in t["note"] and not categories(t)
    assert "reading refused (FTP 550)" in names["exports/checkpoint_events.csv"]["note"]
    cmds = ftp_commands(env)
    assert "RETR" in cmds and set(cmds) <= FTP_ALLOWED, sorted(set(cmds))
    assert files_manifest(env) == before


def test_real_ftp_probe_all_by_greeting(srv):
    """On a port not FTP's own (--probe-all), vsftpd's greeting, which reaches the first
    HTTP request before its answer, sends ajar straight to the probes that wait for a
    greeting: one HTTP request, then MySQL's probe and FTP's, three connections in all
    (fourteen before: every HTTP and native probe in turn)."""
    env = srv["ftp"]
    log = pathlib.Path(env["PROTOCOL_LOG"])
    log.write_text("")
    t = scan(f"127.0.0.1:{env['PORT']}", "--probe-all", "--sample", "1")
    assert t["store"] == "ftp" and not t["auth_required"] and t["collections"]
    text = log.read_text()
    assert len(re.findall(r'CONNECT: Client', text)) == 3, text[:4000]
    assert ftp_commands(env).count("GET") == 1


def test_real_ftp_closed(srv):
    env = srv["ftp-closed"]
    pathlib.Path(env["PROTOCOL_LOG"]).write_text("")
    t = scan(f"ftp://127.0.0.1:{env['PORT']}")
    assert t["store"] == "ftp" and t["auth_required"] and not t["collections"]
    cmds = ftp_commands(env)
    assert cmds and set(cmds) <= {"USER", "PASS", "QUIT"}, cmds


def test_real_s3_100000_objects_within_caps(shared_server):
    """A bucket of 100,000 objects: the listing stops at its caps (20 pages of 1,000
    keys), says so, and the scan ends within seconds (s3-many keeps its data across ups:
    seeded once)."""
    env = shared_server("s3-many")
    p = subprocess.run([os.environ["AJAR_BIN"], "scan", "--format", "json",
                        f"s3://many@127.0.0.1:{env['PORT']}"], capture_output=True,
                       text=True, timeout=120)
    sane(p.stderr)
    t = json.loads(p.stdout)["targets"][0]
    bucket = [c for c in t["collections"] if c["name"] == "many"][0]
    assert bucket["records"] == 20000, bucket
    assert "listing stopped after 20 pages" in bucket["note"]
    assert len(t["collections"]) <= 1 + 8
