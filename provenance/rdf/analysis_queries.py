"""Lean reads for the corpus analysis: four flat SELECTs instead of one wide join, for stores of a million claims.

:func:`provenance.rdf.queries.claim_records` joins spans, cues and affiliations that the analysis never
looks at; here claims, hops, sources and articles are read separately (no OPTIONAL over the claims)
and stitched together in Python, sharing one SourceRef and ArticleRef per IRI.
"""

from __future__ import annotations

from collections import defaultdict

from provenance.model import MODES
from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
from provenance.rdf.vocab import local_suffix, mode_term

CLAIMS = """
SELECT ?claim ?text ?article WHERE { ?claim schema:isPartOf ?article ; schema:text ?text . }
"""

CLAIMS_IN_MODE = "SELECT ?claim ?mode WHERE { ?claim cp:mode ?mode }"

HEDGED_CLAIMS = "SELECT ?claim WHERE { ?claim cp:hedged true }"

HOPS = """
SELECT ?claim ?index ?source WHERE {
  ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source .
}
"""

KINDS = "SELECT DISTINCT ?source ?kind WHERE { ?source cp:kind ?kind }"

NAMES = "SELECT DISTINCT ?agent ?name WHERE { ?agent schema:name ?name }"

RATINGS_IN_FORCE = """
SELECT ?source ?reliability WHERE {
  ?rating schema:about ?source ; cp:reliability ?reliability .
  FILTER NOT EXISTS { ?rating prov:invalidatedAtTime ?replaced }
}
"""

ARTICLES = """
SELECT ?article ?doc ?publisher WHERE {
  ?article a schema:NewsArticle ; schema:identifier ?doc .
  OPTIONAL { ?article schema:publisher ?publisher }
}
"""

CLAIM_TEXTS = "SELECT ?claim ?text WHERE { ?claim a schema:Claim ; schema:text ?text }"


def corpus_records(store) -> list[ClaimRecord]:
    """Every claim with its chain, origin first; ordered by article id and claim IRI.

    Each query is a scan of one or two patterns: a shared agent is described again in every article
    graph that mentions it, so joining an agent's name to its kind or to an article (across graphs)
    would multiply rows by the number of articles; names and kinds are read on their own instead.
    A hop's reliability is its source's rating in force (:mod:`provenance.rdf.ratings`).
    A claim's mode is asked for one mode at a time (the mode is bound, only the claim is read back),
    and hedging by asking for the hedged claims only.
    """
    names = {row["agent"].value: row["name"].value for row in store.select(NAMES)}
    articles = {}
    for row in store.select(ARTICLES):
        publisher = row["publisher"].value if "publisher" in row else None
        articles[row["article"].value] = ArticleRef(
            iri=row["article"].value,
            id=row["doc"].value,
            publisher=None if publisher is None else names.get(publisher, publisher),
            publisher_iri=publisher,
        )
    reliability = {
        row["source"].value: local_suffix(row["reliability"].value, "reliability-") for row in store.select(RATINGS_IN_FORCE)
    }
    sources = {
        row["source"].value: SourceRef(
            iri=row["source"].value,
            name=names.get(row["source"].value, row["source"].value),
            kind=local_suffix(row["kind"].value, "kind-"),
            reliability=reliability.get(row["source"].value),
        )
        for row in store.select(KINDS)
    }
    del names
    hops: dict[str, list[tuple[int, SourceRef]]] = defaultdict(list)
    for row in store.select(HOPS):
        hops[row["claim"].value].append((int(row["index"].value), sources[row["source"].value]))
    modes: dict[str, str] = {}
    for mode in MODES:
        for row in store.select(CLAIMS_IN_MODE, {"mode": mode_term(mode)}):
            modes[row["claim"].value] = mode
    hedged = {row["claim"].value for row in store.select(HEDGED_CLAIMS)}
    records = []
    for row in store.select(CLAIMS):
        iri = row["claim"].value
        chain = hops.get(iri)
        records.append(
            ClaimRecord(
                iri=iri,
                article=articles[row["article"].value],
                text=row["text"].value,
                mode=modes.get(iri, "indirect" if chain else "unattributed"),
                hedged=iri in hedged,
                chain=tuple(source for _, source in sorted(chain)) if chain else (),
            )
        )
    records.sort(key=lambda record: (record.article.id, record.iri))
    return records


def article_count(store) -> int:
    """The number of stored articles."""
    rows = store.select("SELECT (COUNT(?article) AS ?n) WHERE { ?article a schema:NewsArticle }")
    return int(rows[0]["n"].value) if rows else 0


def claim_texts(store) -> list[tuple[str, str]]:
    """``(claim IRI, text)`` of every stored claim, to find the claims that say the same as one."""
    return [(row["claim"].value, row["text"].value) for row in store.select(CLAIM_TEXTS)]

