"""The sources table of ``provenance sources``: data for ``--json`` and its rich rendering."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from provenance.analysis.sources import source_statistics
from provenance.errors import InvalidInput
from provenance.rdf import analysis_queries
from provenance.reports.claims import KIND_STYLES

SORT_KEYS = ("relayed", "originated", "reliance")


def sources_data(store, *, sort: str = "relayed", limit: int | None = None) -> list[dict[str, Any]]:
    """One row per source: originated, relayed, share, reliance and its rank, sorted by ``sort`` (descending)."""
    if sort not in SORT_KEYS:
        raise InvalidInput(f"cannot sort sources by {sort!r}: use one of {', '.join(SORT_KEYS)}")
    statistics = source_statistics(analysis_queries.corpus_records(store, texts=False))
    rows = [
        {
            "name": source.name,
            "kind": source.kind,
            "originated": source.originated,
            "relayed": source.relayed,
            "share": round(source.share, 4),
            "reliance": round(source.reliance, 6),
            "reliance_rank": source.reliance_rank,
            "reliability": source.reliability,
            "iri": source.iri,
        }
        for source in statistics
    ]
    rows.sort(key=lambda row: (-row[sort], row["name"], row["iri"]))
    return rows if limit is None else rows[:limit]


def render_sources(rows: list[dict[str, Any]]) -> Table:
    """The sources as a table, in the order given."""
    table = Table(title=f"{len(rows)} sources")
    table.add_column("source")
    table.add_column("kind")
    table.add_column("originated", justify="right")
    table.add_column("relayed", justify="right")
    table.add_column("share", justify="right")
    table.add_column("reliance", justify="right")
    table.add_column("rank", justify="right")
    table.add_column("reliability", justify="center")
    for row in rows:
        table.add_row(
            Text(row["name"], style=KIND_STYLES.get(row["kind"], "")),
            row["kind"],
            str(row["originated"]),
            str(row["relayed"]),
            f"{row['share']:.0%}",
            f"{row['reliance']:.3f}",
            str(row["reliance_rank"]),
            row["reliability"] or Text("unrated", style="dim"),
        )
    return table
