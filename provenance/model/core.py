"""The dataclasses of the model and their validation.

Offsets everywhere are Python ``str`` character offsets into the article text, end exclusive.
A chain runs from the origin (first) to the source nearest the article (last); the article
itself ends every chain and is not part of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance import limits
from provenance.errors import InvalidInput
from provenance.model.dates import check_date, check_due
from provenance.model.kinds import (  # also read from here: provenance.model.core.SOURCE_KINDS
    ANONYMOUS_KINDS,
    MODES,
    RELIABILITY_LETTERS,
    SOURCE_KINDS,
)

Span = tuple[int, int]


def _check_kind(kind: str) -> None:
    if kind not in SOURCE_KINDS:
        raise InvalidInput(f"unknown source kind {kind!r}: use one of {', '.join(SOURCE_KINDS)}")


@dataclass(frozen=True)
class Source:
    """An agent in a chain: a person, an outlet, a state, a document, or an anonymous one.

    Two sources with the same name and kind are the same source across articles, unless the
    kind is anonymous: "Verhandlungskreise" in one article need not be those of another.
    """

    name: str
    kind: str
    affiliation: str | None = None
    medium: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidInput("a source needs a non-empty name")
        _check_kind(self.kind)

    @property
    def anonymous(self) -> bool:
        return self.kind in ANONYMOUS_KINDS


@dataclass(frozen=True)
class Hop:
    """One link of a chain: a source and where the article mentions it (if it does)."""

    source: Source
    start: int | None = None
    end: int | None = None
    mention: str | None = None
    antecedent: Span | None = None

    def __post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise InvalidInput(f"hop {self.source.name!r}: give both start and end, or neither")


@dataclass(frozen=True)
class Cue:
    """The words that mark an attribution; several spans when discontinuous."""

    spans: tuple[Span, ...]
    text: str = ""


@dataclass
class Claim:
    """A statement as it appears in an article, with the chain of sources it came through.

    ``id`` is assigned when the claim is stored (a deterministic IRI); it is None before.
    """

    text: str
    spans: tuple[Span, ...]
    chain: tuple[Hop, ...] = ()
    cue: Cue | None = None
    mode: str = "indirect"
    hedged: bool = False
    id: str | None = None
    due: str | None = None

    def __post_init__(self) -> None:
        self.spans = tuple(tuple(span) for span in self.spans)  # type: ignore[assignment]
        self.chain = tuple(self.chain)
        if self.mode not in MODES:
            raise InvalidInput(f"unknown mode {self.mode!r}: use one of {', '.join(MODES)}")

    @property
    def attributed(self) -> bool:
        return bool(self.chain)

    @property
    def origin(self) -> Source | None:
        return self.chain[0].source if self.chain else None

    @property
    def hearsay_depth(self) -> int:
        """Number of sources between the origin's words and the article, the origin included."""
        return len(self.chain)


@dataclass(frozen=True)
class WebPage:
    """The page an article was read from, as fetched: kept so that the article can be read again without the network.

    ``url`` is the address asked for, ``location`` where the page was found after redirects,
    ``retrieved`` an ISO 8601 date-time (UTC), ``sha256`` the hex digest of ``content`` (the bytes
    as served, after any transfer compression), ``feed_item`` the guid of the feed item it came from.
    """

    url: str
    location: str
    retrieved: str
    media_type: str
    content: bytes
    sha256: str
    feed_item: str | None = None


@dataclass
class Article:
    """A news article: its text, its metadata and the claims found in it."""

    id: str
    text: str
    lang: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    claims: list[Claim] = field(default_factory=list)
    modified: str | None = None
    author: str | None = None
    page: WebPage | None = None

    def validate(self) -> None:
        """Raise InvalidInput naming the first claim whose spans, cue or chain do not fit the text."""
        if not isinstance(self.id, str) or not self.id.strip():
            raise InvalidInput("an article needs a non-empty id")
        shown = self.id if len(self.id) <= 60 else self.id[:60] + "…"
        if len(self.id) > limits.current().name_chars:
            raise limits.over("name_chars", f"article {shown!r}", f"an id of {len(self.id):,} characters")
        limits.check_count(len(self.claims), "claims", f"article {shown!r}", "claims")
        if self.published is not None:
            check_date(self.published, f"article {shown!r}: published")
        if self.url is not None:
            check_web_url(self.url, f"article {shown!r}: url")
        size = len(self.text)
        for number, claim in enumerate(self.claims, start=1):
            where = f"article {shown!r}, claim {number}"
            limits.check_count(len(claim.chain), "hops", where, "sources in its chain")
            if claim.due is not None:
                check_due(claim.due, f"{where}: due")
            if not claim.spans:
                raise InvalidInput(f"{where}: a claim needs at least one content span")
            for start, end in claim.spans:
                _check_span(where, "content span", start, end, size)
            if claim.cue is not None:
                for start, end in claim.cue.spans:
                    _check_span(where, "cue span", start, end, size)
                if not claim.chain:
                    raise InvalidInput(f"{where}: it has a cue but an empty chain; name at least one source")
            for hop in claim.chain:
                name = hop.source.name if len(hop.source.name) <= 60 else hop.source.name[:60] + "…"
                for text in (hop.source.name, hop.source.affiliation or "", hop.source.medium or ""):
                    if len(text) > limits.current().name_chars:
                        raise limits.over("name_chars", where, f"the source name {name!r} of {len(text):,} characters")
                if hop.start is not None:
                    _check_span(where, f"span of source {name!r}", hop.start, hop.end, size)
                if hop.antecedent is not None:
                    _check_span(where, f"antecedent of source {name!r}", *hop.antecedent, size)
            if claim.chain and claim.mode == "unattributed":
                raise InvalidInput(f"{where}: mode 'unattributed' contradicts its chain of sources")


def check_web_url(url: str, what: str) -> str:
    """``url`` if it is an http(s) address; other schemes (``javascript:``, ``file:``) are refused.

    Why: addresses are written into exports and reports as links that others open.
    """
    scheme, _, rest = url.partition(":")
    if scheme.lower() not in ("http", "https") or not rest.startswith("//") or any(c.isspace() for c in url):
        shown = url if len(url) <= 60 else url[:60] + "…"
        raise InvalidInput(f"{what} {shown!r} is not an http(s) address")
    return url


def _check_span(where: str, what: str, start: object, end: object, size: int) -> None:
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise InvalidInput(f"{where}: {what} [{start}, {end}] must be two integers")
    if not 0 <= start < end <= size:
        raise InvalidInput(f"{where}: {what} [{start}, {end}] lies outside the article text ({size} characters)")


@dataclass(frozen=True)
class Rating:
    """An assessment of a source's reliability (Admiralty letter A-F) by an assessor at a time."""

    source: Source
    reliability: str
    assessor: str
    time: str
    note: str | None = None

    def __post_init__(self) -> None:
        if self.reliability not in RELIABILITY_LETTERS:
            raise InvalidInput(f"reliability {self.reliability!r} is not an Admiralty letter A-F")


@dataclass(frozen=True)
class Verdict:
    """A fact-checker's published verdict on a claim (a schema:ClaimReview)."""

    claim_id: str
    rating: str
    author: str
    date: str
    url: str | None = None
