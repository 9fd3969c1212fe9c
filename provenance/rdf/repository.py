"""Writing articles to a store and moving RDF in and out of it.

Each article is one named graph, written in one transaction; an article whose content hash is
already stored is left alone, so adding the same article twice changes no triple.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import BinaryIO, Union

from provenance.errors import InvalidInput
from provenance.model import Article
from provenance.rdf import history, queries
from provenance.rdf.iris import IriScheme
from provenance.rdf.mapping import ArticleGraph, article_graph
from provenance.rdf.timestamps import now
from provenance.storage.base import ended



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
                writes.add(store.submit_new_graphs(nquads, write.search_entries), write)
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
        #: The claims of the articles of this write, as a search index holds them.
        self.search_entries: list = []
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
                self.search_entries.extend(graph.search_entries)
                text.append(graph.nquads())
                size += result.triples
        return "".join(text)


def export_store(store, output: BinaryIO, format: str) -> None:
    """Serialize the store; triple formats (Turtle, N-Triples, JSON-LD) get the union of all graphs."""
    store.dump(output, format)


# Imports live in provenance.rdf.importing; these names stay here for callers that import them from here.
from provenance.rdf.importing import IMPORTED_GRAPH, ImportResult, import_rdf, parse_rdf, partition_by_article  # noqa: E402,F401
