"""Ratings, verdicts and due claims on a SPARQL endpoint (a real Virtuoso): the same behaviour as on disk."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))

from virtuoso_server import VirtuosoServer, installed

from provenance.storage.endpoint import EndpointStore

pytestmark = pytest.mark.virtuoso


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if not installed():
        message = "Virtuoso is not installed (virtuoso-t, isql-vt): run .ci/virtuoso-install.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-ratings"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def remote(virtuoso, new_cli, monkeypatch, seed_text, seed_gold):
    for name in ("PROVENANCE_UPDATE_URL", "PROVENANCE_GRAPH_STORE_URL", "PROVENANCE_STORE"):
        monkeypatch.delenv(name, raising=False)
    store = EndpointStore(virtuoso.sparql_url)
    for graph in store.graph_names():
        store.drop_graph(graph)
    store.close()
    cli = new_cli("unused")
    cli.store = virtuoso.sparql_url
    cli("add", "--text", str(seed_text), str(seed_gold), "--published", "2026-02-05",
        "--url", "https://example.org/tass-talks")
    return cli


def test_rating_verdict_due_and_export_on_an_endpoint(remote, tmp_path, new_cli):
    remote("rate", "Tass", "--reliability", "C", "--by", "Anna")
    remote("rate", "Tass", "--reliability", "D", "--by", "Bob")
    assert [(r["reliability"], r["in_force"]) for r in remote.json("ratings", "list")][-2:] == [("C", False), ("D", True)]
    trace = remote.json("trace", "Hotels zurückgekehrt")
    assert next(hop for hop in trace["hops"] if hop["name"] == "Tass")["reliability"] == "D"

    remote("verdict", "Hotels zurückgekehrt", "--rating", "falsch", "--by", "Correctiv", "--date", "2026-02-20")
    track = {row["source"]: row for row in remote.json("ratings", "track")}
    assert track["Tass"]["verdicts"] >= 1

    due = remote.json("due", "--on", "2026-02-16")
    assert any("in der nächsten Woche" in row["text"] for row in due)

    reviews = json.loads(remote("export", "--format", "claimreview").stdout)["@graph"]
    assert any(review["reviewRating"]["alternateName"] == "falsch" for review in reviews)

    exported = tmp_path / "remote.trig"
    remote("export", "-o", str(exported))
    local = new_cli("local")
    local("import", str(exported))
    assert [r["reliability"] for r in local.json("ratings", "list") if r["in_force"]] == ["D"]
