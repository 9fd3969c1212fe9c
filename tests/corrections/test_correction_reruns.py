"""A correction that changes nothing is refused, so that running ``correct`` again adds no second correction.

The crash benchmark (benchmarks/bench_hardening.py, ``crash correct``) reruns the command after a kill
that may have come after its write; the store must then equal the one a single clean run leaves.
"""

from __future__ import annotations

import pytest

from tests.corrections.conftest import quads

HOTELS = "Hotels zurückgekehrt"
NEW_CHAIN = "Verhandlungskreise [anonymous-group] > Tass > Agentur PAP [news-agency]"


def test_the_same_correction_run_again_is_refused_and_the_store_stays_as_the_first_left_it(seeded):
    first = seeded.json("correct", HOTELS, "--chain", NEW_CHAIN, "--by", "Desk K")
    after_first = quads(seeded.store)
    error = seeded.error("correct", HOTELS, "--chain", NEW_CHAIN, "--by", "Desk K")
    assert f"claim {seeded.json('trace', HOTELS)['claim']['id'].rsplit('/', 1)[-1][:10]} reads so already" in error
    assert "nothing to correct" in error
    assert quads(seeded.store) == after_first
    [row] = seeded.json("corrections")
    assert row["id"] == first["id"]
    assert seeded.json("trace", HOTELS)["corrections"][0]["replaced"] == "Verhandlungskreise [anonymous-group] > Tass [news-agency]"


@pytest.mark.parametrize("change", [
    ("--chain", "Verhandlungskreise [anonymous-group] > Tass"),
    ("--hop", "2", "--kind", "news-agency"),
    ("--mode", "indirect"),
    ("--not-hedged",),
    ("--mode", "indirect", "--not-hedged"),
], ids=["chain", "hop-kind", "mode", "hedged", "mode-and-hedged"])
def test_a_correction_to_what_the_claim_reads_already_is_refused(seeded, change):
    before = quads(seeded.store)
    error = seeded.error("correct", HOTELS, *change, "--by", "Desk K")
    assert "reads so already" in error
    assert quads(seeded.store) == before
    assert seeded.json("corrections") == []


def test_a_correction_that_changes_one_thing_of_several_is_kept(seeded):
    said = seeded.json("correct", HOTELS, "--mode", "direct", "--not-hedged", "--by", "Desk K")
    assert said["changes"] == "mode: direct; not hedged"
    assert seeded.json("trace", HOTELS)["claim"]["mode"] == "direct"
