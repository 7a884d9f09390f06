#!/usr/bin/env python3
"""ripgrep in the benchmark searches for the same patterns as ajar.

    python3 tests/bench/check_rg_patterns.py [RG]

bench/run.sh times `rg --count-matches -f bench/rg-patterns-ascii.txt`
beside ajar (issue 15: "ripgrep ... the same patterns"). This checks that
every free-text pattern ajar compiles into its Vectorscan database
(ajar_text_patterns, src/lib/classify/textdb.c) is a line of
bench/rg-patterns-ascii.txt, written the same way (non-ASCII bytes as
\\xHH, since `rg --no-unicode` refuses CJK literals); that
bench/rg-patterns.txt is the same set in UTF-8 (each line, with its
non-ASCII characters written as bytes, is the same line of the ASCII
file); and, given an rg, that rg compiles both files.
"""

import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def c_literal(body):
    """The bytes of a C string literal's body (only \\\\ and \\" occur)."""
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1] not in "\\\"":
                raise ValueError(f"unexpected C escape in {body!r}")
            out.append(body[i + 1])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def c_string_expr(expr, macros):
    """A sequence of C string literals and macro names, concatenated."""
    out = []
    for lit, name in re.findall(r'"((?:[^"\\]|\\.)*)"|([A-Z_][A-Z0-9_]*)', expr):
        out.append(c_literal(lit) if not name else macros[name])
    return "".join(out)


def ajar_patterns():
    src = open(os.path.join(ROOT, "src/lib/classify/textdb.c"), encoding="utf-8").read()
    macros = {m: c_string_expr(e, {}) for m, e in re.findall(r"#define ([A-Z_]+) (\".*\")", src)}
    # the table, sized or not: ajar_text_patterns[] = { or ajar_text_patterns[TP__COUNT] = {
    opening = re.search(r"ajar_text_patterns\[\w*\] = \{", src)
    if not opening:
        raise SystemExit("no ajar_text_patterns table in textdb.c: has it moved?")
    table = src[opening.end():].split("\n};", 1)[0]
    # entries plain ({"re", DET_X},) or designated ([TP_X] = {"re", DET_X},)
    entry = r"^\s*(?:\[\w+\]\s*=\s*)?\{(.*),\s*(DET_\w+)\},\s*$"
    pats = [c_string_expr(e, macros) for e, _ in re.findall(entry, table, re.M)]
    if len(pats) < 10:
        raise SystemExit(f"found only {len(pats)} patterns in textdb.c: has its table moved?")
    return pats


def ascii_form(pat):
    """Non-ASCII characters as their UTF-8 bytes, \\xHH each."""
    return "".join(ch if ord(ch) < 128 else "".join(f"\\x{b:02X}" for b in ch.encode()) for ch in pat)


def lines(name):
    with open(os.path.join(ROOT, "bench", name), encoding="utf-8") as f:
        return [ln.rstrip("\n") for ln in f if ln.strip()]


def main(argv):
    bad = 0
    rg_ascii, rg_utf8 = lines("rg-patterns-ascii.txt"), lines("rg-patterns.txt")
    for p in ajar_patterns():
        if ascii_form(p) not in rg_ascii:
            print(f"bench/rg-patterns-ascii.txt lacks ajar's pattern: {ascii_form(p)}")
            bad += 1
    if [ascii_form(p) for p in rg_utf8] != rg_ascii:
        print("bench/rg-patterns.txt is not bench/rg-patterns-ascii.txt in UTF-8, line for line")
        bad += 1
    rg = argv[0] if argv else "rg"
    for name, flags in (("rg-patterns-ascii.txt", ["--no-unicode"]), ("rg-patterns.txt", [])):
        try:
            r = subprocess.run([rg, "--count-matches", *flags, "-f", os.path.join(ROOT, "bench", name), "-"],
                               input=b"", capture_output=True)
        except FileNotFoundError:
            print(f"no {rg}: not compiling the pattern files")
            break
        if r.returncode not in (0, 1):
            print(f"rg refuses bench/{name}: {r.stderr.decode(errors='replace').strip()}")
            bad += 1
    print(f"{'FAIL' if bad else 'ok'}: {len(rg_ascii)} ripgrep patterns, ajar's {len(ajar_patterns())} among them")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
