"""Originated, relayed, share and reliance of sources."""

import pytest

from provenance.analysis.sources import reliance_scores, source_statistics

from .conftest import article, claim, source

TASS = source("Tass", "news-agency")
CIRCLES = source("Kreise", "anonymous-group")


def test_counts_origin_and_relays_once_per_claim():
    a = article("a")
    records = [claim(1, a, CIRCLES, TASS), claim(2, a, CIRCLES, TASS), claim(3, a, TASS), claim(4, a)]
    stats = {s.name: s for s in source_statistics(records)}
    assert (stats["Tass"].originated, stats["Tass"].relayed, stats["Tass"].share) == (1, 2, 1.0)
    assert (stats["Kreise"].originated, stats["Kreise"].relayed) == (2, 0)
    assert stats["Kreise"].share == pytest.approx(2 / 3)


def test_reliance_sums_to_one_and_ranks_the_agency_first():
    records = [claim(n, article(f"a{n}"), source(f"K{n}", "anonymous-group"), TASS) for n in range(5)]
    records.append(claim(9, article("z"), source("Ravid")))
    scores = reliance_scores(records)
    assert sum(scores.values()) == pytest.approx(1.0)
    assert max(scores, key=scores.get) == "urn:source:Tass"
    ranked = source_statistics(records)
    assert ranked[0].name == "Tass" and ranked[0].reliance_rank == 1


def test_reliance_passes_through_relays_to_origins():
    # the origin behind a much-cited relay is relied on more than an origin cited once directly
    records = [claim(n, article(f"a{n}"), source("Minister"), TASS) for n in range(4)]
    records.append(claim(9, article("z"), source("Mayor")))
    scores = reliance_scores(records)
    assert scores["urn:source:Minister"] > scores["urn:source:Mayor"]


def test_no_attributed_claims_gives_no_sources():
    assert source_statistics([claim(1, article("a"))]) == []
    assert reliance_scores([]) == {}
