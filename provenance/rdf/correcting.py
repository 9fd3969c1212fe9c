"""Making corrections: correct a claim, add a missed claim, merge, alias, rename, retype and unmerge sources.

Each function checks everything first and writes last, in one transaction (one named graph
replaced), so that bad input leaves the store as it was. The corrected reading a function starts
from is the one every reader sees (:mod:`provenance.rdf.corrected`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pyoxigraph import NamedNode

from provenance.errors import InvalidInput, NotFound
from provenance.model.core import ANONYMOUS_KINDS, MODES, SOURCE_KINDS, Claim, Source
from provenance.model.corrections import (
    Correction,
    CorrectedHop,
    IdentityAct,
    Identities,
    WrittenHop,
    anchor_of,
    format_chain,
    parse_chain,
)
from provenance.model.records import ClaimRecord
from provenance.rdf import corrections as stored
from provenance.rdf import queries
from provenance.rdf.iris import IriScheme

#: How far (characters) from a claim a source's name is looked for, to mark where the article names it.
MENTION_DISTANCE = 400


@dataclass(frozen=True)
class NamedSource:
    """A source as a user's name finds it: the IRI that stands for it, its name and kind."""

    iri: str
    name: str
    kind: str


def _who(by: str | None) -> str:
    from provenance.rdf.ratings import default_assessor

    return (by or "").strip() or default_assessor()


def _now(time: str | None) -> str:
    from provenance.rdf.ratings import precise_now

    return time or precise_now()


# ------------------------------------------------------------------------------------------------
# sources by name


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


SOURCE_KIND = "SELECT ?source ?kind WHERE { ?source cp:kind ?kind } LIMIT 1"


def identities(store) -> Identities:
    return Identities(stored.load_identity_acts(store) if stored.any_correction(store) else ())


def source_as_identified(store, reference: str, stored_source: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """``(IRI, name)`` of the source ``reference`` names, as identities say (the IRI standing for a merged
    group, its name); ``stored_source`` finds a source by the names stored with articles.

    A name an identity act gave (an alias, a new name, a merged source's name) is looked up first.
    """
    acts = stored.load_identity_acts(store) if stored.any_correction(store) else []
    known = Identities(acts)
    if known:
        wanted = _folded(reference)
        for act in reversed(known.acts):
            for name, iri in ((act.name, act.member or act.source), (act.member_name, act.member),
                              (act.source_name, act.source)):
                if name and iri and _folded(name) == wanted:
                    root = known.canonical(iri)
                    return root, known.name(root) or name
    try:
        iri, name = stored_source()
    except NotFound:
        hop = _corrected_hop_named(store, reference)
        if hop is None:
            raise
        iri, name = hop.iri, hop.name
    root = known.canonical(iri)
    return root, known.name(root) or name


def _corrected_hop_named(store, reference: str) -> CorrectedHop | None:
    """A source only a correction's chain names (no article mentions it)."""
    if not stored.any_correction(store):
        return None
    wanted = _folded(reference)
    for correction in reversed(stored.load_corrections(store)):
        for hop in (*(correction.chain or ()), *((correction.hop_source,) if correction.hop_source else ())):
            if _folded(hop.name) == wanted:
                return hop
    return None


def named_source(store, scheme: IriScheme, reference: str) -> NamedSource:
    """The source a user's name (any alias, a stored name, an IRI) finds, with its kind."""
    from provenance.rdf.ratings import resolve_source

    match = resolve_source(store, reference, scheme)
    known = identities(store)
    kind = known.kind(match.iri) if known else None
    if kind is None:
        for iri in (known.members(match.iri) if known else [match.iri]):
            rows = store.select(SOURCE_KIND, {"source": NamedNode(iri)})
            if rows:
                kind = rows[0]["kind"].value.rsplit("kind-", 1)[-1]
                break
    if kind is None:
        hop = _corrected_hop_named(store, match.name)
        kind = hop.kind if hop is not None else "unknown"
    return NamedSource(match.iri, match.name, kind)


# ------------------------------------------------------------------------------------------------
# claims


def _claim_now(store, reference: str) -> tuple[ClaimRecord, tuple[tuple[int, int], ...], list]:
    """The corrected record of the claim ``reference`` names, its spans and its hops with their mentions."""
    iri = queries.resolve_claim(store, reference)
    found = queries.records_of_claims(store, [iri])
    if not found:
        raise NotFound(f"no claim matches {reference!r}; 'provenance claims' lists them")
    record = found[0]
    spans, hops = queries.marks_of(record, queries.claim_mark_rows(store, record.iri))
    return record, spans, hops


def _mention(text: str, name: str, spans, *, near: tuple[int, int] | None = None) -> tuple[int | None, int | None]:
    """Where the article names ``name`` nearest the claim (within :data:`MENTION_DISTANCE`), or (None, None)."""
    if near is not None:
        return near
    if not spans:
        return None, None
    first, last = min(start for start, _ in spans), max(end for _, end in spans)
    best = None
    for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE):
        distance = max(first - match.end(), match.start() - last, 0)
        if distance <= MENTION_DISTANCE and (best is None or distance < best[0]):
            best = (distance, match.start(), match.end())
    return (None, None) if best is None else (best[1], best[2])


def resolve_chain(store, scheme: IriScheme, article_id: str, hops: tuple[WrittenHop, ...], text: str, spans,
                  mentions: dict[str, tuple[int, int]] | None = None) -> tuple[CorrectedHop, ...]:
    """The hops of a chain a person wrote, each with the source it names: a new one (``Name [kind]``)
    or a stored one (``Name``), and where the article names it near the claim."""
    mentions = mentions or {}
    resolved = []
    for hop in hops:
        if hop.kind is None:
            try:
                source = named_source(store, scheme, hop.name)
            except NotFound:
                raise InvalidInput(f"no source called {hop.name!r} is stored; give its kind: '{hop.name} [kind]'") from None
            iri, name, kind = source.iri, source.name, source.kind
        else:
            name, kind = hop.name, hop.kind
            iri = scheme.source(article_id, Source(name=name, kind=kind))
        start, end = _mention(text, hop.name, spans, near=mentions.get(iri))
        resolved.append(CorrectedHop(iri=iri, name=name, kind=kind, start=start, end=end))
    return tuple(resolved)


def _replaced(record: ClaimRecord) -> str:
    return format_chain((source.name, source.kind) for source in record.chain)


def correct_claim(store, scheme: IriScheme, reference: str, *, chain: str | None = None, hop: int | None = None,
                  kind: str | None = None, mode: str | None = None, hedged: bool | None = None,
                  withdraw: bool = False, note: str | None = None, by: str | None = None,
                  time: str | None = None) -> Correction:
    """Correct one claim (by IRI, id prefix or text fragment): its chain, one hop's kind, its mode, its hedging,
    or withdraw it as no claim. ``hop`` counts from 1 at the origin. Returns the stored correction."""
    written = parse_chain(chain) if chain is not None else None
    if (hop is None) != (kind is None):
        raise InvalidInput("--hop and --kind go together: --hop N --kind KIND sets the kind of the N-th source (1 = origin)")
    if kind is not None and kind not in SOURCE_KINDS:
        raise InvalidInput(f"unknown source kind {kind!r}: use one of {', '.join(SOURCE_KINDS)}")
    if written is not None and hop is not None:
        raise InvalidInput("give either --chain or --hop, not both: --chain replaces every hop")
    if mode is not None and mode not in MODES:
        raise InvalidInput(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if withdraw and (written is not None or hop is not None or mode is not None or hedged is not None):
        raise InvalidInput("--not-a-claim withdraws the claim; it goes with no other change")
    if not withdraw and written is None and hop is None and mode is None and hedged is None:
        raise InvalidInput("nothing to correct: give --chain, --hop with --kind, --mode, --hedged/--not-hedged or --not-a-claim")
    record, spans, details = _claim_now(store, reference)
    if record.withdrawn:
        raise InvalidInput(f"claim {record.short_id} is withdrawn; 'provenance corrections undo ID' brings it back first")
    article = record.article
    text = queries.article_text(store, article.iri)
    resolved = None
    if written is not None:
        mentions = {detail.source.iri: (detail.start, detail.end) for detail in details if detail.start is not None}
        resolved = resolve_chain(store, scheme, article.id, written, text, spans, mentions)
    hop_source = hop_name = None
    position = None
    if hop is not None:
        if not 1 <= hop <= len(record.chain):
            listed = ", ".join(f"{number} {source.name}" for number, source in enumerate(record.chain, start=1))
            raise InvalidInput(f"claim {record.short_id} has {len(record.chain)} hops ({listed or 'none'}); "
                               "--hop counts from 1 at the origin")
        position = hop - 1
        old = record.chain[position]
        hop_name = old.name
        same_iri = kind not in ANONYMOUS_KINDS and kind != "unknown" and old.kind not in ANONYMOUS_KINDS and old.kind != "unknown"
        iri = old.iri if same_iri else scheme.source(article.id, Source(name=old.name, kind=kind))
        detail = details[position] if position < len(details) else None
        hop_source = CorrectedHop(iri=iri, name=old.name, kind=kind, start=detail.start if detail else None,
                                  end=detail.end if detail else None)
    chain_after = resolved if resolved is not None else record.chain
    mode_after = mode or record.mode
    if chain_after and mode_after == "unattributed":
        if mode is not None:
            raise InvalidInput("mode 'unattributed' contradicts the claim's chain of sources")
        mode = mode_after = "indirect"
    if not chain_after and mode_after != "unattributed" and not withdraw:
        raise InvalidInput(f"claim {record.short_id} has no source; give it a --chain before a mode other than 'unattributed'")
    correction = Correction(
        id="", article=article.iri, article_id=article.id, claim=record.iri, text=record.text,
        anchors=tuple(anchor_of(text, start, end) for start, end in spans), by=_who(by), time=_now(time),
        note=(note or "").strip() or None, article_hash=_hash(store, article.iri), chain=resolved,
        hop=position, hop_name=hop_name, hop_source=hop_source, mode=mode, hedged=hedged, withdrawn=withdraw,
        replaced=_replaced(record), replaced_mode=record.mode, replaced_hedged=record.hedged,
    )
    if not withdraw and _changes_nothing(record, resolved, position, hop_source, mode, hedged):
        raise InvalidInput(f"claim {record.short_id} reads so already ({correction.changes()}): nothing to correct; "
                           "'provenance trace' shows its corrections")
    return _store(store, scheme, correction)


def _changes_nothing(record: ClaimRecord, chain, position: int | None, hop_source: CorrectedHop | None,
                     mode: str | None, hedged: bool | None) -> bool:
    """Whether a correction would leave the claim's reading as it is.

    Why: such a correction is refused, as naming a source by the name it has is, so that running
    ``correct`` again (after an interruption that came after its write, say) adds no second correction
    that records the corrected chain as the one replaced.
    """
    def sources(hops) -> list[tuple[str, str, str]]:
        return [(hop.iri, hop.name, hop.kind) for hop in hops]

    return ((chain is None or sources(chain) == sources(record.chain))
            and (hop_source is None or sources([hop_source]) == sources([record.chain[position]]))
            and (mode is None or mode == record.mode)
            and (hedged is None or hedged == record.hedged))


def _hash(store, article: str) -> str | None:
    return queries.stored_hashes(store, [article]).get(article)


def _store(store, scheme: IriScheme, correction: Correction) -> Correction:
    from dataclasses import replace

    correction = replace(correction, id=stored.correction_iri(scheme, correction))
    stored.add_to_graph(store, stored.corrections_graph(scheme, correction.article_id),
                        stored.correction_triples(scheme, correction))
    return correction


def add_claim(store, scheme: IriScheme, article_id: str, quote: str, *, chain: str | None = None,
              mode: str | None = None, hedged: bool = False, note: str | None = None, by: str | None = None,
              time: str | None = None) -> Correction:
    """Add a claim the extractor missed: the words ``quote`` of the stored article, with the chain given."""
    written = parse_chain(chain) if chain is not None else None
    if mode is not None and mode not in MODES:
        raise InvalidInput(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    words = (quote or "").strip()
    if not words:
        raise InvalidInput("--quote is empty: give the claim's words exactly as the article has them")
    article_iri = scheme.article(article_id)
    try:
        text = queries.article_text(store, article_iri)
    except NotFound:
        raise NotFound(f"no article {article_id!r} in the store; 'provenance claims' shows the article ids") from None
    found = [match.start() for match in re.finditer(re.escape(words), text)]
    if not found:
        raise InvalidInput(f"the quote is not in article {article_id!r} word for word: {words[:60]!r}")
    if len(found) > 1:
        raise InvalidInput(f"the quote occurs {len(found)} times in article {article_id!r}; quote more of the sentence")
    spans = ((found[0], found[0] + len(words)),)
    for record in queries.claim_records(store, article=article_iri):
        record_spans, _ = queries.marks_of(record, queries.claim_mark_rows(store, record.iri))
        if tuple(record_spans) == spans:
            raise InvalidInput(f"claim {record.short_id} has these words already; correct it with 'provenance correct {record.short_id}'")
    resolved = resolve_chain(store, scheme, article_id, written, text, spans) if written is not None else ()
    mode = mode or ("indirect" if resolved else "unattributed")
    if resolved and mode == "unattributed":
        raise InvalidInput("mode 'unattributed' contradicts the claim's chain of sources")
    if not resolved and mode != "unattributed":
        raise InvalidInput(f"a claim of mode {mode!r} needs a --chain of sources")
    claim = scheme.claim(article_id, Claim(text=words, spans=spans))
    correction = Correction(
        id="", article=article_iri, article_id=article_id, claim=claim, text=words,
        anchors=tuple(anchor_of(text, start, end) for start, end in spans), by=_who(by), time=_now(time),
        note=(note or "").strip() or None, article_hash=_hash(store, article_iri), chain=resolved, mode=mode,
        hedged=True if hedged else None, added=True,
    )
    return _store(store, scheme, correction)


# ------------------------------------------------------------------------------------------------
# source identities


def _act(store, scheme: IriScheme, act: IdentityAct) -> IdentityAct:
    from dataclasses import replace

    act = replace(act, id=stored.identity_iri(scheme, act))
    stored.add_to_graph(store, stored.identities_graph(scheme), stored.identity_triples(scheme, act))
    return act


def merge_sources(store, scheme: IriScheme, first: str, second: str, *, name: str | None = None,
                  note: str | None = None, by: str | None = None, time: str | None = None) -> IdentityAct:
    """Make ``second`` one source with ``first`` from now on (the first's IRI stands for both), called ``name``."""
    into = named_source(store, scheme, first)
    other = named_source(store, scheme, second)
    if into.iri == other.iri:
        raise InvalidInput(f"{first!r} and {second!r} are one source already; merge two different sources")
    given = " ".join((name or "").split()) or None
    return _act(store, scheme, IdentityAct(
        id="", action="merge", source=into.iri, source_name=into.name, source_kind=into.kind, by=_who(by),
        time=_now(time), member=other.iri, member_name=other.name, name=given, note=note))


def alias_source(store, scheme: IriScheme, name: str, alias: str, *, note: str | None = None, by: str | None = None,
                 time: str | None = None) -> IdentityAct:
    """Let ``alias`` mean the source ``name``: any chain that names it (stored or extracted later) lands on it."""
    target = named_source(store, scheme, name)
    alias = " ".join((alias or "").split())
    if not alias:
        raise InvalidInput("the alias is empty")
    member = scheme.named_agent(alias)
    if identities(store).canonical(member) == target.iri:
        raise InvalidInput(f"{alias!r} means {target.name!r} already")
    return _act(store, scheme, IdentityAct(
        id="", action="alias", source=target.iri, source_name=target.name, source_kind=target.kind, by=_who(by),
        time=_now(time), member=member, member_name=alias, note=note))


def rename_source(store, scheme: IriScheme, name: str, new_name: str, *, note: str | None = None,
                  by: str | None = None, time: str | None = None) -> IdentityAct:
    """Call the source ``name`` ``new_name`` from now on; both names find it."""
    target = named_source(store, scheme, name)
    new_name = " ".join((new_name or "").split())
    if not new_name:
        raise InvalidInput("the new name is empty")
    if new_name == target.name:
        raise InvalidInput(f"the source is called {new_name!r} already")
    return _act(store, scheme, IdentityAct(
        id="", action="rename", source=target.iri, source_name=target.name, source_kind=target.kind, by=_who(by),
        time=_now(time), member=scheme.named_agent(new_name), member_name=new_name, name=new_name, note=note))


def set_source_kind(store, scheme: IriScheme, name: str, kind: str, *, note: str | None = None,
                    by: str | None = None, time: str | None = None) -> IdentityAct:
    """Say of what kind the source ``name`` is, in every chain that names it."""
    if kind not in SOURCE_KINDS:
        raise InvalidInput(f"unknown source kind {kind!r}: use one of {', '.join(SOURCE_KINDS)}")
    target = named_source(store, scheme, name)
    if target.kind == kind:
        raise InvalidInput(f"{target.name!r} is of kind {kind!r} already")
    return _act(store, scheme, IdentityAct(
        id="", action="kind", source=target.iri, source_name=target.name, source_kind=target.kind, by=_who(by),
        time=_now(time), kind=kind, note=note))


def unmerge_source(store, scheme: IriScheme, name: str, *, by: str | None = None, time: str | None = None) -> list[IdentityAct]:
    """Split the source ``name`` off the source it was merged into (or, naming the merged source, split off
    every source merged into it); the merges are undone, not deleted. Returns the undone acts."""
    acts = [act for act in stored.load_identity_acts(store) if act.undone is None] if stored.any_correction(store) else []
    known = Identities(acts)
    wanted = _folded(name)
    own = None
    for act in reversed(acts):
        if act.member_name and _folded(act.member_name) == wanted and act.action in ("merge", "alias"):
            own = act.member
            break
    if own is None:
        from provenance.rdf.ratings import _resolve_stored_source

        try:
            own = _resolve_stored_source(store, name, scheme).iri
        except NotFound:
            own = None
    root = known.canonical(own) if own else named_source(store, scheme, name).iri
    joining = [act for act in acts if act.action in ("merge", "alias") and act.member is not None]
    if own is not None and own != root:
        undone = [act for act in joining if act.member == own or known.canonical(act.member) == own]
    else:
        undone = [act for act in joining if known.canonical(act.source) == root and act.action == "merge"]
    if not undone:
        raise InvalidInput(f"{name!r} is not merged with another source")
    moment = _now(time)
    who = _who(by)
    triples = [triple for act in undone
               for triple in stored.undo_triples(scheme, act.id + "#statement", by=who, time=moment, note="unmerged")]
    stored.add_to_graph(store, stored.identities_graph_of(undone[0].id), triples)
    return undone


def undo_correction(store, scheme: IriScheme, reference: str, *, by: str | None = None, time: str | None = None,
                    note: str | None = None) -> stored.Found:
    """Take back one correction or identity act by its id (as ``provenance corrections`` shows it)."""
    return stored.undo(store, scheme, reference, by=_who(by), time=_now(time), note=note)
