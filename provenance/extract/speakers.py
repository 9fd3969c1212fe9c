"""Speaker phrases put right before contents are trimmed against them.

The phrase finders read the words before a verb as its subject; some of those readings name the
wrong thing: the clause before *that* (*The paper reports that X told …*), a relative pronoun (*the
OECD, which said …*), the subject of an English passive (*X was highlighted by Y*), a report noun
(*Angaben aus Sicherheitskreisen*), or the end of the first content of two coordinated verbs (*X told Y
A but said B*).
"""

from __future__ import annotations

from provenance.extract.phrases import phrase_left, phrase_right
from provenance.extract.reportatives import BE_FORMS
from provenance.extract.sentence_context import (
    Frame,
    Mention,
    SentenceContext,
    in_spans,
    token_indexes,
    word_end_before,
)

COORDINATORS = frozenset("and but und aber".split())


def prepare_speakers(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """Speaker phrases before contents are trimmed against them: after *that*, antecedents of *which*, shared ones."""
    for frame in frames:
        _trim_speaker_after_complementizer(context, frame)
        _relative_speaker_antecedent(context, frame)
        _passive_agent(context, frame)
    frames = [frame for frame in frames if not _object_before_participle(context, frame)]
    return share_coordinated_speakers(context, frames)


# Determiners that open an accusative or possessive phrase: "ihre Positionen", "den Bericht".
OBJECT_DETERMINERS = frozenset("ihre ihren seine seinen unsere unseren den einen diesen keinen".split())
GERMAN_FINITE_AUXILIARIES = frozenset("hat hatte hatten haben habe hätte hätten ist war sind waren sei seien".split())


def _object_before_participle(context: SentenceContext, frame: Frame) -> bool:
    """``Beide Seiten hätten ihre Positionen dargelegt, …``: the phrase before a clause-final participle is its object.

    With a finite auxiliary earlier in the clause the subject stands before that auxiliary; the
    participle already has its object, so the clause after the comma is no content of it.
    """
    if context.lexicon.language != "de" or not frame.sources or not frame.cue:
        return False
    speaker = frame.sources[-1]
    cue = token_indexes(context, *frame.cue[0])
    spoken = token_indexes(context, speaker.start, speaker.end)
    if not cue or not spoken or spoken[-1] + 1 != cue[0] or context.lower(cue[0] + 1) not in (",", ".", ""):
        return False
    if context.lower(spoken[0]) not in OBJECT_DETERMINERS:
        # "Demnach habe Abbas erwidert": a name after the auxiliary is its inverted subject.
        return False
    before = range(max(0, spoken[0] - 4), spoken[0])
    return any(context.lower(index) in GERMAN_FINITE_AUXILIARIES for index in before)


def _passive_agent(context: SentenceContext, frame: Frame) -> None:
    """``X have been highlighted by the OECD``: in an English passive the agent after *by* speaks, not the subject."""
    if context.lexicon.language != "en" or not frame.sources or not frame.cue:
        return
    verb = token_indexes(context, *frame.cue[0])
    if not verb or context.lower(verb[0] - 1) not in BE_FORMS | {"been", "be"} or context.lower(verb[0] + 1) != "by":
        return
    agent = phrase_right(context, verb[0] + 2)
    if agent is not None:
        frame.sources[-1] = Mention(*context.span(*agent), frame.sources[-1].role)


def share_coordinated_speakers(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """``A Labour source told the Sunday Times X but said Y``: the second verb has the first verb's subject.

    The second frame's "speaker" is then the end of the first content with the coordinator
    (*… the election media campaign but*); it takes the first frame's sources and relays instead, and
    the first content ends before the coordinator. Run before contents are trimmed.
    """
    for previous, frame in zip(frames, frames[1:]):
        if not frame.sources or not previous.sources or not previous.content or not frame.cue:
            continue
        speaker = frame.sources[-1]
        previous_speaker = previous.sources[-1]
        if (speaker.start, speaker.end) == (previous_speaker.start, previous_speaker.end) and frame.cue:
            # The verb frame already read "X told Y A but said B" as X's: the first content ends before "but".
            cue_start = min(s for s, _ in frame.cue)
            if any(s < cue_start < e for s, e in previous.content):
                before = [i for i in token_indexes(context, previous.content[0][0], cue_start)]
                coordinators = [i for i in before if context.lower(i) in COORDINATORS]
                if coordinators:
                    cut = context.tokens[coordinators[-1]].start
                    end = word_end_before(context, cut, previous.content[0][0])
                    if end is not None:
                        previous.content = [(s, min(e, end)) for s, e in previous.content if s < cut]
                        frame.same_speaker_as = previous
            continue
        indexes = token_indexes(context, speaker.start, speaker.end)
        following = [i for i, token in enumerate(context.tokens) if token.start >= speaker.end][:1]
        last = indexes[-1] if indexes else None
        coordinator = last if last is not None and context.lower(last) in COORDINATORS else None
        if coordinator is None and following and context.lower(following[0]) in COORDINATORS:
            coordinator = following[0] if not in_spans(context, following[0], previous.content) else None
        if coordinator is None or len(indexes) > 12:
            continue
        inside_previous = any(s <= speaker.start < e for s, e in previous.content)
        if not inside_previous:
            continue
        cut = context.tokens[coordinator].start
        previous.content = [(s, min(e, word_end_before(context, cut, s) or e)) for s, e in previous.content if s < cut]
        frame.sources = list(previous.sources)
        frame.same_speaker_as = previous
    return frames


# "unter Berufung auf Angaben aus Sicherheitskreisen": the report noun's origin is the source.
REPORT_NOUNS = frozenset(
    "angaben informationen berichten berichte kreisen aussagen erkenntnissen zahlen daten statistiken schätzungen "
    "umfragen studien reports information figures data".split()
)


def refine_report_nouns(context: SentenceContext, frame: Frame) -> None:
    """A source phrase that is only a report noun with *aus X*/*von X* after it names X."""
    for position, mention in enumerate(frame.sources):
        indexes = token_indexes(context, mention.start, mention.end)
        if not indexes or context.lower(indexes[0]) not in REPORT_NOUNS:
            continue
        following = indexes[0] + 1
        if context.lower(following) in ("des", "der", "eines", "einer") and len(indexes) > 2:
            # "Nach Zahlen des britischen Branchenverbands SMMT": the body in the genitive gave the figures.
            frame.sources[position] = Mention(context.tokens[following].start, mention.end, mention.role)
            continue
        if len(indexes) == 1 and context.lower(following) in ("aus", "von", "from", "of"):
            phrase = phrase_right(context, following + 1)
            if phrase is not None:
                frame.sources[position] = Mention(*context.span(*phrase), mention.role)
                used = context.span(indexes[0], following)
                frame.cue = sorted(set(frame.cue) | {used})


RELATIVE_SPEAKERS = frozenset("which who der die das welche welcher".split())


def _relative_speaker_antecedent(context: SentenceContext, frame: Frame) -> None:
    """``the OECD, which said …``: a relative pronoun as speaker names the phrase before its comma."""
    if not frame.sources:
        return
    speaker = frame.sources[-1]
    indexes = token_indexes(context, speaker.start, speaker.end)
    # "the OECD, which said" (the pronoun alone, or the sentence up to it read as the subject).
    if not indexes or context.lower(indexes[-1]) not in RELATIVE_SPEAKERS or indexes[-1] < 2:
        return
    if context.tokens[indexes[-1] - 1].text != ",":
        return
    antecedent = phrase_left(context, indexes[-1] - 1)
    if antecedent is not None:
        frame.sources[-1] = Mention(*context.span(*antecedent), "relative")


def _trim_speaker_after_complementizer(context: SentenceContext, frame: Frame) -> None:
    """``The News of the World reports that Anelka told …``: the speaker is what follows the last *that*/*dass*."""
    if not frame.sources:
        return
    speaker = frame.sources[-1]
    indexes = token_indexes(context, speaker.start, speaker.end)
    cut = [i for i in indexes[:-1] if context.lower(i) in ("that", "dass")]
    if cut:
        first = cut[-1] + 1
        frame.sources[-1] = Mention(context.tokens[first].start, speaker.end, speaker.role)
