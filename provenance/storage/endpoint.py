"""The SPARQL 1.1 endpoint store: ``--store http://host:8890/sparql`` reads and writes a triple server.

Any server that speaks the SPARQL 1.1 Protocol works; Virtuoso Open Source 7 is the one the tests
run against, and its quirks are handled here:

- Queries see the union of all named graphs, as in the embedded store: a query without FROM does
  so on Virtuoso. The project's prefixes are declared in the text sent, since a server knows none.
- Results are asked for as SPARQL JSON (SELECT, ASK) and N-Triples (CONSTRUCT, DESCRIBE), sent by
  POST form-encoded. Virtuoso writes xsd:boolean values as ``1``/``0`` in JSON and blank nodes as
  ``nodeID://…``; both are turned back into proper RDF terms.
- Bound variables (user values) never enter the query text raw: they go in a VALUES block
  (:func:`provenance.storage.sparql_text.bind_values`), see :func:`bind_for_virtuoso`.
- Writes: SPARQL 1.1 Update, INSERT DATA in operations of at most ``batch_triples`` triples (one
  INSERT DATA of ~2,000 triples fails on Virtuoso with HTTP 400, "generated SQL text has exceeded
  10000 lines", and its time grows faster than its size: 100 triples 0.04 s, 1,000 0.3-0.6 s),
  several operations per request. Virtuoso does not take an update request as one transaction:
  measured, a request ``DROP; INSERT DATA; CREATE GRAPH <existing>`` failed with HTTP 500 on the
  third operation and left the first two applied. So a graph that already exists is never touched
  until its new content is complete: the content is written to a staging graph first, and one
  ``MOVE`` (a single operation) puts it in place; a failed upload only leaves a staging graph,
  which is dropped. A graph that does not exist yet is written in place and dropped again if the
  upload fails.
- Where the server has a SPARQL 1.1 Graph Store HTTP Protocol endpoint (Virtuoso:
  ``/sparql-graph-crud``, or ``/sparql-graph-crud-auth`` with credentials), setting
  ``PROVENANCE_GRAPH_STORE_URL`` uploads each graph with one ``PUT`` of N-Triples instead: about
  50k triples/s against 3-6k/s for INSERT DATA on the same server. A PUT that fails leaves the
  graph as it was (measured with a malformed body), so existing graphs are replaced in place.

Configuration comes from the environment, never from the command line (a URL with a password
ends up in shell histories and process lists):

``PROVENANCE_UPDATE_URL``
    where updates go, for servers with a separate update endpoint (default: the query URL).
``PROVENANCE_GRAPH_STORE_URL``
    the Graph Store Protocol endpoint, for fast uploads (optional).
``PROVENANCE_USER`` / ``PROVENANCE_PASSWORD``
    credentials, sent with HTTP Digest authentication: Virtuoso's authenticated endpoints
    (``/sparql-auth``) accept Digest only.
``PROVENANCE_TIMEOUT``
    seconds to wait for one answer (default 120).
"""

from __future__ import annotations

import ipaddress
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import pyoxigraph as ox
import requests
from requests.auth import HTTPDigestAuth

from provenance.errors import InvalidInput, StoreError
from provenance.rdf.vocab import PREFIXES
from provenance.storage.base import Binding, QueryResult, Row, ended, side_by_side, solution_rows
from provenance.storage.embedded import STAGING_PREFIX, rdf_format
from provenance.storage.sparql_text import _lexemes, bind_values, query_form

JSON_RESULTS = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DEFAULT_TIMEOUT = 120.0
#: Threads ``gather`` reads in besides the caller's.
READERS = 3
#: add_new_graphs sends the graphs it is given in writes of about this many triples.
NEW_GRAPHS_PER_WRITE = 50_000
CONNECT_TIMEOUT = 10.0

#: Graphs a Virtuoso server keeps for itself; they are not the project's and are never exported.
SYSTEM_GRAPH_PREFIXES = (
    "http://www.openlinksw.com/schemas/",
    "http://www.w3.org/ns/ldp#",
    "http://www.w3.org/2002/07/owl#",
)
SYSTEM_GRAPH_PATTERN = re.compile(r"^https?://[^/]+/(sparql|DAV/)$")

# Virtuoso's JSON names blank nodes "nodeID://b10000", which is no valid blank node label; the
# pattern can only match JSON structure, since a quote inside a JSON string is always escaped.
VIRTUOSO_BNODE = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*")nodeID://')


class TruncatedResult(StoreError):
    """The server sent only the first ``limit`` rows of an answer (Virtuoso's ResultSetMaxRows)."""

    def __init__(self, url: str, limit: int) -> None:
        super().__init__(
            f"SPARQL endpoint {url} answered with only its maximum of {limit:,} rows "
            "(ResultSetMaxRows in virtuoso.ini); raise that limit on the server"
        )
        self.limit = limit


class EndpointStore:
    """A store behind a SPARQL 1.1 query endpoint (and its update endpoint).

    Parameters
    ----------
    query_url:
        the SPARQL endpoint, e.g. ``http://127.0.0.1:8890/sparql``.
    update_url:
        where SPARQL Update requests go (default: ``query_url``).
    graph_store_url:
        a SPARQL 1.1 Graph Store HTTP Protocol endpoint used for uploads, if the server has one.
    user, password:
        HTTP Digest credentials.
    batch_triples:
        triples per INSERT DATA operation; ``request_triples``: triples per update request.
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        batch_triples: int = 250,
        request_triples: int = 2000,
    ) -> None:
        self.location = query_url
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.graph_store_url = graph_store_url
        self.timeout = timeout
        self.batch_triples = batch_triples
        self.request_triples = max(request_triples, batch_triples)
        # requests' digest auth answers the server's challenge once and then reuses the nonce for
        # later requests; urllib's handler would go through a 401 round trip (and re-send the whole
        # upload) on every request.
        self._auth = HTTPDigestAuth(user or "", password or "") if user is not None or password is not None else None
        # One session (connection pool, digest nonce) per thread: requests does not promise that a
        # session may be shared between threads, and ``gather`` reads in threads of its own.
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()
        self._readers: ThreadPoolExecutor | None = None
        #: What the user should hear about this configuration (plain http to another machine).
        self.warnings: list[str] = []

    @classmethod
    def from_location(cls, location: str, environ: Mapping[str, str] | None = None) -> EndpointStore:
        """The store that ``--store URL`` names, configured from the environment (see the module doc)."""
        env = os.environ if environ is None else environ
        for name, url in (("the store URL", location), ("PROVENANCE_UPDATE_URL", env.get("PROVENANCE_UPDATE_URL")),
                          ("PROVENANCE_GRAPH_STORE_URL", env.get("PROVENANCE_GRAPH_STORE_URL"))):
            if url and "@" in url.split("//", 1)[-1].split("/", 1)[0]:
                raise InvalidInput(
                    f"do not put credentials in {name}; set PROVENANCE_USER and PROVENANCE_PASSWORD instead"
                )
            if url and not url.startswith(("http://", "https://")):
                raise InvalidInput(f"{name} must be an http(s) URL")
        timeout = env.get("PROVENANCE_TIMEOUT")
        try:
            seconds = float(timeout) if timeout else DEFAULT_TIMEOUT
        except ValueError:
            raise InvalidInput(f"PROVENANCE_TIMEOUT must be a number of seconds, not {timeout!r}") from None
        store = cls(
            location,
            update_url=env.get("PROVENANCE_UPDATE_URL") or None,
            graph_store_url=env.get("PROVENANCE_GRAPH_STORE_URL") or None,
            user=env.get("PROVENANCE_USER") or None,
            password=env.get("PROVENANCE_PASSWORD") or None,
            timeout=seconds,
        )
        urls = {location, store.update_url, store.graph_store_url} - {None}
        store.warnings = sorted({warning for url in urls if (warning := plain_http_warning(url))})
        return store

    # HTTP ----------------------------------------------------------------------------------------

    @property
    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.auth = self._auth
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def gather(self, *reads: Callable[[], Any]) -> list[Any]:
        """Run independent reads side by side, each on its own connection; their results in order.

        A trace reads a claim's same-claim candidates, its marks and whether any rating exists, none
        of which waits for another: three round trips become one (see ``storage.base.gather``).
        """
        if len(reads) < 2:
            return [read() for read in reads]
        if self._readers is None:
            self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="provenance-read")
        return side_by_side(self._readers, reads)

    def _request(self, method: str, url: str, *, what: str, **kwargs) -> requests.Response:
        # Redirects are never followed: requests would answer the new host's Digest challenge with
        # our credentials, and a query POSTed again as GET to another host could leak the query too.
        try:
            response = self._session.request(method, url, timeout=(CONNECT_TIMEOUT, self.timeout),
                                             allow_redirects=False, **kwargs)
        except requests.exceptions.ConnectTimeout:
            raise StoreError(f"cannot connect to SPARQL endpoint {url}: no answer within {CONNECT_TIMEOUT:.0f} s") from None
        except requests.exceptions.ConnectionError as error:
            reason = "connection refused" if "refused" in str(error).lower() else "connection failed"
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}; is the server running?") from None
        except requests.exceptions.Timeout:
            raise StoreError(
                f"SPARQL endpoint {url} did not answer the {what} within {self.timeout:.0f} s; "
                "raise PROVENANCE_TIMEOUT or ask for less"
            ) from None
        except requests.exceptions.RequestException as error:
            raise StoreError(f"request to SPARQL endpoint {url} failed: {error}") from None
        if response.is_redirect or 300 <= response.status_code < 400:
            target = response.headers.get("Location", "")
            raise StoreError(f"SPARQL endpoint {url} redirects the {what} to {_origin(target) or 'another address'} "
                             f"(HTTP {response.status_code}); give that address itself, redirects are not followed")
        if response.status_code in (401, 403):
            hint = "check PROVENANCE_USER and PROVENANCE_PASSWORD" if self._session.auth else (
                "set PROVENANCE_USER and PROVENANCE_PASSWORD, or grant the anonymous user the right to write")
            raise StoreError(f"SPARQL endpoint {url} refused the {what} (HTTP {response.status_code}); {hint}")
        if response.status_code >= 400:
            detail = _first_line(response.text, html="html" in response.headers.get("Content-Type", ""))
            error_class = InvalidInput if response.status_code == 400 and what == "query" else StoreError
            raise error_class(f"SPARQL endpoint {url} rejected the {what} (HTTP {response.status_code}): {detail}")
        return response

    def _send_query(self, query: str, accept: str) -> requests.Response:
        return self._request(
            "POST", self.query_url, what="query", data={"query": query}, headers={"Accept": accept}
        )

    def _send_update(self, update: str) -> None:
        self._request("POST", self.update_url, what="update", data={"update": update})

    # reading -------------------------------------------------------------------------------------

    def _solutions(self, query: str) -> ox.QuerySolutions | ox.QueryBoolean:
        response = self._send_query(query, JSON_RESULTS)
        # Virtuoso cuts answers at ResultSetMaxRows and says so only in this header; a cut answer
        # would silently make every count and report wrong.
        limit = response.headers.get("X-SPARQL-MaxRows")
        if limit is not None and limit.isdigit():
            raise TruncatedResult(self.query_url, int(limit))
        return _parse_json_results(response.content, self.query_url)

    def select(self, query: str, bindings: Mapping[str, Binding] | None = None) -> list[Row]:
        result = self._solutions(prepare(query, bindings))
        if not isinstance(result, ox.QuerySolutions):
            raise InvalidInput("expected a SELECT query")
        return _rows(result)[1]

    def select_values(self, query: str, bindings: Mapping[str, Binding] | None = None) -> Iterator[list[str]]:
        result = self._solutions(prepare(query, bindings))
        if not isinstance(result, ox.QuerySolutions):
            raise InvalidInput("expected a SELECT query")
        names, rows = _rows(result)
        return iter([[row[name].value for name in names] for row in rows])

    def construct(self, query: str, bindings: Mapping[str, Binding] | None = None) -> list[ox.Triple]:
        response = self._send_query(prepare(query, bindings), N_TRIPLES)
        return _parse_triples(response, self.query_url)

    def ask(self, query: str, bindings: Mapping[str, Binding] | None = None) -> bool:
        result = self._solutions(prepare(query, bindings))
        if not isinstance(result, ox.QueryBoolean):
            raise InvalidInput("expected an ASK query")
        return bool(result)

    def run(self, query: str) -> QueryResult:
        text = prepare(query, None)
        form = query_form(query)
        if form in ("construct", "describe"):
            return QueryResult("triples", triples=_parse_triples(self._send_query(text, N_TRIPLES), self.query_url))
        if form not in ("select", "ask"):
            raise InvalidInput("only SELECT, CONSTRUCT, DESCRIBE and ASK queries can be run")
        result = self._solutions(text)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("boolean", boolean=bool(result))
        variables, rows = _rows(result)
        return QueryResult("select", variables=variables, rows=rows)

    def graph_sizes(self) -> dict[str, int]:
        """The project's named graphs with their number of triples (server and staging graphs left out)."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {
            row["g"].value: int(row["n"].value)
            for row in rows
            if isinstance(row.get("g"), ox.NamedNode) and _is_own_graph(row["g"].value)
        }

    def graph_names(self) -> list[str]:
        # The GROUP BY query answers in 0.05 s on 1,000 graphs where Virtuoso takes 17 s for
        # SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } (measured, 416k triples).
        return sorted(self.graph_sizes())

    def quads(self, graphs: Iterable[str]) -> list[ox.Quad]:
        """Every quad of the given named graphs, in as few queries as the server's row limit allows."""
        names = list(graphs)
        if not names:
            return []
        values = " ".join(str(ox.NamedNode(graph)) for graph in names)
        try:
            result = self._solutions(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        except TruncatedResult as truncated:
            if len(names) == 1:
                return self._paged_quads(names[0], truncated.limit)
            middle = len(names) // 2
            return self.quads(names[:middle]) + self.quads(names[middle:])
        return [ox.Quad(s["s"], s["p"], _term(s["o"]), s["g"]) for s in result]  # type: ignore[union-attr]

    def _paged_quads(self, graph: str, limit: int) -> list[ox.Quad]:
        """The quads of one graph larger than the server's row limit, a page at a time in a fixed order."""
        name = ox.NamedNode(graph)
        size = max(1, limit - 1)  # a page of exactly the limit may be flagged as cut
        quads: list[ox.Quad] = []
        offset = 0
        while True:
            page = self.select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o LIMIT {size} OFFSET {offset}"
            )
            quads.extend(ox.Quad(row["s"], row["p"], row["o"], name) for row in page)
            if len(page) < size:
                return quads
            offset += size

    def iter_graph_batches(self, graphs: Mapping[str, int] | None = None, *, triples_per_batch: int = 50_000
                           ) -> Iterator[list[ox.Quad]]:
        """The quads of the given graphs ({name: size}, default all), a few graphs per request."""
        sizes = self.graph_sizes() if graphs is None else dict(graphs)
        batch: list[str] = []
        count = 0
        for name in sorted(sizes):
            if batch and count + sizes[name] > triples_per_batch:
                yield self.quads(batch)
                batch, count = [], 0
            batch.append(name)
            count += sizes[name]
        if batch:
            yield self.quads(batch)

    def __len__(self) -> int:
        return sum(self.graph_sizes().values())

    # writing -------------------------------------------------------------------------------------

    def optimize(self) -> None:
        """Nothing to do: the server keeps its own indexes."""

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple | ox.Quad]]) -> None:
        """Replace each named graph; a graph that exists keeps its old content until the new one is complete.

        Graphs are replaced one operation each: Virtuoso does not make several operations one
        transaction, so when the server fails part-way some graphs may be new and others old,
        never one graph half old and half new.
        """
        contents = {graph: [t.triple if isinstance(t, ox.Quad) else t for t in triples] for graph, triples in graphs.items()}
        if not contents:
            return
        existing = self._existing(list(contents))
        total = sum(len(triples) for triples in contents.values())
        if not existing and total <= self.batch_triples and not _has_blank_nodes(contents):
            # One INSERT DATA is one operation: it is applied whole or not at all.
            self._send_update(_insert_data(contents.items()))
            return
        if self.graph_store_url:
            self._replace_by_graph_store(contents)
            return
        staged = {graph: f"{STAGING_PREFIX}{uuid.uuid4()}" for graph in contents if graph in existing}
        written: list[str] = []
        try:
            for graph, triples in contents.items():
                target = staged.get(graph, graph)
                written.append(target)
                self._insert(target, triples)
        except StoreError:
            self._drop_quietly(written)
            raise
        moves = []
        for graph in contents:
            if graph not in staged:
                continue
            if contents[graph]:
                moves.append(f"MOVE SILENT GRAPH <{staged[graph]}> TO GRAPH {ox.NamedNode(graph)}")
            else:
                moves.append(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
        try:
            for chunk in _chunks(moves, 50):
                self._send_update(" ;\n".join(chunk))
        except StoreError:
            self._drop_quietly(list(staged.values()))
            raise

    def add_new_graphs(self, quads: Iterable[ox.Quad]) -> None:
        """Add the quads of named graphs that are not on the server yet (the quads of a graph come together).

        Written as :meth:`replace_graphs` writes: each graph whole or not at all, several graphs
        per request up to 50k triples (Virtuoso makes no larger atomic unit of them).
        """
        contents: dict[str, list[ox.Quad]] = {}
        size = 0
        for quad in quads:
            contents.setdefault(quad.graph_name.value, []).append(quad)
            size += 1
            if size >= NEW_GRAPHS_PER_WRITE and len(contents) > 1:
                # The last graph may go on in the next quads: it waits for them.
                last = next(reversed(contents))
                self.replace_graphs({graph: triples for graph, triples in contents.items() if graph != last})
                contents = {last: contents[last]}
                size = len(contents[last])
        self.replace_graphs(contents)

    def submit_new_graphs(self, nquads: str, search_entries=None) -> Future:
        """:meth:`add_new_graphs` at once; the future returned has ended (requests are not sent in the background)."""
        self.add_new_graphs(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
        return ended()

    def wait_for_writes(self) -> None:
        """Nothing to wait for: :meth:`submit_new_graphs` writes at once."""

    def _replace_by_graph_store(self, contents: dict[str, list[ox.Triple]]) -> None:
        for graph, triples in contents.items():
            if not triples:
                self.drop_graph(graph)
                continue
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            self._request(
                "PUT",
                self.graph_store_url,
                what="upload",
                params={"graph": graph},
                data=body,
                headers={"Content-Type": N_TRIPLES},
            )

    def _insert(self, graph: str, triples: list[ox.Triple]) -> None:
        """Add triples to one graph: INSERT DATA in operations of ``batch_triples``, a few per request."""
        plain = [t for t in triples if not _triple_has_blank_node(t)]
        with_blank = [t for t in triples if _triple_has_blank_node(t)]
        operations = [_insert_data([(graph, batch)]) for batch in _chunks(plain, self.batch_triples)]
        if with_blank:
            # Virtuoso refuses blank nodes in INSERT DATA ("not allowed in a constant clause"); a
            # template INSERT keeps one blank node one node, as long as its triples share the operation.
            operations.append(_insert_template(graph, with_blank))
        per_request = max(1, self.request_triples // self.batch_triples)
        for chunk in _chunks(operations, per_request):
            self._send_update(" ;\n".join(chunk))

    def _existing(self, graphs: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(graphs, 500):
            values = " ".join(str(ox.NamedNode(graph)) for graph in chunk)
            rows = self.select(f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
            found.update(row["g"].value for row in rows)
        return found

    def _drop_quietly(self, graphs: list[str]) -> None:
        for chunk in _chunks(graphs, 50):
            try:
                self._send_update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(graph)}" for graph in chunk))
            except StoreError:
                return

    def drop_graph(self, graph: str) -> None:
        self._send_update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")

    def drop_staging(self) -> None:
        """Remove staging graphs that an interrupted write left behind."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        self._drop_quietly([row["g"].value for row in rows if row["g"].value.startswith(STAGING_PREFIX)])

    # output --------------------------------------------------------------------------------------

    def dump(self, output: BinaryIO, format: str) -> None:
        """Write the project's graphs; quad formats stream graph batch by graph batch."""
        fmt = rdf_format(format)
        batches = self.iter_graph_batches()
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            for quads in batches:
                ox.serialize(quads, output, format=fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TRIG else None)
            return
        seen: set[ox.Triple] = set()
        union: list[ox.Triple] = []
        for quads in batches:
            for quad in quads:
                triple = quad.triple
                if triple not in seen:
                    seen.add(triple)
                    union.append(triple)
        ox.serialize(union, output, format=fmt, prefixes=PREFIXES)

    def close(self) -> None:
        if self._readers is not None:
            self._readers.shutdown(wait=True)
            self._readers = None
        with self._sessions_lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()


# query text ----------------------------------------------------------------------------------------


def inline_string_values(query: str, literals: Mapping[str, ox.Literal]) -> str:
    """The query with ``STR(?v)`` written as the string itself where ``?v`` is bound to a literal.

    Virtuoso 7.2 narrows a non-ASCII string constant inside STR(): ``STR("zurück")``, whether the
    literal is written in a FILTER, a BIND or a VALUES block, gives ``"zur?ck"``, so
    ``FILTER(CONTAINS(LCASE(STR(?text)), LCASE(STR(?fragment))))`` never matches an umlaut. Typing
    the constant ``^^xsd:string`` cures STR(), but breaks joins with stored plain literals, which
    Virtuoso keeps apart from typed ones; so the VALUES block keeps the plain literal and only the
    STR() call is replaced by its result, the lexical form typed xsd:string (what STR returns).
    """
    if not literals:
        return query
    lexemes = list(_lexemes(query))
    replacements: list[tuple[int, int, str]] = []
    for index in range(len(lexemes) - 3):
        window = [lexeme[0] for lexeme in lexemes[index:index + 4]]
        if window[0].upper() == "STR" and window[1] == "(" and window[2][:1] in "?$" and window[3] == ")":
            literal = literals.get(window[2][1:])
            if literal is not None:
                constant = f"{ox.Literal(literal.value)}^^<{XSD_STRING}>"
                replacements.append((lexemes[index][1], lexemes[index + 3][1] + 1, constant))
    for start, end, constant in reversed(replacements):
        query = query[:start] + constant + query[end:]
    return query


def bind_for_virtuoso(query: str, bindings: Mapping[str, Binding]) -> str:
    """The query with its variables bound by a VALUES block, and ``STR(?v)`` of a bound literal written out.

    See :func:`provenance.storage.sparql_text.bind_values` and :func:`inline_string_values`.
    """
    literals = {name: term for name, term in bindings.items() if isinstance(term, ox.Literal)}
    return bind_values(inline_string_values(query, literals), bindings)


def prepare(query: str, bindings: Mapping[str, Binding] | None) -> str:
    """The text to send: the project's prefixes that the query does not declare itself, then the query."""
    text = bind_for_virtuoso(query, bindings) if bindings else query
    declared = {match.group(1) for match in re.finditer(r"(?i)\bPREFIX\s+([\w\-.]*):", query)}
    prologue = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items() if prefix not in declared)
    return prologue + text


# results -------------------------------------------------------------------------------------------


def _parse_json_results(content: bytes, url: str) -> ox.QuerySolutions | ox.QueryBoolean:
    try:
        return ox.parse_query_results(VIRTUOSO_BNODE.sub(rb"\1", content), format=ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"SPARQL endpoint {url} sent results that are not SPARQL JSON: {error}") from None


def _parse_triples(response: requests.Response, url: str) -> list[ox.Triple]:
    try:
        return [quad.triple for quad in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)]
    except (SyntaxError, ValueError) as error:
        kind = response.headers.get("Content-Type", "?")
        raise StoreError(f"SPARQL endpoint {url} sent {kind} that is not N-Triples: {error}") from None


def _term(term):
    # Virtuoso writes xsd:boolean as 1/0 in JSON results (its N-Triples say true/false).
    if isinstance(term, ox.Literal) and term.datatype.value == XSD_BOOLEAN and term.value in ("1", "0"):
        return ox.Literal("true" if term.value == "1" else "false", datatype=term.datatype)
    return term


def _rows(result: ox.QuerySolutions) -> tuple[list[str], list[Row]]:
    # pyoxigraph parses JSON results as they are read: a cut answer fails here, not in _parse_json_results.
    try:
        return solution_rows(result, _term)
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"the SPARQL endpoint sent results that are not SPARQL JSON: {_first_line(str(error))}") from None


# update text ---------------------------------------------------------------------------------------


def _insert_data(graphs: Iterable[tuple[str, list[ox.Triple]]]) -> str:
    blocks = " ".join(
        f"GRAPH {ox.NamedNode(graph)} {{ {' '.join(f'{t} .' for t in triples)} }}" for graph, triples in graphs if triples
    )
    return f"INSERT DATA {{ {blocks} }}"


def _insert_template(graph: str, triples: list[ox.Triple]) -> str:
    body = " ".join(f"{t} ." for t in triples)
    return f"INSERT {{ GRAPH {ox.NamedNode(graph)} {{ {body} }} }} WHERE {{}}"


def _triple_has_blank_node(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _has_blank_nodes(contents: Mapping[str, list[ox.Triple]]) -> bool:
    return any(_triple_has_blank_node(t) for triples in contents.values() for t in triples)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _is_own_graph(graph: str) -> bool:
    return not (
        graph.startswith(STAGING_PREFIX)
        or graph.startswith(SYSTEM_GRAPH_PREFIXES)
        or SYSTEM_GRAPH_PATTERN.match(graph)
    )


def _origin(url: str) -> str:
    """The scheme, host and port of ``url``, never the user name or password it may hold."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        return ""
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def plain_http_warning(url: str) -> str | None:
    """A warning when ``url`` is plain http to a host other than this machine: queries and credentials travel in clear."""
    parts = urlsplit(url)
    if parts.scheme != "http":
        return None
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return (f"{_origin(url)} is plain http to another machine: queries, data and credentials travel unencrypted; "
            "use https")


def _first_line(text: str, *, html: bool = False, limit: int = 200) -> str:
    if html:
        text = re.sub(r"<(head|style|script)\b.*?</\1>", " ", text, flags=re.DOTALL | re.IGNORECASE)
        text = re.sub(r"<[^>]+>", " ", text)
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:limit]
    return "(no message)"
