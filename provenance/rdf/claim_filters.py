"""The claims a :class:`~provenance.model.filters.ClaimFilter` selects, found by bound SPARQL on any store.

An on-disk store's search index (:mod:`provenance.storage.search_index`) gives the claims of
search words in listing order, lazily, so that a first page is a page of look-ups however many
claims match; the other criteria are then checked on those claims as they come. Without that
index (a store in memory, a SPARQL endpoint, a store made before it), the criteria the store's
indexes answer are one query: the search words (``cp:searchWord``,
written at ingest: a look-up of each word's forms, never a scan of the texts), the article, a
source kind on any hop, and when the claim was first stored. The sources a chain passes through or
starts at are looked up by their IRIs, a query each, and the verdicts (a desk's few) are read
whole; their claim sets are intersected in Python. Every user value enters as a bound term
(:func:`provenance.storage.sparql_text.bind_values`); the query text is made only of fixed
fragments, numbered per search word.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from pyoxigraph import Literal, NamedNode

from provenance.errors import NotFound
from provenance.model.filters import VERDICT_CLASSES, ClaimFilter, instant_text
from provenance.model.search_entry import origin_key, source_key
from provenance.model.search_words import fold, query_forms
from provenance.rdf import corrected_filters, ratings
from provenance.rdf.iris import IriScheme
from provenance.rdf.vocab import XSD, kind_term

_DATETIME = NamedNode(XSD + "dateTime")

# The claim, its article's id, and where its first span starts: the listing's order.
_BASE = """
  ?claim schema:isPartOf ?article . ?article schema:identifier ?doc .
  ?annotation oa:hasBody ?claim ; oa:hasTarget ?target .
  ?target cp:spanIndex ?span ; oa:hasSelector ?position .
  ?position oa:start ?start .
  FILTER(?span = 0)"""
_KIND = "\n  ?kindHop cp:statementOf ?claim ; cp:sourceKind ?kind ."
_STORED = """
  ?claim prov:wasGeneratedBy ?activity . ?activity prov:startedAtTime ?written .
  OPTIONAL { ?claim cp:firstStored ?first }
  BIND(COALESCE(?first, ?written) AS ?stored)"""
_SINCE = "\n  FILTER(?stored >= ?since)"
_BEFORE = "\n  FILTER(?stored < ?before)"

ANY_SEARCH_WORD = "ASK { ?claim cp:searchWord ?word }"
# Stores written before the search words: the texts are scanned (case-insensitive substring).
_TEXT_CONTAINS = "\n  ?claim schema:text ?text{n} . FILTER(CONTAINS(LCASE(STR(?text{n})), LCASE(STR(?word{n}))))"

HOPS_OF = "SELECT ?hop WHERE { ?hop prov:wasAttributedTo ?source }"
STATEMENT_OF = "SELECT DISTINCT ?claim WHERE { ?hop cp:statementOf ?claim }"
ORIGIN_OF = "SELECT DISTINCT ?claim WHERE { ?claim prov:hadPrimarySource ?hop }"
#: The mapping names a claim's hops ``<claim>/hop/<index>``, the origin's index 0 (provenance.rdf.mapping).
HOP_MARK = "/hop/"


@dataclass(frozen=True)
class Candidate:
    """A claim a filter's store criteria select, with what orders the listing."""

    claim: str
    article: str
    start: int


def _word_fragment(number: int, forms: tuple[str, ...]) -> tuple[str, dict[str, Literal]]:
    """A claim's word that is one of ``forms``: its words are looked up from the claim (bound by then,
    see :func:`_candidate_rows`) and compared, not a UNION of look-ups, which the store evaluates apart
    from the claims bound and joins afterwards."""
    names = [f"word{number}_{index}" for index in range(len(forms))]
    if len(names) == 1:
        return f"\n  ?claim cp:searchWord ?{names[0]} .", {names[0]: Literal(forms[0])}
    test = " || ".join(f"?word{number} = ?{name}" for name in names)
    return (f"\n  ?claim cp:searchWord ?word{number} . FILTER({test})",
            {name: Literal(form) for name, form in zip(names, forms)})


WORD_COUNT = "SELECT (COUNT(?claim) AS ?claims) WHERE { ?claim cp:searchWord ?word }"
WORD_CLAIMS = "SELECT DISTINCT ?claim WHERE { ?claim cp:searchWord ?word }"
#: Claims bound per query when the rarest search word's claims are checked for everything else.
CLAIMS_PER_QUERY = 500


def _search_forms(wanted: ClaimFilter) -> list[tuple[str, ...]]:
    forms = query_forms(wanted.search or "")
    if not forms:
        raise NotFound(f"{wanted.search!r} has only function words (the, der, und, …): give a word that says something")
    return forms


def candidate_query(store, wanted: ClaimFilter, scheme: IriScheme, *,
                    words: list[tuple[str, ...]] | None = None, keys: bool = True) -> tuple[str, dict]:
    """The SELECT of the claims (``?claim ?doc ?start``) that the store-side criteria of ``wanted`` select, and its bindings.

    ``words``: the search words' forms to look up (default: all of ``wanted.search``'s); without
    ``keys`` only ``?claim ?article`` are selected, for claims that are bound (see :func:`_candidate_rows`).
    """
    where = _BASE if keys else "\n  ?claim schema:isPartOf ?article ."
    bindings: dict = {}
    projected = ["?claim", "?doc", "?start"] if keys else ["?claim", "?article"]
    if wanted.search is not None:
        forms = _search_forms(wanted) if words is None else words
        if store.ask(ANY_SEARCH_WORD):
            for number, word_forms in enumerate(forms):
                text, bound = _word_fragment(number, word_forms)
                where += text
                bindings.update(bound)
        else:
            for number, word_forms in enumerate(forms):
                where += _TEXT_CONTAINS.format(n=number)
                bindings[f"word{number}"] = Literal(word_forms[0])
    if wanted.article is not None:
        bindings["article"] = NamedNode(scheme.article(wanted.article))
    if wanted.kind is not None:
        where += _KIND
        bindings["kind"] = kind_term(wanted.kind)
    if wanted.since is not None or wanted.before is not None:
        where += _STORED
    if wanted.since is not None:
        where += _SINCE
        bindings["since"] = Literal(instant_text(wanted.since), datatype=_DATETIME)
    if wanted.before is not None:
        where += _BEFORE
        bindings["before"] = Literal(instant_text(wanted.before), datatype=_DATETIME)
    projected.extend(f"?{name}" for name in bindings if f"?{name}" not in projected)
    return f"SELECT DISTINCT {' '.join(projected)} WHERE {{{where}\n}}", bindings


def candidates(store, wanted: ClaimFilter, scheme: IriScheme) -> Iterable[Candidate]:
    """The claims ``wanted`` selects by everything but the criteria that need a claim's record
    (``unrated``, ``credibility_max``, ``attributed``), in listing order: by article id, then position.

    The claims of the sources (``source``, ``origin``) and of the verdicts asked for are read first
    (index look-ups by source, a desk's few verdicts). With a search index the result is an
    iterator that reads the index as it is consumed and checks the other criteria on its claims a
    few hundred at a time, so a first page costs about a page. Without one, those claims, or the
    search words', are checked the same way, all of them; only a filter of none of these (an
    article, a kind, a time alone) is one query over every claim. The claims the desk's
    corrections touch are judged on their corrected records (:mod:`provenance.rdf.corrected_filters`).
    """
    corrected = corrected_filters.affected(store, wanted, lambda reference: source_iris(store, reference))
    reviewed = reviewed_claims(store) if wanted.verdict is not None else {}
    found = _stored_candidates(store, wanted, scheme, corrected, reviewed)
    if corrected is None or not corrected.claims:
        return found
    # The claims corrections touch are judged on their corrected records, and take their places in the order.
    made = [Candidate(*row) for row in corrected_filters.admitted(store, wanted, corrected, reviewed)]
    kept = (candidate for candidate in found if candidate.claim not in corrected.claims)
    return heapq.merge(kept, made, key=lambda candidate: (candidate.article, candidate.start, candidate.claim))


def _stored_candidates(store, wanted: ClaimFilter, scheme: IriScheme, corrected, reviewed) -> Iterable[Candidate]:
    """:func:`candidates` as the store's graphs answer them, corrections aside."""
    index = _search_index(store)
    keep: set[str] | None = None
    keyed: list[tuple[str, ...]] = []
    for reference, origin, given in ((wanted.source, False, corrected and corrected.sources),
                                     (wanted.origin, True, corrected and corrected.origins)):
        if reference is not None:
            iris = sorted(given) if given else source_iris(store, reference)
            if index is not None:
                key = origin_key if origin else source_key
                keyed.append(tuple(key(iri) for iri in iris))
            else:
                claims = claims_of_sources(store, iris, origin=origin)
                keep = claims if keep is None else keep & claims
    if wanted.verdict not in (None, "none"):
        classes = VERDICT_CLASSES[wanted.verdict]
        claims = {iri for iri, outcomes in reviewed.items() if outcomes & classes}
        keep = claims if keep is None else keep & claims
    if index is not None:
        return _indexed(store, index, wanted, scheme, keep, reviewed, keyed)
    if wanted.search is not None and store.ask(ANY_SEARCH_WORD):
        rows = _searched_rows(store, wanted, scheme, keep)
    elif keep is not None:
        query, bindings = candidate_query(store, wanted, scheme, keys=False)
        rows = listing_keys(store, _checked(store, query, bindings, sorted(keep)))
    else:
        query, bindings = candidate_query(store, wanted, scheme)
        rows = _values(store, query, bindings)
    chosen = [Candidate(row[0], row[1], int(row[2])) for row in rows]
    if wanted.verdict == "none":
        chosen = [candidate for candidate in chosen if candidate.claim not in reviewed]
    unique = {candidate.claim: candidate for candidate in chosen}
    return sorted(unique.values(), key=lambda candidate: (candidate.article, candidate.start, candidate.claim))


def _search_index(store):
    search_index = getattr(store, "search_index", None)
    return None if search_index is None else search_index()


def _indexed(store, index, wanted: ClaimFilter, scheme: IriScheme, keep: set[str] | None,
             reviewed: dict[str, set[str]], keyed: list[tuple[str, ...]]) -> Iterator[Candidate]:
    """The claims ``wanted`` selects, in listing order from the search index, checked for the rest as they come.

    The index gives the claims of the search words and of the sources' keys (``keyed``: one tuple
    per source criterion, the keys of every source it names), or of the article, or all, in
    listing order; the claims of verdicts (``keep``) are put in order by its keys.
    """
    found: Iterator[Candidate]
    words = (_search_forms(wanted) if wanted.search is not None else []) + keyed
    if words:
        found = (Candidate(claim, doc, start) for claim, doc, start in index.matches(words, doc=wanted.article))
        if keep is not None:
            found = (candidate for candidate in found if candidate.claim in keep)
    elif keep is not None:
        found = iter(_in_listing_order(store, index, keep, wanted.article))
    else:
        found = (Candidate(claim, doc, start) for claim, doc, start in index.listed(doc=wanted.article))
    if wanted.verdict == "none":
        found = (candidate for candidate in found if candidate.claim not in reviewed)
    rest = replace(wanted, search=None, article=None, source=None, origin=None, verdict=None)
    if rest.kind is not None or rest.since is not None or rest.before is not None:
        query, bindings = candidate_query(store, rest, scheme, keys=False)
        found = _checked_as_they_come(store, query, bindings, found)
    return found


def _in_listing_order(store, index, claims: set[str], doc: str | None) -> list[Candidate]:
    """``claims`` (of article ``doc``) in listing order, keyed by the index; a claim it does not hold by the RDF."""
    keys = index.keys(claims)
    chosen = [Candidate(claim, key[0], key[1]) for claim, key in keys.items()]
    missing = sorted(claims - keys.keys())
    if missing:
        rows = listing_keys(store, _checked(store, CLAIM_ARTICLES, {}, missing))
        chosen.extend(Candidate(row[0], row[1], int(row[2])) for row in rows)
    if doc is not None:
        chosen = [candidate for candidate in chosen if candidate.article == doc]
    return sorted(chosen, key=lambda candidate: (candidate.article, candidate.start, candidate.claim))


CLAIM_ARTICLES = "SELECT DISTINCT ?claim ?article WHERE { ?claim schema:isPartOf ?article . }"


def _checked_as_they_come(store, query: str, bindings: dict, found: Iterator[Candidate]) -> Iterator[Candidate]:
    """Those of ``found`` that ``query`` (``keys=False``) selects, in their order, a batch at a time."""
    while True:
        batch = list(itertools.islice(found, CLAIMS_PER_QUERY))
        if not batch:
            return
        kept = {claim for claim, _ in _checked(store, query, bindings, [candidate.claim for candidate in batch])}
        yield from (candidate for candidate in batch if candidate.claim in kept)


def _checked(store, query: str, bindings: dict, claims: list[str]) -> list[tuple[str, str]]:
    """``(claim, article)`` of those of ``claims`` (IRIs) that ``query`` (``keys=False``) selects, a batch at a time."""
    kept: list[tuple[str, str]] = []
    for first in range(0, len(claims), CLAIMS_PER_QUERY):
        bound = {**bindings, "claim": [NamedNode(iri) for iri in claims[first:first + CLAIMS_PER_QUERY]]}
        kept.extend(dict.fromkeys((row[0], row[1]) for row in _values(store, query, bound)))
    return kept


def _searched_rows(store, wanted: ClaimFilter, scheme: IriScheme, keep: set[str] | None):
    """Rows ``[claim, doc, start]`` of the claims with every search word (and in ``keep``, if given).

    The claims of the rarest word (each word's claims counted first, without reading them), or
    ``keep`` when fewer, are read and checked for the rest bound by VALUES: the store looks each of
    them up, where one query joining a common word's claims ("agency": two thirds of 100k) with a
    rare one's read all of the common word's first (5-8 s against a few hundred milliseconds,
    measured on 100k synthetic claims).
    """
    forms = _search_forms(wanted)
    counts = [int(store.select(WORD_COUNT, {"word": [Literal(form) for form in word_forms]})[0]["claims"].value)
              for word_forms in forms]
    rarest = min(range(len(forms)), key=counts.__getitem__)
    if keep is not None and len(keep) < counts[rarest]:
        claims, words = sorted(keep), forms
    else:
        found = store.select(WORD_CLAIMS, {"word": [Literal(form) for form in forms[rarest]]})
        claims = [row["claim"].value for row in found if keep is None or row["claim"].value in keep]
        words = [word_forms for number, word_forms in enumerate(forms) if number != rarest]
    query, bindings = candidate_query(store, wanted, scheme, words=words, keys=False)
    return listing_keys(store, _checked(store, query, bindings, claims))


ARTICLE_IDS = "SELECT ?article ?doc WHERE { ?article schema:identifier ?doc }"
POSITION_STARTS = "SELECT ?position ?start WHERE { ?position oa:start ?start }"
#: The mapping names a claim's first span selector so (provenance.rdf.mapping, ``text_target``).
FIRST_SPAN_POSITION = "#target-0-position"


def listing_keys(store, claims: list[tuple[str, str]]):
    """Rows ``[claim, doc, start]`` of ``(claim, article)`` pairs: what orders a listing.

    The article's id is read once per article, the start of the claim's first span from its
    position selector, whose IRI the mapping derives from the claim's: two look-ups a claim instead
    of the seven of the joins from claim to annotation, target and selector.
    """
    docs: dict[str, str] = {}
    articles = list(dict.fromkeys(article for _, article in claims))
    for first in range(0, len(articles), CLAIMS_PER_QUERY):
        batch = [NamedNode(article) for article in articles[first:first + CLAIMS_PER_QUERY]]
        docs.update((row[0], row[1]) for row in _values(store, ARTICLE_IDS, {"article": batch}))
    starts: dict[str, str] = {}
    for first in range(0, len(claims), CLAIMS_PER_QUERY):
        batch = [NamedNode(claim + FIRST_SPAN_POSITION) for claim, _ in claims[first:first + CLAIMS_PER_QUERY]]
        starts.update((row[0], row[1]) for row in _values(store, POSITION_STARTS, {"position": batch}))
    for claim, article in claims:
        if article in docs:
            yield [claim, docs[article], starts.get(claim + FIRST_SPAN_POSITION, "-1")]


def claims_of_sources(store, sources: list[str], *, origin: bool) -> set[str]:
    """The claims whose chains pass through (``origin``: start at) any of ``sources`` (IRIs).

    The hops attributed to them are looked up, and each claim read off its hop's IRI, which the
    mapping derives from the claim's: a join from hop to claim decoded every claim's IRI again
    (26,683 claims of one agency at 1M: 2.0 s against 0.5 s). Hops named otherwise (imported from
    elsewhere) are joined.
    """
    claims: set[str] = set()
    other: list[str] = []
    for hop in column(store, HOPS_OF, {"source": [NamedNode(iri) for iri in sources]}):
        stem, mark, index = hop.rpartition(HOP_MARK)
        if mark and index.isdigit():
            if not origin or index == "0":
                claims.add(stem)
        else:
            other.append(hop)
    for first in range(0, len(other), CLAIMS_PER_QUERY):
        bound = {"hop": [NamedNode(hop) for hop in other[first:first + CLAIMS_PER_QUERY]]}
        claims.update(column(store, ORIGIN_OF if origin else STATEMENT_OF, bound))
    return claims


def column(store, query: str, bindings: dict) -> Iterator[str]:
    """The values of a one-variable SELECT, as text: serialised by the store itself where it can
    (``select_values``), not a Python term each (26k claims of a source: 0.8 s against 2.2 s at 1M)."""
    select_values = getattr(store, "select_values", None)
    if select_values is not None:
        return (row[0] for row in select_values(query, bindings))
    return (next(iter(row.values())).value for row in store.select(query, bindings))


def _values(store, query: str, bindings: dict):
    select_values = getattr(store, "select_values", None)
    if select_values is not None:
        return select_values(query, bindings)
    return ([row[name].value for name in ("claim", "doc", "start")] for row in store.select(query, bindings))


SOURCES_CALLED = "SELECT DISTINCT ?source WHERE { ?hop cp:sourceName ?given ; prov:wasAttributedTo ?source }"
SOURCES_NAMED = "SELECT DISTINCT ?source WHERE { ?source schema:name ?given }"
IS_SOURCE = "ASK { ?hop prov:wasAttributedTo ?source }"
HOP_NAMES = "SELECT DISTINCT ?given WHERE { ?hop cp:sourceName ?given }"


def source_iris(store, reference: str) -> list[str]:
    """The IRIs of the sources ``reference`` names: an IRI, or a name (every anonymous source of that name).

    A name is looked up as written on the hops, in its usual spellings (as given, capitalised,
    upper and lower case: index look-ups); failing that, the distinct names are read and compared
    without case and accents.
    """
    reference = " ".join(reference.split())
    if "://" in reference or reference.startswith("urn:"):
        return [reference]
    spellings = list(dict.fromkeys([reference, reference.title(), reference.capitalize(), reference.upper(), reference.lower()]))
    given = {"given": [Literal(name) for name in spellings]}
    # The sources of that name first (an index look-up per spelling), then the names written on the hops
    # (which may name a source otherwise: every hop of that name is read, 1.1 s for 27k hops at 1M).
    found = {iri for iri in column(store, SOURCES_NAMED, given) if store.ask(IS_SOURCE, {"source": NamedNode(iri)})}
    if not found:
        found = set(column(store, SOURCES_CALLED, given))
    if not found:
        wanted = fold(reference)
        names = [row["given"].value for row in store.select(HOP_NAMES) if fold(row["given"].value) == wanted]
        if names:
            found = set(column(store, SOURCES_CALLED, {"given": [Literal(name) for name in names]}))
    if not found:
        raise NotFound(f"no source called {reference!r} in the store; 'provenance sources' lists them")
    return sorted(found)


def reviewed_claims(store) -> dict[str, set[str]]:
    """Claim IRI -> the outcomes of its verdicts (``false``, ``mostly-true``, …; ``unknown`` for a text the table does not know)."""
    reviewed: dict[str, set[str]] = {}
    for verdict in ratings.verdicts(store):
        reviewed.setdefault(verdict.claim, set()).add(verdict.outcome or "unknown")
    return reviewed
