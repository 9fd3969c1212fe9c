"""`claims` filters see the corrected reading: chains a correction set, claims it added, merged sources."""

from __future__ import annotations

from tests.corrections.test_correction_commands import small_article

HOTELS = "Hotels zurückgekehrt"
HOTEL_CLAIM = "Die Delegationen seien in ihre Hotels zurückgekehrt"
QUOTE = "Russland greift immer wieder gezielt Wärme- und Stromkraftwerke an"


def texts(cli, *options: str) -> list[str]:
    return [row["text"] for row in cli.json("claims", *options)]


def test_a_chain_routed_through_a_new_source_is_found_by_it_and_no_longer_by_the_old(seeded):
    assert HOTEL_CLAIM in texts(seeded, "--source", "Tass")
    seeded("correct", HOTELS, "--chain", "Verhandlungskreise [anonymous-group] > Reuters [news-agency]", "--by", "Desk A")
    assert texts(seeded, "--source", "Reuters") == [HOTEL_CLAIM]
    assert HOTEL_CLAIM not in texts(seeded, "--source", "Tass")
    assert texts(seeded, "--search", "reuters") == [HOTEL_CLAIM]
    assert texts(seeded, "--search", "Hotels", "--source", "Reuters") == [HOTEL_CLAIM]
    assert texts(seeded, "--search", "Hotels", "--source", "Tass") == []
    # and the machine's reading is a trace --as-extracted away, while the listing stays corrected
    assert HOTEL_CLAIM not in texts(seeded, "--source", "Tass", "--kind", "news-agency")


def test_a_kind_set_by_a_correction_decides_the_kind_filter(seeded):
    before = texts(seeded, "--kind", "anonymous-media")
    seeded("correct", "sollen die Gespräche", "--hop", "1", "--kind", "anonymous-media", "--by", "Desk A")
    after = texts(seeded, "--kind", "anonymous-media")
    assert len(after) == len(before) + 1
    listed = seeded.json("claims")
    order = [row["text"] for row in listed if row["text"] in after]
    assert after == order, "a corrected claim keeps its place in the listing order"


def test_a_claim_added_by_a_correction_is_found_by_its_words_and_sources(seeded):
    seeded("claim", "add", "tass-talks-de", "--quote", QUOTE,
           "--chain", "Ukrainische Regierung [organization] > Tass", "--by", "Desk B")
    assert texts(seeded, "--search", "Stromkraftwerke") == [QUOTE]
    assert texts(seeded, "--search", "Kraftwerke Ukrainische") == []  # a word is a word, not part of one
    assert QUOTE in texts(seeded, "--origin", "Ukrainische Regierung")
    assert QUOTE in texts(seeded, "--source", "Tass", "--search", "Russland")
    assert QUOTE in texts(seeded, "--kind", "organization", "--article", "tass-talks-de")


def test_a_withdrawn_claim_is_found_by_no_filter(seeded):
    assert texts(seeded, "--search", "Fortsetzung")
    seeded("correct", "Fortsetzung heute", "--not-a-claim", "--note", "part of the first", "--by", "Desk A")
    assert texts(seeded, "--search", "Fortsetzung") == []


def test_a_merged_source_is_found_by_either_name(seeded, tmp_path):
    seeded("add", "--text", *map(str, small_article(tmp_path, "pap-1", "Agentur PAP")))
    pap_claim = "Der Minister sei zurückgetreten"
    assert pap_claim not in texts(seeded, "--source", "Tass")
    seeded("sources", "merge", "Tass", "Agentur PAP", "--by", "Desk A")
    through_tass = texts(seeded, "--source", "Tass")
    assert pap_claim in through_tass and HOTEL_CLAIM in through_tass
    assert texts(seeded, "--source", "Agentur PAP") == through_tass
    assert pap_claim in texts(seeded, "--origin", "Tass")
