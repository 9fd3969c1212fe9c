"""Reliability ratings of sources and verdicts on claims, as RDF in two named graphs of their own.

Why separate graphs: an article's graph is replaced whole when the article is stored again, and a
rating or a verdict must survive that. Each of the two graphs is read, extended and written back
with one ``replace_graphs`` call, so a write is atomic and the history is kept.

A rating is an assessment (PROV) of one source::

    <base>rating/<hash> a schema:Rating, prov:Entity ;
        schema:about <source> ; cp:reliability cp:reliability-C ;
        prov:wasAttributedTo <base>assessor/<name> ; prov:generatedAtTime "…"^^xsd:dateTime ;
        schema:ratingExplanation "note" ;
        prov:wasDerivedFrom <base>table/<hash> .          # only when imported from a rating table

Every source's newest rating (by ``prov:generatedAtTime``) is in force; each older one carries
``prov:invalidatedAtTime`` (the time of the rating that replaced it), recomputed on every write, so
a reader finds the rating in force without comparing times.

A verdict is a ``schema:ClaimReview`` of one stored claim::

    <base>review/<hash> a schema:ClaimReview, prov:Entity ;
        schema:itemReviewed <claim> ; schema:claimReviewed "…" ;
        schema:reviewRating <base>review/<hash>#rating ; schema:author <base>assessor/<name> ;
        schema:datePublished "2026-…"^^xsd:date ; schema:url <…> .
    <base>review/<hash>#rating a schema:Rating ; schema:alternateName "falsch" ;
        schema:ratingValue 1 ; schema:bestRating 5 ; schema:worstRating 1 .

``ratingValue`` is derived from the verdict's text by :data:`VERDICT_OUTCOMES` (1 false … 5 true);
a text the table does not know keeps only its ``alternateName``.
"""

from __future__ import annotations

import csv
import getpass
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from itertools import pairwise
from urllib.parse import urlsplit

import pyoxigraph as ox
from pyoxigraph import Literal, NamedNode, Triple

from provenance.errors import Ambiguous, InvalidInput, NotFound
from provenance.model.core import RELIABILITY_LETTERS, check_web_url
from provenance.model.dates import check_date, check_not_future
from provenance.model.verdicts import (  # noqa: F401  (verdict_outcome and VERDICT_OUTCOMES are read from here too)
    BEST_RATING,
    OUTCOME_RATING_VALUE,
    VERDICT_OUTCOMES,
    WORST_RATING,
    verdict_outcome,
)
from provenance.rdf import queries
from provenance.rdf import vocab as v
from provenance.rdf.iris import IriScheme, digest, slug
from provenance.rdf.timestamps import now

XSD_DATETIME = NamedNode(v.XSD + "dateTime")
XSD_DATE = NamedNode(v.XSD + "date")
XSD_INTEGER = NamedNode(v.XSD + "integer")
XSD_DECIMAL = NamedNode(v.XSD + "decimal")

SCHEMA_RATING = NamedNode(v.SCHEMA + "Rating")
SCHEMA_CLAIM_REVIEW = NamedNode(v.SCHEMA + "ClaimReview")
SCHEMA_DATASET = NamedNode(v.SCHEMA + "Dataset")
SCHEMA_ABOUT = NamedNode(v.SCHEMA + "about")
SCHEMA_RATING_EXPLANATION = NamedNode(v.SCHEMA + "ratingExplanation")
SCHEMA_ITEM_REVIEWED = NamedNode(v.SCHEMA + "itemReviewed")
SCHEMA_CLAIM_REVIEWED = NamedNode(v.SCHEMA + "claimReviewed")
SCHEMA_REVIEW_RATING = NamedNode(v.SCHEMA + "reviewRating")
SCHEMA_AUTHOR = NamedNode(v.SCHEMA + "author")
SCHEMA_ALTERNATE_NAME = NamedNode(v.SCHEMA + "alternateName")
SCHEMA_RATING_VALUE = NamedNode(v.SCHEMA + "ratingValue")
SCHEMA_BEST_RATING = NamedNode(v.SCHEMA + "bestRating")
SCHEMA_WORST_RATING = NamedNode(v.SCHEMA + "worstRating")
PROV_INVALIDATED_AT_TIME = NamedNode(v.PROV + "invalidatedAtTime")
CP_RELIABILITY = NamedNode(v.CP + "reliability")

#: Numeric scores of a rating table (0 worst, 1 best) and the letter each range gets: the lower bound of each.
SCORE_LETTERS: tuple[tuple[float, str], ...] = ((0.90, "A"), (0.75, "B"), (0.60, "C"), (0.40, "D"), (0.0, "E"))


RATINGS_GRAPH_SUFFIX = "graph/assessments/ratings"
VERDICTS_GRAPH_SUFFIX = "graph/assessments/verdicts"


def ratings_graph(scheme: IriScheme) -> str:
    """The named graph of the ratings; its '/' inside the path cannot collide with an article's graph."""
    return scheme.base + RATINGS_GRAPH_SUFFIX


def verdicts_graph(scheme: IriScheme) -> str:
    """The named graph of the verdicts."""
    return scheme.base + VERDICTS_GRAPH_SUFFIX


def score_letter(score: float) -> str:
    """The Admiralty letter for a table's score between 0 (worst) and 1 (best), by :data:`SCORE_LETTERS`.

    >>> score_letter(0.95), score_letter(0.7), score_letter(0.1)
    ('A', 'C', 'E')
    """
    if not 0.0 <= score <= 1.0:
        raise InvalidInput(f"score {score} is not between 0 and 1; give --scale if the table uses another range")
    return next(letter for bound, letter in SCORE_LETTERS if score >= bound)


def check_letter(letter: str) -> str:
    """The letter in upper case, or InvalidInput naming the Admiralty letters."""
    normalised = letter.strip().upper()
    if normalised not in RELIABILITY_LETTERS:
        raise InvalidInput(
            f"reliability {letter!r} is not an Admiralty letter: use A (completely reliable) … E (unreliable) "
            "or F (cannot be judged)"
        )
    return normalised


def reliability_concept(letter: str) -> NamedNode:
    return NamedNode(f"{v.CP}reliability-{letter}")


@dataclass(frozen=True)
class Assessment:
    """One rating of a source as stored; ``in_force`` is True for the newest rating of its source."""

    iri: str
    source: str
    source_name: str | None
    reliability: str
    assessor: str
    time: str
    note: str | None = None
    table: str | None = None
    table_date: str | None = None
    in_force: bool = True


@dataclass(frozen=True)
class StoredVerdict:
    """One verdict (ClaimReview) on a stored claim."""

    iri: str
    claim: str
    claim_text: str | None
    rating: str
    outcome: str | None
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    author: str
    date: str
    url: str | None = None


# ------------------------------------------------------------------------------------------------
# finding sources


# Agents are described again in every article graph that mentions them: names are matched inside one
# graph at a time, never joined across the union (a row per pair of copies).
SOURCES_NAMED = "SELECT DISTINCT ?source ?given WHERE { GRAPH ?g { ?source schema:name ?given ; a prov:Agent } }"
SOURCES_BY_NAME = """
SELECT DISTINCT ?source ?name ?given WHERE {
  GRAPH ?g { ?source a prov:Agent ; schema:name ?name }
  FILTER(LCASE(STR(?name)) = LCASE(STR(?given)))
}
"""

SOURCE_NAME = "SELECT DISTINCT ?source ?name WHERE { GRAPH ?g { ?source a prov:Agent ; schema:name ?name } }"

ARTICLE_PUBLISHERS = """
SELECT ?url ?publisher ?name WHERE {
  GRAPH ?g {
    ?article a schema:NewsArticle ; schema:url ?url ; schema:publisher ?publisher .
    ?publisher schema:name ?name .
  }
}
"""


@dataclass(frozen=True)
class SourceMatch:
    """A source that a user's reference names: its IRI and its name."""

    iri: str
    name: str


def resolve_source(store, reference: str, scheme: IriScheme) -> SourceMatch:
    """The source that ``reference`` names, as the desk's identities say (a merged group's IRI and name; any
    alias finds it), else as :func:`_resolve_stored_source` finds it."""
    from provenance.rdf.correcting import source_as_identified

    reference = " ".join(reference.split())

    def stored() -> tuple[str, str]:
        match = _resolve_stored_source(store, reference, scheme)
        return match.iri, match.name
    return SourceMatch(*source_as_identified(store, reference, stored))


def _resolve_stored_source(store, reference: str, scheme: IriScheme) -> SourceMatch:
    """The source that ``reference`` names: its IRI, its stored name, a registered alias, or a web domain.

    A source named in the outlet registry (graphs/sources.ttl) can be rated before any article
    mentions it: its IRI is the one extraction will give it. Raises NotFound when nothing
    matches and Ambiguous when several stored sources have the name (anonymous ones are per article).
    """
    reference = " ".join(reference.split())
    if not reference:
        raise NotFound("give a source's name, IRI or web domain; 'provenance sources' lists them")
    if "://" in reference or reference.startswith("urn:"):
        try:
            rows = store.select(SOURCE_NAME + " LIMIT 1", {"source": NamedNode(reference)})
        except ValueError:
            rows = []
        if rows:
            return SourceMatch(reference, rows[0]["name"].value)
    found = {row["source"].value: reference for row in store.select(SOURCES_NAMED, {"given": Literal(reference)})}
    if not found:
        rows = store.select(SOURCES_BY_NAME, {"given": Literal(reference)})
        found = {row["source"].value: row["name"].value for row in rows}
    if len(found) == 1:
        iri, name = next(iter(found.items()))
        return SourceMatch(iri, name)
    if len(found) > 1:
        shown = ", ".join(sorted(found)[:3])
        raise Ambiguous(f"{len(found)} sources are called {reference!r} ({shown}…); give the IRI of one")
    outlet = _registered_name(reference)
    if outlet is not None:
        return SourceMatch(scheme.named_agent(outlet), outlet)
    raise NotFound(
        f"no source called {reference!r} in the store or the outlet registry; "
        "'provenance sources' lists the stored ones (or give a source's IRI)"
    )


def _registered_name(reference: str) -> str | None:
    """The registry's canonical name for an alias or a web domain."""
    from provenance.extract.registry import load_registry

    registry = load_registry()
    outlet = registry.by_name(reference)
    if outlet is None:
        folded = reference.casefold()
        outlet = next((registry.by_name(alias) for alias in registry.aliases() if alias.casefold() == folded), None)
    if outlet is not None:
        return outlet.name
    return registry_domains().get(web_domain(reference))


def web_domain(value: str) -> str:
    """The host of a URL or a bare domain, lower case, without ``www.``.

    >>> web_domain("https://www.Reuters.com/world/"), web_domain("tass.ru")
    ('reuters.com', 'tass.ru')
    """
    value = value.strip()
    host = urlsplit(value if "//" in value else "//" + value).hostname or ""
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")


REGISTRY_DOMAINS = """
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name ?url WHERE { ?outlet skos:prefLabel ?name ; schema:url ?url }
"""


@lru_cache(maxsize=1)
def registry_domains() -> dict[str, str]:
    """Web domain -> canonical outlet name, from the ``schema:url`` facts of graphs/sources.ttl."""
    from provenance.extract.registry import REGISTRY_PATH

    registry = ox.Store()
    registry.load(REGISTRY_PATH.read_bytes(), format=ox.RdfFormat.TURTLE)
    return {web_domain(row["url"].value): row["name"].value for row in registry.query(REGISTRY_DOMAINS)}


# ------------------------------------------------------------------------------------------------
# reading and writing a graph


GRAPH_TRIPLES = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def graph_triples(store, graph: str) -> list[Triple]:
    """The triples of one named graph (empty when it does not exist)."""
    return [Triple(row["s"], row["p"], row["o"]) for row in store.select(GRAPH_TRIPLES, {"g": NamedNode(graph)})]


def _dedupe(triples: Iterable[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))


def _agent_triples(iri: NamedNode, name: str) -> list[Triple]:
    return [
        Triple(iri, v.RDF_TYPE, v.PROV_AGENT),
        Triple(iri, v.SCHEMA_NAME, Literal(name)),
    ]


def assessor_iri(scheme: IriScheme, name: str) -> NamedNode:
    """The IRI of a person or organisation who rates sources or reviews claims."""
    return NamedNode(f"{scheme.base}assessor/{slug(name)}")


def default_assessor() -> str:
    """Who rates when ``--by`` is not given: the login name of the user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown assessor"


def _time_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD_DATETIME if "T" in value else XSD_DATE)


def _check_date(value: str, what: str) -> str:
    return check_date(value, what)


def with_validity(triples: Iterable[Triple]) -> list[Triple]:
    """The ratings graph with ``prov:invalidatedAtTime`` set on every rating but the newest of its source.

    Old validity triples are dropped first, so the result depends only on the ratings themselves.
    """
    kept = [t for t in triples if t.predicate != PROV_INVALIDATED_AT_TIME]
    about: dict[str, str] = {}
    times: dict[str, str] = {}
    for triple in kept:
        if triple.predicate == SCHEMA_ABOUT:
            about[triple.subject.value] = triple.object.value
        elif triple.predicate == v.PROV_GENERATED_AT_TIME:
            times[triple.subject.value] = triple.object.value
    by_source: dict[str, list[str]] = defaultdict(list)
    for rating, source in about.items():
        if rating in times:
            by_source[source].append(rating)
    for ratings in by_source.values():
        ordered = sorted(ratings, key=lambda rating: (_instant(times[rating]), rating))
        for older, newer in pairwise(ordered):
            kept.append(Triple(NamedNode(older), PROV_INVALIDATED_AT_TIME, _time_literal(times[newer])))
    return _dedupe(kept)


def _instant(value: str) -> datetime:
    """An ISO date or date-time as an instant to sort by (dates count as midnight UTC, local times as UTC)."""
    try:
        moment = datetime.fromisoformat(value if "T" in value else value + "T00:00:00+00:00")
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def precise_now() -> str:
    """The current UTC time to the microsecond: two ratings made in the same second still have an order."""
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


# ------------------------------------------------------------------------------------------------
# ratings


def rating_triples(
    scheme: IriScheme,
    source: SourceMatch,
    letter: str,
    *,
    assessor: str,
    time: str,
    note: str | None = None,
    table: NamedNode | None = None,
) -> tuple[NamedNode, list[Triple]]:
    """The triples of one rating and its assessor."""
    rating = NamedNode(f"{scheme.base}rating/{digest(source.iri, letter, assessor, time, note or '')}")
    who = assessor_iri(scheme, assessor)
    triples = [
        Triple(rating, v.RDF_TYPE, SCHEMA_RATING),
        Triple(rating, v.RDF_TYPE, v.PROV_ENTITY),
        Triple(rating, SCHEMA_ABOUT, NamedNode(source.iri)),
        Triple(rating, CP_RELIABILITY, reliability_concept(letter)),
        Triple(rating, v.PROV_WAS_ATTRIBUTED_TO, who),
        Triple(rating, v.PROV_GENERATED_AT_TIME, _time_literal(time)),
        *_agent_triples(who, assessor),
    ]
    if note:
        triples.append(Triple(rating, SCHEMA_RATING_EXPLANATION, Literal(note)))
    if table is not None:
        triples.append(Triple(rating, v.PROV_WAS_DERIVED_FROM, table))
    return rating, triples


def rate(
    store,
    scheme: IriScheme,
    reference: str,
    reliability: str,
    *,
    assessor: str | None = None,
    note: str | None = None,
    time: str | None = None,
) -> Assessment:
    """Rate a source (by name, IRI, registered alias or domain) with an Admiralty letter; the new rating is in force.

    Raises InvalidInput for a letter other than A-F and NotFound for a source nobody knows.
    """
    letter = check_letter(reliability)
    source = resolve_source(store, reference, scheme)
    assessor = (assessor or default_assessor()).strip() or default_assessor()
    time = check_not_future(time, "time") if time else precise_now()
    graph = ratings_graph(scheme)
    rating, triples = rating_triples(scheme, source, letter, assessor=assessor, time=time, note=note)
    store.replace_graphs({graph: with_validity(graph_triples(store, graph) + triples)})
    return Assessment(iri=rating.value, source=source.iri, source_name=source.name, reliability=letter,
                      assessor=assessor, time=time, note=note)


RATINGS = """
SELECT ?rating ?source ?sourceName ?reliability ?assessor ?time ?note ?tableName ?tableDate ?invalidated WHERE {
  ?rating a schema:Rating ; schema:about ?source ; cp:reliability ?reliability ;
          prov:generatedAtTime ?time ; prov:wasAttributedTo/schema:name ?assessor .
  OPTIONAL { ?rating schema:ratingExplanation ?note }
  OPTIONAL { ?rating prov:invalidatedAtTime ?invalidated }
  OPTIONAL { ?rating prov:wasDerivedFrom ?table . ?table schema:name ?tableName . OPTIONAL { ?table schema:datePublished ?tableDate } }
}
"""
# A source's name is read on its own, one row per source: a shared agent is described again in every
# article graph that mentions it, and a join with its name in the union of the graphs gives a row per
# copy (measured: 2,354 copies of one agency's name on 100k claims).
SOURCE_NAMES = "SELECT ?source ?sourceName WHERE { ?source schema:name ?sourceName } LIMIT 1"


def ratings(store, *, source: str | None = None, names: bool = True) -> list[Assessment]:
    """Every rating (or those of one source IRI), oldest first; the newest of each source is in force.

    ``names=False`` leaves ``source_name`` empty, saving a look-up per rated source.
    """
    bindings = {"source": NamedNode(source)} if source else None
    found: dict[str, Assessment] = {}
    for row in store.select(RATINGS, bindings):
        iri = row["rating"].value
        if iri in found:
            continue
        found[iri] = Assessment(
            iri=iri,
            source=row["source"].value,
            source_name=None,
            reliability=v.local_suffix(row["reliability"].value, "reliability-"),
            assessor=row["assessor"].value,
            time=row["time"].value,
            note=_text(row.get("note")),
            table=_text(row.get("tableName")),
            table_date=_text(row.get("tableDate")),
            in_force="invalidated" not in row,
        )
    if names and found:
        named = {iri: _source_name(store, iri) for iri in {a.source for a in found.values()}}
        found = {iri: replace(a, source_name=named[a.source]) for iri, a in found.items()}
    return sorted(found.values(), key=lambda a: (a.source, _instant(a.time), a.iri))


def _source_name(store, source: str) -> str | None:
    rows = store.select(SOURCE_NAMES, {"source": NamedNode(source)})
    return rows[0]["sourceName"].value if rows else None


ANY_ASSESSMENT = "ASK { { ?rating a schema:Rating ; cp:reliability ?letter } UNION { ?review a schema:ClaimReview } }"


def any_assessment(store) -> bool:
    """Whether the store holds a rating or a verdict at all (one look-up; most stores start with none)."""
    return store.ask(ANY_ASSESSMENT)


def reliability_in_force(store, *, names: bool = True) -> dict[str, Assessment]:
    """Source IRI -> the rating in force (its newest), for every rated source; sources merged into one
    (:mod:`provenance.rdf.corrected`) have the newest rating of any of them, under the IRI standing for them."""
    from provenance.rdf.corrected import ratings_in_force

    return ratings_in_force(store, {assessment.source: assessment for assessment in ratings(store, names=names)
                                    if assessment.in_force})


def _text(term) -> str | None:
    return None if term is None else term.value


# ------------------------------------------------------------------------------------------------
# rating tables


@dataclass(frozen=True)
class TableImport:
    """What importing a rating table did: the ratings written and the rows no source matched."""

    table: str
    rated: list[Assessment]
    unmatched: list[str]
    skipped: list[str]


def import_rating_table(
    store,
    scheme: IriScheme,
    text: str,
    *,
    domain_column: str,
    score_column: str,
    name: str,
    date: str | None = None,
    assessor: str | None = None,
    scale: float = 1.0,
    where: str = "the table",
) -> TableImport:
    """Rate every source whose web domain appears in a CSV table of numeric scores, letter by :data:`SCORE_LETTERS`.

    Why a mapping and not the scores themselves: the rest of the project reasons in Admiralty
    letters, and a table's numbers mean nothing beside a user's letters otherwise. Scores are
    divided by ``scale`` first (100 for a table of 0-100). Domains are matched to sources by the
    outlet registry's ``schema:url`` facts, the URLs of stored articles (their publisher), and
    finally by name (``axios.com`` -> a source called Axios). The table's name and date are kept
    as the ratings' provenance (``prov:wasDerivedFrom`` a ``schema:Dataset``); each rating is
    made at the table's date when given, else now.
    """
    if scale <= 0:
        raise InvalidInput(f"--scale must be positive, not {scale}")
    reader = csv.DictReader(io.StringIO(text))
    try:
        columns = reader.fieldnames or []
        rows = list(reader)
    except csv.Error as error:
        raise InvalidInput(f"{where}: not a CSV table that can be read ({error})") from None
    missing = [column for column in (domain_column, score_column) if column not in columns]
    if missing:
        raise InvalidInput(
            f"{where} has no column {', '.join(repr(c) for c in missing)}; its columns are: "
            f"{', '.join(columns) or '(none)'}; name the right ones with --domain-column and --score-column"
        )
    date = check_not_future(date, "--date") if date else None
    time = date + "T00:00:00Z" if date and "T" not in date else (date or precise_now())
    assessor = assessor or name
    table = NamedNode(f"{scheme.base}table/{digest(name, date or '')}")
    new: list[Triple] = [
        Triple(table, v.RDF_TYPE, SCHEMA_DATASET),
        Triple(table, v.RDF_TYPE, v.PROV_ENTITY),
        Triple(table, v.SCHEMA_NAME, Literal(name)),
    ]
    if date:
        new.append(Triple(table, v.SCHEMA_DATE_PUBLISHED, _time_literal(date)))
    matcher = _DomainMatcher(store, scheme)
    rated, unmatched, skipped = [], [], []
    for line, row in enumerate(rows, start=2):
        domain = web_domain(row.get(domain_column) or "")
        raw = (row.get(score_column) or "").strip()
        if not domain or not raw:
            skipped.append(f"line {line}: no domain or score")
            continue
        try:
            score = float(raw) / scale
        except ValueError:
            raise InvalidInput(f"{where}, line {line}: score {raw!r} is not a number") from None
        if not 0.0 <= score <= 1.0:
            raise InvalidInput(f"{where}, line {line}: score {raw} is not between 0 and 1 after dividing by "
                               f"{scale:g}; give --scale 100 for a table of 0-100")
        letter = score_letter(score)
        source = matcher.match(domain)
        if source is None:
            unmatched.append(domain)
            continue
        note = f"{name}: {domain} scored {raw}"
        rating, triples = rating_triples(scheme, source, letter, assessor=assessor, time=time, note=note, table=table)
        new.extend(triples)
        rated.append(Assessment(iri=rating.value, source=source.iri, source_name=source.name, reliability=letter,
                                assessor=assessor, time=time, note=note, table=name, table_date=date))
    graph = ratings_graph(scheme)
    store.replace_graphs({graph: with_validity(graph_triples(store, graph) + new)})
    return TableImport(table=name, rated=rated, unmatched=unmatched, skipped=skipped)


class _DomainMatcher:
    """Web domain -> source, by the registry, by stored articles' URLs, then by name."""

    def __init__(self, store, scheme: IriScheme) -> None:
        self.scheme = scheme
        self.publishers = {
            web_domain(row["url"].value): SourceMatch(row["publisher"].value, row["name"].value)
            for row in store.select(ARTICLE_PUBLISHERS)
        }
        self.names: dict[str, SourceMatch] = {}
        for row in store.select(SOURCE_NAME):
            self.names.setdefault(_squeezed(row["name"].value), SourceMatch(row["source"].value, row["name"].value))

    def match(self, domain: str) -> SourceMatch | None:
        registered = registry_domains().get(domain)
        if registered is not None:
            return SourceMatch(self.scheme.named_agent(registered), registered)
        if domain in self.publishers:
            return self.publishers[domain]
        label = domain.split(".")[-2] if domain.count(".") >= 1 else domain
        return self.names.get(_squeezed(label))


def _squeezed(name: str) -> str:
    """A name without case, accents, spaces or punctuation, to compare with a domain's label."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


# ------------------------------------------------------------------------------------------------
# verdicts


def verdict_triples(
    scheme: IriScheme,
    claim: str,
    claim_text: str | None,
    rating: str,
    *,
    author: str,
    date: str,
    url: str | None = None,
    rating_value: float | None = None,
    best_rating: float | None = None,
    worst_rating: float | None = None,
) -> tuple[NamedNode, list[Triple]]:
    """The triples of one ClaimReview; the numbers default to the 1-5 scale of the verdict's outcome."""
    review = NamedNode(f"{scheme.base}review/{digest(claim, rating, author, date, url or '')}")
    rating_node = NamedNode(review.value + "#rating")
    who = assessor_iri(scheme, author)
    triples = [
        Triple(review, v.RDF_TYPE, SCHEMA_CLAIM_REVIEW),
        Triple(review, v.RDF_TYPE, v.PROV_ENTITY),
        Triple(review, SCHEMA_ITEM_REVIEWED, NamedNode(claim)),
        Triple(review, SCHEMA_REVIEW_RATING, rating_node),
        Triple(review, SCHEMA_AUTHOR, who),
        Triple(review, v.PROV_WAS_ATTRIBUTED_TO, who),
        Triple(review, v.SCHEMA_DATE_PUBLISHED, _time_literal(date)),
        Triple(rating_node, v.RDF_TYPE, SCHEMA_RATING),
        Triple(rating_node, SCHEMA_ALTERNATE_NAME, Literal(rating)),
        *_agent_triples(who, author),
    ]
    if claim_text:
        triples.append(Triple(review, SCHEMA_CLAIM_REVIEWED, Literal(claim_text)))
    if url:
        check_web_url(url, "--url")
        try:
            triples.append(Triple(review, v.SCHEMA_URL, NamedNode(url)))
        except ValueError:
            raise InvalidInput(f"--url {url!r} is not a valid URL; give the address of the published review") from None
    if rating_value is None:
        outcome = verdict_outcome(rating)
        if outcome is not None:
            rating_value, best_rating, worst_rating = OUTCOME_RATING_VALUE[outcome], BEST_RATING, WORST_RATING
    for predicate, number in ((SCHEMA_RATING_VALUE, rating_value), (SCHEMA_BEST_RATING, best_rating),
                              (SCHEMA_WORST_RATING, worst_rating)):
        if number is not None:
            triples.append(Triple(rating_node, predicate, _number(number)))
    return review, triples


def _number(value: float) -> Literal:
    if float(value).is_integer():
        return Literal(str(int(value)), datatype=XSD_INTEGER)
    return Literal(repr(float(value)), datatype=XSD_DECIMAL)


CLAIM_TEXT = "SELECT ?claim ?text WHERE { ?claim a schema:Claim ; schema:text ?text }"


def add_verdict(
    store,
    scheme: IriScheme,
    reference: str,
    rating: str,
    *,
    author: str | None = None,
    url: str | None = None,
    date: str | None = None,
) -> StoredVerdict:
    """Record a fact-checker's verdict on a claim (IRI, id prefix or text fragment) as a ClaimReview."""
    rating = " ".join(rating.split())
    if not rating:
        raise InvalidInput("give the verdict as --rating TEXT, e.g. --rating false or --rating 'teilweise richtig'")
    claim = queries.resolve_claim(store, reference)
    rows = store.select(CLAIM_TEXT, {"claim": NamedNode(claim)})
    text = rows[0]["text"].value if rows else None
    author = (author or default_assessor()).strip() or default_assessor()
    date = check_not_future(date, "date") if date else now()[:10]
    _, triples = verdict_triples(scheme, claim, text, rating, author=author, date=date, url=url)
    write_verdicts(store, scheme, triples)
    return next(found for found in verdicts(store, claim=claim)
                if found.rating == rating and found.author == author and found.date == date and found.url == url)


def write_verdicts(store, scheme: IriScheme, triples: list[Triple]) -> None:
    """Add verdict triples to the verdicts graph, in one transaction."""
    graph = verdicts_graph(scheme)
    store.replace_graphs({graph: _dedupe(graph_triples(store, graph) + triples)})


VERDICTS = """
SELECT ?review ?claim ?claimText ?rating ?value ?best ?worst ?author ?date ?url WHERE {
  ?review a schema:ClaimReview ; schema:itemReviewed ?claim ; schema:reviewRating ?node ;
          schema:author/schema:name ?author ; schema:datePublished ?date .
  ?node schema:alternateName ?rating .
  OPTIONAL { ?node schema:ratingValue ?value }
  OPTIONAL { ?node schema:bestRating ?best }
  OPTIONAL { ?node schema:worstRating ?worst }
  OPTIONAL { ?review schema:url ?url }
  OPTIONAL { ?review schema:claimReviewed ?claimText }
}
"""


def verdicts(store, *, claim: str | None = None, claims: Iterable[str] | None = None) -> list[StoredVerdict]:
    """Every verdict (or those on one claim IRI, or on any of ``claims``), oldest first."""
    bindings = {"claim": NamedNode(claim)} if claim else None
    if claims is not None:
        bindings = {"claim": [NamedNode(iri) for iri in dict.fromkeys(claims)]}
    found: dict[str, StoredVerdict] = {}
    for row in store.select(VERDICTS, bindings):
        iri = row["review"].value
        if iri in found:
            continue
        rating = row["rating"].value
        found[iri] = StoredVerdict(
            iri=iri,
            claim=row["claim"].value,
            claim_text=_text(row.get("claimText")),
            rating=rating,
            outcome=verdict_outcome(rating),
            rating_value=term_float(row.get("value")),
            best_rating=term_float(row.get("best")),
            worst_rating=term_float(row.get("worst")),
            author=row["author"].value,
            date=row["date"].value,
            url=_text(row.get("url")),
        )
    return sorted(found.values(), key=lambda verdict: (verdict.date, verdict.iri))


def term_float(term) -> float | None:
    """The number a literal holds, or None when absent or not a number."""
    if term is None:
        return None
    try:
        return float(term.value)
    except ValueError:
        return None


def verdict_truth(verdict: StoredVerdict) -> float | None:
    """How true a verdict says its claim is, from 0 (false) to 1 (true), or None when it does not say.

    Its numbers decide when it has them (``(value - worst) / (best - worst)``, a review from
    another scale keeps its meaning), else its text's outcome (false 0, mostly false 0.25,
    mixed 0.5, mostly true 0.75, true 1).
    """
    value, best, worst = verdict.rating_value, verdict.best_rating, verdict.worst_rating
    if value is not None and best is not None and worst is not None and best != worst:
        return min(1.0, max(0.0, (value - worst) / (best - worst)))
    if verdict.outcome is None:
        return None
    return (OUTCOME_RATING_VALUE[verdict.outcome] - WORST_RATING) / (BEST_RATING - WORST_RATING)


VERDICT_HOPS = """
SELECT ?review ?claim ?index ?source ?name WHERE {
  ?review a schema:ClaimReview ; schema:itemReviewed ?claim .
  GRAPH ?g {
    ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source .
    ?source schema:name ?name .
  }
}
"""


@dataclass(frozen=True)
class SourceEvidence:
    """One verdict that bears on one source: the source's position in the claim's chain and how true it was."""

    source: str
    source_name: str | None
    claim: str
    review: str
    position: int
    truth: float


def source_evidence(store) -> list[SourceEvidence]:
    """For every verdict with a truth value, one piece of evidence per source of the reviewed claim's chain.

    Position 0 is the origin; a higher one a relay. The query starts from the (few) reviews, so it
    stays small however many claims the store holds.
    """
    listed = verdicts(store)
    truths = {verdict.iri: verdict_truth(verdict) for verdict in listed}
    if not any(truth is not None for truth in truths.values()):
        return []
    evidence = []
    seen = set()
    for row in store.select(VERDICT_HOPS):
        review, source = row["review"].value, row["source"].value
        truth = truths.get(review)
        if truth is None or (review, source) in seen:
            continue
        seen.add((review, source))
        evidence.append(SourceEvidence(source=source, source_name=_text(row.get("name")), claim=row["claim"].value,
                                       review=review, position=int(row["index"].value), truth=truth))
    from provenance.rdf.corrected import corrected_evidence

    evidence = corrected_evidence(store, evidence, {verdict.iri: verdict.claim for verdict in listed}, truths)
    return sorted(evidence, key=lambda e: (e.source, e.review))


# ------------------------------------------------------------------------------------------------
# import of RDF exports that carry ratings and verdicts

#: Predicates followed from a rating or a review to the resources that belong with it.
_BELONGING = (v.PROV_WAS_ATTRIBUTED_TO, SCHEMA_AUTHOR, SCHEMA_REVIEW_RATING, v.PROV_WAS_DERIVED_FROM)


def split_assessments(triples: list[Triple]) -> tuple[list[Triple], list[Triple], list[Triple]]:
    """Split a union of graphs into (ratings, verdicts, the rest).

    A rating is a ``schema:Rating`` that is ``schema:about`` something; a verdict a
    ``schema:ClaimReview``; each takes along its assessor, its rating node and its rating table.
    """
    by_subject: dict[str, list[Triple]] = defaultdict(list)
    for triple in triples:
        by_subject[triple.subject.value].append(triple)
    types = {(t.subject.value, t.object.value) for t in triples if t.predicate == v.RDF_TYPE}
    about = {t.subject.value for t in triples if t.predicate == SCHEMA_ABOUT}
    roots = {
        "ratings": {s for s, o in types if o == SCHEMA_RATING.value and s in about},
        "verdicts": {s for s, o in types if o == SCHEMA_CLAIM_REVIEW.value},
    }
    taken: dict[str, set[str]] = {}
    for name, subjects in roots.items():
        closure, pending = set(), list(subjects)
        while pending:
            subject = pending.pop()
            if subject in closure:
                continue
            closure.add(subject)
            pending.extend(t.object.value for t in by_subject.get(subject, ())
                           if t.predicate in _BELONGING and t.object.value in by_subject)
        taken[name] = closure
    ratings_part = [t for s in taken["ratings"] for t in by_subject[s]]
    verdicts_part = [t for s in taken["verdicts"] for t in by_subject[s]]
    claimed = taken["ratings"] | taken["verdicts"]
    rest = [t for t in triples if t.subject.value not in claimed]
    return ratings_part, verdicts_part, rest


# ------------------------------------------------------------------------------------------------
# claims that fall due


DUE = "SELECT ?claim ?due WHERE { ?claim a schema:Claim ; cp:due ?due }"


@dataclass(frozen=True)
class DueClaim:
    """A claim whose time expression has come (or will): the claim with its chain, its ``due``, and when that ends."""

    record: object
    due: str
    until: str


def due_claims(store, *, on: str, since: str | None = None, include_reviewed: bool = False) -> list[DueClaim]:
    """The claims whose ``due`` ends on or before ``on`` (and not before ``since``), earliest first.

    Why the end: "next week" can be checked once the week is over. Claims that already have a
    verdict are left out unless ``include_reviewed``. The query reads only the claims that have
    a ``cp:due``, then the chain of each one that is due.
    """
    on = _check_date(on, "--on")[:10]
    since = _check_date(since, "--since")[:10] if since else "0000-01-01"
    found = []
    for row in store.select(DUE):
        value = row["due"].value
        until = value.rsplit("/", 1)[-1][:10]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until) or not since <= until <= on:
            continue
        for record in queries.claim_records(store, claim=row["claim"].value):
            if not record.withdrawn and (include_reviewed or not record.verdicts):
                found.append(DueClaim(record=record, due=value, until=until))
    return sorted(found, key=lambda item: (item.until, item.record.article.id, item.record.start or 0))
