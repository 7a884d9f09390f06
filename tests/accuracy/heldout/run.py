#!/usr/bin/env python3
"""ctest's `accuracy.heldout`: ajar on data it has never seen.

    run.py --ajar AJAR --venv DIR --out DIR --seeds 201 202 203
           [--min-precision P] [--min-recall R] [--min-profiles-f1 F]
           [--min-locale-recall L] [--json-out F] [--gen GEN]

Makes the venv once (requirements.txt: Faker, Mimesis, python-stdnum at
pinned versions; kept in the build tree for later runs), writes the
corpus of gen.py for every seed, runs ajar once per seed over it (the
scoring of tests/accuracy/score.py), and prints precision and recall per
category and per locale, a locale x category recall table, profiles
precision/recall/F1, and every miss and false alarm when --verbose.

--gen names another generator with the same interface and labels, such
as tests/accuracy/blind/gen.py (ctest `accuracy.blind`).

Exit 0 when the figures over all seeds reach the minimums, 1 when one is
below, 2 when ajar or the generator could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import score as S  # noqa: E402

PROBE = "import faker, mimesis, stdnum"


def ensure_venv(venv: Path) -> Path:
    py = venv / "bin" / "python"
    req = HERE / "requirements.txt"
    stamp = venv / ".ajar-requirements"
    want = req.read_text()
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if (not stamp.exists() or stamp.read_text() != want
            or subprocess.run([str(py), "-c", PROBE], capture_output=True).returncode):
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "-r", str(req)], check=True)
        stamp.write_text(want)
    return py


def cat_short(c):
    return c.split(".", 1)[1][:8] if "." in c else c[:8]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ajar", required=True)
    ap.add_argument("--venv", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[201, 202, 203])
    ap.add_argument("--records", type=int, default=30)
    ap.add_argument("--gen", type=Path, default=HERE / "gen.py",
                    help="corpus generator (same interface: OUT --seed N --records N; default heldout/gen.py)")
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--min-profiles-f1", type=float, default=0.0)
    ap.add_argument("--min-locale-recall", type=float, default=0.0,
                    help="fail when the recall of any one locale is below this")
    ap.add_argument("--json-out")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every FP and FN")
    a = ap.parse_args()

    py = ensure_venv(a.venv)
    truth, pred, negatives = set(), {}, set()
    locale_of, exp_prof, got_prof = {}, {}, {}
    for seed in a.seeds:
        d = a.out / ("seed%d" % seed)
        shutil.rmtree(d, ignore_errors=True)
        subprocess.run([str(py), str(a.gen), str(d), "--seed", str(seed),
                        "--records", str(a.records)], check=True, stdout=subprocess.DEVNULL)
        raw, t, neg, prof, _fields = S.load_labels(str(d / "labels.json"))
        files = sorted(raw)
        report = S.run_ajar(a.ajar, str(d), files, 600)
        p, profs, errors, _seen = S.read_report(report)
        if errors:
            for f, e in sorted(errors.items()):
                print("target error: %s: %s" % (f, e))
            return 2
        tag = "s%d/" % seed
        truth |= {(tag + f, fld, c) for f, fld, c in t}
        negatives |= {(tag + f, fld) for f, fld in neg}
        pred.update({(tag + k[0], k[1], k[2]): v for k, v in p.items() if k[0] in raw})
        for f in files:
            locale_of[tag + f] = raw[f]["__locale__"]
            exp_prof[tag + f] = set(prof.get(f, ()))
            got_prof[tag + f] = set(profs.get(f, ()))

    tp = {k for k in pred if k in truth}
    fp = sorted(k for k in pred if k not in truth)
    fn = sorted(k for k in truth if k not in pred)
    locales = sorted(set(locale_of.values()))
    cats = sorted({k[2] for k in truth})
    w = sys.stdout.write

    def pr(keys_t, keys_p):
        t = len(keys_t & keys_p)
        return S.ratio(t, len(keys_p)), S.ratio(t, len(keys_t)), len(keys_t)

    w("%s corpus, seeds %s: %d files, %d labelled triples\n\n" % (
        a.gen.parent.name, " ".join(map(str, a.seeds)), len(locale_of), len(truth)))
    w("per category:\n  %-24s %9s %7s %8s\n" % ("category", "precision", "recall", "support"))
    for c in sorted({k[2] for k in truth} | {k[2] for k in pred}):
        p_, r_, n_ = pr({k for k in truth if k[2] == c}, {k for k in pred if k[2] == c})
        w("  %-24s %9.3f %7.3f %8d\n" % (c, p_, r_, n_))
    w("\nper locale:\n  %-8s %9s %7s %8s\n" % ("locale", "precision", "recall", "support"))
    per_locale = {}
    for loc in locales:
        p_, r_, n_ = pr({k for k in truth if locale_of[k[0]] == loc}, {k for k in pred if locale_of[k[0]] == loc})
        per_locale[loc] = {"precision": p_, "recall": r_, "support": n_}
        w("  %-8s %9.3f %7.3f %8d\n" % (loc, p_, r_, n_))
    w("\nrecall, locale x category (support in the last row):\n  %-8s" % "")
    w("".join(" %8s" % cat_short(c) for c in cats) + "      all\n")
    table = defaultdict(dict)
    for loc in locales:
        w("  %-8s" % loc)
        for c in cats:
            s = {k for k in truth if k[2] == c and locale_of[k[0]] == loc}
            if s:
                table[loc][c] = len(s & tp) / len(s)
                w(" %8.2f" % table[loc][c])
            else:
                w(" %8s" % "-")
        w(" %8.2f\n" % per_locale[loc]["recall"])
    w("  %-8s" % "n")
    w("".join(" %8d" % sum(1 for k in truth if k[2] == c) for c in cats) + " %8d\n" % len(truth))

    pt = sum(len(exp_prof[f] & got_prof[f]) for f in exp_prof)
    pp = sum(len(got_prof[f]) for f in exp_prof)
    pe = sum(len(exp_prof[f]) for f in exp_prof)
    prof_p, prof_r = S.ratio(pt, pp), S.ratio(pt, pe)
    prof_f1 = 2 * prof_p * prof_r / (prof_p + prof_r) if prof_p + prof_r else 0.0
    per_prof = {}
    for name in sorted({x for v in exp_prof.values() for x in v} | {x for v in got_prof.values() for x in v}):
        e = {f for f in exp_prof if name in exp_prof[f]}
        g = {f for f in exp_prof if name in got_prof[f]}
        per_prof[name] = (S.ratio(len(e & g), len(g)), S.ratio(len(e & g), len(e)), len(e))
    w("\nprofiles:\n  %-20s %9s %7s %8s\n" % ("profile", "precision", "recall", "support"))
    for name, (p_, r_, n_) in per_prof.items():
        w("  %-20s %9.3f %7.3f %8d\n" % (name, p_, r_, n_))

    if a.verbose:
        w("\nfalse positives (%d):\n" % len(fp))
        for k in fp:
            w("  FP %s  %s  %s  [%s, %s]%s\n" % (k[0], k[1], k[2], *pred[k],
                                                "  (labelled negative)" if (k[0], k[1]) in negatives else ""))
        w("\nfalse negatives (%d):\n" % len(fn))
        for k in fn:
            w("  FN %s  %s  %s\n" % k)
        w("\nprofile mismatches:\n")
        for f in sorted(exp_prof):
            if exp_prof[f] != got_prof[f]:
                w("  %s: expected %s, reported %s\n" % (f, sorted(exp_prof[f]), sorted(got_prof[f])))

    precision, recall = S.ratio(len(tp), len(pred)), S.ratio(len(tp), len(truth))
    w("\noverall: labelled %d, predicted %d, tp %d, fp %d, fn %d\n" % (len(truth), len(pred), len(tp), len(fp), len(fn)))
    w("         precision %.4f  recall %.4f  profiles P %.3f R %.3f F1 %.4f\n" % (precision, recall, prof_p, prof_r, prof_f1))
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump({"seeds": a.seeds, "precision": precision, "recall": recall, "profiles_f1": prof_f1,
                       "per_locale": per_locale, "recall_table": table,
                       "false_negatives": fn, "false_positives": fp}, f, ensure_ascii=False, indent=1)
    low = sorted(loc for loc in locales if per_locale[loc]["recall"] < a.min_locale_recall)
    ok = (precision >= a.min_precision and recall >= a.min_recall and prof_f1 >= a.min_profiles_f1
          and not low)
    if low:
        w("locales below the recall minimum: %s\n" % " ".join(low))
    print("result: %s (min precision %.2f, recall %.2f, profiles F1 %.2f, recall of each locale %.2f)" % (
        "PASS" if ok else "FAIL", a.min_precision, a.min_recall, a.min_profiles_f1, a.min_locale_recall))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
