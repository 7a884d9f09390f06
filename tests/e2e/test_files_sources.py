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


# ---- archives and compression ------------------------------------------------
def collections(rep, target=None):
    t = rep["targets"][0] if target is None else [x for x in rep["targets"] if x["target"] == target][0]
    return {c["name"]: c for c in t["collections"]}


def bsdtar(*args, cwd):
    if not shutil.which("bsdtar"):
        pytest.skip("bsdtar (libarchive-tools, tools/deps) is not installed")
    subprocess.run(["bsdtar", *args], cwd=cwd, check=True)


def members(tmp_path):
    import gzip
    write(tmp_path / "src" / "users.ndjson", NDJSON)
    write(tmp_path / "src" / "people.csv", CSV)
    write(tmp_path / "src" / "dump.ndjson.gz", gzip.compress(NDJSON))
    return tmp_path / "src"


@pytest.mark.parametrize("name,make", [
    ("all.zip", lambda src, out: zip_of(out, src)),
    ("all.tar", lambda src, out: tar_of(out, src, "w")),
    ("all.tar.gz", lambda src, out: tar_of(out, src, "w:gz")),
    ("all.tar.bz2", lambda src, out: tar_of(out, src, "w:bz2")),
    ("all.tar.xz", lambda src, out: tar_of(out, src, "w:xz")),
    ("all.7z", lambda src, out: bsdtar("--format", "7zip", "-cf", str(out), ".", cwd=src)),
    ("all.tar.zst", lambda src, out: bsdtar("--zstd", "-cf", str(out), ".", cwd=src)),
    ("all.tar.lz4", lambda src, out: bsdtar("--lz4", "-cf", str(out), ".", cwd=src)),
])
def test_archive_members_are_collections(tmp_path, name, make):
    src = members(tmp_path)
    out = tmp_path / name
    make(src, out)
    rc, rep, err = run_json(str(out))
    assert rc == 0, err
    cols = collections(rep)
    # a member's collection is archive!member (a ./ prefix is the tool's)
    byleaf = {k.split("!", 1)[1].lstrip("./"): v for k, v in cols.items()}
    assert set(byleaf) == {"users.ndjson", "people.csv", "dump.ndjson.gz"}, cols.keys()
    for c in byleaf.values():
        assert ids_in(c), c
    assert all(k.startswith(name + "!") for k in cols)


def zip_of(out, src):
    import zipfile
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(os.listdir(src)):
            z.write(os.path.join(src, f), f)


def tar_of(out, src, mode):
    import tarfile
    with tarfile.open(out, mode) as t:
        for f in sorted(os.listdir(src)):
            t.add(os.path.join(src, f), f)


@pytest.mark.parametrize("suffix,mod", [(".bz2", "bz2"), (".xz", "lzma"), (".gz", "gzip")])
def test_compressed_file_is_its_own_collection(tmp_path, suffix, mod):
    m = __import__(mod)
    f = write(tmp_path / ("users.ndjson" + suffix), m.compress(NDJSON))
    rc, rep, err = run_json(f)
    assert rc == 0, err
    assert list(collections(rep)) == ["users.ndjson" + suffix]
    assert ids_in(collections(rep)["users.ndjson" + suffix])


def test_nested_tar_gz_of_gz_and_zip_in_zip(tmp_path):
    import gzip
    import io
    import tarfile
    import zipfile
    tgz = tmp_path / "backup.tar.gz"
    with tarfile.open(tgz, "w:gz") as t:
        data = gzip.compress(CSV)
        ti = tarfile.TarInfo("db/users.csv.gz")
        ti.size = len(data)
        t.addfile(ti, io.BytesIO(data))
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.write(tgz, "backup.tar.gz")
        z.writestr("img.bin", bytes(range(256)) * 16)
    rc, rep, err = run_json(str(outer))
    assert rc == 0, err
    cols = collections(rep)
    assert list(cols) == ["outer.zip!backup.tar.gz!db/users.csv.gz"], cols.keys()
    assert ids_in(cols["outer.zip!backup.tar.gz!db/users.csv.gz"])
    assert "binary" in rep["targets"][0]["note"]


def test_zip_bomb_is_capped(tmp_path):
    # a real bomb: ~100 MB of records deflated to a few hundred KB
    import zipfile
    line = b'{"name":"Zhang Wei","note":"nothing to see"}\n'
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.ndjson", line * (100 * 1024 * 1024 // len(line)))
    assert bomb.stat().st_size < 1024 * 1024
    good = write(tmp_path / "good.ndjson", NDJSON)
    rc, rep, err = run_json(str(bomb), good, timeout=60)
    assert rc == 2, err
    lines = [l for l in err.splitlines() if "bomb.zip" in l]
    assert len(lines) == 1 and "times its size" in lines[0], err
    t = [x for x in rep["targets"] if x["target"] == str(bomb)][0]
    # read up to the cap (200x its size, after 64 MiB), not all 100 MB
    recs = sum(c["records"] for c in t["collections"])
    assert 0 < recs * len(line) < 96 * 1024 * 1024
    assert ids_in(collections(rep, good)["good.ndjson"])


def test_deeply_nested_archive_is_capped(tmp_path):
    import io
    import zipfile
    inner, name = NDJSON, "users.ndjson"
    for i in range(12):
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w") as z:
            z.writestr(name, inner)
        inner, name = b.getvalue(), "level%d.zip" % i
    deep = write(tmp_path / "deep.zip", inner)
    good = write(tmp_path / "good.ndjson", NDJSON)
    rc, rep, err = run_json(deep, good)
    assert rc == 2, err
    lines = [l for l in err.splitlines() if "deep.zip" in l]
    assert len(lines) == 1 and "nested deeper" in lines[0], err
    assert ids_in(collections(rep, good)["good.ndjson"])


def test_malformed_archive_one_line_rest_goes_on(tmp_path):
    import zipfile
    z = tmp_path / "broken.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("users.ndjson", NDJSON * 50)
    data = bytearray(z.read_bytes())
    data[60:200] = b"\xff" * 140  # inside the deflated member
    z.write_bytes(bytes(data))
    good = write(tmp_path / "good.ndjson", NDJSON)
    rc, rep, err = run_json(str(z), good)
    assert rc == 2, err
    assert len([l for l in err.splitlines() if "broken.zip" in l]) == 1, err
    assert ids_in(collections(rep, good)["good.ndjson"])


# ---- spreadsheets -------------------------------------------------------------
def xlsx_by_hand(path):
    """A minimal workbook as Excel writes one: shared strings after the
    sheets, a sheet of inline strings, a number cell."""
    import zipfile
    ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    wb = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          '<sheet name="Customers" sheetId="1" r:id="rId1"/><sheet name="Misc &amp; more" sheetId="2" r:id="rId2"/>'
          '</sheets></workbook>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId2" Type="x" Target="worksheets/sheet2.xml"/>'
            '<Relationship Id="rId1" Type="x" Target="/xl/worksheets/sheet1.xml"/></Relationships>')
    s1 = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>'
          '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><t>%s</t></is></c>'
          '<c r="D2"><v>13812345678</v></c></row>'
          '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="str"><v>%s</v></c>'
          '<c r="D3"><v>13912345678</v></c></row>'
          '</sheetData></worksheet>') % (ID, ID2)
    s2 = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          '<row r="1"><c t="inlineStr"><is><t>colour</t></is></c></row>'
          '<row r="2"><c t="inlineStr"><is><t>red</t></is></c></row></sheetData></worksheet>')
    ss = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<si><t>name</t></si><si><t>id_card</t></si><si><r><t>mob</t></r><r><t>ile</t></r></si>'
          '<si><t>Zhang Wei</t></si><si><t>Li Na</t></si></sst>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/worksheets/sheet1.xml", s1)
        z.writestr("xl/worksheets/sheet2.xml", s2)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/sharedStrings.xml", ss)
    return str(path)


def test_xlsx_sheet_per_collection_header_names_fields(tmp_path):
    f = xlsx_by_hand(tmp_path / "export.xlsx")
    rc, rep, err = run_json(f)
    assert rc == 0, err
    cols = collections(rep)
    assert list(cols) == ["export.xlsx!Customers", "export.xlsx!Misc & more"], cols.keys()
    c = cols["export.xlsx!Customers"]
    assert c["records"] == 2
    cats = {(x["field"], x["category"]) for x in c["findings"]}
    assert ("id_card", "identity.national_id") in cats
    assert ("mobile", "contact.phone") in cats
    assert ("name", "identity.name") in cats
    assert cols["export.xlsx!Misc & more"]["records"] == 1


def test_xlsx_by_content_and_inside_an_archive(tmp_path):
    import zipfile
    f = xlsx_by_hand(tmp_path / "export.xlsx")
    os.rename(f, tmp_path / "export.bin")  # no telling extension
    rc, rep, err = run_json(str(tmp_path / "export.bin"))
    assert rc == 0, err
    assert "export.bin!Customers" in collections(rep)
    z = tmp_path / "bundle.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(tmp_path / "export.bin", "reports/export.xlsx")
    rc, rep, err = run_json(str(z))
    assert rc == 0, err
    assert ids_in(collections(rep)["bundle.zip!reports/export.xlsx!Customers"])


def test_xlsx_written_by_openpyxl(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["name", "id_card", "phone"])
    ws.append(["Zhang Wei", ID, 13812345678])
    ws.append(["Li Na", ID2, "13912345678"])
    f = str(tmp_path / "customers.xlsx")
    wb.save(f)
    rc, rep, err = run_json(f)
    assert rc == 0, err
    c = collections(rep)["customers.xlsx!Customers"]
    assert c["records"] == 2 and ids_in(c)


def test_ods_table_per_collection(tmp_path):
    import zipfile
    content = ('<?xml version="1.0"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="People"><table:table-row>'
               '<table:table-cell><text:p>name</text:p></table:table-cell>'
               '<table:table-cell table:number-columns-repeated="1"><text:p>id_card</text:p></table:table-cell>'
               '</table:table-row><table:table-row>'
               '<table:table-cell><text:p>Zhang Wei</text:p></table:table-cell>'
               '<table:table-cell><text:p>%s</text:p></table:table-cell>'
               '</table:table-row><table:table-row table:number-rows-repeated="1000">'
               '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
               '</table:table></office:spreadsheet></office:body></office:document-content>') % ID
    f = tmp_path / "people.ods"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    rc, rep, err = run_json(str(f))
    assert rc == 0, err
    c = collections(rep)["people.ods!People"]
    assert c["records"] == 1 and ids_in(c)
