"""``ingest URL``: pages with and without metadata, the page kept in the store, failures that let the rest go on."""

from __future__ import annotations

import hashlib

import pytest

from provenance.rdf.pages import stored_page
from provenance.storage import open_store
from provenance.web.metadata import page_metadata

from .server import Reply, article_page

TEXT = ("The two delegations will meet again next week, Reuters reported.\n\n"
        "The talks had ended without a result, officials said.")
JSON_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "Example"},
        {"@type": "NewsArticle", "headline": "Talks to resume", "datePublished": "2026-02-05T09:30:00+01:00",
         "dateModified": "2026-02-05T11:00:00+01:00", "inLanguage": "en-GB",
         "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}],
         "publisher": {"@id": "#org"}},
        {"@type": "NewsMediaOrganization", "@id": "#org", "name": "The Guardian", "url": "https://www.theguardian.com/"},
    ],
}
OPENGRAPH = {"og:title": "Talks to resume (OG)", "og:site_name": "Lokalblatt Nord",
             "article:published_time": "2026-02-04", "article:author": "Anna Berg", "og:locale": "en_US"}


def publisher_of(cli, claim_id: str) -> str | None:
    return cli.json("trace", claim_id)["article"]["publisher"]


def test_json_ld_gives_headline_dates_outlet_author_language_and_canonical_url(site):
    page = article_page(TEXT, json_ld=JSON_LD, opengraph=OPENGRAPH, lang="de", canonical="/talks-canonical.html")
    metadata = page_metadata(page, site.url("/talks.html"))
    assert metadata.title == "Talks to resume"
    assert (metadata.published, metadata.modified) == ("2026-02-05T09:30:00+01:00", "2026-02-05T11:00:00+01:00")
    assert (metadata.publisher, metadata.publisher_url) == ("The Guardian", "https://www.theguardian.com/")
    assert metadata.author == "Jane Roe, John Doe"
    assert metadata.lang == "en"
    assert metadata.canonical_url == site.url("/talks-canonical.html")


def test_opengraph_alone_gives_what_it_has(site):
    metadata = page_metadata(article_page(TEXT, opengraph=OPENGRAPH), site.url("/og.html"))
    assert (metadata.title, metadata.published, metadata.publisher, metadata.author, metadata.lang) == (
        "Talks to resume (OG)", "2026-02-04", "Lokalblatt Nord", "Anna Berg", "en")
    assert metadata.canonical_url is None


def test_a_page_without_metadata_has_none(site):
    metadata = page_metadata(article_page(TEXT), site.url("/plain.html"))
    assert metadata == type(metadata)()


def test_a_broken_json_ld_block_does_not_hide_opengraph(site):
    page = article_page(TEXT, opengraph=OPENGRAPH).replace("</head>", '<script type="application/ld+json">{"@type": </script></head>')
    assert page_metadata(page, site.url("/x")).publisher == "Lokalblatt Nord"


def test_ingest_url_stores_the_article_with_its_metadata_and_the_page(cli, site):
    page = article_page(TEXT, json_ld=JSON_LD, canonical="/talks.html").encode("utf-8")
    site.replies["/talks.html"] = Reply(body=page)
    result = cli.json("ingest", site.url("/talks.html"))
    [row] = result
    assert row["status"] == "added" and row["source"] == site.url("/talks.html") and row["attributed"] == 2
    [claim] = [c for c in cli.json("claims") if "next week" in c["text"]]
    assert publisher_of(cli, claim["short_id"]) == "The Guardian"
    store = open_store(str(cli.store))
    try:
        kept = stored_page(store, row["doc"])
        published = store.select("SELECT ?p ?m ?a ?u WHERE { ?x schema:identifier ?doc ; schema:datePublished ?p ; "
                                 "schema:dateModified ?m ; schema:author ?a ; schema:url ?u }",
                                 {"doc": __import__("pyoxigraph").Literal(row["doc"])})
    finally:
        store.close()
    assert kept.content == page and kept.sha256 == hashlib.sha256(page).hexdigest()
    assert kept.url == kept.location == site.url("/talks.html") and kept.retrieved.endswith("Z")
    [values] = published
    assert (values["p"].value, values["m"].value, values["a"].value, values["u"].value) == (
        "2026-02-05T09:30:00+01:00", "2026-02-05T11:00:00+01:00", "Jane Roe, John Doe", site.url("/talks.html"))


def test_ingesting_the_same_page_again_changes_nothing(cli, site):
    site.replies["/a.html"] = Reply(body=article_page(TEXT, json_ld=JSON_LD).encode())
    assert cli.json("ingest", site.url("/a.html"))[0]["status"] == "added"
    assert cli.json("ingest", site.url("/a.html"))[0]["status"] == "unchanged"


def test_a_redirected_page_is_stored_under_where_it_was_found(cli, site):
    site.replies["/short"] = Reply(status=301, headers={"Location": "/r2"})
    site.replies["/r2"] = Reply(status=302, headers={"Location": "/long/talks-2026.html"})
    site.replies["/long/talks-2026.html"] = Reply(body=article_page(TEXT).encode())
    [row] = cli.json("ingest", site.url("/short"))
    assert row["doc"].startswith("127.0.0.1-talks-2026-")
    store = open_store(str(cli.store))
    try:
        kept = stored_page(store, row["doc"])
    finally:
        store.close()
    assert (kept.url, kept.location) == (site.url("/short"), site.url("/long/talks-2026.html"))


def test_failures_are_one_line_each_and_the_other_urls_go_on(cli, site):
    site.replies["/good.html"] = Reply(body=article_page(TEXT).encode())
    site.replies["/paper.pdf"] = Reply(body=b"%PDF-1.4", content_type="application/pdf")
    site.replies["/error"] = Reply(status=500)
    urls = [site.url("/missing"), site.url("/paper.pdf"), site.url("/error"), site.url("/good.html")]
    result = cli("ingest", "--timeout", "2", *urls, expect=1)
    assert result.stderr.strip().splitlines() == [f"Created a new store at {cli.store}",
                                                  "Error: 3 of 4 documents could not be ingested (see the summary)"]
    table = " ".join(result.stdout.split())
    assert "the server answered 404 Not Found" in table and "the server answered 500 Internal Server Error" in table
    assert "not an HTML page (application/pdf)" in table and "1 of 4 documents stored" in table
    cli.store = cli.store.parent / "second"
    reported = cli("ingest", "--timeout", "2", "--json", *urls, expect=1)
    import json
    assert [row.get("error") for row in json.loads(reported.stdout)] == [
        f"{urls[0]}: the server answered 404 Not Found", f"{urls[1]}: not an HTML page (application/pdf)",
        f"{urls[2]}: the server answered 500 Internal Server Error", None]
    [added] = [row for row in cli.json("ingest", site.url("/good.html"))]
    assert added["status"] == "unchanged"


def test_one_url_that_fails_is_one_error_line(cli, site):
    assert cli.error("ingest", site.url("/nothing")) == f"Error: {site.url('/nothing')}: the server answered 404 Not Found"


@pytest.mark.parametrize(("encoding", "content_type", "meta"), [
    ("utf-8", "text/html; charset=utf-8", None),
    ("utf-8", "text/html", None),
    ("latin-1", "text/html; charset=iso-8859-1", None),
    ("latin-1", "text/html", "iso-8859-1"),
    ("latin-1", "text/html", None),
])
def test_latin_1_and_utf_8_pages_give_the_same_claims(cli, site, encoding, content_type, meta):
    text = "Die Gespräche sollen morgen in Genf weitergehen, berichtete die Nachrichtenagentur dpa unter Berufung auf Diplomaten."
    site.replies["/de.html"] = Reply(body=article_page(text, charset_meta=meta, lang="de").encode(encoding),
                                     content_type=content_type)
    cli("ingest", site.url("/de.html"))
    [claim] = cli.json("claims")
    assert claim["text"].startswith("Die Gespräche sollen morgen in Genf weitergehen")
    assert claim["chain"][-1] == "dpa"
