#!/usr/bin/env python3
"""Write a large NDJSON benchmark corpus of surveillance-style records.

    python3 bench/gen_corpus.py OUT_FILE [--size-mb 1024] [--seed 1]

Records: face-recognition events (geo_point, face attributes, 128-float
embedding, resident id, name, ethnicity), checkpoint captures (resident
id, name, IMEI, IMSI, MAC, phone, lat/lon), vehicle sightings (plate, VIN,
phone, [lon,lat]) and non-personal records (metrics, request logs with
UUIDs and sha256 hashes). About 40% of all records also carry a long lorem
paragraph (500-3000 chars) -- the text a scanner has to wade through.

Deterministic for a given (--seed, --size-mb). Fast: every value comes from
pools of a few thousand pre-rendered, pre-encoded values (valid check
digits, see tests/accuracy/synth.py) and a record is one bytes %-format of
pool entries picked with one 64-bit random number; output goes out in large
chunks (a writer thread overlaps disk I/O with generation). Prints MB
written, seconds and MB/s.

bench/rg-patterns.txt is the matching ripgrep pattern set (one Rust regex
per line, no comments: `rg -f` reads every line as a pattern) for the
side-by-side run, e.g. `rg --count-matches -f bench/rg-patterns.txt OUT_FILE`:
ajar's free-text patterns as they are (ajar_text_patterns,
src/lib/classify/textdb.c), then four detectors ajar applies to whole values
that have a plain regex form (IMEI/IMSI, IPv6, VIN, Aadhaar). No check digits,
no field context. bench/rg-patterns-ascii.txt is the same set for
`rg --no-unicode` (CJK as byte escapes); tests/bench/check_rg_patterns.py keeps
both in step with textdb.c.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "accuracy"))
import synth as S  # noqa: E402

MB = 1 << 20


def _j(s: str) -> bytes:
    """JSON string literal, UTF-8, quotes included."""
    if '"' in s or "\\" in s or not s.isprintable():
        return json.dumps(s, ensure_ascii=False).encode()
    return b'"' + s.encode() + b'"'


def build_pools(rng: random.Random):
    P = {}
    n = 4096
    # persons: resident id, name, devices, phone -- kept together like a real dump
    persons = []
    for _ in range(n):
        persons.append((_j(S.cn_resident_id(rng)), _j(S.cn_name(rng)), _j(S.imei(rng)), _j(S.mac(rng)),
                        _j(S.imsi(rng)), _j(S.cn_mobile(rng)), _j(S.cn_ethnicity(rng))))
    # pre-combined fragments: fewer pieces to assemble per record
    P["p_face"] = [b'"person":{"idcard":%s,"name":%s},"ethnicity":%s' % (p[0], p[1], p[6]) for p in persons]
    P["p_ckpt"] = [b'"sfzh":%s,"xm":%s,"imei":%s,"mac":%s,"imsi":%s,"sjhm":%s' % p[:6] for p in persons]
    P["phone"] = [p[5] for p in persons]
    coords = [tuple(b"%.6f" % x for x in S.latlon(rng)) for _ in range(n)]
    P["l_geo"] = [b'"location":{"lat":%s,"lon":%s}' % c for c in coords]
    P["l_flat"] = [b'"lat":%s,"lon":%s' % c for c in coords]
    P["l_arr"] = [b'"location":[%s,%s]' % (c[1], c[0]) for c in coords]
    P["ts"] = [_j(S.iso_ts(rng)) for _ in range(n)]
    P["uuid"] = [_j(S.uuid4(rng)) for _ in range(n)]
    P["sha"] = [_j(S.hexdigest(rng)) for _ in range(n)]
    P["camera"] = [_j(S.gb28181_id(rng)) for _ in range(512)]
    P["ckpt"] = [_j(c) for c in S.CHECKPOINTS]
    P["plate"] = [_j(S.cn_plate(rng, rng.random() < 0.3)) for _ in range(n)]
    P["vin"] = [_j(S.vin(rng)) for _ in range(n)]
    P["face"] = [b'{"beard":%s,"glasses":%s,"mask":%s,"smile":%s,"age_estimate":%d,"gender_estimate":"%s"}' % (
        b"true" if rng.random() < 0.3 else b"false", b"true" if rng.random() < 0.25 else b"false",
        b"true" if rng.random() < 0.2 else b"false", b"true" if rng.random() < 0.4 else b"false",
        rng.randint(16, 75), rng.choice([b"male", b"female"])) for _ in range(256)]
    P["emb"] = [("[" + ",".join("%.4f" % x for x in S.embedding(rng, 128)) + "]").encode() for _ in range(512)]
    # lorem paragraphs: slices of one long generated text (much faster than 2048 separate texts)
    big = S.lorem(rng, 400000, 400000)
    P["lorem"] = []
    for _ in range(2048):
        a, ln = rng.randrange(0, len(big) - 3100), rng.randint(500, 3000)
        P["lorem"].append(b',"description":' + _j(big[a:a + ln].strip().capitalize()))
    P["float"] = [b"%.3f" % rng.uniform(0, 100) for _ in range(n)]
    P["int"] = [b"%d" % rng.randint(0, 10 ** rng.randint(1, 9)) for _ in range(n)]
    P["host"] = [_j(S.host_name(rng)) for _ in range(256)]
    P["path"] = [_j("/api/v%d/%s/%d" % (rng.randint(1, 3), rng.choice(["orders", "media", "search"]), rng.randint(1, 99999)))
                 for _ in range(1024)]
    return P


T_FACE = b'{"type":"face","event_id":%s,"camera_id":%s,"captured_at":%s,%s,"face":%s,"embedding":%s,%s%s}\n'
T_CKPT = b'{"type":"checkpoint",%s,"kkmc":%s,"tgsj":%s,%s,"seq":%s%s}\n'
T_VEH = b'{"type":"vehicle","plate":%s,"vin":%s,"owner_phone":%s,"seen_at":%s,%s,"speed_kmh":%s,"camera_id":%s%s}\n'
T_METRIC = (b'{"type":"metric","host":%s,"ts":%s,"cpu":%s,"mem":%s,"rps":%s,"p99_ms":%s,"trace_id":%s%s}\n')
T_LOG = (b'{"type":"request","request_id":%s,"path":%s,"status":200,"bytes":%s,"duration_ms":%s,'
         b'"content_sha256":%s,"host":%s%s}\n')


def generate(out_path: str, size_mb: float, seed: int, chunk_mb: int = 8, progress=None) -> int:
    """Write at least size_mb MiB (whole records) to out_path; return bytes written."""
    rng = random.Random(seed)
    pools = build_pools(rng)
    target, chunk_target = int(size_mb * MB), chunk_mb * MB
    # a writer thread overlaps disk I/O (which releases the GIL) with generation
    q: queue.Queue = queue.Queue(maxsize=4)
    err: list = []

    def writer(f):
        while True:
            buf = q.get()
            if buf is None:
                return
            if not err:
                try:
                    f.write(buf)
                except OSError as e:  # keep draining so the producer never blocks
                    err.append(e)

    with open(out_path, "wb", buffering=0) as f:
        wt = threading.Thread(target=writer, args=(f,), daemon=True)
        wt.start()
        try:
            written = _produce(q, err, target, chunk_target, rng.getrandbits, pools, progress)
        finally:
            q.put(None)
            wt.join()
    if err:
        raise err[0]
    return written


def _produce(q, err, target, chunk_target, getbits, P, progress):
    p_face, p_ckpt, phone, l_geo, l_flat, l_arr = P["p_face"], P["p_ckpt"], P["phone"], P["l_geo"], P["l_flat"], P["l_arr"]
    ts, uuid, sha = P["ts"], P["uuid"], P["sha"]
    camera, ckpt, plate, vin, face, emb = P["camera"], P["ckpt"], P["plate"], P["vin"], P["face"], P["emb"]
    lorem, flt, integer, host, path = P["lorem"], P["float"], P["int"], P["host"], P["path"]
    nP, nC, nT, nU, nS = len(p_face), len(l_geo), len(ts), len(uuid), len(sha)
    nCam, nK, nPl, nV, nF, nE = len(camera), len(ckpt), len(plate), len(vin), len(face), len(emb)
    nL, nFl, nI, nH, nPa = len(lorem), len(flt), len(integer), len(host), len(path)
    written = 0
    while written < target and not err:
        parts, size = [], 0
        while size < chunk_target:
            r = getbits(64)
            kind = r & 15          # 0-4 face, 5-8 checkpoint, 9-11 vehicle, 12-13 metric, 14-15 request log
            extra = lorem[(r >> 4) % nL] if (r >> 56) % 5 < 2 else b""   # ~40% carry lorem
            if kind < 5:
                rec = T_FACE % (uuid[(r >> 30) % nU], camera[(r >> 24) % nCam], ts[(r >> 36) % nT], l_geo[(r >> 20) % nC],
                                face[(r >> 44) % nF], emb[(r >> 14) % nE], p_face[(r >> 8) % nP], extra)
            elif kind < 9:
                rec = T_CKPT % (p_ckpt[(r >> 8) % nP], ckpt[(r >> 30) % nK], ts[(r >> 36) % nT], l_flat[(r >> 20) % nC],
                                integer[(r >> 44) % nI], extra)
            elif kind < 12:
                rec = T_VEH % (plate[(r >> 30) % nPl], vin[(r >> 40) % nV], phone[(r >> 8) % nP], ts[(r >> 36) % nT],
                               l_arr[(r >> 20) % nC], integer[(r >> 44) % nI], camera[(r >> 24) % nCam], extra)
            elif kind < 14:
                rec = T_METRIC % (host[(r >> 8) % nH], integer[(r >> 16) % nI], flt[(r >> 20) % nFl], flt[(r >> 28) % nFl],
                                  flt[(r >> 36) % nFl], integer[(r >> 44) % nI], uuid[(r >> 30) % nU], extra)
            else:
                rec = T_LOG % (uuid[(r >> 8) % nU], path[(r >> 20) % nPa], integer[(r >> 28) % nI],
                               integer[(r >> 36) % nI], sha[(r >> 44) % nS], host[(r >> 52) % nH], extra)
            parts.append(rec)
            size += len(rec)
        if written + size > target:      # trim the last chunk to whole records within the target
            keep, acc = [], written
            for rec in parts:
                if acc >= target:
                    break
                keep.append(rec)
                acc += len(rec)
            parts, size = keep, acc - written
        q.put(b"".join(parts))
        written += size
        if progress:
            progress(written)
    return written


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate the ajar benchmark NDJSON corpus.")
    ap.add_argument("out_file")
    ap.add_argument("--size-mb", type=float, default=1024, help="size in MiB (default 1024)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    n = generate(a.out_file, a.size_mb, a.seed)
    dt = time.perf_counter() - t0
    print("wrote %.1f MB to %s in %.2f s (%.0f MB/s)" % (n / MB, a.out_file, dt, n / MB / dt))


if __name__ == "__main__":
    main()
