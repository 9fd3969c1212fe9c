"""Moving named graphs between two stores in bulk: ``push`` to a server, ``pull`` from one.

Every article lives in a named graph of its own, with the sources its chains name, so an article
moves as one graph and arrives whole. Graphs are read a batch at a time (one query for many
graphs) and written with ``replace_graphs``, so a graph that is moved again replaces its old copy
and moving the same store twice changes nothing.

Example::

    >>> from provenance.storage import EmbeddedStore
    >>> import pyoxigraph as ox
    >>> source, target = EmbeddedStore(None), EmbeddedStore(None)
    >>> source.replace_graphs({"urn:g": [ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"))]})
    >>> transfer(source, target)
    TransferResult(graphs=1, triples=1)
    >>> target.graph_names()
    ['urn:g']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from provenance.errors import NotFound

#: One write carries about this many triples (a few hundred articles), whatever the backend.
BATCH_TRIPLES = 20_000

GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
GRAPH_QUADS = "SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }}"
ARTICLE_GRAPH = "SELECT ?doc ?graph WHERE { ?article schema:identifier ?doc ; cp:articleGraph ?graph }"


@dataclass(frozen=True)
class TransferResult:
    """What a transfer moved."""

    graphs: int
    triples: int


def graph_sizes(store, graphs: Iterable[str] | None = None) -> dict[str, int]:
    """The number of triples of each named graph of ``store`` (all of the store's graphs by default)."""
    own = set(store.graph_names())
    wanted = own if graphs is None else set(graphs)
    missing = wanted - own
    if missing:
        raise NotFound(f"no graph {sorted(missing)[0]!r} in store {store.location}")
    sizes = {row["g"].value: int(row["n"].value) for row in store.select(GRAPH_SIZES) if "g" in row}
    return {graph: sizes.get(graph, 0) for graph in sorted(wanted)}


def article_graphs(store, article_ids: Iterable[str]) -> list[str]:
    """The named graphs of the given article ids; NotFound names the first id that is not stored."""
    graphs = []
    for article_id in article_ids:
        rows = store.select(ARTICLE_GRAPH, {"doc": ox.Literal(article_id)})
        if not rows:
            raise NotFound(f"no article {article_id!r} in store {store.location}; 'provenance claims' lists them")
        graphs.extend(row["graph"].value for row in rows)
    return sorted(set(graphs))


def read_graphs(store, graphs: list[str]) -> dict[str, list[ox.Triple]]:
    """The triples of several named graphs, read in one query where the store allows it."""
    contents: dict[str, list[ox.Triple]] = defaultdict(list)
    if hasattr(store, "quads"):
        for quad in store.quads(graphs):
            contents[quad.graph_name.value].append(quad.triple)
    else:
        # The graph names are written into the query as a VALUES block (IRIs in N-Triples syntax,
        # which pyoxigraph checks) rather than bound: pyoxigraph applies bound values after
        # evaluating the pattern, which made every per-graph read a scan of the whole store.
        names = " ".join(str(ox.NamedNode(graph)) for graph in graphs)
        for row in store.select(GRAPH_QUADS.format(graphs=names)):
            contents[row["g"].value].append(ox.Triple(row["s"], row["p"], row["o"]))
    return {graph: contents.get(graph, []) for graph in graphs}


def batches(sizes: dict[str, int], limit: int = BATCH_TRIPLES) -> Iterator[list[str]]:
    """Graph names grouped so that a group holds at most ``limit`` triples (or one larger graph)."""
    group: list[str] = []
    count = 0
    for graph, size in sizes.items():
        if group and count + size > limit:
            yield group
            group, count = [], 0
        group.append(graph)
        count += size
    if group:
        yield group


def plan(source, article_ids: Iterable[str] | None = None) -> dict[str, int]:
    """The graphs a transfer moves, with their sizes: those of the given articles (with the desk's
    corrections of them and the identities of sources), or all."""
    ids = list(article_ids or [])
    return graph_sizes(source, article_graphs(source, ids) + desk_graphs(source, ids) if ids else None)


DESK_GRAPHS = """
SELECT DISTINCT ?g ?doc WHERE {
  { GRAPH ?g { ?activity a cp:Correction ; cp:articleId ?doc } } UNION { GRAPH ?g { ?activity a cp:SourceIdentity } }
}
"""


def desk_graphs(store, article_ids: Iterable[str]) -> list[str]:
    """The graphs of the corrections of the given articles, and of the identities of sources (see provenance.rdf.corrections)."""
    wanted = set(article_ids)
    return sorted({row["g"].value for row in store.select(DESK_GRAPHS) if "doc" not in row or row["doc"].value in wanted})


def transfer(
    source,
    target,
    sizes: dict[str, int] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    batch_triples: int = BATCH_TRIPLES,
) -> TransferResult:
    """Copy named graphs (``sizes`` from :func:`plan`; default: all) from ``source`` to ``target``.

    A graph that exists in ``target`` is replaced. ``progress(graphs_done, triples_done)`` is
    called after each batch.
    """
    if sizes is None:
        sizes = plan(source)
    moved_graphs = moved_triples = 0
    for group in batches(sizes, batch_triples):
        contents = read_graphs(source, group)
        target.replace_graphs(contents)
        moved_graphs += len(group)
        moved_triples += sum(len(triples) for triples in contents.values())
        if progress is not None:
            progress(moved_graphs, moved_triples)
    return TransferResult(graphs=moved_graphs, triples=moved_triples)
