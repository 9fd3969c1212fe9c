"""When what is stored was first stored, across the replacement of an article by a new version.

An article's graph is replaced whole, and its new ingest activity carries the time of the
replacement; without more, an article stored last week and corrected today would look new, and so
would every claim it still makes. So the replacing write adds ``cp:firstStored`` (the first time)
to the article and to each claim that the old version made too (a claim's IRI is its article, spans
and text); claims the new version adds have only their activity's time. Readers take
``cp:firstStored`` where present, else the activity's ``prov:startedAtTime``.
"""

from __future__ import annotations

import pyoxigraph as ox
from pyoxigraph import NamedNode

from provenance.rdf import vocab as v
from provenance.rdf.mapping import ArticleGraph

CP_FIRST_STORED = NamedNode(v.CP + "firstStored")
_DATETIME = NamedNode(v.XSD + "dateTime")

# Within the old graph: each claim's (and the article's) first time.
STORED_TIMES = """
SELECT ?subject ?written ?first ?g WHERE {
  GRAPH ?g {
    { ?subject a schema:Claim ; prov:wasGeneratedBy ?activity . }
    UNION
    { ?activity prov:used ?subject . ?subject a schema:NewsArticle . }
    ?activity prov:startedAtTime ?written .
    OPTIONAL { ?subject cp:firstStored ?first }
  }
}
"""


def first_stored_times(store, graph: str) -> dict[str, str]:
    """Subject IRI -> the time it was first stored, for the article and the claims of the stored ``graph``."""
    times: dict[str, str] = {}
    for row in store.select(STORED_TIMES, {"g": NamedNode(graph)}):
        first = row.get("first") or row["written"]
        subject = row["subject"].value
        if subject not in times or first.value < times[subject]:
            times[subject] = first.value
    return times


def carried_over(store, graph: ArticleGraph) -> list[ox.Quad]:
    """The ``cp:firstStored`` quads for the new version ``graph`` of a stored article: its article's and its kept claims'."""
    times = first_stored_times(store, graph.graph)
    if not times:
        return []
    name = NamedNode(graph.graph)
    kept = {graph.article} | {str(quad.subject.value) for quad in graph.quads
                              if quad.predicate == v.RDF_TYPE and quad.object == v.SCHEMA_CLAIM}
    return [ox.Quad(NamedNode(subject), CP_FIRST_STORED, ox.Literal(time, datatype=_DATETIME), name)
            for subject, time in sorted(times.items()) if subject in kept]


ARTICLE_TIMES = """
SELECT ?article ?doc ?written ?first WHERE {
  ?activity prov:used ?article ; prov:startedAtTime ?written .
  ?article a schema:NewsArticle ; schema:identifier ?doc .
  OPTIONAL { ?article cp:firstStored ?first }
}
"""
CLAIM_FIRST_STORED = "SELECT ?claim ?article ?first WHERE { ?claim schema:isPartOf ?article ; cp:firstStored ?first }"
CLAIMS_OF = "SELECT ?claim ?article WHERE { ?claim a schema:Claim ; schema:isPartOf ?article }"


def article_times(store) -> dict[str, tuple[str, str, str]]:
    """Article IRI -> (id, when its stored version was written, when it was first stored), as xsd:dateTime text."""
    found: dict[str, tuple[str, str, str]] = {}
    for row in store.select(ARTICLE_TIMES):
        written = row["written"].value
        first = row["first"].value if "first" in row else written
        iri = row["article"].value
        if iri not in found or written > found[iri][1]:
            found[iri] = (row["doc"].value, written, first)
    return found


def claims_first_stored(store, articles: list[str]) -> dict[str, str | None]:
    """Claim IRI -> when it was first stored if before its article's stored version (None: with that version), for the claims of ``articles``."""
    if not articles:
        return {}
    bound = {"article": [NamedNode(iri) for iri in articles]}
    claims: dict[str, str | None] = {row["claim"].value: None for row in store.select(CLAIMS_OF, bound)}
    for row in store.select(CLAIM_FIRST_STORED, bound):
        claims[row["claim"].value] = row["first"].value
    return claims
