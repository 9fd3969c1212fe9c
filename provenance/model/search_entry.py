"""A claim as a search index holds it, apart from the search words' rules so that a store imports it without them."""

from __future__ import annotations

from typing import NamedTuple


class SearchEntry(NamedTuple):
    """One claim in a search index: its graph, where it is listed (article id, first span's start), its search words."""

    claim: str
    graph: str
    doc: str
    start: int
    words: frozenset[str]
