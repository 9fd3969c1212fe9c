"""Input that would exhaust the machine is refused with one line before the work starts."""

from __future__ import annotations

import json

from tests.hardening.conftest import one_error, quads

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
 <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol9;</ex:p></rdf:Description>
</rdf:RDF>
"""


def test_rdfxml_entity_expansion_is_refused(seeded_cli, write):
    before = quads(seeded_cli.store)
    line = one_error(seeded_cli("import", str(write("lol.rdf", BILLION_LAUGHS)), expect=1))
    assert "entit" in line
    assert quads(seeded_cli.store) == before


def test_very_deep_turtle_is_refused(seeded_cli, write):
    depth = 100_000
    turtle = "<http://a> <http://b> " + "[ <http://c> " * depth + "<http://d>" + " ]" * depth + " .\n"
    line = one_error(seeded_cli("import", str(write("deep.ttl", turtle)), expect=1))
    assert "rdf_depth" in line


def test_brackets_inside_strings_do_not_count(cli, write):
    turtle = '<http://a> <http://b> "' + "[" * 1000 + '" .\n<http://a> <http://c> [ <http://d> ( 1 2 ) ] .\n'
    cli("import", str(write("strings.ttl", turtle)))


def test_very_deep_rdfxml_is_refused(cli, write):
    depth = 20_000
    xml = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns:ex="http://example.org/">' + "<rdf:Description><ex:p>" * depth + "x"
           + "</ex:p></rdf:Description>" * depth + "</rdf:RDF>")
    line = one_error(cli("import", str(write("deep.rdf", xml)), expect=1))
    assert "rdf_depth" in line


def test_a_huge_single_line_jsonl_is_refused_by_the_article_limit(cli, write):
    line = json.dumps({"id": "huge", "text": "Er sagte, es regne. " * 60})
    path = write("huge.jsonl", line + "\n")
    result = cli("--limit", "article_bytes=1000", "ingest", str(path), expect=1)
    assert "over the limit of 1,000 bytes (article_bytes)" in result.output
    assert "Traceback" not in result.output


def test_a_document_with_a_million_claims_is_refused_before_it_is_built(cli, seed_text, write):
    document = '{"doc": "m", "claims": [' + ",".join(['{"spans": [[0, 1]]}'] * 1_000_000) + "]}"
    line = one_error(cli("add", "--text", str(seed_text), str(write("million.json", document)), expect=1))
    assert "1,000,000 claims" in line and "(claims)" in line


def test_a_chain_of_thousands_of_hops_is_refused(cli, seed_text, gold, write):
    gold["claims"][0]["chain"] = [{"name": f"Quelle {n}", "kind": "person"} for n in range(5_000)]
    line = one_error(cli("add", "--text", str(seed_text), str(write("hops.json", json.dumps(gold))), expect=1))
    assert "(hops)" in line


def test_a_claims_file_over_the_document_limit_is_refused(cli, seed_text, seed_gold):
    line = one_error(cli("--limit", "document_bytes=100", "add", "--text", str(seed_text), str(seed_gold), expect=1))
    assert "document_bytes" in line


def test_query_stops_at_its_time_limit(seeded_cli):
    # A million rows to count (a second or so): far longer than the limit, and soon over when the test has ended.
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
    line = one_error(seeded_cli("query", "--timeout", "0.01", slow, expect=1))
    assert "longer than 0.01 s" in line and "--timeout" in line


def test_query_with_service_is_refused_without_asking(seeded_cli):
    line = one_error(seeded_cli("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", expect=1))
    assert "--allow-service" in line


def test_service_inside_a_string_is_no_service(seeded_cli):
    assert seeded_cli.json("query", 'SELECT ?s WHERE { ?s ?p "SERVICE <http://x>" }')["results"]["bindings"] == []
