"""``provenance claims`` filters, alone and combined, on the embedded store and on Virtuoso."""

from __future__ import annotations

import pytest

from tests.desk.conftest import HOTEL

HOTEL_CLAIMS = {"tass-talks-de", "wire-abendpost", "wire-anzeiger", "wire-kurier", "wire-rundschau", "wire-tagesblatt"}


def articles(rows) -> list[str]:
    return [row["article"] for row in rows]


def test_unfiltered_listing_and_a_filter_that_keeps_everything_agree(desk):
    everything = desk.json("claims")
    assert isinstance(everything, list) and len(everything) == 23
    assert desk.json("claims", "--since", "1d") == everything
    assert desk.json("claims", "--until", "2999-12-31") == everything


@pytest.mark.parametrize("words", ["hotel", "HOTELS zurückgekehrt", "Hotéls", "delegation", "Tass hotels"])
def test_search_ignores_case_accents_and_word_forms(desk, words):
    rows = desk.json("claims", "--search", words)
    assert set(articles(rows)) == HOTEL_CLAIMS and len(rows) == 6


def test_search_finds_english_forms_and_source_names(desk):
    assert len(desk.json("claims", "--search", "ceasefires")) == 4
    assert len(desk.json("claims", "--search", "taking effect")) == 4
    reuters = desk.json("claims", "--search", "reuters")
    assert articles(reuters) == ["ceasefire-courier", "ceasefire-gazette"]
    assert len(desk.json("claims", "--search", "burgermeister")) == 4
    assert desk.json("claims", "--search", "Hotels Reuters") == []


def test_source_and_origin(desk):
    through = desk.json("claims", "--source", "tass")
    assert len(through) == 11 and all("Tass" in row["chain"] for row in through)
    assert desk.json("claims", "--origin", "Tass") == []
    started = desk.json("claims", "--origin", "Verhandlungskreise")
    assert len(started) == 7 and all(row["chain"][0] == "Verhandlungskreise" for row in started)
    both = desk.json("claims", "--source", "Stadtanzeiger", "--origin", "Stadtanzeiger")
    assert articles(both) == ["circle-blick", "circle-wochenblatt"]


def test_article_kind_and_dates(desk):
    assert [row["text"] for row in desk.json("claims", "--article", "wire-kurier")] == [HOTEL]
    assert desk.json("claims", "--article", "no-such-article") == []
    state = desk.json("claims", "--kind", "state")
    assert [row["chain"] for row in state] == [["Ukraine", "Barak Ravid"]]
    assert len(desk.json("claims", "--kind", "news-agency")) == 15
    assert desk.json("claims", "--since", "2999-01-01") == []
    assert desk.json("claims", "--until", "2000-01-01") == []


def test_verdict_and_unrated(desk):
    rated_false = desk.json("claims", "--verdict", "false")
    assert [(row["article"], row["text"], row["verdicts"]) for row in rated_false] == [("tass-talks-de", HOTEL, ["falsch"])]
    assert desk.json("claims", "--verdict", "true") == []
    assert len(desk.json("claims", "--verdict", "none")) == 22
    # Stadtanzeiger is rated: the two claims it alone carries have no unrated source.
    unrated = desk.json("claims", "--unrated")
    assert len(unrated) == 21 and {"circle-blick", "circle-wochenblatt"}.isdisjoint(articles(unrated))
    assert desk.json("claims", "--unrated", "--source", "Stadtanzeiger") == []


def test_credibility_max_is_the_digit_trace_gives(desk):
    digits = {row["id"]: desk.json("trace", row["id"])["credibility"]["digit"] for row in desk.json("claims")}
    for most in (3, 5, 6):
        listed = {row["id"] for row in desk.json("claims", "--credibility-max", str(most))}
        assert listed == {claim for claim, digit in digits.items() if digit <= most}
    assert len(set(digits.values())) > 1


def test_combinations_and_paging(desk):
    everything = desk.json("claims")
    assert desk.json("claims", "--limit", "3", "--offset", "2") == everything[2:5]
    assert desk.json("claims", "--limit", "0") == []
    tass = desk.json("claims", "--source", "Tass")
    assert desk.json("claims", "--source", "Tass", "--limit", "2", "--offset", "1") == tass[1:3]
    combined = desk.json("claims", "--search", "hotel", "--kind", "anonymous-group", "--origin", "Verhandlungskreise",
                         "--verdict", "none", "--since", "1d", "--unrated")
    assert articles(combined) == ["wire-abendpost", "wire-anzeiger", "wire-rundschau", "wire-tagesblatt"]
    paged = desk.json("claims", "--unrated", "--credibility-max", "6", "--limit", "2", "--offset", "3")
    unrated = desk.json("claims", "--unrated")
    assert paged == unrated[3:5]


def test_table_shows_the_verdict_column(desk):
    table = desk("claims", "--search", "hotel").stdout
    assert "6 claims" in table and "verdict" in table and "falsch" in table
    assert "verdict" not in desk("claims", "--article", "wire-kurier").stdout


@pytest.mark.parametrize("args, says", [
    (["--since", "yesterday"], "--since 'yesterday' is neither a date"),
    (["--until", "2026-13-45"], "--until '2026-13-45' is neither a date"),
    (["--kind", "alien"], "unknown source kind 'alien'"),
    (["--limit", "-1"], "limit -1 is negative"),
    (["--offset", "-2"], "offset -2 is negative"),
    (["--credibility-max", "7"], "credibility digit 7 is not between 1 and 6"),
    (["--verdict", "maybe"], "unknown verdict 'maybe'"),
    (["--source", "Nobody Known"], "no source called 'Nobody Known'"),
    (["--search", "der die das"], "only function words"),
])
def test_bad_input_is_one_line(desk, args, says):
    assert says in desk.error("claims", *args)


def test_filters_read_the_corrected_view(fresh, shared_dir):
    """A claim withdrawn by a correction is in no filtered listing, as in the unfiltered one."""
    cli = fresh("embedded")
    seed = shared_dir / "seed"
    cli("add", "--text", str(seed / "tass-talks-de.txt"), str(seed / "tass-talks-de.gold.json"))
    cli("correct", "Hotels zurückgekehrt", "--not-a-claim", "--by", "desk")
    assert HOTEL not in [row["text"] for row in cli.json("claims")]
    assert cli.json("claims", "--search", "hotels") == []
    through = cli.json("claims", "--source", "Tass")
    assert len(through) == 5 and HOTEL not in [row["text"] for row in through]
    assert cli.json("claims", "--source", "Tass", "--limit", "2", "--offset", "1") == through[1:3]
