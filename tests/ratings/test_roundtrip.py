"""Ratings and verdicts survive export -> import in TriG and Turtle, in their own graphs, with the rating in force."""

from __future__ import annotations

import pytest

RATINGS_GRAPH = "https://claim-provenance.org/id/graph/assessments/ratings"
VERDICTS_GRAPH = "https://claim-provenance.org/id/graph/assessments/verdicts"


def assessed(cli) -> tuple:
    history = [(row["source"], row["reliability"], row["by"], row["note"], row["in_force"])
               for row in cli.json("ratings", "list")]
    verdicts = {(row["text"], tuple(row["verdicts"])) for row in cli.json("due", "--on", "2100-01-01", "--all")}
    graphs = cli.json("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")["results"]["bindings"]
    return history, verdicts, sorted(row["g"]["value"] for row in graphs)


@pytest.mark.parametrize("extension", ["trig", "ttl"])
def test_ratings_and_verdicts_survive_export_and_import(seeded, tmp_path, extension, new_cli):
    seeded("rate", "Tass", "--reliability", "C", "--note", "state agency", "--by", "Anna")
    seeded("rate", "Tass", "--reliability", "D", "--by", "Bob")
    seeded("verdict", "Hotels zurückgekehrt", "--rating", "falsch", "--by", "Correctiv", "--url", "https://correctiv.org/1")
    seeded("verdict", "Mehrere Dokumente", "--rating", "False", "--by", "Correctiv")
    exported = tmp_path / f"export.{extension}"
    seeded("export", "-o", str(exported))

    fresh = new_cli("fresh")
    fresh("import", str(exported))
    assert assessed(fresh) == assessed(seeded)
    history, _, graphs = assessed(fresh)
    assert [row[1:] for row in history] == [("C", "Anna", "state agency", False), ("D", "Bob", None, True)]
    assert RATINGS_GRAPH in graphs and VERDICTS_GRAPH in graphs
    assert "urn:claim-provenance:imported" not in graphs
    trace = fresh.json("trace", "Hotels zurückgekehrt")
    assert next(hop for hop in trace["hops"] if hop["name"] == "Tass")["reliability"] == "D"


def test_a_rating_after_an_import_replaces_the_imported_one(seeded, tmp_path, new_cli):
    seeded("rate", "Tass", "--reliability", "C")
    exported = tmp_path / "export.ttl"
    seeded("export", "-o", str(exported))
    fresh = new_cli("fresh")
    fresh("import", str(exported))
    fresh("rate", "Tass", "--reliability", "A")
    assert [(row["reliability"], row["in_force"]) for row in fresh.json("ratings", "list")] == [("C", False), ("A", True)]


def test_importing_twice_changes_nothing(seeded, tmp_path):
    seeded("rate", "Tass", "--reliability", "C")
    seeded("verdict", "Hotels zurückgekehrt", "--rating", "falsch", "--by", "Correctiv")
    exported = tmp_path / "export.trig"
    seeded("export", "-o", str(exported))
    seeded("import", str(exported))
    assert len(seeded.json("ratings", "list")) == 1
    assert seeded.json("due", "--on", "2100-01-01", "--all") == seeded.json("due", "--on", "2100-01-01", "--all")
