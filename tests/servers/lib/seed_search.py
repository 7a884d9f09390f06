#!/usr/bin/env python3
"""Seed an Elasticsearch-compatible server (OpenSearch 2.x, Elasticsearch 7.x) with
synthetic, deterministic test indices for ajar's end-to-end tests. Stdlib only.

All data is generated here from fixed seeds: the same documents (same _id, same fields)
every run. Nothing in it belongs to a real person.

Indices (recreated on every run):
  smartcity-faces     face-recognition events with a 128-float embedding and ethnicity label
  checkpoint-devices  checkpoint passes: CN resident id (valid check digit), name, IMEI, MAC
  vehicles            plate sightings: CN plate, VIN (valid check digit), owner mobile number
  app-logs            application logs with no personal data at all

Usage: seed_search.py --url http://127.0.0.1:19200 [--manifest seed.json] [--user u:p]
       seed_search.py --dump INDEX     print that index's documents as NDJSON, no server
"""
import argparse
import base64
import datetime as dt
import json
import math
import random
import re
import ssl
import sys
import urllib.error
import urllib.request
import uuid

COUNTS = {
    "smartcity-faces": 300,
    "checkpoint-devices": 400,
    "vehicles": 350,
    "app-logs": 250,
}
SEEDS = {
    "smartcity-faces": 1001,
    "checkpoint-devices": 1002,
    "vehicles": 1003,
    "app-logs": 1004,
}
BASE_TIME = dt.datetime(2024, 5, 1, 0, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
CST = dt.timezone(dt.timedelta(hours=8))

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}

MAPPINGS = {
    "smartcity-faces": {
        "properties": {
            "event_id": {"type": "keyword"},
            "camera_id": {"type": "keyword"},
            "captured_at": {"type": "date"},
            "location": {"type": "geo_point"},
            "person_id": {"type": "keyword"},
            "ethnicity": {"type": "keyword"},
            "match_score": {"type": "float"},
            "face": {
                "properties": {
                    "beard": {"type": "boolean"},
                    "glasses": {"type": "boolean"},
                    "sunglasses": {"type": "boolean"},
                    "mask": {"type": "boolean"},
                    "smile": {"type": "boolean"},
                    "age_estimate": {"type": "integer"},
                    "gender": {"type": "keyword"},
                }
            },
            # core OpenSearch has no vector type (knn_vector is a plugin): plain floats
            "embedding": {"type": "float", "index": False},
        }
    },
    "checkpoint-devices": {
        "properties": {
            "resident_id": {"type": "keyword"},
            "name": {"type": "keyword"},
            "imei": {"type": "keyword"},
            "mac": {"type": "keyword"},
            "checkpoint": {"type": "keyword"},
            "location": {"type": "geo_point"},
            "passed_at": {"type": "date"},
            "direction": {"type": "keyword"},
        }
    },
    "vehicles": {
        "properties": {
            "plate": {"type": "keyword"},
            "vin": {"type": "keyword"},
            "owner_phone": {"type": "keyword"},
            "seen_at": {"type": "date"},
            "location": {"type": "geo_point"},
            "camera_id": {"type": "keyword"},
            "color": {"type": "keyword"},
            "vehicle_type": {"type": "keyword"},
        }
    },
    "app-logs": {
        "properties": {
            "ts": {"type": "date"},
            "level": {"type": "keyword"},
            "service": {"type": "keyword"},
            "message": {"type": "text"},
            "duration_ms": {"type": "integer"},
            "trace_id": {"type": "keyword"},
        }
    },
}

# ---------------------------------------------------------------------------------------
# identifiers with check digits


def cn_resident_check(first17):
    """ISO 7064 MOD 11-2 check character of a Chinese resident identity number."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * w for c, w in zip(first17, weights))
    return "10X98765432"[s % 11]


def cn_resident_valid(rid):
    if not re.fullmatch(r"\d{17}[\dX]", rid):
        return False
    try:
        dt.date(int(rid[6:10]), int(rid[10:12]), int(rid[12:14]))
    except ValueError:
        return False
    return cn_resident_check(rid[:17]) == rid[17]


def luhn_check(digits):
    """Luhn check digit to append to digits."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 0:  # these get doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number):
    return number[-1] == luhn_check(number[:-1])


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # no I, O, Q
VIN_VALUES = dict(zip("ABCDEFGH", range(1, 9)))
VIN_VALUES.update(dict(zip("JKLMN", range(1, 6))))
VIN_VALUES.update({"P": 7, "R": 9})
VIN_VALUES.update(dict(zip("STUVWXYZ", range(2, 10))))
VIN_VALUES.update({str(d): d for d in range(10)})
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(vin17):
    """Check digit (position 9) of a VIN, as in ISO 3779 / GB 16735 / 49 CFR 565."""
    s = sum(VIN_VALUES[c] * w for c, w in zip(vin17, VIN_WEIGHTS))
    r = s % 11
    return "X" if r == 10 else str(r)


def vin_valid(vin):
    return (len(vin) == 17 and all(c in VIN_CHARS for c in vin)
            and vin[8] == vin_check(vin))


# ---------------------------------------------------------------------------------------
# shared bits

PLACES = [  # (city, lat, lon)
    ("Urumqi", 43.8256, 87.6168),
    ("Kashgar", 39.4704, 75.9898),
    ("Hotan", 37.1107, 79.9225),
    ("Korla", 41.7259, 86.1746),
    ("Yining", 43.9168, 81.3242),
    ("Beijing", 39.9042, 116.4074),
]


def near(rng, lat, lon, km=8.0):
    dlat = rng.uniform(-km, km) / 111.0
    dlon = rng.uniform(-km, km) / (111.0 * math.cos(math.radians(lat)))
    return {"lat": round(lat + dlat, 6), "lon": round(lon + dlon, 6)}


def when(rng, days=30):
    t = BASE_TIME + dt.timedelta(seconds=rng.randrange(days * 86400))
    return t.astimezone(CST).isoformat()


def det_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


HAN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
HAN_GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
             "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓燕",
             "海燕", "文博", "子涵", "雨桐", "浩然", "欣怡", "宇航", "佳琪", "俊杰", "梓萱"]
UY_GIVEN = ["阿卜杜拉", "买买提", "艾力", "吐尔逊", "依明", "努尔兰", "古丽娜尔", "热依拉",
            "阿依古丽", "帕提古丽", "迪丽努尔", "艾合买提", "阿迪力", "麦合木提", "祖丽菲亚"]
UY_FATHER = ["艾买提", "吐尔逊", "阿不都热合曼", "依明", "卡德尔", "托合提", "司马义",
             "玉素甫", "肉孜", "阿布拉"]


def cn_name(rng, uyghur):
    if uyghur:
        return rng.choice(UY_GIVEN) + "·" + rng.choice(UY_FATHER)
    return rng.choice(HAN_SURNAMES) + rng.choice(HAN_GIVEN)


# ---------------------------------------------------------------------------------------
# generators: each yields (id, document)


def gen_faces(rng, n):
    cameras = []
    for i in range(40):
        city, lat, lon = PLACES[i % len(PLACES)]
        cameras.append((f"CAM-{city[:3].upper()}-{i + 1:04d}", near(rng, lat, lon)))
    people = [f"P{rng.randrange(10**7, 10**8)}" for _ in range(120)]
    ethnicities = ["汉族", "维吾尔族", "Uyghur", "Han", "哈萨克族", "回族", "Kazakh", "unknown"]
    eth_weights = [30, 30, 12, 10, 6, 5, 3, 4]
    for i in range(n):
        cam, loc = rng.choice(cameras)
        vec = [rng.gauss(0.0, 1.0) for _ in range(128)]
        norm = math.sqrt(sum(v * v for v in vec))
        gender = rng.choice(["male", "female"])
        doc = {
            "event_id": f"fe-{i + 1:06d}",
            "camera_id": cam,
            "captured_at": when(rng),
            "location": {"lat": round(loc["lat"] + rng.uniform(-1e-4, 1e-4), 6),
                         "lon": round(loc["lon"] + rng.uniform(-1e-4, 1e-4), 6)},
            "person_id": rng.choice(people),
            "ethnicity": rng.choices(ethnicities, eth_weights)[0],
            "match_score": round(rng.uniform(0.55, 0.99), 4),
            "face": {
                "beard": gender == "male" and rng.random() < 0.35,
                "glasses": rng.random() < 0.25,
                "sunglasses": rng.random() < 0.08,
                "mask": rng.random() < 0.15,
                "smile": rng.random() < 0.3,
                "age_estimate": rng.randint(16, 78),
                "gender": gender,
            },
            "embedding": [round(v / norm, 6) for v in vec],
        }
        yield doc["event_id"], doc


REGIONS = [  # resident id region prefixes (county level) and a checkpoint city
    ("110101", "Beijing"), ("110105", "Beijing"), ("310104", "Beijing"), ("440106", "Beijing"),
    ("650102", "Urumqi"), ("650103", "Urumqi"), ("650104", "Urumqi"),
    ("653101", "Kashgar"), ("653121", "Kashgar"), ("653201", "Hotan"),
    ("652801", "Korla"), ("654002", "Yining"),
]
CHECKPOINTS = [
    ("乌鲁木齐南站检查站", "Urumqi"), ("乌鲁木齐地窝堡机场安检口", "Urumqi"),
    ("喀什机场检查站", "Kashgar"), ("喀什古城便民警务站", "Kashgar"),
    ("和田北检查站", "Hotan"), ("库尔勒西检查站", "Korla"),
    ("伊宁市便民警务站12号", "Yining"), ("北京西站安检口", "Beijing"),
]
TACS = ["35332509", "35875108", "86891204", "35472410", "86769503", "35209811"]
OUIS = ["3c:22:fb", "f0:18:98", "a4:50:46", "28:6c:07", "ac:bc:32", "64:09:80", "b0:e2:35"]


def resident_id(rng):
    region = rng.choice(REGIONS)[0]
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
    seq = rng.randrange(1000)
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    rid = first17 + cn_resident_check(first17)
    assert cn_resident_valid(rid), rid
    return rid


def imei(rng):
    body = rng.choice(TACS) + f"{rng.randrange(10**6):06d}"
    n = body + luhn_check(body)
    assert len(n) == 15 and luhn_valid(n), n
    return n


def mac(rng):
    while True:
        tail = [rng.randrange(256) for _ in range(3)]
        m = rng.choice(OUIS) + ":" + ":".join(f"{b:02x}" for b in tail)
        if m not in ("00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"):
            return m


def gen_checkpoint(rng, n):
    city_pos = {c: (la, lo) for c, la, lo in PLACES}
    # some people pass more than once, with the same phone
    people = []
    for _ in range(150):
        rid = resident_id(rng)
        uy = rid[:2] == "65" and rng.random() < 0.7
        people.append((rid, cn_name(rng, uy), imei(rng), mac(rng)))
    for i in range(n):
        rid, name, im, mc = rng.choice(people)
        cp, city = rng.choice(CHECKPOINTS)
        lat, lon = city_pos[city]
        doc = {
            "resident_id": rid,
            "name": name,
            "imei": im,
            "mac": mc,
            "checkpoint": cp,
            "location": near(rng, lat, lon, km=3),
            "passed_at": when(rng),
            "direction": rng.choice(["in", "out"]),
        }
        yield f"cp-{i + 1:06d}", doc


PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, O
PLATE_ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
WMIS = ["LSV", "LFV", "LGB", "LVS", "LHG", "LSG", "LBV", "LGW"]
MOBILE_PREFIXES = ["130", "131", "132", "135", "136", "138", "139", "147", "150", "151",
                   "152", "157", "158", "159", "166", "175", "176", "177", "180", "181",
                   "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"]


def plate(rng):
    province = "新" if rng.random() < 0.5 else rng.choice(PROVINCES)
    letter = rng.choice(PLATE_LETTERS)
    digits = rng.randint(3, 5)  # mostly digits, like real plates
    rest = [rng.choice("0123456789") for _ in range(digits)]
    rest += [rng.choice(PLATE_ALNUM) for _ in range(5 - digits)]
    rng.shuffle(rest)
    sep = "·" if rng.random() < 0.3 else ""
    p = province + letter + sep + "".join(rest)
    assert re.fullmatch(r"[%s][A-HJ-NP-Z]·?[0-9A-HJ-NP-Z]{5}" % PROVINCES, p), p
    return p


def vin(rng):
    wmi = rng.choice(WMIS)
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    year = rng.choice("EFGHJKLMNPR")  # 2014 - 2024
    plant = rng.choice(VIN_CHARS)
    serial = "".join(rng.choice("0123456789") for _ in range(6))
    v = wmi + vds + "0" + year + plant + serial
    v = v[:8] + vin_check(v) + v[9:]
    assert vin_valid(v), v
    return v


def mobile(rng):
    m = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    assert re.fullmatch(r"1[3-9]\d{9}", m), m
    return m


def gen_vehicles(rng, n):
    cars = [(plate(rng), vin(rng), mobile(rng), rng.choice(["白", "黑", "银", "红", "蓝", "灰"]),
             rng.choice(["sedan", "suv", "van", "truck", "taxi"])) for _ in range(160)]
    cameras = []
    for i in range(25):
        city, lat, lon = PLACES[i % len(PLACES)]
        cameras.append((f"ANPR-{city[:3].upper()}-{i + 1:03d}", near(rng, lat, lon)))
    for i in range(n):
        p, v, phone, color, vtype = rng.choice(cars)
        cam, loc = rng.choice(cameras)
        doc = {
            "plate": p,
            "vin": v,
            "owner_phone": phone,
            "seen_at": when(rng),
            "location": loc,
            "camera_id": cam,
            "color": color,
            "vehicle_type": vtype,
        }
        yield f"veh-{i + 1:06d}", doc


LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud "
         "exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure "
         "in reprehenderit voluptate velit esse cillum fugiat nulla pariatur").split()
LOG_PREFIXES = ["cache refresh", "request handled", "job finished", "retrying upstream",
                "config reloaded", "queue drained", "slow query", "health check"]


def gen_logs(rng, n):
    services = ["gateway", "billing", "search", "scheduler", "render", "inventory"]
    levels = ["DEBUG", "INFO", "WARN", "ERROR"]
    for i in range(n):
        words = " ".join(rng.choice(LOREM) for _ in range(rng.randint(5, 14)))
        while True:  # no long digit runs that could look like ids or phone numbers
            trace = det_uuid(rng)
            if not re.search(r"\d{6}", trace):
                break
        doc = {
            "ts": when(rng, days=7),
            "level": rng.choices(levels, [20, 60, 15, 5])[0],
            "service": rng.choice(services),
            "message": f"{rng.choice(LOG_PREFIXES)}: {words}",
            "duration_ms": int(rng.expovariate(1 / 120.0)) % 5000,
            "trace_id": trace,
        }
        yield f"log-{i + 1:06d}", doc


GENERATORS = {
    "smartcity-faces": gen_faces,
    "checkpoint-devices": gen_checkpoint,
    "vehicles": gen_vehicles,
    "app-logs": gen_logs,
}


def documents(index):
    rng = random.Random(SEEDS[index])
    return list(GENERATORS[index](rng, COUNTS[index]))


# ---------------------------------------------------------------------------------------
# HTTP


class Client:
    def __init__(self, url, user=None, insecure=False):
        self.url = url.rstrip("/")
        self.headers = {}
        if user:
            self.headers["Authorization"] = "Basic " + base64.b64encode(user.encode()).decode()
        self.ctx = None
        if self.url.startswith("https:"):
            self.ctx = ssl.create_default_context()
            if insecure:
                self.ctx.check_hostname = False
                self.ctx.verify_mode = ssl.CERT_NONE

    def call(self, method, path, body=None, ctype="application/json", ok404=False):
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers=dict(self.headers))
        if data is not None:
            req.add_header("Content-Type", ctype)
        try:
            with urllib.request.urlopen(req, timeout=60, context=self.ctx) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if ok404 and e.code == 404:
                return None
            raise SystemExit(f"seed: {method} {path}: HTTP {e.code}: {e.read()[:500]!r}")


def seed(client, index):
    docs = documents(index)
    client.call("DELETE", "/" + index, ok404=True)
    client.call("PUT", "/" + index, {"settings": INDEX_SETTINGS, "mappings": MAPPINGS[index]})
    for start in range(0, len(docs), 200):
        lines = []
        for _id, doc in docs[start:start + 200]:
            lines.append(json.dumps({"index": {"_index": index, "_id": _id}}))
            lines.append(json.dumps(doc, ensure_ascii=False))
        body = ("\n".join(lines) + "\n").encode("utf-8")
        r = client.call("POST", "/_bulk", body, ctype="application/x-ndjson")
        if r.get("errors"):
            bad = [it for it in r["items"] if it.get("index", {}).get("error")][:3]
            raise SystemExit(f"seed: bulk into {index} had errors: {json.dumps(bad)[:1000]}")
    client.call("POST", f"/{index}/_refresh")
    got = client.call("GET", f"/{index}/_count")["count"]
    if got != len(docs):
        raise SystemExit(f"seed: {index} has {got} documents, expected {len(docs)}")
    return got


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url")
    ap.add_argument("--user", help="user:password for basic auth")
    ap.add_argument("--insecure", action="store_true")
    ap.add_argument("--manifest", help="write {index: count} here as JSON")
    ap.add_argument("--dump", metavar="INDEX", help="print INDEX's documents as NDJSON and exit")
    a = ap.parse_args()
    if a.dump:
        for _id, doc in documents(a.dump):
            print(json.dumps({"_id": _id, **doc}, ensure_ascii=False))
        return
    if not a.url:
        ap.error("--url is required")
    client = Client(a.url, a.user, a.insecure)
    counts = {}
    for index in COUNTS:
        counts[index] = seed(client, index)
        print(f"seed: {index}: {counts[index]} documents", file=sys.stderr)
    if a.manifest:
        with open(a.manifest, "w") as f:
            json.dump(counts, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
