"""The Store protocol: what every backend (on-disk, in-memory, SPARQL endpoint) offers its callers.

Readers get what they need through SPARQL (``select``/``construct``/``ask``), never by walking
Python objects, so that a remote endpoint fits behind the same calls. Writers hand over whole
named graphs, which a backend replaces atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, Union, runtime_checkable

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QuerySolutions, Triple

if TYPE_CHECKING:  # the threads' module (and logging with it) is loaded by the reads and writes that use threads
    from concurrent.futures import Executor, Future

    from provenance.model.search_entry import SearchEntry

Term = Union[NamedNode, BlankNode, Literal]
Row = dict[str, Term]
#: A variable bound to one term, or to any of several (one row each).
Binding = Union[Term, Sequence[Term]]

#: Formats by the names users type, with whether they carry named graphs.
FORMATS: dict[str, bool] = {
    "turtle": False,
    "ntriples": False,
    "jsonld": False,
    "rdfxml": False,
    "trig": True,
    "nquads": True,
}

EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "ntriples",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "rdfxml",
    ".owl": "rdfxml",
    ".xml": "rdfxml",
    ".trig": "trig",
    ".nq": "nquads",
}

#: Formats that only rdflib reads, for import (provenance.rdf.rdflib_view): name -> whether it holds named graphs.
RDFLIB_FORMATS: dict[str, bool] = {"n3": False, "trix": True, "hext": True}
RDFLIB_EXTENSIONS: dict[str, str] = {".n3": "n3", ".trix": "trix", ".hext": "hext"}


def solution_rows(result: QuerySolutions, convert: Callable[[Term], Term] = lambda term: term) -> tuple[list[str], list[Row]]:
    """The projected variable names and the rows of SELECT solutions; unbound variables are left out of a row."""
    names = [variable.value for variable in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            value = solution[name]
            if value is not None:
                row[name] = convert(value)
        rows.append(row)
    return names, rows


@dataclass
class QueryResult:
    """The answer to a user's SPARQL query of any form."""

    form: str  # "select", "triples" or "boolean"
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)
    boolean: bool | None = None


@runtime_checkable
class Store(Protocol):
    """A quad store the project reads with SPARQL and writes one named graph at a time."""

    location: str

    def select(self, query: str, bindings: Mapping[str, Binding] | None = None) -> list[Row]:
        """Rows of a SELECT query; ``bindings`` pre-bind variables to a term or to any of several terms
        (user values are never pasted in: see :mod:`provenance.storage.sparql_text`)."""

    def select_values(self, query: str, bindings: Mapping[str, Binding] | None = None) -> Iterator[list[str]]:
        """Rows of a SELECT as lists of plain strings (IRIs and lexical forms), in the order projected.

        For bulk reads (a million rows): no term objects are built. Every projected variable must
        be bound in every row; datatypes and languages are not returned.
        """

    def construct(self, query: str, bindings: Mapping[str, Binding] | None = None) -> list[Triple]:
        """Triples of a CONSTRUCT or DESCRIBE query."""

    def ask(self, query: str, bindings: Mapping[str, Binding] | None = None) -> bool:
        """The answer of an ASK query."""

    def run(self, query: str) -> QueryResult:
        """A user's query of any form (SELECT, CONSTRUCT, DESCRIBE, ASK)."""

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs in the store."""

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple | Quad]]) -> None:
        """Replace each named graph by the given triples, all in one transaction.

        A graph's content may come as quads in that graph (their graph names are ignored), which
        spares the embedded store a copy of every statement.
        """

    def add_new_graphs(self, quads: Iterable[Quad]) -> None:
        """Add the quads of named graphs that are not in the store yet; the quads of a graph come together.

        The quads may be produced while they are written (a generator is consumed as the write goes
        on). The embedded store writes them all or nothing; a server, each graph whole or not at all.
        """

    def submit_new_graphs(self, nquads: str, search_entries: Iterable[SearchEntry] | None = None) -> Future:
        """Start adding named graphs that are not in the store yet, given as N-Quads; the future ends when they are stored.

        ``search_entries``: their claims as a search index holds them, made with the statements
        (a store with a search index of its own reads them from the text otherwise).

        The write is atomic as :meth:`add_new_graphs` is. A store that can write in the background
        (the embedded one) does, so the caller prepares the next write meanwhile; another writes
        at once and returns a future that has ended. Writes in flight must hold different graphs.
        """

    def wait_for_writes(self) -> None:
        """Wait until every write started by :meth:`submit_new_graphs` has ended."""

    def drop_graph(self, graph: str) -> None:
        """Remove one named graph (nothing happens if it is absent)."""

    def optimize(self) -> None:
        """Compact the store's indexes for faster reads (the embedded store); a server keeps its own and does nothing."""

    def dump(self, output: BinaryIO, format: str) -> None:
        """Write the whole store in ``format``; triple formats get the union of all graphs."""

    def close(self) -> None:
        """Release the store (locks, connections)."""


def ended() -> Future:
    """A future that has ended already: what ``submit_new_graphs`` returns for a write made at once."""
    from concurrent.futures import Future

    future: Future = Future()
    future.set_result(None)
    return future


def side_by_side(pool: Executor, reads: Sequence[Callable[[], Any]]) -> list[Any]:
    """The results of ``reads`` in order: all but the first in ``pool``, the first in the caller's thread.

    What both stores' ``gather`` do once they have their pool of reader threads.
    """
    futures = [pool.submit(read) for read in reads[1:]]
    first = reads[0]()
    return [first, *(future.result() for future in futures)]


def gather(store, *reads: Callable[[], Any]) -> list[Any]:
    """The results of independent reads, in order; run at once where the store serves several at a time.

    A server answers a few requests side by side, so reads that do not wait for each other cost
    one round trip instead of several (``EndpointStore.gather``); the embedded store evaluates
    queries with the GIL released, so there they share the cores (``EmbeddedStore.gather``). A
    store without ``gather`` runs them one after the other.
    """
    run = getattr(store, "gather", None)
    return run(*reads) if run is not None else [read() for read in reads]
