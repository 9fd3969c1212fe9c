"""The store commands against a real Virtuoso server: the same checks as for the embedded store."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from conftest import Cli  # tests/conftest.py: the CLI on a store, and its one error line
from rdflib.compare import isomorphic

from provenance.storage.endpoint import EndpointStore

pytestmark = pytest.mark.virtuoso

GRAPH = "https://claim-provenance.org/id/graph/tass-talks-de"


def quads(url: str) -> set[str]:
    store = EndpointStore(url)
    try:
        return {str(quad) for batch in store.iter_graph_batches() for quad in batch}
    finally:
        store.close()


@pytest.fixture
def remote(endpoint_url: str) -> Cli:
    return Cli(endpoint_url)


@pytest.fixture
def seeded(remote: Cli, seed_text: Path, seed_gold: Path) -> Cli:
    result = remote("add", "--text", str(seed_text), str(seed_gold))
    assert "Added article tass-talks-de with 10 claims" in result.stdout
    return remote


def test_add_stores_ten_claims_in_their_graph(seeded):
    rows = seeded.json("claims")
    assert len(rows) == 10
    first = rows[0]
    assert first["text"] == "Die Delegationen seien in ihre Hotels zurückgekehrt"
    assert first["chain"] == ["Verhandlungskreise", "Tass"]
    assert first["hops"] == 2 and first["mode"] == "indirect"
    assert sum(1 for row in rows if row["origin_type"] == "anonymous") == 8
    assert sum(1 for row in rows if row["hedged"]) >= 1  # xsd:boolean comes back as true, not Virtuoso's 1
    store = EndpointStore(seeded.store)
    assert store.graph_names() == [GRAPH]  # Virtuoso's own graphs are not the project's
    store.close()


def test_claims_are_the_same_as_in_the_embedded_store(seeded, tmp_path, seed_text, seed_gold):
    local = Cli(str(tmp_path / "store"))
    local("add", "--text", str(seed_text), str(seed_gold))
    assert seeded.json("claims") == local.json("claims")
    assert seeded.json("trace", "Hotels zurückgekehrt") == local.json("trace", "Hotels zurückgekehrt")


def test_trace_by_text_with_umlauts(seeded):
    data = seeded.json("trace", "Hotels zurückgekehrt")
    assert data["claim"]["text"] == "Die Delegationen seien in ihre Hotels zurückgekehrt"
    assert [(hop["name"], hop["kind"]) for hop in data["hops"]] == [
        ("Verhandlungskreise", "anonymous-group"),
        ("Tass", "news-agency"),
    ]
    assert data["hops"][1]["mention"] == "die staatliche russische Nachrichtenagentur Tass"
    assert data["claim"]["spans"] == [[681, 732]]
    output = seeded("trace", "HOTELS ZURÜCKGEKEHRT").stdout
    assert output.index("tass-talks-de") < output.index("Tass") < output.index("origin: Verhandlungskreise")


def test_trace_by_short_id_and_iri_and_errors(seeded):
    row = seeded.json("claims")[3]
    assert seeded.json("trace", row["short_id"])["claim"]["id"] == row["id"]
    assert seeded.json("trace", row["id"])["claim"]["id"] == row["id"]
    assert "claims match" in seeded("trace", "Gespräche", expect=1).stderr
    assert seeded("trace", "nothing like this", expect=1).stderr.startswith("Error: no claim matches")


def test_adding_twice_changes_no_triple(seeded, seed_text, seed_gold):
    before = quads(seeded.store)
    assert "Unchanged" in seeded("add", "--text", str(seed_text), str(seed_gold)).stdout
    assert quads(seeded.store) == before


def test_changed_article_replaces_its_graph(write_path, seeded, seed_text, seed_gold, tmp_path):
    document = json.loads(seed_gold.read_text())
    document["claims"] = document["claims"][:4]
    fewer = tmp_path / "fewer.json"
    fewer.write_text(json.dumps(document))
    assert "Replaced" in seeded("add", "--text", str(seed_text), str(fewer)).stdout
    assert len(seeded.json("claims")) == 4
    assert "Replaced" in seeded("add", "--text", str(seed_text), str(seed_gold)).stdout
    assert len(seeded.json("claims")) == 10
    store = EndpointStore(seeded.store)
    assert store.graph_names() == [GRAPH]  # no staging graph is left behind
    store.close()


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples", "jsonld"])
def test_export_import_export_is_isomorphic(write_path, seeded, tmp_path, fmt):
    first = tmp_path / f"first.{fmt}"
    seeded("export", "--format", fmt, "-o", str(first))
    claims = seeded.json("claims")
    store = EndpointStore(seeded.store)
    store.drop_graph(GRAPH)
    store.close()
    assert seeded.json("claims") == []
    seeded("import", "--format", fmt, str(first))
    second = tmp_path / f"second.{fmt}"
    seeded("export", "--format", fmt, "-o", str(second))
    rdflib_format = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt", "jsonld": "json-ld"}[fmt]
    if fmt in ("trig", "nquads"):
        a, b = rdflib.Dataset(), rdflib.Dataset()
        a.parse(first, format=rdflib_format)
        b.parse(second, format=rdflib_format)
        assert {g.identifier for g in a.graphs()} == {g.identifier for g in b.graphs()}
        for graph in a.graphs():
            assert isomorphic(graph, b.graph(graph.identifier))
        assert len(a) > 800
    else:
        first_graph = rdflib.Graph().parse(first, format=rdflib_format)
        assert len(first_graph) > 800
        assert isomorphic(first_graph, rdflib.Graph().parse(second, format=rdflib_format))
    assert seeded.json("claims") == claims


def test_export_from_server_matches_embedded_export(seeded, tmp_path, seed_text, seed_gold):
    local = Cli(str(tmp_path / "store"))
    local("add", "--text", str(seed_text), str(seed_gold))
    remote_file, local_file = tmp_path / "remote.nq", tmp_path / "local.nq"
    seeded("export", "-o", str(remote_file))
    local("export", "-o", str(local_file))

    def timeless(path):
        # the time of the write is the only thing two adds of the same article differ in
        return {quad for quad in ox.parse(path.read_bytes(), format=ox.RdfFormat.N_QUADS)
                if quad.predicate.value != "http://www.w3.org/ns/prov#startedAtTime"}

    remote_quads, local_quads = timeless(remote_file), timeless(local_file)
    assert len(remote_quads) > 800
    assert remote_quads == local_quads


def test_query_select_construct_ask(seeded):
    select = seeded.json("query", "SELECT ?name WHERE { ?s a prov:Agent ; cp:kind cp:kind-news-agency ; schema:name ?name }")
    assert [b["name"]["value"] for b in select["results"]["bindings"]] == ["Tass"]
    assert "10" in seeded("query", "SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }").stdout
    turtle = seeded("query", "CONSTRUCT { ?s schema:name ?n } WHERE { ?s cp:kind cp:kind-news-agency ; schema:name ?n }").stdout
    assert '"Tass"' in turtle
    assert seeded("query", 'ASK { ?s schema:name "Tass" }').stdout.strip() == "true"


def test_query_syntax_error_is_one_line(seeded):
    result = seeded("query", "SELECT nonsense WHERE {", expect=1)
    assert result.stderr.startswith("Error: ") and "HTTP 400" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_connection_refused_is_one_line(seed_text, seed_gold):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = Cli(f"http://127.0.0.1:{port}/sparql")("claims", expect=1)
    assert result.stderr.strip() == (
        f"Error: cannot reach SPARQL endpoint http://127.0.0.1:{port}/sparql: connection refused; is the server running?"
    )


def test_http_error_is_one_line(virtuoso):
    result = Cli(f"http://127.0.0.1:{virtuoso.http_port}/no-such-endpoint")("claims", expect=1)
    assert "HTTP 404" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_timeout_is_one_line(monkeypatch):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)  # accepts the connection, never answers
        monkeypatch.setenv("PROVENANCE_TIMEOUT", "0.5")
        result = Cli(f"http://127.0.0.1:{server.getsockname()[1]}/sparql")("claims", expect=1)
    assert "did not answer the query within" in result.stderr


def test_digest_credentials_come_from_the_environment(virtuoso, endpoint_url, monkeypatch, seed_text, seed_gold):
    cli = Cli(virtuoso.auth_sparql_url)
    refused = cli("claims", expect=1)
    assert "HTTP 401" in refused.stderr and "PROVENANCE_USER" in refused.stderr
    monkeypatch.setenv("PROVENANCE_USER", "dba")
    monkeypatch.setenv("PROVENANCE_PASSWORD", "wrong")
    assert "check PROVENANCE_USER" in cli("claims", expect=1).stderr
    monkeypatch.setenv("PROVENANCE_PASSWORD", "dba")
    cli("add", "--text", str(seed_text), str(seed_gold))
    assert len(cli.json("claims")) == 10


def test_credentials_in_the_url_are_refused(virtuoso):
    result = Cli(f"http://dba:dba@127.0.0.1:{virtuoso.http_port}/sparql-auth")("claims", expect=1)
    assert "PROVENANCE_USER" in result.stderr


def test_separate_update_url(virtuoso, endpoint_url, monkeypatch, seed_text, seed_gold):
    monkeypatch.setenv("PROVENANCE_UPDATE_URL", virtuoso.auth_sparql_url)
    monkeypatch.setenv("PROVENANCE_USER", "dba")
    monkeypatch.setenv("PROVENANCE_PASSWORD", "dba")
    Cli(endpoint_url)("add", "--text", str(seed_text), str(seed_gold))
    assert len(Cli(endpoint_url).json("claims")) == 10


def test_large_graphs_are_written_in_batches(write_path, endpoint_url):
    store = EndpointStore.from_location(endpoint_url)
    graph = "urn:test:large"
    triples = [
        ox.Triple(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"wert {i} zurück \"q\"\n"))
        for i in range(5000)
    ]
    blank = ox.BlankNode()
    triples += [ox.Triple(ox.NamedNode("urn:s0"), ox.NamedNode("urn:q"), blank),
                ox.Triple(blank, ox.NamedNode("urn:p"), ox.Literal("leer"))]
    store.replace_graphs({graph: triples})
    assert len(store) == 5002
    store.replace_graphs({graph: triples[:10]})
    back = {quad.triple for quad in store.quads([graph])}
    assert back == set(triples[:10])
    store.replace_graphs({graph: []})
    assert store.graph_names() == []
    store.close()


def test_ingest_and_report_match_the_embedded_store(remote, tmp_path, seed_text):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "tass-talks-de.txt").write_text(seed_text.read_text(encoding="utf-8"), encoding="utf-8")
    local = Cli(str(tmp_path / "store"))
    outcome = remote.json("ingest", str(articles))
    assert [row["status"] for row in outcome] == ["added"]
    assert [row["status"] for row in remote.json("ingest", str(articles))] == ["unchanged"]
    local("ingest", str(articles))
    report = remote.json("report")
    assert report == local.json("report")
    assert report["articles"] == 1 and report["claims"] >= 6 and report["max_hops"] == 2
    assert "Tass" in remote("report").stdout


def test_optimize_leaves_the_server_alone(seeded):
    before = seeded.json("claims")
    assert seeded("optimize").stdout.startswith(f"Nothing to compact: {seeded.store} is a SPARQL endpoint")
    assert seeded.json("claims") == before
