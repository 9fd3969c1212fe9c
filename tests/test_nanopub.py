"""``export --format nanopub``: one nanopublication per attributed claim, accepted by the nanopub package's validation."""

from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner

from provenance.cli import main

NP = rdflib.Namespace("http://www.nanopub.org/nschema#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SCHEMA = rdflib.Namespace("https://schema.org/")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


@pytest.fixture
def nanopubs(tmp_path, seed_text, seed_gold):
    store = str(tmp_path / "seed")
    runner = CliRunner()
    assert runner.invoke(main, ["--store", store, "add", "--text", str(seed_text), str(seed_gold)]).exit_code == 0
    target = tmp_path / "seed.trig"
    result = runner.invoke(main, ["--store", store, "export", "--format", "nanopub", "-o", str(target)])
    assert result.exit_code == 0, result.output
    dataset = rdflib.Dataset(default_union=True).parse(target, format="trig")
    claims = json.loads(runner.invoke(main, ["--store", store, "claims", "--json"]).stdout)
    return dataset, claims


def _split(dataset: rdflib.Dataset) -> dict[rdflib.URIRef, rdflib.ConjunctiveGraph]:
    """Each nanopublication on its own: its head and the three graphs the head names."""
    publications = {}
    for publication, head in ((s, g) for s, _, _, g in dataset.quads((None, rdflib.RDF.type, NP.Nanopublication, None))):
        single = rdflib.ConjunctiveGraph()
        parts = [head, *(dataset.value(publication, p) for p in (NP.hasAssertion, NP.hasProvenance, NP.hasPublicationInfo))]
        for part in parts:
            for triple in dataset.graph(part):
                single.get_context(part).add(triple)
        publications[publication] = single
    return publications


def test_one_nanopublication_per_attributed_claim_that_the_nanopub_package_accepts(nanopubs):
    nanopub = pytest.importorskip("nanopub")
    dataset, claims = nanopubs
    publications = _split(dataset)
    assert len(publications) == len([row for row in claims if row["hops"]]) == 10
    for publication, graph in publications.items():
        assert nanopub.Nanopub(rdf=graph).is_valid, publication


def test_each_part_says_what_it_should(nanopubs):
    dataset, claims = nanopubs
    texts = {row["text"] for row in claims}
    for publication, graph in _split(dataset).items():
        assertion = graph.get_context(dataset.value(publication, NP.hasAssertion))
        (claim,) = assertion.subjects(rdflib.RDF.type, SCHEMA.Claim)
        assert str(assertion.value(claim, SCHEMA.text)) in texts
        origin = assertion.value(assertion.value(claim, PROV.hadPrimarySource), PROV.wasAttributedTo)
        assert assertion.value(origin, SCHEMA.name) is not None
        provenance = graph.get_context(dataset.value(publication, NP.hasProvenance))
        activity = provenance.value(assertion.identifier, PROV.wasGeneratedBy)
        assert (activity, rdflib.RDF.type, PROV.Activity) in provenance
        pubinfo = graph.get_context(dataset.value(publication, NP.hasPublicationInfo))
        assert pubinfo.value(publication, DCT.created) is not None
        assert str(pubinfo.value(publication, DCT.license)).startswith("https://creativecommons.org/")
        tool = pubinfo.value(publication, PROV.wasAttributedTo)
        assert str(pubinfo.value(tool, SCHEMA.name)) == "claim-provenance"
