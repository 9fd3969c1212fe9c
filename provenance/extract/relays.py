"""Relays: the outlets and reporters through whose hands a claim passed on its way into the article.

A frame found by a construction names the speaker of a claim; the same sentence often names who
passed it on: *sagte X der Nachrichtenagentur Y*, *X told the Y newspaper*, *im Gespräch mit der SZ*,
*in an interview with Y*, *laut Y … sagte X*, *Y reports that X told Z: …*, *erklärte X demnach*,
*X reportedly said*. This module adds those hops to the frames of one sentence, after the speaker
(the chain is origin first, the hop nearest the article last), and merges a frame whose content is
itself an attribution into that attribution (guidelines of chains-dev: *A told B that C suggested …*
is one claim with the chain C > A > B).
"""

from __future__ import annotations

from bisect import bisect_left

from provenance.extract.phrases import phrase_left, phrase_right
from provenance.extract.registry import load_registry
from provenance.extract.sentence_context import Frame, Mention, SentenceContext

Span = tuple[int, int]

# Nouns that make a phrase an outlet: "der Agentur PAP", "the Guardian newspaper", "dem Blatt".
GERMAN_OUTLET_NOUNS = (
    "zeitung",
    "blatt",
    "agentur",
    "presseagentur",
    "sender",
    "magazin",
    "zeitschrift",
    "fernsehen",
    "rundfunk",
    "portal",
    "radio",
    "tv",
    "wochenblatt",
    "illustrierte",
)
ENGLISH_OUTLET_NOUNS = frozenset(
    "newspaper paper agency magazine broadcaster channel network programme program radio station tabloid weekly "
    "daily website tv television show newsletter journal".split()
)
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
UNNAMED_RELAY_MARKERS = frozenset("reportedly allegedly supposedly purportedly angeblich".split())
# "is said to", "is alleged to", "is believed to", "is reported to": a reportative passive.
REPORTATIVE_PARTICIPLES = frozenset("said alleged believed reported rumoured rumored thought understood".split())
# Auxiliaries that are only Konjunktiv I: "habe X geantwortet", "X sei gefragt worden".
KONJUNKTIV_AUXILIARIES = frozenset("habe sei seien".split())
NAME_TITLES = frozenset("mr mrs ms dr sir lord lady".split())
BE_FORMS = frozenset("is are was were".split())
# Content words an outer frame may keep beside the inner attribution and still be only its relay.
NESTED_REMAINDER = 6


COORDINATORS = frozenset("and but und aber".split())


def prepare_speakers(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """Speaker phrases before contents are trimmed against them: after *that*, antecedents of *which*, shared ones."""
    for frame in frames:
        _trim_speaker_after_complementizer(context, frame)
        _relative_speaker_antecedent(context, frame)
        _passive_agent(context, frame)
    return share_coordinated_speakers(context, frames)


def _passive_agent(context: SentenceContext, frame: Frame) -> None:
    """``X have been highlighted by the OECD``: in an English passive the agent after *by* speaks, not the subject."""
    if context.lexicon.language != "en" or not frame.sources or not frame.cue:
        return
    verb = _token_indexes(context, *frame.cue[0])
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
                before = [i for i in _token_indexes(context, previous.content[0][0], cue_start)]
                coordinators = [i for i in before if context.lower(i) in COORDINATORS]
                if coordinators:
                    cut = context.tokens[coordinators[-1]].start
                    end = _word_end_before(context, cut, previous.content[0][0])
                    if end is not None:
                        previous.content = [(s, min(e, end)) for s, e in previous.content if s < cut]
                        frame.same_speaker_as = previous
            continue
        indexes = _token_indexes(context, speaker.start, speaker.end)
        following = [i for i, token in enumerate(context.tokens) if token.start >= speaker.end][:1]
        last = indexes[-1] if indexes else None
        coordinator = last if last is not None and context.lower(last) in COORDINATORS else None
        if coordinator is None and following and context.lower(following[0]) in COORDINATORS:
            coordinator = following[0] if not _in_spans(context, following[0], previous.content) else None
        if coordinator is None or len(indexes) > 12:
            continue
        inside_previous = any(s <= speaker.start < e for s, e in previous.content)
        if not inside_previous:
            continue
        cut = context.tokens[coordinator].start
        previous.content = [(s, min(e, _word_end_before(context, cut, s) or e)) for s, e in previous.content if s < cut]
        frame.sources = list(previous.sources)
        frame.same_speaker_as = previous
    return frames


def add_relays(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """The frames with their relays, and outer frames that only relay an inner attribution merged into it."""
    frames = _quoted_as_saying(context, _without_swallowing_duplicates(context, frames))
    frames = _unnamed_inside_named(frames)
    for frame in frames:
        _refine_report_nouns(context, frame)
    # "Bei X wäre demnach Y, sagte Hendricks": a *demnach* inside reported content is the speaker's word, no frame.
    contents = [span for frame in frames if not frame.anaphoric for span in frame.content]
    frames = [
        frame
        for frame in frames
        if not (frame.anaphoric and any(s <= start and end <= e for start, end in frame.cue for s, e in contents))
    ]
    frames = _merged(context, frames)
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


# "unter Berufung auf Angaben aus Sicherheitskreisen": the report noun's origin is the source.
REPORT_NOUNS = frozenset(
    "angaben informationen berichten berichte kreisen aussagen erkenntnissen reports information".split()
)


def _refine_report_nouns(context: SentenceContext, frame: Frame) -> None:
    """A source phrase that is only a report noun with *aus X*/*von X* after it names X."""
    for position, mention in enumerate(frame.sources):
        indexes = _token_indexes(context, mention.start, mention.end)
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


def _token_indexes(context: SentenceContext, start: int, end: int) -> list[int]:
    """Indexes of the sentence's tokens inside ``[start, end)`` (tokens are in order: two bisections)."""
    starts = context.token_starts
    first = bisect_left(starts, start)
    last = bisect_left(starts, end)
    return [i for i in range(first, last) if context.tokens[i].end <= end]


def is_outlet_phrase(text: str, language: str) -> bool:
    """Whether a noun phrase names an outlet: a registered name, a head such as *Zeitung*, *newspaper*, or a paper's name (*Sunday Herald*)."""
    words = [word.strip(".,;:()“”„\"'’") for word in text.split()]
    words = [word for word in words if word]
    if not words:
        return False
    if load_registry().find(text) is not None or outlet_title(words):
        return True
    if language == "de":
        return any(word.lower().endswith(GERMAN_OUTLET_NOUNS) and word[:1].isupper() for word in words)
    return any(word.lower() in ENGLISH_OUTLET_NOUNS for word in words)


# Last words of newspapers' names: "the Sunday Herald", "the Morning Post", "Salzburger Nachrichten".
OUTLET_TITLE_WORDS = frozenset(
    "herald times post news gazette journal tribune telegraph chronicle observer mail express mirror standard "
    "independent guardian record courier inquirer globe sun star examiner bulletin dispatch monitor review "
    "nachrichten rundschau anzeiger kurier tagblatt tagespost presse echo bote merkur".split()
)


def outlet_title(words: list[str]) -> bool:
    """Capitalised words that end in a newspaper's title word (``Sunday Herald``, ``Morning Post``)."""
    names = [word for word in words if word[:1].isupper()]
    return len(names) >= 2 and names[-1] == words[-1] and words[-1].lower() in OUTLET_TITLE_WORDS


def _merged(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """Merge an outer frame whose content holds another frame's cue and speaker into that frame.

    ``laut ČTK hatte Konvička gefordert, …``, ``The News of the World reports that Anelka told a
    French magazine: …``, ``She told the court that a lawyer had told her …``: the inner frame keeps
    its content and gets the outer frame's sources after its own; the outer frame goes when little
    else of its content is left (else it stays a claim of its own).
    """
    dropped: set[int] = set()
    # The last attribution first: in "A, sagte X, wie Y laut Z berichtete" Z goes into Y's frame before Y's into X's.
    order = sorted(range(len(frames)), key=lambda i: -min((s for s, _ in frames[i].cue), default=0))
    for position_inner in order:
        inner = frames[position_inner]
        if not inner.content or not inner.sources or position_inner in dropped:
            continue
        if inner.anaphoric:
            # "Nach Zahlen des SMMT liefen demnach …": *demnach* inside another attribution is its relay.
            host = next(
                (f for f in frames if f is not inner and f.content and f.sources and not f.anaphoric and _inside_content(f, inner)),
                None,
            )
            if host is not None:
                mention = inner.sources[-1]
                host.relays = list(host.relays) + [Mention(mention.start, mention.end, "anaphor")]
                host.cue = sorted(set(host.cue) | set(inner.cue))
                host.content = _without(host.content, inner.cue)
                dropped.add(position_inner)
            continue
        for position in sorted(range(len(frames)), key=lambda i: _content_width(frames[i])):
            outer = frames[position]
            if outer is inner or position in dropped or not outer.content or not outer.sources or outer.anaphoric:
                continue
            if not (_inside_content(outer, inner) or _right_after_content(context, outer, inner)):
                continue
            if _first_person(context, inner.sources[-1]) and _inside_content(outer, inner):
                # "Wir gehen davon aus, dass …, sagte Staatsanwalt Holzner": the speaker's own words, one claim.
                dropped.add(frames.index(inner))
                break
            outer_mentions = list(outer.sources) + list(outer.relays)
            _trim_speaker_before(context, inner, outer_mentions)
            outer_mentions = [m for m in outer_mentions if not _bare_report_noun(context, m)]
            if any(_overlaps((m.start, m.end), (o.start, o.end)) for m in inner.sources for o in outer_mentions):
                continue
            inner.relays = list(inner.relays) + [
                Mention(m.start, m.end, "outer-anaphor" if m.role == "anaphor" else "outer") for m in outer_mentions
            ]
            inner.cue = sorted(set(inner.cue) | set(outer.cue))
            inner.hedged = inner.hedged or outer.hedged
            if _remainder_words(context, outer, inner) <= NESTED_REMAINDER:
                dropped.add(position)
            break
    return [frame for position, frame in enumerate(frames) if position not in dropped]


BARE_REPORT_ENDINGS = ("bericht", "meldung", "vorabmeldung", "report", "reports")


def _bare_report_noun(context: SentenceContext, mention: Mention) -> bool:
    """``laut Vorausbericht``: a report noun with no article and no name is the article's own wording, no hop."""
    indexes = _token_indexes(context, mention.start, mention.end)
    return len(indexes) == 1 and context.lower(indexes[0]).endswith(BARE_REPORT_ENDINGS) and mention.role != "anaphor"


FIRST_PERSON = frozenset("ich wir i we".split())


def _first_person(context: SentenceContext, mention: Mention) -> bool:
    indexes = _token_indexes(context, mention.start, mention.end)
    return len(indexes) == 1 and context.lower(indexes[0]) in FIRST_PERSON


def _inside_content(outer: Frame, inner: Frame) -> bool:
    """Whether the inner frame's cue and speaker lie inside the outer frame's content."""
    start = min(s for s, _ in outer.content)
    end = max(e for _, e in outer.content)
    speaker = inner.sources[-1]
    inside = [(s, e) for s, e in inner.cue] + [(speaker.start, speaker.end)]
    return all(start <= s and e <= end for s, e in inside) and not any(
        cs <= s and e <= ce for s, e in outer.cue for cs, ce in inner.content
    )


def _unnamed_inside_named(frames: list[Frame]) -> list[Frame]:
    """``A sei B, hieß es nach nordkoreanischen Angaben``: the named frame around *hieß es* takes its cue."""
    kept = []
    for frame in frames:
        host = None
        if not frame.sources and not frame.relays and frame.cue:
            host = next(
                (
                    other
                    for other in frames
                    if other is not frame
                    and other.sources
                    and other.content
                    and all(min(s for s, _ in other.content) <= s and e <= max(e for _, e in other.content) for s, e in frame.cue)
                ),
                None,
            )
        if host is None:
            kept.append(frame)
            continue
        host.cue = sorted(set(host.cue) | set(frame.cue))
        host.content = [span for span in frame.content] or host.content
    return kept


def _quoted_as_saying(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """``The BBC quoted Jones as saying the vote was rigged``: Jones > BBC for the content after *saying*."""
    if context.lexicon.language != "en":
        return frames
    for quoting in frames:
        cue_words = [i for s, e in quoting.cue for i in _token_indexes(context, s, e)]
        verb = next((i for i in cue_words if context.lower(i) in ("quoted", "quotes", "quoting")), None)
        if verb is None or not quoting.sources:
            continue
        saying = next((i for i in range(verb + 2, min(verb + 10, len(context.tokens) - 1))
                       if context.lower(i) == "as" and context.lower(i + 1) in ("saying", "telling", "stating")), None)
        if saying is None:
            continue
        said = next((f for f in frames if f is not quoting and any(s == context.tokens[saying + 1].start for s, _ in f.cue)), None)
        if said is None:
            continue
        said.sources = [Mention(*context.span(verb + 1, saying - 1))]
        said.relays = [Mention(m.start, m.end, "relay") for m in quoting.sources]
        said.cue = sorted(set(said.cue) | set(quoting.cue))
        return [frame for frame in frames if frame is not quoting]
    return frames


def _content_width(frame: Frame) -> int:
    if not frame.content:
        return 1 << 30
    return max(e for _, e in frame.content) - min(s for s, _ in frame.content)


def _without_swallowing_duplicates(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """Of two frames with one content, drop the one whose speaker phrase holds the other's cue or is a possessive.

    ``Mr Houston was quoted in the Herald newspaper saying: …`` gives *quoted* (speaker Mr Houston) and
    *saying* (speaker the whole clause before it); ``Mr Houston's reported views`` is no attribution.
    """
    kept = []
    for frame in frames:
        speaker = frame.sources[-1] if frame.sources else None
        swallowing = speaker is not None and any(
            other is not frame
            and other.content == frame.content
            and any(speaker.start <= s and e <= speaker.end for s, e in other.cue)
            for other in frames
        )
        possessive = speaker is not None and context.text[speaker.start : speaker.end].endswith(("'s", "’s"))
        if not swallowing and not possessive:
            kept.append(frame)
    return kept


def _without(spans: list[Span], holes: list[Span]) -> list[Span]:
    """``spans`` with ``holes`` cut out (and the spaces beside them): *liefen … im vergangenen Jahr*."""
    result = list(spans)
    for hole_start, hole_end in holes:
        pieces = []
        for start, end in result:
            if start < hole_start and hole_end < end:
                pieces += [(start, hole_start - 1), (hole_end + 1, end)]
            else:
                pieces.append((start, end))
        result = pieces
    return [(start, end) for start, end in result if end > start]


def _right_after_content(context: SentenceContext, outer: Frame, inner: Frame) -> bool:
    """``She told the court that in the aftermath, a lawyer had told her …``: the outer content was cut where the inner frame begins.

    The outer cue stands before its content, the inner frame's speaker follows the outer content with
    only punctuation between them, and the inner content comes after its cue.
    """
    if not outer.cue or max(e for _, e in outer.cue) > min(s for s, _ in outer.content):
        return False
    speaker = inner.sources[-1]
    outer_end = max(e for _, e in outer.content)
    gap = context.text[outer_end : speaker.start]
    if speaker.start < outer_end or gap.strip(" ,;:–—") or not inner.cue:
        return False
    return min(s for s, _ in inner.content) > max(e for _, e in inner.cue)


RELATIVE_SPEAKERS = frozenset("which who der die das welche welcher".split())


def _relative_speaker_antecedent(context: SentenceContext, frame: Frame) -> None:
    """``the OECD, which said …``: a relative pronoun as speaker names the phrase before its comma."""
    if not frame.sources:
        return
    speaker = frame.sources[-1]
    indexes = _token_indexes(context, speaker.start, speaker.end)
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
    indexes = _token_indexes(context, speaker.start, speaker.end)
    cut = [i for i in indexes[:-1] if context.lower(i) in ("that", "dass")]
    if cut:
        first = cut[-1] + 1
        frame.sources[-1] = Mention(context.tokens[first].start, speaker.end, speaker.role)


def _trim_speaker_before(context: SentenceContext, inner: Frame, outer_mentions: list[Mention]) -> None:
    """``sagte Lukasz Kaminski der Agentur PAP zufolge``: the speaker phrase ends before the outer source."""
    speaker = inner.sources[-1]
    for mention in outer_mentions:
        if speaker.start < mention.start < speaker.end:
            end = _word_end_before(context, mention.start, speaker.start)
            if end is not None:
                inner.sources[-1] = Mention(speaker.start, end, speaker.role)
            return


def _word_end_before(context: SentenceContext, offset: int, floor: int) -> int | None:
    """The end of the last word before ``offset`` (and after ``floor``) that is no article."""
    for token in reversed(context.tokens):
        if token.end > offset:
            continue
        if token.start < floor:
            return None
        if token.is_word and token.lower not in context.lexicon.determiners or token.text == ")":
            return token.end
    return None


def _remainder_words(context: SentenceContext, outer: Frame, inner: Frame) -> int:
    covered = list(inner.content) + list(inner.cue) + [(m.start, m.end) for m in inner.sources]
    count = 0
    for token in context.tokens:
        if not token.is_word:
            continue
        in_outer = any(s <= token.start and token.end <= e for s, e in outer.content)
        if in_outer and not any(s <= token.start and token.end <= e for s, e in covered):
            count += 1
    return count


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _relays_in_frame(context: SentenceContext, frame: Frame) -> None:
    """Relays that the frame's own attribution words name: an outlet addressed or interviewing, *demnach*."""
    language = context.lexicon.language
    region = _attribution_region(context, frame)
    if not region:
        return
    found: list[Mention] = []
    speaker = frame.sources[-1]
    cue_words = {index for index in region if _in_spans(context, index, frame.cue)}
    if language == "de":
        split = _dative_outlet_inside_speaker(context, speaker)
        if split is not None:
            frame.sources[-1], relay = split
            found.append(relay)
            speaker = frame.sources[-1]
        if any(context.lower(index) in QUOTING_VERBS for index in cue_words):
            quoted = _outlet_quoting(context, speaker)
            if quoted is not None:
                frame.sources[-1], relay = quoted
                found.append(relay)
    for index in region:
        taken = frame.sources + frame.relays + found
        if any(_overlaps((m.start, m.end), context.span(index, index)) for m in taken):
            continue
        word = context.lower(index)
        relay = None
        if language == "de":
            if word in GERMAN_DATIVE_ARTICLES and _after_speaker_or_verb(context, index, speaker, cue_words):
                relay = _outlet_phrase_at(context, index)
            elif word == "gegenüber":
                relay = _outlet_phrase_at(context, index + 1)
            elif word == "mit" and context.lower(index - 1) in INTERVIEW_NOUNS:
                relay = _outlet_phrase_at(context, index + 1)
            elif word == "demnach" and index not in cue_words:
                found.append(Mention(*context.span(index, index), "anaphor"))
                frame.cue = sorted(set(frame.cue) | {context.span(index, index)})
        else:
            if word in ENGLISH_TELLING and index in cue_words:
                start = index + 1
                if context.lower(start) == "to":
                    start += 1
                relay = _outlet_phrase_at(context, start)
                if relay is not None:
                    _content_from(context, frame, relay.end)
            elif word == "with" and context.lower(index - 1) in INTERVIEW_NOUNS:
                relay = _outlet_phrase_at(context, index + 1)
            elif word in ("citing", "quoting") and index not in cue_words:
                # "Reuters reported, citing two officials": the ones cited are the origin, before the speaker.
                cited = phrase_right(context, index + 1)
                if cited is not None:
                    frame.sources.insert(0, Mention(*context.span(*cited), "origin"))
                    frame.cue = sorted(set(frame.cue) | {context.span(index, index)})
            elif word == "in" and context.lower(index - 1) in ("quoted", "quotes"):
                # "was quoted in the Herald newspaper saying": the paper that printed the words.
                relay = _outlet_phrase_at(context, index + 1)
            elif word in ("to",) and context.lower(index - 1) in ("speaking", "talking", "comments", "remarks"):
                relay = _outlet_phrase_at(context, index + 1)
        if relay is not None:
            found.append(relay)
    if language == "de" and any(context.lower(index) in KONJUNKTIV_AUXILIARIES for index in region):
        frame.reported_by_previous = True
    _document_handed_to(context, frame, found)
    unnamed = _unnamed_relay(context, frame, region)
    if unnamed is not None:
        frame.hedged = True
        if _subject_is_content(context, frame, unnamed):
            # "Security concerns are said to be a major reason": nobody named says it; the subject is what is said.
            frame.content = sorted([(speaker.start, _word_end_before(context, unnamed.start, speaker.start) or speaker.end)] + list(frame.content))
            frame.cue = [(unnamed.start, unnamed.end)]
            frame.sources = []
            frame.relays = [unnamed]
            frame.mode = "reported"
            return
        if speaker.start < unnamed.start < speaker.end:
            # "Mr Houston is alleged to", "The document reportedly": the marker is no part of the speaker.
            end = _word_end_before(context, unnamed.start, speaker.start)
            if end is not None:
                frame.sources[-1] = Mention(speaker.start, end, speaker.role)
        found.append(unnamed)
    if found:
        frame.relays = sorted(list(frame.relays) + found, key=_relay_order)


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
        for index in _token_indexes(context, start, end):
            inside[index] = True
    cue_tokens = [index for start, end in frame.cue for index in _token_indexes(context, start, end)]
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


def _in_spans(context: SentenceContext, index: int, spans) -> bool:
    token = context.tokens[index]
    return any(start <= token.start and token.end <= end for start, end in spans)


def _after_speaker_or_verb(context: SentenceContext, index: int, speaker: Mention, cue_words: set[int]) -> bool:
    """``sagte X der Zeitung`` or ``X sagte der Zeitung``: the dative stands right after the speaker or the verb."""
    previous = index - 1
    while previous >= 0 and context.lower(previous) in ("am", "heute", "gestern", "weiter", "auch", "zudem", "nun", ","):
        previous -= 1
    if previous < 0:
        return False
    token = context.tokens[previous]
    return previous in cue_words or token.end == speaker.end


def _outlet_phrase_at(context: SentenceContext, first: int) -> Mention | None:
    """The outlet phrase starting at token ``first`` (article included), or None if it names no outlet."""
    if first >= len(context.tokens):
        return None
    phrase = phrase_right(context, first)
    if phrase is None:
        return None
    start, end = phrase
    # "the Sunday Times Mr Campbell would …": an English phrase after "told" ends at the outlet's name.
    end = _outlet_end(context, start, end)
    text = context.text[context.tokens[start].start : context.tokens[end].end]
    if not is_outlet_phrase(text, context.lexicon.language):
        return None
    return Mention(*context.span(start, end), "relay")


def _outlet_end(context: SentenceContext, start: int, end: int) -> int:
    """English: the phrase ends at its last outlet word (``told the Sunday Times Mr Campbell would …``).

    English phrases after *told* run on into the content when no *that* follows; the longest prefix
    that ends in a registered name or an outlet noun is the addressee.
    """
    if context.lexicon.language != "en":
        return end
    registry = load_registry()
    best = None
    for last in range(start, end + 1):
        text = context.text[context.tokens[start].start : context.tokens[last].end]
        following = context.tokens[last + 1] if last < end else None
        continues_name = following is not None and following.capitalized and following.lower not in NAME_TITLES
        if (context.lower(last) in ENGLISH_OUTLET_NOUNS or registry.find_at_end(text)) and not continues_name:
            best = last
    return end if best is None else best


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
        head_end = _word_end_before(context, context.tokens[index].start, speaker.start)
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
    first = _token_indexes(context, start, end)
    if len(first) < 4 or context.lower(first[0]) not in ("der", "die", "das", "den", "dem"):
        return
    for offset, index in enumerate(first[1:8], start=1):
        if context.lower(index) in HANDED_TO_VERBS:
            relay = _outlet_phrase_at(context, first[1])
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


def _subject_is_content(context: SentenceContext, frame: Frame, unnamed: Mention) -> bool:
    """``X is said to be …`` (no verb of saying or thinking after *to*): X is the topic, not a source."""
    indexes = _token_indexes(context, unnamed.start, unnamed.end)
    if not indexes or context.lower(indexes[-1]) != "to":
        return False
    following = indexes[-1] + 1
    if context.lower(following) == "have":
        following += 1
    word = context.lower(following)
    return word not in context.lexicon.cue_verbs and word not in EPISTEMIC_VERBS


EPISTEMIC_VERBS = frozenset("fear believe think expect hope want plan claim deny say suggest argue".split())


def _unnamed_relay(context: SentenceContext, frame: Frame, region: list[int]) -> Mention | None:
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
