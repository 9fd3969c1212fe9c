"""The same claim across articles: clustering claim texts, and counting a cluster's independent sources.

Two claims say the same thing when their normalised texts (:mod:`provenance.model.wording`) are
equal or near-equal. Near-equal texts are found without comparing all pairs: min-hash signatures of
the word sets are banded (locality-sensitive hashing, the same bands as the same-claim keys stored
with every claim), and texts that share a band are compared with rapidfuzz's ``token_sort_ratio``;
two texts whose negations differ never match, so that a claim and its denial stay apart. Texts at or
above the threshold (88 of 100) join a cluster.

A cluster's *independent sources* are the greatest number of paths from its origins to its readers
that share no source: a wire copy printed by five outlets is one source, not five; two agencies
with separate origins are two. Computed as a maximum flow (scipy) on the cluster's own small graph
with every source split into an in- and an out-node joined by capacity 1. Most clusters need no
flow at all (all chains share a source: 1; no two chains share one: one each); the rest are small,
and for them breadth-first augmenting paths in Python beat building a scipy sparse matrix by a factor
of twenty, so scipy's ``maximum_flow`` is kept for clusters of more than
:data:`SCIPY_FROM` sources, where it wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse
from scipy.sparse.csgraph import connected_components, maximum_flow

from provenance.analysis.arrays import distinct, distinct_strings
from provenance.analysis.flow import Path
from provenance.model.records import ClaimRecord
from provenance.model.wording import (
    BANDS,
    NEGATIONS,
    ROWS_PER_BAND,
    WordForms,
    negations,
    normalise,
    normalise_text,
    token_hashes,
)

SIMILARITY_THRESHOLD = 88.0
SCIPY_FROM = 200


def same_claim(first: str, second: str, *, threshold: float = SIMILARITY_THRESHOLD) -> bool:
    """Whether two *normalised* texts say the same: alike enough, and negated alike.

    >>> same_claim("gibt resultate", "gibt keine resultate")
    False
    """
    if negations(first) != negations(second):
        return False
    return fuzz.token_sort_ratio(first, second, score_cutoff=threshold) > 0


def _token_hash_table(tokens: Sequence[str]) -> np.ndarray:
    """One row of ``BANDS * ROWS_PER_BAND`` 32-bit hashes per token, as :func:`token_hashes` gives them."""
    width = BANDS * ROWS_PER_BAND
    data = b"".join(map(token_hashes, tokens))
    return np.frombuffer(data, dtype="<u4").reshape(len(tokens), width)


def _minhash_signatures(keys: Sequence[str]) -> np.ndarray:
    """Min-hash signatures of the word sets of non-empty normalised texts (words joined by single spaces),
    one row per text.

    A word repeated in a text does not change the minimum, so the texts' words are taken as they
    come: split at once from all texts joined, each distinct word numbered and hashed once.
    """
    sizes = np.fromiter(map(str.count, keys, repeat(" ")), dtype=np.int64, count=len(keys)) + 1
    tokens = " ".join(keys).split(" ")
    words, flat = distinct_strings(tokens)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    table = _token_hash_table(words)
    return np.minimum.reduceat(table[flat], starts, axis=0)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def cluster_texts(texts: Sequence[str], *, threshold: float = SIMILARITY_THRESHOLD) -> list[list[int]]:
    """Group texts that say the same thing; each group lists indices into ``texts``, ascending.

    >>> cluster_texts(["Die Delegationen seien in ihre Hotels zurückgekehrt",
    ...                "Russland greift Kraftwerke an",
    ...                "die Delegationen sind in ihre Hotels zurückgekehrt."])
    [[0, 2], [1]]

    Parameters
    ----------
    texts : claim texts, German or English.
    threshold : the rapidfuzz ``token_sort_ratio`` (0-100) at which two normalised texts are the same claim.

    Returns
    -------
    list of groups, ordered by their first index; singletons included.
    """
    texts = list(texts)
    if not texts:
        return []
    forms = WordForms()
    raw, text_numbers = distinct_strings(texts)
    numbered: dict[str, int] = {}
    key_numbers = np.fromiter((numbered.setdefault(normalise(text, forms), len(numbered)) for text in raw),
                              dtype=np.int64, count=len(raw))
    labels = _same_claim_components(list(numbered), threshold)[key_numbers[text_numbers]]
    # the texts of each label, ascending (a stable sort), the groups in order of their first text
    order = np.argsort(labels, kind="stable")
    ordered = labels[order]
    bounds = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
    firsts = order[np.concatenate(([0], bounds))]
    flat = order.tolist()
    edges = [0, *bounds.tolist(), len(flat)]
    groups = [flat[start:end] for start, end in pairwise(edges)]
    return [groups[number] for number in np.argsort(firsts).tolist()]


def _same_claim_components(keys: Sequence[str], threshold: float) -> np.ndarray:
    """A component number for every distinct normalised text: texts linked by a chain of same-claim pairs.

    Candidate pairs are a band's first text and each other text sharing that band (as many pairs as
    texts per band, found with numpy); each distinct pair is compared once, its negations first and then
    by rapidfuzz in one call (``cpdist``); the components of the matching pairs are the clusters.
    """
    size = len(keys)
    candidates = np.asarray([number for number, key in enumerate(keys) if key], dtype=np.int64)
    if len(candidates) < 2:
        return np.arange(size)
    signatures = _minhash_signatures([keys[number] for number in candidates]).astype(np.uint64)
    firsts, seconds = [], []
    positions = np.arange(len(candidates))
    for band in range(BANDS):
        first = band * ROWS_PER_BAND
        band_keys = signatures[:, first]
        for row in range(1, ROWS_PER_BAND):
            band_keys = (band_keys << np.uint64(32)) ^ signatures[:, first + row]
        order = np.argsort(band_keys, kind="stable")
        ordered = band_keys[order]
        starts_run = np.empty(len(ordered), dtype=bool)
        starts_run[0] = True
        starts_run[1:] = ordered[1:] != ordered[:-1]
        run_start = np.maximum.accumulate(np.where(starts_run, positions, 0))
        followers = np.flatnonzero(~starts_run)
        firsts.append(candidates[order[run_start[followers]]])
        seconds.append(candidates[order[followers]])
    pairs = distinct(np.concatenate(firsts) * size + np.concatenate(seconds))
    if not len(pairs):
        return np.arange(size)
    left, right = pairs // size, pairs % size
    # the negations of the texts in a pair; most texts have none, and saying so is cheaper than naming them
    negation_number: dict[frozenset[str], int] = {frozenset(): 0}
    involved = distinct(np.concatenate((left, right)))
    negation_of = np.zeros(size, dtype=np.int64)
    no_negation = NEGATIONS.isdisjoint
    negated = [number for number in involved.tolist() if not no_negation(keys[number].split())]
    negation_of[negated] = [negation_number.setdefault(negations(keys[number]), len(negation_number))
                            for number in negated]
    alike = negation_of[left] == negation_of[right]
    left, right = left[alike], right[alike]
    if len(left):
        scores = process.cpdist([keys[number] for number in left.tolist()], [keys[number] for number in right.tolist()],
                                scorer=fuzz.token_sort_ratio, score_cutoff=threshold, workers=-1)
        matched = np.asarray(scores) > 0
        left, right = left[matched], right[matched]
    graph = sparse.coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(size, size))
    _, labels = connected_components(graph, directed=False)
    return labels


def cluster_claims(records: Sequence[ClaimRecord], *, threshold: float = SIMILARITY_THRESHOLD) -> list[list[int]]:
    """Clusters of the attributed claims that say the same thing, as indices into ``records``.

    Unattributed claims are left out: they have no chain to compare.
    """
    attributed = [index for index, record in enumerate(records) if record.chain]
    groups = cluster_texts([records[index].text for index in attributed], threshold=threshold)
    return [[attributed[member] for member in group] for group in groups]


def matching_claims(text: str, candidates: Sequence[tuple[str, str]], *,
                    threshold: float = SIMILARITY_THRESHOLD) -> list[str]:
    """The ids of ``(id, text)`` candidates that say the same as ``text`` (for one claim, without LSH).

    >>> matching_claims("Die Delegationen seien in ihre Hotels zurückgekehrt",
    ...                 [("c1", "Die Delegationen sind in ihre Hotels zurückgekehrt"), ("c2", "Es schneit")])
    ['c1']
    """
    from rapidfuzz import process

    wanted = normalise_text(text)
    keys = [normalise_text(candidate) for _, candidate in candidates]
    hits = process.extract(wanted, keys, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None)
    wanted_negations = negations(wanted)
    return [candidates[index][0] for _, _, index in sorted(hits, key=lambda hit: hit[2])
            if negations(keys[index]) == wanted_negations]


@dataclass(frozen=True)
class ClusterShape:
    """The paths of a cluster's claims and what they imply: readers, true origins, continuations."""

    paths: tuple[Path, ...]
    readers: frozenset[str]
    origins: frozenset[str]
    continued: bool


def cluster_shape(paths: Sequence[Path]) -> ClusterShape:
    """Readers (last nodes), origins (first nodes that are not readers of the cluster) and whether a chain
    continues into another reader's article (a hop that is itself a reader of the same claim).

    In a pure circle of outlets citing each other every first node is a reader, so there is no origin.
    """
    attributed = tuple(path for path in paths if len(path) > 1)
    readers = frozenset(path[-1] for path in attributed)
    origins = frozenset(path[0] for path in attributed if path[0] not in readers)
    continued = any(node in readers for path in attributed for node in path[:-1])
    return ClusterShape(paths=attributed, readers=readers, origins=origins, continued=continued)


def independent_sources(paths: Sequence[Path], *, shape: ClusterShape | None = None,
                        acyclic: bool | None = None) -> int:
    """How many paths from the cluster's origins to its readers share no source (node-disjoint).

    >>> wire = [("kreise-%d" % n, "tass", "outlet-%d" % n) for n in range(5)]
    >>> independent_sources(wire)
    1
    >>> independent_sources([("officials", "ap", "outlet-1"), ("diplomats", "reuters", "outlet-1")])
    2

    Parameters
    ----------
    paths : each claim's path, origin first, reader last (:func:`provenance.analysis.flow.claim_path`).
    shape : ``cluster_shape(paths)``, when the caller has it already.
    acyclic : ``paths_acyclic(shape.paths)``, when the caller knows; lets chains that share a source
        count as one without a flow.

    Returns
    -------
    int, 0 when the chains only cite each other in a circle.
    """
    shape = shape or cluster_shape(paths)
    if not shape.paths or not shape.origins:
        return 0
    if not shape.continued:
        chains = [set(path[:-1]) for path in shape.paths]
        if set.intersection(*chains):
            return 1
        if sum(len(chain) for chain in chains) == len(set().union(*chains)):
            return len(chains)
        return flow_by_components(shape, chains, acyclic=bool(acyclic))
    return _disjoint_paths(shape)


def flow_by_components(shape: ClusterShape, chains: list[set[str]], *, acyclic: bool) -> int:
    """The maximum flow, summed over groups of chains that share sources, when no chain continues into a reader.

    Readers then only end chains, so chains that share no source are node-disjoint apart from the
    readers (unbounded, into the sink): the flow is the sum over the groups. A group of one chain
    carries 1; in an acyclic graph, so does a group whose chains all pass one source (every path from
    an origin to a reader passes it); other groups get the flow of their own graph.
    """
    owner: dict[str, int] = {}
    groups = _UnionFind(len(chains))
    for number, chain in enumerate(chains):
        for node in chain:
            first = owner.setdefault(node, number)
            if first != number:
                groups.union(first, number)
    members: dict[int, list[int]] = {}
    for number in range(len(chains)):
        members.setdefault(groups.find(number), []).append(number)
    total = 0
    for group in members.values():
        if len(group) == 1 or (acyclic and set.intersection(*(chains[number] for number in group))):
            total += 1
            continue
        paths = tuple(shape.paths[number] for number in group)
        total += _disjoint_paths(ClusterShape(paths=paths, readers=frozenset(path[-1] for path in paths),
                                              origins=frozenset(path[0] for path in paths), continued=False))
    return total


def _disjoint_paths(shape: ClusterShape) -> int:
    """Maximum flow on the split-node graph: s -> origins, v_in -> v_out capacity 1, readers -> t."""
    nodes: dict[str, int] = {}
    for path in shape.paths:
        for node in path:
            nodes.setdefault(node, len(nodes))
    arcs = {(nodes[u], nodes[v]) for path in shape.paths for u, v in pairwise(path) if u != v}
    origins = [nodes[node] for node in shape.origins]
    readers = [nodes[node] for node in shape.readers]
    if len(nodes) >= SCIPY_FROM:
        return _scipy_flow(len(nodes), arcs, origins, readers)
    return _augmenting_flow(len(nodes), arcs, origins, readers)


def _split_arcs(size: int, arcs, origins, readers):
    """Arcs ``(u, v, capacity)`` of the split-node graph; node n is 2n (in) and 2n + 1 (out)."""
    unbounded = size + 1
    s, t = 2 * size, 2 * size + 1
    split = [(2 * n, 2 * n + 1, 1) for n in range(size)]
    split += [(2 * reader, t, unbounded) for reader in readers]
    split += [(s, 2 * origin, unbounded) for origin in origins]
    split += [(2 * u + 1, 2 * v, unbounded) for u, v in arcs]
    return split, s, t


def _augmenting_flow(size: int, arcs, origins, readers) -> int:
    """Edmonds-Karp on the split-node graph (small graphs: the flow is at most the number of origins)."""
    split, s, t = _split_arcs(size, arcs, origins, readers)
    residual: dict[int, dict[int, int]] = {}
    for u, v, capacity in split:
        residual.setdefault(u, {})[v] = residual.get(u, {}).get(v, 0) + capacity
        residual.setdefault(v, {}).setdefault(u, 0)
    flow = 0
    while True:
        parent = {s: s}
        frontier = [s]
        while frontier and t not in parent:
            following = []
            for u in frontier:
                for v, capacity in residual[u].items():
                    if capacity > 0 and v not in parent:
                        parent[v] = u
                        following.append(v)
            frontier = following
        if t not in parent:
            return flow
        v = t
        while v != s:
            u = parent[v]
            residual[u][v] -= 1
            residual[v][u] += 1
            v = u
        flow += 1


def _scipy_flow(size: int, arcs, origins, readers) -> int:
    split, s, t = _split_arcs(size, arcs, origins, readers)
    rows, cols, capacity = zip(*split)
    graph = sparse.csr_matrix(
        (np.asarray(capacity, dtype=np.int32), (np.asarray(rows), np.asarray(cols))), shape=(2 * size + 2,) * 2
    )
    graph.sum_duplicates()
    return int(maximum_flow(graph, s, t).flow_value)
