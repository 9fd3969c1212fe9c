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

from provenance.extract.lexicon import Lexicon
from provenance.extract.segmentation import Token, tokenize
from provenance.extract.sentence_context import Frame, Mention, SentenceContext, token_indexes

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

UNNAMED_RELAY_MARKERS = frozenset("reportedly allegedly supposedly purportedly angeblich".split())


# "is said to", "is alleged to", "is believed to", "is reported to": a reportative passive.
REPORTATIVE_PARTICIPLES = frozenset("said alleged believed reported rumoured rumored thought understood".split())


BE_FORMS = frozenset("is are was were".split())


def subject_is_content(context: SentenceContext, frame: Frame, unnamed: Mention) -> bool:
    """``X is said to be …`` (no verb of saying or thinking after *to*): X is the topic, not a source."""
    indexes = token_indexes(context, unnamed.start, unnamed.end)
    if not indexes or context.lower(indexes[-1]) != "to":
        return False
    following = indexes[-1] + 1
    if context.lower(following) == "have":
        following += 1
    word = context.lower(following)
    return word not in context.lexicon.cue_verbs and word not in EPISTEMIC_VERBS


EPISTEMIC_VERBS = frozenset("fear believe think expect hope want plan claim deny say suggest argue".split())


def unnamed_relay(context: SentenceContext, frame: Frame, region: list[int]) -> Mention | None:
    """``X reportedly said``, ``X is alleged to have said``: an unnamed relay between the speaker and the article."""
    for index in region:
        word = context.lower(index)
        if word in UNNAMED_RELAY_MARKERS:
            return Mention(*context.span(index, index), "unnamed")
        if word in REPORTATIVE_PARTICIPLES and context.lower(index - 1) in BE_FORMS and context.lower(index + 1) == "to":
            return Mention(*context.span(index - 1, index + 1), "unnamed")
        if word in ("soll", "sollen") and context.lexicon.language == "de":
            # "X soll gesagt haben": the reportative modal around a verb of saying is an unnamed relay.
            return Mention(*context.span(index, index), "unnamed")
    return None


def hedged_by_words(text: str, spans, cue_spans, lexicon: Lexicon) -> bool:
    for start, end in list(spans) + list(cue_spans):
        if any(token.lower in lexicon.hedges for token in tokenize(text, start, end)):
            return True
    return False
