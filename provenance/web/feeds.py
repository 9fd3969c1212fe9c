"""The items of an RSS or Atom feed: the address of each item's page and its guid.

feedparser reads RSS 0.9x, 1.0 and 2.0 and Atom 0.3 and 1.0, with their namespaces and the
mistakes feeds make (undeclared entities, wrong encodings, HTML in titles), and says when it had to
guess (``bozo``); it is given the bytes fetched here, never an address, so the fetch keeps its bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from provenance.errors import InvalidInput


@dataclass(frozen=True)
class FeedItem:
    """One item: the page it links to, its guid (RSS ``guid``, Atom ``id``; None when it has none), its title."""

    link: str
    guid: str | None
    title: str | None = None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title, format (``rss20``, ``atom10``, …) and items in the feed's order."""

    url: str
    title: str | None
    format: str
    items: tuple[FeedItem, ...]


def parse_feed(content: bytes, url: str, *, content_type: str | None = None) -> Feed:
    """The items of the feed ``content`` fetched from ``url``; raises InvalidInput for anything that is no feed.

    A feed feedparser could read only in part (``bozo``) is used for the items with links it found:
    one undeclared entity should not hide a day's news; one that gave none is refused. Items
    without a link are passed over.
    """
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(content, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        guid = entry.get("id") or None
        items.append(FeedItem(link=urljoin(url, link), guid=guid, title=entry.get("title") or None))
    if not parsed.get("version") or (parsed.get("bozo") and not items):
        reason = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(reason).split())[:160]})" if reason else ""
        raise InvalidInput(f"{url}: not an RSS or Atom feed{detail}")
    return Feed(url=url, title=parsed.feed.get("title") or None, format=parsed.version, items=tuple(items))


def _entry_link(entry) -> str | None:
    """The entry's page: its ``link``, else an Atom ``alternate`` link, else a guid that is a permalink."""
    link = entry.get("link")
    if link:
        return link.strip()
    for candidate in entry.get("links", []):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return candidate["href"].strip()
    guid = entry.get("id") or ""
    if entry.get("guidislink") and guid.startswith(("http://", "https://")):
        return guid
    return None
