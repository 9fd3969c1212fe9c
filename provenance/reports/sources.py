"""The sources table of ``provenance sources``: data for ``--json`` and its rich rendering."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from provenance.errors import InvalidInput

if TYPE_CHECKING:
    from rich.table import Table

SORT_KEYS = ("relayed", "originated", "reliance")


def sources_data(store, *, sort: str = "relayed", limit: int | None = None) -> list[dict[str, Any]]:
    """One row per source: originated, relayed, share, reliance and its rank, sorted by ``sort`` (descending)."""
    if sort not in SORT_KEYS:
        raise InvalidInput(f"cannot sort sources by {sort!r}: use one of {', '.join(SORT_KEYS)}")
    # Imported here: the CLI reads SORT_KEYS for every command, and numpy and scipy would slow them all.
    from provenance.analysis.sources import source_statistics
    from provenance.rdf import analysis_queries
    from provenance.reports.trust import source_track_records

    statistics = source_statistics(analysis_queries.corpus_records(store, texts=False))
    track = source_track_records(store)
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
            "track_record": track[source.iri].as_dict() if source.iri in track else None,
            "iri": source.iri,
        }
        for source in statistics
    ]
    rows.sort(key=lambda row: (-row[sort], row["name"], row["iri"]))
    return rows if limit is None else rows[:limit]


def render_sources(rows: list[dict[str, Any]]) -> Table:
    """The sources as a table, in the order given; each source's kind under its name."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from provenance.reports.claims import KIND_STYLES

    table = Table(title=f"{len(rows)} sources", box=box.SIMPLE_HEAD)
    table.add_column("source", overflow="fold", min_width=16)
    table.add_column("orig.", justify="right")
    table.add_column("relayed", justify="right")
    table.add_column("share", justify="right")
    table.add_column("reliance", justify="right")
    table.add_column("rank", justify="right")
    table.add_column("rating", justify="center")
    table.add_column("track", justify="center")
    for row in rows:
        track = row.get("track_record")
        source = Text(row["name"], style=KIND_STYLES.get(row["kind"], ""))
        source.append(f"\n{row['kind']}", style="dim")
        table.add_row(
            source,
            str(row["originated"]),
            str(row["relayed"]),
            f"{row['share']:.0%}",
            f"{row['reliance']:.3f}",
            str(row["reliance_rank"]),
            row["reliability"] or Text("unrated", style="dim"),
            f"{track['estimate'] or '?'} ({track['verdicts']})" if track and track["verdicts"] else "",
        )
    table.caption = "rating: the assessed Admiralty letter in force; track: the letter its verdicts suggest (count)"
    return table
