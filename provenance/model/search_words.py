"""The words a claim is found by: folded (case and diacritics), stemmed by German and English rules.

A claim's search words are written with it (``cp:searchWord``), so that a search is a look-up of
bound literals in the store's index instead of a scan of every text. "Delegationen", "delegation"
and "Délégation" give the same word; so do "Hotels" and "hotel", "talks" and "talking". Stemming
is Snowball's (PyStemmer, a C implementation: a hand-written suffix list would be worse German and
slower); a word is stemmed by its article's language, by both German and English rules when the
language is neither or unknown, and the words a user types by both, since a query has no language.

>>> sorted(search_words("Die Delegationen seien in ihre Hotels zurückgekehrt", "de"))
['delegation', 'hotel', 'ihr', 'seien', 'zuruckgekehrt']
>>> query_forms("délégation HOTEL")
[('delegation', 'deleg'), ('hotel',)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import Stemmer

from provenance.model.wording import STOPWORDS

WORD = re.compile(r"\w+")
#: Words kept per language code; any other language is stemmed by all of them.
LANGUAGES = {"de": "german", "en": "english"}
_STEMMERS = {code: Stemmer.Stemmer(name) for code, name in LANGUAGES.items()}
#: A stemmer keeps a cache of its own; this many words per language.
for _stemmer in _STEMMERS.values():
    _stemmer.maxCacheSize = 200_000
#: Function words, folded: never written, and dropped from a query (they would match most claims).
_FOLDED_STOPWORDS = frozenset(word.replace("ue", "u").replace("oe", "o").replace("ae", "a") for word in STOPWORDS) | STOPWORDS


def fold(word: str) -> str:
    """Case-folded, without diacritics (ß becomes ss).

    >>> fold("Zurückgekehrt"), fold("Straße"), fold("Élysée")
    ('zuruckgekehrt', 'strasse', 'elysee')
    """
    folded = word.casefold()
    if folded.isascii():
        return folded
    return "".join(char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    # Single letters say nothing; single digits do ("Phase 2").
    return [word for word in (fold(raw) for raw in WORD.findall(text))
            if (len(word) > 1 or word.isdigit()) and word not in _FOLDED_STOPWORDS]


def search_words(text: str, lang: str | None = None, *, also: Iterable[str] = ()) -> set[str]:
    """The distinct search words of ``text`` (and of the texts ``also``, such as source names) in ``lang``."""
    words = _words(text)
    for other in also:
        words.extend(_words(other))
    if not words:
        return set()
    codes = [lang] if lang in _STEMMERS else list(_STEMMERS)
    found: set[str] = set()
    for code in codes:
        found.update(_STEMMERS[code].stemWords(words))
    return found


def query_forms(text: str) -> list[tuple[str, ...]]:
    """For each word a user typed (function words left out), the forms a stored claim may have it in.

    A claim matches the query when it has one form of every word.
    """
    forms = []
    for word in dict.fromkeys(_words(text)):
        forms.append(tuple(dict.fromkeys(stemmer.stemWord(word) for stemmer in _STEMMERS.values())))
    return forms
