"""Store commands: add, claims, trace, export, import, query, optimize."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from provenance import limits
from provenance.cli.app import main
from provenance.cli.io import atomic_output, emit_json, read_bytes, read_text_file
from provenance.errors import InvalidInput
from provenance.storage.base import EXTENSIONS, FORMATS, RDFLIB_EXTENSIONS, RDFLIB_FORMATS

# The library is imported inside each command: `provenance --help` and a command's start then load
# only what that command uses (tests/test_startup.py checks which modules a start loads).
if TYPE_CHECKING:
    from rich.console import Console

    from provenance.storage.compaction import Compaction

json_option = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON instead of text.")


def console() -> Console:
    """A console on the current stdout (so that CliRunner and pipes see what it prints).

    Without emoji codes: a claim's ":fire:" stays text, and rich's emoji table is never loaded.
    """
    from rich.console import Console

    return Console(file=sys.stdout, soft_wrap=False, emoji=False)


@main.command("add")
@click.option("--text", "text_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The article's text (UTF-8).")
@click.argument("claims_path", metavar="CLAIMS.json", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "article_id", help="The article's id (default: the document's 'doc').")
@click.option("--title", help="The article's headline.")
@click.option("--publisher", help="The outlet that published the article.")
@click.option("--url", help="Where the article was published.")
@click.option("--published", help="Publication date, ISO 8601 (YYYY-MM-DD).")
@json_option
@click.pass_obj
def add(settings, text_path, claims_path, article_id, title, publisher, url, published, as_json):
    """Store an article with hand-written claims (CLAIMS.json: one document as 'extract --format jsonl' writes it)."""
    from provenance.model.documents import article_from_document
    from provenance.rdf import repository

    text = read_text_file(text_path, "article_bytes")
    document = limits.parse_json(read_text_file(claims_path), str(claims_path))
    if isinstance(document, dict):
        for key, value in (("title", title), ("publisher", publisher), ("url", url), ("published", published)):
            if value is not None:
                document[key] = value
    article = article_from_document(document, text, article_id=article_id)
    from provenance.extract.timex import annotate_due

    annotate_due(article)
    store = settings.open_store(write=True)
    result = repository.add_article(store, article, settings.scheme(), method="add")
    if as_json:
        emit_json(result.__dict__)
        return
    verb = {"added": "Added", "replaced": "Replaced", "unchanged": "Unchanged:"}[result.status]
    console().print(
        f"{verb} article [bold]{result.doc}[/] with {result.claims} claims "
        f"({result.attributed} attributed, {result.triples} triples) in {store.location}",
        soft_wrap=True,
    )


@main.command("claims")
@click.option("--search", help="Words of the claim or of its sources' names (case, accents and word forms ignored).")
@click.option("--source", help="Only claims whose chain passes through this source (name or IRI).")
@click.option("--origin", help="Only claims that start at this source (name or IRI).")
@click.option("--article", "article_id", help="Only the claims of this article id.")
@click.option("--since", help="Only claims first stored at or after this date, date-time or duration back (2d, 1h).")
@click.option("--until", help="Only claims first stored up to this date (the whole day) or date-time.")
@click.option("--kind", help="Only claims with a source of this kind in their chain (person, news-agency, …).")
@click.option("--unrated", is_flag=True, help="Only claims with a source that has no reliability rating.")
@click.option("--verdict", help="Only claims with a verdict of this outcome: false, true, mixed, or none (no verdict).")
@click.option("--credibility-max", "credibility_max", type=int, metavar="DIGIT",
              help="Only claims whose credibility digit is at most DIGIT (1 confirmed … 6 cannot be judged).")
@click.option("--attributed", is_flag=True, help="Only claims with a source (not the articles' own).")
@click.option("--limit", type=int, help="Show at most N claims.")
@click.option("--offset", type=int, default=0, help="Skip the first N claims of the listing.")
@json_option
@click.pass_obj
def claims(settings, search, source, origin, article_id, since, until, kind, unrated, verdict, credibility_max,
           attributed, limit, offset, as_json):
    """List the stored claims with their origin, hops, mode and verdicts; the options narrow the list and combine."""
    from provenance.model.filters import ClaimFilter, parse_instant
    from provenance.reports import claims as claim_reports
    from provenance.reports.claim_listing import claim_listing

    wanted = ClaimFilter(
        search=search, source=source, origin=origin, article=article_id,
        since=parse_instant(since, option="--since") if since is not None else None,
        before=parse_instant(until, option="--until", end_of_day=True) if until is not None else None,
        kind=kind, unrated=unrated, verdict=verdict, credibility_max=credibility_max, attributed=attributed,
        limit=limit, offset=offset,
    )
    store = settings.open_store()
    rows = claim_listing(store, wanted, settings.scheme())
    if as_json:
        emit_json(rows)
    else:
        console().print(claim_reports.render_claims(rows))
    if any((search, source, origin, article_id, since, until, kind)):
        hint = getattr(store, "search_index_hint", None)
        if hint is not None and (said := hint()):
            click.echo(f"Note: {said}", err=True)


@main.command("trace")
@click.argument("claim")
@click.option("--as-extracted", is_flag=True, help="Show the machine's reading, without the desk's corrections.")
@json_option
@click.pass_obj
def trace(settings, claim, as_extracted, as_json):
    """Show the chain of CLAIM from the article back to its origin.

    CLAIM is a claim IRI, a unique id prefix as 'claims' shows it, or a unique text fragment.
    """
    from provenance.rdf.corrected import AsExtracted
    from provenance.reports import claims as claim_reports

    store = settings.open_store()
    data = claim_reports.trace_data(AsExtracted(store) if as_extracted else store, claim)
    if as_json:
        emit_json(data)
    else:
        console().print(claim_reports.render_trace(data))


def _format_for(path: Path | None, given: str | None, default: str | None = None,
                extensions: dict[str, str] = EXTENSIONS) -> str:
    if given:
        return given
    if path is not None and path.suffix.lower() in extensions:
        return extensions[path.suffix.lower()]
    if default:
        return default
    raise InvalidInput(f"cannot tell the RDF format of {path}; give --format ({', '.join(FORMATS)})")


@main.command("export")
@click.option("--format", "format_", type=click.Choice([*sorted(FORMATS), "claimreview", "nanopub"]),
              help="Default: from -o's extension, else turtle. claimreview: the verdicts as schema.org ClaimReview "
                   "JSON-LD. nanopub: one unsigned nanopublication per attributed claim, as TriG.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout).")
@click.pass_obj
def export(settings, format_, output):
    """Write the whole store as RDF (triple formats get the union of the article graphs)."""
    from provenance.rdf import claimreview, repository

    fmt = _format_for(output, format_, default="turtle")
    store = settings.open_store()
    if fmt == "nanopub":
        from provenance.rdf.nanopub import write_nanopubs

        def write(s, out):
            write_nanopubs(s, out, settings.scheme())
    else:
        write = claimreview.write_claimreview if fmt == "claimreview" else lambda s, out: repository.export_store(s, out, fmt)
    if output is None:
        write(store, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with atomic_output(output) as handle:
        write(store, handle)


@main.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "format_", type=click.Choice([*sorted(FORMATS), *sorted(RDFLIB_FORMATS), "claimreview"]),
              help="Default: from the file's extension; JSON holding a ClaimReview is read as claimreview; "
                   "n3, trix and hext (HexTuples) are read by rdflib.")
@click.option("--replace", is_flag=True, help="Replace articles (graphs) stored with other content; refused without it.")
@json_option
@click.pass_obj
def import_(settings, path, format_, replace, as_json):
    """Load an RDF file (or ClaimReview JSON-LD) into the store, each article into its own graph, in one transaction.

    Ratings and verdicts are added as assessments of their own, never merged into stored ones.
    """
    from provenance.rdf import claimreview
    from provenance.rdf.importing import import_rdf

    fmt = _format_for(path, format_, extensions={**EXTENSIONS, **RDFLIB_EXTENSIONS})
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file")
    data = read_bytes(path, "import_bytes")
    document = claimreview.load_claimreview(data, str(path)) if fmt == "claimreview" else (
        claimreview.claimreview_document(data) if format_ is None and fmt == "jsonld" else None)
    if document is not None:
        reviews = claimreview.import_claimreview(settings.open_store(write=True), document, settings.scheme())
        if as_json:
            emit_json(reviews.__dict__)
        else:
            console().print(f"Imported {reviews.imported} verdicts; {len(reviews.unmatched)} reviewed claims are not stored")
        return
    if fmt in RDFLIB_FORMATS:
        from provenance.rdf.rdflib_view import rdflib_input

        data, fmt = rdflib_input(data, fmt)
    result = import_rdf(settings.open_store(write=True), data, fmt, settings.scheme(), replace=replace)
    if as_json:
        emit_json(result.__dict__)
        return
    click.echo(f"Imported {result.triples} triples into {result.graphs} graphs"
               + (f" ({result.unchanged} unchanged)" if result.unchanged else ""))
    if result.replaced:
        click.echo(f"Replaced {len(result.replaced)}: " + ", ".join(result.replaced))


@main.command("query")
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path), help="Read the query from a file.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Stop the query after this long (default: the query_seconds limit, 30).")
@click.option("--allow-service", is_flag=True, help="Let SERVICE send requests to the servers the query names.")
@json_option
@click.pass_obj
def query(settings, sparql, query_file, timeout, allow_service, as_json):
    """Run a SPARQL query: SELECT as a table (or --json), CONSTRUCT/DESCRIBE as Turtle, ASK as true/false.

    The prefixes prov, schema, oa, skos, rdf, rdfs, xsd and cp are predeclared.
    """
    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query as an argument or with --file, not both")
    from provenance.reports.query import query_json, render_query_table

    text = sparql if sparql is not None else read_text_file(query_file)
    from provenance.storage.query_guard import run_query

    result = run_query(settings.open_store(), text, seconds=timeout or limits.current().query_seconds,
                       allow_service=allow_service)
    if result.form == "triples":
        from provenance.rdf.serialize import triples_as_turtle

        sys.stdout.write(triples_as_turtle(result.triples))
    elif as_json:
        emit_json(query_json(result))
    elif result.form == "boolean":
        click.echo("true" if result.boolean else "false")
    else:
        console().print(render_query_table(result))


def compaction_line(result: Compaction) -> str:
    """One line saying what compacting a store did."""
    from provenance.storage.compaction import size_text

    if not result.compacted:
        return f"Nothing to compact: {result.store} is a SPARQL endpoint, whose server keeps its own indexes"
    line = f"Compacted store {result.store} in {result.seconds:.1f} s"
    if result.bytes_before is None or result.bytes_after is None:
        return line
    line = f"{line}: {size_text(result.bytes_before)} on disk before, {size_text(result.bytes_after)} after"
    if result.indexed_claims is not None:
        line += f"; search index of {result.indexed_claims:,} claims made anew"
    return line


@main.command("optimize")
@json_option
@click.pass_obj
def optimize(settings, as_json):
    """Compact the store and make its search index anew, for faster reads after large ingests (minutes for 1M claims)."""
    from provenance.storage.compaction import compact

    result = compact(settings.open_store(write=True))
    if as_json:
        emit_json(result.__dict__)
    else:
        console().print(compaction_line(result), soft_wrap=True)
