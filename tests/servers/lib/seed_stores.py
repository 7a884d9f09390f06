#!/usr/bin/env python3
"""Synthetic, deterministic seed data for the non-search test servers (Redis, PostgreSQL,
MariaDB, memcached, ClickHouse, etcd, FerretDB/MongoDB, pouchdb-server/CouchDB), and the
seeding itself. Same themes and generators as seed_search.py (CN resident ids with a valid
ISO 7064 MOD 11-2 check character, Luhn-valid IMEIs, MACs, CN plates, VINs with a valid
check digit, CN mobile numbers, face attributes, diagnoses, religion, ethnicity, names),
fixed random seeds: the same records every run. Nothing in it belongs to a real person.

Stdlib only, except the mongodb seeding (pymongo; run it with the venv python).

Usage:
  seed_stores.py manifest STORE             the SEED_MANIFEST JSON for STORE
  seed_stores.py sql postgresql|mariadb     SQL that creates and fills database smartcity
  seed_stores.py redis-resp                 RESP commands for `redis-cli --pipe`
  seed_stores.py memcached --port P
  seed_stores.py clickhouse --url U
  seed_stores.py etcd --url U
  seed_stores.py couchdb --url U
  seed_stores.py mongodb --url U
  seed_stores.py dump DATASET               a data set as NDJSON, no server
"""
import base64
import datetime as dt
import functools
import json
import os
import random
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_search as S  # noqa: E402

UTC = dt.timezone.utc

# ---------------------------------------------------------------------------------------
# data sets

REGION_NAMES = {  # resident id region prefix -> address prefix (province, city, district)
    "110101": "北京市东城区", "110105": "北京市朝阳区", "310104": "上海市徐汇区",
    "440106": "广东省广州市天河区",
    "650102": "新疆维吾尔自治区乌鲁木齐市天山区", "650103": "新疆维吾尔自治区乌鲁木齐市沙依巴克区",
    "650104": "新疆维吾尔自治区乌鲁木齐市新市区", "653101": "新疆维吾尔自治区喀什地区喀什市",
    "653121": "新疆维吾尔自治区喀什地区疏附县", "653201": "新疆维吾尔自治区和田地区和田市",
    "652801": "新疆维吾尔自治区巴音郭楞蒙古自治州库尔勒市",
    "654002": "新疆维吾尔自治区伊犁哈萨克自治州伊宁市",
}
STREETS = ["解放南路", "人民路", "建设路", "团结路", "友好北路", "新华路", "光明路", "胜利路",
           "长江路", "北京路", "延安路", "和平路"]
ETHNICITIES = ["汉族", "维吾尔族", "Uyghur", "Han", "哈萨克族", "回族", "Kazakh", "unknown"]
ETH_WEIGHTS = [30, 30, 12, 10, 6, 5, 3, 4]
RELIGIONS = ["伊斯兰教", "佛教", "基督教", "天主教", "无宗教信仰", "Islam", "Buddhism",
             "Christianity", "none"]
REL_WEIGHTS = [30, 10, 6, 3, 30, 8, 4, 4, 5]
DIAGNOSES = [  # (ICD-10, description)
    ("E11.9", "2型糖尿病"), ("I10", "原发性高血压"), ("J45.9", "支气管哮喘"), ("B20", "HIV病"),
    ("F32.9", "抑郁发作"), ("A15.0", "肺结核"), ("C34.9", "肺恶性肿瘤"), ("K29.7", "慢性胃炎"),
    ("N18.9", "慢性肾脏病"), ("F20.9", "精神分裂症"), ("E11.9", "type 2 diabetes"),
    ("I10", "hypertension"), ("F32.9", "depression"), ("A15.0", "tuberculosis"),
]
SERVICES = ["gateway", "billing", "search", "scheduler", "render", "inventory"]
METRICS = ["cpu_pct", "mem_mb", "rps", "p99_ms", "queue_depth", "gc_pause_ms"]
# public-looking IPv4 prefixes of CN carriers (synthetic hosts; nothing is ever contacted)
IP_PREFIXES = ["36.110", "58.20", "112.97", "117.136", "124.117", "223.104", "120.204"]


def _rid(rng, region):
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
    first17 = f"{region}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    rid = first17 + S.cn_resident_check(first17)
    assert S.cn_resident_valid(rid), rid
    return rid


@functools.lru_cache(maxsize=None)
def _docs(index):
    return S.documents(index)


@functools.lru_cache(maxsize=None)
def residents(n=200):
    rng = random.Random(2001)
    out, seen = [], set()
    regions = sorted(REGION_NAMES)
    while len(out) < n:
        region = rng.choice(regions)
        rid = _rid(rng, region)
        if rid in seen:
            continue
        seen.add(rid)
        uy = region.startswith("65") and rng.random() < 0.6
        addr = (f"{REGION_NAMES[region]}{rng.choice(STREETS)}{rng.randint(1, 399)}号"
                f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(101, 2404)}室")
        out.append({"id": len(out) + 1, "resident_id": rid, "name": S.cn_name(rng, uy),
                    "phone": S.mobile(rng), "address": addr})
    return out


def _local(iso):
    """ISO 8601 with offset -> 'YYYY-MM-DD HH:MM:SS' in UTC (for SQL/ClickHouse columns)."""
    return dt.datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def checkpoint_events():
    out = []
    for i, (_id, d) in enumerate(_docs("checkpoint-devices")):
        out.append({"id": i + 1, "imei": d["imei"], "mac": d["mac"], "place": d["checkpoint"],
                    "lat": d["location"]["lat"], "lon": d["location"]["lon"],
                    "passed_at": _local(d["passed_at"]), "direction": d["direction"]})
    return out


def patients(n=150):
    rng = random.Random(2003)
    people = residents()
    out = []
    for i in range(n):
        p = rng.choice(people)
        code, desc = rng.choice(DIAGNOSES)
        admitted = S.BASE_TIME + dt.timedelta(seconds=rng.randrange(90 * 86400))
        out.append({"id": i + 1, "name": p["name"], "gender": rng.choice(["男", "女"]),
                    "diagnosis": desc, "icd10": code,
                    "religion": rng.choices(RELIGIONS, REL_WEIGHTS)[0],
                    "ethnicity": rng.choices(ETHNICITIES, ETH_WEIGHTS)[0],
                    "admitted_at": admitted.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")})
    return out


def vehicles():
    out = []
    for i, (_id, d) in enumerate(_docs("vehicles")):
        out.append({"id": i + 1, "plate": d["plate"], "vin": d["vin"],
                    "owner_phone": d["owner_phone"], "seen_at": _local(d["seen_at"]),
                    "camera_id": d["camera_id"], "color": d["color"],
                    "vehicle_type": d["vehicle_type"]})
    return out


def app_metrics(n=200):
    rng = random.Random(2005)
    out = []
    for i in range(n):
        t = S.BASE_TIME + dt.timedelta(seconds=60 * i)
        out.append({"id": i + 1, "ts": t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
                    "host": f"node-{rng.randint(1, 8):02d}", "service": rng.choice(SERVICES),
                    "metric": rng.choice(METRICS), "value": round(rng.uniform(0, 900), 3)})
    return out


@functools.lru_cache(maxsize=None)
def _person_idcards():
    """person_id of the face events -> a resident id (the same mapping every run)."""
    rng = random.Random(2006)
    people = sorted({d["person_id"] for _i, d in _docs("smartcity-faces")})
    regions = sorted(REGION_NAMES)
    return {p: _rid(rng, rng.choice(regions)) for p in people}


def face_events():
    ids = _person_idcards()
    out = []
    for i, (_id, d) in enumerate(_docs("smartcity-faces")):
        f = d["face"]
        out.append({"id": i + 1, "event_id": d["event_id"], "camera_id": d["camera_id"],
                    "captured_at": _local(d["captured_at"]),
                    "lat": d["location"]["lat"], "lon": d["location"]["lon"],
                    "beard": int(f["beard"]), "glasses": int(f["glasses"]),
                    "mask": int(f["mask"]), "ethnicity": d["ethnicity"],
                    "person_idcard": ids[d["person_id"]], "match_score": d["match_score"]})
    return out


def mongo_faces():
    """The OpenSearch face documents (nested face attributes, 128-float embedding) plus
    the person's resident id."""
    ids = _person_idcards()
    out = []
    for _id, d in _docs("smartcity-faces"):
        out.append({"_id": _id, **d, "person_idcard": ids[d["person_id"]]})
    return out


def users(n):
    return [{"id": r["id"], "name": r["name"], "phone": r["phone"], "idcard": r["resident_id"]}
            for r in residents()[:n]]


def sessions(n, seed):
    rng = random.Random(seed)
    cp = _docs("checkpoint-devices")
    out = []
    for i in range(n):
        token = "%032x" % rng.getrandbits(128)
        dev = rng.choice(cp)[1]
        t = S.BASE_TIME + dt.timedelta(seconds=rng.randrange(7 * 86400))
        out.append({"token": token, "user_id": rng.randint(1, 200),
                    "ip": f"{rng.choice(IP_PREFIXES)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}",
                    "imei": dev["imei"], "created_at": t.isoformat()})
    return out


def cache_values(n, seed):
    """Non-personal cache entries."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = " ".join(rng.choice(S.LOREM) for _ in range(rng.randint(3, 8)))
        out.append({"id": f"page-{i + 1:04d}", "value": {
            "title": words, "service": rng.choice(SERVICES), "hits": rng.randint(0, 5000),
            "ttl": rng.choice([60, 300, 3600]), "etag": "%016x" % rng.getrandbits(64)}})
    return out


def logs():
    return [{"_id": _id, **d} for _id, d in _docs("app-logs")]


def couch_residents():
    return [{"_id": "resident-%04d" % r["id"], **{k: v for k, v in r.items() if k != "id"}}
            for r in residents()]


def couch_vehicles():
    return [{"_id": _id, **d} for _id, d in _docs("vehicles")]


def mongo_checkpoints():
    return [{"_id": _id, **d} for _id, d in _docs("checkpoint-devices")]


DATASETS = {
    "residents": residents, "checkpoint_events": checkpoint_events, "patients": patients,
    "vehicles": vehicles, "app_metrics": app_metrics, "face_events": face_events,
    "mongo_faces": mongo_faces, "mongo_checkpoints": mongo_checkpoints, "logs": logs,
    "couch_residents": couch_residents, "couch_vehicles": couch_vehicles,
    "users": lambda: users(100), "sessions": lambda: sessions(80, 2007),
    "cache": lambda: cache_values(50, 2008),
}

# field -> detector name (src/lib/classify/detectors.h); absent fields hold no personal data
FIELDS = {
    "residents": {"resident_id": "cn_resident_id", "name": "person_name",
                  "phone": "cn_mobile", "address": "address"},
    "checkpoint_events": {"imei": "imei", "mac": "mac", "lat": "lat_lon", "lon": "lat_lon"},
    "patients": {"name": "person_name", "gender": "gender", "diagnosis": "health",
                 "icd10": "health", "religion": "religion", "ethnicity": "ethnicity"},
    "vehicles": {"plate": "cn_plate", "vin": "vin", "owner_phone": "cn_mobile"},
    "face_events": {"lat": "lat_lon", "lon": "lat_lon", "beard": "face_attributes",
                    "glasses": "face_attributes", "mask": "face_attributes",
                    "ethnicity": "ethnicity", "person_idcard": "cn_resident_id"},
    "mongo_faces": {"location": "geo_point", "ethnicity": "ethnicity",
                    "face.beard": "face_attributes", "face.glasses": "face_attributes",
                    "face.sunglasses": "face_attributes", "face.mask": "face_attributes",
                    "face.smile": "face_attributes", "face.age_estimate": "face_attributes",
                    "face.gender": "gender", "embedding": "face_embedding",
                    "person_idcard": "cn_resident_id"},
    "mongo_checkpoints": {"resident_id": "cn_resident_id", "name": "person_name",
                          "imei": "imei", "mac": "mac", "location": "geo_point"},
    "couch_residents": {"resident_id": "cn_resident_id", "name": "person_name",
                        "phone": "cn_mobile", "address": "address"},
    "couch_vehicles": {"plate": "cn_plate", "vin": "vin", "owner_phone": "cn_mobile",
                       "location": "geo_point"},
    "users": {"name": "person_name", "phone": "cn_mobile", "idcard": "cn_resident_id"},
    "sessions": {"ip": "ipv4", "imei": "imei"},
    "app_metrics": {}, "logs": {}, "cache": {},
}
CATEGORY = {  # detector -> ajar category (include/ajar/ajar.h)
    "cn_resident_id": "identity.national_id", "person_name": "identity.name",
    "gender": "identity.demographic", "cn_mobile": "contact.phone", "address": "contact.address",
    "imei": "device.imei", "mac": "device.mac", "ipv4": "device.ip",
    "lat_lon": "location.coordinates", "geo_point": "location.coordinates",
    "cn_plate": "vehicle.plate", "vin": "vehicle.vin", "face_attributes": "biometric.face",
    "face_embedding": "biometric.face", "ethnicity": "special.ethnicity",
    "religion": "special.religion", "health": "special.health",
}


def entry(dataset, count=None, fields=None, **extra):
    f = FIELDS[dataset] if fields is None else fields
    e = {"count": len(DATASETS[dataset]()) if count is None else count,
         "personal": bool(f), "fields": dict(sorted(f.items())),
         "categories": sorted({CATEGORY[k] for k in f.values()}), "dataset": dataset}
    e.update(extra)
    return e


# ---------------------------------------------------------------------------------------
# Redis / memcached / etcd key layouts

REDIS_FACES = 60
REDIS_LIST = "queue:checkpoint"
REDIS_SET = "watchlist:idcard"
REDIS_ZSET = "metrics:latency"


def redis_commands():
    """[(kind, key, command args)] in seeding order."""
    cmds = []
    for u in users(100):
        cmds.append(("user", ["HSET", f"user:{u['id']}", "name", u["name"], "phone", u["phone"],
                              "idcard", u["idcard"]]))
    for s in sessions(80, 2007):
        val = json.dumps({k: s[k] for k in ("user_id", "ip", "imei", "created_at")})
        cmds.append(("session", ["SET", f"session:{s['token']}", val]))
    for f in face_events()[:REDIS_FACES]:
        cmds.append(("face", ["HSET", f"face:{f['event_id']}", "camera_id", f["camera_id"],
                              "captured_at", f["captured_at"], "lat", str(f["lat"]),
                              "lon", str(f["lon"]), "beard", str(f["beard"]),
                              "glasses", str(f["glasses"]), "mask", str(f["mask"]),
                              "ethnicity", f["ethnicity"], "person_idcard", f["person_idcard"]]))
    for c in cache_values(50, 2008):
        cmds.append(("cache", ["SET", f"cache:{c['id']}", json.dumps(c["value"])]))
    ev = checkpoint_events()[:40]
    cmds.append(("queue", ["RPUSH", REDIS_LIST] + [
        json.dumps({k: e[k] for k in ("imei", "mac", "place", "passed_at")}, ensure_ascii=False)
        for e in ev]))
    cmds.append(("watchlist", ["SADD", REDIS_SET] + [r["resident_id"] for r in residents()[:30]]))
    rng = random.Random(2009)
    zs = ["ZADD", REDIS_ZSET]
    for svc in SERVICES:
        for m in ("p50", "p90", "p99"):
            zs += [str(round(rng.uniform(1, 900), 2)), f"{svc}.{m}"]
    cmds.append(("metrics", zs))
    return cmds


def redis_manifest():
    f_face = {"lat": "lat_lon", "lon": "lat_lon", "beard": "face_attributes",
              "glasses": "face_attributes", "mask": "face_attributes",
              "ethnicity": "ethnicity", "person_idcard": "cn_resident_id"}
    return {
        "user:*": entry("users", type="hash"),
        "session:*": entry("sessions", type="string", format="json"),
        "face:*": entry("face_events", count=REDIS_FACES, fields=f_face, type="hash"),
        "cache:*": entry("cache", type="string", format="json"),
        REDIS_LIST: entry("checkpoint_events", count=40, type="list", format="json",
                          fields={"imei": "imei", "mac": "mac"}, keys=1),
        REDIS_SET: entry("residents", count=30, type="set", keys=1,
                         fields={"(member)": "cn_resident_id"}),
        REDIS_ZSET: entry("app_metrics", count=len(SERVICES) * 3, type="zset", keys=1, fields={}),
    }


def resp(args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        b = a.encode("utf-8")
        out.append(b"$%d\r\n%s\r\n" % (len(b), b))
    return b"".join(out)


def memcached_items():
    items = []
    for u in users(60):
        items.append(("user", f"user:{u['id']}",
                      {"name": u["name"], "phone": u["phone"], "idcard": u["idcard"]}))
    for s in sessions(40, 2010):
        items.append(("session", f"session:{s['token']}",
                      {k: s[k] for k in ("user_id", "ip", "imei", "created_at")}))
    for c in cache_values(40, 2011):
        items.append(("cache", f"cache:{c['id']}", c["value"]))
    return items


def memcached_manifest():
    return {"user:*": entry("users", count=60, format="json"),
            "session:*": entry("sessions", count=40, format="json"),
            "cache:*": entry("cache", count=40, format="json")}


ETCD_CONFIG = {
    "/config/gateway/listen": "0.0.0.0:8080", "/config/gateway/timeout_ms": "3000",
    "/config/gateway/max_body": "10485760", "/config/billing/currency": "CNY",
    "/config/billing/batch_size": "500", "/config/search/shards": "3",
    "/config/search/refresh": "1s", "/config/scheduler/cron": "*/5 * * * *",
    "/config/scheduler/workers": "4", "/config/render/theme": "dark",
    "/config/render/cache_ttl": "300", "/config/inventory/warehouse_count": "12",
    "/config/features": json.dumps({"new_ui": True, "beta_export": False, "rate_limit": 200}),
    "/config/log/level": "info", "/config/log/format": "json",
    "/config/version": "2024.05.1",
}


def etcd_items():
    items = [(f"/users/{u['id']}", json.dumps({"name": u["name"], "phone": u["phone"],
                                                "idcard": u["idcard"]}, ensure_ascii=False))
             for u in users(50)]
    items += sorted(ETCD_CONFIG.items())
    return items


def etcd_manifest():
    return {"/users/": entry("users", count=50, format="json"),
            "/config/": {"count": len(ETCD_CONFIG), "personal": False, "fields": {},
                         "categories": [], "dataset": "config"}}


# ---------------------------------------------------------------------------------------
# SQL (PostgreSQL and MariaDB)

SQL_TABLES = {
    # table: [(column, postgresql type, mariadb type)]
    "residents": [("id", "integer PRIMARY KEY", "INT PRIMARY KEY"),
                  ("resident_id", "char(18) NOT NULL", "CHAR(18) NOT NULL"),
                  ("name", "text NOT NULL", "VARCHAR(64) NOT NULL"),
                  ("phone", "varchar(16)", "VARCHAR(16)"),
                  ("address", "text", "VARCHAR(255)")],
    "checkpoint_events": [("id", "integer PRIMARY KEY", "INT PRIMARY KEY"),
                          ("imei", "varchar(16) NOT NULL", "VARCHAR(16) NOT NULL"),
                          ("mac", "macaddr NOT NULL", "VARCHAR(17) NOT NULL"),
                          ("place", "text", "VARCHAR(64)"),
                          ("lat", "double precision", "DOUBLE"),
                          ("lon", "double precision", "DOUBLE"),
                          ("passed_at", "timestamp", "DATETIME"),
                          ("direction", "varchar(3)", "VARCHAR(3)")],
    "patients": [("id", "integer PRIMARY KEY", "INT PRIMARY KEY"),
                 ("name", "text", "VARCHAR(64)"), ("gender", "varchar(2)", "VARCHAR(2)"),
                 ("diagnosis", "text", "VARCHAR(64)"), ("icd10", "varchar(8)", "VARCHAR(8)"),
                 ("religion", "text", "VARCHAR(32)"), ("ethnicity", "text", "VARCHAR(32)"),
                 ("admitted_at", "timestamp", "DATETIME")],
    "vehicles": [("id", "integer PRIMARY KEY", "INT PRIMARY KEY"),
                 ("plate", "varchar(12) NOT NULL", "VARCHAR(12) NOT NULL"),
                 ("vin", "char(17) NOT NULL", "CHAR(17) NOT NULL"),
                 ("owner_phone", "varchar(16)", "VARCHAR(16)"),
                 ("seen_at", "timestamp", "DATETIME"), ("camera_id", "text", "VARCHAR(32)"),
                 ("color", "text", "VARCHAR(8)"), ("vehicle_type", "text", "VARCHAR(16)")],
    "app_metrics": [("id", "integer PRIMARY KEY", "INT PRIMARY KEY"),
                    ("ts", "timestamp", "DATETIME"), ("host", "text", "VARCHAR(32)"),
                    ("service", "text", "VARCHAR(32)"), ("metric", "text", "VARCHAR(32)"),
                    ("value", "double precision", "DOUBLE")],
}
SQL_STORES = {
    "postgresql": ["residents", "checkpoint_events", "patients", "app_metrics"],
    "mariadb": ["residents", "vehicles", "patients", "app_metrics"],
}


def sql_literal(v, dialect):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v).replace("'", "''")
    if dialect == "mariadb":
        s = s.replace("\\", "\\\\")
    return "'" + s + "'"


def sql_script(dialect):
    col = 1 if dialect == "postgresql" else 2
    out = []
    if dialect == "mariadb":
        out.append("SET NAMES utf8mb4;")
        out.append("CREATE DATABASE IF NOT EXISTS smartcity CHARACTER SET utf8mb4 "
                   "COLLATE utf8mb4_unicode_ci;")
        out.append("USE smartcity;")
    for table in SQL_STORES[dialect]:
        cols = SQL_TABLES[table]
        out.append(f"DROP TABLE IF EXISTS {table};")
        defs = ", ".join(f"{c[0]} {c[col]}" for c in cols)
        tail = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" if dialect == "mariadb" else ""
        out.append(f"CREATE TABLE {table} ({defs}){tail};")
        rows = DATASETS[table]()
        names = [c[0] for c in cols]
        for start in range(0, len(rows), 100):
            vals = ",\n".join("(" + ", ".join(sql_literal(r[n], dialect) for n in names) + ")"
                              for r in rows[start:start + 100])
            out.append(f"INSERT INTO {table} ({', '.join(names)}) VALUES\n{vals};")
    if dialect == "postgresql":
        out.append("ANALYZE;")
    else:
        out.append("ANALYZE TABLE " + ", ".join(SQL_STORES[dialect]) + ";")
    return "\n".join(out) + "\n"


def sql_manifest(dialect):
    return {f"smartcity.{t}": entry(t) for t in SQL_STORES[dialect]}


# ---------------------------------------------------------------------------------------
# HTTP helpers


def http(method, url, body=None, ctype="application/json", auth=None, ok=(200, 201, 202)):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", ctype)
    req.add_header("Accept", "application/json")
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.read()
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return e.read()
        raise SystemExit(f"seed: {method} {url}: HTTP {e.code}: {e.read()[:500]!r}")


# ---------------------------------------------------------------------------------------
# per-store seeding


def seed_memcached(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    f = s.makefile("rb")
    for _kind, key, val in memcached_items():
        b = json.dumps(val, ensure_ascii=False).encode()
        s.sendall(b"set %s 0 0 %d\r\n%s\r\n" % (key.encode(), len(b), b))
        line = f.readline()
        if line != b"STORED\r\n":
            raise SystemExit(f"seed: memcached set {key}: {line!r}")
    s.close()


CH_TABLES = {
    "face_events": [("id", "UInt32"), ("event_id", "String"), ("camera_id", "String"),
                    ("captured_at", "DateTime"), ("lat", "Float64"), ("lon", "Float64"),
                    ("beard", "UInt8"), ("glasses", "UInt8"), ("mask", "UInt8"),
                    ("ethnicity", "String"), ("person_idcard", "String"),
                    ("match_score", "Float64")],
    "metrics": [("id", "UInt32"), ("ts", "DateTime"), ("host", "String"),
                ("service", "String"), ("metric", "String"), ("value", "Float64")],
}
CH_DATA = {"face_events": "face_events", "metrics": "app_metrics"}


def seed_clickhouse(url):
    def q(sql, body=None):
        u = url.rstrip("/") + "/?query=" + urllib.parse.quote(sql)
        return http("POST", u, body if body is not None else b"", ctype="text/plain")
    for table, cols in CH_TABLES.items():
        q(f"DROP TABLE IF EXISTS default.{table}")
        defs = ", ".join(f"{c} {t}" for c, t in cols)
        q(f"CREATE TABLE default.{table} ({defs}) ENGINE = MergeTree ORDER BY id")
        rows = DATASETS[CH_DATA[table]]()
        body = "".join(json.dumps({c: r[c] for c, _t in cols}, ensure_ascii=False) + "\n"
                       for r in rows).encode()
        q(f"INSERT INTO default.{table} FORMAT JSONEachRow", body)
        got = int(q(f"SELECT count() FROM default.{table}").decode().strip())
        if got != len(rows):
            raise SystemExit(f"seed: clickhouse {table} has {got} rows, expected {len(rows)}")


def clickhouse_manifest():
    return {"default.face_events": entry("face_events"),
            "default.metrics": entry("app_metrics")}


def b64(s):
    return base64.b64encode(s.encode()).decode()


def seed_etcd(url):
    for k, v in etcd_items():
        http("POST", url.rstrip("/") + "/v3/kv/put", {"key": b64(k), "value": b64(v)})
    r = json.loads(http("POST", url.rstrip("/") + "/v3/kv/range",
                        {"key": b64("\0"), "range_end": b64("\0"), "count_only": True}))
    if int(r.get("count", 0)) != len(etcd_items()):
        raise SystemExit(f"seed: etcd has {r.get('count')} keys, expected {len(etcd_items())}")


COUCH_DBS = {"residents": "couch_residents", "vehicles": "couch_vehicles", "logs": "logs"}


def seed_couchdb(url, auth=None):
    base = url.rstrip("/")
    for db, ds in COUCH_DBS.items():
        http("DELETE", f"{base}/{db}", auth=auth, ok=(200, 404))
        http("PUT", f"{base}/{db}", auth=auth)
        docs = DATASETS[ds]()
        for start in range(0, len(docs), 200):
            r = json.loads(http("POST", f"{base}/{db}/_bulk_docs",
                                {"docs": docs[start:start + 200]}, auth=auth))
            bad = [x for x in r if "error" in x]
            if bad:
                raise SystemExit(f"seed: couchdb {db}: {bad[:3]}")
        info = json.loads(http("GET", f"{base}/{db}", auth=auth))
        if info.get("doc_count") != len(docs):
            raise SystemExit(f"seed: couchdb {db} has {info.get('doc_count')} docs")


def couchdb_manifest():
    return {"residents": entry("couch_residents"), "vehicles": entry("couch_vehicles"),
            "logs": entry("logs")}


MONGO = {"smartcity": {"faces": "mongo_faces", "checkpoints": "mongo_checkpoints",
                       "patients": "patients"},
         "logs": {"app": "logs"}}


def seed_mongodb(url):
    import pymongo  # from the venv (tests/servers/mongodb.sh installs it)
    c = pymongo.MongoClient(url, serverSelectionTimeoutMS=20000)
    for db, colls in MONGO.items():
        c.drop_database(db)
        for coll, ds in colls.items():
            docs = DATASETS[ds]()
            if ds == "patients":
                docs = [{"_id": d["id"], **{k: v for k, v in d.items() if k != "id"}}
                        for d in docs]
            c[db][coll].insert_many(docs, ordered=True)
            got = c[db][coll].count_documents({})
            if got != len(docs):
                raise SystemExit(f"seed: mongodb {db}.{coll} has {got} docs")
    c.close()


def mongodb_manifest():
    fp = dict(FIELDS["patients"])
    return {"smartcity.faces": entry("mongo_faces"),
            "smartcity.checkpoints": entry("mongo_checkpoints"),
            "smartcity.patients": entry("patients", fields=fp),
            "logs.app": entry("logs")}


MANIFESTS = {
    "redis": redis_manifest, "postgresql": lambda: sql_manifest("postgresql"),
    "mariadb": lambda: sql_manifest("mariadb"), "memcached": memcached_manifest,
    "clickhouse": clickhouse_manifest, "etcd": etcd_manifest, "couchdb": couchdb_manifest,
    "mongodb": mongodb_manifest,
}


def manifest(store):
    m = {"store": store, "collections": MANIFESTS[store]()}
    m["total"] = sum(c["count"] for c in m["collections"].values())
    return m


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what")
    ap.add_argument("arg", nargs="?")
    ap.add_argument("--url")
    ap.add_argument("--port", type=int)
    ap.add_argument("--auth", help="user:password (couchdb)")
    a = ap.parse_args(argv)
    w = a.what
    if w == "manifest":
        json.dump(manifest(a.arg), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif w == "sql":
        sys.stdout.write(sql_script(a.arg))
    elif w == "redis-resp":
        out = sys.stdout.buffer
        for _kind, args in redis_commands():
            out.write(resp(args))
    elif w == "memcached":
        seed_memcached(a.port)
    elif w == "clickhouse":
        seed_clickhouse(a.url)
    elif w == "etcd":
        seed_etcd(a.url)
    elif w == "couchdb":
        seed_couchdb(a.url, a.auth)
    elif w == "mongodb":
        seed_mongodb(a.url)
    elif w == "dump":
        for r in DATASETS[a.arg]():
            print(json.dumps(r, ensure_ascii=False))
    else:
        ap.error(f"unknown command {w}")


if __name__ == "__main__":
    main(sys.argv[1:])
