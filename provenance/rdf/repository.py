"""Writing articles to a store and moving RDF in and out of it.

Each article is one named graph, written in one transaction; an article whose content hash is
already stored is left alone, so adding the same article twice changes no triple.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import BinaryIO, Union

import pyoxigraph as ox

from provenance.errors import InvalidInput
from provenance.model import Article
from provenance.rdf import history, queries, ratings
from provenance.rdf import vocab as v
from provenance.rdf.iris import IriScheme
from provenance.rdf.mapping import ArticleGraph, article_graph
from provenance.rdf.timestamps import now
from provenance.storage.base import ended

IMPORTED_GRAPH = "urn:claim-provenance:imported"


@dataclass(frozen=True)
class AddResult:
    """What storing one article did."""

    article: str
    doc: str
    graph: str
    claims: int
    attributed: int
    triples: int
    status: str  # "added", "replaced" or "unchanged"


def add_article(store, article: Article, scheme: IriScheme, *, method: str = "add", time: str | None = None) -> AddResult:
    """Store one article and its claims in its own named graph, in one transaction."""
    result = next(add_articles(store, [article], scheme, method=method, time=time))
    assert isinstance(result, AddResult)
    return result


#: The first write of new articles holds this many triples; each next one holds ``WRITE_GROWTH``
#: times more, up to the store's ``max_write_triples`` (50k where it names none).
BATCH_TRIPLES = 50_000
WRITE_GROWTH = 4


@dataclass(frozen=True)
class Rejected:
    """An article :func:`add_articles` did not store, because it cannot be mapped (``skip_invalid``)."""

    doc: str
    error: str


def add_articles(store, articles: Iterable[Article], scheme: IriScheme, *, method: str = "add",
                 time: str | None = None, batch_triples: int = BATCH_TRIPLES,
                 skip_invalid: bool = False) -> Iterator[AddResult | Rejected]:
    """Store many articles, each in its own named graph; yields one result per article, in their order.

    Articles that are new to the store go in together, in atomic writes of growing size (from
    ``batch_triples`` to the store's ``max_write_triples``). A write is started with
    ``Store.submit_new_graphs``: the embedded store loads it in the background while the next
    articles are mapped, so mapping and storing use both cores. An article that replaces a stored
    one is written on its own, by the backend's staging-and-move replace, once the writes before
    it have ended. A result is yielded once its article is stored, so an interruption loses at
    most the writes under way and never leaves part of an article. The store is not compacted
    here: that rewrites all of it, and is the caller's choice (``Store.optimize``). An article
    whose content hash is stored already is left alone. With ``skip_invalid``, an article that
    fails validation yields :class:`Rejected` in its place instead of raising.
    """
    mapped = _Mapped(iter(articles), scheme, method, time, skip_invalid)
    limit = batch_triples
    largest = max(batch_triples, getattr(store, "max_write_triples", BATCH_TRIPLES))
    writes = _WritesInFlight()
    try:
        while True:
            write = _NewArticles(store, mapped, limit, writes.graphs)
            nquads = write.nquads()
            if nquads:
                writes.add(store.submit_new_graphs(nquads), write)
            else:
                writes.add(ended(), write)
            if write.stopped_at is not None:
                # The article is stored already, or held by a write in flight: let those end first.
                yield from writes.settle()
                article, graph, result = write.stopped_at
                if result is None:
                    # The same article again: now that its first version is stored, compare them.
                    mapped.put_back([(article, graph)])
                else:
                    if result.status == "replaced":
                        store.replace_graphs({graph.graph: graph.quads + history.carried_over(store, graph)})
                    yield result
            elif mapped.done:
                yield from writes.settle()
                return
            else:
                yield from writes.settle(done_only=True)
            limit = min(largest, limit * WRITE_GROWTH)
    except Exception:
        # Writes started before the failure go on to their end: report what they stored.
        yield from writes.settle(skip_failed=True)
        raise
    finally:
        store.wait_for_writes()


class _WritesInFlight:
    """Writes started and not yet reported, in order, with the graphs they hold."""

    def __init__(self) -> None:
        self.writes: deque[tuple[Future, _NewArticles]] = deque()
        self.graphs: set[str] = set()

    def add(self, future: Future, write: _NewArticles) -> None:
        self.writes.append((future, write))
        self.graphs.update(write.graphs)

    def settle(self, *, done_only: bool = False, skip_failed: bool = False) -> Iterator[AddResult | Rejected]:
        """Yield the results of ended writes, oldest first; wait for each unless ``done_only``.

        A write that failed raises its error here, or with ``skip_failed`` (a failure is being
        raised already) is passed over, as it stored nothing.
        """
        while self.writes and (not done_only or self.writes[0][0].done()):
            future, write = self.writes.popleft()
            self.graphs.difference_update(write.graphs)
            if skip_failed and future.exception() is not None:
                continue
            future.result()
            yield from write.results


#: An article mapped to its graph, or the reason it could not be (``skip_invalid``).
_Item = Union[tuple[Article, ArticleGraph], Rejected]


class _Mapped:
    """The articles of one run mapped in their order, taken a group at a time; what a write leaves is put back in front."""

    def __init__(self, articles: Iterator[Article], scheme: IriScheme, method: str, time: str | None,
                 skip_invalid: bool) -> None:
        self.articles, self.scheme, self.method, self.time = articles, scheme, method, time
        self.skip_invalid = skip_invalid
        self.ahead: deque[_Item] = deque()
        self.exhausted = False

    @property
    def done(self) -> bool:
        """Whether every article has been taken and nothing was put back."""
        return self.exhausted and not self.ahead

    def take(self, triples: int) -> list[_Item]:
        """The next articles, up to about ``triples`` triples (at least one article unless none is left)."""
        group: list[_Item] = []
        size = 0
        while size < triples:
            if self.ahead:
                item = self.ahead.popleft()
            else:
                article = next(self.articles, None)
                if article is None:
                    self.exhausted = True
                    break
                item = self._map(article)
            group.append(item)
            if not isinstance(item, Rejected):
                size += item[1].size
        return group

    def put_back(self, items: list[_Item]) -> None:
        self.ahead.extendleft(reversed(items))

    def _map(self, article: Article) -> _Item:
        try:
            return article, article_graph(article, self.scheme, method=self.method, time=self.time or now())
        except InvalidInput as error:
            if not self.skip_invalid:
                raise
            return Rejected(doc=article.id, error=str(error))


class _NewArticles:
    """One write of new articles, up to ``limit`` triples, as N-Quads.

    It stops before an article that is not new (stored unchanged, to be replaced, given twice in
    this write or held by a write in flight), which is handled after the write, in its place in
    the order; the articles after it that were mapped already are put back.
    """

    def __init__(self, store, mapped: _Mapped, limit: int, in_flight: set[str]) -> None:
        self.store, self.mapped, self.limit = store, mapped, limit
        #: Graphs of earlier writes still under way: an article in one of them is not new here.
        self.in_flight = in_flight
        #: The graphs this write holds.
        self.graphs: set[str] = set()
        self.results: list[AddResult | Rejected] = []
        #: The article that is not new, and its result (None for an article given twice).
        self.stopped_at: tuple[Article, ArticleGraph, AddResult | None] | None = None

    def nquads(self) -> str:
        """The new articles of this write as N-Quads; their stored hashes are looked up a group at a time."""
        size = 0
        text: list[str] = []
        while size < self.limit:
            group = self.mapped.take(self.limit - size)
            if not group:
                break
            hashes = queries.stored_hashes(self.store, [item[1].article for item in group if not isinstance(item, Rejected)])
            for index, item in enumerate(group):
                if isinstance(item, Rejected):
                    self.results.append(item)
                    continue
                article, graph = item
                result = None
                if graph.graph not in self.graphs and graph.graph not in self.in_flight:
                    previous = hashes.get(graph.article)
                    result = AddResult(article=graph.article, doc=article.id, graph=graph.graph,
                                       claims=len(article.claims),
                                       attributed=sum(1 for claim in article.claims if claim.chain),
                                       triples=graph.size,
                                       status="unchanged" if previous == graph.content_hash else
                                       "added" if previous is None else "replaced")
                if result is None or result.status != "added":
                    self.stopped_at = (article, graph, result)
                    self.mapped.put_back(group[index + 1 :])
                    return "".join(text)
                self.graphs.add(graph.graph)
                self.results.append(result)
                text.append(graph.nquads())
                size += result.triples
        return "".join(text)


def export_store(store, output: BinaryIO, format: str) -> None:
    """Serialize the store; triple formats (Turtle, N-Triples, JSON-LD) get the union of all graphs."""
    store.dump(output, format)


@dataclass(frozen=True)
class ImportResult:
    graphs: int
    triples: int


def parse_rdf(data: bytes, format: str) -> list[ox.Quad]:
    """Parse a serialization, chosen by its format and never by trial and error."""
    from provenance.storage.embedded import rdf_format

    try:
        return list(ox.parse(data, format=rdf_format(format)))
    except SyntaxError as error:
        raise InvalidInput(f"malformed {format} input: {error}") from None
    except ValueError as error:
        raise InvalidInput(f"cannot read {format} input: {error}") from None


def import_rdf(store, data: bytes, format: str, scheme: IriScheme | None = None) -> ImportResult:
    """Load an export back in one transaction: articles into their graphs, ratings and verdicts into theirs.

    Quad formats keep their graphs. Triple formats (a Turtle export is the union of the graphs)
    are split again: ratings and reviews go to the assessment graphs (where a later ``rate`` can
    supersede them), each article's resources to the graph its ``cp:articleGraph`` names, shared
    agents to every graph that refers to them, the rest to one graph for imported data. Ratings
    and verdicts already stored are kept beside the imported ones, and which rating is in force
    is recomputed.
    """
    scheme = scheme or IriScheme()
    quads = parse_rdf(data, format)
    rating_graph, verdict_graph = ratings.ratings_graph(scheme), ratings.verdicts_graph(scheme)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    union: list[ox.Triple] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            union.append(quad.triple)
        elif quad.graph_name.value.endswith(ratings.RATINGS_GRAPH_SUFFIX):
            graphs[rating_graph].append(quad.triple)
        elif quad.graph_name.value.endswith(ratings.VERDICTS_GRAPH_SUFFIX):
            graphs[verdict_graph].append(quad.triple)
        else:
            graphs[quad.graph_name.value].append(quad.triple)
    if union:
        ratings_part, verdicts_part, rest = ratings.split_assessments(union)
        graphs[rating_graph].extend(ratings_part)
        graphs[verdict_graph].extend(verdicts_part)
        named = len(union) < len(quads)
        for graph, triples in ({IMPORTED_GRAPH: rest} if named else partition_by_article(rest)).items():
            if triples:
                graphs[graph].extend(triples)
    if graphs.get(rating_graph):
        graphs[rating_graph] = ratings.with_validity(ratings.graph_triples(store, rating_graph) + graphs[rating_graph])
    else:
        graphs.pop(rating_graph, None)
    if graphs.get(verdict_graph):
        graphs[verdict_graph] = list(dict.fromkeys(ratings.graph_triples(store, verdict_graph) + graphs[verdict_graph]))
    else:
        graphs.pop(verdict_graph, None)
    store.replace_graphs(graphs)
    return ImportResult(graphs=len(graphs), triples=sum(len(triples) for triples in graphs.values()))


def partition_by_article(triples: Iterable[ox.Triple]) -> dict[str, list[ox.Triple]]:
    """Split the union of article graphs back into one list of triples per named graph."""
    triples = list(triples)
    by_subject: dict[str, list[ox.Triple]] = defaultdict(list)
    for triple in triples:
        by_subject[_key(triple.subject)].append(triple)
    article_graphs: dict[str, str] = {}
    for triple in triples:
        if triple.predicate == v.CP_ARTICLE_GRAPH and isinstance(triple.object, ox.NamedNode):
            article_graphs[triple.subject.value] = triple.object.value
    owner: dict[str, str] = dict(article_graphs)
    for triple in triples:
        if triple.predicate in (v.SCHEMA_IS_PART_OF, v.PROV_USED) and triple.object.value in article_graphs:
            owner[triple.subject.value] = article_graphs[triple.object.value]

    def owning_graph(subject: str) -> str | None:
        if subject in owner:
            return owner[subject]
        stem = subject.split("#", 1)[0].split("/hop/", 1)[0]
        return owner.get(stem)

    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    shared: set[str] = set()
    for subject, subject_triples in by_subject.items():
        graph = owning_graph(subject)
        if graph is None:
            shared.add(subject)
        else:
            graphs[graph].extend(subject_triples)
    for graph, graph_triples in list(graphs.items()):
        pending = [t.object for t in graph_triples]
        included: set[str] = set()
        while pending:
            node = pending.pop()
            key = _key(node)
            if key in shared and key not in included:
                included.add(key)
                graph_triples.extend(by_subject[key])
                pending.extend(t.object for t in by_subject[key])
    used = set().union(*(_subjects(g) for g in graphs.values())) if graphs else set()
    for subject in shared - used:
        graphs[IMPORTED_GRAPH].extend(by_subject[subject])
    return dict(graphs)


def _key(term) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode)) else ""


def _subjects(triples: list[ox.Triple]) -> set[str]:
    return {_key(t.subject) for t in triples}
