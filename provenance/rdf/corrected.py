"""The corrected view of a store: where each correction applies now, and the hooks every reader goes through.

Readers of claims (:mod:`provenance.rdf.queries`, :mod:`provenance.rdf.analysis_queries`) and of
ratings (:mod:`provenance.rdf.ratings`) pass what they read through :func:`view` once, so that
``claims``, ``trace``, ``report``, ``sources``, ``graph``, the HTML report and every export show
the same corrected reading. A store wrapped in :class:`AsExtracted` shows the machine's reading.

Placing a correction: while its article is stored as it was when the correction was made (same
content hash), it applies to the claim it was made on. After the article was stored anew (the same
file again, a newer extractor, a changed text), its anchor is looked up in the article's text
(:func:`provenance.model.corrections.locate_all`) and the claim read there now takes it
(:func:`provenance.model.corrections.matching_claim`); a correction that set a chain keeps its
claim when the extractor reads none there any more. A correction whose words are gone is orphaned:
listed by ``provenance corrections --orphaned``, applied nowhere, never dropped.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pyoxigraph import Literal, NamedNode

from provenance.model.corrected import CorrectedView, Placement
from provenance.model.identities import Identities
from provenance.model.records import ArticleRef, ClaimRecord

if TYPE_CHECKING:  # the corrections' module is loaded where a store has corrections (_build, place)
    from provenance.model.corrections import Correction

EMPTY = CorrectedView()


class AsExtracted:
    """A store as the machine read it: every reader that gets it shows no correction and no identity."""

    as_extracted = True

    def __init__(self, store) -> None:
        self._store = store

    def __getattr__(self, name):
        return getattr(self._store, name)


ACTIVITIES = "SELECT ?activity WHERE { ?activity a ?type . VALUES ?type { cp:Correction cp:SourceIdentity cp:Undo } }"
RATING_COUNT = "SELECT (COUNT(?rating) AS ?n) WHERE { ?rating a schema:Rating ; cp:reliability ?letter }"
#: The last view built for a store, with what it was built from (see :func:`view`).
_built: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def view(store) -> CorrectedView:
    """The corrected view of ``store`` (empty for a store without corrections, or :class:`AsExtracted`).

    A trace asks for it several times, so it is kept and built again only when the store may have
    changed: on the embedded store after a write through the same object (``writes``: no other
    process writes to a store that is open); on a server, which others write to, when what it is
    built from changed: the corrections, identities and undos (one look-up lists them), the stored
    versions of the corrected articles and the ratings (a merged source's letter is its newest).
    """
    if getattr(store, "as_extracted", False):
        return EMPTY
    held = _built.get(store) if _weakly_held(store) else None
    writes = getattr(store, "writes", None)
    if held is not None and writes is not None and held[0] == ("writes", writes):
        return held[-1]
    activities = frozenset(row["activity"].value for row in store.select(ACTIVITIES))
    if not activities:
        built = EMPTY
        articles: list[str] = []
    else:
        from provenance.rdf import queries

        if held is not None and writes is None and held[0] == activities:
            _, articles, hashes, ratings, built = held
            if queries.stored_hashes(store, articles) == hashes and _rating_count(store) == ratings:
                return built
        built = _build(store)
        articles = sorted({placement.correction.article for placement in built.placements})
    if _weakly_held(store):
        if writes is not None:
            _built[store] = (("writes", writes), built)
        elif built is not EMPTY:
            from provenance.rdf import queries

            _built[store] = (activities, articles, queries.stored_hashes(store, articles), _rating_count(store), built)
    return built


def _build(store) -> CorrectedView:
    from provenance.rdf import corrections as stored

    corrections = [correction for correction in stored.load_corrections(store) if correction.undone is None]
    identities = Identities(stored.load_identity_acts(store))
    placements = place(store, corrections)
    reliability = _reliability(store, identities) if identities or corrections else None
    standalone = {p.correction.article for p in placements if p.standalone}
    return CorrectedView(placements, identities, reliability=reliability, articles=_article_refs(store, standalone))


def _weakly_held(store) -> bool:
    try:
        weakref.ref(store)
    except TypeError:
        return False
    return True


def _rating_count(store) -> int:
    rows = store.select(RATING_COUNT)
    return int(rows[0]["n"].value) if rows else 0


PRESENT = "SELECT ?claim WHERE { ?claim a schema:Claim ; schema:isPartOf ?article }"
SPANS_OF_ARTICLE = """
SELECT ?claim ?index ?start ?end WHERE {
  ?claim schema:isPartOf ?article .
  ?annotation oa:hasBody ?claim ; oa:hasTarget ?target .
  ?target cp:spanIndex ?index ; oa:hasSelector ?selector .
  ?selector oa:start ?start ; oa:end ?end .
}
"""


def place(store, corrections: Sequence[Correction]) -> list[Placement]:
    """Where each correction (in force) applies now; see the module's docstring."""
    from provenance.model.corrections import locate_all, matching_claim
    from provenance.rdf import queries

    if not corrections:
        return []
    hashes = queries.stored_hashes(store, sorted({c.article for c in corrections}))
    targets = sorted({c.claim for c in corrections})
    present = {row["claim"].value for row in store.select(PRESENT, {"claim": [NamedNode(iri) for iri in targets]})}
    texts: dict[str, str] = {}
    spans: dict[str, dict[str, list]] = {}
    placements = []
    standalone: set[str] = set()
    redirect: dict[str, str] = {}
    for correction in sorted(corrections, key=lambda c: (c.time, c.id)):
        article = correction.article
        claim = redirect.get(correction.claim, correction.claim)
        if article not in hashes:
            placements.append(Placement(correction, None, reason="its article is no longer stored"))
            continue
        if hashes[article] == correction.article_hash:
            if correction.added and claim == correction.claim:
                standalone.add(claim)
                placements.append(Placement(correction, claim, correction.spans, standalone=True))
            elif claim in present or claim in standalone:
                placements.append(Placement(correction, claim, correction.spans))
            else:
                placements.append(Placement(correction, None, reason="its claim is no longer stored"))
            continue
        if not correction.added and claim in standalone:
            placements.append(Placement(correction, claim))
            continue
        if article not in texts:
            texts[article] = queries.article_text(store, article)
            spans[article] = _claim_spans(store, article)
        located = locate_all(correction.anchors, texts[article])
        if located is None:
            placements.append(Placement(correction, None, reason="its words are no longer in the article"))
            continue
        if claim in present:
            placements.append(Placement(correction, claim, located))
            continue
        match = matching_claim(located, spans[article].items())
        if match is not None:
            redirect[correction.claim] = match
            placements.append(Placement(correction, match, located))
        elif correction.added or correction.chain is not None:
            standalone.add(claim)
            placements.append(Placement(correction, claim, located, standalone=True))
        elif correction.withdrawn:
            placements.append(Placement(correction, None, located, reason="no claim is read there any more; nothing to withdraw"))
        else:
            placements.append(Placement(correction, None, located, reason="no claim is read at its words any more"))
    return placements


def _claim_spans(store, article: str) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for row in store.select(SPANS_OF_ARTICLE, {"article": NamedNode(article)}):
        spans[row["claim"].value][int(row["index"].value)] = (int(row["start"].value), int(row["end"].value))
    return {claim: [span for _, span in sorted(found.items())] for claim, found in spans.items()}


def _reliability(store, identities: Identities):
    """Source IRI -> the letter in force for its group: the newest rating of any of its IRIs."""
    from provenance.rdf.ratings import _instant, ratings

    in_force = [assessment for assessment in ratings(store, names=False) if assessment.in_force]
    if not in_force:
        return lambda iri: None
    by_root: dict[str, tuple] = {}
    for assessment in in_force:
        root = identities.canonical(assessment.source)
        key = (_instant(assessment.time), assessment.iri)
        if root not in by_root or key > by_root[root][0]:
            by_root[root] = (key, assessment.reliability)

    def reliability(iri: str) -> str | None:
        found = by_root.get(identities.canonical(iri))
        return None if found is None else found[1]
    return reliability


ARTICLE_REFS = """
SELECT ?article ?doc ?publisher ?publisherName WHERE {
  ?article schema:identifier ?doc .
  OPTIONAL { GRAPH ?home { ?article schema:publisher ?publisher . ?publisher schema:name ?publisherName } }
}
"""


def _article_refs(store, articles: set[str]) -> dict[str, ArticleRef]:
    if not articles:
        return {}
    rows = store.select(ARTICLE_REFS, {"article": [NamedNode(iri) for iri in sorted(articles)]})
    return {row["article"].value: ArticleRef(
        iri=row["article"].value, id=row["doc"].value,
        publisher=row["publisherName"].value if "publisherName" in row else None,
        publisher_iri=row["publisher"].value if "publisher" in row else None) for row in rows}


# ------------------------------------------------------------------------------------------------
# hooks for the readers


def mark_rows(store, iri: str, rows: list[dict]) -> list[dict]:
    """A claim's span and hop-mention rows (:func:`provenance.rdf.queries.claim_mark_rows`) as corrected:
    the spans of a claim a correction makes, the mentions of a corrected chain's hops."""
    corrected = view(store)
    if not corrected:
        return rows
    made = corrected.standalone.get(iri)
    corrections = corrected.on_claim.get(iri, [])
    chosen = next((c for c in reversed(corrections) if c.chain is not None), None)
    if made is not None:
        spans = made.spans or made.correction.spans
        rows = [_row("span", index, start, end) for index, (start, end) in enumerate(spans)]
        chosen = chosen or (made.correction if made.correction.chain is not None else None)
    if chosen is not None:
        from provenance.rdf import queries

        text = queries.article_text(store, chosen.article)
        rows = [row for row in rows if row["part"].value == "span"]
        rows += [_row("hop", index, hop.start, hop.end, text[hop.start:hop.end])
                 for index, hop in enumerate(chosen.chain or ()) if hop.start is not None and hop.end is not None]
    return rows


def _row(part: str, index: int, start: int, end: int, mention: str | None = None) -> dict:
    row = {"part": Literal(part), "index": Literal(str(index)), "start": Literal(str(start)), "end": Literal(str(end))}
    if mention is not None:
        row["mention"] = Literal(mention)
    return row


def made_claims(store, reference: str) -> list[str]:
    """The claims corrections make (added, or kept by their corrected chain) that ``reference`` names:
    by IRI, id prefix or text fragment, as :func:`provenance.rdf.queries.resolve_claim` takes them."""
    corrected = view(store)
    if not corrected.standalone:
        return []
    reference = reference.strip()
    folded = reference.casefold()
    return sorted(
        iri for iri, placement in corrected.standalone.items()
        if iri == reference or iri.rsplit("/", 1)[-1].startswith(reference) or folded in placement.correction.text.casefold()
    )


def made_candidates(store, text: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(claim IRI, text)`` of the attributed claims corrections make that share a same-claim key with
    ``text`` and are not in ``found``: they have no keys stored, so that a trace finds them too."""
    corrected = view(store)
    if not corrected.standalone:
        return []
    from provenance.model.wording import same_claim_keys

    keys = set(same_claim_keys(text))
    known = {iri for iri, _ in found}
    return [(iri, placement.correction.text) for iri, placement in sorted(corrected.standalone.items())
            if iri not in known and placement.correction.chain and keys & set(same_claim_keys(placement.correction.text))]


def corrected_records(store, records: list[ClaimRecord], **options) -> list[ClaimRecord]:
    """``records`` through the corrected view (:meth:`CorrectedView.records`)."""
    corrected = view(store)
    if not corrected:
        return records
    return corrected.records(records, **options)


def ratings_in_force(store, in_force: dict) -> dict:
    """Source IRI -> rating in force (:class:`provenance.rdf.ratings.Assessment`), with merged sources as one:
    the newest rating of any of a group's IRIs, under the IRI standing for the group, with its name."""
    if not in_force or getattr(store, "as_extracted", False):
        return in_force
    from dataclasses import replace

    from provenance.rdf.ratings import _instant

    known = view(store).identities
    if not known:
        return in_force
    grouped: dict[str, object] = {}
    for iri, assessment in in_force.items():
        root = known.canonical(iri)
        if root != iri or known.touched(iri):
            assessment = replace(assessment, source=root, source_name=known.name(root) or assessment.source_name)
        held = grouped.get(root)
        if held is None or (_instant(assessment.time), assessment.iri) > (_instant(held.time), held.iri):
            grouped[root] = assessment
    return grouped


def corrected_evidence(store, evidence: list, claims: dict[str, str], truths: dict[str, float | None]) -> list:
    """The verdicts' evidence on sources (:func:`provenance.rdf.ratings.source_evidence`) along the corrected
    chains: a withdrawn claim's verdict bears on no source, a merged source gets its members' evidence."""
    corrected = view(store)
    if not corrected:
        return evidence
    from provenance.rdf import queries
    from provenance.rdf.ratings import SourceEvidence

    reviewed = sorted({claim for review, claim in claims.items() if truths.get(review) is not None})
    records = {record.iri: record for record in queries.records_of_claims(store, reviewed)}
    found = []
    for review, claim in sorted(claims.items()):
        truth = truths.get(review)
        record = records.get(claim)
        if truth is None or record is None or record.withdrawn:
            continue
        seen = set()
        for position, source in enumerate(record.chain):
            if source.iri not in seen:
                seen.add(source.iri)
                found.append(SourceEvidence(source=source.iri, source_name=source.name, claim=claim, review=review,
                                            position=position, truth=truth))
    return found
