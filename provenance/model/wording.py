"""What a claim's words are compared by: a normalised text, its negations, and its same-claim keys.

Two claims say the same thing when their normalised texts are equal or near-equal (see
:mod:`provenance.analysis.clusters`). Normalising case-folds, folds German umlauts and ß, drops
quotation marks and punctuation, turns the German Konjunktiv I of reported speech into the
indicative ("seien" -> "sind", so that "Die Delegationen seien zurückgekehrt" and "Die Delegationen
sind zurückgekehrt" match), and removes German and English function words; negations ("nicht",
"kein", "not", ...) are kept.

The same-claim keys are the bands of a min-hash signature of the normalised text's word set
(locality-sensitive hashing): texts whose word sets are alike share a key with high probability
(Jaccard similarity 0.7: 98 %), texts with nothing in common almost never. They are written with every
attributed claim, so that the claims saying the same as one claim are found by looking its keys up,
not by reading every text. The corpus clustering computes the same bands for many texts at once
with numpy; both use :func:`token_hashes`, and a test holds them equal.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
import unicodedata

BANDS = 6
ROWS_PER_BAND = 2

KONJUNKTIV = {
    "sei": "ist", "seien": "sind", "seiest": "bist", "habe": "hat", "haben": "haben", "werde": "wird",
    "koenne": "kann", "muesse": "muss", "solle": "soll", "wolle": "will", "duerfe": "darf", "moege": "mag",
    "gebe": "gibt", "liege": "liegt", "stehe": "steht", "gehe": "geht", "komme": "kommt", "wisse": "weiss",
    "waere": "ist", "waeren": "sind", "haette": "hat", "haetten": "haben", "wuerde": "wird", "wuerden": "werden",
}
STOPWORDS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines", "und", "oder", "aber", "auch", "noch", "schon", "in", "im", "ins", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "fuer", "ueber", "unter", "um", "vor", "es", "er", "sie", "wir", "ihr", "man", "sich", "dass", "ob", "wie", "als", "so", "nur", "sehr", "bereits", "the", "a", "an", "and", "or", "but", "also", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been", "that", "this", "it", "its", "has", "have", "had", "will", "would", "which", "who", "there", "their", "they", "he", "she", "we"]
)
NEGATIONS = frozenset(["nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "not", "no", "never", "none", "nobody"])
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
WORD = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """The text a claim is compared by: folded, punctuation-free, indicative, without function words.

    >>> normalise_text("Die Delegationen seien in ihre Hotels zurückgekehrt.")
    'delegationen sind ihre hotels zurueckgekehrt'
    >>> normalise_text("The delegations have returned to their hotels")
    'delegations returned hotels'
    """
    return normalise(text, WordForms())


class WordForms(dict):
    """``{folded word: its form in a normalised text}``, "" for a function word; filled as words come.

    One instance shared over many texts normalises each distinct word once.
    """

    def __missing__(self, word: str) -> str:
        form = KONJUNKTIV.get(word, word)
        if form in STOPWORDS:
            form = ""
        self[word] = form
        return form


def normalise(text: str, forms: WordForms) -> str:
    """:func:`normalise_text` with a shared :class:`WordForms`."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(UMLAUTS)
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(filter(None, map(forms.__getitem__, WORD.findall(folded))))


def negations(normalised: str) -> frozenset[str]:
    """The negation words of a normalised text."""
    return NEGATIONS.intersection(normalised.split())


def token_hashes(token: str) -> bytes:
    """``BANDS * ROWS_PER_BAND`` 32-bit little-endian hashes of one word (blake2b, so runs are reproducible)."""
    return hashlib.blake2b(token.encode("utf-8"), digest_size=4 * BANDS * ROWS_PER_BAND).digest()


def same_claim_keys(text: str) -> list[str]:
    """The min-hash band keys of a claim text; none when no content word is left after normalising.

    A key is the band's number and its 64-bit value in 16 hex digits (``"3:00a1…"``), as stored in
    ``cp:sameClaimKey``.

    >>> len(same_claim_keys("Die Delegationen seien in ihre Hotels zurückgekehrt"))
    6
    >>> same_claim_keys("Die Delegationen seien in ihre Hotels zurückgekehrt") == same_claim_keys(
    ...     "die Delegationen sind in ihre Hotels zurückgekehrt.")
    True
    >>> same_claim_keys("und so")
    []
    """
    if len(_FORMS) > _FORMS_KEPT:
        _FORMS.clear()
    words = set(normalise(text, _FORMS).split())
    if not words:
        return []
    # A band's value is its two rows' 32-bit minima one after the other (ROWS_PER_BAND = 2), so
    # the signature written big-endian in hex holds every band's key, 16 digits each.
    digits = _SIGNATURE.pack(*map(min, zip(*map(_word_hashes, words)))).hex()
    return [f"{band}:{digits[16 * band : 16 * band + 16]}" for band in range(BANDS)]


_HASHES = struct.Struct(f"<{BANDS * ROWS_PER_BAND}I")
_SIGNATURE = struct.Struct(f">{BANDS * ROWS_PER_BAND}I")
#: The word forms :func:`same_claim_keys` has met, shared over claims (a mapping meets the same
#: words again and again) and let go of from this many on.
_FORMS = WordForms()
_FORMS_KEPT = 200_000


@functools.lru_cache(maxsize=65536)
def _word_hashes(word: str) -> tuple[int, ...]:
    """:func:`token_hashes` as integers, kept for the most recent words (news repeats its words)."""
    return _HASHES.unpack(token_hashes(word))
