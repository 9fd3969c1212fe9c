"""Running the extractor on one of our own example sentences."""

from __future__ import annotations

from provenance.extract import InputDocument, extract_article


def claims_of(text: str, lang: str | None = None, *, filtered: bool = True):
    """The claims extracted from ``text`` (language detected unless given)."""
    return extract_article(InputDocument(id="example", text=text, lang=lang), filtered=filtered).claims


def german_claims(text: str):
    """The claims extracted from a German ``text``."""
    return claims_of(text, "de")


def whole_sentence_reported(text: str, lang: str | None = None):
    """The one claim of ``text``, checked to be a cue-less Reported claim of the whole sentence, as annotators mark them."""
    (claim,) = claims_of(text, lang)
    assert claim.cue is None
    assert claim.mode == "reported"
    assert claim.text == text
    return claim
