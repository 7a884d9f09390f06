"""The Python API over libajar: values, records, files, stores, threads."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, List

import pytest

import ajar
from conftest import EXAMPLES, cli_report, comparable

CN_ID = "11010519491231002X"      # GB 11643 check digit X
IMEI = "490154203237518"          # Luhn-valid, the GSMA's documented example


def cats(matches: List[ajar.Match]) -> set:
    return {m.category for m in matches}


def test_classify_text_finds_email_phone_and_cn_id() -> None:
    text = f"联系人 李伟 电话 13800138000, mail li.wei@example.com, 身份证 {CN_ID}"
    found = ajar.classify_text(text)
    assert {"contact.email", "contact.phone", "identity.national_id"} <= cats(found)
    for m in found:  # offsets index the str, past non-ASCII text
        assert text[m.start:m.end] == m.value
    nid = [m for m in found if m.detector == "cn_resident_id"]
    assert nid and nid[0].value == CN_ID and nid[0].validated


def test_classify_text_with_a_field_and_bytes() -> None:
    m = ajar.classify_text(IMEI, field="device.imei")
    assert [(x.detector, x.validated) for x in m] == [("imei", True)]
    b = ajar.classify_text(b"\xff\xfe mail li.wei@example.com \xc3")  # not UTF-8
    assert [(x.category, x.start, x.value) for x in b] == \
        [("contact.email", 8, "li.wei@example.com")]


def test_huge_string() -> None:
    """50 MB: classified whole (in chunks), offsets exact, nothing doubled."""
    filler = ("lorem ipsum dolor sit amet " * 40 + "\n")
    n = 50_000_000 // len(filler) + 1
    middle = n // 2
    text = "".join([filler * middle, f"a@example.com {CN_ID} ",
                    filler * (n - middle), "zhang.san@example.org"])
    assert len(text) > 50_000_000
    found = ajar.classify_text(text)
    emails = [m for m in found if m.category == "contact.email"]
    assert [m.value for m in emails] == ["a@example.com", "zhang.san@example.org"]
    assert all(text[m.start:m.end] == m.value for m in found)
    assert sum(m.detector == "cn_resident_id" for m in found) == 1


def test_classify_record_nested_paths() -> None:
    rec = {"person": {"idcard": CN_ID, "name": "张伟", "email": "zw@example.cn"},
           "devices": [{"imei": IMEI}, {"imei": "356938035643809"}],
           "captured_at": "2024-11-14T11:07:05Z"}
    by_field = {f["field"]: f for f in ajar.classify_record(rec)}
    assert by_field["person.idcard"]["category"] == "identity.national_id"
    assert by_field["person.idcard"]["confidence"] == "high"
    assert by_field["person.idcard"]["examples"] == ["1101**********002X"]
    assert by_field["person.email"]["category"] == "contact.email"
    assert by_field["devices[].imei"]["category"] == "device.imei"
    assert by_field["devices[].imei"]["matches"] == 2
    # the same record as JSON text, and with --reveal
    assert ajar.classify_record(ajar.record_json(rec)) == ajar.classify_record(rec)
    revealed = {f["field"]: f for f in ajar.classify_record(rec, reveal=True)}
    assert revealed["person.idcard"]["examples"] == [CN_ID]


def test_malformed_record_raises_with_the_library_message() -> None:
    with pytest.raises(ajar.AjarError) as e:
        ajar.classify_record('{"person": {"idcard": "11010519491231002X"')
    assert e.value.code == -5 and "malformed" in str(e.value)
    with pytest.raises(ajar.AjarError):
        ajar.classify_record({"x": float("nan")})  # not JSON
    with pytest.raises(ajar.AjarError):
        ajar.classify_record({"x": object()})
    # in a collection a malformed record is counted, not raised
    col = ajar.default_classifier().collection("c")
    assert col.add_json('{"email": "a@example.com"}')
    assert not col.add_json(b'{"email": ')
    assert col.add_record({"email": "b@example.com"})
    res = col.finish()
    assert (res["sampled"], res["malformed"], res["first_malformed_line"]) == (3, 1, 2)


def test_rows_like_csv() -> None:
    col = ajar.default_classifier().collection("people.csv")
    for i in range(20):
        col.add_row({"resident_id": CN_ID, "phone": f"1380013{8000 + i}", "note": None})
    res = col.finish()
    assert {f["field"]: f["category"] for f in res["findings"]} == \
        {"resident_id": "identity.national_id", "phone": "contact.phone"}
    assert res["severity"] == "critical" and res["records"] == 20


def test_scan_files_equals_the_command_line(ajar_bin: str) -> None:
    paths = sorted(str(p) for p in EXAMPLES.iterdir())
    got = ajar.scan_files(paths, threads=2)
    want = cli_report(ajar_bin, paths)
    assert comparable(got) == comparable(want)
    assert got["summary"] == want["summary"]
    faces = next(t for t in got["targets"] if t["target"].endswith("smartcity-faces.ndjson"))
    assert "facial_recognition" in faces["collections"][0]["profiles"]
    assert got["started_at"].endswith("Z") and got["tool"]["name"] == "ajar"


def test_scan_files_non_utf8(tmp_path: Path) -> None:
    """Bytes that are not UTF-8, in a file and in its name, are classified
    like any other; an unreadable file is a target with an error."""
    path = tmp_path / "caf\udce9.ndjson"  # the name's bytes: caf\xe9
    with open(path, "wb") as f:
        for i in range(30):
            f.write(b'{"email": "u%d@example.com", "bio": "\xff\xfe\xc3(", '
                    b'"idcard": "11010519491231002X"}\n' % i)
    report = ajar.scan_files([path, tmp_path / "missing.csv"])
    ok, missing = report["targets"]
    found = {f["field"]: f["category"] for f in ok["collections"][0]["findings"]}
    assert found["email"] == "contact.email" and found["idcard"] == "identity.national_id"
    assert ok["error"] is None and ok["collections"][0]["sampled"] == 30
    assert missing["error"].startswith("cannot read") and not missing["reachable"]


def test_export_state_merges_like_one_collection() -> None:
    clf = ajar.Classifier()
    lines = (EXAMPLES / "smartcity-faces.ndjson").read_bytes().splitlines()
    whole = clf.collection("faces")
    parts = [clf.collection("faces") for _ in range(3)]
    for i, line in enumerate(lines):
        whole.add_json(line)
        parts[i % 3].add_json(line)
    merged = clf.collection("faces")
    for p in parts:
        merged.merge_state(p.export_state())
    a, b = whole.finish(), merged.finish()
    for r in (a, b):
        for f in r["findings"]:
            f.pop("examples")
    assert a == b
    with pytest.raises(ajar.AjarError) as e:  # nothing merged from bad bytes
        merged.merge_state(parts[0].export_state()[:-3])
    assert e.value.code == -5
    assert merged.finish()["sampled"] == len(lines)


def test_threads_share_one_classifier() -> None:
    clf = ajar.Classifier()
    rec = {"person": {"idcard": CN_ID}, "phone": "+86 138 0013 8000", "imei": IMEI}
    want_rec = clf.classify_record(rec)
    want_txt = clf.classify_text(f"id {CN_ID} mail a@example.com")
    errors: List[Any] = []

    def work() -> None:
        try:
            for _ in range(200):
                assert clf.classify_record(rec) == want_rec
                assert clf.classify_text(f"id {CN_ID} mail a@example.com") == want_txt
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_scan_reports_and_refuses() -> None:
    report = ajar.scan(["127.0.0.1:1"], connect_timeout_ms=2000)
    (t,) = report["targets"]
    assert t["target"] == "127.0.0.1:1" and not t["reachable"] and t["error"]
    assert report["summary"]["targets"] == 1
    with pytest.raises(ajar.AjarError) as e:
        ajar.scan(["300.1.1.1/99"])
    assert "300.1.1.1/99" in str(e.value)
    with pytest.raises(TypeError):
        ajar.scan(["127.0.0.1:1"], no_such_option=1)


def test_detectors_listed() -> None:
    names = dict(ajar.default_classifier().detectors)
    assert names["cn_resident_id"] == "identity.national_id"
    assert names["imei"] == "device.imei"
