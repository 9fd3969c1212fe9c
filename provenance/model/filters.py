"""What a desk asks of the stored claims: a filter, and the points in time it is given by.

:class:`ClaimFilter` holds every criterion of ``provenance claims``, checked once here, so that the
Python API, the CLI and both stores read the same filter; :mod:`provenance.rdf.claim_filters`
turns it into bound SPARQL, :mod:`provenance.reports.claim_listing` applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from provenance.errors import InvalidInput
from provenance.model.kinds import SOURCE_KINDS

#: ``--verdict`` classes and the verdict outcomes (provenance.rdf.ratings.VERDICT_OUTCOMES) each takes in.
VERDICT_CLASSES: dict[str, frozenset[str]] = {
    "false": frozenset({"false", "mostly-false"}),
    "true": frozenset({"true", "mostly-true"}),
    "mixed": frozenset({"mixed"}),
    "none": frozenset(),
}
DURATION = re.compile(r"^(\d+)\s*([smhdw])$")
DURATION_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_instant(text: str, *, option: str = "--since", now: datetime | None = None, end_of_day: bool = False) -> datetime:
    """A point in time (UTC) from an ISO 8601 date or date-time, or a duration back from now (``90m``, ``1h``, ``2d``, ``1w``).

    A date is its midnight (UTC), or with ``end_of_day`` the next midnight, so that ``--until
    2026-12-07`` takes in the whole day. A date-time without a zone is UTC.

    >>> parse_instant("2026-12-07T10:30:00Z").isoformat()
    '2026-12-07T10:30:00+00:00'
    >>> parse_instant("2026-12-07", end_of_day=True).isoformat()
    '2026-12-08T00:00:00+00:00'
    >>> parse_instant("2d", now=datetime(2026, 12, 7, tzinfo=UTC)).isoformat()
    '2026-12-05T00:00:00+00:00'
    """
    value = text.strip()
    match = DURATION.match(value)
    if match:
        now = now or datetime.now(UTC)
        return now - timedelta(**{DURATION_UNITS[match.group(2)]: int(match.group(1))})
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            instant = datetime(day.year, day.month, day.day, tzinfo=UTC)
            return instant + timedelta(days=1) if end_of_day else instant
        instant = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        raise InvalidInput(
            f"{option} {text!r} is neither a date (2026-12-07), a date-time (2026-12-07T10:30:00Z) "
            "nor a duration (90m, 1h, 2d, 1w)"
        ) from None
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


def instant_text(instant: datetime) -> str:
    """An instant as the store writes times: UTC, to the second, with a Z."""
    return instant.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class ClaimFilter:
    """The criteria of a claim listing; all given ones must hold (None and False mean "any").

    ``search``: words of the claim's text or its sources' names (case, diacritics and word forms
    ignored); ``source``: a source's name or IRI that the chain passes through; ``origin``: the same
    for the chain's first source; ``article``: an article id; ``since``/``before``: when the claim was
    first stored; ``kind``: the kind of any source of the chain; ``unrated``: a source of the chain has
    no reliability rating; ``verdict``: one of :data:`VERDICT_CLASSES`; ``credibility_max``: its
    credibility digit is at most this (1 confirmed … 6 cannot be judged); ``attributed``: it has a
    source. ``offset``/``limit`` page through the claims in their listing order.
    """

    search: str | None = None
    source: str | None = None
    origin: str | None = None
    article: str | None = None
    since: datetime | None = None
    before: datetime | None = None
    kind: str | None = None
    unrated: bool = False
    verdict: str | None = None
    credibility_max: int | None = None
    attributed: bool = False
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in SOURCE_KINDS:
            raise InvalidInput(f"unknown source kind {self.kind!r}: use one of {', '.join(SOURCE_KINDS)}")
        if self.verdict is not None and self.verdict not in VERDICT_CLASSES:
            raise InvalidInput(f"unknown verdict {self.verdict!r}: use one of {', '.join(VERDICT_CLASSES)}")
        if self.credibility_max is not None and not 1 <= self.credibility_max <= 6:
            raise InvalidInput(f"credibility digit {self.credibility_max} is not between 1 and 6")
        if self.limit is not None and self.limit < 0:
            raise InvalidInput(f"limit {self.limit} is negative")
        if self.offset < 0:
            raise InvalidInput(f"offset {self.offset} is negative")
        if self.search is not None and not self.search.strip():
            raise InvalidInput("the search is empty: give a word of the claims or of their sources' names")
        for name in ("source", "origin", "article"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                raise InvalidInput(f"the {name} is empty")

    @property
    def selects(self) -> bool:
        """Whether any criterion narrows the claims (paging aside)."""
        return any((self.search, self.source, self.origin, self.article, self.since, self.before, self.kind,
                    self.unrated, self.verdict, self.credibility_max is not None, self.attributed))
