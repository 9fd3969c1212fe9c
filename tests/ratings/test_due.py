"""Claims that fall due: time expressions anchored to the publication date, and ``due`` listing them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from provenance.extract.timex import annotate_due, due_end, find_time
from provenance.model.documents import article_from_document

THURSDAY = date(2026, 2, 5)


def test_seed_claim_7_is_due_the_week_after_publication(seed_text, seed_gold):
    document = json.loads(seed_gold.read_text(encoding="utf-8"))
    document["published"] = "2026-02-05"
    article = article_from_document(document, seed_text.read_text(encoding="utf-8"))
    annotate_due(article)
    due = {number: claim.due for number, claim in enumerate(article.claims, start=1) if claim.due}
    assert due == {2: "2026-02-05", 7: "2026-02-09/2026-02-15"}
    assert "in der nächsten Woche" in article.claims[6].text


def test_nothing_is_due_without_a_publication_date(seed_text, seed_gold):
    article = article_from_document(json.loads(seed_gold.read_text(encoding="utf-8")),
                                    seed_text.read_text(encoding="utf-8"))
    annotate_due(article)
    assert all(claim.due is None for claim in article.claims)


@pytest.mark.parametrize(("text", "words", "value"), [
    ("The talks will resume next week", "next week", "2026-02-09/2026-02-15"),
    ("The minister will sign the deal tomorrow", "tomorrow", "2026-02-06"),
    ("The vote is scheduled for today", "today", "2026-02-05"),
    ("Delegations will meet on Tuesday", "on Tuesday", "2026-02-10"),
    ("Delegations met on Tuesday", "on Tuesday", "2026-02-03"),
    ("A ceasefire will be agreed by March", "by March", "2026-02-05/2026-03-31"),
    ("The report is expected later this month", "later this month", "2026-02-05/2026-02-28"),
    ("Elections will be held next year", "next year", "2027-01-01/2027-12-31"),
    ("Troops will withdraw within two weeks", "within two weeks", "2026-02-19"),
    ("The summit will take place on March 5", "on March 5", "2026-03-05"),
    ("Protesters may march to the parliament", None, None),
    ("Die Gespräche sollen morgen weitergehen", "morgen", "2026-02-06"),
    ("Das Abkommen soll bis März stehen", "bis März", "2026-02-05/2026-03-31"),
    ("Bis Ende des Jahres werde die Armee abziehen", "Bis Ende des Jahres", "2026-02-05/2026-12-31"),
    ("Das Treffen soll im kommenden Monat stattfinden", "im kommenden Monat", "2026-03-01/2026-03-31"),
    ("Am Morgen sei die Delegation abgereist", None, None),
])
def test_time_expressions(text, words, value):
    found = find_time(text, THURSDAY)
    if words is None:
        assert found is None
    else:
        assert (found.text, found.value) == (words, value)
        assert text[found.start:found.end] == words


def test_due_end_is_the_last_day():
    assert due_end("2026-02-09/2026-02-15") == date(2026, 2, 15)


def test_due_lists_the_claims_whose_time_has_come_with_their_chains(seeded):
    assert [row["text"] for row in seeded.json("due", "--on", "2026-02-04")] == []
    on_publication = seeded.json("due", "--on", "2026-02-05")
    assert [row["text"] for row in on_publication] == ["eine Fortsetzung heute sei nicht mehr geplant"]
    assert on_publication[0]["chain"] == ["Verhandlungskreise", "Tass"]
    week_after = seeded.json("due", "--on", "2026-02-16")
    assert [(row["due"], row["origin"]) for row in week_after] == [
        ("2026-02-05", "Verhandlungskreise"), ("2026-02-09/2026-02-15", "Barak Ravid")]
    assert "in der nächsten Woche" in week_after[1]["text"]
    assert [row["due"] for row in seeded.json("due", "--on", "2026-02-16", "--since", "2026-02-06")] == [
        "2026-02-09/2026-02-15"]


def test_a_reviewed_claim_is_no_longer_due(seeded):
    seeded("verdict", "nicht mehr geplant", "--rating", "richtig", "--by", "Correctiv")
    assert len(seeded.json("due", "--on", "2026-02-16")) == 1
    assert len(seeded.json("due", "--on", "2026-02-16", "--all")) == 2


def test_due_with_a_bad_date_is_one_clear_line(seeded):
    assert "YYYY-MM-DD" in seeded.error("due", "--on", "next monday")


def test_due_table_names_the_chain(seeded):
    output = seeded("due", "--on", "2026-02-16").stdout
    assert "2 claims due" in output and "Barak Ravid" in output


def test_ingest_sets_due_from_the_documents_publication_date(cli, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "en-1", "lang": "en", "published": "2026-02-05",
                                "text": "The two delegations will meet again next week, Reuters reported."}) + "\n",
                    encoding="utf-8")
    cli("ingest", str(path))
    [row] = cli.json("due", "--on", "2026-02-15")
    assert (row["due"], row["chain"]) == ("2026-02-09/2026-02-15", ["Reuters"])
    assert cli.json("due", "--on", "2026-02-14") == []
