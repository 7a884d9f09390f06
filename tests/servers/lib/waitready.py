#!/usr/bin/env python3
"""Wait until an Elasticsearch-compatible server answers GET /_cluster/health with
status yellow or green. Stdlib only.

Exit 0 when ready, 1 on timeout, 2 if --pid stopped living first.
"""
import argparse
import base64
import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.request


def pid_alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def health(url, user, insecure):
    req = urllib.request.Request(url.rstrip("/") + "/_cluster/health")
    if user:
        req.add_header("Authorization", "Basic " + base64.b64encode(user.encode()).decode())
    ctx = None
    if url.startswith("https:"):
        ctx = ssl.create_default_context()
        if insecure:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(req, timeout=5, context=ctx) as r:
        return json.load(r).get("status")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--pid", type=int)
    ap.add_argument("--timeout", type=float, default=180)
    ap.add_argument("--user", help="user:password for basic auth")
    ap.add_argument("--insecure", action="store_true", help="do not verify TLS certificates")
    a = ap.parse_args()

    deadline = time.monotonic() + a.timeout
    last = "no answer yet"
    while True:
        if a.pid and not pid_alive(a.pid):
            print(f"waitready: pid {a.pid} is gone ({last})", file=sys.stderr)
            return 2
        try:
            status = health(a.url, a.user, a.insecure)
            if status in ("yellow", "green"):
                return 0
            last = f"status {status}"
        except urllib.error.HTTPError as e:
            last = f"HTTP {e.code}"
        except (OSError, ValueError) as e:
            last = str(e)
        if time.monotonic() > deadline:
            print(f"waitready: {a.url} not ready after {a.timeout:.0f}s (last: {last})", file=sys.stderr)
            return 1
        time.sleep(0.5)


if __name__ == "__main__":
    sys.exit(main())
