"""Binding variables with a VALUES block, as both backends do (no server)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from provenance.errors import InvalidInput
from provenance.storage.sparql_text import bind_values

P = ox.NamedNode("urn:p")


def store_with(*pairs):
    store = ox.Store()
    for subject, value in pairs:
        store.add(ox.Quad(ox.NamedNode(subject), P, ox.Literal(value)))
    return store


def test_a_sequence_binds_one_row_per_term():
    store = store_with(("urn:a", "1"), ("urn:b", "2"), ("urn:c", "3"))
    query = bind_values("SELECT ?s ?v WHERE { ?s <urn:p> ?v }", {"s": [ox.NamedNode("urn:a"), ox.NamedNode("urn:c")]})
    assert sorted((row["s"].value, row["v"].value) for row in store.query(query)) == [("urn:a", "1"), ("urn:c", "3")]


def test_sequences_are_zipped_and_single_terms_repeat():
    store = store_with(("urn:a", "1"), ("urn:b", "2"))
    query = bind_values(
        "SELECT ?s WHERE { ?s ?p ?v }",
        {"s": [ox.NamedNode("urn:a"), ox.NamedNode("urn:b")], "v": [ox.Literal("1"), ox.Literal("1")], "p": P},
    )
    assert [row["s"].value for row in store.query(query)] == ["urn:a"]


def test_an_empty_sequence_matches_nothing():
    store = store_with(("urn:a", "1"))
    assert list(store.query(bind_values("SELECT ?s WHERE { ?s ?p ?v }", {"s": []}))) == []


def test_sequences_of_different_lengths_are_refused():
    with pytest.raises(InvalidInput):
        bind_values("SELECT * { ?s ?p ?o }", {"s": [ox.NamedNode("urn:a")], "o": []})
