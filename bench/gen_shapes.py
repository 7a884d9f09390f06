#!/usr/bin/env python3
"""Write the benchmark family: one corpus per data shape, each with its own seed.

    python3 bench/gen_shapes.py OUT_DIR [--size-mb 200] [--seed 1] [--shapes a,b] [--pool N]

A speed claim must hold on the shapes users' data has, not on one corpus
(bench/gen_corpus.py). Every shape is generated from large pools (tens of
thousands of distinct values, valid check digits from tests/accuracy/synth.py)
so that per-field memos and key prediction meet the variety of real dumps:

  short      ~150-byte NDJSON records of eight kinds interleaved, keys in a
             different order record to record
  hexb64     face features as 384-hex strings, SHA-256s, base64 blobs
  cjk        Chinese free text with resident ids and mobiles inside it
  widecsv    a 120-column CSV with CRLF line ends and quoted cells
  pretty     a pretty-printed JSON array of deeply nested objects
  telemetry  numbers: floats, integers, epoch times, arrays of readings
  logs       access logs: e-mails, URLs, user agents, IPs, a few cards
  sqldump    a mysqldump: CREATE TABLE and extended INSERTs

Files: OUT_DIR/SHAPE.{ndjson,json,csv,sql}. Deterministic for a given
(--seed, --size-mb); shape i uses seed*100+i. Prints one line a shape.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "accuracy"))
import synth as S  # noqa: E402

MB = 1 << 20
SHAPES = ["short", "hexb64", "cjk", "widecsv", "pretty", "telemetry", "logs", "sqldump"]
EXT = {"widecsv": "csv", "pretty": "json", "sqldump": "sql"}

# common Chinese characters for free text (frequency lists' top of the table)
HANZI = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
         "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业"
         "本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
         "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品"
         "式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回")
PUNCT = "，。；：、！？"


def _j(s) -> bytes:
    return json.dumps(s, ensure_ascii=False, separators=(",", ":")).encode()


def _pool(rng, n, fn):
    return [fn(rng) for _ in range(n)]


def _hanzi(rng, lo, hi):
    n = rng.randint(lo, hi)
    out = []
    while len(out) < n:
        out.extend(rng.choices(HANZI, k=rng.randint(4, 18)))
        out.append(rng.choice(PUNCT))
    return "".join(out)


def _hex(rng, nbytes):
    return rng.getrandbits(nbytes * 8).to_bytes(nbytes, "big").hex()


def _b64(rng, nbytes):
    import base64
    return base64.b64encode(rng.getrandbits(nbytes * 8).to_bytes(nbytes, "big")).decode()


def _ua(rng):
    os_ = rng.choice(["Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7", "X11; Linux x86_64",
                      "Linux; Android 13; SM-G991B", "iPhone; CPU iPhone OS 17_1 like Mac OS X"])
    v = rng.randint(90, 130)
    return f"Mozilla/5.0 ({os_}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.{rng.randint(1000, 6000)}.{rng.randint(10, 200)} Safari/537.36"


def _url(rng):
    host = S.host_name(rng)
    path = "/".join(rng.choice(["api", "v2", "static", "img", "search", "user", "orders", "cart", "item"])
                    for _ in range(rng.randint(1, 4)))
    q = "&".join(f"{rng.choice(['q', 'id', 'page', 'ref', 'utm_source', 'sort'])}={rng.randint(1, 99999)}"
                 for _ in range(rng.randint(0, 3)))
    return f"https://{host}/{path}" + (f"?{q}" if q else "")


class Pools:
    """Large pools of rendered values; picking is one random number."""

    def __init__(self, rng: random.Random, n: int = 20000):
        self.rng = rng
        self.id = _pool(rng, n, S.cn_resident_id)
        self.name = _pool(rng, n, lambda r: S.cn_name(r) if r.random() < 0.5 else S.en_name(r))
        self.mobile = _pool(rng, n, S.cn_mobile)
        self.e164 = _pool(rng, n, S.e164)
        self.email = _pool(rng, n, S.email)
        self.imei = _pool(rng, n, S.imei)
        self.imsi = _pool(rng, n, S.imsi)
        self.mac = _pool(rng, n, S.mac)
        self.ip = _pool(rng, n, S.ipv4)
        self.uuid = _pool(rng, n, S.uuid4)
        self.sha = _pool(rng, n, S.hexdigest)
        self.ts = _pool(rng, n, S.iso_ts)
        self.plate = _pool(rng, n, S.cn_plate)
        self.vin = _pool(rng, n, S.vin)
        self.card = _pool(rng, 4000, S.card)
        self.order = _pool(rng, n, S.order_no)
        self.coord = [tuple(round(x, 6) for x in S.latlon(rng)) for _ in range(n)]
        self.addr = _pool(rng, n, S.address)
        self.dob = _pool(rng, n, S.dob_iso)
        self.host = _pool(rng, 2000, S.host_name)
        self.url = _pool(rng, n, _url)
        self.ua = _pool(rng, 3000, _ua)
        self.word = S.lorem(rng, 200000, 200000).split()

    def pick(self, lst):
        return lst[self.rng.getrandbits(30) % len(lst)]


# --- one record maker per shape; each returns bytes ending in a newline ------

def maker_short(P: Pools):
    rng = P.rng
    kinds = [
        lambda: [("id", P.pick(P.id)), ("name", P.pick(P.name)), ("ts", P.pick(P.ts))],
        lambda: [("imei", P.pick(P.imei)), ("lat", P.pick(P.coord)[0]), ("lon", P.pick(P.coord)[1]), ("t", rng.randint(1.6e9, 1.8e9))],
        lambda: [("mac", P.pick(P.mac)), ("rssi", -rng.randint(30, 95)), ("ap", P.pick(P.mac))],
        lambda: [("phone", P.pick(P.mobile)), ("dur", rng.randint(1, 3600)), ("cell", rng.randint(1, 65535))],
        lambda: [("uid", P.pick(P.uuid)), ("ev", rng.choice(["login", "view", "buy", "logout"])), ("ms", rng.randint(1, 900))],
        lambda: [("plate", P.pick(P.plate)), ("speed", rng.randint(20, 140)), ("lane", rng.randint(1, 6))],
        lambda: [("email", P.pick(P.email)), ("ip", P.pick(P.ip)), ("ok", rng.random() < 0.9)],
        lambda: [("sku", P.pick(P.order)), ("qty", rng.randint(1, 9)), ("price", round(rng.uniform(1, 999), 2))],
    ]

    def make():
        kv = kinds[rng.getrandbits(3)]()
        kv.append(("seq", rng.getrandbits(24)))
        rng.shuffle(kv)
        return _j(dict(kv)) + b"\n"
    return make


def maker_hexb64(P: Pools):
    rng = P.rng
    feats = [_hex(rng, 192) for _ in range(4000)]
    blobs = [_b64(rng, rng.randint(150, 1500)) for _ in range(2000)]

    def make():
        rec = {"capture_id": P.pick(P.uuid), "feature": P.pick(feats), "sha256": P.pick(P.sha),
               "thumb": P.pick(blobs), "camera": rng.randint(1, 5000)}
        if rng.random() < 0.3:
            rec["idcard"] = P.pick(P.id)
        return _j(rec) + b"\n"
    return make


def maker_cjk(P: Pools):
    rng = P.rng
    texts = [_hanzi(rng, 80, 900) for _ in range(3000)]

    def make():
        t = P.pick(texts)
        if rng.random() < 0.5:  # an id or a mobile inside the text, as registries write them
            cut = rng.randrange(len(t))
            t = t[:cut] + rng.choice(["身份证号", "联系电话", "手机"]) + (P.pick(P.id) if rng.random() < 0.5 else P.pick(P.mobile)) + t[cut:]
        rec = {"编号": rng.getrandbits(32), "备注": t, "登记时间": P.pick(P.ts)}
        if rng.random() < 0.4:
            rec["住址"] = P.pick(P.addr)
        return _j(rec) + b"\n"
    return make


WIDE_KINDS = ["id", "name", "mobile", "email", "ip", "ts", "int", "float", "code", "word", "quoted", "empty"]


def widecsv_header(rng: random.Random):
    cols = [rng.choice(WIDE_KINDS) for _ in range(120)]
    names = [f"{k}_{i}" if k in ("int", "float", "code", "word", "quoted", "empty") else
             {"id": "id_card", "name": "full_name", "mobile": "mobile", "email": "email", "ip": "client_ip",
              "ts": "updated_at"}[k] + f"_{i}" for i, k in enumerate(cols)]
    return cols, (",".join(names) + "\r\n").encode()


def maker_widecsv(P: Pools, cols):
    rng = P.rng

    pools = {"id": P.id, "name": P.name, "mobile": P.mobile, "email": P.email, "ip": P.ip, "ts": P.ts,
             "code": P.order, "word": P.word}
    other = {"int": lambda: str(rng.getrandbits(20)), "float": lambda: "%.4f" % rng.random(),
             "quoted": lambda: '"' + " ".join(P.pick(P.word) for _ in range(3)) + ', "x"""', "empty": lambda: ""}

    def cell(k):
        return P.pick(pools[k]) if k in pools else other[k]()

    def make():
        return (",".join(cell(k) for k in cols) + "\r\n").encode()
    return make


def maker_pretty(P: Pools):
    rng = P.rng

    def nest(depth):
        if depth == 0:
            return {"imei": P.pick(P.imei), "seen": P.pick(P.ts), "geo": {"lat": P.pick(P.coord)[0], "lon": P.pick(P.coord)[1]}}
        return {"level": depth, "tag": P.pick(P.word), "child": nest(depth - 1),
                "items": [{"k": P.pick(P.word), "v": rng.randint(0, 999)} for _ in range(rng.randint(0, 3))]}

    def make():
        rec = {"case": P.pick(P.uuid), "subject": {"name": P.pick(P.name), "id": P.pick(P.id),
               "contact": {"phone": P.pick(P.mobile), "email": P.pick(P.email)}}, "trace": nest(rng.randint(3, 7))}
        return json.dumps(rec, ensure_ascii=False, indent=2).encode()
    return make


def maker_telemetry(P: Pools):
    rng = P.rng

    def make():
        rec = {"dev": rng.getrandbits(32), "t": rng.randint(1600000000000, 1800000000000),
               "temp": round(rng.uniform(-20, 60), 3), "hum": round(rng.uniform(0, 100), 2),
               "v": [round(rng.uniform(0, 5), 4) for _ in range(rng.randint(4, 24))],
               "rpm": rng.randint(0, 9000), "err": rng.getrandbits(8), "load": [rng.random() for _ in range(3)],
               "seq": rng.getrandbits(40), "fw": f"{rng.randint(1, 9)}.{rng.randint(0, 99)}.{rng.randint(0, 999)}"}
        if rng.random() < 0.05:
            rec["gps"] = list(P.pick(P.coord))
        return _j(rec) + b"\n"
    return make


def maker_logs(P: Pools):
    rng = P.rng

    def make():
        rec = {"@timestamp": P.pick(P.ts), "client": P.pick(P.ip), "user": P.pick(P.email),
               "method": rng.choice(["GET", "POST", "PUT"]), "url": P.pick(P.url), "status": rng.choice([200, 200, 301, 404, 500]),
               "bytes": rng.getrandbits(20), "referer": P.pick(P.url), "ua": P.pick(P.ua), "req_id": P.pick(P.uuid)}
        if rng.random() < 0.02:
            rec["payment"] = {"card": P.pick(P.card), "amount": round(rng.uniform(1, 500), 2)}
        if rng.random() < 0.1:
            rec["msg"] = f"password reset mail sent to {P.pick(P.email)} from {P.pick(P.ip)}"
        return _j(rec) + b"\n"
    return make


def _sql_str(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


SQL_HEAD = b"""-- MySQL dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `residents`;
CREATE TABLE `residents` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `full_name` varchar(64) DEFAULT NULL,
  `id_card` char(18) DEFAULT NULL,
  `mobile` varchar(20) DEFAULT NULL,
  `email` varchar(128) DEFAULT NULL,
  `address` varchar(255) DEFAULT NULL,
  `birth_date` date DEFAULT NULL,
  `note` text,
  `score` double DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `residents` WRITE;
"""


def maker_sqldump(P: Pools):
    rng = P.rng
    counter = [0]

    def row():
        counter[0] += 1
        note = "NULL" if rng.random() < 0.5 else _sql_str(" ".join(P.pick(P.word) for _ in range(rng.randint(3, 20))))
        return "(%d,%s,%s,%s,%s,%s,%s,%s,%.3f)" % (
            counter[0], _sql_str(P.pick(P.name)), _sql_str(P.pick(P.id)), _sql_str(P.pick(P.mobile)),
            _sql_str(P.pick(P.email)), _sql_str(P.pick(P.addr)), _sql_str(P.pick(P.dob)), note, rng.random() * 100)

    def make():
        return ("INSERT INTO `residents` VALUES " + ",".join(row() for _ in range(rng.randint(50, 200))) + ";\n").encode()
    return make


def generate(shape: str, path: str, size_mb: float, seed: int, pool: int = 20000) -> int:
    rng = random.Random(seed)
    P = Pools(rng, pool)
    target = int(size_mb * MB)
    head, tail, sep = b"", b"", b""
    if shape == "widecsv":
        cols, head = widecsv_header(rng)
        make = maker_widecsv(P, cols)
    elif shape == "pretty":
        head, tail, sep = b"[\n", b"\n]\n", b",\n"
        make = maker_pretty(P)
    elif shape == "sqldump":
        head, tail = SQL_HEAD, b"UNLOCK TABLES;\n"
        make = maker_sqldump(P)
    else:
        make = {"short": maker_short, "hexb64": maker_hexb64, "cjk": maker_cjk, "telemetry": maker_telemetry,
                "logs": maker_logs}[shape](P)
    written = 0
    with open(path, "wb") as f:
        f.write(head)
        written += len(head)
        first = True
        while written < target:
            parts = []
            size = 0
            while size < 4 * MB and written + size < target:
                rec = make()
                if sep and not first:
                    rec = sep + rec
                first = False
                parts.append(rec)
                size += len(rec)
            f.write(b"".join(parts))
            written += size
        f.write(tail)
        written += len(tail)
    return written


def shape_path(out_dir: str, shape: str) -> str:
    return os.path.join(out_dir, f"{shape}.{EXT.get(shape, 'ndjson')}")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate the benchmark family, one corpus per shape.")
    ap.add_argument("out_dir")
    ap.add_argument("--size-mb", type=float, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--pool", type=int, default=20000, help="distinct values per pool (default 20000)")
    a = ap.parse_args(argv)
    os.makedirs(a.out_dir, exist_ok=True)
    for i, shape in enumerate(a.shapes.split(",")):
        if shape not in SHAPES:
            ap.error(f"unknown shape {shape!r} (known: {', '.join(SHAPES)})")
        t0 = time.perf_counter()
        p = shape_path(a.out_dir, shape)
        n = generate(shape, p, a.size_mb, a.seed * 100 + SHAPES.index(shape), a.pool)
        print("%-10s %7.1f MB  %s  (%.1f s)" % (shape, n / MB, p, time.perf_counter() - t0), flush=True)


if __name__ == "__main__":
    main()
