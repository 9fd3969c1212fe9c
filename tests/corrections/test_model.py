"""The plain parts of corrections: chain strings, text anchors, matching claims, source identities."""

from __future__ import annotations

import doctest

import pytest

from provenance.errors import InvalidInput
from provenance.model import corrected, corrections
from provenance.model import identities as identity_module
from provenance.model.corrections import (
    Identities,
    IdentityAct,
    WrittenHop,
    anchor_of,
    format_chain,
    locate,
    matching_claim,
    parse_chain,
)


@pytest.mark.parametrize("module", [corrections, corrected, identity_module])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 or module is corrected
    assert result.failed == 0


def test_chain_strings_round_trip():
    text = "Verhandlungskreise [anonymous-group] > Tass [news-agency]"
    hops = parse_chain(text)
    assert format_chain((hop.name, hop.kind) for hop in hops) == text
    assert parse_chain("  Tass  >  Agentur  PAP [news-agency] ") == (WrittenHop("Tass"), WrittenHop("Agentur PAP", "news-agency"))


@pytest.mark.parametrize("text, said", [
    ("", "empty"),
    ("Tass > > PAP", "hop 2 has no name"),
    ("Tass [agency]", "unknown source kind 'agency' in hop 1"),
    ("Tass [news-agency", "is not 'Name [kind]'"),
    ("[person]", "hop 1 has no name"),
])
def test_chain_strings_that_do_not_parse(text, said):
    with pytest.raises(InvalidInput, match=said.replace("[", r"\[")):
        parse_chain(text)


def test_an_anchor_follows_its_words_and_prefers_their_context():
    text = "Tass said it rains. Reuters said it rains. Tass said it snows."
    start = text.index("it rains", 20)  # the second one, after Reuters
    anchor = anchor_of(text, start, start + 8)
    moved = "Today: " + text
    assert locate(anchor, moved) == (start + 7, start + 15)
    assert locate(anchor, text.replace("Tass said it rains", "Tass said it hails")) == (start, start + 8)
    assert locate(anchor, text.replace("it rains", "it hails")) is None


def test_a_claim_is_matched_by_equal_spans_then_by_overlap():
    claims = [("a", [(0, 10)]), ("b", [(20, 40)]), ("c", [(22, 38)])]
    assert matching_claim([(22, 38)], claims) == "c"
    assert matching_claim([(21, 39)], claims) in ("b", "c")
    assert matching_claim([(50, 60)], claims) is None


def act(action, source, member=None, **fields):
    defaults = dict(source_name=source, source_kind="news-agency", by="desk", time=fields.pop("time", "2026-01-01"))
    return IdentityAct(f"urn:act:{action}:{member}:{fields.get('name')}", action, source, member=member, **defaults, **fields)


def test_identities_join_groups_in_time_order_and_name_them():
    identities = Identities([
        act("merge", "urn:pap", "urn:agentur-pap", time="2026-01-01"),
        act("merge", "urn:tass", "urn:pap", time="2026-01-02", name="TASS"),
        act("kind", "urn:tass", kind="state", time="2026-01-03"),
    ])
    assert identities.canonical("urn:agentur-pap") == "urn:tass"
    assert identities.members("urn:pap") == ["urn:agentur-pap", "urn:pap", "urn:tass"]
    assert identities.name("urn:pap") == "TASS" and identities.kind("urn:agentur-pap") == "state"
    assert not identities.touched("urn:reuters")


def test_undone_acts_do_not_count():
    undone = IdentityAct("urn:i", "merge", "urn:a", "A", "person", "desk", "2026-01-01", member="urn:b", undone="2026-01-02")
    assert Identities([undone]).canonical("urn:b") == "urn:b"
