"""Correction commands: correct, claim add, sources merge/alias/rename/kind/unmerge, corrections (list, undo, export)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from provenance.cli.analysis_commands import sources
from provenance.cli.app import main
from provenance.cli.commands import console, json_option
from provenance.cli.io import atomic_output, emit_json
from provenance.errors import InvalidInput
from provenance.model.kinds import MODES, SOURCE_KINDS
from provenance.reports import corrections as correction_reports

# The library and rich are imported in the commands that use them, so that every other command
# starts without them (tests/test_python_api.py checks what `import provenance.cli` loads).
by_option = click.option("--by", "by", help="Who corrects (default: your login name).")
note_option = click.option("--note", help="Why: kept with the correction and shown beside the claim.")


def _said(what: str, item) -> None:
    from rich.markup import escape

    console().print(f"{what} [bold]{item.short_id}[/]: {escape(item.changes())}", soft_wrap=True)


def _report(item, what: str, as_json: bool) -> None:
    """The act or correction made, as JSON or as one line."""
    if as_json:
        emit_json(_item_json(item))
    else:
        _said(what, item)


def _item_json(item) -> dict:
    data = {"id": item.id, "short_id": item.short_id, "changes": item.changes(), "by": item.by, "time": item.time,
            "note": item.note}
    if hasattr(item, "claim"):
        data.update(claim=item.claim, article=item.article_id, text=item.text, replaced=item.replaced)
    return data


@main.command("correct")
@click.argument("claim")
@click.option("--chain", help='The whole chain, origin first: "Verhandlungskreise [anonymous-group] > Tass [news-agency]"; '
                              "a hop without [kind] names a stored source.")
@click.option("--hop", type=int, help="With --kind: the hop to retype, 1 = the origin.")
@click.option("--kind", type=str, help=f"With --hop: the source's kind ({', '.join(SOURCE_KINDS)}).")
@click.option("--mode", type=str, help=f"The attribution mode ({', '.join(MODES)}).")
@click.option("--hedged/--not-hedged", default=None, help="Whether the claim is marked as uncertain.")
@click.option("--not-a-claim", "withdraw", is_flag=True, help="Withdraw it: the extractor read a claim where there is none.")
@note_option
@by_option
@json_option
@click.pass_obj
def correct(settings, claim, chain, hop, kind, mode, hedged, withdraw, note, by, as_json):
    """Correct the machine's reading of CLAIM (an IRI, id prefix or text fragment, as 'trace' takes it).

    The correction is kept apart from the article and applied again whenever the article is stored anew.
    """
    from provenance.rdf import correcting

    correction = correcting.correct_claim(settings.open_store(write=True), settings.scheme(), claim, chain=chain,
                                          hop=hop, kind=kind, mode=mode, hedged=hedged, withdraw=withdraw,
                                          note=note, by=by)
    if as_json:
        emit_json(_item_json(correction))
    else:
        _said("Withdrew claim, correction" if withdraw else "Corrected, correction", correction)


@main.group("claim")
def claim_group():
    """A single claim: add one the extractor missed."""


@claim_group.command("add")
@click.argument("article")
@click.option("--quote", required=True, help="The claim's words exactly as the article has them (once).")
@click.option("--chain", help='Origin first: "Name [kind] > Name [kind]"; a hop without [kind] names a stored source. '
                              "Without it the claim is the article's own.")
@click.option("--mode", type=str, help=f"The attribution mode ({', '.join(MODES)}); default indirect with a chain.")
@click.option("--hedged", is_flag=True, help="The claim is marked as uncertain.")
@note_option
@by_option
@json_option
@click.pass_obj
def claim_add(settings, article, quote, chain, mode, hedged, note, by, as_json):
    """Add to ARTICLE (its id) a claim the extractor missed, anchored where the quote stands in its text."""
    from rich.markup import escape

    from provenance.rdf import correcting

    correction = correcting.add_claim(settings.open_store(write=True), settings.scheme(), article, quote, chain=chain,
                                      mode=mode, hedged=hedged, note=note, by=by)
    if as_json:
        emit_json(_item_json(correction))
    else:
        console().print(f"Added claim [bold]{correction.claim.rsplit('/', 1)[-1][:10]}[/] to {escape(article)} "
                        f"(correction {correction.short_id}): {escape(correction.changes())}", soft_wrap=True)


@sources.command("merge")
@click.argument("first")
@click.argument("second")
@click.option("--name", help="What the merged source is called (default: FIRST's name).")
@note_option
@by_option
@json_option
@click.pass_obj
def sources_merge(settings, first, second, name, note, by, as_json):
    """Make SECOND one source with FIRST: counts, track records, ratings and every analysis treat them as one."""
    from provenance.rdf import correcting

    act = correcting.merge_sources(settings.open_store(write=True), settings.scheme(), first, second, name=name,
                                   note=note, by=by)
    _report(act, "Merged, act", as_json)


@sources.command("alias")
@click.argument("name")
@click.argument("alias")
@note_option
@by_option
@json_option
@click.pass_obj
def sources_alias(settings, name, alias, note, by, as_json):
    """Let ALIAS mean the source NAME: chains stored or extracted later that name ALIAS land on NAME."""
    from provenance.rdf import correcting

    act = correcting.alias_source(settings.open_store(write=True), settings.scheme(), name, alias, note=note, by=by)
    _report(act, "Aliased, act", as_json)


@sources.command("rename")
@click.argument("name")
@click.argument("new_name")
@note_option
@by_option
@json_option
@click.pass_obj
def sources_rename(settings, name, new_name, note, by, as_json):
    """Call the source NAME NEW_NAME from now on (both names still find it)."""
    from provenance.rdf import correcting

    act = correcting.rename_source(settings.open_store(write=True), settings.scheme(), name, new_name, note=note, by=by)
    _report(act, "Renamed, act", as_json)


@sources.command("kind")
@click.argument("name")
@click.argument("kind")
@note_option
@by_option
@json_option
@click.pass_obj
def sources_kind(settings, name, kind, note, by, as_json):
    """Say that the source NAME is of KIND, in every chain that names it."""
    from provenance.rdf import correcting

    act = correcting.set_source_kind(settings.open_store(write=True), settings.scheme(), name, kind, note=note, by=by)
    _report(act, "Retyped, act", as_json)


@sources.command("unmerge")
@click.argument("name")
@by_option
@json_option
@click.pass_obj
def sources_unmerge(settings, name, by, as_json):
    """Split NAME off the source it was merged into (naming the merged source: split off all merged into it)."""
    from provenance.rdf import correcting

    undone = correcting.unmerge_source(settings.open_store(write=True), settings.scheme(), name, by=by)
    if as_json:
        emit_json([_item_json(act) for act in undone])
    else:
        for act in undone:
            _said("Undid", act)


@main.group("corrections", invoke_without_command=True)
@click.option("--orphaned", is_flag=True, help="Only the corrections that no longer find their claim.")
@json_option
@click.pass_context
def corrections(ctx, orphaned, as_json):
    """List the desk's corrections and source identities, oldest first, with whether each still applies."""
    if ctx.invoked_subcommand is not None:
        return
    rows = correction_reports.corrections_data(ctx.obj.open_store(), orphaned=orphaned)
    if as_json:
        emit_json(rows)
    else:
        console().print(correction_reports.render_corrections(rows))


@corrections.command("undo")
@click.argument("correction")
@note_option
@by_option
@json_option
@click.pass_obj
def corrections_undo(settings, correction, note, by, as_json):
    """Take back CORRECTION (its id as 'corrections' shows it); it stays in the history as undone."""
    from provenance.rdf import correcting

    found = correcting.undo_correction(settings.open_store(write=True), settings.scheme(), correction, by=by, note=note)
    item = found.correction or found.act
    _report(item, "Undid", as_json)


@corrections.command("export")
@click.option("--format", "format_", type=click.Choice(correction_reports.EXPORT_FORMATS), default="jsonl",
              show_default=True,
              help="jsonl: the corpus format of shared/corpora (score_attribution.py's GOLD); claims: extract's "
                   "--format jsonl (its PRED); chains: a directory of <doc>.gold.json files (score_chains.py's GOLD_DIR).")
@click.option("--article", "articles", multiple=True, help="Export this article (repeatable; default: every corrected article).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (a directory for chains; default stdout).")
@click.pass_obj
def corrections_export(settings, format_, articles, output):
    """Write the corrected articles as evaluation data, so that a desk's corrections become gold."""
    documents = correction_reports.corrected_documents(settings.open_store(), list(articles) or None)
    if format_ == "chains":
        if output is None:
            raise InvalidInput("--format chains writes a directory: give it with -o")
        correction_reports.write_chain_files(documents, output)
    elif output is None:
        correction_reports.write_export(documents, format_, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with atomic_output(output) as handle:
            correction_reports.write_export(documents, format_, handle)
