"""How the endpoint store writes queries for a server: prefixes, bound values, query forms (no server)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from provenance.errors import InvalidInput
from provenance.rdf.queries import CLAIM_ROWS, FIND_BY_TEXT
from provenance.storage.endpoint import bind_for_virtuoso, prepare
from provenance.storage.sparql_text import query_form, where_group_start


def test_values_block_opens_the_outermost_where_group():
    query = bind_for_virtuoso("SELECT ?n WHERE { ?s <urn:p> ?n OPTIONAL { ?n <urn:q> ?m } }", {"s": ox.NamedNode("urn:x")})
    assert query == "SELECT ?n WHERE { VALUES (?s) { (<urn:x>) } ?s <urn:p> ?n OPTIONAL { ?n <urn:q> ?m } }"


def test_construct_template_is_not_taken_for_the_where_group():
    assert bind_for_virtuoso("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", {"s": ox.NamedNode("urn:x")}).startswith(
        "CONSTRUCT { ?s ?p ?o } { VALUES (?s)"
    )
    assert "WHERE { VALUES" in bind_for_virtuoso("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": ox.NamedNode("urn:x")})


def test_braces_and_keywords_in_strings_iris_and_comments_are_not_structure():
    query = 'SELECT ?x # WHERE {\n { ?s <urn:where{> """ WHERE { """ . ?s ?p ?x }'
    assert query[where_group_start(query) - 1] == "{"
    assert where_group_start(query) == query.index("{ ?s") + 1


@pytest.mark.parametrize(
    "value",
    ['a"b', "a\\b", "line\nbreak", '"} } DROP ALL ; SELECT * { ?s ?p ?o', "zurückgekehrt 😀", ">"],
)
def test_a_bound_literal_stays_one_term(value):
    query = bind_for_virtuoso("SELECT ?s WHERE { ?s <urn:p> ?v }", {"v": ox.Literal(value)})
    parsed = ox.Store()
    parsed.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(value)))
    assert [row["s"] for row in parsed.query(query)] == [ox.NamedNode("urn:s")]


def test_an_iri_that_could_end_its_term_is_refused_before_it_reaches_a_query():
    with pytest.raises(ValueError):
        ox.NamedNode("urn:x> } DROP ALL")


def test_str_of_a_bound_literal_is_written_as_its_string():
    query = bind_for_virtuoso(FIND_BY_TEXT, {"fragment": ox.Literal("Zurück")})
    assert 'LCASE("Zurück"^^<http://www.w3.org/2001/XMLSchema#string>)' in query
    assert 'VALUES (?fragment) { ("Zurück") }' in query


def test_blank_nodes_and_bad_names_cannot_be_bound():
    with pytest.raises(InvalidInput):
        bind_for_virtuoso("SELECT * { ?s ?p ?o }", {"s": ox.BlankNode()})
    with pytest.raises(InvalidInput):
        bind_for_virtuoso("SELECT * { ?s ?p ?o }", {"s) } DROP": ox.NamedNode("urn:x")})


def test_project_prefixes_are_declared_unless_the_query_declares_them():
    text = prepare("PREFIX cp: <urn:mine#> SELECT * { ?s a cp:X }", None)
    assert "PREFIX schema: <https://schema.org/>" in text
    assert text.count("PREFIX cp:") == 1


def test_every_project_query_gets_its_values_block():
    assert "VALUES (?claim)" in bind_for_virtuoso(CLAIM_ROWS, {"claim": ox.NamedNode("urn:c")})


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * { ?s ?p ?o }", "select"),
        ("PREFIX a: <urn:select#> # ASK\nconstruct WHERE { ?s ?p ?o }", "construct"),
        ("DESCRIBE <urn:x>", "describe"),
        ("ASK { }", "ask"),
        ("DROP ALL", "update"),
        ("# nothing", None),
    ],
)
def test_query_form(query, form):
    assert query_form(query) == form
