"""The graph command and the pictures behind it: DOT that escapes, SVG that names the chain, GraphML that loads back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest

from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
from provenance.rdf import queries
from provenance.reports import picture as pictures
from provenance.reports.report import report_data

SVG = "{http://www.w3.org/2000/svg}"
FIRST_CLAIM = "Die Delegationen seien in ihre Hotels"


def svg_texts(path: Path) -> list[str]:
    """Every text run of an SVG, which must parse as XML."""
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def odd_record() -> ClaimRecord:
    article = ArticleRef(iri="urn:article:odd", id='odd "article" \\ 1', publisher='Blatt <"Nord"> & Süd',
                         publisher_iri="urn:source:blatt")
    chain = (
        SourceRef(iri="urn:source:a", name='Kreise "um" den\\Minister', kind="anonymous-group"),
        SourceRef(iri="urn:source:b", name="Agentur <script>&amp;</script>\nZwei", kind="news-agency", reliability="B"),
    )
    return ClaimRecord(iri="urn:claim:odd", article=article, text='Er sagte: "Wir <bleiben>" & gehen\\weg',
                       mode="indirect", hedged=False, chain=chain, cue='sagte "laut" {x}')


def test_dot_escapes_quotes_backslashes_markup_and_line_breaks():
    dot = pictures.to_dot(pictures.build_picture([odd_record()], title='Titel "mit" \\ Zeichen'))
    assert 'label="Titel \\"mit\\" \\\\ Zeichen"' in dot
    assert "Kreise &quot;um&quot; den\\Minister" in dot
    assert "Agentur &lt;script&gt;&amp;amp;&lt;/script&gt; Zwei" in dot
    assert 'tooltip="Kreise \\"um\\" den\\\\Minister (anonymous group)"' in dot
    assert 'tooltip="Agentur <script>&amp;</script>\\nZwei (news agency)"' in dot
    assert not any("<script>" in line.split("tooltip=")[0] for line in dot.splitlines())
    assert "&quot;Wir &lt;bleiben&gt;&quot; &amp;<BR/>gehen\\weg" in dot
    assert "[B]" in dot


def test_dot_with_odd_names_is_drawn_by_graphviz_and_keeps_the_names(graphviz, tmp_path):
    dot = pictures.to_dot(pictures.build_picture([odd_record()], title="odd"))
    svg = tmp_path / "odd.svg"
    svg.write_bytes(subprocess.run([graphviz, "-Tsvg"], input=dot.encode(), capture_output=True, check=True).stdout)
    texts = " ".join(svg_texts(svg))
    assert 'Kreise "um" den\\Minister' in texts
    assert "Agentur <script>&amp;</script> Zwei" in texts
    assert 'Blatt <"Nord"> & Süd' in texts


def test_anonymous_sources_look_different_and_the_article_is_the_last_node(seeded):
    store = seeded.open()
    try:
        picture = pictures.article_picture(store, "tass-talks-de", report=report_data(store))
    finally:
        store.close()
    dot = pictures.to_dot(picture)
    anonymous = next(line for line in dot.splitlines() if "<I>Verhandlungskreise</I>" in line)
    named = next(line for line in dot.splitlines() if "<B>Tass</B>" in line)
    assert "dashed" in anonymous and "#f3f4f6" in anonymous
    assert "dashed" not in named and "single point of failure" in named
    article = next(node for node in picture.nodes.values() if node.role == "reader")
    assert article.name == "tass-talks-de"
    assert not any(tail == article.id for tail, _ in picture.edges)
    claims = [node for node in picture.nodes.values() if node.role == "claim"]
    assert len(claims) == 10 and all(node.credibility == 6 for node in claims)
    assert "berichtete … unter Berufung auf" in dot


def test_svg_of_a_claim_names_every_source_of_its_chain(seeded, graphviz, tmp_path):
    out = tmp_path / "claim.svg"
    seeded("graph", FIRST_CLAIM, "-o", str(out))
    texts = svg_texts(out)
    for name in ("Verhandlungskreise", "Tass", "tass-talks-de", "berichtete … unter Berufung auf", "credibility 6"):
        assert any(name in text for text in texts), name


def test_svg_of_the_seed_article_names_every_source_of_every_chain(seeded, graphviz, tmp_path):
    out = tmp_path / "article.svg"
    seeded("graph", "--article", "tass-talks-de", "--format", "svg", "-o", str(out))
    texts = " ".join(svg_texts(out))
    store = seeded.open()
    try:
        records = queries.claim_records(store)
    finally:
        store.close()
    names = {source.name for record in records for source in record.chain}
    assert len(names) == 8
    for name in names:
        assert name in texts


def test_png_is_a_png(seeded, graphviz, tmp_path):
    out = tmp_path / "seed.png"
    seeded("graph", "--article", "tass-talks-de", "-o", str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_graphml_loads_back_with_networkx(seeded, tmp_path):
    out = tmp_path / "seed.graphml"
    seeded("graph", "--article", "tass-talks-de", "-o", str(out))
    graph = nx.read_graphml(out)
    roles = nx.get_node_attributes(graph, "role")
    names = nx.get_node_attributes(graph, "name")
    assert sorted(roles.values()).count("claim") == 10
    assert sorted(roles.values()).count("source") == 8
    tass = next(node for node, name in names.items() if name == "Tass")
    assert graph.nodes[tass]["single_point_of_failure"] is True
    assert graph.nodes[tass]["kind"] == "news-agency"
    article = next(node for node, role in roles.items() if role == "reader")
    assert graph.in_degree(article) == 10 and graph.out_degree(article) == 0
    assert nx.is_directed_acyclic_graph(graph)


def test_dot_output_is_utf8_dot_text(seeded, tmp_path):
    out = tmp_path / "seed.dot"
    seeded("graph", "--article", "tass-talks-de", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith('digraph "provenance" {') and "zurückgekehrt" in text


def test_without_graphviz_svg_says_what_to_install_and_dot_still_works(seeded, tmp_path, monkeypatch):
    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    result = seeded("graph", "--article", "tass-talks-de", "-o", str(tmp_path / "x.svg"), expect=1)
    assert "apt-get install graphviz" in result.output
    assert not (tmp_path / "x.svg").exists()
    seeded("graph", "--article", "tass-talks-de", "-o", str(tmp_path / "x.dot"))
    seeded("graph", "--article", "tass-talks-de", "-o", str(tmp_path / "x.graphml"))
    assert (tmp_path / "x.dot").stat().st_size > 0 and (tmp_path / "x.graphml").stat().st_size > 0


def test_scopes_are_exclusive_and_unknown_ones_are_user_errors(seeded, tmp_path):
    out = str(tmp_path / "x.dot")
    assert "give one of" in seeded("graph", "Tass", "--article", "tass-talks-de", "-o", out, expect=2).output
    assert "no article 'nope'" in seeded("graph", "--article", "nope", "-o", out, expect=1).output
    assert "no cluster 1" in seeded("graph", "--cluster", "1", "-o", out, expect=1).output
    assert "no claim matches" in seeded("graph", "kein solcher Satz", "-o", out, expect=1).output
    assert "Missing option" in seeded("graph", "--article", "tass-talks-de", expect=2).output


def test_whole_store_and_clusters(examples, tmp_path):
    store = examples.open()
    try:
        report = report_data(store)
        wire = pictures.cluster_picture(store, 1, report=report)
        circle = pictures.cluster_picture(store, 3, report=report)
        everything = pictures.store_picture(store, report=report)
    finally:
        store.close()
    assert [node.name for node in wire.nodes.values() if node.single_point_of_failure] == ["Tass"]
    assert len([node for node in wire.nodes.values() if node.role == "claim"]) == 5
    circling = {node.name for node in circle.nodes.values() if node.in_circle}
    assert circling == {"Blick am Abend", "Lokalradio Nord", "Stadtanzeiger"}
    assert sum(edge.in_circle for edge in circle.edges.values()) == 6
    assert len([node for node in everything.nodes.values() if node.role == "claim"]) == 13
    out = tmp_path / "circle.dot"
    examples("graph", "--cluster", "3", "-o", str(out))
    assert pictures.CIRCLE_COLOUR in out.read_text(encoding="utf-8")


def test_above_the_claim_limit_the_store_picture_draws_only_the_flow(examples, monkeypatch):
    monkeypatch.setattr(pictures, "CLAIM_NODE_LIMIT", 5)
    store = examples.open()
    try:
        picture = pictures.store_picture(store)
    finally:
        store.close()
    assert not any(node.role == "claim" for node in picture.nodes.values())
    tass = next(node.id for node in picture.nodes.values() if node.name == "Tass")
    assert sum(edge.claims for (tail, _), edge in picture.edges.items() if tail == tass) == 5


def test_picture_data_is_json(seeded):
    store = seeded.open()
    try:
        data = pictures.claim_picture(store, FIRST_CLAIM).as_data()
    finally:
        store.close()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert [node["name"] for node in data["nodes"] if node["role"] == "source"] == ["Verhandlungskreise", "Tass"]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
def test_inline_svg_has_no_prolog_and_scales():
    svg = pictures.inline_svg(pictures.build_picture([odd_record()], title=""), graph_id="claim-x")
    assert svg.startswith("<svg") and 'width="100%"' in svg and "<?xml" not in svg
    ElementTree.fromstring(svg)


def test_rated_sources_show_their_letter_and_claims_their_credibility(seeded, tmp_path):
    seeded("rate", "Tass", "--reliability", "C")
    out = tmp_path / "rated.dot"
    seeded("graph", FIRST_CLAIM, "-o", str(out))
    dot = out.read_text(encoding="utf-8")
    tass = next(line for line in dot.splitlines() if "<B>Tass</B>" in line)
    assert "[C]" in tass
    claim = next(line for line in dot.splitlines() if "Hotels zurückgekehrt“" in line)
    assert "credibility 4" in claim and pictures.CREDIBILITY_COLOURS[4] in claim


@pytest.mark.parametrize("module", ["provenance.reports.picture", "provenance.analysis.export"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
