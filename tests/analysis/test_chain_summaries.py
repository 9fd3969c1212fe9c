"""Each attributed claim carries a summary of its chain; a trace reads the others' chains from it.

The summary repeats what the claim's statement triples say, so reading chains from it must give
the records the triples give, and a store without summaries (written before mapping 5) must trace
the same.
"""

from __future__ import annotations

import json

from provenance.model.documents import article_from_document
from provenance.rdf import analysis_queries, queries
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import add_article
from provenance.reports.claims import trace_data

FOLDERS = ("wire", "circle", "two-agencies")
ALL_CLAIMS = "SELECT ?claim WHERE { ?claim a schema:Claim }"
DROP_SUMMARIES = ("PREFIX cp: <https://claim-provenance.org/ns#> "
                  "DELETE WHERE { GRAPH ?g { ?claim cp:chainSummary ?summary } }")


OWN_CLAIM = {"doc": "own-claim", "lang": "de", "publisher": "Abendpost", "claims": [
    {"text": "Es schneit", "spans": [[0, 10]], "mode": "unattributed", "hedged": False, "chain": []}]}


def examples_and_an_unattributed_claim(example_store):
    store = example_store(*FOLDERS)
    add_article(store, article_from_document(OWN_CLAIM, "Es schneit in Abu Dhabi."), IriScheme())
    return store


def claim_iris(store) -> list[str]:
    return sorted(row["claim"].value for row in store.select(ALL_CLAIMS))


def test_an_attributed_claim_has_one_summary_and_an_unattributed_one_none(example_store):
    store = examples_and_an_unattributed_claim(example_store)
    records = queries.records_of_claims(store, claim_iris(store))
    summaries = {row["claim"].value: row["summary"].value
                 for row in store.select("SELECT ?claim ?summary WHERE { ?claim cp:chainSummary ?summary }")}
    attributed = [record for record in records if record.chain]
    assert attributed and len(attributed) < len(records)
    assert set(summaries) == {record.iri for record in attributed}
    for record in attributed:
        article, doc, publisher_iri, publisher, mode, hedged, chain = json.loads(summaries[record.iri])
        assert (article, doc, publisher_iri, publisher) == (
            record.article.iri, record.article.id, record.article.publisher_iri, record.article.publisher)
        assert (mode, hedged) == (record.mode, record.hedged)
        assert chain == [[source.iri, source.name, source.kind] for source in record.chain]


def test_chains_from_summaries_are_the_chains_from_the_statements(example_store):
    store = examples_and_an_unattributed_claim(example_store)
    iris = claim_iris(store)
    from_statements = queries.records_of_claims(store, iris, details=False)
    from_summaries = queries.chains_of_claims(store, iris + ["urn:no-such-claim"])
    assert len(from_summaries) == len(iris)
    assert sorted(from_summaries, key=lambda r: r.iri) == sorted(from_statements, key=lambda r: r.iri)


def test_a_store_without_summaries_traces_the_same(example_store):
    store = examples_and_an_unattributed_claim(example_store)
    iris = claim_iris(store)
    before = {iri: trace_data(store, iri) for iri in iris}
    assert sum(len(data["same_claim"]) for data in before.values()) >= 20
    store._store.update(DROP_SUMMARIES)
    assert not store.ask("ASK { ?claim cp:chainSummary ?summary }")
    assert {iri: trace_data(store, iri) for iri in iris} == before


def test_summaries_that_are_not_the_mappings_are_read_past(example_store):
    """Summaries edited, or imported from another tool, must not break a trace or a report: the triples are read."""
    store = examples_and_an_unattributed_claim(example_store)
    iris = claim_iris(store)
    traces = {iri: trace_data(store, iri) for iri in iris}
    corpus = analysis_queries.corpus_records(store)
    for predicate in ("chainSummary", "corpusSummary"):
        store._store.update(
            "PREFIX cp: <https://claim-provenance.org/ns#> "
            f"DELETE {{ GRAPH ?g {{ ?s cp:{predicate} ?summary }} }} "
            f"INSERT {{ GRAPH ?g {{ ?s cp:{predicate} ?broken }} }} "
            f"WHERE {{ GRAPH ?g {{ ?s cp:{predicate} ?summary }} BIND(IF(CONTAINS(?summary, \"Tass\"), \"[1, 2]\", \"not json\") AS ?broken) }}")
    assert store.ask('ASK { ?claim cp:chainSummary "[1, 2]" }') and store.ask('ASK { ?claim cp:chainSummary "not json" }')
    assert {iri: trace_data(store, iri) for iri in iris} == traces
    assert analysis_queries.corpus_records(store) == corpus
