#!/usr/bin/env python3
"""Regenerate ajar's bundled example data set in examples/.

    python3 tools/gen_examples.py [OUT_DIR]      (default: examples/ next to tools/)

Deterministic (fixed seed): running it again gives byte-identical files, so
the script and its output are both checked in. All values are synthetic,
drawn at random in real formats with valid check digits
(tests/accuracy/synth.py). examples/README.md documents what a correct
classifier reports for each file; tests/accuracy/examples-expected.json says the same in
the labels format of tests/accuracy/score.py.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "accuracy"))
import synth as S  # noqa: E402

SEED = 20261128

FACE, LOC, NID, NAME = "biometric.face", "location.coordinates", "identity.national_id", "identity.name"
DEMO = "identity.demographic"

EXPECTED = {
    "smartcity-faces.ndjson": {
        "event_id": [], "camera_id": [], "captured_at": [], "location": [LOC],
        "face.beard": [FACE], "face.glasses": [FACE], "face.sunglasses": [FACE], "face.mask": [FACE],
        "face.smile": [FACE], "face.age_estimate": [FACE, DEMO], "face.gender_estimate": [FACE, DEMO], "face.embedding": [FACE],
        "ethnicity": ["special.ethnicity"], "person.idcard": [NID], "person.name": [NAME],
        "__profiles__": ["facial_recognition", "identity_document", "special_category", "tracking"],
    },
    "checkpoint.csv": {
        "resident_id": [NID], "name": [NAME], "imei": ["device.imei"], "mac": ["device.mac"],
        "checkpoint": [], "passed_at": [], "lat": [LOC], "lon": [LOC],
        "__profiles__": ["device_capture", "identity_document", "tracking"],
    },
    "vehicles.json": {
        "plate": ["vehicle.plate"], "vin": ["vehicle.vin"], "owner_phone": ["contact.phone"],
        "seen_at": [], "location": [LOC],
        "__profiles__": ["tracking"],
    },
    "patients.tsv": {
        "name": [NAME], "dob": ["identity.demographic"], "gender": ["identity.demographic"],
        "religion": ["special.religion"], "ethnicity": ["special.ethnicity"],
        "diagnosis": ["special.health"], "icd10": ["special.health"],
        "__profiles__": ["special_category"],
    },
    "app-logs.ndjson.gz": {
        "level": [], "message": [], "service": [], "duration_ms": [], "trace_id": [], "ts": [],
        "__profiles__": [],
    },
    "notes.txt": {
        "$": ["contact.email", "contact.phone", "credential.secret"],
        "__profiles__": [],
    },
}

CAMERAS = ["65010200001320000101", "65010200001320000102", "65310100001320000017",
           "65310100001320000023", "65010400001320000244"]


def faces(rng, n=120):
    out = []
    for i in range(n):
        la, lo = S.latlon(rng)
        rec = {
            "event_id": "evt-%06d" % (i + 1),
            "camera_id": rng.choice(CAMERAS),
            "captured_at": S.iso_ts(rng),
            "location": {"lat": la, "lon": lo},
            "face": {
                "beard": rng.random() < 0.3, "glasses": rng.random() < 0.25,
                "sunglasses": rng.random() < 0.05, "mask": rng.random() < 0.2,
                "smile": rng.random() < 0.4, "age_estimate": rng.randint(18, 70),
                "gender_estimate": rng.choice(["male", "female"]),
                "embedding": S.embedding(rng, 128, 4),
            },
            "ethnicity": S.cn_ethnicity(rng),
            "person": {"idcard": S.cn_resident_id(rng), "name": S.cn_name(rng)},
        }
        out.append(json.dumps(rec, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode()


def checkpoint(rng, n=150):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["resident_id", "name", "imei", "mac", "checkpoint", "passed_at", "lat", "lon"])
    for _ in range(n):
        la, lo = S.latlon(rng)
        w.writerow([S.cn_resident_id(rng), S.cn_name(rng), S.imei(rng), S.mac(rng),
                    rng.choice(S.CHECKPOINTS), S.iso_ts(rng, "cn"), la, lo])
    return buf.getvalue().encode()


def vehicles(rng, n=100):
    recs = []
    for _ in range(n):
        la, lo = S.latlon(rng)
        recs.append({"plate": S.cn_plate(rng), "vin": S.vin(rng), "owner_phone": S.cn_mobile(rng),
                     "seen_at": S.iso_ts(rng), "location": [lo, la]})
    return (json.dumps(recs, ensure_ascii=False, indent=1) + "\n").encode()


def patients(rng, n=100):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(["name", "dob", "gender", "religion", "ethnicity", "diagnosis", "icd10"])
    for _ in range(n):
        w.writerow([S.en_name(rng), S.dob_iso(rng), rng.choice(["male", "female"]), rng.choice(S.RELIGION_EN),
                    rng.choice(S.EN_ETHNIC), rng.choice(S.HEALTH_EN), rng.choice(S.ICD10)])
    return buf.getvalue().encode()


def app_logs(rng, n=400):
    lines = []
    msgs = ["request completed", "cache miss, fetching from origin", "retrying upstream call",
            "connection pool exhausted, waiting", "rendered template in %d ms", "flushed %d metrics"]
    for _ in range(n):
        m = rng.choice(msgs)
        if "%d" in m:
            m = m % rng.randint(1, 900)
        rec = {"level": rng.choice(["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"]), "message": m,
               "service": rng.choice(["checkout", "search", "media-store", "gateway"]),
               "duration_ms": rng.randint(1, 4000), "trace_id": S.uuid4(rng), "ts": S.epoch(rng, ms=True)}
        lines.append(json.dumps(rec))
    bio = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=bio, mtime=0) as g:
        g.write(("\n".join(lines) + "\n").encode())
    return bio.getvalue()


def notes(rng):
    e = [S.email(rng) for _ in range(4)]
    p = [S.cn_mobile(rng), S.e164(rng), "+1" + "415" + str(rng.randint(2, 9)) + "%06d" % rng.randint(0, 999999)]
    key = S.aws_key_id(rng)
    text = """Ops notes, week 48
==================

Monday: migrated the search cluster to the new hosts; reindex took 41 minutes.
The on-call handover is with {e0}; escalate to {e1} if nobody answers.

Tuesday: vendor support line is {p1}. Their engineer asked us to send the
capture logs to {e2} instead of the shared inbox.

Wednesday: the field team's contact for the warehouse outage is {p0}
(WeChat uses the same number). Backup contact: {p2}.

Thursday: found a hard-coded access key {key} in the deploy script of the
media service; it has been revoked and moved to the secret store.

Friday: quarterly review moved to 14:00. Questions to {e3}.
""".format(e0=e[0], e1=e[1], e2=e[2], e3=e[3], p0=p[0], p1=p[1], p2=p[2], key=key)
    return text.encode()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "examples")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(SEED)
    files = [("smartcity-faces.ndjson", faces), ("checkpoint.csv", checkpoint), ("vehicles.json", vehicles),
             ("patients.tsv", patients), ("app-logs.ndjson.gz", app_logs), ("notes.txt", notes)]
    total = 0
    for name, fn in files:
        data = fn(random.Random(rng.getrandbits(64)))
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        total += len(data)
        print("%-24s %8d bytes" % (name, len(data)))
    labels = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                          "accuracy", "examples-expected.json")
    with open(labels, "w", encoding="utf-8") as f:
        json.dump(EXPECTED, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("total %d bytes" % total)


if __name__ == "__main__":
    main()
