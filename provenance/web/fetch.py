"""Fetching a page or a feed over HTTP: bounded in time, size and redirects, and honest about who asks.

requests (already a dependency) does the HTTP, gzip and deflate included; what it leaves to the
caller is done here: a deadline for the whole answer (its timeout only bounds each wait for bytes,
so a server dripping a byte a second would never time out), a cap on the size of the decoded body
(which also stops a gzip bomb), a cap on redirects, and one line for every way a fetch fails.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from email.message import Message

import requests
import urllib3

from provenance import __version__
from provenance.errors import ProvenanceError
from provenance.rdf.timestamps import now

USER_AGENT = f"claim-provenance/{__version__} (fact-checking; +https://pypi.org/project/claim-provenance/)"
from provenance.web import DEFAULT_TIMEOUT  # noqa: E402  (kept importable from here)
#: The same bound as for an article file (provenance.extract.reading.LARGEST_ARTICLE_BYTES).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
CHUNK_BYTES = 64 * 1024


class FetchFailed(ProvenanceError):
    """A page or feed that could not be fetched; the message is one line naming the address."""


@dataclass(frozen=True)
class Fetched:
    """One answer: the address asked for, where it ended after redirects, and the body as decoded from gzip."""

    url: str
    location: str
    status: int
    content_type: str | None
    content: bytes
    retrieved: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def media_type(self) -> str | None:
        """``text/html`` of ``text/html; charset=utf-8``, lower case; None when the server named none."""
        if not self.content_type:
            return None
        return _content_type(self.content_type)[0]

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _content_type(header: str) -> tuple[str, str | None]:
    """Media type and charset parameter of a Content-Type header (email's parser knows its quoting rules)."""
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().lower(), charset if isinstance(charset, str) else None


class Fetcher:
    """Fetches pages and feeds with one session (connections reused), the same bounds for every address."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.session = requests.Session()
        self.session.max_redirects = max_redirects
        self.session.headers["User-Agent"] = USER_AGENT
        # Proxies and .netrc from the environment would send a fact-checker's requests elsewhere unasked.
        self.session.trust_env = False

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def page(self, url: str) -> Fetched:
        """An HTML page; anything else (a PDF, an image, an error page) raises FetchFailed."""
        fetched = self.get(url, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        media_type = fetched.media_type
        if media_type is None:
            if not _looks_like_html(fetched.content):
                raise FetchFailed(f"{url}: not an HTML page (the server named no content type and it does not look like HTML)")
        elif media_type not in HTML_TYPES:
            raise FetchFailed(f"{url}: not an HTML page ({media_type})")
        return fetched

    def feed(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """A feed's bytes, or a 304 answer when it has not changed since ``etag``/``last_modified``."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self.get(url, accept="application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1",
                        headers=headers)

    def get(self, url: str, *, accept: str, headers: dict[str, str] | None = None) -> Fetched:
        """The body of ``url`` within the bounds; raises FetchFailed with one line otherwise."""
        if not url.lower().startswith(("http://", "https://")):
            raise FetchFailed(f"{url}: only http:// and https:// addresses can be fetched")
        started = time.monotonic()
        retrieved = now()
        request_headers = {"Accept": accept, **(headers or {})}
        try:
            with self.session.get(url, headers=request_headers, stream=True, timeout=self.timeout) as response:
                if response.status_code == 304:
                    return Fetched(url, response.url, 304, None, b"", retrieved)
                if response.status_code >= 400:
                    reason = f" {response.reason}" if response.reason else ""
                    raise FetchFailed(f"{url}: the server answered {response.status_code}{reason}")
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchFailed(f"{url}: {_megabytes(int(declared))} is too large for one article "
                                      f"(limit {_megabytes(self.max_bytes)})")
                content = self._body(url, response, started)
                return Fetched(
                    url=url,
                    location=response.url,
                    status=response.status_code,
                    content_type=response.headers.get("Content-Type"),
                    content=content,
                    retrieved=retrieved,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                )
        except (requests.Timeout, urllib3.exceptions.ReadTimeoutError):
            raise FetchFailed(f"{url}: no answer within {self.timeout:g} s") from None
        except urllib3.exceptions.HTTPError as error:
            raise FetchFailed(f"{url}: the answer broke off ({_reason(error)})") from None
        except requests.TooManyRedirects:
            raise FetchFailed(f"{url}: more than {self.session.max_redirects} redirects") from None
        except requests.exceptions.InvalidURL as error:
            raise FetchFailed(f"{url}: not a valid address ({error})") from None
        except requests.ConnectionError as error:
            raise FetchFailed(f"{url}: cannot connect ({_reason(error)})") from None
        except requests.RequestException as error:
            raise FetchFailed(f"{url}: the fetch failed ({_reason(error)})") from None

    def _body(self, url: str, response: requests.Response, started: float) -> bytes:
        # read1 returns whatever bytes have arrived (decoded from gzip), so the deadline is checked
        # while a slow server drips its answer; iter_content would wait for each whole chunk.
        chunks: list[bytes] = []
        size = 0
        while chunk := response.raw.read1(CHUNK_BYTES, decode_content=True):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchFailed(f"{url}: more than {_megabytes(self.max_bytes)}, too large for one article")
            if time.monotonic() - started > self.timeout:
                raise FetchFailed(f"{url}: no complete answer within {self.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


def _looks_like_html(content: bytes) -> bool:
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<!--"))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _reason(error: Exception) -> str:
    """The innermost cause of a requests error, on one line (urllib3 nests them deeply)."""
    while error.__context__ is not None and str(error.__context__):
        error = error.__context__  # type: ignore[assignment]
    return " ".join(str(error).split())[:200]
