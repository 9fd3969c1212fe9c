"""The N-Quads text an article is written as is exactly what pyoxigraph would write for its quads.

The mapping writes terms as text itself (the embedded store bulk-loads that text with IRI checks
off), so these tests hold it to pyoxigraph's own serialisation: parsed strictly and written again
by pyoxigraph, the text comes back byte for byte.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from provenance.errors import InvalidInput
from provenance.model import Article, Claim, Cue, Hop, Source
from provenance.model.documents import article_from_document
from provenance.rdf.iris import IriScheme
from provenance.rdf.mapping import _literal, article_graph

TIME = "2026-01-01T00:00:00Z"
#: Every code point but the surrogates, which a Python str may hold and UTF-8 may not.
EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)


def rewritten(text: str) -> str:
    """The text parsed strictly (IRIs checked) and serialised again by pyoxigraph."""
    return ox.serialize(ox.parse(text, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS).decode("utf-8")


def awkward_article(delegate: str = 'ein "Delegierter"\t') -> Article:
    """An article whose every literal needs escaping: quotes, backslashes, controls, non-characters, emoji."""
    text = 'Tass meldete: "Die Gespräche \\ gehen\tweiter"\nam\r\x00Montag\x7f \ufffe\uffff \U0001F600 so.'
    cue = text.index("meldete")
    return Article(
        id='tass "eins"\\', text=text, lang="de", title='Der "Titel"\n', publisher='Die "Zeit" \\ Online',
        url="https://example.org/a?b=c&d=%C3%A4", published="2026-02-01",
        claims=[Claim(text=text[14:60], spans=[(14, 60)], mode="direct", hedged=True,
                      cue=Cue(spans=((cue, cue + 7),), text="meldete"),
                      chain=[Hop(source=Source(name=delegate, kind="anonymous-person",
                                               affiliation='Die \\ Delegation', medium="tv\n"), antecedent=(0, 4)),
                             Hop(source=Source(name="Tass", kind="news-agency"), start=0, end=4)])],
    )


def test_a_literal_is_escaped_as_pyoxigraph_escapes_it_for_every_character():
    assert _literal(EVERY_CHARACTER) == str(ox.Literal(EVERY_CHARACTER))


@pytest.mark.parametrize("base", ["https://claim-provenance.org/id/", "urn:newsroom:", "http://example.org/x%20y"])
def test_an_awkward_article_is_written_as_pyoxigraph_would_write_it(base):
    graph = article_graph(awkward_article(), IriScheme(base), method='a "method"', time=TIME)
    text = graph.nquads()
    assert text.count("\n") == graph.size == len(graph.quads) > 40
    assert rewritten(text) == text
    # What the quads say, not only how they are spelled: the texts come back as they went in.
    literals = {quad.object.value for quad in graph.quads if isinstance(quad.object, ox.Literal)}
    assert awkward_article().text in literals and 'ein "Delegierter"\t' in literals


def test_the_seed_article_is_written_as_pyoxigraph_would_write_it(seed_text, seed_gold):
    article = article_from_document(json.loads(seed_gold.read_text()), seed_text.read_text())
    graph = article_graph(article, IriScheme(), method="add", time=TIME)
    text = graph.nquads()
    assert rewritten(text) == text
    assert {quad.graph_name for quad in graph.quads} == {ox.NamedNode(graph.graph)}
    assert graph.triples == [quad.triple for quad in graph.quads]


@pytest.mark.parametrize("base", ["https://example.org/id#", "urn:x#y:", "https://example.org/%zz/", "https://exa mple.org/"])
def test_a_base_the_minted_iris_could_not_live_under_is_refused(base):
    with pytest.raises(InvalidInput, match="base IRI"):
        IriScheme(base)


def test_a_lone_surrogate_is_refused_as_input_not_raised_as_an_encoding_error():
    article = awkward_article(delegate="ein \ud800 Delegierter")
    with pytest.raises(InvalidInput, match="lone surrogate"):
        article_graph(article, IriScheme(), method="add", time=TIME)


def test_docstring_examples():
    import doctest

    from provenance.rdf import mapping

    result = doctest.testmod(mapping)
    assert result.attempted >= 2 and result.failed == 0
