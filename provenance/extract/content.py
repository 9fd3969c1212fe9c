"""Where a frame's content lies: the rest of the sentence after the cue, the part before it, or around it."""

from __future__ import annotations

from provenance.extract.phrases import ENGLISH_ADVERBIAL_OPENERS
from provenance.extract.segmentation import CLOSING_QUOTES, OPENING_QUOTES
from provenance.extract.sentence_context import CLAUSE_PUNCTUATION, FINAL_PUNCTUATION, SentenceContext, Span


def content_after(context: SentenceContext, start: int) -> Span | None:
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


def content_before(context: SentenceContext, end: int) -> Span | None:
    """From the sentence start, or its last colon, to just before token ``end`` (a comma is left out).

    ``Das Tor war enttäuschend: „So zu verlieren ...“, sagte X``: only the quotation after the colon is X's.
    """
    tokens = context.tokens
    last = end - 1
    while last >= 0 and tokens[last].text in CLAUSE_PUNCTUATION:
        last -= 1
    if last < 0:
        return None
    colons = [index for index in range(last) if tokens[index].text == ":" and not context.quoted[index]]
    first = colons[-1] + 1 if colons else 0
    while first < last and tokens[first].text in CLAUSE_PUNCTUATION:
        first += 1
    return context.span(first, last)


def content_around(context: SentenceContext, cue_first: int, cue_last: int) -> list[Span]:
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
    right = content_after(context, right_first) if right_first < len(tokens) else None
    if right is not None:
        spans.append(right)
    return spans


def quote_after(context: SentenceContext, index: int) -> Span | None:
    """``“A,” he said, “B.”``: the quotation that continues after the cue."""
    while index < len(context.tokens) and context.tokens[index].text in CLAUSE_PUNCTUATION:
        index += 1
    if index < len(context.tokens) and context.tokens[index].text in OPENING_QUOTES:
        return content_after(context, index)
    return None


def plausible_content_before(context: SentenceContext, clause_first: int) -> bool:
    """Whether the words before a postposed *X said* are a statement rather than an opening phrase."""
    if context.tokens[0].text in OPENING_QUOTES:
        return True
    words = [token for token in context.tokens[:clause_first] if token.is_word]
    if len(words) < 4:
        return False
    opens_with_adverbial = words[0].lower in ENGLISH_ADVERBIAL_OPENERS or words[0].lower.endswith("ly")
    return not opens_with_adverbial or len(words) > 10 or context.tokens[0].text in OPENING_QUOTES


def skip_connectors(context: SentenceContext, index: int) -> int:
    """Skip the comma, colon and complementizer between a cue and its content."""
    while index < len(context.tokens) and context.tokens[index].text in ",:":
        index += 1
    return index


def skip_addressee(context: SentenceContext, index: int) -> int:
    """After *told*: the content starts after *that* if it comes soon, else after the addressee."""
    for offset in range(8):
        word = context.lower(index + offset)
        if word == "that":
            return index + offset
        if word in (",", ":") or word in OPENING_QUOTES:
            return index + offset
        if word in FINAL_PUNCTUATION:
            break
    if context.lower(index) in context.lexicon.determiners:
        return index + 2
    while (
        index < len(context.tokens) - 1 and context.tokens[index].capitalized and context.tokens[index + 1].capitalized
    ):
        index += 1
    return index + 1


# How far after the verb and its source the comma, colon or "dass" that opens the content may stand.
CONTENT_OPENER_REACH = 14


def introduced_content_start(context: SentenceContext, index: int) -> int | None:
    """Where the reported clause starts: after a comma or colon, at *dass* or a quote; None if there is none."""
    reach = range(index, min(len(context.tokens), index + CONTENT_OPENER_REACH))
    colon = next((position for position in reach if context.tokens[position].text == ":"), None)
    # "sagte, A und fügte hinzu: „...“": a colon after a coordinated verb opens that verb's content, not this one's.
    coordinated = colon is not None and any(
        context.lower(position) in ("und", "sowie") for position in range(index, colon)
    )
    if (
        colon is not None
        and not coordinated
        and not any(context.tokens[position].text in FINAL_PUNCTUATION for position in range(index, colon))
    ):
        # "sagte X, der Geschäftsführer: „...“": the colon, not the apposition's comma, opens the content.
        return skip_connectors(context, colon)
    for position in reach:
        token = context.tokens[position]
        if token.text in ",:":
            start = skip_connectors(context, position)
            return _after_relative_clause(context, start) if token.text == "," else start
        if token.lower in context.lexicon.complementizers or token.text in OPENING_QUOTES:
            return position
        if token.text in FINAL_PUNCTUATION and not _inside_word(context, position):
            return None
    return None


def _inside_word(context: SentenceContext, position: int) -> bool:
    """A full stop with words glued on both sides (``ZDNet.com``, ``ver.di``) ends nothing."""
    tokens = context.tokens
    if position == 0 or position + 1 >= len(tokens):
        return False
    return tokens[position - 1].end == tokens[position].start and tokens[position].end == tokens[position + 1].start


# German relative pronouns that open a clause about the noun before the comma.
GERMAN_RELATIVE_PRONOUNS = frozenset("der die das welche welcher welches".split())


def _after_relative_clause(context: SentenceContext, start: int) -> int:
    """``schrieb in einer Erklärung, die online steht, sie wolle ...``: the content starts after the relative clause."""
    tokens = context.tokens
    if context.lexicon.language != "de" or context.lower(start) not in GERMAN_RELATIVE_PRONOUNS:
        return start
    if start < 2 or not tokens[start - 2].capitalized:
        return start
    if start + 1 < len(tokens) and tokens[start + 1].capitalized:
        # "..., die Ukraine habe ...": an article, not a relative pronoun.
        return start
    for position in range(start + 1, min(len(tokens), start + CONTENT_OPENER_REACH)):
        if tokens[position].text == ",":
            verb_final = not tokens[position - 1].capitalized and tokens[position - 1].is_word
            return skip_connectors(context, position) if verb_final and position + 1 < len(tokens) else start
        if tokens[position].text in FINAL_PUNCTUATION:
            return start
    return start
