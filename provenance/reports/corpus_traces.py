"""Every claim's ``trace --json`` data at once, from the corpus analysis, for reports of a whole store.

A trace of one claim looks its same-claim candidates up and reads its record (a few milliseconds);
for the thousands of claims of an HTML report that is most of the time. Here the records are read
once (:func:`provenance.rdf.analysis_queries.corpus_records`), the clusters come from the corpus
analysis, and the spans, mentions and cues are read by three scans; each claim then gets the keys
of :func:`provenance.reports.claims.trace_data`, except that ``single_points_of_failure`` names
only the sources that every chain of a cluster (the same claim in several articles) passes through:
a relay of a lone claim is no single point of failure of anything but its own chain.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from provenance.analysis.corpus import CorpusFindings
from provenance.analysis.credibility import claim_credibility
from provenance.model.records import ClaimRecord
from provenance.rdf import analysis_queries, ratings
from provenance.reports.claims import origin_label

SPANS = """
SELECT ?claim ?index ?start ?end WHERE {
  ?annotation oa:hasBody ?claim ; oa:hasTarget ?target .
  ?target cp:spanIndex ?index ; oa:hasSelector ?position .
  ?position oa:start ?start ; oa:end ?end .
}
"""
MENTIONS = """
SELECT ?claim ?index ?start ?end ?mention WHERE {
  ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; cp:mentionedAt ?target .
  ?target oa:hasSelector ?position, ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?mention .
}
"""
CUES = "SELECT ?claim ?cue WHERE { ?claim cp:cue ?node . ?node schema:text ?cue }"


def _marks(store) -> tuple[dict, dict, dict]:
    spans: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for claim, index, start, end in analysis_queries.values(store, SPANS):
        spans[claim][int(index)] = (int(start), int(end))
    mentions: dict[str, dict[int, tuple[int, int, str]]] = defaultdict(dict)
    for claim, index, start, end, mention in analysis_queries.values(store, MENTIONS):
        mentions[claim][int(index)] = (int(start), int(end), mention)
    cues = {claim: cue for claim, cue in analysis_queries.values(store, CUES)}
    return spans, mentions, cues


def corpus_traces(store, findings: CorpusFindings, wanted: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Claim IRI -> its trace data, for every claim of ``findings`` (or of the articles whose ids are ``wanted``)."""
    records: Sequence[ClaimRecord] = findings.records
    spans, mentions, cues = _marks(store)
    reviews: dict[str, list] = defaultdict(list)
    for review in ratings.verdicts(store):
        reviews[review.claim].append(review)
    cluster_of: dict[int, Any] = {}
    for cluster in findings.clusters:
        for member in cluster.members:
            cluster_of[member] = cluster
    labels = findings.labels
    traces = {}
    for index, record in enumerate(records):
        if wanted is not None and record.article.id not in wanted:
            continue
        cluster = cluster_of.get(index)
        same = [records[member] for member in cluster.members if member != index] if cluster else []
        same = [other for other in same if other.chain]
        independent = (cluster.independent_sources if cluster else 1) if record.chain else 0
        credibility = claim_credibility(record, independent_sources=independent)
        contributions = {c.position: c for c in credibility.hops}
        marks = mentions.get(record.iri, {})
        hops = []
        for position, source in enumerate(record.chain):
            start, end, mention = marks.get(position, (None, None, None))
            contribution = contributions[position]
            hops.append({
                "position": position, "name": source.name, "kind": source.kind, "iri": source.iri,
                "affiliation": source.affiliation, "mention": mention, "start": start, "end": end,
                "reliability": source.reliability, "known": contribution.known, "factor": contribution.factor,
                "running": round(contribution.running, 4),
            })
        on_claims = [record, *same]
        articles = {other.iri: other.article.id for other in on_claims}
        traces[record.iri] = {
            "claim": {"id": record.iri, "short_id": record.short_id, "text": record.text, "mode": record.mode,
                      "hedged": record.hedged, "cue": cues.get(record.iri),
                      "spans": [list(span) for _, span in sorted(spans.get(record.iri, {}).items())]},
            "article": {"id": record.article.id, "iri": record.article.iri, "publisher": record.article.publisher},
            "hearsay_depth": len(record.chain),
            "origin_type": origin_label(record),
            "hops": hops,
            "credibility": {
                "digit": credibility.digit, "label": credibility.label,
                "probability": round(credibility.probability, 4),
                "chain_probability": round(credibility.chain_probability, 4),
                "mode_factor": credibility.mode_factor, "hedged_factor": credibility.hedged_factor,
                "independent_sources": credibility.independent_sources, "unknown_hops": credibility.unknown_hops,
                "hops": [{"position": c.position, "name": c.name, "reliability": c.reliability, "known": c.known,
                          "factor": c.factor, "running": round(c.running, 4)} for c in credibility.hops],
            },
            "independent_sources": independent,
            "single_points_of_failure": [labels.get(node, (node, ""))[0] for node in cluster.single_points_of_failure]
            if cluster and record.chain else [],
            "same_claim": [
                {"id": other.iri, "short_id": other.short_id, "article": other.article.id,
                 "publisher": other.article.publisher, "text": other.text, "chain": [s.name for s in other.chain]}
                for other in sorted(same, key=lambda other: (other.article.id, other.iri))
            ],
            "verdicts": [
                {"rating": review.rating, "outcome": review.outcome, "value": review.rating_value,
                 "author": review.author, "date": review.date, "url": review.url, "claim": review.claim,
                 "article": articles.get(review.claim)}
                for other in on_claims for review in reviews.get(other.iri, [])
            ],
        }
    return traces
