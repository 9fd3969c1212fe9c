"""A news site on 127.0.0.1 for the tests: pages, feeds, redirects, errors, slow and huge answers.

Each path answers with a :class:`Reply`, which the tests set and change (a feed's second poll);
``requests`` logs every path asked for, so a test can count fetches or wait for one.
"""

from __future__ import annotations

import gzip as gzip_module
import html
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """What one path answers.

    ``delay`` waits before the status line; ``drip`` sends the body one chunk per ``drip`` seconds;
    ``stream_bytes`` streams that many bytes of HTML filler (chunked, or with a Content-Length
    when ``announce``); ``hold`` is an Event the answer waits for (a page that blocks until the test lets it go).
    """

    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    delay: float = 0.0
    drip: float | None = None
    stream_bytes: int = 0
    announce: bool = False
    hold: threading.Event | None = None


class QuietServer(ThreadingHTTPServer):
    """Says nothing when a client drops a kept-alive connection: socketserver would print a traceback on
    stderr, where a CLI test running at that moment would read it as the command's."""

    def handle_error(self, request, client_address) -> None:
        pass


class NewsSite:
    """The server and its replies; ``url(path)`` is the address of a path on it."""

    def __init__(self) -> None:
        self.replies: dict[str, Reply] = {}
        self.requests: list[str] = []
        #: Paths whose answer was sent whole, in order.
        self.answered: list[str] = []
        self.user_agents: list[str] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                with site.lock:
                    site.requests.append(self.path)
                    site.user_agents.append(self.headers.get("User-Agent", ""))
                reply = site.replies.get(self.path)
                if reply is None:
                    reply = Reply(body=b"<html><body><p>Not here.</p></body></html>", status=404)
                try:
                    site.answer(self, reply)
                except (BrokenPipeError, ConnectionResetError):
                    return
                with site.lock:
                    site.answered.append(self.path)

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> NewsSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        for reply in self.replies.values():
            if reply.hold is not None:
                reply.hold.set()
        self.server.shutdown()
        self.server.server_close()

    def count(self, path: str) -> int:
        with self.lock:
            return self.requests.count(path)

    def wait_for(self, path: str, *, answered: bool = False, timeout: float = 60.0) -> None:
        """Wait until ``path`` was asked for (or its answer sent whole)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if path in (self.answered if answered else self.requests):
                    return
            time.sleep(0.01)
        raise AssertionError(f"{path} was not {'answered' if answered else 'asked for'} within {timeout} s")

    def answer(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.hold is not None:
            reply.hold.wait(30)
        if reply.delay:
            time.sleep(reply.delay)
        handler.send_response(reply.status)
        if reply.content_type:
            handler.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        if reply.stream_bytes:
            self._stream(handler, reply)
            return
        body = gzip_module.compress(reply.body) if reply.gzip else reply.body
        if reply.gzip:
            handler.send_header("Content-Encoding", "gzip")
        if reply.drip is None:
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            return
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for start in range(0, len(body), 16):
            _chunk(handler, body[start:start + 16])
            time.sleep(reply.drip)
        _chunk(handler, b"")

    def _stream(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        block = b"<p>" + b"filler " * 9000 + b"</p>\n"
        if reply.announce:
            handler.send_header("Content-Length", str(reply.stream_bytes))
            handler.end_headers()
        else:
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
        sent = 0
        while sent < reply.stream_bytes:
            piece = block[: reply.stream_bytes - sent]
            if reply.announce:
                handler.wfile.write(piece)
            else:
                _chunk(handler, piece)
            sent += len(piece)
        if not reply.announce:
            _chunk(handler, b"")


def _chunk(handler: BaseHTTPRequestHandler, data: bytes) -> None:
    handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
    handler.wfile.flush()


def article_page(text: str, *, title: str = "Article", json_ld: dict | None = None, opengraph: dict | None = None,
                 lang: str | None = None, canonical: str | None = None, charset_meta: str | None = None) -> str:
    """An article page: the text's paragraphs in ``<article>``, with what metadata is asked for, and page furniture."""
    head = []
    if charset_meta:
        head.append(f'<meta charset="{charset_meta}">')
    head.append(f"<title>{html.escape(title)}</title>")
    if canonical:
        head.append(f'<link rel="canonical" href="{html.escape(canonical)}">')
    for key, value in (opengraph or {}).items():
        head.append(f'<meta property="{key}" content="{html.escape(value)}">')
    if json_ld is not None:
        head.append(f'<script type="application/ld+json">{json.dumps(json_ld, ensure_ascii=False)}</script>')
    paragraphs = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in text.split("\n\n"))
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (f"<!doctype html><html{lang_attribute}><head>{''.join(head)}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article>{paragraphs}</article><footer>Impressum</footer></body></html>")


def rss(items: list[tuple[str, str, str]], *, title: str = "News") -> bytes:
    """An RSS 2.0 feed of ``(title, link, guid)`` items."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
        f"<guid isPermaLink=\"false\">{html.escape(guid)}</guid></item>"
        for t, link, guid in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>d</description>{entries}</channel></rss>").encode()


def atom(items: list[tuple[str, str, str]], *, title: str = "News") -> bytes:
    """An Atom 1.0 feed of ``(title, link, id)`` entries."""
    entries = "".join(
        f'<entry><title>{html.escape(t)}</title><link rel="alternate" href="{html.escape(link)}"/>'
        f"<id>{html.escape(guid)}</id><updated>2026-02-05T10:00:00Z</updated></entry>"
        for t, link, guid in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"<id>urn:feed</id><updated>2026-02-05T10:00:00Z</updated>{entries}</feed>").encode()
