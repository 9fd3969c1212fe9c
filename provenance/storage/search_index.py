"""The claim search index of an on-disk store: a SQLite file beside pyoxigraph's, ordered as claims are listed.

Why a second file: pyoxigraph has no full-text index, and the search words written with each claim
(``cp:searchWord``) are found fast but come back in the order of their hashes, so a page of a
listing (by article id, then position) needs every match's article and position first, a look-up
each: on 100k synthetic claims a word in a third of them took 18 s for its first 20. Here each
word's postings are a B-tree sorted by article id and position (SQLite, in Python's standard
library), so the first page of any word is read off the front of its range, and ``AND`` of several
words checks the others on the claims of the rarest. Apache Jena keeps its Lucene text index beside
TDB in the same way. The sources a claim's chain passes through, and its origin, are posted as
words of their own (:func:`~provenance.model.search_entry.source_key`, ``origin_key``): a source in
a tenth of the claims is a page read off its range like any word, where reading its claims off the
RDF and putting them in order took 1.1 s at 1M.

The RDF store stays the truth; this file is derived from it. A write of claims first records its
graphs as pending here, then writes the RDF, then replaces those graphs' rows and clears the entry
in one SQLite transaction; a process killed between leaves the entry, and the next writer reads the
graphs back from the store (:meth:`SearchIndex.resync`). A reader that finds an entry pending (a
write under way in another process, or one that died) does not use the index.
"""

from __future__ import annotations

import heapq
import itertools
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from provenance.model.search_entry import SearchEntry, origin_key, source_key
from provenance.rdf.vocab import CP, OA, PROV, RDF, SCHEMA

FILE_NAME = "search-index.sqlite3"
#: Raised when what is stored here, or the search words it is made of, change meaning.
VERSION = "2"
SEARCH_WORD = CP + "searchWord"
IS_PART_OF = SCHEMA + "isPartOf"
IDENTIFIER = SCHEMA + "identifier"
START = OA + "start"
TYPE = RDF + "type"
CLAIM = SCHEMA + "Claim"
ATTRIBUTED_TO = PROV + "wasAttributedTo"
STATEMENT_OF = CP + "statementOf"
PRIMARY_SOURCE = PROV + "hadPrimarySource"
#: The mapping names a claim's first span selector so (provenance.rdf.mapping, ``text_target``).
FIRST_SPAN_POSITION = "#target-0-position"
PREDICATES = (SEARCH_WORD, IS_PART_OF, IDENTIFIER, START, TYPE, ATTRIBUTED_TO, STATEMENT_OF, PRIMARY_SOURCE)
#: What is read back from the store: every claim (a claim without search words is listed all the same) and what lists it.
PATTERNS = tuple((ox.NamedNode(predicate), ox.NamedNode(CLAIM) if predicate == TYPE else None) for predicate in PREDICATES)
_NEEDLES = tuple(f"<{iri}>" for iri in PREDICATES)
#: A JSON array bound as one parameter: a list of any length, where ``IN (?, ?, ...)`` is limited.
_ANY = "(SELECT value FROM json_each(?))"
#: Above this many forms of a word, their claims are read in one sorted scan, not merged from a cursor each.
MERGED_STREAMS = 16
#: The graphs that hold claims: what :meth:`SearchIndex.rebuild` reads, a batch at a time.
CLAIM_GRAPHS = f"""SELECT DISTINCT ?g WHERE {{ {{ GRAPH ?g {{ ?claim a <{CLAIM}> }} }}
                                         UNION {{ GRAPH ?g {{ ?claim <{SEARCH_WORD}> ?word }} }} }}"""
GRAPHS_PER_BATCH = 200

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS claims(id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, graph TEXT NOT NULL,
                                  doc TEXT NOT NULL, start INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS claims_by_graph ON claims(graph);
CREATE INDEX IF NOT EXISTS claims_in_order ON claims(doc, start);
CREATE TABLE IF NOT EXISTS words(id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS postings(word INTEGER NOT NULL, doc TEXT NOT NULL, start INTEGER NOT NULL,
                                    claim INTEGER NOT NULL, PRIMARY KEY(word, doc, start, claim)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS claim_words(claim INTEGER NOT NULL, word INTEGER NOT NULL,
                                       PRIMARY KEY(claim, word)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending(id INTEGER PRIMARY KEY, graphs TEXT);
"""


class RowCollector:
    """Gathers the index rows of claims from the quads of their graphs, in whatever order they come."""

    def __init__(self) -> None:
        self.words: dict[str, set[str]] = {}
        self.graph_of: dict[str, str] = {}
        self.article_of: dict[str, str] = {}
        self.doc_of: dict[str, str] = {}
        self.start_of: dict[str, int] = {}
        self.source_of: dict[str, str] = {}
        self.hops_of: dict[str, list[str]] = {}
        self.origin_hop: dict[str, str] = {}
        self.entries: list[SearchEntry] = []

    def add(self, subject: str, predicate: str, value: str, graph: str) -> None:
        if predicate == SEARCH_WORD:
            self.words.setdefault(subject, set()).add(value)
            self.graph_of[subject] = graph
        elif predicate == TYPE:
            if value == CLAIM:
                self.words.setdefault(subject, set())
                self.graph_of[subject] = graph
        elif predicate == IS_PART_OF:
            self.article_of[subject] = value
        elif predicate == IDENTIFIER:
            self.doc_of[subject] = value
        elif predicate == START and subject.endswith(FIRST_SPAN_POSITION):
            try:
                self.start_of[subject[: -len(FIRST_SPAN_POSITION)]] = int(value)
            except ValueError:
                pass
        elif predicate == ATTRIBUTED_TO:
            self.source_of[subject] = value
        elif predicate == STATEMENT_OF:
            self.hops_of.setdefault(value, []).append(subject)
        elif predicate == PRIMARY_SOURCE:
            self.origin_hop[subject] = value

    def add_quad(self, quad: ox.Quad) -> None:
        predicate = quad.predicate.value
        if predicate in PREDICATES and isinstance(quad.graph_name, ox.NamedNode):
            self.add(quad.subject.value, predicate, quad.object.value, quad.graph_name.value)

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        for quad in quads:
            self.add_quad(quad)

    def add_nquads(self, text: str) -> None:
        """Only the lines of :data:`PREDICATES` are parsed (by pyoxigraph): a claim's graph has some sixty."""
        lines = "\n".join(line for line in text.splitlines() if any(needle in line for needle in _NEEDLES))
        if lines:
            self.add_quads(ox.parse(lines, format=ox.RdfFormat.N_QUADS, lenient=True))

    def add_entries(self, entries: Iterable[SearchEntry]) -> None:
        """Claims whose rows were made with their statements (provenance.rdf.mapping)."""
        self.entries.extend(entries)

    def watch(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        """Pass ``quads`` on, gathering as they go by."""
        for quad in quads:
            self.add_quad(quad)
            yield quad

    def rows(self) -> list[SearchEntry]:
        rows = list(self.entries)
        for claim, words in self.words.items():
            article = self.article_of.get(claim)
            doc = self.doc_of.get(article, "") if article else ""
            sources = frozenset(self.source_of[hop] for hop in self.hops_of.get(claim, ()) if hop in self.source_of)
            origin = self.source_of.get(self.origin_hop.get(claim, ""))
            rows.append(SearchEntry(claim, self.graph_of[claim], doc, self.start_of.get(claim, -1), frozenset(words),
                                    sources, frozenset(() if origin is None else (origin,))))
        return rows

    def graphs(self) -> set[str]:
        return set(self.graph_of.values()) | {entry.graph for entry in self.entries}

    def __bool__(self) -> bool:
        """Whether any claim was gathered."""
        return bool(self.words or self.entries)


class SearchIndex:
    """The SQLite file of one store's claim search index (see the module's text)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.Lock()

    @classmethod
    def open(cls, store_directory: Path, *, create: bool, writable: bool) -> SearchIndex | None:
        """The index of the store at ``store_directory``; None when it has none (a store made before
        it, or in another version) and ``create`` is false. With ``create``, an index of another
        version is removed and made anew (empty: :meth:`rebuild` fills it)."""
        path = Path(store_directory) / FILE_NAME
        if not path.exists() and not create:
            return None
        index = cls._open(path, create=create, writable=writable)
        if index is None and create and writable and path.exists():
            for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)
            index = cls._open(path, create=create, writable=writable)
        return index

    @classmethod
    def _open(cls, path: Path, *, create: bool, writable: bool) -> SearchIndex | None:
        connection = None
        try:
            if writable:
                connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            else:
                connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                                             isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 10000")
            if writable:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.executescript(SCHEMA_SQL)
                if create and not connection.execute("SELECT 1 FROM meta WHERE key = 'version'").fetchone():
                    connection.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
            row = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.Error:
            # Closed before :meth:`open` removes the file and makes it anew.
            if connection is not None:
                connection.close()
            return None
        if row is None or row[0] != VERSION:
            connection.close()
            return None
        return cls(connection, path)

    def close(self) -> None:
        self._db.close()

    # writing -----------------------------------------------------------------------------------

    def begin(self, graphs: Iterable[str] | None) -> int:
        """Record that ``graphs`` (None: any graph) are about to be written; the entry's id."""
        listed = None if graphs is None else json.dumps(sorted(graphs))
        with self._lock:
            return self._db.execute("INSERT INTO pending(graphs) VALUES (?)", (listed,)).lastrowid

    def finish(self, entry: int, graphs: Iterable[str], rows: Iterable[SearchEntry]) -> None:
        """Replace the rows of ``graphs`` by ``rows`` and clear the pending ``entry``, in one transaction."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._replace(graphs, rows)
                self._db.execute("DELETE FROM pending WHERE id = ?", (entry,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def holds_any(self, graphs: Iterable[str]) -> bool:
        """Whether the index holds claims of any of ``graphs``."""
        with self._lock:
            return any(self._db.execute("SELECT 1 FROM claims WHERE graph = ? LIMIT 1", (graph,)).fetchone()
                       for graph in graphs)

    def pending(self) -> list[tuple[int, list[str] | None]]:
        with self._lock:
            return [(entry, None if graphs is None else json.loads(graphs))
                    for entry, graphs in self._db.execute("SELECT id, graphs FROM pending")]

    def resync(self, store: ox.Store) -> int:
        """Read the graphs of writes that did not finish back from ``store``; how many entries it cleared."""
        entries = self.pending()
        if not entries:
            return 0
        if any(graphs is None for _, graphs in entries):
            self.rebuild(store, [entry for entry, _ in entries])
            return len(entries)
        graphs = sorted({graph for _, listed in entries for graph in listed})
        rows = _rows_of(store, graphs)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._replace(graphs, rows)
                self._db.executemany("DELETE FROM pending WHERE id = ?", [(entry,) for entry, _ in entries])
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return len(entries)

    def rebuild(self, store: ox.Store, entries: list[int] | None = None) -> int:
        """Make the whole index anew from ``store``; the number of claims it holds then.

        Read a few hundred graphs at a time, as :meth:`resync` reads them: gathering the whole
        store's rows at once held 8 GB at 1M claims.
        """
        graphs = sorted(row["g"].value for row in store.query(CLAIM_GRAPHS) if isinstance(row["g"], ox.NamedNode))
        claims = 0
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for table in ("postings", "claim_words", "claims", "words"):
                    self._db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
                for first in range(0, len(graphs), GRAPHS_PER_BATCH):
                    rows = _rows_of(store, graphs[first:first + GRAPHS_PER_BATCH])
                    self._insert(rows)
                    claims += len(rows)
                if entries is None:
                    self._db.execute("DELETE FROM pending")
                else:
                    self._db.executemany("DELETE FROM pending WHERE id = ?", [(entry,) for entry in entries])
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return claims

    def _replace(self, graphs: Iterable[str], rows: Iterable[SearchEntry]) -> None:
        for graph in graphs:
            self._delete([claim for (claim,) in self._db.execute("SELECT id FROM claims WHERE graph = ?", (graph,))])
        self._insert(rows)

    def _delete(self, claims: list[int]) -> None:
        """Remove claims (by id) with their postings, each found by its whole key."""
        db = self._db
        for claim in claims:
            doc, start = db.execute("SELECT doc, start FROM claims WHERE id = ?", (claim,)).fetchone()
            db.executemany("DELETE FROM postings WHERE word = ? AND doc = ? AND start = ? AND claim = ?",
                           [(word, doc, start, claim) for (word,) in
                            db.execute("SELECT word FROM claim_words WHERE claim = ?", (claim,)).fetchall()])
            db.execute("DELETE FROM claim_words WHERE claim = ?", (claim,))
            db.execute("DELETE FROM claims WHERE id = ?", (claim,))

    def _insert(self, rows: Iterable[SearchEntry]) -> None:
        db = self._db
        rows = list(rows)
        if not rows:
            return
        # A claim IRI is its article, spans and text: one written again (in another graph) is moved.
        for first in range(0, len(rows), 500):
            batch = [row.claim for row in rows[first:first + 500]]
            marks = ",".join("?" * len(batch))
            self._delete([claim for (claim,) in db.execute(f"SELECT id FROM claims WHERE iri IN ({marks})", batch)])  # noqa: S608
        keys = [row.words | {source_key(iri) for iri in row.sources} | {origin_key(iri) for iri in row.origins}
                for row in rows]
        words = sorted({word for row_words in keys for word in row_words})
        db.executemany("INSERT OR IGNORE INTO words(word) VALUES (?)", [(word,) for word in words])
        ids: dict[str, int] = {}
        for first in range(0, len(words), 500):
            batch = words[first:first + 500]
            marks = ",".join("?" * len(batch))
            ids.update(db.execute(f"SELECT word, id FROM words WHERE word IN ({marks})", batch))  # noqa: S608
        # Ids given here, so that each table is one executemany: a statement per claim cost 0.4 ms a claim.
        first_id = (db.execute("SELECT max(id) FROM claims").fetchone()[0] or 0) + 1
        db.executemany("INSERT INTO claims(id, iri, graph, doc, start) VALUES (?, ?, ?, ?, ?)",
                       [(first_id + number, row.claim, row.graph, row.doc, row.start) for number, row in enumerate(rows)])
        db.executemany("INSERT OR IGNORE INTO postings VALUES (?, ?, ?, ?)",
                       [(ids[word], row.doc, row.start, first_id + number)
                        for number, (row, row_words) in enumerate(zip(rows, keys)) for word in row_words])
        db.executemany("INSERT OR IGNORE INTO claim_words VALUES (?, ?)",
                       [(first_id + number, ids[word]) for number, row_words in enumerate(keys) for word in row_words])

    # reading -----------------------------------------------------------------------------------

    def claim_count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM claims").fetchone()[0]

    def _word_ids(self, forms: tuple[str, ...]) -> list[int]:
        return [word for (word,) in self._db.execute(f"SELECT id FROM words WHERE word IN {_ANY}", (json.dumps(forms),))]  # noqa: S608

    def _count(self, word_ids: list[int]) -> int:
        if len(word_ids) > MERGED_STREAMS:
            return self._db.execute(f"SELECT count(*) FROM postings WHERE word IN {_ANY}",  # noqa: S608
                                    (json.dumps(word_ids),)).fetchone()[0]
        return sum(self._db.execute("SELECT count(*) FROM postings WHERE word = ?", (word,)).fetchone()[0]
                   for word in word_ids)

    def matches(self, words: list[tuple[str, ...]], *, doc: str | None = None) -> Iterator[tuple[str, str, int]]:
        """``(claim IRI, article id, start)`` of the claims with one form of every word, in listing order.

        A word may be a source's key (:func:`~provenance.model.search_entry.source_key`,
        ``origin_key``), its forms the keys of every source a name stands for. Read lazily: the first page of a word in most claims
        costs a page of rows. The rarest word (its postings counted, not read) drives; the others
        are checked on each of its claims.
        """
        with self._lock:
            ids = [self._word_ids(forms) for forms in words]
            if not words or any(not found for found in ids):
                return iter(())
            counts = [self._count(found) for found in ids]
        rarest = min(range(len(ids)), key=counts.__getitem__)
        others = [found for number, found in enumerate(ids) if number != rarest]
        if len(ids[rarest]) > MERGED_STREAMS:
            # A name standing for many sources (an anonymous "official" in every article): one range
            # scan, sorted by SQLite, rather than a cursor per source merged here.
            return _distinct(self._ordered(ids[rarest], others, doc))
        streams = [self._ordered([word], others, doc) for word in ids[rarest]]
        return _distinct(heapq.merge(*streams, key=lambda row: (row[1], row[2], row[0])))

    def listed(self, *, doc: str | None = None) -> Iterator[tuple[str, str, int]]:
        """``(claim IRI, article id, start)`` of every claim (of article ``doc``), in listing order, lazily."""
        if doc is None:
            cursor = self._db.execute("SELECT iri, doc, start FROM claims ORDER BY doc, start")
        else:
            cursor = self._db.execute("SELECT iri, doc, start FROM claims WHERE doc = ? ORDER BY doc, start", (doc,))
        return self._in_order(cursor)

    def keys(self, claims: Iterable[str]) -> dict[str, tuple[str, int]]:
        """Claim IRI -> (article id, start), for those of ``claims`` the index holds."""
        claims = list(claims)
        found: dict[str, tuple[str, int]] = {}
        with self._lock:
            for first in range(0, len(claims), 500):
                batch = claims[first:first + 500]
                marks = ",".join("?" * len(batch))
                found.update((iri, (doc, start)) for iri, doc, start in
                             self._db.execute(f"SELECT iri, doc, start FROM claims WHERE iri IN ({marks})", batch))  # noqa: S608
        return found

    def _ordered(self, words: list[int], others: list[list[int]], doc: str | None) -> Iterator[tuple[str, str, int]]:
        """The claims posted under any of ``words`` and one of each of ``others``, in listing order."""
        if len(words) == 1:
            where = "p.word = ?"
            parameters: list = [words[0]]
        else:
            where = f"p.word IN {_ANY}"
            parameters = [json.dumps(words)]
        if doc is not None:
            where += " AND p.doc = ?"
            parameters.append(doc)
        for forms in others:
            where += f" AND EXISTS (SELECT 1 FROM claim_words w WHERE w.claim = p.claim AND w.word IN {_ANY})"
            parameters.append(json.dumps(forms))
        query = (f"SELECT c.iri, p.doc, p.start FROM postings p JOIN claims c ON c.id = p.claim "  # noqa: S608
                 f"WHERE {where} ORDER BY p.doc, p.start")
        return self._in_order(self._db.execute(query, parameters))

    def _in_order(self, cursor: sqlite3.Cursor) -> Iterator[tuple[str, str, int]]:
        def rows() -> Iterator[tuple[str, str, int]]:
            while True:
                with self._lock:
                    batch = cursor.fetchmany(256)
                if not batch:
                    return
                yield from batch

        # Rows of the same article and position come ordered by claim id; the listing orders them by IRI.
        for _, group in itertools.groupby(rows(), key=lambda row: (row[1], row[2])):
            yield from sorted(group)

    def __repr__(self) -> str:
        return f"SearchIndex({str(self.path)!r})"


def _rows_of(store: ox.Store, graphs: Iterable[str]) -> list[SearchEntry]:
    """The index rows of the claims in ``graphs``, read back from ``store``."""
    collector = RowCollector()
    for graph in graphs:
        name = ox.NamedNode(graph)
        for predicate, value in PATTERNS:
            collector.add_quads(store.quads_for_pattern(None, predicate, value, name))
    return collector.rows()


def _distinct(rows: Iterator[tuple[str, str, int]]) -> Iterator[tuple[str, str, int]]:
    last = None
    for row in rows:
        if row[0] != last:
            yield row
            last = row[0]
