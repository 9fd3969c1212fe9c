"""Cheap tokens and sentences with character offsets: the regex pass that every later step works on.

Tokens follow the scorer's definition (``\\w+`` or one other non-space character) so that spans
built from them line up with the evaluation; sentences never end inside a quotation, because
German and English news quote several sentences at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

TOKEN_PATTERN = re.compile(r"\w+|[^\w\s]")

OPENING_QUOTES = frozenset('„»“‚«"')
CLOSING_QUOTES = frozenset('“«”‘»"')
# How far a quotation may run before an unmatched opening mark is taken to be a stray one.
LONGEST_QUOTATION = 1500

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen sen rep gov lt col sgt capt u.s no vs etc inc corp co ltd jan feb "
    "mar apr jun jul aug sep sept oct nov dec z.b bzw ca nr dr. str vgl evtl usw u.a d.h s.o zb".split()
)


class Token(NamedTuple):
    """One token: its text, its lower-case form and where it stands in the document.

    A named tuple, because a document has tens of thousands of them and tuples are cheap to make.
    """

    text: str
    lower: str
    start: int
    end: int

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or self.text[:1] == "_"


@dataclass
class Sentence:
    """A run of tokens that ends at a full stop outside quotations (or a paragraph break)."""

    tokens: list[Token]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """All tokens of ``text[start:end]`` with document offsets."""
    end = len(text) if end is None else end
    return [
        Token(match.group(), match.group().lower(), match.start(), match.end())
        for match in TOKEN_PATTERN.finditer(text, start, end)
    ]


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Group tokens into sentences: break after . ! ? outside quotes, and at every blank line."""
    sentences: list[Sentence] = []
    current: list[Token] = []
    quote_closes_at = -1
    for index, token in enumerate(tokens):
        if current and _paragraph_break(text, current[-1].end, token.start):
            sentences.append(Sentence(current))
            current, quote_closes_at = [], -1
        current.append(token)
        if token.text in OPENING_QUOTES and token.start > quote_closes_at:
            quote_closes_at = _closing_quote(text, token)
        if token.text in ".!?" and token.start > quote_closes_at:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if _ends_sentence(text, current, following):
                if following is not None and following.text in CLOSING_QUOTES and following.start == token.end:
                    continue
                sentences.append(Sentence(current))
                current = []
        elif token.text in CLOSING_QUOTES and len(current) > 1 and current[-2].text in ".!?":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if token.start >= quote_closes_at and (following is None or following.capitalized):
                sentences.append(Sentence(current))
                current = []
    if current:
        sentences.append(Sentence(current))
    return sentences


def _paragraph_break(text: str, previous_end: int, next_start: int) -> bool:
    return text.find("\n", previous_end, next_start) != -1


def _closing_quote(text: str, opening: Token) -> int:
    """Offset of the quote mark that closes ``opening`` within reach, else -1 (a stray mark)."""
    limit = min(len(text), opening.end + LONGEST_QUOTATION)
    paragraph_end = text.find("\n\n", opening.end, limit)
    if paragraph_end != -1:
        limit = paragraph_end
    closers = {"„": "“", "»": "«", "«": "»", "“": "”", "‚": "‘", '"': '"'}.get(opening.text, "")
    best = -1
    for closer in closers:
        found = text.find(closer, opening.end, limit)
        while closer == '"' and found != -1 and _reopening(text, found):
            # ``life. "I think``: a straight mark after a space and before a word opens the next paragraph's part.
            found = text.find(closer, found + 1, limit)
        if found != -1 and (best == -1 or found < best):
            best = found
    return best


def _reopening(text: str, position: int) -> bool:
    """A straight quote mark with a space before it and a word right after it (see ``quotation_mask``)."""
    return 0 < position < len(text) - 1 and text[position - 1].isspace() and text[position + 1].isalnum()


def _ends_sentence(text: str, current: list[Token], following: Token | None) -> bool:
    """Whether the full stop ending ``current`` ends the sentence (not an abbreviation or a number)."""
    if following is None:
        return True
    stop = current[-1]
    if stop.text == "." and len(current) > 1:
        previous = current[-2]
        if previous.end == stop.start:
            if previous.lower in ABBREVIATIONS:
                return False
            # An initial ("J. Smith") unless a sentence plainly starts after it ("auf X. Demnach ...").
            if len(previous.text) == 1 and previous.text.isalpha() and following.lower not in _SENTENCE_OPENERS:
                return False
            if previous.text.isdigit() and following.text[:1].islower():
                return False
            if (
                previous.text.isdigit()
                and len(previous.text) <= 2
                and following.lower not in _SENTENCE_OPENERS
                and following.text not in OPENING_QUOTES
            ):
                # German ordinals ("am 2. Dezember") are followed by a capitalised month or noun, never by a
                # quotation ("on Radio 4. \"We …"); a decimal ("ein Wert von 7,1. Nach Angaben ...") is never an ordinal.
                return _decimal_fraction(current[:-1])
    if following.start == stop.end and following.is_word:
        return False
    return (
        following.capitalized
        or following.text in OPENING_QUOTES
        or following.text[:1].isdigit()
        or following.text in "(-–"
    )


def _decimal_fraction(tokens: list[Token]) -> bool:
    """Whether the last token is the fraction of a decimal number written with a comma (``7,1``)."""
    if len(tokens) < 3:
        return False
    whole, comma, fraction = tokens[-3:]
    return whole.text.isdigit() and comma.text == "," and whole.end == comma.start and comma.end == fraction.start


# Capitalised words that open a new sentence after a number or a letter ("... 2. Die ...", "auf X. Demnach").
_SENTENCE_OPENERS = frozenset(
    "die der das er sie es the he she it we in demnach dies doch aber auch zudem danach wonach this they but".split()
)
