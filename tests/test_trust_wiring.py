"""Ratings and verdicts reach every view: sources, trace, report; report --html writes the page."""

from __future__ import annotations

import json

from click.testing import CliRunner

from provenance.cli import main


def run(store, *args, expect=0):
    result = CliRunner().invoke(main, ["--store", str(store), *args])
    assert result.exit_code == expect, result.output
    return result


def test_verdicts_move_the_track_record_and_the_credibility(tmp_path, seed_text, seed_gold):
    store = tmp_path / "store"
    run(store, "add", "--text", str(seed_text), str(seed_gold), "--published", "2026-02-05")
    before = json.loads(run(store, "trace", "Fortsetzung heute", "--json").stdout)["credibility"]
    run(store, "rate", "Tass", "--reliability", "C", "--by", "Desk A")
    rated = json.loads(run(store, "trace", "Fortsetzung heute", "--json").stdout)["credibility"]
    run(store, "verdict", "Hotels", "--rating", "False", "--by", "Desk A")
    run(store, "verdict", "Mehrere Dokumente", "--rating", "False", "--by", "Desk A")
    reviewed = json.loads(run(store, "trace", "Fortsetzung heute", "--json").stdout)["credibility"]
    assert before["digit"] == 6 and before["unknown_hops"] == 2
    assert rated["unknown_hops"] == 1 and rated["probability"] > before["probability"]
    assert reviewed["probability"] < rated["probability"] and reviewed["digit"] >= rated["digit"]

    tass = next(row for row in json.loads(run(store, "sources", "--json").stdout) if row["name"] == "Tass")
    assert tass["reliability"] == "C"
    assert tass["track_record"]["assessed"] == "C" and tass["track_record"]["verdicts"] == 2
    assert tass["track_record"]["estimate"] in "DE"
    table = run(store, "sources").stdout
    assert "track" in table and f"{tass['track_record']['estimate']} (2)" in table

    report = json.loads(run(store, "report", "--json").stdout)
    assert sum(report["credibility"].values()) == 10
    assert report["credibility"].get("6", 0) < 10


def test_report_html_writes_one_page(tmp_path, seed_text, seed_gold):
    store = tmp_path / "store"
    run(store, "add", "--text", str(seed_text), str(seed_gold))
    page = tmp_path / "report.html"
    output = run(store, "report", "--html", str(page)).stdout
    assert f"Wrote the HTML report to {page}" in output
    html = page.read_text(encoding="utf-8")
    assert html.count('data-claim="') >= 10 or html.count("class=\"claim") >= 10
    assert "Verhandlungskreise" in html and "<script" in html and "http://" not in html.split("<body", 1)[1][:200]
    missing = run(store, "report", "--html", str(tmp_path / "no" / "such" / "report.html"), expect=1)
    assert "does not exist" in missing.stderr
