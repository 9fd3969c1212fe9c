"""Corrections against a real Virtuoso server: the same round trips as on the embedded store, and their way
through export/import (TriG) and push/pull."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Cli  # tests/conftest.py: the CLI on a store, and its one error line

pytestmark = pytest.mark.virtuoso

HOTELS = "Hotels zurückgekehrt"
NEW_CHAIN = "Verhandlungskreise [anonymous-group] > Tass [news-agency] > Agentur PAP [news-agency]"


@pytest.fixture
def seeded(endpoint_url: str, seed_text: Path, seed_gold: Path) -> Cli:
    remote = Cli(endpoint_url)
    remote("add", "--text", str(seed_text), str(seed_gold))
    return remote


def hops(cli: Cli, claim: str, *options: str) -> list[str]:
    return [hop["name"] for hop in cli.json("trace", claim, *options)["hops"]]


def test_correct_trace_store_again_as_extracted(seeded, seed_text, seed_gold):
    seeded("correct", HOTELS, "--chain", NEW_CHAIN, "--note", "PAP relayed Tass", "--by", "Desk A")
    assert hops(seeded, HOTELS) == ["Verhandlungskreise", "Tass", "Agentur PAP"]
    assert seeded.json("add", "--text", str(seed_text), str(seed_gold))["status"] == "unchanged"
    assert hops(seeded, HOTELS) == ["Verhandlungskreise", "Tass", "Agentur PAP"]
    assert hops(seeded, HOTELS, "--as-extracted") == ["Verhandlungskreise", "Tass"]
    assert "corrected by Desk A" in seeded("trace", HOTELS).stdout
    assert seeded.json("report")["max_hops"] == 3


def test_withdraw_undo_add_and_merge(seeded, tmp_path):
    claims = len(seeded.json("claims"))
    withdrawn = seeded.json("correct", "Fortsetzung heute", "--not-a-claim", "--by", "Desk A")
    assert len(seeded.json("claims")) == claims - 1
    assert seeded.json("report")["claims"] == 9
    seeded("corrections", "undo", withdrawn["short_id"], "--by", "Desk A")
    assert len(seeded.json("claims")) == claims
    seeded("claim", "add", "tass-talks-de", "--quote", "Russland greift immer wieder gezielt Wärme- und Stromkraftwerke an",
           "--chain", "Ukrainische Regierung [organization] > Tass", "--by", "Desk B")
    assert seeded.json("report")["claims"] == 11
    seeded("sources", "merge", "Tass", "Verhandlungskreise", "--name", "Tass-Kreise", "--by", "Desk A")
    names = [row["name"] for row in seeded.json("sources")]
    assert "Tass-Kreise" in names and "Tass" not in names
    assert seeded.json("rate", "Tass", "--reliability", "C")["source"] == "Tass-Kreise"


def test_corrections_survive_export_import_and_pull(seeded, tmp_path, new_cli):
    seeded("correct", HOTELS, "--chain", NEW_CHAIN, "--by", "Desk A")
    seeded("sources", "alias", "Tass", "TASS-Agentur", "--by", "Desk A")
    exported = tmp_path / "store.trig"
    seeded("export", "-o", str(exported))
    local = new_cli("imported")
    local("import", str(exported))
    assert [hop["name"] for hop in local.json("trace", HOTELS)["hops"]] == ["Verhandlungskreise", "Tass", "Agentur PAP"]
    assert [row["status"] for row in local.json("corrections")] == ["applied", "applied"]
    pulled = new_cli("pulled")
    pulled("pull", "--from", seeded.store)
    assert [hop["name"] for hop in pulled.json("trace", HOTELS)["hops"]] == ["Verhandlungskreise", "Tass", "Agentur PAP"]
    assert pulled.json("rate", "TASS-Agentur", "--reliability", "B")["source"] == "Tass"
