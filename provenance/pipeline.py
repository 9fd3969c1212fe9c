"""Ingest: read documents, extract their claims, store the articles.

This is the one place where extraction meets the store; the CLI only draws progress and the
summary. Articles are stored by :func:`provenance.rdf.repository.add_articles`: new ones in
atomic batches, each article whole or not at all. A document that cannot be read or extracted
is reported and skipped: it never leaves half an article behind, and the articles before it
stay stored.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import ProvenanceError
from provenance.model import Article
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import AddResult, Rejected, add_articles


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
    """Extract and store every document of ``paths``; the outcomes come back in the order of the documents.

    ``on_document`` hears of each outcome as it is final: a skipped document at once, a stored
    one when the batch it belongs to is written.
    """
    outcomes: list[tuple[int, IngestOutcome]] = []

    def record(number: int, outcome: IngestOutcome) -> None:
        outcomes.append((number, outcome))
        if on_document is not None:
            on_document(outcome)

    handed_over: deque[tuple[int, str]] = deque()

    def articles() -> Iterator[Article]:
        for number, (label, article, error) in enumerate(_extracted(input_files(paths), lang, include_unattributed)):
            if article is None:
                record(number, IngestOutcome(source=label, error=error))
                continue
            handed_over.append((number, label))
            yield article

    # add_articles yields one result per article, in the order it was given them.
    for result in add_articles(store, articles(), scheme, method="extract", skip_invalid=True):
        number, label = handed_over.popleft()
        if isinstance(result, Rejected):
            record(number, IngestOutcome(source=label, error=result.error))
        else:
            record(number, IngestOutcome(source=label, result=result))
    return [outcome for _, outcome in sorted(outcomes, key=lambda pair: pair[0])]


def _extracted(files: list[Path], lang, include_unattributed) -> Iterator[tuple[str, Article | None, str | None]]:
    """``(label, article, None)`` for every document extracted, ``(label, None, error)`` for every one that failed."""
    from provenance.extract import read_documents

    for path in files:
        try:
            documents = list(read_documents([path], lang=lang))
        except ProvenanceError as error:
            yield str(path), None, str(error)
            continue
        if not documents:
            yield str(path), None, f"{path}: no document in it"
        for document in documents:
            label = f"{path}#{document.id}" if len(documents) > 1 else str(path)
            try:
                article = extracted_article(document, include_unattributed=include_unattributed)
            except ProvenanceError as error:
                yield label, None, str(error)
                continue
            yield label, article, None


def extracted_article(document, *, include_unattributed: bool = True) -> Article:
    """The article of one document: its claims with their chains, due dates, and the document's metadata."""
    from provenance.extract import extract_article
    from provenance.extract.timex import annotate_due

    article = extract_article(document, include_unattributed=include_unattributed)
    article.modified, article.author = document.modified, document.author
    annotate_due(article)
    return article
