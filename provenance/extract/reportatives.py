"""Reportatives without a named source: *X reportedly wants …*, *angeblich …*.

The claim is hearsay, marked as such, but nobody is named: one hop of kind ``unknown`` (chains-dev
guidelines: "A reportative with no source is one hop {kind: unknown, start: null}"). When a verb of
saying stands in the same clause (*X reportedly said*, *X soll gesagt haben*), the verb's frame
takes the sentence and :mod:`~provenance.extract.relays` adds the unnamed relay instead.

German *soll … haben/sein* with no source is left out: as claims of their own they gained no chain
on chains-dev and cost German dev joint F1 0.603 -> 0.589 (Wikinews does not mark them). A *soll*
around a verb of saying is still an unnamed relay, and every claim with *soll* is hedged.
"""

from __future__ import annotations

from provenance.extract.segmentation import Token
from provenance.extract.sentence_context import Frame, Mention, SentenceContext

ENGLISH_REPORTATIVE_ADVERBS = frozenset("reportedly allegedly supposedly purportedly".split())
GERMAN_REPORTATIVE_ADVERBS = frozenset({"angeblich"})
TRIGGERS = ENGLISH_REPORTATIVE_ADVERBS | GERMAN_REPORTATIVE_ADVERBS


def match_reportative(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """A sentence marked as hearsay by *reportedly*, *angeblich* or a reportative *soll … haben/sein*."""
    word = context.lower(index)
    german = context.lexicon.language == "de"
    if word not in (GERMAN_REPORTATIVE_ADVERBS if german else ENGLISH_REPORTATIVE_ADVERBS):
        return None
    tokens = context.tokens
    if any(context.quoted):
        return None
    words = [token for token in tokens if token.is_word]
    if not words:
        return None
    start, end = words[0].start, _last_word(tokens).end
    marker = context.span(index, index)
    content = _around(tokens, index, start, end)
    frame = Frame(cue=[marker], content=content, sources=[], mode="reported", hedged=True)
    frame.relays = [Mention(*marker, role="unnamed")]
    return frame, {index}


def _around(tokens: list[Token], index: int, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence's words with the marker at ``index`` cut out."""
    pieces = []
    if index > 0 and tokens[index - 1].end > start:
        pieces.append((start, tokens[index - 1].end))
    if index + 1 < len(tokens) and tokens[index + 1].start < end:
        pieces.append((tokens[index + 1].start, end))
    return pieces


def _last_word(tokens: list[Token]) -> Token:
    for token in reversed(tokens):
        if token.is_word:
            return token
    return tokens[-1]
