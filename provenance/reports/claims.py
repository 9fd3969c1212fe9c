"""Claims and single chains as data (for ``--json``) and as rich renderables.

One function computes the data; the renderers only render it, so ``--json`` and the terminal
always say the same thing.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import NamedNode
from rich import box
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from provenance.model import ANONYMOUS_KINDS
from provenance.model.records import ClaimRecord
from provenance.model.verdicts import verdict_outcome
from provenance.rdf import queries
from provenance.storage.base import gather

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


#: How a verdict's outcome is shown (provenance.model.verdicts.VERDICT_OUTCOMES).
VERDICT_STYLES = {"false": "bold red", "mostly-false": "red", "mixed": "yellow", "mostly-true": "green", "true": "bold green"}


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
        "verdicts": list(record.verdicts),
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
    # The verdicts share the mode's column: a column of their own no longer fits 80 characters. Without
    # them the origin keeps a long word whole ("Verhandlungsdelegation").
    verdicts = any(row.get("verdicts") for row in rows)
    table.add_column("claim", ratio=3, min_width=16 if verdicts else 20)
    table.add_column("origin", overflow="fold", ratio=1, min_width=12 if verdicts else 22)
    table.add_column("hops", justify="right")
    table.add_column("mode, verdict" if verdicts else "mode", overflow="fold")
    for row in rows:
        origin = row["origin"]
        origin_text = (
            Text("—", style="dim")
            if origin is None
            else Text(origin["name"], style=KIND_STYLES.get(origin["kind"], ""))
        )
        mode = Text(row["mode"] + ("\nhedged" if row["hedged"] else ""))
        for verdict in row.get("verdicts", []):
            mode.append("\n" + verdict, style=VERDICT_STYLES.get(verdict_outcome(verdict), "bold"))
        cells = [row["short_id"], row["article"]] if several_articles else [row["short_id"]]
        table.add_row(*cells, row["text"], origin_text, str(row["hops"]), mode)
    return table


def trace_data(store, reference: str) -> dict[str, Any]:
    """The chain of one claim, from the origin to the article, with where each source is mentioned.

    Besides the hops it says how far the claim can be believed (``credibility``, with each hop's
    contribution also on the hop: ``reliability``, ``known``, ``factor``, ``running``), which other
    claims say the same (``same_claim``), how many independent sources they have together
    (``independent_sources``) and which relays all of them pass through (``single_points_of_failure``).
    """
    # Imported here, not above: networkx, numpy and scipy would slow every `provenance claims` down.
    from provenance.analysis.clusters import cluster_shape, independent_sources
    from provenance.analysis.credibility import claim_credibility
    from provenance.analysis.dominators import dominating_sources
    from provenance.analysis.flow import claim_path
    from provenance.analysis.track_record import with_track_records
    from provenance.rdf import analysis_queries
    from provenance.reports.trust import source_track_records

    iri = reference.strip()
    named = _is_iri(iri)
    # Three reads that wait for nothing: one round trip on a server (storage.base.gather).
    candidates, track, marks = gather(
        store,
        lambda: analysis_queries.claims_sharing_keys_with(store, iri) if named else [],
        lambda: source_track_records(store),
        lambda: queries.claim_mark_rows(store, iri) if named else None,
    )
    record, same = _claim_and_same(store, reference, candidates)
    if track:
        record, *same = with_track_records([record, *same], track)
    if record.iri != iri:
        marks = queries.claim_mark_rows(store, record.iri)
    spans, hops = queries.marks_of(record, marks)
    paths = [claim_path(record)] + [claim_path(other) for other in same]
    independent = independent_sources(paths) if record.chain else 0
    credibility = claim_credibility(record, independent_sources=independent)
    contributions = {contribution.position: contribution for contribution in credibility.hops}
    origins = cluster_shape(paths).origins
    names = {source.iri: source.name for other in [record, *same] for source in other.chain}
    from provenance.rdf import ratings

    reviews = ratings.verdicts(store, claims=[record.iri, *(other.iri for other in same)])
    articles = {other.iri: other.article.id for other in [record, *same]}
    return {
        "claim": {
            "id": record.iri,
            "short_id": record.short_id,
            "text": record.text,
            "mode": record.mode,
            "hedged": record.hedged,
            "cue": record.cue,
            "spans": [list(span) for span in spans],
        },
        "article": {"id": record.article.id, "iri": record.article.iri, "publisher": record.article.publisher},
        "corrections": [correction.as_note() for correction in record.corrections],
        "withdrawn": record.withdrawn,
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
                "reliability": hop.source.reliability,
                "known": contributions[hop.position].known,
                "factor": contributions[hop.position].factor,
                "running": round(contributions[hop.position].running, 4),
                "continues_in": [
                    {"article": other.article.id, "chain": [source.name for source in other.chain]}
                    for other in same
                    if other.article.publisher_iri == hop.source.iri
                ],
            }
            for hop in hops
        ],
        "credibility": {
            "digit": credibility.digit,
            "label": credibility.label,
            "probability": round(credibility.probability, 4),
            "chain_probability": round(credibility.chain_probability, 4),
            "mode_factor": credibility.mode_factor,
            "hedged_factor": credibility.hedged_factor,
            "independent_sources": credibility.independent_sources,
            "unknown_hops": credibility.unknown_hops,
            "hops": [
                {"position": c.position, "name": c.name, "reliability": c.reliability, "known": c.known,
                 "factor": c.factor, "running": round(c.running, 4)}
                for c in credibility.hops
            ],
        },
        "independent_sources": independent,
        "single_points_of_failure": [
            names.get(node, node) for node in dominating_sources(paths) if node not in origins and node in names
        ] if record.chain else [],
        "same_claim": [
            {
                "id": other.iri,
                "short_id": other.short_id,
                "article": other.article.id,
                "publisher": other.article.publisher,
                "text": other.text,
                "chain": [source.name for source in other.chain],
            }
            for other in same
        ],
        "verdicts": [
            {"rating": review.rating, "outcome": review.outcome, "value": review.rating_value, "author": review.author,
             "date": review.date, "url": review.url, "claim": review.claim, "article": articles.get(review.claim)}
            for review in reviews
        ],
    }


SAME_CLAIM_LIMIT = 200


def _is_iri(reference: str) -> bool:
    """Whether ``reference`` is a valid IRI (one with a space is a text fragment that happens to hold ``://``)."""
    if "://" not in reference and not reference.startswith("urn:"):
        return False
    try:
        NamedNode(reference)
    except ValueError:
        return False
    return True


def _claim_and_same(store, reference: str, candidates: list[tuple[str, str]]) -> tuple[ClaimRecord, list[ClaimRecord]]:
    """The claim ``reference`` names, and the other attributed claims, in any article, that say the same.

    For an attributed claim named by IRI, ``candidates`` are the claims sharing one of its stored
    same-claim keys, with their texts, its own included (``claims_sharing_keys_with``); then its
    record and the chains of the claims that match are read, side by side on a server. A claim
    without keys (an unattributed one, or a store written before the keys) is read first, and the
    candidates are looked up by its text.
    """
    iri = reference.strip()
    texts = dict(candidates)
    if iri in texts:
        matches = _matches(iri, texts[iri], candidates)
        # Its record in full and the others' chains from their summaries (all a trace shows of
        # them): on a server two requests at once.
        found, others = gather(
            store,
            lambda: queries.records_of_claims(store, [iri]),
            lambda: queries.chains_of_claims(store, matches) if matches else [],
        )
        [record] = found
    else:
        record = queries.find_claim(store, reference)
        from provenance.rdf import analysis_queries

        candidates = analysis_queries.same_claim_candidates(store, record.text)
        others = queries.chains_of_claims(store, _matches(record.iri, record.text, candidates))
    others = [other for other in others if other.chain and other.iri != record.iri]
    return record, sorted(others, key=lambda other: (other.article.id, other.iri))


def _matches(iri: str, text: str, candidates: list[tuple[str, str]]) -> list[str]:
    from provenance.analysis.clusters import matching_claims

    return matching_claims(text, [(other, words) for other, words in candidates if other != iri])[:SAME_CLAIM_LIMIT]


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
    for correction in data.get("corrections", []):
        verb = "withdrawn" if data.get("withdrawn") and correction["changes"] == "withdrawn" else "corrected"
        root.add(Text(f"{verb} by {correction['by']}, {correction['time'][:16].replace('T', ' ')}"
                      f"{': ' + correction['note'] if correction['note'] else ''} ({correction['changes']})", style="yellow"))
    if not data["hops"]:
        node.add(Text("the article's own claim (unattributed)", style="dim"))
        return root
    for hop in reversed(data["hops"]):
        role = "origin" if hop["position"] == 0 else "relayed by"
        label = Text.assemble((f"{role}: ", "dim"), source_label(hop))
        if "factor" in hop:
            rating = hop["reliability"] or "unrated"
            label.append(f"  {rating} ×{hop['factor']:.2f}", style="dim" if not hop["known"] else "")
        node = node.add(label)
        for continuation in hop.get("continues_in", []):
            node.add(Text.assemble(("which has it in ", "dim"), (continuation["article"], "green"),
                                   (" from ", "dim"), (" → ".join(continuation["chain"]) or "itself", "")))
    credibility = data.get("credibility")
    if credibility:
        root.add(Text.assemble(
            ("credibility ", "bold"), (f"{credibility['digit']} ({credibility['label']})", "bold yellow"),
            (f"  p={credibility['probability']:.2f}: hops {credibility['hops'][-1]['running'] if credibility['hops'] else 1:.2f}"
             f" × mode {credibility['mode_factor']:.2f} × hedging {credibility['hedged_factor']:.2f},"
             f" {credibility['unknown_hops']} unrated hop(s), {credibility['independent_sources']} independent source(s)",
             "dim"),
        ))
    if data.get("single_points_of_failure"):
        root.add(Text.assemble(("every chain passes through ", "dim"),
                               (", ".join(data["single_points_of_failure"]), "bold red")))
    if data.get("verdicts"):
        reviewed = root.add(Text(f"verdicts ({len(data['verdicts'])})", style="bold"))
        for review in data["verdicts"]:
            here = review["claim"] == data["claim"]["id"]
            node = reviewed.add(Text.assemble(
                (review["rating"], VERDICT_STYLES.get(review.get("outcome"), "bold")),
                (f"  {review['author']}, {review['date']}", ""),
                ("" if here else f"  on the same claim in {review.get('article') or review['claim']}", "dim"),
            ))
            if review.get("url"):
                node.add(Text(review["url"], style="dim"))
    if data.get("same_claim"):
        also = root.add(Text(f"the same claim in {len(data['same_claim'])} other claim(s)", style="bold"))
        for other in data["same_claim"]:
            also.add(Text.assemble((other["article"], "green"), (f"  {other['text']}  ", ""),
                                   ("← " + " ← ".join(reversed(other["chain"])), "dim")))
    return root
