"""Attribution frames in one sentence: every construction's matcher tried at every cue word.

The constructions live in :mod:`~provenance.extract.verbs` and :mod:`~provenance.extract.prepositional`;
this module runs them in order of precedence and keeps two frames from claiming the same words.
"""

from __future__ import annotations

import itertools
from functools import cache

from provenance.extract.lexicon import Lexicon, lexicon_for
from provenance.extract.opinions import OPINION_NOUNS, match_opinion
from provenance.extract.passives import (
    IMPERSONAL_PARTICIPLES,
    JUDGING_PARTICIPLES,
    match_became_known,
    match_impersonal_passive,
    match_judging_passive,
)
from provenance.extract.prepositional import (
    match_anaphor,
    match_colon,
    match_emerges_from,
    match_postposition,
    match_preposition,
    match_report_noun,
    match_so,
)
from provenance.extract.quotations import match_colon_quotation
from provenance.extract.relays import add_relays
from provenance.extract.reportatives import TRIGGERS as REPORTATIVE_TRIGGERS
from provenance.extract.reportatives import match_reportative
from provenance.extract.segmentation import Sentence
from provenance.extract.sentence_context import CLAUSE_PUNCTUATION, Frame, SentenceContext, quotation_mask
from provenance.extract.speakers import prepare_speakers
from provenance.extract.speech_acts import NOMINAL_OBJECT_VERBS, match_nominal_speech_act
from provenance.extract.verbs import (
    match_dass_clause,
    match_konjunktiv_clause,
    match_that_clause,
    match_verb,
    reported_clause_follows,
)


def find_frames(text: str, sentence: Sentence, lexicon: Lexicon) -> list[Frame]:
    """Every attribution frame of ``sentence`` whose cue is in the lexicon."""
    tokens = sentence.tokens
    triggers = trigger_words(lexicon)
    # Most sentences hold no cue at all: a set look-up per token decides before any matcher runs.
    candidates = [
        index
        for index, token in enumerate(tokens)
        if token.lower in triggers
        or _before_complement(tokens, index)
        or lexicon.language == "de"
        and reported_clause_follows(tokens, index)
    ]
    if not candidates:
        return []
    context = SentenceContext(text, tokens, lexicon, quotation_mask(tokens))
    frames: list[Frame] = []
    claimed: set[int] = set()
    for index in candidates:
        if context.quoted[index] or index in claimed:
            continue
        found = match_at(context, index)
        if found is not None:
            frame, used = found
            frames.append(frame)
            claimed.update(used)
    if len(frames) > 1:
        # A reportative stands alone only where no other attribution reads the sentence (then it is a relay).
        frames = [frame for frame in frames if not (frame.cue and frame.relays and not frame.sources)] or frames
    frames = prepare_speakers(context, frames)
    return add_relays(context, trim_overlapping_contents(context, frames))


def trigger_words(lexicon: Lexicon) -> frozenset[str]:
    """Words at which some matcher can start: cue verbs, prepositional cues, *so*, *nach*, colons."""
    return _trigger_words(lexicon.language)


@cache
def _trigger_words(language: str) -> frozenset[str]:
    lexicon = lexicon_for(language)
    words = set(lexicon.cue_verbs) | set(lexicon.particles) | lexicon.anaphoric_cues | lexicon.source_postpositions
    words |= {phrase[0] for phrase in lexicon.source_prepositions}
    words |= {"nach", "gemäß", "so", ":"} | REPORTATIVE_TRIGGERS
    if language == "de":
        words |= (
            set(NOMINAL_OBJECT_VERBS)
            | IMPERSONAL_PARTICIPLES
            | JUDGING_PARTICIPLES
            | OPINION_NOUNS
            | {"bekannt", "bekanntgegeben"}
        )
    return frozenset(words)


def _before_complement(tokens, index: int) -> bool:
    """A word right before *that* or *, dass*: the verb of a that-clause may be any verb."""
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    return following == "that" or following == "," and index + 2 < len(tokens) and tokens[index + 2].lower == "dass"


def match_at(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    for matcher in (
        match_anaphor,
        match_preposition,
        match_postposition,
        match_report_noun,
        match_so,
        match_nominal_speech_act,
        match_judging_passive,
        match_impersonal_passive,
        match_became_known,
        match_opinion,
        match_emerges_from,
        match_verb,
        match_that_clause,
        match_dass_clause,
        match_konjunktiv_clause,
        match_colon,
        match_colon_quotation,
        match_reportative,
    ):
        found = matcher(context, index)
        if found is not None:
            return found
    return None


def trim_overlapping_contents(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """End a content where the next frame's cue or source begins (*X said A, and Y argued B*)."""
    for frame, following in itertools.pairwise(frames):
        if _demnach_inside(context, frame, following):
            # "Nach Zahlen des SMMT liefen demnach …": the relay of this frame, merged by nesting.merge_nested.
            continue
        boundary = min([start for start, _ in following.cue] + [mention.start for mention in following.sources])
        trimmed = []
        cue_before_content = bool(frame.cue) and max(e for _, e in frame.cue) <= frame.content[0][0]
        # Only a frame that begins after this one's cue takes the content spans after its start.
        follows_cue = bool(frame.cue) and boundary > max(e for _, e in frame.cue)
        for start, end in frame.content:
            if start < boundary < end:
                end = last_word_end_before(context, boundary)
            elif start >= boundary and follows_cue and not cue_before_content and frame.content[0][0] < boundary:
                # "Growth will slow, according to the OECD, which said …": the part after the next frame begins is its.
                continue
            if end > start:
                trimmed.append((start, end))
        if trimmed:
            frame.content = trimmed
    return frames


def _demnach_inside(context: SentenceContext, frame: Frame, following: Frame) -> bool:
    """Whether ``following`` is a lower-case *demnach* inside this named frame's content."""
    if not following.anaphoric or frame.anaphoric or not frame.sources or len(following.cue) != 1:
        return False
    start, end = following.cue[0]
    word = context.text[start:end]
    return word == "demnach" and any(s < start and end < e for s, e in frame.content)


def last_word_end_before(context: SentenceContext, offset: int) -> int:
    """End of the last word before ``offset``, skipping punctuation and a conjunction that joins the next frame."""
    tokens = [token for token in context.tokens if token.end <= offset]
    while tokens and (tokens[-1].text in CLAUSE_PUNCTUATION or tokens[-1].lower in JOINING_CONJUNCTIONS):
        tokens.pop()
    return tokens[-1].end if tokens else offset


JOINING_CONJUNCTIONS = frozenset("und aber doch denn sondern oder and but".split())
