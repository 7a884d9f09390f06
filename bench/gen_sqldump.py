#!/usr/bin/env python3
"""Write the same table rows as NDJSON, a mysqldump-style dump and a
pg_dump-style dump, for timing SQL-dump reading against the NDJSON path.

    python3 bench/gen_sqldump.py OUT_PREFIX [--size-mb 100] [--seed 7]

writes OUT_PREFIX.ndjson, OUT_PREFIX.mysql.sql (CREATE TABLE, extended
INSERTs of 500 rows, backquotes, backslash escapes) and OUT_PREFIX.pg.sql
(CREATE TABLE, COPY ... FROM stdin with its escapes): one table
`residents` of id, resident_id, name, phone, email, imei, mac, ip, lat,
lon, address, note (a lorem paragraph in about a third of the rows, with
quotes and a backslash to escape). Every file holds the same rows, as
many as make the mysqldump file --size-mb MiB. Deterministic for a given
(--seed, --size-mb): rows come from a pool of pre-rendered rows (valid
check digits, tests/accuracy/synth.py) picked by a seeded generator.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "accuracy"))
import synth as S  # noqa: E402

MB = 1 << 20
COLS = ["id", "resident_id", "name", "phone", "email", "imei", "mac", "ip", "lat",
        "lon", "address", "note"]
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
         "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, "
         "quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo. ")


def pool(rng: random.Random, n: int = 4096):
    rows = []
    for _ in range(n):
        lat, lon = S.latlon(rng)
        note = None
        if rng.random() < 0.33:
            note = (LOREM * rng.randint(1, 4)) + "it's \"quoted\" C:\\temp"
        rows.append([S.cn_resident_id(rng), S.cn_name(rng), S.cn_mobile(rng),
                     S.email(rng), S.imei(rng), S.mac(rng), S.ipv4(rng),
                     round(lat, 6), round(lon, 6), S.address(rng), note])
    return rows


def my_lit(v) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"') + "'"


def pg_field(v) -> str:
    if v is None:
        return "\\N"
    if isinstance(v, (int, float)):
        return repr(v)
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_prefix")
    ap.add_argument("--size-mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    rows = pool(rng)
    enc = []
    for r in rows:
        # the id is filled in per row; the rest is rendered once per pool row
        rest = r
        my = "," + ",".join(my_lit(v) for v in rest) + ")"
        pg = "\t" + "\t".join(pg_field(v) for v in rest) + "\n"
        nd = json.dumps(dict(zip(COLS[1:], rest)), ensure_ascii=False,
                        separators=(",", ":"))[1:]
        enc.append((my.encode(), pg.encode(), nd.encode()))
    target = int(a.size_mb * MB)
    create_my = ("CREATE TABLE `residents` (\n" + ",\n".join(
        f"  `{c}` {'int(11)' if c == 'id' else 'double' if c in ('lat', 'lon') else 'text'}"
        for c in COLS) + ",\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n")
    create_pg = ("CREATE TABLE public.residents (\n" + ",\n".join(
        f"    {c} {'integer' if c == 'id' else 'double precision' if c in ('lat', 'lon') else 'text'}"
        for c in COLS) + "\n);\n")
    with open(a.out_prefix + ".mysql.sql", "wb") as fm, \
            open(a.out_prefix + ".pg.sql", "wb") as fp, \
            open(a.out_prefix + ".ndjson", "wb") as fn:
        fm.write(b"-- MySQL dump 10.19  Distrib 10.11.19-MariaDB\n"
                 b"/*!40101 SET NAMES utf8mb4 */;\n" + create_my.encode() +
                 b"LOCK TABLES `residents` WRITE;\n")
        fp.write(b"-- PostgreSQL database dump\nSET standard_conforming_strings = on;\n" +
                 create_pg.encode() + b"COPY public.residents (" +
                 ", ".join(COLS).encode() + b") FROM stdin;\n")
        written, rid = 0, 0
        pick = rng.getrandbits
        while written < target:
            my, pg, nd = [], [], []
            for i in range(500):
                rid += 1
                e = enc[pick(12)]
                ids = str(rid).encode()
                my.append(b"(" + ids + e[0])
                pg.append(ids + e[1])
                nd.append(b'{"id":' + ids + b"," + e[2] + b"\n")
            chunk = b"INSERT INTO `residents` VALUES " + b",".join(my) + b";\n"
            fm.write(chunk)
            fp.write(b"".join(pg))
            fn.write(b"".join(nd))
            written += len(chunk)
        fm.write(b"UNLOCK TABLES;\n")
        fp.write(b"\\.\n")
    print(f"{rid} rows, mysqldump {written / MB:.0f} MiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
