"""The claims a :class:`~provenance.model.filters.ClaimFilter` selects, found by bound SPARQL on any store.

The criteria the store's indexes answer are one query: the search words (``cp:searchWord``,
written at ingest: a look-up of each word's forms, never a scan of the texts), the article, a
source kind on any hop, and when the claim was first stored. The sources a chain passes through or
starts at are looked up by their IRIs, a query each, and the verdicts (a desk's few) are read
whole; their claim sets are intersected in Python. Every user value enters as a bound term
(:func:`provenance.storage.sparql_text.bind_values`); the query text is made only of fixed
fragments, numbered per search word.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from provenance.errors import NotFound
from provenance.model.filters import VERDICT_CLASSES, ClaimFilter, instant_text
from provenance.model.search_words import fold, query_forms
from provenance.rdf import ratings
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

THROUGH_SOURCES = "SELECT DISTINCT ?claim ?source WHERE { ?hop prov:wasAttributedTo ?source ; cp:statementOf ?claim }"
FROM_ORIGINS = "SELECT DISTINCT ?claim ?source WHERE { ?claim prov:hadPrimarySource ?hop . ?hop prov:wasAttributedTo ?source }"


@dataclass(frozen=True)
class Candidate:
    """A claim a filter's store criteria select, with what orders the listing."""

    claim: str
    article: str
    start: int


def _word_fragment(number: int, forms: tuple[str, ...]) -> tuple[str, dict[str, Literal]]:
    names = [f"word{number}_{index}" for index in range(len(forms))]
    text = "\n  { " + " } UNION { ".join(f"?claim cp:searchWord ?{name}" for name in names) + " }"
    return text, {name: Literal(form) for name, form in zip(names, forms)}


def candidate_query(store, wanted: ClaimFilter, scheme: IriScheme) -> tuple[str, dict]:
    """The SELECT of the claims (``?claim ?doc ?start``) that the store-side criteria of ``wanted`` select, and its bindings."""
    where = _BASE
    bindings: dict = {}
    projected = ["?claim", "?doc", "?start"]
    if wanted.search is not None:
        forms = query_forms(wanted.search)
        if not forms:
            raise NotFound(f"{wanted.search!r} has only function words (the, der, und, …): give a word that says something")
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
        projected.append("?article")
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


def candidates(store, wanted: ClaimFilter, scheme: IriScheme) -> list[Candidate]:
    """The claims ``wanted`` selects by everything but the criteria that need a claim's record
    (``unrated``, ``credibility_max``, ``attributed``), in listing order: by article id, then position."""
    query, bindings = candidate_query(store, wanted, scheme)
    found = {row[0]: Candidate(row[0], row[1], int(row[2])) for row in _values(store, query, bindings)}
    keep: set[str] | None = None
    for reference, select in ((wanted.source, THROUGH_SOURCES), (wanted.origin, FROM_ORIGINS)):
        if reference is not None:
            sources = source_iris(store, reference)
            claims = {row["claim"].value for row in store.select(select, {"source": [NamedNode(iri) for iri in sources]})}
            keep = claims if keep is None else keep & claims
    if wanted.verdict is not None:
        reviewed = reviewed_claims(store)
        if wanted.verdict == "none":
            found = {iri: candidate for iri, candidate in found.items() if iri not in reviewed}
        else:
            classes = VERDICT_CLASSES[wanted.verdict]
            claims = {iri for iri, outcomes in reviewed.items() if outcomes & classes}
            keep = claims if keep is None else keep & claims
    chosen = found.values() if keep is None else (found[iri] for iri in keep if iri in found)
    return sorted(chosen, key=lambda candidate: (candidate.article, candidate.start, candidate.claim))


def _values(store, query: str, bindings: dict):
    select_values = getattr(store, "select_values", None)
    if select_values is not None:
        return select_values(query, bindings)
    return ([row[name].value for name in ("claim", "doc", "start")] for row in store.select(query, bindings))


SOURCES_CALLED = "SELECT DISTINCT ?source ?given WHERE { ?hop cp:sourceName ?given ; prov:wasAttributedTo ?source }"
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
    found = {row["source"].value for row in store.select(SOURCES_CALLED, {"given": [Literal(name) for name in spellings]})}
    if not found:
        wanted = fold(reference)
        names = [row["given"].value for row in store.select(HOP_NAMES) if fold(row["given"].value) == wanted]
        if names:
            found = {row["source"].value for row in store.select(SOURCES_CALLED, {"given": [Literal(name) for name in names]})}
    if not found:
        raise NotFound(f"no source called {reference!r} in the store; 'provenance sources' lists them")
    return sorted(found)


def reviewed_claims(store) -> dict[str, set[str]]:
    """Claim IRI -> the outcomes of its verdicts (``false``, ``mostly-true``, …; ``unknown`` for a text the table does not know)."""
    reviewed: dict[str, set[str]] = {}
    for verdict in ratings.verdicts(store):
        reviewed.setdefault(verdict.claim, set()).add(verdict.outcome or "unknown")
    return reviewed
