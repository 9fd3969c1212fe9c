"""The model's closed vocabularies: source kinds, attribution modes, reliability letters.

Apart from the dataclasses of :mod:`provenance.model.core`, so that what only needs a kind or a mode
(the CLI's option choices, filters, the claims table) does not create them.
"""

from __future__ import annotations

SOURCE_KINDS: tuple[str, ...] = (
    "person",
    "organization",
    "news-agency",
    "media-outlet",
    "state",
    "document",
    "anonymous-person",
    "anonymous-group",
    "anonymous-media",
    "unknown",
)
ANONYMOUS_KINDS: frozenset[str] = frozenset({"anonymous-person", "anonymous-group", "anonymous-media"})

MODES: tuple[str, ...] = ("direct", "indirect", "reported", "unattributed")

RELIABILITY_LETTERS: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
