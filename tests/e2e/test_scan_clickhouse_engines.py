"""ClickHouse sampling has no side effects (issue 12): only tables whose
engine holds its own data (MergeTree family, Log family, Memory) are
read; a URL table (the server would connect out) and a Kafka table (a
SELECT would consume messages) are listed with a note saying why, and not
read. Proof for the URL table: it points at a listener on 127.0.0.1 that
counts connections, and during the scan none arrives (a SELECT connects:
the test fails so before the fix). The Kafka table's broker is a listener
too, but ClickHouse's consumer connects to it in the background whatever
the scan does, and this server logs no query text (no query_log): for it,
no sample and the note are the proof.

The real ClickHouse of tests/servers is shared: the tables live in a
database of a unique name, dropped after the test."""
import json
import os
import subprocess
import time
import urllib.request

import pytest


def query(url, sql):
    r = urllib.request.Request(url + "/", data=sql.encode(), method="POST")
    with urllib.request.urlopen(r, timeout=60) as resp:
        return resp.read().decode()


@pytest.fixture
def engines(shared_server, tcp_listener):
    url = shared_server("clickhouse")["URL"].rstrip("/")
    db = f"ajar_engines_{os.getpid()}"
    web, broker = tcp_listener(), tcp_listener()
    query(url, f"CREATE DATABASE {db}")
    try:
        query(url, f"CREATE TABLE {db}.remote (email String) ENGINE = "
                   f"URL('http://127.0.0.1:{web.port}/people.json', JSONEachRow)")
        query(url, f"CREATE TABLE {db}.queue (email String) ENGINE = Kafka SETTINGS "
                   f"kafka_broker_list = '127.0.0.1:{broker.port}', "
                   "kafka_topic_list = 'people', kafka_group_name = 'ajar', "
                   "kafka_format = 'JSONEachRow'")
        query(url, f"CREATE TABLE {db}.kept (email String) ENGINE = Memory")
        query(url, f"CREATE TABLE {db}.logged (email String) ENGINE = TinyLog")
        for t in ("kept", "logged"):
            query(url, f"INSERT INTO {db}.{t} VALUES ('someone@example.com'), "
                       "('other@example.org')")
        yield url, db, web, broker
    finally:
        query(url, f"DROP DATABASE IF EXISTS {db}")


def test_real_clickhouse_samples_only_tables_holding_their_data(ajar_bin, engines):
    url, db, web, broker = engines
    time.sleep(0.5)
    before = web.accepted
    p = subprocess.run([ajar_bin, "scan", "--format", "json", url], capture_output=True,
                       text=True, timeout=300)
    assert p.returncode in (0, 1), p.stderr
    time.sleep(0.5)
    assert web.accepted == before, "the scan made ClickHouse read the URL table"
    cols = {c["name"]: c for c in json.loads(p.stdout)["targets"][0]["collections"]}
    for t, engine, why in (("remote", "URL", "connect out"),
                           ("queue", "Kafka", "consume the queue")):
        c = cols[f"{db}.{t}"]
        assert c["sampled"] == 0, c
        assert c["note"].startswith(f"not read: engine {engine}") and why in c["note"], c
    for t in ("kept", "logged"):
        c = cols[f"{db}.{t}"]
        assert c["sampled"] == 2 and "contact.email" in c["categories"], c
        assert not (c.get("note") or "").startswith("not read")
    # the text output says why too
    p = subprocess.run([ajar_bin, "scan", url], capture_output=True, text=True,
                       timeout=300)
    assert "not read: engine URL" in p.stdout and "not read: engine Kafka" in p.stdout
    assert web.accepted == before
