"""rdflib as the Python face of the RDF, pyoxigraph staying the engine.

- :func:`dataset`: the store as an ``rdflib.Dataset`` over the very pyoxigraph store the tool
  writes (oxrdflib's rdflib Store), not a copy: a write through either side is seen by the other
  at once, rdflib's ``query`` is evaluated by pyoxigraph, and pySHACL or any rdflib code reads it.
- :func:`chain_graph`: one claim's chain (the claim, every hop, the sources and whom they act for)
  as a small ``rdflib.Graph``.
- :func:`rdflib_input`: what rdflib reads and pyoxigraph does not (an rdflib Graph or Dataset in
  memory, N3, TriX, HexTuples) turned into N-Quads for the importer. rdflib 7 has no RDFa or
  microdata parser any more, so HTML is not among them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
import rdflib
from oxrdflib import OxigraphStore

from provenance.errors import InvalidInput
from provenance.rdf.vocab import PREFIXES
from provenance.storage.base import RDFLIB_FORMATS

CHAIN = """
CONSTRUCT { ?node ?p ?o } WHERE {
  {
    ?claim (prov:hadPrimarySource|prov:wasDerivedFrom|prov:wasQuotedFrom)* ?node .
  } UNION {
    ?claim (prov:hadPrimarySource|prov:wasDerivedFrom|prov:wasQuotedFrom)*/prov:wasAttributedTo/prov:actedOnBehalfOf* ?node .
  }
  ?node ?p ?o .
}
"""


def dataset(store) -> rdflib.Dataset:
    """The store as an rdflib Dataset with the union of its graphs as default graph, without copying it.

    Raises InvalidInput for a SPARQL endpoint store: rdflib reaches one with its own SPARQLStore.
    """
    oxigraph = getattr(store, "oxigraph", None)
    if oxigraph is None:
        raise InvalidInput(f"{store.location} is a SPARQL endpoint; an rdflib Dataset is made over an embedded store "
                           "(open it with rdflib's SPARQLStore instead)")
    view = rdflib.Dataset(store=OxigraphStore(store=oxigraph), default_union=True)
    _bind(view)
    return view


def to_graph(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    """pyoxigraph triples as an rdflib Graph (through N-Triples, which both write and read exactly)."""
    graph = rdflib.Graph()
    _bind(graph)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data, format="nt")
    return graph


def chain_graph(store, claim_iri: str) -> rdflib.Graph:
    """The triples of one claim's chain: the claim, its hops back to the origin, their sources and affiliations."""
    return to_graph(store.construct(CHAIN, {"claim": ox.NamedNode(claim_iri)}))


def rdflib_input(source, format: str | None = None) -> tuple[bytes, str]:
    """An rdflib Graph or Dataset, or data in a format only rdflib reads, as ``(N-Quads or N-Triples, format)``.

    A Dataset keeps its named graphs (N-Quads); a Graph becomes N-Triples, which the importer
    splits by article as it splits a Turtle export.
    """
    if isinstance(source, (bytes, str)):
        if format not in RDFLIB_FORMATS:
            raise InvalidInput(f"unknown rdflib format {format!r}: use one of {', '.join(RDFLIB_FORMATS)}")
        graph = rdflib.Dataset() if RDFLIB_FORMATS[format] else rdflib.Graph()
        try:
            graph.parse(data=source, format=format)
        except Exception as error:  # rdflib's parsers raise many types (SyntaxError, BadSyntax, SAXParseException, ...)
            raise InvalidInput(f"malformed {format} input: {str(error).splitlines()[0] if str(error) else type(error).__name__}") from None
        source = graph
    if isinstance(source, (rdflib.Dataset, rdflib.ConjunctiveGraph)):
        return source.serialize(format="nquads", encoding="utf-8"), "nquads"
    if isinstance(source, rdflib.Graph):
        return source.serialize(format="nt", encoding="utf-8"), "ntriples"
    raise InvalidInput(f"cannot import a {type(source).__name__}: give an rdflib Graph or Dataset, or a file")


def _bind(graph: rdflib.Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, rdflib.Namespace(namespace), override=True, replace=True)
