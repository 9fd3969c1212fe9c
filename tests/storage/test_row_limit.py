"""A server that cuts answers at a row limit (Virtuoso's ResultSetMaxRows): reads never lose rows silently."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from virtuoso_server import VirtuosoServer, installed

from provenance.storage.endpoint import EndpointStore, TruncatedResult

pytestmark = pytest.mark.virtuoso


@pytest.fixture(scope="module")
def small_server(tmp_path_factory, virtuoso):  # ``virtuoso`` first: it fails or skips when not installed
    assert installed()
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-small"), max_rows=50)
    server.start()
    yield server
    server.stop()


def triples(graph: int, count: int) -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(f"urn:s{graph}-{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i))) for i in range(count)]


def test_reads_split_and_page_under_a_row_limit(small_server):
    store = EndpointStore(small_server.sparql_url)
    contents = {f"urn:test:g{n}": triples(n, 30) for n in range(5)}
    contents["urn:test:big"] = triples(99, 120)
    store.replace_graphs(contents)
    quads = [quad for batch in store.iter_graph_batches() for quad in batch]
    assert len(quads) == 5 * 30 + 120
    assert {quad.triple for quad in quads if quad.graph_name.value == "urn:test:big"} == set(contents["urn:test:big"])
    output = io.BytesIO()
    store.dump(output, "nquads")
    assert len(output.getvalue().splitlines()) == 270
    with pytest.raises(TruncatedResult, match="only its maximum of 50 rows"):
        store.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.close()
