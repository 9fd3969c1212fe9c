"""A page fetched into a Virtuoso store: the article and its page come back as from the embedded store."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from provenance.cli import main
from provenance.rdf.pages import address_known, stored_page
from provenance.storage.endpoint import EndpointStore
from web.server import NewsSite, Reply, article_page

pytestmark = pytest.mark.virtuoso

TEXT = "Die Gespräche sollen morgen weitergehen, berichtete die Nachrichtenagentur dpa unter Berufung auf Diplomaten."


def test_ingest_url_into_an_endpoint_keeps_the_page(endpoint_url):
    site = NewsSite().start()
    try:
        page = article_page(TEXT, lang="de", json_ld={"@type": "NewsArticle", "datePublished": "2026-02-05",
                                                      "publisher": {"name": "tagesschau.de"}}).encode("utf-8")
        site.replies["/a.html"] = Reply(body=page)
        result = CliRunner().invoke(main, ["--store", endpoint_url, "ingest", "--json", site.url("/a.html")])
        assert result.exit_code == 0, result.output
    finally:
        site.stop()
    store = EndpointStore(endpoint_url)
    try:
        [row] = store.select("SELECT ?doc WHERE { ?a a schema:NewsArticle ; schema:identifier ?doc }")
        kept = stored_page(store, row["doc"].value)
        assert address_known(store, site.url("/a.html"))
    finally:
        store.close()
    assert kept.content == page and kept.sha256 == hashlib.sha256(page).hexdigest()
