"""rate: an Admiralty letter on a source, history kept, the newest in force, and what it changes."""

from __future__ import annotations

from provenance.rdf import ratings
from provenance.rdf.iris import IriScheme
from provenance.storage import open_store

TASS = "https://claim-provenance.org/id/source/tass"


def tass_hop(trace: dict) -> dict:
    return next(hop for hop in trace["hops"] if hop["name"] == "Tass")


def test_rating_tass_changes_the_credibility_trace_shows(seeded):
    before = seeded.json("trace", "Hotels zurückgekehrt")
    assert tass_hop(before)["reliability"] is None and before["credibility"]["unknown_hops"] == 2
    assert before["credibility"]["digit"] == 6

    rated = seeded.json("rate", "Tass", "--reliability", "C", "--note", "state agency", "--by", "Anna")
    assert rated["reliability"] == "C" and rated["source_iri"] == TASS and rated["by"] == "Anna"

    after = seeded.json("trace", "Hotels zurückgekehrt")
    assert tass_hop(after)["reliability"] == "C" and tass_hop(after)["factor"] == 0.70
    assert after["credibility"]["unknown_hops"] == 1
    assert after["credibility"]["digit"] != 6


def test_newest_rating_is_in_force_and_history_is_kept(seeded):
    seeded("rate", "TASS", "--reliability", "c", "--by", "Anna")
    seeded("rate", "tass.com", "--reliability", "D", "--by", "Bob")
    history = seeded.json("ratings", "list", "--source", "Tass")
    assert [(row["reliability"], row["by"], row["in_force"]) for row in history] == [
        ("C", "Anna", False), ("D", "Bob", True)]
    assert tass_hop(seeded.json("trace", "Hotels zurückgekehrt"))["reliability"] == "D"


def test_a_registered_outlet_can_be_rated_before_it_is_mentioned(cli):
    rated = cli.json("rate", "Reuters", "--reliability", "B")
    assert rated["source_iri"] == "https://claim-provenance.org/id/source/reuters"


def test_bad_letter_is_one_clear_line(seeded):
    line = seeded.error("rate", "Tass", "--reliability", "G")
    assert "'G' is not an Admiralty letter" in line and "A" in line and "F" in line


def test_unknown_source_is_one_clear_line(seeded):
    line = seeded.error("rate", "Nirgendwo-Agentur", "--reliability", "B")
    assert "no source called 'Nirgendwo-Agentur'" in line and "provenance sources" in line


def test_ratings_graph_is_separate_from_the_article_graph(seeded, seed_text, seed_gold):
    seeded("rate", "Tass", "--reliability", "C")
    seeded("add", "--text", str(seed_text), str(seed_gold))  # stored again (no date this time): replaced
    assert tass_hop(seeded.json("trace", "Hotels zurückgekehrt"))["reliability"] == "C"


def test_library_rate_resolves_and_validates():
    store = open_store("memory")
    scheme = IriScheme()
    first = ratings.rate(store, scheme, "Interfax", "B", assessor="Anna", time="2026-01-01T00:00:00Z")
    second = ratings.rate(store, scheme, "interfax.ru", "E", assessor="Bob", time="2025-01-01T00:00:00Z")
    in_force = ratings.reliability_in_force(store)
    assert in_force[first.source].reliability == "B", "an older rating added later does not replace a newer one"
    assert {a.iri: a.in_force for a in ratings.ratings(store)} == {first.iri: True, second.iri: False}
