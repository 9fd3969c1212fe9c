"""ClaimReview JSON-LD out of the store and back in, without ever fetching a context over the network.

Why JSON-LD with ``"@context": "https://schema.org"``: it is what search engines, Google's Fact
Check Tools and the fact-checking community (ClaimReview) read. Each verdict becomes one
``ClaimReview`` with the fields its consumers require: ``claimReviewed``, ``reviewRating`` (with
``alternateName``, and ``ratingValue``/``bestRating``/``worstRating`` where the verdict's text
or numbers give them), ``url``, ``author``, ``datePublished`` and ``itemReviewed``: a ``Claim``
whose ``author`` is the origin of its chain and whose ``appearance``/``firstAppearance`` is the
article the claim was found in.

The context: documents name ``https://schema.org``, but a parser would fetch it. The package
ships its own minimal context (``provenance/data/schema-org-context.jsonld``, written for this
project: ``@vocab`` plus the properties whose values are IRIs), and every reader here puts it
in place of the remote one before parsing. Its ``@vocab`` is ``https://schema.org/``, the
namespace this project's RDF uses; schema.org's own published context says ``http://schema.org/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from pyoxigraph import NamedNode

from provenance import limits
from provenance.errors import Ambiguous, InvalidInput, NotFound
from provenance.model import ANONYMOUS_KINDS
from provenance.model.dates import check_not_future
from provenance.rdf import queries
from provenance.rdf import ratings as assessments
from provenance.rdf.iris import IriScheme

SCHEMA_CONTEXT_URLS = frozenset({
    "https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/",
    "https://schema.org/docs/jsonldcontext.json", "http://schema.org/docs/jsonldcontext.json",
})
PERSON_KINDS = frozenset({"person", "anonymous-person"})


@lru_cache(maxsize=1)
def local_context() -> dict[str, Any]:
    """The context shipped with the package, standing in for ``https://schema.org``."""
    text = resources.files("provenance").joinpath("data/schema-org-context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def with_local_context(document: Any) -> Any:
    """A copy of a JSON-LD document with every schema.org context replaced by the local one.

    Raises InvalidInput for any other remote context: it would have to be fetched.
    """
    if isinstance(document, list):
        return [with_local_context(item) for item in document]
    if not isinstance(document, dict):
        return document
    result = {}
    for key, value in document.items():
        if key == "@context":
            result[key] = _local(value)
        elif isinstance(value, (dict, list)):
            result[key] = with_local_context(value)
        else:
            result[key] = value
    return result


def _local(context: Any) -> Any:
    if isinstance(context, list):
        return [_local(item) for item in context]
    if isinstance(context, str):
        if context.rstrip("/") in {url.rstrip("/") for url in SCHEMA_CONTEXT_URLS}:
            return local_context()
        raise InvalidInput(
            f"the JSON-LD names the context {context!r}, which would have to be fetched; "
            "only schema.org's is known offline: use '@context': 'https://schema.org'"
        )
    return context


# ------------------------------------------------------------------------------------------------
# export


def _agent(type_: str, iri: str | None, name: str) -> dict[str, Any]:
    agent: dict[str, Any] = {"@type": type_}
    if iri:
        agent["@id"] = iri
    agent["name"] = name
    return agent


def claim_review(verdict: assessments.StoredVerdict, record, article) -> dict[str, Any]:
    """One ClaimReview object (without ``@context``) for a stored verdict, its claim record and its article."""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating}
    for key, number in (("ratingValue", verdict.rating_value), ("bestRating", verdict.best_rating),
                        ("worstRating", verdict.worst_rating)):
        if number is not None:
            rating[key] = int(number) if float(number).is_integer() else number
    appearance: dict[str, Any] = {"@type": "NewsArticle", "@id": article.iri, "url": _web(article.url) or article.iri}
    if article.title:
        appearance["headline"] = article.title
    if article.published:
        appearance["datePublished"] = article.published
    if article.publisher:
        appearance["publisher"] = _agent("Organization", None, article.publisher)
    item: dict[str, Any] = {"@type": "Claim", "@id": verdict.claim, "appearance": appearance,
                            "firstAppearance": appearance}
    origin = record.chain[0] if record.chain else None
    if origin is not None:
        item["author"] = _agent("Person" if origin.kind in PERSON_KINDS else "Organization", origin.iri, origin.name)
        if origin.kind in ANONYMOUS_KINDS:
            item["author"]["description"] = f"unnamed source ({origin.kind})"
    elif article.publisher:
        item["author"] = _agent("Organization", None, article.publisher)
    if article.published:
        item["datePublished"] = article.published
    return {
        "@type": "ClaimReview",
        "@id": verdict.iri,
        "url": _web(verdict.url) or verdict.iri,
        "claimReviewed": verdict.claim_text or record.text,
        "datePublished": verdict.date,
        "author": _agent("Organization", None, verdict.author),
        "reviewRating": rating,
        "itemReviewed": item,
    }


def _web(url: str | None) -> str | None:
    """``url`` when it is an http(s) address; a stored ``javascript:`` or ``file:`` URL is never exported as a link."""
    return url if url and url.split(":", 1)[0].lower() in ("http", "https") else None


def export_claimreview(store) -> dict[str, Any]:
    """Every verdict of the store as one JSON-LD document: ``@context`` https://schema.org and an ``@graph`` of ClaimReviews.

    A review without a ``--url`` gets its own IRI as ``url``: consumers require one.
    """
    reviews = []
    articles: dict[str, Any] = {}
    for verdict in assessments.verdicts(store):
        records = queries.claim_records(store, claim=verdict.claim)
        if not records:
            continue
        record = records[0]
        if record.article.iri not in articles:
            found = store.select(queries.ARTICLE_ROWS, {"article": NamedNode(record.article.iri)})
            articles[record.article.iri] = _article(found[0]) if found else record.article
        reviews.append(claim_review(verdict, record, articles[record.article.iri]))
    return {"@context": "https://schema.org", "@graph": reviews}


def _article(row):
    """An ArticleRef from a row of :data:`provenance.rdf.queries.ARTICLE_ROWS`."""
    from provenance.model.records import ArticleRef

    def value(name: str) -> str | None:
        return row[name].value if name in row else None

    return ArticleRef(iri=row["article"].value, id=row["doc"].value, publisher=value("publisherName"),
                      title=value("title"), url=value("url"), published=value("published"), lang=value("lang"))


# ------------------------------------------------------------------------------------------------
# import


def is_claimreview(document: Any) -> bool:
    """Whether parsed JSON holds a ClaimReview anywhere (an object, a list, or an ``@graph``)."""
    if isinstance(document, list):
        return any(is_claimreview(item) for item in document)
    if not isinstance(document, dict):
        return False
    types = document.get("@type", document.get("type"))
    if types == "ClaimReview" or (isinstance(types, list) and "ClaimReview" in types):
        return True
    return any(is_claimreview(value) for value in document.values() if isinstance(value, (dict, list)))


def parse_claimreview(document: Any) -> list[ox.Triple]:
    """The triples of a ClaimReview JSON-LD document, parsed by pyoxigraph with the local context."""
    data = json.dumps(with_local_context(document)).encode("utf-8")
    try:
        return [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.JSON_LD)]
    except (SyntaxError, ValueError) as error:
        raise InvalidInput(f"malformed ClaimReview JSON-LD: {error}") from None


REVIEWS = """
PREFIX schema: <https://schema.org/>
SELECT ?review ?url ?claimReviewed ?date ?author ?rating ?value ?best ?worst ?item ?appearance WHERE {
  ?review a schema:ClaimReview .
  OPTIONAL { ?review schema:url ?url }
  OPTIONAL { ?review schema:claimReviewed ?claimReviewed }
  OPTIONAL { ?review schema:datePublished ?date }
  OPTIONAL { ?review schema:author/schema:name ?author }
  OPTIONAL { ?review schema:reviewRating ?node .
             OPTIONAL { ?node schema:alternateName ?rating }
             OPTIONAL { ?node schema:ratingValue ?value }
             OPTIONAL { ?node schema:bestRating ?best }
             OPTIONAL { ?node schema:worstRating ?worst } }
  OPTIONAL { ?review schema:itemReviewed ?item .
             OPTIONAL { ?item (schema:firstAppearance|schema:appearance)/schema:url ?appearance } }
}
"""

CLAIMS_AT_URL = """
SELECT ?claim ?text ?url WHERE {
  ?article schema:url ?url . ?claim schema:isPartOf ?article ; schema:text ?text .
}
"""


@dataclass
class ClaimReviewImport:
    """What importing ClaimReview JSON-LD did: verdicts written, and reviews whose claim is not stored."""

    imported: int = 0
    unmatched: list[str] = field(default_factory=list)


def import_claimreview(store, document: Any, scheme: IriScheme) -> ClaimReviewImport:
    """Store the ClaimReviews of a parsed JSON-LD document as verdicts on the claims they review.

    A review finds its claim by the claim's IRI (``itemReviewed.@id``, as this project exports
    it), else by its ``claimReviewed`` text among the claims of the article at its appearance's
    URL, else by that text among all claims. Reviews whose claim is not stored are listed, not
    guessed. All verdicts are written in one transaction.
    """
    if not is_claimreview(document):
        raise InvalidInput("no ClaimReview in the document; give JSON-LD with '@type': 'ClaimReview'")
    reviewed = ox.Store()
    reviewed.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in parse_claimreview(document))
    rows: dict[str, dict] = {}
    for solution in reviewed.query(REVIEWS):
        key = str(solution["review"])
        row = rows.setdefault(key, {"review": solution["review"]})
        for variable in ("url", "claimReviewed", "date", "author", "rating", "value", "best", "worst", "item",
                         "appearance"):
            if solution[variable] is not None and variable not in row:
                row[variable] = solution[variable]
    result = ClaimReviewImport()
    triples: list[ox.Triple] = []
    for key, row in rows.items():
        text = row["claimReviewed"].value if "claimReviewed" in row else None
        claim = _find_claim(store, row.get("item"), text, row.get("appearance"))
        rating = row["rating"].value if "rating" in row else _numeric_name(row)
        if claim is None or rating is None:
            result.unmatched.append(text or key)
            continue
        date = check_not_future(row["date"].value[:10], f"review {text or key!r}: datePublished") if "date" in row \
            else assessments.now()[:10]
        _, review_triples = assessments.verdict_triples(
            scheme, claim, text or _claim_text(store, claim), rating,
            author=row["author"].value if "author" in row else "unknown reviewer",
            date=date,
            url=_review_url(row),
            rating_value=assessments.term_float(row.get("value")), best_rating=assessments.term_float(row.get("best")),
            worst_rating=assessments.term_float(row.get("worst")),
        )
        triples.extend(review_triples)
        result.imported += 1
    if triples:
        assessments.write_verdicts(store, scheme, triples)
    return result


def _review_url(row: dict) -> str | None:
    """The review's published URL; none when it is only the review's own IRI (as exported without ``--url``)."""
    url = row.get("url")
    if not isinstance(url, ox.NamedNode) or url == row["review"]:
        return None
    return url.value


def _numeric_name(row: dict) -> str | None:
    value, best = assessments.term_float(row.get("value")), assessments.term_float(row.get("best"))
    if value is None:
        return None
    return f"{value:g}/{best:g}" if best is not None else f"{value:g}"


def _claim_text(store, claim: str) -> str | None:
    rows = store.select(assessments.CLAIM_TEXT, {"claim": NamedNode(claim)})
    return rows[0]["text"].value if rows else None


def _find_claim(store, item, text: str | None, appearance) -> str | None:
    if isinstance(item, ox.NamedNode) and store.select(queries.IS_CLAIM, {"claim": item}):
        return item.value
    if text is None:
        return None
    wanted = " ".join(text.split()).casefold()
    if isinstance(appearance, ox.NamedNode):
        at_url = store.select(CLAIMS_AT_URL, {"url": appearance})
        same = [row["claim"].value for row in at_url if " ".join(row["text"].value.split()).casefold() == wanted]
        if len(same) == 1:
            return same[0]
    try:
        return queries.resolve_claim(store, text)
    except (NotFound, Ambiguous):
        return None


def claimreview_document(data: bytes) -> Any | None:
    """The parsed JSON when ``data`` is JSON holding a ClaimReview, else None (it may still be other JSON-LD).

    Why by content: a ``.json``/``.jsonld`` file may be any JSON-LD; it is read as ClaimReview
    when it says so (``"@type": "ClaimReview"``), never by trying parsers one after another.
    """
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        return None
    try:
        document = limits.parse_json(data, "JSON-LD input")
    except InvalidInput:
        return None  # read as JSON-LD by pyoxigraph, which says what is wrong with it
    return document if is_claimreview(document) else None


def load_claimreview(data: bytes, where: str) -> Any:
    """The parsed JSON of a file given as ClaimReview, or InvalidInput saying why it is not."""
    return limits.parse_json(data, where)


def write_claimreview(store, output) -> None:
    """Write :func:`export_claimreview` as indented UTF-8 JSON to a binary stream."""
    output.write((json.dumps(export_claimreview(store), ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
