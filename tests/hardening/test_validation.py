"""Every date, span, id and address is checked where it comes in, with one clear line."""

from __future__ import annotations

import json

import pytest

from tests.hardening.conftest import one_error, quads


@pytest.mark.parametrize("value", ["2026-02-30", "2026-99-99", "garbage"])
def test_published_dates_that_do_not_exist(seeded_cli, seed_text, seed_gold, gold, write, value):
    before = quads(seeded_cli.store)
    line = one_error(seeded_cli("add", "--text", str(seed_text), str(seed_gold), "--published", value, expect=1))
    assert repr(value) in line and "published" in line
    gold["published"] = value
    line = one_error(seeded_cli("add", "--text", str(seed_text), str(write("g.json", json.dumps(gold))), expect=1))
    assert repr(value) in line
    assert quads(seeded_cli.store) == before


@pytest.mark.parametrize("value", ["2026-02-30", "garbage", "2026-03-08/2026-03-01", "2026-01-01/2026-01-02/2026-01-03"])
def test_due_dates_that_do_not_exist(cli, seed_text, gold, write, value):
    gold["claims"][0]["due"] = value
    line = one_error(cli("add", "--text", str(seed_text), str(write("g.json", json.dumps(gold))), expect=1))
    assert "due" in line and "claim 1" in line


def test_an_antecedent_outside_the_text(cli, seed_text, gold, write):
    gold["claims"][0]["chain"][0]["antecedent"] = [5000, 5010]
    line = one_error(cli("add", "--text", str(seed_text), str(write("g.json", json.dumps(gold))), expect=1))
    assert "antecedent" in line and "outside the article text" in line


def test_two_documents_with_one_id_in_one_jsonl(cli, write):
    path = write("dup.jsonl", json.dumps({"id": "a", "text": "Er sagte, es regne."}) + "\n"
                 + json.dumps({"id": "a", "text": "Sie sagte, es schneie."}) + "\n")
    result = cli("ingest", str(path), expect=1)
    assert "id 'a' is given again (first on line 1)" in " ".join(result.output.split())
    assert cli.json("claims") == []


def test_a_javascript_url_is_refused_for_an_article_and_a_verdict(seeded_cli, seed_text, seed_gold):
    line = one_error(seeded_cli("add", "--text", str(seed_text), str(seed_gold), "--url", "javascript:alert(1)", expect=1))
    assert "not an http(s) address" in line
    line = one_error(seeded_cli("verdict", "Hotels", "--rating", "False", "--url", "javascript:alert(1)", expect=1))
    assert "not an http(s) address" in line


def test_a_stored_javascript_url_is_never_exported_in_claimreview(seeded_cli, tmp_path, write):
    seeded_cli("verdict", "Hotels", "--rating", "False", "--by", "Desk A")
    export = tmp_path / "all.nq"
    seeded_cli("export", "--format", "nquads", "-o", str(export))
    review = next(line.split()[0] for line in export.read_text().splitlines() if "ClaimReview" in line)
    import pyoxigraph as ox

    store = ox.Store(str(seeded_cli.store))
    store.add(ox.Quad(ox.NamedNode(review[1:-1]), ox.NamedNode("https://schema.org/url"),
                      ox.NamedNode("javascript:alert(1)"), ox.NamedNode("https://claim-provenance.org/id/graph/assessments/verdicts")))
    del store
    out = tmp_path / "reviews.jsonld"
    seeded_cli("export", "--format", "claimreview", "-o", str(out))
    assert "javascript:" not in out.read_text(encoding="utf-8")
