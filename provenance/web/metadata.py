"""What a news page says about itself: headline, dates, publisher, author, language and canonical URL.

The sources, most trusted first: schema.org JSON-LD (``NewsArticle``/``Article`` and kin; what
publishers write for search engines, and the only one that names publisher and dates by their
meaning), then OpenGraph and its ``article:`` tags, then the page's own ``<link rel=canonical>`` and
``<html lang>``, and for the date alone htmldate's reading of the rest of the markup.

Why these libraries: extruct (Scrapinghub/Zyte, used under Scrapy) parses JSON-LD, microdata and
OpenGraph as they occur in the wild (HTML comments around JSON, JavaScript-style comments in it,
``@graph`` wrappers, repeated tags), which a ``json.loads`` of the script's text would not survive;
it returns the raw data, so choosing which node is the article and which value wins stays here.
htmldate (Adrien Barbaresi, the date reader inside trafilatura) is what was measured for dates
without structured data. trafilatura's own metadata was tried too: it took the OpenGraph title
over the JSON-LD headline, did not read ``inLanguage``/``<html lang>`` or ``dateModified`` and
gives no publisher address to match the outlet registry with, so it is not used. The article's
main text is read elsewhere (:func:`provenance.extract.reading.html_main_text`), the same way for
a page fetched and a page saved as a file, so both give the same claims.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin

#: schema.org types whose node describes the article a page shows.
ARTICLE_TYPES = frozenset({
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "AskPublicQuestion", "LiveBlogPosting", "BlogPosting",
    "Report", "ScholarlyArticle", "SocialMediaPosting",
})


@dataclass(frozen=True)
class PageMetadata:
    """The metadata of one page, each value None when the page does not say it."""

    title: str | None = None
    published: str | None = None
    modified: str | None = None
    publisher: str | None = None
    publisher_url: str | None = None
    author: str | None = None
    lang: str | None = None
    canonical_url: str | None = None


def page_metadata(html: str, url: str | None = None) -> PageMetadata:
    """Read the metadata of ``html``, found at ``url`` (relative canonical links are resolved against it).

    >>> page = ('<html lang="de-DE"><head><link rel="canonical" href="/a/1.html">'
    ...         '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Gespräche beendet",'
    ...         ' "datePublished": "2026-02-05T18:40:00+01:00", "publisher": {"name": "tagesschau.de"}}</script>'
    ...         '</head><body><p>Text</p></body></html>')
    >>> metadata = page_metadata(page, "https://www.tagesschau.de/ausland/")
    >>> metadata.title, metadata.published, metadata.publisher, metadata.lang, metadata.canonical_url
    ('Gespräche beendet', '2026-02-05T18:40:00+01:00', 'tagesschau.de', 'de', 'https://www.tagesschau.de/a/1.html')
    """
    if not html.strip():
        return PageMetadata()
    article = _article_node(_syntax(html, url, "json-ld"), _syntax(html, url, "microdata"))
    graph = article.pop("@graph-nodes", {}) if article else {}
    opengraph = _opengraph(_syntax(html, url, "opengraph"))
    canonical_link, html_lang = _link_and_lang(html)

    publisher = _resolve(article.get("publisher"), graph) if article else None
    publisher_name = _name(publisher) or opengraph.get("og:site_name")
    publisher_url = _first_text(publisher.get("url")) if isinstance(publisher, dict) else None

    title = _first_text(article.get("headline")) or _first_text(article.get("name")) or opengraph.get("og:title")
    published = _iso(_first_text(article.get("datePublished"))) or _iso(opengraph.get("article:published_time"))
    if published is None:
        published = _htmldate(html, url)
    modified = _iso(_first_text(article.get("dateModified"))) or _iso(opengraph.get("article:modified_time"))
    author = _names(_resolve(article.get("author"), graph)) or opengraph.get("article:author")
    lang = _language(_language_value(article.get("inLanguage"))) or _language(html_lang) or _language(opengraph.get("og:locale"))
    canonical = (
        _absolute(canonical_link, url)
        or _absolute(_first_text(article.get("url")), url)
        or _absolute(_main_entity(article.get("mainEntityOfPage")), url)
        or _absolute(opengraph.get("og:url"), url)
    )
    return PageMetadata(
        title=_clean(title),
        published=published,
        modified=modified,
        publisher=_clean(publisher_name),
        publisher_url=_absolute(publisher_url, url),
        author=_clean(author),
        lang=lang,
        canonical_url=canonical,
    )


def _syntax(html: str, url: str | None, syntax: str) -> list[Any]:
    """One syntax's items; a syntax that cannot be parsed gives none instead of losing the others'."""
    import extruct

    # extruct logs a traceback for every malformed block even when told to skip it.
    logger = logging.getLogger("extruct")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        data = extruct.extract(html, base_url=url, syntaxes=[syntax], uniform=True, errors="ignore")
    except Exception:  # extruct and lxml raise many kinds for broken markup; none may stop the article.
        return []
    finally:
        logger.setLevel(level)
    items = data.get(syntax, [])
    return items if isinstance(items, list) else []


def _nodes(value: Any) -> Iterator[dict]:
    """Every JSON-LD node in ``value``: top-level lists, ``@graph`` lists and nested objects alike."""
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key != "@context" and isinstance(item, (list, dict)):
                yield from _nodes(item)


def _types(node: dict) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {item.rsplit("/", 1)[-1] for item in values if isinstance(item, str)}


def _article_node(json_ld: list[Any], microdata: list[Any]) -> dict:
    """The first article node of the JSON-LD, else of the microdata, with the nodes by ``@id`` to resolve references."""
    for items in (json_ld, microdata):
        nodes = list(_nodes(items))
        by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str) and len(node) > 1}
        for node in nodes:
            if _types(node) & ARTICLE_TYPES:
                return {**node, "@graph-nodes": by_id}
    return {}


def _resolve(value: Any, graph: dict[str, dict]) -> Any:
    """A ``{"@id": ...}`` reference replaced by the node it names, in lists too."""
    if isinstance(value, list):
        return [_resolve(item, graph) for item in value]
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in graph:
        return graph[value["@id"]]
    return value


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("@id")
    return value.strip() or None if isinstance(value, str) else None


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        return next((name for name in map(_name, value) if name), None)
    if isinstance(value, dict):
        return _first_text(value.get("name")) or _first_text(value.get("legalName"))
    return _first_text(value)


def _names(value: Any) -> str | None:
    values = value if isinstance(value, list) else [value]
    names = [name for name in map(_name, values) if name]
    return ", ".join(dict.fromkeys(names)) or None


def _language_value(value: Any) -> str | None:
    if isinstance(value, dict):
        return _first_text(value.get("alternateName")) or _first_text(value.get("name"))
    return _first_text(value)


def _main_entity(value: Any) -> str | None:
    if isinstance(value, dict):
        return _first_text(value.get("@id")) or _first_text(value.get("url"))
    return _first_text(value)


def _opengraph(items: list[Any]) -> dict[str, str]:
    """OpenGraph and ``article:`` properties, the first value of each."""
    found: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            text = _first_text(value)
            if text and not key.startswith("@"):
                found.setdefault(key, text)
    return found


def _link_and_lang(html: str) -> tuple[str | None, str | None]:
    """``<link rel=canonical href>`` and ``<html lang>`` (selectolax, the parser reading.py uses already)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    canonical = None
    for link in tree.css("link[rel][href]"):
        if "canonical" in (link.attributes.get("rel") or "").lower().split():
            canonical = link.attributes.get("href")
            break
    root = tree.css_first("html")
    lang = root.attributes.get("lang") or root.attributes.get("xml:lang") if root is not None else None
    return canonical, lang


def _absolute(value: str | None, base: str | None) -> str | None:
    """An http(s) URL, made absolute against ``base``; None for anything else (``javascript:``, garbage)."""
    if not value:
        return None
    from pyoxigraph import NamedNode

    absolute = urljoin(base, value.strip()) if base else value.strip()
    if not absolute.lower().startswith(("http://", "https://")):
        return None
    try:
        NamedNode(absolute)
    except ValueError:
        return None
    return absolute


def _language(value: str | None) -> str | None:
    """The primary subtag of a language tag or locale: ``de`` of ``de-DE`` or ``de_DE``."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _iso(value: str | None) -> str | None:
    """An ISO 8601 date or date-time as the store writes it (``xsd:date``/``xsd:dateTime``), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    if len(value) <= 10:
        return moment.date().isoformat()
    return moment.isoformat()


def _htmldate(html: str, url: str | None) -> str | None:
    """The publication date htmldate finds in the markup and the URL (no guessing from the text)."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate parses broken markup with lxml, which raises many kinds; a date is optional.
        return None
    return found or None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
