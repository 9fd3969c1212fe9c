"""Outlets named in a phrase: a registered name, a class noun (*Agentur*, *newspaper*) or a paper's title (*Sunday Herald*).

Relays and naming both ask whether a noun phrase names an outlet; the answer lives here once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from provenance.extract.phrases import phrase_right
from provenance.extract.registry import (
    ENGLISH_OUTLET_CLASS_NOUNS,
    GERMAN_OUTLET_CLASS_NOUNS,
    Registry,
    load_registry,
)
from provenance.extract.sentence_context import Mention, SentenceContext
from provenance.model.core import Source

# Nouns that make a phrase an outlet: "der Agentur PAP", "the Guardian newspaper", "dem Blatt".
# A German phrase names an outlet when one of its capitalised words ends in one of these (*Nachrichtenagentur*).
GERMAN_OUTLET_NOUNS = GERMAN_OUTLET_CLASS_NOUNS + ("radio", "tv")
ENGLISH_OUTLET_NOUNS = ENGLISH_OUTLET_CLASS_NOUNS


NAME_TITLES = frozenset("mr mrs ms dr sir lord lady".split())


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


def outlet_phrase_at(context: SentenceContext, first: int) -> Mention | None:
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


def publisher_of(publisher: str | None, url: str | None, registry: Registry) -> str | None:
    """The registered name of the article's own outlet, from its ``publisher`` or its URL's host.

    Why: an article's own outlet is never a relay of its claims (*told BBC News* in a BBC article
    names the addressee); the text alone cannot tell that article from another outlet's.
    """
    if publisher:
        outlet = registry.find(publisher)
        return outlet.name if outlet is not None else publisher.strip()
    host = urlsplit(url).hostname if url else None
    outlet = registry.by_host(host) if host else None
    return outlet.name if outlet is not None else None


def own_outlet(publisher: str | None, source: Source) -> bool:
    """Whether ``source`` is the article's own outlet."""
    return publisher is not None and source.kind in ("media-outlet", "news-agency") and source.name == publisher
