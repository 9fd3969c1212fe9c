"""report, sources and trace through the CLI on the seed article (loaded from the gold file) and the examples."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from provenance.cli import main
from provenance.reports.report import render_report
from provenance.reports.sources import render_sources

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CONTRACT_KEYS = {"claims", "unattributed", "articles", "origins", "sources", "single_points_of_failure",
                 "circular", "clusters", "max_hops"}


class Cli:
    def __init__(self, store: Path) -> None:
        self.store = store
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int = 0):
        result = self.runner.invoke(main, ["--store", str(self.store), *args])
        assert result.exit_code == expect, result.output
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--json").stdout)


@pytest.fixture
def seeded(tmp_path, seed_text, seed_gold) -> Cli:
    cli = Cli(tmp_path / "store")
    cli("add", "--text", str(seed_text), str(seed_gold))
    return cli


@pytest.fixture
def examples(tmp_path) -> Cli:
    cli = Cli(tmp_path / "examples")
    for folder in ("wire", "two-agencies", "circle"):
        for claims in sorted((EXAMPLES / folder).glob("*.json")):
            cli("add", "--text", str(claims.with_suffix(".txt")), str(claims))
    return cli


def test_seed_report_json(seeded):
    data = seeded.json("report")
    assert CONTRACT_KEYS <= set(data)
    assert data["claims"] == 10 and data["unattributed"] == 0 and data["articles"] == 1
    assert data["origins"] == {"named": 2, "anonymous": 8}
    assert data["max_hops"] == 2
    assert data["depth_histogram"] == {"1": 3, "2": 7}
    tass = next(source for source in data["sources"] if source["name"] == "Tass")
    assert {key: tass[key] for key in ("kind", "relayed", "originated", "reliability")} == {
        "kind": "news-agency", "relayed": 6, "originated": 0, "reliability": None}
    assert tass["reliance_rank"] == 1
    assert data["single_points_of_failure"][0]["source"] == "Tass"
    assert data["single_points_of_failure"][0]["claims"] == 6
    assert data["single_points_of_failure"][0]["share"] == 0.6
    assert data["top_relays"][0] == {"name": "Tass", "kind": "news-agency", "relayed": 6, "relayed_share": 0.6}
    assert data["clusters"] == [] and data["circular"] == []
    assert data["credibility"] == {"6": 10}


def test_seed_report_rich(seeded):
    output = seeded("report").stdout
    assert "10 attributed" in output and "2 named, 8 anonymous" in output
    assert "Single points of failure" in output and "Tass" in output


def test_report_renders_to_a_string_console(seeded):
    console = Console(file=io.StringIO(), width=100)
    console.print(render_report(seeded.json("report")))
    text = console.file.getvalue()
    lines = text.splitlines()
    assert all(len(line) <= 100 for line in lines)
    relay_line = next(line for line in lines if line.strip().startswith("Tass") and "news-agency" in line)
    assert [cell for cell in relay_line.split() if cell != "│"] == ["Tass", "news-agency", "6", "60%"]
    assert "No circular reporting." in text and "truth cannot be judged" in text


def test_sources_sorted_and_as_json(seeded):
    by_relayed = seeded.json("sources")
    assert by_relayed[0]["name"] == "Tass" and by_relayed[0]["relayed"] == 6
    by_originated = seeded.json("sources", "--sort", "originated")
    assert by_originated[0] == {**by_originated[0], "name": "Verhandlungskreise", "originated": 3}
    by_reliance = seeded.json("sources", "--sort", "reliance", "--limit", "2")
    assert len(by_reliance) == 2 and by_reliance[0]["reliance"] >= by_reliance[1]["reliance"]
    console = Console(file=io.StringIO(), width=100)
    console.print(render_sources(by_relayed))
    assert "Tass" in console.file.getvalue() and "unrated" in console.file.getvalue()
    assert "Tass" in seeded("sources").stdout


def test_sources_rejects_unknown_sort(seeded):
    result = seeded("sources", "--sort", "fame", expect=2)
    assert "fame" in result.output


def test_trace_shows_credibility_with_each_hop(seeded):
    data = seeded.json("trace", "Hotels zurückgekehrt")
    assert [(hop["name"], hop["kind"]) for hop in data["hops"]] == [
        ("Verhandlungskreise", "anonymous-group"), ("Tass", "news-agency")]
    assert [(hop["reliability"], hop["known"], hop["factor"]) for hop in data["hops"]] == [
        (None, False, 0.5), (None, False, 0.5)]
    credibility = data["credibility"]
    assert credibility["digit"] == 6 and credibility["unknown_hops"] == 2
    assert [hop["running"] for hop in credibility["hops"]] == [0.5, 0.25]
    assert data["independent_sources"] == 1 and data["single_points_of_failure"] == ["Tass"]
    assert data["same_claim"] == []
    output = seeded("trace", "Hotels zurückgekehrt").stdout
    assert "credibility 6 (truth cannot be judged)" in output and "unrated ×0.50" in output


def test_examples_report_through_cli(examples):
    data = examples.json("report")
    by_articles = {c["articles"]: c for c in data["clusters"]}
    assert by_articles[5]["independent_sources"] == 1
    assert by_articles[4]["independent_sources"] in (0, 2)
    assert sorted(c["independent_sources"] for c in data["clusters"]) == [0, 1, 2]
    assert data["circular"] == [["Blick am Abend", "Lokalradio Nord", "Stadtanzeiger"]]


def test_trace_names_other_articles_with_the_same_claim(examples):
    data = examples.json("trace", "Delegationen seien in die Hotels")
    assert data["article"]["id"] == "wire-anzeiger"
    assert [other["article"] for other in data["same_claim"]] == [
        "wire-abendpost", "wire-kurier", "wire-rundschau", "wire-tagesblatt"]
    assert data["independent_sources"] == 1 and data["single_points_of_failure"] == ["Tass"]
    circle = examples.json("trace", "trete im Frühjahr")
    assert circle["independent_sources"] == 0
    assert circle["hops"][0]["continues_in"] == [{"article": "circle-stadtanzeiger", "chain": ["Lokalradio Nord"]}]
    output = examples("trace", "trete im Frühjahr").stdout
    assert "which has it in circle-stadtanzeiger" in output and "circle-wochenblatt" in output


def test_trace_by_iri_is_the_claim_named_whichever_article_sorts_first(examples):
    """The claim and the others saying the same are read in one query: the traced one must not swap with another."""
    claims = [row for row in examples.json("claims") if row["article"].startswith("wire-")]
    assert len(claims) == 5
    for row in claims:
        data = examples.json("trace", row["id"])
        assert data["claim"]["id"] == row["id"]
        assert data["article"]["id"] == row["article"]
        assert row["article"] not in [other["article"] for other in data["same_claim"]]
        assert len(data["same_claim"]) == 4


def test_report_on_an_empty_store(tmp_path):
    from provenance.storage import open_store

    open_store(str(tmp_path / "empty"), write=True).close()
    data = Cli(tmp_path / "empty").json("report")
    assert data["claims"] == 0 and data["max_hops"] == 0 and data["sources"] == [] and data["clusters"] == []
    assert "0 attributed" in Cli(tmp_path / "empty")("report").stdout


def test_seed_report_through_ingest(tmp_path, seed_text):
    cli = Cli(tmp_path / "ingested")
    cli("ingest", str(seed_text))
    data = cli.json("report")
    assert data["claims"] == 10 and data["origins"] == {"named": 2, "anonymous": 8} and data["max_hops"] == 2
    assert next(s for s in data["sources"] if s["name"] == "Tass")["relayed"] == 6
    assert data["single_points_of_failure"][0]["source"] == "Tass"
