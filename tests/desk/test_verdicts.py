"""A verdict recorded with ``verdict`` shows in trace, claims, report and report --json, on both stores."""

from __future__ import annotations

from tests.desk.conftest import HOTEL


def hotel_claim(desk, article: str) -> dict:
    return next(row for row in desk.json("claims", "--article", article) if "Hotels" in row["text"])


def test_trace_lists_the_verdict_on_the_claim_and_on_the_same_claim_elsewhere(desk):
    seed = hotel_claim(desk, "tass-talks-de")
    trace = desk.json("trace", seed["id"])
    assert trace["claim"]["text"] == HOTEL and "same_claim" in trace and "credibility" in trace
    [verdict] = trace["verdicts"]
    assert verdict == {"rating": "falsch", "outcome": "false", "value": 1.0, "author": "Correctiv", "date": "2026-02-06",
                       "url": "https://example.org/review/hotels", "claim": seed["id"], "article": "tass-talks-de"}
    elsewhere = desk.json("trace", hotel_claim(desk, "wire-kurier")["id"])
    assert [(v["rating"], v["claim"], v["article"]) for v in elsewhere["verdicts"]] == [("falsch", seed["id"], "tass-talks-de")]
    assert desk.json("trace", "Der Bürgermeister trete")["verdicts"] == []
    tree = " ".join(desk("trace", hotel_claim(desk, "wire-kurier")["id"]).stdout.split())
    assert "verdicts (1)" in tree and "falsch" in tree and "Correctiv, 2026-02-06" in tree
    assert "on the same claim in" in tree


def test_claims_carry_the_verdict(desk):
    assert hotel_claim(desk, "tass-talks-de")["verdicts"] == ["falsch"]
    assert hotel_claim(desk, "wire-kurier")["verdicts"] == []


def test_report_counts_verdicts_and_names_the_sources_rated_false(desk):
    data = desk.json("report")
    verdicts = data["verdicts"]
    assert verdicts["total"] == 1 and verdicts["claims"] == 1 and verdicts["outcomes"] == {"false": 1}
    rated_false = {(row["name"], row["false"], row["verdicts"]) for row in verdicts["sources_rated_false"]}
    assert rated_false == {("Tass", 1, 1), ("Verhandlungskreise", 1, 1)}
    assert {"claims", "sources", "clusters", "single_points_of_failure", "circular"} <= set(data)
    text = " ".join(desk("report").stdout.split())
    assert "Verdicts 1 on 1 claims: 1 false" in text
    assert "Sources whose claims were rated false most often" in text
