"""The model's validation names what is wrong and where."""

from __future__ import annotations

import pytest

from provenance.errors import InvalidInput
from provenance.model import Article, Claim, Cue, Hop, Source
from provenance.model.documents import article_from_document, document_from_article


def test_unknown_kind_lists_the_known_ones():
    with pytest.raises(InvalidInput, match=r"unknown source kind 'blog'.*news-agency"):
        Source("X", "blog")


def test_empty_name():
    with pytest.raises(InvalidInput, match="non-empty name"):
        Source("  ", "person")


def test_span_outside_text_names_the_claim():
    article = Article(id="a", text="short", claims=[Claim(text="x", spans=((0, 3),)), Claim(text="y", spans=((2, 9),))])
    with pytest.raises(InvalidInput, match=r"claim 2: content span \[2, 9\] lies outside the article text \(5 characters\)"):
        article.validate()


def test_cue_without_chain():
    article = Article(id="a", text="Tass said so.", claims=[Claim(text="so", spans=((10, 12),), cue=Cue(((5, 9),)))])
    with pytest.raises(InvalidInput, match="cue but an empty chain"):
        article.validate()


def test_hop_needs_both_offsets():
    with pytest.raises(InvalidInput, match="both start and end"):
        Hop(Source("Tass", "news-agency"), start=3)


def test_anonymous_and_origin():
    claim = Claim(text="t", spans=((0, 1),), chain=(Hop(Source("Kreise", "anonymous-group")), Hop(Source("Tass", "news-agency"))))
    assert claim.origin.anonymous and claim.hearsay_depth == 2 and claim.attributed


def test_document_round_trip_keeps_everything():
    text = "Die Delegationen seien zurück, berichtete Tass unter Berufung auf Kreise."
    document = {
        "doc": "d1", "lang": "de", "publisher": "Spiegel", "published": "2026-01-02",
        "claims": [{
            "spans": [[0, 29]], "text": "Die Delegationen seien zurück", "mode": "indirect", "hedged": False,
            "cue": {"spans": [[31, 41], [47, 65]], "text": "berichtete … unter Berufung auf"},
            "chain": [{"name": "Kreise", "kind": "anonymous-group", "start": 66, "end": 72},
                      {"name": "Tass", "kind": "news-agency", "start": 42, "end": 46, "mention": "Tass"}],
            "note": "extra keys are ignored",
        }],
    }
    article = article_from_document(document, text)
    again = document_from_article(article)
    assert again["claims"][0]["chain"][1] == {"name": "Tass", "kind": "news-agency", "start": 42, "end": 46, "mention": "Tass"}
    assert again["publisher"] == "Spiegel" and again["published"] == "2026-01-02"
    assert article_from_document(again, text).claims == article.claims


def test_missing_text_is_taken_from_spans():
    article = article_from_document({"doc": "d", "claims": [{"spans": [[0, 3], [4, 7]], "chain": []}]}, "abc def")
    assert article.claims[0].text == "abc … def"
    assert article.claims[0].mode == "unattributed"


@pytest.mark.parametrize("document, message", [
    ([], "must be a JSON object"),
    ({"claims": []}, "needs a 'doc'"),
    ({"doc": "d", "claims": {}}, "'claims' must be a list"),
    ({"doc": "d", "claims": [{"spans": [[0, "x"]]}]}, "pairs of integers"),
    ({"doc": "d", "claims": [{"spans": [[0, 1]], "chain": ["Tass"]}]}, "must be an object"),
    ({"doc": "d", "claims": [{"spans": [[0, 1]], "mode": "rumour"}]}, "unknown mode 'rumour'"),
])
def test_document_errors(document, message):
    with pytest.raises(InvalidInput, match=message):
        article_from_document(document, "some text")
