"""`ajar files` from the outside: exit codes, messages, bad input, limits,
redaction and the report format.

Runs the built binary (env AJAR_BIN, default build/ajar; AJAR_SANITIZED=1
for an ASan build, which skips the RSS bound) on inputs made in
tmp_path; no network, no fixed paths. ctest runs it as e2e.files_cli.
"""
import gzip
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AJAR = os.path.abspath(os.environ.get("AJAR_BIN") or os.path.join(ROOT, "build", "ajar"))

ID = "11010519491231002X"  # valid Chinese resident id (check digit holds)
ID2 = "440524188001010014"


def rec(name, idno, **more):
    d = {"name": name, "id_card": idno}
    d.update(more)
    return json.dumps(d, ensure_ascii=False)


GOOD_LINES = [rec("Zhang Wei", ID), rec("Li Na", ID2), rec("Wang Fang", ID)]
GOOD_NDJSON = ("\n".join(GOOD_LINES) + "\n").encode()
NOTHING_NDJSON = b'{"colour":"red","count":3}\n{"colour":"blue","count":4}\n'


def run(*args, stdin=None, env=None, timeout=60):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    p = subprocess.run([AJAR, *args], input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=e, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def run_json(*args, **kw):
    rc, out, err = run("files", "-f", "json", *args, **kw)
    return rc, json.loads(out), err


def target(report, name):
    ts = [t for t in report["targets"] if t["target"] == name]
    assert len(ts) == 1, f"expected one target {name!r} in {[t['target'] for t in report['targets']]}"
    return ts[0]


def has_id_finding(t):
    return any(f["category"] == "identity.national_id" and f["field"] == "id_card"
               for c in t["collections"] for f in c["findings"])


def lines_naming(err, name):
    return [l for l in err.splitlines() if name in l]


def write(path, data):
    path.write_bytes(data)
    return str(path)


@pytest.fixture(autouse=True)
def _binary():
    if not os.access(AJAR, os.X_OK):
        pytest.fail(f"no ajar binary at {AJAR} (build it, or set AJAR_BIN)")


# ---- usage ----------------------------------------------------------------
@pytest.mark.parametrize("args,word", [
    (["files", "--bogus", "x.ndjson"], "--bogus"),
    (["files", "--format", "xml", "x.ndjson"], "xml"),
    (["files", "--fail-on", "severe", "x.ndjson"], "severe"),
    (["files", "-j", "0", "x.ndjson"], "'0'"),
    (["files", "x.ndjson", "--format"], "--format"),
    (["frobnicate"], "frobnicate"),
])
def test_usage_error_exits_2_with_one_message(args, word):
    rc, out, err = run(*args)
    assert rc == 2, err
    assert out == b""
    assert len(err.splitlines()) == 1, err
    assert word in err, err


def test_stale_mongoc_segment_adds_no_stderr_line():
    """A killed run leaves /dev/shm/mongoc-PID; libmongoc warns on stderr
    when a later run reuses that pid. Segments are made for the next pids,
    so some of the runs get one; the error stays one line in every run."""
    shm = "/dev/shm"
    try:
        with open("/proc/sys/kernel/ns_last_pid") as f:
            last = int(f.read())
    except OSError:
        pytest.skip("no /proc/sys/kernel/ns_last_pid to guess the next pid")
    if not os.access(shm, os.W_OK):
        pytest.skip("/dev/shm is not writable")
    made = []
    try:
        for pid in range(last + 1, last + 400):
            path = os.path.join(shm, "mongoc-%d" % pid)
            if not os.path.exists(path):
                open(path, "wb").close()
                made.append(path)
        for _ in range(5):
            p = subprocess.run([AJAR, "files", "--bogus", "x.ndjson"],
                               capture_output=True, timeout=60)
            assert p.returncode == 2
            assert len(p.stderr.splitlines()) == 1, p.stderr
    finally:
        for path in made:
            try:
                os.unlink(path)
            except OSError:
                pass


def test_no_input_exits_2():
    rc, out, err = run("files")
    assert rc == 2
    assert "no input" in err
    assert len(err.splitlines()) == 1, err


def test_help_mentions_every_option():
    """Every option of every command's table (src/cli) is in --help, which
    the tables generate (so is docs/ajar.1, from --help)."""
    rc, out, err = run("--help")
    assert rc == 0, err
    text = out.decode()
    src = "".join(open(os.path.join(ROOT, "src", "cli", f)).read()
                  for f in sorted(os.listdir(os.path.join(ROOT, "src", "cli")))
                  if f.endswith((".c", ".h")))
    entries = re.findall(r"\{OPT_[A-Z_]+,\s*(?:'(.)'|0),\s*\"([a-z][a-z-]*)\"", src)
    names = {"--" + long for _, long in entries} | {"-" + s for s, _ in entries if s}
    assert {"--format", "--reveal", "--fail-on", "--ports", "--input-format"} <= names
    for opt in sorted(names):
        assert re.search(r"(?<![\w-])" + re.escape(opt) + r"(?![\w-])", text), \
            f"--help does not mention {opt}"


def test_detectors_lists_every_detector():
    rc, out, err = run("detectors")
    assert rc == 0, err
    src = open(os.path.join(ROOT, "src", "lib", "classify", "detectors.h")).read()
    table = re.findall(r'^\s*X\(\s*\w+,\s*"([a-z0-9_]+)"', src, re.M)
    assert len(table) >= 10
    listed = [l.split()[0] for l in out.decode().splitlines() if l.strip()]
    assert listed == table


# ---- unreadable and missing inputs ---------------------------------------
def test_missing_file_among_good_ones(tmp_path):
    good = write(tmp_path / "good.ndjson", GOOD_NDJSON)
    good2 = write(tmp_path / "good2.ndjson", GOOD_NDJSON)
    missing = str(tmp_path / "missing.ndjson")
    rc, rep, err = run_json(good, missing, good2)
    assert rc == 2, err
    assert len(lines_naming(err, "missing.ndjson")) == 1, err
    assert not lines_naming(err, "good.ndjson") and not lines_naming(err, "good2.ndjson"), err
    t = target(rep, missing)
    assert t["reachable"] is False and t["error"]
    for g in (good, good2):
        assert has_id_finding(target(rep, g))
        assert target(rep, g)["error"] is None


def test_empty_directory_among_good_ones(tmp_path):
    # a directory is walked (tests/e2e/test_files_sources.py): an empty one
    # adds no target and is no input error
    good = write(tmp_path / "good.ndjson", GOOD_NDJSON)
    d = tmp_path / "adir"
    d.mkdir()
    rc, rep, err = run_json(str(d), good)
    assert rc == 0, err
    assert [t["target"] for t in rep["targets"]] == [good]
    assert has_id_finding(target(rep, good))


def test_all_inputs_unreadable_exits_3(tmp_path):
    rc, out, err = run("files", str(tmp_path / "a.ndjson"), str(tmp_path / "b.csv"))
    assert rc == 3, err
    assert len(lines_naming(err, "a.ndjson")) == 1
    assert len(lines_naming(err, "b.csv")) == 1


# ---- --fail-on --------------------------------------------------------------
def test_fail_on_high_with_national_ids_exits_1(tmp_path):
    rc, out, err = run("files", "--fail-on", "high", write(tmp_path / "ids.ndjson", GOOD_NDJSON))
    assert rc == 1, err


def test_fail_on_high_with_nothing_exits_0(tmp_path):
    rc, out, err = run("files", "--fail-on", "high", write(tmp_path / "none.ndjson", NOTHING_NDJSON))
    assert rc == 0, err
    assert err == ""


# ---- malformed and damaged content ---------------------------------------
def test_malformed_ndjson_lines_counted_with_line_number(tmp_path):
    lines = [GOOD_LINES[0], GOOD_LINES[1], '{"name":"Zhang Wei","id_card":"1101', GOOD_LINES[2],
             '{"a":1,}', GOOD_LINES[0]]
    p = write(tmp_path / "bad.ndjson", ("\n".join(lines) + "\n").encode())
    rc, rep, err = run_json(p)
    assert rc == 0, err
    c = target(rep, p)["collections"][0]
    assert c["malformed"] == 2
    assert c["first_malformed_line"] == 3
    assert c["sampled"] >= 4
    assert has_id_finding(target(rep, p))
    msgs = lines_naming(err, "bad.ndjson")
    assert len(msgs) == 1 and "line 3" in msgs[0], err


def test_truncated_gzip_midway(tmp_path):
    data = gzip.compress(GOOD_NDJSON * 5000, mtime=0)
    bad = write(tmp_path / "cut.ndjson.gz", data[: len(data) // 2])
    good = write(tmp_path / "good.ndjson", GOOD_NDJSON)
    rc, rep, err = run_json(bad, good)
    msgs = lines_naming(err, "cut.ndjson.gz")
    assert len(msgs) == 1 and "truncated" in msgs[0], err
    t = target(rep, bad)
    assert "truncated" in t["error"]
    # what came before the cut is still classified, and so is the other file
    assert t["collections"][0]["sampled"] > 0 and has_id_finding(t)
    assert has_id_finding(target(rep, good))
    # the cut file was partly read: an input error (2), not a failed run (3)
    assert rc == 2, err


def test_truncated_gzip_header_exits_2(tmp_path):
    data = gzip.compress(GOOD_NDJSON * 50, mtime=0)
    bad = write(tmp_path / "cut.ndjson.gz", data[:12])
    good = write(tmp_path / "good.ndjson", GOOD_NDJSON)
    rc, rep, err = run_json(bad, good)
    assert rc == 2, err
    assert len(lines_naming(err, "cut.ndjson.gz")) == 1, err
    assert target(rep, bad)["error"]
    assert has_id_finding(target(rep, good))


def test_zstd_input_classified(tmp_path):
    zstd = shutil.which("zstd")
    if not zstd:
        pytest.skip("no zstd CLI")
    plain = write(tmp_path / "z.ndjson", GOOD_NDJSON * 10)
    subprocess.run([zstd, "-q", plain, "-o", plain + ".zst"], check=True)
    rc, rep, err = run_json(plain + ".zst")
    assert rc == 0, err
    t = target(rep, plain + ".zst")
    assert t["error"] is None
    assert t["collections"][0]["sampled"] == 30
    assert has_id_finding(t)


def test_stdin(tmp_path):
    rc, rep, err = run_json("-", stdin=GOOD_NDJSON)
    assert rc == 0, err
    t = target(rep, "-")
    assert t["collections"][0]["sampled"] == 3
    assert has_id_finding(t)


def test_stdin_gzip():
    rc, rep, err = run_json("-", stdin=gzip.compress(GOOD_NDJSON, mtime=0))
    assert rc == 0, err
    assert has_id_finding(target(rep, "-"))


def test_csv_unterminated_quote(tmp_path):
    rows = ["name,id_card,note", f"Zhang Wei,{ID},ok", 'Li Na,' + ID2 + ',"never closed']
    rows += [f"Wang {i},{ID},x" for i in range(2000)]
    p = write(tmp_path / "q.csv", ("\n".join(rows) + "\n").encode())
    rc, rep, err = run_json(p, timeout=20)
    assert rc == 0, err
    c = target(rep, p)["collections"][0]
    # the open quote swallows the rest of the file into one row: that row
    # is classified as far as it goes and reported as malformed
    assert c["sampled"] == 2
    assert c["malformed"] == 1 and c["first_malformed_line"] == 3
    assert has_id_finding(target(rep, p))
    msgs = lines_naming(err, "q.csv")
    assert len(msgs) == 1 and "line 3" in msgs[0], err


def test_csv_crlf_and_bom(tmp_path):
    p = write(tmp_path / "w.csv", ("\ufeffname,id_card\r\nZhang Wei," + ID + "\r\nLi Na," + ID
                                   + "\r\n").encode())
    rc, rep, err = run_json(p)
    assert rc == 0, err
    t = target(rep, p)
    assert t["collections"][0]["sampled"] == 2
    assert has_id_finding(t)


def test_byte_order_mark_is_no_part_of_the_first_record(tmp_path):
    bom = b"\xef\xbb\xbf"
    nd = write(tmp_path / "b.ndjson", bom + GOOD_NDJSON)
    arr = write(tmp_path / "b.json", bom + ("[" + ",".join(GOOD_LINES) + "]").encode())
    doc = write(tmp_path / "d.json", bom + GOOD_LINES[0].encode())
    rc, rep, err = run_json(nd, arr, doc)
    assert rc == 0, err
    assert err == ""
    for p, n in ((nd, 3), (arr, 3), (doc, 1)):
        c = target(rep, p)["collections"][0]
        assert c["sampled"] == n and not c.get("malformed"), p
        assert [f["field"] for f in c["findings"] if f["category"] == "identity.national_id"] \
            == ["id_card"], p


def test_binary_garbage_among_good_ones(tmp_path):
    junk = write(tmp_path / "junk.ndjson", bytes(range(256)) * 64)
    good = write(tmp_path / "good.ndjson", GOOD_NDJSON)
    rc, rep, err = run_json(junk, good)
    assert rc == 2, err
    msgs = lines_naming(err, "junk.ndjson")
    assert len(msgs) == 1 and "binary" in msgs[0], err
    assert len(err.splitlines()) == 1, err
    assert target(rep, junk)["error"]
    assert has_id_finding(target(rep, good))


@pytest.mark.parametrize("reveal", [[], ["--reveal"]])
def test_invalid_utf8_in_values(tmp_path, reveal):
    bad = b"\xff\xfe\xc3\x28\xed\xa0\x80\xf0\x28\x8c"
    lines = [b'{"name":"Zhang Wei' + bad + b'","password":"p' + bad + b'%d","note":"x' % i + bad
             + b" " + ID.encode() + b'","id_card":"' + ID.encode() + b'"}' for i in range(5)]
    p = write(tmp_path / "u.ndjson", b"\n".join(lines) + b"\n")
    rc, out, err = run("files", "-f", "json", *reveal, p)
    assert rc == 0, err
    rep = json.loads(out)  # the report stays valid JSON
    assert has_id_finding(target(rep, p))
    rc, out, err = run("files", *reveal, p)
    assert rc == 0, err
    assert b"identity.national_id" in out


def test_invalid_utf8_in_field_name(tmp_path):
    """A byte that is no UTF-8 becomes U+FFFD in the JSON report; the
    finding keeps its field."""
    p = write(tmp_path / "k.ndjson", b'{"e\xffmail":"zhang.wei@example.com"}\n' * 3)
    rc, rep, err = run_json(p)
    assert rc == 0, err
    findings = target(rep, p)["collections"][0]["findings"]
    assert findings and all("field" in f for f in findings)
    assert findings[0]["field"] == "e\ufffdmail"


def test_line_over_record_cap_skipped_with_bounded_rss(tmp_path):
    p = tmp_path / "big.ndjson"
    with open(p, "wb") as f:
        f.write((GOOD_LINES[0] + "\n").encode())
        f.write(b'{"t":"' + b"a" * (20 << 20) + b'"}\n')
        f.write(GOOD_NDJSON)
    # a fresh interpreter, so RUSAGE_CHILDREN sees this one run only
    probe = ("import json,resource,subprocess,sys;"
             "p=subprocess.run(sys.argv[1:],stdout=subprocess.PIPE,stderr=subprocess.PIPE);"
             "print(json.dumps({'rc':p.returncode,'out':p.stdout.decode(),'err':p.stderr.decode(),"
             "'maxrss_kb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")
    r = subprocess.run([sys.executable, "-c", probe, AJAR, "files", "-f", "json", str(p)],
                       stdout=subprocess.PIPE, check=True, timeout=60)
    res = json.loads(r.stdout)
    assert res["rc"] == 0, res["err"]
    if os.environ.get("AJAR_SANITIZED", "0") in ("0", ""):
        assert res["maxrss_kb"] < 128 * 1024, f"max RSS {res['maxrss_kb']} KiB"
    rep = json.loads(res["out"])
    c = target(rep, str(p))["collections"][0]
    assert c["malformed"] == 1 and c["first_malformed_line"] == 2
    assert "skipped" in c["note"]
    assert c["sampled"] == 4  # the lines before and after the long one
    assert has_id_finding(target(rep, str(p)))
    assert "line 2" in res["err"]


def test_zero_length_lines_and_empty_file(tmp_path):
    blank = write(tmp_path / "blank.ndjson", b"\n" * 1000)
    empty = write(tmp_path / "empty.ndjson", b"")
    rc, rep, err = run_json(blank, empty)
    assert rc == 0, err
    for p in (blank, empty):
        c = target(rep, p)["collections"][0]
        assert c["sampled"] == 0 and not c.get("malformed")


def test_json_array_with_stray_brace_terminates(tmp_path):
    # used to frame an endless run of empty records (framer.c)
    p = write(tmp_path / "s.json", b'[1},{"id_card":"' + ID.encode() + b'"}]')
    rc, rep, err = run_json(p, timeout=20)
    assert rc == 0, err
    c = target(rep, p)["collections"][0]
    assert c["malformed"] == 1
    assert has_id_finding(target(rep, p))


# ---- redaction and output ----------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_redacted_by_default(tmp_path, fmt):
    p = write(tmp_path / "ids.ndjson", GOOD_NDJSON)
    rc, out, err = run("files", "-f", fmt, p)
    assert rc == 0, err
    assert b"identity.national_id" in out
    assert ID.encode() not in out and ID2.encode() not in out
    assert b"Zhang Wei" not in out
    rc, out, err = run("files", "-f", fmt, "--reveal", p)
    assert rc == 0, err
    assert ID.encode() in out


def run_on_tty(args, env):
    """Run ajar with stdout on a pseudo-terminal; returns (rc, output)."""
    master, slave = pty.openpty()
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.update(env)
    p = subprocess.Popen([AJAR, *args], stdout=slave, stderr=subprocess.PIPE, env=e)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], 30)
        if not r:
            p.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return p.wait(timeout=30), out


def test_no_ansi_escapes_without_a_terminal_or_with_no_color(tmp_path):
    p = write(tmp_path / "ids.ndjson", GOOD_NDJSON)
    rc, out, err = run("files", p)
    assert rc == 0 and b"\x1b" not in out, "colour on a pipe"
    rc, out = run_on_tty(["files", p], {"NO_COLOR": "1"})
    assert rc == 0 and b"identity.national_id" in out
    assert b"\x1b" not in out, "colour with NO_COLOR set"
    rc, out = run_on_tty(["files", "--no-color", p], {})
    assert rc == 0 and b"\x1b" not in out, "colour with --no-color"
    rc, out = run_on_tty(["files", p], {})
    assert rc == 0 and b"\x1b[" in out, "no colour on a terminal (test is vacuous)"


def test_json_report_validates_against_schema(tmp_path):
    import jsonschema
    schema = json.load(open(os.path.join(ROOT, "docs", "report.schema.json")))
    jsonschema.Draft202012Validator.check_schema(schema)
    mixed = [GOOD_LINES[0], "{broken", GOOD_LINES[1]]
    inputs = [
        write(tmp_path / "good.ndjson", GOOD_NDJSON),
        write(tmp_path / "mixed.ndjson", ("\n".join(mixed) + "\n").encode()),
        write(tmp_path / "t.csv", f"name,id_card,email\nZhang Wei,{ID},z@example.com\n".encode()),
        write(tmp_path / "a.json", ("[" + ",".join(GOOD_LINES) + "]").encode()),
        write(tmp_path / "n.txt", b"call me at +86 138 0013 8000\n"),
        write(tmp_path / "none.ndjson", NOTHING_NDJSON),
        write(tmp_path / "junk.bin", bytes(range(256))),
        str(tmp_path / "missing.ndjson"),
    ]
    for extra in ([], ["--reveal"]):
        rc, out, err = run("files", "-f", "json", *extra, *inputs)
        assert rc == 2, err
        rep = json.loads(out)
        jsonschema.validate(rep, schema, cls=jsonschema.Draft202012Validator)
        assert len(rep["targets"]) == len(inputs)


def test_phone_in_free_text_is_whole_and_every_kind_shown(tmp_path):
    # issue 11: the shortest match was reported ("+447946095" for
    # "+447946095812"); a CN mobile beside E.164 numbers was counted but
    # never shown; a count after a full number is not part of it
    p = tmp_path / "notes.txt"
    p.write_text("Call +447946095812 tomorrow, or the office on +44 20 7946 0958.\n"
                 "Backup +14159544968 5 times; warehouse contact is 15885420838 (WeChat too).\n")
    _, rep, _ = run_json("--reveal", str(p))
    phones = [f for c in target(rep, str(p))["collections"] for f in c["findings"]
              if f["category"] == "contact.phone"]
    assert len(phones) == 1
    ex = phones[0]["examples"]
    assert "+447946095812" in ex and "+44 20 7946 0958" in ex
    assert "15885420838" in ex or "+14159544968" in ex
    assert not any(e.endswith(" 5") or e == "+447946095" for e in ex)


@pytest.mark.parametrize("note,category,example", [
    ("mail to li.wei@163.com now", "contact.email", "li.wei@163.com"),
    ("call 13812345678 today", "contact.phone", "13812345678"),
    ("Tel +33 7 67 68 19 45 svp", "contact.phone", "+33 7 67 68 19 45"),
    ("请联系 13812345678 谢谢", "contact.phone", "13812345678")])
def test_a_contact_in_a_short_note_is_found(tmp_path, note, category, example):
    # a note of 48 bytes or fewer with spaces went the way of a single
    # token and its e-mail or phone was never looked for (a line of text,
    # a JSON "note"); the build before this fix reports nothing here
    p = tmp_path / "short.ndjson"
    p.write_text("".join(json.dumps({"id": i, "note": note}, ensure_ascii=False) + "\n"
                         for i in range(5)))
    t = tmp_path / "short.txt"
    t.write_text(note + "\nnothing else to say here\n", encoding="utf-8")
    for f in (p, t):
        _, rep, _ = run_json("--reveal", str(f))
        found = [x for c in target(rep, str(f))["collections"] for x in c["findings"]
                 if x["category"] == category]
        assert found and example in found[0]["examples"], (f.name, found)


@pytest.mark.parametrize("ts", [
    "2024-11-27T04:15:35.123Z", "27.11.2024 04:15:35", "11/27/2024 04:15:35 AM",
    "27/11/2024 04h15", "2024年11月27日 04:15", "2024年5月1日 13時45分",
    "2024년 11월 27일 04:15", "2024.11.27 04:15", 1732680935, 1732680935123, "1732680935"])
def test_a_time_in_any_locale_format_makes_tracking(tmp_path, ts):
    # issue 11: a time under an opaque name, as each locale prints it
    p = tmp_path / "t.ndjson"
    p.write_text("".join(json.dumps({"c1": ts, "who": "Mary Smith", "lat": 51.5 + i / 100,
                                     "lon": -0.12}, ensure_ascii=False) + "\n" for i in range(3)))
    _, rep, _ = run_json(str(p))
    assert "tracking" in target(rep, str(p))["collections"][0]["profiles"]


@pytest.mark.parametrize("place,ts", [
    ("kamera", "27.11.2024 04:15:35"), ("caméra", "27/11/2024 04h15"), ("cámara", "2024-11-27T04:15:35Z"),
    ("telecamera", "27/11/2024 04:15"), ("カメラ", "2024年11月27日 04:15"), ("카메라", "2024년 11월 27일 04:15"),
    ("камера", "27.11.2024 04:15"), ("摄像头编号", "2024-11-27 04:15:35"), ("Kontrollpunkt", 1732680935),
    ("検問所", 1732680935123), ("검문소", "2024.11.27 04:15"), ("卡口名称", "2024年5月1日 13時45分")])
def test_a_camera_or_checkpoint_in_any_language_and_a_time_make_capture_profiles(tmp_path, place, ts):
    # issue 11, point 5: a place named in any of the lexicon's languages and
    # a time as each locale prints it make facial_recognition (with face
    # attributes) and device_capture (with a MAC), not only tracking
    p = tmp_path / "c.ndjson"
    p.write_text("".join(json.dumps({place: "P-%d" % i, "c1": ts, "glasses": i % 2 == 0, "mask": False,
                                     "mac": "3c:22:fb:%02x:10:4e" % i}, ensure_ascii=False) + "\n"
                         for i in range(4)))
    _, rep, _ = run_json(str(p))
    profiles = target(rep, str(p))["collections"][0]["profiles"]
    assert "facial_recognition" in profiles and "device_capture" in profiles and "tracking" in profiles


@pytest.mark.parametrize("header,rooms", [
    ("Cognome,Nome,Telefono,Arrivo,Camera", ["487", "324", "12"]),
    ("nachname,vorname,rufnummer,aufgenommen_am,station", ["B-27", "C-7", "A-3"])])
def test_a_room_or_ward_among_guests_or_patients_is_no_place(tmp_path, header, rooms):
    # a hotel register's "Camera" (room) and a patient list's "Station"
    # (ward) hold short codes beside names and phones, nothing a sensor
    # captures: no tracking (the capture table above keeps its P-3 codes)
    p = tmp_path / "r.csv"
    rows = [("Rossi", "Anna", "+393471234410", "08/07/2026 07:56"),
            ("Bianchi", "Marco", "+393471234417", "06/01/2025 14:47"),
            ("Ricci", "Giulia", "+393471234424", "22/09/2025 07:42")]
    p.write_text(header + "\n" + "".join(",".join(r + (rooms[i],)) + "\n" for i, r in enumerate(rows)))
    _, rep, _ = run_json(str(p))
    coll = target(rep, str(p))["collections"][0]
    assert {"identity.name", "contact.phone"} <= {f["category"] for f in coll["findings"]}
    assert "tracking" not in coll["profiles"]
    p.write_text(p.read_text().replace(header.split(",")[-1], "checkpoint").replace(rooms[0], "North Gate"))
    _, rep, _ = run_json(str(p))
    assert "tracking" in target(rep, str(p))["collections"][0]["profiles"]


def test_birth_dates_and_plain_numbers_are_no_time(tmp_path):
    p = tmp_path / "t.ndjson"
    p.write_text("".join(json.dumps({"c1": v, "who": "Mary Smith", "lat": 51.5 + i / 100, "lon": -0.12}) + "\n"
                         for i, v in enumerate(["1958-03-01", "1971-12-24", "1990-07-09"])))
    _, rep, _ = run_json(str(p))
    assert "tracking" not in target(rep, str(p))["collections"][0]["profiles"]
    p.write_text("".join(json.dumps({"c1": v, "who": "Mary Smith", "lat": 51.5 + i / 100, "lon": -0.12}) + "\n"
                         for i, v in enumerate([2125550123, 4155552671, 9995550100])))
    _, rep, _ = run_json(str(p))
    assert "tracking" not in target(rep, str(p))["collections"][0]["profiles"]


def test_age_and_gender_estimated_from_a_face_are_both(tmp_path):
    p = tmp_path / "f.ndjson"
    p.write_text("".join(json.dumps({"face": {"age_estimate": a, "gender_estimate": g, "glasses": False}}) + "\n"
                         for a, g in [(31, "male"), (45, "female"), (27, "female")]))
    _, rep, _ = run_json(str(p))
    got = {(f["field"], f["category"]) for f in target(rep, str(p))["collections"][0]["findings"]}
    for fld in ("face.age_estimate", "face.gender_estimate"):
        assert (fld, "biometric.face") in got and (fld, "identity.demographic") in got


@pytest.mark.parametrize("age_key,gender_key", [
    ("age_est", "gender_est"), ("faceAgeEst", "faceGenderEst"), ("eta_stimata", "sesso_stimato"),
    ("geschaetztes_alter", "geschaetztes_geschlecht"), ("推定年齢", "推定性別"), ("추정나이", "추정성별")])
def test_estimated_age_and_gender_beside_face_attributes_are_both(tmp_path, age_key, gender_key):
    # issue 11: "estimated" in any of the lexicon's languages, abbreviated
    # or as a CJK prefix, makes an age or a gender a face attribute
    p = tmp_path / "f.ndjson"
    p.write_text("".join(json.dumps({"camera": "CAM-%d" % i, age_key: a, gender_key: g, "glasses": False,
                                     "mask": True}, ensure_ascii=False) + "\n"
                         for i, (a, g) in enumerate([(31, "male"), (45, "female"), (27, "female")])))
    _, rep, _ = run_json(str(p))
    got = {(f["field"], f["category"]) for f in target(rep, str(p))["collections"][0]["findings"]}
    for fld in (age_key, gender_key):
        assert (fld, "biometric.face") in got and (fld, "identity.demographic") in got


def test_opaque_columns_decided_by_their_values(tmp_path):
    # issue 11: under names that say nothing, a column of ICD-10 codes or
    # of blood groups is health, phones in mixed national and E.164 print
    # are phones, countries (any language, or ISO codes) are demographic, hex
    # digests beside e-mail addresses are password digests; SKU-like codes
    # without subcategories, school grades, a catalogue's digests and
    # countries of origin, and state codes are not
    import hashlib
    icd = ["E11.9", "F32.1", "J45", "I10", "K35.8", "C50.9", "M54.5", "N39.0", "Z00.0", "B20"]
    skus = ["A12", "B07", "C33", "A14", "D02", "B11", "C09", "A01", "D12", "B05"]
    countries = ["Deutschland", "Frankreich", "Japan", "Brasilien", "Kanada", "Spanien", "Italien",
                 "Österreich", "Schweiz", "Polen"]
    codes = ["KAZ", "FR", "DEU", "JP", "BRA", "CA", "ESP", "IT", "AUT", "CH"]
    states = ["TX", "NY", "CA", "FL", "WA", "OH", "GA", "NC", "MI", "IL"]
    blood = ["O+", "A+", "B-", "AB+", "O-", "A-", "0 Rh+", "B+", "O+", "A+"]
    grades = ["A+", "B-", "C", "A", "B+", "D", "A-", "C+", "B", "F"]
    phones = ["912-347-8364x5385", "+13080838930", "641.295.5344x03890", "(660)281-9762", "+15134271319",
              "001-971-491-7183", "5043532178", "404.325.7791", "+1-484-636-6511", "(756)969-5420x132"]
    p = tmp_path / "o.ndjson"
    p.write_text("".join(json.dumps({"c1": icd[i], "c2": skus[i], "c3": countries[i], "c4": codes[i],
                                     "c5": states[i], "c6": "user%d@example.com" % i,
                                     "c7": hashlib.md5(b"pw%d" % i).hexdigest(), "c8": blood[i],
                                     "c9": grades[i], "c10": phones[i]}, ensure_ascii=False) + "\n"
                         for i in range(10)))
    q = tmp_path / "catalog.ndjson"
    q.write_text("".join(json.dumps({"c1": "SKU-%05d" % i, "c7": hashlib.sha256(b"x%d" % i).hexdigest(),
                                     "c3": countries[i], "c4": codes[i]}) + "\n"
                         for i in range(10)))
    _, rep, _ = run_json(str(p), str(q))
    got = {(f["field"], f["category"]) for f in target(rep, str(p))["collections"][0]["findings"]}
    assert got == {("c1", "special.health"), ("c3", "identity.demographic"), ("c4", "identity.demographic"),
                   ("c6", "contact.email"), ("c7", "credential.secret"), ("c8", "special.health"),
                   ("c10", "contact.phone")}
    assert target(rep, str(q))["collections"][0]["findings"] == []


def test_a_face_embedding_under_an_opaque_key(tmp_path):
    # issue 11: a 128/256/512-wide unit-scale vector in every record is a
    # face template whatever its key; other widths or scales are not
    import random
    r = random.Random(5)

    def unit(k):
        v = [r.gauss(0, 1) for _ in range(k)]
        n = sum(x * x for x in v) ** 0.5
        return [round(x / n, 6) for x in v]
    p = tmp_path / "e.ndjson"
    p.write_text("".join(json.dumps({"f1": unit(512), "f2": unit(100), "f3": [r.randint(0, 255) for _ in range(128)],
                                     "f4": unit(768)}) + "\n" for _ in range(5)))
    _, rep, _ = run_json(str(p))
    got = {(f["field"], f["category"]) for f in target(rep, str(p))["collections"][0]["findings"]}
    assert got == {("f1", "biometric.face")}
