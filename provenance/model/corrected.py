"""The corrected view: claim records as the desk's corrections and source identities say they are.

Readers read the machine's reading from the store and pass it through :meth:`CorrectedView.records`
once; the view is built by :func:`provenance.rdf.corrected.view` from the corrections that still
find their claim (see there). Everything here is plain data in, plain data out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from provenance.model.identities import Identities
from provenance.model.records import ArticleRef, ClaimRecord, SourceRef

if TYPE_CHECKING:  # a view without corrections (every store's, until the desk corrects) never needs the module
    from provenance.model.corrections import CorrectedHop, Correction


@dataclass(frozen=True)
class Placement:
    """Where a correction applies now: to ``claim`` (None: nowhere), at ``spans``; ``reason`` says why nowhere.

    ``standalone`` marks a correction that makes its claim itself: one that adds a claim, or that
    set the chain of a claim the extractor no longer reads while its words are still there.
    """

    correction: Correction
    claim: str | None
    spans: tuple[tuple[int, int], ...] | None = None
    standalone: bool = False
    reason: str | None = None


class CorrectedView:
    """Applies corrections (placed) and identities to records; empty, it gives records back as they are."""

    def __init__(self, placements: Sequence[Placement] = (), identities: Identities | None = None, *,
                 reliability: Callable[[str], str | None] | None = None,
                 articles: Mapping[str, ArticleRef] | None = None) -> None:
        self.placements = list(placements)
        self.identities = identities or Identities(())
        self.reliability = reliability or (lambda iri: None)
        self.articles = dict(articles or {})
        self.on_claim: dict[str, list[Correction]] = {}
        self.standalone: dict[str, Placement] = {}
        for placement in sorted(self.placements, key=lambda p: (p.correction.time, p.correction.id)):
            if placement.claim is None:
                continue
            if placement.standalone and placement.claim not in self.standalone:
                self.standalone[placement.claim] = placement
            else:
                self.on_claim.setdefault(placement.claim, []).append(placement.correction)
        #: The IRIs identities say something of: a record naming none of them is as it was read.
        self._touched = set(self.identities.parent) | set(self.identities.names) | set(self.identities.kinds)
        self._sources: dict[SourceRef, SourceRef] = {}
        self._articles: dict[ArticleRef, ArticleRef] = {}

    def __bool__(self) -> bool:
        return bool(self.placements) or bool(self.identities)

    # sources ---------------------------------------------------------------------------------

    def source(self, ref: SourceRef) -> SourceRef:
        """The source as identities say: merged sources become one (IRI, name, kind, newest rating)."""
        found = self._sources.get(ref)
        if found is None:
            identities = self.identities
            if not identities or not identities.touched(ref.iri):
                found = ref
            else:
                root = identities.canonical(ref.iri)
                found = SourceRef(iri=root, name=identities.name(root) or ref.name, kind=identities.kind(root) or ref.kind,
                                  reliability=self.reliability(root), affiliation=ref.affiliation)
            self._sources[ref] = found
        return found

    def hop_source(self, hop: CorrectedHop) -> SourceRef:
        return self.source(SourceRef(iri=hop.iri, name=hop.name, kind=hop.kind, reliability=self.reliability(hop.iri)))

    def article(self, ref: ArticleRef) -> ArticleRef:
        """The article with its publisher as identities say."""
        if ref.publisher_iri is None or not self.identities:
            return ref
        found = self._articles.get(ref)
        if found is None:
            publisher = self.source(SourceRef(iri=ref.publisher_iri, name=ref.publisher or "", kind="media-outlet"))
            found = ref if publisher.iri == ref.publisher_iri and publisher.name == (ref.publisher or "") else replace(
                ref, publisher_iri=publisher.iri, publisher=publisher.name)
            self._articles[ref] = found
        # The one found for an equal article read before is not this record's own object: keep its own when unchanged.
        return ref if found == ref else found

    # claims ----------------------------------------------------------------------------------

    def record(self, record: ClaimRecord, *, seen: dict[int, object] | None = None) -> ClaimRecord:
        """One record with its corrections applied and its sources as identities say.

        ``seen`` keeps, by object, the sources and articles already looked at while records that share
        them are corrected (a corpus read shares one object per source and article): the look-up by
        equality hashes every field, a third of the time of a corpus's correction (10k claims).
        """
        corrections = self.on_claim.get(record.iri, ())
        if not corrections:
            touched = self._touched
            if not touched or (record.article.publisher_iri not in touched
                               and not any([source.iri in touched for source in record.chain])):
                return record
        if seen is None:
            seen = {}
        chain, mode, hedged, withdrawn = record.chain, record.mode, record.hedged, record.withdrawn
        applied = list(record.corrections)
        for correction in corrections:
            if any(done.id == correction.id for done in applied):
                continue
            if correction.hop is not None and correction.hop_source is not None:
                position = _hop_position(chain, correction)
                if position is None:
                    continue
                chain = chain[:position] + (self.hop_source(correction.hop_source),) + chain[position + 1:]
            if correction.chain is not None:
                chain = tuple(self.hop_source(hop) for hop in correction.chain)
            if correction.mode is not None:
                mode = correction.mode
            if correction.hedged is not None:
                hedged = correction.hedged
            withdrawn = withdrawn or correction.withdrawn
            applied.append(correction)
        if chain and mode == "unattributed":
            mode = "indirect"
        chain = _without_repeats(tuple([self._seen(seen, source, self.source) for source in chain]))
        article = self._seen(seen, record.article, self.article)
        if (chain == record.chain and mode == record.mode and hedged == record.hedged and withdrawn == record.withdrawn
                and len(applied) == len(record.corrections) and article is record.article):
            return record
        return replace(record, chain=chain, mode=mode, hedged=hedged, withdrawn=withdrawn, corrections=tuple(applied),
                       article=article)

    @staticmethod
    def _seen(seen: dict[int, object], item, find):
        found = seen.get(id(item))
        if found is None:
            found = seen[id(item)] = find(item)
        return found

    def made(self, iri: str, article: ArticleRef | None = None) -> ClaimRecord | None:
        """The record of a claim a correction makes (added, or kept by its corrected chain), corrected further."""
        placement = self.standalone.get(iri)
        if placement is None:
            return None
        correction = placement.correction
        spans = placement.spans or correction.spans
        article = article or self.articles.get(correction.article) or ArticleRef(iri=correction.article, id=correction.article_id)
        chain = tuple(self.hop_source(hop) for hop in correction.chain or ())
        mode = correction.mode or correction.replaced_mode or ("indirect" if chain else "unattributed")
        hedged = correction.hedged if correction.hedged is not None else bool(correction.replaced_hedged)
        base = ClaimRecord(iri=iri, article=article, text=correction.text, mode=mode, hedged=hedged, chain=chain,
                           start=spans[0][0] if spans else None, corrections=(correction,))
        return self.record(base)

    def records(self, records: Iterable[ClaimRecord], *, articles: Iterable[str] | None = None,
                claims: Iterable[str] | None = None, keep_withdrawn: bool = False,
                order: Callable[[ClaimRecord], object] | None = None) -> list[ClaimRecord]:
        """The corrected records; the claims corrections make are added for ``articles`` (IRIs; None: every
        article) or, when ``claims`` names IRIs, for those. Withdrawn ones are left out unless ``keep_withdrawn``."""
        seen: dict[int, object] = {}
        result = [self.record(record, seen=seen) for record in records]
        added = [made for made in self._made_for(result, articles, claims) if made is not None]
        result.extend(added)
        if not keep_withdrawn:
            result = [record for record in result if not record.withdrawn]
        if order is not None and added:
            # Corrected records keep their places; only the claims corrections make are put in theirs.
            result.sort(key=order)
        return result

    def _made_for(self, result: list[ClaimRecord], articles: Iterable[str] | None, claims: Iterable[str] | None):
        """The claims corrections make that a read of ``articles`` or ``claims`` (see :meth:`records`) should hold."""
        if not self.standalone:
            return
        present = {record.iri for record in result}
        wanted = set(claims) if claims is not None else None
        wanted_articles = set(articles) if articles is not None else None
        by_article = {record.article.iri: record.article for record in result}
        for iri, placement in self.standalone.items():
            if iri in present or (wanted is not None and iri not in wanted):
                continue
            if wanted is None and wanted_articles is not None and placement.correction.article not in wanted_articles:
                continue
            yield self.made(iri, by_article.get(placement.correction.article))


def _hop_position(chain: tuple[SourceRef, ...], correction: Correction) -> int | None:
    """The hop a hop correction meant: the one at its place if it still names the same source, else the one that does."""
    wanted = " ".join((correction.hop_name or "").split()).casefold()
    position = correction.hop
    if position is not None and position < len(chain) and " ".join(chain[position].name.split()).casefold() == wanted:
        return position
    for index, source in enumerate(chain):
        if " ".join(source.name.split()).casefold() == wanted:
            return index
    return None


def _without_repeats(chain: tuple[SourceRef, ...]) -> tuple[SourceRef, ...]:
    """The chain with a source that passes a claim on to itself taken once: two merged sources next to each other are one hop."""
    if len(chain) < 2 or all(a.iri != b.iri for a, b in zip(chain, chain[1:])):
        return chain
    kept = [chain[0]]
    for source in chain[1:]:
        if source.iri != kept[-1].iri:
            kept.append(source)
    return tuple(kept)
