"""Stores behind one protocol: on-disk (default), in-memory, and a SPARQL 1.1 endpoint.

``open_store`` chooses the backend from what the user typed for ``--store``.
"""

from __future__ import annotations

from pathlib import Path

from provenance.errors import StoreLocked
from provenance.storage.base import EXTENSIONS, FORMATS, Row, Store, Term
from provenance.storage.embedded import EmbeddedStore


def open_store(location: str, *, write: bool = True) -> Store:
    """Open ``memory``, an http(s) SPARQL endpoint URL, or an on-disk store directory.

    A reader finding the on-disk store locked by a writer opens it read-only instead, so that
    ``claims`` or ``export`` work while an ingest runs; a second writer gets StoreLocked.
    """
    if location == "memory":
        return EmbeddedStore(None)
    if location.startswith(("http://", "https://")):
        from provenance.storage.endpoint import EndpointStore

        return EndpointStore.from_location(location)
    try:
        return EmbeddedStore(Path(location))
    except StoreLocked:
        if write or not Path(location).is_dir():
            raise
        return EmbeddedStore(Path(location), read_only=True)


__all__ = ["EXTENSIONS", "FORMATS", "EmbeddedStore", "Row", "Store", "Term", "open_store"]
