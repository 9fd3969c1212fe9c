"""Model -> RDF: an article, its claims and their chains as PROV entities in the article's named graph.

For a claim whose chain is [origin, relay] the graph holds::

    <claim>      a schema:Claim, prov:Entity ; schema:text "…" ;
                 prov:wasDerivedFrom <claim/hop/1> ; prov:hadPrimarySource <claim/hop/0> .
    <claim/hop/1> a cp:Statement ; prov:wasAttributedTo <relay> ; prov:wasDerivedFrom <claim/hop/0> .
    <claim/hop/0> a cp:Statement ; prov:wasAttributedTo <origin> .

so ``prov:wasQuotedFrom+``/``prov:wasDerivedFrom+`` walks any chain. Direct quotes use
``prov:wasQuotedFrom``. The claim's text is a literal, never triples of its own: the graph
records who said it, not that it is true.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property

from pyoxigraph import Literal, NamedNode, Quad, Triple

from provenance import __version__
from provenance.errors import InvalidInput
from provenance.model import Article, Claim, Hop
from provenance.model.documents import document_from_article
from provenance.model.wording import same_claim_keys
from provenance.rdf import vocab as v
from provenance.rdf.iris import IriScheme

CP_CORPUS_SUMMARY = NamedNode(v.CP + "corpusSummary")
CP_SAME_CLAIM_KEY = NamedNode(v.CP + "sameClaimKey")
CP_CHAIN_SUMMARY = NamedNode(v.CP + "chainSummary")
XSD_INTEGER = NamedNode(v.XSD + "integer")
XSD_BOOLEAN = NamedNode(v.XSD + "boolean")
XSD_DATE = NamedNode(v.XSD + "date")
XSD_DATETIME = NamedNode(v.XSD + "dateTime")
QUOTE_CONTEXT = 32
#: Raised whenever the triples written for the same article change shape (2: cp:corpusSummary,
#: 3: cp:sameClaimKey, 4: cp:sourceName and cp:sourceKind on every hop, 5: cp:chainSummary).
MAPPING_VERSION = 5


Statement = tuple[NamedNode, NamedNode, NamedNode | Literal]
#: One encoder for every summary literal: ``json.dumps`` with options makes a new one each call.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class ArticleGraph:
    """The statements of one article in the named graph they go in, and the hash that makes writes idempotent.

    They are kept as (subject, predicate, object) tuples and become pyoxigraph quads or N-Quads
    text as the store needs: a new article goes to the embedded store as N-Quads, which its bulk
    loader parses without the GIL, and building a ``Quad`` (2.6 µs: it copies its four terms)
    cost more than the line of text and its parsing together.
    """

    graph: str
    article: str
    content_hash: str
    statements: list[Statement]

    @cached_property
    def quads(self) -> list[Quad]:
        graph = NamedNode(self.graph)
        return [Quad(subject, predicate, obj, graph) for subject, predicate, obj in self.statements]

    @property
    def triples(self) -> list[Triple]:
        return [Triple(subject, predicate, obj) for subject, predicate, obj in self.statements]

    def nquads(self) -> str:
        """The statements as N-Quads lines (pyoxigraph writes each term in N-Triples syntax).

        A subject's text is made once per article (it recurs in about six statements), a
        predicate's once: looking one up costs a quarter of asking pyoxigraph for it again.
        Objects, mostly literals said once, are asked for (mapping 20k claims: 2.1 s against
        2.3 s with every term asked for, 2.4 s with every term looked up).
        """
        graph = f"{NamedNode(self.graph)} .\n"
        subjects, predicates = _TermTexts(), _PREDICATE_TEXTS
        return "".join([f"{subjects[subject]} {predicates[predicate]} {obj} {graph}"
                        for subject, predicate, obj in self.statements])


class _TermTexts(dict):
    """``{term: its N-Triples text}``, filled as terms are asked for."""

    def __missing__(self, term) -> str:
        text = self[term] = str(term)
        return text


#: The vocabulary's predicates as N-Triples: a few dozen, shared by every article.
_PREDICATE_TEXTS = _TermTexts()


def content_hash(article: Article, scheme: IriScheme) -> str:
    """Hash of everything that determines an article's triples, except the time of the write.

    The mapping's version is part of it, so re-adding an article after the mapping changed
    rewrites its graph instead of keeping triples of the old shape.
    """
    document = document_from_article(article, include_ids=False)
    payload = json.dumps([MAPPING_VERSION, scheme.base, article.text, document], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_graph(article: Article, scheme: IriScheme, *, method: str, time: str) -> ArticleGraph:
    """Map a validated article to its triples; assigns every claim its IRI (``claim.id``)."""
    article.validate()
    writer = _Writer(article, scheme)
    digest = content_hash(article, scheme)
    writer.article_triples(digest, method, time)
    seen: set[str] = set()
    for claim in article.claims:
        claim.id = scheme.claim(article.id, claim)
        if claim.id in seen:
            raise InvalidInput(f"article {article.id!r}: two claims have the same spans and text ({claim.text[:40]!r})")
        seen.add(claim.id)
        writer.claim_triples(claim)
    writer.summary_triple()
    return ArticleGraph(graph=scheme.graph(article.id), article=writer.article_iri.value, content_hash=digest,
                        statements=writer.statements)


def corpus_summary(article: str, doc: str, publisher: str | None,
                   claims: list[tuple[str, str, bool, str, list[str]]]) -> str:
    """The ``cp:corpusSummary`` of an article: what the corpus analysis reads of it, as one JSON literal.

    ``[article IRI, id, publisher IRI or null, [[claim IRI, mode, hedged, text, [source IRI, ...]], ...]]``,
    sources origin first. Reading a million claims is then one scan of one predicate (an on-disk
    store pays a lookup per value it decodes: one per article instead of ten per claim); names,
    kinds and ratings are read on their own, as they may change without the article.

    >>> corpus_summary("urn:a", "a1", None, [("urn:c", "indirect", False, "Es schneit", ["urn:s"])])
    '["urn:a","a1",null,[["urn:c","indirect",false,"Es schneit",["urn:s"]]]]'
    """
    return _JSON.encode([article, doc, publisher, claims])


def chain_summary(article: str, doc: str, publisher: tuple[str, str] | None, mode: str, hedged: bool,
                  chain: list[tuple[str, str, str]]) -> str:
    """The ``cp:chainSummary`` of an attributed claim: what a trace shows of a claim that says the same.

    ``[article IRI, id, publisher IRI or null, publisher name or null, mode, hedged,
    [[source IRI, name, kind], ...]]``, origin first. A trace reads it for each claim that says the
    same as the traced one: one look-up per claim instead of about twenty (1M claims, four such
    claims: 0.3 ms against 2.9 ms). Like ``cp:sourceName`` on a hop, it repeats what the article's
    graph says and is written and replaced with it.

    >>> chain_summary("urn:a", "a1", None, "indirect", False, [("urn:s", "Tass", "news-agency")])
    '["urn:a","a1",null,null,"indirect",false,[["urn:s","Tass","news-agency"]]]'
    """
    publisher_iri, publisher_name = publisher if publisher is not None else (None, None)
    return _JSON.encode([article, doc, publisher_iri, publisher_name, mode, hedged, chain])


def _literal(value: str) -> Literal:
    return Literal(value)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def _date_literal(value: str) -> Literal:
    datatype = XSD_DATETIME if "T" in value else XSD_DATE
    return Literal(value, datatype=datatype)


class _Writer:
    """Accumulates the triples of one article; one method per kind of resource."""

    def __init__(self, article: Article, scheme: IriScheme) -> None:
        self.article = article
        self.scheme = scheme
        self.article_iri = NamedNode(scheme.article(article.id))
        self.activity: NamedNode | None = None
        self.statements: list[Statement] = []
        self.described_sources: set[str] = set()
        self.publisher_iri = scheme.named_agent(article.publisher) if article.publisher else None
        #: Each claim's source IRIs, origin first: the statements, the chain summary and the corpus summary name them.
        self.sources: dict[str, list[str]] = {}

    def add(self, subject, predicate, obj) -> None:
        self.statements.append((subject, predicate, obj))

    def article_triples(self, digest: str, method: str, time: str) -> None:
        article, a = self.article, self.article_iri
        self.add(a, v.RDF_TYPE, v.SCHEMA_NEWS_ARTICLE)
        self.add(a, v.RDF_TYPE, v.PROV_ENTITY)
        self.add(a, v.SCHEMA_IDENTIFIER, _literal(article.id))
        self.add(a, v.SCHEMA_TEXT, _literal(article.text))
        self.add(a, v.CP_CONTENT_HASH, _literal(digest))
        self.add(a, v.CP_ARTICLE_GRAPH, NamedNode(self.scheme.graph(article.id)))
        if article.lang:
            self.add(a, v.SCHEMA_IN_LANGUAGE, _literal(article.lang))
        if article.title:
            self.add(a, v.SCHEMA_HEADLINE, _literal(article.title))
        if article.url:
            self.add(a, v.SCHEMA_URL, _iri(article.url, "url"))
        if article.published:
            self.add(a, v.SCHEMA_DATE_PUBLISHED, _date_literal(article.published))
        if article.publisher:
            outlet = NamedNode(self.publisher_iri)
            self.add(a, v.SCHEMA_PUBLISHER, outlet)
            self.add(a, v.PROV_WAS_ATTRIBUTED_TO, outlet)
            self.add(outlet, v.RDF_TYPE, v.PROV_AGENT)
            self.add(outlet, v.RDF_TYPE, v.PROV_ORGANIZATION)
            self.add(outlet, v.SCHEMA_NAME, _literal(article.publisher))
        activity = NamedNode(self.scheme.activity(article.id, digest))
        tool = NamedNode(self.scheme.tool(__version__))
        self.activity = activity
        self.add(activity, v.RDF_TYPE, v.PROV_ACTIVITY)
        self.add(activity, v.PROV_USED, a)
        self.add(activity, v.PROV_WAS_ASSOCIATED_WITH, tool)
        self.add(activity, v.PROV_STARTED_AT_TIME, Literal(time, datatype=XSD_DATETIME))
        self.add(activity, v.CP_INGEST_METHOD, _literal(method))
        self.add(tool, v.RDF_TYPE, v.PROV_SOFTWARE_AGENT)
        self.add(tool, v.SCHEMA_NAME, _literal("claim-provenance"))
        self.add(tool, v.SCHEMA_SOFTWARE_VERSION, _literal(__version__))

    def summary_triple(self) -> None:
        """``cp:corpusSummary`` of the article (:func:`corpus_summary`), after its claims have their IRIs."""
        article = self.article
        claims = [[claim.id, claim.mode, bool(claim.hedged), claim.text, self.sources[claim.id]] for claim in article.claims]
        self.add(self.article_iri, CP_CORPUS_SUMMARY,
                 _literal(corpus_summary(self.article_iri.value, article.id, self.publisher_iri, claims)))

    def claim_triples(self, claim: Claim) -> None:
        c = NamedNode(claim.id)
        self.add(c, v.RDF_TYPE, v.SCHEMA_CLAIM)
        self.add(c, v.RDF_TYPE, v.PROV_ENTITY)
        self.add(c, v.SCHEMA_TEXT, _literal(claim.text))
        self.add(c, v.SCHEMA_IS_PART_OF, self.article_iri)
        self.add(c, v.CP_MODE, v.mode_term(claim.mode))
        self.add(c, v.CP_HEDGED, Literal("true" if claim.hedged else "false", datatype=XSD_BOOLEAN))
        self.add(c, v.PROV_WAS_GENERATED_BY, self.activity)
        if claim.due:
            self.add(c, v.CP_DUE, _literal(claim.due))
        annotation = NamedNode(claim.id + "#annotation")
        self.add(annotation, v.RDF_TYPE, v.OA_ANNOTATION)
        self.add(annotation, v.OA_MOTIVATED_BY, v.OA_IDENTIFYING)
        self.add(annotation, v.OA_HAS_BODY, c)
        for index, (start, end) in enumerate(claim.spans):
            target = self.text_target(claim.id + f"#target-{index}", start, end)
            self.add(target, v.CP_SPAN_INDEX, _int(index))
            self.add(annotation, v.OA_HAS_TARGET, target)
        if claim.cue is not None:
            cue = NamedNode(claim.id + "#cue")
            self.add(c, v.CP_CUE_PROP, cue)
            self.add(cue, v.RDF_TYPE, v.CP_CUE)
            self.add(cue, v.SCHEMA_TEXT, _literal(claim.cue.text))
            for index, (start, end) in enumerate(claim.cue.spans):
                target = self.text_target(claim.id + f"#cue-{index}", start, end)
                self.add(target, v.CP_SPAN_INDEX, _int(index))
                self.add(cue, v.OA_HAS_TARGET, target)
        link = v.PROV_WAS_QUOTED_FROM if claim.mode == "direct" else v.PROV_WAS_DERIVED_FROM
        previous = None
        sources = self.sources[claim.id] = [self.scheme.source(self.article.id, hop.source) for hop in claim.chain]
        for index, (hop, source) in enumerate(zip(claim.chain, sources)):
            statement = NamedNode(f"{claim.id}/hop/{index}")
            self.statement_triples(statement, c, index, hop, NamedNode(source))
            if previous is not None:
                self.add(statement, link, previous)
            previous = statement
        if claim.chain:
            self.add(c, link, previous)
            self.add(c, v.PROV_HAD_PRIMARY_SOURCE, NamedNode(f"{claim.id}/hop/0"))
            # Attributed claims only: the claims that say the same as a traced one are looked up by these,
            # and shown by their summaries.
            for key in same_claim_keys(claim.text):
                self.add(c, CP_SAME_CLAIM_KEY, _literal(key))
            self.add(c, CP_CHAIN_SUMMARY, _literal(self.chain_summary(claim, sources)))

    def chain_summary(self, claim: Claim, sources: list[str]) -> str:
        """:func:`chain_summary` of one claim of this article, whose sources have these IRIs."""
        article = self.article
        publisher = (self.publisher_iri, article.publisher) if self.publisher_iri else None
        chain = [(source, hop.source.name, hop.source.kind) for hop, source in zip(claim.chain, sources)]
        return chain_summary(self.article_iri.value, article.id, publisher, claim.mode, bool(claim.hedged), chain)

    def statement_triples(self, statement: NamedNode, claim: NamedNode, index: int, hop: Hop, source: NamedNode) -> None:
        self.add(statement, v.RDF_TYPE, v.CP_STATEMENT)
        self.add(statement, v.RDF_TYPE, v.PROV_ENTITY)
        self.add(statement, v.PROV_WAS_ATTRIBUTED_TO, source)
        self.add(statement, v.CP_HOP_INDEX, _int(index))
        self.add(statement, v.CP_STATEMENT_OF, claim)
        # The source's name and kind again, on the hop: a trace reads them here, not from the agent,
        # whose description every article graph that cites it repeats (a server without a
        # graph-first index scans every copy: 173 ms a trace on 1M claims in Virtuoso).
        self.add(statement, v.CP_SOURCE_NAME, _literal(hop.source.name))
        self.add(statement, v.CP_SOURCE_KIND, v.kind_term(hop.source.kind))
        if hop.start is not None:
            mention = self.text_target(statement.value + "#mention", hop.start, hop.end)
            self.add(statement, v.CP_MENTIONED_AT, mention)
        if hop.antecedent is not None:
            antecedent = self.text_target(statement.value + "#antecedent", *hop.antecedent)
            self.add(statement, v.CP_ANTECEDENT_AT, antecedent)
        self.source_triples(source, hop)

    def source_triples(self, source: NamedNode, hop: Hop) -> None:
        key = source.value
        if key in self.described_sources:
            return
        self.described_sources.add(key)
        model = hop.source
        self.add(source, v.RDF_TYPE, v.PROV_AGENT)
        if model.kind in ("person", "anonymous-person"):
            self.add(source, v.RDF_TYPE, v.PROV_PERSON)
        elif model.kind not in ("unknown", "document"):
            self.add(source, v.RDF_TYPE, v.PROV_ORGANIZATION)
        self.add(source, v.SCHEMA_NAME, _literal(model.name))
        self.add(source, v.CP_KIND, v.kind_term(model.kind))
        if model.medium:
            self.add(source, v.CP_MEDIUM, _literal(model.medium))
        if model.affiliation:
            principal = NamedNode(self.scheme.named_agent(model.affiliation))
            self.add(source, v.PROV_ACTED_ON_BEHALF_OF, principal)
            self.add(principal, v.RDF_TYPE, v.PROV_AGENT)
            self.add(principal, v.SCHEMA_NAME, _literal(model.affiliation))

    def text_target(self, iri: str, start: int, end: int) -> NamedNode:
        """A Web Annotation target into the article: position and quote selectors."""
        text = self.article.text
        target = NamedNode(iri)
        position = NamedNode(iri + "-position")
        quote = NamedNode(iri + "-quote")
        self.add(target, v.RDF_TYPE, v.OA_SPECIFIC_RESOURCE)
        self.add(target, v.OA_HAS_SOURCE, self.article_iri)
        self.add(target, v.OA_HAS_SELECTOR, position)
        self.add(target, v.OA_HAS_SELECTOR, quote)
        self.add(position, v.RDF_TYPE, v.OA_TEXT_POSITION_SELECTOR)
        self.add(position, v.OA_START, _int(start))
        self.add(position, v.OA_END, _int(end))
        self.add(quote, v.RDF_TYPE, v.OA_TEXT_QUOTE_SELECTOR)
        self.add(quote, v.OA_EXACT, _literal(text[start:end]))
        self.add(quote, v.OA_PREFIX, _literal(text[max(0, start - QUOTE_CONTEXT) : start]))
        self.add(quote, v.OA_SUFFIX, _literal(text[end : end + QUOTE_CONTEXT]))
        return target


def _iri(value: str, what: str) -> NamedNode:
    try:
        return NamedNode(value)
    except ValueError:
        raise InvalidInput(f"{what} {value!r} is not a valid IRI") from None

