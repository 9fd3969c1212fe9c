"""The embedded store: pyoxigraph on disk (the default) or in memory.

pyoxigraph is used directly rather than through rdflib's Store API (oxrdflib): measured here on
1M triples, its own bulk path loads 142-180k triples/s on disk against 31-35k/s through rdflib's
Dataset API, and holds a third of rdflib's memory.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph as ox

from provenance.errors import InvalidInput, StoreError, StoreLocked
from provenance.rdf.vocab import INTERNAL_NAMESPACE, PREFIXES
from provenance.storage.base import Binding, QueryResult, Row, ended, side_by_side, solution_rows
from provenance.storage.sparql_text import bind_values

if TYPE_CHECKING:
    from provenance.model.search_entry import SearchEntry
    from provenance.storage.search_index import RowCollector, SearchIndex

if TYPE_CHECKING:  # the threads' module (and logging with it) is loaded where reads or writes use threads
    from concurrent.futures import Future, ThreadPoolExecutor

STAGING_PREFIX = INTERNAL_NAMESPACE + "staging:"
AGENTS = "SELECT DISTINCT ?agent WHERE { ?agent a ?type . VALUES ?type { prov:Agent prov:SoftwareAgent } }"
#: New graphs of at least this many triples go in through the bulk loader (see add_new_graphs).
BULK_FROM = 5_000
#: Writes of new graphs that load in the background at once (see submit_new_graphs).
WRITES_IN_FLIGHT = 2
#: Threads ``gather`` runs reads in besides the caller's.
READERS = 2

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def rdf_format(name: str) -> ox.RdfFormat:
    try:
        return RDF_FORMATS[name]
    except KeyError:
        raise InvalidInput(f"unknown RDF format {name!r}: use one of {', '.join(RDF_FORMATS)}") from None


class EmbeddedStore:
    """A pyoxigraph store; ``path=None`` keeps everything in memory for the life of the process."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.location = "memory" if path is None else str(path)
        self.read_only = read_only
        #: Writes begun through this object: see ``_writable``.
        self.writes = 0
        self._writer: ThreadPoolExecutor | None = None
        self._readers: ThreadPoolExecutor | None = None
        self._pending: list[Future] = []
        self._index: SearchIndex | None = None
        self._index_unopened = False
        #: Set once the pyoxigraph store is handed out (an rdflib view writes to it past the index).
        self._handed_out = False
        if path is None:
            self._store = ox.Store()
            return
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"store {self.location!r} is a file, not a store directory; choose another --store")
        new = not path.exists() or not any(path.iterdir())
        try:
            self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreLocked(
                    f"store {self.location!r} is in use by another process; wait for it to finish or use another --store"
                ) from None
            raise StoreError(f"cannot open store {self.location!r}: {error}") from None
        if not read_only:
            self._drop_stale_staging()
        # A store made before the search index has none until ``optimize`` builds it; its searches
        # read the RDF (provenance.rdf.claim_filters).
        # A reader opens it on its first search (a plain listing need not load SQLite).
        self._index_unopened = read_only
        if not read_only:
            from provenance.storage.search_index import SearchIndex

            self._index = SearchIndex.open(path, create=new, writable=True)
            if self._index is not None:
                self._index.resync(self._store)

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store itself, for views over it that must not copy it (provenance.rdf.rdflib_view).

        What is written through it passes the search index by: from now on this object's searches
        read the RDF, and the next writer to open the store makes the index anew.
        """
        if self._index is not None and not self.read_only and not self._handed_out:
            self._index.begin(None)
        self._handed_out = True
        return self._store

    def search_index_hint(self) -> str | None:
        """What to tell a user whose on-disk store has no search index of this version (None: it has one).

        Such a store (made before the index, or by a version that kept another) answers searches from
        the RDF, right but slower by a hundredfold on a million claims; nothing else would say so.
        """
        if self.location == "memory" or self._handed_out:
            return None
        self.search_index()
        if self._index is not None:
            return None
        return (f"store {self.location!r} has no search index of this version, so searches read the RDF; "
                "'provenance optimize' makes one")

    def search_index(self) -> SearchIndex | None:
        """The claim search index, when there is one and it holds what the store holds (else None)."""
        if self._index_unopened:
            from provenance.storage.search_index import SearchIndex

            self._index_unopened = False
            self._index = SearchIndex.open(Path(self.location), create=False, writable=False)
        index = self._index
        if index is None or self._handed_out:
            return None
        if index.pending():
            if self.read_only:
                return None  # a write under way in another process, or one that died: the next writer resyncs
            self.wait_for_writes()
            index.resync(self._store)
        return index

    def disk_bytes(self) -> int | None:
        """What the store's files take on disk (None in memory)."""
        return None if self.location == "memory" else directory_bytes(self.location)

    # reading -----------------------------------------------------------------------------------

    def _query(self, query: str, bindings: Mapping[str, Binding] | None):
        # Bound variables go in a VALUES block, not pyoxigraph's ``substitutions``, which 0.5 applies
        # only after evaluating the patterns unbound (see provenance.storage.sparql_text).
        text = bind_values(query, bindings) if bindings else query
        try:
            return self._store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as error:
            raise InvalidInput(f"SPARQL syntax error: {error}") from None
        except (RuntimeError, OSError, ValueError) as error:
            raise StoreError(f"query failed: {error}") from None

    def select(self, query: str, bindings: Mapping[str, Binding] | None = None) -> list[Row]:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise InvalidInput("expected a SELECT query")
        return solution_rows(result)[1]

    def select_values(self, query: str, bindings: Mapping[str, Binding] | None = None) -> Iterator[list[str]]:
        # The store serialises the answer as SPARQL CSV itself, several times faster than a Python
        # term per value (measured: 1M rows in 2 s instead of 7).
        result = self._query(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise InvalidInput("expected a SELECT query")
        text = result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
        # A value is as long as the store holds it: a long article's summary literal passes the
        # csv module's default field limit of 128 KB, and must still be read back.
        csv.field_size_limit(sys.maxsize)
        rows = csv.reader(io.StringIO(text, newline=""))
        next(rows, None)
        return rows

    def gather(self, *reads: Callable[[], Any]) -> list[Any]:
        """Run independent reads side by side; their results in order.

        pyoxigraph evaluates and serialises a query's answer (``select_values``) with the GIL
        released (measured: a Python thread kept counting at full speed meanwhile), so large scans
        share the machine's cores: the names, kinds and summaries of 1M claims take 3.8 s read
        together, 7.5 s one after the other. Building Python terms (``select``) holds the GIL; such
        reads gain nothing here, but lose nothing either.
        """
        if len(reads) < 2:
            return [read() for read in reads]
        if self._readers is None:
            from concurrent.futures import ThreadPoolExecutor

            self._readers = ThreadPoolExecutor(READERS, thread_name_prefix="provenance-read")
        return side_by_side(self._readers, reads)

    def construct(self, query: str, bindings: Mapping[str, Binding] | None = None) -> list[ox.Triple]:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise InvalidInput("expected a CONSTRUCT or DESCRIBE query")
        return list(result)

    def ask(self, query: str, bindings: Mapping[str, Binding] | None = None) -> bool:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise InvalidInput("expected an ASK query")
        return bool(result)

    def run(self, query: str) -> QueryResult:
        result = self._query(query, None)
        if isinstance(result, ox.QuerySolutions):
            names, rows = solution_rows(result)
            return QueryResult("select", variables=names, rows=rows)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("boolean", boolean=bool(result))
        return QueryResult("triples", triples=list(result))

    def graph_names(self) -> list[str]:
        return sorted(
            graph.value
            for graph in self._store.named_graphs()
            if isinstance(graph, ox.NamedNode) and not graph.value.startswith(STAGING_PREFIX)
        )

    def __len__(self) -> int:
        return len(self._store)

    # writing -----------------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreLocked(f"store {self.location!r} is opened read-only (another process is writing to it)")
        # Readers that keep what they derived from the store (provenance.rdf.corrected) derive it again
        # after a write; no other process writes to a store while it is open here.
        self.writes += 1

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple | ox.Quad]]) -> None:
        """Replace named graphs in one transaction.

        New graphs are added by :meth:`add_new_graphs`. When some exist, one SPARQL update drops
        them and inserts the new contents: pyoxigraph runs an update as one transaction, so an
        interruption leaves the old graphs or the new ones, and a reader in another process never
        sees both (staging graphs written first and moved over the old ones were visible to
        readers of the union meanwhile, so a report counted old and new together). Blank nodes
        are relabelled, consistently across the graphs of one call, as INSERT DATA does.
        """
        self._writable()
        graphs = {graph: list(triples) for graph, triples in graphs.items()}
        targets = {graph: ox.NamedNode(graph) for graph in graphs}
        collector = _collector() if self._index is not None else None
        if collector is not None:
            for graph, triples in graphs.items():
                collector.add_quads(_in_graph(triples, targets[graph]))
        entry = self._begin_indexing(graphs, collector)
        if not any(self._store.contains_named_graph(target) for target in targets.values()):
            self._add_new(quad for graph, triples in graphs.items() for quad in _in_graph(triples, targets[graph]))
            self._finish_indexing(entry, graphs, collector)
            return
        drops = [f"DROP SILENT GRAPH {target}" for target in targets.values()]
        blocks = []
        for graph, triples in graphs.items():
            body = " .\n".join(f"{s.subject} {s.predicate} {s.object}" for s in triples)
            if body:
                blocks.append(f"GRAPH {targets[graph]} {{\n{body} .\n}}")
        update = " ;\n".join(drops + ([f"INSERT DATA {{\n{chr(10).join(blocks)}\n}}"] if blocks else []))
        try:
            self._store.update(update)
        except (OSError, RuntimeError) as error:
            raise StoreError(f"writing to store {self.location!r} failed: {error}") from None
        self._finish_indexing(entry, graphs, collector)

    def _begin_indexing(self, graphs: Iterable[str] | None, collector: RowCollector | None = None) -> int | None:
        """Record a write of ``graphs`` (None: not known yet) as pending in the search index; its entry.

        A write that brings no claims to graphs the index does not hold (ratings, corrections) is not recorded.
        """
        index = self._index
        if index is None:
            return None
        if graphs is not None and collector is not None and not collector and not index.holds_any(graphs):
            return None
        return index.begin(graphs)

    def _finish_indexing(self, entry: int | None, graphs: Iterable[str] | None, collector: RowCollector | None) -> None:
        if entry is not None and self._index is not None and collector is not None:
            self._index.finish(entry, collector.graphs() if graphs is None else graphs, collector.rows())

    #: How many triples ``add_articles`` hands to one write of new articles at most. Measured on
    #: 100k synthetic claims (5M triples) with two writes loading in the background: writes of 100k
    #: triples took 33 s and their compaction 8 s, writes of 500k 39 s + 7 s, of 1M 42 s + 7 s
    #: (a smaller batch sorts faster, and two of them keep both cores busy).
    max_write_triples = 100_000

    def add_new_graphs(self, quads: Iterable[ox.Quad]) -> None:
        """Add the quads of named graphs that are not in the store yet, all in one atomic write.

        The quads may be produced while they are written (a generator is consumed as the write goes
        on); if producing them raises, nothing is written. From :data:`BULK_FROM` quads on they go
        through pyoxigraph's bulk loader, which in 0.5 builds its files aside and adds them all in
        one RocksDB ingestion at the end, all or nothing (``BulkLoader::commit`` in oxigraph's
        storage/rocksdb.rs; what the store reads meanwhile is the store before); fewer go in one
        transaction (a bulk write has a fixed cost and leaves files to search).
        """
        self._writable()
        if self._index is None:
            self._add_new(quads)
            return
        collector = _collector()
        entry = self._begin_indexing(None)
        self._add_new(collector.watch(quads))
        self._finish_indexing(entry, None, collector)

    def _add_new(self, quads: Iterable[ox.Quad]) -> None:
        quads = iter(quads)
        head = list(itertools.islice(quads, BULK_FROM))
        try:
            if len(head) < BULK_FROM:
                self._store.extend(head)
                return
            self._store.bulk_extend(itertools.chain(head, quads))
        except OSError as error:
            raise StoreError(f"writing to store {self.location!r} failed: {error}") from None

    def submit_new_graphs(self, nquads: str, search_entries: Iterable[SearchEntry] | None = None) -> Future:
        """Start an atomic write of new named graphs, given as N-Quads, that goes on in the background.

        A background thread loads them with pyoxigraph's bulk loader, all or nothing as in
        :meth:`add_new_graphs`, while the caller maps the next articles: ``bulk_load`` of text lets
        go of the GIL, where ``bulk_extend`` of Python quads holds it to the end. 10k synthetic
        claims (508k triples) went in at 174k triples/s this way, against 112k/s mapped to quads
        for ``add_new_graphs`` (benchmarks/run.py). The terms were checked when they were made, so
        the parser skips checking IRIs again (``lenient``). At most :data:`WRITES_IN_FLIGHT` writes
        load at once; a further one waits for room. Fewer than :data:`BULK_FROM` lines go in at
        once, in one transaction. The caller must not submit a graph that a write in flight holds.
        """
        self._writable()
        collector = _collector() if self._index is not None else None
        if collector is not None:
            if search_entries is None:
                collector.add_nquads(nquads)
            else:
                collector.add_entries(search_entries)
        entry = None if collector is None else self._begin_indexing(collector.graphs(), collector)
        lines = nquads.count("\n")
        if lines < BULK_FROM:
            try:
                self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
            except OSError as error:
                raise StoreError(f"writing to store {self.location!r} failed: {error}") from None
            self._finish_indexing(entry, None, collector)
            return ended()
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        self._pending = [future for future in self._pending if not future.done()]
        if len(self._pending) >= WRITES_IN_FLIGHT:
            wait(self._pending, return_when=FIRST_COMPLETED)
        if self._writer is None:
            self._writer = ThreadPoolExecutor(WRITES_IN_FLIGHT, thread_name_prefix="provenance-write")
        future = self._writer.submit(self._load_new, nquads, entry, collector)
        self._pending.append(future)
        return future

    def _load_new(self, nquads: str, entry: int | None, collector: RowCollector | None) -> None:
        try:
            self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)
        except OSError as error:
            raise StoreError(f"writing to store {self.location!r} failed: {error}") from None
        self._finish_indexing(entry, None, collector)

    def wait_for_writes(self) -> None:
        """Wait until every write started by :meth:`submit_new_graphs` has ended (their errors are the caller's)."""
        if self._pending:
            from concurrent.futures import wait

            wait(self._pending)
            self._pending = []

    def optimize(self) -> None:
        """Compact the store: merge the files of all its writes into one sorted run per index; then make the search index anew.

        Each bulk write adds files of its own, which RocksDB merges step by step in the background
        while a process holds the store open for writing; compacting merges all of them at once and
        rewrites the whole store. Nothing calls it on its own, as ``oxigraph load`` does not: on 1M
        synthetic claims it took 203 s right after a 569 s load (docs/scale.md). What it buys: at
        1M, 10 GB on disk instead of 16-17 GB and a trace median of 4.6 ms in the first process
        that reads, against 7.8-8.7 ms; at 100k, 2.7 ms against 7.6 ms.
        """
        self.wait_for_writes()
        self._writable()
        try:
            self._store.optimize()
        except OSError as error:
            raise StoreError(f"compacting store {self.location!r} failed: {error}") from None
        self.rebuild_search_index()

    def rebuild_search_index(self) -> int | None:
        """Make the claim search index anew from the store (a store made before it gets one); the claims it holds."""
        self._writable()
        if self.location == "memory":
            return None
        if self._index is None:
            from provenance.storage.search_index import SearchIndex

            self._index = SearchIndex.open(Path(self.location), create=True, writable=True)
        return None if self._index is None else self._index.rebuild(self._store)

    def drop_graph(self, graph: str) -> None:
        self._writable()
        collector = _collector() if self._index is not None else None
        entry = self._begin_indexing([graph], collector)
        self._store.remove_graph(ox.NamedNode(graph))
        self._finish_indexing(entry, [graph], collector)

    def load(self, data: bytes | BinaryIO, format: str, *, into_graph: str | None = None) -> None:
        """Load a serialization in one transaction (used for quad formats and tests)."""
        self._writable()
        entry = self._begin_indexing(None)
        try:
            self._store.load(
                data,
                format=rdf_format(format),
                to_graph=ox.NamedNode(into_graph) if into_graph else None,
            )
        except SyntaxError as error:
            raise InvalidInput(f"malformed {format}: {error}") from None
        if entry is not None and self._index is not None:
            self._index.rebuild(self._store, [entry])

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add many quads fast, without a transaction (only for loading into an empty store)."""
        self._writable()
        if self._index is None:
            self._store.bulk_extend(quads)
            return
        collector = _collector()
        entry = self._begin_indexing(None)
        self._store.bulk_extend(collector.watch(quads))
        self._finish_indexing(entry, None, collector)

    # output ------------------------------------------------------------------------------------

    def dump(self, output: BinaryIO, format: str) -> None:
        """Write the store; a triple format gets the union of the graphs.

        The union is streamed graph by graph. A shared agent (a source, an outlet, the tool) is
        described again in every article graph that mentions it, so triples about agents are
        written once; no other triple is looked for again, which keeps memory to the agents
        (a DISTINCT over all triples held 4 GB for 8M triples). Should another triple occur in two
        graphs it is written twice, which leaves the graph a reader parses unchanged.
        """
        fmt = rdf_format(format)
        quads = (q for q in self._store if not _is_staging(q.graph_name))
        if fmt.supports_datasets:
            ox.serialize(quads, output, format=fmt, prefixes=PREFIXES)
            return
        agents = {row["agent"] for row in self.select(AGENTS)}
        seen: set[ox.Triple] = set()

        def union() -> Iterator[ox.Triple]:
            for quad in quads:
                triple = quad.triple
                if quad.subject in agents:
                    if triple in seen:
                        continue
                    seen.add(triple)
                yield triple

        ox.serialize(union(), output, format=fmt, prefixes=PREFIXES)

    def close(self) -> None:
        self.wait_for_writes()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        if self._readers is not None:
            self._readers.shutdown(wait=True)
            self._readers = None
        if self.location != "memory" and not self.read_only:
            try:
                self._store.flush()
            except OSError:
                pass
        if self._index is not None:
            self._index.close()
            self._index = None
        self._store = None  # type: ignore[assignment]

    def _drop_stale_staging(self) -> None:
        for graph in list(self._store.named_graphs()):
            if _is_staging(graph):
                self._store.remove_graph(graph)


def _collector() -> RowCollector:
    from provenance.storage.search_index import RowCollector

    return RowCollector()


def directory_bytes(path: str | Path) -> int:
    """What the files directly in ``path`` take on disk: a pyoxigraph store keeps all of its there."""
    total = 0
    for entry in os.scandir(path):
        try:
            total += entry.stat().st_size if entry.is_file() else 0
        except FileNotFoundError:  # merged away by a background compaction meanwhile
            pass
    return total


def _in_graph(statements: Iterable[ox.Triple | ox.Quad], graph: ox.NamedNode, *, reuse: bool = True) -> Iterator[ox.Quad]:
    """The statements as quads in ``graph``; with ``reuse``, quads already in it are passed on as they are."""
    for statement in statements:
        if reuse and isinstance(statement, ox.Quad) and statement.graph_name == graph:
            yield statement
        else:
            yield ox.Quad(statement.subject, statement.predicate, statement.object, graph)


def _is_staging(graph: object) -> bool:
    return isinstance(graph, ox.NamedNode) and graph.value.startswith(STAGING_PREFIX)
