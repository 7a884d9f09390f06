"""`ajar files` on what leaks are made of: directories (walked), archives
and compressed files (each member a collection `archive!member`), and
spreadsheets (a collection per sheet `file!sheet`).

Runs the built binary (env AJAR_BIN, default build/ajar) on inputs made
in tmp_path; no network. ctest runs it as e2e.files_sources.
"""
import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AJAR = os.path.abspath(os.environ.get("AJAR_BIN") or os.path.join(ROOT, "build", "ajar"))

ID = "11010519491231002X"  # valid Chinese resident ids (check digits hold)
ID2 = "440524188001010014"
NDJSON = ('{"name":"Zhang Wei","id_card":"%s"}\n{"name":"Li Na","id_card":"%s"}\n'
          % (ID, ID2)).encode()
CSV = ("name,id_card\nZhang Wei,%s\nLi Na,%s\n" % (ID, ID2)).encode()
PLAIN = b'{"colour":"red","count":3}\n{"colour":"blue","count":4}\n'


def run(*args, timeout=60):
    p = subprocess.run([AJAR, *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def run_json(*args, **kw):
    rc, out, err = run("files", "-f", "json", *args, **kw)
    return rc, json.loads(out), err


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def targets(rep):
    return [t["target"] for t in rep["targets"]]


def ids_in(coll):
    return any(f["category"] == "identity.national_id" and f["field"] == "id_card"
               for f in coll["findings"])


def without_times(rep):
    rep = dict(rep)
    for k in ("started_at", "finished_at"):
        rep.pop(k, None)
    return rep


# ---- directories -------------------------------------------------------------
def make_tree(root):
    write(root / "dumps" / "b.ndjson", NDJSON)
    write(root / "dumps" / "a" / "users.csv", CSV)
    write(root / "dumps" / "a" / "deep" / "er" / "plain.ndjson", PLAIN)
    write(root / "dumps" / "notes.log", b"nothing to see here\n")
    return root / "dumps"


def test_directory_walked_recursively_in_name_order(tmp_path):
    d = make_tree(tmp_path)
    rc, rep, err = run_json(str(d))
    assert rc == 0, err
    want = [str(d / "a" / "deep" / "er" / "plain.ndjson"), str(d / "a" / "users.csv"),
            str(d / "b.ndjson"), str(d / "notes.log")]
    assert targets(rep) == want
    t = {x["target"]: x for x in rep["targets"]}
    assert ids_in(t[str(d / "b.ndjson")]["collections"][0])
    assert ids_in(t[str(d / "a" / "users.csv")]["collections"][0])


def test_directory_report_same_whatever_threads(tmp_path):
    d = make_tree(tmp_path)
    for i in range(12):
        write(d / "more" / ("f%02d.ndjson" % i), NDJSON)
    reps = [without_times(run_json("-j%d" % j, str(d))[1]) for j in (1, 2, 4)]
    assert reps[0] == reps[1] == reps[2]


def test_symlink_loops_fifos_and_devices_are_left_out(tmp_path):
    d = make_tree(tmp_path)
    os.symlink("..", d / "a" / "up")              # a loop, if followed
    os.symlink(str(d), d / "a" / "deep" / "self")  # another
    os.symlink("../b.ndjson", d / "a" / "link.ndjson")  # a file: followed
    os.symlink("/dev/null", d / "null")           # a device
    os.mkfifo(d / "fifo")                         # would block a reader
    rc, rep, err = run_json(str(d), timeout=30)
    assert rc == 0, err
    names = [os.path.relpath(n, str(d)) for n in targets(rep)]
    assert names == ["a/deep/er/plain.ndjson", "a/link.ndjson", "a/users.csv",
                     "b.ndjson", "notes.log"], names


def test_binary_files_in_a_directory_skipped_with_one_line(tmp_path):
    d = make_tree(tmp_path)
    write(d / "a" / "blob.bin", bytes(range(256)) * 64)
    rc, rep, err = run_json(str(d))
    assert rc == 0, err
    lines = [l for l in err.splitlines() if "blob.bin" in l]
    assert len(lines) == 1 and "binary" in lines[0], err
    assert str(d / "a" / "blob.bin") not in targets(rep)
    # named on the command line, a binary file stays an input error
    rc, _, err = run("files", str(d / "a" / "blob.bin"))
    assert rc == 3, err


def test_include_and_exclude_globs(tmp_path):
    d = make_tree(tmp_path)
    rc, rep, err = run_json("--include", "*.ndjson", str(d))
    assert rc == 0, err
    assert targets(rep) == [str(d / "a" / "deep" / "er" / "plain.ndjson"), str(d / "b.ndjson")]
    rc, rep, err = run_json("--exclude", "a", "--exclude", "*.log", str(d))
    assert rc == 0, err
    assert targets(rep) == [str(d / "b.ndjson")]
    rc, rep, err = run_json("--include", "a/*.csv", str(d))
    assert targets(rep) == [str(d / "a" / "users.csv")]


def test_readme_ci_example_baseline_and_fail_on(tmp_path):
    d = make_tree(tmp_path)
    last = str(tmp_path / "last.json")
    rc, _, err = run("files", "-f", "json", "-o", last, str(d))
    assert rc == 0, err
    # the README's CI step: nothing new, exit 0
    rc, out, err = run("files", "--baseline", last, "--fail-on", "high", str(d) + "/")
    assert rc == 0, (err, out)
    # a new dump with national ids: exit 1
    write(d / "new" / "leak.ndjson", NDJSON)
    rc, out, err = run("files", "--baseline", last, "--fail-on", "high", str(d) + "/")
    assert rc == 1, (err, out)
    assert b"leak.ndjson" in out
