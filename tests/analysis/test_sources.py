"""Originated, relayed, share and reliance of sources."""

import pytest

from provenance.analysis.sources import reliance_scores, source_statistics
from provenance.model.records import SourceRef

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


# The definition, written plainly over dicts: the numpy implementation must agree with it.

def plain_statistics(records, damping=0.85):
    from collections import Counter

    from provenance.analysis.flow import reader_of

    chains = [record.chain for record in records if record.chain]
    described = {}
    for item in {id(item): item for chain in chains for item in chain}.values():
        if item.iri not in described or (described[item.iri][2] is None and item.reliability is not None):
            described[item.iri] = (item.name, item.kind, item.reliability)
    originated = Counter(chain[0].iri for chain in chains)
    distinct = [list(dict.fromkeys(hop.iri for hop in chain)) for chain in chains]
    through = Counter(iri for iris in distinct for iri in iris)
    relayed = Counter(iri for iris in distinct for iri in iris[1:])
    # PageRank by dicts on the reversed flow graph, restarting at readers
    weights, restart = Counter(), Counter()
    for record in records:
        if not record.chain:
            continue
        previous = reader_of(record)
        restart[previous] += 1
        for hop in reversed(record.chain):
            if hop.iri != previous:
                weights[previous, hop.iri] += 1
            previous = hop.iri
    nodes = set(restart) | {node for edge in weights for node in edge}
    out = Counter()
    for (start, _), weight in weights.items():
        out[start] += weight
    total_restart = sum(restart.values())
    rank = {node: restart[node] / total_restart for node in nodes}
    for _ in range(200):
        dangling = sum(rank[node] for node in nodes if not out[node])
        updated = {node: (damping * dangling + 1 - damping) * restart[node] / total_restart for node in nodes}
        for (start, end), weight in weights.items():
            updated[end] += damping * rank[start] * weight / out[start]
        converged = sum(abs(updated[node] - rank[node]) for node in nodes) < 1e-12
        rank = updated
        if converged:
            break
    total = sum(rank[iri] for iri in described)
    reliance = {iri: rank[iri] / total for iri in described}
    ranked = sorted(described, key=lambda iri: (-round(reliance[iri], 9), described[iri][0], iri))
    rows = [(iri, *described[iri], originated[iri], relayed[iri], through[iri] / len(chains), reliance[iri],
             ranked.index(iri) + 1) for iri in described]
    return sorted(rows, key=lambda row: (-row[5], -row[4], row[1], row[0]))


def random_corpus(seed):
    """Claims with shared and repeated sources, outlets that cite each other, a source described twice."""
    import random

    rng = random.Random(seed)
    outlets = [f"Outlet {n}" for n in range(4)]
    pool = [source(f"Agency {n}", "news-agency") for n in range(3)] + [source(name, "media-outlet") for name in outlets]
    pool += [source("Minister"), source("Minister", reliability="B"), source("Kreise", "anonymous-group")]
    pool += [SourceRef(iri=f"urn:source:anon-{n}", name="Kreise", kind="anonymous-group") for n in range(5)]
    articles = [article(f"a{n}", rng.choice(outlets + [None])) for n in range(12)]
    return [claim(number, rng.choice(articles), *rng.choices(pool, k=rng.choice([0, 1, 1, 2, 3, 4])))
            for number in range(rng.randrange(1, 60))]


@pytest.mark.parametrize("seed", range(40))
def test_the_arrays_agree_with_the_plain_definition(seed):
    records = random_corpus(seed)
    expected = plain_statistics(records)
    found = source_statistics(records)
    assert [(s.iri, s.name, s.kind, s.reliability, s.originated, s.relayed, s.reliance_rank) for s in found] == [
        row[:6] + (row[8],) for row in expected]
    assert [s.share for s in found] == pytest.approx([row[6] for row in expected])
    assert [s.reliance for s in found] == pytest.approx([row[7] for row in expected], abs=1e-9)
    assert reliance_scores(records) == pytest.approx({row[0]: row[7] for row in expected}, abs=1e-9)
    for statistic in found:
        assert type(statistic.originated) is int and type(statistic.relayed) is int
        assert type(statistic.reliance) is float and type(statistic.reliance_rank) is int
