"""Credibility: how hop reliability, mode, hedging and corroboration combine."""

import pytest

from provenance.analysis.credibility import claim_credibility, claim_digit

from .conftest import article, claim, source

A = article("a")


def test_unrated_chain_cannot_be_judged_and_unknown_is_not_good():
    record = claim(1, A, source("Kreise", "anonymous-group"), source("Tass", "news-agency"))
    result = claim_credibility(record)
    assert result.digit == 6 and result.unknown_hops == 2
    assert [hop.factor for hop in result.hops] == [0.5, 0.5]
    rated = claim(2, A, source("Kreise", "anonymous-group"), source("Tass", "news-agency", "B"))
    assert claim_credibility(rated).probability < claim_credibility(claim(3, A, source("Tass", "news-agency", "B"))).probability


def test_each_hop_contributes_its_factor():
    record = claim(1, A, source("Minister", reliability="A"), source("Reuters", "news-agency", "B"), mode="direct")
    result = claim_credibility(record)
    assert [(hop.name, hop.factor, round(hop.running, 4)) for hop in result.hops] == [
        ("Minister", 0.95, 0.95), ("Reuters", 0.85, 0.8075)]
    assert result.digit == 2 and result.label == "probably true"


def test_mode_and_hedging_lower_credibility():
    chain = (source("Minister", reliability="B"),)
    direct = claim_credibility(claim(1, A, *chain, mode="direct"))
    reported = claim_credibility(claim(2, A, *chain, mode="reported", hedged=True))
    assert reported.probability == pytest.approx(direct.probability * 0.85 * 0.8)
    assert reported.digit > direct.digit


def test_independent_corroboration_raises_credibility():
    record = claim(1, A, source("Minister", reliability="B"), mode="direct")
    assert claim_credibility(record).digit == 2
    assert claim_credibility(record, independent_sources=2).digit == 1


def test_unreliable_source_makes_claim_improbable():
    assert claim_credibility(claim(1, A, source("Troll", reliability="E"))).digit == 5


def test_unattributed_claim_cannot_be_judged():
    assert claim_credibility(claim(1, A)).digit == 6


@pytest.mark.parametrize("reliabilities, mode, hedged, k", [
    ((None, None), "indirect", False, 1), (("A",), "direct", False, 2), (("C", "D"), "reported", True, 1),
    (("B", None), "indirect", False, 3), ((), "unattributed", False, 1),
])
def test_fast_digit_agrees_with_full_account(reliabilities, mode, hedged, k):
    record = claim(1, A, *(source(f"s{n}", reliability=r) for n, r in enumerate(reliabilities)), mode=mode, hedged=hedged)
    assert claim_digit(record, independent_sources=k) == claim_credibility(record, independent_sources=k).digit
