"""The HTML report: one self-contained page (inline CSS, SVG and script, nothing fetched) for readers without a terminal.

:func:`html_data` gathers the data (the ``report --json`` dict, every claim's ``trace --json``, the
articles' texts); :func:`render_html` only renders it, so the page says exactly what ``report`` and
``trace`` say. Claims are highlighted in the article text by credibility; a click on one shows its
chain picture and hops beside the text.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

import provenance
from provenance.analysis.credibility import LABELS
from provenance.files import atomic_output
from provenance.model import ANONYMOUS_KINDS
from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
from provenance.rdf import queries
from provenance.reports import picture as pictures
from provenance.analysis.corpus import analyse_corpus
from provenance.rdf import analysis_queries
from provenance.reports.corpus_traces import corpus_traces
from provenance.reports.report import findings_data
from provenance.reports.trust import trusted_records
from provenance.reports.verdicts import verdict_summary

CREDIBILITY_LABELS = LABELS


def html_data(store, *, report: dict[str, Any] | None = None, articles: Sequence[str] | None = None) -> dict[str, Any]:
    """Everything the HTML report shows, as plain data: the report, the articles with their claims' traces, and provenance.

    The traces are computed for all claims at once from the corpus analysis
    (:func:`provenance.reports.corpus_traces.corpus_traces`), not claim by claim: 1,000 articles
    take seconds instead of minutes.

    Parameters
    ----------
    store : the store to report on.
    report : the ``report --json`` data when already computed (``report_data(store)`` otherwise).
    articles : only these article ids (default: every article); the corpus figures stay the whole store's.
    """
    records = trusted_records(store, analysis_queries.corpus_records(store))
    findings = analyse_corpus(records, article_count=analysis_queries.article_count(store))
    if report is None:
        report = {**findings_data(findings), "verdicts": verdict_summary(store, findings.labels)}
    stored = list({article.iri: article for article in queries.articles(store)}.values())
    if articles is not None:
        wanted = set(articles)
        stored = [article for article in stored if article.id in wanted]
    texts = {row[0]: row[1] for row in analysis_queries.values(store, ARTICLE_TEXTS)}
    traces = corpus_traces(store, findings, texts, {article.id for article in stored})
    by_article: dict[str, list[dict[str, Any]]] = {}
    for trace in traces.values():
        by_article.setdefault(trace["article"]["id"], []).append(trace)
    publishers = {record.article.id: record.article.publisher_iri for record in records}
    shown = []
    for article in stored:
        claims = sorted(by_article.get(article.id, []),
                        key=lambda trace: (trace["claim"]["spans"][0][0] if trace["claim"]["spans"] else -1, trace["claim"]["id"]))
        shown.append({
            "id": article.id,
            "iri": article.iri,
            "title": article.title,
            "publisher": article.publisher,
            "publisher_iri": publishers.get(article.id),
            "url": article.url,
            "published": article.published,
            "lang": article.lang,
            "text": texts.get(article.iri, ""),
            "claims": claims,
        })
    return {
        "report": report,
        "articles": shown,
        "provenance": {
            "tool": "claim-provenance",
            "version": provenance.__version__,
            "store": str(getattr(store, "location", "") or ""),
            "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    }


ARTICLE_TEXTS = "SELECT ?article ?text WHERE { ?article a schema:NewsArticle ; schema:text ?text }"


def write_html_report(store, path: Path, *, report: dict[str, Any] | None = None,
                      articles: Sequence[str] | None = None) -> None:
    """Write the HTML report of ``store`` to ``path``, from ``report`` when already computed.

    The file appears only once complete, readable by others (it is meant to be shared), and a missing
    folder is the user's error, not a traceback.
    """
    page = render_html(html_data(store, report=report, articles=articles)).encode("utf-8")
    with atomic_output(Path(path)) as output:
        output.write(page)


# ---------------------------------------------------------------------------------------------
# Rendering


def _asset(name: str) -> str:
    return resources.files("provenance.reports").joinpath("assets", name).read_text(encoding="utf-8")


def claim_key(trace: dict[str, Any]) -> str:
    """The id a claim has on the page: the last segment of its IRI."""
    return trace["claim"]["id"].rsplit("/", 1)[-1]


#: Pictures (Graphviz) are drawn for reports of at most this many claims: one picture a claim
#: costs a run of ``dot`` each, minutes for thousands (``provenance graph`` draws any of them).
PICTURE_CLAIMS = 300


def render_html(data: dict[str, Any]) -> str:
    """The page for :func:`html_data`'s data, as one string of HTML.

    The first article is on the page; every other one, with its claims' chain panels, is in a
    ``<template>`` that the browser keeps unparsed into the page until it is opened (from the
    article index, a search result or a link), so a report of a thousand articles opens at once.
    The search box filters an index of every claim (``#claims-index``) in the browser.
    """
    report = data["report"]
    articles = data["articles"]
    langs = {article.get("lang") for article in articles if article.get("lang")}
    page_lang = langs.pop() if len(langs) == 1 else "und"
    claim_count = sum(len(article["claims"]) for article in articles)
    draw = pictures.graphviz_available() and claim_count <= PICTURE_CLAIMS
    title = (articles[0].get("title") or articles[0]["id"]) if len(articles) == 1 else f"{report['articles']} articles"
    registry = _registry()
    opened, *closed = articles or [None]
    body = [
        '<header class="page-header">',
        f'<p class="eyebrow">claim-provenance · attribution report</p><h1>{escape(title)}</h1>',
        _summary(report),
        "</header>",
        _search_panel(report, articles),
        '<main class="layout">',
        '<div class="reading">',
        _article(opened) if opened else '<p class="none">The store holds no article.</p>',
        *(_article_template(article, report, draw, details=claim_count <= PANELS_ON_PAGE) for article in closed),
        "</div>",
        '<aside class="detail-panel" aria-live="polite">',
        '<div id="detail-empty" class="detail-empty"><p><strong>Click a highlighted claim</strong> to see who said it '
        "first and through whose hands it passed.</p>" + _legend() + "</div>",
        f'<p class="sub explain">{escape(CREDIBILITY_NOTE)}</p>',
        *((_claim_detail(trace, opened, report, draw) for trace in opened["claims"]) if opened else ()),
        "</aside>",
        "</main>",
        '<section class="graphs">' + "".join(_article_graph(article, report) for article in articles) + "</section>"
        if draw else "",
        '<section class="corpus">',
        _sources(report, registry),
        _failures(report),
        _clusters(report, articles if draw else None),
        _circles(report),
        _verdicts(report),
        "</section>",
        _footer(data["provenance"], draw, claim_count),
        '<script type="application/json" id="report-data">' + _script_json(report) + "</script>",
        '<script type="application/json" id="claims-index">' + _script_json(claims_index(articles)) + "</script>",
        "<script>" + _asset("report.js") + "</script>",
    ]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(page_lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="claim-provenance {escape(data["provenance"]["version"])}">\n'
        f"<title>{escape(title)} · attribution report</title>\n"
        "<style>\n" + _asset("report.css") + "</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def claims_index(articles: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What the page's search box filters, and what a claim's panel is drawn from when the page has none for it.

    Each claim is ``[key, article, text, sources, digit, verdicts, mode, hops, p, independent, same, spof]``:
    ``article`` indexes ``articles``; ``sources`` index ``sources`` (``[name, kind]``, each once);
    ``verdicts`` are ``[rating, outcome]`` of verdicts on the claim itself; ``hops`` are ``[reliability,
    factor]`` per source; ``same`` the keys of the claims that say the same (the first few) and how
    many there are; ``spof`` the names every chain of its cluster passes through. Short lists and
    numbers keep a thousand articles' claims to a few megabytes.
    """
    sources: dict[tuple[str, str], int] = {}
    claims = []
    for number, article in enumerate(articles):
        for trace in article["claims"]:
            hops = trace.get("hops", [])
            credibility = trace.get("credibility") or {}
            claim = trace["claim"]
            same = trace.get("same_claim", [])
            claims.append([
                claim_key(trace), number, claim["text"],
                [sources.setdefault((hop["name"], hop["kind"]), len(sources)) for hop in hops],
                credibility.get("digit", 6),
                [[verdict["rating"], verdict.get("outcome") or ""] for verdict in trace.get("verdicts", [])
                 if verdict["claim"] == claim["id"]],
                claim["mode"] + (", hedged" if claim.get("hedged") else ""),
                [[hop.get("reliability") or "", hop.get("factor", 0.5)] for hop in hops],
                credibility.get("probability", 0),
                credibility.get("independent_sources", 0),
                [[other["id"].rsplit("/", 1)[-1] for other in same[:SAME_SHOWN]], len(same)],
                trace.get("single_points_of_failure", []),
            ])
    return {"articles": [article["id"] for article in articles], "sources": [list(pair) for pair in sources],
            "labels": {str(digit): label for digit, label in CREDIBILITY_LABELS.items()}, "claims": claims}


def _registry():
    from provenance.extract.registry import load_registry

    return load_registry()


def _search_panel(report: dict[str, Any], articles: Sequence[dict[str, Any]]) -> str:
    """The search and filter box, the list of what it finds, and the index of the articles."""
    digits = "".join(f'<option value="{digit}">{digit} or better: {escape(label)}</option>'
                     for digit, label in CREDIBILITY_LABELS.items())
    verdicts = "".join(f'<option value="{value}">{label}</option>' for value, label in
                       (("false", "rated false"), ("true", "rated true"), ("mixed", "rated mixed"), ("none", "no verdict")))
    sources = "".join(f'<option value="{escape(source["name"])}"></option>' for source in report.get("sources", [])[:2000])
    index = "".join(
        f'<li><a href="#article-{escape(article["id"])}" data-open-article="{escape(article["id"])}">'
        f'{escape(article.get("title") or article["id"])}</a> <span class="sub">{escape(article["id"])} · '
        f'{_plural(len(article["claims"]), "claim")}</span></li>'
        for article in articles
    )
    return (
        '<section class="search-panel" aria-label="search the claims">'
        '<form id="claim-search" class="filters" role="search" onsubmit="return false">'
        '<label>Words <input type="search" id="search-text" placeholder="words of a claim or a source" autocomplete="off"></label>'
        '<label>Source <input type="text" id="search-source" list="source-names" placeholder="any source" autocomplete="off"></label>'
        f'<datalist id="source-names">{sources}</datalist>'
        f'<label>Credibility <select id="search-credibility"><option value="">any</option>{digits}</select></label>'
        f'<label>Verdict <select id="search-verdict"><option value="">any</option>{verdicts}</select></label>'
        "</form>"
        '<p id="result-count" class="sub" aria-live="polite"></p><ol id="results" class="results"></ol>'
        f'<details class="article-index"><summary>All {_plural(len(articles), "article")}</summary>'
        f'<ul>{index}</ul></details>'
        "</section>"
    )


#: Up to this many claims every claim's panel is written into the page; beyond, the panels of the
#: articles after the first are drawn in the browser from ``#claims-index`` when a claim is selected
#: (about 1.5 kB of HTML a claim against a fifth of that in the index: 1,000 articles would not fit 15 MB).
PANELS_ON_PAGE = 300


def _article_template(article: dict[str, Any], report: dict[str, Any], draw: bool, *, details: bool = True) -> str:
    """An article (and with ``details`` its claims' chain panels), kept out of the page until opened."""
    details = "".join(_claim_detail(trace, article, report, draw) for trace in article["claims"]) if details else ""
    return (f'<template class="article-template" data-article="{escape(article["id"])}">{_article(article)}'
            f'<div class="details" data-article="{escape(article["id"])}">{details}</div></template>')


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _script_json(value: Any) -> str:
    """JSON that cannot end the script element it sits in."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _summary(report: dict[str, Any]) -> str:
    origins = report.get("origins", {})
    cards = [
        (report.get("claims", 0), "attributed claims", f"{report.get('unattributed', 0)} unattributed"),
        (report.get("articles", 0), "articles", ""),
        (origins.get("anonymous", 0), "anonymous origins", f"{origins.get('named', 0)} named"),
        (report.get("max_hops", 0), "hops at most", f"mean {report.get('mean_hops', 0)}"),
        (len(report.get("single_points_of_failure", [])), "single points of failure", ""),
        (len(report.get("circular", [])), "circles", ""),
    ]
    items = "".join(
        f'<div class="card"><span class="number">{escape(str(number))}</span><span class="what">{escape(what)}</span>'
        + (f'<span class="aside">{escape(aside)}</span>' if aside else "") + "</div>"
        for number, what, aside in cards
    )
    histogram = report.get("credibility", {})
    total = sum(histogram.values()) or 1
    bar = "".join(
        f'<span class="cred-{escape(str(digit))}" style="flex:{count}" title="credibility {escape(str(digit))}: '
        f'{count} claim(s), {escape(CREDIBILITY_LABELS.get(int(digit), ""))}">{escape(str(digit))}</span>'
        for digit, count in histogram.items()
    )
    bar_block = (f'<div class="cred-bar" aria-label="claims by credibility">{bar}</div>'
                 f'<p class="cred-caption">claims by credibility (Admiralty digit), {total} in all</p>') if histogram else ""
    return f'<div class="cards">{items}</div>{bar_block}'


def _legend() -> str:
    digits = "".join(
        f'<li><span class="swatch cred-{digit}">{digit}</span>{escape(label)}</li>'
        for digit, label in CREDIBILITY_LABELS.items()
    )
    return (
        '<div class="legend"><h3>Credibility of a claim</h3><ul class="legend-digits">' + digits + "</ul>"
        '<h3>Sources</h3><p>Anonymous sources are <span class="source anonymous">grey, dashed and in italics</span>; '
        '<span class="badge failure">single points of failure</span> carry every chain of the same claim in several articles; '
        '<span class="badge verdict verdict-false">verdicts</span> are fact-checkers\' ratings of a claim; '
        '<span class="badge circle">circular reporting</span> cites itself.</p></div>'
    )


def _article(article: dict[str, Any]) -> str:
    text = article["text"]
    claims = article["claims"]
    meta = [value for value in (article.get("publisher"), article.get("published"), article.get("lang")) if value]
    heading = escape(article.get("title") or article["id"])
    url = article.get("url") or ""
    if url.lower().startswith(("http://", "https://")):
        link = f' · <a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    else:
        link = f" · {escape(url)}" if url else ""
    parts = [
        f'<article class="article" id="article-{escape(article["id"])}" lang="{escape(article.get("lang") or "")}">',
        (f'<h2>{heading}</h2><p class="article-meta">{escape(" · ".join([article["id"], *meta]))}{link}'
         f' · {_plural(len(claims), "claim")}</p>'),
        f'<div class="article-text">{highlighted_text(text, claims)}</div>',
        _claim_list(claims),
    ]
    parts.append("</article>")
    return "\n".join(parts)


def _article_graph(article: dict[str, Any], report: dict[str, Any]) -> str:
    """The picture of every claim of an article, for the full width of the page."""
    claims = article["claims"]
    if not claims:
        return ""
    records = [_record_from_trace(trace, article) for trace in claims]
    traces = {trace["claim"]["id"]: trace for trace in claims}
    picture = pictures.build_picture(records, title="", report=report, traces=traces)
    svg = pictures.inline_svg(picture, graph_id=f"article-{article['id']}")
    title = escape(article.get("title") or article["id"])
    return (f'<details class="article-graph" open><summary>Attribution graph: {title}</summary>'
            f'<p class="sub">Origins on the left, the article on the right; edges carry the cue words.</p>'
            f'<div class="svg-box">{svg}</div></details>')


def highlighted_text(text: str, claims: Sequence[dict[str, Any]]) -> str:
    """The article text as HTML, each claim's spans in ``<mark>`` coloured by credibility, source mentions marked.

    Spans may touch or overlap; the text is cut at every span boundary and each piece says which claims
    and which mentions cover it.
    """
    pieces: list[tuple[int, int, str, str]] = []
    for trace in claims:
        key = claim_key(trace)
        for start, end in trace["claim"].get("spans", []):
            pieces.append((start, end, "claim", key))
        for hop in trace.get("hops", []):
            if hop.get("start") is not None and hop.get("end") is not None:
                pieces.append((hop["start"], hop["end"], "mention", key))
    digits = {claim_key(trace): (trace.get("credibility") or {}).get("digit", 6) for trace in claims}
    attributed = {claim_key(trace): bool(trace.get("hops")) for trace in claims}
    bounds = sorted({0, len(text), *(max(0, min(len(text), point)) for piece in pieces for point in piece[:2])})
    out = []
    for start, end in itertools.pairwise(bounds):
        if start == end:
            continue
        segment = escape(text[start:end], quote=False)
        covering = [key for first, last, role, key in pieces if role == "claim" and first <= start and end <= last]
        mentions = [key for first, last, role, key in pieces if role == "mention" and first <= start and end <= last]
        if mentions:
            segment = f'<span class="mention" data-for="{escape(" ".join(dict.fromkeys(mentions)))}">{segment}</span>'
        if covering:
            key = covering[-1]
            kind = f"cred-{digits[key]}" if attributed[key] else "unattributed"
            segment = (f'<mark class="claim {kind}" data-claim="{escape(key)}" data-claims="{escape(" ".join(covering))}"'
                       f' tabindex="0" role="button" title="credibility {digits[key]}: click for the chain">{segment}</mark>')
        out.append(segment)
    return "".join(out)


def _claim_list(claims: Sequence[dict[str, Any]]) -> str:
    if not claims:
        return '<p class="none">No claims were found in this article.</p>'
    rows = []
    for number, trace in enumerate(claims, 1):
        credibility = trace.get("credibility") or {}
        digit = credibility.get("digit", 6)
        chain = " → ".join(hop["name"] for hop in trace.get("hops", [])) or "the article's own claim"
        rows.append(
            f'<tr><td class="num">{number}</td>'
            f'<td><a href="#{escape(claim_key(trace))}" class="claim-link" data-claim="{escape(claim_key(trace))}">'
            f'{escape(trace["claim"]["text"])}</a></td>'
            f'<td class="chain-cell">{escape(chain)}</td><td class="num">{trace.get("hearsay_depth", 0)}</td>'
            f'<td><span class="swatch cred-{digit}" title="{escape(credibility.get("label", ""))}">{digit}</span>'
            f'{_verdict_badges(trace)}</td></tr>'
        )
    return ('<details class="claim-list"><summary>All claims of this article</summary><table class="data">'
            "<thead><tr><th>#</th><th>claim</th><th>chain (origin first)</th><th>hops</th><th>cred.</th></tr></thead>"
            "<tbody>" + "".join(rows) + "</tbody></table></details>")


def _record_from_trace(trace: dict[str, Any], shown: dict[str, Any] | None = None) -> ClaimRecord:
    """A claim record rebuilt from ``trace_data`` (and its article's data, for the publisher), to draw a picture from the data alone."""
    article = trace["article"]
    publisher_iri = (shown or {}).get("publisher_iri")
    chain = tuple(
        SourceRef(iri=hop["iri"], name=hop["name"], kind=hop["kind"], reliability=hop.get("reliability"))
        for hop in trace.get("hops", [])
    )
    claim = trace["claim"]
    reader = ArticleRef(iri=article["iri"], id=article["id"], publisher=article.get("publisher") if publisher_iri else None,
                        publisher_iri=publisher_iri)
    return ClaimRecord(iri=claim["id"], article=reader,
                       text=claim["text"], mode=claim["mode"], hedged=claim["hedged"], chain=chain, cue=claim.get("cue"))


@functools.lru_cache(maxsize=100_000)
def _source_name(name: str, kind: str) -> str:
    anonymous = " anonymous" if kind in ANONYMOUS_KINDS else ""
    return f'<span class="source kind-{escape(kind)}{anonymous}">{escape(name)}</span>'


#: Claims that say the same listed in a claim's panel.
SAME_SHOWN = 5


def _claim_detail(trace: dict[str, Any], article: dict[str, Any], report: dict[str, Any], draw: bool) -> str:
    claim = trace["claim"]
    key = claim_key(trace)
    credibility = trace.get("credibility") or {}
    digit = credibility.get("digit", 6)
    hops = trace.get("hops", [])
    mode = claim["mode"] + (", hedged" if claim.get("hedged") else "")
    parts = [
        f'<section class="claim-detail" data-claim="{escape(key)}" id="detail-{escape(key)}" hidden>',
        f'<p class="eyebrow">claim {escape(claim["short_id"])} · {escape(trace["article"]["id"])}</p>',
        f'<blockquote class="cred-{digit}">{escape(claim["text"])}</blockquote>',
        f'<p class="facts"><span class="swatch cred-{digit}">{digit}</span> <strong>{escape(credibility.get("label", ""))}</strong>'
        f' · {escape(mode)}' + (f' · cue <em>{escape(claim["cue"])}</em>' if claim.get("cue") else "")
        + _verdict_badges(trace) + "</p>",
    ]
    if hops:
        # One item per hop, origin first: the source, its kind, how the article names it, its rating.
        flow = "".join(
            f"<li>{_source_name(hop['name'], hop['kind'])} <span class=\"sub\">{'origin' if hop['position'] == 0 else 'relay'}"
            f" · {escape(hop['kind'])}"
            + (f" · “{escape(hop['mention'])}”" if hop.get("mention") and hop["mention"] != hop["name"] else "")
            + f" · {escape(hop.get('reliability') or 'unrated')}" + (f" ×{hop['factor']:.2f}" if "factor" in hop else "")
            + "</span></li>"
            for hop in hops
        )
        parts.append(f'<ol class="chain-flow" aria-label="chain, origin first">{flow}'
                     f'<li><span class="source article-node">{escape(trace["article"]["id"])}</span></li></ol>')
    else:
        parts.append('<p class="none">The article says this itself: no source is named.</p>')
    if draw and hops:
        picture = pictures.claim_picture_from(_record_from_trace(trace, article), trace, report=report)
        picture.title = ""
        svg = pictures.inline_svg(picture, graph_id="claim-" + key, rankdir="TB")
        parts.append(f'<div class="svg-box claim-svg">{svg}</div>')
    if hops:
        parts.append(
            f'<p class="sub">p = {credibility.get("probability", 0):.2f} · {credibility.get("independent_sources", 0)} '
            f'independent source(s) · {credibility.get("unknown_hops", 0)} unrated hop(s)</p>')
    if trace.get("single_points_of_failure"):
        parts.append('<p><span class="badge failure">single point of failure</span> every chain of this claim in '
                     f'{len(trace.get("same_claim", [])) + 1} articles passes through '
                     + ", ".join(escape(name) for name in trace["single_points_of_failure"]) + "</p>")
    others = [verdict for verdict in trace.get("verdicts", []) if verdict["claim"] != claim["id"]]
    if others:
        items = "".join(
            f'<li><span class="badge verdict verdict-{escape(verdict.get("outcome") or "unknown")}">{escape(verdict["rating"])}</span> '
            f'on the same claim in <strong>{escape(verdict.get("article") or "")}</strong> '
            f'<span class="sub">{escape(verdict["author"])}, {escape(verdict["date"])}</span></li>'
            for verdict in others
        )
        parts.append(f'<h3>Verdicts on the same claim elsewhere</h3><ul class="same">{items}</ul>')
    if trace.get("same_claim"):
        items = "".join(
            f'<li><a href="#{escape(other["id"].rsplit("/", 1)[-1])}" class="claim-link" data-claim="{escape(other["id"].rsplit("/", 1)[-1])}">'
            f'{escape(other["article"])}</a> '
            f'<span class="sub">{escape(" → ".join(other["chain"]) or "itself")}</span></li>'
            for other in trace["same_claim"][:SAME_SHOWN]
        )
        more = len(trace["same_claim"]) - SAME_SHOWN
        if more > 0:
            items += f'<li class="sub">and {more} more</li>'
        parts.append(f'<h3>The same claim elsewhere ({len(trace["same_claim"])})</h3><ul class="same">{items}</ul>')
    parts.append("</section>")
    return "\n".join(parts)


RELIANCE_NOTE = ("Reliance: how much of the corpus stands on the source: the share of all claims whose "
                 "chains would lose their only link to the reader without it (1.0: every claim).")
CREDIBILITY_NOTE = ("Credibility: how far a claim can be believed, Admiralty digit 1 (confirmed by other sources) "
                    "to 6 (cannot be judged), from its sources' reliability, the mode, hedging and independent sources.")
RELIABILITY_NOTE = "Reliability: a source's Admiralty letter A (completely reliable) to F (cannot be judged), as rated."


def _sources(report: dict[str, Any], registry=None) -> str:
    """The sources as a table that sorts by any column (click its header), with registry facts."""
    sources = report.get("sources", [])
    if not sources:
        return '<h2>Sources</h2><p class="none">No sources.</p>'
    # The badge marks a source every chain of some cluster (the same claim in several articles) passes through.
    failing = {name for cluster in report.get("clusters", []) for name in cluster.get("single_points_of_failure", [])}
    rows = []
    for source in sources:
        outlet = registry.by_name(source["name"]) if registry is not None else None
        facts = ""
        if outlet is not None:
            facts = escape(outlet.country or "") + (' <span class="badge state">state-owned</span>' if outlet.state_owned else "")
        reliance = source.get("reliance", 0)
        rows.append(
            f'<tr><td data-value="{escape(source["name"].casefold())}">{_source_name(source["name"], source["kind"])}'
            + (' <span class="badge failure">single point of failure</span>' if source["name"] in failing else "")
            + f'</td><td>{escape(source["kind"])}</td><td class="num">{source.get("originated", 0)}</td>'
            f'<td class="num">{source.get("relayed", 0)}</td><td>{escape(source.get("reliability") or "—")}</td>'
            f'<td class="num" data-value="{reliance}">{reliance:.3f}</td><td>{facts}</td></tr>'
        )
    return ('<h2>Sources</h2>'
            f'<p class="sub explain">{escape(RELIANCE_NOTE)} {escape(RELIABILITY_NOTE)} Click a column to sort.</p>'
            '<table class="data sources sortable"><thead><tr><th data-sort="text">source</th><th data-sort="text">kind</th>'
            '<th data-sort="number">originated</th><th data-sort="number">relayed</th><th data-sort="text">reliability</th>'
            f'<th data-sort="number" title="{escape(RELIANCE_NOTE)}">reliance</th><th data-sort="text">registry</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table>")


def _verdicts(report: dict[str, Any]) -> str:
    verdicts = report.get("verdicts") or {}
    if not verdicts.get("total"):
        return '<h2>Verdicts</h2><p class="none">No verdict is recorded.</p>'
    outcomes = " ".join(f'<span class="badge verdict verdict-{escape(outcome)}">{escape(outcome)}: {count}</span>'
                        for outcome, count in verdicts["outcomes"].items())
    rows = "".join(
        f"<tr><td>{_source_name(source['name'], source['kind'] or 'unknown')}</td><td class=\"num\">{source['false']}</td>"
        f"<td class=\"num\">{source['verdicts']}</td></tr>"
        for source in verdicts["sources_rated_false"]
    )
    table = ('<h3>Sources whose claims were rated false most often</h3><table class="data"><thead><tr><th>source</th>'
             "<th>false</th><th>verdicts</th></tr></thead><tbody>" + rows + "</tbody></table>") if rows else ""
    return (f'<h2>Verdicts</h2><p>{verdicts["total"]} verdict(s) on {verdicts["claims"]} claim(s): {outcomes}</p>' + table)


def _verdict_badges(trace: dict[str, Any]) -> str:
    """A badge for each verdict on the claim itself."""
    return "".join(
        f' <span class="badge verdict verdict-{escape(verdict.get("outcome") or "unknown")}" '
        f'title="{escape(verdict["author"])}, {escape(verdict["date"])}">{escape(verdict["rating"])}</span>'
        for verdict in trace.get("verdicts", []) if verdict["claim"] == trace["claim"]["id"]
    )


def _failures(report: dict[str, Any]) -> str:
    points = report.get("single_points_of_failure", [])
    if not points:
        return '<h2>Single points of failure</h2><p class="none">No single point of failure.</p>'
    rows = "".join(
        f"<tr><td>{_source_name(point['source'], point.get('kind', 'unknown'))}</td><td class=\"num\">{point['claims']}</td>"
        f'<td><div class="share"><span style="width:{max(1.0, point["share"] * 100):.1f}%"></span></div>'
        f'{point["share"]:.0%}</td></tr>'
        for point in points
    )
    return ("<h2>Single points of failure</h2><p class=\"sub\">Every chain of these claims passes through the source: "
            "if it erred, every article inherits the error.</p><table class=\"data\"><thead><tr><th>source</th>"
            "<th>claims</th><th>share of all claims</th></tr></thead><tbody>" + rows + "</tbody></table>")


def _clusters(report: dict[str, Any], articles: Sequence[dict[str, Any]] | None) -> str:
    clusters = report.get("clusters", [])
    if not clusters:
        return '<h2>The same claim in several articles</h2><p class="none">No claim appears in more than one article.</p>'
    rows = "".join(
        f'<tr><td class="num">{number}</td><td>{escape(cluster["text"])}</td><td class="num">{cluster["articles"]}</td>'
        f'<td class="num {"warn" if cluster["independent_sources"] <= 1 else "ok"}">{cluster["independent_sources"]}</td>'
        f'<td>{escape(", ".join(dict.fromkeys(cluster.get("origins", []))) or "—")}</td>'
        f'<td>{escape(", ".join(cluster.get("single_points_of_failure", [])) or "—")}</td></tr>'
        for number, cluster in enumerate(clusters, 1)
    )
    return ("<h2>The same claim in several articles</h2><p class=\"sub\">Three reports may be one: independent sources "
            "count the chains that share no source.</p><table class=\"data\"><thead><tr><th>#</th><th>claim</th>"
            "<th>articles</th><th>independent</th><th>origins</th><th>through</th></tr></thead><tbody>"
            + rows + "</tbody></table>" + (_cluster_graphs(report, articles) if articles is not None else ""))


CLUSTER_GRAPHS = 10


def _cluster_graphs(report: dict[str, Any], articles: Sequence[dict[str, Any]]) -> str:
    """A picture of each of the first clusters, from the traces of its claims when the page shows them all."""
    shown = {trace["claim"]["id"]: (trace, article) for article in articles for trace in article["claims"]}
    parts = []
    for number, cluster in enumerate(report.get("clusters", [])[:CLUSTER_GRAPHS], 1):
        wanted = set(cluster.get("article_ids", []))
        first = next((entry for entry in shown.values() if entry[0]["claim"]["text"] == cluster["text"]
                      and entry[1]["id"] in wanted), None)
        if first is None:
            continue
        members = [first] + [shown[other["id"]] for other in first[0].get("same_claim", [])
                             if other["id"] in shown and other["article"] in wanted]
        records = [_record_from_trace(trace, article) for trace, article in members]
        failing = set(cluster.get("single_points_of_failure", []))
        picture = pictures.build_picture(
            records, title="", report=report, traces={trace["claim"]["id"]: trace for trace, _ in members},
            single_points_of_failure=[source.iri for record in records for source in record.chain if source.name in failing],
        )
        svg = pictures.inline_svg(picture, graph_id=f"cluster-{number}")
        parts.append(f'<details class="article-graph"><summary>Cluster {number}: “{escape(cluster["text"])}” in '
                     f'{cluster["articles"]} articles</summary><div class="svg-box">{svg}</div></details>')
    return "".join(parts)


def _circles(report: dict[str, Any]) -> str:
    circles = report.get("circular", [])
    if not circles:
        return '<h2>Circular reporting</h2><p class="none">No circular reporting.</p>'
    items = "".join(
        '<li><span class="badge circle">circle</span> ' + " → ".join(escape(name) for name in [*members, members[0]])
        + "</li>"
        for members in circles
    )
    return f'<h2>Circular reporting</h2><ul class="circles">{items}</ul>'


def _footer(meta: dict[str, Any], draw: bool, claims: int = 0) -> str:
    if draw:
        pictures_note = ""
    elif claims > PICTURE_CLAIMS:
        pictures_note = f" · pictures omitted: more than {PICTURE_CLAIMS} claims ('provenance graph' draws them)"
    else:
        pictures_note = " · pictures omitted: install Graphviz (apt-get install graphviz) to draw them"
    return (
        '<footer class="provenance"><h2>Provenance of this report</h2><dl>'
        f'<dt>tool</dt><dd>{escape(meta["tool"])} {escape(meta["version"])}</dd>'
        f'<dt>store</dt><dd><code>{escape(meta["store"] or "—")}</code></dd>'
        f'<dt>generated</dt><dd><time datetime="{escape(meta["generated"])}">{escape(meta["generated"])}</time></dd>'
        "</dl><p class=\"sub\">The figures are the data of <code>provenance report --json</code>, embedded in this page"
        f" as JSON (element <code>#report-data</code>); credibility is the Admiralty digit 1–6.{escape(pictures_note)}</p>"
        "</footer>"
    )
