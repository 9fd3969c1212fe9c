"""What the pattern modules share: a sentence being read, its clauses, and the frames found in it.

A :class:`Frame` is offsets only (cue, content, source mentions, origin first); naming the sources
is :mod:`provenance.extract.naming`'s work.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from provenance.extract.lexicon import Lexicon
from provenance.extract.segmentation import CLOSING_QUOTES, OPENING_QUOTES, Token

Span = tuple[int, int]

CLAUSE_PUNCTUATION = frozenset(",;:–—")

FINAL_PUNCTUATION = frozenset(".!?")
# "„Der Spiegel“ berichtet": a quoted title at the start of a sentence has at most this many words.
QUOTED_TITLE_WORDS = 3


@dataclass
class Mention:
    """Where a source is named in the text; ``role`` says how the frame found it."""

    start: int
    end: int
    role: str = "speaker"
    # Where the mention's referent is named, when the mention only points at it (*nach eigenen Angaben*).
    antecedent: tuple[int, int] | None = None


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
    # Who passed the claim on after the speaker, nearest the speaker first (see :mod:`~provenance.extract.relays`).
    relays: list[Mention] = field(default_factory=list)
    # "X told Y A but said B": the frame whose speaker and relays this one shares.
    same_speaker_as: Frame | None = None
    # "…, habe X geantwortet": a verb of saying in Konjunktiv I is itself reported by the source before.
    reported_by_previous: bool = False
    cue_tokens: list[Token] = field(default_factory=list)


@dataclass
class SentenceContext:
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

    @cached_property
    def token_starts(self) -> list[int]:
        """The tokens' start offsets, for bisection."""
        return [token.start for token in self.tokens]


def quotation_mask(tokens: list[Token]) -> list[bool]:
    """True for tokens inside a quotation (the marks themselves included)."""
    mask = [False] * len(tokens)
    opened_at: int | None = None
    for index, token in enumerate(tokens):
        if opened_at is None and token.text in OPENING_QUOTES and has_closer(tokens, index):
            opened_at = index
            mask[index] = True
        elif opened_at is not None:
            mask[index] = True
            if token.text in CLOSING_QUOTES and not reopens_quotation(tokens, index):
                opened_at = None
    return mask


def reopens_quotation(tokens: list[Token], index: int) -> bool:
    """A straight quote mark after a space and right before a word: a quotation reopened, not closed.

    BBC style: a quotation over several paragraphs reopens each one without closing the one before
    (``… an easy life. "I think I will …"``); read as a closing mark, it would turn the rest inside out.
    """
    token = tokens[index]
    if token.text != '"' or index == 0 or index + 1 >= len(tokens):
        return False
    return tokens[index - 1].end < token.start and tokens[index + 1].start == token.end and tokens[index + 1].is_word


def has_closer(tokens: list[Token], index: int) -> bool:
    return any(token.text in CLOSING_QUOTES for token in tokens[index + 1 :])


def make_frame(context: SentenceContext, cue: list[Span], content: list[Span], phrases, mode: str) -> Frame:
    sources = [Mention(*context.span(*phrase)) for phrase in phrases]
    if all(quoted_span(context, span) for span in content):
        mode = "direct"
    return Frame(cue=cue, content=content, sources=sources, mode=mode)


def clause_start(context: SentenceContext, index: int) -> int:
    first = index
    while first > 0 and context.tokens[first - 1].text not in CLAUSE_PUNCTUATION:
        previous = context.tokens[first - 1]
        # English closes a quotation without a comma ("“...?” Trump said"); German usually puts one
        # after it, so there only a quotation right before the verb ends the clause ("„...“ erklärte X").
        quote_ends_clause = context.lexicon.language == "en" or (first == index and _quoted_statement(context, first - 1))
        if quote_ends_clause and previous.text in CLOSING_QUOTES and context.quoted[first - 1]:
            break
        first -= 1
    return first


def _quoted_statement(context: SentenceContext, closing: int) -> bool:
    """A quotation that says something (``„Wir bleiben.“``), not a quoted name (``der „BILD am Sonntag“``)."""
    if closing < 1:
        return False
    ends_with_punctuation = context.tokens[closing - 1].text in ("!", "?", ".", ",")
    opens_the_sentence = context.tokens[0].text in OPENING_QUOTES
    return ends_with_punctuation or opens_the_sentence and not _quoted_title(context, closing)


def _quoted_title(context: SentenceContext, closing: int) -> bool:
    """``„BBC News“ berichtet``: a few capitalised words in quotes open the sentence as its subject."""
    words = [token for token in context.tokens[1:closing] if token.is_word]
    return 0 < len(words) <= QUOTED_TITLE_WORDS and all(word.capitalized for word in words)


def clause_end(context: SentenceContext, index: int) -> int:
    last = index
    while last + 1 < len(context.tokens) and not ends_clause(context, last + 1):
        last += 1
    return last


def ends_clause(context: SentenceContext, index: int) -> bool:
    token = context.tokens[index]
    if context.quoted[index] or token.text in CLAUSE_PUNCTUATION or token.text in "!?;":
        return True
    # A full stop inside a sentence belongs to an abbreviation ("Ms. Brainard").
    return token.text == "." and index == len(context.tokens) - 1


def quoted_span(context: SentenceContext, span: Span) -> bool:
    text = context.text[span[0] : span[1]]
    return bool(text) and text[0] in OPENING_QUOTES and text[-1] in CLOSING_QUOTES | {".", ","}


def opens_quote(context: SentenceContext, index: int) -> bool:
    return index < len(context.tokens) and context.tokens[index].text in OPENING_QUOTES


def token_indexes(context: SentenceContext, start: int, end: int) -> list[int]:
    """Indexes of the sentence's tokens inside ``[start, end)`` (tokens are in order: two bisections)."""
    starts = context.token_starts
    first = bisect_left(starts, start)
    last = bisect_left(starts, end)
    return [i for i in range(first, last) if context.tokens[i].end <= end]


def word_end_before(context: SentenceContext, offset: int, floor: int) -> int | None:
    """The end of the last word before ``offset`` (and after ``floor``) that is no article."""
    for token in reversed(context.tokens):
        if token.end > offset:
            continue
        if token.start < floor:
            return None
        if token.is_word and token.lower not in context.lexicon.determiners or token.text == ")":
            return token.end
    return None


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def in_spans(context: SentenceContext, index: int, spans) -> bool:
    token = context.tokens[index]
    return any(start <= token.start and token.end <= end for start, end in spans)
