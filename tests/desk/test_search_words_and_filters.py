"""The search words written at ingest, the filter object, and the library call both stores serve."""

from __future__ import annotations

import doctest
from datetime import UTC, datetime

import pytest

from provenance.errors import InvalidInput
from provenance.model import filters, search_words
from provenance.model.filters import ClaimFilter, parse_instant
from provenance.model.search_words import query_forms
from provenance.model.search_words import search_words as words_of


@pytest.mark.parametrize("module", [search_words, filters])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_a_query_word_matches_a_stored_word_in_any_form():
    stored = words_of("Die Delegationen seien in ihre Hotels zurückgekehrt", "de", also=["Nachrichtenagentur Tass"])
    for typed in ("delegation", "DELEGATIONEN", "hotel", "Hôtels", "zuruckgekehrt", "tass", "Nachrichtenagentur"):
        [forms] = query_forms(typed)
        assert set(forms) & stored, typed
    english = words_of("The delegations have returned to their hotels", "en")
    for typed in ("delegation", "returning", "hotel"):
        [forms] = query_forms(typed)
        assert set(forms) & english, typed
    assert query_forms("die und the") == []
    assert words_of("Phase 2 beginnt", None) >= {"2", "phas", "phase"}


def test_the_filter_refuses_what_it_cannot_use():
    with pytest.raises(InvalidInput, match="unknown source kind"):
        ClaimFilter(kind="alien")
    with pytest.raises(InvalidInput, match="negative"):
        ClaimFilter(limit=-1)
    with pytest.raises(InvalidInput, match="between 1 and 6"):
        ClaimFilter(credibility_max=0)
    with pytest.raises(InvalidInput, match="the search is empty"):
        ClaimFilter(search="  ")
    assert not ClaimFilter(limit=5, offset=2).selects and ClaimFilter(unrated=True).selects


def test_instants():
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert parse_instant("90m", now=now) == datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
    assert parse_instant("1w", now=now) == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert parse_instant("2026-12-07T13:00:00+01:00") == datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="--until '7.12.2026' is neither"):
        parse_instant("7.12.2026", option="--until")


def test_the_library_call_is_the_cli(desk):
    from provenance.reports.claim_listing import claim_listing
    from provenance.storage import open_store

    if "://" not in desk.store:
        store = open_store(desk.store, write=False)
    else:
        from provenance.storage.endpoint import EndpointStore

        store = EndpointStore(desk.store)
    try:
        rows = claim_listing(store, ClaimFilter(search="hotel", source="Tass", limit=3))
    finally:
        store.close()
    assert rows == desk.json("claims", "--search", "hotel", "--source", "Tass", "--limit", "3")
