"""Synthetic personal-data values in real formats, for ajar's accuracy tests.

Stdlib only. Every generator takes a random.Random so callers stay
deterministic. Identifiers that have a check digit get a valid one; the
matching validator is here too, so the self-test (`python3 synth.py`) can
prove both against public test vectors.

Nothing here is a real person's data: every value is drawn at random.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
import random
import string

# ---------------------------------------------------------------------------
# check-digit building blocks


def luhn_check_digit(payload: str) -> str:
    """Digit that makes payload+digit pass Luhn."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:  # these get doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(digits: str) -> bool:
    if not digits.isdigit() or len(digits) < 2:
        return False
    return luhn_check_digit(digits[:-1]) == digits[-1]


_VD = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_check_digit(payload: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def verhoeff_ok(digits: str) -> bool:
    if not digits.isdigit():
        return False
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def _rand_date(rng: random.Random, y0: int, y1: int) -> _dt.date:
    start = _dt.date(y0, 1, 1).toordinal()
    end = _dt.date(y1, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def _digits(rng: random.Random, n: int) -> str:
    return "%0*d" % (n, rng.randrange(10 ** n)) if n > 0 else ""


# ---------------------------------------------------------------------------
# national ids

CN_REGIONS = ["110101", "110105", "110108", "120101", "310104", "310115",
              "320102", "330106", "350203", "370202", "410105", "420106",
              "440106", "440305", "440304", "500103", "510107", "610113",
              "650102", "650104", "653101", "653201", "652901", "540102",
              "640104", "630104", "530102", "150102", "210102", "230103"]
_CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_id_check(first17: str) -> str:
    s = sum(int(c) * w for c, w in zip(first17, _CN_W))
    return "10X98765432"[s % 11]


def cn_id_ok(s: str) -> bool:
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        _dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return cn_id_check(s[:17]) == s[17].upper()


def cn_resident_id(rng: random.Random, dob: _dt.date | None = None) -> str:
    dob = dob or _rand_date(rng, 1945, 2006)
    body = rng.choice(CN_REGIONS) + dob.strftime("%Y%m%d") + _digits(rng, 3)
    return body + cn_id_check(body)


def us_ssn(rng: random.Random, dashed: bool = True) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    s = "%03d%02d%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
    return "%s-%s-%s" % (s[:3], s[3:5], s[5:]) if dashed else s


_NINO_BAD = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def uk_nino(rng: random.Random, spaced: bool = False) -> str:
    first = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
    second = [c for c in string.ascii_uppercase if c not in "DFIOQUV"]
    while True:
        p = rng.choice(first) + rng.choice(second)
        if p not in _NINO_BAD:
            break
    d = _digits(rng, 6)
    suf = rng.choice("ABCD")
    if spaced:
        return "%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], suf)
    return p + d + suf


_ES_LET = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_dni(rng: random.Random) -> str:
    n = rng.randint(1000000, 99999999)
    return "%08d%s" % (n, _ES_LET[n % 23])


def es_nie(rng: random.Random) -> str:
    p = rng.choice("XYZ")
    n = rng.randint(0, 9999999)
    v = int(str("XYZ".index(p)) + "%07d" % n)
    return "%s%07d%s" % (p, n, _ES_LET[v % 23])


def es_dni_ok(s: str) -> bool:
    s = s.upper()
    if len(s) != 9:
        return False
    body = s[:8]
    if body[0] in "XYZ":
        body = str("XYZ".index(body[0])) + body[1:]
    return body.isdigit() and _ES_LET[int(body) % 23] == s[8]


def in_aadhaar(rng: random.Random, spaced: bool = False) -> str:
    while True:
        p = rng.choice("23456789") + _digits(rng, 10)
        s = p + verhoeff_check_digit(p)
        if s != s[::-1]:
            break
    return "%s %s %s" % (s[:4], s[4:8], s[8:]) if spaced else s


def fr_nir(rng: random.Random, spaced: bool = False) -> str:
    dob = _rand_date(rng, 1940, 2005)
    dept = "%02d" % rng.choice([d for d in range(1, 96) if d != 20])
    body = "%d%s%s%s%03d%03d" % (rng.randint(1, 2), dob.strftime("%y"),
                                  dob.strftime("%m"), dept,
                                  rng.randint(1, 990), rng.randint(1, 999))
    key = 97 - int(body) % 97
    s = body + "%02d" % key
    if spaced:
        return "%s %s %s %s %s %s %s" % (s[0], s[1:3], s[3:5], s[5:7],
                                         s[7:10], s[10:13], s[13:])
    return s


def fr_nir_ok(s: str) -> bool:
    s = s.replace(" ", "")
    return len(s) == 15 and s.isdigit() and 97 - int(s[:13]) % 97 == int(s[13:])


_CF_ODD = {}
for _ch, _v in zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]):
    _CF_ODD[_ch] = _v
for _ch, _v in zip(string.ascii_uppercase,
                   [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3,
                    6, 8, 12, 14, 16, 10, 22, 25, 24, 23]):
    _CF_ODD[_ch] = _v


def _cf_even(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - 65


def it_cf_check(first15: str) -> str:
    t = 0
    for i, ch in enumerate(first15):
        t += _CF_ODD[ch] if i % 2 == 0 else _cf_even(ch)
    return chr(65 + t % 26)


def it_cf_ok(s: str) -> bool:
    s = s.upper()
    return len(s) == 16 and s.isalnum() and it_cf_check(s[:15]) == s[15]


_CF_MONTH = "ABCDEHLMPRST"
_CF_TOWNS = ["H501", "F205", "L219", "G273", "A944", "D612", "F839", "L736"]
_CONS = "BCDFGHJKLMNPQRSTVWXZ"


def it_codice_fiscale(rng: random.Random) -> str:
    sur = "".join(rng.choice(_CONS) for _ in range(3))
    nam = "".join(rng.choice(_CONS) for _ in range(3))
    dob = _rand_date(rng, 1940, 2005)
    day = dob.day + (40 if rng.random() < 0.5 else 0)
    body = "%s%s%s%s%02d%s" % (sur, nam, dob.strftime("%y"),
                               _CF_MONTH[dob.month - 1], day, rng.choice(_CF_TOWNS))
    return body + it_cf_check(body)


def _cpf_digits(d9: str) -> str:
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    d1 = (s * 10) % 11 % 10
    d10 = d9 + str(d1)
    s = sum(int(c) * (11 - i) for i, c in enumerate(d10))
    d2 = (s * 10) % 11 % 10
    return str(d1) + str(d2)


def br_cpf_ok(s: str) -> bool:
    s = "".join(c for c in s if c.isdigit())
    return len(s) == 11 and len(set(s)) > 1 and _cpf_digits(s[:9]) == s[9:]


def br_cpf(rng: random.Random, formatted: bool = True) -> str:
    while True:
        d9 = _digits(rng, 9)
        if len(set(d9)) > 1:
            break
    s = d9 + _cpf_digits(d9)
    return "%s.%s.%s-%s" % (s[:3], s[3:6], s[6:9], s[9:]) if formatted else s


def kr_rrn_check(first12: str) -> str:
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    s = sum(int(c) * x for c, x in zip(first12, w))
    return str((11 - s % 11) % 10)


def kr_rrn(rng: random.Random, dashed: bool = True) -> str:
    dob = _rand_date(rng, 1950, 2012)
    g = (1 if dob.year < 2000 else 3) + rng.randint(0, 1)
    body = dob.strftime("%y%m%d") + str(g) + "%02d" % rng.randint(0, 95) + _digits(rng, 3)
    s = body + kr_rrn_check(body)
    return s[:6] + "-" + s[6:] if dashed else s


def jp_my_number_check(first11: str) -> str:
    s = 0
    for n, ch in enumerate(reversed(first11), start=1):
        q = n + 1 if n <= 6 else n - 5
        s += int(ch) * q
    r = s % 11
    return "0" if r <= 1 else str(11 - r)


def jp_my_number(rng: random.Random) -> str:
    b = _digits(rng, 11)
    return b + jp_my_number_check(b)


def de_steuer_check(first10: str) -> str:
    product = 10
    for ch in first10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return "0" if c == 10 else str(c)


def de_steuer_ok(s: str) -> bool:
    if len(s) != 11 or not s.isdigit() or s[0] == "0":
        return False
    counts = sorted((s[:10].count(d) for d in set(s[:10])), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    return de_steuer_check(s[:10]) == s[10]


def de_steuer_id(rng: random.Random) -> str:
    while True:
        digits = list("0123456789")
        rng.shuffle(digits)
        twice = digits[0]
        chosen = digits[:9]           # nine distinct digits, one left out
        body = chosen + [twice]
        rng.shuffle(body)
        b = "".join(body)
        if b[0] != "0":
            return b + de_steuer_check(b)


def nl_bsn(rng: random.Random) -> str:
    while True:
        b = str(rng.randint(1, 9)) + _digits(rng, 7)
        s = sum(int(c) * (9 - i) for i, c in enumerate(b))
        last = s % 11
        if last < 10:
            return b + str(last)


def nl_bsn_ok(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    t = sum(int(c) * (9 - i) for i, c in enumerate(s[:8])) - int(s[8])
    return t % 11 == 0


def passport(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return rng.choice("EG") + _digits(rng, 8)          # CN ordinary passport
    if kind < 0.7:
        return str(rng.randint(1, 9)) + _digits(rng, 8)     # US/UK 9 digits
    if kind < 0.85:
        return rng.choice("CFGHJK") + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))  # DE
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(2)) + _digits(rng, 7)  # FR/JP style


# ---------------------------------------------------------------------------
# names and demographics

CN_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵钱严武戴孔汤")
CN_GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅海燕鹏飞晓东文博宇浩然轩欣怡涵婷雪琳慧颖佳丹凯鑫")
EN_FIRST = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
            "Linda", "William", "Elizabeth", "David", "Barbara", "Richard",
            "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Emily", "Mark",
            "Olivia", "Paul", "Emma", "Steven", "Sophie", "George", "Laura",
            "Kevin", "Hannah", "Brian", "Grace", "Edward", "Chloe"]
EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
           "Davis", "Rodriguez", "Martinez", "Wilson", "Anderson", "Taylor",
           "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White",
           "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young",
           "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
           "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Evans"]


def cn_name(rng: random.Random) -> str:
    n = 1 if rng.random() < 0.35 else 2
    return rng.choice(CN_SURNAMES) + "".join(rng.choice(CN_GIVEN) for _ in range(n))


def en_name(rng: random.Random) -> str:
    return rng.choice(EN_FIRST) + " " + rng.choice(EN_LAST)


def dob_iso(rng: random.Random) -> str:
    return _rand_date(rng, 1940, 2010).isoformat()


CN_ETHNIC = ["汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族",
             "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族",
             "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族",
             "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族",
             "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
             "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族",
             "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
             "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族"]
assert len(CN_ETHNIC) == 56
EN_ETHNIC = ["Uyghur", "Han Chinese", "Hispanic", "Caucasian", "African American",
             "Tibetan", "Hui", "Kazakh", "Asian", "White", "Black", "Latino"]


def cn_ethnicity(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return "维吾尔族"
    if r < 0.6:
        return "汉族"
    if r < 0.7:
        return "回族"
    if r < 0.78:
        return "哈萨克族"
    return rng.choice(CN_ETHNIC)


RELIGION_ZH = ["伊斯兰教", "佛教", "基督教", "天主教", "道教", "无宗教信仰"]
RELIGION_EN = ["Muslim", "Christian", "Buddhist", "Catholic", "Hindu", "Jewish", "Sikh"]
POLITICAL_ZH = ["中共党员", "共青团员", "群众", "中共预备党员", "民革党员"]
POLITICAL_EN = ["Democrat", "Republican", "Independent", "Labour", "Conservative", "Green Party"]
HEALTH_EN = ["type 2 diabetes", "hypertension", "asthma", "major depressive disorder",
             "HIV positive", "hepatitis B", "schizophrenia", "breast cancer",
             "chronic kidney disease", "epilepsy", "bipolar disorder"]
HEALTH_ZH = ["高血压", "糖尿病", "抑郁症", "乙型肝炎", "冠心病", "哮喘", "肺结核"]
ICD10 = ["E11.9", "I10", "F32.1", "J45.909", "B20", "B18.1", "F20.0", "C50.9",
         "N18.3", "G40.909", "F31.9", "E66.9", "K21.0", "M54.5"]
NATIONALITY = ["Chinese", "American", "British", "French", "German", "Indian",
               "CHN", "USA", "中国", "Kazakhstani"]

EN_STREETS = ["Baker Street", "High Street", "Station Road", "Church Lane",
              "Elm Street", "Maple Avenue", "Oak Drive", "Queen's Road",
              "Market Street", "Park Avenue"]
EN_CITIES = ["London", "Manchester", "Bristol", "Leeds", "Edinburgh"]
US_CITIES = [("Mountain View", "CA", "94043"), ("Austin", "TX", "78701"),
             ("Seattle", "WA", "98101"), ("Denver", "CO", "80202"),
             ("Chicago", "IL", "60601"), ("Boston", "MA", "02108")]
CN_CITIES = [("北京市", ["朝阳区", "海淀区", "东城区"]),
             ("上海市", ["浦东新区", "徐汇区", "静安区"]),
             ("广东省深圳市", ["南山区", "福田区"]),
             ("新疆维吾尔自治区乌鲁木齐市", ["天山区", "沙依巴克区"]),
             ("新疆维吾尔自治区喀什市", ["色满乡"]),
             ("四川省成都市", ["武侯区", "锦江区"])]
CN_ROADS = ["建国路", "人民路", "解放路", "中山路", "团结路", "友好北路", "新华南路"]


def address(rng: random.Random, style: str = "mix") -> str:
    if style == "mix":
        style = rng.choice(["uk", "us", "cn"])
    if style == "uk":
        return "%d %s, %s" % (rng.randint(1, 220), rng.choice(EN_STREETS), rng.choice(EN_CITIES))
    if style == "us":
        c, st, z = rng.choice(US_CITIES)
        return "%d %s, %s, %s %s" % (rng.randint(10, 9999), rng.choice(EN_STREETS), c, st, z)
    city, dists = rng.choice(CN_CITIES)
    s = "%s%s%s%d号" % (city, rng.choice(dists), rng.choice(CN_ROADS), rng.randint(1, 300))
    if rng.random() < 0.4:
        s += "%d栋%d室" % (rng.randint(1, 30), rng.randint(101, 2405))
    return s


# ---------------------------------------------------------------------------
# contact

EMAIL_DOMAINS = ["gmail.com", "qq.com", "163.com", "outlook.com", "yahoo.co.jp",
                 "hotmail.co.uk", "web.de", "orange.fr", "proton.me", "126.com",
                 "acme-corp.cn", "mail.ru"]
_PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "wu", "zhou",
           "xu", "sun", "ma", "hu", "guo", "lin", "wei", "fang", "jun", "ming",
           "hua", "lei", "tao", "ying", "jie", "xin"]


def email(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        local = "%s.%s" % (rng.choice(EN_FIRST).lower(), rng.choice(EN_LAST).lower())
    elif r < 0.7:
        local = rng.choice(_PINYIN) + rng.choice(_PINYIN) + str(rng.randint(1, 9999))
    elif r < 0.85:
        local = str(rng.randint(10000, 3999999999))  # QQ numbers
    else:
        local = rng.choice(EN_FIRST).lower()[0] + rng.choice(EN_LAST).lower() + "_" + str(rng.randint(1, 99))
    return local + "@" + rng.choice(EMAIL_DOMAINS)


def cn_mobile(rng: random.Random, plus86: bool = False) -> str:
    s = "1" + rng.choice("3456789") + _digits(rng, 9)
    return "+86" + s if plus86 else s


def e164(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return "+4420" + _digits(rng, 8)
    if r < 0.45:
        return "+447" + rng.choice("456789") + _digits(rng, 8)
    if r < 0.7:
        return "+1" + rng.choice(["415", "212", "646", "312", "617", "206"]) + str(rng.randint(2, 9)) + _digits(rng, 6)
    if r < 0.85:
        return "+49" + rng.choice(["151", "160", "170", "30"]) + _digits(rng, 8)
    return "+33" + rng.choice("67") + _digits(rng, 8)


def phone_national(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return "(%s) %d%s-%s" % (rng.choice(["415", "212", "646", "312"]), rng.randint(2, 9), _digits(rng, 2), _digits(rng, 4))
    if r < 0.6:
        return "020 %s %s" % (_digits(rng, 4), _digits(rng, 4))
    if r < 0.8:
        return "+1 %s %d%s %s" % (rng.choice(["415", "650", "917"]), rng.randint(2, 9), _digits(rng, 2), _digits(rng, 4))
    return "0%s-%s" % (rng.choice(["10", "21", "755", "991"]), _digits(rng, 8))


# ---------------------------------------------------------------------------
# device

TACS = ["35332509", "35391805", "35875607", "35290611", "35674108", "35925406",
        "86891103", "86769204", "86456703", "86012003", "86187604", "86620905",
        "35444810", "86914204"]


def imei(rng: random.Random) -> str:
    b = rng.choice(TACS) + _digits(rng, 6)
    return b + luhn_check_digit(b)


def imsi(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.8:
        return "460" + rng.choice(["00", "01", "02", "03", "11"]) + _digits(rng, 10)
    return rng.choice(["310260", "310410", "234150", "262010"]) + _digits(rng, 9)


OUIS = ["3c:22:fb", "f0:18:98", "a4:83:e7", "ac:bc:32", "00:1a:11", "dc:a6:32",
        "b8:27:eb", "48:3b:38", "9c:b6:d0", "e4:5f:01", "f4:f5:d8", "64:09:80"]


def mac(rng: random.Random, upper: bool = False, sep: str = ":") -> str:
    o = rng.choice(OUIS) if rng.random() < 0.7 else ":".join("%02x" % (rng.randint(0, 255) & 0xFC) for _ in range(1)) + ":%02x:%02x" % (rng.randint(0, 255), rng.randint(0, 255))
    s = o + ":" + ":".join("%02x" % rng.randint(0, 255) for _ in range(3))
    if s in ("00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"):
        s = "3c:22:fb:12:34:56"
    if upper:
        s = s.upper()
    return s.replace(":", sep)


_BAD_FIRST_OCTET = {0, 10, 100, 127, 169, 172, 192, 198, 203}


def ipv4(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 223)
        if a not in _BAD_FIRST_OCTET:
            break
    return "%d.%d.%d.%d" % (a, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def ipv6(rng: random.Random) -> str:
    pre = rng.choice(["2001:4860", "2a00:1450", "2408:8207", "240e:3b7", "2600:1700", "2409:8a1e"])
    groups = ["%x" % rng.randint(0, 0xFFFF) for _ in range(4)]
    if rng.random() < 0.5:
        return pre + ":" + ":".join(groups[:2]) + "::" + groups[3]
    return pre + ":" + ":".join(groups) + ":%x:%x" % (rng.randint(0, 0xFFFF), rng.randint(1, 0xFFFF))


def uuid4(rng: random.Random, upper: bool = False) -> str:
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    s = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
    return s.upper() if upper else s


# ---------------------------------------------------------------------------
# location

CITY_COORDS = [(39.9042, 116.4074), (31.2304, 121.4737), (22.5431, 114.0579),
               (43.8256, 87.6168), (39.4704, 75.9898), (37.1140, 79.9225),
               (51.5074, -0.1278), (37.3861, -122.0839), (40.7128, -74.0060),
               (48.8566, 2.3522), (29.6520, 91.1721)]


def latlon(rng: random.Random) -> tuple[float, float]:
    la, lo = rng.choice(CITY_COORDS)
    return (round(la + rng.uniform(-0.08, 0.08), 6), round(lo + rng.uniform(-0.08, 0.08), 6))


_GH = "0123456789bcdefghjkmnpqrstuvwxyz"


def geohash(lat: float, lon: float, prec: int = 8) -> str:
    lat_r, lon_r = [-90.0, 90.0], [-180.0, 180.0]
    out, bits, ch, even = [], 0, 0, True
    while len(out) < prec:
        r, v = (lon_r, lon) if even else (lat_r, lat)
        mid = (r[0] + r[1]) / 2
        ch <<= 1
        if v > mid:
            ch |= 1
            r[0] = mid
        else:
            r[1] = mid
        even = not even
        bits += 1
        if bits == 5:
            out.append(_GH[ch])
            bits, ch = 0, 0
    return "".join(out)


# ---------------------------------------------------------------------------
# vehicle

CN_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PL_LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_PL_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def cn_plate(rng: random.Random, dot: bool = False) -> str:
    prov = rng.choice("新新京沪粤苏浙川") if rng.random() < 0.5 else rng.choice(CN_PROVINCES)
    let = rng.choice(_PL_LET)
    if rng.random() < 0.2:  # new-energy: D/F + 5 digits
        tail = rng.choice("DF") + _digits(rng, 5)
    else:
        tail = "".join(rng.choice(_PL_ALNUM) for _ in range(2)) + _digits(rng, 3)
    return prov + let + ("·" if dot else "") + tail


def uk_plate(rng: random.Random) -> str:
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    return rng.choice(L) + rng.choice(L) + "%02d" % rng.choice([16, 66, 17, 67, 19, 69, 21, 71, 23, 73]) + " " + "".join(rng.choice(L) for _ in range(3))


_VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_TR = {**{str(i): i for i in range(10)},
           **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
           "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(vin17: str) -> str:
    s = sum(_VIN_TR[c] * w for c, w in zip(vin17, _VIN_W))
    r = s % 11
    return "X" if r == 10 else str(r)


def vin_ok(v: str) -> bool:
    v = v.upper()
    return len(v) == 17 and all(c in _VIN_CH for c in v) and vin_check(v) == v[8]


def vin(rng: random.Random) -> str:
    wmi = rng.choice(["1HG", "1FT", "WVW", "WBA", "LSV", "LFV", "JTD", "KMH", "LGB", "5YJ", "LHG"])
    vds = "".join(rng.choice(_VIN_CH) for _ in range(5))
    year = rng.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
    rest = rng.choice(_VIN_CH) + _digits(rng, 6)
    v = wmi + vds + "0" + year + rest
    return v[:8] + vin_check(v) + v[9:]


# ---------------------------------------------------------------------------
# financial


def card(rng: random.Random, brand: str | None = None, spaced: bool = False) -> str:
    brand = brand or rng.choice(["visa", "mc", "amex", "unionpay", "visa", "mc"])
    if brand == "visa":
        p, n = "4" + _digits(rng, 5), 16
    elif brand == "mc":
        p = str(rng.randint(51, 55)) if rng.random() < 0.7 else str(rng.randint(2221, 2720))
        p, n = p + _digits(rng, 6 - len(p)), 16
    elif brand == "amex":
        p, n = rng.choice(["34", "37"]) + _digits(rng, 4), 15
    else:
        p, n = "62" + rng.choice(["2202", "2848", "1700", "2588"]), rng.choice([16, 16, 19])
    b = p + _digits(rng, n - 1 - len(p))
    s = b + luhn_check_digit(b)
    if spaced and n == 16:
        return " ".join(s[i:i + 4] for i in range(0, 16, 4))
    return s


def _iban_check(country: str, bban: str) -> str:
    r = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in r)
    return "%02d" % (98 - int(num) % 97)


def iban_ok(s: str) -> bool:
    s = s.replace(" ", "").upper()
    lens = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "ES": 24, "IT": 27}
    if len(s) < 15 or lens.get(s[:2], len(s)) != len(s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def iban(rng: random.Random, spaced: bool = False) -> str:
    c = rng.choice(["DE", "GB", "FR", "NL"])
    if c == "DE":
        bban = rng.choice(["37040044", "10070000", "50010517", "20041111"]) + _digits(rng, 10)
    elif c == "GB":
        bban = rng.choice(["WEST", "BARC", "NWBK", "HBUK", "LOYD"]) + _digits(rng, 6) + _digits(rng, 8)
    elif c == "FR":
        bank, branch, acct = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        bban = bank + branch + acct + "%02d" % key
    else:
        bban = rng.choice(["ABNA", "INGB", "RABO", "TRIO"]) + _digits(rng, 10)
    s = c + _iban_check(c, bban) + bban
    if spaced:
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


# ---------------------------------------------------------------------------
# biometric

_JPEG_HEAD = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300")
_PNG_HEAD = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000400000004008020000")


def face_crop_b64(rng: random.Random, kind: str = "jpeg", nbytes: int | None = None) -> str:
    nbytes = nbytes or rng.randint(180, 600)
    body = rng.getrandbits(8 * nbytes).to_bytes(nbytes, "big")
    head = _JPEG_HEAD if kind == "jpeg" else _PNG_HEAD
    tail = b"\xff\xd9" if kind == "jpeg" else b"\x00\x00\x00\x00IEND\xaeB`\x82"
    return base64.b64encode(head + body + tail).decode()


def embedding(rng: random.Random, dim: int = 128, nd: int = 4) -> list[float]:
    v = [rng.gauss(0, 1) for _ in range(dim)]
    n = sum(x * x for x in v) ** 0.5
    return [round(x / n, nd) for x in v]


def face_attr_value(rng: random.Random, attr: str, style: str = "bool"):
    if attr == "age_estimate":
        return rng.randint(16, 75)
    if attr == "gender_estimate":
        return rng.choice(["male", "female"])
    if style == "bool":
        return rng.random() < 0.3
    if style == "score":
        return round(rng.random(), 3)
    return rng.choice(["yes", "no", "no", "no"])


# ---------------------------------------------------------------------------
# credentials

_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_BCRYPT = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def aws_key_id(rng: random.Random) -> str:
    return "AKIA" + "".join(rng.choice(_B32) for _ in range(16))


def _b64url(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(rng: random.Random) -> str:
    h = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    p = _b64url(json.dumps({"sub": str(rng.randint(10000, 999999)),
                            "iat": rng.randint(1690000000, 1730000000),
                            "role": rng.choice(["user", "admin", "viewer"])},
                           separators=(",", ":")).encode())
    s = _b64url(rng.getrandbits(256).to_bytes(32, "big"))
    return "%s.%s.%s" % (h, p, s)


def pem_private_key(rng: random.Random, lines: int = 6) -> str:
    kind = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    raw = b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00" + rng.getrandbits(8 * 48 * lines).to_bytes(48 * lines, "big")
    b = base64.b64encode(raw).decode()
    body = "\n".join(b[i:i + 64] for i in range(0, len(b), 64))
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, body, kind)


def bcrypt_hash(rng: random.Random) -> str:
    return "$2b$%02d$" % rng.choice([10, 12, 12, 14]) + "".join(rng.choice(_BCRYPT) for _ in range(53))


def argon2_hash(rng: random.Random) -> str:
    salt = base64.b64encode(rng.getrandbits(128).to_bytes(16, "big")).rstrip(b"=").decode()
    h = base64.b64encode(rng.getrandbits(256).to_bytes(32, "big")).rstrip(b"=").decode()
    return "$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (salt, h)


PLAIN_PASSWORDS = ["hunter2", "P@ssw0rd!", "qwerty123", "Summer2023!", "letmein",
                   "iloveyou88", "Zhang@1990", "admin123", "dragon!77", "Tr0ub4dor&3",
                   "a1b2c3d4", "welcome1", "Passw0rd#2024", "monkey99"]


def plain_password(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(PLAIN_PASSWORDS)
    return "".join(rng.choice(string.ascii_letters + string.digits + "!@#$%") for _ in range(rng.randint(8, 16)))


# ---------------------------------------------------------------------------
# decoys (no personal data)

LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
         "tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam "
         "quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo "
         "consequat duis aute irure in reprehenderit voluptate velit esse cillum "
         "fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt "
         "culpa qui officia deserunt mollit anim id est laborum").split()


def lorem(rng: random.Random, lo: int = 200, hi: int = 2000) -> str:
    target = rng.randint(lo, hi)
    out, n = [], 0
    while n < target:
        k = rng.randint(6, 16)
        words = [rng.choice(LOREM) for _ in range(k)]
        s = " ".join(words).capitalize() + "."
        out.append(s)
        n += len(s) + 1
    return " ".join(out)[:target].rstrip() + "."


def semver(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return "10.0.%d.%d" % (rng.choice([19041, 19045, 22621, 22631]), rng.randint(1, 3000))
    if r < 0.6:
        return "%d.%d.%d.%d" % (rng.randint(1, 9), rng.randint(0, 12), rng.randint(0, 9), rng.randint(0, 99))
    return "%d.%d.%d" % (rng.randint(0, 5), rng.randint(0, 30), rng.randint(0, 20))


def order_no(rng: random.Random) -> str:
    while True:
        s = str(rng.randint(1, 9)) + _digits(rng, 15)
        if not luhn_ok(s):
            return s


def hexdigest(rng: random.Random, bits: int = 256) -> str:
    return ("%0" + str(bits // 4) + "x") % rng.getrandbits(bits)


def epoch(rng: random.Random, ms: bool = False) -> int:
    t = rng.randint(1672531200, 1735689599)
    return t * 1000 + rng.randint(0, 999) if ms else t


def iso_ts(rng: random.Random, fmt: str = "iso") -> str:
    t = _dt.datetime(2024, 1, 1) + _dt.timedelta(seconds=rng.randint(0, 365 * 86400))
    if fmt == "cn":
        return t.strftime("%Y-%m-%d %H:%M:%S")
    if fmt == "compact":
        return t.strftime("%Y%m%d%H%M%S")
    return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % rng.randint(0, 999)


def random_number(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + _digits(rng, n - 1)


PRODUCTS = ["Wireless Mouse M185", "USB-C Hub 7-in-1", "Stainless Water Bottle",
            "Noise Cancelling Headphones", "Ergonomic Office Chair", "LED Desk Lamp",
            "Mechanical Keyboard K2", "Yoga Mat Pro", "Ceramic Coffee Mug",
            "Smart Plug Mini", "Hiking Backpack 30L", "Bluetooth Speaker Go",
            "Phone Case Clear", "Running Shoes Air", "Green Tea 250g"]
# the largest towns of several countries, many of them also given or
# family names (Charlotte, Austin, Dallas, Houston, Hamilton, York)
CITIES = ["Houston", "Dallas", "Austin", "Charlotte", "Columbus", "Jacksonville",
          "Phoenix", "Denver", "Seattle", "Boston", "Nashville", "Memphis",
          "Atlanta", "Miami", "Tampa", "Orlando", "Madison", "Lincoln", "Hamilton",
          "Birmingham", "Manchester", "Leeds", "Glasgow", "Sheffield", "Bristol",
          "York", "Chester", "Lancaster", "Hamburg", "München", "Köln", "Frankfurt",
          "Stuttgart", "Düsseldorf", "Leipzig", "Dresden", "Hannover", "Nürnberg",
          "Marseille", "Lyon", "Toulouse", "Nantes", "Bordeaux", "Lille", "Rennes",
          "Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga",
          "Bilbao", "Roma", "Milano", "Napoli", "Torino", "Palermo", "Genova",
          "Bologna", "Firenze", "Venezia", "São Paulo", "Salvador", "Fortaleza",
          "Recife", "Curitiba", "Manaus", "Amsterdam", "Rotterdam", "Utrecht",
          "Eindhoven", "Groningen", "Mumbai", "Delhi", "Bangalore", "Chennai",
          "Kolkata", "Victoria", "Florence", "Regina", "Adelaide", "Sydney"]
COMPANY_SUFFIX = ["GmbH", "AG", "Ltd", "Inc.", "LLC", "S.A.", "S.p.A.", "B.V.",
                  "SARL", "Ltda.", "Group", "Holdings", "& Co.", "& Sons", "PLC",
                  "Clinic", "Pharmacy", "Motors", "Brothers", "Dental Care"]
COLOURS = ["Red", "Blue", "Green", "Black", "White", "Silver", "Grey", "Amber",
           "Hazel", "Ruby", "Jade", "Pearl", "Olive", "Violet", "Rose", "Coral",
           "Ivory", "Navy", "Teal", "Maroon", "Beige", "Gold", "Lime", "Cyan"]
# makes named after founders, as a traffic table writes them
MAKES = ["Ford", "Ferrari", "Porsche", "Mercedes", "Renault", "Peugeot", "Citroen",
         "Opel", "Dodge", "Tesla", "Honda", "Toyota", "Suzuki", "Chevrolet",
         "Lincoln", "Cadillac", "Chrysler", "Volvo", "Fiat", "Lancia", "Maserati",
         "Lamborghini", "Bentley", "Nissan", "Mazda", "Jaguar", "Morgan", "Buick"]
DEPARTMENTS = ["Sales", "Marketing", "Finance", "Human Resources", "Legal",
               "Operations", "Engineering", "Support", "Procurement", "Logistics",
               "Research", "Quality Assurance", "Facilities", "Security"]


def company(rng: random.Random) -> str:
    """a firm called after its founder, with the suffix of its legal form"""
    return "%s %s" % (rng.choice(EN_LAST), rng.choice(COMPANY_SUFFIX))


CAMERAS = ["Cam-%04d North Gate", "东门卡口-%03d", "Checkpoint %d West", "解放路口-%d号机",
           "Metro Line 2 Exit %d", "Mall Atrium %d"]
CHECKPOINTS = ["解放路与人民路交叉口", "乌鲁木齐南站进站口", "喀什老城东门", "G30高速收费站",
               "Gate 3", "Terminal 2 Security", "城北检查站", "团结路便民警务站"]


def camera_name(rng: random.Random) -> str:
    return rng.choice(CAMERAS) % rng.randint(1, 999)


def gb28181_id(rng: random.Random) -> str:
    # 20-digit national video-surveillance device id (GB/T 28181): not a person id
    return rng.choice(["65010", "31010", "44030"]) + _digits(rng, 3) + "1320" + _digits(rng, 8)


def host_name(rng: random.Random) -> str:
    return "%s-%02d.%s.internal" % (rng.choice(["web", "api", "db", "cache", "worker"]), rng.randint(1, 40), rng.choice(["prod", "stg", "eu-west-1"]))


def file_name(rng: random.Random) -> str:
    return rng.choice(["IMG_%04d.jpg", "report_%d.pdf", "snapshot_%06d.png", "export-%d.csv"]) % rng.randint(1, 999999)


def sku(rng: random.Random) -> str:
    return "%s-%04d-%s" % ("".join(rng.choice(string.ascii_uppercase) for _ in range(3)), rng.randint(0, 9999), rng.choice(["BLK", "WHT", "RED", "L", "XL"]))


# ---------------------------------------------------------------------------
# self-test with public vectors


def _selftest() -> None:
    assert cn_id_ok("11010519491231002X")
    assert not cn_id_ok("110105194912310021")
    assert luhn_ok("490154203237518")
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("GB82WEST12345698765432") and iban_ok("DE89370400440532013000")
    assert iban_ok("FR1420041010050500013M02606") and iban_ok("NL91ABNA0417164300")
    assert not iban_ok("GB82WEST12345698765433")
    assert vin_ok("1M8GDM9AXKP042788") and vin_ok("11111111111111111")
    assert not vin_ok("1M8GDM9A1KP042788")
    assert br_cpf_ok("390.533.447-05") and not br_cpf_ok("390.533.447-06")
    assert verhoeff_ok("234123412346") and not verhoeff_ok("234123412347")
    assert verhoeff_check_digit("23412341234") == "6"
    assert verhoeff_check_digit("236") == "3"  # Verhoeff's own example
    assert it_cf_ok("RSSMRA85T10A562S") and not it_cf_ok("RSSMRA85T10A562T")
    assert es_dni_ok("12345678Z") and es_dni_ok("X1234567L") and not es_dni_ok("12345678A")
    assert fr_nir_ok("255081416802538") and fr_nir_ok("269054958815780")
    assert not fr_nir_ok("255081416802539")
    assert nl_bsn_ok("111222333") and nl_bsn_ok("123456782") and not nl_bsn_ok("123456789")
    assert jp_my_number_check("12345678901") == "8"  # stdnum: 123456789018
    assert kr_rrn_check("971013901990") == "2"  # stdnum: 971013-9019902
    assert de_steuer_check("8609574271") == "9"  # 86095742719 (public example)
    assert de_steuer_ok("86095742719") and not de_steuer_ok("86095742710")
    assert geohash(57.64911, 10.40744, 11) == "u4pruydqqvj"
    rng = random.Random(1)
    for _ in range(2000):
        assert cn_id_ok(cn_resident_id(rng))
        assert luhn_ok(imei(rng))
        assert luhn_ok(card(rng).replace(" ", ""))
        assert iban_ok(iban(rng))
        assert vin_ok(vin(rng))
        assert br_cpf_ok(br_cpf(rng))
        assert verhoeff_ok(in_aadhaar(rng))
        assert it_cf_ok(it_codice_fiscale(rng))
        assert es_dni_ok(es_dni(rng)) and es_dni_ok(es_nie(rng))
        assert fr_nir_ok(fr_nir(rng))
        assert nl_bsn_ok(nl_bsn(rng))
        assert de_steuer_ok(de_steuer_id(rng))
        m = jp_my_number(rng)
        assert jp_my_number_check(m[:11]) == m[11]
        k = kr_rrn(rng, dashed=False)
        assert kr_rrn_check(k[:12]) == k[12]
        assert not luhn_ok(order_no(rng))
    print("synth self-test: ok")


if __name__ == "__main__":
    _selftest()
