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
  server's own bytes, as mongodump writes them).

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


def live(ajar_bin, url, prefix):
    _, r = run_json(ajar_bin, "scan", url, "--sample", "10000")
    keep = lambda n: n.startswith(prefix)  # noqa: E731
    return findings(r, keep), records(r, keep)


def check_same(ajar_bin, paths, want, want_records):
    p, r = run_json(ajar_bin, "files", *map(str, paths))
    got = findings(r)
    assert got == want, ("only in files:", sorted(got - want),
                         "only in the live scan:", sorted(want - got))
    assert records(r) == want_records
    assert want, "the live scan found nothing: the comparison would prove nothing"
    return r


# ---- MariaDB ------------------------------------------------------------------
def test_real_mysqldump_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["mysql"]
    want, counts = live(ajar_bin, env["URL"], "smartcity.")
    dump = tmp_path / "backup.sql"
    with open(dump, "wb") as f:
        subprocess.run(["mysqldump", "-h", env["HOST"], "-P", env["PORT"], "-u",
                        env["USER"], "--protocol=TCP", "--databases", "smartcity"],
                       stdout=f, check=True, timeout=120)
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


def test_real_pg_dump_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["postgresql"]
    want, counts = live(ajar_bin, env["URL"], "smartcity.public.")
    plain = tmp_path / "smartcity.sql"
    inserts = tmp_path / "smartcity-inserts.sql"
    with open(plain, "wb") as f:
        subprocess.run(pg_cmd(env, "pg_dump", "smartcity"), stdout=f, check=True,
                       timeout=120)
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


def test_sqlite_file_and_its_dump_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["postgresql"]
    want, counts = live(ajar_bin, env["URL"], "smartcity.public.")
    db = tmp_path / "app.sqlite"
    con = sqlite3.connect(db)
    for table in counts:
        cols, rows = pg_rows(env, table)
        con.execute(f"CREATE TABLE {table} ({', '.join(cols)})")
        con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(cols))})", rows)
    con.commit()
    con.close()
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


def test_mongodump_directory_same_findings_as_live_scan(ajar_bin, stores, tmp_path):
    env = stores["mongodb"]
    want, counts = live(ajar_bin, env["URL"], "")
    out = tmp_path / "dump"
    subprocess.run([env["PYTHON"], "-c", MONGODUMP, env["URL"], str(out)], check=True,
                   timeout=120)
    assert (out / "smartcity" / "faces.bson").stat().st_size > 10000
    # the whole dump directory: one collection per .bson, DB.COLLECTION
    # named; COLLECTION.metadata.json beside each is left out
    r = check_same(ajar_bin, [out], want, counts)
    names = sorted(c["name"] for t in r["targets"] for c in t["collections"])
    assert "faces.bson!smartcity.faces" in names, names
    assert not [t for t in r["targets"] if t["target"].endswith(".metadata.json")]


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
