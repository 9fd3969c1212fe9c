"""Attribution frames in one sentence: where the cue, the source mentions and the content are.

A frame is still offsets only; :mod:`provenance.extract.naming` turns its mentions into sources.
Each ``_match_*`` function recognises one construction at a cue word and returns a frame or None:
verbs of saying in either order (German inversion included), prepositional cues (*laut X*,
*X zufolge*, *nach Angaben X*, *according to X*), *so X* and *wie X sagte*, and *Demnach*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.extract.lexicon import Lexicon
from provenance.extract.registry import lowercase_outlet_names
from provenance.extract.segmentation import ABBREVIATIONS, CLOSING_QUOTES, OPENING_QUOTES, Sentence, Token

Span = tuple[int, int]

CLAUSE_PUNCTUATION = frozenset(",;:–—")
FINAL_PUNCTUATION = frozenset(".!?")
# Capitalised sentence openers after which a German verb comes before its subject.
GERMAN_FRONTED_ADVERBS = frozenset(
    "dazu gestern heute zudem außerdem weiter später dabei anschließend zuvor bereits auch noch nun jetzt "
    "damals daraufhin ferner allerdings trotzdem deshalb dennoch darüber daher hierzu dort zugleich "
    "gleichzeitig inzwischen mittlerweile zuletzt schließlich vorher danach am im in an auf bei vor nach "
    "mit gegenüber über seit während wie so ebenfalls weiterhin laut zunächst erst kürzlich dagegen hingegen "
    "jedoch doch tatsächlich gleichwohl stattdessen seither derzeit bislang bisher ebenso erneut abschließend "
    "offenbar offensichtlich insbesondere unterdessen indes momentan zwar immerhin für aus zum zur vom beim "
    "als nachdem um wegen trotz ende anfang".split()
)
LONG_POSTPOSED_REMAINDER = 6
# Particles that may stand before a German subject without taking its place: "Auch sie forderten".
GERMAN_FOCUS_PARTICLES = frozenset("auch selbst sogar nur ebenso zudem".split())
# Pronouns before a verb of saying that stand for the previous sentence: "Dies sagte der Minister."
GERMAN_BACK_REFERENCES = frozenset("dies das dieses".split())
# The finite verb after the subject when the cue is a participle: "Die Polizei hat am Montag mitgeteilt".
GERMAN_AUXILIARIES = frozenset("hat hatte haben hatten habe hätten ist war sind waren wird wurde soll will".split())
# "Senate Majority Leader Mitch McConnell: ..." is about as long as a speaker before a colon gets.
MAX_COLON_SPEAKER_TOKENS = 6
# English sentence openers that make "In X, Y said ..." a frame with its content after the verb.
ENGLISH_ADVERBIAL_OPENERS = frozenset(
    "in at during after on before when while as speaking asked since following like unlike for with".split()
)


@dataclass
class Mention:
    """Where a source is named in the text; ``role`` says how the frame found it."""

    start: int
    end: int
    role: str = "speaker"


@dataclass
class Frame:
    """One attribution: cue spans, content spans and source mentions (origin first)."""

    cue: list[Span]
    content: list[Span]
    sources: list[Mention]
    mode: str
    anaphoric: bool = False
    # "Dies sagte X": the previous sentence is what X said, and it joins the content.
    content_in_previous_sentence: bool = False
    medium: str | None = None
    hedged: bool = False
    cue_tokens: list[Token] = field(default_factory=list)


@dataclass
class _Context:
    """The sentence being read and the lexicon to read it with."""

    text: str
    tokens: list[Token]
    lexicon: Lexicon
    quoted: list[bool]

    def span(self, first: int, last: int) -> Span:
        """Character span of tokens ``first..last`` inclusive."""
        return (self.tokens[first].start, self.tokens[last].end)

    def lower(self, index: int) -> str:
        return self.tokens[index].lower if 0 <= index < len(self.tokens) else ""


def find_frames(text: str, sentence: Sentence, lexicon: Lexicon) -> list[Frame]:
    """Every attribution frame of ``sentence`` whose cue is in the lexicon."""
    context = _Context(text, sentence.tokens, lexicon, _quotation_mask(sentence.tokens))
    frames: list[Frame] = []
    claimed: set[int] = set()
    index = 0
    while index < len(context.tokens):
        if context.quoted[index] or index in claimed:
            index += 1
            continue
        found = _match_at(context, index)
        if found is None:
            index += 1
            continue
        frame, used = found
        frames.append(frame)
        claimed.update(used)
        index += 1
    return _trim_overlapping_contents(context, frames)


def _trim_overlapping_contents(context: _Context, frames: list[Frame]) -> list[Frame]:
    """End a content where the next frame's cue or source begins (*X said A, and Y argued B*)."""
    for frame, following in zip(frames, frames[1:]):
        boundary = min([start for start, _ in following.cue] + [mention.start for mention in following.sources])
        trimmed = []
        for start, end in frame.content:
            if start < boundary < end:
                end = _last_word_end_before(context, boundary)
            if end > start:
                trimmed.append((start, end))
        if trimmed:
            frame.content = trimmed
    return frames


def _last_word_end_before(context: _Context, offset: int) -> int:
    ends = [token.end for token in context.tokens if token.end <= offset and token.text not in CLAUSE_PUNCTUATION]
    return ends[-1] if ends else offset


def _match_at(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    for matcher in (
        _match_anaphor,
        _match_preposition,
        _match_postposition,
        _match_report_noun,
        _match_so,
        _match_verb,
        _match_colon,
    ):
        found = matcher(context, index)
        if found is not None:
            return found
    return None


def _quotation_mask(tokens: list[Token]) -> list[bool]:
    """True for tokens inside a quotation (the marks themselves included)."""
    mask = [False] * len(tokens)
    opened_at: int | None = None
    for index, token in enumerate(tokens):
        if opened_at is None and token.text in OPENING_QUOTES and _has_closer(tokens, index):
            opened_at = index
            mask[index] = True
        elif opened_at is not None:
            mask[index] = True
            if token.text in CLOSING_QUOTES:
                opened_at = None
    return mask


def _has_closer(tokens: list[Token], index: int) -> bool:
    return any(token.text in CLOSING_QUOTES for token in tokens[index + 1 :])


# --- constructions -------------------------------------------------------------------------------


def _match_anaphor(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    """*Demnach ...* / *wonach ...*: the previous source said the rest of the clause."""
    if context.lower(index) not in context.lexicon.anaphoric_cues:
        return None
    content = _content_after(context, index + 1)
    if content is None:
        return None
    cue = context.span(index, index)
    frame = Frame(cue=[cue], content=[content], sources=[Mention(*cue, role="anaphor")], mode="reported", anaphoric=True)
    if context.lower(index) == "wonach":
        noun_phrase = _phrase_left(context, index - 1 if context.lower(index - 1) == "," else index)
        if noun_phrase is not None:
            frame.sources = [Mention(*context.span(*noun_phrase))]
            frame.anaphoric = False
    return frame, {index}


def _match_preposition(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    """*laut X*, *according to X*, *unter Berufung auf X*: the source follows the cue."""
    phrase = _phrase_at(context, index, context.lexicon.source_prepositions)
    if phrase is None:
        return None
    if context.lexicon.language == "de" and phrase[0] == "unter" and index > 0 and _previous_frame_word(context, index):
        return None
    after = index + len(phrase)
    noun_phrase = _phrase_right(context, after)
    if noun_phrase is None:
        return None
    cue_first, cue_last = index, after - 1
    sources = [Mention(*context.span(*noun_phrase))]
    used = set(range(index, noun_phrase[1] + 1))
    end = noun_phrase[1]
    relay = _relay_after(context, end + 1)
    cue = [context.span(cue_first, cue_last)]
    if relay is not None:
        relay_cue, origin = relay
        cue.append(context.span(*relay_cue))
        sources.insert(0, Mention(*context.span(*origin)))
        end = origin[1]
    content = _content_around(context, index, end)
    if not content:
        return None
    return Frame(cue=cue, content=content, sources=sources, mode="reported"), used


def _match_postposition(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    """*X zufolge* (and *dem Bericht zufolge*, which refers back)."""
    if context.lower(index) not in context.lexicon.source_postpositions:
        return None
    noun_phrase = _phrase_left(context, index)
    if noun_phrase is None:
        return None
    first = noun_phrase[0]
    cue = [context.span(index, index)]
    sources = [Mention(*context.span(*noun_phrase))]
    end = index
    # "hieß es X zufolge aus Y": the speech verb before and the origin after belong to the frame.
    if first >= 2 and context.lower(first - 1) == "es" and context.lower(first - 2) in ("hieß", "heißt"):
        first -= 2
        cue.insert(0, context.span(first, first + 1))
    if context.lower(index + 1) == "aus":
        origin = _phrase_right(context, index + 2)
        if origin is not None:
            cue.append(context.span(index + 1, index + 1))
            sources.insert(0, Mention(*context.span(*origin)))
            end = origin[1]
    anaphoric = _is_anaphoric_phrase(context, noun_phrase)
    content = _content_around(context, first, end)
    if not content:
        return None
    mode = "indirect" if len(cue) > 1 else "reported"
    return Frame(cue=cue, content=content, sources=sources, mode=mode, anaphoric=anaphoric), set(range(first, end + 1))


def _match_report_noun(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    """*nach Angaben der Polizei*, *nach aus X durchdringenden Informationen*, *nach Medieninformationen*."""
    lexicon = context.lexicon
    if lexicon.language != "de" or context.lower(index) not in ("nach", "gemäß"):
        return None
    noun_index = None
    for offset in range(1, 6):
        word = context.lower(index + offset)
        if word in lexicon.report_nouns or word.endswith(("angaben", "informationen", "berichten")):
            noun_index = index + offset
            break
        if word in CLAUSE_PUNCTUATION or word in FINAL_PUNCTUATION or not word:
            break
    if noun_index is None:
        return None
    cue = [context.span(index, index)]
    inner = (index + 1, noun_index - 1)
    source_first, source_last = noun_index, noun_index
    genitive = _phrase_right(context, noun_index + 1) if context.lower(noun_index + 1) in ("der", "des", "von", "vom", "aus", "eines", "einer") else None
    if genitive is not None:
        source_last = genitive[1]
    sources: list[Mention]
    if inner[0] <= inner[1] and context.lower(inner[0]) in ("aus", "von"):
        # "nach aus Verhandlungskreisen durchdringenden Informationen": the source sits inside.
        embedded = _phrase_right(context, inner[0] + 1)
        if embedded is None:
            return None
        embedded = (embedded[0], min(embedded[1], _last_before_participle(context, embedded[0], noun_index)))
        sources = [Mention(*context.span(*embedded))]
        if embedded[1] + 1 <= noun_index:
            cue.append(context.span(embedded[1] + 1, noun_index))
    else:
        first = inner[0] if inner[0] <= inner[1] else noun_index
        sources = [Mention(*context.span(first, source_last))]
    end = max(source_last, noun_index)
    content = _content_around(context, index, end)
    if not content:
        return None
    return Frame(cue=cue, content=content, sources=sources, mode="reported"), set(range(index, end + 1))


def _match_so(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    """German *„...“, so der Minister.*: a postposed source after *so*."""
    if context.lexicon.language != "de" or context.lower(index) != "so" or index == 0:
        return None
    if context.tokens[index - 1].text not in CLAUSE_PUNCTUATION | CLOSING_QUOTES:
        return None
    noun_phrase = _phrase_right(context, index + 1)
    if noun_phrase is None or not context.tokens[noun_phrase[0]].capitalized and context.lower(noun_phrase[0]) not in context.lexicon.determiners:
        return None
    following = context.lower(noun_phrase[1] + 1)
    if following not in ("", ".", ",", "!", "?", ";", ":") and following not in context.lexicon.phrase_stops:
        return None
    content = _content_before(context, index)
    if content is None:
        return None
    cue = [context.span(index, index)]
    return Frame(cue=cue, content=[content], sources=[Mention(*context.span(*noun_phrase))], mode="indirect"), set(range(index, noun_phrase[1] + 1))


def _match_colon(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    """*NY Daily News: Paris attacks ...* / *Trump: “...”*: a short name, a colon, then what it said."""
    if context.lexicon.language != "en" or context.lower(index) != ":" or not 1 <= index <= MAX_COLON_SPEAKER_TOKENS:
        return None
    speaker = [context.tokens[position] for position in range(index)]
    if not all(token.capitalized or not token.is_word or token.lower in ("of", "the") for token in speaker):
        return None
    if not speaker[0].capitalized or any(token.lower in context.lexicon.cue_verbs for token in speaker):
        return None
    content = _content_after(context, index + 1)
    if content is None:
        return None
    cue = [context.span(index, index)]
    return _frame(context, cue, [content], [(0, index - 1)], "indirect"), set(range(0, index + 1))


def _match_verb(context: _Context, index: int) -> tuple[Frame, set[int]] | None:
    """A verb of saying: *X sagte, ...*, *..., sagte X*, *X said ...*, *..., X said*, *wie X sagte*."""
    lexicon = context.lexicon
    word = context.lower(index)
    if word not in lexicon.cue_verbs and word not in lexicon.particles:
        return None
    clause_first = _clause_start(context, index)
    clause_last = _clause_end(context, index)
    cue_indexes = [index]
    particle = _particle(context, index, clause_last)
    if particle is not None:
        cue_indexes.append(particle)
    elif word in lexicon.particle_required:
        return None
    if word in ("hieß", "heißt") and "es" not in (context.lower(index + 1), context.lower(index - 1)):
        return None
    if word in ("hieß", "heißt") and context.lower(index + 1) == "es":
        if any(context.lower(i) in lexicon.source_postpositions for i in range(index, clause_last + 1)):
            return None
        cue_indexes.append(index + 1)
    if lexicon.language == "de":
        return _german_verb_frame(context, index, clause_first, clause_last, cue_indexes)
    return _english_verb_frame(context, index, clause_first, clause_last, cue_indexes)


def _german_verb_frame(context: _Context, verb: int, clause_first: int, clause_last: int, cue_indexes: list[int]):
    lexicon = context.lexicon
    before = [i for i in range(clause_first, verb)]
    if before and context.lower(before[0]) == "wie":
        # "..., wie die Polizei mitteilte": the wie-clause is the cue, the rest of the sentence the content.
        noun_phrase = _phrase_right(context, before[0] + 1)
        if noun_phrase is None or noun_phrase[1] >= verb:
            return None
        content = _content_around(context, before[0], clause_last)
        if not content:
            return None
        cue = [context.span(before[0], before[0])] + [context.span(i, i) for i in cue_indexes]
        return _frame(context, cue, content, [noun_phrase], "indirect"), set(range(before[0], clause_last + 1))
    after = max(cue_indexes) + 1 if context.lower(verb + 1) == "es" else verb + 1
    if context.lower(after) == "sich":
        after += 1
    if context.lower(verb + 1) == "es" and context.lower(after) in ("in", "aus", "von", "bei", "seitens", "im", "vom", "auf"):
        # "hieß es in einer Mitteilung der Polizei": the document or place is the source.
        after += 1
    phrases = _phrases_right(context, after)
    if not before and clause_first > 0 and context.tokens[clause_first - 1].text == ",":
        # "Tony Auden, ein Sprecher des Zentrums, wies darauf hin, dass ...": the subject opens the sentence.
        subject = _appositive_subject(context, clause_first) if phrases else _sentence_subject(context, clause_first)
        if subject is not None:
            return _german_subject_first(context, verb, cue_indexes, subject)
        if not phrases:
            return None
    subject = _subject_before_verb(context, before, verb)
    if subject is None:
        if not phrases:
            return None
        speaker = phrases[0]
        origins = [phrases[1]] if len(phrases) > 1 and context.lower(verb) in lexicon.quoting_verbs else []
        last = (origins or phrases[:1])[-1][1]
        medium = None
        relay = _relay_after(context, last + 1)
        cue = [context.span(i, i) for i in sorted(cue_indexes)]
        if relay is not None:
            relay_cue, origin = relay
            cue.append(context.span(*relay_cue))
            origins = [origin]
            last = origin[1]
        elif _platform_after(context, last + 1) is not None:
            preposition, platform = _platform_after(context, last + 1)
            cue.append(context.span(preposition, platform[1]))
            medium = context.text[context.tokens[platform[0]].start : context.tokens[platform[1]].end]
            last = platform[1]
        if clause_first > 0 and not before:
            content = _content_before(context, clause_first)
            content_spans = [content] if content else []
        elif len(before) == 1 and context.lower(before[0]) in GERMAN_BACK_REFERENCES:
            # "Dies teilte die Polizei mit.": what the police said is the previous sentence.
            frame = _frame(context, cue, [context.span(before[0], before[0])], origins + [speaker], "indirect")
            frame.content_in_previous_sentence = True
            frame.medium = medium
            return frame, set(cue_indexes) | set(range(speaker[0], last + 1))
        else:
            start = _introduced_content_start(context, last + 1)
            if start is None:
                return None
            content = _content_after(context, start)
            content_spans = [content] if content else []
        if not content_spans:
            return None
        sources = origins + [speaker]
        frame = _frame(context, cue, content_spans, sources, "indirect")
        frame.medium = medium
        return frame, set(cue_indexes) | set(range(speaker[0], last + 1))
    return _german_subject_first(context, verb, cue_indexes, subject)


def _appositive_subject(context: _Context, clause_first: int) -> tuple[int, int] | None:
    """``David Gamkrelidse, der Parteivorsitzende, begründete ...``: a name and appositions before the verb.

    Every comma-separated piece before the verb must be a noun phrase, the first a name, so that
    reported content before a postposed verb (``Er sei krank, sagte ...``) is never taken for one.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for index in range(clause_first):
        if context.tokens[index].text == ",":
            pieces.append((start, index - 1))
            start = index + 1
    if len(pieces) < 2:
        return None
    for first, last in pieces:
        phrase = _phrase_right(context, first)
        if first > last or phrase is None or phrase[1] < last:
            return None
    first_piece = pieces[0]
    if not context.tokens[first_piece[0]].capitalized or context.lower(first_piece[0]) in context.lexicon.determiners:
        return None
    return first_piece


def _subject_before_verb(context: _Context, before: list[int], verb: int) -> tuple[int, int] | None:
    """German verb-second: the subject before the verb, if it fills the whole field before it (else None).

    A focus particle may precede it (*Auch sie forderten ...*).
    """
    if before and context.lower(before[0]) in GERMAN_FOCUS_PARTICLES and len(before) > 1:
        before = before[1:]
    opener = context.lower(before[0]) if before else ""
    if len(before) == 1 and opener in GERMAN_BACK_REFERENCES:
        return None
    if not before or opener in GERMAN_FRONTED_ADVERBS or opener.endswith("weise") or _is_content_clause(context, before):
        return None
    subject = _phrase_right(context, before[0])
    if subject is None or subject[1] >= verb:
        return None
    rest = [context.lower(i) for i in range(subject[1] + 1, verb)]
    if rest and rest[0] in GERMAN_AUXILIARIES:
        return subject
    if all(word in context.lexicon.verb_companions or word in CLAUSE_PUNCTUATION for word in rest):
        return subject
    return None


def _german_subject_first(context: _Context, verb: int, cue_indexes: list[int], subject: tuple[int, int]):
    used = set(cue_indexes) | set(range(subject[0], subject[1] + 1))
    start = _introduced_content_start(context, max(cue_indexes) + 1)
    if start is None:
        return None
    content = _content_after(context, start)
    if content is None:
        return None
    cue = [context.span(i, i) for i in sorted(cue_indexes)]
    return _frame(context, cue, [content], [subject], "indirect"), used


def _introduced_content_start(context: _Context, index: int) -> int | None:
    """Where the reported clause starts: after a comma or colon, at *dass* or a quote; None if there is none."""
    for position in range(index, min(len(context.tokens), index + 8)):
        token = context.tokens[position]
        if token.text in ",:":
            return _skip_connectors(context, position)
        if token.lower in context.lexicon.complementizers or token.text in OPENING_QUOTES:
            return position
        if token.text in FINAL_PUNCTUATION:
            return None
    return None


def _english_verb_frame(context: _Context, verb: int, clause_first: int, clause_last: int, cue_indexes: list[int]):
    lexicon = context.lexicon
    before = list(range(clause_first, verb))
    while before and context.lower(before[-1]) in lexicon.verb_companions:
        before.pop()
    while before and context.lower(before[0]) in ("and", "but", "so", "as", "he", "she") and len(before) > 1 and context.lower(before[0]) in ("and", "but", "so", "as"):
        before.pop(0)
    remainder = clause_last - verb
    separated = clause_first > 0 and context.tokens[clause_first - 1].text in CLAUSE_PUNCTUATION | CLOSING_QUOTES
    next_word = context.lower(verb + 1)
    cue = [context.span(i, i) for i in sorted(cue_indexes)]
    if (
        separated
        and remainder <= LONG_POSTPOSED_REMAINDER
        and next_word not in lexicon.complementizers
        and next_word != ":"
        and next_word not in lexicon.pronouns
        and not _opens_quote(context, verb + 1)
        and _plausible_content_before(context, clause_first)
    ):
        content = _content_before(context, clause_first)
        appositive = None if before or context.tokens[verb + 1].capitalized else _speaker_after_quote(context, verb)
        if appositive is not None:
            quote_end, speaker = appositive
            content = _content_before(context, quote_end + 1)
        if content is not None:
            if appositive is not None:
                pass
            elif before:
                speaker = (before[0], before[-1])
            else:
                speaker = _phrase_right(context, verb + 1)
                if speaker is None:
                    return None
            spans = [content]
            continuation = _quote_after(context, max(speaker[1], verb) + 1)
            if continuation is not None:
                spans.append(continuation)
            return _frame(context, cue, spans, [speaker], "indirect"), set(range(min(speaker[0], verb), max(speaker[1], verb) + 1))
    if not before:
        subject = _sentence_subject(context, clause_first)
        if subject is None:
            return None
    else:
        subject = (before[0], before[-1])
    start = verb + 1
    if context.lower(verb) in ("told", "tells", "telling", "tell", "asked", "asks", "asking", "urged", "reminded", "assured", "warned"):
        start = _skip_addressee(context, start)
    start = _skip_connectors(context, start)
    content = _content_after(context, start)
    if content is None:
        return None
    origins = []
    if context.lower(verb) in ("citing", "quoting"):
        return None
    return _frame(context, cue, [content], origins + [subject], "indirect"), set(range(subject[0], verb + 1))


def _frame(context: _Context, cue: list[Span], content: list[Span], phrases, mode: str) -> Frame:
    sources = [Mention(*context.span(*phrase)) for phrase in phrases]
    if all(_quoted_span(context, span) for span in content):
        mode = "direct"
    return Frame(cue=cue, content=content, sources=sources, mode=mode)


# --- noun phrases --------------------------------------------------------------------------------


def _phrase_right(context: _Context, first: int) -> tuple[int, int] | None:
    phrases = _phrases_right(context, first)
    return phrases[0] if phrases else None


def _phrases_right(context: _Context, first: int) -> list[tuple[int, int]]:
    """Noun phrases starting at ``first``: the first one, then one more if a determiner starts it."""
    lexicon = context.lexicon
    tokens = context.tokens
    if first < len(tokens) and tokens[first].lower in lexicon.pronouns:
        return [(first, first)]
    phrases: list[tuple[int, int]] = []
    start = first
    index = first
    last_word = None
    german = lexicon.language == "de"
    limit = min(len(tokens), first + 14)
    while index < limit:
        token = tokens[index]
        word = token.lower
        if index > start and word in lexicon.phrase_breakers and last_word is not None and tokens[last_word].capitalized:
            phrases.append((start, last_word))
            start = index
        if word in (",",) and last_word is not None and _apposition_follows(context, index + 1):
            index += 1
            continue
        if word == "(" and last_word is not None:
            closing = _matching_parenthesis_right(context, index)
            if closing is not None:
                last_word = closing
                index = closing + 1
                continue
        if word in lexicon.phrase_stops and index > start and word not in ("von", "of"):
            break
        if not token.is_word and word not in ("-", "'", "’", ".", "&") and word not in OPENING_QUOTES | CLOSING_QUOTES:
            break
        if word == "." and not _inner_full_stop(context, index):
            break
        if german and not _german_phrase_word(context, index, start):
            break
        if not german and not _english_phrase_word(context, index, start):
            break
        if token.is_word:
            last_word = index
        index += 1
    if last_word is not None and last_word >= start:
        phrases.append((start, last_word))
    return phrases


def _german_phrase_word(context: _Context, index: int, start: int) -> bool:
    token = context.tokens[index]
    word = token.lower
    if token.capitalized or not token.is_word or word in context.lexicon.determiners or word in ("von", "vom", "für"):
        return True
    if word in lowercase_outlet_names():
        return True
    if token.text.isdigit():
        return True
    # A lower-case adjective is part of the phrase when a noun or another adjective follows it.
    following = context.tokens[index + 1] if index + 1 < len(context.tokens) else None
    return bool(following and word.endswith(("e", "en", "er", "es", "em")) and (following.capitalized or following.lower.endswith(("en", "e", "er"))))


def _english_phrase_word(context: _Context, index: int, start: int) -> bool:
    token = context.tokens[index]
    word = token.lower
    if index - start >= 8:
        return False
    if word in context.lexicon.cue_verbs and index > start:
        return False
    if word.endswith("ed") and index > start and not context.tokens[index - 1].lower in context.lexicon.determiners:
        return False
    return True


def _inner_full_stop(context: _Context, index: int) -> bool:
    """A full stop inside a name: ``faz.net``, ``Ms. Brainard``, ``U.S.``."""
    tokens = context.tokens
    if index + 1 >= len(tokens):
        return False
    if tokens[index + 1].start == tokens[index].end and tokens[index + 1].is_word:
        return True
    previous = tokens[index - 1] if index > 0 else None
    return previous is not None and (previous.lower in ABBREVIATIONS or len(previous.text) == 1) and tokens[index + 1].capitalized


def _apposition_follows(context: _Context, index: int) -> bool:
    """``, Barak Ravid,`` or ``, Barak Ravid.``: a name in apposition after a comma."""
    count = 0
    while index < len(context.tokens) and context.tokens[index].capitalized and count < 4:
        index += 1
        count += 1
    if count == 0 or count > 3:
        return False
    following = context.lower(index)
    return following in ("", ",", ".", "!", "?") or following in context.lexicon.phrase_stops


def _phrase_left(context: _Context, end: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before token ``end`` (for *X zufolge*, *X, wonach*)."""
    german = context.lexicon.language == "de"
    index = end - 1
    last = index
    while index >= 0:
        token = context.tokens[index]
        word = token.lower
        if token.text == ")":
            opening = _matching_parenthesis(context, index)
            if opening is not None:
                index = opening - 1
                continue
        if token.text in CLAUSE_PUNCTUATION or token.text in FINAL_PUNCTUATION:
            break
        if word in context.lexicon.determiners:
            index -= 1
            break
        following = context.tokens[index + 1] if index + 1 < len(context.tokens) else None
        adjective = word.endswith(("e", "en", "er", "es", "em")) and following is not None and following.capitalized
        if german and not (token.capitalized or adjective or word in ("von", "vom")):
            break
        if word in ("es", "hieß", "heißt"):
            break
        index -= 1
    first = index + 1
    if first > last:
        return None
    while first <= last and context.tokens[first].lower in ("es",):
        first += 1
    return (first, last) if first <= last else None


def _matching_parenthesis(context: _Context, closing: int) -> int | None:
    for index in range(closing - 1, max(-1, closing - 12), -1):
        if context.tokens[index].text == "(":
            return index
    return None


def _matching_parenthesis_right(context: _Context, opening: int) -> int | None:
    for index in range(opening + 1, min(len(context.tokens), opening + 10)):
        if context.tokens[index].text == ")":
            return index
    return None


def _sentence_subject(context: _Context, first: int) -> tuple[int, int] | None:
    """The sentence's first comma-separated noun phrase when the verb's own clause has none (*X, who ..., said*).

    Opening adverbials ("Similarly,", "In an interview,") are skipped.
    """
    start = 0
    while start < first:
        end = start
        while end < first and context.tokens[end].text not in CLAUSE_PUNCTUATION:
            end += 1
        segment = context.tokens[start:end]
        opener = segment[0].lower if segment else ""
        adverbial = opener in ENGLISH_ADVERBIAL_OPENERS or opener.endswith("ly") or len(segment) == 1 and not segment[0].capitalized
        if segment and not adverbial and len(segment) <= 10:
            return (start, end - 1)
        start = end + 1
    return None


def _speaker_after_quote(context: _Context, verb: int) -> tuple[int, tuple[int, int]] | None:
    """``“...,” the press secretary, Josh Earnest, said on Tuesday``: (the closing quote, the speaker)."""
    for index in range(verb - 1, max(-1, verb - 25), -1):
        if context.tokens[index].text in CLOSING_QUOTES and context.quoted[index]:
            first = index + 1
            while first < verb and context.tokens[first].text in CLAUSE_PUNCTUATION:
                first += 1
            last = verb - 1
            while last >= first and context.tokens[last].text in CLAUSE_PUNCTUATION:
                last -= 1
            return (index, (first, last)) if first <= last else None
    return None


# --- content -------------------------------------------------------------------------------------


def _content_after(context: _Context, start: int) -> Span | None:
    """From token ``start`` to the end of the sentence, final punctuation left out."""
    tokens = context.tokens
    last = len(tokens) - 1
    while last >= start and (tokens[last].text in FINAL_PUNCTUATION or tokens[last].text in CLAUSE_PUNCTUATION):
        last -= 1
    if last < start:
        return None
    if tokens[start].text in OPENING_QUOTES and last + 1 < len(tokens) and tokens[last + 1].text in CLOSING_QUOTES:
        last += 1
    return context.span(start, last)


def _content_before(context: _Context, end: int) -> Span | None:
    """From the sentence start to just before token ``end`` (a comma or quote is left out)."""
    tokens = context.tokens
    last = end - 1
    while last >= 0 and tokens[last].text in CLAUSE_PUNCTUATION:
        last -= 1
    if last < 0:
        return None
    first = 0
    while first < last and tokens[first].text in CLAUSE_PUNCTUATION:
        first += 1
    return context.span(first, last)


def _content_around(context: _Context, cue_first: int, cue_last: int) -> list[Span]:
    """The clause around a prepositional cue, without the cue and its source (one or two spans)."""
    tokens = context.tokens
    spans: list[Span] = []
    left_last = cue_first - 1
    while left_last >= 0 and tokens[left_last].text in CLAUSE_PUNCTUATION:
        left_last -= 1
    if left_last >= 0:
        left_first = 0
        spans.append(context.span(left_first, left_last))
    right_first = cue_last + 1
    while right_first < len(tokens) and tokens[right_first].text in CLAUSE_PUNCTUATION:
        right_first += 1
    right = _content_after(context, right_first) if right_first < len(tokens) else None
    if right is not None:
        spans.append(right)
    return spans


def _quote_after(context: _Context, index: int) -> Span | None:
    """``“A,” he said, “B.”``: the quotation that continues after the cue."""
    while index < len(context.tokens) and context.tokens[index].text in CLAUSE_PUNCTUATION:
        index += 1
    if index < len(context.tokens) and context.tokens[index].text in OPENING_QUOTES:
        return _content_after(context, index)
    return None


def _plausible_content_before(context: _Context, clause_first: int) -> bool:
    """Whether the words before a postposed *X said* are a statement rather than an opening phrase."""
    if context.tokens[0].text in OPENING_QUOTES:
        return True
    words = [token for token in context.tokens[:clause_first] if token.is_word]
    if len(words) < 4:
        return False
    opens_with_adverbial = words[0].lower in ENGLISH_ADVERBIAL_OPENERS or words[0].lower.endswith("ly")
    return not opens_with_adverbial or len(words) > 10 or context.tokens[0].text in OPENING_QUOTES


def _quoted_span(context: _Context, span: Span) -> bool:
    text = context.text[span[0] : span[1]]
    return bool(text) and text[0] in OPENING_QUOTES and text[-1] in CLOSING_QUOTES | {".", ","}


def _opens_quote(context: _Context, index: int) -> bool:
    return index < len(context.tokens) and context.tokens[index].text in OPENING_QUOTES


# --- small helpers -------------------------------------------------------------------------------


def _clause_start(context: _Context, index: int) -> int:
    first = index
    # English closes a quotation without a comma ("“...?” Trump said"); German puts one after it.
    quote_ends_clause = context.lexicon.language == "en"
    while first > 0 and context.tokens[first - 1].text not in CLAUSE_PUNCTUATION and not (
        quote_ends_clause and context.tokens[first - 1].text in CLOSING_QUOTES and context.quoted[first - 1]
    ):
        first -= 1
    return first


def _clause_end(context: _Context, index: int) -> int:
    last = index
    while last + 1 < len(context.tokens) and not _ends_clause(context, last + 1):
        last += 1
    return last


def _ends_clause(context: _Context, index: int) -> bool:
    token = context.tokens[index]
    if context.quoted[index] or token.text in CLAUSE_PUNCTUATION or token.text in "!?;":
        return True
    # A full stop inside a sentence belongs to an abbreviation ("Ms. Brainard").
    return token.text == "." and index == len(context.tokens) - 1


def _particle(context: _Context, verb: int, clause_last: int) -> int | None:
    particles = context.lexicon.particles.get(context.lower(verb))
    if not particles:
        return None
    for index in range(verb + 1, clause_last + 1):
        if context.lower(index) in particles:
            return index
    return None


def _skip_connectors(context: _Context, index: int) -> int:
    """Skip the comma, colon and complementizer between a cue and its content."""
    while index < len(context.tokens) and context.tokens[index].text in ",:":
        index += 1
    return index


def _skip_addressee(context: _Context, index: int) -> int:
    """After *told*: the content starts after *that* if it comes soon, else after the addressee."""
    for offset in range(0, 8):
        word = context.lower(index + offset)
        if word == "that":
            return index + offset
        if word in (",", ":") or word in OPENING_QUOTES:
            return index + offset
        if word in FINAL_PUNCTUATION:
            break
    if context.lower(index) in context.lexicon.determiners:
        return index + 2
    while index < len(context.tokens) - 1 and context.tokens[index].capitalized and context.tokens[index + 1].capitalized:
        index += 1
    return index + 1


def _relay_after(context: _Context, index: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """*unter Berufung auf X* / *citing X* right after a source: (cue tokens, origin tokens)."""
    phrase = _phrase_at(context, index, context.lexicon.relay_phrases)
    if phrase is None:
        return None
    origin = _phrase_right(context, index + len(phrase))
    if origin is None:
        return None
    return (index, index + len(phrase) - 1), origin


def _phrase_at(context: _Context, index: int, phrases) -> tuple[str, ...] | None:
    for phrase in phrases:
        if all(context.lower(index + offset) == word for offset, word in enumerate(phrase)):
            return phrase
    return None


def _last_before_participle(context: _Context, first: int, noun_index: int) -> int:
    """End of the source inside *nach aus X durchdringenden Informationen*: before the participle."""
    for index in range(first + 1, noun_index):
        if context.lower(index).endswith(("nden", "ndem")):
            return index - 1
    return noun_index - 1


def _platform_after(context: _Context, index: int) -> tuple[int, tuple[int, int]] | None:
    """*auf X*, *auf Twitter* after a source: (the preposition, the platform's tokens)."""
    while context.lower(index) == ",":
        index += 1
    if context.lower(index) != "auf":
        return None
    platform = _phrase_right(context, index + 1)
    if platform is None or platform[1] - platform[0] > 2:
        return None
    return index, platform


def _previous_frame_word(context: _Context, index: int) -> bool:
    """Whether *unter Berufung auf* relays a verb frame's source rather than opening its own."""
    for back in range(index - 1, max(-1, index - 12), -1):
        if context.lower(back) in context.lexicon.cue_verbs:
            return True
    return False


def _is_anaphoric_phrase(context: _Context, phrase: tuple[int, int]) -> bool:
    words = [context.lower(i) for i in range(phrase[0], phrase[1] + 1)]
    return len(words) <= 2 and words[0] in ("dem", "den", "diesem", "diesen") and words[-1] in ("bericht", "angaben", "informationen", "berichten")


def _is_content_clause(context: _Context, before: list[int]) -> bool:
    """A clause before the verb that is itself reported content (``Er sei krank, sagte``)."""
    return any(context.lower(i) in context.lexicon.reported_speech_verbs for i in before)
