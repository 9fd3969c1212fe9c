"""``provenance changes``: what the store gained since a point in time, as data (``--json``) and as rich text.

Articles added or replaced, new claims, clusters that gained an article, claims that became
independently corroborated or lost it, new single points of failure, new circles, ratings and
verdicts recorded. Times are when things were stored (:mod:`provenance.rdf.history`); verdicts
by their date.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from rich.console import Group
from rich.text import Text

from provenance.analysis.changes import CorroborationChange, finding_changes
from provenance.model.filters import instant_text
from provenance.rdf import analysis_queries, history, ratings
from provenance.reports.claims import KIND_STYLES, VERDICT_STYLES
from provenance.reports.trust import trusted_records


def _instant(text: str) -> datetime:
    """A stored xsd:dateTime (or date) as an aware instant; one without a zone is UTC."""
    instant = datetime.fromisoformat(text)
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)


def changes_data(store, since: datetime) -> dict[str, Any]:
    """Everything stored since ``since`` and what it changed in the findings, as plain JSON-ready data."""
    times = history.article_times(store)
    added, replaced = [], []
    for iri, (doc, written, first) in times.items():
        if _instant(written) >= since:
            (added if _instant(first) >= since else replaced).append((doc, iri))
    changed = [iri for _, iri in added + replaced]
    first_stored = history.claims_first_stored(store, changed)
    new = {claim for claim, first in first_stored.items() if first is None or _instant(first) >= since}

    records = trusted_records(store, analysis_queries.corpus_records(store)) if new else []
    findings = finding_changes(records, new) if new else None
    labels = findings.labels if findings else {}

    def claim(record) -> dict[str, Any]:
        return {"id": record.iri, "short_id": record.short_id, "article": record.article.id, "text": record.text,
                "chain": [source.name for source in record.chain]}

    def crossing(change: CorroborationChange) -> dict[str, Any]:
        return {**claim(change.claim), "independent_sources": {"before": change.before, "after": change.after}}

    new_records = [record for record in records if record.iri in new]
    day = instant_text(since)[:10]
    return {
        "since": instant_text(since),
        "articles": {"added": sorted(doc for doc, _ in added), "replaced": sorted(doc for doc, _ in replaced)},
        "claims": [claim(record) for record in new_records],
        "clusters": [
            {"text": gain.text, "articles": list(gain.articles), "gained": list(gain.gained),
             "independent_sources": {"before": gain.independent_before, "after": gain.independent_after}}
            for gain in (findings.clusters if findings else [])
        ],
        "corroborated": [crossing(change) for change in (findings.corroborated if findings else [])],
        "uncorroborated": [crossing(change) for change in (findings.uncorroborated if findings else [])],
        "single_points_of_failure": [
            {"source": labels.get(source, (source, "unknown"))[0], "kind": labels.get(source, (source, "unknown"))[1],
             "claims": claims, "iri": source}
            for source, claims in (findings.single_points_of_failure if findings else [])
        ],
        "circles": [[labels.get(member, (member, ""))[0] for member in circle]
                    for circle in (findings.circles if findings else [])],
        "ratings": [
            {"source": rating.source_name, "iri": rating.source, "reliability": rating.reliability,
             "assessor": rating.assessor, "time": rating.time}
            for rating in ratings.ratings(store) if _instant(rating.time) >= since
        ],
        "verdicts": [
            {"rating": verdict.rating, "outcome": verdict.outcome, "value": verdict.rating_value,
             "author": verdict.author, "date": verdict.date, "url": verdict.url, "claim": verdict.claim}
            for verdict in ratings.verdicts(store) if verdict.date[:10] >= day
        ],
    }


def render_changes(data: dict[str, Any]) -> Group:
    """The changes as short sections; an empty one says so in one line."""
    parts: list[Any] = [Text.assemble(("Since ", "bold"), (data["since"], "bold"))]
    articles = data["articles"]
    if not (articles["added"] or articles["replaced"] or data["ratings"] or data["verdicts"]):
        parts.append(Text("Nothing was stored since then.", style="dim"))
        return Group(*parts)
    parts.append(Text.assemble(
        ("Articles  ", "bold"), f"{len(articles['added'])} added", *([": ", ", ".join(articles["added"])] if articles["added"] else []),
        f"; {len(articles['replaced'])} replaced", *([": ", ", ".join(articles["replaced"])] if articles["replaced"] else []),
    ))
    parts.append(Text.assemble(("Claims    ", "bold"), f"{len(data['claims'])} new"))
    for claim in data["claims"][:20]:
        parts.append(Text.assemble(("  + ", "green"), (claim["article"], "green"), f"  {claim['text']}",
                                   ("  ← " + " ← ".join(reversed(claim["chain"])) if claim["chain"] else "", "dim")))
    if len(data["claims"]) > 20:
        parts.append(Text(f"  … and {len(data['claims']) - 20} more (--json lists them all)", style="dim"))
    for cluster in data["clusters"]:
        counts = cluster["independent_sources"]
        parts.append(Text.assemble(("Cluster   ", "bold"), f"“{cluster['text']}” gained ", (", ".join(cluster["gained"]), "green"),
                                   (f"  independent sources {counts['before']} → {counts['after']}", "dim")))
    for key, label, style in (("corroborated", "Now corroborated", "green"), ("uncorroborated", "No longer corroborated", "red")):
        for claim in data[key]:
            counts = claim["independent_sources"]
            parts.append(Text.assemble((f"{label}  ", f"bold {style}"), f"“{claim['text']}” ({claim['article']})",
                                       (f"  {counts['before']} → {counts['after']} independent sources", "dim")))
    for point in data["single_points_of_failure"]:
        parts.append(Text.assemble(("New single point of failure  ", "bold red"),
                                   (point["source"], KIND_STYLES.get(point["kind"], "")), f"  {point['claims']} claim(s)"))
    for circle in data["circles"]:
        parts.append(Text.assemble(("New circle  ", "bold red"), " → ".join(circle + circle[:1])))
    for rating in data["ratings"]:
        parts.append(Text.assemble(("Rated  ", "bold"), f"{rating['source']} {rating['reliability']}",
                                   (f"  by {rating['assessor']}, {rating['time']}", "dim")))
    for verdict in data["verdicts"]:
        parts.append(Text.assemble(("Verdict  ", "bold"), (verdict["rating"], VERDICT_STYLES.get(verdict["outcome"], "bold")),
                                   f"  on {verdict['claim'].rsplit('/', 1)[-1][:10]}", (f"  by {verdict['author']}, {verdict['date']}", "dim")))
    return Group(*parts)
