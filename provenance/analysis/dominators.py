"""Single points of failure: the sources every chain of a claim, or of a cluster of the same claim, passes through.

On the cluster's graph with a virtual root before every origin and a virtual sink after every reader,
a source dominates the sink when every root-to-sink path passes through it; the dominators of the
sink are read off the immediate-dominator tree (Cooper, Harvey and Kennedy, via networkx). If such a
source erred or invented the claim, every article that carries the claim inherits the error.

A relay that dominates is a single point of failure; an origin that dominates is merely the only
origin, which :func:`provenance.analysis.clusters.independent_sources` already reports as 1.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from provenance.analysis.clusters import ClusterShape, cluster_shape
from provenance.analysis.flow import Path, paths_acyclic, paths_graph

ROOT = "\x00root"
SINK = "\x00sink"


def dominating_sources(paths: Sequence[Path], *, shape: ClusterShape | None = None,
                       acyclic: bool | None = None) -> list[str]:
    """The sources on every path from the cluster's origins to its readers, nearest the origins first.

    >>> dominating_sources([("kreise-1", "tass", "spiegel"), ("kreise-2", "tass", "bild")])
    ['tass']
    >>> dominating_sources([("officials", "ap", "bild"), ("diplomats", "reuters", "bild")])
    []

    Parameters
    ----------
    paths : each claim's path, origin first, reader last (:func:`provenance.analysis.flow.claim_path`).

    shape : ``cluster_shape(paths)``, when the caller has it already.
    acyclic : whether the paths' graph has no cycle, when the caller knows.

    Returns
    -------
    list of node ids; readers are included only when they relay to other readers.
    """
    shape = shape or cluster_shape(paths)
    if not shape.paths:
        return []
    if acyclic is None:
        acyclic = paths_acyclic(shape.paths)
    if not shape.continued and acyclic:
        # Without continuations and cycles every root-to-sink path is one claim's chain, or a splice of
        # two chains at a shared source that keeps every source common to all chains.
        common = set.intersection(*(set(path[:-1]) for path in shape.paths))
        return [node for node in shape.paths[0][:-1] if node in common]
    return _dominators_by_tree(shape)


def _dominators_by_tree(shape) -> list[str]:
    graph = paths_graph(shape.paths)
    starts = shape.origins or {path[0] for path in shape.paths}
    graph.add_edges_from((ROOT, origin) for origin in starts)
    graph.add_edges_from((reader, SINK) for reader in shape.readers)
    dominators = nx.immediate_dominators(graph, ROOT)
    if SINK not in dominators:
        return []
    found = []
    node = dominators[SINK]
    while node != ROOT:
        found.append(node)
        node = dominators[node]
    found.reverse()
    return found
