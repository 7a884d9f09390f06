"""The sampled count never exceeds the records read (issue 12): a real
OpenSearch index of 20 documents, flat and with a nested field (whose
_cat/indices docs.count counts every nested object as a document, 40
here), is reported with records=20 and sampled=min(20, --sample).

The node is shared (tests/servers): the indices get unique names and are
removed after the test. A fake that ignores size and from is in
test_scan_fake_elasticsearch.py."""
import json
import os
import subprocess
import urllib.request

import pytest


def req(base, method, path, body=None, ctype="application/json"):
    r = urllib.request.Request(base + path, method=method, data=body,
                               headers={"content-type": ctype})
    with urllib.request.urlopen(r, timeout=60) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="module")
def indices(shared_server):
    base = shared_server("opensearch")["URL"].rstrip("/")
    flat, nested = f"ajar-sampled-flat-{os.getpid()}", f"ajar-sampled-nested-{os.getpid()}"
    req(base, "PUT", f"/{nested}", json.dumps(
        {"mappings": {"properties": {"addr": {"type": "nested"}}}}).encode())
    lines = []
    for name in (flat, nested):
        for i in range(20):
            lines.append(json.dumps({"index": {"_index": name}}))
            lines.append(json.dumps({"email": f"user{i}@example.com",
                                     "addr": [{"city": "Lyon"}]}))
    out = req(base, "POST", "/_bulk?refresh=true", ("\n".join(lines) + "\n").encode(),
              "application/x-ndjson")
    assert not out["errors"]
    yield base, flat, nested
    req(base, "DELETE", f"/{flat},{nested}")


@pytest.mark.parametrize("sample", [None, "50", "15"])
def test_real_opensearch_sampled_within_records(ajar_bin, indices, sample):
    base, flat, nested = indices
    args = [ajar_bin, "scan", "--format", "json", base] + (["--sample", sample] if sample else [])
    p = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert p.returncode in (0, 1), p.stderr
    cols = {c["name"]: c for c in json.loads(p.stdout)["targets"][0]["collections"]}
    want = min(20, int(sample or 50))
    for name in (flat, nested):
        c = cols[name]
        assert c["records"] == 20, (name, c["records"])
        assert c["sampled"] == want, (name, c["sampled"])
        assert c["sampled"] <= c["records"]
