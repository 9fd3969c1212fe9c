"""``provenance changes``: exactly what a second ingest added, and nothing after a re-ingest of unchanged files."""

from __future__ import annotations

import time

import pytest

from provenance.rdf.timestamps import now
from tests.desk.conftest import EXAMPLES


def next_second() -> str:
    """The time from the next full second on: every write before this call is stored earlier."""
    time.sleep(1.05)
    return now()


def add(cli, *names: str) -> None:
    for name in names:
        folder = name.split("-")[0].replace("ceasefire", "two-agencies")
        claims = EXAMPLES / folder / f"{name}.json"
        cli("add", "--text", str(claims.with_suffix(".txt")), str(claims))


@pytest.mark.parametrize("kind", ["embedded", "virtuoso"])
def test_changes_after_a_second_batch(fresh, kind):
    cli = fresh(kind)
    add(cli, "wire-abendpost", "ceasefire-courier", "ceasefire-herald", "circle-blick", "circle-lokalradio")
    since = next_second()
    add(cli, "wire-anzeiger", "wire-kurier", "ceasefire-gazette", "circle-stadtanzeiger")
    data = cli.json("changes", "--since", since)
    assert data["articles"] == {"added": ["ceasefire-gazette", "circle-stadtanzeiger", "wire-anzeiger", "wire-kurier"],
                                "replaced": []}
    assert sorted(claim["article"] for claim in data["claims"]) == data["articles"]["added"]
    gained = {cluster["text"][:20]: cluster["gained"] for cluster in data["clusters"]}
    assert gained == {"Die Delegationen sei": ["wire-anzeiger", "wire-kurier"],
                      "The ceasefire will t": ["ceasefire-gazette"],
                      "Der Bürgermeister tr": ["circle-stadtanzeiger"]}
    # The courier's claim (Reuters) and the herald's (AP) now say the same as a second Reuters report:
    # neither gained an independent source; the circle closed.
    assert data["corroborated"] == [] and data["uncorroborated"] == []
    assert [sorted(circle) for circle in data["circles"]] == [["Blick am Abend", "Lokalradio Nord", "Stadtanzeiger"]]
    assert data["ratings"] == [] and data["verdicts"] == []
    text = cli("changes", "--since", since).stdout
    assert "4 added: ceasefire-gazette, circle-stadtanzeiger, wire-anzeiger, wire-kurier" in text
    assert "New circle" in text

    again = next_second()
    add(cli, "wire-abendpost", "ceasefire-courier", "ceasefire-herald", "circle-blick", "circle-lokalradio",
        "wire-anzeiger", "wire-kurier", "ceasefire-gazette", "circle-stadtanzeiger")
    unchanged = cli.json("changes", "--since", again)
    assert unchanged["articles"] == {"added": [], "replaced": []}
    assert all(unchanged[key] == [] for key in ("claims", "clusters", "corroborated", "uncorroborated",
                                                "single_points_of_failure", "circles", "ratings", "verdicts"))
    assert "Nothing was stored since then." in cli("changes", "--since", again).stdout


def test_replaced_article_keeps_its_old_claims_and_reports_its_new_one(fresh, tmp_path):
    cli = fresh("embedded")
    add(cli, "ceasefire-courier")
    since = next_second()
    claims = EXAMPLES / "two-agencies" / "ceasefire-courier.json"
    text = claims.with_suffix(".txt")
    cli("add", "--text", str(text), str(claims), "--title", "A new headline")
    data = cli.json("changes", "--since", since)
    assert data["articles"] == {"added": [], "replaced": ["ceasefire-courier"]}
    assert data["claims"] == []
    assert cli.json("claims", "--since", since) == []
    cli("rate", "Reuters", "--reliability", "A", "--by", "desk")
    cli("verdict", "ceasefire will take effect", "--rating", "true", "--by", "desk")
    recorded = cli.json("changes", "--since", since)
    assert [(r["source"], r["reliability"]) for r in recorded["ratings"]] == [("Reuters", "A")]
    assert [v["rating"] for v in recorded["verdicts"]] == ["true"]


def test_corroboration_won_is_reported(fresh):
    cli = fresh("embedded")
    add(cli, "ceasefire-courier")
    since = next_second()
    add(cli, "ceasefire-herald")
    [won] = cli.json("changes", "--since", since)["corroborated"]
    assert won["article"] == "ceasefire-courier" and won["independent_sources"] == {"before": 1, "after": 2}


def test_report_since_has_the_changes(fresh):
    cli = fresh("embedded")
    since = next_second()
    add(cli, "wire-abendpost")
    assert cli.json("report", "--since", since)["changes"]["articles"]["added"] == ["wire-abendpost"]


@pytest.mark.parametrize("value", ["yesterday", "2d3h", "2026-02-30"])
def test_bad_since_is_one_line(fresh, value):
    cli = fresh("embedded")
    result = cli("changes", "--since", value, expect=1)
    assert result.stderr.startswith(f"Error: --since {value!r} is neither a date") and len(result.stderr.splitlines()) == 1
