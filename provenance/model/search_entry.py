"""A claim as a search index holds it, apart from the search words' rules so that a store imports it without them."""

from __future__ import annotations

from typing import NamedTuple


class SearchEntry(NamedTuple):
    """One claim in a search index: its graph, where it is listed (article id, first span's start), its
    search words, and the IRIs of the sources its chain passes through and of its origin."""

    claim: str
    graph: str
    doc: str
    start: int
    words: frozenset[str]
    sources: frozenset[str] = frozenset()
    origins: frozenset[str] = frozenset()


#: Search words are folded tokens (provenance.model.search_words) and never hold a space: these keys cannot be one.
_SOURCE_MARK = "source "
_ORIGIN_MARK = "origin "


def source_key(iri: str) -> str:
    """A search index's word for the claims whose chains pass through the source ``iri``."""
    return _SOURCE_MARK + iri


def origin_key(iri: str) -> str:
    """A search index's word for the claims whose chains start at the source ``iri``."""
    return _ORIGIN_MARK + iri
