"""A small news site on 127.0.0.1 serving the example articles as pages with JSON-LD, and an RSS feed.

    python examples/news_site.py [--port 8765]

Pages: /articles/grid-talks-en.html and /articles/grid-talks-de.html (examples/articles), and the
four articles of examples/two-agencies under /two-agencies/, each with the title, outlet and date
of its claims file. /feed.xml lists the two-agencies articles. For trying ``provenance ingest URL``
and ``provenance watch FEED --once`` without the network; stop it with Ctrl-C.
"""

from __future__ import annotations

import argparse
import html
import json
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The articles of examples/articles have no claims file to take metadata from; these outlets are made up.
ARTICLES = {
    "grid-talks-en": {"publisher": "Border Herald", "published": "2026-02-03", "lang": "en"},
    "grid-talks-de": {"publisher": "Grenzland-Kurier", "published": "2026-02-03", "lang": "de"},
}


def page(text: str, *, title: str, publisher: str, published: str, lang: str, url: str) -> bytes:
    """An article page: the text's paragraphs in <article>, its metadata as schema.org JSON-LD."""
    metadata = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "inLanguage": lang,
        "publisher": {"@type": "NewsMediaOrganization", "name": publisher},
        "mainEntityOfPage": url,
    }
    paragraphs = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in text.strip().split("\n\n"))
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<link rel="canonical" href="{url}">'
        f'<script type="application/ld+json">{json.dumps(metadata, ensure_ascii=False)}</script></head>'
        f"<body><nav><a href='/'>{html.escape(publisher)}</a></nav><article>{paragraphs}</article>"
        f"<footer>{html.escape(publisher)}</footer></body></html>"
    ).encode("utf-8")


def site(base: str) -> tuple[dict[str, tuple[str, bytes]], list[tuple[str, str]]]:
    """Every path's content type and body, and the feed's items (title, path)."""
    pages: dict[str, tuple[str, bytes]] = {}
    for name, facts in ARTICLES.items():
        text = (HERE / "articles" / f"{name}.txt").read_text(encoding="utf-8")
        title = text.strip().split("\n", 1)[0]
        path = f"/articles/{name}.html"
        pages[path] = ("text/html; charset=utf-8", page(text, title=title, url=base + path, **facts))
    items = []
    for claims in sorted((HERE / "two-agencies").glob("*.json")):
        facts = json.loads(claims.read_text(encoding="utf-8"))
        text = claims.with_suffix(".txt").read_text(encoding="utf-8")
        path = f"/two-agencies/{claims.stem}.html"
        pages[path] = ("text/html; charset=utf-8", page(text, title=facts["title"], publisher=facts["publisher"],
                                                         published=facts["published"], lang=facts["lang"],
                                                         url=base + path))
        items.append((facts["title"], path))
    entries = "".join(
        f"<item><title>{html.escape(title)}</title><link>{base}{path}</link><guid>{base}{path}</guid></item>"
        for title, path in items
    )
    feed = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example news</title>'
            f"<link>{base}/</link><description>The example articles</description>{entries}</channel></rss>")
    pages["/feed.xml"] = ("application/rss+xml; charset=utf-8", feed.encode("utf-8"))
    return pages, items


class Handler(BaseHTTPRequestHandler):
    def __init__(self, pages, *args, **kwargs):
        self.pages = pages
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        content_type, body = self.pages.get(self.path, ("text/plain; charset=utf-8", b"not found\n"))
        self.send_response(200 if self.path in self.pages else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free one)")
    port = parser.parse_args().port
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, {}))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages, _ = site(base)
    server.RequestHandlerClass = partial(Handler, pages)
    print(f"serving the examples on {base}/ (feed: {base}/feed.xml); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
