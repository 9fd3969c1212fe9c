"""The desk's corrections as data (``corrections --json``), as a rich table, and the corrected articles
as evaluation data: the corpus format of shared/corpora, the ``extract --format jsonl`` format, and
the gold chain files that ``score_chains.py`` reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pyoxigraph import NamedNode

from provenance.errors import InvalidInput, NotFound
from provenance.rdf import corrected, queries
from provenance.rdf import corrections as stored

if TYPE_CHECKING:
    from rich.table import Table

EXPORT_FORMATS = ("jsonl", "claims", "chains")


def corrections_data(store, *, orphaned: bool = False) -> list[dict[str, Any]]:
    """Every correction and identity act, oldest first, with its status: applied, orphaned (and why) or undone."""
    corrections = stored.load_corrections(store) if stored.any_correction(store) else []
    acts = stored.load_identity_acts(store) if corrections or stored.any_correction(store) else []
    view = corrected.view(store)
    placements = {placement.correction.id: placement for placement in view.placements}
    targets = sorted({placement.claim for placement in view.placements if placement.claim is not None})
    applied = {correction.id for record in queries.records_of_claims(store, targets) for correction in record.corrections}
    rows = []
    for correction in corrections:
        placement = placements.get(correction.id)
        if correction.undone is not None:
            status, reason = "undone", None
        elif correction.id in applied:
            status, reason = "applied", None
        else:
            status = "orphaned"
            reason = (placement.reason if placement is not None and placement.reason else
                      f"hop {correction.hop + 1} no longer names {correction.hop_name}" if correction.hop is not None else
                      "its claim is not read any more")
        rows.append({
            "id": correction.id, "short_id": correction.short_id, "type": "claim", "article": correction.article_id,
            "claim": placement.claim if placement is not None and placement.claim else correction.claim,
            "text": correction.text, "changes": correction.changes(), "replaced": correction.replaced,
            "by": correction.by, "time": correction.time, "note": correction.note, "status": status, "reason": reason,
            "undone": correction.undone,
        })
    for act in acts:
        rows.append({
            "id": act.id, "short_id": act.short_id, "type": "source", "article": None, "claim": None, "text": None,
            "changes": act.changes(), "replaced": None, "by": act.by, "time": act.time, "note": act.note,
            "status": "undone" if act.undone else "applied", "reason": None, "undone": act.undone,
        })
    rows.sort(key=lambda row: (row["time"], row["id"]))
    return [row for row in rows if row["status"] == "orphaned"] if orphaned else rows


STATUS_STYLES = {"applied": "green", "orphaned": "bold red", "undone": "dim"}


def render_corrections(rows: list[dict[str, Any]]) -> Table:
    """The corrections as a table, oldest first: what each changed, on which claim, by whom, and whether it applies."""
    # rich is imported here: the CLI reads EXPORT_FORMATS at every start
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(rows)} corrections", box=box.SIMPLE_HEAD)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("correction", ratio=3, min_width=24)
    table.add_column("by", ratio=1, min_width=10)
    table.add_column("status", ratio=1, min_width=10, overflow="fold")
    for row in rows:
        status = Text(row["status"], style=STATUS_STYLES.get(row["status"], ""))
        if row["reason"]:
            status.append(f": {row['reason']}", style="dim")
        change = Text(row["changes"], style="bold")
        if row["text"]:
            change.append(f"\n“{row['text']}”  {row['article']}", style="")
        if row["note"]:
            change.append(f"\n{row['note']}", style="italic")
        table.add_row(row["short_id"], change, f"{row['by']}\n{row['time'][:16].replace('T', ' ')}", status)
    return table


# ------------------------------------------------------------------------------------------------
# corrected articles as evaluation data

CUES = """
SELECT ?claim ?index ?start ?end ?cueText WHERE {
  ?claim cp:cue ?cue .
  ?cue schema:text ?cueText ; oa:hasTarget ?target .
  ?target cp:spanIndex ?index ; oa:hasSelector ?selector .
  ?selector oa:start ?start ; oa:end ?end .
}
"""


def corrected_documents(store, article_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """The corrected reading of articles as documents (``extract --format jsonl`` shape, with ``text``): the
    named ones, else every article that a correction in force applies to. Attributed claims only."""
    stored_articles = {article.id: article for article in queries.articles(store)}
    if article_ids:
        missing = [article_id for article_id in article_ids if article_id not in stored_articles]
        if missing:
            raise NotFound(f"no article {missing[0]!r} in the store")
        wanted = list(dict.fromkeys(article_ids))
    else:
        view = corrected.view(store)
        wanted = sorted({p.correction.article_id for p in view.placements if p.claim is not None})
    documents = []
    for article_id in wanted:
        article = stored_articles[article_id]
        text = queries.article_text(store, article.iri)
        records = [record for record in queries.claim_records(store, article=article.iri) if record.chain]
        cues: dict[str, dict[int, tuple[int, int]]] = {}
        cue_texts: dict[str, str] = {}
        if records:
            for row in store.select(CUES, {"claim": [NamedNode(record.iri) for record in records]}):
                cues.setdefault(row["claim"].value, {})[int(row["index"].value)] = (int(row["start"].value), int(row["end"].value))
                cue_texts[row["claim"].value] = row["cueText"].value
        claims = []
        for record in records:
            spans, hops = queries.marks_of(record, queries.claim_mark_rows(store, record.iri))
            cue = cues.get(record.iri)
            claims.append({
                "id": record.iri,
                "text": record.text,
                "spans": [list(span) for span in spans],
                "cue": None if not cue else {"spans": [list(span) for _, span in sorted(cue.items())],
                                             "text": cue_texts[record.iri]},
                "mode": record.mode,
                "hedged": record.hedged,
                "chain": [{"name": hop.source.name, "kind": hop.source.kind, "start": hop.start, "end": hop.end}
                          for hop in hops],
            })
        claims.sort(key=lambda claim: (claim["spans"][0][0] if claim["spans"] else -1, claim["id"]))
        documents.append({"doc": article.id, "lang": article.lang, "text": text, "claims": claims})
    return documents


def corpus_line(document: dict[str, Any]) -> dict[str, Any]:
    """A document in the corpus format of shared/corpora: ``source`` is the hop nearest the article that it names."""
    attributions = []
    for claim in document["claims"]:
        located = [hop for hop in claim["chain"] if hop["start"] is not None]
        attributions.append({
            "cue": claim["cue"]["spans"] if claim["cue"] else [],
            "source": [[located[-1]["start"], located[-1]["end"]]] if located else [],
            "content": claim["spans"],
            "type": claim["mode"],
            "nested": len(claim["chain"]) > 1,
            "addressee": [],
        })
    return {"id": document["doc"], "lang": document["lang"], "text": document["text"], "attributions": attributions}


def claims_line(document: dict[str, Any]) -> dict[str, Any]:
    """A document as ``extract --format jsonl`` writes it."""
    return {"doc": document["doc"], "lang": document["lang"], "claims": document["claims"]}


def write_export(documents: list[dict[str, Any]], format: str, output) -> int:
    """Write ``documents`` in ``format`` (jsonl, claims) to a binary stream; returns the number of documents."""
    line = {"jsonl": corpus_line, "claims": claims_line}.get(format)
    if line is None:
        raise InvalidInput(f"unknown export format {format!r}: use one of {', '.join(EXPORT_FORMATS)}")
    for document in documents:
        output.write((json.dumps(line(document), ensure_ascii=False) + "\n").encode("utf-8"))
    return len(documents)


def write_chain_files(documents: list[dict[str, Any]], directory: Path) -> int:
    """Write ``<doc>.gold.json`` and ``<doc>.txt`` per document, the gold chain files ``score_chains.py`` reads."""
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(f"{directory} is a file; --format chains writes a directory")
    directory.mkdir(parents=True, exist_ok=True)
    from provenance.files import atomic_output

    for document in documents:
        name = quote(document["doc"], safe="-._~ ")
        gold = {"doc": document["doc"], "lang": document["lang"], "text_file": f"{name}.txt",
                "claims": [{"n": number, **claim} for number, claim in enumerate(document["claims"], start=1)]}
        with atomic_output(directory / f"{name}.txt") as handle:
            handle.write(document["text"].encode("utf-8"))
        with atomic_output(directory / f"{name}.gold.json") as handle:
            handle.write(json.dumps(gold, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(documents)
