"""Cues that are not verbs: *laut X*, *X zufolge*, *nach Angaben X*, *according to X*, *so X*, *Demnach*, headline colons."""

from __future__ import annotations

from provenance.extract.content import content_after, content_around, content_before, introduced_content_start
from provenance.extract.phrases import phrase_at, phrase_left, phrase_right
from provenance.extract.segmentation import CLOSING_QUOTES
from provenance.extract.sentence_context import (
    CLAUSE_PUNCTUATION,
    FINAL_PUNCTUATION,
    Frame,
    Mention,
    SentenceContext,
    make_frame,
)

# "hervorgehen aus": the source is what something emerges from.
EMERGE_VERBS = frozenset("geht ging gehen gingen".split())
# Compounds of report nouns (*Regierungsangaben*, *Geheimdienstinformationen*, *Polizeischätzungen*)
# name their source in the first part: *nach Veranstalterangaben* is as much a cue as *nach Angaben*.
REPORT_NOUN_ENDINGS = (
    "angaben",
    "informationen",
    "berichten",
    "schätzungen",
    "aussagen",
    "erkenntnissen",
    "meldungen",
    "recherchen",
    "einschätzung",
    "einschätzungen",
    # Documents and plans a claim is read from: *Nach dem Gesetzentwurf*, *Nach einem Fernsehbericht*.
    "entwurf",
    "bericht",
    "plan",
    "idee",
    "erfahrungen",
    "prognose",
    # A count someone drew up: *nach einer vorläufigen Bilanz der Behörden*.
    "bilanz",
)
# "nach eigenen Angaben", "nach eigenen Worten": the clause's subject speaks of itself.
REFLEXIVE_OWN = frozenset("eigenen eigener".split())
BACK_REFERENCES = frozenset("dies das".split())
# "nach Abschluss der Ermittlungen", "nach Bekanntgabe der Zahlen": after an event, not a source.
EVENT_NOUNS = frozenset("abschluss beginn ende bekanntgabe bekanntwerden eingang erhalt vorlage".split())
# "die Sicht nach oben": a direction, not *seiner Sicht nach*.
DIRECTION_ADVERBS = frozenset("oben unten vorn vorne hinten links rechts außen innen draußen drinnen".split())
# "Senate Majority Leader Mitch McConnell: ..." is about as long as a speaker before a colon gets.
MAX_COLON_SPEAKER_TOKENS = 6
PAGE_LABELS = frozenset(
    {"correction", "update", "editor's note", "the latest", "photo", "video", "related", "watch", "read more", "source"}
)


def match_anaphor(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Demnach ...* / *wonach ...*: the previous source said the rest of the clause."""
    if context.lower(index) not in context.lexicon.anaphoric_cues:
        return None
    content = content_after(context, index + 1)
    if content is None:
        return None
    cue = context.span(index, index)
    frame = Frame(
        cue=[cue], content=[content], sources=[Mention(*cue, role="anaphor")], mode="reported", anaphoric=True
    )
    if context.lower(index) == "wonach":
        noun_phrase = phrase_left(context, index - 1 if context.lower(index - 1) == "," else index)
        if noun_phrase is None:
            # "…, wonach …" with no report noun before it: the claims were right 1 time in 5 on train.
            return None
        frame.sources = [Mention(*context.span(*noun_phrase))]
        frame.anaphoric = False
    return frame, {index}


def match_preposition(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*laut X*, *according to X*, *unter Berufung auf X*: the source follows the cue."""
    phrase = phrase_at(context, index, context.lexicon.source_prepositions)
    if phrase is None:
        return None
    if context.lexicon.language == "de" and phrase[0] == "unter" and index > 0 and previous_frame_word(context, index):
        return None
    after = index + len(phrase)
    noun_phrase = phrase_right(context, after)
    if noun_phrase is None:
        return None
    cue_first, cue_last = index, after - 1
    sources = [Mention(*context.span(*noun_phrase))]
    used = set(range(index, noun_phrase[1] + 1))
    end = noun_phrase[1]
    relay = relay_after(context, end + 1)
    cue = [context.span(cue_first, cue_last)]
    if relay is not None:
        relay_cue, origin = relay
        cue.append(context.span(*relay_cue))
        sources.insert(0, Mention(*context.span(*origin)))
        end = origin[1]
    content = content_around(context, index, end)
    if not content:
        return None
    return Frame(cue=cue, content=content, sources=sources, mode="reported"), used


def match_postposition(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*X zufolge* (and *dem Bericht zufolge*, which refers back), *seiner Ansicht nach*."""
    word = context.lower(index)
    opinion_nach = word == "nach" and context.lower(index - 1) in context.lexicon.report_nouns | {"vernehmen"}
    if word not in context.lexicon.source_postpositions and not opinion_nach:
        return None
    if opinion_nach and context.lower(index + 1) in DIRECTION_ADVERBS:
        return None
    if opinion_nach and is_question_to_addressee(context, index - 2):
        return None
    noun_phrase = phrase_left(context, index)
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
        origin = phrase_right(context, index + 2)
        if origin is not None:
            cue.append(context.span(index + 1, index + 1))
            sources.insert(0, Mention(*context.span(*origin)))
            end = origin[1]
    anaphoric = is_anaphoric_phrase(context, noun_phrase)
    content = content_around(context, first, end)
    if not content:
        return None
    mode = "indirect" if len(cue) > 1 else "reported"
    return Frame(cue=cue, content=content, sources=sources, mode=mode, anaphoric=anaphoric), set(range(first, end + 1))


def is_question_to_addressee(context: SentenceContext, index: int) -> bool:
    """*Welche Vorschläge sind Ihrer Meinung nach …?*: the interviewer asks for the addressee's view."""
    if index <= 0 or context.tokens[index].text not in ("Ihrer", "Ihren", "Ihrem"):
        return False
    return any(token.text == "?" for token in context.tokens[index:])


def match_report_noun(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*nach Angaben der Polizei*, *nach aus X durchdringenden Informationen*, *nach Medieninformationen*."""
    lexicon = context.lexicon
    if lexicon.language != "de" or context.lower(index) not in ("nach", "gemäß"):
        return None
    noun_index = None
    for offset in range(1, 6):
        word = context.lower(index + offset)
        if word in lexicon.report_nouns or word.endswith(REPORT_NOUN_ENDINGS):
            noun_index = index + offset
            break
        if word in CLAUSE_PUNCTUATION or word in FINAL_PUNCTUATION or word in EVENT_NOUNS or not word:
            break
    if noun_index is None:
        return None
    cue = [context.span(index, index)]
    inner = (index + 1, noun_index - 1)
    source_last = noun_index
    genitive = (
        phrase_right(context, noun_index + 1)
        if context.lower(noun_index + 1) in ("der", "des", "von", "vom", "aus", "eines", "einer")
        else None
    )
    if genitive is not None:
        source_last = genitive[1]
    sources: list[Mention]
    if inner[0] <= inner[1] and context.lower(inner[0]) in ("aus", "von"):
        # "nach aus Verhandlungskreisen durchdringenden Informationen": the source sits inside.
        embedded = phrase_right(context, inner[0] + 1)
        if embedded is None:
            return None
        embedded = (embedded[0], min(embedded[1], last_before_participle(context, embedded[0], noun_index)))
        sources = [Mention(*context.span(*embedded))]
        if embedded[1] + 1 <= noun_index:
            cue.append(context.span(embedded[1] + 1, noun_index))
    else:
        first = inner[0] if inner[0] <= inner[1] else noun_index
        sources = [Mention(*context.span(first, source_last))]
        if inner[0] == inner[1] and context.lower(inner[0]) in REFLEXIVE_OWN and genitive is None:
            subject = _own_subject(context, index, noun_index)
            # Annotators mark "eigenen Angaben" as the source; the hop stays there and is named after the subject.
            antecedent = context.span(*subject) if subject is not None else None
            sources = [Mention(*context.span(inner[0], noun_index), antecedent=antecedent)]
    end = max(source_last, noun_index)
    content = content_around(context, index, end)
    if not content:
        return None
    return Frame(cue=cue, content=content, sources=sources, mode="reported"), set(range(index, end + 1))


def match_emerges_from(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*Dies geht aus einer Mitteilung der Polizei hervor*, *Aus X geht hervor, dass ...*: X is the source."""
    if context.lexicon.language != "de" or context.lower(index) not in EMERGE_VERBS:
        return None
    particle = next((i for i in range(index + 1, len(context.tokens)) if context.lower(i) == "hervor"), None)
    if particle is None or any(context.tokens[i].text in CLAUSE_PUNCTUATION for i in range(index, particle)):
        return None
    fronted = context.lower(0) == "aus"
    preposition = 0 if fronted else next((i for i in range(index + 1, particle) if context.lower(i) == "aus"), None)
    if preposition is None:
        return None
    source = phrase_right(context, preposition + 1)
    if source is None:
        return None
    if any(context.lower(i) in ("nicht", "kein", "keine") for i in range(index, particle)):
        return None
    cue = [context.span(index, index), context.span(particle, particle)]
    frame = Frame(cue=cue, content=[], sources=[Mention(*context.span(*source))], mode="indirect")
    if index == 1 and context.lower(0) in BACK_REFERENCES:
        # "Dies geht aus X hervor.": the previous sentence is what X says.
        frame.content = [context.span(0, 0)]
        frame.content_in_previous_sentence = True
        return frame, set(range(particle + 1))
    start = introduced_content_start(context, particle + 1)
    content = content_after(context, start) if start is not None else None
    if content is None:
        return None
    frame.content = [content]
    return frame, set(range(0 if fronted else index, start))


def match_so(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """German *„...“, so der Minister.*: a postposed source after *so*."""
    if context.lexicon.language != "de" or context.lower(index) != "so" or index == 0:
        return None
    if context.tokens[index - 1].text not in CLAUSE_PUNCTUATION | CLOSING_QUOTES:
        return None
    cue_last = index
    if context.lower(index + 1) in context.lexicon.cue_verbs and not context.tokens[index + 1].capitalized:
        # "…, so bestätigt das Gericht.", "Für X, so schrieb diese, sei …": a verb of saying between *so* and the source.
        cue_last = index + 1
    noun_phrase = phrase_right(context, cue_last + 1)
    if noun_phrase is None:
        return None
    opener = context.tokens[noun_phrase[0]]
    # "so der Minister", "so Gall"; not "so viele wie".
    compound_noun = context.lower(noun_phrase[0] + 1) == "-" and _capitalized_after_hyphen(context, noun_phrase[0])
    pronoun = cue_last > index and opener.lower in ("er", "sie", "diese", "dieser")
    if (
        not opener.capitalized
        and not compound_noun
        and not pronoun
        and opener.lower not in ("der", "die", "das", "ein", "eine", "einer")
    ):
        return None
    content = content_before(context, index)
    if content is None:
        return None
    contents = [content]
    if context.lower(noun_phrase[1] + 1) == ",":
        # "„In absehbarer Zeit“, so der Vorstand, wird VW ...": the sentence goes on after the source.
        rest = content_after(context, noun_phrase[1] + 2) if noun_phrase[1] + 2 < len(context.tokens) else None
        if rest is not None:
            contents.append(rest)
    cue = [context.span(index, cue_last)]
    return Frame(cue=cue, content=contents, sources=[Mention(*context.span(*noun_phrase))], mode="indirect"), set(
        range(index, noun_phrase[1] + 1)
    )


def _capitalized_after_hyphen(context: SentenceContext, index: int) -> bool:
    """``verdi-Verhandlungsführer``: a lower-case first part joined to a noun."""
    after = index + 2
    return after < len(context.tokens) and context.tokens[after].capitalized


def match_colon(context: SentenceContext, index: int) -> tuple[Frame, set[int]] | None:
    """*NY Daily News: Paris attacks ...* / *Trump: “...”*: a short name, a colon, then what it said."""
    if context.lower(index) != ":" or not 1 <= index <= MAX_COLON_SPEAKER_TOKENS:
        return None
    if context.lexicon.language != "en" and not _german_headline(context, index):
        return None
    speaker = [context.tokens[position] for position in range(index)]
    if not all(token.capitalized or not token.is_word or token.lower in ("of", "the") for token in speaker):
        return None
    if not speaker[0].capitalized or any(token.lower in context.lexicon.cue_verbs for token in speaker):
        return None
    if _page_label(speaker):
        return None
    content = content_after(context, index + 1)
    if content is None:
        return None
    cue = [context.span(index, index)]
    return make_frame(context, cue, [content], [(0, index - 1)], "indirect"), set(range(index + 1))


# German labels before a headline's colon that name no speaker: "Fazit: …", "Hintergrund: …".
GERMAN_PAGE_LABELS = frozenset(
    "fazit hintergrund update kommentar analyse interview liveticker ticker video foto fotos bilder achtung "
    "eilmeldung korrektur nachtrag quelle zitat".split()
)


def _german_headline(context: SentenceContext, colon: int) -> bool:
    """``Minister: Steuern sollen sinken``: a German article's first line, a name of at most four words and a colon.

    Only the headline: inside an article a German colon after a noun opens a list or an explanation.
    """
    if context.lexicon.language != "de" or context.text[: context.tokens[0].start].strip():
        return False
    words = [token for token in context.tokens[:colon] if token.is_word]
    if not words or len(words) > 4 or words[0].lower in GERMAN_PAGE_LABELS:
        return False
    return not context.quoted[colon + 1] if colon + 1 < len(context.tokens) else False


def _page_label(speaker) -> bool:
    """``Q:``, ``BYLINE:``, ``Correction:``: page furniture and interview labels, not speakers."""
    words = [token for token in speaker if token.is_word]
    if len(words) == 1 and (len(words[0].text) <= 2 or words[0].text.isupper()):
        return True
    return " ".join(token.lower for token in words) in PAGE_LABELS


def relay_after(context: SentenceContext, index: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """*unter Berufung auf X* / *citing X* right after a source: (cue tokens, origin tokens)."""
    phrase = phrase_at(context, index, context.lexicon.relay_phrases)
    if phrase is None:
        return None
    origin = phrase_right(context, index + len(phrase))
    if origin is None:
        return None
    return (index, index + len(phrase) - 1), origin


def last_before_participle(context: SentenceContext, first: int, noun_index: int) -> int:
    """End of the source inside *nach aus X durchdringenden Informationen*: before the participle."""
    for index in range(first + 1, noun_index):
        if context.lower(index).endswith(("nden", "ndem")):
            return index - 1
    return noun_index - 1


def previous_frame_word(context: SentenceContext, index: int) -> bool:
    """Whether *unter Berufung auf* relays a verb frame's source rather than opening its own."""
    for back in range(index - 1, max(-1, index - 12), -1):
        if context.lower(back) in context.lexicon.cue_verbs:
            return True
    return False


def is_anaphoric_phrase(context: SentenceContext, phrase: tuple[int, int]) -> bool:
    words = [context.lower(i) for i in range(phrase[0], phrase[1] + 1)]
    return (
        len(words) <= 2
        and words[0] in ("dem", "den", "der", "diesem", "diesen", "dieser")
        and words[-1] in ("bericht", "angaben", "informationen", "berichten", "mitteilung", "erklärung", "stellungnahme")
    )


def _own_subject(context: SentenceContext, index: int, noun_index: int) -> tuple[int, int] | None:
    """Who *nach eigenen Angaben* refers to: the sentence's subject.

    The noun phrase that opens the sentence when its finite verb follows it (*Die Firma hat nach
    eigenen Angaben …*, *Der Autor wählte X, weil dort nach eigenen Worten …*), else the one right
    after the finite verb that follows the fronted phrase (*Nach eigenen Angaben hat die Firma …*).
    """
    if index > 0:
        opening = phrase_right(context, 0)
        if opening is not None and opening[1] + 1 < index and _finite_verb_like(context, opening[1] + 1):
            return opening
        if index > 1 or context.lower(0) not in ("laut", "nach"):
            return None
    verb = noun_index + 1
    if verb >= len(context.tokens) or not _finite_verb_like(context, verb):
        return None
    return phrase_right(context, verb + 1)


def _finite_verb_like(context: SentenceContext, index: int) -> bool:
    """A lower-case word that is no article, preposition or conjunction: a German finite verb in second place."""
    token = context.tokens[index]
    return token.is_word and token.text.islower() and token.lower not in NOT_VERBS


NOT_VERBS = frozenset(
    "der die das den dem des ein eine einen einem einer eines und oder aber in im an am auf aus bei mit nach "
    "von vom vor zu zum zur für über unter um durch gegen seit als wie so dass ob weil wenn".split()
)
