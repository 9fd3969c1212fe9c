"""``provenance extract``: find attributed claims in article text and print them as JSON Lines or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from provenance.cli.app import main


@main.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option(
    "--lang", type=click.Choice(["de", "en"]), default=None, help="Language of every document (default: detect)."
)
@click.option("--include-unattributed", is_flag=True, help="Also list sentences that nobody is said to have said.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout."
)
def extract(files, output_format, lang, include_unattributed, jobs, output) -> None:
    """Find attributed claims and their chains of sources in .txt, .html and .jsonl FILES."""
    from provenance.extract import extract_documents, read_documents
    from provenance.model.documents import document_from_article

    documents = read_documents(files, lang=lang)
    articles = extract_documents(documents, include_unattributed=include_unattributed, jobs=jobs)
    if output_format == "jsonl":
        for article in articles:
            output.write(json.dumps(document_from_article(article), ensure_ascii=False) + "\n")
    else:
        payload = [document_from_article(article) for article in articles]
        output.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
