"""Reading the store back through SPARQL: claims, chains, articles.

Every query here works on any backend of the Store protocol; user values enter only as bound
variables. Variables that are bound must also be projected (pyoxigraph substitutes only projected
variables), which is why some SELECTs list a variable they never need back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from provenance.errors import Ambiguous, NotFound
from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
from provenance.rdf.corrected import corrected_records, made_claims, mark_rows
from provenance.rdf.vocab import local_suffix

CLAIM_ROWS = """
SELECT ?claim ?text ?mode ?hedged ?article ?doc ?publisher ?publisherName ?start ?hop ?index ?source ?name ?kind ?cueText ?affName
       ?reliability ?verdict
WHERE {
  GRAPH ?graph {
    ?claim a schema:Claim ; schema:text ?text ; cp:mode ?mode ; cp:hedged ?hedged ; schema:isPartOf ?article .
    ?article schema:identifier ?doc .
    OPTIONAL {
      ?annotation oa:hasBody ?claim ; oa:hasTarget ?target .
      ?target cp:spanIndex 0 ; oa:hasSelector ?position .
      ?position oa:start ?start .
    }
    OPTIONAL { ?article schema:publisher ?publisher . ?publisher schema:name ?publisherName }
    OPTIONAL { ?claim cp:cue/schema:text ?cueText }
  }
  OPTIONAL {
    GRAPH ?graph { ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source }
    OPTIONAL {
      GRAPH ?graph {
        ?source schema:name ?name ; cp:kind ?kind .
        OPTIONAL { ?source prov:actedOnBehalfOf/schema:name ?affName }
      }
    }
    OPTIONAL {
      ?rating schema:about ?source ; cp:reliability ?reliability .
      FILTER NOT EXISTS { ?rating prov:invalidatedAtTime ?replaced }
    }
  }
  OPTIONAL { ?review schema:itemReviewed ?claim ; schema:reviewRating/schema:alternateName ?verdict }
}
"""


def _text(term) -> str | None:
    return None if term is None else term.value


def claim_records(store, *, article: str | None = None, claim: str | None = None,
                  claims: Sequence[str] | None = None) -> list[ClaimRecord]:
    """Every claim (or those of one article, one claim, or the listed claims) with its chain, origin first.

    Named claims and articles are read by :func:`records_of_claims`; only the listing of every
    claim runs the one wide query :data:`CLAIM_ROWS`. The records are the corrected view
    (:mod:`provenance.rdf.corrected`): withdrawn claims are left out of listings, added ones are in.
    """
    if claim is not None or claims is not None:
        return records_of_claims(store, [claim] if claim is not None else list(claims or ()))
    if article is not None:
        iris = [row["claim"].value for row in store.select(CLAIMS_OF_ARTICLE, {"article": NamedNode(article)})]
        return corrected_records(store, _records_of_claims(store, iris), articles=[article], order=_in_order)
    return corrected_records(store, records_from_rows(store.select(CLAIM_ROWS)), order=_in_order)


def _in_order(record: ClaimRecord):
    return record.article.id, record.start if record.start is not None else -1, record.iri


CLAIMS_OF_ARTICLE = "SELECT ?claim WHERE { ?claim a schema:Claim ; schema:isPartOf ?article }"

# What CLAIM_ROWS reads with OPTIONALs, as a UNION of required patterns for claims bound beforehand:
# every branch starts from a bound claim, so each is a few index look-ups, and a branch that finds
# nothing costs nothing. The first branch is the claim itself; the others add to its row.
# The first span is picked by a FILTER, not by the constant in ``cp:spanIndex 0``: inside a UNION,
# pyoxigraph's optimiser starts from a pattern with a constant object, which here is every claim's
# first span (measured on 100k claims: 15 s instead of 0.7 ms).
_CHAIN_BRANCHES = (
    """GRAPH ?graph {
      ?claim a schema:Claim ; schema:text ?text ; cp:mode ?mode ; cp:hedged ?hedged ; schema:isPartOf ?article .
      ?article schema:identifier ?doc .
    }""",
    "GRAPH ?graph { ?claim schema:isPartOf ?article . ?article schema:publisher ?publisher . ?publisher schema:name ?publisherName }",
    "?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source ; cp:sourceName ?name ; cp:sourceKind ?kind",
)
_DETAIL_BRANCHES = (
    """GRAPH ?graph {
      ?annotation oa:hasBody ?claim ; oa:hasTarget ?target .
      ?target cp:spanIndex ?span ; oa:hasSelector ?position .
      ?position oa:start ?start .
    }
    FILTER(?span = 0)""",
    "GRAPH ?graph { ?claim cp:cue/schema:text ?cueText }",
    """GRAPH ?graph {
      ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source .
      ?source prov:actedOnBehalfOf/schema:name ?affName .
    }""",
    """GRAPH ?graph { ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source }
    ?rating schema:about ?source ; cp:reliability ?reliability .
    FILTER NOT EXISTS { ?rating prov:invalidatedAtTime ?replaced }""",
    "?review schema:itemReviewed ?claim ; schema:reviewRating/schema:alternateName ?verdict",
)
_PROJECTED = ("?claim ?text ?mode ?hedged ?article ?doc ?start ?publisher ?publisherName ?cueText "
              "?hop ?index ?source ?name ?kind ?affName ?reliability ?verdict")


def _union(branches) -> str:
    return f"SELECT {_PROJECTED} WHERE {{\n  {{ " + " }\n  UNION { ".join(branches) + " }\n}"


#: The claim, its article and publisher, and its chain: enough to compare chains.
CLAIM_CHAINS = _union(_CHAIN_BRANCHES)
#: Everything :data:`CLAIM_ROWS` reads.
CLAIM_DETAILS = _union(_CHAIN_BRANCHES + _DETAIL_BRANCHES)

#: The hops of claims stored before mapping version 4, whose hops name no source: the name and kind
#: are the source's own, in the graph of the hop.
LEGACY_HOPS = """
SELECT ?claim ?hop ?index ?source ?name ?kind WHERE {
  GRAPH ?graph {
    ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; prov:wasAttributedTo ?source .
    ?source schema:name ?name ; cp:kind ?kind .
  }
}
"""

#: Claims read per query by :func:`records_of_claims`.
CLAIMS_PER_QUERY = 500


def _claim_batches(iris: Sequence[str]) -> Iterator[list[NamedNode]]:
    """The distinct IRIs as terms, :data:`CLAIMS_PER_QUERY` at a time, for a VALUES block each."""
    unique = list(dict.fromkeys(iris))
    for first in range(0, len(unique), CLAIMS_PER_QUERY):
        yield [NamedNode(iri) for iri in unique[first:first + CLAIMS_PER_QUERY]]


def records_of_claims(store, iris: Sequence[str], *, details: bool = True) -> list[ClaimRecord]:
    """The corrected records of the named claims (unknown IRIs are left out, withdrawn ones are marked),
    as :func:`claim_records` orders them; see :func:`_records_of_claims`."""
    return corrected_records(store, _records_of_claims(store, iris, details=details), claims=iris,
                             keep_withdrawn=True, order=_in_order)


def _records_of_claims(store, iris: Sequence[str], *, details: bool = True) -> list[ClaimRecord]:
    """The records of the named claims as extracted (unknown IRIs are left out), as :func:`claim_records` orders them.

    One query per :data:`CLAIMS_PER_QUERY` claims, bound to them by a VALUES block. The one wide
    query with OPTIONALs gives the same records, but pyoxigraph evaluates an OPTIONAL's patterns
    unbound and joins afterwards: 10 s for one claim of 100k, against about a millisecond here.
    With ``details=False`` a record has its text, article and chain, but no span start, cue,
    affiliations, ratings or verdicts (half the look-ups: for comparing chains).
    """
    query = CLAIM_DETAILS if details else CLAIM_CHAINS
    rows: list[dict] = []
    for batch in _claim_batches(iris):
        claims: dict[str, dict] = {}
        details_of: dict[str, dict] = defaultdict(dict)
        hops: dict[str, dict[int, dict]] = defaultdict(dict)
        verdicts: dict[str, list] = defaultdict(list)
        for part in store.select(query, {"claim": batch}):
            iri = part["claim"].value
            if "text" in part:
                claims[iri] = part
            elif "hop" in part:
                hops[iri].setdefault(int(part["index"].value), {}).update(part)
            elif "verdict" in part:
                verdicts[iri].append(part["verdict"])
            else:
                details_of[iri].update(part)
        unnamed = [NamedNode(iri) for iri in claims if not any("name" in hop for hop in hops[iri].values())]
        if unnamed:
            # Claims without a chain, or stored before their hops named their sources.
            for part in store.select(LEGACY_HOPS, {"claim": unnamed}):
                hops[part["claim"].value].setdefault(int(part["index"].value), {}).update(part)
        for iri, row in claims.items():
            base = {**row, **details_of[iri]}
            rows.append(base)
            rows.extend({**base, **hop} for hop in hops[iri].values() if "name" in hop)
            rows.extend({**base, "verdict": verdict} for verdict in verdicts[iri])
    return records_from_rows(rows)


CHAIN_SUMMARIES = "SELECT ?claim ?text ?summary WHERE { ?claim cp:chainSummary ?summary ; schema:text ?text }"


def chains_of_claims(store, iris: Sequence[str]) -> list[ClaimRecord]:
    """The named claims with their text, article and chain: enough to compare chains, as a trace does.

    Read from each claim's ``cp:chainSummary`` (one look-up a claim; see
    :func:`provenance.rdf.mapping.chain_summary`); claims without one (unattributed, or stored
    before mapping version 5), or with one that is not what the mapping writes, are read by
    :func:`records_of_claims` with ``details=False``. Unknown IRIs are left out; the order is
    :func:`records_of_claims`'s.
    """
    records: dict[str, ClaimRecord] = {}
    for batch in _claim_batches(iris):
        for row in store.select(CHAIN_SUMMARIES, {"claim": batch}):
            iri = row["claim"].value
            record = _record_from_summary(iri, row["text"].value, row["summary"].value)
            if record is not None and iri not in records:
                records[iri] = record
    rest = [iri for iri in dict.fromkeys(iris) if iri not in records]
    found = list(records.values()) + (_records_of_claims(store, rest, details=False) if rest else [])
    return corrected_records(store, found, claims=iris, order=lambda record: (record.article.id, record.iri))


def _record_from_summary(iri: str, text: str, summary: str) -> ClaimRecord | None:
    """The record a chain summary gives, None if it is not one."""
    try:
        article, doc, publisher_iri, publisher, mode, hedged, chain = json.loads(summary)
        return ClaimRecord(
            iri=iri,
            article=ArticleRef(iri=article, id=doc, publisher=publisher, publisher_iri=publisher_iri),
            text=text,
            mode=mode,
            hedged=hedged,
            chain=tuple(SourceRef(iri=source, name=name, kind=kind) for source, name, kind in chain),
        )
    except (ValueError, TypeError):
        return None


def records_from_rows(rows) -> list[ClaimRecord]:
    """Group hop rows into ClaimRecords, preserving the store's claim order by article and text offset.

    A hop's ``reliability`` is its source's rating in force (the newest; see :mod:`provenance.rdf.ratings`),
    a claim's ``verdicts`` the texts of the ClaimReviews on it.
    """
    claims: dict[str, dict] = {}
    hops: dict[str, dict[int, SourceRef]] = defaultdict(dict)
    verdicts: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        iri = row["claim"].value
        if iri not in claims:
            claims[iri] = row
        if "verdict" in row:
            verdicts[iri].add(row["verdict"].value)
        if "hop" in row and "name" in row:
            hops[iri][int(row["index"].value)] = SourceRef(
                iri=row["source"].value,
                name=row["name"].value,
                kind=local_suffix(row["kind"].value, "kind-"),
                reliability=local_suffix(row["reliability"].value, "reliability-") if "reliability" in row else None,
                affiliation=_text(row.get("affName")),
            )
    records = []
    for iri, row in claims.items():
        chain = tuple(source for _, source in sorted(hops[iri].items()))
        records.append(
            ClaimRecord(
                iri=iri,
                article=ArticleRef(
                    iri=row["article"].value,
                    id=row["doc"].value,
                    publisher=_text(row.get("publisherName")),
                    publisher_iri=_text(row.get("publisher")),
                ),
                text=row["text"].value,
                mode=local_suffix(row["mode"].value, "mode-"),
                hedged=row["hedged"].value == "true",
                chain=chain,
                cue=_text(row.get("cueText")),
                verdicts=tuple(sorted(verdicts[iri])),
                start=int(row["start"].value) if "start" in row else None,
            )
        )
    records.sort(key=lambda record: (record.article.id, record.start if record.start is not None else -1, record.iri))
    return records


FIND_BY_TEXT = """
SELECT DISTINCT ?claim ?fragment WHERE {
  ?claim a schema:Claim ; schema:text ?text .
  FILTER(CONTAINS(LCASE(STR(?text)), LCASE(STR(?fragment))))
}
"""

FIND_BY_PREFIX = """
SELECT DISTINCT ?claim ?prefix WHERE {
  ?claim a schema:Claim .
  FILTER(STRSTARTS(STR(?claim), STR(?prefix)) || STRSTARTS(REPLACE(STR(?claim), "^.*/", ""), STR(?prefix)))
}
"""

IS_CLAIM = "SELECT ?claim WHERE { ?claim a schema:Claim }"


def find_claim(store, reference: str) -> ClaimRecord:
    """The record of the one claim ``reference`` names (see :func:`resolve_claim`); an IRI is read at once."""
    reference = reference.strip()
    if "://" in reference or reference.startswith("urn:"):
        try:
            found = records_of_claims(store, [reference])
        except ValueError:
            found = []
        if found:
            return found[0]
    return records_of_claims(store, [resolve_claim(store, reference)])[0]


def resolve_claim(store, reference: str) -> str:
    """The IRI of the one claim that ``reference`` names: an IRI, a unique id prefix, or a unique text fragment.

    Raises NotFound when nothing matches and Ambiguous (listing the candidates) when several do.
    """
    reference = reference.strip()
    if not reference:
        raise NotFound("give a claim IRI, an id prefix as 'provenance claims' shows it, or a text fragment")
    if "://" in reference or reference.startswith("urn:"):
        try:
            if store.select(IS_CLAIM, {"claim": NamedNode(reference)}):
                return reference
        except ValueError:
            pass
    by_prefix = [row["claim"].value for row in store.select(FIND_BY_PREFIX, {"prefix": Literal(reference)})]
    if len(by_prefix) == 1:
        return by_prefix[0]
    made = made_claims(store, reference)
    by_prefix += [iri for iri in made if iri.rsplit("/", 1)[-1].startswith(reference) and iri not in by_prefix]
    if len(by_prefix) == 1:
        return by_prefix[0]
    by_text = [row["claim"].value for row in store.select(FIND_BY_TEXT, {"fragment": Literal(reference)})]
    by_text += [iri for iri in made if iri not in by_text and iri not in by_prefix]
    if len(by_text) == 1:
        return by_text[0]
    candidates = by_prefix or by_text
    if not candidates:
        raise NotFound(f"no claim matches {reference!r}; 'provenance claims' lists them")
    shown = ", ".join(iri.rsplit("/", 1)[-1][:10] for iri in sorted(candidates)[:5])
    raise Ambiguous(f"{len(candidates)} claims match {reference!r} ({shown}…); give a longer id or fragment")


@dataclass(frozen=True)
class HopDetail:
    """One hop of a traced chain: the source and the words of the article that mention it."""

    position: int
    source: SourceRef
    mention: str | None
    start: int | None
    end: int | None


# The spans of a claim and the mentions of its sources, in one query. No constant object in a
# pattern (the selectors are told apart by oa:start): see the note before CLAIM_DETAILS.
CLAIM_MARKS = """
SELECT ?part ?index ?start ?end ?mention WHERE {
  {
    ?annotation oa:hasBody ?claim ; oa:hasTarget ?target .
    ?target cp:spanIndex ?index ; oa:hasSelector ?selector .
    ?selector oa:start ?start ; oa:end ?end .
    BIND("span" AS ?part)
  }
  UNION {
    ?hop cp:statementOf ?claim ; cp:hopIndex ?index ; cp:mentionedAt ?target .
    ?target oa:hasSelector ?position, ?quote .
    ?position oa:start ?start ; oa:end ?end .
    ?quote oa:exact ?mention .
    BIND("hop" AS ?part)
  }
}
"""


def claim_mark_rows(store, iri: str) -> list[dict]:
    """The rows :func:`marks_of` reads: a claim's spans and its hops' mentions (none for an unknown IRI).

    Apart from the record, so that a trace can ask for them before it has the record. As corrected:
    see :func:`provenance.rdf.corrected.mark_rows`.
    """
    return mark_rows(store, iri, store.select(CLAIM_MARKS, {"claim": NamedNode(iri)}))


def marks_of(record: ClaimRecord, rows: list[dict]) -> tuple[tuple[tuple[int, int], ...], list[HopDetail]]:
    """Where the claim stands in its article (its spans, in order) and its hops with their mentions, origin first."""
    spans: dict[int, tuple[int, int]] = {}
    mentions: dict[int, dict] = {}
    for row in rows:
        index = int(row["index"].value)
        if row["part"].value == "span":
            spans[index] = (int(row["start"].value), int(row["end"].value))
        else:
            mentions[index] = row
    details = []
    for position, source in enumerate(record.chain):
        row = mentions.get(position, {})
        details.append(
            HopDetail(
                position=position,
                source=source,
                mention=_text(row.get("mention")),
                start=int(row["start"].value) if "start" in row else None,
                end=int(row["end"].value) if "end" in row else None,
            )
        )
    return tuple(span for _, span in sorted(spans.items())), details


ARTICLE_ROWS = """
SELECT DISTINCT ?article ?doc ?lang ?title ?url ?published ?publisherName ?hash ?graph WHERE {
  ?article a schema:NewsArticle ; schema:identifier ?doc .
  OPTIONAL { ?article schema:inLanguage ?lang }
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { GRAPH ?home { ?article schema:publisher/schema:name ?publisherName } }
  OPTIONAL { ?article cp:contentHash ?hash }
  OPTIONAL { ?article cp:articleGraph ?graph }
}
ORDER BY ?doc
"""


def articles(store) -> list[ArticleRef]:
    """Every stored article."""
    return [
        ArticleRef(
            iri=row["article"].value,
            id=row["doc"].value,
            lang=_text(row.get("lang")),
            title=_text(row.get("title")),
            url=_text(row.get("url")),
            published=_text(row.get("published")),
            publisher=_text(row.get("publisherName")),
        )
        for row in store.select(ARTICLE_ROWS)
    ]


ARTICLE_TEXT = "SELECT ?article ?text WHERE { ?article schema:text ?text }"


def article_text(store, article: str) -> str:
    rows = store.select(ARTICLE_TEXT, {"article": NamedNode(article)})
    if not rows:
        raise NotFound(f"no article {article!r} in the store")
    return rows[0]["text"].value


STORED_HASH = """
SELECT ?article ?hash WHERE { ?article cp:contentHash ?hash }
"""


#: Articles looked up by one STORED_HASH query at most.
HASHES_PER_QUERY = 1_000


def stored_hashes(store, articles: list[str]) -> dict[str, str]:
    """The content hashes stored for those of ``articles`` (IRIs) that are in the store.

    One query per thousand articles: a query per article cost 8 s of 56 in a 100k-claim ingest.
    """
    hashes: dict[str, str] = {}
    for start in range(0, len(articles), HASHES_PER_QUERY):
        chunk = [NamedNode(article) for article in articles[start : start + HASHES_PER_QUERY]]
        for row in store.select(STORED_HASH, {"article": chunk}):
            hashes[row["article"].value] = row["hash"].value
    return hashes
