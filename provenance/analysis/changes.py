"""What changed in the corpus's findings between two states: the corpus as it was, and as it is.

The state before is the corpus without the claims stored since (``new`` claims): the findings of
both are computed by :func:`provenance.analysis.corpus.analyse_corpus`, and compared here, claim by
claim and source by source. A replaced article's old version is not kept by the store: its claims
that the new version still makes count as they are now (see :mod:`provenance.rdf.history`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from provenance.analysis.corpus import CorpusFindings, analyse_corpus
from provenance.model.records import ClaimRecord

#: Independent sources a claim needs to be corroborated.
CORROBORATED = 2


@dataclass(frozen=True)
class ClusterGain:
    """A cluster (the same claim in several articles) that one or more articles joined."""

    text: str
    articles: tuple[str, ...]
    gained: tuple[str, ...]
    independent_before: int
    independent_after: int


@dataclass(frozen=True)
class CorroborationChange:
    """A claim stored before whose independent sources crossed :data:`CORROBORATED`, one way or the other."""

    claim: ClaimRecord
    before: int
    after: int


@dataclass(frozen=True)
class FindingChanges:
    """The findings that the claims stored since gave the corpus."""

    clusters: list[ClusterGain]
    corroborated: list[CorroborationChange]
    uncorroborated: list[CorroborationChange]
    single_points_of_failure: list[tuple[str, int]]
    circles: list[tuple[str, ...]]
    labels: dict[str, tuple[str, str]]


def _independent(findings: CorpusFindings) -> dict[str, int]:
    """Claim IRI -> its independent sources: its cluster's, or its own chain's (1 attributed, 0 not)."""
    records = findings.records
    counts = {record.iri: 1 if record.chain else 0 for record in records}
    for cluster in findings.clusters:
        for member in cluster.members:
            counts[records[member].iri] = cluster.independent_sources
    return counts


def finding_changes(records: Sequence[ClaimRecord], new: Collection[str]) -> FindingChanges:
    """Compare the findings of ``records`` with those of ``records`` without the ``new`` claims (IRIs)."""
    after = analyse_corpus(records)
    before = analyse_corpus([record for record in records if record.iri not in new])
    independent_before, independent_after = _independent(before), _independent(after)
    article_of = {record.iri: record.article.id for record in records}

    clusters = []
    for cluster in after.clusters:
        members = [after.records[member].iri for member in cluster.members]
        old = [iri for iri in members if iri not in new]
        gained = tuple(sorted(set(cluster.articles) - {article_of[iri] for iri in old}))
        if old and gained:
            clusters.append(ClusterGain(
                text=after.records[cluster.members[0]].text, articles=tuple(cluster.articles), gained=gained,
                independent_before=max(independent_before.get(iri, 0) for iri in old),
                independent_after=cluster.independent_sources,
            ))

    corroborated, uncorroborated = [], []
    for record in after.records:
        if record.iri in new or not record.chain:
            continue
        was, now = independent_before.get(record.iri, 1), independent_after[record.iri]
        if was < CORROBORATED <= now:
            corroborated.append(CorroborationChange(record, was, now))
        elif now < CORROBORATED <= was:
            uncorroborated.append(CorroborationChange(record, was, now))

    failing_before = {point.source for point in before.single_points_of_failure}
    circles_before = {frozenset(circle.members) for circle in before.circles}
    return FindingChanges(
        clusters=clusters,
        corroborated=corroborated,
        uncorroborated=uncorroborated,
        single_points_of_failure=[(point.source, point.claims) for point in after.single_points_of_failure
                                  if point.source not in failing_before],
        circles=[circle.members for circle in after.circles if frozenset(circle.members) not in circles_before],
        labels=after.labels,
    )
