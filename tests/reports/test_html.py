"""The HTML report: self-contained, escaped, from the report data, and working in a real headless Chromium."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser

import pytest

from provenance.reports import html as html_report
from provenance.reports import picture as pictures
from provenance.reports.report import report_data

from .chromium import Chromium, find_chromium
from .conftest import ARTIFACTS, Cli, needed

FIRST_CLAIM = "Die Delegationen seien in ihre Hotels zurückgekehrt"


class Fetches(HTMLParser):
    """Collects what a page would load: src attributes, stylesheets, and every tag's name."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.tags: list[str] = []
        self.charset: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if "src" in attributes:
            self.loads.append(attributes["src"])
        if tag == "link":
            self.loads.append(attributes.get("href", ""))
        if tag == "meta" and "charset" in attributes:
            self.charset = attributes["charset"]


def render(cli, **options) -> tuple[str, dict]:
    store = cli.open()
    try:
        data = html_report.html_data(store, **options)
        return html_report.render_html(data), data
    finally:
        store.close()


def test_the_page_is_self_contained_utf8_and_german_text_survives(seeded):
    page, _ = render(seeded)
    parser = Fetches()
    parser.feed(page)
    assert parser.loads == []
    assert parser.charset == "utf-8"
    assert '<html lang="de">' in page
    assert "Für Präsident Selenskyj hat die Stärkung der Luftverteidigung höchste Priorität." in page
    assert "„Sowohl Territorien als auch (Sicherheits-)Garantien und andere Aspekte“" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_every_claim_is_highlighted_once_with_its_credibility_and_has_a_chain_panel(seeded):
    page, data = render(seeded)
    claims = data["articles"][0]["claims"]
    assert len(claims) == 10
    marked = re.findall(r'<mark class="claim (cred-\d|unattributed)" data-claim="([0-9a-f]+)"', page)
    assert {key for _, key in marked} == {html_report.claim_key(trace) for trace in claims}
    assert {kind for kind, _ in marked} == {"cred-6"}
    for trace in claims:
        key = html_report.claim_key(trace)
        assert f'<section class="claim-detail" data-claim="{key}" id="detail-{key}" hidden>' in page


def test_the_highlights_cover_exactly_the_claim_spans(seeded):
    page, data = render(seeded)
    text = data["articles"][0]["text"]
    body = re.search(r'<div class="article-text">(.*?)</div>', page, re.DOTALL).group(1)
    plain = re.sub(r"<[^>]+>", "", body).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    assert plain == text
    first = next(trace for trace in data["articles"][0]["claims"] if trace["claim"]["text"] == FIRST_CLAIM)
    key = html_report.claim_key(first)
    pieces = re.findall(rf'<mark [^>]*data-claim="{key}"[^>]*>(.*?)</mark>', body, re.DOTALL)
    assert re.sub(r"<[^>]+>", "", "".join(pieces)) == FIRST_CLAIM


def test_the_page_says_what_the_report_says(seeded):
    page, data = render(seeded)
    store = seeded.open()
    try:
        assert data["report"] == report_data(store)
    finally:
        store.close()
    embedded = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.DOTALL).group(1)
    assert json.loads(embedded) == data["report"]
    for source in data["report"]["sources"]:
        assert source["name"] in page
    assert "single point of failure" in page
    assert f"claim-provenance {data['provenance']['version']}" in page
    assert str(seeded.store) in page


def test_text_and_names_are_escaped(tmp_path):
    text = 'Die <b>Agentur</b> & "Partner" berichten: Alles </script> sei gut.'
    claim, cue, agency = "Alles </script> sei gut", "berichten", "<b>Agentur</b>"

    def span(part: str) -> list[int]:
        return [text.index(part), text.index(part) + len(part)]

    document = {
        "doc": "odd-article", "lang": "de", "title": "Titel <i>kursiv</i> & so",
        "claims": [{"text": claim, "spans": [span(claim)], "mode": "indirect", "hedged": False,
                    "cue": {"spans": [span(cue)], "text": cue},
                    "chain": [{"name": "Agentur <b>", "kind": "news-agency", "start": span(agency)[0],
                               "end": span(agency)[1]}]}],
    }
    claims = tmp_path / "odd.json"
    claims.write_text(json.dumps(document), encoding="utf-8")
    source = tmp_path / "odd.txt"
    source.write_text(text, encoding="utf-8")
    cli = Cli(tmp_path / "store")
    cli("add", "--text", str(source), str(claims))
    page, _ = render(cli)
    assert "<b>Agentur</b>" not in page and "&lt;b&gt;Agentur&lt;/b&gt;" in page
    assert "Titel &lt;i&gt;kursiv&lt;/i&gt; &amp; so" in page
    assert page.count("</script>") == page.count("<script")
    parser = Fetches()
    parser.feed(page)
    assert "b" not in parser.tags and "i" not in parser.tags


def test_english_articles_and_clusters_across_articles(examples):
    page, data = render(examples)
    assert "The ceasefire will take effect at midnight on Sunday" in page
    assert len(data["articles"]) == 13
    assert "Blick am Abend → Lokalradio Nord → Stadtanzeiger → Blick am Abend" in page
    assert page.count('<article class="article"') == 13
    only, _ = render(examples, articles=["circle-blick"])
    assert only.count('<article class="article"') == 1
    assert '<html lang="de">' in only


def test_without_graphviz_the_page_still_shows_chains(seeded, monkeypatch):
    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    page, _ = render(seeded)
    assert "<svg" not in page
    assert '<ol class="chain-flow"' in page
    assert "apt-get install graphviz" in page


def test_write_html_report_writes_one_file(seeded, tmp_path):
    out = tmp_path / "report.html"
    store = seeded.open()
    try:
        html_report.write_html_report(store, out)
    finally:
        store.close()
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert list(tmp_path.glob(".report.html*")) == []
    assert out.stat().st_mode & 0o777 == 0o644


@pytest.fixture
def chromium() -> str:
    found = find_chromium()
    if found is None:
        needed("Chromium", "apt-get install chromium")
    return found


@pytest.mark.browser
def test_headless_chromium_shows_the_chain_of_a_clicked_claim(seeded, graphviz, chromium, tmp_path):
    report_file = tmp_path / "seed-report.html"
    store = seeded.open()
    try:
        html_report.write_html_report(store, report_file)
    finally:
        store.close()
    shots = ARTIFACTS if os.environ.get("PROVENANCE_ARTIFACTS", "1") != "0" else tmp_path
    with Chromium(chromium, log=tmp_path / "chromium.log") as browser:
        page = browser.open_page(report_file.as_uri(), width=1400, height=1000)
        highlighted = page.evaluate(
            "Array.from(new Set(Array.from(document.querySelectorAll('mark.claim'))"
            ".filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)' && m.getClientRects().length)"
            ".map(m => m.dataset.claim))).length")
        assert highlighted == 10
        assert page.evaluate("document.characterSet") == "UTF-8"
        assert page.evaluate("document.querySelector('.article-text').innerText.includes("
                             "'Für Präsident Selenskyj hat die Stärkung der Luftverteidigung höchste Priorität.')")
        assert page.evaluate("document.querySelectorAll('.claim-detail:not([hidden])').length") == 0

        page.click("mark.claim[title]")
        shown = page.evaluate(
            "Array.from(document.querySelectorAll('.claim-detail')).filter(d => !d.hidden && d.offsetHeight > 0)"
            ".map(d => ({text: d.querySelector('blockquote').innerText,"
            " chain: Array.from(d.querySelectorAll('.chain-flow .source')).map(s => s.innerText),"
            " svg: Array.from(d.querySelectorAll('svg text')).map(t => t.textContent).join(' ')}))")
        assert len(shown) == 1
        assert shown[0]["text"] == FIRST_CLAIM
        assert shown[0]["chain"] == ["Verhandlungskreise", "Tass", "tass-talks-de"]
        assert "Verhandlungskreise" in shown[0]["svg"] and "Tass" in shown[0]["svg"]
        mentions = page.evaluate("Array.from(document.querySelectorAll('.mention.active')).map(m => m.innerText).join('|')")
        assert "Tass" in mentions and "Verhandlungskreise" in mentions
        assert page.evaluate("document.querySelectorAll('mark.claim.active').length") >= 1
        screenshot = page.screenshot(shots / "html-report-seed.png")
        full = page.screenshot(shots / "html-report-seed-full.png", full_page=True)

        page.click("mark.claim[data-claim]:not(.active)")
        assert page.evaluate("document.querySelectorAll('.claim-detail:not([hidden])').length") == 1
        assert page.evaluate("document.querySelector('.claim-detail:not([hidden]) blockquote').innerText") != FIRST_CLAIM

        fetched = [url for url in page.requests() if not url.startswith(("file:", "data:", "about:"))]
        assert fetched == []
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and full.stat().st_size > 0
    print(f"screenshots: {screenshot} {full}")


def test_ratings_change_the_highlight_colour(seeded):
    seeded("rate", "Tass", "--reliability", "C")
    page, data = render(seeded)
    digits = {html_report.claim_key(trace): trace["credibility"]["digit"] for trace in data["articles"][0]["claims"]}
    marked = dict((key, kind) for kind, key in re.findall(r'<mark class="claim (cred-\d)" data-claim="([0-9a-f]+)"', page))
    assert marked == {key: f"cred-{digit}" for key, digit in digits.items()}
    assert {"cred-4", "cred-6"} <= set(marked.values())
    assert "C ×0.70" in page


def test_write_html_report_into_a_missing_folder_is_a_user_error(seeded, tmp_path):
    from provenance.errors import InvalidInput

    store = seeded.open()
    try:
        with pytest.raises(InvalidInput, match="does not exist"):
            html_report.write_html_report(store, tmp_path / "nowhere" / "report.html")
    finally:
        store.close()
