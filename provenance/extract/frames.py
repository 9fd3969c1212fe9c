"""Attribution frames in one sentence: every construction's matcher tried at every cue word.

The constructions live in :mod:`~provenance.extract.verbs` and :mod:`~provenance.extract.prepositional`;
this module runs them in order of precedence and keeps two frames from claiming the same words.
"""

from __future__ import annotations

import itertools

from provenance.extract.lexicon import Lexicon
from provenance.extract.prepositional import (
    match_anaphor,
    match_colon,
    match_postposition,
    match_preposition,
    match_report_noun,
    match_so,
)
from provenance.extract.segmentation import Sentence
from provenance.extract.sentence_context import CLAUSE_PUNCTUATION, Frame, SentenceContext, quotation_mask
from provenance.extract.verbs import match_dass_clause, match_that_clause, match_verb


def find_frames(text: str, sentence: Sentence, lexicon: Lexicon) -> list[Frame]:
    """Every attribution frame of ``sentence`` whose cue is in the lexicon."""
    context = SentenceContext(text, sentence.tokens, lexicon, quotation_mask(sentence.tokens))
    frames: list[Frame] = []
    claimed: set[int] = set()
    index = 0
    while index < len(context.tokens):
        if context.quoted[index] or index in claimed:
            index += 1
            continue
        found = match_at(context, index)
        if found is None:
            index += 1
            continue
        frame, used = found
        frames.append(frame)
        claimed.update(used)
        index += 1
    return trim_overlapping_contents(context, frames)


def match_at(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    for matcher in (
        match_anaphor,
        match_preposition,
        match_postposition,
        match_report_noun,
        match_so,
        match_verb,
        match_that_clause,
        match_dass_clause,
        match_colon,
    ):
        found = matcher(context, index)
        if found is not None:
            return found
    return None


def trim_overlapping_contents(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """End a content where the next frame's cue or source begins (*X said A, and Y argued B*)."""
    for frame, following in itertools.pairwise(frames):
        boundary = min([start for start, _ in following.cue] + [mention.start for mention in following.sources])
        trimmed = []
        for start, end in frame.content:
            if start < boundary < end:
                end = last_word_end_before(context, boundary)
            if end > start:
                trimmed.append((start, end))
        if trimmed:
            frame.content = trimmed
    return frames


def last_word_end_before(context: SentenceContext, offset: int) -> int:
    ends = [token.end for token in context.tokens if token.end <= offset and token.text not in CLAUSE_PUNCTUATION]
    return ends[-1] if ends else offset
