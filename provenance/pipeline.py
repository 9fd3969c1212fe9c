"""Ingest: read documents, extract their claims, store each article in its own transaction.

This is the one place where extraction meets the store; the CLI only draws progress and the
summary. A document that cannot be read or extracted is reported and skipped: it never leaves
half an article behind, and the articles before it stay stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import ProvenanceError
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import AddResult, add_article


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one document: stored (``result``) or skipped (``error``)."""

    source: str
    result: AddResult | None = None
    error: str | None = None


def input_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: files as given, directories expanded to the readable files below them."""
    from provenance.extract.reading import READABLE_SUFFIXES

    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES))
        else:
            files.append(path)
    return files


def ingest(
    store,
    paths: Iterable[Path],
    scheme: IriScheme,
    *,
    lang: str | None = None,
    include_unattributed: bool = True,
    on_document: Callable[[IngestOutcome], None] | None = None,
) -> list[IngestOutcome]:
    """Extract and store every document of ``paths``; one transaction per article."""
    outcomes = []
    for outcome in _outcomes(store, input_files(paths), scheme, lang, include_unattributed):
        outcomes.append(outcome)
        if on_document is not None:
            on_document(outcome)
    return outcomes


def _outcomes(store, files: list[Path], scheme: IriScheme, lang, include_unattributed) -> Iterator[IngestOutcome]:
    from provenance.extract import extract_article, read_documents
    from provenance.extract.timex import annotate_due

    for path in files:
        try:
            documents = list(read_documents([path], lang=lang))
        except ProvenanceError as error:
            yield IngestOutcome(source=str(path), error=str(error))
            continue
        if not documents:
            yield IngestOutcome(source=str(path), error=f"{path}: no document in it")
        for document in documents:
            label = f"{path}#{document.id}" if len(documents) > 1 else str(path)
            try:
                article = extract_article(document, include_unattributed=include_unattributed)
                annotate_due(article)
                yield IngestOutcome(source=label, result=add_article(store, article, scheme, method="extract"))
            except ProvenanceError as error:
                yield IngestOutcome(source=label, error=str(error))
