"""The shortcut for simple clusters gives what the general graph analysis gives, and is taken where it should be."""

from __future__ import annotations

import random

import pytest

from provenance.analysis.clusters import cluster_shape, independent_sources
from provenance.analysis.corpus import _simple_cluster
from provenance.analysis.dominators import dominating_sources
from provenance.analysis.flow import paths_acyclic


def random_paths(rng: random.Random) -> list[tuple[str, ...]]:
    sources = [f"s{n}" for n in range(rng.randrange(2, 7))]
    readers = [f"r{n}" for n in range(rng.randrange(1, 4))]
    paths = []
    for _ in range(rng.randrange(1, 6)):
        chain = [rng.choice(sources) for _ in range(rng.randrange(1, 4))]
        if rng.random() < 0.1:
            chain.append(rng.choice(readers))  # continues into another reader's article
        paths.append((*chain, rng.choice(readers)))
    return paths


@pytest.mark.parametrize("seed", range(300))
def test_the_shortcut_agrees_with_the_graphs(seed):
    paths = random_paths(random.Random(seed))
    shape = cluster_shape(paths)
    simple = _simple_cluster(shape)
    if simple is None:
        return
    assert paths_acyclic(shape.paths)
    assert simple == (dominating_sources(paths), independent_sources(paths))


def test_the_common_shapes_take_the_shortcut():
    wire = [(f"kreise-{n}", "tass", f"outlet-{n}") for n in range(4)]
    same_person = [("minister", "tass", "outlet-1"), ("minister", "tass", "outlet-2"), ("tass", "outlet-3")]
    separate = [("officials", "ap", "bild"), ("diplomats", "reuters", "bild")]
    assert _simple_cluster(cluster_shape(wire)) == (["tass"], 1)
    assert _simple_cluster(cluster_shape(same_person)) == (["tass"], 1)
    assert _simple_cluster(cluster_shape(separate)) == ([], 2)


def test_clusters_the_shortcut_cannot_answer_go_to_the_graphs():
    crossed = [("a", "b", "x"), ("b", "a", "y")]  # two shared sources in opposite orders: a cycle
    continued = [("minister", "outlet-2", "outlet-1"), ("minister", "outlet-2")]
    repeated = [("a", "b", "a", "x")]
    for paths in (crossed, continued, repeated):
        assert _simple_cluster(cluster_shape(paths)) is None
