"""German constructions of this round, in our own sentences: fronted times in passives, quotations after a colon."""

from __future__ import annotations

import pytest

from provenance.extract import InputDocument, extract_article


def claims_of(text: str):
    return extract_article(InputDocument(id="example", text=text, lang="de")).claims


@pytest.mark.parametrize(
    "text",
    [
        "Im April wurde bekannt, dass der Sänger an einer Grippe erkrankt ist.",
        "Im Jahr 1997 wurde vorgeschlagen, den Wochenmarkt auf den Samstag zu verlegen.",
    ],
)
def test_a_fronted_time_is_not_the_source_of_a_passive(text):
    (claim,) = claims_of(text)
    assert all(hop.start is None for hop in claim.chain)


def test_a_fronted_document_is_still_the_source_of_a_passive():
    (claim,) = claims_of("In einer Mitteilung der Stadt wurde bekannt gegeben, dass die Brücke gesperrt ist.")
    assert claim.chain[-1].mention == "einer Mitteilung der Stadt"
