"""Attribution extraction: article text -> claims, each with its chain of sources (origin first).

Public API::

    read_documents(paths, lang=None) -> Iterator[InputDocument]
    extract_article(document, *, include_unattributed=False) -> provenance.model.Article
    extract_documents(documents, *, include_unattributed=False, jobs=1) -> Iterator[Article]
"""

from provenance.extract.extractor import claim_identifier, extract_article
from provenance.extract.language import detect_language
from provenance.extract.parallel import extract_documents
from provenance.extract.reading import InputDocument, read_documents

__all__ = [
    "InputDocument",
    "claim_identifier",
    "detect_language",
    "extract_article",
    "extract_documents",
    "read_documents",
]
