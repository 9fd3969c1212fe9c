"""Rating and verdict commands: rate, ratings import/list/track, verdict, due."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from provenance.cli.app import main
from provenance.cli.commands import console, json_option
from provenance.cli.io import emit_json, read_text_file

if TYPE_CHECKING:
    from provenance.rdf import ratings as assessments

LETTER_LABELS = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
                 "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}


def _assessment_json(assessment: assessments.Assessment) -> dict:
    return {
        "id": assessment.iri,
        "source": assessment.source_name,
        "source_iri": assessment.source,
        "reliability": assessment.reliability,
        "label": LETTER_LABELS[assessment.reliability],
        "by": assessment.assessor,
        "time": assessment.time,
        "note": assessment.note,
        "table": assessment.table,
        "table_date": assessment.table_date,
        "in_force": assessment.in_force,
    }


@main.command("rate")
@click.argument("source")
@click.option("--reliability", required=True, metavar="A..F",
              help="Admiralty letter: A completely reliable … E unreliable, F cannot be judged.")
@click.option("--note", help="Why: kept with the rating.")
@click.option("--by", "assessor", help="Who rates (default: your login name).")
@json_option
@click.pass_obj
def rate(settings, source, reliability, note, assessor, as_json):
    """Rate SOURCE (a name, registered alias, web domain or IRI); the newest rating is the one in force."""
    from provenance.rdf import ratings as assessments

    assessment = assessments.rate(settings.open_store(write=True), settings.scheme(), source, reliability,
                                  assessor=assessor, note=note)
    if as_json:
        emit_json(_assessment_json(assessment))
        return
    console().print(f"Rated [bold]{assessment.source_name}[/] {assessment.reliability} "
                    f"({LETTER_LABELS[assessment.reliability]}) by {assessment.assessor} at {assessment.time}")


@main.group("ratings")
def ratings_group():
    """Source ratings: import a published rating table, list the history, show track records."""


@ratings_group.command("import")
@click.argument("path", metavar="FILE.csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--domain-column", required=True, help="The column holding each source's web domain.")
@click.option("--score-column", required=True, help="The column holding its score (0 worst, 1 best).")
@click.option("--name", help="The table's name, kept as the ratings' provenance (default: the file's name).")
@click.option("--date", "date_", help="The table's publication date, YYYY-MM-DD (the ratings' time).")
@click.option("--by", "assessor", help="Who rated (default: the table's name).")
@click.option("--scale", type=float, default=1.0, show_default=True, help="Divide scores by this first (100 for 0-100).")
@json_option
@click.pass_obj
def ratings_import(settings, path, domain_column, score_column, name, date_, assessor, scale, as_json):
    """Rate the sources of a CSV table of domain scores: 0.90+ A, 0.75+ B, 0.60+ C, 0.40+ D, below E."""
    from provenance.rdf import ratings as assessments

    text = read_text_file(path)
    result = assessments.import_rating_table(
        settings.open_store(write=True), settings.scheme(), text, domain_column=domain_column,
        score_column=score_column, name=name or path.stem, date=date_, assessor=assessor, scale=scale, where=str(path),
    )
    if as_json:
        emit_json({"table": result.table, "rated": [_assessment_json(a) for a in result.rated],
                   "unmatched": result.unmatched, "skipped": result.skipped})
        return
    console().print(f"Rated {len(result.rated)} sources from {result.table}; "
                    f"{len(result.unmatched)} domains matched no source, {len(result.skipped)} rows skipped")


@ratings_group.command("list")
@click.option("--source", help="Only the ratings of this source.")
@json_option
@click.pass_obj
def ratings_list(settings, source, as_json):
    """Every rating, oldest first per source; the one in force is marked."""
    from rich.table import Table
    from rich.text import Text

    from provenance.rdf import ratings as assessments

    store = settings.open_store()
    iri = assessments.resolve_source(store, source, settings.scheme()).iri if source else None
    found = assessments.ratings(store, source=iri)
    if as_json:
        emit_json([_assessment_json(a) for a in found])
        return
    table = Table(title=f"{len(found)} ratings")
    for column in ("source", "letter", "by", "time", "note", "in force"):
        table.add_column(column)
    for a in found:
        table.add_row(a.source_name or a.source, a.reliability, a.assessor, a.time, a.note or "",
                      "yes" if a.in_force else Text("replaced", style="dim"))
    console().print(table)


@ratings_group.command("track")
@json_option
@click.pass_obj
def ratings_track(settings, as_json):
    """Each rated or reviewed source: the letter in force beside the letter its verdicts point to."""
    from rich.table import Table
    from rich.text import Text

    from provenance.analysis.track_record import track_records
    from provenance.rdf import ratings as assessments

    store = settings.open_store()
    in_force = {iri: a.reliability for iri, a in assessments.reliability_in_force(store).items()}
    names = {iri: a.source_name for iri, a in assessments.reliability_in_force(store).items() if a.source_name}
    records = track_records(in_force, assessments.source_evidence(store), names=names)
    if as_json:
        emit_json([{"source": r.name, "iri": r.source, **r.as_dict()} for r in records.values()])
        return
    table = Table(title=f"{len(records)} track records")
    for column in ("source", "assessed", "estimate", "mean", "verdicts", "origin", "relay"):
        table.add_column(column)
    for r in records.values():
        table.add_row(r.name or r.source, r.assessed or Text("unrated", style="dim"), r.estimate or "—",
                      f"{r.mean:.2f}±{r.spread:.2f}", str(r.verdicts), str(r.as_origin), str(r.as_relay))
    console().print(table)


@main.command("verdict")
@click.argument("claim")
@click.option("--rating", required=True, metavar="TEXT", help="The verdict as published: false, falsch, mostly true, …")
@click.option("--url", help="Where the review is published.")
@click.option("--by", "author", help="Who reviewed (default: your login name).")
@click.option("--date", "date_", help="When it was published, YYYY-MM-DD (default: today).")
@json_option
@click.pass_obj
def verdict(settings, claim, rating, url, author, date_, as_json):
    """Record a fact-checker's verdict on CLAIM (IRI, id prefix or text fragment) as a schema:ClaimReview."""
    from provenance.rdf import ratings as assessments

    found = assessments.add_verdict(settings.open_store(write=True), settings.scheme(), claim, rating,
                                    author=author, url=url, date=date_)
    if as_json:
        emit_json(found.__dict__)
        return
    console().print(f"Verdict [bold]{found.rating}[/] ({found.outcome or 'not on the true-false scale'}) "
                    f"by {found.author} on “{found.claim_text}”")


@main.command("due")
@click.option("--on", "on", help="The day to check, YYYY-MM-DD (default: today).")
@click.option("--since", help="Leave out claims whose time ended before this day, YYYY-MM-DD.")
@click.option("--all", "include_reviewed", is_flag=True, help="Include claims that already have a verdict.")
@json_option
@click.pass_obj
def due(settings, on, since, include_reviewed, as_json):
    """The claims whose time has come by --on: what a fact-checker can verify now, with their chains."""
    from rich.table import Table

    from provenance.rdf import ratings as assessments

    items = assessments.due_claims(settings.open_store(), on=on or date.today().isoformat(), since=since,
                                   include_reviewed=include_reviewed)
    rows = [
        {
            "id": item.record.iri,
            "short_id": item.record.short_id,
            "article": item.record.article.id,
            "text": item.record.text,
            "due": item.due,
            "until": item.until,
            "chain": [source.name for source in item.record.chain],
            "origin": item.record.chain[0].name if item.record.chain else None,
            "verdicts": list(item.record.verdicts),
        }
        for item in items
    ]
    if as_json:
        emit_json(rows)
        return
    table = Table(title=f"{len(rows)} claims due")
    for column in ("id", "due", "claim", "chain"):
        # a date range is read whole or not at all: the claim and chain columns wrap instead
        table.add_column(column, no_wrap=column in ("id", "due"))
    for row in rows:
        table.add_row(row["short_id"], row["due"], row["text"], " → ".join(row["chain"]) or "unattributed")
    console().print(table)
