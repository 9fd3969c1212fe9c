"""export --format claimreview: every field ClaimReview consumers require, JSON-LD that rdflib reads offline, and back."""

from __future__ import annotations

import json

import rdflib
from rdflib.namespace import RDF

from provenance.rdf.claimreview import local_context, with_local_context

SCHEMA = rdflib.Namespace("https://schema.org/")


def reviewed(cli):
    cli("rate", "Tass", "--reliability", "C")
    cli("verdict", "Hotels zurückgekehrt", "--rating", "falsch", "--by", "Correctiv", "--url", "https://correctiv.org/1",
        "--date", "2026-02-20")
    cli("verdict", "Es gebe Resultate", "--rating", "unbelegt", "--by", "Correctiv", "--date", "2026-02-21")
    return cli


def reviews_by_claim(cli) -> set[tuple[str, str]]:
    rows = cli.json("query", "SELECT ?text ?rating WHERE { ?review schema:itemReviewed ?claim ; "
                             "schema:reviewRating/schema:alternateName ?rating . ?claim schema:text ?text }")
    return {(row["text"]["value"], row["rating"]["value"]) for row in rows["results"]["bindings"]}


def test_export_has_every_required_field(seeded, tmp_path):
    reviewed(seeded)
    output = tmp_path / "reviews.jsonld"
    seeded("export", "--format", "claimreview", "-o", str(output))
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert len(reviews) == 2
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] and review["url"].startswith("https://")
        assert review["datePublished"] in ("2026-02-20", "2026-02-21")
        assert review["author"]["@type"] == "Organization" and review["author"]["name"] == "Correctiv"
        assert review["reviewRating"]["@type"] == "Rating" and review["reviewRating"]["alternateName"]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"]
        for key in ("appearance", "firstAppearance"):
            assert item[key]["@type"] == "NewsArticle" and item[key]["url"] == "https://example.org/tass-talks"
    by_text = {review["claimReviewed"]: review for review in reviews}
    false = by_text["Die Delegationen seien in ihre Hotels zurückgekehrt"]
    assert false["url"] == "https://correctiv.org/1"
    assert false["reviewRating"] == {"@type": "Rating", "alternateName": "falsch", "ratingValue": 1, "bestRating": 5,
                                     "worstRating": 1}
    assert false["itemReviewed"]["author"]["name"] == "Verhandlungskreise", "the claim's author is the chain's origin"
    unproven = by_text["Es gebe Resultate"]["reviewRating"]
    assert "ratingValue" not in unproven, "no number where the text does not give one"


def test_export_parses_as_json_ld_with_rdflib_offline(seeded, offline):
    reviewed(seeded)
    document = json.loads(seeded("export", "--format", "claimreview").stdout)
    graph = rdflib.Graph().parse(data=json.dumps(with_local_context(document)), format="json-ld")
    reviews = set(graph.subjects(RDF.type, SCHEMA.ClaimReview))
    assert len(reviews) == 2
    for review in reviews:
        for predicate in (SCHEMA.claimReviewed, SCHEMA.url, SCHEMA.author, SCHEMA.datePublished, SCHEMA.reviewRating,
                          SCHEMA.itemReviewed):
            assert graph.value(review, predicate) is not None, predicate
        rating = graph.value(review, SCHEMA.reviewRating)
        assert graph.value(rating, SCHEMA.alternateName) is not None
        claim = graph.value(review, SCHEMA.itemReviewed)
        assert (claim, RDF.type, SCHEMA.Claim) in graph
        assert isinstance(graph.value(graph.value(claim, SCHEMA.appearance), SCHEMA.url), rdflib.URIRef)
        assert graph.value(claim, SCHEMA.firstAppearance) is not None


def test_the_shipped_context_is_package_data():
    context = local_context()
    assert context["@vocab"] == "https://schema.org/"
    assert context["url"]["@type"] == "@id"


def test_claimreview_comes_back_in_by_content_and_by_format(seeded, tmp_path, seed_text, seed_gold, offline, new_cli):
    reviewed(seeded)
    exported = tmp_path / "reviews.jsonld"
    seeded("export", "--format", "claimreview", "-o", str(exported))
    fresh = new_cli("fresh")
    fresh("add", "--text", str(seed_text), str(seed_gold), "--url", "https://example.org/tass-talks")
    assert fresh.json("import", str(exported)) == {"imported": 2, "unmatched": []}
    renamed = tmp_path / "reviews.txt"
    renamed.write_bytes(exported.read_bytes())
    assert fresh.json("import", str(renamed), "--format", "claimreview")["imported"] == 2
    assert reviews_by_claim(fresh) == reviews_by_claim(seeded) == {
        ("Die Delegationen seien in ihre Hotels zurückgekehrt", "falsch"), ("Es gebe Resultate", "unbelegt")}


def test_a_foreign_claimreview_finds_its_claim_by_text_and_appearance(seeded, tmp_path):
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example/review/7",
        "claimReviewed": "Mehrere Dokumente würden studiert und erörtert",
        "datePublished": "2026-02-22",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": "Mostly false", "ratingValue": 2, "bestRating": 5,
                         "worstRating": 1},
        "itemReviewed": {"@type": "Claim", "appearance": {"@type": "NewsArticle",
                                                          "url": "https://example.org/tass-talks"}},
    }
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(review), encoding="utf-8")
    assert seeded.json("import", str(path)) == {"imported": 1, "unmatched": []}
    assert reviews_by_claim(seeded) == {("Mehrere Dokumente würden studiert und erörtert", "Mostly false")}


def test_a_remote_context_other_than_schema_org_is_refused(seeded, tmp_path):
    path = tmp_path / "other.jsonld"
    path.write_text(json.dumps({"@context": "https://example.org/ctx", "@type": "ClaimReview"}), encoding="utf-8")
    assert "would have to be fetched" in seeded.error("import", str(path))


def test_claimreview_format_with_broken_json_is_one_clear_line(seeded, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    assert "malformed JSON" in seeded.error("import", str(path), "--format", "claimreview")
