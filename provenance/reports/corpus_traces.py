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

# Every text position in the store: the mapping names a claim's span selectors
# ``<claim>#target-<i>-position`` and a hop's mention ``<claim>/hop/<i>#mention-position``
# (provenance.rdf.mapping), so one scan of two patterns finds them all; the joins from the claims
# through annotations and targets took 7 s for 10,000 claims on the embedded store, this scan 0.3 s.
POSITIONS = "SELECT ?position ?start ?end WHERE { ?position oa:start ?start ; oa:end ?end }"
CUES = "SELECT ?cue ?text WHERE { ?cue a cp:Cue ; schema:text ?text }"
_SPAN = "#target-"
_MENTION = "#mention-position"
_HOP = "/hop/"
_POSITION = "-position"


def _marks(store, texts: dict[str, str], article_of: dict[str, str]) -> tuple[dict, dict, dict]:
    """Each claim's spans, its hops' mentions (start, end, words) and its cue text, by claim IRI."""
    spans: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    mentions: dict[str, dict[int, tuple[int, int, str]]] = defaultdict(dict)
    for position, start, end in analysis_queries.values(store, POSITIONS):
        if position.endswith(_MENTION):
            hop = position[: -len(_MENTION)]
            claim, _, index = hop.rpartition(_HOP)
            text = texts.get(article_of.get(claim, ""), "")
            mentions[claim][int(index)] = (int(start), int(end), text[int(start):int(end)])
        elif _SPAN in position and position.endswith(_POSITION):
            claim, _, rest = position.rpartition(_SPAN)
            spans[claim][int(rest[: -len(_POSITION)])] = (int(start), int(end))
    cues = {cue.rpartition("#")[0]: text for cue, text in analysis_queries.values(store, CUES)}
    return spans, mentions, cues


def corpus_traces(store, findings: CorpusFindings, texts: dict[str, str],
                  wanted: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Claim IRI -> its trace data, for every claim of ``findings`` (or of the articles whose ids are ``wanted``).

    ``texts``: article IRI -> its text, where the mentions' words are read.
    """
    records: Sequence[ClaimRecord] = findings.records
    spans, mentions, cues = _marks(store, texts, {record.iri: record.article.iri for record in records})
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
