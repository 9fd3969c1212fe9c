"""The flow graph, hearsay depth and origins."""

from provenance.analysis.depth import depth_histogram, hearsay_depth, origin_counts, origin_kinds, origin_type
from provenance.analysis.flow import claim_path, flow_graph, paths_acyclic, reader_of

from .conftest import article, claim, source

TASS = source("Tass", "news-agency")
CIRCLES = source("Kreise", "anonymous-group")
RAVID = source("Ravid")


def test_reader_is_publisher_when_known_else_article():
    assert reader_of(claim(1, article("a", "Spiegel"), TASS)) == "urn:source:Spiegel"
    assert reader_of(claim(1, article("a"), TASS)) == "urn:article:a"


def test_path_runs_origin_first_to_reader():
    assert claim_path(claim(1, article("a"), CIRCLES, TASS)) == ("urn:source:Kreise", "urn:source:Tass", "urn:article:a")
    assert claim_path(claim(1, article("a"))) == ("urn:article:a",)


def test_flow_graph_counts_claims_per_edge_and_labels_nodes():
    a, b = article("a", "Spiegel"), article("b", "Bild")
    graph = flow_graph([claim(1, a, CIRCLES, TASS), claim(2, b, TASS), claim(3, b, source("Spiegel", "media-outlet"))])
    assert graph["urn:source:Tass"]["urn:source:Spiegel"]["claims"] == 1
    assert graph["urn:source:Spiegel"]["urn:source:Bild"]["claims"] == 1
    assert graph.nodes["urn:source:Spiegel"]["kind"] == "media-outlet"
    assert graph.nodes["urn:source:Bild"] == {"name": "Bild", "kind": "media-outlet"}


def test_paths_acyclic():
    assert paths_acyclic([("a", "b", "r1"), ("c", "b", "r2")])
    assert not paths_acyclic([("a", "b", "c"), ("c", "a")])


def test_depth_and_origin_of_claims():
    a = article("a")
    records = [claim(1, a, CIRCLES, TASS), claim(2, a, RAVID), claim(3, a), claim(4, a, CIRCLES)]
    assert [hearsay_depth(r) for r in records] == [2, 1, 0, 1]
    assert [origin_type(r) for r in records] == ["anonymous", "named", "unattributed", "anonymous"]
    assert depth_histogram(records) == {0: 1, 1: 2, 2: 1}
    assert origin_counts(records) == {"named": 1, "anonymous": 2}
    assert origin_kinds(records) == {"anonymous-group": 2, "person": 1}
