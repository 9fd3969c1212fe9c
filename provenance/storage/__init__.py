"""Stores behind one protocol: on-disk (default), in-memory, and a SPARQL 1.1 endpoint.

``open_store`` chooses the backend from what the user typed for ``--store``.
"""

from __future__ import annotations

from pathlib import Path

from provenance.errors import NoStore, StoreLocked
from provenance.storage.base import EXTENSIONS, FORMATS, Row, Store, Term


def __getattr__(name: str):
    # EmbeddedStore is imported on first use, so that reading a constant of provenance.storage.base
    # (the CLI's format choices) does not load the store's module with every command.
    if name == "EmbeddedStore":
        from provenance.storage.embedded import EmbeddedStore

        return EmbeddedStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(location: str, *, write: bool = True) -> Store:
    """Open ``memory``, an http(s) SPARQL endpoint URL, or an on-disk store directory.

    A writer creates an on-disk store that does not exist yet; a reader gets NoStore instead, so
    that a mistyped ``--store`` is said at once rather than answered with an empty store, and
    nothing is created. A reader opens the store read-only: that is allowed while a writer holds
    it (``claims`` or ``export`` work while an ingest runs) and opens in half the time; a second
    writer gets StoreLocked.
    """
    from provenance.storage.embedded import EmbeddedStore

    if location == "memory":
        return EmbeddedStore(None)
    if location.startswith(("http://", "https://")):
        from provenance.storage.endpoint import EndpointStore

        return EndpointStore.from_location(location)
    path = Path(location)
    if write:
        return EmbeddedStore(path)
    if not path.is_dir():
        raise NoStore(f"no store at {location}: ingest or add first, or pass --store")
    return EmbeddedStore(path, read_only=True)


__all__ = ["EXTENSIONS", "FORMATS", "EmbeddedStore", "Row", "Store", "Term", "open_store"]
