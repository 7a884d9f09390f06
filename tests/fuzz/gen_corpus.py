#!/usr/bin/env python3
"""Write the hand-made seed corpora of tests/fuzz/corpus/<target>/.

Run from anywhere; rewrites only the files it names (seed-*.bin, and
regress-*.bin: inputs that once found a bug, named after it), so other
saved cases are kept.
Every file stays small: the large inputs are compressed (a gzip or zstd
"bomb" of a few KB that expands to MBs).
"""
import gzip
import os
import subprocess
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ID = b"11010519491231002X"           # a valid Chinese resident id
REC = (b'{"name":"Zhang Wei","id_card":"' + ID +
       b'","email":"zhang.wei@example.com","phone":"+86 138 0013 8000",'
       b'"ip":"203.0.113.7","loc":{"lat":39.9,"lon":116.4}}')


def gz(b, level=9):
    return gzip.compress(b, level, mtime=0)


def zst(b):
    return subprocess.run(["zstd", "-q", "-19", "-c"], input=b,
                          stdout=subprocess.PIPE, check=True).stdout


def json_records():
    deep_arr = b"[" * 10000 + b"]" * 10000
    deep_obj = b'{"a":' * 10000 + b"1" + b"}" * 10000
    return {
        "valid": REC,
        "array": b'[{"id_card":"' + ID + b'"},"x",1,true,null]',
        "nested": b'{"user":{"profile":{"name":"Li Na","tags":["a","b"],'
                  b'"face":{"age":34,"embedding":[0.1,-0.2,0.3,0.4]}}}}',
        "deep-array-10000": deep_arr,
        "deep-object-10000": deep_obj,
        "deep-unbalanced": b"[" * 10000,
        "unterminated-string": b'{"name":"Zhang',
        "unterminated-escape": b'{"name":"Zhang\\',
        "unterminated-object": b'{"a":1,',
        "escapes": b'{"k\\u0041\\n":"\\u00e9\\t\\"q\\"\\\\\\/\\b\\f\\r"}',
        "surrogate-pair": b'{"e":"\\ud83d\\ude00"}',
        "lone-high-surrogate": b'{"e":"\\ud800"}',
        "lone-low-surrogate": b'{"e":"\\udc00x"}',
        "high-then-bad": b'{"e":"\\ud800\\u0041\\ud800\\uZZZZ"}',
        "short-u": b'{"e":"\\u12"}',
        "bad-hex": b'{"e":"\\uZZZZ","\\uD8":"\\x"}',
        "huge-numbers": b'{"a":1e999999,"b":-0,"c":123456789012345678901234567890,'
                        b'"d":-1.5e-400,"e":0.0000000000000000000001,"f":1e+,"g":--1}',
        # collection.c: NULL + offset for numeric arrays (UBSan, clang)
        "regress-collection-numarray-null": b'{"v":[1,2,3.5e3,-4,5e-1],"geo":[116.4,39.9],'
                         b'"bad":[1,2,,3],"big":[999999,1]}',
        "latlon": b'{"p":{"lat":91,"lon":200},"q":{"latitude":"x","lng":1}}',
        "empty": b"",
        "whitespace": b" \t\r\n ",
        "scalars": b'"just a string 11010519491231002X"',
        "literals": b"[true,false,null,tru,nul]",
        "binary": bytes(range(256)),
        "long-key": b'{"' + b"k" * 300 + b'":"v","' + b"\\u0041" * 100 + b'":1}',
        "many-fields": b"{" + b",".join(b'"f%d":%d' % (i, i) for i in range(600)) + b"}",
        "invalid-utf8": b'{"name":"\xff\xfe\xc3\x28\xe2\x82","id":"\xed\xa0\x80"}',
        "long-value": b'{"t":"' + b"a" * 70000 + b'"}',
        "long-escaped-value": b'{"t":"' + b"a" * 66000 + b"\\u00e9\\n" + b'"}',
        "trailing-junk": REC + b" x",
    }


def ndjson_files():
    good = b"\n".join([REC] * 5) + b"\n"
    big_line = b'{"t":"' + b"a" * (20 << 20) + b'"}\n' + REC + b"\n"
    bomb = (REC + b"\n") * 40000            # about 8 MB
    truncated = gz(good * 20)
    return {
        "valid": good,
        "malformed-line": REC + b"\n" + b'{"name":"Zhang' + b"\n" + REC + b"\n",
        "blank-lines": b"\n\n\n" + REC + b"\n\n",
        "zero-length-lines": b"\n" * 64,
        "crlf": REC + b"\r\n" + REC + b"\r\n",
        # framer.c: a byte order mark made the first record malformed
        "regress-framer-bom": b"\xef\xbb\xbf" + REC + b"\n",
        "no-final-newline": REC + b"\n" + REC,
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "control-chars": b"\x01\x02\x03\x04\x05\x06" * 100,
        "gzip": gz(good),
        "gzip-truncated": truncated[: len(truncated) // 2],
        "gzip-header-only": truncated[:10],
        "gzip-corrupt": truncated[:20] + b"\x00" * 40 + truncated[60:],
        "gzip-concatenated": gz(REC + b"\n") + gz(REC + b"\n"),
        "gzip-trailing-garbage": gz(good) + b"garbage",
        "gzip-bomb": gz(bomb),
        # reader.c: every zstd file ended in "truncated zstd stream"
        "regress-reader-zstd-end": zst(good),
        "zstd-truncated": zst(good * 20)[:-7],
        "zstd-20MiB-line": zst(big_line),
        "zstd-magic-only": b"\x28\xb5\x2f\xfd",
        "gzip-magic-only": b"\x1f\x8b",
        "raw-deflate-in-gzip-magic": b"\x1f\x8b" + zlib.compress(good)[2:],
        "mixed": b'[1,2]\n"str"\n42\n{"a":[{"b":{"c":"' + ID + b'"}}]}\n',
        "invalid-utf8": b'{"name":"\xff\xfe\xc3\x28"}\n',
    }


def csv_files():
    return {
        "valid": b"name,id_card,email\nZhang Wei," + ID + b",z@example.com\n"
                 b"Li Na,110105194912310010,l@example.com\n",
        # files.c: an unclosed quote swallowed the rest silently
        "regress-csv-unterminated-quote": b'name,note\nZhang,"never closed\nLi,x\nWang,y\n',
        "quoted": b'a,b,c\n"x ""y"" z","line\nbreak",plain\n"q"junk,,\n',
        "crlf": b"name,phone\r\nZhang,+86 138 0013 8000\r\n\r\n",
        "bom": b"\xef\xbb\xbfname,email\nZhang,z@example.com\n",
        "semicolon": b"name;email\nZhang;z@example.com\n",
        "header-only": b"name,email\n",
        "empty": b"",
        "empty-lines": b"\n\n\n\n",
        "ragged": b"a,b\n1\n1,2,3,4,5\n,,,\n",
        "wide": b",".join(b"c%d" % i for i in range(1100)) + b"\n" +
                b",".join(b"%d" % i for i in range(1100)) + b"\n",
        "trailing-delim": b"a,b,\n1,2,\n",
        "only-quotes": b'""""""\n"\n"\n',
        "binary": bytes(range(256)),
        "invalid-utf8": b"name,note\n\xff\xfe,\xc3\x28\n",
        "gzip": gz(b"name,id_card\nZhang," + ID + b"\n"),
        "gzip-truncated": gz(b"name,id_card\n" + (b"Zhang," + ID + b"\n") * 100)[:40],
    }


def json_files():
    return {
        "array": b"[" + b",".join([REC] * 3) + b"]",
        "array-scalars": b'[1,"a",true,null,"' + ID + b'"]',
        "array-pretty": b"[\n  " + REC + b",\n  " + REC + b"\n]\n",
        "document": b'{"users":[' + REC + b"," + REC + b"]}",
        # framer.c: a stray } at depth 0 framed an endless run of empty
        # records (hang; unbounded memory with threads)
        "regress-framer-stray-close-brace": b"[}",
        "regress-framer-scalar-then-brace": b"[1}",
        "regress-framer-scalar-then-brace-more": b'[1},{"a":"' + ID + b'"}]',
        "unterminated-array": b"[" + REC + b"," + REC,
        "unterminated-string": b'["abc',
        "empty-array": b"[]",
        "nested-arrays": b"[[1,2],[3,[4,[5]]]]",
        "deep": b"[" * 10000 + b"]" * 10000,
        "trailing": b"[1,2] [3]",
        "commas": b"[,,,1,,]",
        "empty": b"",
        "escapes-in-array": b'["\\"]\\"",{"a":"\\\\"}]',
        "gzip": gz(b"[" + REC + b"]"),
        "zstd": zst(b"[" + REC + b"]"),
    }


def classify_values():
    pairs = [
        (b"id_card", ID), (b"national_id", b"110105194912310010"),
        (b"email", b"zhang.wei@example.com"), (b"phone", b"+86 138 0013 8000"),
        (b"imei", b"490154203237518"), (b"mac", b"00:1A:2B:3C:4D:5E"),
        (b"ip", b"203.0.113.7"), (b"iban", b"GB82 WEST 1234 5698 7654 32"),
        (b"card", b"4111 1111 1111 1111"), (b"plate", b"\xe4\xba\xacA12345"),
        (b"vin", b"1HGCM82633A004352"), (b"face.age", b"34"),
        (b"camera.name", b"Gate 3"), (b"user.name", b"Zhang Wei"),
        (b"items[].passport", b"E12345678"), (b"", b"free text with " + ID),
        (b"a." * 300 + b"b", b"x"), (b"note", b"\xff\xfe\xc3\x28"),
        (b"gps", b"39.9042,116.4074"), (b"idfa", b"6D92078A-8246-4BA4-AE5B-76104861E7DC"),
    ]
    out = {}
    for i, (f, v) in enumerate(pairs):
        out["%02d-%s" % (i, f[:20].decode("utf-8", "replace").replace("/", "_")
                         .replace(".", "_") or "nofield")] = f + b"\x00" + v
    out["no-nul"] = b"just a value " + ID
    out["only-nul"] = b"\x00"
    out["empty"] = b""
    out["long-value"] = b"text\x00" + (b"word " + ID + b" ") * 3000
    out["binary"] = bytes(range(256))
    return out


TARGETS = {
    "fuzz_json_record": json_records,
    "fuzz_ndjson_file": ndjson_files,
    "fuzz_csv_file": csv_files,
    "fuzz_json_file": json_files,
    "fuzz_classify_value": classify_values,
}

if __name__ == "__main__":
    for target, make in TARGETS.items():
        d = os.path.join(HERE, "corpus", target)
        os.makedirs(d, exist_ok=True)
        for name, data in make().items():
            fname = name if name.startswith("regress-") else "seed-" + name
            with open(os.path.join(d, fname + ".bin"), "wb") as f:
                f.write(data)
