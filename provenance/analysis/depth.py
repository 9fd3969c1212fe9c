"""Hearsay depth and origin of claims: through how many hands a claim passed, and who said it first.

The hearsay depth of a claim is the number of sources in its chain, the origin included (the
article is the end of every chain and is not counted): "Tass reported, citing negotiation circles"
is depth 2; an unattributed claim has depth 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from provenance.model import ANONYMOUS_KINDS
from provenance.model.records import ClaimRecord


def hearsay_depth(record: ClaimRecord) -> int:
    """The number of sources in a claim's chain (0 when unattributed)."""
    return len(record.chain)


def origin_type(record: ClaimRecord) -> str:
    """``named``, ``anonymous`` or ``unattributed``: where a claim starts.

    >>> from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
    >>> circles = SourceRef(iri="urn:s:k", name="Verhandlungskreise", kind="anonymous-group")
    >>> origin_type(ClaimRecord(iri="urn:c", article=ArticleRef(iri="urn:a", id="a"), text="x",
    ...                         mode="indirect", hedged=False, chain=(circles,)))
    'anonymous'
    """
    if not record.chain:
        return "unattributed"
    return "anonymous" if record.chain[0].kind in ANONYMOUS_KINDS else "named"


def depth_histogram(records: Iterable[ClaimRecord]) -> dict[int, int]:
    """``{depth: number of claims}`` over all claims, unattributed ones at depth 0, depths ascending."""
    counts = Counter(len(record.chain) for record in records)
    return dict(sorted(counts.items()))


def origin_counts(records: Iterable[ClaimRecord]) -> dict[str, int]:
    """``{"named": n, "anonymous": n}`` over the attributed claims."""
    counts = {"named": 0, "anonymous": 0}
    for record in records:
        if record.chain:
            counts[origin_type(record)] += 1
    return counts


def origin_kinds(records: Iterable[ClaimRecord]) -> dict[str, int]:
    """``{kind: number of claims}`` of the origins of attributed claims, most frequent first."""
    counts = Counter(record.chain[0].kind for record in records if record.chain)
    return dict(counts.most_common())
