"""`ajar files` on what leaks are made of, against `ajar scan` of the live
servers the data came from (tests/servers: MariaDB 10.11, PostgreSQL 15,
FerretDB): the same (table, column, category) findings.

- a real `mysqldump` (MariaDB's client, extended INSERTs), also gzipped;
- a real `pg_dump` (plain: COPY blocks) and `pg_dump --column-inserts`;
- an SQLite file written from the live PostgreSQL rows (python's sqlite3
  module, libsqlite3) and its `sqlite3 .dump`;
- a mongodump-style directory: no `mongodump` can be had here (Debian 12
  has no mongo-tools, the Go module proxy refuses mongodb/mongo-tools), so
  the test writes DB/COLL.bson and COLL.metadata.json itself with pymongo
  (PyPI), from the raw BSON the live FerretDB sends (RawBSONDocument: the
  server's own bytes, as mongodump writes them);
- an XLSX workbook of the live PostgreSQL rows (openpyxl, a sheet per
  table, the header row naming the columns);
- a `.tar.gz` holding all of the above, each member (`archive!member`,
  docs/report.md) against the live scan of the server it came from.

The live scans sample every row (--sample 10000), the files are read
whole, so both see the same rows. Servers are shared: started if need be,
never stopped here.
"""
import csv
import gzip
import io
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import tarfile

import pytest
from conftest import _env_file

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVERS = ROOT / "tests" / "servers"
NAMES = ["mysql", "postgresql", "mongodb"]


@pytest.fixture(scope="module")
def stores():
    up = subprocess.run([str(SERVERS / "up"), *NAMES], capture_output=True, text=True,
                        timeout=1800)
    if up.returncode != 0:
        pytest.fail("tests/servers/up failed:\n" + up.stderr[-4000:])
    return {name: _env_file(name) for name in NAMES}


def run_json(ajar_bin, *args, codes=(0, 1)):
    p = subprocess.run([ajar_bin, *args, "--format", "json"], capture_output=True,
                       text=True, timeout=300)
    assert p.returncode in codes, (p.returncode, p.stderr)
    return p, json.loads(p.stdout)


def table_of(name):
    """the table (or MongoDB collection) a collection is: the last dotted
    component of what follows the file's `!`"""
    return name.rsplit("!", 1)[-1].rsplit(".", 1)[-1]


def findings(report, keep=lambda name: True):
    got = set()
    for t in report["targets"]:
        for c in t["collections"]:
            if not keep(c["name"]):
                continue
            for f in c["findings"]:
                got.add((table_of(c["name"]), f["field"], f["category"]))
    return got


def records(report, keep=lambda name: True):
    return {table_of(c["name"]): c["records"] for t in report["targets"]
            for c in t["collections"] if keep(c["name"])}


_LIVE = {}


def live(ajar_bin, url, prefix):
    """(findings, records) of a live scan, scanned once per module"""
    if (url, prefix) not in _LIVE:
        _, r = run_json(ajar_bin, "scan", url, "--sample", "10000")
        keep = lambda n: n.startswith(prefix)  # noqa: E731
        _LIVE[(url, prefix)] = findings(r, keep), records(r, keep)
    return _LIVE[(url, prefix)]


def check_same(ajar_bin, paths, want, want_records):
    p, r = run_json(ajar_bin, "files", *map(str, paths))
    got = findings(r)
    assert got == want, ("only in files:", sorted(got - want),
                         "only in the live scan:", sorted(want - got))
    assert records(r) == want_records
    assert want, "the live scan found nothing: the comparison would prove nothing"
    return r


# ---- MariaDB ------------------------------------------------------------------
def make_mysqldump(env, path):
    with open(path, "wb") as f:
        subprocess.run(["mysqldump", "-h", env["HOST"], "-P", env["PORT"], "-u",
                        env["USER"], "--protocol=TCP", "--databases", "smartcity"],
                       stdout=f, check=True, timeout=120)


def test_real_mysqldump_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["mysql"]
    want, counts = live(ajar_bin, env["URL"], "smartcity.")
    dump = tmp_path / "backup.sql"
    make_mysqldump(env, dump)
    text = dump.read_bytes()
    # extended INSERTs: many rows a statement (MariaDB 10.11 writes one a line)
    assert b"INSERT INTO `residents` VALUES" in text
    assert b"),(" in text or b"),\n(" in text
    r = check_same(ajar_bin, [dump], want, counts)
    names = {c["name"] for c in r["targets"][0]["collections"]}
    assert "backup.sql!smartcity.residents" in names, names
    # the same dump gzipped: the same findings
    gz = tmp_path / "backup.sql.gz"
    gz.write_bytes(gzip.compress(text, mtime=0))
    check_same(ajar_bin, [gz], want, counts)


# ---- PostgreSQL -------------------------------------------------------------------
def pg_cmd(env, tool, *args):
    return [tool, "-h", env["HOST"], "-p", env["PORT"], "-U", env["TRUST_USER"], *args]


def make_pg_dump(env, path):
    with open(path, "wb") as f:
        subprocess.run(pg_cmd(env, "pg_dump", "smartcity"), stdout=f, check=True,
                       timeout=120)


def test_real_pg_dump_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["postgresql"]
    want, counts = live(ajar_bin, env["URL"], "smartcity.public.")
    plain = tmp_path / "smartcity.sql"
    inserts = tmp_path / "smartcity-inserts.sql"
    make_pg_dump(env, plain)
    with open(inserts, "wb") as f:
        subprocess.run(pg_cmd(env, "pg_dump", "--column-inserts", "smartcity"), stdout=f,
                       check=True, timeout=120)
    assert b"COPY public.residents (" in plain.read_bytes()
    assert b"INSERT INTO public.residents (" in inserts.read_bytes()
    check_same(ajar_bin, [plain], want, counts)
    check_same(ajar_bin, [inserts], want, counts)


def pg_rows(env, table):
    """a table's rows from the live server, typed by its column types"""
    cols = subprocess.run(pg_cmd(env, "psql", "-d", "smartcity", "-At", "-F", "\t", "-c",
                                 "SELECT column_name, data_type FROM "
                                 "information_schema.columns WHERE table_name = "
                                 f"'{table}' ORDER BY ordinal_position"),
                          capture_output=True, text=True, check=True).stdout
    types = [line.split("\t") for line in cols.splitlines()]
    out = subprocess.run(pg_cmd(env, "psql", "-d", "smartcity", "--csv", "-c",
                                f"SELECT * FROM public.{table}"),
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.reader(io.StringIO(out)))[1:]

    def conv(v, t):
        if v == "":
            return None
        if t in ("integer", "bigint", "smallint"):
            return int(v)
        if t in ("double precision", "real", "numeric"):
            return float(v)
        return v
    return [c for c, _ in types], [[conv(v, t) for v, (_, t) in zip(r, types)]
                                   for r in rows]


def make_sqlite(env, path, tables):
    con = sqlite3.connect(path)
    for table in tables:
        cols, rows = pg_rows(env, table)
        con.execute(f"CREATE TABLE {table} ({', '.join(cols)})")
        con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(cols))})", rows)
    con.commit()
    con.close()


def make_xlsx(env, path, tables):
    """a workbook of the live rows: a sheet per table, the header row first,
    numbers as numbers, NULL as an empty cell"""
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    for table in tables:
        cols, rows = pg_rows(env, table)
        ws = wb.create_sheet(title=table)
        ws.append(cols)
        for row in rows:
            ws.append(row)
    wb.save(path)


def test_sqlite_file_and_its_dump_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["postgresql"]
    want, counts = live(ajar_bin, env["URL"], "smartcity.public.")
    db = tmp_path / "app.sqlite"
    make_sqlite(env, db, counts)
    before = sorted(os.listdir(tmp_path))
    check_same(ajar_bin, [db], want, counts)
    # read-only and immutable: no journal, WAL or lock file appeared
    assert sorted(os.listdir(tmp_path)) == before
    if shutil.which("sqlite3"):
        dump = tmp_path / "app.sql"
        with open(dump, "wb") as f:
            subprocess.run(["sqlite3", str(db), ".dump"], stdout=f, check=True)
        check_same(ajar_bin, [dump], want, counts)


# ---- MongoDB (FerretDB) ----------------------------------------------------------
MONGODUMP = r"""
import os, sys, json, pymongo
from bson.raw_bson import RawBSONDocument
url, out = sys.argv[1], sys.argv[2]
c = pymongo.MongoClient(url, document_class=RawBSONDocument, serverSelectionTimeoutMS=20000)
for db in c.list_database_names():
    if db in ("admin", "local", "config"):
        continue
    os.makedirs(os.path.join(out, db), exist_ok=True)
    for coll in c[db].list_collection_names():
        with open(os.path.join(out, db, coll + ".bson"), "wb") as f:
            for doc in c[db][coll].find().sort("_id", 1):
                f.write(doc.raw)
        with open(os.path.join(out, db, coll + ".metadata.json"), "w") as f:
            json.dump({"indexes": [], "uuid": "", "collectionName": coll}, f)
"""


def make_mongodump(env, out):
    subprocess.run([env["PYTHON"], "-c", MONGODUMP, env["URL"], str(out)], check=True,
                   timeout=120)


def test_mongodump_directory_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["mongodb"]
    want, counts = live(ajar_bin, env["URL"], "")
    out = tmp_path / "dump"
    make_mongodump(env, out)
    assert (out / "smartcity" / "faces.bson").stat().st_size > 10000
    # the whole dump directory: one collection per .bson, DB.COLLECTION
    # named; COLLECTION.metadata.json beside each is left out
    r = check_same(ajar_bin, [out], want, counts)
    names = sorted(c["name"] for t in r["targets"] for c in t["collections"])
    assert "faces.bson!smartcity.faces" in names, names
    assert not [t for t in r["targets"] if t["target"].endswith(".metadata.json")]


# ---- -j N: the walker reads, the workers classify ------------------------------------
def test_dump_threads_same_report_as_one_thread(ajar_bin, stores, tmp_path):
    """with -j 4 the dump walker's rows are classified by the workers
    (files_relay.c): every collection's records, malformed rows and
    findings with their match counts are those of -j 1"""
    make_mysqldump(stores["mysql"], tmp_path / "backup.sql")
    make_pg_dump(stores["postgresql"], tmp_path / "smartcity.sql")
    (tmp_path / "cut.sql").write_text(
        "INSERT INTO p (name, phone) VALUES ('张伟', '13800138000'), ('李娜', '139")
    with tarfile.open(tmp_path / "both.tar.gz", "w:gz") as tar:
        tar.add(tmp_path / "backup.sql", arcname="backup.sql")
        tar.add(tmp_path / "smartcity.sql", arcname="pg/smartcity.sql")
    names = ["backup.sql", "smartcity.sql", "cut.sql", "both.tar.gz"]

    def report(j):
        p = subprocess.run([ajar_bin, "files", "-j", str(j), "--format", "json", *names],
                           capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert p.returncode == 2, (p.returncode, p.stderr)  # cut.sql
        out = {}
        for t in json.loads(p.stdout)["targets"]:
            for c in t["collections"]:
                out[c["name"]] = (c["records"], c.get("malformed", 0), sorted(
                    (f["field"], f["category"], f["matches"]) for f in c["findings"]))
        return out, p.stderr
    one, four = report(1), report(4)
    assert one == four
    assert one[0]["cut.sql!p"][:2] == (2, 1), one[0]["cut.sql!p"]
    assert one[0]["both.tar.gz!pg/smartcity.sql!public.residents"][0] == 200


# ---- XLSX -------------------------------------------------------------------------
def test_xlsx_workbook_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["postgresql"]
    want, counts = live(ajar_bin, env["URL"], "smartcity.public.")
    book = tmp_path / "smartcity.xlsx"
    make_xlsx(env, book, counts)
    r = check_same(ajar_bin, [book], want, counts)
    names = {c["name"] for t in r["targets"] for c in t["collections"]}
    assert "smartcity.xlsx!residents" in names, names


# ---- all of them in one .tar.gz ------------------------------------------------------
def test_tar_gz_of_every_dump_same_findings_as_live_scans(ajar_bin, stores, tmp_path):
    """mysqldump, pg_dump, SQLite (read through a temporary copy), a
    mongodump directory and an XLSX workbook in one .tar.gz: each member's
    collections (`all.tar.gz!MEMBER!TABLE`) against the live scan of the
    server its data came from"""
    my, pg, mongo = stores["mysql"], stores["postgresql"], stores["mongodb"]
    lives = {"mysql": live(ajar_bin, my["URL"], "smartcity."),
             "pg": live(ajar_bin, pg["URL"], "smartcity.public.")}
    lives["sqlite"] = lives["xlsx"] = lives["pg"]
    lives["mongo"] = live(ajar_bin, mongo["URL"], "")
    src = tmp_path / "src"
    for d in lives:
        (src / d).mkdir(parents=True)
    make_mysqldump(my, src / "mysql" / "backup.sql")
    make_pg_dump(pg, src / "pg" / "smartcity.sql")
    make_sqlite(pg, src / "sqlite" / "app.sqlite", lives["pg"][1])
    make_xlsx(pg, src / "xlsx" / "smartcity.xlsx", lives["pg"][1])
    make_mongodump(mongo, src / "mongo")
    arc = tmp_path / "all.tar.gz"
    with tarfile.open(arc, "w:gz") as tar:
        for d in sorted(lives):
            tar.add(src / d, arcname=d)
    spill = tmp_path / "spill"
    spill.mkdir()
    p = subprocess.run([ajar_bin, "files", "--format", "json", str(arc)],
                       capture_output=True, text=True, timeout=300,
                       env={**os.environ, "TMPDIR": str(spill)})
    assert p.returncode in (0, 1), (p.returncode, p.stderr)
    assert p.stderr == "", p.stderr
    assert list(spill.iterdir()) == [], "the SQLite file's temporary copy is left"
    (t,) = json.loads(p.stdout)["targets"]
    got = {d: set() for d in lives}
    recs = {d: {} for d in lives}
    for c in t["collections"]:
        archive, member, *rest = c["name"].split("!")
        assert archive == "all.tar.gz", c["name"]
        if member.endswith(".metadata.json"):  # mongodump's index definitions
            assert not c["findings"], c
            continue
        assert rest, ("a member that is no dump:", c["name"])
        src_of = member.split("/")[0]
        for f in c["findings"]:
            got[src_of].add((table_of(c["name"]), f["field"], f["category"]))
        recs[src_of][table_of(c["name"])] = c["records"]
    for d, (want, counts) in lives.items():
        assert want, f"the live scan for {d} found nothing: no proof"
        assert got[d] == want, (d, "only in the archive:", sorted(got[d] - want),
                                "only in the live scan:", sorted(want - got[d]))
        assert recs[d] == counts, (d, recs[d], counts)


# ---- SQLite that is no plain file, compression bombs (no server) ----------------
def test_sqlite_in_zip_gzip_and_stdin_read_through_temporary_copy(ajar_bin, tmp_path):
    import zipfile
    db = tmp_path / "app.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE people (name TEXT, phone TEXT)")
    con.executemany("INSERT INTO people VALUES (?, ?)",
                    [("张伟", "13800138000"), ("李娜", "13912345678")] * 5)
    con.commit()
    con.close()
    raw = db.read_bytes()
    with zipfile.ZipFile(tmp_path / "app.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("data/app.db", raw)
    (tmp_path / "app.db.gz").write_bytes(gzip.compress(raw, mtime=0))
    spill = tmp_path / "spill"
    spill.mkdir()
    env = {**os.environ, "TMPDIR": str(spill)}
    for args, stdin, name in ((["app.zip"], None, "app.zip!data/app.db!people"),
                              (["app.db.gz"], None, "app.db.gz!people"),
                              (["-"], raw, "stdin!people")):
        p = subprocess.run([ajar_bin, "files", "--format", "json", *args], input=stdin,
                           capture_output=True, timeout=60, cwd=tmp_path, env=env)
        assert p.returncode in (0, 1), (args, p.returncode, p.stderr)
        (t,) = json.loads(p.stdout)["targets"]
        cols = {c["name"]: c for c in t["collections"]}
        assert cols[name]["records"] == 10, cols
        assert {f["category"] for f in cols[name]["findings"]} >= {"contact.phone"}
        assert list(spill.iterdir()) == [], args
    # no writable temporary directory: one line naming the file, exit 2
    env["TMPDIR"] = str(tmp_path / "missing")
    p = subprocess.run([ajar_bin, "files", "app.zip"], capture_output=True, text=True,
                       timeout=60, cwd=tmp_path, env=env)
    assert p.returncode in (2, 3), (p.returncode, p.stderr)
    assert p.stderr.count("\n") == 1 and "app.zip" in p.stderr \
        and "temporary file" in p.stderr, p.stderr


def test_compression_bomb_outside_archive_one_line_naming_file(ajar_bin, tmp_path):
    """gzip, zstd, xz and bzip2 files (no archive around them) that inflate
    more than 200 times past 64 MiB are refused, one line each naming the
    file (exit 2); an honest .sql.gz beside them is read"""
    import bz2
    import lzma
    import zlib
    head = b"INSERT INTO p (phone) VALUES ('13800138000');\n"
    mib = b"\n" * (1 << 20)  # text, so no reader refuses it as binary

    def bomb(comp):
        out = [comp.compress(head)]
        out += [comp.compress(mib) for _ in range(300)]  # 300 MiB out
        return b"".join(out) + comp.flush()
    bombs = {"bomb.sql.gz": bomb(zlib.compressobj(9, zlib.DEFLATED, 31)),
             "bomb.sql.xz": bomb(lzma.LZMACompressor()),
             "bomb.sql.bz2": bomb(bz2.BZ2Compressor())}
    if shutil.which("zstd"):
        bombs["bomb.sql.zst"] = subprocess.run(
            ["zstd", "-q", "-c", "-19"], input=head + mib * 300, capture_output=True,
            check=True).stdout
    for name, data in bombs.items():
        assert len(data) * 200 < 300 << 20, name  # it is a bomb by the cap
        (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.sql.gz"
    good.write_bytes(gzip.compress(head * 3, mtime=0))
    p = subprocess.run([ajar_bin, "files", "--format", "json", *bombs, good.name],
                       capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert p.returncode == 2, (p.returncode, p.stderr)
    lines = p.stderr.strip().splitlines()
    assert len(lines) == len(bombs), lines
    for name in bombs:
        mine = [ln for ln in lines if f"ajar: {name}: " in ln]
        assert len(mine) == 1 and "200 times its size" in mine[0], (name, lines)
    r = json.loads(p.stdout)
    good_t = [t for t in r["targets"] if t["target"] == good.name][0]
    assert ("p", "phone", "contact.phone") in findings({"targets": [good_t]})


def test_legacy_xls_unsupported_one_line_naming_file(ajar_bin, tmp_path):
    """an OLE2 compound file (legacy .xls) is refused with one line naming
    the file and the format (exit 3 alone); in a directory it is skipped
    with that line and the rest is read (docs/formats.md says why no
    reader)"""
    ole2 = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 16 + b"\x3E\x00\x03\x00" \
        + b"\xFE\xFF" + b"\x00" * 486
    (tmp_path / "book.xls").write_bytes(ole2)
    (tmp_path / "mail.msg").write_bytes(ole2)
    p = subprocess.run([ajar_bin, "files", "book.xls", "mail.msg"], capture_output=True,
                       text=True, timeout=60, cwd=tmp_path)
    assert p.returncode == 3, (p.returncode, p.stderr)
    assert p.stderr.splitlines() == [
        "ajar: book.xls: legacy Excel workbook (.xls, BIFF): unsupported format "
        "(save it as XLSX or CSV)",
        "ajar: mail.msg: OLE2 compound file (legacy Office: .xls, .doc, .msg): "
        "unsupported format (save it as XLSX or CSV)"], p.stderr
    d = tmp_path / "d"
    d.mkdir()
    (d / "book.xls").write_bytes(ole2)
    (d / "p.sql").write_text("INSERT INTO p (phone) VALUES ('13800138000');\n")
    p = subprocess.run([ajar_bin, "files", "--format", "json", "d"], capture_output=True,
                       text=True, timeout=60, cwd=tmp_path)
    assert p.returncode in (0, 1), (p.returncode, p.stderr)
    assert p.stderr.splitlines() == [
        "ajar: d/book.xls: legacy Excel workbook (.xls, BIFF): unsupported format "
        "(save it as XLSX or CSV); skipped"], p.stderr
    assert ("p", "phone", "contact.phone") in findings(json.loads(p.stdout))


# ---- malformed input ---------------------------------------------------------------
def test_malformed_dumps_one_line_each_exit_2_rest_read(ajar_bin, tmp_path):
    good = tmp_path / "good.sql"
    good.write_text("CREATE TABLE p (name text, phone text);\n"
                    "INSERT INTO p VALUES ('张伟', '13800138000'), ('李娜', '13912345678');\n")
    cut = tmp_path / "cut.sql"
    cut.write_text("INSERT INTO p (name, phone) VALUES ('张伟', '13800138000'), ('李娜', '139")
    bad_db = tmp_path / "bad.sqlite"
    bad_db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    # a good document with a phone number, then a length no document has
    doc = b"\x02phone\x00" + (12).to_bytes(4, "little") + b"13800138000\x00"
    doc = (len(doc) + 5).to_bytes(4, "little") + doc + b"\x00"
    bad_bson = tmp_path / "bad.bson"
    bad_bson.write_bytes(doc + b"\xff\xff\xff\x7f" + b"\x02a\x00" * 10)
    p = subprocess.run([ajar_bin, "files", "--format", "json", str(cut), str(bad_db),
                        str(bad_bson), str(good)], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 2, (p.returncode, p.stderr)
    lines = p.stderr.strip().splitlines()
    for f in (cut, bad_db, bad_bson):
        mine = [ln for ln in lines if str(f) in ln]
        assert len(mine) == 1, (f, lines)
    r = json.loads(p.stdout)
    got = findings(r)
    assert ("p", "phone", "contact.phone") in got, got     # good.sql and cut.sql
    assert ("bad", "phone", "contact.phone") in got, got   # bad.bson's first document
    cut_report = [t for t in r["targets"] if t["target"] == str(cut)][0]
    assert cut_report["collections"][0]["records"] == 2
    assert cut_report["collections"][0]["malformed"] == 1
