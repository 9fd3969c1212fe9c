"""Every RDF term the project writes or reads, in one module.

Standard vocabularies first (PROV-O, schema.org, Web Annotation, SKOS); the project's own
namespace ``cp:`` (graphs/ontology.ttl) holds only what they lack.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CP = "https://claim-provenance.org/ns#"

DEFAULT_BASE = "https://claim-provenance.org/id/"
#: The namespace of the store's own bookkeeping graphs (staging, imported data): no base and no
#: imported graph may lie in it, so that no user input can be taken for the store's own graphs.
INTERNAL_NAMESPACE = "urn:claim-provenance:"

PREFIXES: dict[str, str] = {
    "prov": PROV,
    "schema": SCHEMA,
    "oa": OA,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "cp": CP,
}


def _terms(namespace: str, *names: str) -> dict[str, NamedNode]:
    return {name: NamedNode(namespace + name) for name in names}


RDF_TYPE = NamedNode(RDF + "type")

# PROV-O
PROV_ENTITY = NamedNode(PROV + "Entity")
PROV_AGENT = NamedNode(PROV + "Agent")
PROV_PERSON = NamedNode(PROV + "Person")
PROV_ORGANIZATION = NamedNode(PROV + "Organization")
PROV_SOFTWARE_AGENT = NamedNode(PROV + "SoftwareAgent")
PROV_ACTIVITY = NamedNode(PROV + "Activity")
PROV_WAS_ATTRIBUTED_TO = NamedNode(PROV + "wasAttributedTo")
PROV_WAS_QUOTED_FROM = NamedNode(PROV + "wasQuotedFrom")
PROV_WAS_DERIVED_FROM = NamedNode(PROV + "wasDerivedFrom")
PROV_HAD_PRIMARY_SOURCE = NamedNode(PROV + "hadPrimarySource")
PROV_ACTED_ON_BEHALF_OF = NamedNode(PROV + "actedOnBehalfOf")
PROV_WAS_GENERATED_BY = NamedNode(PROV + "wasGeneratedBy")
PROV_WAS_ASSOCIATED_WITH = NamedNode(PROV + "wasAssociatedWith")
PROV_USED = NamedNode(PROV + "used")
PROV_STARTED_AT_TIME = NamedNode(PROV + "startedAtTime")
PROV_GENERATED_AT_TIME = NamedNode(PROV + "generatedAtTime")

# schema.org
SCHEMA_NEWS_ARTICLE = NamedNode(SCHEMA + "NewsArticle")
SCHEMA_CLAIM = NamedNode(SCHEMA + "Claim")
SCHEMA_TEXT = NamedNode(SCHEMA + "text")
SCHEMA_NAME = NamedNode(SCHEMA + "name")
SCHEMA_IDENTIFIER = NamedNode(SCHEMA + "identifier")
SCHEMA_IN_LANGUAGE = NamedNode(SCHEMA + "inLanguage")
SCHEMA_HEADLINE = NamedNode(SCHEMA + "headline")
SCHEMA_URL = NamedNode(SCHEMA + "url")
SCHEMA_DATE_PUBLISHED = NamedNode(SCHEMA + "datePublished")
SCHEMA_PUBLISHER = NamedNode(SCHEMA + "publisher")
SCHEMA_IS_PART_OF = NamedNode(SCHEMA + "isPartOf")
SCHEMA_SOFTWARE_VERSION = NamedNode(SCHEMA + "softwareVersion")
SCHEMA_DATE_MODIFIED = NamedNode(SCHEMA + "dateModified")
SCHEMA_AUTHOR = NamedNode(SCHEMA + "author")
SCHEMA_WEB_PAGE = NamedNode(SCHEMA + "WebPage")
SCHEMA_SHA256 = NamedNode(SCHEMA + "sha256")
SCHEMA_ENCODING_FORMAT = NamedNode(SCHEMA + "encodingFormat")

# Web Annotation
OA_ANNOTATION = NamedNode(OA + "Annotation")
OA_SPECIFIC_RESOURCE = NamedNode(OA + "SpecificResource")
OA_TEXT_POSITION_SELECTOR = NamedNode(OA + "TextPositionSelector")
OA_TEXT_QUOTE_SELECTOR = NamedNode(OA + "TextQuoteSelector")
OA_HAS_BODY = NamedNode(OA + "hasBody")
OA_HAS_TARGET = NamedNode(OA + "hasTarget")
OA_HAS_SOURCE = NamedNode(OA + "hasSource")
OA_HAS_SELECTOR = NamedNode(OA + "hasSelector")
OA_MOTIVATED_BY = NamedNode(OA + "motivatedBy")
OA_IDENTIFYING = NamedNode(OA + "identifying")
OA_START = NamedNode(OA + "start")
OA_END = NamedNode(OA + "end")
OA_EXACT = NamedNode(OA + "exact")
OA_PREFIX = NamedNode(OA + "prefix")
OA_SUFFIX = NamedNode(OA + "suffix")

# the project's own terms (graphs/ontology.ttl)
CP_STATEMENT = NamedNode(CP + "Statement")
CP_CUE = NamedNode(CP + "Cue")
CP_KIND = NamedNode(CP + "kind")
CP_MODE = NamedNode(CP + "mode")
CP_HEDGED = NamedNode(CP + "hedged")
CP_CUE_PROP = NamedNode(CP + "cue")
CP_HOP_INDEX = NamedNode(CP + "hopIndex")
CP_STATEMENT_OF = NamedNode(CP + "statementOf")
CP_SOURCE_NAME = NamedNode(CP + "sourceName")
CP_SOURCE_KIND = NamedNode(CP + "sourceKind")
CP_MENTIONED_AT = NamedNode(CP + "mentionedAt")
CP_ANTECEDENT_AT = NamedNode(CP + "antecedentAt")
CP_MEDIUM = NamedNode(CP + "medium")
CP_SPAN_INDEX = NamedNode(CP + "spanIndex")
CP_CONTENT_HASH = NamedNode(CP + "contentHash")
CP_INGEST_METHOD = NamedNode(CP + "ingestMethod")
CP_ARTICLE_GRAPH = NamedNode(CP + "articleGraph")
CP_DUE = NamedNode(CP + "due")
CP_REQUESTED_URL = NamedNode(CP + "requestedUrl")
CP_FEED_ITEM = NamedNode(CP + "feedItem")
CP_PAGE_CONTENT = NamedNode(CP + "pageContent")

# a desk's corrections and source identities (provenance.rdf.corrections)
RDFS_COMMENT = NamedNode(RDFS + "comment")
PROV_GENERATED = NamedNode(PROV + "generated")
PROV_ENDED_AT_TIME = NamedNode(PROV + "endedAtTime")
PROV_WAS_REVISION_OF = NamedNode(PROV + "wasRevisionOf")
PROV_INVALIDATED_AT_TIME = NamedNode(PROV + "invalidatedAtTime")
PROV_WAS_INVALIDATED_BY = NamedNode(PROV + "wasInvalidatedBy")
CP_CORRECTION = NamedNode(CP + "Correction")
CP_READING = NamedNode(CP + "Reading")
CP_CORRECTED_HOP_CLASS = NamedNode(CP + "CorrectedHop")
CP_SOURCE_IDENTITY = NamedNode(CP + "SourceIdentity")
CP_UNDO = NamedNode(CP + "Undo")
CP_ACTION = NamedNode(CP + "action")
CP_CORRECTS_ARTICLE = NamedNode(CP + "correctsArticle")
CP_ARTICLE_ID = NamedNode(CP + "articleId")
CP_ARTICLE_HASH = NamedNode(CP + "articleHash")
CP_CLAIM_TEXT = NamedNode(CP + "claimText")
CP_REPLACED_CHAIN = NamedNode(CP + "replacedChain")
CP_REPLACED_MODE = NamedNode(CP + "replacedMode")
CP_REPLACED_HEDGED = NamedNode(CP + "replacedHedged")
CP_CORRECTED_MODE = NamedNode(CP + "correctedMode")
CP_CORRECTED_HEDGED = NamedNode(CP + "correctedHedged")
CP_WITHDRAWN = NamedNode(CP + "withdrawn")
CP_ADDED_CLAIM = NamedNode(CP + "addedClaim")
CP_CORRECTED_HOP = NamedNode(CP + "correctedHop")
CP_HOP_POSITION = NamedNode(CP + "hopPosition")
CP_HOP_NAME = NamedNode(CP + "hopName")
CP_HOP_SOURCE = NamedNode(CP + "hopSource")
CP_MENTION_START = NamedNode(CP + "mentionStart")
CP_MENTION_END = NamedNode(CP + "mentionEnd")
CP_IDENTITY_SOURCE = NamedNode(CP + "identitySource")
CP_IDENTITY_MEMBER = NamedNode(CP + "identityMember")
CP_MEMBER_NAME = NamedNode(CP + "memberName")
CP_GIVEN_NAME = NamedNode(CP + "givenName")
CP_GIVEN_KIND = NamedNode(CP + "givenKind")


def kind_term(kind: str) -> NamedNode:
    """The SKOS concept of a source kind, e.g. ``cp:kind-news-agency``."""
    return NamedNode(f"{CP}kind-{kind}")


def mode_term(mode: str) -> NamedNode:
    """The SKOS concept of an attribution mode, e.g. ``cp:mode-indirect``."""
    return NamedNode(f"{CP}mode-{mode}")


def local_suffix(iri: str, prefix: str) -> str:
    """The part of ``iri`` after ``prefix`` (``kind-news-agency`` -> ``news-agency``)."""
    tail = iri.rsplit("#", 1)[-1]
    return tail[len(prefix) :] if tail.startswith(prefix) else tail
