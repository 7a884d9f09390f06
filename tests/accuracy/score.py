#!/usr/bin/env python3
"""Score ajar's field-level classification against a labelled corpus.

    score.py --ajar PATH_TO_AJAR --corpus DIR [--min 0.95] [--json-out F]

Runs `AJAR files --format json DIR/<file> ...` once over every file named
in DIR/labels.json (written by gen_labelled.py) and compares the findings
with the labels.

Unit of scoring: one (file basename, field path, category) triple. A
finding's file is the basename of targets[].target, its field and category
come from targets[].collections[].findings[]. Truth is every category
listed in labels.json; a field labelled [] is a labelled negative and only
contributes false positives.

    precision = TP / predicted triples      recall = TP / labelled triples

Prints per-category precision/recall/support, every false positive and
false negative (file, field, category, detector, confidence) and the
overall figures. Expected profiles (the optional "__profiles__" key per
file) are compared too; mismatches are reported but never fail the run.

Exit: 0 when overall precision and recall are both >= --min, 1 when one is
below, 2 when ajar could not be run or its output could not be read.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

KNOWN_CATEGORIES = {
    "identity.name", "identity.national_id", "identity.passport", "identity.demographic",
    "contact.email", "contact.phone", "contact.address",
    "device.imei", "device.imsi", "device.mac", "device.ip", "device.advertising_id",
    "location.coordinates", "vehicle.plate", "vehicle.vin", "financial.card", "financial.iban",
    "biometric.face", "special.ethnicity", "special.religion", "special.political",
    "special.health", "credential.secret",
}


def load_labels(path):
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    truth, negatives, profiles, fields = set(), set(), {}, defaultdict(set)
    for fname, fl in raw.items():
        for field, cats in fl.items():
            if field == "__profiles__":
                profiles[fname] = sorted(cats)
                continue
            if field.startswith("__"):
                continue
            fields[fname].add(field)
            if not cats:
                negatives.add((fname, field))
            for c in cats:
                truth.add((fname, field, c))
    return raw, truth, negatives, profiles, fields


def run_ajar(ajar, corpus, files, timeout):
    cmd = [ajar, "files", "--format", "json"] + [os.path.join(corpus, f) for f in files]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SystemExit(_fail("could not run ajar: %s" % e))
    if p.returncode >= 2 or p.returncode < 0:
        sys.stderr.write(p.stderr.decode(errors="replace")[-4000:])
        raise SystemExit(_fail("ajar exited with %d" % p.returncode))
    try:
        return json.loads(p.stdout)
    except ValueError as e:
        sys.stderr.write(p.stdout[:2000].decode(errors="replace"))
        raise SystemExit(_fail("ajar output is not JSON: %s" % e))


def _fail(msg):
    sys.stderr.write("score.py: %s\n" % msg)
    return 2


def read_report(report):
    """-> predicted {(file, field, cat): (detector, confidence)}, profiles {file: set}, errors {file: str}"""
    pred, profs, errors, seen = {}, defaultdict(set), {}, set()
    for t in report.get("targets") or []:
        fname = os.path.basename(str(t.get("target", "")))
        seen.add(fname)
        if t.get("error"):
            errors[fname] = t["error"]
        for c in t.get("collections") or []:
            profs[fname].update(c.get("profiles") or [])
            for fd in c.get("findings") or []:
                key = (fname, fd.get("field"), fd.get("category"))
                pred.setdefault(key, (fd.get("detector"), fd.get("confidence")))
    return pred, profs, errors, seen


def ratio(a, b):
    return a / b if b else 1.0


def score(labels_raw, truth, negatives, exp_profiles, fields, pred, profs, errors, seen):
    files = set(labels_raw)
    pred = {k: v for k, v in pred.items() if k[0] in files}
    tp = {k for k in pred if k in truth}
    fp = sorted(k for k in pred if k not in truth)
    fn = sorted(k for k in truth if k not in pred)
    cats = sorted({k[2] for k in truth} | {k[2] for k in pred}, key=str)
    per = {}
    for c in cats:
        t = sum(1 for k in tp if k[2] == c)
        p = sum(1 for k in pred if k[2] == c)
        s = sum(1 for k in truth if k[2] == c)
        per[c] = {"tp": t, "fp": p - t, "fn": s - t, "support": s,
                  "precision": ratio(t, p), "recall": ratio(t, s)}
    fps = []
    for k in fp:
        det, conf = pred[k]
        why = []
        if k[1] not in fields.get(k[0], ()):
            why.append("unlabelled field")
        elif (k[0], k[1]) in negatives:
            why.append("labelled negative")
        if k[2] not in KNOWN_CATEGORIES:
            why.append("unknown category")
        fps.append({"file": k[0], "field": k[1], "category": k[2], "detector": det, "confidence": conf, "note": ", ".join(why)})
    fns = [{"file": k[0], "field": k[1], "category": k[2], "detector": None, "confidence": None,
            "note": "no target in report" if k[0] not in seen else ("target error: %s" % errors[k[0]] if k[0] in errors else "")}
           for k in fn]
    prof_mismatch = []
    for f in sorted(exp_profiles):
        want, got = set(exp_profiles[f]), profs.get(f, set())
        if want != got:
            prof_mismatch.append({"file": f, "expected": sorted(want), "reported": sorted(got),
                                  "missing": sorted(want - got), "extra": sorted(got - want)})
    n_pred, n_truth = len(pred), len(truth)
    precision, recall = ratio(len(tp), n_pred), ratio(len(tp), n_truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    neg_fields_flagged = {(k[0], k[1]) for k in pred if (k[0], k[1]) in negatives}
    return {
        "files": len(files), "files_missing": sorted(files - seen), "target_errors": errors,
        "truth": n_truth, "predicted": n_pred, "tp": len(tp), "fp": len(fp), "fn": len(fn),
        "precision": precision, "recall": recall, "f1": f1,
        "negative_fields": len(negatives), "negative_fields_flagged": len(neg_fields_flagged),
        "per_category": per, "false_positives": fps, "false_negatives": fns,
        "profiles_checked": len(exp_profiles), "profile_mismatches": prof_mismatch,
    }


def print_result(r, out=sys.stdout):
    w = out.write
    w("per category:\n")
    w("  %-24s %9s %7s %8s %5s %5s %5s\n" % ("category", "precision", "recall", "support", "tp", "fp", "fn"))
    for c, v in sorted(r["per_category"].items(), key=lambda x: str(x[0])):
        w("  %-24s %9.3f %7.3f %8d %5d %5d %5d\n" % (c, v["precision"], v["recall"], v["support"], v["tp"], v["fp"], v["fn"]))
    w("\nfalse positives (%d):\n" % len(r["false_positives"]))
    for x in r["false_positives"]:
        w("  FP %s  %s  %s  [%s, %s]%s\n" % (x["file"], x["field"], x["category"], x["detector"], x["confidence"],
                                             "  (" + x["note"] + ")" if x["note"] else ""))
    w("\nfalse negatives (%d):\n" % len(r["false_negatives"]))
    for x in r["false_negatives"]:
        w("  FN %s  %s  %s%s\n" % (x["file"], x["field"], x["category"], "  (" + x["note"] + ")" if x["note"] else ""))
    if r["files_missing"]:
        w("\nfiles with no target in the report: %s\n" % ", ".join(r["files_missing"]))
    for f, e in sorted(r["target_errors"].items()):
        w("target error: %s: %s\n" % (f, e))
    w("\nprofiles: %d files checked, %d mismatches (reported, never fatal)\n" % (r["profiles_checked"], len(r["profile_mismatches"])))
    for m in r["profile_mismatches"]:
        w("  %s: expected %s, reported %s\n" % (m["file"], m["expected"], m["reported"]))
    w("\noverall: files %d, labelled %d, predicted %d, tp %d, fp %d, fn %d\n" % (r["files"], r["truth"], r["predicted"], r["tp"], r["fp"], r["fn"]))
    w("         negative fields %d, of which flagged %d\n" % (r["negative_fields"], r["negative_fields_flagged"]))
    w("         precision %.4f  recall %.4f  f1 %.4f\n" % (r["precision"], r["recall"], r["f1"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score ajar against a labelled corpus (see gen_labelled.py).")
    ap.add_argument("--ajar", required=True, help="path to the ajar binary")
    ap.add_argument("--corpus", required=True, help="directory written by gen_labelled.py")
    ap.add_argument("--labels", help="labels file (default: CORPUS/labels.json)")
    ap.add_argument("--min", type=float, default=0.95, help="minimum precision and recall (default 0.95)")
    ap.add_argument("--json-out", help="write the full result as JSON here")
    ap.add_argument("--strict-profiles", action="store_true",
                    help="also fail when a file's profiles differ from the labels")
    ap.add_argument("--timeout", type=float, default=600, help="seconds allowed for the ajar run")
    a = ap.parse_args(argv)

    labels_raw, truth, negatives, exp_profiles, fields = load_labels(a.labels or os.path.join(a.corpus, "labels.json"))
    files = sorted(f for f in labels_raw if os.path.exists(os.path.join(a.corpus, f)))
    missing_on_disk = sorted(set(labels_raw) - set(files))
    if missing_on_disk:
        return _fail("labelled files missing from %s: %s" % (a.corpus, ", ".join(missing_on_disk)))
    report = run_ajar(a.ajar, a.corpus, files, a.timeout)
    pred, profs, errors, seen = read_report(report)
    r = score(labels_raw, truth, negatives, exp_profiles, fields, pred, profs, errors, seen)
    r["min"] = a.min
    print_result(r)
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump(r, f, ensure_ascii=False, indent=1)
    ok = r["precision"] >= a.min and r["recall"] >= a.min
    if a.strict_profiles and r["profile_mismatches"]:
        ok = False
    print("result: %s (min %.2f)" % ("PASS" if ok else "FAIL", a.min))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
