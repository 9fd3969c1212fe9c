"""The seed article served as a page with JSON-LD: stored with its outlet and date, due like the file."""

from __future__ import annotations

import json

from .server import Reply, article_page

SEED_JSON_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Trilaterale Gespräche: zweiter Verhandlungstag beendet",
    "datePublished": "2026-02-05",
    "inLanguage": "de",
    "publisher": {"@type": "Organization", "name": "tagesschau.de", "url": "https://www.tagesschau.de/"},
}


def due_rows(cli) -> list[tuple]:
    return [(row["text"], row["due"], row["origin"], tuple(row["chain"])) for row in cli.json("due", "--on", "2026-02-16")]


def test_the_seed_page_is_stored_with_outlet_and_date_and_due_as_from_the_file(cli, new_cli, site, seed_text, seed_gold,
                                                                                tmp_path):
    text = seed_text.read_text(encoding="utf-8")
    page = article_page(text, json_ld=SEED_JSON_LD, title="Gespräche beendet | tagesschau.de")
    site.replies["/ausland/gespraeche-100.html"] = Reply(body=page.encode("utf-8"))
    [stored] = cli.json("ingest", "--attributed-only", site.url("/ausland/gespraeche-100.html"))
    assert stored["status"] == "added"

    from_page = due_rows(cli)
    assert [row[1:] for row in from_page] == [("2026-02-05", "Verhandlungskreise", ("Verhandlungskreise", "Tass")),
                                              ("2026-02-09/2026-02-15", "Barak Ravid", ("Barak Ravid",))]
    trace = cli.json("trace", cli.json("due", "--on", "2026-02-16")[0]["id"])
    assert trace["article"]["publisher"] == "ARD"

    from_file = new_cli("file")
    from_file("add", "--text", str(seed_text), str(seed_gold), "--published", "2026-02-05")
    assert due_rows(from_file) == from_page


def test_page_saved_page_and_text_file_give_the_same_claims(cli, new_cli, site, seed_text, tmp_path):
    """With the article's own (unattributed) claims too: fetched, saved as .html, and the text with its date."""
    text = seed_text.read_text(encoding="utf-8")
    page = article_page(text, json_ld=SEED_JSON_LD)
    site.replies["/seed.html"] = Reply(body=page.encode("utf-8"))
    cli("ingest", site.url("/seed.html"))

    from_file = new_cli("file")
    document = tmp_path / "seed.jsonl"
    document.write_text(json.dumps({"id": "tass-talks-de", "text": text, "published": "2026-02-05"}) + "\n",
                        encoding="utf-8")
    from_file("ingest", str(document))

    saved = tmp_path / "tass-talks-de.html"
    saved.write_text(page, encoding="utf-8")
    from_saved = new_cli("saved")
    from_saved("ingest", str(saved))

    def claims(store):
        return sorted((row["text"], row["mode"], tuple(row["chain"])) for row in store.json("claims"))

    assert claims(cli) == claims(from_file) == claims(from_saved)
    assert len(claims(cli)) > 10
    assert due_rows(cli) == due_rows(from_file) == due_rows(from_saved)
    due_claim = from_saved.json("due", "--on", "2026-02-16")[0]["id"]
    assert from_saved.json("trace", due_claim)["article"]["publisher"] == "ARD"


def test_the_page_kept_reads_again_without_the_network(cli, site, seed_text):
    """Re-extraction from the stored page, the site gone: the same claims."""
    from provenance.extract.reading import html_main_text
    from provenance.rdf.pages import stored_page
    from provenance.storage import open_store
    from provenance.web.pages import decode_page

    text = seed_text.read_text(encoding="utf-8")
    site.replies["/seed.html"] = Reply(body=article_page(text, json_ld=SEED_JSON_LD).encode("utf-8"))
    [stored] = cli.json("ingest", site.url("/seed.html"))
    site.stop()
    store = open_store(str(cli.store))
    try:
        page = stored_page(store, stored["doc"])
    finally:
        store.close()
    assert html_main_text(decode_page(page.content, "text/html"))[0] == text
