"""An article never gets two claims with the same spans and text: the fuller reading wins."""

from __future__ import annotations

from pathlib import Path

from provenance.extract import extract_article
from provenance.extract.reading import InputDocument

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_a_clause_read_by_two_frames_keeps_the_longer_chain():
    text = ("Beide Seiten hätten ihre Positionen dargelegt, eine gemeinsame Erklärung sei aber nicht vereinbart "
            "worden, berichtete die Nachrichtenagentur dpa unter Berufung auf Teilnehmerkreise.")
    article = extract_article(InputDocument(id="t", text=text, lang="de"))
    keys = [(tuple(map(tuple, claim.spans)), claim.text) for claim in article.claims]
    assert len(keys) == len(set(keys))
    statement = next(claim for claim in article.claims if claim.text.startswith("eine gemeinsame Erklärung"))
    assert [hop.source.name for hop in statement.chain][-1] == "dpa"


def test_bundled_examples_have_distinct_claims():
    for path in sorted(EXAMPLES.glob("*.txt")):
        article = extract_article(InputDocument(id=path.stem, text=path.read_text(encoding="utf-8")))
        keys = [(tuple(map(tuple, claim.spans)), claim.text) for claim in article.claims]
        assert len(keys) == len(set(keys)), path.name
