"""Extract many documents, in this process or in worker processes, always in input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from functools import partial

from provenance.extract.extractor import extract_article
from provenance.extract.reading import InputDocument
from provenance.model.core import Article

# Documents handed to a worker at a time: enough to amortise pickling, small enough to keep order cheap.
CHUNK_SIZE = 32


def extract_documents(
    documents: Iterable[InputDocument], *, include_unattributed: bool = False, jobs: int = 1
) -> Iterator[Article]:
    """Yield one Article per document, in the order given; ``jobs`` > 1 uses that many processes."""
    work = partial(extract_article, include_unattributed=include_unattributed)
    if jobs <= 1:
        yield from map(work, documents)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(work, documents, chunksize=CHUNK_SIZE)
