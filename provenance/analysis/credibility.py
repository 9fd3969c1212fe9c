"""Claim credibility: how far a claim can be believed, as an Admiralty digit 1-6, from its chain.

How it is computed, step by step (every number is in this module and in ``trace --json``):

1. Each hop transmits the claim faithfully with a probability set by its source's reliability:
   A 0.95, B 0.85, C 0.70, D 0.50, E 0.30. A source that is unrated, or rated F ("cannot be judged"),
   is *unknown* and gets 0.50: a coin toss, the value of knowing nothing. Unknown is never treated as
   good, and unknown hops are counted.
2. The chain's probability is the product over its hops (origin included): every hand the claim
   passes through can garble or invent it.
3. The mode scales it: direct quotation 1.00, indirect (reported speech) 0.95, reported without
   naming the words (*nach Informationen*, *sollen*) 0.85.
4. A hedged claim (*sollen*, *angeblich*, *reportedly*) is scaled by 0.80: the article itself doubts it.
5. Independent corroboration: with ``k`` independent sources for the same claim (node-disjoint paths,
   :func:`provenance.analysis.clusters.independent_sources`), ``p = 1 - (1 - p_chain) ** k``.
6. The digit: 6 "truth cannot be judged" when no hop of the chain is rated and there is no second
   independent source, or the claim is unattributed; otherwise 1 "confirmed by other sources" when
   ``k >= 2`` and ``p >= 0.80``, 2 "probably true" when ``p >= 0.65``, 3 "possibly true" when
   ``p >= 0.45``, 4 "doubtful" when ``p >= 0.30``, and 5 "improbable" below.
"""

from __future__ import annotations

from dataclasses import dataclass

from provenance.model.records import ClaimRecord

RELIABILITY_FACTORS: dict[str, float] = {"A": 0.95, "B": 0.85, "C": 0.70, "D": 0.50, "E": 0.30}
UNKNOWN_FACTOR = 0.50
MODE_FACTORS: dict[str, float] = {"direct": 1.00, "indirect": 0.95, "reported": 0.85, "unattributed": 1.00}
HEDGED_FACTOR = 0.80
LABELS: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


@dataclass(frozen=True)
class HopContribution:
    """One hop's part in a claim's credibility: its factor and the chain's probability after it."""

    position: int
    name: str
    reliability: str | None
    known: bool
    factor: float
    running: float


@dataclass(frozen=True)
class Credibility:
    """A claim's credibility and how it was reached."""

    digit: int
    label: str
    probability: float
    chain_probability: float
    mode_factor: float
    hedged_factor: float
    independent_sources: int
    unknown_hops: int
    hops: tuple[HopContribution, ...]


def hop_factor(reliability: str | None) -> tuple[float, bool]:
    """The factor of one hop and whether its reliability is known.

    >>> hop_factor("B"), hop_factor(None), hop_factor("F")
    ((0.85, True), (0.5, False), (0.5, False))
    """
    if reliability in RELIABILITY_FACTORS:
        return RELIABILITY_FACTORS[reliability], True
    return UNKNOWN_FACTOR, False


def claim_credibility(record: ClaimRecord, *, independent_sources: int = 1) -> Credibility:
    """The Admiralty digit of a claim, with each hop's contribution (see the module docstring for how).

    >>> from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
    >>> reuters = SourceRef(iri="urn:s:r", name="Reuters", kind="news-agency", reliability="B")
    >>> minister = SourceRef(iri="urn:s:m", name="Minister", kind="person", reliability="A")
    >>> claim = ClaimRecord(iri="urn:c", article=ArticleRef(iri="urn:a", id="a"), text="x",
    ...                     mode="direct", hedged=False, chain=(minister, reuters))
    >>> result = claim_credibility(claim)
    >>> result.digit, result.label, round(result.probability, 3)
    (2, 'probably true', 0.807)
    >>> claim_credibility(claim, independent_sources=2).digit
    1

    Parameters
    ----------
    record : the claim with its chain; ``SourceRef.reliability`` holds each hop's Admiralty letter.
    independent_sources : the claim's cluster's count of independent sources (1 when alone).

    Returns
    -------
    Credibility
    """
    running = 1.0
    contributions = []
    unknown = 0
    for position, source in enumerate(record.chain):
        factor, known = hop_factor(source.reliability)
        unknown += not known
        running *= factor
        contributions.append(HopContribution(position, source.name, source.reliability, known, factor, running))
    mode_factor = MODE_FACTORS.get(record.mode, 1.0)
    hedged_factor = HEDGED_FACTOR if record.hedged else 1.0
    chain_probability = running * mode_factor * hedged_factor
    corroboration = max(1, independent_sources)
    probability = 1 - (1 - chain_probability) ** corroboration if record.chain else 0.0
    digit = credibility_digit(
        probability,
        independent_sources=independent_sources,
        judged=bool(record.chain) and (unknown < len(record.chain) or independent_sources >= 2),
    )
    return Credibility(
        digit=digit,
        label=LABELS[digit],
        probability=probability,
        chain_probability=chain_probability,
        mode_factor=mode_factor,
        hedged_factor=hedged_factor,
        independent_sources=independent_sources,
        unknown_hops=unknown,
        hops=tuple(contributions),
    )


def credibility_digit(probability: float, *, independent_sources: int, judged: bool) -> int:
    """The Admiralty digit for a probability (step 6 of the module docstring).

    >>> credibility_digit(0.5, independent_sources=1, judged=True), credibility_digit(0.9, independent_sources=1, judged=False)
    (3, 6)
    """
    if not judged:
        return 6
    if independent_sources >= 2 and probability >= 0.80:
        return 1
    if probability >= 0.65:
        return 2
    if probability >= 0.45:
        return 3
    if probability >= 0.30:
        return 4
    return 5


def claim_digit(record: ClaimRecord, *, independent_sources: int = 1) -> int:
    """``claim_credibility(record, independent_sources=k).digit`` without the per-hop account, for whole corpora."""
    probability = MODE_FACTORS.get(record.mode, 1.0) * (HEDGED_FACTOR if record.hedged else 1.0)
    unknown = 0
    for source in record.chain:
        factor, known = hop_factor(source.reliability)
        probability *= factor
        unknown += not known
    probability = 1 - (1 - probability) ** max(1, independent_sources) if record.chain else 0.0
    judged = bool(record.chain) and (unknown < len(record.chain) or independent_sources >= 2)
    return credibility_digit(probability, independent_sources=independent_sources, judged=judged)
