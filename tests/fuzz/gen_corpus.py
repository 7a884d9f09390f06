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


# ---- probes (fuzz_probe.h): a flags byte, then the peer's side of each
# connection (native) or request (HTTP), parts separated by SEP ----------
SEP = b"\n~~~\n"
CREDS = b"\x01"
NOCREDS = b"\x00"


def conv(flags, *parts):
    return flags + SEP.join(parts)


def memcached_peers():
    hello = (b"VERSION 1.6.21\r\nSTAT pid 1\r\nSTAT curr_items 3\r\n"
             b"STAT auth_enabled_sasl no\r\nEND\r\n")
    dump = (b"key=user%3A1 exp=-1 la=1700000000 cas=1 fetch=no cls=1 size=120\r\n"
            b"key=user%3A2 exp=-1 la=1700000000 cas=2 fetch=no cls=1 size=80\r\n"
            b"key=session-abc exp=60 la=1700000000 cas=3 fetch=no cls=1 size=10\r\n"
            b"END\r\n")
    val = REC
    gets = (b"VALUE user:1 0 %d\r\n" % len(val) + val + b"\r\nEND\r\n" +
            b"VALUE user:2 0 11\r\nplain value\r\nEND\r\n" +
            b"VALUE session-abc 0 4\r\n\xff\xfe\x00\x01\r\nEND\r\n")
    return {
        "full": conv(NOCREDS, hello + dump + gets),
        "metadump-all": conv(NOCREDS, hello + b"CLIENT_ERROR bad command\r\n" + dump + gets),
        "busy": conv(NOCREDS, hello + b"BUSY currently processing crawler request\r\n"),
        "no-metadump": conv(NOCREDS, hello + b"ERROR\r\nERROR\r\n"),
        "sasl": conv(NOCREDS, b"VERSION 1.6.21\r\nCLIENT_ERROR unauthenticated\r\n"),
        "echo": conv(NOCREDS, b"version\r\n"),
        "no-end": conv(NOCREDS, hello + b"key=a%2 size=1\r\nkey=%41%4 size=-5\r\n"),
        "value-lies": conv(NOCREDS, hello + dump + b"VALUE user:1 0 99999999999\r\n"),
        "value-short": conv(NOCREDS, hello + dump + b"VALUE user:1 0 50\r\nabc"),
        "value-other-key": conv(NOCREDS, hello + dump + b"VALUE other 0 1\r\nx\r\nEND\r\n"),
        "reconnect": conv(NOCREDS, hello + dump + b"VALUE user:1 0 99999999999\r\n",
                          gets),
        "long-line": conv(NOCREDS, b"VERSION 1.6.21\r\nSTAT " + b"x" * 9000 + b"\r\n"),
        "empty": b"",
    }


def mysql_packet(payload, seq=0):
    n = len(payload)
    return bytes([n & 255, (n >> 8) & 255, n >> 16, seq]) + payload


def mysql_peers():
    greet = (b"\x0a" + b"8.0.36\x00" + b"\x01\x00\x00\x00" + b"abcdefgh" + b"\x00" +
             b"\xff\xf7" + b"\xff" + b"\x02\x00" + b"\xff\xdf" + b"\x15" + b"\x00" * 10 +
             b"ijklmnopqrst\x00" + b"caching_sha2_password\x00")
    maria = greet.replace(b"8.0.36", b"5.5.5-10.11.6-MariaDB-0+deb12u1")
    err = b"\xff\x6a\x04" + b"Host '10.0.0.1' is not allowed to connect to this MySQL server"
    return {
        "greeting": conv(NOCREDS, mysql_packet(greet)),
        "mariadb": conv(CREDS, mysql_packet(maria)),
        "error-packet": conv(NOCREDS, mysql_packet(err)),
        "error-sqlstate": conv(NOCREDS, mysql_packet(b"\xff\x10\x04#08S01Too many connections")),
        "short": conv(NOCREDS, mysql_packet(b"\x0a8.0")),
        "length-lies": conv(NOCREDS, b"\xff\xff\xff\x00\x0a8.0.36\x00"),
        "truncated": conv(NOCREDS, mysql_packet(greet)[:20]),
        "old-protocol": conv(NOCREDS, mysql_packet(b"\x09" + greet[1:])),
        "http": conv(NOCREDS, b"HTTP/1.1 400 Bad Request\r\n\r\n"),
        "empty": b"",
    }


def resp(v):
    if v is None:
        return b"$-1\r\n"
    if isinstance(v, int):
        return b":%d\r\n" % v
    if isinstance(v, bytes):
        return b"$%d\r\n" % len(v) + v + b"\r\n"
    if isinstance(v, str):       # a status
        return b"+" + v.encode() + b"\r\n"
    if isinstance(v, Exception):
        return b"-" + str(v).encode() + b"\r\n"
    return b"*%d\r\n" % len(v) + b"".join(resp(x) for x in v)


def redis_peers():
    info = resp(b"# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n")
    keyspace = resp(b"# Keyspace\r\ndb0:keys=4,expires=0,avg_ttl=0\r\n"
                    b"db3:keys=1,expires=0\r\n")
    scan = resp([b"0", [b"user:1", b"user:2", b"queue", b"profile:9"]])
    full = b"".join([
        info, keyspace, resp(4),
        scan,
        resp("list"), resp(2),                      # queue: TYPE, LLEN
        resp("hash"),                               # profile:9 (one key)
        resp("OK"), resp(1), resp([b"0", [b"cfg"]]), resp("zset"), resp(1),
        resp("OK"),
        # sample user:*: TYPE, STRLEN, GET
        resp("string"), resp(len(REC)), resp(REC),
        resp("string"), resp(5), resp(b"hello"),
        # queue: TYPE, LRANGE
        resp("list"), resp([REC, b"plain", b"[1,2]"]),
        # profile:9: TYPE, HSCAN
        resp("hash"), resp("hash"), resp([b"0", [b"name", b"Li Na", b"email",
                                                  b"li.na@example.com"]]),
        resp("zset"), resp([b"m1", b"1.5", b"m2", b"2"]),
    ])
    stream = resp([[b"1-0", [b"name", b"Zhang Wei", b"id", ID]],
                   [b"2-0", [b"x"]], b"junk"])
    return {
        "full": conv(NOCREDS, full),
        "noauth": conv(CREDS, resp(Exception("NOAUTH Authentication required.")) +
                       resp("OK") + info + keyspace + resp(1) +
                       resp([b"0", [b"k"]]) + resp("stream") + resp(2) + resp("stream") +
                       resp("stream") + stream),
        "wrongpass": conv(CREDS, resp(Exception("NOAUTH Authentication required.")) +
                          resp(Exception("WRONGPASS invalid username-password pair"))),
        "denied": conv(NOCREDS, resp(Exception("DENIED Redis is running in protected mode"))),
        "set": conv(NOCREDS, info + resp(b"db0:keys=1\r\n") + resp(1) +
                    resp([b"0", [b"tags"]]) + resp("set") + resp(3) + resp("set") +
                    resp([b"0", [b"a", b"{\"id_card\":\"" + ID + b"\"}", b"c"]])),
        "nested": conv(NOCREDS, info + resp(b"db0:keys=1\r\n") + resp(1) +
                       resp([b"0", [[b"deep", [None, 5, [b"x"]]], b"k"]]) +
                       resp("string") + resp(-1)),
        "huge-bulk": conv(NOCREDS, b"$99999999999\r\n"),
        "huge-array": conv(NOCREDS, info + b"*2147483648\r\n"),
        "negative": conv(NOCREDS, b"*-5\r\n$-7\r\n"),
        "resp3": conv(NOCREDS, b"%1\r\n+a\r\n+b\r\n"),
        "bare-lf": conv(NOCREDS, b"+OK\n"),
        "not-redis": conv(NOCREDS, resp(b"hello world")),
        "reconnect": conv(NOCREDS, info + keyspace + b"garbage\r\n", info + keyspace),
        "empty": b"",
    }


def bson_cstr(s):
    return s.encode() + b"\x00"


def bson(doc):
    import struct
    out = b""
    for k, v in doc.items():
        if isinstance(v, bool):
            out += b"\x08" + bson_cstr(k) + (b"\x01" if v else b"\x00")
        elif isinstance(v, int):
            if -2**31 <= v < 2**31:
                out += b"\x10" + bson_cstr(k) + struct.pack("<i", v)
            else:
                out += b"\x12" + bson_cstr(k) + struct.pack("<q", v)
        elif isinstance(v, float):
            out += b"\x01" + bson_cstr(k) + struct.pack("<d", v)
        elif isinstance(v, str):
            b = v.encode() + b"\x00"
            out += b"\x02" + bson_cstr(k) + struct.pack("<i", len(b)) + b
        elif isinstance(v, dict):
            out += b"\x03" + bson_cstr(k) + bson(v)
        elif isinstance(v, list):
            out += b"\x04" + bson_cstr(k) + bson({str(i): x for i, x in enumerate(v)})
        elif v is None:
            out += b"\x0a" + bson_cstr(k)
        elif isinstance(v, tuple) and v[0] == "oid":
            out += b"\x07" + bson_cstr(k) + v[1]
        elif isinstance(v, tuple) and v[0] == "date":
            out += b"\x09" + bson_cstr(k) + struct.pack("<q", v[1])
        elif isinstance(v, tuple) and v[0] == "bin":
            out += b"\x05" + bson_cstr(k) + struct.pack("<i", len(v[2])) + bytes([v[1]]) + v[2]
        elif isinstance(v, tuple) and v[0] == "dec128":
            out += b"\x13" + bson_cstr(k) + v[1]
        elif isinstance(v, tuple) and v[0] == "regex":
            out += b"\x0b" + bson_cstr(k) + bson_cstr(v[1]) + bson_cstr(v[2])
        elif isinstance(v, tuple) and v[0] == "ts":
            out += b"\x11" + bson_cstr(k) + struct.pack("<II", v[1], v[2])
    return struct.pack("<i", len(out) + 5) + out + b"\x00"


def op_msg(doc, rid=1, to=0, flags=0, raw=None):
    import struct
    body = struct.pack("<I", flags) + b"\x00" + (raw if raw is not None else bson(doc))
    return struct.pack("<iiii", 16 + len(body), rid, to, 2013) + body


def op_reply(doc, rid=1, to=0):
    import struct
    body = struct.pack("<iqii", 8, 0, 0, 1) + bson(doc)
    return struct.pack("<iiii", 16 + len(body), rid, to, 1) + body


def mongodb_peers():
    import struct
    hello = {"ismaster": True, "isWritablePrimary": True, "helloOk": True,
             "maxBsonObjectSize": 16777216, "maxMessageSizeBytes": 48000000,
             "maxWriteBatchSize": 100000, "localTime": ("date", 1700000000000),
             "logicalSessionTimeoutMinutes": 30, "connectionId": 1,
             "minWireVersion": 0, "maxWireVersion": 17, "readOnly": False, "ok": 1.0}
    user = {"_id": ("oid", b"\x65\x00\x00\x01" + b"\x00" * 8), "name": "Zhang Wei",
            "id_card": ID.decode(), "email": "zhang.wei@example.com",
            "captured_at": ("date", 1700000000000), "score": 1.5,
            "big": 2**40, "face": {"embedding": [0.1, -0.2, 0.3]},
            "blob": ("bin", 0, b"\x00\x01\x02"), "uuid": ("bin", 4, b"\x11" * 16),
            "dec": ("dec128", b"\x01" + b"\x00" * 13 + b"\x40\x30"),
            "re": ("regex", "^a.*", "i"), "ts": ("ts", 1, 2), "n": None}
    replies = [
        op_reply(hello),
        op_msg(hello),
        op_msg({"version": "6.0.12", "gitVersion": "abc", "ok": 1.0}),
        op_msg({"databases": [{"name": "shop"}, {"name": "admin"}], "ok": 1.0}),
        op_msg({"databases": [{"name": "shop"}, {"name": "admin"}], "ok": 1.0}),
        op_msg({"db": "shop", "collections": 1, "objects": 2, "dataSize": 300,
                "ok": 1.0}),
        op_msg({"cursor": {"id": 0, "ns": "shop.$cmd.listCollections",
                           "firstBatch": [{"name": "users", "type": "collection"},
                                          {"name": "v", "type": "view"}]},
                "ok": 1.0}),
        op_msg({"ns": "shop.users", "count": 2, "size": 300, "ok": 1.0}),
        op_msg({"cursor": {"id": 0, "ns": "shop.users",
                           "firstBatch": [user, {"a": {"$date": "x"}}, "notadoc"]},
                "ok": 1.0}),
    ]
    unauth = op_msg({"ok": 0.0, "errmsg": "command listDatabases requires authentication",
                     "code": 13, "codeName": "Unauthorized"})
    deep = {"a": 1}
    for _ in range(150):
        deep = {"d": deep}
    return {
        "full": conv(NOCREDS, b"".join(replies)),
        # probe_mongodb.c unwrap(): a decref too many freed every nested
        # value of a sampled document (use-after-free)
        "regress-mongodb-unwrap-use-after-free": conv(NOCREDS, b"".join(replies)),
        "full-checksum": conv(NOCREDS, replies[0] + b"".join(
            op_msg(None, flags=1, raw=r[21:]) + b"\x00\x00\x00\x00" for r in replies[1:])),
        "unauthorized": conv(CREDS, replies[0] + replies[1] + replies[2] + unauth),
        "deep": conv(NOCREDS, replies[0] + op_msg(deep)),
        "two-sections": conv(NOCREDS, replies[0] + op_msg(None, raw=bson({"ok": 1.0}) +
                                                          b"\x00" + bson({"x": 1}))),
        "kind1": conv(NOCREDS, replies[0] + op_msg(None, raw=bson({"ok": 1.0}) + b"\x01" +
                                                   struct.pack("<i", 4 + 10 + len(bson({"a": 1}))) +
                                                   b"documents\x00" + bson({"a": 1}))),
        "section-lies": conv(NOCREDS, replies[0] + struct.pack("<iiii", 30, 1, 0, 2013) +
                             b"\x00\x00\x00\x00\x00" + struct.pack("<i", 1000000) + b"\x00" * 5),
        "huge-length": conv(NOCREDS, struct.pack("<iiii", 0x7fffffff, 1, 0, 1)),
        "short-length": conv(NOCREDS, struct.pack("<iiii", 5, 1, 0, 1)),
        "opcode-compressed": conv(NOCREDS, struct.pack("<iiii", 25, 1, 0, 2012) + b"\x00" * 9),
        "bad-bson": conv(NOCREDS, replies[0] + op_msg(None, raw=b"\x0c\x00\x00\x00\x02a\x00"
                                                        b"\xff\xff\xff\x7f\x00")),
        "empty": b"",
    }


def http(status, headers, body):
    return (b"%d\r\n" % status + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body)


def http_peers():
    # flags byte: bit 0 credentials, bits 1-3 the probe (fuzz_probe_http.c)
    es, kib, couch, ch, etcd = (bytes([i << 1]) for i in range(5))
    es_root = (b'{"name":"n1","cluster_name":"prod","version":{"number":"7.17.0",'
               b'"build_flavor":"default"},"tagline":"You Know, for Search"}')
    os_root = es_root.replace(b'"number":"7.17.0"', b'"number":"2.19.0","distribution":"opensearch"')
    cat = (b'[{"health":"green","status":"open","index":"users","docs.count":"2",'
           b'"store.size":"1000"},{"status":"close","index":"old","docs.count":null},'
           b'{"index":".kibana","docs.count":"5","store.size":"9"},{"index":7}]')
    hits = b'{"hits":{"total":{"value":2},"hits":[{"_source":' + REC + b'},{"_id":"x"},' \
           b'{"_source":[1,2]},{"_source":"s"}]}}'
    mapping = (b'{"users":{"mappings":{"properties":{"loc":{"type":"geo_point"},'
               b'"ip":{"type":"ip"},"face":{"properties":{"feature_vec":{"type":'
               b'"dense_vector"}}},"n":{"properties":{"m":{"type":"knn_vector"}}}}}}}')
    b64 = __import__("base64").b64encode
    return {
        "es-full": conv(es, http(200, [b"X-elastic-product: Elasticsearch",
                                       b"Content-Type: application/json"], es_root),
                        http(200, [], cat), http(200, [], mapping),
                        http(200, [], hits), http(200, [], mapping)),
        "opensearch": conv(es, os_root, cat, mapping, hits, mapping),
        "es-401": conv(bytes([es[0] | 1]), http(401, [b'WWW-Authenticate: Basic realm="security"'],
                                         b'{"error":{"type":"security_exception"}}'),
                       es_root, cat, hits),
        "es-not-json": conv(es, http(200, [], b"<html>hello</html>")),
        "es-mapping-old": conv(es, es_root, cat, hits,
                               b'{"users":{"mappings":{"_doc":{"properties":{"a":'
                               b'{"type":"geo_shape"}}}}}}'),
        "kibana": conv(kib, http(200, [b"kbn-name: kibana", b"kbn-version: 8.11.0"],
                                 b'{"name":"kibana","version":{"number":"8.11.0"},'
                                 b'"status":{"overall":{"level":"available"}}}')),
        "kibana-html": conv(kib, http(404, [], b""), http(200, [], b"<div class=kibanaWelcomeView>")),
        "couchdb-full": conv(couch,
                             b'{"couchdb":"Welcome","version":"3.3.3","vendor":{"name":"The Apache Software Foundation"}}',
                             b'{"ok":true,"userCtx":{"name":null,"roles":["_admin"]}}',
                             b'["_users","shop"]', b'{"db_name":"shop","doc_count":2}',
                             b'["_users","shop","a/b"]',
                             b'{"db_name":"shop","doc_count":2,"sizes":{"file":100,"active":50}}',
                             b'{"db_name":"a/b","doc_count":"x"}',
                             b'{"total_rows":2,"offset":0,"rows":[{"id":"1","doc":' + REC +
                             b'},{"id":"_design/x","doc":{"views":{}}},{"id":"2"}]}',
                             b'{"rows":[]}'),
        "pouchdb": conv(couch, b'{"express-pouchdb":"Welcome!","version":"4.2.0"}',
                        http(401, [], b'{"error":"unauthorized"}'), b'[]'),
        "couchdb-401": conv(bytes([couch[0] | 1]), http(401, [], b'{"error":"unauthorized",'
                                                         b'"reason":"You are not a server admin."}'),
                            b'{"couchdb":"Welcome","version":"3.3.3"}'),
        "clickhouse-full": conv(ch, http(200, [b"X-ClickHouse-Server-Display-Name: ch1",
                                               b"X-ClickHouse-Format: TabSeparated"], b"23.8.2.7\n"),
                                b"Ok.\n",
                                b'{"database":"shop","name":"users","total_rows":"2","total_bytes":"100"}\n'
                                b'{"database":"shop","name":"v","total_rows":null}\nnot json\n\n',
                                b'{"database":"shop","table":"users","rows":"2","bytes":"100"}\n',
                                REC + b"\n" + REC + b"\n[1]\n"),
        "clickhouse-auth": conv(bytes([ch[0] | 1]), http(516, [b"X-ClickHouse-Exception-Code: 516"],
                                                  b"Code: 516. DB::Exception: default: Authentication failed"),
                                b"23.8.2.7\n", b"Ok.\n"),
        "etcd-full": conv(etcd, b'{"etcdserver":"3.5.9","etcdcluster":"3.5.0"}',
                          b'{"header":{"revision":"5"},"count":"3"}',
                          b'{"kvs":[{"key":"' + b64(b"/users/u1") + b'"},{"key":"' +
                          b64(b"/users/u2") + b'"},{"key":"' + b64(b"config") +
                          b'"},{"key":"!!bad"},{"key":"' + b64(b"\xff\x00/x") + b'"}],'
                          b'"count":"5","more":true}',
                          b'{"kvs":[{"key":"' + b64(b"/users/u1") + b'","value":"' + b64(REC) +
                          b'"},{"value":"' + b64(b"plain text") + b'"},{"value":"=x=="}]}',
                          b'{"kvs":[{"value":"' + b64(b"\xff\xfe") + b'"}]}'),
        "etcd-auth": conv(bytes([etcd[0] | 1]), b'{"etcdserver":"3.4.0","etcdcluster":"3.4.0"}',
                          b'{"token":"abc.def"}',
                          http(401, [], b'{"error":"etcdserver: user name is empty","code":16}'),
                          b'{"count":"0"}'),
        "etcd-old": conv(etcd, b'{"etcdserver":"3.2.0","etcdcluster":"3.2.0"}',
                         http(404, [], b"404 page not found")),
        "too-big-status": conv(es, http(999, [b"Server: x"], b"{}")),
        "no-body": conv(es, b"200"),
        "empty": b"",
    }


def reports():
    f = (b'{"field":"id_card","category":"identity.national_id","detector":"cn_resident_id",'
         b'"matches":1,"records":1,"confidence":"high","examples":["1101**********002X"]}')
    coll = (b'{"name":"users","records":1,"bytes":null,"sampled":1,"severity":"critical",'
            b'"categories":["identity.national_id"],"profiles":[],"findings":[' + f + b']}')
    tgt = (b'{"target":"10.0.0.1:9200","store":"elasticsearch","version":"7.17.0",'
           b'"reachable":true,"auth_required":false,"tls":false,"error":null,'
           b'"severity":"critical","note":"cluster \\"prod\\"","collections":[' + coll + b']}')
    head = (b'{"tool":{"name":"ajar","version":"0.1.0"},"started_at":"2024-01-01T00:00:00Z",'
            b'"finished_at":"2024-01-01T00:00:01Z","scope":"10.0.0.0/24",')
    return {
        "valid": head + b'"targets":[' + tgt + b"," + tgt.replace(b"10.0.0.1", b"10.0.0.2") +
                 b'],"summary":{"targets":2}}',
        "no-targets": head + b'"targets":[]}',
        "error-target": head + b'"targets":[{"target":"db","store":null,"reachable":false,'
                        b'"error":"cannot connect","severity":"info","collections":[]}]}',
        "duplicate-key": b'{"targets":[],"targets":[]}',
        "wrong-types": head + b'"targets":[{"target":1,"collections":{}}]}',
        "bad-finding": head + b'"targets":[{"target":"t","collections":[{"name":"c",'
                       b'"findings":[{"category":"nope","confidence":"extreme","matches":-1,'
                       b'"examples":[1,null,"x"]}],"profiles":[{"name":"p"},"face"]}]}]}',
        "huge-counts": head + b'"targets":[{"target":"t","severity":"bogus","collections":'
                       b'[{"name":"c","records":1e300,"bytes":-5,"sampled":18446744073709551616}]}]}',
        "same-target-twice": head + b'"targets":[' + tgt + b"," + tgt + b"]}",
        "not-object": b"[1,2,3]",
        "deep": b'{"targets":' + b"[" * 5000 + b"]" * 5000 + b"}",
        "nul-in-string": head + b'"targets":[{"target":"a\\u0000b","collections":[]}]}',
        "truncated": (head + b'"targets":[' + tgt)[:300],
        "empty": b"",
    }


MYSQL_DUMP = (b"-- MySQL dump 10.19  Distrib 10.11.19-MariaDB\n"
              b"/*!40101 SET NAMES utf8mb4 */;\nUSE `smartcity`;\n"
              b"CREATE TABLE `residents` (\n  `id` int(11) NOT NULL,\n"
              b"  `resident_id` char(18) NOT NULL,\n  `name` varchar(64) DEFAULT 'a,b',\n"
              b"  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
              b"INSERT INTO `residents` VALUES (1,'" + ID + b"','O\\'Brien \\\\ \\n'),"
              b"(2,_binary 'x\\0y',0x3133383030),(3,X'4142',NULL);\n")
PG_DUMP = (b"-- PostgreSQL database dump\nSET standard_conforming_strings = on;\n"
           b"CREATE FUNCTION f() RETURNS int AS $_$ SELECT 1; $_$ LANGUAGE sql;\n"
           b"CREATE TABLE public.p (id integer, name text, ok boolean, tags text[]);\n"
           b"COPY public.p (id, name, ok, tags) FROM stdin;\n"
           b"1\tAnn\\tLee\\n\\101\\x42\tt\t{a,b}\n2\t\\N\tf\t\\\\\n\\.\n"
           b"INSERT INTO public.p VALUES (3, E'a\\'b', true, '{}');\n")


def sql_dumps():
    """fuzz_sqldump: a chunk-size byte, then the dump"""
    dumps = {
        "mysqldump": MYSQL_DUMP,
        "pg-dump-copy": PG_DUMP,
        "sqlite-dump": b"PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"
                       b"CREATE TABLE u(id INTEGER PRIMARY KEY, name TEXT);\n"
                       b"INSERT INTO u VALUES(1,replace('a\\nb','\\n',char(10)));\n"
                       b"INSERT INTO sqlite_sequence VALUES('u',1);\nCOMMIT;\n",
        "mssql": b"INSERT [dbo].[Users] ([Id], [Name]) VALUES (1, N'Ann]]')\n"
                 b"INSERT [dbo].[Users] ([Id], [Name]) VALUES (2, CAST(N'x' AS nvarchar))\nGO\n",
        "truncated-string": MYSQL_DUMP[:-20],
        "truncated-copy": PG_DUMP[:PG_DUMP.index(b"\\.")],
        "unclosed-comment": b"/* INSERT INTO t VALUES (1);",
        "unclosed-dollar": b"CREATE FUNCTION f() AS $x$ body $x",
        "deep-parens": b"INSERT INTO t VALUES " + b"(" * 5000 + b"1" + b")" * 5000 + b";",
        "many-columns": b"INSERT INTO t (" + b",".join(b"c%d" % i for i in range(1100))
                        + b") VALUES (" + b",".join(b"%d" % i for i in range(1100)) + b");",
        "long-value": b"INSERT INTO t VALUES ('" + b"x" * 70000 + b"');",
        "long-name": b"INSERT INTO `" + b"n" * 600 + b"` VALUES (1);",
        "copy-csv": b"COPY t (a) FROM stdin WITH (FORMAT csv);\n1,2\n\\.\n",
        "nul-bytes": b"INSERT INTO t VALUES ('a\x00b', 0x00);\n",
    }
    out = {}
    for name, d in dumps.items():
        out[name] = b"\x00" + d           # one byte a chunk
        out[name + "-chunks7"] = b"\x06" + d
    out["whole"] = b"\xff" + MYSQL_DUMP + PG_DUMP
    return out



def sql_files():
    """fuzz_sql_file: whole dumps as files, plain and gzipped"""
    out = {name: d[1:] for name, d in sql_dumps().items() if not name.endswith("-chunks7")}
    out["mysqldump-gzip"] = gz(MYSQL_DUMP)
    out["pg-dump-zstd"] = zst(PG_DUMP)
    return out


def bson_files():
    """fuzz_bson_file: mongodump-style documents one after another"""
    face = bson({"_id": ("oid", b"\x65" * 12), "person_idcard": ID.decode(),
                 "captured_at": ("date", 1714521600000), "location": {"lat": 39.9, "lon": 116.4},
                 "face": {"beard": False, "age_estimate": 34},
                 "embedding": [0.1, -0.2, 0.3, 0.4], "price": ("dec128", b"\x01" + b"\x00" * 13 + b"\x40\x30"),
                 "pic": ("bin", 0, b"\x00\xff"), "re": ("regex", "a.*", "i"), "ts": ("ts", 1, 2)})
    deep = {"a": 1}
    for _ in range(250):
        deep = {"d": deep}
    docs = {
        "faces": face * 3,
        "empty-doc": b"\x05\x00\x00\x00\x00",
        "truncated": (face * 2)[:-7],
        "bad-length": face + b"\xff\xff\xff\x7f" + b"\x00" * 16,
        "small-length": face + b"\x03\x00\x00\x00",
        "deep-250": bson(deep),
        "inner-length-lies": face[:30] + b"\xff\xff" + face[32:],
        "no-terminator": face[:-1] + b"\x01",
        "gzip": gz(face * 5),
    }
    return docs


def sqlite_files():
    """fuzz_sqlite_file: a small database made with python's sqlite3
    (libsqlite3), and damaged copies of it"""
    import sqlite3
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "app.sqlite")
        con = sqlite3.connect(path)
        con.execute("PRAGMA page_size=512")
        con.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, idcard TEXT, "
                    "score REAL, pic BLOB)")
        con.executemany("INSERT INTO users VALUES (?,?,?,?,?)",
                        [(i, "Zhang Wei %d" % i, ID.decode(), i / 3, b"\x00\xff" if i % 2 else b"text")
                         for i in range(40)])
        con.execute("CREATE TABLE \"odd \"\"name\"(\"a b\" TEXT)")
        con.execute("INSERT INTO \"odd \"\"name\" VALUES ('x')")
        con.execute("CREATE VIEW v AS SELECT name FROM users")
        con.execute("CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END")
        con.commit()
        con.close()
        db = open(path, "rb").read()
    flip = bytearray(db)
    for i in range(600, len(flip), 97):
        flip[i] ^= 0x5a
    return {
        "app": db,
        "truncated": db[: len(db) // 2],
        "header-only": db[:100],
        "bit-flips": bytes(flip),
        "bad-page-size": db[:16] + b"\x00\x03" + db[18:],
    }


def zip_of(members, method=None):
    import io
    import zipfile
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method or zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(zi, data, method or zipfile.ZIP_DEFLATED)
    return b.getvalue()


def tar_of(members, mode="w"):
    import io
    import tarfile
    if mode == "w:gz":  # gzip's header without a time: the same bytes each run
        return gz(tar_of(members))
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode=mode) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 0
            t.addfile(ti, io.BytesIO(data))
    return b.getvalue()


def archive_files():
    import bz2
    import lzma
    nd = (REC + b"\n") * 3
    csv = b"name,id_card\nZhang Wei," + ID + b"\n"
    zipped = zip_of([("users.ndjson", nd), ("people.csv", csv)])
    out = {
        "zip": zipped,
        "zip-stored": zip_of([("users.ndjson", nd)], method=0),
        "tar": tar_of([("db/users.ndjson", nd), ("db/people.csv", csv)]),
        "tar-gz": tar_of([("users.ndjson.gz", gz(nd))], "w:gz"),
        "tar-bz2": tar_of([("people.csv", csv)], "w:bz2"),
        "tar-xz": tar_of([("people.csv", csv)], "w:xz"),
        "bz2": bz2.compress(nd),
        "xz": lzma.compress(nd),
        "nested-zip-in-tar-gz": tar_of([("inner.zip", zipped)], "w:gz"),
        "zip-truncated": zipped[:len(zipped) // 2],
        "zip-binary-member": zip_of([("img.bin", bytes(range(256)) * 4), ("u.ndjson", nd)]),
        "bomb-small": zip_of([("big.ndjson", b'{"a":"b"}\n' * 400000)]),
        "empty-zip": b"PK\x05\x06" + bytes(18),
    }
    deep = nd
    for i in range(9):
        deep = zip_of([("l%d" % i, deep)])
    out["deep-nesting"] = deep
    try:
        out["zst"] = zst(nd)
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def xlsx_of(sheet_xml, shared=None, rels_first=False):
    wb = (b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          b'<sheet name="S1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>')
    parts = [("xl/workbook.xml", wb), ("xl/worksheets/sheet1.xml", sheet_xml)]
    if rels_first:
        parts.insert(0, ("xl/_rels/workbook.xml.rels", rels))
    else:
        parts.append(("xl/_rels/workbook.xml.rels", rels))
    if shared is not None:
        parts.append(("xl/sharedStrings.xml", shared))
    return zip_of(parts)


def sheet_files():
    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    rows = (b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            b'<row r="2"><c r="A2" t="inlineStr"><is><t>Zhang Wei</t></is></c><c r="B2" t="str"><v>' + ID +
            b'</v></c></row>')
    sst = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<si><t>name</t></si><si><t>id_card</t></si></sst>')
    good = head + rows + b'</sheetData></worksheet>'
    ods = zip_of([("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
                  ("content.xml", b'<?xml version="1.0"?><office:document-content '
                   b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                   b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                   b'<office:spreadsheet><table:table table:name="T"><table:table-row>'
                   b'<table:table-cell><text:p>id_card</text:p></table:table-cell></table:table-row>'
                   b'<table:table-row><table:table-cell table:number-columns-repeated="3">'
                   b'<text:p>' + ID + b'</text:p></table:table-cell></table:table-row>'
                   b'</table:table></office:spreadsheet></office:body></office:document-content>')],
                 method=0)
    return {
        "xlsx": xlsx_of(good, sst),
        "xlsx-rels-first": xlsx_of(good, sst, rels_first=True),
        "xlsx-no-shared": xlsx_of(good),
        "xlsx-bad-index": xlsx_of(head + b'<row><c t="s"><v>99999999999</v></c></row></sheetData></worksheet>', sst),
        "xlsx-truncated-xml": xlsx_of(good[:len(good) // 2], sst[:40]),
        "xlsx-entity": xlsx_of(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                               b'<worksheet><sheetData><row><c t="str"><v>&e;</v></c></row></sheetData></worksheet>'),
        "xlsx-no-sheets": zip_of([("xl/workbook.xml", b"<workbook/>")]),
        "ods": ods,
        "not-a-zip": b"PK\x03\x04" + b"\x00" * 40,
    }


TARGETS = {
    "fuzz_archive_file": archive_files,
    "fuzz_sheet_file": sheet_files,
    "fuzz_json_record": json_records,
    "fuzz_ndjson_file": ndjson_files,
    "fuzz_csv_file": csv_files,
    "fuzz_json_file": json_files,
    "fuzz_classify_value": classify_values,
    "fuzz_probe_memcached": memcached_peers,
    "fuzz_probe_mysql": mysql_peers,
    "fuzz_probe_redis": redis_peers,
    "fuzz_probe_mongodb": mongodb_peers,
    "fuzz_probe_http": http_peers,
    "fuzz_report_json": reports,
    "fuzz_sqldump": sql_dumps,
    "fuzz_sql_file": sql_files,
    "fuzz_bson_file": bson_files,
    "fuzz_sqlite_file": sqlite_files,
}

if __name__ == "__main__":
    for target, make in TARGETS.items():
        d = os.path.join(HERE, "corpus", target)
        os.makedirs(d, exist_ok=True)
        for name, data in make().items():
            fname = name if name.startswith("regress-") else "seed-" + name
            with open(os.path.join(d, fname + ".bin"), "wb") as f:
                f.write(data)
