"""All findings over a corpus of claims at once: the input of ``provenance report``.

Work is done where it is needed: a claim alone in its cluster has a single chain, so its single points
of failure and its one independent source are read off the chain; only clusters of several claims
get a graph of their own (dominators, maximum flow), and only cyclic ones are searched for circles.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from provenance.analysis import depth
from provenance.analysis.clusters import (
    ClusterShape,
    cluster_claims,
    cluster_shape,
    flow_by_components,
    independent_sources,
)
from provenance.analysis.credibility import claim_digit
from provenance.analysis.cycles import circular_reporting
from provenance.analysis.dominators import dominating_sources
from provenance.analysis.flow import Path, node_labels, paths_acyclic, paths_graph, reader_of
from provenance.analysis.sources import SourceStatistics, source_statistics
from provenance.model.records import ClaimRecord

FREEZE_FROM = 200_000


@dataclass(frozen=True)
class ClusterFinding:
    """One group of claims that say the same thing; ``members`` index the corpus's records."""

    members: tuple[int, ...]
    articles: tuple[str, ...]
    origins: tuple[str, ...]
    independent_sources: int
    single_points_of_failure: tuple[str, ...]
    cycles: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class FailurePoint:
    """A relay that every chain of some claims passes through."""

    source: str
    claims: int
    clusters: int


@dataclass(frozen=True)
class Circle:
    """A circle of sources or outlets, in flow order, and the claims it was found in."""

    members: tuple[str, ...]
    claims: int
    clusters: int
    example: int


@dataclass
class CorpusFindings:
    """Everything ``report`` shows; node ids are IRIs, ``labels`` names them."""

    records: Sequence[ClaimRecord]
    labels: dict[str, tuple[str, str]]
    attributed: int
    unattributed: int
    articles: int
    origins: dict[str, int]
    origin_kinds: dict[str, int]
    depth_histogram: dict[int, int]
    sources: list[SourceStatistics]
    clusters: list[ClusterFinding]
    single_points_of_failure: list[FailurePoint]
    circles: list[Circle]
    credibility: dict[int, int] = field(default_factory=dict)

    @property
    def max_hops(self) -> int:
        return max(self.depth_histogram, default=0)


def analyse_corpus(records: Sequence[ClaimRecord], *, article_count: int | None = None) -> CorpusFindings:
    """Run every analysis over the claims of a corpus.

    Parameters
    ----------
    records : every claim of the corpus (attributed and unattributed) with its chain.
    article_count : the number of stored articles, when some have no claims; default: those of the records.

    Returns
    -------
    CorpusFindings; ``clusters`` lists only clusters of claims from two or more articles, largest first.
    """
    with collector_paused(freeze=len(records) >= FREEZE_FROM):
        return _analyse(records, article_count)


@contextmanager
def collector_paused(*, freeze: bool = False):
    """Pause Python's cyclic garbage collector for a bulk computation.

    Reading and analysing a million claims allocates tens of millions of small objects that
    reference counting frees (no cycles); meanwhile every collection of the oldest generation walks
    all of them again. Measured on 1M claims: 10 s of CPU out of 74 (read 28 -> 22 s, analyse 39 ->
    37 s, and the later JSON 8 -> 5.5 s).

    With ``freeze`` the objects alive at the end (the records and findings of a large corpus) are
    moved to the collector's permanent generation (``gc.freeze``), so that turning the findings into
    output does not walk them again either. They are acyclic and still freed by reference counting;
    only reference cycles that were already garbage then would be kept, so it is done for large
    corpora only (:data:`FREEZE_FROM`).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _analyse(records: Sequence[ClaimRecord], article_count: int | None) -> CorpusFindings:
    attributed = sum(1 for record in records if record.chain)
    paths = _claim_paths(records)
    failures: dict[str, list[int]] = {}
    circles: dict[tuple[str, ...], list[int]] = {}
    clusters: list[ClusterFinding] = []
    independent_of: dict[int, int] = {}
    for members in cluster_claims(records):
        if len(members) == 1:
            index = members[0]
            path = paths[index]
            if len(set(path)) == len(path):
                for relay in dict.fromkeys(path[1:-1]):
                    failures.setdefault(relay, [0, 0])
                    failures[relay][0] += 1
                    failures[relay][1] += 1
                continue
        finding = _cluster_finding(records, members, paths)
        for member in members:
            independent_of[member] = finding.independent_sources
        for relay in finding.single_points_of_failure:
            failures.setdefault(relay, [0, 0])
            failures[relay][0] += len(members)
            failures[relay][1] += 1
        for cycle in finding.cycles:
            entry = circles.setdefault(cycle, [0, 0, members[0]])
            entry[0] += len(members)
            entry[1] += 1
        if len(finding.articles) > 1:
            clusters.append(finding)
    clusters.sort(key=lambda c: (-len(c.members), -len(c.articles), c.members[0]))
    credibility = Counter(_claim_digits(records, independent_of))
    return CorpusFindings(
        records=records,
        labels=node_labels(records),
        attributed=attributed,
        unattributed=len(records) - attributed,
        articles=article_count if article_count is not None else len({r.article.iri for r in records}),
        origins=depth.origin_counts(records),
        origin_kinds=depth.origin_kinds(records),
        depth_histogram=depth.depth_histogram(records),
        sources=source_statistics(records),
        clusters=clusters,
        single_points_of_failure=sorted(
            (FailurePoint(source, claims, count) for source, (claims, count) in failures.items()),
            key=lambda point: (-point.claims, point.source),
        ),
        circles=sorted(
            (Circle(cycle, claims, count, example) for cycle, (claims, count, example) in circles.items()),
            key=lambda circle: (-circle.claims, circle.members),
        ),
        credibility=dict(sorted(credibility.items())),
    )


def _claim_digits(records: Sequence[ClaimRecord], independent_of: dict[int, int]):
    """``claim_digit`` of every attributed record; the digit depends only on the mode, the hedging, the
    hops' reliabilities and the independent sources, so it is computed once per combination."""
    digits: dict[tuple, int] = {}
    for index, record in enumerate(records):
        chain = record.chain
        if not chain:
            continue
        independent = independent_of.get(index, 1)
        key = (record.mode, record.hedged, independent, tuple([source.reliability for source in chain]))
        digit = digits.get(key)
        if digit is None:
            digit = digits[key] = claim_digit(record, independent_sources=independent)
        yield digit


def _simple_cluster(shape: ClusterShape) -> tuple[list[str], int] | None:
    """Dominating sources and independent sources of a cluster of the common, simple kind; None for any other.

    Simple: no chain continues into a reader, every chain is simple (no source twice), and the
    sources that several chains share come in the same order in all of them. Then the paths'
    graph has no cycle: a cycle would need a source shared by chains (within one simple chain
    there is none, and after its last source a chain meets only its reader, where nothing goes on),
    and going round it would take the shared sources in an order that some chain contradicts. So
    both answers come from the chains' source sets, as :func:`dominating_sources` and
    :func:`independent_sources` give them for an acyclic cluster, without building any graph.
    """
    if shape.continued or not shape.paths or not shape.origins:
        return None
    chains: list[set[str]] = []
    seen: set[str] = set()
    shared: set[str] = set()
    for path in shape.paths:
        nodes = set(path[:-1])
        if len(nodes) != len(path) - 1:
            return None
        shared |= seen & nodes
        seen |= nodes
        chains.append(nodes)
    if len(shared) > 1 and not _one_order(shape.paths, shared):
        return None
    common = set.intersection(*chains)
    dominators = [node for node in shape.paths[0][:-1] if node in common]
    if common:
        return dominators, 1
    if sum(map(len, chains)) == len(seen):
        return dominators, len(chains)
    return dominators, flow_by_components(shape, chains, acyclic=True)


def _one_order(paths: Sequence[Path], shared: set[str]) -> bool:
    """Whether every path meets the ``shared`` nodes in an order the path meeting most of them agrees with."""
    orders = [[node for node in path if node in shared] for path in paths]
    longest = max(orders, key=len)
    position = {node: number for number, node in enumerate(longest)}
    for order in orders:
        places = [position.get(node, -1) for node in order]
        if -1 in places or places != sorted(places):
            return False
    return True


def _claim_paths(records: Sequence[ClaimRecord]) -> list[tuple[str, ...]]:
    """``claim_path`` of every record, each article's reader worked out once."""
    readers: dict[int, tuple[str]] = {}
    paths = []
    append = paths.append
    for record in records:
        article = record.article
        reader = readers.get(id(article))
        if reader is None:
            reader = readers[id(article)] = (reader_of(record),)
        chain = record.chain
        append(tuple([source.iri for source in chain]) + reader if chain else reader)
    return paths


def _cluster_finding(records: Sequence[ClaimRecord], members: Sequence[int],
                     claim_paths: Sequence[tuple[str, ...]]) -> ClusterFinding:
    paths = [claim_paths[index] for index in members]
    shape = cluster_shape(paths)
    cycles: tuple[tuple[str, ...], ...] = ()
    simple = _simple_cluster(shape)
    if simple is not None:
        dominators, independent = simple
    else:
        acyclic = paths_acyclic(shape.paths)
        dominators = dominating_sources(paths, shape=shape, acyclic=acyclic)
        independent = independent_sources(paths, shape=shape, acyclic=acyclic)
        if not acyclic:
            cycles = tuple(tuple(cycle) for cycle in circular_reporting(paths_graph(shape.paths)))
    return ClusterFinding(
        members=tuple(members),
        articles=tuple(dict.fromkeys([records[index].article.id for index in members])),
        origins=tuple(sorted(shape.origins)),
        independent_sources=independent,
        single_points_of_failure=tuple(node for node in dominators if node not in shape.origins),
        cycles=cycles,
    )

