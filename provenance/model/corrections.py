"""A desk's corrections of the machine's reading, as plain data: chains written by a person, text anchors,
claim corrections and source identities.

A chain written by a person is origin first, hops joined by `` > ``, each ``Name [kind]``
(shared/DESIGN.md); a hop without ``[kind]`` names a source already stored. A correction is
anchored to its claim by the claim's words and their place in the article (the Web Annotation
quote and position selectors), so that it can be found again when the article is extracted anew.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from provenance.errors import InvalidInput
from provenance.model.identities import Identities  # noqa: F401  (read from here too)
from provenance.model.kinds import SOURCE_KINDS

CHAIN_SEPARATOR = " > "
#: Characters of context kept before and after an anchored quote (as the mapping's quote selectors keep).
QUOTE_CONTEXT = 32
_HOP = re.compile(r"^(?P<name>.*?)\s*(?:\[(?P<kind>[^\[\]]*)\])?$", re.S)


@dataclass(frozen=True)
class WrittenHop:
    """One hop of a chain as a person wrote it; ``kind`` None names a source already stored."""

    name: str
    kind: str | None = None


def parse_chain(text: str) -> tuple[WrittenHop, ...]:
    """The hops of a chain string, origin first.

    >>> parse_chain("Verhandlungskreise [anonymous-group] > Tass [news-agency]")
    (WrittenHop(name='Verhandlungskreise', kind='anonymous-group'), WrittenHop(name='Tass', kind='news-agency'))
    >>> parse_chain("Tass")
    (WrittenHop(name='Tass', kind=None),)

    Raises InvalidInput for an empty chain, a hop without a name, a bracket that does not close or
    a kind that is not one of the source kinds.
    """
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("the chain is empty: write it origin first as 'Name [kind] > Name [kind]'")
    hops = []
    for number, part in enumerate(text.split(">"), start=1):
        match = _HOP.match(part.strip())
        name = " ".join(match.group("name").split()) if match else ""
        if match is None or "[" in name or "]" in name:
            raise InvalidInput(f"chain {text!r}: hop {number} ({part.strip()!r}) is not 'Name [kind]'")
        if not name:
            raise InvalidInput(f"chain {text!r}: hop {number} has no name; write hops as 'Name [kind]' joined by ' > '")
        kind = match.group("kind")
        if kind is not None:
            kind = kind.strip()
            if kind not in SOURCE_KINDS:
                raise InvalidInput(f"chain {text!r}: unknown source kind {kind!r} in hop {number}: "
                                   f"use one of {', '.join(SOURCE_KINDS)}")
        hops.append(WrittenHop(name, kind))
    return tuple(hops)


def format_chain(hops: Iterable[tuple[str, str]]) -> str:
    """A chain of ``(name, kind)`` as a person writes it.

    >>> format_chain([("Verhandlungskreise", "anonymous-group"), ("Tass", "news-agency")])
    'Verhandlungskreise [anonymous-group] > Tass [news-agency]'
    """
    return CHAIN_SEPARATOR.join(f"{name} [{kind}]" for name, kind in hops)


@dataclass(frozen=True)
class TextAnchor:
    """Where words stand in an article: the position and the quote (with some context) of one span."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def anchor_of(text: str, start: int, end: int) -> TextAnchor:
    """The anchor of ``text[start:end]``."""
    return TextAnchor(start, end, text[start:end], text[max(0, start - QUOTE_CONTEXT):start], text[end:end + QUOTE_CONTEXT])


def locate(anchor: TextAnchor, text: str) -> tuple[int, int] | None:
    """Where the anchored words stand in ``text`` now, None when they are not there word for word.

    The occurrence whose context agrees best with the anchor's prefix and suffix wins, then the one
    nearest the old position. Why exact occurrences only (no fuzzy matching as some annotation
    tools do): a correction made to other words than those in the article must be looked at again
    by a person, so it is listed as orphaned instead of being applied to whatever is similar.

    >>> anchor = anchor_of("Tass says: it rains.", 11, 19)
    >>> locate(anchor, "Yesterday Tass says: it rains."), locate(anchor, "It snows.")
    ((21, 29), None)
    """
    exact = anchor.exact
    if not exact:
        return None
    if text[anchor.start:anchor.end] == exact and text[max(0, anchor.start - len(anchor.prefix)):anchor.start] == anchor.prefix:
        return anchor.start, anchor.end
    best: tuple | None = None
    position = text.find(exact)
    while position != -1:
        end = position + len(exact)
        agreement = _common_suffix(text[max(0, position - len(anchor.prefix)):position], anchor.prefix) + \
            _common_prefix(text[end:end + len(anchor.suffix)], anchor.suffix)
        key = (-agreement, abs(position - anchor.start))
        if best is None or key < best[0]:
            best = (key, (position, end))
        position = text.find(exact, position + 1)
    return None if best is None else best[1]


def locate_all(anchors: Sequence[TextAnchor], text: str) -> tuple[tuple[int, int], ...] | None:
    """Every span of ``anchors`` located in ``text``, None when one is missing."""
    spans = []
    for anchor in anchors:
        span = locate(anchor, text)
        if span is None:
            return None
        spans.append(span)
    return tuple(spans)


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


#: The least share of characters a claim must have in common with a correction's located spans to take it.
MATCH_OVERLAP = 0.5


def matching_claim(spans: Sequence[tuple[int, int]], claims: Iterable[tuple[str, Sequence[tuple[int, int]]]]) -> str | None:
    """The claim (``(IRI, spans)``) whose spans are ``spans``, else the one overlapping them most
    (at least :data:`MATCH_OVERLAP` of the characters of both together), else None.

    >>> matching_claim([(10, 20)], [("a", [(0, 9)]), ("b", [(11, 21)])])
    'b'
    """
    wanted = _characters(spans)
    best, best_share = None, 0.0
    for iri, claim_spans in claims:
        if tuple(map(tuple, claim_spans)) == tuple(map(tuple, spans)):
            return iri
        having = _characters(claim_spans)
        union = len(wanted | having)
        share = len(wanted & having) / union if union else 0.0
        if share > best_share:
            best, best_share = iri, share
    return best if best_share >= MATCH_OVERLAP else None


def _characters(spans: Iterable[Sequence[int]]) -> set[int]:
    return {position for start, end in spans for position in range(start, end)}


def quoted_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """A claim's text from its spans, joined as documents join discontinuous content."""
    return " … ".join(text[start:end] for start, end in spans)


@dataclass(frozen=True)
class CorrectedHop:
    """One hop of a chain as a correction sets it: the source (IRI, name, kind) and where the article names it."""

    iri: str
    name: str
    kind: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Correction:
    """One correction of one claim, by a person at a time; the fields left None are not changed by it.

    ``claim`` is the claim it was made on (the IRI the claim had then); ``anchors`` the claim's
    spans then. ``added`` corrections bring a claim the extractor missed (``claim`` is its own IRI).
    ``replaced`` is the reading it replaced, as a chain string with mode and hedging.
    """

    id: str
    article: str
    article_id: str
    claim: str
    text: str
    anchors: tuple[TextAnchor, ...]
    by: str
    time: str
    note: str | None = None
    article_hash: str | None = None
    chain: tuple[CorrectedHop, ...] | None = None
    hop: int | None = None
    hop_name: str | None = None
    hop_source: CorrectedHop | None = None
    mode: str | None = None
    hedged: bool | None = None
    withdrawn: bool = False
    added: bool = False
    replaced: str | None = None
    replaced_mode: str | None = None
    replaced_hedged: bool | None = None
    undone: str | None = None

    @property
    def short_id(self) -> str:
        return self.id.rsplit("/", 1)[-1][:10]

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return tuple((anchor.start, anchor.end) for anchor in self.anchors)

    def changes(self) -> str:
        """What it changes, in a few words: ``chain: A [kind] > B [kind]``, ``withdrawn``, ``mode: direct``."""
        parts = []
        if self.added:
            parts.append("added")
        if self.withdrawn:
            parts.append("withdrawn")
        if self.chain is not None:
            parts.append("chain: " + format_chain((hop.name, hop.kind) for hop in self.chain))
        if self.hop is not None and self.hop_source is not None:
            parts.append(f"hop {self.hop + 1} ({self.hop_name}): kind {self.hop_source.kind}")
        if self.mode is not None:
            parts.append(f"mode: {self.mode}")
        if self.hedged is not None:
            parts.append("hedged" if self.hedged else "not hedged")
        return "; ".join(parts)

    def as_note(self) -> dict:
        """What a reader shows of it beside the claim."""
        return {"id": self.id, "short_id": self.short_id, "by": self.by, "time": self.time, "note": self.note,
                "changes": self.changes(), "replaced": self.replaced}


IDENTITY_ACTIONS = ("merge", "alias", "rename", "kind")


@dataclass(frozen=True)
class IdentityAct:
    """One act on the identity of sources: ``merge`` (``member`` becomes ``source``), ``alias`` (the name
    ``name`` means ``source``, whose IRI for that name is ``member``), ``rename`` (``source`` is called
    ``name`` from now on, and the name means it) or ``kind`` (``source`` is of ``kind``).

    ``source_name`` and ``source_kind`` are the source's name and kind when the act was made.
    """

    id: str
    action: str
    source: str
    source_name: str
    source_kind: str
    by: str
    time: str
    member: str | None = None
    member_name: str | None = None
    name: str | None = None
    kind: str | None = None
    note: str | None = None
    undone: str | None = None

    @property
    def short_id(self) -> str:
        return self.id.rsplit("/", 1)[-1][:10]

    def changes(self) -> str:
        if self.action == "merge":
            return f"merged {self.member_name or self.member} into {self.source_name}" + (
                f" as {self.name}" if self.name else "")
        if self.action == "alias":
            return f"alias {self.name!r} for {self.source_name}"
        if self.action == "rename":
            return f"renamed {self.source_name} to {self.name}"
        return f"kind of {self.source_name}: {self.kind}"
