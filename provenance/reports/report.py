"""The corpus report: one function computes the data of ``report --json``; the renderers only render it.

Keys (shared/DESIGN.md's contract first): ``claims`` (attributed), ``unattributed``, ``articles``,
``origins``, ``sources``, ``single_points_of_failure``, ``circular``, ``clusters``, ``max_hops``; and
besides them ``origin_kinds``, ``mean_hops``, ``depth_histogram``, ``top_relays``, ``circular_details``
and ``credibility``.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from provenance.analysis.corpus import CorpusFindings, analyse_corpus
from provenance.analysis.credibility import LABELS
from provenance.rdf import analysis_queries
from provenance.reports.claims import KIND_STYLES
from provenance.reports.trust import trusted_records
from provenance.reports.verdicts import verdict_summary

TOP_RELAYS = 10
SHOWN_ROWS = 10


def report_data(store) -> dict[str, Any]:
    """Everything ``provenance report`` says about the store, as plain JSON-ready data."""
    records = trusted_records(store, analysis_queries.corpus_records(store))
    findings = analyse_corpus(records, article_count=analysis_queries.article_count(store))
    return {**findings_data(findings), "verdicts": verdict_summary(store, findings.labels)}


def findings_data(findings: CorpusFindings) -> dict[str, Any]:
    """The ``report --json`` dict of computed findings."""
    labels = findings.labels
    attributed = findings.attributed
    records = findings.records

    def name(iri: str) -> str:
        return labels.get(iri, (iri, "unknown"))[0]

    def kind(iri: str) -> str:
        return labels.get(iri, (iri, "unknown"))[1]

    def share(count: int) -> float:
        return round(count / attributed, 4) if attributed else 0.0

    hops = [depth * count for depth, count in findings.depth_histogram.items() if depth > 0]
    return {
        "claims": attributed,
        "unattributed": findings.unattributed,
        "articles": findings.articles,
        "origins": findings.origins,
        "origin_kinds": findings.origin_kinds,
        "max_hops": findings.max_hops,
        "mean_hops": round(sum(hops) / attributed, 3) if attributed else 0.0,
        "depth_histogram": {str(depth): count for depth, count in findings.depth_histogram.items()},
        "sources": [
            {
                "name": source.name,
                "kind": source.kind,
                "relayed": source.relayed,
                "originated": source.originated,
                "reliability": source.reliability,
                "share": round(source.share, 4),
                "reliance": round(source.reliance, 6),
                "reliance_rank": source.reliance_rank,
                "iri": source.iri,
            }
            for source in findings.sources
        ],
        "top_relays": [
            {"name": source.name, "kind": source.kind, "relayed": source.relayed,
             "relayed_share": share(source.relayed)}
            for source in findings.sources[:TOP_RELAYS]
            if source.relayed
        ],
        "single_points_of_failure": [
            {"source": name(point.source), "kind": kind(point.source), "claims": point.claims,
             "share": share(point.claims), "clusters": point.clusters, "iri": point.source}
            for point in findings.single_points_of_failure
        ],
        "circular": [[name(member) for member in circle.members] for circle in findings.circles],
        "circular_details": [
            {"members": [name(member) for member in circle.members],
             "kinds": [kind(member) for member in circle.members],
             "claims": circle.claims, "clusters": circle.clusters, "example": records[circle.example].text}
            for circle in findings.circles
        ],
        "clusters": [
            {
                "text": records[cluster.members[0]].text,
                "claims": len(cluster.members),
                "articles": len(cluster.articles),
                "article_ids": list(cluster.articles),
                "independent_sources": cluster.independent_sources,
                "origins": [name(origin) for origin in cluster.origins],
                "single_points_of_failure": [name(node) for node in cluster.single_points_of_failure],
            }
            for cluster in findings.clusters
        ],
        "credibility": {str(digit): count for digit, count in findings.credibility.items()},
    }


def _styled(name: str, kind: str) -> Text:
    return Text(name, style=KIND_STYLES.get(kind, ""))


def _bar(count: int, largest: int, width: int = 30) -> str:
    return "█" * max(1 if count else 0, round(width * count / largest)) if largest else ""


def render_report(data: dict[str, Any]) -> Group:
    """The report as rich tables: totals, origins, depth, relays, failure points, clusters, circles."""
    parts: list[Any] = []
    totals = Text.assemble(
        ("Claims   ", "bold"), (f"{data['claims']} attributed", "bold green"),
        f", {data['unattributed']} unattributed, in {data['articles']} articles\n",
        ("Origins  ", "bold"), f"{data['origins']['named']} named, {data['origins']['anonymous']} anonymous\n",
        ("Hops     ", "bold"), f"max {data['max_hops']}, mean {data['mean_hops']}",
    )
    parts.append(totals)

    histogram = Table(title="Hearsay depth", title_justify="left", show_edge=False)
    histogram.add_column("hops", justify="right")
    histogram.add_column("claims", justify="right")
    histogram.add_column("")
    largest = max(data["depth_histogram"].values(), default=0)
    for depth, count in data["depth_histogram"].items():
        histogram.add_row(depth, str(count), _bar(count, largest))
    parts.append(histogram)

    if data["origin_kinds"]:
        kinds = Table(title="Origins by kind", title_justify="left", show_edge=False)
        kinds.add_column("kind")
        kinds.add_column("claims", justify="right")
        for kind, count in data["origin_kinds"].items():
            kinds.add_row(_styled(kind, kind), str(count))
        parts.append(kinds)

    relays = Table(title="Top relays", title_justify="left", show_edge=False)
    relays.add_column("source")
    relays.add_column("kind")
    relays.add_column("relayed", justify="right")
    relays.add_column("share", justify="right")
    for relay in data["top_relays"]:
        relays.add_row(_styled(relay["name"], relay["kind"]), relay["kind"], str(relay["relayed"]),
                       f"{relay['relayed_share']:.0%}")
    parts.append(relays if data["top_relays"] else Text("No source relays a claim.", style="dim"))

    failures = Table(title="Single points of failure (every chain of these claims passes through them)",
                     title_justify="left", show_edge=False)
    failures.add_column("source")
    failures.add_column("claims", justify="right")
    failures.add_column("share", justify="right")
    for point in data["single_points_of_failure"][:SHOWN_ROWS]:
        failures.add_row(_styled(point["source"], point["kind"]), str(point["claims"]), f"{point['share']:.0%}")
    parts.append(failures if data["single_points_of_failure"] else Text("No single point of failure.", style="dim"))

    if data["clusters"]:
        clusters = Table(title=f"The same claim in several articles ({len(data['clusters'])})",
                         title_justify="left", show_edge=False)
        clusters.add_column("claim", ratio=3)
        clusters.add_column("articles", justify="right")
        clusters.add_column("independent", justify="right")
        clusters.add_column("through")
        for cluster in data["clusters"][:SHOWN_ROWS]:
            independent = cluster["independent_sources"]
            style = "bold red" if independent <= 1 else "green"
            clusters.add_row(cluster["text"], str(cluster["articles"]), Text(str(independent), style=style),
                             ", ".join(cluster["single_points_of_failure"]) or "—")
        parts.append(clusters)
    else:
        parts.append(Text("No claim appears in more than one article.", style="dim"))

    if data["circular"]:
        circles = Text("Circular reporting\n", style="bold red")
        for members in data["circular"][:SHOWN_ROWS]:
            circles.append("  " + " → ".join(members + members[:1]) + "\n")
        parts.append(circles)
    else:
        parts.append(Text("No circular reporting.", style="dim"))

    verdicts = data.get("verdicts") or {}
    if verdicts.get("total"):
        outcomes = ", ".join(f"{count} {outcome}" for outcome, count in verdicts["outcomes"].items())
        parts.append(Text.assemble(("Verdicts  ", "bold"), f"{verdicts['total']} on {verdicts['claims']} claims: {outcomes}"))
        if verdicts["sources_rated_false"]:
            rated = Table(title="Sources whose claims were rated false most often", title_justify="left", show_edge=False)
            rated.add_column("source")
            rated.add_column("false", justify="right")
            rated.add_column("verdicts", justify="right")
            for source in verdicts["sources_rated_false"]:
                rated.add_row(_styled(source["name"], source["kind"]), str(source["false"]), str(source["verdicts"]))
            parts.append(rated)
    if data["credibility"]:
        credibility = Table(title="Credibility (Admiralty)", title_justify="left", show_edge=False)
        credibility.add_column("digit", justify="right")
        credibility.add_column("meaning")
        credibility.add_column("claims", justify="right")
        for digit, count in data["credibility"].items():
            credibility.add_row(digit, LABELS[int(digit)], str(count))
        parts.append(credibility)
    return Group(*parts)
