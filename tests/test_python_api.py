"""The Python API: rdflib-valued results over the very store the CLI writes, networkx, rdflib-only formats."""

from __future__ import annotations

import doctest
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

import provenance
from provenance.cli import main
from provenance.errors import NoStore

ROOT = Path(__file__).resolve().parents[1]
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SCHEMA = rdflib.Namespace("https://schema.org/")
CLAIMS = "SELECT (COUNT(?claim) AS ?n) WHERE { ?claim a schema:Claim }"


@pytest.fixture
def seed(tmp_path, seed_text, seed_gold):
    """The seed article with its 10 gold claims, stored through the API."""
    store = provenance.open(tmp_path / "seed")
    provenance.add(store, json.loads(seed_gold.read_text(encoding="utf-8")), seed_text.read_text(encoding="utf-8"))
    yield store
    store.close()


def test_the_dataset_answers_sparql_through_rdflib(seed):
    dataset = provenance.dataset(seed)
    assert isinstance(dataset, rdflib.Dataset)
    assert [int(row.n) for row in dataset.query(CLAIMS)] == [10]
    # rdflib's own API on the same data: triples() over the union of the article graphs
    assert len(set(dataset.subjects(rdflib.RDF.type, SCHEMA.Claim))) == 10


def test_the_dataset_is_the_store_not_a_copy(seed):
    dataset = provenance.dataset(seed)
    assert dataset.store._inner is seed.oxigraph
    ratings = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a schema:Rating }"
    before = int(next(iter(dataset.query(ratings))).n)
    provenance.rate(seed, "Tass", "C", by="Desk A")  # a write through the store ...
    assert int(next(iter(dataset.query(ratings))).n) == before + 1  # ... seen through the Dataset at once
    graph = rdflib.URIRef("urn:test:notes")
    dataset.add((rdflib.URIRef("urn:test:note"), rdflib.RDFS.comment, rdflib.Literal("checked"), graph))
    # and a write through the Dataset seen by the store's own reads
    assert "urn:test:notes" in seed.graph_names()
    assert seed.ask('ASK { <urn:test:note> rdfs:comment "checked" }')


def test_pyshacl_validates_the_dataset_as_it_is_now(seed):
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, report = pyshacl.validate(provenance.dataset(seed), shacl_graph=provenance.shapes())
    assert conforms, report
    # A claim without text, written through the store, is found by the next validation.
    claim = ox.NamedNode("urn:test:claim")
    seed.replace_graphs({"urn:test:broken": [ox.Triple(claim, ox.NamedNode(str(rdflib.RDF.type)), ox.NamedNode(str(SCHEMA.Claim)))]})
    conforms, _, report = pyshacl.validate(provenance.dataset(seed), shacl_graph=provenance.shapes())
    assert not conforms and "urn:test:claim" in report


def test_a_chain_is_an_rdflib_graph_from_the_claim_to_its_origin(seed):
    graph = provenance.chain(seed, "Hotels zurückgekehrt")
    assert isinstance(graph, rdflib.Graph)
    (claim,) = graph.subjects(rdflib.RDF.type, SCHEMA.Claim)
    assert str(graph.value(claim, SCHEMA.text)) == "Die Delegationen seien in ihre Hotels zurückgekehrt"
    origin = graph.value(graph.value(claim, PROV.hadPrimarySource), PROV.wasAttributedTo)
    relay = graph.value(graph.value(claim, PROV.wasDerivedFrom), PROV.wasAttributedTo)
    assert (str(graph.value(origin, SCHEMA.name)), str(graph.value(relay, SCHEMA.name))) == ("Verhandlungskreise", "Tass")
    # only this claim's chain: no other claim, no article text
    assert len(set(graph.subjects(rdflib.RDF.type, SCHEMA.Claim))) == 1
    assert not list(graph.subjects(rdflib.RDF.type, SCHEMA.NewsArticle))


def test_the_flow_graph_is_a_networkx_digraph(seed):
    graph = provenance.to_networkx(seed)
    assert isinstance(graph, nx.DiGraph)
    names = {node: data["name"] for node, data in graph.nodes(data=True)}
    edges = {(names[u], names[v]): claims for u, v, claims in graph.edges(data="claims")}
    # each claim's chain, origin first, ends in the article: one edge per consecutive pair
    expected: dict[tuple[str, str], int] = {}
    for row in provenance.claims(seed, attributed=True):
        for pair in zip(row["chain"], [*row["chain"][1:], row["article"]]):
            expected[pair] = expected.get(pair, 0) + 1
    assert edges == expected
    assert edges[("Tass", "tass-talks-de")] == 6


def test_the_api_says_what_the_cli_prints(tmp_path, seed_text, seed_gold):
    store = provenance.open(tmp_path / "seed")
    provenance.add(store, json.loads(seed_gold.read_text(encoding="utf-8")), seed_text.read_text(encoding="utf-8"))
    store.close()  # a reader opening a store while a writer works on it may find it mid-write
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "seed"), "claims", "--json"])
    trace = CliRunner().invoke(main, ["--store", str(tmp_path / "seed"), "trace", "Hotels", "--json"])
    assert result.exit_code == 0 and trace.exit_code == 0, result.output + trace.output
    store = provenance.open(tmp_path / "seed", create=False)
    assert provenance.claims(store) == json.loads(result.stdout)
    assert provenance.trace(store, "Hotels") == json.loads(trace.stdout)
    assert provenance.report(store)["claims"] == 10
    store.close()


def test_opening_a_missing_store_to_read_creates_nothing(tmp_path):
    with pytest.raises(NoStore, match="no store at"):
        provenance.open(tmp_path / "typo", create=False)
    assert not (tmp_path / "typo").exists()


def test_import_takes_an_rdflib_graph_and_dataset(seed, tmp_path):
    turtle = rdflib.Graph().parse(data=provenance.export(seed, format="turtle"), format="turtle")
    trig = rdflib.Dataset().parse(data=provenance.export(seed, format="trig"), format="trig")
    for name, source in (("from-graph", turtle), ("from-dataset", trig)):
        other = provenance.open(tmp_path / name)
        provenance.import_rdf(other, source)
        assert [row["text"] for row in provenance.claims(other)] == [row["text"] for row in provenance.claims(seed)]
        other.close()


@pytest.mark.parametrize("fmt, suffix", [("n3", ".n3"), ("trix", ".trix"), ("hext", ".hext")])
def test_import_reads_formats_only_rdflib_reads(seed, tmp_path, fmt, suffix):
    data = rdflib.Dataset().parse(data=provenance.export(seed, format="trig"), format="trig")
    path = tmp_path / f"seed{suffix}"
    if fmt == "n3":  # a triple format: the union of the graphs, as a Turtle export is
        rdflib.Graph().parse(data=provenance.export(seed, format="turtle"), format="turtle").serialize(path, format="n3")
    elif fmt == "hext":
        # Written here: rdflib's HexTuples serializer needs an orjson with Fragment (3.9+), which a machine may lack.
        path.write_text("".join(json.dumps(_hextuple(quad)) + "\n" for quad in data.quads()), encoding="utf-8")
    else:
        data.serialize(path, format=fmt)
    result = CliRunner().invoke(main, ["--store", str(tmp_path / fmt), "import", str(path), "--json"])
    assert result.exit_code == 0, result.output
    other = provenance.open(tmp_path / fmt, create=False)
    assert len(provenance.claims(other)) == 10
    assert provenance.trace(other, "Hotels")["hops"][0]["name"] == "Verhandlungskreise"
    other.close()


def _hextuple(quad) -> list[str]:
    """One quad as a HexTuples row: subject, predicate, value, datatype, language, graph."""
    subject, predicate, obj, graph = quad

    def term(node) -> str:
        return f"_:{node}" if isinstance(node, rdflib.BNode) else str(node)

    if isinstance(obj, rdflib.Literal):
        datatype = "" if obj.language else str(obj.datatype or rdflib.XSD.string)
        value, language = str(obj), obj.language or ""
    else:
        datatype = "localId" if isinstance(obj, rdflib.BNode) else "globalId"
        value, language = term(obj), ""
    graph_name = graph.identifier if isinstance(graph, rdflib.Graph) else graph
    named = graph_name is not None and str(graph_name) != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
    return [term(subject), str(predicate), value, datatype, language, term(graph_name) if named else ""]


def test_malformed_rdflib_input_is_one_line(tmp_path):
    path = tmp_path / "bad.n3"
    path.write_text("<a> <b> .", encoding="utf-8")
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "import", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: malformed n3 input") and len(result.stderr.splitlines()) == 1


def test_docs_python_md_examples_pass_as_doctests(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("DESK", str(tmp_path / "desk"))
    result = doctest.testfile(str(ROOT / "docs" / "python.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 15 and result.failed == 0


def test_examples_desk_script_runs(tmp_path):
    ran = subprocess.run([sys.executable, str(ROOT / "examples" / "desk.py"), str(tmp_path / "desk")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "extracted and stored 2 of 2 articles\n7 articles, " in ran.stdout
    assert "one source only, in 5 articles: “Die Delegationen seien bereits in ihre Hotels zurückgekehrt”" in ran.stdout
    assert "Tass (news-agency): 5 relayed, 0 originated" in ran.stdout
    assert ran.stdout.rstrip().endswith("SHACL: conforms")
    assert os.listdir(tmp_path) == ["desk"]


def test_importing_provenance_loads_no_heavy_library():
    """`import provenance` (and so every CLI start) does not load rdflib, networkx, numpy or the extraction."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, provenance, provenance.cli; print(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True).stdout.split()
    assert [name for name in ("rdflib", "networkx", "numpy", "scipy", "rich", "requests", "selectolax",
                              "provenance.extract", "provenance.analysis") if name in loaded] == []


def test_the_readme_python_example_runs(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(code.replace('"/tmp/desk"', repr(str(tmp_path / "desk"))), namespace)  # noqa: S102 (README's own example)
    namespace["store"].close()
