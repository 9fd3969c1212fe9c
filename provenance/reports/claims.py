"""Claims and single chains as data (for ``--json``) and as rich renderables.

One function computes the data; the renderers only render it, so ``--json`` and the terminal
always say the same thing.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from provenance.model import ANONYMOUS_KINDS
from provenance.model.records import ClaimRecord
from provenance.rdf import queries

KIND_STYLES = {
    "person": "bold cyan",
    "organization": "cyan",
    "news-agency": "bold magenta",
    "media-outlet": "magenta",
    "state": "bold blue",
    "document": "green",
    "anonymous-person": "italic yellow",
    "anonymous-group": "italic yellow",
    "anonymous-media": "italic yellow",
    "unknown": "dim",
}


def origin_label(record: ClaimRecord) -> str:
    """``named``, ``anonymous`` or ``unattributed``: where a claim starts."""
    if not record.chain:
        return "unattributed"
    return "anonymous" if record.chain[0].kind in ANONYMOUS_KINDS else "named"


def claim_row(record: ClaimRecord) -> dict[str, Any]:
    """One line of ``provenance claims --json``."""
    origin = record.chain[0] if record.chain else None
    return {
        "id": record.iri,
        "short_id": record.short_id,
        "article": record.article.id,
        "text": record.text,
        "mode": record.mode,
        "hedged": record.hedged,
        "hops": len(record.chain),
        "origin": None if origin is None else {"name": origin.name, "kind": origin.kind},
        "origin_type": origin_label(record),
        "chain": [source.name for source in record.chain],
    }


def claims_data(store, *, article: str | None = None) -> list[dict[str, Any]]:
    return [claim_row(record) for record in queries.claim_records(store, article=article)]


def render_claims(rows: list[dict[str, Any]]) -> Table:
    """The claims as a table; the article column appears only when there is more than one article."""
    several_articles = len({row["article"] for row in rows}) > 1
    table = Table(title=f"{len(rows)} claims", box=box.SIMPLE_HEAD)
    table.add_column("id", style="dim", no_wrap=True)
    if several_articles:
        table.add_column("article", overflow="fold", max_width=16)
    table.add_column("claim", ratio=3, min_width=20)
    table.add_column("origin", overflow="fold", ratio=1, min_width=18)
    table.add_column("hops", justify="right")
    table.add_column("mode", overflow="fold")
    for row in rows:
        origin = row["origin"]
        origin_text = (
            Text("—", style="dim")
            if origin is None
            else Text(origin["name"], style=KIND_STYLES.get(origin["kind"], ""))
        )
        mode = row["mode"] + ("\nhedged" if row["hedged"] else "")
        cells = [row["short_id"], row["article"]] if several_articles else [row["short_id"]]
        table.add_row(*cells, row["text"], origin_text, str(row["hops"]), mode)
    return table


def trace_data(store, reference: str) -> dict[str, Any]:
    """The chain of one claim, from the origin to the article, with where each source is mentioned."""
    iri = queries.resolve_claim(store, reference)
    record = queries.claim_records(store, claim=iri)[0]
    hops = queries.hop_details(store, record)
    return {
        "claim": {
            "id": record.iri,
            "short_id": record.short_id,
            "text": record.text,
            "mode": record.mode,
            "hedged": record.hedged,
            "cue": record.cue,
            "spans": [list(span) for span in queries.claim_spans(store, iri)],
        },
        "article": {"id": record.article.id, "iri": record.article.iri, "publisher": record.article.publisher},
        "hearsay_depth": len(record.chain),
        "origin_type": origin_label(record),
        "hops": [
            {
                "position": hop.position,
                "name": hop.source.name,
                "kind": hop.source.kind,
                "iri": hop.source.iri,
                "affiliation": hop.source.affiliation,
                "mention": hop.mention,
                "start": hop.start,
                "end": hop.end,
            }
            for hop in hops
        ],
    }


def source_label(hop: dict[str, Any]) -> Text:
    label = Text(hop["name"], style=KIND_STYLES.get(hop["kind"], ""))
    label.append(f"  [{hop['kind']}]", style="dim")
    if hop.get("affiliation"):
        label.append(f"  on behalf of {hop['affiliation']}", style="dim")
    if hop.get("mention") and hop["mention"] != hop["name"]:
        label.append(f"  “{hop['mention']}”", style="dim italic")
    return label


def render_trace(data: dict[str, Any]) -> Tree:
    """A tree from the article back to the origin: the reader's view of the hearsay."""
    claim = data["claim"]
    article = data["article"]
    root = Tree(Text.assemble(("article ", "bold"), (article["id"], "bold green")))
    node = root.add(Text.assemble(("“", "dim"), (claim["text"], "bold"), ("”", "dim"),
                                  (f"  {claim['mode']}{', hedged' if claim['hedged'] else ''}", "dim")))
    if not data["hops"]:
        node.add(Text("the article's own claim (unattributed)", style="dim"))
        return root
    for hop in reversed(data["hops"]):
        role = "origin" if hop["position"] == 0 else "relayed by"
        node = node.add(Text.assemble((f"{role}: ", "dim"), source_label(hop)))
    return root
