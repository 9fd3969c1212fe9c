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

import base64
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache, cached_property
from types import SimpleNamespace

import pyoxigraph as ox
from pyoxigraph import NamedNode

from provenance import __version__
from provenance.errors import InvalidInput
from provenance.model import Article, Claim, Hop, WebPage
from provenance.model.documents import document_from_article
from provenance.model.search_entry import SearchEntry
from provenance.model.search_words import search_words
from provenance.model.wording import same_claim_keys
from provenance.rdf import vocab as v
from provenance.rdf.iris import IriScheme

CP_CORPUS_SUMMARY = NamedNode(v.CP + "corpusSummary")
CP_SAME_CLAIM_KEY = NamedNode(v.CP + "sameClaimKey")
CP_CHAIN_SUMMARY = NamedNode(v.CP + "chainSummary")
CP_SEARCH_WORD = NamedNode(v.CP + "searchWord")
QUOTE_CONTEXT = 32
#: Raised whenever the triples written for the same article change shape (2: cp:corpusSummary,
#: 3: cp:sameClaimKey, 4: cp:sourceName and cp:sourceKind on every hop, 5: cp:chainSummary,
#: 6: cp:searchWord).
MAPPING_VERSION = 6

#: The vocabulary's IRIs as N-Triples text: ``T.RDF_TYPE`` is ``"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"``.
T = SimpleNamespace(
    **{name: str(term) for name, term in vars(v).items() if isinstance(term, NamedNode)},
    CP_CORPUS_SUMMARY=str(CP_CORPUS_SUMMARY), CP_SAME_CLAIM_KEY=str(CP_SAME_CLAIM_KEY),
    CP_CHAIN_SUMMARY=str(CP_CHAIN_SUMMARY), CP_SEARCH_WORD=str(CP_SEARCH_WORD),
)
_XSD_INTEGER = f"<{v.XSD}integer>"
_XSD_BOOLEAN = f"<{v.XSD}boolean>"
_XSD_DATE = f"<{v.XSD}date>"
_XSD_DATETIME = f"<{v.XSD}dateTime>"
_XSD_BASE64 = f"<{v.XSD}base64Binary>"
#: What N-Triples escapes in a literal, as pyoxigraph writes it (a test compares every code point):
#: the C0 controls, DEL, U+FFFE and U+FFFF as ``\\uXXXX`` unless they have a short escape, ``"`` and ``\\``.
_ESCAPES = {
    **{chr(code): f"\\u{code:04X}" for code in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF]},
    "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\",
}
#: The others than ``"`` and ``\\`` in one pattern: a regular expression skips what needs no escape at C
#: speed, where ``str.translate`` looks every character up (German article text: 1.0 ms against
#: 11.2 ms for 240k characters). Quotes and backslashes, many in the JSON summaries, are replaced
#: by ``str.replace`` (100k synthetic claims: 3.0M matches fewer, mapping 7.7 s against 8.3 s).
_CONTROLS = re.compile("[" + re.escape("".join(c for c in _ESCAPES if c not in '"\\')) + "]")
#: One encoder for every summary literal: ``json.dumps`` with options makes a new one each call.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class ArticleGraph:
    """The statements of one article in the named graph they go in, and the hash that makes writes idempotent.

    Each statement is kept as its N-Triples line, ``subject predicate object`` without the final
    dot, and the article goes to the store as N-Quads text, which the embedded store's bulk loader
    parses without the GIL. The mapping writes that text itself instead of asking pyoxigraph for
    the text of terms it built: building a term cost about as much as writing its text, which was
    asked for afterwards (100k synthetic claims, mapping and text: 11.0 s, against 16.0 s with
    terms; the text is byte for byte the same). The IRIs are checked where they are made
    (:class:`IriScheme` checks its base once, ``article.url`` is built as a ``NamedNode``), and
    literals are escaped as pyoxigraph escapes them (tests/foundation/test_nquads_text.py).
    """

    graph: str
    article: str
    content_hash: str
    lines: list[str]
    #: Its claims as a search index holds them (provenance.storage.search_index), made with their search words.
    search_entries: tuple[SearchEntry, ...] = ()

    @property
    def size(self) -> int:
        """The number of statements (triples)."""
        return len(self.lines)

    def nquads(self) -> str:
        """The statements as N-Quads text, one line each."""
        end = f" <{self.graph}> .\n"
        return end.join(self.lines) + end

    @cached_property
    def quads(self) -> list[ox.Quad]:
        """The statements as pyoxigraph quads, parsed from the text (IRIs checked): for a write that replaces a graph."""
        return list(ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS))

    @property
    def triples(self) -> list[ox.Triple]:
        """The statements as pyoxigraph triples, without their graph."""
        return [quad.triple for quad in self.quads]


def content_hash(article: Article, scheme: IriScheme) -> str:
    """Hash of everything that determines an article's triples, except the time of the write.

    The mapping's version is part of it, so re-adding an article after the mapping changed
    rewrites its graph instead of keeping triples of the old shape. Every text the article's
    literals are made of is in it, so this is also where a text that is no Unicode (a lone
    surrogate, which JSON's ``\\ud800`` can give) is turned away.
    """
    document = document_from_article(article, include_ids=False)
    parts = [MAPPING_VERSION, scheme.base, article.text, document]
    if article.page is not None:
        # The page's bytes and address, not the time it was fetched: fetching the same page again changes nothing.
        page = article.page
        parts.append([page.url, page.location, page.media_type, page.sha256, page.feed_item])
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    try:
        encoded = payload.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(f"article {article.id!r}: its text or claims hold a lone surrogate (\\ud800-\\udfff), not a character") from None
    return hashlib.sha256(encoded).hexdigest()


def article_graph(article: Article, scheme: IriScheme, *, method: str, time: str) -> ArticleGraph:
    """Map a validated article to its triples; assigns every claim its IRI (``claim.id``)."""
    article.validate()
    digest = content_hash(article, scheme)
    writer = _Writer(article, scheme)
    writer.article_triples(digest, method, time)
    seen: set[str] = set()
    for claim in article.claims:
        claim.id = scheme.claim(article.id, claim)
        if claim.id in seen:
            raise InvalidInput(f"article {article.id!r}: two claims have the same spans and text ({claim.text[:40]!r})")
        seen.add(claim.id)
        writer.claim_triples(claim)
    writer.summary_triple()
    return ArticleGraph(graph=writer.graph, article=writer.article_iri, content_hash=digest,
                        lines=writer.lines, search_entries=tuple(writer.search_entries))


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


def _literal(value: str) -> str:
    """A plain literal as N-Triples text."""
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if '"' in value:
        value = value.replace('"', '\\"')
    return f'"{_CONTROLS.sub(_escape, value)}"'


def _escape(match: re.Match) -> str:
    return _ESCAPES[match.group()]


def _int(value: int) -> str:
    return f'"{value}"^^{_XSD_INTEGER}'


def _date_literal(value: str) -> str:
    return f'{_literal(value)}^^{_XSD_DATETIME if "T" in value else _XSD_DATE}'


@cache
def _kind(kind: str) -> str:
    return str(v.kind_term(kind))


@cache
def _mode(mode: str) -> str:
    return str(v.mode_term(mode))


class _Writer:
    """Accumulates the statements of one article as N-Triples lines; one method per kind of resource.

    Terms are passed as N-Triples text: ``<iri>`` for an IRI, :func:`_literal` for a literal.
    """

    def __init__(self, article: Article, scheme: IriScheme) -> None:
        self.article = article
        self.scheme = scheme
        self.article_iri = scheme.article(article.id)
        self.a = f"<{self.article_iri}>"
        self.graph = scheme.graph(article.id)
        self.activity = ""
        self.lines: list[str] = []
        self.described_sources: set[str] = set()
        self.publisher_iri = scheme.named_agent(article.publisher) if article.publisher else None
        #: Each claim's source IRIs, origin first: the statements, the chain summary and the corpus summary name them.
        self.sources: dict[str, list[str]] = {}
        self.search_entries: list[SearchEntry] = []

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self.lines.append(f"{subject} {predicate} {obj}")

    def article_triples(self, digest: str, method: str, time: str) -> None:
        article, a = self.article, self.a
        self.add(a, T.RDF_TYPE, T.SCHEMA_NEWS_ARTICLE)
        self.add(a, T.RDF_TYPE, T.PROV_ENTITY)
        self.add(a, T.SCHEMA_IDENTIFIER, _literal(article.id))
        self.add(a, T.SCHEMA_TEXT, _literal(article.text))
        self.add(a, T.CP_CONTENT_HASH, _literal(digest))
        self.add(a, T.CP_ARTICLE_GRAPH, f"<{self.graph}>")
        if article.lang:
            self.add(a, T.SCHEMA_IN_LANGUAGE, _literal(article.lang))
        if article.title:
            self.add(a, T.SCHEMA_HEADLINE, _literal(article.title))
        if article.url:
            self.add(a, T.SCHEMA_URL, _iri(article.url, "url"))
        if article.published:
            self.add(a, T.SCHEMA_DATE_PUBLISHED, _date_literal(article.published))
        if article.modified:
            self.add(a, T.SCHEMA_DATE_MODIFIED, _date_literal(article.modified))
        if article.author:
            self.add(a, T.SCHEMA_AUTHOR, _literal(article.author))
        if article.page is not None:
            self.page_triples(article.page)
        if article.publisher:
            outlet = f"<{self.publisher_iri}>"
            self.add(a, T.SCHEMA_PUBLISHER, outlet)
            self.add(a, T.PROV_WAS_ATTRIBUTED_TO, outlet)
            self.add(outlet, T.RDF_TYPE, T.PROV_AGENT)
            self.add(outlet, T.RDF_TYPE, T.PROV_ORGANIZATION)
            self.add(outlet, T.SCHEMA_NAME, _literal(article.publisher))
        activity = self.activity = f"<{self.scheme.activity(article.id, digest)}>"
        tool = f"<{self.scheme.tool(__version__)}>"
        self.add(activity, T.RDF_TYPE, T.PROV_ACTIVITY)
        self.add(activity, T.PROV_USED, a)
        self.add(activity, T.PROV_WAS_ASSOCIATED_WITH, tool)
        self.add(activity, T.PROV_STARTED_AT_TIME, f"{_literal(time)}^^{_XSD_DATETIME}")
        self.add(activity, T.CP_INGEST_METHOD, _literal(method))
        self.add(tool, T.RDF_TYPE, T.PROV_SOFTWARE_AGENT)
        self.add(tool, T.SCHEMA_NAME, _literal("claim-provenance"))
        self.add(tool, T.SCHEMA_SOFTWARE_VERSION, _literal(__version__))

    def page_triples(self, page: WebPage) -> None:
        """The page the article was read from, with its bytes (gzip, base64) so that it can be read again offline."""
        node = f"<{self.article_iri}#page>"
        self.add(self.a, T.PROV_WAS_DERIVED_FROM, node)
        self.add(node, T.RDF_TYPE, T.SCHEMA_WEB_PAGE)
        self.add(node, T.RDF_TYPE, T.PROV_ENTITY)
        self.add(node, T.SCHEMA_URL, _iri(page.location, "page location"))
        self.add(node, T.CP_REQUESTED_URL, _iri(page.url, "page url"))
        self.add(node, T.PROV_GENERATED_AT_TIME, f"{_literal(page.retrieved)}^^{_XSD_DATETIME}")
        self.add(node, T.SCHEMA_ENCODING_FORMAT, _literal(page.media_type))
        self.add(node, T.SCHEMA_SHA256, _literal(page.sha256))
        if page.feed_item:
            self.add(node, T.CP_FEED_ITEM, _literal(page.feed_item))
        packed = base64.b64encode(gzip.compress(page.content, mtime=0)).decode("ascii")
        self.add(node, T.CP_PAGE_CONTENT, f'"{packed}"^^{_XSD_BASE64}')

    def summary_triple(self) -> None:
        """``cp:corpusSummary`` of the article (:func:`corpus_summary`), after its claims have their IRIs."""
        article = self.article
        claims = [[claim.id, claim.mode, bool(claim.hedged), claim.text, self.sources[claim.id]] for claim in article.claims]
        self.add(self.a, T.CP_CORPUS_SUMMARY,
                 _literal(corpus_summary(self.article_iri, article.id, self.publisher_iri, claims)))

    def claim_triples(self, claim: Claim) -> None:
        iri = claim.id
        c = f"<{iri}>"
        self.add(c, T.RDF_TYPE, T.SCHEMA_CLAIM)
        self.add(c, T.RDF_TYPE, T.PROV_ENTITY)
        self.add(c, T.SCHEMA_TEXT, _literal(claim.text))
        self.add(c, T.SCHEMA_IS_PART_OF, self.a)
        self.add(c, T.CP_MODE, _mode(claim.mode))
        self.add(c, T.CP_HEDGED, f'"{"true" if claim.hedged else "false"}"^^{_XSD_BOOLEAN}')
        self.add(c, T.PROV_WAS_GENERATED_BY, self.activity)
        if claim.due:
            self.add(c, T.CP_DUE, _literal(claim.due))
        annotation = f"<{iri}#annotation>"
        self.add(annotation, T.RDF_TYPE, T.OA_ANNOTATION)
        self.add(annotation, T.OA_MOTIVATED_BY, T.OA_IDENTIFYING)
        self.add(annotation, T.OA_HAS_BODY, c)
        for index, (start, end) in enumerate(claim.spans):
            target = self.text_target(f"{iri}#target-{index}", start, end)
            self.add(target, T.CP_SPAN_INDEX, _int(index))
            self.add(annotation, T.OA_HAS_TARGET, target)
        if claim.cue is not None:
            cue = f"<{iri}#cue>"
            self.add(c, T.CP_CUE_PROP, cue)
            self.add(cue, T.RDF_TYPE, T.CP_CUE)
            self.add(cue, T.SCHEMA_TEXT, _literal(claim.cue.text))
            for index, (start, end) in enumerate(claim.cue.spans):
                target = self.text_target(f"{iri}#cue-{index}", start, end)
                self.add(target, T.CP_SPAN_INDEX, _int(index))
                self.add(cue, T.OA_HAS_TARGET, target)
        link = T.PROV_WAS_QUOTED_FROM if claim.mode == "direct" else T.PROV_WAS_DERIVED_FROM
        previous = None
        sources = self.sources[iri] = [self.scheme.source(self.article.id, hop.source) for hop in claim.chain]
        for index, (hop, source) in enumerate(zip(claim.chain, sources)):
            statement = self.statement_triples(f"{iri}/hop/{index}", c, index, hop, source)
            if previous is not None:
                self.add(statement, link, previous)
            previous = statement
        if previous is not None:
            self.add(c, link, previous)
            self.add(c, T.PROV_HAD_PRIMARY_SOURCE, f"<{iri}/hop/0>")
            # Attributed claims only: the claims that say the same as a traced one are looked up by these,
            # and shown by their summaries.
            for key in same_claim_keys(claim.text):
                self.add(c, T.CP_SAME_CLAIM_KEY, _literal(key))
            self.add(c, T.CP_CHAIN_SUMMARY, _literal(self.chain_summary(claim, sources)))
        # What a search looks up (provenance.rdf.claim_search): the words of the text and of the sources' names.
        words = sorted(search_words(claim.text, self.article.lang, also=[hop.source.name for hop in claim.chain]))
        for word in words:
            self.add(c, T.CP_SEARCH_WORD, _literal(word))
        start = claim.spans[0][0] if claim.spans else -1
        self.search_entries.append(SearchEntry(iri, self.graph, self.article.id, start, frozenset(words),
                                               frozenset(sources), frozenset(sources[:1])))

    def chain_summary(self, claim: Claim, sources: list[str]) -> str:
        """:func:`chain_summary` of one claim of this article, whose sources have these IRIs."""
        article = self.article
        publisher = (self.publisher_iri, article.publisher) if self.publisher_iri else None
        chain = [(source, hop.source.name, hop.source.kind) for hop, source in zip(claim.chain, sources)]
        return chain_summary(self.article_iri, article.id, publisher, claim.mode, bool(claim.hedged), chain)

    def statement_triples(self, iri: str, claim: str, index: int, hop: Hop, source: str) -> str:
        """The statements of one hop and of its source (once per article); returns the hop's term."""
        statement = f"<{iri}>"
        agent = f"<{source}>"
        self.add(statement, T.RDF_TYPE, T.CP_STATEMENT)
        self.add(statement, T.RDF_TYPE, T.PROV_ENTITY)
        self.add(statement, T.PROV_WAS_ATTRIBUTED_TO, agent)
        self.add(statement, T.CP_HOP_INDEX, _int(index))
        self.add(statement, T.CP_STATEMENT_OF, claim)
        # The source's name and kind again, on the hop: a trace reads them here, not from the agent,
        # whose description every article graph that cites it repeats (a server without a
        # graph-first index scans every copy: 173 ms a trace on 1M claims in Virtuoso).
        self.add(statement, T.CP_SOURCE_NAME, _literal(hop.source.name))
        self.add(statement, T.CP_SOURCE_KIND, _kind(hop.source.kind))
        if hop.start is not None:
            mention = self.text_target(iri + "#mention", hop.start, hop.end)
            self.add(statement, T.CP_MENTIONED_AT, mention)
        if hop.antecedent is not None:
            antecedent = self.text_target(iri + "#antecedent", *hop.antecedent)
            self.add(statement, T.CP_ANTECEDENT_AT, antecedent)
        if source not in self.described_sources:
            self.described_sources.add(source)
            self.source_triples(agent, hop)
        return statement

    def source_triples(self, source: str, hop: Hop) -> None:
        model = hop.source
        self.add(source, T.RDF_TYPE, T.PROV_AGENT)
        if model.kind in ("person", "anonymous-person"):
            self.add(source, T.RDF_TYPE, T.PROV_PERSON)
        elif model.kind not in ("unknown", "document"):
            self.add(source, T.RDF_TYPE, T.PROV_ORGANIZATION)
        self.add(source, T.SCHEMA_NAME, _literal(model.name))
        self.add(source, T.CP_KIND, _kind(model.kind))
        if model.medium:
            self.add(source, T.CP_MEDIUM, _literal(model.medium))
        if model.affiliation:
            principal = f"<{self.scheme.named_agent(model.affiliation)}>"
            self.add(source, T.PROV_ACTED_ON_BEHALF_OF, principal)
            self.add(principal, T.RDF_TYPE, T.PROV_AGENT)
            self.add(principal, T.SCHEMA_NAME, _literal(model.affiliation))

    def text_target(self, iri: str, start: int, end: int) -> str:
        """A Web Annotation target into the article: position and quote selectors."""
        text = self.article.text
        target = f"<{iri}>"
        position = f"<{iri}-position>"
        quote = f"<{iri}-quote>"
        self.add(target, T.RDF_TYPE, T.OA_SPECIFIC_RESOURCE)
        self.add(target, T.OA_HAS_SOURCE, self.a)
        self.add(target, T.OA_HAS_SELECTOR, position)
        self.add(target, T.OA_HAS_SELECTOR, quote)
        self.add(position, T.RDF_TYPE, T.OA_TEXT_POSITION_SELECTOR)
        self.add(position, T.OA_START, _int(start))
        self.add(position, T.OA_END, _int(end))
        self.add(quote, T.RDF_TYPE, T.OA_TEXT_QUOTE_SELECTOR)
        self.add(quote, T.OA_EXACT, _literal(text[start:end]))
        self.add(quote, T.OA_PREFIX, _literal(text[max(0, start - QUOTE_CONTEXT) : start]))
        self.add(quote, T.OA_SUFFIX, _literal(text[end : end + QUOTE_CONTEXT]))
        return target


def _iri(value: str, what: str) -> str:
    """A user-given IRI as N-Triples text, checked by pyoxigraph."""
    try:
        return str(NamedNode(value))
    except ValueError:
        raise InvalidInput(f"{what} {value!r} is not a valid IRI") from None
