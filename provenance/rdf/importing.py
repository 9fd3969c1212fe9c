"""``import`` of RDF: an export (or other RDF) loaded back without rewriting trust or articles behind the user's back.

What an import may do, and what it is refused (one line each, nothing written):

- Graphs are recognised by their exact IRIs under the store's base. A graph in the store's own
  namespace (``urn:claim-provenance:``, staging and bookkeeping) is refused, as is a graph that is
  named like a graph of assessments or corrections (``…/graph/assessments/ratings``) but is not this store's.
- Ratings and verdicts are taken out of whatever graph they come in and added to the store's
  assessments graphs as assessments of their own, each with its assessor and time: one that is
  stored already under the same IRI with other content is refused (an import never changes a
  stored assessment), and so is one dated in the future (it would stay in force over every
  later ``rate``) or on a day that does not exist.
- A graph that exists with other content is replaced only with ``replace=True`` (``--replace``),
  and the result names every article replaced; a graph that exists with the same content is left
  alone, so importing an export twice changes nothing.
- Input is checked against :mod:`provenance.limits` before pyoxigraph parses it: RDF/XML with
  entity declarations is refused (a 1 KB file of nested entities expands to gigabytes), nesting
  deeper than ``rdf_depth`` (Turtle brackets and collections, XML elements) and JSON deeper than
  ``json_depth`` are refused.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.parsers import expat

import pyoxigraph as ox

from provenance import limits
from provenance.errors import InvalidInput
from provenance.model.dates import check_not_future
from provenance.rdf import ratings
from provenance.rdf import vocab as v
from provenance.rdf.iris import IriScheme

IMPORTED_GRAPH = v.INTERNAL_NAMESPACE + "imported"
ARTICLES_BY_GRAPH = "SELECT ?graph ?doc WHERE { ?article schema:identifier ?doc ; cp:articleGraph ?graph }"


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: graphs and triples, and the articles (ids, else graph IRIs) it replaced."""

    graphs: int
    triples: int
    replaced: list[str] = field(default_factory=list)
    unchanged: int = 0


# ------------------------------------------------------------------------------------------------
# input checks


def parse_rdf(data: bytes, format: str) -> list[ox.Quad]:
    """Parse a serialization, chosen by its format and never by trial and error, within the limits."""
    from provenance.storage.embedded import rdf_format

    fmt = rdf_format(format)
    check_rdf_input(data, format)
    try:
        return list(ox.parse(data, format=fmt))
    except SyntaxError as error:
        raise InvalidInput(f"malformed {format} input: {_first_line(error)}") from None
    except (ValueError, OSError) as error:
        raise InvalidInput(f"cannot read {format} input: {_first_line(error)}") from None


def check_rdf_input(data: bytes, format: str) -> None:
    """Refuse input that would exhaust the machine in the parser: entity expansion, deep nesting."""
    if format == "rdfxml":
        check_xml(data, "RDF/XML input")
    elif format == "jsonld":
        limits.parse_json(data, "JSON-LD input")
    elif format in ("turtle", "trig", "nquads", "ntriples"):
        check_nesting(data, f"{format} input")


def check_xml(data: bytes, where: str) -> None:
    """Refuse XML that declares entities, or nests elements deeper than ``rdf_depth``.

    Expat reads the document once with no handler for external entities (none is fetched) and
    stops at the first entity declaration: RDF/XML needs none, and nested ones are how a 1 KB
    file becomes gigabytes ("billion laughs").
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0
    deepest = limits.current().rdf_depth

    class Refused(Exception):
        pass

    def entity(*_args) -> None:
        raise Refused(f"{where}: declares an XML entity; entities are refused (they can expand without bound)")

    def start(*_args) -> None:
        nonlocal depth
        depth += 1
        if depth > deepest:
            raise Refused(str(limits.over("rdf_depth", where, "elements nested too deep")))

    def end(*_args) -> None:
        nonlocal depth
        depth -= 1

    parser.EntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except Refused as refusal:
        raise InvalidInput(str(refusal)) from None
    except expat.ExpatError as error:
        raise InvalidInput(f"{where}: malformed XML: {expat.ErrorString(error.code)} at line {error.lineno}") from None


# Strings, IRIs and comments are skipped whole, so that a bracket inside them does not count.
_TURTLE_TOKEN = re.compile(
    rb'"""(?:[^"\\]|\\.|"(?!""))*"""'
    rb"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    rb'|"(?:[^"\\\n\r]|\\.)*"'
    rb"|'(?:[^'\\\n\r]|\\.)*'"
    rb"|<<|>>"
    rb"|<[^<>\s]*>"
    rb"|#[^\n\r]*"
    rb"|[\[\](){}]",
    re.DOTALL,
)
_OPENING = {b"[", b"(", b"{", b"<<"}
_CLOSING = {b"]", b")", b"}", b">>"}


def check_nesting(data: bytes, where: str) -> None:
    """Refuse Turtle, TriG or N-Quads whose brackets, collections or quoted triples nest deeper than ``rdf_depth``."""
    if not any(mark in data for mark in (b"[", b"(", b"<<")):
        return
    deepest = limits.current().rdf_depth
    depth = 0
    for match in _TURTLE_TOKEN.finditer(data):
        token = match.group()
        if token in _OPENING:
            depth += 1
            if depth > deepest:
                raise limits.over("rdf_depth", where, "brackets nested too deep")
        elif token in _CLOSING:
            depth = max(0, depth - 1)


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    line = text[0] if text else type(error).__name__
    return line if len(line) <= 300 else line[:300] + "…"


# ------------------------------------------------------------------------------------------------
# the import


def import_rdf(store, data: bytes, format: str, scheme: IriScheme | None = None, *, replace: bool = False) -> ImportResult:
    """Load RDF in one transaction: articles into their graphs, ratings and verdicts into the assessments graphs.

    Quad formats keep their graphs. Triple formats (a Turtle export is the union of the graphs)
    are split again: each article's resources to the graph its ``cp:articleGraph`` names, shared
    agents to every graph that refers to them, the rest to one graph for imported data. See the
    module docstring for what is refused.
    """
    scheme = scheme or IriScheme()
    quads = parse_rdf(data, format)
    rating_graph, verdict_graph = ratings.ratings_graph(scheme), ratings.verdicts_graph(scheme)
    stored_ratings = ratings.graph_triples(store, rating_graph)
    stored_verdicts = ratings.graph_triples(store, verdict_graph)
    _check_stored_assessments_kept(stored_ratings, stored_verdicts, [quad.triple for quad in quads])
    named: dict[str, list[ox.Triple]] = defaultdict(list)
    union: list[ox.Triple] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            union.append(quad.triple)
            continue
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise InvalidInput(f"{format} input puts triples in a graph named by a blank node; name every graph by an IRI")
        named[quad.graph_name.value].append(quad.triple)
    for graph in named:
        check_graph_name(graph, scheme)
    new_ratings: list[ox.Triple] = []
    new_verdicts: list[ox.Triple] = []
    graphs: dict[str, list[ox.Triple]] = {}
    for graph, triples in named.items():
        found_ratings, found_verdicts, rest = ratings.split_assessments(triples)
        new_ratings += found_ratings
        new_verdicts += found_verdicts
        if graph not in (rating_graph, verdict_graph) and rest:
            graphs[graph] = rest
        elif rest and graph in (rating_graph, verdict_graph):
            raise InvalidInput(f"graph <{graph}> holds triples that are neither ratings nor verdicts; "
                               "only assessments belong in it")
    if union:
        found_ratings, found_verdicts, rest = ratings.split_assessments(union)
        new_ratings += found_ratings
        new_verdicts += found_verdicts
        split = {IMPORTED_GRAPH: rest} if named else partition_by_article(rest)
        for graph, triples in split.items():
            if not triples:
                continue
            if graph != IMPORTED_GRAPH:
                check_graph_name(graph, scheme, named_by="cp:articleGraph")
            graphs.setdefault(graph, []).extend(triples)
    writes, replaced, unchanged = _graph_writes(store, graphs, replace)
    if new_ratings:
        _check_times(new_ratings, v.PROV_GENERATED_AT_TIME, "rating")
        merged = ratings.with_validity(stored_ratings + new_ratings)
        if set(merged) != set(stored_ratings):
            writes[rating_graph] = merged
    if new_verdicts:
        _check_times(new_verdicts, v.SCHEMA_DATE_PUBLISHED, "verdict")
        merged = list(dict.fromkeys(stored_verdicts + new_verdicts))
        if set(merged) != set(stored_verdicts):
            writes[verdict_graph] = merged
    if writes:
        store.replace_graphs(writes)
    return ImportResult(graphs=len(writes), triples=sum(len(triples) for triples in writes.values()),
                        replaced=replaced, unchanged=unchanged)


def check_graph_name(graph: str, scheme: IriScheme, *, named_by: str = "a graph name") -> None:
    """Refuse a graph IRI that no import may write: the store's own namespace, or assessments or corrections graphs of another base."""
    if graph.casefold().startswith(v.INTERNAL_NAMESPACE) and graph != IMPORTED_GRAPH:
        raise InvalidInput(f"{named_by} <{_short(graph)}> lies in {v.INTERNAL_NAMESPACE}, which the store keeps "
                           "for its own graphs; nothing is imported into it")
    own = {ratings.ratings_graph(scheme), ratings.verdicts_graph(scheme)}
    if graph in own:
        if named_by != "a graph name":
            raise InvalidInput(f"{named_by} <{_short(graph)}> names an assessments graph as an article's graph")
        return
    # Corrections and identities rewrite chains as assessments rewrite trust: the same rule holds for them.
    named_like = graph.endswith((ratings.RATINGS_GRAPH_SUFFIX, ratings.VERDICTS_GRAPH_SUFFIX, "graph/identities")) \
        or "/graph/corrections/" in graph
    if named_like and graph != scheme.base + "graph/identities" and not graph.startswith(scheme.base + "graph/corrections/"):
        raise InvalidInput(
            f"graph <{_short(graph)}> is named like a graph of assessments or corrections but is not this store's "
            f"(its base is {scheme.base}); import with the --base it was exported under"
        )


def _graph_writes(store, graphs: dict[str, list[ox.Triple]], replace: bool) -> tuple[dict[str, list[ox.Triple]], list[str], int]:
    """The graphs to write; graphs stored with other content need ``replace`` (they are named in the result)."""
    existing = set(store.graph_names())
    names_of: dict[str, str] = {}
    if any(graph in existing for graph in graphs):
        names_of = {row["graph"].value: row["doc"].value for row in store.select(ARTICLES_BY_GRAPH)}
    writes: dict[str, list[ox.Triple]] = {}
    replaced: list[str] = []
    unchanged = 0
    for graph, triples in graphs.items():
        triples = list(dict.fromkeys(triples))
        if graph not in existing:
            writes[graph] = triples
            continue
        stored = ratings.graph_triples(store, graph)
        if graph == IMPORTED_GRAPH:
            # Foreign data accumulates: an import adds to it and replaces nothing.
            merged = list(dict.fromkeys(stored + triples))
            if len(merged) != len(stored):
                writes[graph] = merged
            else:
                unchanged += 1
            continue
        if set(stored) == set(triples):
            unchanged += 1
            continue
        name = names_of.get(graph)
        replaced.append(name if name is not None else graph)
        writes[graph] = triples
    if replaced and not replace:
        first = replaced[0]
        what = f"article {first!r}" if first in names_of.values() else f"graph <{_short(first)}>"
        more = f" and {len(replaced) - 1} more" if len(replaced) > 1 else ""
        raise InvalidInput(f"the import would replace {what}{more}, stored with other content; "
                           "give --replace to replace them")
    return writes, replaced, unchanged


def _check_stored_assessments_kept(stored_ratings: list[ox.Triple], stored_verdicts: list[ox.Triple],
                                   imported: list[ox.Triple]) -> None:
    """Refuse any imported triple that would add to a stored rating or review, in whatever graph it comes.

    Readers see the union of the graphs, so one triple about a stored review in any graph (its
    author, its rating) would change that review. A triple already stored is no change.
    """
    stored = set(stored_ratings) | set(stored_verdicts)
    nodes: dict[str, str] = {}
    for triple in stored_ratings:
        if triple.predicate == v.RDF_TYPE and triple.object == ratings.SCHEMA_RATING:
            nodes[triple.subject.value] = "rating"
    for triple in stored_verdicts:
        if triple.predicate == v.RDF_TYPE and triple.object == ratings.SCHEMA_CLAIM_REVIEW:
            nodes[triple.subject.value] = "verdict"
    for triple in stored_verdicts:
        if triple.predicate == ratings.SCHEMA_REVIEW_RATING and triple.subject.value in nodes:
            nodes[triple.object.value] = "verdict"
    for triple in imported:
        subject = triple.subject
        if isinstance(subject, ox.NamedNode) and subject.value in nodes and triple not in stored \
                and triple.predicate != ratings.PROV_INVALIDATED_AT_TIME:
            what = nodes[subject.value]
            raise InvalidInput(f"{what} <{_short(subject.value)}> is stored already with other content; "
                               f"an import adds {what}s and never changes a stored one")


def _check_times(triples: list[ox.Triple], predicate: ox.NamedNode, what: str) -> None:
    """Refuse assessments dated on days that do not exist or in the future."""
    for triple in triples:
        if triple.predicate == predicate:
            check_not_future(triple.object.value, f"{what} <{_short(triple.subject.value)}>: time")


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


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
