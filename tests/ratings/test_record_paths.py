"""The two ways of reading claim records (all claims at once, or named claims) give the same records."""

from __future__ import annotations

from pathlib import Path

from provenance.rdf import queries
from provenance.storage import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def records_both_ways(store_path):
    store = open_store(str(store_path), write=False)
    try:
        everything = queries.claim_records(store)
        named = queries.records_of_claims(store, [record.iri for record in reversed(everything)])
        by_article = [record for article in queries.articles(store)
                      for record in queries.claim_records(store, article=article.iri)]
        return everything, named, by_article
    finally:
        store.close()


def test_named_claims_read_as_the_listing_reads_them(seeded):
    seeded("rate", "Tass", "--reliability", "C", "--by", "Anna")
    seeded("rate", "Tass", "--reliability", "D", "--by", "Bob")
    seeded("verdict", "Hotels zurückgekehrt", "--rating", "falsch", "--by", "Correctiv")
    seeded("verdict", "Hotels zurückgekehrt", "--rating", "richtig", "--by", "Other")
    everything, named, by_article = records_both_ways(seeded.store)
    assert len(everything) == 10
    assert named == everything and by_article == everything
    assert {record.article.publisher for record in everything} == {"Tagesspiegel"}
    tass = {source.reliability for record in everything for source in record.chain if source.name == "Tass"}
    assert tass == {"D"}
    assert [record.verdicts for record in everything if "Hotels" in record.text] == [("falsch", "richtig")]
    assert any(record.cue for record in everything) and all(record.start is not None for record in everything)


def test_same_records_across_articles_with_shared_sources(cli):
    for folder in ("wire", "two-agencies", "circle"):
        for claims in sorted((EXAMPLES / folder).glob("*.json")):
            cli("add", "--text", str(claims.with_suffix(".txt")), str(claims))
    everything, named, by_article = records_both_ways(cli.store)
    assert len(everything) > 10
    assert named == everything and by_article == everything


def test_unknown_and_repeated_iris(seeded):
    store = open_store(str(seeded.store), write=False)
    try:
        first = queries.claim_records(store)[0]
        assert queries.records_of_claims(store, ["https://example.org/no-such-claim"]) == []
        assert queries.records_of_claims(store, [first.iri, first.iri]) == [first]
    finally:
        store.close()
