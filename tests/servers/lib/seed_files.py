#!/usr/bin/env python3
"""The data files every bucket and file server is seeded with (s3, s3-auth, azure-blob,
httpdir, httpdir-auth, ftp, ftp-closed), written deterministically (same bytes every run)
from the data sets of seed_stores.py. Nothing in them belongs to a real person.

  dumps/smartcity.sql.gz      a mysqldump-style dump of the residents table (gzip, mtime 0)
  exports/checkpoint_events.csv  checkpoint passes: IMEI, MAC, coordinates
  exports/patients.xlsx       patients with diagnoses (one sheet, inline strings)
  exports/archive.zip         checkpoint_events.csv and patients.xlsx
  docs/readme.txt             no personal data
and, in a bucket of their own on the s3 server (large_files), archives larger than ajar's
prefix cap: large/cut.zip, large/cut.tar.gz, large/wide.xlsx, and a zip of 100 members
(large/members.zip)

Stdlib only (the XLSX is written by hand: a minimal SpreadsheetML package).

Usage:
  seed_files.py write DIR             the files under DIR
  seed_files.py manifest DIR          {relative path: {"bytes": n, "sha256": hex}} of DIR
  seed_files.py many DIR N            N small objects under DIR/many/ (names only matter)
"""
import csv
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_stores as T  # noqa: E402

ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def sql_dump():
    rows = T.residents()
    cols = [c[0] for c in T.SQL_TABLES["residents"]]
    out = ["-- MySQL dump 10.13  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)",
           "--",
           "-- Host: localhost    Database: smartcity",
           "-- ------------------------------------------------------",
           "-- Server version\t10.11.19-MariaDB-0+deb12u1",
           "",
           "/*!40101 SET NAMES utf8mb4 */;",
           "",
           "--",
           "-- Table structure for table `residents`",
           "--",
           "",
           "DROP TABLE IF EXISTS `residents`;",
           "CREATE TABLE `residents` (",
           ",\n".join(f"  `{c[0]}` {c[2]}" for c in T.SQL_TABLES["residents"]),
           ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
           "",
           "--",
           "-- Dumping data for table `residents`",
           "--",
           "",
           "LOCK TABLES `residents` WRITE;"]
    for start in range(0, len(rows), 50):
        vals = ",".join("(" + ",".join(T.sql_literal(r[n], "mariadb") for n in cols) + ")"
                        for r in rows[start:start + 50])
        out.append(f"INSERT INTO `residents` VALUES {vals};")
    out += ["UNLOCK TABLES;", "", "-- Dump completed on 2026-01-01  0:00:00", ""]
    raw = "\n".join(out).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(filename="smartcity.sql", mode="wb", fileobj=buf, mtime=0) as g:
        g.write(raw)
    return buf.getvalue()


def checkpoint_csv():
    rows = T.checkpoint_events()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "imei", "mac", "place", "lat", "lon", "passed_at", "direction"])
    for r in rows:
        w.writerow([r["id"], r["imei"], r["mac"], r["place"], r["lat"], r["lon"],
                    r["passed_at"], r["direction"]])
    return buf.getvalue().encode()


def _xml_text(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def patients_xlsx():
    rows = T.patients()
    cols = ["id", "name", "gender", "diagnosis", "icd10", "religion", "ethnicity",
            "admitted_at"]
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData>']
    for ri, vals in enumerate([cols] + [[r[c] for c in cols] for r in rows]):
        cells = []
        for ci, v in enumerate(vals):
            ref = f"{_col(ci)}{ri + 1}"
            if isinstance(v, int):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_xml_text(v)}</t></is></c>')
        sheet.append(f'<row r="{ri + 1}">' + "".join(cells) + "</row>")
    sheet.append("</sheetData></worksheet>")
    ns = "http://schemas.openxmlformats.org"
    members = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<Types xmlns="{ns}/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
         'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
         'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
         'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<Relationships xmlns="{ns}/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<workbook xmlns="{ns}/spreadsheetml/2006/main" '
         f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>'
         '<sheet name="patients" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<Relationships xmlns="{ns}/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/'
         'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml", "".join(sheet)),
    ]
    return _zip([(n, d.encode()) for n, d in members])


def files():
    csv_b = checkpoint_csv()
    xlsx_b = patients_xlsx()
    return {
        "dumps/smartcity.sql.gz": sql_dump(),
        "exports/checkpoint_events.csv": csv_b,
        "exports/patients.xlsx": xlsx_b,
        "exports/archive.zip": _zip([("checkpoint_events.csv", csv_b),
                                     ("patients.xlsx", xlsx_b)]),
        "docs/readme.txt": b"Exports of the smart city platform. Ask ops before deleting.\n",
    }


def _noise(n, seed):
    """n bytes that do not compress (SHA-256 in counter mode), the same every run"""
    out = bytearray()
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}:{i}".encode()).digest()
        i += 1
    return bytes(out[:n])


def large_files():
    """Archives larger than ajar's prefix cap (1 MiB), each: data first, then 1.5 MiB
    that does not compress, then data after the cap (read only as far as the cap goes)."""
    csv_b = checkpoint_csv()
    pad = _noise(3 << 19, "pad")
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as z:
        for name, data, how in [("checkpoint_events.csv", csv_b, zipfile.ZIP_DEFLATED),
                                ("padding.bin", pad, zipfile.ZIP_STORED),
                                ("after/checkpoint_events.csv", csv_b, zipfile.ZIP_DEFLATED)]:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = how
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    tbuf = io.BytesIO()
    with tarfile.open(fileobj=tbuf, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data in [("checkpoint_events.csv", csv_b), ("padding.bin", pad),
                           ("after/checkpoint_events.csv", csv_b)]:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 1767225600
            t.addfile(ti, io.BytesIO(data))
    # a workbook whose zip directory (at its end) lies past the cap
    xbuf = io.BytesIO(patients_xlsx())
    with zipfile.ZipFile(xbuf, "a") as z:
        info = zipfile.ZipInfo("xl/media/image1.bin", ZIP_TIME)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, pad)
    # more members than ajar reports apart (64 an object)
    mbuf = io.BytesIO()
    with zipfile.ZipFile(mbuf, "w") as z:
        for i in range(100):
            info = zipfile.ZipInfo(f"part-{i:03d}.csv", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, b"id,imei\n" + f"{i},356938035643809\n".encode())
    return {
        "large/members.zip": mbuf.getvalue(),
        "large/cut.zip": zbuf.getvalue(),
        "large/cut.tar.gz": gzip.compress(tbuf.getvalue(), mtime=0),
        "large/wide.xlsx": xbuf.getvalue(),
    }


def write(d):
    for rel, data in files().items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)


def manifest(d):
    out = {}
    for root, _dirs, names in os.walk(d):
        for n in names:
            p = os.path.join(root, n)
            rel = os.path.relpath(p, d)
            with open(p, "rb") as f:
                data = f.read()
            out[rel] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return dict(sorted(out.items()))


def many(d, n):
    base = os.path.join(d, "many")
    os.makedirs(base, exist_ok=True)
    for i in range(n):
        with open(os.path.join(base, f"part-{i:06d}.log"), "wb") as f:
            f.write(b"x\n")


def main(argv):
    if len(argv) >= 3 and argv[1] == "write":
        write(argv[2])
    elif len(argv) >= 3 and argv[1] == "manifest":
        json.dump(manifest(argv[2]), sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    elif len(argv) >= 4 and argv[1] == "many":
        many(argv[2], int(argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
