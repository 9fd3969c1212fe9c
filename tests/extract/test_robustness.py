"""Extraction never fails on odd text: any mix of cue words, quotes and punctuation gives a valid article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.extract import InputDocument, extract_article

PIECES = (
    "sagte laut zufolge nach Angaben der Polizei , . : „ “ \" ' '' said told according to that dass Dies hieß es "
    "so wie mitteilte Demnach ( ) – er sie he The Die Reuters Tass Merkel Trump ! ? sei habe soll auf X unter "
    "Berufung Kreisen citing in Monday am Q zitierte ihren Informanten Agentur \n\n"
).split(" ")


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(PIECES), max_size=40), language=st.sampled_from(["de", "en"]))
def test_any_text_gives_a_valid_article(words, language):
    article = extract_article(InputDocument(id="odd", text=" ".join(words), lang=language))
    article.validate()
    for claim in article.claims:
        assert claim.chain, "every listed claim is attributed"
