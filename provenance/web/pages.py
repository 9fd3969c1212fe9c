"""A fetched page -> the document extraction reads: its text decoded, its metadata, its id, and the page kept.

The text is read by :func:`provenance.extract.reading.html_main_text`, as for a page saved to a
``.html`` file, so a page fetched and the same page saved give the same claims.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import unquote, urlsplit

from provenance.errors import InvalidInput
from provenance.extract.reading import InputDocument, html_main_text
from provenance.model import WebPage
from provenance.rdf.iris import digest
from provenance.web.fetch import Fetched
from provenance.web.metadata import page_metadata
from provenance.web.outlets import outlet_name

#: Characters kept of a URL's last path segment in an article id.
ID_SLUG_CHARACTERS = 60


def decode_page(content: bytes, content_type: str | None) -> str:
    """The text of an HTML page: by its byte order mark, else the charset the server declared, else the
    page's ``<meta charset>``, else UTF-8 if it decodes, else the charset charset-normalizer sniffs.

    w3lib (Scrapy's) applies the HTML standard's order of BOM, header and ``<meta>`` declaration and
    its aliases (a page declared ``iso-8859-1`` is read as windows-1252, as browsers do).
    """
    from w3lib.encoding import html_to_unicode

    if b"\x00" in content[:4096] and not content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidInput("the page holds NUL bytes: it is binary, not HTML")
    _, text = html_to_unicode(content_type, content, auto_detect_fun=_sniff)
    return text


def _sniff(content: bytes) -> str | None:
    try:
        content.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    return best.encoding if best is not None else "cp1252"


def page_document(html: str, url: str | None, *, lang: str | None = None, label: str | None = None) -> InputDocument:
    """The document of a page's HTML found at ``url`` (None for a saved page): main text, title, dates, outlet,
    author, language and canonical URL. ``label`` names the page in an error (default: ``url``).
    """
    text, title = html_main_text(html)
    if not text.strip():
        raise InvalidInput(f"{label or url}: the page has no text to extract from")
    metadata = page_metadata(html, url)
    address = trusted_canonical(metadata.canonical_url, url) or url
    return InputDocument(
        id=article_id(address) if address else "page",
        text=text,
        lang=lang or metadata.lang,
        url=address,
        published=metadata.published,
        title=metadata.title or title,
        # The address the page was found at names the outlet before any address the page claims.
        publisher=outlet_name(metadata.publisher, metadata.publisher_url, url, address),
        modified=metadata.modified,
        author=metadata.author,
    )


def trusted_canonical(canonical: str | None, url: str | None) -> str | None:
    """The page's canonical URL where it can name the article: on the same site as ``url``, and not the site's root.

    The canonical URL is the article's identity (its id, and how a feed item is known to be stored),
    so a page must not be able to take another site's article's place, and the templates that put
    the home page into every page's canonical link must not make all articles one.

    >>> trusted_canonical("https://www.example.org/a/1.html", "https://example.org/a/1.html?utm_source=rss")
    'https://www.example.org/a/1.html'
    >>> trusted_canonical("https://other.example/a/1.html", "https://example.org/a/1.html") is None
    True
    >>> trusted_canonical("https://example.org/", "https://example.org/a/1.html") is None
    True
    """
    if not canonical:
        return None
    target = urlsplit(canonical)
    if target.path in ("", "/"):
        return None
    if url is not None:
        here = urlsplit(url)
        if (target.hostname or "").removeprefix("www.") != (here.hostname or "").removeprefix("www."):
            return None
    return canonical


def fetched_document(fetched: Fetched, *, lang: str | None = None) -> InputDocument:
    """The document of a fetched page (its address after redirects resolves relative links)."""
    try:
        html = decode_page(fetched.content, fetched.content_type)
    except InvalidInput as error:
        raise InvalidInput(f"{fetched.url}: {error}") from None
    return page_document(html, fetched.location, lang=lang)


def kept_page(fetched: Fetched, *, feed_item: str | None = None) -> WebPage:
    """The page as fetched, to store beside its article."""
    return WebPage(
        url=fetched.url,
        location=fetched.location,
        retrieved=fetched.retrieved,
        media_type=fetched.media_type or "text/html",
        content=fetched.content,
        sha256=fetched.sha256,
        feed_item=feed_item,
    )


def article_id(url: str) -> str:
    """A readable id for the article at ``url``, unique to the address: its last path segment and a short hash.

    >>> article_id("https://www.tagesschau.de/ausland/europa/ukraine-gespraeche-100.html")
    'tagesschau.de-ukraine-gespraeche-100-d2935c24'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    last = unquote(segments[-1]) if segments else ""
    last = re.sub(r"\.(html?|php|aspx?|jsp)$", "", last, flags=re.IGNORECASE)
    slug = re.sub(r"[^\w.-]+", "-", last, flags=re.UNICODE).strip("-._")[:ID_SLUG_CHARACTERS].rstrip("-._")
    name = f"{host}-{slug}" if slug else host
    return f"{name}-{digest(url, length=8)}"
