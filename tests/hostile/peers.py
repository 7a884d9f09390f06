"""Hostile peers: hand-written fake servers (Python asyncio, 127.0.0.1 only)
that lie, stall, flood, truncate, nest, bomb, loop and impersonate, one
behaviour per case and protocol, each on its own free port.

These are fakes, not the stores: each speaks just enough of a protocol to
reach the parser or the loop it attacks (issue #6, part 1). `Peers` runs
one event loop in a daemon thread; `Peers.start(name)` binds a behaviour
from BEHAVIOURS to 127.0.0.1:0 and returns the port. Nothing here ever
listens on anything but the loopback address.
"""
import asyncio
import json
import struct
import threading
import zlib

HOST = "127.0.0.1"
HOLD = 120  # seconds a stalling peer holds a connection open
ONE_MIB = 1 << 20

# ---- the good peer: a small, well-behaved fake Elasticsearch ------------
GOOD_ROOT = {"name": "good", "cluster_name": "good-cluster",
             "version": {"number": "7.10.2"}, "tagline": "You Know, for Search"}
GOOD_INDICES = [{"index": "people", "docs.count": "3", "store.size": "3000",
                 "status": "open"}]
GOOD_DOCS = [{"email": f"person{i}@example.org", "name": "Ana"} for i in range(3)]

# every store's markers at once: the honeypot's one answer to everything
HONEY_BODY = json.dumps({
    "name": "node-1", "cluster_name": "prod", "tagline": "You Know, for Search",
    "version": {"number": "7.10.2", "distribution": "elasticsearch"},
    "couchdb": "Welcome", "etcdserver": "3.5.9", "etcdcluster": "3.5.0",
    "status": {"overall": {"level": "available"}},
    "kibanaWelcomeView": True, "redis_version": "7.0.0",
    "hits": {"hits": [{"_source": {"email": "a@example.org"}}]},
}).encode()
HONEY_HEADERS = [
    ("Content-Type", "application/json"), ("X-elastic-product", "Elasticsearch"),
    ("kbn-name", "kibana"), ("kbn-version", "7.10.2"), ("Server", "CouchDB/3.3.2"),
    ("X-ClickHouse-Server-Display-Name", "honey"),
]


# ---- HTTP plumbing --------------------------------------------------------
async def read_request(reader):
    """One HTTP request: (method, path, headers dict) or None at EOF."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) < 2:
        return None
    headers = {}
    for ln in lines[1:]:
        if ":" in ln:
            k, v = ln.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    n = int(headers.get("content-length", "0") or 0)
    if n:
        await reader.readexactly(min(n, ONE_MIB))
    return parts[0], parts[1], headers


def response(status, body=b"", headers=(), reason="OK", length=True):
    h = [f"HTTP/1.1 {status} {reason}"]
    h += [f"{k}: {v}" for k, v in headers]
    if length:
        h.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(h) + "\r\n\r\n").encode() + body


def json_response(obj, status=200, headers=()):
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return response(status, body, [("Content-Type", "application/json"), *headers])


def good_es(method, path):
    """The answers of a well-behaved Elasticsearch, or None."""
    p = path.split("?", 1)[0]
    if p == "/":
        return json_response(GOOD_ROOT)
    if p == "/_cat/indices":
        return json_response(GOOD_INDICES)
    if p == "/people/_mapping":
        return json_response({"people": {"mappings": {"properties": {
            "email": {"type": "keyword"}}}}})
    if p == "/people/_search":
        return json_response({"hits": {"hits": [{"_source": d} for d in GOOD_DOCS]}})
    return None


async def hold(writer, seconds=HOLD):
    try:
        await asyncio.sleep(seconds)
    finally:
        writer.close()


def http_server(respond):
    """An HTTP/1.1 keep-alive loop: respond(method, path, headers, writer)
    returns bytes to send, or is a coroutine that does its own sending and
    returns False to end the connection."""
    async def handle(reader, writer):
        try:
            while True:
                req = await read_request(reader)
                if req is None:
                    break
                out = respond(*req, writer)
                if asyncio.iscoroutine(out):
                    if await out is False:
                        break
                    continue
                writer.write(out)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
    return handle


# ---- HTTP behaviours -------------------------------------------------------
def http_good(method, path, headers, writer):
    return good_es(method, path) or json_response({"error": "not found"}, 404)


def http_huge_length(method, path, headers, writer):
    """Content-Length: 10^12, a few bytes, then silence."""
    async def go():
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1000000000000\r\n\r\n{\"version\":")
        await writer.drain()
        await hold(writer)
        return False
    return go()


def http_endless_chunked(method, path, headers, writer):
    """Chunked transfer that never sends the last chunk."""
    async def go():
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"[" * 65536
        frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
        for _ in range(1 << 20):  # 64 GiB: never reached
            writer.write(frame)
            await writer.drain()
        return False
    return go()


def http_slowloris(method, path, headers, writer):
    """A valid answer, one byte a second."""
    async def go():
        for b in json_response(GOOD_ROOT):
            writer.write(bytes([b]))
            await writer.drain()
            await asyncio.sleep(1)
        return False
    return go()


def http_malformed(method, path, headers, writer):
    """Not HTTP at all after the first bytes: a broken status line, a
    non-numeric length, binary junk."""
    async def go():
        writer.write(b"HTTP/1.1 2OO OK\r\nContent-Length: banana\r\n\x00\xff\xfe\r\n\r\n"
                     + bytes(range(256)) * 4)
        await writer.drain()
        await hold(writer, 30)
        return False
    return go()


def http_truncated(method, path, headers, writer):
    """Headers promise 500 bytes; 20 come, then the connection closes."""
    async def go():
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 500\r\n\r\n{\"version\":{\"number")
        await writer.drain()
        return False
    return go()


def http_close_at_once(method, path, headers, writer):
    """Reads the request, closes without a byte."""
    async def go():
        return False
    return go()


def http_close_mid_sample(method, path, headers, writer):
    """A good Elasticsearch until sampling: the _search answer stops half
    way and the connection closes."""
    if path.startswith("/people/_search"):
        async def go():
            body = json.dumps({"hits": {"hits": [{"_source": d} for d in GOOD_DOCS]}}).encode()
            writer.write(response(200, b"", [("Content-Type", "application/json"),
                                             ("Content-Length", str(len(body)))],
                                  length=False) + body[: len(body) // 2])
            await writer.drain()
            return False
        return go()
    return http_good(method, path, headers, writer)


DEEP = 100000


def http_deep_root(method, path, headers, writer):
    """GET / answers a JSON array nested 100,000 deep (well formed)."""
    return json_response(b"[" * DEEP + b"]" * DEEP)


def deep_object(depth, leaf):
    return b'{"a":' * depth + json.dumps(leaf).encode() + b"}" * depth


def http_deep_doc(method, path, headers, writer):
    """A valid Elasticsearch whose documents and mapping nest thousands deep
    (one just under jansson's 2048 limit, one far over it)."""
    p = path.split("?", 1)[0]
    if p == "/people/_mapping":
        return json_response(b'{"people":{"mappings":{"properties":'
                             + b'{"a":{"properties":' * 1500 + b"{}" + b"}}" * 1500
                             + b"}}}")
    if p == "/people/_search":
        frm = 0
        if "from=" in path:
            frm = int(path.split("from=")[1].split("&")[0])
        depth = 2000 if frm == 0 else DEEP
        body = (b'{"hits":{"hits":[{"_source":'
                + deep_object(depth, "deep@example.org") + b"}]}}")
        return json_response(body)
    return http_good(method, path, headers, writer)


def http_gzip_bomb(method, path, headers, writer):
    """Content-Encoding: gzip over chunked transfer: zeros deflated on the
    fly without end (about 1 KiB on the wire per MiB inflated, so GiBs
    inflated for a few MiB sent)."""
    async def go():
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
        z = zlib.compressobj(9, zlib.DEFLATED, 31)
        zero = bytes(ONE_MIB)
        for _ in range(1 << 20):  # 1 TiB inflated: never reached
            out = z.compress(zero) + z.flush(zlib.Z_SYNC_FLUSH)
            writer.write(b"%x\r\n" % len(out) + out + b"\r\n")
            await writer.drain()
        return False
    return go()


def http_redirect_loop(method, path, headers, writer):
    """301 to itself, on every path."""
    host = headers.get("host", HOST)
    return response(301, b"", [("Location", f"http://{host}{path}")],
                    reason="Moved Permanently")


def http_honeypot(method, path, headers, writer):
    """200 on every path, every store's markers in one body and the headers."""
    return response(200, HONEY_BODY, HONEY_HEADERS)


async def tls_stall(reader, writer):
    """Accepts TCP, reads the ClientHello, never answers."""
    try:
        await reader.read(4096)
        await hold(writer)
    except (ConnectionError, asyncio.CancelledError):
        writer.close()


# ---- a TCP honeypot: whatever you speak, it is your store -----------------
REDIS_INFO = (b"# Server\r\nredis_version:7.0.0\r\nredis_mode:standalone\r\n"
              b"os:Linux\r\narch_bits:64\r\n# Keyspace\r\ndb0:keys=3,expires=0\r\n")


def resp_bulk(b):
    return b"$%d\r\n%s\r\n" % (len(b), b)


async def tcp_honeypot(reader, writer, http=True):
    """Dispatches on the first bytes: HTTP gets every HTTP store's markers
    (or a closed connection when not http), RESP gets Redis, a text line
    gets memcached; anything else a mix."""
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            if data[:4] in (b"GET ", b"POST", b"HEAD"):
                if not http:
                    break
                writer.write(response(200, HONEY_BODY, HONEY_HEADERS))
            elif data[:1] == b"*":
                cmd = data.upper()
                if b"INFO" in cmd:
                    writer.write(resp_bulk(REDIS_INFO))
                elif b"SCAN" in cmd:
                    writer.write(b"*2\r\n$1\r\n0\r\n*1\r\n$8\r\nuser:one\r\n")
                elif b"TYPE" in cmd:
                    writer.write(b"+string\r\n")
                elif b"DBSIZE" in cmd:
                    writer.write(b":1\r\n")
                elif b"STRLEN" in cmd:
                    writer.write(b":27\r\n")
                elif b"GET" in cmd:
                    writer.write(resp_bulk(b'{"email":"a@example.org"}xx'))
                else:
                    writer.write(b"+OK\r\n")
            elif data.startswith(b"version"):
                writer.write(b"VERSION 1.6.21\r\n")
            elif data.startswith(b"stats"):
                writer.write(b"STAT pid 1\r\nSTAT curr_items 1\r\nEND\r\n")
            elif data.startswith(b"lru_crawler"):
                writer.write(b"key=user%3Aone exp=-1 la=1 cas=1 fetch=no cls=1 size=27\r\nEND\r\n")
            elif data.startswith(b"get "):
                writer.write(b"VALUE user:one 0 25\r\n{\"email\":\"a@example.org\"}\r\nEND\r\n")
            else:
                writer.write(b"+OK\r\nVERSION 1.6.21\r\nSTAT pid 1\r\nEND\r\n"
                             + response(200, HONEY_BODY, HONEY_HEADERS))
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


# ---- Redis (RESP) ----------------------------------------------------------
def on_each_request(answer):
    """A server that calls answer(data, writer) on each read; answer may be
    a coroutine; it returns False to end the connection."""
    async def handle(reader, writer):
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                r = answer(data, writer)
                if asyncio.iscoroutine(r):
                    r = await r
                else:
                    await writer.drain()
                if r is False:
                    break
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
    return handle


async def _then_hold(writer, data, seconds=HOLD):
    writer.write(data)
    await writer.drain()
    await hold(writer, seconds)
    return False


async def _stream(writer, head, chunk, times=1 << 20):
    writer.write(head)
    for _ in range(times):
        writer.write(chunk)
        await writer.drain()
    return False


async def _trickle(writer, data):
    for b in data:
        writer.write(bytes([b]))
        await writer.drain()
        await asyncio.sleep(1)
    return False


def redis_good_info(data, writer):
    """Answers INFO like Redis; returns None for anything else."""
    if b"INFO" in data.upper():
        writer.write(resp_bulk(REDIS_INFO))
        return True
    return None


def redis_huge_bulk(data, writer):
    return _then_hold(writer, b"$999999999999\r\nredis_version:")


def redis_endless_array(data, writer):
    """*100000 bulks of 1 MiB each, streamed without pause (100 GiB)."""
    mib = b"$1048576\r\n" + b"x" * ONE_MIB + b"\r\n"
    return _stream(writer, b"*100000\r\n", mib, 100000)


def redis_deep_nesting(data, writer):
    """An array inside an array inside ... without end."""
    return _stream(writer, b"", b"*1\r\n" * 4096)


def redis_slowloris(data, writer):
    return _trickle(writer, resp_bulk(REDIS_INFO))


def redis_malformed(data, writer):
    writer.write(b"$-5\r\n*-7\r\n?\x00\xff\xfe garbage\r\n%\r\n:abc\r\n")
    return True


def redis_close_mid(data, writer):
    writer.write(b"$%d\r\n" % len(REDIS_INFO) + REDIS_INFO[:20])
    return False


_scan_n = [0]


def redis_endless_scan(data, writer):
    """A Redis whose SCAN cursor never returns to 0, with new keys each call."""
    if redis_good_info(data, writer):
        return True
    cmd = data.upper()
    if b"SCAN" in cmd:
        _scan_n[0] += 1
        n = _scan_n[0]
        keys = b"".join(resp_bulk(b"k%d:%d" % (n, i)) for i in range(100))
        writer.write(b"*2\r\n" + resp_bulk(b"%d" % (n + 1)) + b"*100\r\n" + keys)
    elif b"DBSIZE" in cmd:
        writer.write(b":999999999\r\n")
    elif b"TYPE" in cmd:
        writer.write(b"+string\r\n")
    elif b"STRLEN" in cmd:
        writer.write(b":2\r\n")
    elif b"GET" in cmd:
        writer.write(resp_bulk(b"{}"))
    else:
        writer.write(b"+OK\r\n")
    return True


# ---- memcached (text protocol) --------------------------------------------
def mc_base(data, writer):
    """version and stats like memcached; None for anything else."""
    if data.startswith(b"version"):
        writer.write(b"VERSION 1.6.21\r\n")
        return True
    if data.startswith(b"stats"):
        writer.write(b"STAT pid 1\r\nSTAT curr_items 1\r\nEND\r\n")
        return True
    return None


METADUMP_LINE = b"key=user%3A1 exp=-1 la=1 cas=1 fetch=no cls=1 size=10\r\n"


def mc_huge_value(data, writer):
    if mc_base(data, writer):
        return True
    if data.startswith(b"lru_crawler"):
        writer.write(METADUMP_LINE + b"END\r\n")
        return True
    if data.startswith(b"get "):
        return _then_hold(writer, b"VALUE user:1 0 999999999999\r\nxxxx")
    writer.write(b"ERROR\r\n")
    return True


def mc_endless_metadump(data, writer):
    if mc_base(data, writer):
        return True
    if data.startswith(b"lru_crawler"):
        lines = b"".join(b"key=k%d exp=-1 la=1 cas=1 fetch=no cls=1 size=10\r\n" % i
                         for i in range(1000))
        return _stream(writer, b"", lines)
    writer.write(b"ERROR\r\n")
    return True


def mc_slowloris(data, writer):
    return _trickle(writer, b"VERSION 1.6.21\r\n")


def mc_endless_line(data, writer):
    """A reply line that never ends."""
    return _stream(writer, b"VERSION 1.6.21", b"9" * 65536)


def mc_malformed(data, writer):
    if data.startswith(b"version"):
        writer.write(b"VERSION 1.6.21\r\n")
        return True
    writer.write(b"STAT \x00\xff\xfe\r\nVALUE x -1 -5\r\n\x00\r\n")
    return True


def mc_close_mid(data, writer):
    if data.startswith(b"version"):
        writer.write(b"VERSION 1.6.21\r\n")
        return True
    writer.write(b"STAT pid 1\r\nSTAT upt")
    return False


# ---- PostgreSQL (v3 protocol, trust auth) ----------------------------------
def pg_msg(kind, payload):
    return kind + struct.pack("!I", len(payload) + 4) + payload


PG_READY = (pg_msg(b"R", struct.pack("!I", 0))
            + pg_msg(b"S", b"server_version\x0016.1\x00")
            + pg_msg(b"S", b"server_encoding\x00UTF8\x00")
            + pg_msg(b"S", b"client_encoding\x00UTF8\x00")
            + pg_msg(b"S", b"standard_conforming_strings\x00on\x00")
            + pg_msg(b"K", struct.pack("!II", 1, 2))
            + pg_msg(b"Z", b"I"))


def pg_row_description(name=b"version"):
    # one text column
    return pg_msg(b"T", struct.pack("!H", 1) + name + b"\x00"
                  + struct.pack("!IHIhih", 0, 0, 25, -1, -1, 0))


def pg_server(on_query, on_startup=None):
    """Answers SSLRequest with N, the startup message with `trust`, then
    calls on_query(writer) for the first query."""
    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readexactly(4)
                n = struct.unpack("!I", head)[0]
                body = await reader.readexactly(max(0, min(n - 4, ONE_MIB)))
                if n == 8 and body[:4] == struct.pack("!I", 80877103):
                    writer.write(b"N")
                    await writer.drain()
                    continue
                if n == 8 and body[:4] == struct.pack("!I", 80877104):  # GSSENC
                    writer.write(b"N")
                    await writer.drain()
                    continue
                break
            if on_startup:
                await on_startup(writer)
                return
            writer.write(PG_READY)
            await writer.drain()
            while True:
                kind = await reader.readexactly(1)
                n = struct.unpack("!I", await reader.readexactly(4))[0]
                await reader.readexactly(n - 4)
                if kind == b"X":
                    break
                if kind in (b"Q", b"S"):
                    if await on_query(writer) is False:
                        break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
    return handle


async def pg_huge_query(writer):
    """A DataRow declaring 2^31-1 bytes, streamed for real."""
    writer.write(pg_row_description() + b"D" + struct.pack("!I", 0x7FFFFFFF)
                 + struct.pack("!HI", 1, 0x7FFFFFFF - 10))
    chunk = b"x" * ONE_MIB
    for _ in range(2048):
        writer.write(chunk)
        await writer.drain()
    return False


async def pg_endless_rows(writer):
    """Valid rows that never stop: no CommandComplete, no ReadyForQuery."""
    row = pg_msg(b"D", struct.pack("!HI", 1, 16) + b"PostgreSQL 16.1 ")
    writer.write(pg_row_description())
    batch = row * 4096
    for _ in range(1 << 20):
        writer.write(batch)
        await writer.drain()
    return False


async def pg_slow_startup(writer):
    for b in PG_READY:
        writer.write(bytes([b]))
        await writer.drain()
        await asyncio.sleep(1)


async def pg_malformed_startup(writer):
    writer.write(b"R\xff\xff\xff\xff\x00\x00\x00\x00" + bytes(range(256)))
    await writer.drain()
    await hold(writer, 30)


async def pg_close_mid(writer):
    writer.write(pg_row_description() + pg_msg(b"D", struct.pack("!HI", 1, 100) + b"x" * 100)[:30])
    await writer.drain()
    return False


# ---- MySQL (greeting first) -------------------------------------------------
def mysql_greeting(caps_high=0x81FF):
    payload = (b"\x0a" + b"8.0.35\x00" + struct.pack("<I", 7) + b"abcdefgh\x00"
               + struct.pack("<H", 0xF7FF) + b"\x21" + struct.pack("<H", 2)
               + struct.pack("<H", caps_high) + b"\x15" + b"\x00" * 10
               + b"ijklmnopqrst\x00" + b"mysql_native_password\x00")
    return struct.pack("<I", len(payload))[:3] + b"\x00" + payload


def mysql_server(greeting_coro):
    async def handle(reader, writer):
        try:
            await greeting_coro(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
    return handle


async def mysql_huge_packet(reader, writer):
    """A greeting packet declaring 0xFFFFFF bytes, continued forever (a
    max-length packet is followed by more: the client must cap the sum)."""
    chunk = b"\x0a" + b"x" * (0xFFFFFF - 1)
    seq = 0
    while True:
        writer.write(b"\xff\xff\xff" + bytes([seq & 0xFF]) + chunk)
        await writer.drain()
        seq += 1


async def mysql_slow_greeting(reader, writer):
    await _trickle(writer, mysql_greeting())


async def mysql_malformed(reader, writer):
    writer.write(b"\x05\x00\x00\x00\x0a\xff\xfe\x00\x01" + bytes(range(256)))
    await writer.drain()
    await hold(writer, 30)


async def mysql_close_mid(reader, writer):
    writer.write(mysql_greeting()[:20])
    await writer.drain()


def mysql_pkt(seq, payload):
    return struct.pack("<I", len(payload))[:3] + bytes([seq & 0xFF]) + payload


def lenenc(b):
    return bytes([len(b)]) + b  # short strings only


MYSQL_OK = b"\x00\x00\x00\x02\x00\x00\x00"
MYSQL_EOF = b"\xfe\x00\x00\x02\x00"


def mysql_columns(seq, names):
    """a result set's head: column count, definitions, EOF; the next seq"""
    out = mysql_pkt(seq, bytes([len(names)]))
    for n in names:
        seq += 1
        out += mysql_pkt(seq, lenenc(b"def") + lenenc(b"shop") + lenenc(b"people")
                         + lenenc(b"people") + lenenc(n) + lenenc(n) + b"\x0c"
                         + struct.pack("<HIBHB", 33, 1024, 0xFD, 0, 0) + b"\x00\x00")
    seq += 1
    return out + mysql_pkt(seq, MYSQL_EOF), seq + 1


async def mysql_packet(reader):
    head = await reader.readexactly(4)
    return head[3], await reader.readexactly(head[0] | head[1] << 8 | head[2] << 16)


def mysql_session(on_sample):
    """A fake MySQL that lets root in with any password (no EOF
    deprecation, no TLS), answers every statement with OK, lists one
    table, shop.people (so big no COUNT(*) is asked), and hands the
    SELECT * of the sample to on_sample(writer, seq)."""
    async def run(reader, writer):
        writer.write(mysql_greeting(caps_high=0x80FF))
        await writer.drain()
        seq, _ = await mysql_packet(reader)  # the login; the greeting check closes
        writer.write(mysql_pkt(seq + 1, MYSQL_OK))
        await writer.drain()
        while True:
            seq, p = await mysql_packet(reader)
            if p[:1] == b"\x01":  # COM_QUIT
                return
            q = p[1:]
            if q.startswith(b"SELECT TABLE_SCHEMA"):
                head, n = mysql_columns(seq + 1, [b"TABLE_SCHEMA", b"TABLE_NAME",
                                                  b"TABLE_ROWS", b"BYTES"])
                row = mysql_pkt(n, lenenc(b"shop") + lenenc(b"people") + lenenc(b"1000000")
                                + lenenc(b"900000000"))
                writer.write(head + row + mysql_pkt(n + 1, MYSQL_EOF))
            elif q.startswith(b"SELECT *"):
                await on_sample(writer, seq + 1)
                return
            else:
                writer.write(mysql_pkt(seq + 1, MYSQL_OK))
            await writer.drain()
    return run


async def mysql_endless_rows(writer, seq):
    """rows without end, whatever LIMIT said"""
    head, n = mysql_columns(seq, [b"email"])
    writer.write(head)
    i = 0
    while True:
        writer.write(mysql_pkt(n + i, lenenc(b"user%d@example.com" % i)))
        i += 1
        if i % 64 == 0:
            await writer.drain()


async def mysql_trickle_rows(writer, seq):
    """rows, one byte every 0.3 s: each read well inside the read timeout,
    the whole never done"""
    head, n = mysql_columns(seq, [b"email"])
    writer.write(head)
    await writer.drain()
    i = 0
    while True:
        for b in mysql_pkt(n + i, lenenc(b"user%d@example.com" % i)):
            writer.write(bytes([b]))
            await writer.drain()
            await asyncio.sleep(0.3)
        i += 1


# ---- MongoDB (OP_QUERY handshake, OP_MSG / BSON) ---------------------------
def bson_doc(body):
    return struct.pack("<i", len(body) + 5) + body + b"\x00"


def bson(d):
    """A small BSON encoder: dict, list, str, bool, int (int32), float."""
    out = b""
    for k, v in (d.items() if isinstance(d, dict) else enumerate(d)):
        key = str(k).encode() + b"\x00"
        if isinstance(v, bool):
            out += b"\x08" + key + (b"\x01" if v else b"\x00")
        elif isinstance(v, int):
            out += b"\x10" + key + struct.pack("<i", v)
        elif isinstance(v, float):
            out += b"\x01" + key + struct.pack("<d", v)
        elif isinstance(v, str):
            b = v.encode() + b"\x00"
            out += b"\x02" + key + struct.pack("<i", len(b)) + b
        elif isinstance(v, bytes):  # an already encoded document
            out += b"\x03" + key + v
        elif isinstance(v, dict):
            out += b"\x03" + key + bson(v)
        elif isinstance(v, list):
            out += b"\x04" + key + bson(v)
    return bson_doc(out)


HELLO = {"ismaster": True, "isWritablePrimary": True, "helloOk": True,
         "maxBsonObjectSize": 16777216, "maxMessageSizeBytes": 48000000,
         "maxWriteBatchSize": 100000, "logicalSessionTimeoutMinutes": 30,
         "connectionId": 1, "minWireVersion": 0, "maxWireVersion": 17,
         "readOnly": False, "ok": 1.0}


def mongo_reply(request_id, doc):
    payload = struct.pack("<I", 0) + b"\x00" + doc
    return struct.pack("<iiii", 16 + len(payload), 1, request_id, 2013) + payload


def mongo_op_reply(request_id, doc):
    payload = struct.pack("<iqii", 8, 0, 0, 1) + doc
    return struct.pack("<iiii", 16 + len(payload), 1, request_id, 1) + payload


def mongo_deep_bson(depth):
    inner = bson({"email": "deep@example.org"})
    for _ in range(depth):
        inner = bson_doc(b"\x03a\x00" + inner)
    return inner


def mongo_server(answer, handshake=True):
    """OP_QUERY (the handshake) gets a hello in OP_REPLY when handshake,
    else answer(); OP_MSG commands go to answer(rid, writer, body), which
    returns False to end the connection."""
    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readexactly(16)
                n, rid, _, op = struct.unpack("<iiii", head)
                body = await reader.readexactly(max(0, min(n - 16, ONE_MIB)))
                if op == 2004 and handshake:
                    writer.write(mongo_op_reply(rid, bson(HELLO)))
                    await writer.drain()
                    continue
                if op == 2013 and (b"hello" in body or b"isMaster" in body
                                   or b"ismaster" in body) and handshake:
                    writer.write(mongo_reply(rid, bson(HELLO)))
                    await writer.drain()
                    continue
                if await answer(rid, writer, body) is False:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
    return handle


async def mongo_huge_length(rid, writer, body):
    writer.write(struct.pack("<iiii", 0x7FFFFFFF, 1, rid, 2013) + b"\x00" * 64)
    await writer.drain()
    await hold(writer)
    return False


async def mongo_deep(rid, writer, body):
    """Listings that lead to one collection whose documents nest 5000 deep."""
    deep = mongo_deep_bson(5000)
    if b"listDatabases" in body:
        doc = bson({"databases": [{"name": "shop", "sizeOnDisk": 4096.0, "empty": False}],
                    "totalSize": 4096.0, "ok": 1.0})
    elif b"listCollections" in body:
        doc = bson({"cursor": {"id": 0, "ns": "shop.$cmd.listCollections",
                               "firstBatch": [{"name": "people", "type": "collection"}]},
                    "ok": 1.0})
    elif b"aggregate" in body or b"find" in body:
        doc = bson({"cursor": {"id": 0, "ns": "shop.people", "firstBatch": [deep]},
                    "ok": 1.0})
    else:
        doc = bson({"version": "7.0.2", "versionArray": [7, 0, 2, 0], "count": 1,
                    "size": 100, "storageSize": 4096, "nested": deep, "ok": 1.0})
    writer.write(mongo_reply(rid, doc))
    await writer.drain()
    return True


def _lying_section(rid):
    doc = struct.pack("<i", 1000) + b"\x7f\x00\xff" + b"\x00" * 8  # lies, bad type
    return mongo_reply(rid, doc)


async def mongo_malformed(rid, writer, body):
    writer.write(_lying_section(rid))
    await writer.drain()
    return True


async def mongo_slowloris(rid, writer, body):
    return await _trickle(writer, mongo_op_reply(rid, bson(HELLO)))


async def mongo_close_mid(rid, writer, body):
    writer.write(mongo_op_reply(rid, bson(HELLO))[:25])
    await writer.drain()
    return False


# ---- object stores and file servers (fakes: S3's XML, an FTP greeting) ------
S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/"


def s3_list_page(keys, token=None):
    items = "".join(f"<Contents><Key>{k}</Key><Size>{n}</Size></Contents>" for k, n in keys)
    more = (f"<IsTruncated>true</IsTruncated><NextContinuationToken>{token}"
            f"</NextContinuationToken>" if token else "<IsTruncated>false</IsTruncated>")
    return response(200, (f'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult '
                          f'xmlns="{S3_NS}"><Name>b</Name>{more}{items}'
                          f"</ListBucketResult>").encode(),
                    [("Content-Type", "application/xml")])


def s3_endless_listing(method, path, headers, writer):
    """ListObjectsV2 whose every page says there is more, with a new token."""
    http_server.pages = getattr(http_server, "pages", 0) + 1
    n = http_server.pages
    return s3_list_page([(f"k{n}-{i}.log", 2) for i in range(1000)], token=f"t{n}")


def s3_huge_object(method, path, headers, writer):
    """A 1 TB object: the listing says so, the GET ignores Range and streams."""
    if "list-type=2" in path:
        return s3_list_page([("dump.csv", 10 ** 12)])

    async def go():
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                     b"Content-Length: 1000000000000\r\n\r\nid,email\n")
        row = b"".join(b"%d,person%d@example.org\n" % (i, i) for i in range(2000))
        try:
            for _ in range(100000):
                writer.write(row)
                await writer.drain()
        except ConnectionError:
            pass
        writer.close()
        return False
    return go()


BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                  for i in range(1, 10))
        + f']><ListBucketResult xmlns="{S3_NS}"><Contents><Key>&lol9;</Key>'
          "<Size>1</Size></Contents></ListBucketResult>")


def s3_xml_bomb(method, path, headers, writer):
    """The first (identifying) page is plain; the listing itself is an XML bomb."""
    if "max-keys=1&" in path or path.endswith("max-keys=1"):
        return s3_list_page([("a.csv", 10)])
    return response(200, BOMB.encode(), [("Content-Type", "application/xml")])


async def ftp_trickle(reader, writer):
    """An FTP greeting one byte a second."""
    try:
        for b in b"220 (fake trickling FTP) ready\r\n":
            writer.write(bytes([b]))
            await writer.drain()
            await asyncio.sleep(1)
    except ConnectionError:
        pass
    finally:
        writer.close()


# ---- the table: name -> (asyncio connection handler) -----------------------
BEHAVIOURS = {
    "http-good": http_server(http_good),
    "http-huge-length": http_server(http_huge_length),
    "http-endless-chunked": http_server(http_endless_chunked),
    "http-slowloris": http_server(http_slowloris),
    "http-malformed": http_server(http_malformed),
    "http-truncated": http_server(http_truncated),
    "http-close-at-once": http_server(http_close_at_once),
    "http-close-mid-sample": http_server(http_close_mid_sample),
    "http-deep-json-root": http_server(http_deep_root),
    "http-deep-json-doc": http_server(http_deep_doc),
    "http-gzip-bomb": http_server(http_gzip_bomb),
    "http-redirect-loop": http_server(http_redirect_loop),
    "http-honeypot": http_server(http_honeypot),
    "tls-stall": tls_stall,
    "tcp-honeypot": tcp_honeypot,
    "tcp-honeypot-native": lambda r, w: tcp_honeypot(r, w, http=False),
    "redis-huge-bulk": on_each_request(redis_huge_bulk),
    "redis-endless-array": on_each_request(redis_endless_array),
    "redis-deep-nesting": on_each_request(redis_deep_nesting),
    "redis-slowloris": on_each_request(redis_slowloris),
    "redis-malformed": on_each_request(redis_malformed),
    "redis-close-mid": on_each_request(redis_close_mid),
    "redis-endless-scan": on_each_request(redis_endless_scan),
    "memcached-huge-value": on_each_request(mc_huge_value),
    "memcached-endless-metadump": on_each_request(mc_endless_metadump),
    "memcached-slowloris": on_each_request(mc_slowloris),
    "memcached-endless-line": on_each_request(mc_endless_line),
    "memcached-malformed": on_each_request(mc_malformed),
    "memcached-close-mid": on_each_request(mc_close_mid),
    "postgresql-huge-length": pg_server(pg_huge_query),
    "postgresql-endless-rows": pg_server(pg_endless_rows),
    "postgresql-slowloris": pg_server(None, on_startup=pg_slow_startup),
    "postgresql-malformed": pg_server(None, on_startup=pg_malformed_startup),
    "postgresql-close-mid": pg_server(pg_close_mid),
    "mysql-huge-packet": mysql_server(mysql_huge_packet),
    "mysql-slowloris": mysql_server(mysql_slow_greeting),
    "mysql-malformed": mysql_server(mysql_malformed),
    "mysql-close-mid": mysql_server(mysql_close_mid),
    "mysql-fake-endless-rows": mysql_server(mysql_session(mysql_endless_rows)),
    "mysql-fake-trickle-rows": mysql_server(mysql_session(mysql_trickle_rows)),
    "mongodb-huge-length": mongo_server(mongo_huge_length, handshake=False),
    "mongodb-deep-bson": mongo_server(mongo_deep),
    "mongodb-malformed": mongo_server(mongo_malformed, handshake=False),
    "mongodb-malformed-msg": mongo_server(mongo_malformed),
    "mongodb-slowloris": mongo_server(mongo_slowloris, handshake=False),
    "mongodb-close-mid": mongo_server(mongo_close_mid, handshake=False),
    "s3-fake-endless-listing": http_server(s3_endless_listing),
    "s3-fake-huge-object": http_server(s3_huge_object),
    "s3-fake-xml-bomb": http_server(s3_xml_bomb),
    "ftp-fake-trickle": ftp_trickle,
}


class Peers:
    """One asyncio loop in a daemon thread; each start() binds a behaviour
    on 127.0.0.1:0 and returns the port."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.servers = []
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def start(self, name):
        async def bind():
            srv = await asyncio.start_server(BEHAVIOURS[name], HOST, 0,
                                             limit=ONE_MIB)
            self.servers.append(srv)
            return srv.sockets[0].getsockname()[1]
        return asyncio.run_coroutine_threadsafe(bind(), self.loop).result(10)

    def close(self):
        async def stop():
            for s in self.servers:
                s.close()
            for t in asyncio.all_tasks():
                if t is not asyncio.current_task():
                    t.cancel()
        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
