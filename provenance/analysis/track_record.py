"""Track records: how reliable each source has proved, from the verdicts on the claims it originated or relayed.

Why: a letter a user gave a source is an opinion held before the evidence; fact-checkers' verdicts
are the evidence. A source's reliability is modelled as the chance ``r`` that a claim passing
through it is true, with a Beta prior set by the user's letter and updated by each verdict.

The prior (mean from :data:`provenance.analysis.credibility.RELIABILITY_FACTORS`, so a letter
means the same here and in the credibility of claims; the strength of :data:`PRIOR_STRENGTH`
pseudo-verdicts)::

    letter  prior mean  Beta(alpha, beta)
    A       0.95        (3.8, 0.2)
    B       0.85        (3.4, 0.6)
    C       0.70        (2.8, 1.2)
    D       0.50        (2.0, 2.0)
    E       0.30        (1.2, 2.8)
    F/none  -           (1, 1), uniform: nothing is known

The verdicts: each says how true its claim is, ``t`` between 0 and 1
(:func:`provenance.rdf.ratings.verdict_truth`: the review's own numbers when it has them, else its
text: *false/falsch/pants on fire* 0, *mostly false/misleading/irreführend* 0.25,
*mixture/half true/teilweise richtig* 0.5, *mostly true/weitgehend richtig* 0.75,
*true/richtig/stimmt* 1; *unproven* and unknown texts count as no evidence). A verdict adds
``w * t`` to alpha and ``w * (1 - t)`` to beta of every source in the claim's chain, with ``w`` 1
for the origin and :data:`RELAY_WEIGHT` for a relay: a relay answers for passing a claim on
unchecked, the origin for making it.

The estimate is the letter whose prior mean is nearest the posterior mean (bounds halfway
between them, :data:`ESTIMATE_BOUNDS`). A source without verdicts keeps the user's letter (or
none), so rating alone behaves exactly as before.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from provenance.analysis.credibility import RELIABILITY_FACTORS
from provenance.model.records import ClaimRecord, SourceRef

PRIOR_STRENGTH = 4.0
RELAY_WEIGHT = 0.5
#: Posterior mean -> letter: the lower bound of each letter, halfway between neighbouring prior means.
ESTIMATE_BOUNDS: tuple[tuple[float, str], ...] = ((0.90, "A"), (0.775, "B"), (0.60, "C"), (0.40, "D"), (0.0, "E"))


class Evidence(Protocol):
    """One verdict bearing on one source (:class:`provenance.rdf.ratings.SourceEvidence` is one)."""

    source: str
    source_name: str | None
    position: int
    truth: float


@dataclass(frozen=True)
class TrackRecord:
    """A source's Beta posterior, what it rests on, and the letter it amounts to."""

    source: str
    name: str | None
    assessed: str | None
    alpha: float
    beta: float
    verdicts: int
    as_origin: int
    as_relay: int
    estimate: str | None

    @property
    def mean(self) -> float:
        """The posterior mean of the chance that a claim through this source is true."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def spread(self) -> float:
        """The posterior standard deviation: how much the verdicts so far leave open."""
        total = self.alpha + self.beta
        return math.sqrt(self.alpha * self.beta / (total * total * (total + 1)))

    def as_dict(self) -> dict:
        """Plain data for ``--json``."""
        return {
            "assessed": self.assessed,
            "estimate": self.estimate,
            "mean": round(self.mean, 4),
            "spread": round(self.spread, 4),
            "alpha": round(self.alpha, 4),
            "beta": round(self.beta, 4),
            "verdicts": self.verdicts,
            "as_origin": self.as_origin,
            "as_relay": self.as_relay,
        }


def prior(letter: str | None) -> tuple[float, float]:
    """The Beta prior (alpha, beta) of an Admiralty letter; F or no letter is uniform.

    >>> prior("C"), prior("F"), prior(None)
    ((2.8, 1.2), (1.0, 1.0), (1.0, 1.0))
    """
    mean = RELIABILITY_FACTORS.get(letter or "")
    if mean is None:
        return 1.0, 1.0
    return round(mean * PRIOR_STRENGTH, 10), round((1 - mean) * PRIOR_STRENGTH, 10)


def estimate_letter(mean: float) -> str:
    """The letter whose prior mean is nearest ``mean``.

    >>> estimate_letter(0.7), estimate_letter(0.47), estimate_letter(0.96)
    ('C', 'D', 'A')
    """
    return next(letter for bound, letter in ESTIMATE_BOUNDS if mean >= bound)


def track_record(source: str, assessed: str | None, evidence: Iterable[Evidence], *, name: str | None = None) -> TrackRecord:
    """The posterior of one source from its assessed letter and the verdicts that bear on it.

    >>> from types import SimpleNamespace as E
    >>> false_relayed = [E(source="tass", source_name="Tass", position=1, truth=0.0)] * 2
    >>> record = track_record("tass", "C", false_relayed)
    >>> record.alpha, record.beta, record.estimate
    (2.8, 2.2, 'D')
    >>> track_record("tass", "C", []).estimate
    'C'

    Parameters
    ----------
    source : the source's IRI.
    assessed : the letter in force (the newest rating), or None.
    evidence : verdicts on claims whose chain holds the source (``position`` 0 = origin).

    Returns
    -------
    TrackRecord
    """
    alpha, beta = prior(assessed)
    count = as_origin = as_relay = 0
    for item in evidence:
        weight = 1.0 if item.position == 0 else RELAY_WEIGHT
        alpha += weight * item.truth
        beta += weight * (1.0 - item.truth)
        count += 1
        as_origin += item.position == 0
        as_relay += item.position != 0
        name = name or item.source_name
    estimate = assessed if count == 0 else estimate_letter(alpha / (alpha + beta))
    return TrackRecord(source=source, name=name, assessed=assessed, alpha=round(alpha, 10), beta=round(beta, 10),
                       verdicts=count, as_origin=as_origin, as_relay=as_relay, estimate=estimate)


def track_records(assessed: Mapping[str, str | None], evidence: Iterable[Evidence],
                  *, names: Mapping[str, str] | None = None) -> dict[str, TrackRecord]:
    """The track record of every source that is rated or has verdicts, by source IRI.

    ``assessed`` maps a source IRI to its letter in force (e.g. from
    :func:`provenance.rdf.ratings.reliability_in_force`); ``evidence`` is
    :func:`provenance.rdf.ratings.source_evidence`.
    """
    by_source: dict[str, list[Evidence]] = {}
    for item in evidence:
        by_source.setdefault(item.source, []).append(item)
    names = names or {}
    return {
        source: track_record(source, assessed.get(source), by_source.get(source, ()), name=names.get(source))
        for source in sorted(set(assessed) | set(by_source))
    }


def with_track_records(records: Sequence[ClaimRecord], track: Mapping[str, TrackRecord]) -> list[ClaimRecord]:
    """The claims with every hop's ``reliability`` replaced by its source's estimated letter.

    Why: the credibility of a claim (:mod:`provenance.analysis.credibility`) reads the hops'
    letters; passing it these records makes verdicts count. Sources without a track record keep
    their letter. One SourceRef per source is shared, as in the records given.
    """
    replaced: dict[int, SourceRef] = {}

    def updated(source: SourceRef) -> SourceRef:
        found = replaced.get(id(source))
        if found is None:
            record = track.get(source.iri)
            found = source if record is None or record.estimate == source.reliability else replace(
                source, reliability=record.estimate)
            replaced[id(source)] = found
        return found

    result = []
    for record in records:
        chain = tuple(updated(source) for source in record.chain)
        result.append(record if all(a is b for a, b in zip(chain, record.chain)) else replace(record, chain=chain))
    return result
