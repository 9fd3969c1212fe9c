"""Helpers for the analysis tests: claim records built by hand, and the examples loaded into a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.model.documents import article_from_document
from provenance.model.records import ArticleRef, ClaimRecord, SourceRef
from provenance.rdf.iris import IriScheme
from provenance.rdf.repository import add_article
from provenance.storage import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def source(name: str, kind: str = "person", reliability: str | None = None) -> SourceRef:
    return SourceRef(iri=f"urn:source:{name}", name=name, kind=kind, reliability=reliability)


def article(name: str, publisher: str | None = None) -> ArticleRef:
    return ArticleRef(iri=f"urn:article:{name}", id=name, publisher=publisher,
                      publisher_iri=None if publisher is None else f"urn:source:{publisher}")


def claim(number: int, where: ArticleRef, *chain: SourceRef, text: str = "x", mode: str = "indirect",
          hedged: bool = False) -> ClaimRecord:
    return ClaimRecord(iri=f"urn:claim:{number}", article=where, text=text, mode=mode, hedged=hedged,
                       chain=tuple(chain))


def load_folders(store, *folders: str) -> None:
    scheme = IriScheme()
    for folder in folders:
        for claims in sorted((EXAMPLES / folder).glob("*.json")):
            text = claims.with_suffix(".txt").read_text(encoding="utf-8")
            document = json.loads(claims.read_text(encoding="utf-8"))
            add_article(store, article_from_document(document, text), scheme)


@pytest.fixture
def example_store():
    """A function that returns an in-memory store holding the given example folders."""
    stores = []

    def make(*folders: str):
        store = open_store("memory")
        stores.append(store)
        load_folders(store, *folders)
        return store

    yield make
    for store in stores:
        store.close()
