"""Reports people use, from the outside: HTML (in a real headless
Chromium), SARIF against the official 2.1.0 schema, NDJSON streaming,
`ajar report` round trips, `ajar diff`, --baseline and exit codes.

Runs the built binary (env AJAR_BIN, default build/ajar) on the bundled
examples and on modified copies made in tmp_path. ctest runs it as
e2e.reports (label "report"). The browser check writes its screenshot to
$AJAR_SCREENSHOT (default: tmp_path); to refresh the README's picture:
  AJAR_SCREENSHOT=docs/report-screenshot.png python3 -m pytest tests/e2e/test_reports.py -k browser
"""
import copy
import gzip
import json
import os
import select
import shutil
import subprocess

import jsonschema
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AJAR = os.path.abspath(os.environ.get("AJAR_BIN") or os.path.join(ROOT, "build", "ajar"))
EXAMPLES = ["examples/smartcity-faces.ndjson", "examples/patients.tsv",
            "examples/app-logs.ndjson.gz", "examples/checkpoint.csv",
            "examples/vehicles.json", "examples/notes.txt"]
SARIF_SCHEMA = os.path.join(ROOT, "tests", "data", "sarif", "sarif-schema-2.1.0.json")
BROWSER = os.path.join(ROOT, "tests", "browser")
SEVS = ["info", "low", "medium", "high", "critical"]


def run(*args, cwd=ROOT, stdin=None, timeout=120):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    p = subprocess.run([AJAR, *args], cwd=cwd, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=e, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def run_ok(*args, **kw):
    rc, out, err = run(*args, **kw)
    assert rc in (0, 1), f"ajar {' '.join(args)}: rc {rc}: {err}"
    return out


@pytest.fixture(scope="module")
def examples_json(tmp_path_factory):
    """The JSON report of `ajar files` over the bundled examples"""
    d = tmp_path_factory.mktemp("examples")
    path = d / "examples.json"
    run_ok("files", "-f", "json", "-o", str(path), *EXAMPLES)
    return path


def findings(report):
    for t in report["targets"]:
        for c in t["collections"]:
            for f in c["findings"]:
                yield t, c, f


def store_report():
    """A report as `ajar scan` writes one: an open OpenSearch node with an
    index of faces and ids, and a closed Elasticsearch node."""
    return {
        "tool": {"name": "ajar", "version": "0.1.0"},
        "started_at": "2026-11-28T10:00:00Z", "finished_at": "2026-11-28T10:00:03Z",
        "scope": "127.0.0.1:9200 127.0.0.1:9201",
        "targets": [
            {"target": "127.0.0.1:9200", "store": "opensearch", "version": "2.19.1",
             "reachable": True, "auth_required": False, "tls": False, "error": None,
             "severity": "critical", "collections": [
                 {"name": "smartcity-faces", "records": 2500, "bytes": 1834000,
                  "sampled": 50, "severity": "critical",
                  "categories": ["identity.national_id", "biometric.face"],
                  "profiles": ["facial_recognition"], "findings": [
                      {"field": "person.idcard", "category": "identity.national_id",
                       "detector": "cn_resident_id", "matches": 48, "records": 48,
                       "confidence": "high", "examples": ["1101**********123X"]},
                      {"field": "face.beard", "category": "biometric.face",
                       "detector": "face_attributes", "matches": 50, "records": 50,
                       "confidence": "medium", "examples": ["t**e"]}]}]},
            {"target": "127.0.0.1:9201", "store": "elasticsearch", "version": "7.17.0",
             "reachable": True, "auth_required": True, "tls": False, "error": None,
             "severity": "low", "collections": []},
        ],
        "summary": {"targets": 2, "open": 1, "collections": 1, "critical": 1,
                    "high": 0, "medium": 0, "low": 1, "info": 0},
    }


def write_json(path, obj):
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2))
    return str(path)


# ---- SARIF ------------------------------------------------------------------

def validate_sarif(doc):
    schema = json.load(open(SARIF_SCHEMA))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)


def test_sarif_files_validates_against_the_official_schema(examples_json):
    doc = json.loads(run_ok("files", "-f", "sarif", *EXAMPLES))
    validate_sarif(doc)
    report = json.load(open(examples_json))
    run0 = doc["runs"][0]
    detectors = run_ok("detectors").splitlines()
    rules = run0["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [d.split()[0] for d in detectors]
    want = list(findings(report))
    assert len(run0["results"]) == len(want) > 0
    level = {"critical": "error", "high": "error", "medium": "warning",
             "low": "note", "info": "note"}
    for res, (t, c, f) in zip(run0["results"], want):
        assert res["ruleId"] == f["detector"]
        assert rules[res["ruleIndex"]]["id"] == f["detector"]
        assert res["level"] == level[c["severity"]]
        loc = res["locations"][0]
        assert loc["physicalLocation"]["artifactLocation"]["uri"] == t["target"]
        assert loc["logicalLocations"][0]["name"] == f["field"]
        assert res["properties"]["category"] == f["category"]
    inv = run0["invocations"][0]
    assert inv["executionSuccessful"] is True
    assert inv["properties"]["scope"] == " ".join(EXAMPLES)


def test_sarif_stores_use_logical_locations(tmp_path):
    path = write_json(tmp_path / "scan.json", store_report())
    doc = json.loads(run_ok("report", path, "-f", "sarif"))
    validate_sarif(doc)
    results = doc["runs"][0]["results"]
    assert len(results) == 2
    fqn = [r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results]
    assert fqn == ["opensearch://127.0.0.1:9200/smartcity-faces/person.idcard",
                   "opensearch://127.0.0.1:9200/smartcity-faces/face.beard"]
    assert all("physicalLocation" not in r["locations"][0] for r in results)
    assert {r["level"] for r in results} == {"error"}


# ---- NDJSON -----------------------------------------------------------------

def test_ndjson_one_valid_line_per_target(examples_json):
    out = run_ok("files", "-f", "ndjson", *EXAMPLES)
    lines = out.splitlines()
    report = json.load(open(examples_json))
    assert len(lines) == len(EXAMPLES) == len(report["targets"])
    for line, target in zip(lines, report["targets"]):
        assert json.loads(line) == target


def test_ndjson_streams_each_file_as_it_finishes(tmp_path):
    """The first file's line arrives while ajar still waits on stdin."""
    first = tmp_path / "first.ndjson"
    first.write_text('{"email": "zhang.wei@example.org"}\n' * 5)
    p = subprocess.Popen([AJAR, "files", "-f", "ndjson", str(first), "-"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([p.stdout], [], [], 30)
        assert ready, "no line before stdin was closed: not streaming"
        line = json.loads(p.stdout.readline())
        assert line["target"] == str(first)
        assert p.poll() is None
        p.stdin.write(b'{"phone": "+8613812345678"}\n')
        p.stdin.close()
        rest = p.stdout.read().decode().splitlines()
        assert [json.loads(x)["target"] for x in rest] == ["-"]
        assert p.wait(30) == 0
    finally:
        if p.poll() is None:
            p.kill()


# ---- ajar report ------------------------------------------------------------

def test_report_round_trip_json_and_text(examples_json, tmp_path):
    saved = examples_json.read_text()
    assert run_ok("report", str(examples_json), "-f", "json") == saved
    # twice through: json -> report -> json -> report -> json
    again = tmp_path / "again.json"
    run_ok("report", str(examples_json), "-f", "json", "-o", str(again))
    assert run_ok("report", str(again), "-f", "json") == saved
    assert run_ok("report", str(examples_json)) == run_ok("files", *EXAMPLES)
    store = write_json(tmp_path / "scan.json", store_report())
    assert json.loads(run_ok("report", store, "-f", "json")) == store_report()


def test_report_html_equals_files_html(examples_json):
    """`ajar report` of the saved JSON gives the page `ajar files -f html`
    gives, but for the times."""
    import re
    strip = lambda s: re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "T", s)
    assert strip(run_ok("report", str(examples_json), "-f", "html")) == \
        strip(run_ok("files", "-f", "html", *EXAMPLES))


@pytest.mark.parametrize("body,words", [
    ("nope", ["not JSON", "line 1"]),
    ('{"targets": 3}', ["not an ajar report"]),
    ('{"targets": [{"target": "x", "severity": "bad"}]}', ["targets[0]", "severity"]),
    ('{"targets": [{"target": "x", "severity": "high", "collections": [{"name": "c",'
     ' "severity": "high", "findings": [{"field": "f", "category": "no.such",'
     ' "detector": "email"}]}]}]}', ["targets[0].collections[0].findings[0]", "no.such"]),
    ('{"targets": [{"target": 1, "severity": "high"}]}', ["targets[0]", "\"target\""]),
])
def test_report_bad_input_is_a_clear_error(tmp_path, body, words):
    path = tmp_path / "bad.json"
    path.write_text(body)
    rc, out, err = run("report", str(path), "-f", "html")
    assert rc == 2 and out == ""
    for w in words:
        assert w in err, err
    rc, _, err = run("report", str(tmp_path / "missing.json"))
    assert rc == 2 and "cannot read" in err
    rc, _, err = run("report")
    assert rc == 2


# ---- HTML escaping ----------------------------------------------------------

XSS_FIELD = "<script>window.__ajar_pwned=1</script>"


def xss_report(tmp_path):
    src = tmp_path / "x<b>y.ndjson"
    src.write_text("".join(json.dumps({XSS_FIELD: f"li.na{i}@example.org",
                                       "note\"'&": "<img src=x onerror=alert(1)>"}) + "\n"
                           for i in range(5)))
    return src


def test_html_escapes_every_string_from_data(tmp_path):
    src = xss_report(tmp_path)
    html = run_ok("files", "-f", "html", str(src), cwd=str(tmp_path))
    assert "contact.email" in html
    assert XSS_FIELD not in html and "<b>y" not in html
    assert "&lt;script&gt;window.__ajar_pwned=1&lt;/script&gt;" in html
    assert "x&lt;b&gt;y.ndjson" in html
    assert html.count("<script>") == 1  # ajar's own, at the end
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


# ---- the browser --------------------------------------------------------------

def test_browser_html_report(examples_json, tmp_path):
    node = shutil.which("node")
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    assert node and os.path.exists(chromium), "tools/deps installs node and chromium"
    assert os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")), \
        "run tools/deps (npm ci in tests/browser)"
    html = tmp_path / "report.html"
    run_ok("report", str(examples_json), "-f", "html", "-o", str(html))
    xss = tmp_path / "xss.html"
    run_ok("files", "-f", "html", "-o", str(xss), str(xss_report(tmp_path)), cwd=str(tmp_path))
    shot = os.path.abspath(os.environ.get("AJAR_SCREENSHOT") or str(tmp_path / "report.png"))
    p = subprocess.run([node, "check_report.mjs", str(html), str(examples_json), shot,
                        str(xss)], cwd=BROWSER, capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr + p.stdout
    seen = json.loads(p.stdout.strip().splitlines()[-1])
    report = json.load(open(examples_json))
    assert seen["rows"] == sum(max(1, len(t["collections"])) for t in report["targets"])
    assert seen["severity"] == {s: report["summary"][s] for s in SEVS}
    assert seen["xss"] == "escaped"
    assert set(seen["requests"]) <= {html.as_uri(), xss.as_uri()}
    assert os.path.getsize(shot) > 10000


# ---- diff and baseline --------------------------------------------------------

def make_runs(tmp_path):
    """old/ and new/ copies of example data with known changes, each run
    from inside its directory so the targets have the same names:
    logs.ndjson gains an e-mail field (medium -> high), checkpoint.csv is
    new in new/, patients.tsv does not change."""
    with gzip.open(os.path.join(ROOT, "examples", "app-logs.ndjson.gz"), "rt") as f:
        logs = [json.loads(line) for line in f][:60]
    runs = {}
    for name in ("old", "new"):
        d = tmp_path / name
        d.mkdir()
        shutil.copy(os.path.join(ROOT, "examples", "patients.tsv"), d)
        recs = copy.deepcopy(logs)
        if name == "new":
            for i, r in enumerate(recs):
                r["email"] = f"customer{i}@example.org"
            shutil.copy(os.path.join(ROOT, "examples", "checkpoint.csv"), d)
        (d / "logs.ndjson").write_text("".join(json.dumps(r) + "\n" for r in recs))
        runs[name] = d
    run_ok("files", "-f", "json", "-o", str(tmp_path / "old.json"),
           "logs.ndjson", "patients.tsv", cwd=str(runs["old"]))
    run_ok("files", "-f", "json", "-o", str(tmp_path / "new.json"),
           "logs.ndjson", "patients.tsv", "checkpoint.csv", cwd=str(runs["new"]))
    return runs


def kinds(changes):
    return sorted(json.dumps([c["kind"], c["target"], c["collection"], c["category"],
                              c["old_severity"], c["new_severity"], c["worse"]])
                  for c in changes)


def test_diff_finds_known_changes(tmp_path):
    make_runs(tmp_path)
    old, new = str(tmp_path / "old.json"), str(tmp_path / "new.json")
    rc, out, err = run("diff", old, new, "-f", "json")
    assert rc == 1, err
    d = json.loads(out)
    assert kinds(d["changes"]) == kinds([
        {"kind": "target_added", "target": "checkpoint.csv", "collection": None,
         "category": None, "old_severity": None, "new_severity": "critical", "worse": False},
        {"kind": "collection_added", "target": "checkpoint.csv", "collection": "checkpoint.csv",
         "category": None, "old_severity": None, "new_severity": "critical", "worse": True},
        {"kind": "severity", "target": "logs.ndjson", "collection": None, "category": None,
         "old_severity": "medium", "new_severity": "high", "worse": True},
        {"kind": "category_added", "target": "logs.ndjson", "collection": "logs.ndjson",
         "category": "contact.email", "old_severity": "medium", "new_severity": "high",
         "worse": True},
        {"kind": "severity", "target": "logs.ndjson", "collection": "logs.ndjson",
         "category": None, "old_severity": "medium", "new_severity": "high", "worse": True},
    ])
    assert d["summary"] == {"changes": 5, "worse": 4}
    rc, out, _ = run("diff", old, new)
    assert rc == 1
    assert "! category newly exposed" in out and "contact.email" in out
    assert out.rstrip().endswith("5 change(s), 4 worse")
    # the other way round: only better
    rc, out, _ = run("diff", new, old, "-f", "json")
    assert rc == 0
    got = {c["kind"] for c in json.loads(out)["changes"]}
    assert got == {"target_removed", "category_removed", "severity"}
    # no change
    rc, out, _ = run("diff", new, new)
    assert rc == 0 and "no changes" in out


def test_diff_stores_opened_and_closed(tmp_path):
    closed = store_report()
    closed["targets"][0].update(auth_required=True, severity="low")
    old = write_json(tmp_path / "old.json", closed)
    new = write_json(tmp_path / "new.json", store_report())
    rc, out, _ = run("diff", old, new, "-f", "json")
    assert rc == 1
    got = [(c["kind"], c["target"]) for c in json.loads(out)["changes"] if c["worse"]]
    assert ("store_opened", "127.0.0.1:9200") in got
    rc, out, _ = run("diff", new, old, "-f", "json")
    assert rc == 0
    assert ("store_closed", "127.0.0.1:9200") in [
        (c["kind"], c["target"]) for c in json.loads(out)["changes"]]


def test_diff_bad_input_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    good = write_json(tmp_path / "good.json", store_report())
    assert run("diff", str(bad), good)[0] == 2
    assert run("diff", good)[0] == 2
    assert run("diff", good, good, good)[0] == 2
    assert run("diff", good, good, "-f", "html")[0] == 2


def test_baseline_reports_only_what_is_new(tmp_path):
    runs = make_runs(tmp_path)
    base = str(tmp_path / "old.json")
    rc, out, err = run("files", "-f", "json", "--baseline", base, "--fail-on", "high",
                       "logs.ndjson", "patients.tsv", "checkpoint.csv", cwd=str(runs["new"]))
    assert rc == 1, err
    r = json.loads(out)
    assert [t["target"] for t in r["targets"]] == ["logs.ndjson", "checkpoint.csv"]
    logs = r["targets"][0]["collections"][0]
    assert [(f["field"], f["category"]) for f in logs["findings"]] == [("email", "contact.email")]
    assert logs["severity"] == "high" and logs["categories"] == ["contact.email"]
    # the exit code follows only what is new: patients.tsv is critical,
    # but known; the new e-mail field is high
    args = ["logs.ndjson", "patients.tsv"]
    assert run("files", "--fail-on", "critical", *args, cwd=str(runs["new"]))[0] == 1
    assert run("files", "--fail-on", "critical", "--baseline", base, *args,
               cwd=str(runs["new"]))[0] == 0
    assert run("files", "--fail-on", "high", "--baseline", base, *args,
               cwd=str(runs["new"]))[0] == 1
    # a baseline of the same run leaves nothing
    rc, out, _ = run("files", "-f", "ndjson", "--fail-on", "info", "--baseline", base,
                     "logs.ndjson", "patients.tsv", cwd=str(runs["old"]))
    assert rc == 0 and out == ""
    # ajar report takes a baseline too
    out = run_ok("report", str(tmp_path / "new.json"), "--baseline", base, "-f", "json")
    assert [t["target"] for t in json.loads(out)["targets"]] == ["logs.ndjson", "checkpoint.csv"]
    # a bad baseline is an input error
    rc, _, err = run("files", "--baseline", str(tmp_path / "nope.json"), "logs.ndjson",
                     cwd=str(runs["new"]))
    assert rc == 2 and "nope.json" in err


def test_fail_on_exit_codes():
    assert run("files", "--fail-on", "critical", *EXAMPLES)[0] == 1
    assert run("files", *EXAMPLES)[0] == 0
    logs = "examples/app-logs.ndjson.gz"
    assert run("files", "--fail-on", "high", logs)[0] == 0
    assert run("files", "--fail-on", "medium", logs)[0] == 1
    assert run("files", "--fail-on", "worst", logs)[0] == 2
    assert run("files", "-f", "pdf", logs)[0] == 2


def test_help_and_man_page_document_every_option():
    out = run_ok("--help")
    for word in ["--format", "ndjson", "html", "sarif", "--baseline", "--fail-on",
                 "report IN.json", "diff OLD.json NEW.json", "Exit codes"]:
        assert word in out
    man = open(os.path.join(ROOT, "docs", "ajar.1")).read()
    assert "\\-\\-baseline" in man and ".SH EXIT CODES" in man


def _running(name):
    state = os.environ.get("AJAR_SERVERS_DIR", "/tmp/ajar-servers")
    try:
        os.kill(int(open(os.path.join(state, name, "pid")).read()), 0)
        return True
    except (OSError, ValueError):
        return False


@pytest.fixture
def opensearch_url():
    """the local OpenSearch node of tests/servers; stopped after the test
    when the test started it (and AJAR_E2E_KEEP_SERVERS is not set)"""
    servers = os.path.join(ROOT, "tests", "servers")
    started = not _running("opensearch")
    up = subprocess.run([os.path.join(servers, "up"), "opensearch"],
                        capture_output=True, text=True, timeout=900)
    assert up.returncode == 0, up.stderr[-2000:]
    yield up.stdout.split()[1]
    if started and not os.environ.get("AJAR_E2E_KEEP_SERVERS"):
        subprocess.run([os.path.join(servers, "down"), "opensearch"],
                       capture_output=True, text=True, timeout=300)


def test_browser_html_report_of_a_real_scan(tmp_path, opensearch_url):
    """The same browser checks on a report of `ajar scan` of the local
    OpenSearch node of tests/servers (seeded indices)."""
    url = opensearch_url
    report = tmp_path / "scan.json"
    rc, _, err = run("scan", url.split("//", 1)[1], "-f", "json", "-o", str(report),
                     "--no-progress", timeout=300)
    assert rc in (0, 1), err
    r = json.load(open(report))
    assert r["summary"]["open"] == 1 and r["summary"]["collections"] >= 1
    html = tmp_path / "scan.html"
    run_ok("report", str(report), "-f", "html", "-o", str(html))
    doc = json.loads(run_ok("report", str(report), "-f", "sarif"))
    validate_sarif(doc)
    assert all(res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
               .startswith("opensearch://") for res in doc["runs"][0]["results"])
    p = subprocess.run(["node", "check_report.mjs", str(html), str(report),
                        str(tmp_path / "scan.png")], cwd=BROWSER, capture_output=True,
                       text=True, timeout=180)
    assert p.returncode == 0, p.stderr + p.stdout
