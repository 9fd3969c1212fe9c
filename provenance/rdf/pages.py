"""The web pages articles were read from, as stored beside them: was an address read already, and the page again.

The mapping writes a fetched page into its article's graph (``<article#page>``, a ``schema:WebPage``
with the address asked for, where it was found, the time, the SHA-256 and the bytes); this module
reads those back. A feed item whose link, page address or guid is stored is not fetched again.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib

from pyoxigraph import Literal, NamedNode

from provenance.errors import NotFound, StoreError
from provenance.model import WebPage

#: An address is known when a page was asked for at it or found there, or an article names it as its URL.
KNOWN_ADDRESS = """
ASK {
  { ?page cp:requestedUrl ?address } UNION { ?page a schema:WebPage ; schema:url ?address }
  UNION { ?article a schema:NewsArticle ; schema:url ?address }
}
"""

KNOWN_FEED_ITEM = "ASK { ?page a schema:WebPage ; cp:feedItem ?guid }"

PAGE_OF_ARTICLE = """
SELECT ?requested ?location ?retrieved ?format ?sha ?item ?content WHERE {
  ?article a schema:NewsArticle ; schema:identifier ?doc ; prov:wasDerivedFrom ?page .
  ?page a schema:WebPage ; cp:requestedUrl ?requested ; schema:url ?location ; prov:generatedAtTime ?retrieved ;
        schema:encodingFormat ?format ; schema:sha256 ?sha ; cp:pageContent ?content .
  OPTIONAL { ?page cp:feedItem ?item }
}
LIMIT 1
"""


def address_known(store, address: str) -> bool:
    """Whether a stored page was asked for at ``address`` or found there, or a stored article's URL is ``address``."""
    try:
        term = NamedNode(address)
    except ValueError:
        return False
    return store.ask(KNOWN_ADDRESS, {"address": term})


def feed_item_known(store, guid: str) -> bool:
    """Whether a page fetched for the feed item ``guid`` is stored."""
    return store.ask(KNOWN_FEED_ITEM, {"guid": Literal(guid)})


def stored_page(store, article_id: str) -> WebPage:
    """The page the article ``article_id`` was read from, its bytes checked against the stored SHA-256.

    Raises NotFound when the article was not read from the web, StoreError when the bytes do not match.
    """
    rows = store.select(PAGE_OF_ARTICLE, {"doc": Literal(article_id)})
    if not rows:
        raise NotFound(f"no article {article_id!r} read from a web page is stored")
    row = rows[0]
    try:
        content = gzip.decompress(base64.b64decode(row["content"].value, validate=True))
    except (binascii.Error, OSError, EOFError) as error:
        raise StoreError(f"the stored page of {article_id!r} cannot be unpacked ({error})") from None
    sha256 = row["sha"].value
    if hashlib.sha256(content).hexdigest() != sha256:
        raise StoreError(f"the stored page of {article_id!r} does not match its SHA-256 {sha256}")
    item = row.get("item")
    return WebPage(
        url=row["requested"].value,
        location=row["location"].value,
        retrieved=row["retrieved"].value,
        media_type=row["format"].value,
        content=content,
        sha256=sha256,
        feed_item=item.value if item is not None else None,
    )
