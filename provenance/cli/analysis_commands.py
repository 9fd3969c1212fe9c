"""Analysis commands: report and sources."""

from __future__ import annotations

from pathlib import Path

import click

from provenance.cli.app import main
from provenance.cli.commands import console, json_option
from provenance.cli.io import emit_json
from provenance.files import is_stdout
from provenance.reports import sources as source_reports


@main.command("report")
@json_option
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as one self-contained HTML page to this file ('-': standard output, instead).")
@click.option("--since", metavar="DATE|DURATION", help="Also say what changed since then (as 'changes' does), under \"changes\".")
@click.pass_obj
def report(settings, as_json, html_path, since):
    """Summarise the hearsay of the whole store: origins, depth, relays, failure points, clusters, circles."""
    from provenance.model.filters import parse_instant
    from provenance.reports import report as report_module
    from provenance.reports.changes import changes_data, render_changes
    from provenance.reports.html import write_html_report

    store = settings.open_store()
    instant = parse_instant(since, option="--since") if since is not None else None
    data = report_module.report_data(store)
    if instant is not None:
        data["changes"] = changes_data(store, instant)
    if html_path is not None:
        write_html_report(store, html_path, report=data)
    if as_json and not is_stdout(html_path):
        emit_json(data)
    elif html_path is not None:
        if not is_stdout(html_path):
            click.echo(f"Wrote the HTML report to {html_path}")
    else:
        console().print(report_module.render_report(data))
        if instant is not None:
            console().print(render_changes(data["changes"]), soft_wrap=True)


@main.group("sources", invoke_without_command=True)
@click.option("--sort", type=click.Choice(source_reports.SORT_KEYS), default="relayed", show_default=True,
              help="Order sources by this count, largest first.")
@click.option("--limit", type=click.IntRange(min=1), help="Show only the first N sources.")
@json_option
@click.pass_context
def sources(ctx, sort, limit, as_json):
    """List the sources with how many claims they originated and relayed, and how much the corpus relies on them.

    The subcommands (merge, alias, rename, kind, unmerge) correct who the sources are.
    """
    if ctx.invoked_subcommand is not None:
        return
    rows = source_reports.sources_data(ctx.obj.open_store(), sort=sort, limit=limit)
    if as_json:
        emit_json(rows)
    else:
        console().print(source_reports.render_sources(rows))
