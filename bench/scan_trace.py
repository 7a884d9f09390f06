#!/usr/bin/env python3
"""Where a scan waits, and whether its messages go out whole, from a trace.

Reads `strace -f -tt -T -s 0 -e trace=connect,poll,ppoll,sendto,write,
sendmsg,writev,recvfrom,read,recvmsg,close -o FILE ajar scan ...` (what
bench/scan.sh makes with TRACE=1) and prints, per destination port:
- the time spent in polls that ended by their timeout ("timed-out waits":
  a wait ajar chose, not a peer's round trip), each poll charged to the
  port its thread last connected to;
- how many times a socket sent twice or more with no read in between
  (a message in pieces, or two requests where one was meant), with the
  sizes of the first few.
The ports a scan connects to besides its targets (FTP's passive data
ports) appear too. Usage: bench/scan_trace.py TRACE [PORT,PORT...]
(the ports to list; default every port seen).
"""
import collections
import re
import sys

LINE = re.compile(r"(\d+)\s+(\d\d):(\d\d):(\d\d\.\d+) (.*)")
CONNECT = re.compile(r"connect\((\d+), \{sa_family=AF_INET6?, sin6?_port=htons\((\d+)\)")
SEND = re.compile(r"(sendto|write|sendmsg|writev)\((\d+),.*= (-?\d+)")
RECV = re.compile(r"(recvfrom|read|recvmsg|close)\((\d+)")
POLL_TIMEOUT = re.compile(r"^p?poll\(.*= 0 \(Timeout\)")
DURATION = re.compile(r"<(\d+\.\d+)>\s*$")


def lines(path):
    """(thread, seconds, call text) per finished call, resumed calls joined"""
    pending = {}
    with open(path, errors="replace") as f:
        for raw in f:
            m = LINE.match(raw)
            if not m:
                continue
            tid, h, mi, s, rest = m.groups()
            t = int(h) * 3600 + int(mi) * 60 + float(s)
            if rest.endswith("<unfinished ...>"):
                pending[tid] = rest[: -len("<unfinished ...>")]
                continue
            if rest.startswith("<... "):
                rest = pending.pop(tid, "") + rest.split("resumed>", 1)[-1]
            yield tid, t, rest


def main():
    path = sys.argv[1]
    only = set(sys.argv[2].split(",")) if len(sys.argv) > 2 else None
    thread_port, fd_port, sends = {}, {}, {}
    waits = collections.defaultdict(float)
    pieces = collections.defaultdict(list)
    seen = []

    def flush(fd):
        run = sends.pop(fd, None)
        if run and len(run) > 1:
            pieces[fd_port.get(fd, "?")].append(run)

    for tid, _, call in lines(path):
        m = CONNECT.match(call)
        if m:
            fd, port = m.groups()
            flush(fd)
            fd_port[fd] = thread_port[tid] = port
            if port not in seen:
                seen.append(port)
            continue
        m = SEND.match(call)
        if m and m.group(2) in fd_port:
            if int(m.group(3)) > 0:
                sends.setdefault(m.group(2), []).append(int(m.group(3)))
            continue
        m = RECV.match(call)
        if m and m.group(2) in fd_port:
            flush(m.group(2))
            if m.group(1) == "close":
                fd_port.pop(m.group(2), None)
            continue
        d = DURATION.search(call)
        if d and POLL_TIMEOUT.match(call) and tid in thread_port:
            waits[thread_port[tid]] += float(d.group(1))
    for fd in list(sends):
        flush(fd)

    ports = [p for p in sorted(seen, key=int) if only is None or p in only]
    print(f"{'port':>6} {'timed-out waits s':>18} {'sends in pieces':>16}  first pieces (bytes)")
    for p in ports:
        runs = pieces.get(p, [])
        print(f"{p:>6} {waits[p]:18.2f} {len(runs):16d}  {' '.join('+'.join(map(str, r)) for r in runs[:3])}")
    print(f"{'sum':>6} {sum(waits[p] for p in ports):18.2f} {sum(len(pieces.get(p, [])) for p in ports):16d}")


if __name__ == "__main__":
    main()
