"""The claims the desk's corrections change, judged by a filter on their corrected records.

The store answers a filter from what the extractor wrote: the hops of each article graph and each
claim's search words. A correction that sets a chain, or adds a claim, lives in a graph of its own,
so those answers miss the claim a correction routed through Reuters and keep the one it routed away
from it. The claims corrections touch are few (a desk's handful): their corrected records are read
and each criterion is checked on them here, and they replace what the store said of them.
Source identities (merges, aliases) widen a source to its whole group, and a kind an identity sets
is a corrected kind: the claims through such a source are judged here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode

from provenance.errors import NotFound
from provenance.model.filters import VERDICT_CLASSES, ClaimFilter, instant_text
from provenance.model.records import ClaimRecord
from provenance.model.search_words import fold, query_forms, search_words

THROUGH = "SELECT DISTINCT ?claim WHERE { ?hop prov:wasAttributedTo ?source ; cp:statementOf ?claim }"


@dataclass(frozen=True)
class Corrected:
    """What the corrections change for a filter: the claims to judge here, and each source criterion's IRIs."""

    claims: frozenset[str]
    sources: frozenset[str] | None
    origins: frozenset[str] | None


def corrected_view(store):
    from provenance.rdf.corrected import view

    return view(store)


def affected(store, wanted: ClaimFilter, source_iris) -> Corrected | None:
    """The claims whose corrected records decide ``wanted`` (None: the corrections change nothing it asks).

    ``source_iris(reference)`` gives the stored IRIs a source reference names (raising NotFound);
    a source only corrections name is found by its name on the corrected records.
    """
    if not (wanted.search or wanted.source or wanted.origin or wanted.kind):
        return None
    view = corrected_view(store)
    if not view:
        return None
    claims = set(view.on_claim) | set(view.standalone)
    identities = view.identities
    if identities and wanted.kind is not None:
        kinds_set = [iri for iri in identities.kinds if identities.kinds.get(iri)]
        members = sorted({member for iri in kinds_set for member in identities.members(iri)})
        if members:
            claims |= {row["claim"].value for row in store.select(THROUGH, {"source": [NamedNode(iri) for iri in members]})}
    records = _records(store, claims)
    sources = origins = None
    if wanted.source is not None:
        sources = frozenset(_source_set(wanted.source, source_iris, identities, records))
    if wanted.origin is not None:
        origins = frozenset(_source_set(wanted.origin, source_iris, identities, records))
    if not claims:
        return Corrected(frozenset(), sources, origins)
    return Corrected(frozenset(claims), sources, origins)


def _records(store, claims: set[str]) -> list[ClaimRecord]:
    from provenance.rdf import queries

    return queries.records_of_claims(store, sorted(claims)) if claims else []


def _source_set(reference: str, source_iris, identities, records: list[ClaimRecord]) -> set[str]:
    """The IRIs ``reference`` names, each widened to its identity group (stored, or named on corrected records)."""
    try:
        found = set(source_iris(reference))
    except NotFound:
        found = set()
    wanted = fold(" ".join(reference.split()))
    found |= {source.iri for record in records for source in record.chain if fold(source.name) == wanted}
    if not found:
        raise NotFound(f"no source called {reference!r} in the store; 'provenance sources' lists them")
    if identities:
        found |= {member for iri in list(found) for member in identities.members(iri)}
    return found


def admitted(store, wanted: ClaimFilter, corrected: Corrected, reviewed: dict[str, set[str]]) -> list[tuple[str, str, int]]:
    """``(claim IRI, article id, start)`` of the claims in ``corrected.claims`` whose corrected records
    meet every store-side criterion of ``wanted``, in listing order."""
    if not corrected.claims:
        return []
    view = corrected_view(store)
    chosen = []
    forms = query_forms(wanted.search) if wanted.search is not None else None
    for record in _records(store, set(corrected.claims)):
        if record.withdrawn:
            continue
        if wanted.article is not None and record.article.id != wanted.article:
            continue
        if forms is not None:
            words = search_words(record.text, also=[source.name for source in record.chain])
            if not all(words & set(word_forms) for word_forms in forms):
                continue
        if corrected.sources is not None and not any(_in(source.iri, corrected.sources, view) for source in record.chain):
            continue
        if corrected.origins is not None and not (record.chain and _in(record.chain[0].iri, corrected.origins, view)):
            continue
        if wanted.kind is not None and not any(source.kind == wanted.kind for source in record.chain):
            continue
        if wanted.verdict == "none" and record.iri in reviewed:
            continue
        if wanted.verdict not in (None, "none") and not reviewed.get(record.iri, set()) & VERDICT_CLASSES[wanted.verdict]:
            continue
        if (wanted.since is not None or wanted.before is not None) and not _stored_within(store, view, record, wanted):
            continue
        chosen.append((record.iri, record.article.id, record.start if record.start is not None else -1))
    return sorted(chosen, key=lambda row: (row[1], row[2], row[0]))


def _in(iri: str, iris: frozenset[str], view) -> bool:
    return iri in iris or (bool(view.identities) and view.identities.canonical(iri) in iris)


STORED = """SELECT ?claim ?written ?first WHERE {
  ?claim prov:wasGeneratedBy ?activity . ?activity prov:startedAtTime ?written .
  OPTIONAL { ?claim cp:firstStored ?first } }"""


def _stored_within(store, view, record: ClaimRecord, wanted: ClaimFilter) -> bool:
    """Whether the claim was first stored in the filter's time (a claim a correction made: when it was made)."""
    placement = view.standalone.get(record.iri)
    if placement is not None:
        stored = placement.correction.time
    else:
        rows = store.select(STORED, {"claim": NamedNode(record.iri)})
        if not rows:
            return False
        stored = min((row.get("first") or row["written"]).value for row in rows)
    if wanted.since is not None and stored < instant_text(wanted.since):
        return False
    return not (wanted.before is not None and stored >= instant_text(wanted.before))
