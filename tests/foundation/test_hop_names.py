"""Every hop carries its source's name and kind; stores written before that (mapping 3) still read whole."""

from __future__ import annotations

from provenance.rdf import queries


def chains(store) -> dict[str, list[tuple[str, str]]]:
    iris = [row["claim"].value for row in store.select("SELECT ?claim WHERE { ?claim a schema:Claim }")]
    return {record.iri: [(source.name, source.kind) for source in record.chain]
            for record in queries.records_of_claims(store, iris)}


def test_each_hop_names_its_source_and_kind(seeded_store):
    rows = seeded_store.select("""SELECT ?name ?kind ?agentName ?agentKind WHERE {
        GRAPH ?g { ?hop cp:sourceName ?name ; cp:sourceKind ?kind ; prov:wasAttributedTo ?source .
                   ?source schema:name ?agentName ; cp:kind ?agentKind } }""")
    assert len(rows) == 17
    assert all(row["name"] == row["agentName"] and row["kind"] == row["agentKind"] for row in rows)


def test_a_store_whose_hops_name_nothing_reads_the_same_chains(seeded_store):
    before = chains(seeded_store)
    assert sum(len(chain) for chain in before.values()) == 17
    # What a store written before mapping version 4 holds.
    seeded_store._store.update("PREFIX cp: <https://claim-provenance.org/ns#> "
                        "DELETE WHERE { GRAPH ?g { ?hop cp:sourceName ?name . ?hop cp:sourceKind ?kind } }")
    assert not seeded_store.ask("ASK { ?hop cp:sourceName ?name }")
    assert chains(seeded_store) == before
