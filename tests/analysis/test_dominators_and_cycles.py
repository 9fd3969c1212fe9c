"""Single points of failure and circular reporting."""

import networkx as nx

from provenance.analysis.clusters import cluster_shape
from provenance.analysis.cycles import circular_reporting
from provenance.analysis.dominators import _dominators_by_tree, dominating_sources


def test_single_chain_is_dominated_by_every_source():
    assert dominating_sources([("kreise", "tass", "article")]) == ["kreise", "tass"]


def test_agency_behind_every_outlet_dominates():
    paths = [(f"kreise-{n}", "tass", f"outlet-{n}") for n in range(5)]
    assert dominating_sources(paths) == ["tass"]


def test_two_agencies_have_no_single_point_of_failure():
    assert dominating_sources([("a", "reuters", "x"), ("b", "ap", "y")]) == []


def test_fast_path_agrees_with_dominator_tree():
    cases = [
        [("o1", "x", "y", "r1"), ("o2", "x", "y", "r2")],
        [("o1", "x", "r1"), ("o2", "y", "x", "r2")],
        [("o", "a", "b", "r1"), ("o", "b", "r2")],
    ]
    for paths in cases:
        assert dominating_sources(paths) == _dominators_by_tree(cluster_shape(paths))


def test_continuation_makes_the_cited_outlet_a_point_of_failure():
    paths = [("kreise", "tass", "spiegel"), ("spiegel", "bild"), ("spiegel", "focus")]
    assert dominating_sources(paths) == ["kreise", "tass", "spiegel"]


def test_circle_is_found_with_its_members_in_flow_order():
    graph = nx.DiGraph([("stadtanzeiger", "blick"), ("lokalradio", "stadtanzeiger"), ("blick", "lokalradio"),
                        ("stadtanzeiger", "wochenblatt")])
    assert circular_reporting(graph) == [["blick", "lokalradio", "stadtanzeiger"]]


def test_cycles_are_bounded_in_length_and_number():
    graph = nx.complete_graph(8, create_using=nx.DiGraph)
    cycles = circular_reporting(graph, max_length=3, max_per_component=5)
    assert len(cycles) == 5 and all(len(cycle) <= 3 for cycle in cycles)


def test_self_loops_and_acyclic_graphs_have_no_circle():
    assert circular_reporting(nx.DiGraph([("a", "a"), ("a", "b")])) == []
