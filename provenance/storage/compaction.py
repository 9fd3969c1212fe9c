"""Compacting a store on request: what ``provenance optimize`` and ``ingest --optimize`` do."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Compaction:
    """What compacting one store did; the sizes are those of the embedded store's files."""

    store: str
    compacted: bool
    seconds: float
    bytes_before: int | None
    bytes_after: int | None
    #: Claims in the search index made anew from the store (None: the store keeps no such index).
    indexed_claims: int | None = None


def compact(store) -> Compaction:
    """Compact ``store`` (``Store.optimize``), timed, with its size on disk before and after where it has one.

    The embedded store's search index is made anew with it (a store made before the index gets one).

    A SPARQL endpoint keeps its own indexes: it is left alone, which ``compacted=False`` says. A
    store in memory has no size on disk.
    """
    disk_bytes = getattr(store, "disk_bytes", None)
    if disk_bytes is None:
        return Compaction(store.location, False, 0.0, None, None)
    before = disk_bytes()
    started = time.perf_counter()
    store.optimize()
    seconds = time.perf_counter() - started
    index = getattr(store, "search_index", lambda: None)()
    return Compaction(store.location, True, seconds, before, disk_bytes(),
                      None if index is None else index.claim_count())


def size_text(size: int) -> str:
    """A size in bytes as people read it: ``1.6 GiB``, ``312 MiB``, ``4 KiB``.

    >>> size_text(17_700_000_000), size_text(1_700_000_000), size_text(327_155_712), size_text(1_060_000), size_text(12)
    ('16 GiB', '1.6 GiB', '312 MiB', '1.0 MiB', '12 bytes')
    """
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{size} bytes"
