"""``provenance ingest``: extract claims from articles and store them, with progress and a summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from provenance.cli.app import main
from provenance.cli.commands import compaction_line
from provenance.cli.io import emit_json
from provenance.errors import ProvenanceError
from provenance.web import DEFAULT_TIMEOUT

# rich, the pipeline and the web client are imported in the functions that use them, so that
# `provenance --help` and every other command start without them.
if TYPE_CHECKING:
    from rich.table import Table

    from provenance.pipeline import IngestOutcome

PROGRESS_THRESHOLD = 5


def summary_table(outcomes: list[IngestOutcome]) -> Table:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="ingest", box=box.SIMPLE_HEAD)
    table.add_column("document", overflow="fold")
    table.add_column("status")
    table.add_column("claims", justify="right")
    table.add_column("attributed", justify="right")
    table.add_column("triples", justify="right")
    for outcome in outcomes:
        if outcome.result is None:
            table.add_row(outcome.source, "[red]skipped[/]", "", "", "", end_section=False)
            # The row above names the document; the error need not name it again.
            error = outcome.error.removeprefix(f"{outcome.source}: ")
            table.add_row(f"  [red]{escape(error)}[/]", "", "", "", "")
        else:
            r = outcome.result
            table.add_row(outcome.source, r.status, str(r.claims), str(r.attributed), str(r.triples))
    stored = [o.result for o in outcomes if o.result is not None]
    table.add_section()
    table.add_row(
        f"{len(stored)} of {len(outcomes)} documents stored",
        "",
        str(sum(r.claims for r in stored)),
        str(sum(r.attributed for r in stored)),
        str(sum(r.triples for r in stored)),
    )
    return table


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="An RSS or Atom feed whose items' pages to ingest (those not stored yet); repeatable.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds to wait for a page or feed.")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Language of the articles (default: detected).")
@click.option("--attributed-only", is_flag=True, help="Store only attributed claims, not the article's own.")
@click.option("--optimize", "compact_after", is_flag=True,
              help="Compact the store afterwards, as 'provenance optimize' does (faster reads; minutes on a large store).")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome per document as JSON.")
@click.pass_obj
def ingest_command(settings, paths, feeds, timeout, lang, attributed_only, compact_after, as_json):
    """Extract the claims of FILE...|DIR|URL... (.txt, .html, .jsonl, http(s) pages) and store each article in one transaction.

    A page fetched is kept in the store beside its article, with its address and the time; its
    JSON-LD, OpenGraph and canonical link give the article's outlet, date and URL.
    """
    from rich.console import Console

    from provenance.pipeline import IngestOutcome
    from provenance.storage.compaction import compact
    from provenance.web.fetch import Fetcher
    from provenance.web.ingest import ingest_feed, ingest_urls, is_url

    if not paths and not feeds:
        raise click.UsageError("give FILE, DIR or URL arguments, or --feed URL")
    urls = [p for p in paths if is_url(p)]
    paths = [Path(p) for p in paths if not is_url(p)]
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise ProvenanceError(f"{missing[0]}: no such file or directory")
    store = settings.open_store(write=True)
    console = Console(file=sys.stderr if as_json else sys.stdout)
    outcomes = ingest_files(store, settings, paths, console, lang, attributed_only, as_json) if paths else []
    if urls or feeds:
        with Fetcher(timeout=timeout) as fetcher:
            outcomes += ingest_urls(store, urls, settings.scheme(), fetcher, lang=lang,
                                    include_unattributed=not attributed_only)
            for feed in feeds:
                fetched = ingest_feed(store, feed, settings.scheme(), fetcher, lang=lang,
                                      include_unattributed=not attributed_only)
                if fetched.error is not None:
                    outcomes.append(IngestOutcome(source=feed, error=fetched.error))
                outcomes += fetched.outcomes
                if fetched.known:
                    console.print(f"{feed}: {fetched.known} of {fetched.items} items stored already", soft_wrap=True)
    failed = [o for o in outcomes if o.error is not None]
    if as_json:
        emit_json([
            {"source": o.source, "error": o.error} if o.result is None else {"source": o.source, **o.result.__dict__}
            for o in outcomes
        ])
    else:
        console.print(summary_table(outcomes))
    if compact_after:
        # After the summary: the results are stored whatever compacting takes.
        console.print(compaction_line(compact(store)), soft_wrap=True)
    if failed:
        if len(outcomes) == 1:
            raise ProvenanceError(failed[0].error)
        raise ProvenanceError(f"{len(failed)} of {len(outcomes)} documents could not be ingested (see the summary)")


def ingest_files(store, settings, paths, console, lang, attributed_only, as_json) -> list[IngestOutcome]:
    """The files and directories of the command, with a progress bar when there are many."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from provenance.pipeline import ingest, input_files

    files = input_files(paths)
    show_progress = len(files) >= PROGRESS_THRESHOLD and not as_json
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not show_progress,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=len(files))
        seen_files: set[str] = set()

        def advance(outcome: IngestOutcome) -> None:
            file = outcome.source.split("#", 1)[0]
            if file not in seen_files:
                seen_files.add(file)
                progress.advance(task)

        return ingest(store, files, settings.scheme(), lang=lang,
                      include_unattributed=not attributed_only, on_document=advance)
