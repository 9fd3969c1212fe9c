"""The desk's daily command: changes (what was stored since a point in time)."""

from __future__ import annotations

import click

from provenance.cli.app import main
from provenance.cli.commands import console, json_option
from provenance.cli.io import emit_json


@main.command("changes")
@click.option("--since", required=True, metavar="DATE|DURATION",
              help="A date (2026-12-07), a date-time (2026-12-07T10:30:00Z) or a duration back from now (90m, 1h, 2d, 1w).")
@json_option
@click.pass_obj
def changes(settings, since, as_json):
    """What was stored since then: articles, claims, clusters that grew, corroboration won or lost,
    new single points of failure and circles, ratings and verdicts."""
    from provenance.model.filters import parse_instant
    from provenance.reports.changes import changes_data, render_changes

    instant = parse_instant(since, option="--since")  # a date that does not parse is the error, before the store
    data = changes_data(settings.open_store(), instant)
    if as_json:
        emit_json(data)
    else:
        console().print(render_changes(data), soft_wrap=True)
