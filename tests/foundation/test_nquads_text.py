"""The N-Quads text an article is written as says exactly its quads (the embedded store loads that text)."""

from __future__ import annotations

import json

import pyoxigraph as ox

from provenance.model.documents import article_from_document
from provenance.rdf.iris import IriScheme
from provenance.rdf.mapping import article_graph


def test_the_text_parses_back_to_the_quads(seed_text, seed_gold):
    article = article_from_document(json.loads(seed_gold.read_text()), seed_text.read_text())
    graph = article_graph(article, IriScheme(), method="add", time="2026-01-01T00:00:00Z")
    text = graph.nquads()
    parsed = list(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    assert len(parsed) == len(graph.quads) == text.count("\n")
    assert parsed == graph.quads
    # The cached texts of subjects and predicates belong to this article's terms only.
    again = article_graph(article, IriScheme("https://example.org/"), method="add", time="2026-01-01T00:00:00Z")
    assert list(ox.parse(again.nquads(), format=ox.RdfFormat.N_QUADS)) == again.quads
