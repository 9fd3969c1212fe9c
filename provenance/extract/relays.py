"""Relays: the outlets and reporters through whose hands a claim passed on its way into the article.

A frame found by a construction names the speaker of a claim; the same sentence often names who
passed it on: *sagte X der Nachrichtenagentur Y*, *X told the Y newspaper*, *im Gespräch mit der SZ*,
*in an interview with Y*, *Y reported, citing X*, *erklärte X demnach*, *der der dpa vorlag*, *X
reportedly said*. This module adds those hops to the frames of one sentence, after the speaker (the
chain is origin first, the hop nearest the article last); attributions nested in one another are
:mod:`~provenance.extract.nesting`'s, speaker phrases :mod:`~provenance.extract.speakers`'s.
"""

from __future__ import annotations

from provenance.extract.nesting import (
    merge_nested,
    quoted_as_saying,
    unnamed_inside_named,
    without_crossed_readings,
    without_swallowing_duplicates,
)
from provenance.extract.outlets import is_outlet_phrase, outlet_phrase_at
from provenance.extract.phrases import phrase_right
from provenance.extract.registry import load_registry
from provenance.extract.reportatives import subject_is_content, unnamed_relay
from provenance.extract.sentence_context import (
    Frame,
    Mention,
    SentenceContext,
    in_spans,
    overlaps,
    token_indexes,
    word_end_before,
)
from provenance.extract.speakers import refine_report_nouns

Span = tuple[int, int]

# Verbs whose subject quotes its object: "zitierte die Nachrichtenagentur TASR Fico" is Fico > TASR.
QUOTING_VERBS = frozenset("zitierte zitiert zitieren zitierten quoted quotes quoting".split())
ENGLISH_TELLING = frozenset("told tell tells telling denied denies confirmed said says".split())
# "in an interview with", "im Gespräch mit": the one interviewing passes the words on.
INTERVIEW_NOUNS = frozenset("gespräch interview interviews telefonat interview".split())
GERMAN_DATIVE_ARTICLES = frozenset({"der", "dem"})
# Person heads after which "der Zeitung" is a genitive (the paper's speaker), not the addressee.
GENITIVE_HEADS = (
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "direktor",
    "direktorin",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "reporter",
    "reporterin",
    "herausgeber",
    "herausgeberin",
    "mitarbeiter",
    "mitarbeiterin",
    "leiter",
    "leiterin",
    "vertreter",
    "vertreterin",
    "autor",
    "autorin",
)
# Auxiliaries that are only Konjunktiv I: "habe X geantwortet", "X sei gefragt worden".
KONJUNKTIV_AUXILIARIES = frozenset("habe sei seien".split())


def add_relays(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """The frames with their relays, and outer frames that only relay an inner attribution merged into it."""
    frames = quoted_as_saying(context, without_swallowing_duplicates(context, frames))
    frames = without_crossed_readings(context, unnamed_inside_named(frames))
    for frame in frames:
        refine_report_nouns(context, frame)
    # "Bei X wäre demnach Y, sagte Hendricks": a *demnach* inside reported content is the speaker's word, no frame.
    # Inside a prepositional frame (*Nach Zahlen des SMMT liefen demnach …*) it is that frame's relay (merge_nested).
    contents = [span for frame in frames if not frame.anaphoric and frame.mode != "reported" for span in frame.content]
    frames = [
        frame
        for frame in frames
        if not (frame.anaphoric and any(s <= start and end <= e for start, end in frame.cue for s, e in contents))
    ]
    frames = merge_nested(context, frames)
    for frame in frames:
        if frame.content and frame.sources and not frame.anaphoric and frame.same_speaker_as is None:
            _relays_in_frame(context, frame)
        elif frame.content and frame.anaphoric:
            handed: list[Mention] = []
            _document_handed_to(context, frame, handed)
            if handed:
                # "Dem Bericht zufolge, der der dpa vorlag": a report introduced by its relative clause points back to nothing.
                frame.anaphoric = False
                frame.relays = list(frame.relays) + handed
    for frame in frames:
        if frame.same_speaker_as is not None:
            frame.sources = list(frame.same_speaker_as.sources)
            frame.relays = list(frame.same_speaker_as.relays)
    # "Demnach habe Abbas erwidert": once *demnach* is the relay of the verb's frame, its own frame goes.
    absorbed = {span for frame in frames if not frame.anaphoric for span in frame.cue}
    return [frame for frame in frames if not (frame.anaphoric and set(frame.cue) <= absorbed)]


def _relays_in_frame(context: SentenceContext, frame: Frame) -> None:
    """Relays that the frame's own attribution words name: an outlet addressed, interviewing or printing, *demnach*."""
    german = context.lexicon.language == "de"
    if not german:
        _interview_after_content(context, frame)
    region = _attribution_region(context, frame)
    if not region:
        return
    found: list[Mention] = []
    cue_words = {index for index in region if in_spans(context, index, frame.cue)}
    if german:
        _outlet_inside_speaker(context, frame, cue_words, found)
    speaker = frame.sources[-1]
    relay_at = _german_relay_at if german else _english_relay_at
    for index in region:
        taken = frame.sources + frame.relays + found
        if any(overlaps((m.start, m.end), context.span(index, index)) for m in taken):
            continue
        relay = relay_at(context, frame, index, speaker, cue_words)
        if relay is not None:
            found.append(relay)
    if german and any(context.lower(index) in KONJUNKTIV_AUXILIARIES for index in region):
        frame.reported_by_previous = True
    _document_handed_to(context, frame, found)
    if _unnamed_relay_in(context, frame, region, found):
        return
    if found:
        frame.relays = sorted(list(frame.relays) + found, key=_relay_order)


def _outlet_inside_speaker(context: SentenceContext, frame: Frame, cue_words: set[int], found: list[Mention]) -> None:
    """German speaker phrases that hold the outlet: *Heino (77) der Bild-Zeitung*, *zitierte die Agentur TASR Fico*."""
    split = _dative_outlet_inside_speaker(context, frame.sources[-1])
    if split is not None:
        frame.sources[-1], relay = split
        found.append(relay)
    if any(context.lower(index) in QUOTING_VERBS for index in cue_words):
        quoted = _outlet_quoting(context, frame.sources[-1])
        if quoted is not None:
            frame.sources[-1], relay = quoted
            found.append(relay)


def _german_relay_at(
    context: SentenceContext, frame: Frame, index: int, speaker: Mention, cue_words: set[int]
) -> Mention | None:
    """The relay a German attribution names at token ``index``: *der/dem Y*, *gegenüber Y*, *im Gespräch mit Y*, *demnach*."""
    word = context.lower(index)
    if word in GERMAN_DATIVE_ARTICLES and _after_speaker_or_verb(context, index, speaker, cue_words):
        return outlet_phrase_at(context, index)
    if word == "gegenüber":
        return outlet_phrase_at(context, index + 1)
    if word == "mit" and context.lower(index - 1) in INTERVIEW_NOUNS:
        return outlet_phrase_at(context, index + 1)
    if word in ("im", "in") and _after_speaker_or_verb(context, index, speaker, cue_words):
        # "sagte er im ZDF", "schrieb sie in der Zeit": the outlet that broadcast or printed the words.
        return outlet_phrase_at(context, index + 1)
    if word == "demnach" and index not in cue_words:
        frame.cue = sorted(set(frame.cue) | {context.span(index, index)})
        return Mention(*context.span(index, index), "anaphor")
    return None


def _english_relay_at(
    context: SentenceContext, frame: Frame, index: int, speaker: Mention, cue_words: set[int]
) -> Mention | None:
    """The relay an English attribution names at token ``index``: *told Y*, *interview with Y*, *quoted in Y*.

    *citing X* names no relay but the origin, which goes before the speaker.
    """
    word = context.lower(index)
    if word in ENGLISH_TELLING and index in cue_words:
        start = index + 2 if context.lower(index + 1) == "to" else index + 1
        relay = outlet_phrase_at(context, start)
        if relay is not None:
            _content_from(context, frame, relay.end)
        return relay
    if word == "with" and context.lower(index - 1) in INTERVIEW_NOUNS:
        return outlet_phrase_at(context, index + 1)
    if word == "in" and context.lower(index - 1) in ("quoted", "quotes"):
        # "was quoted in the Herald newspaper saying": the paper that printed the words.
        return outlet_phrase_at(context, index + 1)
    if word == "to" and context.lower(index - 1) in ("speaking", "talking", "comments", "remarks", "statement", "email"):
        return outlet_phrase_at(context, index + 1)
    if word in ("in", "on") and _after_speaker_or_verb(context, index, speaker, cue_words):
        # "wrote in the Guardian", "said on Sky News": the outlet that printed or broadcast the words.
        return outlet_phrase_at(context, index + 1)
    if word in ("citing", "quoting") and index not in cue_words:
        _cited_origin(context, frame, index)
    return None


def _cited_origin(context: SentenceContext, frame: Frame, index: int) -> None:
    """``Reuters reported, citing two officials``: the ones cited are the origin, before the speaker."""
    cited = phrase_right(context, index + 1)
    if cited is None:
        return
    # "citing people familiar with the talks", "sources close to the minister".
    marker = next((i for i in (cited[1], cited[1] + 1) if context.lower(i) in ("familiar", "close")), None)
    rest = phrase_right(context, marker + 2) if marker is not None else None
    if rest is not None:
        cited = (cited[0], rest[1])
    frame.sources.insert(0, Mention(*context.span(*cited), "origin"))
    frame.cue = sorted(set(frame.cue) | {context.span(index, index)})


def _unnamed_relay_in(context: SentenceContext, frame: Frame, region: list[int], found: list[Mention]) -> bool:
    """Add the unnamed relay of *reportedly*, *is alleged to*, *soll*; True when it made the frame sourceless.

    ``Security concerns are said to be a major reason``: nobody named says it; the subject is what is said.
    """
    unnamed = unnamed_relay(context, frame, region)
    if unnamed is None:
        return False
    speaker = frame.sources[-1]
    frame.hedged = True
    if subject_is_content(context, frame, unnamed):
        subject_end = word_end_before(context, unnamed.start, speaker.start) or speaker.end
        frame.content = sorted([(speaker.start, subject_end), *frame.content])
        frame.cue = [(unnamed.start, unnamed.end)]
        frame.sources = []
        frame.relays = [unnamed]
        frame.mode = "reported"
        return True
    if speaker.start < unnamed.start < speaker.end:
        # "Mr Houston is alleged to", "The document reportedly": the marker is no part of the speaker.
        end = word_end_before(context, unnamed.start, speaker.start)
        if end is not None:
            frame.sources[-1] = Mention(speaker.start, end, speaker.role)
    found.append(unnamed)
    return False


def _content_from(context: SentenceContext, frame: Frame, offset: int) -> None:
    """``told the Sunday Times Mr Campbell would …``: the content starts right after the outlet addressed."""
    first = next((i for i, token in enumerate(context.tokens) if token.start >= offset), None)
    if first is None or not frame.content:
        return
    if context.lower(first) == "that":
        first += 1
    start, end = frame.content[0]
    if start < offset < end and first < len(context.tokens):
        # "told the Guardian newspaper the plan …": the phrase finder ended the addressee too early.
        frame.content[0] = (context.tokens[first].start, end)
        return
    if first < len(context.tokens) and offset <= context.tokens[first].start < start and context.tokens[first].is_word:
        words_between = [t for t in context.tokens if context.tokens[first].start <= t.start < start and t.is_word]
        if len(words_between) <= 6:
            frame.content[0] = (context.tokens[first].start, end)


def _relay_order(mention: Mention) -> tuple[int, int]:
    """The frame's own relays in text order, then its unnamed reportative relay, then the chain of an outer frame.

    The sort is stable, so an outer frame's hops keep their order (origin first).
    """
    if mention.role.startswith("outer"):
        return (2, 0)
    return (1 if mention.role == "unnamed" else 0, mention.start)


def _attribution_region(context: SentenceContext, frame: Frame) -> list[int]:
    """Token indexes of the frame's attribution words: the stretch around its cue outside its content."""
    inside = [False] * len(context.tokens)
    for start, end in frame.content:
        for index in token_indexes(context, start, end):
            inside[index] = True
    cue_tokens = [index for start, end in frame.cue for index in token_indexes(context, start, end)]
    region: set[int] = set()
    for index in cue_tokens:
        left = index
        while left - 1 >= 0 and not inside[left - 1]:
            left -= 1
        right = index
        while right + 1 < len(context.tokens) and not inside[right + 1]:
            right += 1
        region.update(range(left, right + 1))
    return sorted(index for index in region if not inside[index])


def _after_speaker_or_verb(context: SentenceContext, index: int, speaker: Mention, cue_words: set[int]) -> bool:
    """``sagte X der Zeitung`` or ``X sagte der Zeitung``: the dative stands right after the speaker or the verb."""
    previous = index - 1
    while previous >= 0 and context.lower(previous) in ("am", "heute", "gestern", "weiter", "auch", "zudem", "nun", ","):
        previous -= 1
    if previous < 0:
        return False
    token = context.tokens[previous]
    return previous in cue_words or token.end == speaker.end


def _dative_outlet_inside_speaker(context: SentenceContext, speaker: Mention) -> tuple[Mention, Mention] | None:
    """``sagte Musiker Heino (77) der Bild-Zeitung``: a speaker phrase that swallowed the outlet addressed."""
    indexes = [i for i, token in enumerate(context.tokens) if speaker.start <= token.start and token.end <= speaker.end]
    for position, index in enumerate(indexes[1:], start=1):
        if context.lower(index) not in GERMAN_DATIVE_ARTICLES:
            continue
        before = context.tokens[indexes[position - 1]]
        if context.lower(index) == "der" and before.lower.endswith(GENITIVE_HEADS):
            continue
        tail = context.text[context.tokens[index].start : speaker.end]
        if not is_outlet_phrase(tail, "de"):
            continue
        head_end = word_end_before(context, context.tokens[index].start, speaker.start)
        if head_end is None:
            return None
        return Mention(speaker.start, head_end, speaker.role), Mention(context.tokens[index].start, speaker.end, "relay")
    return None


def _outlet_quoting(context: SentenceContext, speaker: Mention) -> tuple[Mention, Mention] | None:
    """``zitierte die Nachrichtenagentur TASR Fico``: the outlet quotes the one named after it."""
    indexes = [i for i, token in enumerate(context.tokens) if speaker.start <= token.start and token.end <= speaker.end]
    registry = load_registry()
    for position in range(len(indexes) - 1, 0, -1):
        head = context.text[speaker.start : context.tokens[indexes[position - 1]].end]
        rest = context.tokens[indexes[position]]
        if not rest.capitalized:
            continue
        if is_outlet_phrase(head, context.lexicon.language) and registry.find(rest.text) is None:
            origin = Mention(rest.start, context.tokens[indexes[-1]].end, speaker.role)
            return origin, Mention(speaker.start, context.tokens[indexes[position - 1]].end, "relay")
    return None


HANDED_TO_VERBS = frozenset("vorliegt vorlag vorliegen vorlagen vorliege zugespielt".split())


def _document_handed_to(context: SentenceContext, frame: Frame, found: list[Mention]) -> None:
    """``Dem Bericht zufolge, der der dpa vorlag, …``: the outlet the document lay before relays it.

    The relative clause after the source (*, der/die/das + outlet + vorliegt*) is cut from the content.
    """
    if context.lexicon.language != "de" or not frame.content:
        return
    start, end = frame.content[0]
    first = token_indexes(context, start, end)
    if len(first) < 4 or context.lower(first[0]) not in ("der", "die", "das", "den", "dem"):
        return
    for offset, index in enumerate(first[1:8], start=1):
        if context.lower(index) in HANDED_TO_VERBS:
            relay = outlet_phrase_at(context, first[1])
            if relay is None or relay.end > context.tokens[index].start:
                return
            after = index + 1
            while after < len(context.tokens) and context.tokens[after].text == ",":
                after += 1
            if after >= len(context.tokens) or context.tokens[after].start >= end:
                return
            found.append(relay)
            frame.content[0] = (context.tokens[after].start, end)
            frame.cue = sorted(set(frame.cue) | {context.span(index, index)})
            return




INTERVIEW_DETERMINERS = frozenset("an a her his their its".split())


def _interview_after_content(context: SentenceContext, frame: Frame) -> None:
    """``X claimed the plan would fail, in an interview with the Y``: the interview closes the content, not part of it.

    The words from the comma on leave the content and join the cue; the outlet interviewing, if
    one is named, is found as a relay by :func:`_english_relay_at`.
    """
    start, end = frame.content[-1]
    indexes = token_indexes(context, start, end)
    for position, index in enumerate(indexes[2:-3], start=2):
        if context.lower(index) != "in" or context.lower(index + 1) not in INTERVIEW_DETERMINERS:
            continue
        if context.lower(index + 2) not in INTERVIEW_NOUNS or context.lower(index + 3) not in ("with", "on"):
            continue
        comma = context.tokens[index - 1].text == ","
        outlet = outlet_phrase_at(context, index + 4)
        closes = outlet is not None and (outlet.end >= end or context.text[outlet.end : outlet.end + 1] == ",")
        if not (comma or closes):
            # "he was misquoted in an interview with a friend …": the interview is what is said.
            continue
        last = index - 2 if comma else index - 1
        frame.content[-1] = (start, context.tokens[last].end)
        frame.cue = sorted(set(frame.cue) | {context.span(index, index + 3)})
        return
