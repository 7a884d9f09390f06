#!/usr/bin/env python3
"""Seeding and snapshots of the object-store test servers (s3, s3-auth: MinIO; azure-blob:
Azurite) with the files of seed_files.py. Stdlib only: requests are signed here (AWS
Signature V4 for S3, SharedKey for Azure Blob).

Usage:
  seed_objects.py s3 --url U --key K --secret S --bucket B [--public] [--list-only B2]
                     [--private B3] [--many BUCKET:N] [--archives B4]
  seed_objects.py s3-snapshot --url U --key K --secret S      {bucket/key: size, ETag,
                                                       LastModified, sha256} of all
  seed_objects.py azure --url U --account A --key K --container C [--private C2]
  seed_objects.py azure-snapshot --url U --account A --key K  {container/blob: sha256}

--public: anonymous may list the bucket and read its objects (a bucket policy);
--list-only B2: a bucket anonymous may list, not read (s3:ListBucket, no s3:GetObject);
--private B3: a bucket with no policy;
--archives B4: a bucket of archives larger than ajar's prefix cap (seed_files.large_files),
  anyone may list and read it;
--many BUCKET:N: a bucket of N tiny objects, uploaded as one tar with MinIO's
  snowball auto-extract (one PUT), listable by anyone.
"""
import argparse
import base64
import concurrent.futures
import datetime as dt
import hashlib
import hmac
import io
import json
import os
import sys
import tarfile
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_files as F  # noqa: E402

REGION = "us-east-1"


def _send(method, url, headers, body, ok=(200, 201, 202, 204)):
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        # a snowball tar of 100,000 objects is extracted before the answer
        with urllib.request.urlopen(req, timeout=900) as r:
            return r.read()
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return e.read()
        raise SystemExit(f"seed: {method} {url}: HTTP {e.code}: {e.read()[:400]!r}")


# --- S3: AWS Signature V4 -------------------------------------------------------------

def s3_sign(method, base, path, key, secret, body=b"", query=None, headers=None):
    """(url, headers) of a request signed with AWS Signature V4"""
    u = urllib.parse.urlsplit(base)
    query = query or {}
    now = dt.datetime.now(dt.timezone.utc)
    amz = now.strftime("%Y%m%dT%H%M%SZ")
    day = now.strftime("%Y%m%d")
    payload = hashlib.sha256(body).hexdigest()
    h = {"host": u.netloc, "x-amz-date": amz, "x-amz-content-sha256": payload}
    for k, v in (headers or {}).items():
        h[k.lower()] = v
    cpath = urllib.parse.quote(path, safe="/-_.~")
    cq = "&".join(f"{urllib.parse.quote(k, safe='-_.~')}={urllib.parse.quote(v, safe='-_.~')}"
                  for k, v in sorted(query.items()))
    names = sorted(h)
    creq = "\n".join([method, cpath, cq, "".join(f"{n}:{h[n].strip()}\n" for n in names),
                      ";".join(names), payload])
    scope = f"{day}/{REGION}/s3/aws4_request"
    sts = "\n".join(["AWS4-HMAC-SHA256", amz, scope, hashlib.sha256(creq.encode()).hexdigest()])
    k = ("AWS4" + secret).encode()
    for part in (day, REGION, "s3", "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    sig = hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()
    h["authorization"] = (f"AWS4-HMAC-SHA256 Credential={key}/{scope}, "
                          f"SignedHeaders={';'.join(names)}, Signature={sig}")
    return base.rstrip("/") + cpath + ("?" + cq if cq else ""), h


def s3(method, base, path, key, secret, body=b"", query=None, headers=None):
    url, h = s3_sign(method, base, path, key, secret, body, query, headers)
    return _send(method, url, h, body if method in ("PUT", "POST") else None)


def s3_trace(base, key, secret):
    """MinIO's admin trace of S3 calls (what `mc admin trace` reads): the open response,
    one JSON object per line, each call with its API name, method, path, query,
    request headers and status, as the server saw it"""
    url, h = s3_sign("GET", base, "/minio/admin/v3/trace", key, secret,
                     query={"s3": "true", "internal": "false", "storage": "false",
                            "os": "false", "err": "false", "threshold": "0"})
    r = urllib.request.urlopen(urllib.request.Request(url, headers=h), timeout=60)
    if r.status != 200:
        raise SystemExit(f"trace: HTTP {r.status}")
    return r


def s3_policy(bucket, actions_bucket, actions_object):
    st = []
    if actions_bucket:
        st.append({"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": actions_bucket,
                   "Resource": [f"arn:aws:s3:::{bucket}"]})
    if actions_object:
        st.append({"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": actions_object,
                   "Resource": [f"arn:aws:s3:::{bucket}/*"]})
    return json.dumps({"Version": "2012-10-17", "Statement": st}).encode()


def seed_s3(a):
    for b in ([a.bucket] if a.bucket else []) + (a.list_only or []) + (a.private or []):
        s3("PUT", a.url, f"/{b}", a.key, a.secret)
        with concurrent.futures.ThreadPoolExecutor(4) as ex:
            list(ex.map(lambda kv, b=b: s3("PUT", a.url, f"/{b}/{kv[0]}", a.key, a.secret,
                                          body=kv[1]), F.files().items()))
    if a.public:
        s3("PUT", a.url, f"/{a.bucket}", a.key, a.secret, query={"policy": ""},
           body=s3_policy(a.bucket, ["s3:ListBucket", "s3:GetBucketLocation"],
                          ["s3:GetObject"]))
    for b in a.list_only or []:
        s3("PUT", a.url, f"/{b}", a.key, a.secret, query={"policy": ""},
           body=s3_policy(b, ["s3:ListBucket", "s3:GetBucketLocation"], []))
    for b in a.archives or []:
        s3("PUT", a.url, f"/{b}", a.key, a.secret)
        for k, data in F.large_files().items():
            s3("PUT", a.url, f"/{b}/{k}", a.key, a.secret, body=data)
        s3("PUT", a.url, f"/{b}", a.key, a.secret, query={"policy": ""},
           body=s3_policy(b, ["s3:ListBucket", "s3:GetBucketLocation"], ["s3:GetObject"]))
    for spec in a.many or []:
        name, n = spec.split(":")
        s3("PUT", a.url, f"/{name}", a.key, a.secret)
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
            for i in range(int(n)):
                ti = tarfile.TarInfo(f"logs/part-{i:06d}.log")
                ti.size = 2
                ti.mtime = 1767225600
                t.addfile(ti, io.BytesIO(b"x\n"))
        s3("PUT", a.url, f"/{name}/many.tar", a.key, a.secret, body=buf.getvalue(),
           headers={"X-Amz-Meta-Snowball-Auto-Extract": "true"})
        s3("PUT", a.url, f"/{name}", a.key, a.secret, query={"policy": ""},
           body=s3_policy(name, ["s3:ListBucket", "s3:GetBucketLocation"], ["s3:GetObject"]))


def s3_snapshot(a):
    out = {}
    ns = "{http://s3.amazonaws.com/doc/2006-03-01/}"
    root = ET.fromstring(s3("GET", a.url, "/", a.key, a.secret))
    for b in root.iter(ns + "Bucket"):
        name = b.find(ns + "Name").text
        token = None
        while True:
            q = {"list-type": "2", "max-keys": "1000"}
            if token:
                q["continuation-token"] = token
            r = ET.fromstring(s3("GET", a.url, f"/{name}", a.key, a.secret, query=q))
            for c in r.iter(ns + "Contents"):
                k = c.find(ns + "Key").text
                out[f"{name}/{k}"] = {"bytes": int(c.find(ns + "Size").text),
                                      "etag": c.find(ns + "ETag").text.strip('"'),
                                      "modified": c.find(ns + "LastModified").text}
            t = r.find(ns + "NextContinuationToken")
            if t is None or not t.text:
                break
            token = t.text
    # contents of the seeded files (not of a --many bucket: 100,000 GETs; its ETags stand)
    for k in sorted(out):
        if not k.split("/", 1)[1].startswith("logs/part-"):
            b, key = k.split("/", 1)
            out[k]["sha256"] = hashlib.sha256(s3("GET", a.url, f"/{b}/{key}", a.key,
                                                 a.secret)).hexdigest()
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


# --- Azure Blob: SharedKey ------------------------------------------------------------

def azure(method, base, account, key, path, query=None, body=b"", headers=None):
    query = query or {}
    h = {"x-ms-date": dt.datetime.now(dt.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT"),
         "x-ms-version": "2021-10-04"}
    if method == "PUT":
        h["Content-Type"] = "application/octet-stream"
    h.update(headers or {})
    length = str(len(body)) if body else ""
    ctype = h.get("Content-Type", "")
    canon_h = "".join(f"{k.lower()}:{v}\n" for k, v in sorted(h.items(), key=lambda x: x[0].lower())
                      if k.lower().startswith("x-ms-"))
    upath = urllib.parse.urlsplit(base).path.rstrip("/") + path
    res = f"/{account}{urllib.parse.quote(upath)}"
    for k in sorted(query):
        res += f"\n{k.lower()}:{query[k]}"
    sts = "\n".join([method, "", "", length, "", ctype, "", "", "", "", "", ""]) + "\n" + canon_h + res
    sig = base64.b64encode(hmac.new(base64.b64decode(key), sts.encode(), hashlib.sha256).digest())
    h["Authorization"] = f"SharedKey {account}:{sig.decode()}"
    if body:
        h["Content-Length"] = length
    url = base.rstrip("/") + urllib.parse.quote(path) + (
        "?" + urllib.parse.urlencode(sorted(query.items())) if query else "")
    return _send(method, url, h, body if method == "PUT" else None)


def seed_azure(a):
    for c, access in [(a.container, "container")] + [(p, None) for p in a.private or []]:
        hd = {"x-ms-blob-public-access": access} if access else {}
        azure("PUT", a.url, a.account, a.key, f"/{c}", query={"restype": "container"}, headers=hd)
        for rel, data in F.files().items():
            azure("PUT", a.url, a.account, a.key, f"/{c}/{rel}", body=data,
                  headers={"x-ms-blob-type": "BlockBlob"})


def azure_snapshot(a):
    out = {}
    root = ET.fromstring(azure("GET", a.url, a.account, a.key, "/", query={"comp": "list"}))
    for c in root.iter("Container"):
        name = c.find("Name").text
        r = ET.fromstring(azure("GET", a.url, a.account, a.key, f"/{name}",
                                query={"comp": "list", "restype": "container"}))
        for b in r.iter("Blob"):
            bn = b.find("Name").text
            data = azure("GET", a.url, a.account, a.key, f"/{name}/{bn}")
            out[f"{name}/{bn}"] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("cmd", choices=["s3", "s3-snapshot", "azure", "azure-snapshot"])
    p.add_argument("--url", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--secret")
    p.add_argument("--bucket")
    p.add_argument("--public", action="store_true")
    p.add_argument("--list-only", action="append")
    p.add_argument("--many", action="append")
    p.add_argument("--archives", action="append")
    p.add_argument("--account")
    p.add_argument("--container")
    p.add_argument("--private", action="append")
    a = p.parse_args()
    {"s3": seed_s3, "s3-snapshot": s3_snapshot, "azure": seed_azure,
     "azure-snapshot": azure_snapshot}[a.cmd](a)


if __name__ == "__main__":
    main()
