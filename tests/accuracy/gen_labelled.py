#!/usr/bin/env python3
"""Generate ajar's labelled accuracy corpus.

    gen_labelled.py OUT_DIR [--seed N] [--records N]

Writes ~40 data files (NDJSON, JSON top-level arrays, CSV, TSV, plain text,
gzip'ed NDJSON) and OUT_DIR/labels.json:

    {"FILE_BASENAME": {"FIELD_PATH": ["category", ...],   # [] = labelled negative
                       "__profiles__": ["tracking", ...]}, ...}

Every field that occurs in a file is listed. Field paths follow ajar's
conventions (docs/report.md and the accuracy README): dotted paths, `a[].b`
for objects in arrays, `a[]` for arrays of scalar strings/numbers, vectors
([lon,lat], embeddings) and geo_point objects as one value at their own
path, the column header for CSV/TSV, `$` for plain text.

Deterministic: the same seed gives byte-identical output.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synth as S  # noqa: E402

# ---------------------------------------------------------------------------
# category ids (docs/report.md, Categories)
NAME, NID, PASS, DEMO = "identity.name", "identity.national_id", "identity.passport", "identity.demographic"
EMAIL, PHONE, ADDR = "contact.email", "contact.phone", "contact.address"
IMEI, IMSI, MAC, IP, ADID = "device.imei", "device.imsi", "device.mac", "device.ip", "device.advertising_id"
LOC, PLATE, VIN = "location.coordinates", "vehicle.plate", "vehicle.vin"
CARD, IBAN, FACE = "financial.card", "financial.iban", "biometric.face"
ETH, REL, POL, HEALTH, SECRET = "special.ethnicity", "special.religion", "special.political", "special.health", "credential.secret"

# person or device identifiers, for the `tracking` profile
IDENTIFIERS = {NAME, NID, PASS, EMAIL, PHONE, IMEI, IMSI, MAC, IP, ADID, PLATE, VIN}


class Kind:
    """One kind of field: categories, value generator, candidate names."""

    def __init__(self, kid, cats, gen, en, zh=(), py=(), opaque=False, flat=True,
                 flags=(), init=None, shape="scalar"):
        self.id, self.cats, self.gen = kid, list(cats), gen
        self.en, self.zh, self.py = list(en), list(zh), list(py)
        self.opaque, self.flat, self.flags = opaque, flat, set(flags)
        self.init = init or (lambda rng: {})
        self.shape = shape  # scalar | vector | geo


K: dict[str, Kind] = {}


def kind(*a, **kw):
    k = Kind(*a, **kw)
    K[k.id] = k


def _pick(opts):
    return lambda rng: {"v": rng.choice(opts)}


# --- identity ---------------------------------------------------------------
kind("cn_id", [NID], lambda r, s: S.cn_resident_id(r), ["id_card", "idcard_no", "resident_id", "id_number", "citizen_id", "idcard"],
     ["身份证号", "公民身份号码", "身份证号码"], ["sfzh", "gmsfhm", "zjhm"], opaque=True)
kind("us_ssn", [NID], lambda r, s: S.us_ssn(r, s["v"]), ["ssn", "social_security_number", "ssn_no"], init=_pick([True, False]))
kind("uk_nino", [NID], lambda r, s: S.uk_nino(r, s["v"]), ["nino", "ni_number", "national_insurance_no"], init=_pick([True, False]))
kind("es_dni", [NID], lambda r, s: S.es_dni(r), ["dni", "nif", "documento_identidad"], opaque=True)
kind("es_nie", [NID], lambda r, s: S.es_nie(r), ["nie", "nie_number"])
kind("aadhaar", [NID], lambda r, s: S.in_aadhaar(r, s["v"]), ["aadhaar", "aadhaar_no", "aadhaar_number", "uid_no"], opaque=True, init=_pick([False, False, True]))
kind("fr_nir", [NID], lambda r, s: S.fr_nir(r), ["nir", "insee_number", "numero_securite_sociale"], opaque=True)
kind("it_cf", [NID], lambda r, s: S.it_codice_fiscale(r), ["codice_fiscale", "tax_code", "cod_fiscale"], opaque=True)
kind("br_cpf", [NID], lambda r, s: S.br_cpf(r, s["v"]), ["cpf", "cpf_number"], opaque=True, init=_pick([True, False]))
kind("kr_rrn", [NID], lambda r, s: S.kr_rrn(r, s["v"]), ["rrn", "resident_registration_no", "jumin_number"], opaque=True, init=_pick([True, False]))
kind("jp_my", [NID], lambda r, s: S.jp_my_number(r), ["my_number", "mynumber", "individual_number"])
kind("de_steuer", [NID], lambda r, s: S.de_steuer_id(r), ["steuer_id", "steuerid", "steuer_idnr"])
kind("nl_bsn", [NID], lambda r, s: S.nl_bsn(r), ["bsn", "burgerservicenummer", "bsn_number"])
kind("passport", [PASS], lambda r, s: S.passport(r), ["passport", "passport_no", "passport_number"], ["护照号码", "护照号"], ["hzhm"])
kind("cn_name", [NAME], lambda r, s: S.cn_name(r), ["name", "full_name", "person_name", "real_name"], ["姓名"], ["xm"], opaque=True)
kind("en_name", [NAME], lambda r, s: S.en_name(r), ["name", "full_name", "customer_name", "holder_name", "employee_name"], opaque=True)
kind("first_name", [NAME], lambda r, s: r.choice(S.EN_FIRST), ["first_name", "given_name"])
kind("last_name", [NAME], lambda r, s: r.choice(S.EN_LAST), ["last_name", "surname", "family_name"])
kind("dob", [DEMO], lambda r, s: S.dob_iso(r), ["dob", "birthday", "date_of_birth", "birth_date"], ["出生日期"], ["csrq"])
kind("age", [DEMO], lambda r, s: r.randint(0, 99), ["age"], ["年龄"])
kind("gender", [DEMO], lambda r, s: r.choice(s["v"]), ["gender", "sex"], ["性别"], ["xb"],
     init=_pick([["male", "female"], ["男", "女"], ["Male", "Female"]]))
kind("nationality", [DEMO], lambda r, s: r.choice(S.NATIONALITY), ["nationality", "citizenship"], ["国籍"], ["gj"])
# --- contact ----------------------------------------------------------------
kind("email", [EMAIL], lambda r, s: S.email(r), ["email", "email_address", "contact_email", "mail"], ["电子邮箱", "邮箱"], opaque=True)
kind("cn_mobile", [PHONE], lambda r, s: S.cn_mobile(r, s["v"] and r.random() < 0.5),
     ["phone", "mobile", "phone_number", "cell_phone", "mobile_no", "contact_phone"], ["手机号", "联系电话", "手机号码"], ["sjhm", "lxdh"],
     opaque=True, init=_pick([False, False, True]))
kind("e164", [PHONE], lambda r, s: S.e164(r), ["phone", "tel", "phone_number", "contact_phone", "msisdn"], opaque=True)
kind("phone_nat", [PHONE], lambda r, s: S.phone_national(r), ["phone", "telephone", "home_phone", "work_phone"])
kind("address", [ADDR], lambda r, s: S.address(r, s["v"]), ["address", "home_address", "street_address", "addr", "mailing_address"],
     ["住址", "家庭住址", "户籍地址"], ["dz", "zz", "hjdz"], init=_pick(["mix", "cn", "uk", "us"]))
# --- device -----------------------------------------------------------------
kind("imei", [IMEI], lambda r, s: S.imei(r), ["imei", "device_imei", "imei_no"], ["手机串号"], ["imei"], opaque=True)
kind("imsi", [IMSI], lambda r, s: S.imsi(r), ["imsi", "subscriber_imsi"], [], ["imsi"])
kind("mac", [MAC], lambda r, s: S.mac(r, *s["v"]), ["mac", "mac_address", "wifi_mac", "device_mac"], ["MAC地址"], ["mac", "macdz"],
     opaque=True, init=_pick([(False, ":"), (True, ":"), (True, "-"), (False, ":")]))
kind("ipv4", [IP], lambda r, s: S.ipv4(r), ["ip", "client_ip", "ip_address", "src_ip", "remote_addr", "login_ip"], ["IP地址"], ["ip", "dlip"], opaque=True)
kind("ipv6", [IP], lambda r, s: S.ipv6(r), ["ipv6", "client_ipv6", "ip6_address"], opaque=True)
kind("adid", [ADID], lambda r, s: S.uuid4(r, s["v"]), ["idfa", "gaid", "advertising_id", "ad_id", "adid"], init=_pick([True, False]))
# --- location ---------------------------------------------------------------


def _geo(r, s):
    la, lo = S.latlon(r)
    return {"lat": la, "lon": lo}


def _lonlat(r, s):
    la, lo = S.latlon(r)
    return [lo, la]


def _latlon_str(r, s):
    la, lo = S.latlon(r)
    return "%s,%s" % (la, lo)


kind("geo_point", [LOC], _geo, ["location", "geo", "position", "gps", "geo_point"], ["位置", "坐标"], opaque=True, flat=False, flags={"location"}, shape="geo")
kind("lonlat", [LOC], _lonlat, ["location", "coordinates", "lonlat", "geo_location"], ["坐标"], flat=False, flags={"location"}, shape="vector")
kind("latlon_str", [LOC], _latlon_str, ["location", "latlng", "gps", "coordinates", "position"], ["位置"], flags={"location"})
kind("lat", [LOC], lambda r, s: S.latlon(r)[0], ["lat", "latitude"], ["纬度"], ["wd"], flags={"location"})
kind("lon", [LOC], lambda r, s: S.latlon(r)[1], ["lon", "longitude"], ["经度"], ["jd"], flags={"location"})
kind("geohash", [LOC], lambda r, s: S.geohash(*S.latlon(r), prec=r.choice([7, 8, 9])), ["geohash", "geo_hash", "location_geohash"], flags={"location"})
# --- vehicle ----------------------------------------------------------------
kind("cn_plate", [PLATE], lambda r, s: S.cn_plate(r, s["v"]), ["plate", "plate_no", "license_plate", "plate_number"],
     ["车牌号", "号牌号码", "车牌号码"], ["cph", "hphm"], opaque=True, init=_pick([False, False, True]))
kind("uk_plate", [PLATE], lambda r, s: S.uk_plate(r), ["plate", "registration", "license_plate", "reg_plate"])
kind("vin", [VIN], lambda r, s: S.vin(r), ["vin", "vin_code", "chassis_no"], ["车架号", "车辆识别代号"], ["clsbdh"], opaque=True)
# --- financial --------------------------------------------------------------
kind("card", [CARD], lambda r, s: S.card(r, spaced=s["v"]), ["card_number", "credit_card", "pan", "cc_number", "bank_card"], ["银行卡号"], ["yhkh"],
     opaque=True, init=_pick([False, False, True]))
kind("iban", [IBAN], lambda r, s: S.iban(r, s["v"]), ["iban", "iban_number", "account_iban"], opaque=True, init=_pick([False, False, True]))
# --- biometric --------------------------------------------------------------


def _crop(r, s):
    b = S.face_crop_b64(r, s["v"][0])
    return ("data:image/%s;base64," % s["v"][0] + b) if s["v"][1] else b


kind("face_crop", [FACE], _crop, ["photo", "face_image", "face_img", "portrait", "face_photo"], ["人脸照片", "照片"], ["zp", "rlzp"],
     init=_pick([("jpeg", False), ("jpeg", False), ("png", False), ("jpeg", True)]))
kind("embedding", [FACE], lambda r, s: S.embedding(r, s["v"]), ["embedding", "feature", "feature_vector"], flat=False, shape="vector",
     init=_pick([128, 128, 256, 512]))
kind("face_embedding", [FACE], lambda r, s: S.embedding(r, s["v"]), ["face_embedding", "face_feature", "face_vector"], flat=False, shape="vector",
     init=_pick([128, 256]))
# an age or gender estimated from a face is both (docs/report.md, Categories)
for _a in ["beard", "glasses", "sunglasses", "mask", "smile", "age_estimate", "gender_estimate"]:
    kind("fa_" + _a, [FACE, DEMO] if _a.endswith("_estimate") else [FACE], (lambda a: lambda r, s: S.face_attr_value(r, a, s["v"]))(_a), [_a],
         init=_pick(["bool", "score", "word"]))
# --- special ----------------------------------------------------------------
kind("eth_cn", [ETH], lambda r, s: S.cn_ethnicity(r), ["ethnicity", "ethnic_group"], ["民族"], ["mz"], opaque=True)
kind("eth_en", [ETH], lambda r, s: r.choice(S.EN_ETHNIC), ["ethnicity", "race", "ethnic_origin"])
kind("religion", [REL], lambda r, s: r.choice(s["v"]), ["religion", "faith"], ["宗教信仰", "宗教"], ["zjxy"],
     init=_pick([S.RELIGION_EN, S.RELIGION_ZH]))
kind("political", [POL], lambda r, s: r.choice(s["v"]), ["political_affiliation", "party", "political_status", "party_membership"],
     ["政治面貌"], ["zzmm"], init=_pick([S.POLITICAL_EN, S.POLITICAL_ZH]))
kind("health", [HEALTH], lambda r, s: r.choice(s["v"]), ["diagnosis", "medical_condition", "condition", "disease", "chronic_conditions"],
     ["诊断", "病史", "疾病"], init=_pick([S.HEALTH_EN, S.HEALTH_ZH]))
kind("icd10", [HEALTH], lambda r, s: r.choice(S.ICD10), ["icd10", "icd_code", "diagnosis_code", "icd10_code"])
# --- credentials ------------------------------------------------------------
kind("pem", [SECRET], lambda r, s: S.pem_private_key(r), ["private_key", "ssh_private_key", "tls_key"], opaque=True, flat=False)
kind("aws", [SECRET], lambda r, s: S.aws_key_id(r), ["aws_access_key_id", "access_key_id", "aws_key"], opaque=True)
kind("jwt", [SECRET], lambda r, s: S.jwt(r), ["token", "access_token", "auth_token", "jwt", "id_token"], opaque=True)
kind("bcrypt", [SECRET], lambda r, s: S.bcrypt_hash(r), ["password_hash", "pwd_hash", "hashed_password"], opaque=True)
kind("argon2", [SECRET], lambda r, s: S.argon2_hash(r), ["password_hash", "pwd_hash", "pass_hash"])
kind("password", [SECRET], lambda r, s: S.plain_password(r), ["password", "passwd", "pwd", "user_password"], ["密码"], ["mm"])

# --- negatives (labelled []) -------------------------------------------------
kind("req_uuid", [], lambda r, s: S.uuid4(r), ["request_id", "trace_id", "session_id", "correlation_id"])
kind("event_uuid", [], lambda r, s: S.uuid4(r), ["event_id", "capture_id", "record_uuid"])
kind("version", [], lambda r, s: S.semver(r), ["version", "build", "app_version", "os_build", "firmware_version"])
kind("order_no", [], lambda r, s: S.order_no(r), ["order_no", "order_id", "order_number"])
kind("hash", [], lambda r, s: S.hexdigest(r, s["v"]), ["etag", "content_hash", "checksum", "sha256", "file_md5"], init=_pick([256, 256, 128]))
kind("epoch", [], lambda r, s: S.epoch(r, s["v"]), ["ts", "timestamp", "event_ts"], flags={"time"}, init=_pick([False, True]))
kind("iso_ts", [], lambda r, s: S.iso_ts(r, s["v"]), ["created_at", "captured_at", "updated_at", "event_time", "passed_at", "seen_at"],
     ["抓拍时间", "通过时间", "采集时间"], ["tgsj", "zpsj", "cjsj"], flags={"time"}, init=_pick(["iso", "iso", "cn", "compact"]))
kind("rand_num", [], lambda r, s: S.random_number(r, s["v"]), ["sequence_no", "serial", "serial_no", "tracking_number", "seq_no", "batch_no"],
     opaque=True, init=_pick([9, 11, 12, 15, 18]))
kind("lorem", [], lambda r, s: S.lorem(r), ["description", "message", "body", "comment", "summary"], opaque=True)
kind("product_name", [], lambda r, s: r.choice(S.PRODUCTS), ["product_name", "item_name", "title"])
kind("product_as_name", [], lambda r, s: r.choice(S.PRODUCTS), ["name"])
kind("sku", [], lambda r, s: S.sku(r), ["sku", "product_code"])
# hard negatives for names read from values (person.c): under names that
# say nothing, towns, firms, colours and departments are not people,
# though some are called as people are (Charlotte, Amber, Morgan & Co.)
kind("city", [], lambda r, s: r.choice(S.CITIES), ["city", "town", "ciudad", "stadt"], opaque=True)
kind("company", [], lambda r, s: S.company(r), ["company", "employer", "supplier", "vendor_name"], opaque=True)
kind("product_opaque", [], lambda r, s: r.choice(S.PRODUCTS), ["product"], opaque=True)
kind("colour", [], lambda r, s: r.choice(S.COLOURS), ["colour", "color", "vehicle_color"], opaque=True)
kind("department", [], lambda r, s: r.choice(S.DEPARTMENTS), ["department", "dept", "team"], opaque=True)
kind("vehicle_make", [], lambda r, s: r.choice(S.MAKES), ["make", "vehicle_make", "brand"], opaque=True)
kind("price", [], lambda r, s: round(r.uniform(0.5, 999), 2), ["price", "amount", "unit_price"], opaque=True)
kind("quantity", [], lambda r, s: r.randint(1, 500), ["quantity", "qty", "count"], opaque=True)
kind("camera_name", [], lambda r, s: S.camera_name(r), ["camera_name", "camera", "cam_name"], ["摄像头名称", "点位名称"], flags={"place"})
kind("camera_id", [], lambda r, s: S.gb28181_id(r) if s["v"] else "CAM-%05d" % r.randint(1, 99999),
     ["camera_id", "channel_id", "cam_id"], ["设备编号"], ["sbbh"], flags={"place"}, init=_pick([True, False]))
kind("checkpoint", [], lambda r, s: r.choice(S.CHECKPOINTS), ["checkpoint", "checkpoint_name", "site", "station"], ["卡口名称", "检查站"], ["kkmc"],
     flags={"place"})
kind("host_name", [], lambda r, s: S.host_name(r), ["host_name", "hostname", "host"])
kind("file_name", [], lambda r, s: S.file_name(r), ["file_name", "filename", "attachment_name"])
kind("empty_phone", [], lambda r, s: r.choice(["", "N/A", None, "", None]), ["phone", "mobile", "tel", "phone_number"], ["联系电话"], ["lxdh"])
kind("user_id", [], lambda r, s: r.randint(1, 9999999) if s["v"] else "U%07d" % r.randint(1, 9999999),
     ["user_id", "id", "record_id", "uid", "customer_id"], init=_pick([True, False]))
kind("level", [], lambda r, s: r.choice(["INFO", "INFO", "DEBUG", "WARN", "ERROR"]), ["level", "log_level", "severity"])
kind("service", [], lambda r, s: r.choice(["checkout", "auth", "search", "media-store", "gateway"]), ["service", "app", "component"])
kind("duration_ms", [], lambda r, s: r.randint(1, 30000), ["duration_ms", "latency_ms", "elapsed_ms"])
kind("status_code", [], lambda r, s: r.choice([200, 200, 201, 204, 301, 404, 500, 503]), ["status_code", "http_status"])
kind("metric", [], lambda r, s: round(r.uniform(0, s["v"]), 3), ["cpu_pct", "mem_mb", "load_avg", "disk_io", "bytes_sent", "gc_pause_ms"],
     opaque=True, init=_pick([100, 16384, 8, 5000]))
kind("url_path", [], lambda r, s: "/api/v%d/%s/%d" % (r.randint(1, 3), r.choice(["orders", "items", "search", "media"]), r.randint(1, 99999)),
     ["path", "endpoint", "route"])
kind("currency", [], lambda r, s: r.choice(["USD", "EUR", "CNY", "GBP"]), ["currency"])
kind("score", [], lambda r, s: round(r.uniform(0.5, 1), 4), ["match_score", "similarity", "quality_score"])
kind("event_type", [], lambda r, s: r.choice(s["v"]), ["event_type", "action", "type"],
     init=_pick([["face_capture", "face_match"], ["login", "logout", "purchase"], ["pass", "stop"]]))
kind("tag", [], lambda r, s: r.choice(["vip", "new", "promo", "archived", "beta", "eu", "apac"]), ["tags", "labels"])
kind("speed", [], lambda r, s: r.randint(0, 140), ["speed_kmh", "speed"])
kind("lane", [], lambda r, s: r.randint(1, 6), ["lane", "lane_no"], ["车道号"], ["cdh"])
kind("color", [], lambda r, s: r.choice(["white", "black", "silver", "红", "蓝", "白"]), ["vehicle_color", "color"], ["车身颜色"], ["csys"])
kind("cell_id", [], lambda r, s: r.randint(10000, 268435455), ["cell_id", "ci", "lac"])

DECOYS = ["req_uuid", "version", "order_no", "hash", "epoch", "rand_num", "lorem", "sku", "price", "quantity",
          "host_name", "file_name", "user_id", "status_code", "url_path", "metric", "currency"]
OPAQUE_DECOYS = ["rand_num", "lorem", "price", "quantity", "metric"]

# ---------------------------------------------------------------------------
# schema nodes


class Leaf:
    def __init__(self, key, k, st, opaque):
        self.key, self.k, self.st, self.opaque = key, k, st, opaque


class Obj:
    def __init__(self, key, children):
        self.key, self.children = key, children


class ObjArr(Obj):
    pass


class SArr:
    def __init__(self, key, k, st):
        self.key, self.k, self.st, self.opaque = key, k, st, False


CONTAINERS = {
    "person": (["person", "subject", "person_info", "target"], ["人员信息", "人员"], ["ryxx"]),
    "owner": (["owner", "driver", "vehicle_owner"], ["车主"], ["cz"]),
    "face": (["face", "face_info", "face_attributes"], [], []),
    "devices": (["devices", "device_list", "terminals"], ["设备列表"], []),
    "logins": (["logins", "login_history"], [], []),
    "contacts": (["contacts", "emergency_contacts"], ["联系人"], []),
    "vehicle": (["vehicle", "car"], ["车辆信息"], ["clxx"]),
    "meta": (["meta", "metadata", "_source_meta"], [], []),
    "patient": (["patient", "subject"], ["患者"], []),
}
SARR_NAMES = {"email": ["emails", "email_addresses"], "cn_mobile": ["phones", "phone_numbers"], "e164": ["phones", "phone_numbers"],
              "tag": ["tags", "labels"], "ipv4": ["ip_history", "ips"], "cn_plate": ["plates_seen", "plates"]}


def camel(s):
    p = s.split("_")
    return p[0] + "".join(x[:1].upper() + x[1:] for x in p[1:])


class Builder:
    STYLES = ["snake", "camel", "kebab", "zh", "py", "upper", "mixed"]

    def __init__(self, rng, style, flat, opaque_ratio=0.0):
        self.rng, self.style, self.flat, self.opaque_ratio = rng, style, flat, opaque_ratio
        self.opaque_fmt = rng.choice(["f%d", "col%d", "c_%d", "attr%d", "field%d", "x%d"])
        self.opaque_n = rng.randint(1, 5)
        self.top = set()

    def _names(self, en, zh, py, style):
        rng = self.rng
        if style == "mixed":
            style = rng.choice(["snake", "camel", "kebab", "zh", "py", "upper"])
        if style == "zh" and zh:
            return list(zh)
        if style in ("py", "upper") and py:
            return [n.upper() for n in py] if style == "upper" else list(py)
        if style == "camel" or (style == "zh" and rng.random() < 0.5):
            return [camel(n) for n in en]
        if style == "kebab":
            return [n.replace("_", "-") for n in en]
        if style == "upper":
            return [n.upper() for n in en]
        return list(en)

    def _take(self, ns, names):
        names = names[:]
        self.rng.shuffle(names)
        for n in names:
            if n not in ns:
                ns.add(n)
                return n
        return None

    def _opaque_name(self, ns):
        while True:
            n = self.opaque_fmt % self.opaque_n
            self.opaque_n += self.rng.randint(1, 3)
            if n not in ns:
                ns.add(n)
                return n

    def leaf(self, kid, ns=None, style=None, force_opaque=None):
        ns = self.top if ns is None else ns
        k = K[kid]
        if self.flat and not k.flat:
            return []
        can_opaque = k.opaque and not (k.flags & {"time", "place"})
        op = force_opaque if force_opaque is not None else (can_opaque and self.rng.random() < self.opaque_ratio)
        if op:
            name = self._opaque_name(ns)
        else:
            name = self._take(ns, self._names(k.en, k.zh, k.py, style or self.style))
            if name is None:
                name = self._take(ns, k.en)
            if name is None:
                return []
        return [Leaf(name, k, k.init(self.rng), op)]

    def latlon_pair(self, ns=None):
        ns = self.top if ns is None else ns
        style = self.style if self.style != "mixed" else self.rng.choice(["snake", "zh", "py"])
        pairs = {"zh": [("纬度", "经度")], "py": [("wd", "jd")], "upper": [("LAT", "LON"), ("WD", "JD")]}.get(
            style, [("lat", "lon"), ("latitude", "longitude"), ("lat", "lng")])
        la, lo = self.rng.choice(pairs)
        if la in ns or lo in ns:
            return []
        ns.update((la, lo))
        return [Leaf(la, K["lat"], {}, False), Leaf(lo, K["lon"], {}, False)]

    def location(self, ns=None, allow_vec=True):
        r = self.rng.random()
        if self.flat or not allow_vec:
            return self.latlon_pair(ns) if r < 0.6 else (self.leaf("latlon_str", ns) if r < 0.85 else self.leaf("geohash", ns))
        if r < 0.55:
            return self.leaf("geo_point", ns)
        if r < 0.75:
            return self.leaf("lonlat", ns)
        if r < 0.85:
            return self.latlon_pair(ns)
        return self.leaf("latlon_str", ns)

    def obj(self, cid, fn, arr=False):
        """fn(ns) -> list of nodes. Flat formats hoist the children."""
        if self.flat:
            return fn(self.top)
        en, zh, py = CONTAINERS[cid]
        name = self._take(self.top, self._names(en, zh, py, self.style)) or self._take(self.top, en)
        if name is None:
            return []
        kids = fn(set())
        if not kids:
            return []
        return [(ObjArr if arr else Obj)(name, kids)]

    def sarr(self, kid):
        if self.flat:
            return self.leaf(kid)
        name = self._take(self.top, SARR_NAMES[kid])
        if name is None:
            return []
        return [SArr(name, K[kid], K[kid].init(self.rng))]

    def face(self):
        if self.flat:
            return []

        def kids(ns):
            attrs = ["beard", "glasses", "sunglasses", "mask", "smile", "age_estimate", "gender_estimate"]
            self.rng.shuffle(attrs)
            st = "camel" if self.style == "camel" else "snake"
            out = []
            for a in sorted(attrs[: self.rng.randint(3, 7)]):
                out += self.leaf("fa_" + a, ns, style=st, force_opaque=False)
            if self.rng.random() < 0.7:
                out += self.leaf("embedding", ns, style=st, force_opaque=False)
            return out
        return self.obj("face", kids)

    def decoys(self, n, pool=DECOYS):
        out = []
        for kid in self.rng.sample(pool, min(n, len(pool))):
            out += self.leaf(kid)
        return out

    def maybe(self, p, fn):
        return fn() if self.rng.random() < p else []


# ---------------------------------------------------------------------------
# themes: each returns the node list for one file


def th_faces(b: Builder):
    r = b.rng
    n = b.leaf("event_uuid") + b.leaf("camera_id") + b.maybe(0.6, lambda: b.leaf("camera_name"))
    n += b.leaf("iso_ts" if r.random() < 0.7 else "epoch")
    n += b.location()
    n += b.face()

    def person(ns):
        out = b.leaf("cn_id", ns) + b.leaf("cn_name", ns)
        out += b.maybe(0.6, lambda: b.leaf("eth_cn", ns)) + b.maybe(0.4, lambda: b.leaf("gender", ns))
        out += b.maybe(0.3, lambda: b.leaf("dob", ns)) + b.maybe(0.3, lambda: b.leaf("address", ns))
        return out
    n += b.obj("person", person)
    n += b.maybe(0.5, lambda: b.leaf("face_crop")) + b.maybe(0.5, lambda: b.leaf("score"))
    n += b.maybe(0.3, lambda: b.leaf("face_embedding")) + b.maybe(0.4, lambda: b.leaf("event_type"))
    return n + b.decoys(r.randint(1, 3))


def th_checkpoint(b: Builder):
    r = b.rng
    n = b.leaf("cn_id") + b.leaf("cn_name") + b.leaf("imei") + b.leaf("mac")
    n += b.maybe(0.6, lambda: b.leaf("imsi")) + b.leaf("checkpoint") + b.leaf("iso_ts")
    n += b.location(allow_vec=False)
    n += b.maybe(0.5, lambda: b.leaf("cn_mobile")) + b.maybe(0.4, lambda: b.leaf("eth_cn"))
    n += b.maybe(0.3, lambda: b.leaf("cn_plate")) + b.maybe(0.3, lambda: b.leaf("face_crop"))
    n += b.maybe(0.3, lambda: b.leaf("camera_id"))
    return n + b.decoys(r.randint(1, 3))


def th_vehicles(b: Builder):
    r = b.rng
    n = b.leaf("cn_plate" if r.random() < 0.8 else "uk_plate") + b.maybe(0.8, lambda: b.leaf("vin"))
    n += b.obj("owner", lambda ns: b.leaf(r.choice(["cn_name", "en_name"]), ns) + b.leaf(r.choice(["cn_mobile", "e164"]), ns)
               + b.maybe(0.4, lambda: b.leaf("cn_id", ns)))
    n += b.location() + b.leaf("iso_ts") + b.leaf(r.choice(["camera_name", "camera_id", "checkpoint"]))
    n += b.maybe(0.5, lambda: b.leaf("speed")) + b.maybe(0.4, lambda: b.leaf("lane")) + b.maybe(0.5, lambda: b.leaf("color"))
    n += b.maybe(0.3, lambda: b.sarr("cn_plate"))
    return n + b.decoys(r.randint(1, 3))


def th_customers(b: Builder):
    r = b.rng
    n = b.leaf("user_id") + b.leaf(r.choice(["en_name", "en_name", "cn_name"])) + b.leaf("email")
    n += b.leaf(r.choice(["e164", "phone_nat", "cn_mobile"])) + b.maybe(0.8, lambda: b.leaf("address"))
    n += b.maybe(0.6, lambda: b.leaf("dob")) + b.maybe(0.5, lambda: b.leaf("gender")) + b.maybe(0.3, lambda: b.leaf("nationality"))
    n += b.maybe(0.4, lambda: b.leaf("card")) + b.maybe(0.6, lambda: b.leaf("iban"))
    n += b.maybe(0.3, lambda: b.leaf(r.choice(["us_ssn", "uk_nino", "passport"])))
    n += b.maybe(0.6, lambda: b.leaf("iso_ts"))
    n += b.maybe(0.5, lambda: b.obj("contacts", lambda ns: b.leaf("en_name", ns) + b.leaf("e164", ns), arr=True))
    n += b.maybe(0.4, lambda: b.sarr("email")) + b.maybe(0.4, lambda: b.sarr("tag"))
    n += b.maybe(0.3, lambda: b.leaf("first_name") + b.leaf("last_name"))
    return n + b.decoys(r.randint(1, 4))


def th_patients(b: Builder):
    r = b.rng
    pat = lambda ns: (b.leaf(r.choice(["en_name", "cn_name"]), ns) + b.leaf("dob", ns) + b.leaf("gender", ns)
                      + b.maybe(0.85, lambda: b.leaf("religion", ns)) + b.leaf(r.choice(["eth_en", "eth_cn"]), ns)
                      + b.maybe(0.3, lambda: b.leaf("age", ns)) + b.maybe(0.3, lambda: b.leaf("address", ns)))
    n = b.leaf("user_id") + (b.obj("patient", pat) if r.random() < 0.5 else pat(b.top))
    n += b.leaf("health") + b.maybe(0.8, lambda: b.leaf("icd10")) + b.maybe(0.6, lambda: b.leaf("political"))
    n += b.maybe(0.4, lambda: b.leaf(r.choice(["phone_nat", "cn_mobile"]))) + b.maybe(0.4, lambda: b.leaf("iso_ts"))
    return n + b.decoys(r.randint(1, 3))


def th_app_users(b: Builder):
    r = b.rng
    n = b.leaf("user_id") + b.leaf("email") + b.leaf(r.choice(["bcrypt", "argon2", "password"]))
    n += b.leaf(r.choice(["ipv4", "ipv6"])) + b.maybe(0.8, lambda: b.leaf("adid")) + b.maybe(0.5, lambda: b.leaf("jwt"))
    n += b.leaf("req_uuid") + b.leaf("iso_ts") + b.maybe(0.5, lambda: b.leaf("version"))
    n += b.maybe(0.6, lambda: b.obj("logins", lambda ns: b.leaf("ipv4", ns) + b.leaf("epoch", ns), arr=True))
    n += b.maybe(0.6, lambda: b.obj("devices", lambda ns: b.leaf("imei", ns) + b.leaf("mac", ns) + b.maybe(0.5, lambda: b.leaf("adid", ns)), arr=True))
    n += b.maybe(0.4, lambda: b.sarr("ipv4")) + b.maybe(0.4, lambda: b.leaf("cn_mobile"))
    n += b.maybe(0.3, lambda: b.obj("meta", lambda ns: b.leaf("host_name", ns) + b.leaf("req_uuid", ns)))
    return n + b.decoys(r.randint(1, 3))


def th_national_ids(b: Builder):
    r = b.rng
    n = b.leaf("en_name") + b.maybe(0.6, lambda: b.leaf("dob")) + b.maybe(0.5, lambda: b.leaf("nationality"))
    ids = ["us_ssn", "uk_nino", "es_dni", "es_nie", "aadhaar", "fr_nir", "it_cf", "br_cpf", "kr_rrn", "jp_my", "de_steuer", "nl_bsn", "passport"]
    for kid in r.sample(ids, r.randint(5, 8)):
        n += b.leaf(kid)
    return n + b.decoys(r.randint(1, 3))


def th_telecom(b: Builder):
    r = b.rng
    n = b.leaf("imsi") + b.leaf("imei") + b.leaf(r.choice(["e164", "cn_mobile"])) + b.leaf("cell_id")
    n += b.location(allow_vec=False) + b.leaf(r.choice(["iso_ts", "epoch"])) + b.maybe(0.5, lambda: b.leaf("checkpoint"))
    n += b.maybe(0.4, lambda: b.leaf("ipv4")) + b.maybe(0.3, lambda: b.leaf("mac"))
    return n + b.decoys(r.randint(1, 3))


def th_secrets(b: Builder):
    r = b.rng
    n = b.leaf("service") + b.leaf("host_name") + b.maybe(0.8, lambda: b.leaf("pem")) + b.leaf("aws")
    n += b.maybe(0.7, lambda: b.leaf("jwt")) + b.leaf(r.choice(["bcrypt", "argon2"])) + b.maybe(0.6, lambda: b.leaf("password"))
    n += b.leaf("version") + b.maybe(0.5, lambda: b.leaf("hash"))
    return n + b.decoys(r.randint(1, 2))


OPAQUE_OK = sorted(k.id for k in K.values() if k.opaque and k.cats)


def th_opaque(b: Builder):
    r = b.rng
    b.opaque_ratio = 1.0
    pool = [k for k in OPAQUE_OK if b.flat is False or K[k].flat]
    n = []
    for kid in r.sample(pool, r.randint(6, 10)):
        n += b.leaf(kid)
    for kid in r.sample(OPAQUE_DECOYS, r.randint(2, 4)):
        n += b.leaf(kid)
    r.shuffle(n)
    return n


def th_logs(b: Builder):
    r = b.rng
    n = b.leaf("epoch" if r.random() < 0.5 else "iso_ts") + b.leaf("level") + b.leaf("service") + b.leaf("lorem")
    n += b.leaf("req_uuid") + b.leaf("duration_ms") + b.maybe(0.7, lambda: b.leaf("host_name")) + b.maybe(0.6, lambda: b.leaf("version"))
    n += b.maybe(0.6, lambda: b.leaf("status_code")) + b.maybe(0.6, lambda: b.leaf("url_path")) + b.maybe(0.4, lambda: b.leaf("hash"))
    n += b.maybe(0.3, lambda: b.leaf("rand_num"))
    return n


def th_metrics(b: Builder):
    r = b.rng
    n = b.leaf("host_name") + b.leaf("epoch")
    for _ in range(r.randint(3, 5)):
        n += b.leaf("metric")
    n += b.maybe(0.5, lambda: b.leaf("version")) + b.maybe(0.5, lambda: b.leaf("status_code")) + b.maybe(0.4, lambda: b.leaf("service"))
    return n


def th_products(b: Builder):
    r = b.rng
    n = b.leaf("product_as_name") + b.leaf("sku") + b.leaf("price") + b.leaf("quantity") + b.leaf("empty_phone")
    n += b.leaf("order_no") + b.maybe(0.8, lambda: b.leaf("lorem")) + b.maybe(0.6, lambda: b.leaf("hash"))
    n += b.maybe(0.6, lambda: b.leaf("rand_num")) + b.maybe(0.5, lambda: b.leaf("iso_ts")) + b.maybe(0.5, lambda: b.leaf("currency"))
    n += b.maybe(0.5, lambda: b.leaf("file_name")) + b.maybe(0.4, lambda: b.sarr("tag"))
    return n


def th_directory(b: Builder):
    """a business directory under opaque column names: only the contact
    person is personal data"""
    n = b.leaf("en_name", force_opaque=True)
    for kid in ["city", "company", "product_opaque", "colour", "department", "vehicle_make"]:
        n += b.leaf(kid, force_opaque=True)
    n += b.leaf("price") + b.leaf("quantity")
    b.rng.shuffle(n)
    return n


POSITIVE = sorted(k.id for k in K.values() if k.cats and not k.id.startswith("fa_") and k.id not in ("lat", "lon", "embedding"))


def th_mixed(b: Builder):
    r = b.rng
    b.opaque_ratio = 0.25
    n = []
    for kid in r.sample(POSITIVE, r.randint(10, 16)):
        n += b.leaf(kid)
    n += b.maybe(0.5, b.latlon_pair) + b.maybe(0.5, b.face)
    n += b.decoys(r.randint(3, 6))
    r.shuffle(n)
    return n


THEMES = [  # (theme, builder, formats, styles)
    ("faces", th_faces, ["ndjson", "ndjson", "json", "ndjson.gz"], ["snake", "camel", "py", "zh", "mixed"]),
    ("checkpoint", th_checkpoint, ["csv", "csv", "tsv", "ndjson"], ["py", "zh", "upper", "snake"]),
    ("vehicles", th_vehicles, ["json", "ndjson", "csv"], ["snake", "zh", "py", "camel"]),
    ("customers", th_customers, ["csv", "tsv", "ndjson", "json"], ["snake", "camel", "kebab", "mixed"]),
    ("patients", th_patients, ["tsv", "csv", "ndjson"], ["snake", "zh", "camel", "mixed"]),
    ("appusers", th_app_users, ["ndjson", "json", "ndjson.gz"], ["snake", "camel", "kebab"]),
    ("ids", th_national_ids, ["ndjson", "csv"], ["snake", "camel", "upper"]),
    ("telecom", th_telecom, ["ndjson", "csv"], ["snake", "py", "upper"]),
    ("secrets", th_secrets, ["ndjson", "json"], ["snake", "camel", "kebab"]),
    ("dump", th_opaque, ["csv", "ndjson", "json"], ["snake"]),
    ("serverlog", th_logs, ["ndjson", "ndjson.gz"], ["snake", "camel"]),
    ("metrics", th_metrics, ["csv", "tsv"], ["snake", "kebab"]),
    ("products", th_products, ["json", "csv"], ["snake", "camel"]),
    ("mixed", th_mixed, ["ndjson", "csv"], ["mixed"]),
    ("directory", th_directory, ["csv", "ndjson", "json"], ["snake"]),
]

# ---------------------------------------------------------------------------
# values, labels, profiles


def gen_value(rng, node, null_rate):
    if isinstance(node, Leaf):
        if rng.random() < null_rate and node.k.id != "empty_phone":
            return None
        return node.k.gen(rng, node.st)
    if isinstance(node, SArr):
        return [node.k.gen(rng, node.st) for _ in range(rng.randint(1, 3))]
    if isinstance(node, ObjArr):
        return [{c.key: gen_value(rng, c, null_rate) for c in node.children} for _ in range(rng.randint(1, 3))]
    return {c.key: gen_value(rng, c, null_rate) for c in node.children}


def labels_of(nodes, prefix=""):
    out = {}
    for n in nodes:
        if isinstance(n, Leaf):
            out[prefix + n.key] = list(n.k.cats)
        elif isinstance(n, SArr):
            out[prefix + n.key + "[]"] = list(n.k.cats)
        elif isinstance(n, ObjArr):
            out.update(labels_of(n.children, prefix + n.key + "[]."))
        else:
            out.update(labels_of(n.children, prefix + n.key + "."))
    return out


def flags_of(nodes):
    f = set()
    for n in nodes:
        if isinstance(n, (Leaf, SArr)):
            if not n.opaque:
                f |= n.k.flags
        else:
            f |= flags_of(n.children)
    return f


def profiles(cats: set, flags: set) -> list:
    """docs/report.md, Profiles, read as: time = a time-named field; place = a camera /
    checkpoint / site field or location.coordinates; identifier = a person or
    device identifier (IDENTIFIERS)."""
    time = "time" in flags
    place = "place" in flags or LOC in cats
    out = []
    if cats & IDENTIFIERS and place and time:
        out.append("tracking")
    if FACE in cats and (time or place):
        out.append("facial_recognition")
    if cats & {IMEI, IMSI, MAC} and place and time:
        out.append("device_capture")
    if cats & {NID, PASS} and NAME in cats:
        out.append("identity_document")
    if any(c.startswith("special.") for c in cats):
        out.append("special_category")
    return sorted(out)


def file_labels(nodes):
    lab = labels_of(nodes)
    cats = {c for v in lab.values() for c in v}
    lab["__profiles__"] = profiles(cats, flags_of(nodes))
    return lab


# ---------------------------------------------------------------------------
# writers


def _scalar_csv(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def write_file(path, fmt, nodes, records, rng):
    ensure_ascii = rng.random() < 0.2
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n" if rng.random() < 0.7 else "\r\n")
        w.writerow([n.key for n in nodes])
        for rec in records:
            w.writerow([_scalar_csv(rec[n.key]) for n in nodes])
        data = buf.getvalue().encode()
    elif fmt == "json":
        indent = rng.choice([None, 1, 2])
        data = json.dumps(records, ensure_ascii=ensure_ascii, indent=indent).encode()
    else:
        data = "".join(json.dumps(r, ensure_ascii=ensure_ascii) + "\n" for r in records).encode()
    if fmt.endswith(".gz"):
        bio = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=bio, mtime=0) as g:
            g.write(data)
        data = bio.getvalue()
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


NOTE_TEMPLATES = [
    ("Please call {p} or write to {e} before Friday.", [PHONE, EMAIL]),
    ("Customer {e} asked for a refund; callback number {p}.", [PHONE, EMAIL]),
    ("Resident id on file: {i}, verified at the front desk.", [NID]),
    ("Rotated the deploy key {a} after the incident.", [SECRET]),
    ("Forwarded the invoice to {e}.", [EMAIL]),
    ("New mobile number is {m}, old one disconnected.", [PHONE]),
    ("Card {c} was declined twice at the kiosk.", [CARD]),
]


def write_text(path, rng, n_lines, with_pii):
    lines, cats = [], set()
    for _ in range(n_lines):
        if with_pii and rng.random() < 0.45:
            t, c = rng.choice(NOTE_TEMPLATES)
            lines.append(t.format(p=S.e164(rng), e=S.email(rng), i=S.cn_resident_id(rng), a=S.aws_key_id(rng),
                                  m=S.cn_mobile(rng), c=S.card(rng, "visa")))
            cats |= set(c)
        else:
            r = rng.random()
            if r < 0.6:
                lines.append(S.lorem(rng, 60, 400))
            elif r < 0.8:
                lines.append("build %s deployed, request %s, sha256 %s" % (S.semver(rng), S.uuid4(rng), S.hexdigest(rng)))
            else:
                lines.append("order %s shipped in %d boxes, tracking %s" % (S.order_no(rng), rng.randint(1, 9), S.random_number(rng, 12)))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return {"$": sorted(cats), "__profiles__": []}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--records", type=int, default=None, help="records per file (default: 100-400 at random)")
    a = ap.parse_args(argv)
    os.makedirs(a.out_dir, exist_ok=True)
    rng = random.Random(a.seed)
    labels, total_bytes = {}, 0
    for theme, build, formats, styles in THEMES:
        for i, fmt in enumerate(formats, start=1):
            frng = random.Random(rng.getrandbits(64))
            flat = fmt in ("csv", "tsv")
            b = Builder(frng, frng.choice(styles), flat, opaque_ratio=frng.choice([0.0, 0.0, 0.15]))
            nodes = build(b)
            nrec = a.records or frng.randint(100, 400)
            null_rate = frng.choice([0.0, 0.0, 0.03])
            records = [{n.key: gen_value(frng, n, null_rate) for n in nodes} for _ in range(nrec)]
            base = "%s-%02d.%s" % (theme, i, fmt)
            total_bytes += write_file(os.path.join(a.out_dir, base), fmt, nodes, records, frng)
            labels[base] = file_labels(nodes)
    for i, pii in enumerate([True, False], start=1):
        frng = random.Random(rng.getrandbits(64))
        base = "notes-%02d.txt" % i
        labels[base] = write_text(os.path.join(a.out_dir, base), frng, a.records or frng.randint(100, 400), pii)
        total_bytes += os.path.getsize(os.path.join(a.out_dir, base))
    with open(os.path.join(a.out_dir, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    nf = sum(len([k for k in v if not k.startswith("__")]) for v in labels.values())
    npos = sum(len(c) for v in labels.values() for k, c in v.items() if not k.startswith("__"))
    nneg = sum(1 for v in labels.values() for k, c in v.items() if not k.startswith("__") and not c)
    print("wrote %d files (%.1f MB) to %s: %d fields, %d positive (file, field, category) labels, %d negative fields"
          % (len(labels), total_bytes / 1e6, a.out_dir, nf, npos, nneg))


if __name__ == "__main__":
    main()
