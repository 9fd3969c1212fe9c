"""The flow graph: sources -> ... -> reader, the direction in which a claim travels.

Every attributed claim contributes the path ``origin -> relay -> ... -> reader``. The *reader* of a
claim is the outlet that published its article when the article names one, else the article itself,
so that an outlet cited in another outlet's chain is the same node as the outlet publishing: that is
how "this chain continues into that outlet's articles" and circular reporting become edges.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

import networkx as nx

from provenance.model.records import ClaimRecord

Path = tuple[str, ...]


def reader_of(record: ClaimRecord) -> str:
    """The node where a claim reaches the public: its article's publisher, else the article.

    >>> from provenance.model.records import ArticleRef, ClaimRecord
    >>> article = ArticleRef(iri="urn:a:1", id="a1", publisher="Spiegel", publisher_iri="urn:s:spiegel")
    >>> reader_of(ClaimRecord(iri="urn:c:1", article=article, text="x", mode="indirect", hedged=False))
    'urn:s:spiegel'
    """
    return record.article.publisher_iri or record.article.iri


def claim_path(record: ClaimRecord) -> Path:
    """The nodes a claim passes: its chain's source IRIs, origin first, then its reader.

    An unattributed claim's path is its reader alone.
    """
    return tuple(source.iri for source in record.chain) + (reader_of(record),)


def node_labels(records: Iterable[ClaimRecord]) -> dict[str, tuple[str, str]]:
    """``{iri: (name, kind)}`` for every source and reader of the records.

    Readers are labelled with the outlet's name (kind ``media-outlet``) or the article id (kind
    ``article``); a source's own name and kind win over its label as a reader.
    """
    labels: dict[str, tuple[str, str]] = {}
    for record in records:
        article = record.article
        if article.publisher_iri:
            labels.setdefault(article.publisher_iri, (article.publisher or article.publisher_iri, "media-outlet"))
        else:
            labels.setdefault(article.iri, (article.id, "article"))
        for source in record.chain:
            labels[source.iri] = (source.name, source.kind)
    return labels


def flow_graph(records: Sequence[ClaimRecord]) -> nx.DiGraph:
    """The directed graph of where claims flowed, each edge weighted by the claims it carried.

    Nodes carry ``name`` and ``kind``; edges carry ``claims`` (how many claims used the edge).

    >>> from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
    >>> tass = SourceRef(iri="urn:s:tass", name="Tass", kind="news-agency")
    >>> circles = SourceRef(iri="urn:s:kreise", name="Kreise", kind="anonymous-group")
    >>> article = ArticleRef(iri="urn:a:1", id="a1")
    >>> records = [ClaimRecord(iri=f"urn:c:{n}", article=article, text="x", mode="indirect", hedged=False,
    ...                        chain=(circles, tass)) for n in range(2)]
    >>> graph = flow_graph(records)
    >>> sorted(graph.edges(data="claims"))
    [('urn:s:kreise', 'urn:s:tass', 2), ('urn:s:tass', 'urn:a:1', 2)]

    Parameters
    ----------
    records : the claims to draw; unattributed claims add only their reader.

    Returns
    -------
    networkx.DiGraph
    """
    graph = nx.DiGraph()
    for iri, (name, kind) in node_labels(records).items():
        graph.add_node(iri, name=name, kind=kind)
    for record in records:
        path = claim_path(record)
        for u, v in pairwise(path):
            if u == v:
                continue
            if graph.has_edge(u, v):
                graph[u][v]["claims"] += 1
            else:
                graph.add_edge(u, v, claims=1)
    return graph


def paths_graph(paths: Iterable[Path]) -> nx.DiGraph:
    """The small graph of a few claim paths (a cluster's), without labels; self-loops are dropped."""
    graph = nx.DiGraph()
    for path in paths:
        graph.add_nodes_from(path)
        graph.add_edges_from((u, v) for u, v in pairwise(path) if u != v)
    return graph


def paths_acyclic(paths: Iterable[Path]) -> bool:
    """Whether the graph of a few paths has no cycle (Kahn's algorithm; self-loops count as cycles).

    >>> paths_acyclic([("a", "b", "c"), ("b", "c")]), paths_acyclic([("a", "b"), ("b", "a")])
    (True, False)
    """
    successors: dict[str, set[str]] = {}
    indegree: dict[str, int] = {}
    for path in paths:
        for node in path:
            successors.setdefault(node, set())
            indegree.setdefault(node, 0)
        for u, v in pairwise(path):
            if v not in successors[u]:
                successors[u].add(v)
                indegree[v] += 1
    ready = [node for node, degree in indegree.items() if degree == 0]
    seen = 0
    while ready:
        node = ready.pop()
        seen += 1
        for successor in successors[node]:
            indegree[successor] -= 1
            if indegree[successor] == 0:
                ready.append(successor)
    return seen == len(indegree)
