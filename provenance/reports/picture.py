"""Pictures of hearsay: the chains of a claim, an article, a cluster or the store as a plain graph, drawn as DOT, SVG, PNG or GraphML.

The picture is a structure of its own (nodes and edges with plain attributes) so that drawing needs
no networkx: DOT is written here, SVG and PNG come from the Graphviz ``dot`` binary, and only the
GraphML export goes through :mod:`provenance.analysis.export`. Origins are drawn on the left, the
article (or the outlet that published it) on the right; what is highlighted (reliability letters,
credibility digits, single points of failure, circles) is read from the report data and
:func:`provenance.reports.claims.trace_data`, so the pictures say what ``report`` and ``trace`` say.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from provenance.errors import InvalidInput, NotFound, ProvenanceError
from provenance.model.records import ClaimRecord
from provenance.rdf import queries

FORMATS = ("svg", "png", "dot", "graphml")
CLAIM_NODE_LIMIT = 60
CLAIM_WRAP = 34
CLAIM_LINES = 4
#: Characters of a name, cue or tooltip drawn in a picture: Graphviz refuses an HTML-like label
#: over 16 KB (after escaping), and a longer name is no longer readable in a picture anyway.
LABEL_CHARS = 200
TOOLTIP_CHARS = 1_000

KIND_LABELS = {
    "person": "person",
    "organization": "organization",
    "news-agency": "news agency",
    "media-outlet": "media outlet",
    "state": "state",
    "document": "document",
    "anonymous-person": "anonymous person",
    "anonymous-group": "anonymous group",
    "anonymous-media": "anonymous media",
    "unknown": "unknown",
    "article": "article",
}

# (shape, style, fill, border) per kind; anonymous sources are dashed, grey and set in italics.
KIND_SHAPES: dict[str, tuple[str, str, str, str]] = {
    "person": ("ellipse", "filled", "#dbeafe", "#1d4ed8"),
    "organization": ("box", "rounded,filled", "#e0f2fe", "#0369a1"),
    "news-agency": ("box", "filled", "#f5d0fe", "#a21caf"),
    "media-outlet": ("box", "filled", "#fce7f3", "#be185d"),
    "state": ("hexagon", "filled", "#e0e7ff", "#3730a3"),
    "document": ("note", "filled", "#dcfce7", "#15803d"),
    "anonymous-person": ("ellipse", "dashed,filled", "#f3f4f6", "#6b7280"),
    "anonymous-group": ("box", "rounded,dashed,filled", "#f3f4f6", "#6b7280"),
    "anonymous-media": ("box", "dashed,filled", "#f3f4f6", "#6b7280"),
    "unknown": ("ellipse", "dotted,filled", "#ffffff", "#9ca3af"),
    "article": ("folder", "filled", "#fef3c7", "#92400e"),
}

# Fill per Admiralty credibility digit, shared with the HTML report's highlights.
CREDIBILITY_COLOURS = {
    1: "#86efac",
    2: "#bef264",
    3: "#fde047",
    4: "#fdba74",
    5: "#fca5a5",
    6: "#d1d5db",
}
FAILURE_COLOUR = "#dc2626"
CIRCLE_COLOUR = "#ea580c"
FONT = "Helvetica,Arial,sans-serif"
QUOTES = "„“”\"'«»‚‘’"


@dataclass
class Node:
    """One node: a source, a claim, or a reader (the article, or the outlet that published it)."""

    id: str
    role: str
    name: str
    kind: str
    reliability: str | None = None
    credibility: int | None = None
    credibility_label: str | None = None
    articles: list[str] = field(default_factory=list)
    claims: int = 0
    single_point_of_failure: bool = False
    in_circle: bool = False
    also_reader: bool = False


@dataclass
class Edge:
    """A step a claim took, from the nearer-the-origin node to the nearer-the-reader one."""

    tail: str
    head: str
    claims: int = 0
    cues: list[str] = field(default_factory=list)
    in_circle: bool = False


@dataclass
class Picture:
    """The graph to draw: nodes by id, edges by (tail, head), and a title."""

    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    def as_data(self) -> dict[str, Any]:
        """The picture as JSON-ready data (the input of the GraphML export)."""
        return {
            "title": self.title,
            "nodes": [asdict(node) for node in self.nodes.values()],
            "edges": [asdict(edge) for edge in self.edges.values()],
        }


class GraphvizMissing(ProvenanceError):
    """SVG and PNG need the Graphviz ``dot`` program, which is not installed."""


# ---------------------------------------------------------------------------------------------
# Building pictures


def build_picture(
    records: Sequence[ClaimRecord],
    *,
    title: str,
    report: dict[str, Any] | None = None,
    traces: dict[str, dict[str, Any]] | None = None,
    single_points_of_failure: Iterable[str] | None = None,
    show_claims: bool | None = None,
) -> Picture:
    """The picture of some claims and their chains.

    Parameters
    ----------
    records : the claims, each with its chain (origin first).
    title : shown above the graph.
    report : the ``report --json`` data; gives reliability letters, single points of failure (when
        ``single_points_of_failure`` is not given) and circles.
    traces : ``{claim IRI: trace_data(...)}``; gives each claim's credibility digit.
    single_points_of_failure : the IRIs to highlight instead of the report's.
    show_claims : draw each claim as a node between its last source and its reader; by default only
        up to ``CLAIM_NODE_LIMIT`` claims, beyond which sources link straight to readers.
    """
    report = report or {}
    traces = traces or {}
    if show_claims is None:
        show_claims = len(records) <= CLAIM_NODE_LIMIT
    reliability = {source["iri"]: source.get("reliability") for source in report.get("sources", []) if "iri" in source}
    if single_points_of_failure is None:
        single_points_of_failure = [point["iri"] for point in report.get("single_points_of_failure", []) if "iri" in point]
    picture = Picture(title=title)
    for record in records:
        reader = _add_reader(picture, record)
        for source in record.chain:
            node = picture.nodes.get(source.iri)
            if node is None:
                node = picture.nodes[source.iri] = Node(id=source.iri, role="source", name=source.name, kind=source.kind)
            elif node.role == "reader":
                node.role, node.kind, node.also_reader = "source", source.kind, True
            node.reliability = node.reliability or source.reliability or reliability.get(source.iri)
            node.claims += 1
        steps = [source.iri for source in record.chain]
        if show_claims:
            trace = traces.get(record.iri, {})
            credibility = trace.get("credibility") or {}
            picture.nodes[record.iri] = Node(
                id=record.iri, role="claim", name=record.text, kind="claim" if record.chain else "unattributed",
                credibility=credibility.get("digit"), credibility_label=credibility.get("label"),
                articles=[record.article.id], claims=1,
            )
            steps.append(record.iri)
        steps.append(reader.id)
        for position, (tail, head) in enumerate(itertools.pairwise(steps)):
            if tail == head:
                continue
            edge = picture.edges.setdefault((tail, head), Edge(tail, head))
            edge.claims += 1
            cue_step = len(record.chain) - 1
            if position == cue_step and record.cue and record.cue not in edge.cues:
                edge.cues.append(record.cue)
    for iri in single_points_of_failure:
        if iri in picture.nodes and picture.nodes[iri].role != "claim":
            picture.nodes[iri].single_point_of_failure = True
    _mark_circles(picture, report.get("circular", []))
    return picture


def _add_reader(picture: Picture, record: ClaimRecord) -> Node:
    article = record.article
    iri = article.publisher_iri or article.iri
    node = picture.nodes.get(iri)
    if node is None:
        name, kind = (article.publisher, "media-outlet") if article.publisher_iri else (article.id, "article")
        node = picture.nodes[iri] = Node(id=iri, role="reader", name=name or iri, kind=kind)
    elif node.role == "source":
        node.also_reader = True
    if article.id not in node.articles:
        node.articles.append(article.id)
    return node


def _mark_circles(picture: Picture, circles: Sequence[Sequence[str]]) -> None:
    """Highlight the members of the report's circles, and the steps between them, found by name."""
    by_name: dict[str, list[str]] = {}
    for node in picture.nodes.values():
        if node.role != "claim":
            by_name.setdefault(node.name, []).append(node.id)
    for circle in circles:
        members = [by_name.get(name, []) for name in circle]
        if len(circle) < 2 or not all(members):
            continue
        for ids in members:
            for iri in ids:
                picture.nodes[iri].in_circle = True
        for tails, heads in zip(members, members[1:] + members[:1]):
            for tail in tails:
                for head in heads:
                    _mark_step(picture, tail, head)


def _mark_step(picture: Picture, tail: str, head: str) -> None:
    if (tail, head) in picture.edges:
        picture.edges[(tail, head)].in_circle = True
    for (first, middle), edge in picture.edges.items():
        if first == tail and picture.nodes[middle].role == "claim" and (middle, head) in picture.edges:
            edge.in_circle = True
            picture.edges[(middle, head)].in_circle = True


def claim_picture(store, reference: str, *, report: dict[str, Any] | None = None,
                  trace: dict[str, Any] | None = None) -> Picture:
    """One claim's chain, from its origin through every relay to its article.

    Highlighted single points of failure are the claim's own (those of ``trace``), not the corpus's.
    """
    from provenance.reports.claims import trace_data  # here: it loads rich, which `provenance --help` need not

    iri = queries.resolve_claim(store, reference)
    record = queries.claim_records(store, claim=iri)[0]
    trace = trace if trace is not None else trace_data(store, iri)
    return claim_picture_from(record, trace, report=report)


def claim_picture_from(record: ClaimRecord, trace: dict[str, Any], *, report: dict[str, Any] | None = None) -> Picture:
    """:func:`claim_picture` from a record and its ``trace_data`` already at hand."""
    names = {hop["name"]: hop["iri"] for hop in trace.get("hops", [])}
    failures = [names[name] for name in trace.get("single_points_of_failure", []) if name in names]
    short = textwrap.shorten(record.text, 60, placeholder="…")
    return build_picture([record], title=f"“{short}” ({record.article.id})", report=report,
                         traces={record.iri: trace}, single_points_of_failure=failures, show_claims=True)


def find_article(store, article_id: str):
    """The stored article whose id is ``article_id``, or NotFound naming a few that exist."""
    stored = queries.articles(store)
    for article in stored:
        if article.id == article_id:
            return article
    known = ", ".join(article.id for article in stored[:5]) or "none yet"
    raise NotFound(f"no article {article_id!r} in the store (stored: {known}{'…' if len(stored) > 5 else ''})")


def article_picture(store, article_id: str, *, report: dict[str, Any] | None = None,
                    traces: dict[str, dict[str, Any]] | None = None) -> Picture:
    """Every claim of one article with its chain: the sources on the left, the article on the right."""
    article = find_article(store, article_id)
    records = queries.claim_records(store, article=article.iri)
    if traces is None:
        traces = _traces(store, records)
    return build_picture(records, title=f"{article.id}: {len(records)} claims", report=report, traces=traces)


def cluster_picture(store, number: int, *, report: dict[str, Any]) -> Picture:
    """The claims of the report's ``number``-th cluster (1 is the first listed): the same claim across articles."""
    clusters = report.get("clusters", [])
    if not 1 <= number <= len(clusters):
        raise NotFound(f"no cluster {number}: the report lists {len(clusters)} (number them from 1)")
    cluster = clusters[number - 1]
    records = _cluster_records(store, cluster)
    traces = _traces(store, records)
    failing = set(cluster.get("single_points_of_failure", []))
    failures = [source.iri for record in records for source in record.chain if source.name in failing]
    return build_picture(records, title=f"cluster {number}: “{textwrap.shorten(cluster['text'], 60, placeholder='…')}”"
                         f" in {cluster['articles']} articles", report=report, traces=traces,
                         single_points_of_failure=failures)


def _cluster_records(store, cluster: dict[str, Any]) -> list[ClaimRecord]:
    """The claims of a report cluster: its ``claim_ids`` when the report has them, else its text's matches."""
    if cluster.get("claim_ids"):
        return [record for iri in cluster["claim_ids"] for record in queries.claim_records(store, claim=iri)]
    for article_id in cluster.get("article_ids", []):
        article = find_article(store, article_id)
        for record in queries.claim_records(store, article=article.iri):
            if record.text == cluster["text"]:
                from provenance.reports.claims import trace_data

                same = trace_data(store, record.iri)["same_claim"]
                wanted = set(cluster.get("article_ids", []))
                others = [found for other in same if other["article"] in wanted
                          for found in queries.claim_records(store, claim=other["id"])]
                return [record, *others]
    raise NotFound(f"the cluster's claim {cluster['text']!r} is no longer in the store")


def store_picture(store, *, report: dict[str, Any] | None = None) -> Picture:
    """Every claim of the store; above ``CLAIM_NODE_LIMIT`` claims the claims are not drawn, only the flow."""
    records = queries.claim_records(store)
    show_claims = len(records) <= CLAIM_NODE_LIMIT
    traces = _traces(store, records) if show_claims else {}
    articles = len({record.article.iri for record in records})
    return build_picture(records, title=f"{len(records)} claims in {articles} articles", report=report,
                         traces=traces, show_claims=show_claims)


def _traces(store, records: Sequence[ClaimRecord]) -> dict[str, dict[str, Any]]:
    from provenance.reports.claims import trace_data

    return {record.iri: trace_data(store, record.iri) for record in records if record.chain}


# ---------------------------------------------------------------------------------------------
# DOT


def dot_string(value: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as ``\\n``.

    >>> print(dot_string('say "hi" \\\\ bye'))
    "say \\"hi\\" \\\\ bye"
    """
    value = _printable(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{value}"'


def html_text(value: str) -> str:
    """Text for a Graphviz HTML-like label: markup characters as entities, control characters dropped.

    >>> html_text('<Kreise> & "Tass"')
    '&lt;Kreise&gt; &amp; &quot;Tass&quot;'
    """
    value = _printable(value).replace("\n", " ")
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def shortened(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut.

    >>> shortened("Verhandlungskreise", 10)
    'Verhandlu…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _printable(value: str) -> str:
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value).replace("\r\n", "\n").replace("\r", "\n")


def _small(text: str, colour: str = "#4b5563") -> str:
    return f'<FONT POINT-SIZE="9" COLOR="{colour}">{text}</FONT>'


def _source_label(node: Node) -> str:
    anonymous = node.kind.startswith("anonymous")
    name = html_text(shortened(node.name))
    name = f"<I>{name}</I>" if anonymous else f"<B>{name}</B>"
    if node.reliability:
        name += f'  <B><FONT COLOR="#1f2937">[{html_text(node.reliability)}]</FONT></B>'
    lines = [name, _small(html_text(KIND_LABELS.get(node.kind, node.kind)))]
    if node.kind == "media-outlet" and (node.also_reader or node.role == "reader") and node.articles:
        lines.append(_small("publishes " + html_text(shortened(", ".join(node.articles[:3])) + ("…" if len(node.articles) > 3 else ""))))
    if node.single_point_of_failure:
        lines.append(_small("<B>single point of failure</B>", FAILURE_COLOUR))
    if node.in_circle:
        lines.append(_small("<B>circular reporting</B>", CIRCLE_COLOUR))
    return "<" + "<BR/>".join(lines) + ">"


def _claim_label(node: Node) -> str:
    wrapped = textwrap.wrap(node.name, CLAIM_WRAP) or [""]
    if len(wrapped) > CLAIM_LINES:
        wrapped = wrapped[:CLAIM_LINES]
        wrapped[-1] = wrapped[-1].rstrip() + "…"
    lines = [html_text(line) for line in wrapped]
    if not node.name[:1] in QUOTES:
        lines[0] = "„" + lines[0]
        lines[-1] = lines[-1] + "“"
    if node.credibility is not None:
        lines.append(_small(f"<B>credibility {node.credibility}</B> · {html_text(node.credibility_label or '')}", "#111827"))
    elif node.kind == "unattributed":
        lines.append(_small("the article's own claim"))
    return "<" + "<BR/>".join(lines) + ">"


def _node_attributes(node: Node) -> dict[str, str]:
    if node.role == "claim":
        fill = CREDIBILITY_COLOURS.get(node.credibility or 6, "#ffffff") if node.kind == "claim" else "#ffffff"
        attributes = {"shape": "box", "style": '"rounded,filled"', "fillcolor": dot_string(fill),
                      "color": dot_string("#374151"), "label": _claim_label(node), "margin": '"0.15,0.06"'}
        tooltip = node.name
    else:
        shape, style, fill, border = KIND_SHAPES.get(node.kind, KIND_SHAPES["unknown"])
        attributes = {"shape": shape, "style": dot_string(style), "fillcolor": dot_string(fill),
                      "color": dot_string(border), "label": _source_label(node)}
        if node.kind.startswith("anonymous"):
            attributes["fontcolor"] = dot_string("#374151")
        tooltip = f"{node.name} ({KIND_LABELS.get(node.kind, node.kind)})"
    if node.single_point_of_failure:
        attributes.update(color=dot_string(FAILURE_COLOUR), penwidth="3")
    if node.in_circle:
        attributes.update(color=dot_string(CIRCLE_COLOUR), penwidth="3", peripheries="2")
    attributes["tooltip"] = dot_string(shortened(tooltip, TOOLTIP_CHARS))
    return attributes


def to_dot(picture: Picture, *, graph_id: str | None = None, rankdir: str = "LR") -> str:
    """The picture as Graphviz DOT text, origins on the left and readers on the right (``rankdir="TB"``: top, bottom).

    ``graph_id`` prefixes the ids of the SVG's elements, so that several pictures can share one page.
    """
    ids = {node_id: f"n{index}" for index, node_id in enumerate(picture.nodes)}
    lines = [f"digraph {dot_string(graph_id or 'provenance')} {{"]
    graph_attributes = {"rankdir": rankdir, "charset": '"UTF-8"', "bgcolor": '"transparent"', "nodesep": "0.25",
                        "ranksep": "0.45", "fontname": dot_string(FONT), "fontsize": "11",
                        "labelloc": "t", "labeljust": "l"}
    if picture.title:
        graph_attributes["label"] = dot_string(shortened(picture.title))
    if graph_id:
        graph_attributes["id"] = dot_string(graph_id)
    lines.append("  graph [" + ", ".join(f"{key}={value}" for key, value in graph_attributes.items()) + "];")
    lines.append(f"  node [fontname={dot_string(FONT)}, fontsize=11, penwidth=1.2];")
    lines.append(f"  edge [fontname={dot_string(FONT)}, fontsize=9, color=\"#4b5563\", arrowsize=0.7];")
    origins = [ids[node.id] for node in picture.nodes.values()
               if node.role == "source" and not any(head == node.id for _, head in picture.edges)]
    readers = [ids[node.id] for node in picture.nodes.values()
               if node.role == "reader" and not any(tail == node.id for tail, _ in picture.edges)]
    for node in picture.nodes.values():
        attributes = _node_attributes(node)
        lines.append(f"  {ids[node.id]} [" + ", ".join(f"{key}={value}" for key, value in attributes.items()) + "];")
    for edge in picture.edges.values():
        attributes: dict[str, str] = {}
        label_parts = []
        if edge.cues:
            label_parts.append("<I>" + html_text(shortened(" / ".join(edge.cues[:2]) + (" …" if len(edge.cues) > 2 else ""))) + "</I>")
        if edge.claims > 1:
            label_parts.append(f"{edge.claims} claims")
        if label_parts:
            attributes["label"] = "<" + "<BR/>".join(label_parts) + ">"
        if edge.in_circle:
            attributes.update(color=dot_string(CIRCLE_COLOUR), penwidth="2.5", fontcolor=dot_string(CIRCLE_COLOUR))
        elif edge.claims > 1:
            attributes["penwidth"] = str(round(min(1.0 + 0.4 * edge.claims, 4.0), 2))
        rendered = (" [" + ", ".join(f"{key}={value}" for key, value in attributes.items()) + "]") if attributes else ""
        lines.append(f"  {ids[edge.tail]} -> {ids[edge.head]}{rendered};")
    if len(origins) > 1:
        lines.append("  { rank=min; " + " ".join(origins) + " }")
    if len(readers) > 1:
        lines.append("  { rank=max; " + " ".join(readers) + " }")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Rendering


def graphviz_available() -> bool:
    """Whether the Graphviz ``dot`` program is on the PATH."""
    return shutil.which("dot") is not None


def run_graphviz(dot_text: str, fmt: str) -> bytes:
    """DOT text laid out and drawn by Graphviz as ``svg`` or ``png``."""
    program = shutil.which("dot")
    if program is None:
        raise GraphvizMissing(f"drawing {fmt.upper()} needs Graphviz's dot program: install Graphviz "
                              "(apt-get install graphviz), or use --format dot or graphml")
    try:
        result = subprocess.run([program, f"-T{fmt}"], input=dot_text.encode("utf-8"), capture_output=True,
                                timeout=300, check=False)
    except subprocess.TimeoutExpired:
        raise ProvenanceError("Graphviz took more than 5 minutes; draw a smaller scope (a claim, an article or a cluster)") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ProvenanceError(f"Graphviz failed: {message[0] if message else 'exit code ' + str(result.returncode)}")
    return result.stdout


def render(picture: Picture, fmt: str) -> bytes:
    """The picture as the bytes of a file in ``fmt`` (one of ``FORMATS``)."""
    if fmt == "dot":
        return to_dot(picture).encode("utf-8")
    if fmt == "graphml":
        from provenance.analysis.export import graphml_bytes

        return graphml_bytes(picture.as_data())
    if fmt in ("svg", "png"):
        return run_graphviz(to_dot(picture), fmt)
    raise InvalidInput(f"unknown picture format {fmt!r}; use one of {', '.join(FORMATS)}")


def inline_svg(picture: Picture, *, graph_id: str, rankdir: str = "LR") -> str:
    """The picture as an ``<svg>`` element to put inside an HTML page: no XML prolog, scales to its box."""
    svg = run_graphviz(to_dot(picture, graph_id=graph_id, rankdir=rankdir), "svg").decode("utf-8")
    svg = svg[svg.index("<svg"):]
    def sized(match: re.Match) -> str:
        natural = int(match.group(1)) * 4 // 3
        # Wide pictures scroll rather than shrink below 70 % of their size, so that their labels stay legible.
        smallest = min(natural, max(480, natural * 7 // 10))
        return f'<svg class="chain-svg" style="max-width:{natural}px;min-width:{smallest}px" width="100%"'

    return re.sub(r'<svg width="(\d+)pt" height="(\d+)pt"', sized, svg, count=1)
