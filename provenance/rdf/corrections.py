"""A desk's corrections and source identities as RDF, each in named graphs of their own.

Why graphs of their own: an article's graph holds only what extraction (or ``add``) wrote and is
replaced whole when the article is stored again; a correction must outlive that. The corrections
of one article live in ``<base>graph/corrections/<article id>``, the identities of sources in
``<base>graph/identities``. Each write reads the graph, adds to it and replaces it in one
transaction; nothing is ever deleted: an undo is an activity of its own that invalidates what the
undone one generated.

A correction is a PROV activity, anchored to its claim by Web Annotation selectors::

    <base>correction/<hash> a prov:Activity, cp:Correction ;
        prov:used <claim> ; cp:correctsArticle <article> ; cp:articleId "…" ; cp:articleHash "…" ;
        cp:claimText "…" ; cp:action "chain" ;
        prov:wasAssociatedWith <base>assessor/desk-a ; prov:endedAtTime "…"^^xsd:dateTime ; rdfs:comment "note" ;
        cp:replacedChain "Verhandlungskreise [anonymous-group] > Tass [news-agency]" ; cp:replacedMode … ; cp:replacedHedged … ;
        oa:hasTarget <…#target-0> ;               # oa:SpecificResource with position and quote selectors
        prov:generated <…#reading> .
    <…#reading> a cp:Reading, prov:Entity ; prov:wasRevisionOf <claim> ;
        cp:correctedHop <…#hop-0>, <…#hop-1> ;    # cp:hopIndex, cp:hopSource, cp:sourceName, cp:sourceKind
        cp:correctedMode … ; cp:correctedHedged … ; cp:withdrawn true ; cp:addedClaim true .

The claim's extracted reading stays in the article's graph: ``prov:wasRevisionOf`` points at it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Triple

from provenance.errors import Ambiguous, InvalidInput, NotFound
from provenance.model.corrections import Correction, CorrectedHop, IdentityAct, TextAnchor
from provenance.rdf import vocab as v
from provenance.rdf.iris import IriScheme, digest

XSD_BOOLEAN = NamedNode(v.XSD + "boolean")
XSD_INTEGER = NamedNode(v.XSD + "integer")
XSD_DATETIME = NamedNode(v.XSD + "dateTime")
CORRECTIONS_GRAPH_PART = "graph/corrections/"
IDENTITIES_GRAPH_SUFFIX = "graph/identities"


def corrections_graph(scheme: IriScheme, article_id: str) -> str:
    """The named graph of one article's corrections; its '/' cannot collide with an article's graph."""
    return f"{scheme.base}{CORRECTIONS_GRAPH_PART}{quote(article_id, safe='-._~')}"


def identities_graph(scheme: IriScheme) -> str:
    return scheme.base + IDENTITIES_GRAPH_SUFFIX


def graph_of_correction(iri: str, article_id: str) -> str:
    """The graph a stored correction is in, from its IRI (``<base>correction/<hash>``)."""
    base = iri.rsplit("correction/", 1)[0]
    return f"{base}{CORRECTIONS_GRAPH_PART}{quote(article_id, safe='-._~')}"


# ------------------------------------------------------------------------------------------------
# writing


def _literal_time(time: str) -> Literal:
    return Literal(time, datatype=XSD_DATETIME)


def _boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def _agent(scheme: IriScheme, name: str) -> tuple[NamedNode, list[Triple]]:
    from provenance.rdf.ratings import assessor_iri

    who = assessor_iri(scheme, name)
    return who, [Triple(who, v.RDF_TYPE, v.PROV_AGENT), Triple(who, v.SCHEMA_NAME, Literal(name))]


def correction_iri(scheme: IriScheme, correction: Correction) -> str:
    """A correction's IRI: a hash of what it is, so that the same correction made twice is one."""
    return f"{scheme.base}correction/{digest(correction.claim, correction.time, correction.by, correction.changes())}"


def correction_triples(scheme: IriScheme, correction: Correction) -> list[Triple]:
    """The statements of one correction (see the module's docstring)."""
    c = NamedNode(correction.id)
    reading = NamedNode(correction.id + "#reading")
    claim = NamedNode(correction.claim)
    article = NamedNode(correction.article)
    who, agent = _agent(scheme, correction.by)
    triples = [
        Triple(c, v.RDF_TYPE, v.PROV_ACTIVITY),
        Triple(c, v.RDF_TYPE, v.CP_CORRECTION),
        Triple(c, v.PROV_USED, claim),
        Triple(c, v.CP_CORRECTS_ARTICLE, article),
        Triple(c, v.CP_ARTICLE_ID, Literal(correction.article_id)),
        Triple(c, v.CP_CLAIM_TEXT, Literal(correction.text)),
        Triple(c, v.PROV_WAS_ASSOCIATED_WITH, who),
        Triple(c, v.PROV_ENDED_AT_TIME, _literal_time(correction.time)),
        Triple(c, v.PROV_GENERATED, reading),
        *agent,
        Triple(reading, v.RDF_TYPE, v.CP_READING),
        Triple(reading, v.RDF_TYPE, v.PROV_ENTITY),
        Triple(reading, v.PROV_WAS_REVISION_OF, claim),
        Triple(reading, v.PROV_WAS_GENERATED_BY, c),
    ]
    if correction.article_hash:
        triples.append(Triple(c, v.CP_ARTICLE_HASH, Literal(correction.article_hash)))
    if correction.note:
        triples.append(Triple(c, v.RDFS_COMMENT, Literal(correction.note)))
    if correction.replaced is not None:
        triples.append(Triple(c, v.CP_REPLACED_CHAIN, Literal(correction.replaced)))
    if correction.replaced_mode is not None:
        triples.append(Triple(c, v.CP_REPLACED_MODE, v.mode_term(correction.replaced_mode)))
    if correction.replaced_hedged is not None:
        triples.append(Triple(c, v.CP_REPLACED_HEDGED, _boolean(correction.replaced_hedged)))
    for index, anchor in enumerate(correction.anchors):
        triples.extend(_target_triples(c, article, f"{correction.id}#target-{index}", index, anchor))
    actions = []
    if correction.added:
        actions.append("add")
        triples.append(Triple(reading, v.CP_ADDED_CLAIM, _boolean(True)))
    if correction.withdrawn:
        actions.append("withdraw")
        triples.append(Triple(reading, v.CP_WITHDRAWN, _boolean(True)))
    if correction.chain is not None:
        actions.append("chain")
        for index, hop in enumerate(correction.chain):
            triples.extend(_hop_triples(reading, f"{correction.id}#hop-{index}", index, hop))
    if correction.hop is not None and correction.hop_source is not None:
        actions.append("hop")
        triples.append(Triple(reading, v.CP_HOP_POSITION, Literal(str(correction.hop), datatype=XSD_INTEGER)))
        triples.append(Triple(reading, v.CP_HOP_NAME, Literal(correction.hop_name or "")))
        triples.extend(_hop_triples(reading, f"{correction.id}#hop-{correction.hop}", correction.hop, correction.hop_source))
    if correction.mode is not None:
        actions.append("mode")
        triples.append(Triple(reading, v.CP_CORRECTED_MODE, v.mode_term(correction.mode)))
    if correction.hedged is not None:
        actions.append("hedged")
        triples.append(Triple(reading, v.CP_CORRECTED_HEDGED, _boolean(correction.hedged)))
    triples.extend(Triple(c, v.CP_ACTION, Literal(action)) for action in actions)
    return triples


def _target_triples(subject: NamedNode, article: NamedNode, iri: str, index: int, anchor: TextAnchor) -> list[Triple]:
    target, position, words = NamedNode(iri), NamedNode(iri + "-position"), NamedNode(iri + "-quote")
    return [
        Triple(subject, v.OA_HAS_TARGET, target),
        Triple(target, v.RDF_TYPE, v.OA_SPECIFIC_RESOURCE),
        Triple(target, v.OA_HAS_SOURCE, article),
        Triple(target, v.CP_SPAN_INDEX, Literal(str(index), datatype=XSD_INTEGER)),
        Triple(target, v.OA_HAS_SELECTOR, position),
        Triple(target, v.OA_HAS_SELECTOR, words),
        Triple(position, v.RDF_TYPE, v.OA_TEXT_POSITION_SELECTOR),
        Triple(position, v.OA_START, Literal(str(anchor.start), datatype=XSD_INTEGER)),
        Triple(position, v.OA_END, Literal(str(anchor.end), datatype=XSD_INTEGER)),
        Triple(words, v.RDF_TYPE, v.OA_TEXT_QUOTE_SELECTOR),
        Triple(words, v.OA_EXACT, Literal(anchor.exact)),
        Triple(words, v.OA_PREFIX, Literal(anchor.prefix)),
        Triple(words, v.OA_SUFFIX, Literal(anchor.suffix)),
    ]


def _hop_triples(reading: NamedNode, iri: str, index: int, hop: CorrectedHop) -> list[Triple]:
    node = NamedNode(iri)
    triples = [
        Triple(reading, v.CP_CORRECTED_HOP, node),
        Triple(node, v.RDF_TYPE, v.CP_CORRECTED_HOP_CLASS),
        Triple(node, v.CP_HOP_INDEX, Literal(str(index), datatype=XSD_INTEGER)),
        Triple(node, v.CP_HOP_SOURCE, NamedNode(hop.iri)),
        Triple(node, v.CP_SOURCE_NAME, Literal(hop.name)),
        Triple(node, v.CP_SOURCE_KIND, v.kind_term(hop.kind)),
    ]
    if hop.start is not None and hop.end is not None:
        triples.append(Triple(node, v.CP_MENTION_START, Literal(str(hop.start), datatype=XSD_INTEGER)))
        triples.append(Triple(node, v.CP_MENTION_END, Literal(str(hop.end), datatype=XSD_INTEGER)))
    return triples


def identity_iri(scheme: IriScheme, act: IdentityAct) -> str:
    return f"{scheme.base}identity/{digest(act.action, act.source, act.member or '', act.name or '', act.kind or '', act.time, act.by)}"


def identity_triples(scheme: IriScheme, act: IdentityAct) -> list[Triple]:
    """The statements of one act on the identity of sources: an activity and the statement it generated."""
    i = NamedNode(act.id)
    statement = NamedNode(act.id + "#statement")
    who, agent = _agent(scheme, act.by)
    triples = [
        Triple(i, v.RDF_TYPE, v.PROV_ACTIVITY),
        Triple(i, v.RDF_TYPE, v.CP_SOURCE_IDENTITY),
        Triple(i, v.CP_ACTION, Literal(act.action)),
        Triple(i, v.CP_IDENTITY_SOURCE, NamedNode(act.source)),
        Triple(i, v.CP_SOURCE_NAME, Literal(act.source_name)),
        Triple(i, v.CP_SOURCE_KIND, v.kind_term(act.source_kind)),
        Triple(i, v.PROV_WAS_ASSOCIATED_WITH, who),
        Triple(i, v.PROV_ENDED_AT_TIME, _literal_time(act.time)),
        Triple(i, v.PROV_GENERATED, statement),
        Triple(statement, v.RDF_TYPE, v.PROV_ENTITY),
        Triple(statement, v.PROV_WAS_GENERATED_BY, i),
        *agent,
    ]
    if act.member is not None:
        triples.append(Triple(i, v.CP_IDENTITY_MEMBER, NamedNode(act.member)))
    if act.member_name is not None:
        triples.append(Triple(i, v.CP_MEMBER_NAME, Literal(act.member_name)))
    if act.name is not None:
        triples.append(Triple(i, v.CP_GIVEN_NAME, Literal(act.name)))
    if act.kind is not None:
        triples.append(Triple(i, v.CP_GIVEN_KIND, v.kind_term(act.kind)))
    if act.note:
        triples.append(Triple(i, v.RDFS_COMMENT, Literal(act.note)))
    return triples


def undo_triples(scheme: IriScheme, generated: str, *, by: str, time: str, note: str | None = None) -> list[Triple]:
    """An undo: an activity that invalidates what another generated (a reading, an identity statement)."""
    undo = NamedNode(f"{scheme.base}undo/{digest(generated, time, by)}")
    entity = NamedNode(generated)
    who, agent = _agent(scheme, by)
    triples = [
        Triple(undo, v.RDF_TYPE, v.PROV_ACTIVITY),
        Triple(undo, v.RDF_TYPE, v.CP_UNDO),
        Triple(undo, v.PROV_USED, entity),
        Triple(undo, v.PROV_WAS_ASSOCIATED_WITH, who),
        Triple(undo, v.PROV_ENDED_AT_TIME, _literal_time(time)),
        Triple(entity, v.PROV_INVALIDATED_AT_TIME, _literal_time(time)),
        Triple(entity, v.PROV_WAS_INVALIDATED_BY, undo),
        *agent,
    ]
    if note:
        triples.append(Triple(undo, v.RDFS_COMMENT, Literal(note)))
    return triples


def add_to_graph(store, graph: str, triples: Sequence[Triple]) -> None:
    """Add ``triples`` to one named graph, in one transaction (the graph is read and replaced whole)."""
    from provenance.rdf.ratings import graph_triples

    store.replace_graphs({graph: list(dict.fromkeys([*graph_triples(store, graph), *triples]))})


# ------------------------------------------------------------------------------------------------
# reading

ANY_CORRECTION = "SELECT ?activity WHERE { ?activity a ?type . VALUES ?type { cp:Correction cp:SourceIdentity } } LIMIT 1"
CORRECTION_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?activity a cp:Correction } }"
IDENTITY_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?activity a cp:SourceIdentity } }"
GRAPH_STATEMENTS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def any_correction(store) -> bool:
    """Whether the store holds a correction or an identity act at all (one look-up; most stores have none)."""
    return bool(store.select(ANY_CORRECTION))


def _statements(store, query: str) -> dict[str, dict[str, list]]:
    """Subject -> predicate -> objects, of every graph ``query`` names."""
    graphs = [NamedNode(row["g"].value) for row in store.select(query)]
    subjects: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    if not graphs:
        return subjects
    for row in store.select(GRAPH_STATEMENTS, {"g": graphs}):
        objects = subjects[row["s"].value][row["p"].value]
        if row["o"] not in objects:
            objects.append(row["o"])
    return subjects


def _one(properties: dict[str, list], term: NamedNode):
    values = properties.get(term.value)
    return values[0].value if values else None


def _flag(value: str | None) -> bool | None:
    return None if value is None else value in ("true", "1")


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


def load_corrections(store) -> list[Correction]:
    """Every stored correction, undone ones too (``undone`` is the time of their undo), oldest first."""
    subjects = _statements(store, CORRECTION_GRAPHS)
    agents = {iri: _one(props, v.SCHEMA_NAME) for iri, props in subjects.items()}
    found = []
    for iri, props in subjects.items():
        if v.CP_CORRECTION.value not in {term.value for term in props.get(v.RDF_TYPE.value, ())}:
            continue
        reading_iri = _one(props, v.PROV_GENERATED)
        reading = subjects.get(reading_iri, {})
        anchors = []
        for target in props.get(v.OA_HAS_TARGET.value, ()):
            target_props = subjects.get(target.value, {})
            position = quoted = {}
            for selector in target_props.get(v.OA_HAS_SELECTOR.value, ()):
                selector_props = subjects.get(selector.value, {})
                if v.OA_START.value in selector_props:
                    position = selector_props
                else:
                    quoted = selector_props
            anchors.append((int(_one(target_props, v.CP_SPAN_INDEX) or 0), TextAnchor(
                start=int(_one(position, v.OA_START)), end=int(_one(position, v.OA_END)),
                exact=_one(quoted, v.OA_EXACT) or "", prefix=_one(quoted, v.OA_PREFIX) or "",
                suffix=_one(quoted, v.OA_SUFFIX) or "")))
        hops = {}
        for hop in reading.get(v.CP_CORRECTED_HOP.value, ()):
            hop_props = subjects.get(hop.value, {})
            hops[int(_one(hop_props, v.CP_HOP_INDEX))] = CorrectedHop(
                iri=_one(hop_props, v.CP_HOP_SOURCE), name=_one(hop_props, v.CP_SOURCE_NAME),
                kind=v.local_suffix(_one(hop_props, v.CP_SOURCE_KIND), "kind-"),
                start=_int(_one(hop_props, v.CP_MENTION_START)), end=_int(_one(hop_props, v.CP_MENTION_END)))
        actions = {term.value for term in props.get(v.CP_ACTION.value, ())}
        hop_position = _int(_one(reading, v.CP_HOP_POSITION))
        mode = _one(reading, v.CP_CORRECTED_MODE)
        replaced_mode = _one(props, v.CP_REPLACED_MODE)
        found.append(Correction(
            id=iri,
            article=_one(props, v.CP_CORRECTS_ARTICLE),
            article_id=_one(props, v.CP_ARTICLE_ID),
            claim=_one(props, v.PROV_USED),
            text=_one(props, v.CP_CLAIM_TEXT) or "",
            anchors=tuple(anchor for _, anchor in sorted(anchors, key=lambda pair: pair[0])),
            by=agents.get(_one(props, v.PROV_WAS_ASSOCIATED_WITH)) or "",
            time=_one(props, v.PROV_ENDED_AT_TIME),
            note=_one(props, v.RDFS_COMMENT),
            article_hash=_one(props, v.CP_ARTICLE_HASH),
            chain=tuple(hop for _, hop in sorted(hops.items())) if "chain" in actions else None,
            hop=hop_position if "hop" in actions else None,
            hop_name=_one(reading, v.CP_HOP_NAME),
            hop_source=hops.get(hop_position) if "hop" in actions else None,
            mode=v.local_suffix(mode, "mode-") if mode else None,
            hedged=_flag(_one(reading, v.CP_CORRECTED_HEDGED)),
            withdrawn="withdraw" in actions,
            added="add" in actions,
            replaced=_one(props, v.CP_REPLACED_CHAIN),
            replaced_mode=v.local_suffix(replaced_mode, "mode-") if replaced_mode else None,
            replaced_hedged=_flag(_one(props, v.CP_REPLACED_HEDGED)),
            undone=_one(reading, v.PROV_INVALIDATED_AT_TIME),
        ))
    return sorted(found, key=lambda correction: (correction.time, correction.id))


def load_identity_acts(store) -> list[IdentityAct]:
    """Every act on the identity of sources, undone ones too, oldest first."""
    subjects = _statements(store, IDENTITY_GRAPHS)
    agents = {iri: _one(props, v.SCHEMA_NAME) for iri, props in subjects.items()}
    found = []
    for iri, props in subjects.items():
        if v.CP_SOURCE_IDENTITY.value not in {term.value for term in props.get(v.RDF_TYPE.value, ())}:
            continue
        statement = subjects.get(_one(props, v.PROV_GENERATED), {})
        kind = _one(props, v.CP_GIVEN_KIND)
        found.append(IdentityAct(
            id=iri,
            action=_one(props, v.CP_ACTION),
            source=_one(props, v.CP_IDENTITY_SOURCE),
            source_name=_one(props, v.CP_SOURCE_NAME) or "",
            source_kind=v.local_suffix(_one(props, v.CP_SOURCE_KIND) or "kind-unknown", "kind-"),
            by=agents.get(_one(props, v.PROV_WAS_ASSOCIATED_WITH)) or "",
            time=_one(props, v.PROV_ENDED_AT_TIME),
            member=_one(props, v.CP_IDENTITY_MEMBER),
            member_name=_one(props, v.CP_MEMBER_NAME),
            name=_one(props, v.CP_GIVEN_NAME),
            kind=v.local_suffix(kind, "kind-") if kind else None,
            note=_one(props, v.RDFS_COMMENT),
            undone=_one(statement, v.PROV_INVALIDATED_AT_TIME),
        ))
    return sorted(found, key=lambda act: (act.time, act.id))


@dataclass(frozen=True)
class Found:
    """A correction or an identity act that an id names."""

    correction: Correction | None = None
    act: IdentityAct | None = None

    @property
    def id(self) -> str:
        return (self.correction or self.act).id  # type: ignore[union-attr]


def find(store, reference: str) -> Found:
    """The correction or identity act whose IRI, or id as ``provenance corrections`` shows it, is ``reference``."""
    reference = reference.strip()
    if not reference:
        raise NotFound("give a correction's id as 'provenance corrections' shows it")
    items: Iterable[Found] = [*(Found(correction=c) for c in load_corrections(store)),
                              *(Found(act=a) for a in load_identity_acts(store))]
    matches = [item for item in items if item.id == reference or item.id.rsplit("/", 1)[-1].startswith(reference)]
    if not matches:
        raise NotFound(f"no correction {reference!r}; 'provenance corrections' lists them")
    if len(matches) > 1:
        raise Ambiguous(f"{len(matches)} corrections start with {reference!r}; give more of the id")
    return matches[0]


def undo(store, scheme: IriScheme, reference: str, *, by: str, time: str, note: str | None = None) -> Found:
    """Take back one correction or identity act: its reading or statement is invalidated, nothing is deleted."""
    found = find(store, reference)
    if found.correction is not None:
        correction = found.correction
        if correction.undone is not None:
            raise InvalidInput(f"correction {correction.short_id} was undone already ({correction.undone})")
        graph = graph_of_correction(correction.id, correction.article_id)
        add_to_graph(store, graph, undo_triples(scheme, correction.id + "#reading", by=by, time=time, note=note))
    else:
        act = found.act
        assert act is not None
        if act.undone is not None:
            raise InvalidInput(f"{act.short_id} was undone already ({act.undone})")
        add_to_graph(store, identities_graph_of(act.id), undo_triples(scheme, act.id + "#statement", by=by, time=time, note=note))
    return found


def identities_graph_of(iri: str) -> str:
    """The graph a stored identity act is in, from its IRI (``<base>identity/<hash>``)."""
    return iri.rsplit("identity/", 1)[0] + IDENTITIES_GRAPH_SUFFIX
