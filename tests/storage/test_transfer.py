"""push and pull between the embedded store and a real Virtuoso server."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from provenance.cli import main
from provenance.storage import EmbeddedStore, open_store
from provenance.storage import transfer as transfers

pytestmark = pytest.mark.virtuoso


def run(store: str, *args: str, expect: int = 0):
    result = CliRunner().invoke(main, ["--store", store, *args], catch_exceptions=False)
    assert result.exit_code == expect, (result.exit_code, result.output)
    return result


def claims(store: str) -> list[dict]:
    return json.loads(run(store, "claims", "--json").stdout)


def quads(location: str) -> set[str]:
    store = open_store(location, write=False)
    try:
        sizes = transfers.plan(store)
        return {
            f"{triple} <{graph}>"
            for graph, triples in transfers.read_graphs(store, list(sizes)).items()
            for triple in triples
        }
    finally:
        store.close()


@pytest.fixture
def local(tmp_path: Path, seed_text: Path, seed_gold: Path) -> str:
    """An on-disk store with the seed article twice, as 'tass-talks-de' and as 'copy'."""
    store = str(tmp_path / "local")
    run(store, "add", "--text", str(seed_text), str(seed_gold))
    run(store, "add", "--id", "copy", "--text", str(seed_text), str(seed_gold))
    return store


def test_push_then_pull_round_trips_every_quad(write_path, local, endpoint_url, tmp_path):
    pushed = json.loads(run(local, "push", "--to", endpoint_url, "--json").stdout)
    assert pushed["graphs"] == 2 and pushed["triples"] > 1600
    assert claims(endpoint_url) == claims(local)
    back = str(tmp_path / "back")
    result = run(back, "pull", "--from", endpoint_url)
    assert result.stdout.startswith(f"Pulled 2 graphs ({pushed['triples']:,} triples) from {endpoint_url}")
    assert quads(back) == quads(local) == quads(endpoint_url)


def test_pushing_twice_changes_nothing(local, endpoint_url):
    run(local, "push", "--to", endpoint_url)
    before = quads(endpoint_url)
    run(local, "push", "--to", endpoint_url)
    assert quads(endpoint_url) == before


def test_selected_articles_only(local, endpoint_url, tmp_path):
    run(local, "push", "--to", endpoint_url, "--article", "copy")
    assert {row["article"] for row in claims(endpoint_url)} == {"copy"}
    run(local, "push", "--to", endpoint_url)
    back = str(tmp_path / "back")
    run(back, "pull", "--from", endpoint_url, "--article", "tass-talks-de")
    assert {row["article"] for row in claims(back)} == {"tass-talks-de"}


def test_unknown_article_is_one_line(local, endpoint_url):
    result = run(local, "push", "--to", endpoint_url, "--article", "nope", expect=1)
    assert result.stderr.strip() == f"Error: no article 'nope' in store {local}; 'provenance claims' lists them"


def test_pull_from_a_server_that_is_down(tmp_path):
    result = run(str(tmp_path / "s"), "pull", "--from", "http://127.0.0.1:9/sparql", expect=1)
    assert "connection refused" in result.stderr


def test_transfer_batches_many_graphs(endpoint_url):
    source = EmbeddedStore(None)
    graphs = {
        f"urn:test:g{i}": [ox.Triple(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(j))) for j in range(30)]
        for i in range(120)
    }
    source.replace_graphs(graphs)
    target = open_store(endpoint_url)
    calls = []
    result = transfers.transfer(source, target, progress=lambda g, t: calls.append((g, t)), batch_triples=1000)
    assert result == transfers.TransferResult(graphs=120, triples=3600)
    assert calls[-1] == (120, 3600) and len(calls) == 4
    assert transfers.graph_sizes(target) == {graph: 30 for graph in graphs}
    target.close()
