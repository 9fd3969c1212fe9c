"""Noun phrases around a cue: the source after a verb or preposition, before *zufolge*, or opening the sentence.

German nouns are capitalised, so a German phrase is read as determiners, adjectives and capitalised
words; English phrases stop at the next verb of saying, participle or preposition.
"""

from __future__ import annotations

from provenance.extract.registry import lowercase_outlet_names
from provenance.extract.segmentation import ABBREVIATIONS, CLOSING_QUOTES, OPENING_QUOTES
from provenance.extract.sentence_context import CLAUSE_PUNCTUATION, FINAL_PUNCTUATION, SentenceContext

# English sentence openers that make "In X, Y said ..." a frame with its content after the verb.
ENGLISH_ADVERBIAL_OPENERS = frozenset(
    "in at during after on before when while as speaking asked since following like unlike for with".split()
)


# Lower-case particles inside personal names.
NAME_PARTICLES = frozenset("al el bin ibn de da del della di du la le van ten ter dos".split())


def phrase_right(context: SentenceContext, first: int) -> tuple[int, int] | None:
    phrases = phrases_right(context, first)
    return phrases[0] if phrases else None


def phrases_right(context: SentenceContext, first: int) -> list[tuple[int, int]]:
    """Noun phrases starting at ``first``: the first one, then one more if a determiner starts it."""
    lexicon = context.lexicon
    tokens = context.tokens
    if first < len(tokens) and tokens[first].lower in lexicon.pronouns:
        return [(first, first)]
    if first < len(tokens) and tokens[first].lower in lexicon.phrase_stops:
        return []
    phrases: list[tuple[int, int]] = []
    start = first
    index = first
    last_word = None
    german = lexicon.language == "de"
    limit = min(len(tokens), first + 14)
    while index < limit:
        token = tokens[index]
        word = token.lower
        if (
            index > start
            and word in lexicon.phrase_breakers
            and last_word is not None
            and tokens[last_word].capitalized
        ):
            phrases.append((start, last_word))
            start = index
        if word in (",",) and last_word is not None and apposition_follows(context, index + 1):
            index += 1
            continue
        if word == "(" and last_word is not None:
            closing = matching_parenthesis_right(context, index)
            if closing is not None:
                last_word = closing
                index = closing + 1
                continue
        if word in lexicon.phrase_stops and index > start and word not in ("von", "of"):
            break
        if not token.is_word and word not in ("-", "'", "’", ".", "&") and word not in OPENING_QUOTES | CLOSING_QUOTES:
            break
        if word == "." and not inner_full_stop(context, index):
            break
        if german and not german_phrase_word(context, index, start):
            break
        if not german and not english_phrase_word(context, index, start):
            break
        if token.is_word:
            last_word = index
        index += 1
    if last_word is not None and last_word >= start:
        phrases.append((start, last_word))
    return phrases


def german_phrase_word(context: SentenceContext, index: int, start: int) -> bool:
    token = context.tokens[index]
    word = token.lower
    if token.capitalized or not token.is_word or word in context.lexicon.determiners or word in ("von", "vom", "für"):
        return True
    if word in lowercase_outlet_names():
        return True
    if word in context.lexicon.verb_companions:
        # "Verteidiger Dingfelder immer wieder betont": adverbs next to the verb are outside the phrase.
        return False
    if (token.text.isdigit() or word in GERMAN_NUMBER_WORDS) and _counted_noun_after_noun(context, index, start):
        # "laut Zeitung 270 Seiten", "laut Polizei drei Menschen": a count after the source opens the content.
        return False
    if token.text.isdigit():
        return True
    if (
        word in NAME_PARTICLES
        and index > start
        and _capitalized(context, index - 1)
        and _capitalized(context, index + 1)
    ):
        # "Abdalla al Badri", "Ursula von der Leyen": a lower-case particle between parts of a name.
        return True
    if context.quoted[index]:
        # A quoted name may be written in lower case: „heise online“, „La Gazetta dello Sport“.
        return True
    if _joined_to_next_word(context, index) or _joined_to_next_word(context, index - 2):
        # "ai-Bericht", "t-online.de", "ver.di": a lower-case part of a compound or a web address.
        return True
    # A lower-case adjective is part of the phrase when a noun or another adjective follows it;
    # a verb ("kritisierte den ...") is followed by a determiner instead.
    following = context.tokens[index + 1] if index + 1 < len(context.tokens) else None
    if following is None or word in context.lexicon.cue_verbs or not word.endswith(("e", "en", "er", "es", "em")):
        return False
    if following.capitalized:
        return True
    return following.lower.endswith(("en", "e", "er")) and following.lower not in context.lexicon.determiners


GERMAN_NUMBER_WORDS = frozenset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend dutzende hunderte".split()
)
# Nouns that a number names rather than counts: "Artikel 5", "Paragraf 218", "Absatz 2".
NUMBERED_NOUNS = frozenset(
    "artikel paragraf paragraph paragrafen absatz nummer nr kapitel abschnitt band punkt klasse stufe linie "
    "gleis platz zimmer halle terminal flug jahr jahre jahres jahrgang".split()
)


def _counted_noun_after_noun(context: SentenceContext, index: int, start: int) -> bool:
    """Whether the number at ``index`` counts the capitalised noun after it and follows a noun of the phrase."""
    if index <= start or index + 1 >= len(context.tokens):
        return False
    before, after = context.tokens[index - 1], context.tokens[index + 1]
    if context.tokens[index].text.startswith("0"):
        # "Bayer 04 Leverkusen": a number with a leading zero is part of a name.
        return False
    if not (before.capitalized and before.is_word and after.capitalized and after.is_word):
        return False
    return before.lower not in NUMBERED_NOUNS


def _capitalized(context: SentenceContext, index: int) -> bool:
    return 0 <= index < len(context.tokens) and context.tokens[index].capitalized


def _joined_to_next_word(context: SentenceContext, index: int) -> bool:
    """Whether token ``index`` continues without a space through "-" or "." into another word."""
    tokens = context.tokens
    if index < 0 or index + 2 >= len(tokens):
        return False
    link, word = tokens[index + 1], tokens[index + 2]
    return link.text in ("-", ".") and link.start == tokens[index].end and word.start == link.end and word.is_word


def english_phrase_word(context: SentenceContext, index: int, start: int) -> bool:
    token = context.tokens[index]
    word = token.lower
    if index - start >= 8:
        return False
    if index > start and context.tokens[index - 1].text == "-" and context.tokens[index - 1].end == token.start:
        # "Moscow-based US lawyer Jamie Firestone": the second half of a compound stays in the phrase.
        return True
    if word in context.lexicon.cue_verbs and index > start:
        return False
    # A past participle after the head ends the phrase ("the senator asked"), unless a determiner makes it an adjective.
    return not (
        word.endswith("ed") and index > start and context.tokens[index - 1].lower not in context.lexicon.determiners
    )


def inner_full_stop(context: SentenceContext, index: int) -> bool:
    """A full stop inside a name: ``faz.net``, ``Ms. Brainard``, ``U.S.``."""
    tokens = context.tokens
    if index + 1 >= len(tokens):
        return False
    if tokens[index + 1].start == tokens[index].end and tokens[index + 1].is_word:
        return True
    previous = tokens[index - 1] if index > 0 else None
    return (
        previous is not None
        and (previous.lower in ABBREVIATIONS or len(previous.text) == 1)
        and tokens[index + 1].capitalized
    )


def apposition_follows(context: SentenceContext, index: int) -> bool:
    """``, Barak Ravid,`` or ``, Barak Ravid.``: a name in apposition after a comma."""
    count = 0
    while index < len(context.tokens) and context.tokens[index].capitalized and count < 4:
        index += 1
        count += 1
    if count == 0 or count > 3:
        return False
    following = context.lower(index)
    return following in ("", ",", ".", "!", "?") or following in context.lexicon.phrase_stops


def phrase_left(context: SentenceContext, end: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before token ``end`` (for *X zufolge*, *X, wonach*)."""
    german = context.lexicon.language == "de"
    index = end - 1
    last = index
    while index >= 0:
        token = context.tokens[index]
        word = token.lower
        if token.text == ")":
            opening = matching_parenthesis(context, index)
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
        quote_mark = token.text in OPENING_QUOTES or token.text in CLOSING_QUOTES
        if german and not (token.capitalized or adjective or quote_mark or word in ("von", "vom")):
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


def matching_parenthesis(context: SentenceContext, closing: int) -> int | None:
    for index in range(closing - 1, max(-1, closing - 12), -1):
        if context.tokens[index].text == "(":
            return index
    return None


def matching_parenthesis_right(context: SentenceContext, opening: int) -> int | None:
    for index in range(opening + 1, min(len(context.tokens), opening + 10)):
        if context.tokens[index].text == ")":
            return index
    return None


def sentence_subject(context: SentenceContext, first: int) -> tuple[int, int] | None:
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
        adverbial = (
            opener in ENGLISH_ADVERBIAL_OPENERS
            or opener.endswith("ly")
            or len(segment) == 1
            and not segment[0].capitalized
        )
        if segment and not adverbial and len(segment) <= 10:
            return (start, end - 1)
        start = end + 1
    return None


def speaker_after_quote(context: SentenceContext, verb: int) -> tuple[int, tuple[int, int]] | None:
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


def phrase_at(context: SentenceContext, index: int, phrases) -> tuple[str, ...] | None:
    for phrase in phrases:
        if all(context.lower(index + offset) == word for offset, word in enumerate(phrase)):
            return phrase
    return None
