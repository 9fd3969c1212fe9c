"""Timestamps the store writes: prov:startedAtTime of ingests, dates of ratings and reviews."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    """The current UTC time to the second, ISO 8601 with a Z."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
