"""Ordinary input never breaks a store for good, and no --base reaches the store's own graphs."""

from __future__ import annotations

import json

from tests.hardening.conftest import one_error, quads


def test_a_base_in_the_staging_namespace_is_refused_and_nothing_is_lost(seeded_cli, seed_text, seed_gold):
    before = quads(seeded_cli.store)
    line = one_error(seeded_cli("--base", "urn:claim-provenance:staging:", "add", "--text", str(seed_text),
                                str(seed_gold), expect=1))
    assert "urn:claim-provenance:" in line and "base" in line
    assert quads(seeded_cli.store) == before
    assert len(seeded_cli.json("claims")) == 10


def test_any_base_in_the_internal_namespace_is_refused(cli):
    line = one_error(cli("--base", "urn:claim-provenance:x/", "claims", expect=1))
    assert "keeps for its own graphs" in line


def long_article(claims: int = 10, words: int = 2_600) -> tuple[str, dict]:
    """An article of long claims: its summary literal passes the csv module's 128 KB field limit."""
    sentence = "Die Delegationen seien in ihre Hotels zurückgekehrt " * (words // 7)
    parts, document_claims, offset = [], [], 0
    for number in range(claims):
        claim_text = f"{number} {sentence.strip()}"
        line = f"{claim_text}, berichtete Tass."
        parts.append(line)
        document_claims.append({"spans": [[offset, offset + len(claim_text)]], "mode": "indirect",
                                "cue": {"spans": [[offset + len(claim_text) + 2, offset + len(claim_text) + 12]],
                                        "text": "berichtete"},
                                "chain": [{"name": "Tass", "kind": "news-agency",
                                           "start": offset + len(claim_text) + 13, "end": offset + len(claim_text) + 17}]})
        offset += len(line) + 1
    return "\n".join(parts), {"doc": "long", "claims": document_claims}


def test_a_long_article_stays_readable_by_every_command(cli, tmp_path):
    text, document = long_article()
    assert len(text) > 131_072
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "long.json").write_text(json.dumps(document), encoding="utf-8")
    cli("add", "--text", str(tmp_path / "long.txt"), str(tmp_path / "long.json"))
    assert cli.json("report")["claims"] == 10
    assert cli.json("sources")
    cli("graph", "--article", "long", "--format", "dot", "-o", str(tmp_path / "long.dot"))
    cli("report", "--html", str(tmp_path / "report.html"))
    assert (tmp_path / "report.html").stat().st_size > 0


def test_a_source_name_over_the_limit_is_refused(cli, seed_text, gold, write):
    gold["claims"][0]["chain"][1]["name"] = "X" * 17_000
    line = one_error(cli("add", "--text", str(seed_text), str(write("long-name.json", json.dumps(gold))), expect=1))
    assert "name_chars" in line and "claim 1" in line


def test_a_long_source_name_accepted_under_a_raised_limit_still_draws(cli, seed_text, gold, write, tmp_path):
    gold["claims"][0]["chain"][1]["name"] = "X" * 17_000
    cli("--limit", "name_chars=20000", "add", "--text", str(seed_text), str(write("long-name.json", json.dumps(gold))))
    cli("report", "--html", str(tmp_path / "report.html"))
    svg = tmp_path / "picture.svg"
    cli("graph", "--article", "tass-talks-de", "-o", str(svg))
    assert "XXXX…" in svg.read_text(encoding="utf-8")


def test_an_unknown_limit_is_a_usage_line(cli):
    line = one_error(cli("--limit", "bogus=3", "claims", expect=1))
    assert "article_bytes" in line
