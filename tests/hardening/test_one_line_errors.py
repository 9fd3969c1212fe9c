"""Input that used to end in a traceback ends in one line (exit 1), and the store keeps what it had."""

from __future__ import annotations

import json

import pytest

from tests.hardening.conftest import one_error, quads


def test_an_integer_of_5000_digits(seeded_cli, seed_text, write):
    before = quads(seeded_cli.store)
    path = write("bigint.json", '{"doc": "x", "claims": [{"spans": [[0, ' + "9" * 5000 + "]]}]}")
    line = one_error(seeded_cli("add", "--text", str(seed_text), str(path), expect=1))
    assert "4,300 digits" in line
    assert quads(seeded_cli.store) == before


def test_an_integer_of_5000_digits_in_a_jsonl_line(cli, write):
    path = write("bigint.jsonl", '{"id": ' + "9" * 5000 + ', "text": "Er sagte, es regne."}\n')
    result = cli("ingest", str(path), expect=1)
    assert "4,300 digits" in " ".join(result.output.split()) and "Traceback" not in result.output


def test_json_nested_100000_deep(seeded_cli, seed_text, write):
    path = write("deep.json", "[" * 100_000 + "]" * 100_000)
    line = one_error(seeded_cli("add", "--text", str(seed_text), str(path), expect=1))
    assert "json_depth" in line


@pytest.mark.parametrize("name", ["deep.jsonld", "deep.json"])
def test_jsonld_nested_100000_deep_on_import(seeded_cli, write, name):
    before = quads(seeded_cli.store)
    path = write(name, '{"@id": "http://a", "http://b": ' + "[" * 100_000 + "]" * 100_000 + "}")
    line = one_error(seeded_cli("import", "--format", "jsonld", str(path), expect=1))
    assert "json_depth" in line
    assert quads(seeded_cli.store) == before


def test_claimreview_nested_deep(seeded_cli, write):
    path = write("deep-review.json", '{"@type": "ClaimReview", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    line = one_error(seeded_cli("import", "--format", "claimreview", str(path), expect=1))
    assert "json_depth" in line


@pytest.mark.parametrize("reference", ["http://a b", "urn:x y", "https://<>"])
def test_trace_of_an_invalid_iri(seeded_cli, reference):
    line = one_error(seeded_cli("trace", reference, expect=1))
    assert "no claim matches" in line


def test_a_jsonl_document_with_a_date_that_does_not_exist(cli, write):
    path = write("dates.jsonl", json.dumps({"id": "a", "text": "Er sagte, es regne.", "published": "2026-02-30"}) + "\n")
    result = cli("ingest", str(path), expect=1)
    assert "is not a date that exists" in " ".join(result.output.split())


def test_a_rating_table_with_a_field_over_the_csv_limit(seeded_cli, write):
    import csv

    # The csv module's default limit (reading a store's long summaries raises it in the process).
    previous = csv.field_size_limit(131_072)
    before = quads(seeded_cli.store)
    path = write("table.csv", "domain,score\ntass.ru," + "9" * 200_000 + "\n")
    line = one_error(seeded_cli("ratings", "import", str(path), "--domain-column", "domain", "--score-column", "score",
                                expect=1))
    csv.field_size_limit(previous)
    assert "not a CSV table that can be read" in line
    assert quads(seeded_cli.store) == before


def test_a_rating_table_dated_in_the_future(seeded_cli, write):
    path = write("table.csv", "domain,score\ntass.ru,0.9\n")
    line = one_error(seeded_cli("ratings", "import", str(path), "--domain-column", "domain", "--score-column", "score",
                                "--date", "2999-01-01", expect=1))
    assert "in the future" in line
