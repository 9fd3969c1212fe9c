"""Clustering the same claim, and counting independent sources by maximum flow."""

from itertools import pairwise

import networkx as nx
import pytest

from provenance.analysis.clusters import (
    _disjoint_paths,
    cluster_claims,
    cluster_shape,
    cluster_texts,
    independent_sources,
    matching_claims,
    normalise_text,
)

from .conftest import article, claim, source


def test_normalisation_folds_german_reported_speech_and_english_function_words():
    assert normalise_text("„Die Lage sei ernst“, sagte er") == normalise_text("Die Lage ist ernst sagte er")
    assert normalise_text("Straße") == "strasse"
    assert normalise_text("The talks were constructive.") == "talks constructive"


def test_near_duplicates_cluster_and_different_claims_do_not():
    texts = [
        "Die Delegationen seien in ihre Hotels zurückgekehrt",
        "Die Delegationen seien bereits in ihre Hotels zurückgekehrt",
        "die Delegationen sind in ihre Hotels zurückgekehrt",
        "Die Delegationen seien in ihre Heimatländer abgereist",
        "The ceasefire will take effect at midnight on Sunday",
        "A ceasefire will take effect at midnight on Sunday",
        "The ceasefire will end at midnight on Sunday",
    ]
    assert cluster_texts(texts) == [[0, 1, 2], [3], [4, 5], [6]]


def test_cluster_claims_skips_unattributed_claims():
    a = article("a")
    records = [claim(1, a, source("X"), text="Es schneit in Kiew"), claim(2, a, text="Es schneit in Kiew"),
               claim(3, article("b"), source("Y"), text="Es schneit in Kiew.")]
    assert cluster_claims(records) == [[0, 2]]


def test_matching_claims_for_one_text():
    assert matching_claims("Es gebe Resultate", [("c1", "es gibt Resultate"), ("c2", "es gibt keine Resultate")]) == ["c1"]


def test_wire_copy_in_five_outlets_is_one_source():
    paths = [(f"kreise-{n}", "tass", f"outlet-{n}") for n in range(5)]
    assert independent_sources(paths) == 1


def test_two_agencies_with_separate_origins_are_two_sources():
    paths = [("diplomats-1", "reuters", "courier"), ("official-2", "ap", "herald"),
             ("diplomats-3", "reuters", "gazette"), ("official-4", "ap", "observer")]
    assert independent_sources(paths) == 2


def test_two_agencies_quoting_the_same_minister_are_one_source():
    assert independent_sources([("minister", "reuters", "courier"), ("minister", "ap", "herald")]) == 1


def test_outlet_citing_outlet_continues_the_chain():
    # Bild cites Spiegel, which has the claim from Tass; Focus has it from AP: two independent sources
    paths = [("kreise", "tass", "spiegel"), ("spiegel", "bild"), ("official", "ap", "focus")]
    shape = cluster_shape(paths)
    assert shape.continued and shape.origins == {"kreise", "official"}
    assert independent_sources(paths) == 2


def test_pure_circle_has_no_independent_source():
    assert independent_sources([("b", "a"), ("c", "b"), ("a", "c")]) == 0


def test_max_flow_agrees_with_networkx_node_connectivity():
    paths = [("o1", "x", "y", "r1"), ("o2", "x", "r2"), ("o3", "z", "r2"), ("o1", "z", "r3"), ("o4", "w", "y", "r4")]
    graph = nx.DiGraph()
    for path in paths:
        nx.add_path(graph, path)
    for origin in ("o1", "o2", "o3", "o4"):
        graph.add_edge("S", origin)
    for reader in ("r1", "r2", "r3", "r4"):
        graph.add_edge(reader, "T")
    # node-disjoint paths S -> T (readers and origins may be shared by none): what networkx says
    expected = nx.node_connectivity(graph, "S", "T")
    assert _disjoint_paths(cluster_shape(paths)) == expected == independent_sources(paths) == 3


@pytest.mark.parametrize("paths, expected", [
    ([("a", "r1")], 1),
    ([("a", "r1"), ("b", "r1")], 2),
    ([("a", "m", "r1"), ("b", "m", "r1")], 1),
])
def test_small_shapes(paths, expected):
    assert independent_sources(paths) == expected


def test_a_claim_and_its_denial_never_cluster():
    texts = ["Russland habe die Gespräche in Abu Dhabi nach dem zweiten Tag abgebrochen und reise ab",
             "Russland habe die Gespräche in Abu Dhabi nach dem zweiten Tag nicht abgebrochen und reise ab"]
    assert cluster_texts(texts) == [[0], [1]]


def test_augmenting_paths_agree_with_scipy_on_random_clusters():
    import random

    from provenance.analysis import clusters

    rng = random.Random(3)
    for _ in range(200):
        nodes = [f"n{n}" for n in range(rng.randrange(3, 12))]
        paths = [tuple(rng.sample(nodes, rng.randrange(1, 4))) + (f"r{rng.randrange(4)}",) for _ in range(rng.randrange(1, 8))]
        shape = cluster_shape(paths)
        if not shape.origins:
            continue
        index = {node: n for n, node in enumerate(dict.fromkeys(node for path in shape.paths for node in path))}
        arcs = {(index[u], index[v]) for path in shape.paths for u, v in pairwise(path) if u != v}
        origins = [index[o] for o in shape.origins]
        readers = [index[r] for r in shape.readers]
        assert clusters._augmenting_flow(len(index), arcs, origins, readers) == clusters._scipy_flow(
            len(index), arcs, origins, readers)


def test_groups_partition_the_texts_in_order_and_repeated_texts_share_one():
    """Repeated and empty texts, a negated variant: every index once, groups ascending and by first index."""
    import random

    from provenance.analysis.clusters import same_claim

    rng = random.Random(5)
    stories = ["Die Delegationen seien in ihre Hotels zurückgekehrt", "The ceasefire will take effect at midnight",
               "Russland greift Kraftwerke an", "Russland greift keine Kraftwerke an", "", "und so", "Es schneit"]
    texts = [rng.choice(stories) + rng.choice(["", ".", " heute"]) for _ in range(300)]
    groups = cluster_texts(texts)
    assert sorted(index for group in groups for index in group) == list(range(len(texts)))
    assert all(group == sorted(group) for group in groups)
    assert [group[0] for group in groups] == sorted(group[0] for group in groups)
    group_of = {index: number for number, group in enumerate(groups) for index in group}
    group_of_text = {}
    for index, text in enumerate(texts):
        assert group_of_text.setdefault(text, group_of[index]) == group_of[index]
    negated = [index for index, text in enumerate(texts) if "keine" in text]
    plain = [index for index, text in enumerate(texts) if "greift Kraftwerke" in text]
    assert negated and plain and {group_of[i] for i in negated}.isdisjoint(group_of[i] for i in plain)
    assert not same_claim(normalise_text(texts[negated[0]]), normalise_text(texts[plain[0]]))


def test_no_texts_no_groups():
    assert cluster_texts([]) == []
    assert cluster_texts(["", ""]) == [[0, 1]]
