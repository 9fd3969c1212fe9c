"""Fetching pages from the local site: bounds, failures as one line, charsets, gzip, redirects, the User-Agent."""

from __future__ import annotations

import pytest

from provenance.web.fetch import USER_AGENT, Fetcher, FetchFailed
from provenance.web.pages import decode_page

from .server import Reply, article_page

GRUSS = "Die Gespräche über die Stromversorgung seien beendet, berichtete die Agentur. Grüße aus Köln."


def fetcher(**bounds) -> Fetcher:
    return Fetcher(**{"timeout": 2.0, **bounds})


def test_a_page_is_fetched_with_a_user_agent_naming_the_tool(site):
    site.replies["/a.html"] = Reply(body=article_page(GRUSS).encode("utf-8"))
    with fetcher() as client:
        fetched = client.page(site.url("/a.html"))
    assert fetched.status == 200 and fetched.media_type == "text/html"
    assert site.user_agents == [USER_AGENT] and USER_AGENT.startswith("claim-provenance/")
    assert len(fetched.sha256) == 64


@pytest.mark.parametrize(("reply", "expected"), [
    (Reply(body=b"gone", status=404), "the server answered 404 Not Found"),
    (Reply(body=b"boom", status=500), "the server answered 500 Internal Server Error"),
    (Reply(body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", content_type="application/pdf"), "not an HTML page (application/pdf)"),
    (Reply(body=b"\x89PNG\r\n\x1a\n\x00\x00", content_type=None), "not an HTML page (the server named no content type"),
    (Reply(delay=3.0, body=b"<p>late</p>"), "no answer within 0.5 s"),
    (Reply(drip=0.1, body=b"<p>" + b"slow " * 100 + b"</p>"), "no complete answer within 0.5 s"),
    (Reply(stream_bytes=50 * 1024 * 1024, announce=True), "50 MB is too large for one article (limit 20 MB)"),
    (Reply(stream_bytes=50 * 1024 * 1024), "more than 20 MB, too large for one article"),
])
def test_every_failure_is_one_line_naming_the_address(site, reply, expected):
    site.replies["/p"] = reply
    with fetcher(timeout=0.5) as client, pytest.raises(FetchFailed) as failure:
        client.page(site.url("/p"))
    message = str(failure.value)
    assert message.startswith(site.url("/p") + ": ") and expected in message and "\n" not in message


def test_an_unreachable_address_is_one_line(site):
    with fetcher() as client, pytest.raises(FetchFailed, match="cannot connect"):
        client.page("http://127.0.0.1:9/nothing-listens-here")


def test_a_redirect_chain_is_followed_and_its_end_is_the_location(site):
    site.replies["/old"] = Reply(status=301, headers={"Location": "/older"})
    site.replies["/older"] = Reply(status=302, headers={"Location": site.url("/new")})
    site.replies["/new"] = Reply(body=article_page(GRUSS).encode())
    with fetcher() as client:
        fetched = client.page(site.url("/old"))
    assert (fetched.url, fetched.location) == (site.url("/old"), site.url("/new"))


def test_too_many_redirects_are_refused(site):
    for number in range(8):
        site.replies[f"/r{number}"] = Reply(status=302, headers={"Location": f"/r{number + 1}"})
    with fetcher(max_redirects=5) as client, pytest.raises(FetchFailed, match="more than 5 redirects"):
        client.page(site.url("/r0"))


def test_a_redirect_loop_is_refused(site):
    site.replies["/loop"] = Reply(status=302, headers={"Location": "/loop"})
    with fetcher() as client, pytest.raises(FetchFailed, match="redirects"):
        client.page(site.url("/loop"))


def test_gzip_is_decoded(site):
    page = article_page(GRUSS).encode("utf-8")
    site.replies["/z"] = Reply(body=page, gzip=True)
    with fetcher() as client:
        assert client.page(site.url("/z")).content == page


def test_a_gzip_bomb_is_stopped_at_the_cap(site):
    site.replies["/bomb"] = Reply(body=b"<p>" + b"a" * (3 * 1024 * 1024) + b"</p>", gzip=True)
    with fetcher(max_bytes=1024 * 1024) as client, pytest.raises(FetchFailed, match="too large"):
        client.page(site.url("/bomb"))


@pytest.mark.parametrize(("encoded", "content_type"), [
    (article_page(GRUSS).encode("utf-8"), "text/html; charset=utf-8"),
    (article_page(GRUSS).encode("utf-8"), "text/html"),
    (article_page(GRUSS, charset_meta="utf-8").encode("utf-8"), "text/html"),
    (b"\xef\xbb\xbf" + article_page(GRUSS).encode("utf-8"), "text/html; charset=iso-8859-1"),
    (article_page(GRUSS).encode("latin-1"), "text/html; charset=ISO-8859-1"),
    (article_page(GRUSS, charset_meta="iso-8859-1").encode("latin-1"), "text/html"),
    (article_page(GRUSS).encode("latin-1"), "text/html"),
    (article_page(GRUSS).encode("utf-16"), "text/html"),
])
def test_charsets_declared_sniffed_or_marked(encoded, content_type):
    """Header, ``<meta charset>``, byte order mark (it wins over the header), and no declaration at all."""
    assert GRUSS in decode_page(encoded, content_type)
