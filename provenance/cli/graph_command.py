"""The graph command: draw the attribution chains of a claim, an article, a cluster or the whole store."""

from __future__ import annotations

from pathlib import Path

import click

from provenance.cli.app import main
from provenance.cli.io import atomic_output
from provenance.reports import picture as pictures

EXTENSIONS = {".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot", ".graphml": "graphml"}


@main.command("graph")
@click.argument("claim", required=False)
@click.option("--article", "article_id", help="Draw every claim of this article id.")
@click.option("--cluster", "cluster_number", type=click.IntRange(min=1),
              help="Draw the N-th cluster of 'provenance report' (the same claim across articles), from 1.")
@click.option("--format", "fmt", type=click.Choice(pictures.FORMATS),
              help="Default: from -o's extension, else svg.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write.")
@click.pass_obj
def graph(settings, claim, article_id, cluster_number, fmt, output):
    """Draw attribution chains: origins on the left, the article on the right.

    Give one CLAIM (IRI, id prefix or text fragment), --article or --cluster; with none of them the
    whole store is drawn. SVG and PNG need Graphviz; dot and graphml do not.
    """
    if sum(value is not None for value in (claim, article_id, cluster_number)) > 1:
        raise click.UsageError("give one of CLAIM, --article and --cluster")
    from provenance.reports.report import report_data

    fmt = fmt or EXTENSIONS.get(output.suffix.lower(), "svg")
    store = settings.open_store()
    report = report_data(store)
    if claim is not None:
        picture = pictures.claim_picture(store, claim, report=report)
    elif article_id is not None:
        picture = pictures.article_picture(store, article_id, report=report)
    elif cluster_number is not None:
        picture = pictures.cluster_picture(store, cluster_number, report=report)
    else:
        picture = pictures.store_picture(store, report=report)
    content = pictures.render(picture, fmt)
    with atomic_output(output) as handle:
        handle.write(content)
