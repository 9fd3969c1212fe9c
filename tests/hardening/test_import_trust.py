"""Import cannot rewrite trust or articles behind the user's back (each refusal leaves the store as it was)."""

from __future__ import annotations

import pytest

from tests.hardening.conftest import one_error, quads

BASE = "https://claim-provenance.org/id/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
CP = "https://claim-provenance.org/ns#"


def rating_trig(graph: str, time: str = "2026-02-06T10:00:00Z", rating: str = "rating/forged") -> str:
    return f"""
@prefix schema: <{SCHEMA}> . @prefix prov: <{PROV}> . @prefix cp: <{CP}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{graph}> {{
  <{BASE}{rating}> a schema:Rating, prov:Entity ; schema:about <{BASE}source/tass> ;
      cp:reliability cp:reliability-A ; prov:wasAttributedTo <{BASE}assessor/mallory> ;
      prov:generatedAtTime "{time}"^^xsd:dateTime .
  <{BASE}assessor/mallory> a prov:Agent ; schema:name "Mallory" .
}}
"""


@pytest.mark.parametrize("graph", ["http://evil.example/graph/assessments/ratings",
                                   "http://evil.example/graph/corrections/tass-talks-de",
                                   "http://evil.example/graph/identities"])
def test_a_graph_that_only_ends_like_the_ratings_graph_is_refused(seeded_cli, write, graph):
    before = quads(seeded_cli.store)
    path = write("suffix.trig", rating_trig(graph))
    line = one_error(seeded_cli("import", str(path), expect=1))
    assert "named like a graph of assessments or corrections" in line
    assert quads(seeded_cli.store) == before


def test_a_rating_from_the_future_is_refused(seeded_cli, write):
    before = quads(seeded_cli.store)
    path = write("future.trig", rating_trig(BASE + "graph/assessments/ratings", time="2999-01-01T00:00:00Z"))
    line = one_error(seeded_cli("import", str(path), expect=1))
    assert "in the future" in line
    assert quads(seeded_cli.store) == before


def test_a_rating_dated_now_is_imported_as_a_rating_of_its_own(seeded_cli, write):
    seeded_cli("rate", "Tass", "--reliability", "C", "--by", "Desk A")
    path = write("past.trig", rating_trig(BASE + "graph/assessments/ratings", time="2026-01-01T00:00:00Z"))
    seeded_cli("import", str(path))
    letters = {(row["by"], row["reliability"]) for row in seeded_cli.json("ratings", "list")}
    assert {("Desk A", "C"), ("Mallory", "A")} <= letters


@pytest.mark.parametrize("graph", [f"<{BASE}graph/assessments/verdicts>", "<http://example.org/g>", ""])
def test_a_forged_review_does_not_merge_into_a_stored_verdict(seeded_cli, tmp_path, write, graph):
    seeded_cli("verdict", "Hotels", "--rating", "False", "--by", "Desk A")
    export = tmp_path / "reviews.nq"
    seeded_cli("export", "--format", "nquads", "-o", str(export))
    review = next(line.split()[0] for line in export.read_text().splitlines()
                  if "ClaimReview" in line and line.startswith(f"<{BASE}review/"))
    before = quads(seeded_cli.store)
    forged = write("forged.nq", f'{review} <{SCHEMA}author> <{BASE}assessor/mallory> {graph} .\n')
    line = one_error(seeded_cli("import", str(forged), expect=1))
    assert "stored already with other content" in line
    assert quads(seeded_cli.store) == before


def test_importing_an_export_again_changes_nothing(seeded_cli, tmp_path):
    seeded_cli("rate", "Tass", "--reliability", "C", "--by", "Desk A")
    seeded_cli("verdict", "Hotels", "--rating", "False", "--by", "Desk A")
    for fmt in ("trig", "turtle"):
        export = tmp_path / f"all.{fmt}"
        seeded_cli("export", "--format", fmt, "-o", str(export))
        before = quads(seeded_cli.store)
        seeded_cli("import", str(export))
        assert quads(seeded_cli.store) == before


@pytest.mark.parametrize("fmt", ["trig", "turtle"])
def test_replacing_a_stored_article_needs_replace(seeded_cli, write, fmt):
    graph = BASE + "graph/tass-talks-de"
    triple = f'<{BASE}article/tass-talks-de> <{SCHEMA}headline> "Nothing to see" .'
    if fmt == "trig":
        content = f"<{graph}> {{ {triple} }}"
    else:
        content = f'{triple}\n<{BASE}article/tass-talks-de> <{CP}articleGraph> <{graph}> .'
    path = write(f"replace.{'trig' if fmt == 'trig' else 'ttl'}", content)
    before = quads(seeded_cli.store)
    line = one_error(seeded_cli("import", str(path), expect=1))
    assert "would replace article 'tass-talks-de'" in line and "--replace" in line
    assert quads(seeded_cli.store) == before
    assert len(seeded_cli.json("claims")) == 10
    result = seeded_cli("import", "--replace", str(path))
    assert "Replaced 1: tass-talks-de" in result.stdout


@pytest.mark.parametrize("graph", ["urn:claim-provenance:staging:x", "urn:claim-provenance:other"])
def test_a_graph_in_the_internal_namespace_is_refused(seeded_cli, write, graph):
    before = quads(seeded_cli.store)
    path = write("staging.trig", f'<{graph}> {{ <http://example.org/a> <http://example.org/b> "c" }}')
    line = one_error(seeded_cli("import", str(path), expect=1))
    assert "urn:claim-provenance:" in line
    assert quads(seeded_cli.store) == before


def test_turtle_naming_the_ratings_graph_as_an_article_graph_is_refused(seeded_cli, write):
    before = quads(seeded_cli.store)
    path = write("article.ttl", f'<{BASE}article/x> <{CP}articleGraph> <{BASE}graph/assessments/ratings> .\n'
                                f'<{BASE}article/x> <{SCHEMA}headline> "x" .')
    line = one_error(seeded_cli("import", str(path), expect=1))
    assert "assessments graph" in line
    assert quads(seeded_cli.store) == before


def test_a_claimreview_dated_in_the_future_is_refused(seeded_cli, write):
    before = quads(seeded_cli.store)
    review = ('{"@context": "https://schema.org", "@type": "ClaimReview", "datePublished": "2999-01-01", '
              '"claimReviewed": "Die Delegationen seien in ihre Hotels zurückgekehrt", '
              '"author": {"@type": "Organization", "name": "Mallory"}, '
              '"reviewRating": {"@type": "Rating", "alternateName": "True"}}')
    line = one_error(seeded_cli("import", str(write("review.json", review)), expect=1))
    assert "in the future" in line
    assert quads(seeded_cli.store) == before
