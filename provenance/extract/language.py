"""Tell German from English by a vote of frequent function words: cheap, offline and enough for news."""

from __future__ import annotations

import re

GERMAN_WORDS = frozenset(
    "der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie es auch nach wird bei "
    "einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man "
    "sei habe hat wurde sagte laut".split()
)
ENGLISH_WORDS = frozenset(
    "the and of to a in is that for it on was with he as his be at by this had not are but from or have "
    "an they which you were her she there been has their said would will who".split()
)
SUPPORTED_LANGUAGES = ("de", "en")
_WORD = re.compile(r"[^\W\d_]+")
# Enough words to decide; reading a whole 50 MB file to vote would waste time.
_SAMPLE_CHARACTERS = 5000


def detect_language(text: str, default: str = "en") -> str:
    """``de`` or ``en`` by which language's function words are more frequent in the text's opening."""
    german = english = 0
    for match in _WORD.finditer(text, 0, min(len(text), _SAMPLE_CHARACTERS)):
        word = match.group().lower()
        german += word in GERMAN_WORDS
        english += word in ENGLISH_WORDS
    if german == english:
        return default
    return "de" if german > english else "en"
