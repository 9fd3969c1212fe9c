"""Lean reads for the corpus analysis: four flat SELECTs instead of one wide join, for stores of a million claims.

:func:`provenance.rdf.queries.claim_records` joins spans, cues and affiliations that the analysis never
looks at; here claims, hops, sources and articles are read separately (no OPTIONAL over the claims)
and stitched together in Python, sharing one SourceRef and ArticleRef per IRI.
"""

from __future__ import annotations

from collections import defaultdict

from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
from provenance.rdf.vocab import local_suffix

CLAIMS = """
SELECT ?claim ?text ?article ?mode ?hedged WHERE {
  ?claim a schema:Claim ; schema:text ?text ; schema:isPartOf ?article ; cp:mode ?mode ; cp:hedged ?hedged .
}
"""

HOPS = """
SELECT ?claim ?index ?source WHERE {
  ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source .
}
"""

SOURCES = """
SELECT ?source ?name ?kind WHERE { ?source cp:kind ?kind ; schema:name ?name . }
"""

ARTICLES = """
SELECT ?article ?doc ?publisher ?publisherName WHERE {
  ?article a schema:NewsArticle ; schema:identifier ?doc .
  OPTIONAL { ?article schema:publisher ?publisher . ?publisher schema:name ?publisherName }
}
"""

CLAIM_TEXTS = "SELECT ?claim ?text WHERE { ?claim a schema:Claim ; schema:text ?text }"

def corpus_records(store) -> list[ClaimRecord]:
    """Every claim with its chain, origin first, read with four flat queries; ordered by article id and claim IRI."""
    mode_prefix = "mode-"
    articles = {
        row["article"].value: ArticleRef(
            iri=row["article"].value,
            id=row["doc"].value,
            publisher=row["publisherName"].value if "publisherName" in row else None,
            publisher_iri=row["publisher"].value if "publisher" in row else None,
        )
        for row in store.select(ARTICLES)
    }
    sources = {
        row["source"].value: SourceRef(
            iri=row["source"].value, name=row["name"].value, kind=local_suffix(row["kind"].value, "kind-")
        )
        for row in store.select(SOURCES)
    }
    hops: dict[str, list[tuple[int, SourceRef]]] = defaultdict(list)
    for row in store.select(HOPS):
        hops[row["claim"].value].append((int(row["index"].value), sources[row["source"].value]))
    modes: dict[str, str] = {}
    records = []
    for row in store.select(CLAIMS):
        iri = row["claim"].value
        mode_iri = row["mode"].value
        mode = modes.get(mode_iri)
        if mode is None:
            mode = modes[mode_iri] = local_suffix(mode_iri, mode_prefix)
        chain = hops.get(iri)
        records.append(
            ClaimRecord(
                iri=iri,
                article=articles[row["article"].value],
                text=row["text"].value,
                mode=mode,
                hedged=row["hedged"].value == "true",
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

