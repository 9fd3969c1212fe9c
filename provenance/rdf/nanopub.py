"""Nanopublications: one per attributed claim, written as TriG, unsigned.

A nanopublication (https://nanopub.net/guidelines/working_draft/) is four named graphs: a head
that names the other three, the *assertion* (here the claim and its chain: the claim, each hop back
to the origin, the sources and whom they act for), its *provenance* (the assertion was generated
by the activity that extracted or added the claim, from the article) and *pubinfo* (when, by which
tool, under which licence the nanopublication was made). The assertion says who said what
through whom, as the store does; it never asserts the claim's content.

Signing needs the publisher's key and a trusty URI: that is the nanopub tools' job (``np sign``),
so the IRIs here are plain ones under the store's base, stable across exports.
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from provenance import __version__
from provenance.rdf import vocab as v
from provenance.rdf.iris import IriScheme
from provenance.rdf.rdflib_view import CHAIN
from provenance.rdf.timestamps import now

NP = "http://www.nanopub.org/nschema#"
NPX = "http://purl.org/nanopub/x/"
DCT = "http://purl.org/dc/terms/"
DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
PREFIXES = {**v.PREFIXES, "np": NP, "npx": NPX, "dct": DCT}

CLAIMS = """
SELECT ?claim ?activity ?article WHERE {
  ?claim a schema:Claim ; prov:hadPrimarySource ?origin ; prov:wasGeneratedBy ?activity ; schema:isPartOf ?article .
} ORDER BY ?claim
"""
ACTIVITY = """
CONSTRUCT { ?activity ?p ?o . ?agent ?q ?r } WHERE {
  ?activity ?p ?o .
  OPTIONAL { ?activity prov:wasAssociatedWith ?agent . ?agent ?q ?r }
}
"""
# Caches the store keeps for its own reads, not statements anyone made.
INTERNAL = {v.CP + "chainSummary", v.CP + "sameClaimKey", v.CP + "corpusSummary"}


def nanopub_quads(store, scheme: IriScheme, *, time: str | None = None,
                  licence: str = DEFAULT_LICENCE) -> list[ox.Quad]:
    """The quads of one nanopublication per attributed claim, in claim order.

    One CONSTRUCT per claim: fine for a desk's store; a million claims would want one wide query.
    """
    time = time or now()
    tool = ox.NamedNode(f"{scheme.base}agent/claim-provenance/{__version__}")
    quads: list[ox.Quad] = []
    for row in store.select(CLAIMS):
        claim, activity, article = row["claim"], row["activity"], row["article"]
        publication = ox.NamedNode(f"{scheme.base}np/{claim.value.rsplit('/', 1)[-1]}")
        head, assertion, provenance, pubinfo = (ox.NamedNode(f"{publication.value}#{part}")
                                                for part in ("Head", "assertion", "provenance", "pubinfo"))
        n = ox.NamedNode
        quads += [
            ox.Quad(publication, v.RDF_TYPE, n(NP + "Nanopublication"), head),
            ox.Quad(publication, n(NP + "hasAssertion"), assertion, head),
            ox.Quad(publication, n(NP + "hasProvenance"), provenance, head),
            ox.Quad(publication, n(NP + "hasPublicationInfo"), pubinfo, head),
        ]
        quads += [ox.Quad(t.subject, t.predicate, t.object, assertion)
                  for t in store.construct(CHAIN, {"claim": claim}) if t.predicate.value not in INTERNAL]
        quads += [
            ox.Quad(assertion, n(v.PROV + "wasGeneratedBy"), activity, provenance),
            ox.Quad(assertion, n(v.PROV + "wasDerivedFrom"), article, provenance),
        ]
        quads += [ox.Quad(t.subject, t.predicate, t.object, provenance)
                  for t in store.construct(ACTIVITY, {"activity": activity})]
        quads += [
            ox.Quad(publication, n(DCT + "created"), ox.Literal(time, datatype=n(v.XSD + "dateTime")), pubinfo),
            ox.Quad(publication, n(DCT + "license"), n(licence), pubinfo),
            ox.Quad(publication, n(v.PROV + "wasAttributedTo"), tool, pubinfo),
            ox.Quad(tool, v.RDF_TYPE, n(v.PROV + "SoftwareAgent"), pubinfo),
            ox.Quad(tool, n(v.SCHEMA + "name"), ox.Literal("claim-provenance"), pubinfo),
            ox.Quad(tool, n(v.SCHEMA + "softwareVersion"), ox.Literal(__version__), pubinfo),
        ]
    return quads


def write_nanopubs(store, output: BinaryIO, scheme: IriScheme | None = None, **options) -> None:
    """Write one nanopublication per attributed claim to ``output`` as TriG."""
    quads = list(dict.fromkeys(nanopub_quads(store, scheme or IriScheme(), **options)))
    ox.serialize(quads, output, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
