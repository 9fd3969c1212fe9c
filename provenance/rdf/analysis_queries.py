"""Lean reads for the corpus analysis: single-pattern scans stitched together in Python, for a million claims.

:func:`provenance.rdf.queries.claim_records` answers one wide join with OPTIONALs, which on the
embedded on-disk store costs a random lookup per joined pattern and row (measured: 20 s for the hops
of 100k claims). Here every query is one triple pattern, a sequential scan of one index; rows are
matched up by IRI in Python, sharing one SourceRef and ArticleRef per IRI. Shared agents are
described again in every article graph that mentions them, so their names and kinds are read with
DISTINCT, never joined.

Articles written since ``cp:corpusSummary`` exists carry one JSON literal with everything read
here (:func:`provenance.rdf.mapping.corpus_summary`); when every stored article has one, the claims
are read from those alone: one scan, one decoded value per article instead of about ten per claim
(1M claims: 17 s instead of 120; see ``benchmarks/bench_report.py``). Otherwise (stores written before) the scans below.

Rows come as plain strings from ``Store.select_values`` (the embedded store serialises them as
SPARQL CSV itself, several times faster than building a Python term per value).
"""

from __future__ import annotations

import gc
import json
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import pyoxigraph as ox

from provenance.model import MODES
from provenance.model.records import ArticleRef, ClaimRecord, SourceRef, instance_maker
from provenance.model.wording import same_claim_keys
from provenance.rdf.corrected import corrected_records, made_candidates
from provenance.rdf.vocab import PREFIXES, local_suffix, mode_term
from provenance.storage.base import gather

PART_OF = "SELECT ?claim ?article WHERE { ?claim schema:isPartOf ?article }"
TEXTS = "SELECT ?subject ?text WHERE { ?subject schema:text ?text }"
IN_MODE = "SELECT ?claim ?mode WHERE { ?claim cp:mode ?mode }"
HEDGED = "SELECT ?claim WHERE { ?claim cp:hedged true }"
STATEMENT_OF = "SELECT ?hop ?claim WHERE { ?hop cp:statementOf ?claim }"
HOP_INDEX = "SELECT ?hop ?index WHERE { ?hop cp:hopIndex ?index }"
HOP_SAMPLE = "SELECT ?hop ?claim ?index WHERE { ?hop cp:statementOf ?claim ; cp:hopIndex ?index } LIMIT 200"
HOP_MARK = "/hop/"
ATTRIBUTED_TO = "SELECT ?entity ?agent WHERE { ?entity prov:wasAttributedTo ?agent }"
KINDS = "SELECT DISTINCT ?source ?kind WHERE { ?source cp:kind ?kind }"
NAMES = "SELECT DISTINCT ?agent ?name WHERE { ?agent schema:name ?name }"
IDENTIFIERS = "SELECT ?article ?doc WHERE { ?article a schema:NewsArticle ; schema:identifier ?doc }"
PUBLISHERS = "SELECT ?article ?publisher WHERE { ?article schema:publisher ?publisher }"
RATINGS_IN_FORCE = """
SELECT ?source ?reliability WHERE {
  ?rating schema:about ?source ; cp:reliability ?reliability .
  FILTER NOT EXISTS { ?rating prov:invalidatedAtTime ?replaced }
}
"""
SUMMARIES = "SELECT ?summary WHERE { ?article cp:corpusSummary ?summary }"
SUMMARISED = "SELECT (COUNT(?summary) AS ?n) WHERE { ?article cp:corpusSummary ?summary }"
COMMON_MODE = "indirect"
CLAIM_TEXTS_WITH = """
SELECT ?claim ?text ?first ?second ?third WHERE {
  ?claim schema:isPartOf ?article ; schema:text ?text .
  FILTER(CONTAINS(LCASE(?text), ?first) || CONTAINS(LCASE(?text), ?second) || CONTAINS(LCASE(?text), ?third))
}
"""
WORD = re.compile(r"\w+")


def values(store, query: str, bindings: Mapping[str, object] | None = None) -> Iterator[list[str]]:
    """The rows of a SELECT as lists of plain strings (IRIs and lexical forms), in the order projected.

    Every projected variable must be bound in every row (the queries here have no OPTIONAL).
    """
    select_values = getattr(store, "select_values", None)
    if select_values is not None:
        yield from select_values(query, bindings)
        return
    rows = store.select(query, bindings)
    if not rows:
        return
    names = list(rows[0])
    for row in rows:
        yield [row[name].value for name in names]


def corpus_records(store, *, texts: bool = True) -> list[ClaimRecord]:
    """Every claim with its chain, origin first, and its source's rating in force; ordered by article id and IRI.

    With ``texts=False`` the claims' texts, modes and hedging are not read (``text`` is empty, ``mode``
    "indirect" or "unattributed"): enough for counting sources, and a third cheaper.
    A claim's mode is read one mode at a time (the mode bound, only claims read back), except the
    common one (indirect), which is what a claim in none of the others has; hedging by reading the
    hedged claims only. The records are the corrected view (:mod:`provenance.rdf.corrected`).
    """
    with _collector_paused():
        return corrected_records(store, _corpus_records(store, texts=texts), order=_by_article_and_iri)


def _by_article_and_iri(record: ClaimRecord):
    return record.article.id, record.iri


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while the records are built: millions of small acyclic
    objects, which every collection of the oldest generation would walk again (1M claims: 28 -> 22 s of CPU)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _corpus_records(store, *, texts: bool) -> list[ClaimRecord]:
    intern = sys.intern
    summarised = _summarised(store)
    # Four scans that wait for nothing: side by side (on 1M claims the embedded store takes 3.8 s
    # for the three large ones together, 7.5 s one after the other; see storage.base.gather).
    summaries, names, kinds, reliability = gather(
        store,
        lambda: _summaries(store) if summarised else None,
        lambda: dict(values(store, NAMES)),
        lambda: list(values(store, KINDS)),
        lambda: dict(values(store, RATINGS_IN_FORCE)),
    )
    sources = _sources(names, kinds, reliability)
    del kinds
    if summaries is not None:
        records = _summarised_records(summaries, names, sources, texts=texts)
        if records is not None:
            return records
    del summaries
    publishers = dict(values(store, PUBLISHERS))
    articles = {}
    for article, doc in values(store, IDENTIFIERS):
        publisher = publishers.get(article)
        articles[article] = ArticleRef(iri=article, id=doc, publisher=None if publisher is None else names.get(publisher),
                                       publisher_iri=publisher)
    del publishers
    del names
    claim_article = {intern(claim): article for claim, article in values(store, PART_OF)}
    chains: dict[str, list[tuple[int, SourceRef]]] = {}
    for claim, index, agent in _hops(store):
        source = sources.get(agent)
        if source is not None:
            chains.setdefault(claim, []).append((index, source))
    if not texts:
        records = [
            ClaimRecord(iri=claim, article=articles[article], text="",
                        mode=COMMON_MODE if claim in chains else "unattributed",
                        hedged=False, chain=tuple(source for _, source in sorted(chains.get(claim, ()), key=_position)))
            for claim, article in claim_article.items()
            if article in articles
        ]
        records.sort(key=lambda record: (record.article.id, record.iri))
        return records
    modes: dict[str, str] = {}
    for mode in MODES:
        if mode != COMMON_MODE:
            modes.update((row[0], mode) for row in values(store, IN_MODE, {"mode": mode_term(mode)}))
    hedged = {claim for (claim,) in values(store, HEDGED)}
    records = []
    for subject, text in values(store, TEXTS):
        article = claim_article.get(subject)
        if article is None or article not in articles:
            continue
        chain = chains.get(subject)
        records.append(
            ClaimRecord(
                iri=intern(subject),
                article=articles[article],
                text=text,
                mode=modes.get(subject, COMMON_MODE),
                hedged=subject in hedged,
                chain=tuple(source for _, source in sorted(chain, key=_position)) if chain else (),
            )
        )
    records.sort(key=lambda record: (record.article.id, record.iri))
    return records


def _sources(names: dict[str, str], kinds: list[list[str]], ratings: dict[str, str]) -> dict[str, SourceRef]:
    """Every source that has a kind (the rows of :data:`KINDS`), with its name and its rating in force
    (:data:`RATINGS_IN_FORCE`), by IRI."""
    reliability = {source: local_suffix(letter, "reliability-") for source, letter in ratings.items()}
    return {
        source: SourceRef(iri=source, name=names.get(source, source), kind=local_suffix(kind, "kind-"),
                          reliability=reliability.get(source))
        for source, kind in kinds
    }


def _summarised(store) -> bool:
    """Whether every stored article has its ``cp:corpusSummary`` (stores written before it have none)."""
    articles = article_count(store)
    if not articles:
        return False
    rows = list(values(store, SUMMARISED))
    return bool(rows) and int(rows[0][0]) == articles


def _summaries(store) -> list[list] | None:
    """Every article's ``cp:corpusSummary``, decoded, ordered by document id; None when one is not JSON
    of the shape the mapping writes."""
    loads = json.loads
    try:
        articles = [loads(summary) for (summary,) in values(store, SUMMARIES)]
        articles.sort(key=_second)
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return articles


def _summarised_records(summaries: list[list], names: dict[str, str], sources: dict[str, SourceRef], *,
                        texts: bool) -> list[ClaimRecord] | None:
    """:func:`corpus_records` from the articles' ``cp:corpusSummary`` literals (:func:`_summaries`): one
    scan, one value per article.

    Gives the same records in the same order as the scans of the claim and statement triples: a
    hop whose source has no kind is left out of the chain, as there. None when a summary is not
    what the mapping writes (edited, or imported from another tool): then the scans read the
    triples themselves.
    """
    intern = sys.intern
    get_source = sources.get
    record = instance_maker(ClaimRecord, ("iri", "article", "text", "mode", "hedged", "chain"))
    records = []
    append = records.append
    try:
        for article_iri, doc, publisher, claims in summaries:
            article = ArticleRef(iri=article_iri, id=doc, publisher=None if publisher is None else names.get(publisher),
                                 publisher_iri=publisher)
            claims.sort(key=_first)
            for claim, mode, hedged, text, hops in claims:
                chain = tuple([source for source in map(get_source, hops) if source is not None])
                if texts:
                    append(record(intern(claim), article, text, intern(mode), hedged, chain))
                else:
                    append(record(claim, article, "", COMMON_MODE if chain else "unattributed", False, chain))
    except (ValueError, TypeError, AttributeError):
        return None
    return records


def _first(row):
    return row[0]


def _second(row):
    return row[1]


def _hops(store) -> Iterator[tuple[str, int, str]]:
    """``(claim, index, source)`` of every hop.

    The mapping names a claim's hops ``<claim>/hop/<index>``; when a sample of the store confirms
    that (``cp:statementOf`` and ``cp:hopIndex`` say the same as the IRI), one scan of
    ``prov:wasAttributedTo`` is enough, else the statement and index are read by scans of their own.
    """
    intern = sys.intern
    sample = list(values(store, HOP_SAMPLE))
    if all(hop == f"{claim}{HOP_MARK}{index}" for hop, claim, index in sample):
        for entity, agent in values(store, ATTRIBUTED_TO):
            claim, mark, index = entity.rpartition(HOP_MARK)
            if mark and index.isdigit():
                yield intern(claim), int(index), agent
        return
    hop_claim = {hop: intern(claim) for hop, claim in values(store, STATEMENT_OF)}
    hop_index = {hop: int(index) for hop, index in values(store, HOP_INDEX) if hop in hop_claim}
    for entity, agent in values(store, ATTRIBUTED_TO):
        if entity in hop_claim:
            yield hop_claim[entity], hop_index[entity], agent


def _position(hop: tuple[int, SourceRef]) -> int:
    return hop[0]


def article_count(store) -> int:
    """The number of stored articles."""
    rows = store.select("SELECT (COUNT(?article) AS ?n) WHERE { ?article a schema:NewsArticle }")
    return int(rows[0]["n"].value) if rows else 0


SHARING_KEYS = "SELECT DISTINCT ?claim ?text WHERE { ?claim cp:sameClaimKey ?key ; schema:text ?text }"
ANY_KEY = "ASK { ?claim cp:sameClaimKey ?key }"


def same_claim_candidates(store, text: str) -> list[tuple[str, str]]:
    """``(claim IRI, text)`` of the stored attributed claims that may say the same as ``text``.

    The claims that share one of its same-claim keys (:func:`provenance.model.wording.same_claim_keys`),
    found by index look-ups: a few milliseconds on a million claims. A store written before the keys
    existed (it has none) is searched by :func:`claim_texts_sharing_words`, a scan of every text.
    """
    keys = same_claim_keys(text)
    if not keys:
        return []
    found = [(row[0], row[1]) for row in values(store, SHARING_KEYS, {"key": [ox.Literal(key) for key in keys]})]
    if not found and not store.ask(ANY_KEY):
        found = claim_texts_sharing_words(store, text)
    return found + made_candidates(store, text, found)


SHARING_KEYS_WITH = """
SELECT DISTINCT ?other ?text WHERE { ?claim cp:sameClaimKey ?key . ?other cp:sameClaimKey ?key ; schema:text ?text }
"""


def claims_sharing_keys_with(store, claim: str) -> list[tuple[str, str]]:
    """``(claim IRI, text)`` of the claims that share a stored same-claim key with ``claim``, itself included.

    Empty when the claim has no keys (an unattributed claim, a store written before them) or is unknown.
    """
    try:
        bound = {"claim": ox.NamedNode(claim)}
    except ValueError:
        return []
    found = [(row[0], row[1]) for row in values(store, SHARING_KEYS_WITH, bound)]
    text = next((found_text for iri, found_text in found if iri == claim), None)
    return found + made_candidates(store, text, found) if text is not None else found


def claim_texts_sharing_words(store, text: str) -> list[tuple[str, str]]:
    """``(claim IRI, text)`` of the stored claims that contain one of the three longest words of ``text``.

    The candidates among which :func:`provenance.analysis.clusters.matching_claims` looks for the same
    claim: a claim that says the same shares its longest words, and the store filters the texts
    without handing every one of them to Python.
    """
    words = sorted(set(WORD.findall(text.lower())), key=lambda word: (-len(word), word))[:3]
    if not words:
        return []
    words += [words[0]] * (3 - len(words))
    bindings = {name: ox.Literal(word) for name, word in zip(("first", "second", "third"), words)}
    return [(row[0], row[1]) for row in values(store, CLAIM_TEXTS_WITH, bindings)]

