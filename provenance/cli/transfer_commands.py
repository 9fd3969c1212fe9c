"""``provenance push`` and ``provenance pull``: move a store, or some of its articles, to or from a server."""

from __future__ import annotations

import click

from provenance.cli.app import is_new_store, main
from provenance.cli.io import emit_json
from provenance.storage import open_store

article_option = click.option(
    "--article", "articles", multiple=True, metavar="ID", help="Only this article (repeatable; default: all)."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a summary line.")


def _warn(store) -> None:
    """Say what the user should hear about a store given by URL (plain http to another machine)."""
    for warning in getattr(store, "warnings", ()):
        click.echo(f"Warning: {warning}", err=True)


def _move(source, target, articles: tuple[str, ...], as_json: bool, verb: str) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from provenance.storage import transfer as transfers

    sizes = transfers.plan(source, articles)
    progress = Progress(
        TextColumn(f"{verb} [progress.description]{{task.description}}"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,} triples"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=as_json,
        transient=True,
    )
    with progress:
        task = progress.add_task(f"{len(sizes)} graphs", total=sum(sizes.values()))
        result = transfers.transfer(
            source, target, sizes, progress=lambda graphs, triples: progress.update(task, completed=triples)
        )
    summary = {"graphs": result.graphs, "triples": result.triples, "from": source.location, "to": target.location}
    if as_json:
        emit_json(summary)
    else:
        click.echo(f"{verb} {result.graphs} graphs ({result.triples:,} triples) from {source.location} to {target.location}")


@main.command("push")
@click.option("--to", "destination", required=True, metavar="URL",
              help="The store to write to: a SPARQL endpoint URL (or a store directory).")
@article_option
@json_option
@click.pass_obj
def push(settings, destination, articles, as_json):
    """Copy the store (or some articles) to another store, replacing the graphs it already has."""
    new = is_new_store(destination)
    target = open_store(destination, write=True)
    if new:
        click.echo(f"Created a new store at {destination}", err=True)
    _warn(target)
    try:
        _move(settings.open_store(), target, articles, as_json, "Pushed")
    finally:
        target.close()


@main.command("pull")
@click.option("--from", "origin", required=True, metavar="URL",
              help="The store to read from: a SPARQL endpoint URL (or a store directory).")
@article_option
@json_option
@click.pass_obj
def pull(settings, origin, articles, as_json):
    """Copy a store (or some of its articles) into this one, replacing the graphs it already has."""
    source = open_store(origin, write=False)
    _warn(source)
    try:
        _move(source, settings.open_store(write=True), articles, as_json, "Pulled")
    finally:
        source.close()
