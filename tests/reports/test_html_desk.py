"""The HTML report for a desk: search and filter box, articles opened on demand, verdict badges, sortable
sources, single-point-of-failure badges only for clusters; checked in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.reports import html as html_report

from .chromium import Chromium, find_chromium
from .conftest import EXAMPLES, Cli, needed

HOTEL = "Die Delegationen seien in ihre Hotels zurückgekehrt"


@pytest.fixture(scope="module")
def desk(tmp_path_factory, shared_dir) -> Cli:
    """The seed article and the examples (14 articles), Tass rated B, a verdict "falsch" on the seed's hotel claim."""
    cli = Cli(tmp_path_factory.mktemp("desk-html") / "store")
    seed = shared_dir / "seed"
    cli("add", "--text", str(seed / "tass-talks-de.txt"), str(seed / "tass-talks-de.gold.json"))
    for folder in ("wire", "two-agencies", "circle"):
        for claims in sorted((EXAMPLES / folder).glob("*.json")):
            cli("add", "--text", str(claims.with_suffix(".txt")), str(claims))
    cli("rate", "Tass", "--reliability", "B", "--by", "desk")
    cli("verdict", "seien in ihre Hotels zurückgekehrt", "--rating", "falsch", "--by", "Correctiv", "--date", "2026-02-06",
        expect=1)  # the fragment names several claims: the seed's is chosen by its id below
    claims = json.loads(cli("claims", "--article", "tass-talks-de", "--json").stdout)
    hotel = next(row for row in claims if row["text"] == HOTEL)
    cli("verdict", hotel["id"], "--rating", "falsch", "--by", "Correctiv", "--date", "2026-02-06")
    return cli


@pytest.fixture
def chromium() -> str:
    found = find_chromium()
    if found is None:
        needed("Chromium", "apt-get install chromium")
    return found


def write(desk: Cli, path: Path) -> Path:
    result = desk("report", "--html", str(path))
    assert f"Wrote the HTML report to {path}" in result.stdout
    return path


def test_page_has_the_search_box_the_index_and_the_articles_in_templates(desk, tmp_path):
    page = write(desk, tmp_path / "desk.html").read_text(encoding="utf-8")
    assert page.count('<article class="article"') == 14
    assert page.count('<template class="article-template"') == 13
    for control in ("search-text", "search-source", "search-credibility", "search-verdict"):
        assert f'id="{control}"' in page
    index = json.loads(page.split('<script type="application/json" id="claims-index">', 1)[1].split("</script>", 1)[0])
    assert len(index["claims"]) == 23 and len(index["articles"]) == 14
    assert 'class="badge verdict verdict-false"' in page and ">falsch</span>" in page
    assert 'class="badge state">state-owned</span>' in page  # Tass, from the outlet registry
    assert "Reliance: how much of the corpus stands on the source" in page
    assert "Credibility: how far a claim can be believed" in page


def test_single_point_of_failure_badge_only_where_a_cluster_depends_on_one_source(desk, tmp_path):
    store = desk.open()
    try:
        data = html_report.html_data(store)
    finally:
        store.close()
    traces = {trace["claim"]["text"]: trace for article in data["articles"] for trace in article["claims"]}
    # A lone two-hop claim (the seed's "Es gebe Resultate", through Tass) is no cluster's single point of failure.
    assert traces["Es gebe Resultate"]["single_points_of_failure"] == []
    # The hotel claim of five articles all passing through Tass is.
    assert traces["Die Delegationen seien in die Hotels zurückgekehrt"]["single_points_of_failure"] == ["Tass"]
    page = html_report.render_html(data)
    badged = page.split('<table class="data sources sortable">', 1)[1].split("</table>", 1)[0]
    assert badged.count('badge failure') == 1 and "Tass</span> <span class=\"badge failure\">" in badged


def open_report(browser: Chromium, path: Path):
    page = browser.open_page(path.as_uri(), width=1400, height=1000)
    assert page.evaluate("document.readyState") == "complete"
    return page


def type_into(page, selector: str, text: str) -> None:
    """Focus a field, empty it and type ``text`` as a keyboard would (one input event per insertion)."""
    page.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.focus(); e.value = ''; }})()")
    page.send("Input.insertText", {"text": text})
    # Leave the field, as a reader does before clicking a result: the source field's suggestion
    # list (a datalist) would otherwise take the next click to close itself.
    page.evaluate("document.activeElement.blur()")


SHOWN = "document.querySelectorAll('#results li.result').length"


@pytest.mark.browser
@pytest.mark.parametrize("panels_on_page", [300, 0], ids=["panels-in-page", "panels-drawn-in-browser"])
def test_chromium_search_counts_claims_opens_articles_and_shows_verdict_badges(desk, chromium, tmp_path, monkeypatch,
                                                                             panels_on_page):
    monkeypatch.setattr(html_report, "PANELS_ON_PAGE", panels_on_page)
    report = write(desk, tmp_path / "desk.html")
    with Chromium(chromium, log=tmp_path / "chromium.log") as browser:
        page = open_report(browser, report)
        assert page.evaluate("document.querySelectorAll('article.article').length") == 1
        type_into(page, "#search-text", "hotels zuruckgekehrt")
        assert page.evaluate(SHOWN) == 6
        assert page.evaluate("document.getElementById('result-count').textContent") == "6 claims"
        type_into(page, "#search-text", "Bürgermeister")
        assert page.evaluate(SHOWN) == 4
        type_into(page, "#search-text", "")
        type_into(page, "#search-source", "reuters")
        assert page.evaluate(SHOWN) == 2
        type_into(page, "#search-source", "")
        page.evaluate("(() => { const s = document.getElementById('search-verdict'); s.value = 'false';"
                      " s.dispatchEvent(new Event('change')); })()")
        assert page.evaluate(SHOWN) == 1
        assert page.evaluate("document.querySelector('#results li.result .badge.verdict').textContent") == "falsch"
        page.evaluate("(() => { const s = document.getElementById('search-verdict'); s.value = '';"
                      " s.dispatchEvent(new Event('change')); })()")

        # A result in an article not yet on the page opens that article and the claim's panel.
        type_into(page, "#search-text", "ceasefire")
        assert page.evaluate(SHOWN) == 4
        assert page.evaluate("document.querySelector('article.article').id") == "article-ceasefire-courier"
        page.click("#results li.result:last-child")
        assert page.evaluate("document.querySelectorAll('article.article').length") == 2
        assert page.evaluate("!!document.querySelector('article#article-ceasefire-observer')")
        shown = page.evaluate(
            "Array.from(document.querySelectorAll('.claim-detail')).filter(d => !d.hidden && d.offsetHeight > 0)"
            ".map(d => ({text: d.querySelector('blockquote').innerText,"
            " chain: Array.from(d.querySelectorAll('.chain-flow .source')).map(s => s.innerText)}))")
        assert len(shown) == 1 and "ceasefire" in shown[0]["text"]
        assert shown[0]["chain"] == ["a senior official", "Associated Press", "ceasefire-observer"]
        assert page.evaluate("document.querySelectorAll('mark.claim.active').length") >= 1

        # The verdict badge on the hotel claim's panel, reached from the search.
        type_into(page, "#search-text", "hotels")
        page.evaluate("(() => { const s = document.getElementById('search-source'); s.value = 'Verhandlungskreise';"
                      " s.dispatchEvent(new Event('input')); })()")
        keys = page.evaluate("Array.from(document.querySelectorAll('#results li.result')).map(r => r.dataset.claim)")
        seed = next(key for key in keys if page.evaluate(
            f"document.querySelector('#results li.result[data-claim=\"{key}\"] .sub').textContent.startsWith('tass-talks-de')"))
        page.click(f'#results li.result[data-claim="{seed}"]')
        assert page.evaluate("document.querySelector('.claim-detail:not([hidden]) .badge.verdict').textContent") == "falsch"

        # The sources table sorts by a click on a column's header.
        page.click("table.sources th:nth-child(4)")
        first = page.evaluate("document.querySelector('table.sources tbody tr td').innerText")
        assert first.startswith("Tass")
        page.click("table.sources th:nth-child(4)")
        assert not page.evaluate("document.querySelector('table.sources tbody tr td').innerText").startswith("Tass")
        assert [url for url in page.requests() if not url.startswith(("file:", "data:", "about:"))] == []
